// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/Account.h"
#include "store/Identity.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

namespace Mailtrail::Sync {

class PasswordStore;

/// The profile's accounts and their identities as settings, for the GUI's settings and
/// assistant and for `mailtrail-cli account` alike: add, change (with the identities the
/// user edited), remove, and the per-account settings kept beside the account (read-receipt
/// policy, days kept for offline use). The secrets live in the keychain (PasswordStore):
/// addWithSecret() and removeWithSecret() keep account and secret together; add() and
/// remove() leave the keychain alone. Errors come back as text (empty = ok): the store's
/// words, which the caller puts in context, except saveEdited()'s sentences.
class Accounts
{
public:
    explicit Accounts(QSqlDatabase db) : m_db(std::move(db)) {}

    [[nodiscard]] QList<Store::Account> list() const;
    [[nodiscard]] std::optional<Store::Account> find(const QString &name) const;
    [[nodiscard]] std::optional<Store::Account> findById(qint64 id) const;
    /// The account's own address first, then its other identities.
    [[nodiscard]] QList<Store::Identity> identities(const Store::Account &account) const;
    [[nodiscard]] std::optional<Store::Identity> identity(const Store::Account &account, const QString &address) const;
    /// Adds an identity, or replaces the settings of the one with its address.
    [[nodiscard]] QString saveIdentity(const Store::Account &account, const Store::Identity &identity);
    /// The account's own address cannot be removed.
    [[nodiscard]] QString removeIdentity(const Store::Account &account, const QString &address);

    /// Inserts @p account and sets its id; fails when the name is taken.
    [[nodiscard]] QString add(Store::Account &account);
    /// Saves every setting of the account with @p account.id.
    [[nodiscard]] QString update(const Store::Account &account);
    /// Saves an account as the user edited it: its settings (@p after.id names it), then
    /// its identities — @p removedAddresses go, @p identities are added or replaced. When the
    /// account's own address changed, the identity row of the old address goes too (it held
    /// the old address's signature and is not an identity any more). Errors are sentences
    /// for the user ("Cannot save the identity …").
    [[nodiscard]] QString saveEdited(const Store::Account &after, const QList<Store::Identity> &identities,
                                     const QStringList &removedAddresses = {});
    /// Removes the account with its folders and cached mail; delivery evidence stays.
    [[nodiscard]] QString remove(const QString &name);

    /// @p error: the account was not stored or removed (nothing else happened); else
    /// @p keychainProblem says why the keychain did not take the change (the secret is then
    /// kept for this session only, or left behind), empty when it did.
    using SecretDone = std::function<void(const QString &error, const QString &keychainProblem)>;
    /// Adds @p account (setting its id), then writes @p secret (its password) to @p keychain;
    /// @p done is called once, asynchronously when the account was stored.
    void addWithSecret(Store::Account &account, const QString &secret, PasswordStore &keychain, SecretDone done);
    /// Removes the account, then its secret from @p keychain; @p done is called once.
    void removeWithSecret(const QString &name, PasswordStore &keychain, SecretDone done);

    /// How the account answers requests for read receipts.
    [[nodiscard]] QString setReadReceipts(const QString &name, Store::ReadReceipts policy);
    /// Days of mail kept for offline use (0: none).
    [[nodiscard]] int offlineDays(const Store::Account &account) const;
    [[nodiscard]] QString setOfflineDays(const Store::Account &account, int days);

private:
    QSqlDatabase m_db;
};

} // namespace Mailtrail::Sync
