// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/Account.h"

#include <QList>
#include <QSqlDatabase>

#include <optional>

namespace Mailtrail::Store {

/// Account settings in the `accounts` table. Errors come back as text (empty = ok).
class AccountRepository
{
public:
    explicit AccountRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    /// Inserts @p account; sets its id. Fails if the name is taken.
    [[nodiscard]] QString add(Account &account);
    /// Updates every setting of the account with @p account.id.
    [[nodiscard]] QString update(const Account &account);
    /// Removes the account and (by cascade) its folders and cached messages.
    [[nodiscard]] QString remove(const QString &name);
    [[nodiscard]] QList<Account> list() const;
    [[nodiscard]] std::optional<Account> find(const QString &name) const;
    [[nodiscard]] std::optional<Account> findById(qint64 id) const;

private:
    QSqlDatabase m_db;
};

} // namespace Mailtrail::Store
