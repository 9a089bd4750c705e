// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracking/Explanation.h"

#include "tracking/ProofOfDelivery.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

namespace Mailtrail::Tracking {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Mailtrail::Tracking", text);
}

struct StatusText
{
    const char *code; // "X.Y.Z" with X as '*' for any class
    const char *text;
};

// RFC 3463 §3.1–3.8 and the IANA registry (RFC 5248); the common ones in plain words.
constexpr StatusText kDetails[] = {
    {"*.0.0", QT_TRANSLATE_NOOP("Mailtrail::Tracking", "no further detail was given")},
    {"*.1.0", QT_TRANSLATE_NOOP("Mailtrail::Tracking", "a problem with the address")},
    {"*.1.1", QT_TRANSLATE_NOOP("Mailtrail::Tracking", "the mailbox does not exist")},
    {"*.1.2", QT_TRANSLATE_NOOP("Mailtrail::Tracking", "the recipient's domain does not exist or accepts no mail")},
    {"*.1.3", QT_TRANSLATE_NOOP("Mailtrail::Tracking", "the recipient address is malformed")},
    {"*.1.6", QT_TRANSLATE_NOOP("Mailtrail::Tracking", "the recipient has moved and left no forwarding address")},
    {"*.1.7", QT_TRANSLATE_NOOP("Mailtrail::Tracking", "the sender address is malformed")},
    {"*.1.8", QT_TRANSLATE_NOOP("Mailtrail::Tracking", "the sender's domain is not accepted")},
    {"*.1.10", QT_TRANSLATE_NOOP("Mailtrail::Tracking", "the recipient's domain accepts no mail (null MX)")},
    {"*.2.0", QT_TRANSLATE_NOOP("Mailtrail::Tracking", "a problem with the recipient's mailbox")},
    {"*.2.1", QT_TRANSLATE_NOOP("Mailtrail::Tracking", "the mailbox is disabled")},
    {"*.2.2", QT_TRANSLATE_NOOP("Mailtrail::Tracking", "the mailbox is full")},
    {"*.2.3", QT_TRANSLATE_NOOP("Mailtrail::Tracking", "the message is too large for the recipient")},
    {"*.2.4", QT_TRANSLATE_NOOP("Mailtrail::Tracking", "a mailing list could not be expanded")},
    {"*.3.0", QT_TRANSLATE_NOOP("Mailtrail::Tracking", "a problem with the receiving mail system")},
    {"*.3.1", QT_TRANSLATE_NOOP("Mailtrail::Tracking", "the receiving mail system is full")},
    {"*.3.2", QT_TRANSLATE_NOOP("Mailtrail::Tracking", "the receiving mail system is not accepting mail")},
    {"*.3.4", QT_TRANSLATE_NOOP("Mailtrail::Tracking", "the message is too large for the receiving system")},
    {"*.4.0", QT_TRANSLATE_NOOP("Mailtrail::Tracking", "a network or routing problem")},
    {"*.4.1", QT_TRANSLATE_NOOP("Mailtrail::Tracking", "the receiving server did not answer")},
    {"*.4.2", QT_TRANSLATE_NOOP("Mailtrail::Tracking", "the connection to the receiving server broke")},
    {"*.4.3", QT_TRANSLATE_NOOP("Mailtrail::Tracking", "a DNS lookup failed")},
    {"*.4.4", QT_TRANSLATE_NOOP("Mailtrail::Tracking", "no route to the recipient's domain")},
    {"*.4.6", QT_TRANSLATE_NOOP("Mailtrail::Tracking", "a mail loop was detected")},
    {"*.4.7", QT_TRANSLATE_NOOP("Mailtrail::Tracking", "the message was too old to deliver")},
    {"*.5.0", QT_TRANSLATE_NOOP("Mailtrail::Tracking", "a protocol problem between mail servers")},
    {"*.5.3", QT_TRANSLATE_NOOP("Mailtrail::Tracking", "too many recipients")},
    {"*.6.0", QT_TRANSLATE_NOOP("Mailtrail::Tracking", "a problem with the message content")},
    {"*.6.3", QT_TRANSLATE_NOOP("Mailtrail::Tracking", "the message could not be converted for the recipient")},
    {"*.6.7", QT_TRANSLATE_NOOP("Mailtrail::Tracking", "the recipient's system cannot take international addresses")},
    {"*.7.0", QT_TRANSLATE_NOOP("Mailtrail::Tracking", "refused by a security policy")},
    {"*.7.1", QT_TRANSLATE_NOOP("Mailtrail::Tracking", "the sender is not allowed to deliver to this recipient")},
    {"*.7.8", QT_TRANSLATE_NOOP("Mailtrail::Tracking", "authentication failed")},
    {"*.7.23", QT_TRANSLATE_NOOP("Mailtrail::Tracking", "the sender's SPF check failed")},
    {"*.7.25", QT_TRANSLATE_NOOP("Mailtrail::Tracking", "the sending server's reverse DNS is missing")},
    {"*.7.26", QT_TRANSLATE_NOOP("Mailtrail::Tracking", "the message failed sender authentication (SPF/DKIM/DMARC)")},
};

