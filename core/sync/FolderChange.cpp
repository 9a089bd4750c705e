// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/FolderChange.h"

#include "imap/MailboxName.h"
#include "imap/MailboxOperations.h"
#include "imap/Session.h"
#include "store/AccountRepository.h"
#include "sync/AccountSession.h"

#include <QCoreApplication>

#include <algorithm>
#include <memory>

namespace Mailtrail::Sync {

bool isProtectedFolder(const Store::Account &account, const Store::Folder &folder)
{
    static const QStringList uses{QStringLiteral("\\Sent"), QStringLiteral("\\Drafts"), QStringLiteral("\\Trash")};
    for (const QString &use : uses) {
        if (folder.specialUse.compare(use, Qt::CaseInsensitive) == 0)
            return true;
    }
    static const QStringList names{QStringLiteral("INBOX"), QStringLiteral("Sent"), QStringLiteral("Drafts"),
                                   QStringLiteral("Trash"), QStringLiteral("Receipts")};
    for (const QString &name : names) {
        if (folder.name.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return !account.receiptsFolder.isEmpty() && folder.name == account.receiptsFolder;
}

bool isProtectedFolder(QSqlDatabase db, qint64 folderId)
{
    const std::optional<Store::Folder> folder = Store::FolderRepository(db).findById(folderId);
    const std::optional<Store::Account> account
        = folder ? Store::AccountRepository(db).findById(folder->accountId) : std::nullopt;
    return account && isProtectedFolder(*account, *folder);
}

namespace {
/// The hierarchy delimiter of @p accountId's folders ("/" when none is known yet).
QString delimiterOf(QSqlDatabase db, qint64 accountId, const std::optional<Store::Folder> &parent)
{
    if (parent && !parent->delimiter.isEmpty())
        return parent->delimiter;
    for (const Store::Folder &f : Store::FolderRepository(db).list(accountId)) {
        if (!f.delimiter.isEmpty())
            return f.delimiter;
    }
    return QStringLiteral("/");
}

} // namespace

namespace {
/// Why @p leaf cannot be the last name of a folder at @p parentName (empty: the top).
QString leafProblem(QSqlDatabase db, qint64 accountId, const QString &parentName, const QString &delimiter,
                    const QString &leaf)
{
    if (leaf.isEmpty())
        return QCoreApplication::translate("FolderChange", "A folder needs a name.");
    if (!delimiter.isEmpty() && leaf.contains(delimiter))
        return QCoreApplication::translate("FolderChange", "A folder name cannot contain “%1”.").arg(delimiter);
    const QString full = parentName.isEmpty() ? leaf : parentName + delimiter + leaf;
    for (const Store::Folder &f : Store::FolderRepository(db).list(accountId)) {
        if (f.name.compare(full, Qt::CaseInsensitive) == 0)
            return QCoreApplication::translate("FolderChange", "There is a folder named “%1” already.").arg(leaf);
    }
    return {};
}

void deleteInOrder(Imap::Session &session, const QList<Store::Folder> &folders, qsizetype i,
                   const std::shared_ptr<QList<qint64>> &deleted, const AccountSession::Done &done)
{
    if (i == folders.size()) {
        done({});
        return;
    }
    Imap::Operations::deleteMailbox(session, folders.at(i).wireName,
                                    [&session, folders, i, deleted, done](const Imap::ImapError &error) {
                                        if (error.isError()) {
                                            done(error); // the first refusal stops the rest
                                            return;
                                        }
                                        deleted->append(folders.at(i).id);
                                        deleteInOrder(session, folders, i + 1, deleted, done);
                                    });
}
} // namespace

QString folderNameProblem(QSqlDatabase db, qint64 accountId, qint64 parentId, const QString &name)
{
    const std::optional<Store::Folder> parent
        = parentId != 0 ? Store::FolderRepository(db).findById(parentId) : std::nullopt;
    if (parentId != 0 && (!parent || parent->accountId != accountId))
        return QCoreApplication::translate("FolderChange", "That folder is no longer there.");
    return leafProblem(db, accountId, parent ? parent->name : QString(), delimiterOf(db, accountId, parent),
                       name.trimmed());
}

FolderChange::FolderChange(AccountSession *session, QSqlDatabase db, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_db(std::move(db))
{ }

void FolderChange::finishLater(qint64 folderId, const QString &error)
{
    QMetaObject::invokeMethod(
        this, [this, folderId, error] { Q_EMIT finished(folderId, error); }, Qt::QueuedConnection);
}

std::optional<Store::Folder> FolderChange::changeable(qint64 folderId)
{
    const std::optional<Store::Folder> folder = Store::FolderRepository(m_db).findById(folderId);
    if (!m_session || !folder || folder->accountId != m_session->account().id) {
        finishLater(folderId, QCoreApplication::translate("FolderChange", "That folder is no longer there."));
        return std::nullopt;
    }
    if (isProtectedFolder(m_session->account(), *folder)) {
        finishLater(folderId, QCoreApplication::translate("FolderChange", "“%1” is one of the folders Mailtrail relies on; it keeps its name.").arg(folder->name));
        return std::nullopt;
    }
    return folder;
}

void FolderChange::createFolder(qint64 parentId, const QString &name)
{
    if (std::exchange(m_started, true) || !m_session)
        return;
    const Store::Account account = m_session->account();
    if (const QString problem = folderNameProblem(m_db, account.id, parentId, name); !problem.isEmpty()) {
        finishLater(0, problem);
        return;
    }
    const std::optional<Store::Folder> parent = parentId != 0 ? Store::FolderRepository(m_db).findById(parentId)
                                                              : std::nullopt;
    Store::Folder folder;
    folder.accountId = account.id;
    folder.delimiter = delimiterOf(m_db, account.id, parent);
    const QString leaf = name.trimmed();
    folder.name = parent ? parent->name + folder.delimiter + leaf : leaf;
    folder.wireName = parent ? parent->wireName + folder.delimiter.toUtf8() + Imap::encodeMailboxName(leaf)
                             : Imap::encodeMailboxName(leaf);
    QPointer<FolderChange> self(this);
    m_session->enqueue(
        QByteArray(),
        [folder](Imap::Session &session, AccountSession::Done done) {
            Imap::Operations::createMailbox(session, folder.wireName, done);
        },
        [self, folder](const Imap::ImapError &error) mutable {
            if (!self)
                return;
            if (error.isError()) {
                Q_EMIT self->finished(0, error.message());
                return;
            }
            const QString saved = Store::FolderRepository(self->m_db).upsert(folder);
            Q_EMIT self->finished(folder.id, saved);
        });
}

void FolderChange::renameFolder(qint64 folderId, const QString &name)
{
    if (std::exchange(m_started, true))
        return;
    const std::optional<Store::Folder> folder = changeable(folderId);
    if (!folder)
        return;
    // Where it is: the part before its last delimiter stays.
    const qsizetype cut = folder->delimiter.isEmpty() ? -1 : folder->name.lastIndexOf(folder->delimiter);
    const qsizetype wireCut
        = folder->delimiter.isEmpty() ? -1 : folder->wireName.lastIndexOf(folder->delimiter.toUtf8());
    const QString parentName = cut > 0 ? folder->name.left(cut) : QString();
    const QByteArray parentWire = wireCut > 0 ? folder->wireName.left(wireCut) : QByteArray();
    const QString leaf = name.trimmed();
    if (leaf == folder->name.mid(cut + 1)) {
        finishLater(folderId, {});
        return;
    }
    if (const QString problem = leafProblem(m_db, folder->accountId, parentName, folder->delimiter, leaf);
        !problem.isEmpty()) {
        finishLater(folderId, problem);
        return;
    }
    const QString newName = parentName.isEmpty() ? leaf : parentName + folder->delimiter + leaf;
    const QByteArray newWire = parentWire.isEmpty()
        ? Imap::encodeMailboxName(leaf)
        : parentWire + folder->delimiter.toUtf8() + Imap::encodeMailboxName(leaf);
    QPointer<FolderChange> self(this);
    AccountSession::Job job;
    job.exclusive = true; // nothing may run on the folder while it changes its name
    job.work = [from = folder->wireName, newWire](Imap::Session &session, AccountSession::Done done) {
        if (session.hasCapability("UNSELECT"))
            session.command("UNSELECT", {}); // BAD when nothing is selected: harmless
        Imap::Operations::renameMailbox(session, from, newWire, done);
    };
    job.done = [self, folderId, newName, newWire](const Imap::ImapError &error) {
        if (!self)
            return;
        if (error.isError()) {
            Q_EMIT self->finished(folderId, error.message());
            return;
        }
        Q_EMIT self->finished(folderId, Store::FolderRepository(self->m_db).rename(folderId, newName, newWire));
    };
    m_session->enqueue(std::move(job));
}

void FolderChange::deleteFolder(qint64 folderId)
{
    if (std::exchange(m_started, true))
        return;
    if (!changeable(folderId))
        return;
    // The deepest first: servers refuse to delete a folder that has folders below it.
    QList<Store::Folder> folders = Store::FolderRepository(m_db).subtree(folderId);
    std::sort(folders.begin(), folders.end(),
              [](const Store::Folder &a, const Store::Folder &b) { return a.wireName.size() > b.wireName.size(); });
    auto deleted = std::make_shared<QList<qint64>>();
    QPointer<FolderChange> self(this);
    AccountSession::Job job;
    job.exclusive = true;
    job.work = [folders, deleted](Imap::Session &session, AccountSession::Done done) {
        if (session.hasCapability("UNSELECT"))
            session.command("UNSELECT", {}); // BAD when nothing is selected: harmless
        deleteInOrder(session, folders, 0, deleted, done);
    };
    job.done = [self, folderId, deleted](const Imap::ImapError &error) {
        if (!self)
            return;
        // What the server deleted leaves the cache, also when it refused the rest.
        QString local;
        Store::FolderRepository repository(self->m_db);
        for (const qint64 id : std::as_const(*deleted)) {
            if (const QString e = repository.remove(id); !e.isEmpty() && local.isEmpty())
                local = e;
        }
        Q_EMIT self->finished(folderId, error.isError() ? error.message() : local);
    };
    m_session->enqueue(std::move(job));
}

} // namespace Mailtrail::Sync
