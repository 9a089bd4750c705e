// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/Account.h"
#include "store/FolderRepository.h"

#include <QObject>
#include <QPointer>
#include <QSqlDatabase>
#include <QString>

namespace Mailtrail::Sync {

class AccountSession;

/// The folders a mail client relies on keep their name and place: the Inbox, Sent, Drafts,
/// Trash (RFC 6154 special use, else by name) and the account's Receipts folder.
[[nodiscard]] bool isProtectedFolder(const Store::Account &account, const Store::Folder &folder);
/// The same for a cached folder by id (false when it is unknown).
[[nodiscard]] bool isProtectedFolder(QSqlDatabase db, qint64 folderId);

/// Why @p name cannot be the name of a new folder under @p parent (0: at the top) of
/// @p accountId, in words; empty when it can. Checked before anything goes to the server.
[[nodiscard]] QString folderNameProblem(QSqlDatabase db, qint64 accountId, qint64 parentId, const QString &name);

/// One change of an account's folder tree: CREATE, RENAME or DELETE (RFC 9051 §6.3.4–6.3.6)
/// on the account's command connection, then the same change in the local cache (a renamed
/// folder keeps its cached messages, a deleted one loses them). Nothing changes locally when
/// the server says no; finished() then carries the server's words. One finished() per object.
class FolderChange : public QObject
{
    Q_OBJECT
public:
    FolderChange(AccountSession *session, QSqlDatabase db, QObject *parent = nullptr);

    /// A folder named @p name under @p parentId (0: at the top of the account).
    void createFolder(qint64 parentId, const QString &name);
    /// Gives folder @p folderId the last name @p name (it stays where it is).
    void renameFolder(qint64 folderId, const QString &name);
    /// Deletes folder @p folderId, the folders below it and every message in them.
    void deleteFolder(qint64 folderId);

Q_SIGNALS:
    /// @p folderId: the created, renamed or deleted folder; @p error empty on success.
    void finished(qint64 folderId, const QString &error);

private:
    void finishLater(qint64 folderId, const QString &error);
    /// Folder @p folderId of this session's account, or finishes with why not.
    [[nodiscard]] std::optional<Store::Folder> changeable(qint64 folderId);

    QPointer<AccountSession> m_session;
    QSqlDatabase m_db;
    bool m_started = false;
};

} // namespace Mailtrail::Sync
