// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/TransportError.h"

namespace Mailtrail::Net {

QString kindName(TransportError::Kind kind)
{
    using K = TransportError::Kind;
    switch (kind) {
    case K::None: return QStringLiteral("None");
    case K::HostNotFound: return QStringLiteral("HostNotFound");
    case K::ConnectionRefused: return QStringLiteral("ConnectionRefused");
    case K::ConnectTimeout: return QStringLiteral("ConnectTimeout");
    case K::GreetingTimeout: return QStringLiteral("GreetingTimeout");
    case K::CommandTimeout: return QStringLiteral("CommandTimeout");
    case K::DataTimeout: return QStringLiteral("DataTimeout");
    case K::RemoteClosed: return QStringLiteral("RemoteClosed");
    case K::Network: return QStringLiteral("Network");
    case K::TlsFailed: return QStringLiteral("TlsFailed");
    case K::CertificateRejected: return QStringLiteral("CertificateRejected");
    case K::StartTlsUnavailable: return QStringLiteral("StartTlsUnavailable");
    case K::PlaintextNotAllowed: return QStringLiteral("PlaintextNotAllowed");
    case K::Aborted: return QStringLiteral("Aborted");
    }
    return {};
}

QString TransportError::message() const
{
    using K = TransportError::Kind;
    QString text;
    switch (kind) {
    case K::None: return {};
    case K::HostNotFound: text = QStringLiteral("The server name could not be found."); break;
    case K::ConnectionRefused: text = QStringLiteral("The server refused the connection."); break;
    case K::ConnectTimeout: text = QStringLiteral("Connecting to the server timed out."); break;
    case K::GreetingTimeout: text = QStringLiteral("The server did not greet in time."); break;
    case K::CommandTimeout: text = QStringLiteral("The server did not answer in time."); break;
    case K::DataTimeout: text = QStringLiteral("Sending the message data timed out."); break;
    case K::RemoteClosed: text = QStringLiteral("The server closed the connection unexpectedly."); break;
    case K::Network: text = QStringLiteral("Network error."); break;
    case K::TlsFailed: text = QStringLiteral("A secure (TLS) connection could not be established."); break;
    case K::CertificateRejected: text = QStringLiteral("The server's certificate is not trusted."); break;
    case K::StartTlsUnavailable:
        text = QStringLiteral("The server does not offer STARTTLS, so the connection would not be "
                              "encrypted; it was not used.");
        break;
    case K::PlaintextNotAllowed:
        text = QStringLiteral("Unencrypted connections are only allowed to this computer (loopback).");
        break;
    case K::Aborted: text = QStringLiteral("The connection was cancelled."); break;
    }
    if (!detail.isEmpty())
        text += QLatin1Char(' ') + detail;
    return text;
}

} // namespace Mailtrail::Net
