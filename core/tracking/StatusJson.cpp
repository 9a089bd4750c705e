// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracking/StatusJson.h"

#include "tracking/Explanation.h"

#include <QJsonArray>

namespace Mailtrail::Tracking {

namespace {

QString iso(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}

} // namespace

QJsonObject evidenceToJson(const Evidence &e)
{
    QJsonObject o;
    o[QLatin1String("id")] = e.id;
    o[QLatin1String("kind")] = kindName(e.kind);
    o[QLatin1String("source")] = sourceName(e.source);
    o[QLatin1String("time")] = iso(e.time);          // the remote clock's word
    o[QLatin1String("received")] = iso(e.receivedAt); // Mailtrail's clock: the order
    o[QLatin1String("status")] = e.status;
    o[QLatin1String("replycode")] = e.replyCode > 0 ? QString::number(e.replyCode) : QString();
    o[QLatin1String("diagnostic")] = e.diagnostic;
    o[QLatin1String("remote_mta")] = e.remoteMta;
    o[QLatin1String("reporting_mta")] = e.reportingMta;
    o[QLatin1String("will_retry_until")] = iso(e.willRetryUntil);
    o[QLatin1String("automatic")] = e.automatic;
    o[QLatin1String("confidence")] = e.confidence;
    o[QLatin1String("matched_by")] = e.matchedBy;
    o[QLatin1String("possible")] = e.isPossible();
    o[QLatin1String("match_reason")] = e.matchReason;
    o[QLatin1String("confirmed")] = iso(e.confirmedAt);
    o[QLatin1String("report_id")] = e.reportId;
    o[QLatin1String("detail")] = describeEvidence(e);
    return o;
}

QJsonObject messageToJson(const TrackedMessage &message, const QDateTime &now,
                          const DeadlinePolicy &policy)
{
    QJsonObject o;
    o[QLatin1String("id")] = message.id;
    o[QLatin1String("account")] = message.account;
    o[QLatin1String("message_id")] = message.messageId;
    o[QLatin1String("envid")] = message.envid;
    o[QLatin1String("subject")] = message.subject;
    o[QLatin1String("from")] = message.sender;
    o[QLatin1String("created")] = iso(message.createdAt);
    o[QLatin1String("submitted")] = iso(message.submittedAt);
    o[QLatin1String("dsn_supported")] = message.dsnSupported;
    o[QLatin1String("read_receipt_requested")] = message.readReceiptRequested;
    o[QLatin1String("queue_id")] = message.queueId;
    o[QLatin1String("origin")] = message.origin.isEmpty() ? QString(kOriginMailtrail) : message.origin;
    if (message.resendOf > 0)
        o[QLatin1String("resend_of")] = message.resendOf;
    if (!message.resentAs.isEmpty()) {
        QJsonArray resent;
        for (qint64 id : message.resentAs)
            resent.append(id);
        o[QLatin1String("resent_as")] = resent;
    }

    QJsonArray recipients;
    QList<DeliveryState> states;
    for (const RecipientTimeline &timeline : message.recipients) {
        const DerivedState derived = timeline.derive(now, policy);
        states.append(derived.state);
        // Status, reply code and diagnostic come from the event that set the state and from
        // no other: an event without a diagnostic shows none (issue #15 §2).
        QString status;
        QString diagnostic;
        int replyCode = 0;
        if (derived.decidingEvent >= 0) {
            const Evidence &deciding = timeline.events().at(derived.decidingEvent);
            status = deciding.status;
            diagnostic = deciding.diagnostic;
            replyCode = deciding.replyCode;
        }
        QJsonArray events;
        for (const Evidence &e : timeline.events())
            events.append(evidenceToJson(e));
        // Possible evidence, apart: reports that may be about this recipient, not yet
        // confirmed (`mailtrail-cli status --confirm ID`), deciding nothing.
        QJsonArray possible;
        for (int index : derived.possibleEvents)
            possible.append(evidenceToJson(timeline.events().at(index)));
        QJsonObject r;
        r[QLatin1String("address")] = timeline.address();
        r[QLatin1String("state")] = stateName(derived.state);
        r[QLatin1String("detail")] = describeState(derived.state);
        r[QLatin1String("status")] = status;
        r[QLatin1String("diagnostic")] = diagnostic;
        r[QLatin1String("replycode")] = replyCode > 0 ? QString::number(replyCode) : QString();
        r[QLatin1String("deciding_event")] = derived.decidingEvent >= 0
            ? QJsonValue(timeline.events().at(derived.decidingEvent).id)
            : QJsonValue();
        r[QLatin1String("possible")] = possible;
        r[QLatin1String("conflict")] = derived.conflictingEvent >= 0
            ? QJsonValue(evidenceToJson(timeline.events().at(derived.conflictingEvent)))
            : QJsonValue();
        r[QLatin1String("updated")] = iso(timeline.updated());
        r[QLatin1String("overdue_since")] = iso(derived.overdueSince);
        r[QLatin1String("events")] = events;
        recipients.append(r);
    }
    o[QLatin1String("recipients")] = recipients;
    const MessageSummary summary = summarize(states);
    QJsonObject s;
    s[QLatin1String("worst")] = stateName(summary.worst);
    s[QLatin1String("best")] = stateName(summary.best);
    s[QLatin1String("failed")] = summary.failed;
    o[QLatin1String("summary")] = s;
    return o;
}

} // namespace Mailtrail::Tracking
