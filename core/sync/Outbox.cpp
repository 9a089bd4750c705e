// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/Outbox.h"

#include "NameTable_p.h"
#include "smtp/Xtext.h"
#include "store/Database.h"
#include "tracking/TrackingStore.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <array>
#include <utility>

namespace Mailtrail::Sync {

OutboxMessage outboxMessage(const QString &account, const Mime::OutgoingMessage &message,
                            const Mime::BuiltMessage &built, bool requestDsn, const Smtp::DsnNotify &notify)
{
    OutboxMessage queued;
    queued.account = account;
    queued.bytes = built.bytes;
    queued.messageId = built.messageId;
    queued.subject = message.subject;
    queued.readReceiptRequested = message.requestReadReceipt;
    queued.envelope.from = built.envelope.mailFrom;
    queued.envelope.requestDsn = requestDsn;
    for (const QString &rcpt : built.envelope.recipients)
        queued.envelope.recipients.append({rcpt, notify, QString()});
    return queued;
}

using Store::notNull;
using Store::Transaction;

namespace {

constexpr int kMaxSentCopyAttempts = 10;

QVariant timeValue(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant(qint64(0));
}

QDateTime timeFrom(const QVariant &value)
{
    const qint64 ms = value.toLongLong();
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC) : QDateTime();
}

constexpr std::array<std::pair<OutboxState, const char *>, 5> kOutboxStates{{
    {OutboxState::Queued, "queued"},
    {OutboxState::Transmitting, "transmitting"},
    {OutboxState::Uncertain, "uncertain"},
    {OutboxState::Sent, "sent"},
    {OutboxState::Failed, "failed"},
}};

constexpr std::array<std::pair<SentCopyState, const char *>, 4> kSentCopyStates{{
    {SentCopyState::None, "none"},
    {SentCopyState::Pending, "pending"},
    {SentCopyState::Done, "done"},
    {SentCopyState::Failed, "failed"},
}};

SentCopyState sentCopyFromName(const QString &name)
{
    SentCopyState state = SentCopyState::None;
    Detail::valueOf(kSentCopyStates, name, &state);
    return state;
}

QString replyLine(const Smtp::Reply &reply)
{
    if (!reply.isValid())
        return {};
    QString s = QString::number(reply.code);
    if (reply.enhanced.isValid())
        s += QLatin1Char(' ') + reply.enhanced.toString();
    return s + QLatin1Char(' ') + reply.text();
}

const char *kColumns
    = "id, account, sent_message_id, message_id, envid, mail_from, request_dsn, ret, subject, "
      "state, attempts, next_attempt_at, last_error, created_at, submitted_at, dsn_supported, "
      "queue_id, final_reply, sent_copy, sent_copy_attempts, sent_copy_next_at, sent_copy_error, "
      "lease_owner, lease_expires_at, retry_of, expires_at";
constexpr int kBytesColumn = 26;

OutboxEntry entryFrom(const QSqlQuery &q)
{
    OutboxEntry e;
    e.id = q.value(0).toLongLong();
    e.account = q.value(1).toString();
    e.sentMessageId = q.value(2).toLongLong();
    e.messageId = q.value(3).toString().toUtf8();
    e.envid = q.value(4).toString().toLatin1();
    e.mailFrom = q.value(5).toString();
    e.requestDsn = q.value(6).toInt() != 0;
    e.ret = q.value(7).toString() == QLatin1String("FULL") ? Smtp::DsnReturn::Full
                                                           : Smtp::DsnReturn::Headers;
    e.subject = q.value(8).toString();
    e.state = outboxStateFromName(q.value(9).toString()).value_or(OutboxState::Failed);
    e.attempts = q.value(10).toInt();
    e.nextAttemptAt = timeFrom(q.value(11));
    e.lastError = q.value(12).toString();
    e.createdAt = timeFrom(q.value(13));
    e.submittedAt = timeFrom(q.value(14));
    e.dsnSupported = q.value(15).toInt() != 0;
    e.queueId = q.value(16).toString();
    e.finalReply = q.value(17).toString();
    e.sentCopy = sentCopyFromName(q.value(18).toString());
    e.sentCopyAttempts = q.value(19).toInt();
    e.sentCopyNextAt = timeFrom(q.value(20));
    e.sentCopyError = q.value(21).toString();
    e.leaseOwner = q.value(22).toString();
    e.leaseExpiresAt = timeFrom(q.value(23));
    e.retryOf = q.value(24).toLongLong();
    e.expiresAt = timeFrom(q.value(25));
    return e;
}

Smtp::DsnNotify notifyFrom(const QString &value)
{
    const QStringList parts = value.toUpper().split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (parts.contains(QLatin1String("NEVER")))
        return Smtp::DsnNotify::never();
    if (parts.isEmpty())
        return {};
    Smtp::DsnNotify n { false, false, false };
    n.success = parts.contains(QLatin1String("SUCCESS"));
    n.failure = parts.contains(QLatin1String("FAILURE"));
    n.delay = parts.contains(QLatin1String("DELAY"));
    return n;
}

/// A temporary refusal of one recipient (RFC 5321 §4.2.1: 4yz) while the message went on.
bool isDeferred(const Smtp::RecipientResult &r)
{
    return !r.accepted && r.replyCode >= 400 && r.replyCode < 500;
}

/// The evidence an SMTP reply gives about one recipient: accepted, refused, or deferred
/// (4xx: still queued, "deferred by your mail server").
Tracking::Evidence smtpEvidence(const Smtp::RecipientResult &r, const QDateTime &at)
{
    Tracking::Evidence e;
    e.kind = r.accepted ? Tracking::EvidenceKind::SubmissionAccepted
        : isDeferred(r) ? Tracking::EvidenceKind::Queued
                        : Tracking::EvidenceKind::SubmissionRefused;
    e.source = Tracking::EvidenceSource::Smtp;
    e.time = at;
    e.replyCode = r.replyCode;
    e.status = r.enhanced.toString();
    e.diagnostic = r.text;
    return e;
}

} // namespace

