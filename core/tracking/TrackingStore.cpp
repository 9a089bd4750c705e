// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracking/TrackingStore.h"

#include "store/Database.h"
#include "tracking/Trust.h"

#include <QCryptographicHash>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace Mailtrail::Tracking {

using Store::notNull;
using Store::Transaction;

namespace {

QVariant timeValue(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant(QMetaType(QMetaType::LongLong));
}

QDateTime timeFrom(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

} // namespace

ReportRequest reportRequestFor(const QString &notify, bool dsnSupported, bool readReceipt)
{
    ReportRequest r;
    const QString n = notify.toUpper();
    if (n.isEmpty()) {
        r.notifySuccess = false;
        r.notifyFailure = true;
        r.notifyDelay = true;
    } else {
        r.notifySuccess = n.contains(QLatin1String("SUCCESS"));
        r.notifyFailure = n.contains(QLatin1String("FAILURE"));
        r.notifyDelay = n.contains(QLatin1String("DELAY"));
    }
    r.dsnSupported = dsnSupported;
    r.readReceiptRequested = readReceipt;
    return r;
}

TrackingStore::TrackingStore(QSqlDatabase database)
    : m_db(std::move(database))
{
}

bool TrackingStore::fail(const QString &what, const QString &error) const
{
    m_lastError = QStringLiteral("%1: %2").arg(what, error);
    return false;
}

std::optional<qint64> TrackingStore::addSentMessage(const NewSentMessage &message)
{
    m_lastError.clear();
    Transaction tx(m_db);
    if (!tx.isActive()) {
        fail(QStringLiteral("Cannot start a transaction"), m_db.lastError().text());
        return std::nullopt;
    }
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "INSERT INTO sent_messages (account, message_id, envid, subject, sender, ret, "
        "read_receipt_requested, created_at, resend_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(notNull(message.account));
    q.addBindValue(normalizeMessageId(message.messageId));
    q.addBindValue(notNull(message.envid));
    q.addBindValue(notNull(message.subject));
    q.addBindValue(notNull(message.sender));
    q.addBindValue(notNull(message.ret));
    q.addBindValue(message.readReceiptRequested ? 1 : 0);
    q.addBindValue(timeValue(message.createdAt));
    q.addBindValue(message.resendOf > 0 ? QVariant(message.resendOf) : QVariant(QMetaType(QMetaType::LongLong)));
    if (!q.exec()) {
        fail(QStringLiteral("Cannot record the sent message"), q.lastError().text());
        return std::nullopt;
    }
    const qint64 id = q.lastInsertId().toLongLong();
    if (message.resendOf <= 0) {
        // Prepared by "Resend to failed recipients" (Sync::prepareResendToFailed).
        QSqlQuery link(m_db);
        link.prepare(QStringLiteral("UPDATE sent_messages SET resend_of = (SELECT resend_of FROM "
                                    "resend_pending WHERE message_id = ?) WHERE id = ? AND EXISTS "
                                    "(SELECT 1 FROM resend_pending WHERE message_id = ?)"));
        const QString key = normalizeMessageId(message.messageId);
        link.addBindValue(key);
        link.addBindValue(id);
        link.addBindValue(key);
        if (!link.exec()) {
            fail(QStringLiteral("Cannot link the resent message"), link.lastError().text());
            return std::nullopt;
        }
    }

    QSqlQuery r(m_db);
    r.prepare(QStringLiteral("INSERT INTO sent_recipients (sent_message_id, position, address, "
                             "address_key, orcpt, notify) VALUES (?, ?, ?, ?, ?, ?)"));
    QSqlQuery e(m_db);
    e.prepare(QStringLiteral("INSERT INTO evidence (recipient_id, kind, source, occurred_at, "
                             "recorded_at) VALUES (?, 'queued', 'outbox', ?, ?)"));
    for (int i = 0; i < message.recipients.size(); ++i) {
        const SentRecipient &recipient = message.recipients.at(i);
        r.addBindValue(id);
        r.addBindValue(i);
        r.addBindValue(notNull(recipient.address));
        r.addBindValue(normalizeAddress(recipient.address));
        r.addBindValue(notNull(recipient.orcpt));
        r.addBindValue(notNull(recipient.notify));
        if (!r.exec()) {
            fail(QStringLiteral("Cannot record a recipient"), r.lastError().text());
            return std::nullopt;
        }
        e.addBindValue(r.lastInsertId());
        e.addBindValue(timeValue(message.createdAt));
        e.addBindValue(timeValue(message.createdAt));
        if (!e.exec()) {
            fail(QStringLiteral("Cannot record evidence"), e.lastError().text());
            return std::nullopt;
        }
    }
    if (!tx.commit()) {
        fail(QStringLiteral("Cannot commit"), m_db.lastError().text());
        return std::nullopt;
    }
    return id;
}

namespace {

bool insertEvidence(QSqlDatabase &db, qint64 recipientId, const Evidence &ev, QString *error)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT OR IGNORE INTO evidence (recipient_id, kind, source, occurred_at, recorded_at, "
        "reply_code, status, diagnostic, remote_mta, reporting_mta, will_retry_until, automatic, "
        "confidence, matched_by, report_id, dedup_key, match_reason) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(recipientId);
    q.addBindValue(kindName(ev.kind));
    q.addBindValue(sourceName(ev.source));
    const QDateTime received = ev.receivedAt.isValid() ? ev.receivedAt : QDateTime::currentDateTimeUtc();
    q.addBindValue(timeValue(ev.time.isValid() ? ev.time : received));
    q.addBindValue(timeValue(received));
    q.addBindValue(ev.replyCode);
    q.addBindValue(notNull(ev.status));
    q.addBindValue(notNull(ev.diagnostic));
    q.addBindValue(notNull(ev.remoteMta));
    q.addBindValue(notNull(ev.reportingMta));
    q.addBindValue(timeValue(ev.willRetryUntil));
    q.addBindValue(ev.automatic ? 1 : 0);
    q.addBindValue(ev.confidence);
    q.addBindValue(notNull(ev.matchedBy));
    q.addBindValue(ev.reportId > 0 ? QVariant(ev.reportId) : QVariant(QMetaType(QMetaType::LongLong)));
    q.addBindValue(ev.dedupKey.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(ev.dedupKey));
    q.addBindValue(notNull(ev.matchReason));
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    error->clear();
    return q.numRowsAffected() > 0;
}

} // namespace

bool TrackingStore::recordSubmission(qint64 sentMessageId, const QDateTime &submittedAt,
                                     bool dsnSupported, const QString &queueId,
                                     const QString &finalReply, const QList<Evidence> &perRecipient)
{
    m_lastError.clear();
    Transaction tx(m_db);
    if (!tx.isActive())
        return fail(QStringLiteral("Cannot start a transaction"), m_db.lastError().text());
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE sent_messages SET submitted_at = ?, dsn_supported = ?, "
                             "queue_id = ?, final_reply = ? WHERE id = ?"));
    q.addBindValue(timeValue(submittedAt));
    q.addBindValue(dsnSupported ? 1 : 0);
    q.addBindValue(notNull(queueId));
    q.addBindValue(notNull(finalReply));
    q.addBindValue(sentMessageId);
    if (!q.exec() || q.numRowsAffected() != 1)
        return fail(QStringLiteral("Cannot record the submission"),
                    q.lastError().isValid() ? q.lastError().text() : QStringLiteral("no such message"));

    QSqlQuery ids(m_db);
    ids.prepare(QStringLiteral("SELECT id FROM sent_recipients WHERE sent_message_id = ? ORDER BY position"));
    ids.addBindValue(sentMessageId);
    if (!ids.exec())
        return fail(QStringLiteral("Cannot read recipients"), ids.lastError().text());
    QList<qint64> recipientIds;
    while (ids.next())
        recipientIds.append(ids.value(0).toLongLong());
    if (recipientIds.size() != perRecipient.size())
        return fail(QStringLiteral("Cannot record the submission"),
                    QStringLiteral("%1 results for %2 recipients")
                        .arg(perRecipient.size())
                        .arg(recipientIds.size()));
    QString error;
    for (int i = 0; i < recipientIds.size(); ++i) {
        // The submission server's reply arrives on our own clock: its time is when we got it.
        Evidence ev = perRecipient.at(i);
        if (!ev.receivedAt.isValid())
            ev.receivedAt = ev.time.isValid() ? ev.time : submittedAt;
        insertEvidence(m_db, recipientIds.at(i), ev, &error);
        if (!error.isEmpty())
            return fail(QStringLiteral("Cannot record evidence"), error);
    }
    if (!tx.commit())
        return fail(QStringLiteral("Cannot commit"), m_db.lastError().text());
    return true;
}

