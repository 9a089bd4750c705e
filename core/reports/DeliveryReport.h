// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Mailtrail::Reports {

/// What kind of report a mail is. Only Dsn, Mdn and Bounce say something about delivery;
/// AutoReply and Feedback are reports that must never be read as a failure.
enum class ReportKind
{
    None, ///< ordinary mail (or garbage: see DeliveryReport::error)
    Dsn, ///< RFC 3464 / RFC 6533 multipart/report; report-type=delivery-status
    Mdn, ///< RFC 8098 multipart/report; report-type=disposition-notification
    Bounce, ///< a non-standard bounce whose text was read by heuristics
    AutoReply, ///< RFC 3834 automatic reply (vacation, out of office)
    Feedback, ///< RFC 5965 ARF feedback report (abuse, opt-out, …)
};

/// RFC 3464 §2.3.3 action-field. Unknown when the field is absent or not one of the five.
enum class DeliveryAction
{
    Unknown,
    Failed,
    Delayed,
    Delivered,
    Relayed,
    Expanded
};

/// An address with its RFC 3464 §2.3.1/§2.3.2 address-type ("rfc822", "utf-8" (RFC 6533),
/// "x400", …). For addresses read from bounce text the type is empty.
struct TypedAddress
{
    QString type;
    QString address;
    bool operator==(const TypedAddress &) const = default;
    [[nodiscard]] bool isEmpty() const { return address.isEmpty(); }
};

/// One per-recipient outcome: an RFC 3464 §2.3 per-recipient group, or what heuristics read
/// from a non-standard bounce for one recipient.
struct RecipientRecord
{
    DeliveryAction action = DeliveryAction::Unknown;
    QString status; ///< RFC 3463 enhanced status code "class.subject.detail", e.g. "5.1.1"
    QString replyCode; ///< RFC 5321 §4.2 three-digit reply code, e.g. "550"
    TypedAddress finalRecipient; ///< §2.3.2 Final-Recipient (or the address the bounce names)
    TypedAddress originalRecipient; ///< §2.3.1 Original-Recipient (our ORCPT)
    QString diagnosticType; ///< §2.3.6 diagnostic-type, usually "smtp"
    QString diagnostic; ///< §2.3.6 Diagnostic-Code text, or the bounce's explanation
    QString remoteMta; ///< §2.3.5 Remote-MTA (the mta-name, without its type)
    QString lastAttemptDate; ///< §2.3.7 Last-Attempt-Date, verbatim
    QString willRetryUntil; ///< §2.3.9 Will-Retry-Until, verbatim (delayed only)
    /// How sure the parser is: 1.0 for a well-formed RFC 3464 group, lower for heuristics.
    double confidence = 0.0;
    bool operator==(const RecipientRecord &) const = default;
};

/// The correlation keys of the message a report returns (RFC 3462/6522 third part:
/// message/rfc822, text/rfc822-headers, or RFC 6533 message/global(-headers)).
struct ReturnedMessage
{
    QString messageId; ///< without angle brackets
    QString subject; ///< RFC 2047 decoded
    QString from;
    QString to;
    bool operator==(const ReturnedMessage &) const = default;
    [[nodiscard]] bool isEmpty() const
    {
        return messageId.isEmpty() && subject.isEmpty() && from.isEmpty() && to.isEmpty();
    }
};

/// RFC 8098 §3.2.6 disposition-field:
/// `Disposition: action-mode/sending-mode; type/modifier,modifier`.
struct Disposition
{
    QString actionMode; ///< "manual-action" or "automatic-action"
    QString sendingMode; ///< "MDN-sent-manually" or "MDN-sent-automatically"
    QString type; ///< "displayed", "deleted", "dispatched" or "processed" (lower case)
    QStringList modifiers; ///< e.g. "error" (lower case)
    bool operator==(const Disposition &) const = default;
    [[nodiscard]] bool isEmpty() const { return type.isEmpty() && actionMode.isEmpty(); }
    /// The field as the CLI prints it, e.g. "manual-action/MDN-sent-manually; displayed".
    [[nodiscard]] QString toString() const;
};