QString outboxStateName(OutboxState state)
{
    return Detail::nameOf(kOutboxStates, state);
}

std::optional<OutboxState> outboxStateFromName(const QString &name)
{
    OutboxState state = OutboxState::Failed;
    if (!Detail::valueOf(kOutboxStates, name, &state))
        return std::nullopt;
    return state;
}

QString sentCopyStateName(SentCopyState state)
{
    return Detail::nameOf(kSentCopyStates, state);
}

Smtp::Envelope OutboxEntry::envelope() const
{
    Smtp::Envelope e;
    e.from = mailFrom;
    e.requestDsn = requestDsn;
    e.ret = ret;
    e.envid = envid;
    for (const OutboxRecipient &r : recipients)
        e.recipients.append({ r.address, notifyFrom(r.notify), r.orcpt });
    return e;
}

qint64 retryDelayMs(int attempts)
{
    const int exponent = std::clamp(attempts - 1, 0, 6); // 1, 2, 4 … 64 minutes
    return std::min<qint64>(qint64(60'000) << exponent, 3'600'000);
}

OutboxStore::OutboxStore(QSqlDatabase db, Clock clock, QString leaseOwner)
    : m_db(std::move(db))
    , m_clock(std::move(clock))
    , m_owner(leaseOwner.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : std::move(leaseOwner))
{ }

QDateTime OutboxStore::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

bool OutboxStore::fail(const QString &what, const QString &error) const
{
    m_lastError = error.isEmpty() ? what : QStringLiteral("%1: %2").arg(what, error);
    return false;
}

std::optional<qint64> OutboxStore::enqueue(const OutboxMessage &message)
{
    m_lastError.clear();
    if (message.bytes.isEmpty() || message.envelope.recipients.isEmpty()) {
        fail(QStringLiteral("Cannot queue the message"),
            QStringLiteral("it has no content or no recipient"));
        return std::nullopt;
    }
    const QDateTime created = now();
    const QByteArray envid
        = message.envelope.envid.isEmpty() ? Smtp::generateEnvid() : message.envelope.envid;
    const QString ret = message.envelope.ret == Smtp::DsnReturn::Full ? QStringLiteral("FULL")
                                                                      : QStringLiteral("HDRS");

    Transaction tx(m_db);
    if (!tx.isActive()) {
        fail(QStringLiteral("Cannot start a transaction"), m_db.lastError().text());
        return std::nullopt;
    }
    qint64 sentId = 0;
    if (message.track) {
        Tracking::NewSentMessage sent;
        sent.account = message.account;
        sent.messageId = QString::fromUtf8(message.messageId);
        sent.envid = message.envelope.requestDsn ? QString::fromLatin1(envid) : QString();
        sent.subject = message.subject;
        sent.sender = message.envelope.from;
        sent.ret = message.envelope.requestDsn ? ret : QString();
        sent.readReceiptRequested = message.readReceiptRequested;
        sent.createdAt = created;
        for (const auto &r : message.envelope.recipients) {
            sent.recipients.append(
                { r.address, r.originalRecipient.isEmpty() ? r.address : r.originalRecipient,
                    message.envelope.requestDsn ? QString::fromLatin1(r.notify.parameterValue())
                                                : QString() });
        }
        Tracking::TrackingStore tracking(m_db);
        const auto id = tracking.addSentMessage(sent);
        if (!id) {
            fail(QStringLiteral("Cannot record the message for tracking"), tracking.lastError());
            return std::nullopt;
        }
        sentId = *id;
    }

    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "INSERT INTO outbox (account, sent_message_id, message_id, envid, mail_from, request_dsn, "
        "ret, subject, bytes, state, next_attempt_at, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?)"));
    q.addBindValue(notNull(message.account));
    q.addBindValue(sentId);
    q.addBindValue(notNull(QString::fromUtf8(message.messageId)));
    q.addBindValue(QString::fromLatin1(envid));
    q.addBindValue(notNull(message.envelope.from));
    q.addBindValue(message.envelope.requestDsn ? 1 : 0);
    q.addBindValue(ret);
    q.addBindValue(notNull(message.subject));
    q.addBindValue(message.bytes);
    q.addBindValue(timeValue(created));
    q.addBindValue(timeValue(created));
    if (!q.exec()) {
        fail(QStringLiteral("Cannot queue the message"), q.lastError().text());
        return std::nullopt;
    }
    const qint64 id = q.lastInsertId().toLongLong();
    QSqlQuery r(m_db);
    r.prepare(QStringLiteral("INSERT INTO outbox_recipients (outbox_id, position, address, notify, "
                             "orcpt) VALUES (?, ?, ?, ?, ?)"));
    for (int i = 0; i < message.envelope.recipients.size(); ++i) {
        const auto &rcpt = message.envelope.recipients.at(i);
        r.addBindValue(id);
        r.addBindValue(i);
        r.addBindValue(rcpt.address);
        r.addBindValue(message.envelope.requestDsn
                ? QString::fromLatin1(rcpt.notify.parameterValue())
                : QStringLiteral(""));
        r.addBindValue(notNull(rcpt.originalRecipient));
        if (!r.exec()) {
            fail(QStringLiteral("Cannot queue the message"), r.lastError().text());
            return std::nullopt;
        }
    }
    if (!tx.commit()) {
        fail(QStringLiteral("Cannot commit"), m_db.lastError().text());
        return std::nullopt;
    }
    return id;
}

