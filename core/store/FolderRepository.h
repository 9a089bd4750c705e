// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace Mailtrail::Store {

/// One mailbox of an account and its sync state (RFC 9051 §2.3.1.1 UIDVALIDITY/UIDNEXT,
/// RFC 7162 §3.1.1 HIGHESTMODSEQ).
struct Folder
{
    qint64 id = 0;
    qint64 accountId = 0;
    QString name;        ///< decoded
    QByteArray wireName; ///< as on the wire
    QString delimiter;
    QString specialUse;  ///< RFC 6154 attribute such as "\\Sent", or empty
    bool selectable = true;
    quint32 uidValidity = 0;
    quint32 uidNext = 0;
    quint64 highestModSeq = 0;
    quint32 syncedFromUid = 0; ///< all UIDs in [syncedFromUid, uidNext) are cached; 0 = none yet
    qint64 lastSync = 0;
    bool operator==(const Folder &) const = default;
};

class FolderRepository
{
public:
    explicit FolderRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    /// Inserts or refreshes a folder seen in LIST, keeping its sync state. Sets folder.id.
    [[nodiscard]] QString upsert(Folder &folder);
    /// Removes folders of @p accountId whose wire name is not in @p keep (deleted on the server).
    [[nodiscard]] QString removeOthers(qint64 accountId, const QList<QByteArray> &keep);
    /// Saves uidValidity, uidNext, highestModSeq, syncedFromUid and lastSync.
    [[nodiscard]] QString saveSyncState(const Folder &folder);
    /// After RENAME (RFC 9051 §6.3.6): folder @p id and the folders below it get the new
    /// names; their ids, sync state and cached messages stay.
    [[nodiscard]] QString rename(qint64 id, const QString &name, const QByteArray &wireName);
    /// After DELETE (RFC 9051 §6.3.5): folder @p id and the folders below it leave the cache.
    [[nodiscard]] QString remove(qint64 id);
    /// Folder @p id and the folders below it (by the hierarchy delimiter).
    [[nodiscard]] QList<Folder> subtree(qint64 id) const;
    [[nodiscard]] QList<Folder> list(qint64 accountId) const;
    [[nodiscard]] std::optional<Folder> find(qint64 accountId, const QString &name) const;
    [[nodiscard]] std::optional<Folder> findById(qint64 id) const;

private:
    QSqlDatabase m_db;
};

} // namespace Mailtrail::Store
