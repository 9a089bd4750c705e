// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/Mailbox.h"

#include "store/AccountRepository.h"
#include "store/KnownAddresses.h"
#include "store/MessageRepository.h"

namespace Mailtrail::Store {

std::optional<MessageRecord> Mailbox::message(qint64 messageId) const
{
    return MessageRepository(m_db).findById(messageId);
}

std::optional<QByteArray> Mailbox::body(qint64 messageId) const
{
    return MessageRepository(m_db).body(messageId);
}

std::optional<MessagePlace> Mailbox::place(qint64 messageId) const
{
    std::optional<MessageRecord> record = message(messageId);
    if (!record)
        return std::nullopt;
    std::optional<Folder> holder = folder(record->folderId);
    if (!holder)
        return std::nullopt;
    std::optional<Account> owner = AccountRepository(m_db).findById(holder->accountId);
    return MessagePlace{std::move(*record), std::move(*holder), std::move(owner)};
}

std::optional<Folder> Mailbox::folder(qint64 folderId) const
{
    return FolderRepository(m_db).findById(folderId);
}

std::optional<Account> Mailbox::account(const QString &name) const
{
    return AccountRepository(m_db).find(name);
}

QList<Account> Mailbox::accounts() const
{
    return AccountRepository(m_db).list();
}

QList<Identity> Mailbox::identities() const
{
    return IdentityRepository(m_db).listAll();
}

QList<Identity> Mailbox::identities(const Account &account) const
{
    return IdentityRepository(m_db).list(account);
}

QStringList Mailbox::seenAddresses() const
{
    return Store::seenAddresses(m_db);
}

} // namespace Mailtrail::Store
