// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/ReadReceipts.h"

#include "tracking/BehaviourSettings.h"

#include "Version.h"
#include "mime/MdnBuilder.h"
#include "store/Account.h"
#include "store/AccountRepository.h"
#include "store/Database.h"
#include "store/FolderRepository.h"
#include "store/MessageRecord.h"
#include "store/MessageRepository.h"
#include "sync/Outbox.h"
#include "tracking/Correlator.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <array>

namespace Mailtrail::Sync {

Q_LOGGING_CATEGORY(lcReadReceipts, "mailtrail.sync.receipts", QtInfoMsg)

using Tracking::ReceiptAction;
using Tracking::ReceiptDecision;
using Tracking::ReceiptMode;

namespace {

constexpr std::array<std::pair<ReceiptState, const char *>, 4> kStates{{
    {ReceiptState::Asked, "asked"},
    {ReceiptState::NotSent, "none"},
    {ReceiptState::Sent, "sent"},
    {ReceiptState::Ignored, "ignored"},
}};

std::optional<ReceiptState> stateFromName(const QString &name)
{
    for (const auto &[state, text] : kStates) {
        if (name == QLatin1String(text))
            return state;
    }
    return std::nullopt;
}

QStringList addressList(const QString &text)
{
    QStringList out;
    for (const QString &a : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!a.trimmed().isEmpty())
            out.append(a.trimmed());
    }
    return out;
}

bool hasKeyword(const QByteArrayList &flags, const QByteArray &keyword)
{
    return std::any_of(flags.cbegin(), flags.cend(), [&](const QByteArray &f) {
        return f.compare(keyword, Qt::CaseInsensitive) == 0;
    });
}

QString messageKey(const Store::MessageRecord &record)
{
    return record.messageId.isEmpty() ? QStringLiteral("#%1").arg(record.id) : record.messageId;
}

ReceiptDecision none(const QString &reason)
{
    return {ReceiptAction::None, reason, {}};
}

/// A folder of the user's own mail: a copy there is never answered.
bool isOwnMailFolder(const QString &specialUse)
{
    static const QStringList skip{QStringLiteral("\\Sent"), QStringLiteral("\\Drafts")};
    return std::any_of(skip.cbegin(), skip.cend(), [&](const QString &s) {
        return specialUse.compare(s, Qt::CaseInsensitive) == 0;
    });
}

} // namespace

QString displayReceiptName(DisplayReceipt receipt)
{
    switch (receipt) {
    case DisplayReceipt::Sent:
        return QStringLiteral("sent");
    case DisplayReceipt::Asked:
        return QStringLiteral("asked");
    case DisplayReceipt::None:
        return QStringLiteral("none");
    case DisplayReceipt::AlreadySent:
        return QStringLiteral("already-sent");
    case DisplayReceipt::NotRequested:
        return QStringLiteral("not-requested");
    }
    return {};
}

QString receiptStateName(ReceiptState state)
{
    for (const auto &[s, text] : kStates) {
        if (s == state)
            return QString::fromLatin1(text);
    }
    return {};
}

struct ReadReceipts::Context
{
    Store::MessageRecord record;
    Store::Folder folder;
    Store::Account account;
    QString key;
    std::optional<ReceiptState> state;
};

ReadReceipts::ReadReceipts(QSqlDatabase db) : m_db(std::move(db)) {}

Tracking::ReceiptRequest ReadReceipts::requestFrom(const Store::MessageRecord &record)
{
    Tracking::ReceiptRequest request;
    request.notificationTo = addressList(record.dispositionNotificationTo);
    const bool nullPath = record.returnPath == QLatin1String("<>");
    request.returnPath = nullPath ? QString() : record.returnPath;
    request.to = addressList(record.toAddresses);
    request.cc = addressList(record.ccAddresses);
    request.options = record.dispositionNotificationOptions;
    // A report (RFC 6522) or a message with the null reverse path (a bounce, RFC 5321 §4.5.5)
    // is never answered with a report (RFC 8098 §3.1 / RFC 3834 §2).
    request.isReport = record.contentType == QLatin1String("multipart/report") || nullPath;
    request.mdnSent = hasKeyword(record.flags, QByteArray(mdnSentKeyword));
    return request;
}

