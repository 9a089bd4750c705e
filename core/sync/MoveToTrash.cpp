// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/MoveToTrash.h"

#include "imap/MailboxOperations.h"
#include "imap/Session.h"
#include "store/FolderRepository.h"
#include "store/MessageRepository.h"

#include <QCoreApplication>

namespace Mailtrail::Sync {

MoveToTrash::MoveToTrash(
    Store::Account account, Credentials credentials, QSqlDatabase db, qint64 messageId, QObject *parent)
    : MessageTask(std::move(account), std::move(credentials), std::move(db), messageId, parent)
{ }

void MoveToTrash::start()
{
    const std::optional<Store::MessageRecord> record
        = Store::MessageRepository(m_db).findById(m_messageId);
    Store::FolderRepository folders(m_db);
    const std::optional<Store::Folder> folder
        = record ? folders.findById(record->folderId) : std::nullopt;
    if (!record || !folder) {
        finishLater(QCoreApplication::translate(
            "MoveToTrash", "The message is no longer in the local cache."));
        return;
    }
    std::optional<Store::Folder> trash;
    for (const Store::Folder &f : folders.list(m_account.id)) {
        if (f.specialUse.compare(QLatin1String("\\Trash"), Qt::CaseInsensitive) == 0)
            trash = f;
    }
    if (!trash)
        trash = folders.find(m_account.id, QStringLiteral("Trash"));
    if (trash && trash->id == folder->id) {
        finishLater(QCoreApplication::translate("MoveToTrash", "The message is already in the Trash."));
        return;
    }
    // No Trash yet: one named "Trash" is created first (RFC 9051 §6.3.4; NO when it exists).
    const QByteArray trashName = trash ? trash->wireName : QByteArray("Trash");
    QByteArrayList before;
    if (!trash)
        before.append("CREATE " + Imap::Session::quoted(trashName));
    selectThen(folder->wireName, before,
        [this, trashName, folderId = folder->id, uid = record->uid] {
            Imap::Operations::move(session(), Imap::SequenceSet::fromValues({ uid }), trashName,
                [this, folderId, uid](const Imap::MoveResult &result) {
                    if (result.error.isError()) {
                        finish(result.error.message());
                        return;
                    }
                    finish(Store::MessageRepository(m_db).removeUids(folderId, { uid }));
                });
        });
}

} // namespace Mailtrail::Sync
