// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/MessageRepository.h"

#include "search/Index.h"
#include "search/TermDictionary.h"
#include "store/Database.h"
#include "store/Sqlite_p.h"

#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <iterator>
#include <limits>
#include <optional>


namespace Mailtrail::Store {

QString MessageRepository::recordColumns()
{
    return QStringLiteral("id, folder_id, uid, modseq, flags, size, date, subject, from_name, from_address, "
                          "to_addresses, cc_addresses, message_id, in_reply_to, reference_ids, content_type, "
                          "looks_like_report, disposition_notification_to, disposition_notification_options, return_path, "
                          "original_recipient, bcc_addresses");
}

MessageRecord MessageRepository::recordFromQuery(const QSqlQuery &q)
{
    MessageRecord r;
    r.id = q.value(0).toLongLong();
    r.folderId = q.value(1).toLongLong();
    r.uid = q.value(2).toUInt();
    r.modseq = q.value(3).toULongLong();
    r.flags = q.value(4).toByteArray().split(' ');
    r.flags.removeAll(QByteArray());
    r.size = q.value(5).toUInt();
    r.date = q.value(6).toLongLong();
    r.subject = q.value(7).toString();
    r.fromName = q.value(8).toString();
    r.fromAddress = q.value(9).toString();
    r.toAddresses = q.value(10).toString();
    r.ccAddresses = q.value(11).toString();
    r.messageId = q.value(12).toString();
    r.inReplyTo = q.value(13).toString();
    r.references = q.value(14).toString();
    r.contentType = q.value(15).toString();
    r.looksLikeReport = q.value(16).toBool();
    r.dispositionNotificationTo = q.value(17).toString();
    r.dispositionNotificationOptions = q.value(18).toString();
    r.returnPath = q.value(19).toString();
    r.originalRecipient = q.value(20).toString();
    r.bccAddresses = q.value(21).toString();
    return r;
}

namespace {

/// One value of a cached row: a number or UTF-8 text (a view into the CacheRow).
struct Value
{
    qint64 number = 0;
    QByteArrayView text;
    bool isText = false;
};

Value number(qint64 n)
{
    return {n, {}, false};
}

/// Text columns are NOT NULL DEFAULT '': empty text is bound as "" (never as NULL).
Value text(const CacheRow &row, CacheRow::Text column)
{
    return {0, row.text(column), true};
}

/// The columns upsert() writes after folder_id, and how each is taken from a row: the one
/// place to add a cached column (with CacheRow, summaryHeaderFields() and fillFromHeaders()).
struct Column
{
    const char *name;
    Value (*value)(const CacheRow &);
};

const Column kColumns[] = {
    {"uid", [](const CacheRow &r) { return number(r.uid); }},
    {"modseq", [](const CacheRow &r) { return number(qint64(r.modseq)); }},
    {"flags", [](const CacheRow &r) { return text(r, CacheRow::Flags); }},
    {"seen", [](const CacheRow &r) { return number(r.seen ? 1 : 0); }},
    {"size", [](const CacheRow &r) { return number(r.size); }},
    {"date", [](const CacheRow &r) { return number(r.date); }},
    {"subject", [](const CacheRow &r) { return text(r, CacheRow::Subject); }},
    {"from_name", [](const CacheRow &r) { return text(r, CacheRow::FromName); }},
    {"from_address", [](const CacheRow &r) { return text(r, CacheRow::FromAddress); }},
    {"to_addresses", [](const CacheRow &r) { return text(r, CacheRow::ToAddresses); }},
    {"cc_addresses", [](const CacheRow &r) { return text(r, CacheRow::CcAddresses); }},
    {"message_id", [](const CacheRow &r) { return text(r, CacheRow::MessageId); }},
    {"in_reply_to", [](const CacheRow &r) { return text(r, CacheRow::InReplyTo); }},
    {"reference_ids", [](const CacheRow &r) { return text(r, CacheRow::References); }},
    {"content_type", [](const CacheRow &r) { return text(r, CacheRow::ContentType); }},
    {"looks_like_report", [](const CacheRow &r) { return number(r.looksLikeReport ? 1 : 0); }},
    {"disposition_notification_to", [](const CacheRow &r) { return text(r, CacheRow::DispositionNotificationTo); }},
    {"disposition_notification_options",
     [](const CacheRow &r) { return text(r, CacheRow::DispositionNotificationOptions); }},
    {"return_path", [](const CacheRow &r) { return text(r, CacheRow::ReturnPath); }},
    {"original_recipient", [](const CacheRow &r) { return text(r, CacheRow::OriginalRecipient); }},
    {"bcc_addresses", [](const CacheRow &r) { return text(r, CacheRow::BccAddresses); }},
    {"tracking_pending", [](const CacheRow &r) { return number(r.trackingPending ? 1 : 0); }},
};
constexpr int kColumnCount = int(std::size(kColumns));

/// INSERT … ON CONFLICT(folder_id, uid) of @p rows rows: a known message only gets its flags
/// and MODSEQ. Each row's last placeholder is search_pending (1: the search index learns of
/// the row later).
QByteArray upsertSql(int rows)
{
    QByteArray names = "folder_id";
    QByteArray row = "(?";
    for (const Column &c : kColumns) {
        names += QByteArray(", ") + c.name;
        row += ",?";
    }
    names += ", search_pending";
    row += ",?)";
    QByteArray values = row;
    for (int i = 1; i < rows; ++i)
        values += ',' + row;
    return "INSERT INTO messages(" + names + ") VALUES " + values
        + " ON CONFLICT(folder_id, uid) DO UPDATE SET flags = excluded.flags, seen = excluded.seen, "
          "modseq = excluded.modseq";
}

/// Rows per INSERT statement, at most. Few rows per statement cost twice over: SQLite opens
/// a statement savepoint for every statement that fires triggers, FTS5 writes its pending
/// terms as a new segment at every savepoint (one row per statement made every message a
/// segment of its own), and each statement copies every page it changes into its statement
/// journal once, so 256 rows a statement copied the random-keyed Message-ID index pages
/// 32 times per 8192-row commit (a fifth of the writer's first sync). Much longer
/// statements cost more to prepare than they save (issue 16's first-sync profiles).
/// 24 values a row; the statement also stays below the connection's variable limit.
constexpr int kRowsPerStatement = 1024;

using Sqlite::Statement;

/// The first sync inserts 100,000 rows: straight through SQLite's C API, because Qt's
/// QSqlResult::bindValue() formats a placeholder name per value and binds UTF-16 text that
/// SQLite converts back to UTF-8 — together more than SQLite's own work (issue 4 benchmark).
/// Same statement, same transaction, same result as the QSqlQuery path.
QString upsertDirect(sqlite3 *handle, qint64 folderId, const QList<CacheRow> &rows, bool deferIndexing,
                     sqlite3_stmt **keptFull, int *keptRows)
{
    // Oldest first: the document keys the triggers give are then ascending, and FTS5 writes
    // a segment whenever a key is not above the one before it in a statement.
    QList<const CacheRow *> order;
    order.reserve(rows.size());
    for (const CacheRow &r : rows)
        order.append(&r);
    std::stable_sort(order.begin(), order.end(), [](const CacheRow *a, const CacheRow *b) { return a->date < b->date; });

    static const char empty[] = "";
    const int rowsPerStatement =
        qBound(1, sqlite3_limit(handle, SQLITE_LIMIT_VARIABLE_NUMBER, -1) / (kColumnCount + 2), kRowsPerStatement);
    Statement full;
    if (*keptRows == rowsPerStatement)
        std::swap(full.stmt, *keptFull); // prepared by an earlier batch
    const auto keep = qScopeGuard([&] {
        if (full.stmt) { // for the next batch, without bindings to this batch's rows
            sqlite3_clear_bindings(full.stmt);
            sqlite3_finalize(*keptFull);
            *keptFull = std::exchange(full.stmt, nullptr);
            *keptRows = rowsPerStatement;
        }
    });
    for (qsizetype from = 0; from < order.size(); from += rowsPerStatement) {
        const int count = int(qMin<qsizetype>(rowsPerStatement, order.size() - from));
        Statement rest;
        Statement &s = count == rowsPerStatement ? full : rest;
        if (!s.stmt && sqlite3_prepare_v2(handle, upsertSql(count).constData(), -1, &s.stmt, nullptr) != SQLITE_OK)
            return QString::fromUtf8(sqlite3_errmsg(handle));
        int parameter = 0;
        for (int n = 0; n < count; ++n) {
            const CacheRow &r = *order[from + n];
            sqlite3_bind_int64(s.stmt, ++parameter, folderId);
            for (int i = 0; i < kColumnCount; ++i) {
                const Value v = kColumns[i].value(r); // the row outlives sqlite3_step: SQLITE_STATIC does not copy
                ++parameter;
                if (v.isText)
                    sqlite3_bind_text(s.stmt, parameter, v.text.isEmpty() ? empty : v.text.data(), int(v.text.size()),
                                      SQLITE_STATIC);
                else
                    sqlite3_bind_int64(s.stmt, parameter, v.number);
            }
            sqlite3_bind_int(s.stmt, ++parameter, deferIndexing ? 1 : 0);
        }
        const int rc = sqlite3_step(s.stmt);
        sqlite3_reset(s.stmt);
        if (rc != SQLITE_DONE) {
            quint32 lowest = 0xFFFFFFFFu;
            quint32 highest = 0;
            for (int n = 0; n < count; ++n) {
                lowest = qMin(lowest, order[from + n]->uid);
                highest = qMax(highest, order[from + n]->uid);
            }
            return QStringLiteral("cannot cache the messages of UIDs %1 to %2: %3")
                .arg(lowest)
                .arg(highest)
                .arg(QString::fromUtf8(sqlite3_errmsg(handle)));
        }
    }
    return {};
}

} // namespace

QString MessageRepository::upsert(qint64 folderId, const QList<MessageRecord> &records)
{
    QList<CacheRow> rows;
    rows.reserve(records.size());
    for (const MessageRecord &r : records)
        rows.append(CacheRow::fromRecord(r));
    return upsert(folderId, rows);
}

UpsertStatements::~UpsertStatements()
{
    clear();
}

void UpsertStatements::clear()
{
    sqlite3_finalize(m_full);
    m_full = nullptr;
    m_rows = 0;
}

QString MessageRepository::upsert(qint64 folderId, const QList<CacheRow> &rows, SearchIndexing indexing)
{
    UpsertStatements once;
    return upsert(folderId, rows, indexing, &once);
}

QString MessageRepository::upsert(qint64 folderId, const QList<CacheRow> &rows, SearchIndexing indexing,
                                  UpsertStatements *keep)
{
    const bool deferIndexing = indexing == SearchIndexing::Deferred;
    Transaction transaction(m_db);
    // The search index's term dictionary gets the terms of the fields the triggers index
    // (180/181-search*.sql: subject, sender, recipients, copies), as FTS5 tokenizes them;
    // deferred rows get them when Search::Index indexes them.
    std::optional<Search::NewTerms> terms;
    if (!deferIndexing)
        terms.emplace(m_db);
    // Deferred rows are remembered by the range of row ids this commit adds
    // (230-search-deferred-ranges.sql): SQLite gives a new row one above the largest id.
    qint64 lastIdBefore = 0;
    if (deferIndexing) {
        if (QString error = largestId(&lastIdBefore); !error.isEmpty())
            return error;
    }
    if (sqlite3 *handle = Sqlite::handle(m_db)) {
        if (const QString error = upsertDirect(handle, folderId, rows, deferIndexing, &keep->m_full, &keep->m_rows);
            !error.isEmpty())
            return error;
    } else {
        QSqlQuery q(m_db);
        if (!q.prepare(QString::fromLatin1(upsertSql(1))))
            return q.lastError().text();
        for (const CacheRow &r : rows) {
            q.bindValue(0, folderId);
            for (int i = 0; i < kColumnCount; ++i) {
                const Value v = kColumns[i].value(r);
                q.bindValue(i + 1, !v.isText          ? QVariant(v.number)
                                   : v.text.isEmpty() ? QVariant(QStringLiteral(""))
                                                      : QVariant(QString::fromUtf8(v.text)));
            }
            q.bindValue(kColumnCount + 1, deferIndexing ? 1 : 0);
            if (!q.exec())
                return QStringLiteral("cannot cache message UID %1: %2").arg(r.uid).arg(q.lastError().text());
        }
    }
    if (terms && !terms->captured()) {
        for (const CacheRow &r : rows) {
            for (const CacheRow::Text field : {CacheRow::Subject, CacheRow::FromName, CacheRow::FromAddress,
                                               CacheRow::ToAddresses, CacheRow::CcAddresses})
                terms->add(r.text(field));
        }
    }
    if (terms) {
        if (QString error = terms->store(); !error.isEmpty())
            return error;
    }
    if (deferIndexing) {
        if (QString error = rememberDeferred(lastIdBefore, rows); !error.isEmpty())
            return error;
    }
    if (!transaction.commit())
        return QStringLiteral("cannot commit cached messages: %1").arg(m_db.lastError().text());
    return {};
}

QString MessageRepository::largestId(qint64 *id) const
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM messages")) || !q.next())
        return QStringLiteral("cannot read the message table: %1").arg(q.lastError().text());
    *id = q.value(0).toLongLong();
    return {};
}