bool TrackingStore::appendEvidence(qint64 recipientId, const Evidence &evidence)
{
    m_lastError.clear();
    QString error;
    const bool inserted = insertEvidence(m_db, recipientId, evidence, &error);
    if (!error.isEmpty())
        return fail(QStringLiteral("Cannot record evidence"), error);
    return inserted;
}

bool TrackingStore::appendEvidence(qint64 sentMessageId, const QString &address, const Evidence &evidence)
{
    m_lastError.clear();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id FROM sent_recipients WHERE sent_message_id = ? AND address = ? "
                             "ORDER BY position LIMIT 1"));
    q.addBindValue(sentMessageId);
    q.addBindValue(address);
    if (!q.exec())
        return fail(QStringLiteral("Cannot read recipients"), q.lastError().text());
    if (!q.next())
        return fail(QStringLiteral("Cannot record evidence"),
                    QStringLiteral("message %1 has no recipient %2").arg(sentMessageId).arg(address));
    return appendEvidence(q.value(0).toLongLong(), evidence);
}

std::optional<StoredReport> TrackingStore::addReport(const QByteArray &raw, const QString &kind,
                                                     const QString &subject, const QString &from,
                                                     const QDateTime &receivedAt,
                                                     const QString &origin)
{
    m_lastError.clear();
    const QString sha = QString::fromLatin1(
        QCryptographicHash::hash(raw, QCryptographicHash::Sha256).toHex());
    QSqlQuery find(m_db);
    find.prepare(QStringLiteral("SELECT id FROM reports WHERE sha256 = ?"));
    find.addBindValue(sha);
    if (!find.exec()) {
        fail(QStringLiteral("Cannot look up the report"), find.lastError().text());
        return std::nullopt;
    }
    if (find.next()) {
        auto existing = report(find.value(0).toLongLong());
        if (existing) {
            existing->isNew = false;
            existing->sha256 = sha;
        }
        return existing;
    }
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO reports (sha256, kind, raw, subject, report_from, "
                             "received_at, origin) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(sha);
    q.addBindValue(notNull(kind));
    q.addBindValue(raw);
    q.addBindValue(notNull(subject));
    q.addBindValue(notNull(from));
    q.addBindValue(timeValue(receivedAt.isValid() ? receivedAt : QDateTime::currentDateTimeUtc()));
    q.addBindValue(notNull(origin));
    if (!q.exec()) {
        fail(QStringLiteral("Cannot store the report"), q.lastError().text());
        return std::nullopt;
    }
    StoredReport stored;
    stored.id = q.lastInsertId().toLongLong();
    stored.isNew = true;
    stored.sha256 = sha;
    stored.kind = kind;
    stored.subject = subject;
    stored.from = from;
    stored.receivedAt = receivedAt.isValid() ? receivedAt.toUTC() : QDateTime::currentDateTimeUtc();
    stored.origin = origin;
    return stored;
}

bool TrackingStore::setReportMatch(qint64 reportId, qint64 sentMessageId, const QString &method,
                                   double confidence)
{
    m_lastError.clear();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE reports SET sent_message_id = ?, match_method = ?, "
                             "confidence = ? WHERE id = ?"));
    q.addBindValue(sentMessageId > 0 ? QVariant(sentMessageId) : QVariant(QMetaType(QMetaType::LongLong)));
    q.addBindValue(notNull(method));
    q.addBindValue(confidence);
    q.addBindValue(reportId);
    if (!q.exec())
        return fail(QStringLiteral("Cannot record the match"), q.lastError().text());
    return true;
}

