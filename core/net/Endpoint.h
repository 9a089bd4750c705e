// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace Mailtrail::Net {

/// How the byte stream is protected.
enum class Security {
    /// TLS from the first byte (RFC 8314 §3: submissions on 465, IMAPS on 993).
    ImplicitTls,
    /// Plain TCP, then the protocol's STARTTLS (RFC 3207, RFC 3501 §6.2.1). Never falls
    /// back to plaintext when the server does not offer it.
    StartTls,
    /// No TLS at all; refused unless the host is a loopback address (tests, local relays).
    PlainLoopbackOnly,
};

/// Timeouts in milliseconds. Defaults follow RFC 5321 §4.5.3.2 (client side).
struct Timeouts
{
    /// TCP connect plus, for implicit TLS, the handshake (not in RFC 5321; 30 s).
    int connectMs = 30 * 1000;
    /// Initial 220 greeting: 5 minutes (§4.5.3.2.1).
    int greetingMs = 5 * 60 * 1000;
    /// Reply to an ordinary command (MAIL, RCPT, EHLO, AUTH …): 5 minutes (§4.5.3.2.2–3).
    int commandMs = 5 * 60 * 1000;
    /// No progress while sending a data block: 3 minutes (§4.5.3.2.5).
    int dataBlockMs = 3 * 60 * 1000;
    /// Reply after the end of the data ("." or BDAT LAST): 10 minutes (§4.5.3.2.6).
    int dataEndMs = 10 * 60 * 1000;

    bool operator==(const Timeouts &) const = default;
};

/// Which certificates are trusted besides the system CAs.
struct CertificatePolicy
{
    /// A PEM file with extra CA certificates (a company CA, or the test stack's CA).
    QString extraCaFile;
    /// SHA-256 digests (32 raw bytes) of leaf certificates the user pinned for this account;
    /// a pinned certificate is accepted whatever its verification errors.
    QList<QByteArray> pinnedSha256;
    /// Use the system CA store (off only in tests that need an "untrusted" certificate).
    bool useSystemCas = true;

    bool operator==(const CertificatePolicy &) const = default;
};

/// Where to connect and how.
struct Endpoint
{
    QString host;
    quint16 port = 0;
    Security security = Security::StartTls;
    /// Name checked against the certificate; empty means host.
    QString peerVerifyName;
    CertificatePolicy certificates;
    Timeouts timeouts;

    [[nodiscard]] QString verifyName() const { return peerVerifyName.isEmpty() ? host : peerVerifyName; }
    bool operator==(const Endpoint &) const = default;
};

/// True for literal loopback addresses (127.0.0.0/8, ::1) and "localhost".
[[nodiscard]] bool isLoopbackHost(const QString &host);

/// "ImplicitTls", "StartTls", "PlainLoopbackOnly" (named so as not to shadow QTest::toString via ADL).
[[nodiscard]] QString securityName(Security security);

} // namespace Mailtrail::Net
