// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QSslCertificate>
#include <QSslError>
#include <QString>

namespace Mailtrail::Net {

/// Trust in the CA certificates of an account's CA file, checked beside the system store.
///
/// Handing Qt an explicit CA list switches off its on-demand lookup in the system store, so
/// trusting "the system CAs and this file" that way means parsing the whole store (~140
/// certificates, ~100 ms of a CLI run) and adding it to every TLS context. Instead the
/// connection keeps Qt's lazy system lookup, and when that finds no trusted issuer the chain
/// is verified here against the file's certificates alone, with OpenSSL's own chain building:
/// signatures, validity dates, the TLS server purpose and the host name.
namespace CaFileTrust {

/// The certificates in a PEM file, parsed once per process and file content; empty with
/// *error set when the file cannot be read or holds no certificate.
[[nodiscard]] QList<QSslCertificate> load(const QString &path, QString *error);

/// Whether these handshake errors are all "no trusted issuer found" — the only ones an
/// extra CA can answer. A name mismatch, an expired or revoked certificate is never one.
[[nodiscard]] bool onlyIssuerErrors(const QList<QSslError> &errors);

/// Whether \a chain (leaf first, as the server sent it) verifies against \a anchors as a TLS
/// server certificate for \a host (a DNS name or an IP address). *why gets OpenSSL's reason.
[[nodiscard]] bool verify(const QList<QSslCertificate> &anchors, const QList<QSslCertificate> &chain,
                          const QString &host, QString *why = nullptr);

} // namespace CaFileTrust
} // namespace Mailtrail::Net