QString MessageRepository::rememberDeferred(qint64 lastIdBefore, const QList<CacheRow> &rows)
{
    qint64 lastId = 0;
    if (QString error = largestId(&lastId); !error.isEmpty())
        return error;
    if (lastId <= lastIdBefore)
        return {}; // only known messages, whose indexing is as it was
    qint64 newest = std::numeric_limits<qint64>::min();
    for (const CacheRow &r : rows)
        newest = qMax(newest, r.date);
    return rememberDeferred(lastIdBefore + 1, lastId, newest);
}

QString MessageRepository::rememberDeferred(qint64 firstId, qint64 lastId, qint64 newest)
{
    // The ids from firstId on were free before this transaction (SQLite gives a new row one
    // above the largest), so a recorded range reaching that far covers rows removed since:
    // it is cut short, the ranges stay disjoint and no message is counted twice.
    const auto failed = [](const QSqlQuery &q) {
        return QStringLiteral("cannot record the messages left to the search index: %1").arg(q.lastError().text());
    };
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE search_deferred SET last_id = ? WHERE last_id >= ?"));
    q.addBindValue(firstId - 1);
    q.addBindValue(firstId);
    if (!q.exec() || !q.exec(QStringLiteral("DELETE FROM search_deferred WHERE last_id < first_id")))
        return failed(q);
    q.prepare(QStringLiteral("INSERT INTO search_deferred(first_id, last_id, newest) VALUES (?, ?, ?)"));
    q.addBindValue(firstId);
    q.addBindValue(lastId);
    q.addBindValue(newest);
    if (!q.exec())
        return failed(q);
    return {};
}