std::optional<OutboxEntry> OutboxStore::entry(qint64 id) const
{
    m_lastError.clear();
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("SELECT %1, bytes FROM outbox WHERE id = ?").arg(QLatin1String(kColumns)));
    q.addBindValue(id);
    if (!q.exec() || !q.next()) {
        fail(QStringLiteral("No outbox message %1").arg(id), q.lastError().text());
        return std::nullopt;
    }
    OutboxEntry e = entryFrom(q);
    e.bytes = q.value(kBytesColumn).toByteArray();
    QSqlQuery r(m_db);
    r.prepare(
        QStringLiteral("SELECT address, notify, orcpt, accepted, reply_code, status, reply_text "
                       "FROM outbox_recipients WHERE outbox_id = ? ORDER BY position"));
    r.addBindValue(id);
    if (!r.exec()) {
        fail(QStringLiteral("Cannot read recipients"), r.lastError().text());
        return std::nullopt;
    }
    while (r.next()) {
        e.recipients.append({ r.value(0).toString(), r.value(1).toString(), r.value(2).toString(),
            r.value(3).toInt() != 0, r.value(4).toInt(), r.value(5).toString(),
            r.value(6).toString() });
    }
    return e;
}

QList<OutboxEntry> OutboxStore::list(const QString &account) const
{
    QList<OutboxEntry> result;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id FROM outbox WHERE ? = '' OR account = ? ORDER BY id"));
    q.addBindValue(notNull(account));
    q.addBindValue(notNull(account));
    if (!q.exec()) {
        fail(QStringLiteral("Cannot list the outbox"), q.lastError().text());
        return result;
    }
    QList<qint64> ids;
    while (q.next())
        ids.append(q.value(0).toLongLong());
    for (const qint64 id : ids) {
        if (auto e = entry(id)) {
            e->bytes.clear();
            result.append(*e);
        }
    }
    return result;
}

QList<qint64> OutboxStore::idsDue(const QString &condition, const QString &account,
                                  const QDateTime &at) const
{
    QList<qint64> ids;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id FROM outbox WHERE account = ? AND %1 <= ? ORDER BY id").arg(condition));
    q.addBindValue(account);
    q.addBindValue(timeValue(at));
    if (q.exec()) {
        while (q.next())
            ids.append(q.value(0).toLongLong());
    }
    return ids;
}

QList<qint64> OutboxStore::due(const QString &account, const QDateTime &at) const
{
    return idsDue(QStringLiteral("state = 'queued' AND next_attempt_at"), account, at);
}

