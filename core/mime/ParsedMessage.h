// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mime/OutgoingMessage.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace Mailtrail::Mime {

struct ParsedMessage;

/// The header fields a mail client shows or threads by, decoded (RFC 2047, RFC 6532,
/// fallback charsets for raw 8-bit text).
struct MessageHeaders
{
    QString subject;
    QList<Mailbox> from;
    QList<Mailbox> sender;
    QList<Mailbox> replyTo;
    QList<Mailbox> to;
    QList<Mailbox> cc;
    QList<Mailbox> bcc;
    QDateTime date; ///< invalid if missing or unparsable
    QByteArray messageId; ///< with angle brackets
    QByteArray inReplyTo; ///< the first msg-id, with angle brackets
    QList<QByteArray> references; ///< with angle brackets, oldest first
    QList<Mailbox> dispositionNotificationTo; ///< RFC 8098 §2.1 read-receipt request
    /// Every field in order, name as written, value decoded.
    QList<QPair<QByteArray, QString>> all;

    /// The decoded value of the first field called `name` (case-insensitive).
    [[nodiscard]] QString value(const QByteArray &name) const;

    friend bool operator==(const MessageHeaders &, const MessageHeaders &) = default;
};

/// One node of the MIME tree (RFC 2045 / RFC 2046).
struct MessagePart
{
    /// IMAP-style section number (RFC 3501 §6.4.5): "1", "1.2", ...; "" for a multipart root.
    QString id;
    QByteArray contentType; ///< lower case "type/subtype"; text/plain when missing
    QByteArray charset; ///< declared, lower case, may be empty
    QByteArray disposition; ///< "inline", "attachment" or empty
    QByteArray transferEncoding; ///< lower case, e.g. "base64"; empty for multiparts
    QByteArray contentId; ///< without angle brackets
    QString fileName; ///< sanitised (sanitizeFileName); set for attachments, may be set for others
    QString originalFileName; ///< as the sender wrote it, decoded; never use it as a path
    QByteArray content; ///< transfer-decoded bytes (leaves only)
    qint64 size = 0; ///< transfer-decoded size in bytes
    bool flowed = false; ///< text/plain; format=flowed
    bool delSp = false;
    std::vector<MessagePart> children; ///< multipart children
    /// message/rfc822 (and message/global): the embedded message, parsed.
    std::shared_ptr<const ParsedMessage> embedded;

    [[nodiscard]] bool isMultipart() const { return contentType.startsWith("multipart/"); }
    [[nodiscard]] bool isText() const { return contentType.startsWith("text/"); }
    /// Shown as an attachment (a file or a forwarded message), not as the body.
    [[nodiscard]] bool isAttachment() const;
    /// The content decoded to text (charset fallbacks, see decodeText); format=flowed
    /// is not undone here.
    [[nodiscard]] QString text() const;

    friend bool operator==(const MessagePart &a, const MessagePart &b);
};

enum class BodyPreference { PlainText, Html };

/// A message read by MessageReader. Value type; copying shares embedded messages.
struct ParsedMessage
{
    QByteArray raw; ///< the bytes parsed, untouched: nothing is ever lost
    MessageHeaders headers;
    MessagePart root;
    /// Problems found while parsing (missing boundary, truncated base64, bad charset, ...).
    /// The content is still there as far as it could be recovered.
    QStringList warnings;

    [[nodiscard]] const MessagePart *findPart(const QString &id) const;
    /// The inline part referenced as cid:`contentId` (with or without angle brackets).
    [[nodiscard]] const MessagePart *findByContentId(const QByteArray &contentId) const;
    /// The part to display: in multipart/alternative the text/plain one, or text/html when
    /// `preference` is Html (or there is no plain text); multipart/related: its root.
    [[nodiscard]] const MessagePart *displayPart(BodyPreference preference = BodyPreference::PlainText) const;
    /// Parts to offer as attachments (files, forwarded messages), in document order.
    [[nodiscard]] QList<const MessagePart *> attachments() const;
    /// The display part as plain text (format=flowed decoded, HTML reduced to text).
    [[nodiscard]] QString bodyText() const;
};

/// What the viewer shows: sanitised HTML, and how much remote content was blocked.
struct DisplayContent
{
    QString html;
    bool fromHtml = false; ///< the message had an HTML body and it is shown
    int blockedRemoteCount = 0;
    QStringList blockedRemoteUrls;
};

/// Renders the display part for a viewer: HTML through HtmlSanitizer with cid: URLs mapped
/// to data:image URLs of the inline parts, plain text through HtmlSanitizer::plainTextToHtml.
[[nodiscard]] DisplayContent renderForDisplay(const ParsedMessage &message,
                                              BodyPreference preference = BodyPreference::PlainText,
                                              bool allowRemoteContent = false);

} // namespace Mailtrail::Mime
