// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/FlagStore.h"

#include "imap/MailboxOperations.h"
#include "imap/Session.h"
#include "store/FolderRepository.h"
#include "store/MessageRepository.h"

#include <QCoreApplication>

namespace Mailtrail::Sync {

FlagStore::FlagStore(Store::Account account, Credentials credentials, QSqlDatabase db, qint64 messageId,
    QByteArrayList flags, bool add, QObject *parent)
    : MessageTask(std::move(account), std::move(credentials), std::move(db), messageId, parent)
    , m_flags(std::move(flags))
    , m_add(add)
{
    setPipelined(true); // UID STORE .SILENT: nothing untagged to wait for
}

void FlagStore::start()
{
    Store::MessageRepository messages(m_db);
    const std::optional<Store::MessageRecord> record = messages.findById(m_messageId);
    const std::optional<Store::Folder> folder
        = record ? Store::FolderRepository(m_db).findById(record->folderId) : std::nullopt;
    if (!record || !folder) {
        finishLater(QCoreApplication::translate(
            "FlagStore", "The message is no longer in the local cache."));
        return;
    }
    // Locally first, keeping the MODSEQ: the next sync sees the server's answer.
    QByteArrayList flags = record->flags;
    for (const QByteArray &flag : std::as_const(m_flags)) {
        if (m_add && !flags.contains(flag))
            flags.append(flag);
        else if (!m_add)
            flags.removeAll(flag);
    }
    if (const QString error
        = messages.updateFlags(record->folderId, { { record->uid, flags, record->modseq } });
        !error.isEmpty()) {
        finishLater(error);
        return;
    }
    selectThen(folder->wireName, {}, [this, uid = record->uid] {
        Imap::Operations::storeFlags(session(), Imap::SequenceSet::fromValues({ uid }), m_add,
            m_flags, [this](const Imap::ImapError &error) {
                finish(error.isError() ? error.message() : QString());
            });
    });
}

} // namespace Mailtrail::Sync