QString MessageRepository::updateFlags(qint64 folderId, const QList<FlagUpdate> &updates)
{
    Transaction transaction(m_db);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE messages SET flags = ?, seen = ?, modseq = MAX(modseq, ?) "
                             "WHERE folder_id = ? AND uid = ?"));
    for (const FlagUpdate &u : updates) {
        q.bindValue(0, notNull(QString::fromUtf8(storedFlags(u.flags).join(' '))));
        q.bindValue(1, u.flags.contains("\\Seen"));
        q.bindValue(2, qint64(u.modseq));
        q.bindValue(3, folderId);
        q.bindValue(4, u.uid);
        if (!q.exec())
            return QStringLiteral("cannot update flags of UID %1: %2").arg(u.uid).arg(q.lastError().text());
    }
    if (!transaction.commit())
        return QStringLiteral("cannot commit flag updates: %1").arg(m_db.lastError().text());
    return {};
}

QString MessageRepository::removeUids(qint64 folderId, const QList<quint32> &uids)
{
    Transaction transaction(m_db);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM messages WHERE folder_id = ? AND uid = ?"));
    for (const quint32 uid : uids) {
        q.bindValue(0, folderId);
        q.bindValue(1, uid);
        if (!q.exec())
            return QStringLiteral("cannot remove UID %1: %2").arg(uid).arg(q.lastError().text());
    }
    if (!transaction.commit())
        return QStringLiteral("cannot commit removals: %1").arg(m_db.lastError().text());
    return {};
}

