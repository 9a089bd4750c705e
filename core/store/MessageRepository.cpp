// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/MessageRepository.h"

#include "store/Database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace Mailtrail::Store {

QString MessageRepository::recordColumns()
{
    return QStringLiteral("id, folder_id, uid, modseq, flags, size, date, subject, from_name, from_address, "
                          "to_addresses, cc_addresses, message_id, in_reply_to, reference_ids, content_type, "
                          "looks_like_report, disposition_notification_to, disposition_notification_options, return_path, "
                          "original_recipient");
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
    return r;
}

QString MessageRepository::upsert(qint64 folderId, const QList<MessageRecord> &records)
{
    Transaction transaction(m_db);
    QSqlQuery q(m_db);
    if (!q.prepare(QStringLiteral(
            "INSERT INTO messages(folder_id, uid, modseq, flags, seen, size, date, subject, from_name, "
            "from_address, to_addresses, cc_addresses, message_id, in_reply_to, reference_ids, content_type, "
            "looks_like_report, disposition_notification_to, disposition_notification_options, return_path, "
            "original_recipient) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
            "ON CONFLICT(folder_id, uid) DO UPDATE SET flags = excluded.flags, seen = excluded.seen, "
            "modseq = excluded.modseq")))
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
        q.bindValue(17, notNull(r.dispositionNotificationTo));
        q.bindValue(18, notNull(r.dispositionNotificationOptions));
        q.bindValue(19, notNull(r.returnPath));
        q.bindValue(20, notNull(r.originalRecipient));
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