Tracking::ReadReceiptPolicy ReadReceipts::policyFor(const Store::Account &account)
{
    const ReceiptMode mode = account.readReceipts == Store::ReadReceipts::Never    ? ReceiptMode::Never
                             : account.readReceipts == Store::ReadReceipts::Always ? ReceiptMode::Always
                                                                                   : ReceiptMode::Ask;
    Tracking::ReadReceiptPolicy policy;
    policy.mode = mode;
    // The cautious cases never get more automatic than "ask" unless a caller says so.
    policy.notAddressed = std::min(mode, ReceiptMode::Ask);
    policy.outsideDomain = std::min(mode, ReceiptMode::Ask);
    return policy;
}

std::optional<ReadReceipts::Context> ReadReceipts::load(qint64 messageRowId) const
{
    m_lastError.clear();
    Context c;
    const auto record = Store::MessageRepository(m_db).findById(messageRowId);
    if (!record) {
        m_lastError = QStringLiteral("No cached message with id %1").arg(messageRowId);
        return std::nullopt;
    }
    c.record = *record;
    const auto folder = Store::FolderRepository(m_db).findById(record->folderId);
    const auto account = folder ? Store::AccountRepository(m_db).findById(folder->accountId) : std::nullopt;
    if (!folder || !account) {
        m_lastError = QStringLiteral("The message %1 belongs to no account").arg(messageRowId);
        return std::nullopt;
    }
    c.folder = *folder;
    c.account = *account;
    c.key = messageKey(c.record);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT state FROM read_receipts WHERE account_id = ? AND message_key = ?"));
    q.addBindValue(c.account.id);
    q.addBindValue(c.key);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return std::nullopt;
    }
    if (q.next())
        c.state = stateFromName(q.value(0).toString());
    return c;
}

ReceiptDecision ReadReceipts::decide(const Context &c) const
{
    if (c.state == ReceiptState::Sent)
        return none(QStringLiteral("A read receipt was already sent for this message."));
    if (c.state == ReceiptState::Ignored)
        return none(QStringLiteral("You chose not to send a read receipt for this message."));
    const Tracking::ReceiptRequest request = requestFrom(c.record);
    if (!request.notificationTo.isEmpty()
        && Tracking::normalizeAddress(c.record.fromAddress) == Tracking::normalizeAddress(c.account.email))
        return none(QStringLiteral("You sent this message yourself."));
    if (isOwnMailFolder(c.folder.specialUse))
        return none(QStringLiteral("The message is in your Sent or Drafts folder."));
    Tracking::ReceiptIdentity me;
    me.addresses = {c.account.email};
    return Tracking::decideReadReceipt(
        request, m_policyOverride.value_or(Tracking::SettingsStore(m_db).load().readReceiptPolicyFor(c.account)), me);
}

ReceiptDecision ReadReceipts::decisionFor(qint64 messageRowId) const
{
    const auto context = load(messageRowId);
    if (!context)
        return none(m_lastError);
    return decide(*context);
}

std::optional<ReceiptState> ReadReceipts::state(qint64 messageRowId) const
{
    const auto context = load(messageRowId);
    return context ? context->state : std::nullopt;
}

bool ReadReceipts::fail(const QString &error, QString *out) const
{
    m_lastError = error;
    if (out)
        *out = error;
    qCInfo(lcReadReceipts).noquote() << error;
    return false;
}