QList<qint64> OutboxStore::sentCopiesDue(const QString &account, const QDateTime &at) const
{
    return idsDue(QStringLiteral("sent_copy = 'pending' AND sent_copy_next_at"), account, at);
}

int OutboxStore::markInterrupted(const QString &account)
{
    // Only rows whose lease ran out: a row another process is transmitting right now keeps
    // its state (issue 15 §5).
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE outbox SET state = 'uncertain', last_error = ? WHERE state = "
                             "'transmitting' AND lease_expires_at <= ? AND (? = '' OR account = ?)"));
    q.addBindValue(QStringLiteral(
        "Mailtrail stopped while the message was being transmitted; it may have been sent."));
    q.addBindValue(timeValue(now()));
    q.addBindValue(notNull(account));
    q.addBindValue(notNull(account));
    if (!q.exec()) {
        fail(QStringLiteral("Cannot recover the outbox"), q.lastError().text());
        return 0;
    }
    return q.numRowsAffected();
}

bool OutboxStore::claim(qint64 id)
{
    m_lastError.clear();
    const QDateTime at = now();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE outbox SET lease_owner = ?, lease_expires_at = ? WHERE id = ? AND "
                             "state = 'queued' AND (lease_owner IN ('', ?) OR lease_expires_at <= ?)"));
    q.addBindValue(m_owner);
    q.addBindValue(timeValue(at.addMSecs(kOutboxLeaseMs)));
    q.addBindValue(id);
    q.addBindValue(m_owner);
    q.addBindValue(timeValue(at));
    if (!q.exec())
        return fail(QStringLiteral("Cannot lease outbox message %1").arg(id), q.lastError().text());
    if (q.numRowsAffected() != 1)
        return fail(QStringLiteral("Outbox message %1 is not queued, or another sender has it").arg(id), QString());
    return true;
}

bool OutboxStore::release(qint64 id)
{
    m_lastError.clear();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE outbox SET lease_owner = '', lease_expires_at = 0 WHERE id = ? AND "
                             "state = 'queued' AND lease_owner = ?"));
    q.addBindValue(id);
    q.addBindValue(m_owner);
    if (!q.exec() || q.numRowsAffected() != 1)
        return fail(QStringLiteral("Cannot give back the lease of outbox message %1").arg(id), q.lastError().text());
    return true;
}

bool OutboxStore::setState(
    qint64 id, OutboxState state, const QString &error, const QList<OutboxState> &from)
{
    m_lastError.clear();
    // Compare-and-set: only from the expected states, and only on a row that is ours or no
    // one's (a row leased by another sender is not ours to change).
    QString sql = QStringLiteral("UPDATE outbox SET state = ?, last_error = ?, lease_owner = '', "
                                 "lease_expires_at = 0 WHERE id = ? AND lease_owner IN ('', ?)");
    if (!from.isEmpty()) {
        QStringList names;
        for (const OutboxState s : from)
            names.append(QLatin1Char('\'') + outboxStateName(s) + QLatin1Char('\''));
        sql += QStringLiteral(" AND state IN (%1)").arg(names.join(QLatin1Char(',')));
    }
    QSqlQuery q(m_db);
    q.prepare(sql);
    q.addBindValue(outboxStateName(state));
    q.addBindValue(notNull(error));
    q.addBindValue(id);
    q.addBindValue(m_owner);
    if (!q.exec())
        return fail(QStringLiteral("Cannot update the outbox"), q.lastError().text());
    if (q.numRowsAffected() != 1)
        return fail(QStringLiteral("Outbox message %1 is not in a state that allows this").arg(id),
            QString());
    return true;
}

bool OutboxStore::replaceBytes(qint64 id, const QByteArray &bytes)
{
    m_lastError.clear();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "UPDATE outbox SET bytes = ? WHERE id = ? AND state = 'queued' AND lease_owner IN ('', ?)"));
    q.addBindValue(bytes);
    q.addBindValue(id);
    q.addBindValue(m_owner);
    if (!q.exec() || q.numRowsAffected() != 1)
        return fail(
            QStringLiteral("Cannot store the re-encoded message %1").arg(id), q.lastError().text());
    return true;
}

bool OutboxStore::markTransmitting(qint64 id)
{
    m_lastError.clear();
    const QDateTime at = now();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "UPDATE outbox SET state = 'transmitting', lease_owner = ?, lease_expires_at = ? WHERE id = ? "
        "AND state = 'queued' AND (lease_owner IN ('', ?) OR lease_expires_at <= ?)"));
    q.addBindValue(m_owner);
    q.addBindValue(timeValue(at.addMSecs(kOutboxLeaseMs)));
    q.addBindValue(id);
    q.addBindValue(m_owner);
    q.addBindValue(timeValue(at));
    if (!q.exec() || q.numRowsAffected() != 1)
        return fail(
            QStringLiteral("Cannot mark message %1 as transmitting").arg(id), q.lastError().text());
    return true;
}

