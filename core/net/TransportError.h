// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QObject>
#include <QString>

namespace Mailtrail::Net {

/// Why a connection failed. Each kind has a clear message for the user (message()).
struct TransportError
{
    Q_GADGET
public:
    enum class Kind {
        None,
        HostNotFound,
        ConnectionRefused,
        /// TCP connect (and implicit-TLS handshake) took longer than Timeouts::connectMs.
        ConnectTimeout,
        /// No greeting within Timeouts::greetingMs (RFC 5321 §4.5.3.2.1).
        GreetingTimeout,
        /// No reply to a command within Timeouts::commandMs.
        CommandTimeout,
        /// No progress while sending data, or no reply to its end.
        DataTimeout,
        /// The server closed the connection when we did not expect it.
        RemoteClosed,
        /// Other socket error (network unreachable, reset, …).
        Network,
        /// TLS could not be established (protocol error, handshake failure).
        TlsFailed,
        /// The certificate was not trusted and the user (or policy) rejected it.
        CertificateRejected,
        /// STARTTLS was configured but the server does not offer it (never falls back).
        StartTlsUnavailable,
        /// Plaintext was requested towards a host that is not loopback.
        PlaintextNotAllowed,
        /// Closed by our side (abort()).
        Aborted,
    };
    Q_ENUM(Kind)

    Kind kind = Kind::None;
    /// Details (socket error text, host, TLS error); no secrets.
    QString detail;

    [[nodiscard]] bool isError() const { return kind != Kind::None; }
    /// A sentence for the user, with the detail.
    [[nodiscard]] QString message() const;
    bool operator==(const TransportError &) const = default;
};

[[nodiscard]] QString kindName(TransportError::Kind kind);

} // namespace Mailtrail::Net

Q_DECLARE_METATYPE(Mailtrail::Net::TransportError)