QString MessageRepository::moveTo(qint64 messageId, qint64 folderId, quint32 uid)
{
    Transaction transaction(m_db);
    QSqlQuery q(m_db);
    if (find(folderId, uid)) {
        q.prepare(QStringLiteral("DELETE FROM messages WHERE id = ?"));
        q.addBindValue(messageId);
    } else {
        q.prepare(QStringLiteral("UPDATE messages SET folder_id = ?, uid = ?, modseq = 0 WHERE id = ?"));
        q.addBindValue(folderId);
        q.addBindValue(uid);
        q.addBindValue(messageId);
    }
    if (!q.exec())
        return QStringLiteral("cannot move message %1: %2").arg(messageId).arg(q.lastError().text());
    if (!transaction.commit())
        return QStringLiteral("cannot commit the move: %1").arg(m_db.lastError().text());
    return {};
}

QString MessageRepository::copyTo(qint64 messageId, qint64 folderId, quint32 uid)
{
    if (find(folderId, uid))
        return {};
    // Every column but the key and the place: the table grows with migrations.
    QStringList columns;
    QSqlQuery info(m_db);
    if (!info.exec(QStringLiteral("PRAGMA table_info(messages)")))
        return QStringLiteral("cannot read the message table: %1").arg(info.lastError().text());
    while (info.next()) {
        const QString name = info.value(1).toString();
        if (name != QLatin1String("id") && name != QLatin1String("folder_id") && name != QLatin1String("uid")
            && name != QLatin1String("modseq"))
            columns.append(name);
    }
    const QString list = columns.join(QLatin1String(", "));
    Transaction transaction(m_db);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO messages(folder_id, uid, %1) SELECT ?, ?, %1 FROM messages WHERE id = ?")
                  .arg(list));
    q.addBindValue(folderId);
    q.addBindValue(uid);
    q.addBindValue(messageId);
    if (!q.exec() || q.numRowsAffected() != 1)
        return QStringLiteral("cannot copy message %1: %2").arg(messageId).arg(q.lastError().text());
    const qint64 copy = q.lastInsertId().toLongLong();
    QSqlQuery body(m_db);
    body.prepare(QStringLiteral("INSERT INTO message_bodies(message_rowid, raw, fetched_at) "
                                "SELECT ?, raw, fetched_at FROM message_bodies WHERE message_rowid = ?"));
    body.addBindValue(copy);
    body.addBindValue(messageId);
    QSqlQuery text(m_db);
    text.prepare(QStringLiteral("UPDATE search_documents SET (body, attachments) = (SELECT body, attachments "
                                "FROM search_documents WHERE message_rowid = ?) WHERE message_rowid = ?"));
    text.addBindValue(messageId);
    text.addBindValue(copy);
    if (!body.exec() || !text.exec())
        return QStringLiteral("cannot copy the body of message %1: %2")
            .arg(messageId)
            .arg(body.lastError().isValid() ? body.lastError().text() : text.lastError().text());
    // The copy of a message whose indexing is deferred is deferred too: a range of its own.
    QSqlQuery deferred(m_db);
    deferred.prepare(QStringLiteral("SELECT date FROM messages WHERE id = ? AND search_pending = 1"));
    deferred.addBindValue(copy);
    if (!deferred.exec())
        return QStringLiteral("cannot copy message %1: %2").arg(messageId).arg(deferred.lastError().text());
    if (deferred.next()) {
        if (QString error = rememberDeferred(copy, copy, deferred.value(0).toLongLong()); !error.isEmpty())
            return error;
    }
    if (!transaction.commit())
        return QStringLiteral("cannot commit the copy: %1").arg(m_db.lastError().text());
    return {};
}