bool OutboxStore::addEvidence(const OutboxEntry &entry, const QList<Tracking::Evidence> &evidence)
{
    if (entry.sentMessageId <= 0)
        return true;
    Tracking::TrackingStore tracking(m_db);
    for (int i = 0; i < entry.recipients.size() && i < evidence.size(); ++i) {
        if (!tracking.appendEvidence(entry.sentMessageId, entry.recipients.at(i).address, evidence.at(i))
            && !tracking.lastError().isEmpty())
            return fail(QStringLiteral("Cannot record evidence for tracking"), tracking.lastError());
    }
    return true;
}

bool OutboxStore::queueDeferred(const OutboxEntry &entry, const QList<OutboxRecipient> &deferred, int attempts)
{
    const QDateTime at = now();
    // The queue lifetime counts from the first submission of the message.
    const QDateTime expires
        = entry.expiresAt.isValid() ? entry.expiresAt : at.addMSecs(kQueueLifetimeMs);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "INSERT INTO outbox (account, sent_message_id, message_id, envid, mail_from, request_dsn, ret, "
        "subject, bytes, state, attempts, next_attempt_at, last_error, created_at, retry_of, expires_at) "
        "SELECT account, sent_message_id, message_id, envid, mail_from, request_dsn, ret, subject, bytes, "
        "'queued', ?, ?, ?, ?, ?, ? FROM outbox WHERE id = ?"));
    QStringList replies;
    for (const OutboxRecipient &r : deferred)
        replies.append(QStringLiteral("%1: %2 %3 %4").arg(r.address).arg(r.replyCode).arg(r.status, r.text).simplified());
    q.addBindValue(attempts);
    q.addBindValue(timeValue(at.addMSecs(retryDelayMs(attempts))));
    q.addBindValue(QStringLiteral("Deferred by your mail server: %1").arg(replies.join(QStringLiteral("; "))));
    q.addBindValue(timeValue(at));
    q.addBindValue(entry.retryOf > 0 ? entry.retryOf : entry.id);
    q.addBindValue(timeValue(expires));
    q.addBindValue(entry.id);
    if (!q.exec())
        return fail(QStringLiteral("Cannot queue the deferred recipients"), q.lastError().text());
    const qint64 retryId = q.lastInsertId().toLongLong();
    QSqlQuery r(m_db);
    r.prepare(QStringLiteral("INSERT INTO outbox_recipients (outbox_id, position, address, notify, orcpt) "
                             "VALUES (?, ?, ?, ?, ?)"));
    for (int i = 0; i < deferred.size(); ++i) {
        r.addBindValue(retryId);
        r.addBindValue(i);
        r.addBindValue(deferred.at(i).address);
        r.addBindValue(notNull(deferred.at(i).notify));
        r.addBindValue(notNull(deferred.at(i).orcpt));
        if (!r.exec())
            return fail(QStringLiteral("Cannot queue the deferred recipients"), r.lastError().text());
    }
    return true;
}

