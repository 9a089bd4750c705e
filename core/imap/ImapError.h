// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "imap/Response.h"
#include "net/TransportError.h"

#include <QMetaType>
#include <QString>

namespace Mailtrail::Imap {

/// Why an IMAP operation failed: the category, the server's response code and text
/// (RFC 9051 §7.1), or the transport's error.
struct ImapError
{
    enum class Kind {
        None,
        Transport,            ///< connection, TLS or certificate problem; see transport
        Protocol,             ///< the server sent something unparsable; the connection was reset
        AuthenticationFailed, ///< NO to LOGIN / AUTHENTICATE (wrong user name or password)
        No,                   ///< tagged NO
        Bad,                  ///< tagged BAD (our command was rejected as malformed)
        Bye,                  ///< the server said BYE / closed the connection unexpectedly
        Unsupported,          ///< a needed capability is missing (e.g. STARTTLS, AUTH)
        Aborted,              ///< closed by our side
        /// NO to AUTHENTICATE OAUTHBEARER / XOAUTH2: the access token was refused; `text` holds
        /// the server's text and its decoded JSON error (RFC 7628 §3.2.2)
        TokenRefused,
    };
    Kind kind = Kind::None;
    ResponseCode code;
    QString text;  ///< server text or parser message
    Net::TransportError transport;

    [[nodiscard]] bool isError() const { return kind != Kind::None; }
    /// A sentence for the user.
    [[nodiscard]] QString message() const;
    bool operator==(const ImapError &) const = default;
};

[[nodiscard]] QString toString(ImapError::Kind kind);

} // namespace Mailtrail::Imap

Q_DECLARE_METATYPE(Mailtrail::Imap::ImapError)
