// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/FolderRepository.h"

#include "store/Database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace Mailtrail::Store {

namespace {
const char *const columns = "id, account_id, name, wire_name, delimiter, special_use, selectable, "
                            "uid_validity, uid_next, highest_modseq, synced_from_uid, last_sync";

Folder fromQuery(const QSqlQuery &q)
{
    Folder f;
    f.id = q.value(0).toLongLong();
    f.accountId = q.value(1).toLongLong();
    f.name = q.value(2).toString();
    f.wireName = q.value(3).toByteArray();
    f.delimiter = q.value(4).toString();
    f.specialUse = q.value(5).toString();
    f.selectable = q.value(6).toBool();
    f.uidValidity = q.value(7).toUInt();
    f.uidNext = q.value(8).toUInt();
    f.highestModSeq = q.value(9).toULongLong();
    f.syncedFromUid = q.value(10).toUInt();
    f.lastSync = q.value(11).toLongLong();
    return f;
}
} // namespace

QString FolderRepository::upsert(Folder &folder)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "INSERT INTO folders(account_id, name, wire_name, delimiter, special_use, selectable) "
        "VALUES(?, ?, ?, ?, ?, ?) ON CONFLICT(account_id, wire_name) DO UPDATE SET "
        "name = excluded.name, delimiter = excluded.delimiter, special_use = excluded.special_use, "
        "selectable = excluded.selectable"));
    q.addBindValue(folder.accountId);
    q.addBindValue(notNull(folder.name));
    q.addBindValue(folder.wireName);
    q.addBindValue(notNull(folder.delimiter));
    q.addBindValue(notNull(folder.specialUse));
    q.addBindValue(folder.selectable);
    if (!q.exec())
        return QStringLiteral("cannot save folder '%1': %2").arg(folder.name, q.lastError().text());
    QSqlQuery id(m_db);
    id.prepare(QStringLiteral("SELECT id FROM folders WHERE account_id = ? AND wire_name = ?"));
    id.addBindValue(folder.accountId);
    id.addBindValue(folder.wireName);
    if (!id.exec() || !id.next())
        return QStringLiteral("cannot find folder '%1' after saving it").arg(folder.name);
    folder.id = id.value(0).toLongLong();
    return {};
}

QString FolderRepository::removeOthers(qint64 accountId, const QList<QByteArray> &keep)
{
    for (const Folder &folder : list(accountId)) {
        if (keep.contains(folder.wireName))
            continue;
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("DELETE FROM folders WHERE id = ?"));
        q.addBindValue(folder.id);
        if (!q.exec())
            return QStringLiteral("cannot remove folder '%1': %2").arg(folder.name, q.lastError().text());
    }
    return {};
}

QString FolderRepository::saveSyncState(const Folder &folder)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE folders SET uid_validity = ?, uid_next = ?, highest_modseq = ?, "
                             "synced_from_uid = ?, last_sync = ? WHERE id = ?"));
    q.addBindValue(folder.uidValidity);
    q.addBindValue(folder.uidNext);
    q.addBindValue(qint64(folder.highestModSeq));
    q.addBindValue(folder.syncedFromUid);
    q.addBindValue(folder.lastSync);
    q.addBindValue(folder.id);
    if (!q.exec())
        return QStringLiteral("cannot save the sync state of '%1': %2").arg(folder.name, q.lastError().text());
    return {};
}

QList<Folder> FolderRepository::subtree(qint64 id) const
{
    const std::optional<Folder> top = findById(id);
    if (!top)
        return {};
    QList<Folder> out{*top};
    if (top->delimiter.isEmpty())
        return out;
    const QByteArray prefix = top->wireName + top->delimiter.toUtf8();
    for (const Folder &f : list(top->accountId)) {
        if (f.id != top->id && f.wireName.startsWith(prefix))
            out.append(f);
    }
    return out;
}

QString FolderRepository::rename(qint64 id, const QString &name, const QByteArray &wireName)
{
    const QList<Folder> folders = subtree(id);
    if (folders.isEmpty())
        return QStringLiteral("folder %1 is not in the cache").arg(id);
    const Folder &top = folders.first();
    Transaction transaction(m_db);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE folders SET name = ?, wire_name = ? WHERE id = ?"));
    for (const Folder &f : folders) {
        // Below the renamed folder only the leading part changes.
        q.bindValue(0, QString(name + f.name.mid(top.name.size())));
        q.bindValue(1, QByteArray(wireName + f.wireName.mid(top.wireName.size())));
        q.bindValue(2, f.id);
        if (!q.exec())
            return QStringLiteral("cannot rename folder '%1': %2").arg(f.name, q.lastError().text());
    }
    if (!transaction.commit())
        return QStringLiteral("cannot commit the rename: %1").arg(m_db.lastError().text());
    return {};
}

QString FolderRepository::remove(qint64 id)
{
    const QList<Folder> folders = subtree(id);
    Transaction transaction(m_db);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM folders WHERE id = ?"));
    for (const Folder &f : folders) {
        q.bindValue(0, f.id);
        if (!q.exec())
            return QStringLiteral("cannot remove folder '%1': %2").arg(f.name, q.lastError().text());
    }
    if (!transaction.commit())
        return QStringLiteral("cannot commit the removal: %1").arg(m_db.lastError().text());
    return {};
}

QList<Folder> FolderRepository::list(qint64 accountId) const
{
    QList<Folder> out;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM folders WHERE account_id = ? ORDER BY name").arg(QLatin1String(columns)));
    q.addBindValue(accountId);
    if (q.exec()) {
        while (q.next())
            out.append(fromQuery(q));
    }
    return out;
}

std::optional<Folder> FolderRepository::find(qint64 accountId, const QString &name) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM folders WHERE account_id = ? AND name = ?").arg(QLatin1String(columns)));
    q.addBindValue(accountId);
    q.addBindValue(name);
    if (q.exec() && q.next())
        return fromQuery(q);
    return std::nullopt;
}

std::optional<Folder> FolderRepository::findById(qint64 id) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM folders WHERE id = ?").arg(QLatin1String(columns)));
    q.addBindValue(id);
    if (q.exec() && q.next())
        return fromQuery(q);
    return std::nullopt;
}

} // namespace Mailtrail::Store