bool OutboxStore::recordSent(qint64 id, const Smtp::SubmissionResult &result)
{
    const auto current = entry(id);
    if (!current)
        return false;
    const QDateTime at = now();
    Transaction tx(m_db);
    if (!tx.isActive())
        return fail(QStringLiteral("Cannot start a transaction"), m_db.lastError().text());
    // Compare-and-set: from Transmitting by its owner (or no owner), or from Uncertain when
    // another process took our live row for an interrupted one.
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE outbox SET state = 'sent', attempts = attempts + 1, "
                             "last_error = '', submitted_at = ?, dsn_supported = ?, "
                             "queue_id = ?, final_reply = ?, "
                             "sent_copy = CASE WHEN retry_of = 0 THEN 'pending' ELSE 'none' END, "
                             "sent_copy_next_at = ?, lease_owner = '', lease_expires_at = 0 WHERE id = ? "
                             "AND ((state = 'transmitting' AND lease_owner IN ('', ?)) "
                             "OR (state = 'uncertain' AND lease_owner = ?))"));
    q.addBindValue(timeValue(at));
    q.addBindValue(result.dsnSupported ? 1 : 0);
    q.addBindValue(notNull(result.queueId));
    q.addBindValue(notNull(replyLine(result.finalReply)));
    q.addBindValue(timeValue(at));
    q.addBindValue(id);
    q.addBindValue(m_owner);
    q.addBindValue(m_owner);
    if (!q.exec())
        return fail(QStringLiteral("Cannot record the submission"), q.lastError().text());
    if (q.numRowsAffected() != 1)
        return fail(QStringLiteral("Outbox message %1 is not being transmitted by this sender").arg(id), QString());

    QList<Tracking::Evidence> evidence;
    QList<OutboxRecipient> deferred;
    QSqlQuery r(m_db);
    r.prepare(QStringLiteral(
        "UPDATE outbox_recipients SET accepted = ?, reply_code = ?, status = ?, reply_text = ? "
        "WHERE outbox_id = ? AND position = ?"));
    for (int i = 0; i < current->recipients.size(); ++i) {
        Smtp::RecipientResult rr;
        if (i < result.recipients.size())
            rr = result.recipients.at(i);
        r.addBindValue(rr.accepted ? 1 : 0);
        r.addBindValue(rr.replyCode);
        r.addBindValue(notNull(rr.enhanced.toString()));
        r.addBindValue(notNull(rr.text));
        r.addBindValue(id);
        r.addBindValue(i);
        if (!r.exec())
            return fail(QStringLiteral("Cannot record the submission"), r.lastError().text());
        evidence.append(smtpEvidence(rr, at));
        if (isDeferred(rr)) {
            OutboxRecipient d = current->recipients.at(i);
            d.replyCode = rr.replyCode;
            d.status = rr.enhanced.toString();
            d.text = rr.text;
            deferred.append(d);
        }
    }
    // Issue 15 §5: recipients refused temporarily are retried on their own, with backoff,
    // until the queue lifetime; past it they are given up.
    if (!deferred.isEmpty()) {
        if (current->expiresAt.isValid() && at >= current->expiresAt) {
            for (int i = 0; i < evidence.size(); ++i) {
                if (evidence.at(i).kind == Tracking::EvidenceKind::Queued) {
                    evidence[i].kind = Tracking::EvidenceKind::SubmissionRefused;
                    evidence[i].diagnostic = QStringLiteral("Given up after the queue lifetime: %1")
                                                 .arg(evidence.at(i).diagnostic);
                }
            }
        } else if (!queueDeferred(*current, deferred, current->attempts + 1)) {
            return false;
        }
    }
    if (current->sentMessageId > 0) {
        if (current->retryOf > 0) {
            // A row of deferred recipients: the message's submission was recorded already.
            if (!addEvidence(*current, evidence))
                return false;
        } else {
            Tracking::TrackingStore tracking(m_db);
            if (!tracking.recordSubmission(current->sentMessageId, at, result.dsnSupported,
                    result.queueId, replyLine(result.finalReply), evidence))
                return fail(
                    QStringLiteral("Cannot record the submission for tracking"), tracking.lastError());
        }
    }
    if (!tx.commit())
        return fail(QStringLiteral("Cannot commit"), m_db.lastError().text());
    return true;
}

bool OutboxStore::scheduleRetry(qint64 id, const QString &error, const Smtp::SubmissionResult &result)
{
    const auto current = entry(id);
    if (!current)
        return false;
    const QDateTime at = now();
    if (current->retryOf > 0 && current->expiresAt.isValid() && at >= current->expiresAt) {
        // The queue lifetime is over: the deferred recipients are given up.
        return recordFailed(id,
            QStringLiteral("Given up after the queue lifetime; the last answer was: %1").arg(error), result);
    }
    Transaction tx(m_db);
    if (!tx.isActive())
        return fail(QStringLiteral("Cannot start a transaction"), m_db.lastError().text());
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE outbox SET state = 'queued', attempts = ?, last_error = ?, "
                             "next_attempt_at = ?, lease_owner = '', lease_expires_at = 0 WHERE id = ? "
                             "AND state IN ('queued', 'transmitting') AND lease_owner IN ('', ?)"));
    const int attempts = current->attempts + 1;
    q.addBindValue(attempts);
    q.addBindValue(notNull(error));
    q.addBindValue(timeValue(at.addMSecs(retryDelayMs(attempts))));
    q.addBindValue(id);
    q.addBindValue(m_owner);
    if (!q.exec())
        return fail(QStringLiteral("Cannot schedule a retry"), q.lastError().text());
    if (q.numRowsAffected() != 1)
        return fail(QStringLiteral("Outbox message %1 is not ours to retry").arg(id), QString());
    if (current->retryOf > 0) {
        // Each attempt of deferred recipients shows in their timelines.
        QList<Tracking::Evidence> evidence;
        for (int i = 0; i < current->recipients.size(); ++i) {
            Smtp::RecipientResult rr;
            if (i < result.recipients.size())
                rr = result.recipients.at(i);
            Tracking::Evidence e = smtpEvidence(rr, at);
            e.kind = Tracking::EvidenceKind::Queued;
            if (e.diagnostic.isEmpty())
                e.diagnostic = error;
            evidence.append(e);
        }
        if (!addEvidence(*current, evidence))
            return false;
    }
    if (!tx.commit())
        return fail(QStringLiteral("Cannot commit"), m_db.lastError().text());
    return true;
}

