// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracking/NeedsAttention.h"

#include <QCoreApplication>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace Mailtrail::Tracking {

QList<AttentionReason> attentionReasons(const TrackedMessage &message, const QDateTime &now,
                                        const DeadlinePolicy &policy)
{
    QList<AttentionReason> reasons;
    for (const RecipientTimeline &t : message.recipients) {
        const DerivedState d = t.derive(now, policy);
        AttentionReason r;
        r.address = t.address();
        r.state = d.state;
        if (d.decidingEvent >= 0) {
            const Evidence &e = t.events().at(d.decidingEvent);
            r.since = e.time;
            r.status = !e.status.isEmpty() ? e.status
                                           : (e.replyCode > 0 ? QString::number(e.replyCode) : QString());
        }
        switch (d.state) {
        case DeliveryState::Failed:
        case DeliveryState::Rejected:
            reasons.append(r);
            break;
        case DeliveryState::Overdue:
            r.since = d.overdueSince;
            r.status.clear();
            reasons.append(r);
            break;
        case DeliveryState::Delayed: {
            // Since the first delay report: a second one does not restart the day.
            for (const Evidence &e : t.events()) {
                if (e.kind == EvidenceKind::Delayed && (!r.since.isValid() || e.time < r.since))
                    r.since = e.time;
            }
            if (r.since.isValid()
                && r.since.secsTo(now) > std::chrono::seconds(kDelayNeedsAttention).count())
                reasons.append(r);
            break;
        }
        default:
            break;
        }
    }
    return reasons;
}

NeedsAttention::NeedsAttention(QSqlDatabase database)
    : m_db(std::move(database))
{
}

QList<AttentionItem> NeedsAttention::items(const QDateTime &now, const DeadlinePolicy &policy) const
{
    QSet<qint64> dismissed;
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral("SELECT sent_message_id FROM attention_dismissed"))) {
        while (q.next())
            dismissed.insert(q.value(0).toLongLong());
    }
    QList<AttentionItem> list;
    const QList<TrackedMessage> messages = TrackingStore(m_db).messages();
    for (const TrackedMessage &m : messages) {
        if (dismissed.contains(m.id))
            continue;
        const QList<AttentionReason> reasons = attentionReasons(m, now, policy);
        if (!reasons.isEmpty())
            list.append({m, reasons});
    }
    return list;
}

bool NeedsAttention::dismiss(qint64 sentMessageId, const QDateTime &now)
{
    m_lastError.clear();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO attention_dismissed (sent_message_id, dismissed_at) "
                             "SELECT id, ? FROM sent_messages WHERE id = ?"));
    q.addBindValue(now.toMSecsSinceEpoch());
    q.addBindValue(sentMessageId);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return false;
    }
    if (q.numRowsAffected() != 1) {
        m_lastError = QStringLiteral("no sent message %1").arg(sentMessageId);
        return false;
    }
    return true;
}

QList<qint64> NeedsAttention::takeUnnotified(const QList<AttentionItem> &items, const QDateTime &now)
{
    QList<qint64> fresh;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO attention_notified (sent_message_id, notified_at) "
                             "VALUES (?, ?)"));
    for (const AttentionItem &item : items) {
        q.addBindValue(item.message.id);
        q.addBindValue(now.toMSecsSinceEpoch());
        if (q.exec() && q.numRowsAffected() == 1)
            fresh.append(item.message.id);
    }
    return fresh;
}

QString describeReasons(const QList<AttentionReason> &reasons)
{
    QStringList parts;
    for (const AttentionReason &r : reasons) {
        const QString state = stateName(r.state);
        parts << (r.status.isEmpty()
                      ? QCoreApplication::translate("Mailtrail::Tracking", "%1 %2").arg(r.address, state)
                      : QCoreApplication::translate("Mailtrail::Tracking", "%1 %2 (%3)")
                            .arg(r.address, state, r.status));
    }
    return parts.join(QStringLiteral("; "));
}

} // namespace Mailtrail::Tracking