/// RFC 8098 §3.2 fields of a message disposition notification.
struct MdnFields
{
    QString reportingUa; ///< §3.2.1 Reporting-UA
    TypedAddress originalRecipient; ///< §3.2.3 Original-Recipient
    TypedAddress finalRecipient; ///< §3.2.4 Final-Recipient
    QString originalMessageId; ///< §3.2.5 Original-Message-ID, without angle brackets
    Disposition disposition; ///< §3.2.6
    bool operator==(const MdnFields &) const = default;
};

/// Everything a returned mail says about delivery. Produced by parseDeliveryReport().
/// The tracking module correlates it with sent mail (DESIGN.md "Correlation order").
struct DeliveryReport
{
    /// Set when the parse hit a limit; the report is still usable but incomplete.
    enum Flag
    {
        NoFlags = 0,
        RecipientsTruncated = 1 << 0, ///< more than maxRecipients records; the rest dropped
        NestingTruncated = 1 << 1, ///< MIME nested deeper than the parser follows
        InputTruncated = 1 << 2, ///< the mail was larger than the parser reads
        /// A part's transfer encoding or charset is damaged (truncated or invalid base64,
        /// bytes that are invalid in the labelled charset): read as far as it goes.
        DamagedEncoding = 1 << 3,
    };

    ReportKind kind = ReportKind::None;
    QString reportingMta; ///< RFC 3464 §2.2.2 Reporting-MTA (mta-name only)
    QString originalEnvelopeId; ///< §2.2.1 Original-Envelope-Id (our ENVID, still xtext)
    QString arrivalDate; ///< §2.2.5 Arrival-Date, verbatim
    ReturnedMessage returned; ///< the original message, if the report returns it
    QList<RecipientRecord> recipients; ///< in the order they appear in the mail
    MdnFields mdn; ///< only for kind == Mdn
    QString feedbackType; ///< RFC 5965 §3.1 Feedback-Type, only for kind == Feedback
    QString error; ///< why a mail could not be read (kind is None then)
    int flags = NoFlags;

    bool operator==(const DeliveryReport &) const = default;

    /// True for the kinds that carry delivery evidence (dsn, mdn, bounce).
    [[nodiscard]] bool isDeliveryEvidence() const
    {
        return kind == ReportKind::Dsn || kind == ReportKind::Mdn || kind == ReportKind::Bounce;
    }
};

/// At most this many recipient records are kept; DeliveryReport::RecipientsTruncated says so.
inline constexpr int maxRecipients = 1000;

/// A delay report that says the mail system gave up (issue #15 §2): status X.4.7 ("delivery
/// time expired", RFC 3463 §3.5), or wording that the message was removed from the queue /
/// will not be retried. Such a report is final: effectiveAction() is Failed.
[[nodiscard]] bool delayReportGivesUp(const RecipientRecord &record);
/// The outcome a record proves: its Action, except that a delay report that gives up
/// (delayReportGivesUp()) is a failure; with no Action, the status class (RFC 3463 §3.1)
/// or reply code decides (5 failed, 4 delayed, 2 delivered), else Unknown.
[[nodiscard]] DeliveryAction effectiveAction(const RecipientRecord &record);

[[nodiscard]] QString kindName(ReportKind kind); ///< "dsn", "mdn", "bounce", …
[[nodiscard]] QString actionName(DeliveryAction action); ///< "failed", …; empty for Unknown
[[nodiscard]] DeliveryAction actionFromName(QStringView text);
inline char *toString(ReportKind kind)
{
    return qstrdup(kindName(kind).toUtf8().constData());
}
inline char *toString(DeliveryAction action)
{
    return qstrdup(actionName(action).toUtf8().constData());
}
/// A one-line human description for test failure messages.
[[nodiscard]] QString describe(const RecipientRecord &record);
[[nodiscard]] QString describe(const MdnFields &mdn);
[[nodiscard]] QString describe(const DeliveryReport &report);

/// QTest::toString overloads (found by argument-dependent lookup). Caller frees (delete[]).
inline char *toString(const RecipientRecord &record)
{
    return qstrdup(describe(record).toUtf8().constData());
}
inline char *toString(const MdnFields &mdn)
{
    return qstrdup(describe(mdn).toUtf8().constData());
}
inline char *toString(const DeliveryReport &report)
{
    return qstrdup(describe(report).toUtf8().constData());
}

} // namespace Mailtrail::Reports
