// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QSslCertificate>
#include <QSslError>
#include <QString>

namespace Mailtrail::Net {

/// An untrusted certificate, reported to the caller (the UI asks the user; core never does).
struct CertificateProblem
{
    QString host;
    quint16 port = 0;
    /// The peer's chain, leaf first.
    QList<QSslCertificate> chain;
    QList<QSslError> errors;
    /// SHA-256 of the leaf certificate (DER), 32 raw bytes; what "pin" stores.
    QByteArray sha256;

    /// One line per error, for the dialog.
    [[nodiscard]] QString errorText() const;
};

/// The caller's answer to a CertificateProblem.
enum class CertificateDecision {
    Reject,
    /// Accept for this connection only.
    AcceptOnce,
    /// Accept, and the caller stores CertificateProblem::sha256 in the account's
    /// CertificatePolicy::pinnedSha256 for later connections.
    Pin,
};

/// SHA-256 over the DER encoding of certificate (32 raw bytes).
[[nodiscard]] QByteArray sha256Fingerprint(const QSslCertificate &certificate);
/// "AB:CD:…" (upper-case hex pairs joined by colons), as browsers show it.
[[nodiscard]] QString fingerprintToHex(const QByteArray &digest);
/// Accepts "AB:CD:…", "abcd…" or with spaces; returns an empty array if not 32 bytes of hex.
[[nodiscard]] QByteArray fingerprintFromHex(const QString &text);

} // namespace Mailtrail::Net

Q_DECLARE_METATYPE(Mailtrail::Net::CertificateProblem)