namespace {

const QString kReportColumns = QStringLiteral(
    "id, kind, subject, report_from, received_at, origin, sent_message_id, match_method, confidence");

StoredReport reportFrom(const QSqlQuery &q)
{
    StoredReport r;
    r.id = q.value(0).toLongLong();
    r.kind = q.value(1).toString();
    r.subject = q.value(2).toString();
    r.from = q.value(3).toString();
    r.receivedAt = timeFrom(q.value(4));
    r.origin = q.value(5).toString();
    r.sentMessageId = q.value(6).isNull() ? 0 : q.value(6).toLongLong();
    r.matchMethod = q.value(7).toString();
    r.confidence = q.value(8).toDouble();
    return r;
}

} // namespace

std::optional<StoredReport> TrackingStore::report(qint64 reportId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM reports WHERE id = ?").arg(kReportColumns));
    q.addBindValue(reportId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return reportFrom(q);
}

QByteArray TrackingStore::reportRaw(qint64 reportId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT raw FROM reports WHERE id = ?"));
    q.addBindValue(reportId);
    if (!q.exec() || !q.next())
        return {};
    return q.value(0).toByteArray();
}

std::optional<StoredReport> TrackingStore::reportWithBytes(const QByteArray &raw) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM reports WHERE sha256 = ?").arg(kReportColumns));
    q.addBindValue(QString::fromLatin1(QCryptographicHash::hash(raw, QCryptographicHash::Sha256).toHex()));
    if (!q.exec() || !q.next())
        return std::nullopt;
    return reportFrom(q);
}

