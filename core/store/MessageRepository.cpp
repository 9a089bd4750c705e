// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/MessageRepository.h"

#include "store/Database.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <sqlite3.h>

namespace Mailtrail::Store {

QString MessageRepository::recordColumns()
{
    return QStringLiteral("id, folder_id, uid, modseq, flags, size, date, subject, from_name, from_address, "
                          "to_addresses, cc_addresses, message_id, in_reply_to, reference_ids, content_type, "
                          "looks_like_report");
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
    return r;
}

namespace {

constexpr const char *upsertSql =
    "INSERT INTO messages(folder_id, uid, modseq, flags, seen, size, date, subject, from_name, "
    "from_address, to_addresses, cc_addresses, message_id, in_reply_to, reference_ids, content_type, "
    "looks_like_report) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
    "ON CONFLICT(folder_id, uid) DO UPDATE SET flags = excluded.flags, seen = excluded.seen, "
    "modseq = excluded.modseq";

/// The connection's own SQLite handle (Qt's QSQLITE driver), or null for another driver.
sqlite3 *sqliteHandle(const QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

/// Owns a prepared statement.
struct Statement
{
    sqlite3_stmt *stmt = nullptr;
    ~Statement() { sqlite3_finalize(stmt); }
};

/// The first sync inserts 100,000 rows: straight through SQLite's C API, because Qt's
/// QSqlResult::bindValue() formats a placeholder name per value and binds UTF-16 text that
/// SQLite converts back to UTF-8 — together more than SQLite's own work (issue 4 benchmark).
/// Same statement, same transaction, same result as the QSqlQuery path below.
QString upsertDirect(sqlite3 *handle, qint64 folderId, const QList<MessageRecord> &records)
{
    Statement s;
    if (sqlite3_prepare_v2(handle, upsertSql, -1, &s.stmt, nullptr) != SQLITE_OK)
        return QString::fromUtf8(sqlite3_errmsg(handle));
    // Text columns are NOT NULL DEFAULT '': a null QString binds as "" (constData() is never null).
    const auto text = [&s](int column, const QByteArray &utf8) {
        sqlite3_bind_text(s.stmt, column, utf8.constData(), int(utf8.size()), SQLITE_STATIC);
    };
    for (const MessageRecord &r : records) {
        // Kept alive until sqlite3_step (SQLITE_STATIC binds do not copy).
        const QByteArray flags = r.flags.join(' ');
        const QByteArray fields[] = {r.subject.toUtf8(), r.fromName.toUtf8(), r.fromAddress.toUtf8(),
                                     r.toAddresses.toUtf8(), r.ccAddresses.toUtf8(), r.messageId.toUtf8(),
                                     r.inReplyTo.toUtf8(), r.references.toUtf8(), r.contentType.toUtf8()};
        sqlite3_bind_int64(s.stmt, 1, folderId);
        sqlite3_bind_int64(s.stmt, 2, r.uid);
        sqlite3_bind_int64(s.stmt, 3, qint64(r.modseq));
        text(4, flags);
        sqlite3_bind_int(s.stmt, 5, r.isSeen() ? 1 : 0);
        sqlite3_bind_int64(s.stmt, 6, r.size);
        sqlite3_bind_int64(s.stmt, 7, r.date);
        for (int i = 0; i < 9; ++i)
            text(8 + i, fields[i]);
        sqlite3_bind_int(s.stmt, 17, r.looksLikeReport ? 1 : 0);
        const int rc = sqlite3_step(s.stmt);
        sqlite3_reset(s.stmt);
        if (rc != SQLITE_DONE)
            return QStringLiteral("cannot cache message UID %1: %2").arg(r.uid).arg(QString::fromUtf8(sqlite3_errmsg(handle)));
    }
    return {};
}

} // namespace

QString MessageRepository::upsert(qint64 folderId, const QList<MessageRecord> &records)
{
    Transaction transaction(m_db);
    if (sqlite3 *handle = sqliteHandle(m_db)) {
        if (const QString error = upsertDirect(handle, folderId, records); !error.isEmpty())
            return error;
        if (!transaction.commit())
            return QStringLiteral("cannot commit cached messages: %1").arg(m_db.lastError().text());
        return {};
    }
    QSqlQuery q(m_db);
    if (!q.prepare(QString::fromLatin1(upsertSql)))
        return q.lastError().text();
    for (const MessageRecord &r : records) {
        q.bindValue(0, folderId);
        q.bindValue(1, r.uid);
        q.bindValue(2, qint64(r.modseq));
        q.bindValue(3, notNull(QString::fromUtf8(r.flags.join(' '))));
        q.bindValue(4, r.isSeen());
        q.bindValue(5, r.size);
        q.bindValue(6, r.date);
        q.bindValue(7, notNull(r.subject));
        q.bindValue(8, notNull(r.fromName));
        q.bindValue(9, notNull(r.fromAddress));
        q.bindValue(10, notNull(r.toAddresses));
        q.bindValue(11, notNull(r.ccAddresses));
        q.bindValue(12, notNull(r.messageId));
        q.bindValue(13, notNull(r.inReplyTo));
        q.bindValue(14, notNull(r.references));
        q.bindValue(15, notNull(r.contentType));
        q.bindValue(16, r.looksLikeReport);
        if (!q.exec())
            return QStringLiteral("cannot cache message UID %1: %2").arg(r.uid).arg(q.lastError().text());
    }
    if (!transaction.commit())
        return QStringLiteral("cannot commit cached messages: %1").arg(m_db.lastError().text());
    return {};
}

QString MessageRepository::updateFlags(qint64 folderId, const QList<FlagUpdate> &updates)
{
    Transaction transaction(m_db);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE messages SET flags = ?, seen = ?, modseq = MAX(modseq, ?) "
                             "WHERE folder_id = ? AND uid = ?"));
    for (const FlagUpdate &u : updates) {
        q.bindValue(0, notNull(QString::fromUtf8(u.flags.join(' '))));
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
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO message_bodies(message_rowid, raw) VALUES(?, ?)"));
    q.addBindValue(messageId);
    q.addBindValue(raw);
    if (!q.exec())
        return QStringLiteral("cannot cache the message body: %1").arg(q.lastError().text());
    return {};
}

} // namespace Mailtrail::Store