bool ReadReceipts::record(const Context &c, ReceiptState state, const QString &reason, qint64 outboxId,
                          const QByteArray &mdnMessageId, bool markKeyword)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "INSERT INTO read_receipts (account_id, message_key, state, reason, automatic, outbox_id, "
        "mdn_message_id, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(account_id, message_key) DO UPDATE SET state = excluded.state, "
        "reason = excluded.reason, automatic = excluded.automatic, outbox_id = excluded.outbox_id, "
        "mdn_message_id = excluded.mdn_message_id, decided_at = excluded.decided_at"));
    q.addBindValue(c.account.id);
    q.addBindValue(c.key);
    q.addBindValue(receiptStateName(state));
    q.addBindValue(Store::notNull(reason));
    q.addBindValue(0); // send() sets it
    q.addBindValue(outboxId);
    q.addBindValue(Store::notNull(QString::fromUtf8(mdnMessageId)));
    q.addBindValue(now);
    if (!q.exec())
        return fail(QStringLiteral("Cannot record the read-receipt decision: %1").arg(q.lastError().text()));
    if (!markKeyword)
        return true;

    // $MDNSent on every cached copy of the message in this account, now, and on the server
    // at the next connection.
    QSqlQuery copies(m_db);
    copies.prepare(QStringLiteral(
        "SELECT m.id, m.flags FROM messages m JOIN folders f ON f.id = m.folder_id "
        "WHERE f.account_id = ? AND (m.id = ? OR (m.message_id <> '' AND m.message_id = ?))"));
    copies.addBindValue(c.account.id);
    copies.addBindValue(c.record.id);
    copies.addBindValue(c.record.messageId);
    if (!copies.exec())
        return fail(copies.lastError().text());
    QList<std::pair<qint64, QByteArrayList>> rows;
    while (copies.next()) {
        QByteArrayList flags = copies.value(1).toByteArray().split(' ');
        flags.removeAll(QByteArray());
        rows.append({copies.value(0).toLongLong(), flags});
    }
    for (auto &[rowId, flags] : rows) {
        if (!hasKeyword(flags, QByteArray(mdnSentKeyword))) {
            flags.append(QByteArray(mdnSentKeyword));
            QSqlQuery update(m_db);
            update.prepare(QStringLiteral("UPDATE messages SET flags = ? WHERE id = ?"));
            update.addBindValue(QString::fromUtf8(flags.join(' ')));
            update.addBindValue(rowId);
            if (!update.exec())
                return fail(update.lastError().text());
        }
        QSqlQuery pending(m_db);
        pending.prepare(QStringLiteral("INSERT OR IGNORE INTO pending_keyword_stores (message_rowid, keyword, "
                                       "created_at) VALUES (?, ?, ?)"));
        pending.addBindValue(rowId);
        pending.addBindValue(QString::fromLatin1(mdnSentKeyword));
        pending.addBindValue(now);
        if (!pending.exec())
            return fail(pending.lastError().text());
    }
    return true;
}