QList<StoredReport> TrackingStore::unmatchedReports() const
{
    QList<StoredReport> list;
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT %1 FROM reports WHERE sent_message_id IS NULL "
                               "ORDER BY received_at DESC, id DESC")
                    .arg(kReportColumns)))
        return list;
    while (q.next())
        list.append(reportFrom(q));
    return list;
}

QList<TrackedMessage> TrackingStore::load(const QString &where, const QVariantList &bindings) const
{
    QList<TrackedMessage> messages;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
                  "SELECT id, account, message_id, envid, subject, sender, dsn_supported, "
                  "read_receipt_requested, queue_id, created_at, submitted_at, origin, resend_of "
                  "FROM sent_messages %1")
                  .arg(where));
    for (const QVariant &value : bindings)
        q.addBindValue(value);
    if (!q.exec())
        return messages;
    QHash<qint64, qsizetype> byId;
    while (q.next()) {
        TrackedMessage m;
        m.id = q.value(0).toLongLong();
        m.account = q.value(1).toString();
        m.messageId = q.value(2).toString();
        m.envid = q.value(3).toString();
        m.subject = q.value(4).toString();
        m.sender = q.value(5).toString();
        m.dsnSupported = q.value(6).toInt() != 0;
        m.readReceiptRequested = q.value(7).toInt() != 0;
        m.queueId = q.value(8).toString();
        m.createdAt = timeFrom(q.value(9));
        m.submittedAt = timeFrom(q.value(10));
        m.origin = q.value(11).toString();
        m.resendOf = q.value(12).isNull() ? 0 : q.value(12).toLongLong();
        byId.insert(m.id, messages.size());
        messages.append(m);
    }
    if (messages.isEmpty())
        return messages;

    // Recipients and evidence of all loaded messages in two queries, not one per row.
    QStringList ids;
    for (const TrackedMessage &m : std::as_const(messages))
        ids.append(QString::number(m.id));
    const QString idList = ids.join(QLatin1Char(','));
    QHash<qint64, std::pair<qsizetype, qsizetype>> recipientSlot; // recipient id → (message, index)
    QSqlQuery r(m_db);
    if (!r.exec(QStringLiteral("SELECT id, sent_message_id, address, notify FROM sent_recipients "
                               "WHERE sent_message_id IN (%1) ORDER BY sent_message_id, position")
                    .arg(idList)))
        return messages;
    while (r.next()) {
        const qsizetype mi = byId.value(r.value(1).toLongLong());
        TrackedMessage &m = messages[mi];
        recipientSlot.insert(r.value(0).toLongLong(), {mi, m.recipients.size()});
        m.recipientIds.append(r.value(0).toLongLong());
        m.recipients.append(RecipientTimeline(
            r.value(2).toString(),
            reportRequestFor(r.value(3).toString(), m.dsnSupported, m.readReceiptRequested)));
    }
    QSqlQuery resends(m_db);
    if (resends.exec(QStringLiteral("SELECT resend_of, id FROM sent_messages WHERE resend_of IN (%1) "
                                    "ORDER BY id")
                         .arg(idList))) {
        while (resends.next())
            messages[byId.value(resends.value(0).toLongLong())].resentAs.append(resends.value(1).toLongLong());
    }
    QSqlQuery e(m_db);
    if (!e.exec(QStringLiteral(
                    "SELECT e.recipient_id, e.kind, e.source, e.occurred_at, e.reply_code, e.status, "
                    "e.diagnostic, e.remote_mta, e.reporting_mta, e.will_retry_until, e.automatic, "
                    "e.confidence, e.matched_by, e.report_id, e.dedup_key, e.id, e.recorded_at, "
                    "e.match_reason, c.confirmed_at FROM evidence e "
                    "JOIN sent_recipients r ON r.id = e.recipient_id "
                    "LEFT JOIN evidence_confirmations c ON c.evidence_id = e.id "
                    "WHERE r.sent_message_id IN (%1) ORDER BY e.id")
                    .arg(idList)))
        return messages;
    while (e.next()) {
        const auto slot = recipientSlot.value(e.value(0).toLongLong());
        Evidence ev;
        // An event of a kind this version does not know (written by a newer one) is skipped,
        // not guessed at.
        if (!kindFromName(e.value(1).toString(), &ev.kind)
            || !sourceFromName(e.value(2).toString(), &ev.source))
            continue;
        ev.time = timeFrom(e.value(3));
        ev.replyCode = e.value(4).toInt();
        ev.status = e.value(5).toString();
        ev.diagnostic = e.value(6).toString();
        ev.remoteMta = e.value(7).toString();
        ev.reportingMta = e.value(8).toString();
        ev.willRetryUntil = timeFrom(e.value(9));
        ev.automatic = e.value(10).toInt() != 0;
        ev.confidence = e.value(11).toDouble();
        ev.matchedBy = e.value(12).toString();
        ev.reportId = e.value(13).isNull() ? 0 : e.value(13).toLongLong();
        ev.dedupKey = e.value(14).toString();
        ev.id = e.value(15).toLongLong();
        ev.receivedAt = timeFrom(e.value(16));
        ev.matchReason = e.value(17).toString();
        ev.confirmedAt = timeFrom(e.value(18));
        messages[slot.first].recipients[slot.second].append(ev);
    }
    return messages;
}