constexpr const char *kSubjects[] = {
    QT_TRANSLATE_NOOP("Mailtrail::Tracking", "other or undefined problem"),
    QT_TRANSLATE_NOOP("Mailtrail::Tracking", "addressing problem"),
    QT_TRANSLATE_NOOP("Mailtrail::Tracking", "mailbox problem"),
    QT_TRANSLATE_NOOP("Mailtrail::Tracking", "mail system problem"),
    QT_TRANSLATE_NOOP("Mailtrail::Tracking", "network or routing problem"),
    QT_TRANSLATE_NOOP("Mailtrail::Tracking", "protocol problem"),
    QT_TRANSLATE_NOOP("Mailtrail::Tracking", "message content problem"),
    QT_TRANSLATE_NOOP("Mailtrail::Tracking", "security or policy problem"),
};

QString classText(QChar c)
{
    switch (c.unicode()) {
    case '2':
        return tr("success");
    case '4':
        return tr("temporary problem");
    case '5':
        return tr("permanent failure");
    default:
        return {};
    }
}

} // namespace

QString explainStatus(const QString &status)
{
    static const QRegularExpression re(QStringLiteral("^([245])\\.(\\d{1,3})\\.(\\d{1,3})$"));
    const QRegularExpressionMatch m = re.match(status.trimmed());
    if (!m.hasMatch())
        return {};
    const QString anyClass = QStringLiteral("*.%1.%2").arg(m.captured(2), m.captured(3));
    for (const StatusText &entry : kDetails) {
        if (anyClass == QLatin1String(entry.code))
            return tr(entry.text);
    }
    const int subject = m.captured(2).toInt();
    const QString cls = classText(m.captured(1).at(0));
    if (subject >= 0 && subject < int(std::size(kSubjects)))
        return QStringLiteral("%1: %2").arg(cls, tr(kSubjects[subject]));
    return cls;
}

namespace {

QString describeWhatItSays(const Evidence &e);

} // namespace

QString describeEvidence(const Evidence &e)
{
    const QString says = describeWhatItSays(e);
    if (!e.isPossible())
        return says;
    return QCoreApplication::translate("Mailtrail::Tracking",
                                       "A report that may be about this message (not confirmed, "
                                       "it changes nothing until you confirm it): %1")
        .arg(says);
}