bool ReadReceipts::send(qint64 messageRowId, bool automatic, QString *error)
{
    const auto context = load(messageRowId);
    if (!context)
        return fail(m_lastError, error);
    const ReceiptDecision decision = decide(*context);
    if (decision.action == ReceiptAction::None)
        return fail(decision.reason, error);
    if (automatic && decision.action != ReceiptAction::SendAutomatic)
        return fail(QStringLiteral("Not sent automatically: %1").arg(decision.reason), error);

    const Store::Account &account = context->account;
    Mime::MdnRequest request;
    request.from = {account.displayName, account.email};
    request.to = decision.sendTo;
    request.originalSubject = context->record.subject;
    request.originalMessageId = context->record.messageId.toUtf8();
    request.originalRecipient = context->record.originalRecipient;
    request.finalRecipient = account.email;
    const QString domain = account.email.section(QLatin1Char('@'), -1);
    request.reportingUa = QStringLiteral("%1; Mailtrail %2").arg(domain, Mailtrail::version());
    request.automatic = automatic;
    request.dispositionType = QStringLiteral("displayed");
    if (const auto body = Store::MessageRepository(m_db).body(messageRowId)) {
        qsizetype end = body->indexOf("\r\n\r\n");
        if (end < 0)
            end = body->indexOf("\n\n");
        if (end > 0)
            request.originalHeaders = body->left(end + 2);
    }
    const Mime::BuiltMessage built = Mime::buildMdn(request);
    if (!built.isValid())
        return fail(QStringLiteral("Cannot build the read receipt: %1").arg(built.error), error);

    OutboxMessage message;
    message.account = account.name;
    message.bytes = built.bytes;
    message.messageId = built.messageId;
    message.subject = QStringLiteral("Read: %1").arg(context->record.subject);
    message.envelope.from.clear(); // MAIL FROM:<> (RFC 8098 §2.1)
    message.envelope.requestDsn = false;
    Smtp::EnvelopeRecipient recipient;
    recipient.address = decision.sendTo;
    recipient.notify = Smtp::DsnNotify::never();
    message.envelope.recipients = {recipient};
    message.track = false;

    Store::Transaction transaction(m_db);
    if (!transaction.isActive())
        return fail(QStringLiteral("Cannot start a transaction: %1").arg(m_db.lastError().text()), error);
    OutboxStore outbox(m_db);
    const auto outboxId = outbox.enqueue(message);
    if (!outboxId)
        return fail(QStringLiteral("Cannot queue the read receipt: %1").arg(outbox.lastError()), error);
    if (!record(*context, ReceiptState::Sent, decision.reason, *outboxId, built.messageId, true)) {
        if (error)
            *error = m_lastError;
        return false;
    }
    QSqlQuery automaticFlag(m_db);
    automaticFlag.prepare(QStringLiteral("UPDATE read_receipts SET automatic = ? WHERE account_id = ? AND message_key = ?"));
    automaticFlag.addBindValue(automatic ? 1 : 0);
    automaticFlag.addBindValue(account.id);
    automaticFlag.addBindValue(context->key);
    if (!automaticFlag.exec() || !transaction.commit())
        return fail(QStringLiteral("Cannot save the read receipt: %1").arg(m_db.lastError().text()), error);
    qCInfo(lcReadReceipts).noquote().nospace()
        << account.name << ": read receipt for " << context->record.messageId << " queued to " << decision.sendTo
        << (automatic ? " (automatic)" : " (manual)");
    return true;
}

bool ReadReceipts::ignore(qint64 messageRowId)
{
    const auto context = load(messageRowId);
    if (!context)
        return false;
    if (context->state == ReceiptState::Sent || context->state == ReceiptState::Ignored)
        return true;
    if (context->record.dispositionNotificationTo.isEmpty())
        return fail(QStringLiteral("No read receipt was requested for this message."));
    Store::Transaction transaction(m_db);
    if (!record(*context, ReceiptState::Ignored, QStringLiteral("The user chose Ignore."), 0, {}, true))
        return false;
    if (!transaction.commit())
        return fail(m_db.lastError().text());
    return true;
}

