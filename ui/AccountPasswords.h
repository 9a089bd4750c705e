// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/Account.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <functional>

class QWidget;

namespace Mailtrail::Sync {
class CredentialSource;
class PasswordStore;
}

namespace Mailtrail::Ui {

/// The passwords of the accounts for this session: read once from the keychain
/// (Sync::PasswordStore) and kept in memory; when the keychain has none or cannot be
/// reached, the user is asked once, and the answer is used for this session only.
class AccountPasswords : public QObject
{
    Q_OBJECT
public:
    /// @p service namespaces the keychain entries (empty: the application's).
    AccountPasswords(const QString &service, QWidget *dialogParent, QObject *parent = nullptr);

    /// Asks the user for a password: @p reason says why the keychain could not give it.
    /// Returns the password, empty when the user cancelled. Default: a password dialog.
    using Prompt = std::function<QString(const Store::Account &account, const QString &reason)>;
    void setPrompt(Prompt prompt) { m_prompt = std::move(prompt); }

    /// Calls @p then with the password once it is known (at once when cached). When there is
    /// none and the user cancels, unavailable() is emitted and @p then is dropped.
    void with(const Store::Account &account, std::function<void(const QString &password)> then);
    /// A password the user just typed (new account): cached and written to the keychain.
    void store(const QString &account, const QString &password);
    /// Forgets the cached password (after the server refused it).
    void forget(const QString &account) { m_cache.remove(account); }
    /// The account's credential source for its session (owned by this object): request()
    /// goes through with(), refused() forgets the password so the next request asks again.
    [[nodiscard]] Sync::CredentialSource *source(const Store::Account &account);

Q_SIGNALS:
    void unavailable(const QString &account, const QString &reason);
    /// The keychain could not keep a password; it is used for this session only.
    void warning(const QString &text);

private:
    void onRead(const QString &account, const QString &password, const QString &error);

    Sync::PasswordStore *m_store;
    QPointer<QWidget> m_dialogParent;
    Prompt m_prompt;
    QHash<QString, QString> m_cache;
    QHash<QString, Store::Account> m_accounts;
    QHash<QString, QList<std::function<void(const QString &)>>> m_waiting;
    QHash<QString, QPointer<Sync::CredentialSource>> m_sources;
};

} // namespace Mailtrail::Ui