namespace {

QString describeWhatItSays(const Evidence &e)
{
    const QString where = !e.remoteMta.isEmpty() ? e.remoteMta : e.reportingMta;
    const QString meaning = explainStatus(e.status);
    const QString why = meaning.isEmpty()
        ? QString()
        : QCoreApplication::translate("Mailtrail::Tracking", ": %1 (%2)",
                                      "appended to a state: 'Failed: the mailbox is full (5.2.2).'")
              .arg(meaning, e.status);
    switch (e.kind) {
    case EvidenceKind::Queued:
        if (e.source == EvidenceSource::Smtp) {
            // A 4xx at RCPT: the outbox tries this recipient again (issue 15 §5).
            QString reply = e.replyCode > 0 ? QString::number(e.replyCode) : QString();
            for (const QString &part : {e.status, e.diagnostic}) {
                if (!part.isEmpty())
                    reply += (reply.isEmpty() ? QString() : QStringLiteral(" ")) + part;
            }
            return tr("Deferred by your mail server: %1. Mailtrail tries again.").arg(reply);
        }
        return tr("Queued in the outbox.");
    case EvidenceKind::SubmissionAccepted:
        if (e.source == EvidenceSource::Elsewhere)
            return tr("Sent from another program (no delivery reports were requested).");
        if (e.source == EvidenceSource::Outbox)
            return tr("Marked as sent by you.");
        return tr("Accepted by the outgoing mail server.");
    case EvidenceKind::SubmissionRefused:
        if (e.source == EvidenceSource::Outbox)
            return tr("Discarded by you; it was not sent.");
        return tr("Refused by the outgoing mail server") + why + QLatin1Char('.');
    case EvidenceKind::Delayed:
        if (e.willRetryUntil.isValid())
            return tr("Delayed") + why + QLatin1String(". ")
                + tr("The mail system keeps trying until %1.")
                      .arg(proofTime(e.willRetryUntil)); // one time format, seconds and zone
        return tr("Delayed") + why + QLatin1String(". ") + tr("The mail system keeps trying.");
    case EvidenceKind::Relayed:
        return where.isEmpty()
            ? tr("Passed on to a server that cannot report; no further reports will come.")
            : tr("Passed on by %1 to a server that cannot report; no further reports will come.")
                  .arg(where);
    case EvidenceKind::Expanded:
        return tr("Delivered to a mailing list or alias, which passes it on to its members.");
    case EvidenceKind::Delivered:
        return where.isEmpty() ? tr("Delivered to the recipient's mailbox.")
                               : tr("Delivered to the recipient's mailbox by %1.").arg(where);
    case EvidenceKind::Failed:
        if (e.source == EvidenceSource::Bounce)
            return tr("Failed") + why + QLatin1String(". ")
                + tr("(from a non-standard bounce message)");
        return tr("Failed") + why + QLatin1Char('.');
    case EvidenceKind::Displayed:
        return e.automatic ? tr("Displayed to the recipient (receipt sent automatically).")
                           : tr("Displayed to the recipient.");
    case EvidenceKind::Deleted:
        return tr("Deleted by the recipient without being displayed.");
    case EvidenceKind::Dispatched:
        return tr("Handled by the recipient's mail program without being displayed "
                  "(printed, faxed or forwarded).");
    case EvidenceKind::Processed:
        return tr("Processed by the recipient's mail program without being displayed.");
    case EvidenceKind::Replied:
        return tr("The recipient replied.");
    }
    return {};
}

} // namespace

QString describeState(DeliveryState state)
{
    switch (state) {
    case DeliveryState::Queued:
        return tr("Waiting in the outbox.");
    case DeliveryState::Rejected:
        return tr("Refused by the outgoing mail server; it was not sent to this recipient.");
    case DeliveryState::Accepted:
        return tr("Accepted by the outgoing mail server; no report yet.");
    case DeliveryState::Delayed:
        return tr("Delayed; the mail system is still trying.");
    case DeliveryState::Relayed:
        return tr("Passed to a server that cannot report; no further reports will come.");
    case DeliveryState::Expanded:
        return tr("Delivered to a mailing list or alias.");
    case DeliveryState::Delivered:
        return tr("Delivered to the recipient's mailbox.");
    case DeliveryState::Failed:
        return tr("Could not be delivered.");
    case DeliveryState::Dispatched:
        return tr("Handled by the recipient's mail program without being displayed.");
    case DeliveryState::Processed:
        return tr("Processed by the recipient's mail program without being displayed.");
    case DeliveryState::Deleted:
        return tr("Deleted by the recipient without being displayed.");
    case DeliveryState::Displayed:
        return tr("Displayed to the recipient.");
    case DeliveryState::Replied:
        return tr("The recipient replied.");
    case DeliveryState::Overdue:
        return tr("A report was requested but none has come in time.");
    }
    return {};
}

} // namespace Mailtrail::Tracking
