// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mime/OutgoingMessage.h"

namespace Mailtrail::Mime {

/// What is needed to answer a read-receipt request with an RFC 8098 MDN.
struct MdnRequest
{
    Mailbox from;            ///< the reader (the account that received the message)
    QString to;              ///< the single Disposition-Notification-To address (§2.1)
    QString originalSubject; ///< for the human-readable part and "Read: …"
    QByteArray originalMessageId; ///< with angle brackets (§3.2.5); may be empty
    /// The Original-Recipient header of the received message, if it had one (§3.2.3).
    QString originalRecipient;
    /// The address the message was delivered to (§3.2.4), usually from.address.
    QString finalRecipient;
    /// §3.2.1 "ua-name; ua-product", e.g. "mail.example.test; Mailtrail 0.1.0".
    QString reportingUa;
    /// automatic-action/MDN-sent-automatically, else manual-action/MDN-sent-manually (§3.2.6.1).
    bool automatic = false;
    /// displayed, deleted, dispatched or processed (§3.2.6.2).
    QString dispositionType = QStringLiteral("displayed");
    /// Header section of the received message, returned as text/rfc822-headers (§3); optional.
    QByteArray originalHeaders;
    QDateTime date; ///< invalid: now
};

/// Builds an RFC 8098 message disposition notification: multipart/report;
/// report-type=disposition-notification with a human-readable text/plain part, the
/// message/disposition-notification part and, when given, the original headers. The
/// envelope has a null reverse-path (MAIL FROM:<>, §2.1) and the one recipient. The
/// message references the original (In-Reply-To), so it is correlated even by clients
/// that read only threads. An error is set for an unknown disposition type or no address.
[[nodiscard]] BuiltMessage buildMdn(const MdnRequest &request);

} // namespace Mailtrail::Mime
