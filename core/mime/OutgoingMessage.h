// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace Mailtrail::Mime {

/// A display name and an address (RFC 5322 §3.4 "mailbox"). The address may contain
/// UTF-8 (RFC 6531) — it is then only accepted when the server offers SMTPUTF8.
struct Mailbox
{
    QString name;
    QString address;

    [[nodiscard]] bool isEmpty() const { return address.isEmpty(); }
    /// The domain part, after the last '@' (empty if none).
    [[nodiscard]] QString domain() const;
    /// "Name <address>" for people, not for headers.
    [[nodiscard]] QString toDisplayString() const;
    friend bool operator==(const Mailbox &, const Mailbox &) = default;
};

/// For QTest diffs (found by argument-dependent lookup); the caller deletes[] the result.
[[nodiscard]] char *toString(const Mailbox &mailbox);

/// One file to attach, or an inline image referenced from the HTML body by cid:.
struct OutgoingAttachment
{
    enum class Kind {
        File, ///< Content-Disposition: attachment
        InlineImage, ///< part of multipart/related beside the HTML, referenced by Content-ID
        Message, ///< a whole message, attached as message/rfc822 (forward as attachment)
    };
    Kind kind = Kind::File;
    QString fileName; ///< any Unicode; written with RFC 2231 parameters when needed
    QByteArray data;
    /// Empty: guessed from the file name and content (QMimeDatabase).
    QString mimeType;
    /// InlineImage only; generated (random@sender-domain) when empty. Without "<>".
    QString contentId;

    friend bool operator==(const OutgoingAttachment &, const OutgoingAttachment &) = default;
};

/// Everything the user composed. Typed input of MessageBuilder.
struct OutgoingMessage
{
    Mailbox from;
    QList<Mailbox> to;
    QList<Mailbox> cc;
    QList<Mailbox> bcc; ///< envelope only, never written to a header
    QList<Mailbox> replyTo;
    QString subject;
    QDateTime date; ///< invalid: now
    QString plainText; ///< the body as the user wrote it; sent as format=flowed
    QString html; ///< optional HTML alternative (multipart/alternative)
    QList<OutgoingAttachment> attachments;
    QByteArray inReplyTo; ///< a msg-id with its angle brackets, or empty
    QList<QByteArray> references; ///< msg-ids with angle brackets, oldest first
    bool requestReadReceipt = false; ///< adds Disposition-Notification-To (RFC 8098 §2.1)
    /// Empty: a new random one on the sender's domain. With angle brackets.
    QByteArray messageId;

    friend bool operator==(const OutgoingMessage &, const OutgoingMessage &) = default;
};

/// What the submission server offered in its EHLO reply (the last one seen for the account,
/// Sync::SubmissionCapabilityStore).
struct TransportCapabilities
{
    bool eightBitMime = false; ///< RFC 6152
    bool smtpUtf8 = false; ///< RFC 6531 (implies 8BITMIME)
    /// No EHLO seen yet: everything is built 7-bit safe, but UTF-8 addresses are built
    /// (RFC 6531) rather than refused; the submission then decides, and a server without
    /// SMTPUTF8 makes it a permanent error.
    bool smtpUtf8Unknown = false;
    friend bool operator==(const TransportCapabilities &, const TransportCapabilities &) = default;
};

/// The SMTP envelope of a built message (RFC 5321 §3.3).
struct Envelope
{
    QString mailFrom;
    QStringList recipients; ///< To, Cc and Bcc, each once, in that order
    bool requiresSmtpUtf8 = false; ///< an address or header needs SMTPUTF8
    bool requires8BitMime = false; ///< BODY=8BITMIME must be given on MAIL FROM

    friend bool operator==(const Envelope &, const Envelope &) = default;
};

/// The result of MessageBuilder::build: what the outbox stores and the SMTP job sends.
struct BuiltMessage
{
    QByteArray bytes; ///< CRLF line ends, no line over 998 octets, no dot-stuffing
    Envelope envelope;
    QByteArray messageId; ///< with angle brackets, as written in the Message-ID header
    QString error; ///< non-empty: nothing was built (e.g. no sender, UTF-8 address without SMTPUTF8)

    [[nodiscard]] bool isValid() const { return error.isEmpty() && !bytes.isEmpty(); }
};

} // namespace Mailtrail::Mime