bool OutboxStore::recordFailed(
    qint64 id, const QString &error, const Smtp::SubmissionResult &result)
{
    const auto current = entry(id);
    if (!current)
        return false;
    const QDateTime at = now();
    Transaction tx(m_db);
    if (!tx.isActive())
        return fail(QStringLiteral("Cannot start a transaction"), m_db.lastError().text());
    QSqlQuery f(m_db);
    f.prepare(QStringLiteral("UPDATE outbox SET state = 'failed', attempts = attempts + 1, "
                             "last_error = ?, lease_owner = '', lease_expires_at = 0 WHERE id = ? "
                             "AND state IN ('queued', 'transmitting') AND lease_owner IN ('', ?)"));
    f.addBindValue(notNull(error));
    f.addBindValue(id);
    f.addBindValue(m_owner);
    if (!f.exec())
        return fail(QStringLiteral("Cannot record the refusal"), f.lastError().text());
    if (f.numRowsAffected() != 1)
        return fail(QStringLiteral("Outbox message %1 is not ours to fail").arg(id), QString());
    QList<Tracking::Evidence> evidence;
    QSqlQuery r(m_db);
    r.prepare(QStringLiteral(
        "UPDATE outbox_recipients SET accepted = 0, reply_code = ?, status = ?, reply_text = ? "
        "WHERE outbox_id = ? AND position = ?"));
    for (int i = 0; i < current->recipients.size(); ++i) {
        Smtp::RecipientResult rr;
        if (i < result.recipients.size())
            rr = result.recipients.at(i);
        rr.accepted = false;
        if (rr.text.isEmpty())
            rr.text = error;
        r.addBindValue(rr.replyCode);
        r.addBindValue(notNull(rr.enhanced.toString()));
        r.addBindValue(notNull(rr.text));
        r.addBindValue(id);
        r.addBindValue(i);
        if (!r.exec())
            return fail(QStringLiteral("Cannot record the refusal"), r.lastError().text());
        Tracking::Evidence e = smtpEvidence(rr, at);
        e.kind = Tracking::EvidenceKind::SubmissionRefused; // the message failed as a whole
        if (current->retryOf > 0 && !error.isEmpty())
            e.diagnostic = error;
        evidence.append(e);
    }
    if (current->sentMessageId > 0) {
        if (current->retryOf > 0) {
            if (!addEvidence(*current, evidence))
                return false;
        } else {
            Tracking::TrackingStore tracking(m_db);
            if (!tracking.recordSubmission(current->sentMessageId, at, result.dsnSupported, QString(),
                    replyLine(result.finalReply), evidence))
                return fail(
                    QStringLiteral("Cannot record the refusal for tracking"), tracking.lastError());
        }
    }
    if (!tx.commit())
        return fail(QStringLiteral("Cannot commit"), m_db.lastError().text());
    return true;
}

bool OutboxStore::markUncertain(qint64 id, const QString &why)
{
    return setState(id, OutboxState::Uncertain, why, { OutboxState::Transmitting });
}

bool OutboxStore::resend(qint64 id)
{
    m_lastError.clear();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE outbox SET state = 'queued', next_attempt_at = ?, lease_owner = '', "
                             "lease_expires_at = 0 WHERE id = ? AND state IN ('uncertain', 'failed')"));
    q.addBindValue(timeValue(now()));
    q.addBindValue(id);
    if (!q.exec() || q.numRowsAffected() != 1)
        return fail(QStringLiteral("Outbox message %1 is not uncertain or failed").arg(id),
            q.lastError().text());
    return true;
}

namespace {

/// The evidence a user's decision about an outbox message leaves in each recipient's
/// timeline (issue 15 §5).
Tracking::Evidence userDecision(Tracking::EvidenceKind kind, const QString &words, const QDateTime &at)
{
    Tracking::Evidence e;
    e.kind = kind;
    e.source = Tracking::EvidenceSource::Outbox;
    e.time = at;
    e.diagnostic = words;
    e.matchedBy = QStringLiteral("user");
    return e;
}

} // namespace