std::optional<TrackedMessage> TrackingStore::message(qint64 sentMessageId) const
{
    const QList<TrackedMessage> list = load(QStringLiteral("WHERE id = ?"), {sentMessageId});
    if (list.isEmpty())
        return std::nullopt;
    return list.constFirst();
}

QList<TrackedMessage> TrackingStore::messages(const QString &account, int limit) const
{
    QString where;
    QVariantList bindings;
    if (!account.isEmpty()) {
        where = QStringLiteral("WHERE account = ?");
        bindings.append(account);
    }
    where += QStringLiteral(" ORDER BY COALESCE(submitted_at, created_at) DESC, id DESC");
    if (limit >= 0)
        where += QStringLiteral(" LIMIT %1").arg(limit);
    return load(where, bindings);
}

std::optional<qint64> TrackingStore::confirmEvidence(qint64 evidenceId, const QDateTime &at)
{
    m_lastError.clear();
    QSqlQuery find(m_db);
    find.prepare(QStringLiteral(
        "SELECT r.sent_message_id, e.confidence, "
        "EXISTS (SELECT 1 FROM evidence_confirmations c WHERE c.evidence_id = e.id) "
        "FROM evidence e JOIN sent_recipients r ON r.id = e.recipient_id WHERE e.id = ?"));
    find.addBindValue(evidenceId);
    if (!find.exec()) {
        fail(QStringLiteral("Cannot look up the event"), find.lastError().text());
        return std::nullopt;
    }
    if (!find.next()) {
        fail(QStringLiteral("Cannot confirm"), QStringLiteral("there is no event %1").arg(evidenceId));
        return std::nullopt;
    }
    const qint64 sentMessageId = find.value(0).toLongLong();
    Evidence probe;
    probe.confidence = find.value(1).toDouble();
    if (!probe.isPossible() || find.value(2).toBool())
        return sentMessageId; // decides already, or confirmed before: nothing to do
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO evidence_confirmations (evidence_id, confirmed_at) VALUES (?, ?)"));
    q.addBindValue(evidenceId);
    q.addBindValue(timeValue(at.isValid() ? at : QDateTime::currentDateTimeUtc()));
    if (!q.exec()) {
        fail(QStringLiteral("Cannot confirm"), q.lastError().text());
        return std::nullopt;
    }
    return sentMessageId;
}

