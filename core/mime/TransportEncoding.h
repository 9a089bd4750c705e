// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mime/OutgoingMessage.h"

#include <QByteArray>
#include <QString>

namespace Mailtrail::Mime {

/// What a finished message (RFC 5322 bytes) asks of the submission server.
struct TransportNeeds
{
    bool utf8Headers = false; ///< raw UTF-8 in the header block: SMTPUTF8 (RFC 6532 §3)
    bool eightBitBody = false; ///< 8-bit octets in the body: 8BITMIME (RFC 6152)
    bool operator==(const TransportNeeds &) const = default;
};

[[nodiscard]] TransportNeeds transportNeeds(const QByteArray &message);

/// The result of adaptToTransport().
struct AdaptedMessage
{
    QByteArray bytes; ///< the message to send; the input when nothing had to change
    bool changed = false;
    /// Non-empty: it cannot be made fit (e.g. a UTF-8 local part in a header without
    /// SMTPUTF8, RFC 6531); bytes is then the input.
    QString error;
    [[nodiscard]] bool ok() const { return error.isEmpty(); }
};

/// Re-encodes a built message so that a server with @p capabilities can take it, keeping
/// everything else (Message-ID, Date, structure, content) as it was:
/// - without SMTPUTF8, raw UTF-8 header fields are written as RFC 2047 encoded-words
///   (address fields as RFC 2047 display names with ASCII addresses);
/// - without 8BITMIME (and SMTPUTF8, RFC 6531 §3.1), 8-bit parts get quoted-printable or
///   base64 (RFC 2045 §6), message/rfc822 parts recursively (RFC 2046 §5.2.1).
/// A message that already fits is returned unchanged, byte for byte.
[[nodiscard]] AdaptedMessage adaptToTransport(
    const QByteArray &message, const TransportCapabilities &capabilities);

} // namespace Mailtrail::Mime