QString MessageRepository::removeAll(qint64 folderId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM messages WHERE folder_id = ?"));
    q.addBindValue(folderId);
    if (!q.exec())
        return QStringLiteral("cannot clear the folder cache: %1").arg(q.lastError().text());
    return {};
}

QList<quint32> MessageRepository::uids(qint64 folderId) const
{
    QList<quint32> out;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT uid FROM messages WHERE folder_id = ? ORDER BY uid"));
    q.addBindValue(folderId);
    if (q.exec()) {
        while (q.next())
            out.append(q.value(0).toUInt());
    }
    return out;
}

QHash<quint32, QByteArrayList> MessageRepository::flagsByUid(qint64 folderId) const
{
    QHash<quint32, QByteArrayList> out;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT uid, flags FROM messages WHERE folder_id = ?"));
    q.addBindValue(folderId);
    if (q.exec()) {
        while (q.next()) {
            QByteArrayList flags = q.value(1).toByteArray().split(' ');
            flags.removeAll(QByteArray());
            out.insert(q.value(0).toUInt(), flags);
        }
    }
    return out;
}

qint64 MessageRepository::count(qint64 folderId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM messages WHERE folder_id = ?"));
    q.addBindValue(folderId);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

qint64 MessageRepository::unreadCount(qint64 folderId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM messages WHERE folder_id = ? AND seen = 0"));
    q.addBindValue(folderId);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

std::optional<MessageRecord> MessageRepository::find(qint64 folderId, quint32 uid) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM messages WHERE folder_id = ? AND uid = ?").arg(recordColumns()));
    q.addBindValue(folderId);
    q.addBindValue(uid);
    if (q.exec() && q.next())
        return recordFromQuery(q);
    return std::nullopt;
}

std::optional<MessageRecord> MessageRepository::findById(qint64 id) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM messages WHERE id = ?").arg(recordColumns()));
    q.addBindValue(id);
    if (q.exec() && q.next())
        return recordFromQuery(q);
    return std::nullopt;
}