std::optional<qint64> TrackingStore::messageIdForHeader(const QString &messageIdHeader) const
{
    const auto keys = byMessageId(messageIdHeader);
    if (!keys)
        return std::nullopt;
    return keys->id;
}

QList<TrackedMessage> TrackingStore::messagesTo(const QString &address) const
{
    return load(QStringLiteral("WHERE id IN (SELECT sent_message_id FROM sent_recipients WHERE "
                               "address_key = ?) ORDER BY COALESCE(submitted_at, created_at), id"),
                {normalizeAddress(address)});
}

QStringList TrackingStore::deliveredDomains() const
{
    QStringList domains;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "SELECT DISTINCT lower(substr(r.address_key, instr(r.address_key, '@') + 1)) "
        "FROM sent_recipients r JOIN evidence e ON e.recipient_id = r.id "
        "WHERE instr(r.address_key, '@') > 0 AND (e.confidence >= ? OR EXISTS (SELECT 1 FROM "
        "evidence_confirmations c WHERE c.evidence_id = e.id)) AND e.kind IN ('delivered', "
        "'relayed', 'expanded', 'dispatched', 'processed', 'deleted', 'displayed', 'replied') "
        "ORDER BY 1"));
    q.addBindValue(kTrustedConfidence);
    if (!q.exec())
        return domains;
    while (q.next())
        domains.append(q.value(0).toString());
    return domains;
}

QStringList TrackingStore::knownRecipients() const
{
    QStringList addresses;
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT r.address, r.address_key FROM sent_recipients r "
                               "JOIN sent_messages m ON m.id = r.sent_message_id "
                               "ORDER BY COALESCE(m.submitted_at, m.created_at) DESC, m.id DESC, r.position")))
        return addresses;
    QSet<QString> seen;
    while (q.next()) {
        if (seen.contains(q.value(1).toString()))
            continue;
        seen.insert(q.value(1).toString());
        addresses.append(q.value(0).toString());
    }
    return addresses;
}

std::optional<qint64> TrackingStore::addSentElsewhere(const NewSentMessage &message,
                                                      const QDateTime &sentAt)
{
    m_lastError.clear();
    Transaction tx(m_db);
    if (!tx.isActive()) {
        fail(QStringLiteral("Cannot start a transaction"), m_db.lastError().text());
        return std::nullopt;
    }
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "INSERT INTO sent_messages (account, message_id, subject, sender, created_at, submitted_at, "
        "dsn_supported, origin) VALUES (?, ?, ?, ?, ?, ?, 0, ?)"));
    q.addBindValue(notNull(message.account));
    q.addBindValue(normalizeMessageId(message.messageId));
    q.addBindValue(notNull(message.subject));
    q.addBindValue(notNull(message.sender));
    q.addBindValue(timeValue(sentAt));
    q.addBindValue(timeValue(sentAt));
    q.addBindValue(QString(kOriginElsewhere));
    if (!q.exec()) {
        fail(QStringLiteral("Cannot record the sent message"), q.lastError().text());
        return std::nullopt;
    }
    const qint64 id = q.lastInsertId().toLongLong();
    QSqlQuery r(m_db);
    r.prepare(QStringLiteral("INSERT INTO sent_recipients (sent_message_id, position, address, "
                             "address_key, notify) VALUES (?, ?, ?, ?, 'NEVER')"));
    for (int i = 0; i < message.recipients.size(); ++i) {
        const QString &address = message.recipients.at(i).address;
        r.addBindValue(id);
        r.addBindValue(i);
        r.addBindValue(notNull(address));
        r.addBindValue(normalizeAddress(address));
        if (!r.exec()) {
            fail(QStringLiteral("Cannot record a recipient"), r.lastError().text());
            return std::nullopt;
        }
        Evidence ev;
        ev.kind = EvidenceKind::SubmissionAccepted;
        ev.source = EvidenceSource::Elsewhere;
        ev.time = sentAt;
        ev.dedupKey = QStringLiteral("elsewhere");
        QString error;
        insertEvidence(m_db, r.lastInsertId().toLongLong(), ev, &error);
        if (!error.isEmpty()) {
            fail(QStringLiteral("Cannot record evidence"), error);
            return std::nullopt;
        }
    }
    if (!tx.commit()) {
        fail(QStringLiteral("Cannot commit"), m_db.lastError().text());
        return std::nullopt;
    }
    return id;
}

