// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/Accounts.h"

#include "search/OfflineBodies.h"
#include "store/AccountRepository.h"
#include "sync/PasswordStore.h"

#include <QCoreApplication>

#include <memory>

namespace Mailtrail::Sync {

namespace {

QString cannotSave(const QString &name, const QString &error)
{
    return QCoreApplication::translate("Accounts", "Cannot save the account %1: %2").arg(name, error);
}

} // namespace

QList<Store::Account> Accounts::list() const
{
    return Store::AccountRepository(m_db).list();
}

std::optional<Store::Account> Accounts::find(const QString &name) const
{
    return Store::AccountRepository(m_db).find(name);
}

std::optional<Store::Account> Accounts::findById(qint64 id) const
{
    return Store::AccountRepository(m_db).findById(id);
}

QList<Store::Identity> Accounts::identities(const Store::Account &account) const
{
    return Store::IdentityRepository(m_db).list(account);
}

std::optional<Store::Identity> Accounts::identity(const Store::Account &account, const QString &address) const
{
    return Store::IdentityRepository(m_db).find(account, address);
}

QString Accounts::saveIdentity(const Store::Account &account, const Store::Identity &identity)
{
    return Store::IdentityRepository(m_db).save(account, identity);
}

QString Accounts::removeIdentity(const Store::Account &account, const QString &address)
{
    return Store::IdentityRepository(m_db).remove(account, address);
}

QString Accounts::add(Store::Account &account)
{
    return Store::AccountRepository(m_db).add(account);
}

QString Accounts::update(const Store::Account &account)
{
    return Store::AccountRepository(m_db).update(account);
}

QString Accounts::saveEdited(const Store::Account &after, const QList<Store::Identity> &identities,
                             const QStringList &removedAddresses)
{
    Store::AccountRepository accounts(m_db);
    const std::optional<Store::Account> before = accounts.findById(after.id);
    if (!before)
        return QCoreApplication::translate("Accounts", "The account %1 no longer exists.").arg(after.name);
    if (const QString error = accounts.update(after); !error.isEmpty())
        return cannotSave(after.name, error);
    Store::IdentityRepository repository(m_db);
    // Removing what is not there is no error: the editor may list an address twice.
    if (before->email.compare(after.email, Qt::CaseInsensitive) != 0)
        (void)repository.remove(after, before->email);
    for (const QString &address : removedAddresses)
        (void)repository.remove(after, address);
    for (const Store::Identity &identity : identities) {
        if (const QString error = repository.save(after, identity); !error.isEmpty())
            return QCoreApplication::translate("Accounts", "Cannot save the identity %1: %2")
                .arg(identity.address, error);
    }
    return {};
}

QString Accounts::remove(const QString &name)
{
    return Store::AccountRepository(m_db).remove(name);
}

void Accounts::addWithSecret(Store::Account &account, const QString &secret, PasswordStore &keychain, SecretDone done)
{
    if (const QString error = add(account); !error.isEmpty()) {
        done(error, {});
        return;
    }
    // One answer per request; the keychain may be shared, so only this account's counts.
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = QObject::connect(&keychain, &PasswordStore::passwordWritten, &keychain,
        [connection, name = account.name, done](const QString &written, bool persisted, const QString &warning) {
            if (written != name)
                return;
            QObject::disconnect(*connection);
            done({}, persisted ? QString() : warning);
        });
    keychain.write(account.name, secret);
}

void Accounts::removeWithSecret(const QString &name, PasswordStore &keychain, SecretDone done)
{
    if (const QString error = remove(name); !error.isEmpty()) {
        done(error, {});
        return;
    }
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = QObject::connect(&keychain, &PasswordStore::passwordRemoved, &keychain,
        [connection, name, done](const QString &removed, const QString &error) {
            if (removed != name)
                return;
            QObject::disconnect(*connection);
            done({}, error);
        });
    keychain.remove(name);
}

QString Accounts::setReadReceipts(const QString &name, Store::ReadReceipts policy)
{
    std::optional<Store::Account> account = find(name);
    if (!account)
        return QStringLiteral("no account named '%1'").arg(name);
    if (account->readReceipts == policy)
        return {};
    account->readReceipts = policy;
    return update(*account);
}

int Accounts::offlineDays(const Store::Account &account) const
{
    return Search::OfflineBodies::offlineDays(m_db, account.id);
}

QString Accounts::setOfflineDays(const Store::Account &account, int days)
{
    if (offlineDays(account) == days)
        return {};
    return Search::OfflineBodies::setOfflineDays(m_db, account.id, days);
}

} // namespace Mailtrail::Sync
