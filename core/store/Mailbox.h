// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/Account.h"
#include "store/FolderRepository.h"
#include "store/Identity.h"
#include "store/MessageRecord.h"

#include <QByteArray>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <optional>

namespace Mailtrail::Store {

/// A cached message with the folder that holds it and that folder's account.
struct MessagePlace
{
    MessageRecord message;
    Folder folder;
    std::optional<Account> account; ///< empty only in a damaged cache
};

/// What the window reads of the local cache, in the words of a reader: a message with its
/// body, folder and account, folders, accounts, identities and addresses seen. Read-only;
/// changes go through the account sessions (mail) and Sync::Accounts (settings). One per
/// connection.
class Mailbox
{
public:
    explicit Mailbox(QSqlDatabase db) : m_db(std::move(db)) {}

    [[nodiscard]] std::optional<MessageRecord> message(qint64 messageId) const;
    /// The raw message, when it was downloaded.
    [[nodiscard]] std::optional<QByteArray> body(qint64 messageId) const;
    [[nodiscard]] std::optional<MessagePlace> place(qint64 messageId) const;
    [[nodiscard]] std::optional<Folder> folder(qint64 folderId) const;
    [[nodiscard]] std::optional<Account> account(const QString &name) const;
    [[nodiscard]] QList<Account> accounts() const;
    /// Every identity of every account, accounts by name (IdentityRepository::listAll()).
    [[nodiscard]] QList<Identity> identities() const;
    /// The account's own address first, then its other identities.
    [[nodiscard]] QList<Identity> identities(const Account &account) const;
    /// Addresses seen in the message cache (senders and recipients), most frequent first,
    /// for address completion (Store::seenAddresses()).
    [[nodiscard]] QStringList seenAddresses() const;

private:
    QSqlDatabase m_db;
};

} // namespace Mailtrail::Store