qint64 TrackingStore::senderCopy(qint64 sentMessageId) const
{
    m_lastError.clear();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "SELECT m.id FROM sent_messages s JOIN accounts a ON a.name = s.account "
        "JOIN folders f ON f.account_id = a.id JOIN messages m ON m.folder_id = f.id "
        "AND m.message_id IN ('<' || s.message_id || '>', s.message_id) WHERE s.id = ? "
        "ORDER BY CASE WHEN f.special_use = '\\Sent' THEN 0 ELSE 1 END, m.id LIMIT 1"));
    q.addBindValue(sentMessageId);
    if (!q.exec()) {
        fail(QStringLiteral("Cannot find the sent copy"), q.lastError().text());
        return 0;
    }
    return q.next() ? q.value(0).toLongLong() : 0;
}

std::optional<SentMessageKeys> TrackingStore::keysFor(qint64 sentMessageId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT message_id, envid, subject, COALESCE(submitted_at, created_at) "
                             "FROM sent_messages WHERE id = ?"));
    q.addBindValue(sentMessageId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    SentMessageKeys keys;
    keys.id = sentMessageId;
    keys.messageId = q.value(0).toString();
    keys.envid = q.value(1).toString();
    keys.subject = q.value(2).toString();
    keys.submittedAt = timeFrom(q.value(3));
    QSqlQuery r(m_db);
    r.prepare(QStringLiteral("SELECT address, orcpt, id FROM sent_recipients WHERE sent_message_id = ? "
                             "ORDER BY position"));
    r.addBindValue(sentMessageId);
    if (!r.exec())
        return std::nullopt;
    while (r.next()) {
        keys.recipients.append(r.value(0).toString());
        keys.originalRecipients.append(r.value(1).toString());
        keys.recipientIds.append(r.value(2).toLongLong());
    }
    return keys;
}

std::optional<SentMessageKeys> TrackingStore::byEnvid(const QString &envid) const
{
    if (envid.isEmpty())
        return std::nullopt;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id FROM sent_messages WHERE envid = ? AND envid <> '' "
                             "ORDER BY id DESC LIMIT 1"));
    q.addBindValue(envid);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return keysFor(q.value(0).toLongLong());
}

std::optional<SentMessageKeys> TrackingStore::byMessageId(const QString &messageId) const
{
    const QString id = normalizeMessageId(messageId);
    if (id.isEmpty())
        return std::nullopt;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id FROM sent_messages WHERE message_id = ? ORDER BY id DESC LIMIT 1"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return keysFor(q.value(0).toLongLong());
}

QList<SentMessageKeys> TrackingStore::byRecipient(const QString &recipient, const QDateTime &from,
                                                  const QDateTime &to) const
{
    QList<SentMessageKeys> found;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "SELECT DISTINCT m.id FROM sent_messages m JOIN sent_recipients r ON r.sent_message_id = m.id "
        "WHERE r.address_key = ? AND COALESCE(m.submitted_at, m.created_at) BETWEEN ? AND ? "
        "ORDER BY COALESCE(m.submitted_at, m.created_at) DESC LIMIT 50"));
    q.addBindValue(normalizeAddress(recipient));
    q.addBindValue(timeValue(from));
    q.addBindValue(timeValue(to));
    if (!q.exec())
        return found;
    QList<qint64> ids;
    while (q.next())
        ids.append(q.value(0).toLongLong());
    for (qint64 id : std::as_const(ids)) {
        if (auto keys = keysFor(id))
            found.append(*keys);
    }
    return found;
}

} // namespace Mailtrail::Tracking