DisplayOutcome ReadReceipts::displayed(qint64 messageRowId, DisplayChoice choice)
{
    DisplayOutcome out;
    const auto context = load(messageRowId);
    if (!context) {
        out.receipt = DisplayReceipt::None;
        out.reason = m_lastError;
        return out;
    }
    const Store::MessageRecord &message = context->record;
    if (message.dispositionNotificationTo.isEmpty()) {
        out.reason = QStringLiteral("No read receipt was requested.");
        return out;
    }
    if (context->state == ReceiptState::Sent || hasKeyword(message.flags, QByteArray(mdnSentKeyword))) {
        out.receipt = context->state == ReceiptState::Ignored ? DisplayReceipt::None : DisplayReceipt::AlreadySent;
        out.reason = context->state == ReceiptState::Ignored
            ? QStringLiteral("You chose not to send a read receipt for this message.")
            : QStringLiteral("A read receipt was already sent for this message.");
        return out;
    }
    const ReceiptDecision decision = decide(*context);
    out.reason = decision.reason;
    if (choice == DisplayChoice::NoReceipt || decision.action == ReceiptAction::None) {
        out.receipt = DisplayReceipt::None;
        if (choice == DisplayChoice::NoReceipt && decision.action != ReceiptAction::None)
            out.reason = QStringLiteral("No read receipt was considered (--no-receipt).");
        return out;
    }
    if (decision.action == ReceiptAction::SendAutomatic || choice == DisplayChoice::SendReceipt) {
        const bool automatic = choice == DisplayChoice::Policy;
        QString error;
        if (!send(messageRowId, automatic, &error)) {
            out.receipt = DisplayReceipt::None;
            out.reason = error;
            return out;
        }
        out.receipt = DisplayReceipt::Sent;
        QSqlQuery id(m_db);
        id.prepare(QStringLiteral("SELECT outbox_id FROM read_receipts WHERE account_id = ? AND message_key = ?"));
        id.addBindValue(context->account.id);
        id.addBindValue(context->key);
        if (id.exec() && id.next())
            out.outboxId = id.value(0).toLongLong();
        return out;
    }
    // Ask: remembered, so the bar (or `show`) says so until the user answers.
    out.receipt = DisplayReceipt::Asked;
    if (context->state != ReceiptState::Asked
        && !record(*context, ReceiptState::Asked, decision.reason, 0, {}, false))
        qCInfo(lcReadReceipts).noquote() << m_lastError;
    return out;
}

QList<PendingKeywordStore> ReadReceipts::pendingKeywordStores(qint64 accountId) const
{
    QList<PendingKeywordStore> out;
    QSqlQuery q(m_db);
    // CROSS JOIN: from the few pending stores to their messages. Without table statistics
    // SQLite walked every message of the account instead (100k: 8% of a first sync's CPU).
    q.prepare(QStringLiteral(
        "SELECT p.message_rowid, m.folder_id, m.uid FROM pending_keyword_stores p "
        "CROSS JOIN messages m ON m.id = p.message_rowid CROSS JOIN folders f ON f.id = m.folder_id "
        "WHERE f.account_id = ? ORDER BY m.folder_id, m.uid"));
    q.addBindValue(accountId);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return out;
    }
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toUInt()});
    return out;
}

bool ReadReceipts::keywordStored(qint64 messageRowId)
{
    // A sync in between may have replaced the cached flags with the server's older ones.
    QSqlQuery flags(m_db);
    flags.prepare(QStringLiteral("UPDATE messages SET flags = trim(flags || ' ' || ?) WHERE id = ? AND "
                                 "(' ' || flags || ' ') NOT LIKE ('% ' || ? || ' %')"));
    flags.addBindValue(QString::fromLatin1(mdnSentKeyword));
    flags.addBindValue(messageRowId);
    flags.addBindValue(QString::fromLatin1(mdnSentKeyword));
    if (!flags.exec())
        return fail(flags.lastError().text());
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM pending_keyword_stores WHERE message_rowid = ?"));
    q.addBindValue(messageRowId);
    if (!q.exec())
        return fail(q.lastError().text());
    return true;
}

bool ReadReceipts::isOwnReport(const QString &accountName, const QString &messageIdHeader) const
{
    if (messageIdHeader.isEmpty())
        return false;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "SELECT 1 FROM outbox WHERE account = ? AND message_id = ? UNION ALL "
        "SELECT 1 FROM read_receipts r JOIN accounts a ON a.id = r.account_id "
        "WHERE a.name = ? AND r.mdn_message_id = ? LIMIT 1"));
    q.addBindValue(accountName);
    q.addBindValue(messageIdHeader);
    q.addBindValue(accountName);
    q.addBindValue(messageIdHeader);
    return q.exec() && q.next();
}

} // namespace Mailtrail::Sync