QList<MessageRecord> MessageRepository::findByMessageId(const QString &messageId) const
{
    QList<MessageRecord> out;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM messages WHERE message_id = ? ORDER BY id").arg(recordColumns()));
    q.addBindValue(messageId);
    if (q.exec()) {
        while (q.next())
            out.append(recordFromQuery(q));
    }
    return out;
}

QList<MessageRecord> MessageRepository::reports(qint64 folderId) const
{
    QList<MessageRecord> out;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM messages WHERE folder_id = ? AND looks_like_report = 1 ORDER BY uid")
                  .arg(recordColumns()));
    q.addBindValue(folderId);
    if (q.exec()) {
        while (q.next())
            out.append(recordFromQuery(q));
    }
    return out;
}

std::optional<QByteArray> MessageRepository::body(qint64 messageId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT raw FROM message_bodies WHERE message_rowid = ?"));
    q.addBindValue(messageId);
    if (q.exec() && q.next())
        return q.value(0).toByteArray();
    return std::nullopt;
}

QString MessageRepository::storeBody(qint64 messageId, const QByteArray &raw)
{
    return storeBodies({{messageId, raw}});
}

QString MessageRepository::storeBodies(const QList<std::pair<qint64, QByteArray>> &bodies)
{
    if (bodies.isEmpty())
        return {};
    // The bodies and their text in the search index (issue 17) in one transaction.
    Transaction transaction(m_db);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO message_bodies(message_rowid, raw) VALUES(?, ?)"));
    for (const auto &[messageId, raw] : bodies) {
        q.bindValue(0, messageId);
        q.bindValue(1, raw);
        if (!q.exec())
            return QStringLiteral("cannot cache the message body: %1").arg(q.lastError().text());
    }
    if (QString error = Search::Index(m_db).storeTexts(bodies); !error.isEmpty())
        return error;
    if (!transaction.commit())
        return QStringLiteral("cannot cache the message body: %1").arg(m_db.lastError().text());
    return {};
}

} // namespace Mailtrail::Store
