// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/Outbox.h"

#include "NameTable_p.h"
#include "smtp/Xtext.h"
#include "store/Database.h"
#include "tracking/TrackingStore.h"

#include <QSqlError>
#include <QSqlQuery>

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
      "queue_id, final_reply, sent_copy, sent_copy_attempts, sent_copy_next_at, sent_copy_error";

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

/// The evidence an SMTP reply gives about one recipient.
Tracking::Evidence smtpEvidence(const Smtp::RecipientResult &r, const QDateTime &at)
{
    Tracking::Evidence e;
    e.kind = r.accepted ? Tracking::EvidenceKind::SubmissionAccepted
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

OutboxStore::OutboxStore(QSqlDatabase db, Clock clock)
    : m_db(std::move(db))
    , m_clock(std::move(clock))
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
    e.bytes = q.value(22).toByteArray();
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
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE outbox SET state = 'uncertain', last_error = ? WHERE state = "
                             "'transmitting' AND (? = '' OR account = ?)"));
    q.addBindValue(QStringLiteral(
        "Mailtrail stopped while the message was being transmitted; it may have been sent."));
    q.addBindValue(notNull(account));
    q.addBindValue(notNull(account));
    if (!q.exec()) {
        fail(QStringLiteral("Cannot recover the outbox"), q.lastError().text());
        return 0;
    }
    return q.numRowsAffected();
}

bool OutboxStore::setState(
    qint64 id, OutboxState state, const QString &error, const QList<OutboxState> &from)
{
    m_lastError.clear();
    QString sql = QStringLiteral("UPDATE outbox SET state = ?, last_error = ? WHERE id = ?");
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
    q.prepare(QStringLiteral("UPDATE outbox SET bytes = ? WHERE id = ? AND state = 'queued'"));
    q.addBindValue(bytes);
    q.addBindValue(id);
    if (!q.exec() || q.numRowsAffected() != 1)
        return fail(
            QStringLiteral("Cannot store the re-encoded message %1").arg(id), q.lastError().text());
    return true;
}

bool OutboxStore::markTransmitting(qint64 id)
{
    m_lastError.clear();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "UPDATE outbox SET state = 'transmitting' WHERE id = ? AND state = 'queued'"));
    q.addBindValue(id);
    if (!q.exec() || q.numRowsAffected() != 1)
        return fail(
            QStringLiteral("Cannot mark message %1 as transmitting").arg(id), q.lastError().text());
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
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE outbox SET state = 'sent', attempts = attempts + 1, "
                             "last_error = '', submitted_at = ?, dsn_supported = ?, "
                             "queue_id = ?, final_reply = ?, sent_copy = 'pending', "
                             "sent_copy_next_at = ? WHERE id = ?"));
    q.addBindValue(timeValue(at));
    q.addBindValue(result.dsnSupported ? 1 : 0);
    q.addBindValue(notNull(result.queueId));
    q.addBindValue(notNull(replyLine(result.finalReply)));
    q.addBindValue(timeValue(at));
    q.addBindValue(id);
    if (!q.exec())
        return fail(QStringLiteral("Cannot record the submission"), q.lastError().text());

    QList<Tracking::Evidence> evidence;
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
    }
    if (current->sentMessageId > 0) {
        Tracking::TrackingStore tracking(m_db);
        if (!tracking.recordSubmission(current->sentMessageId, at, result.dsnSupported,
                result.queueId, replyLine(result.finalReply), evidence))
            return fail(
                QStringLiteral("Cannot record the submission for tracking"), tracking.lastError());
    }
    if (!tx.commit())
        return fail(QStringLiteral("Cannot commit"), m_db.lastError().text());
    return true;
}

bool OutboxStore::scheduleRetry(qint64 id, const QString &error)
{
    const auto current = entry(id);
    if (!current)
        return false;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE outbox SET state = 'queued', attempts = ?, last_error = ?, "
                             "next_attempt_at = ? WHERE id = ?"));
    const int attempts = current->attempts + 1;
    q.addBindValue(attempts);
    q.addBindValue(notNull(error));
    q.addBindValue(timeValue(now().addMSecs(retryDelayMs(attempts))));
    q.addBindValue(id);
    if (!q.exec())
        return fail(QStringLiteral("Cannot schedule a retry"), q.lastError().text());
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
                             "last_error = ? WHERE id = ?"));
    f.addBindValue(notNull(error));
    f.addBindValue(id);
    if (!f.exec())
        return fail(QStringLiteral("Cannot record the refusal"), f.lastError().text());
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
        evidence.append(smtpEvidence(rr, at));
    }
    if (current->sentMessageId > 0) {
        Tracking::TrackingStore tracking(m_db);
        if (!tracking.recordSubmission(current->sentMessageId, at, result.dsnSupported, QString(),
                replyLine(result.finalReply), evidence))
            return fail(
                QStringLiteral("Cannot record the refusal for tracking"), tracking.lastError());
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
    q.prepare(QStringLiteral("UPDATE outbox SET state = 'queued', next_attempt_at = ? WHERE id = ? "
                             "AND state IN ('uncertain', 'failed')"));
    q.addBindValue(timeValue(now()));
    q.addBindValue(id);
    if (!q.exec() || q.numRowsAffected() != 1)
        return fail(QStringLiteral("Outbox message %1 is not uncertain or failed").arg(id),
            q.lastError().text());
    return true;
}

bool OutboxStore::markSent(qint64 id)
{
    m_lastError.clear();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "UPDATE outbox SET state = 'sent', last_error = 'marked as sent by the user', "
        "sent_copy = 'pending', sent_copy_next_at = ? WHERE id = ? AND state IN ('uncertain', "
        "'failed')"));
    q.addBindValue(timeValue(now()));
    q.addBindValue(id);
    if (!q.exec() || q.numRowsAffected() != 1)
        return fail(QStringLiteral("Outbox message %1 is not uncertain or failed").arg(id),
            q.lastError().text());
    return true;
}

bool OutboxStore::discard(qint64 id)
{
    m_lastError.clear();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM outbox WHERE id = ? AND state <> 'transmitting'"));
    q.addBindValue(id);
    if (!q.exec() || q.numRowsAffected() != 1)
        return fail(QStringLiteral("No outbox message %1 that can be discarded").arg(id),
            q.lastError().text());
    return true;
}

bool OutboxStore::markSentCopyDone(qint64 id)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE outbox SET sent_copy = 'done', sent_copy_error = '', "
                             "sent_copy_attempts = sent_copy_attempts + 1 WHERE id = ?"));
    q.addBindValue(id);
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
                             "sent_copy_attempts = ?, sent_copy_next_at = ? WHERE id = ?"));
    q.addBindValue(
        attempts >= kMaxSentCopyAttempts ? QStringLiteral("failed") : QStringLiteral("pending"));
    q.addBindValue(notNull(error));
    q.addBindValue(attempts);
    q.addBindValue(timeValue(now().addMSecs(retryDelayMs(attempts))));
    q.addBindValue(id);
    if (!q.exec())
        return fail(QStringLiteral("Cannot update the outbox"), q.lastError().text());
    return true;
}

} // namespace Mailtrail::Sync