bool OutboxStore::markSent(qint64 id)
{
    m_lastError.clear();
    const auto current = entry(id);
    if (!current)
        return false;
    const QDateTime at = now();
    Transaction tx(m_db);
    if (!tx.isActive())
        return fail(QStringLiteral("Cannot start a transaction"), m_db.lastError().text());
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "UPDATE outbox SET state = 'sent', last_error = 'marked as sent by the user', "
        "sent_copy = CASE WHEN retry_of = 0 THEN 'pending' ELSE 'none' END, sent_copy_next_at = ?, "
        "lease_owner = '', lease_expires_at = 0 WHERE id = ? AND state IN ('uncertain', 'failed')"));
    q.addBindValue(timeValue(at));
    q.addBindValue(id);
    if (!q.exec() || q.numRowsAffected() != 1)
        return fail(QStringLiteral("Outbox message %1 is not uncertain or failed").arg(id),
            q.lastError().text());
    const QList<Tracking::Evidence> evidence(current->recipients.size(),
        userDecision(Tracking::EvidenceKind::SubmissionAccepted, QStringLiteral("marked as sent by you"), at));
    if (!addEvidence(*current, evidence) || !tx.commit())
        return fail(QStringLiteral("Cannot mark outbox message %1 as sent").arg(id), m_lastError);
    return true;
}

bool OutboxStore::discard(qint64 id)
{
    m_lastError.clear();
    const auto current = entry(id);
    if (!current)
        return false;
    const QDateTime at = now();
    Transaction tx(m_db);
    if (!tx.isActive())
        return fail(QStringLiteral("Cannot start a transaction"), m_db.lastError().text());
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM outbox WHERE id = ? AND state <> 'transmitting' AND "
                             "(lease_owner IN ('', ?) OR lease_expires_at <= ?)"));
    q.addBindValue(id);
    q.addBindValue(m_owner);
    q.addBindValue(timeValue(at));
    if (!q.exec() || q.numRowsAffected() != 1)
        return fail(QStringLiteral("No outbox message %1 that can be discarded").arg(id),
            q.lastError().text());
    // The recipients this row was still to be sent to: a sent row's recipients keep the
    // server's answer (discarding it only drops the pending Sent copy).
    if (current->state != OutboxState::Sent) {
        const QList<Tracking::Evidence> evidence(current->recipients.size(),
            userDecision(Tracking::EvidenceKind::SubmissionRefused, QStringLiteral("discarded by you"), at));
        if (!addEvidence(*current, evidence))
            return false;
    }
    if (!tx.commit())
        return fail(QStringLiteral("Cannot commit"), m_db.lastError().text());
    return true;
}

bool OutboxStore::claimSentCopy(qint64 id)
{
    m_lastError.clear();
    const QDateTime at = now();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE outbox SET lease_owner = ?, lease_expires_at = ? WHERE id = ? AND "
                             "sent_copy = 'pending' AND (lease_owner IN ('', ?) OR lease_expires_at <= ?)"));
    q.addBindValue(m_owner);
    q.addBindValue(timeValue(at.addMSecs(kOutboxLeaseMs)));
    q.addBindValue(id);
    q.addBindValue(m_owner);
    q.addBindValue(timeValue(at));
    if (!q.exec())
        return fail(QStringLiteral("Cannot lease the Sent copy of %1").arg(id), q.lastError().text());
    if (q.numRowsAffected() != 1)
        return fail(QStringLiteral("The Sent copy of %1 is not pending, or another sender has it").arg(id), QString());
    return true;
}

bool OutboxStore::markSentCopyDone(qint64 id)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE outbox SET sent_copy = 'done', sent_copy_error = '', "
                             "sent_copy_attempts = sent_copy_attempts + 1, lease_owner = '', "
                             "lease_expires_at = 0 WHERE id = ? AND lease_owner IN ('', ?)"));
    q.addBindValue(id);
    q.addBindValue(m_owner);
    if (!q.exec())
        return fail(QStringLiteral("Cannot update the outbox"), q.lastError().text());
    return true;
}

bool OutboxStore::scheduleSentCopyRetry(qint64 id, const QString &error)
{
    const auto current = entry(id);
    if (!current)
        return false;
    const int attempts = current->sentCopyAttempts + 1;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE outbox SET sent_copy = ?, sent_copy_error = ?, "
                             "sent_copy_attempts = ?, sent_copy_next_at = ?, lease_owner = '', "
                             "lease_expires_at = 0 WHERE id = ? AND lease_owner IN ('', ?)"));
    q.addBindValue(
        attempts >= kMaxSentCopyAttempts ? QStringLiteral("failed") : QStringLiteral("pending"));
    q.addBindValue(notNull(error));
    q.addBindValue(attempts);
    q.addBindValue(timeValue(now().addMSecs(retryDelayMs(attempts))));
    q.addBindValue(id);
    q.addBindValue(m_owner);
    if (!q.exec())
        return fail(QStringLiteral("Cannot update the outbox"), q.lastError().text());
    return true;
}

} // namespace Mailtrail::Sync
