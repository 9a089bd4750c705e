// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/Account.h"
#include "sync/Credentials.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <functional>

class QWidget;

namespace Mailtrail::Sync {
class OAuth2Credentials;
class CredentialSource;
class PasswordStore;
} // namespace Mailtrail::Sync

namespace Mailtrail::Ui {

/// The passwords of the accounts for this session: read once from the keychain
/// (Sync::PasswordStore) and kept in memory; when the keychain has none or cannot be
/// reached, the user is asked once, and the answer is used for this session only.
/// OAuth2 accounts get their access tokens from a Sync::OAuth2Credentials each (refresh
/// token in the keychain); they are never asked for a password: when their sign-in is
/// refused, signInAgain() is emitted instead.
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
    void with(const Store::Account &account, std::function<void(const Sync::Credentials &credentials)> then);
    /// A password the user just typed (new account): cached and written to the keychain.
    void store(const QString &account, const QString &password);
    /// Forgets the cached password (after the server refused it).
    void forget(const QString &account) { m_cache.remove(account); }
    /// The account was removed: its password or refresh token leaves the keychain and this
    /// session's memory (warning() when the keychain cannot remove it).
    void removeSecret(const QString &account);
    /// The server refused @p used: a password is forgotten and passwordRefused() asks the
    /// user for it again (once, until a new one is given with store()); meanwhile the
    /// account's jobs fail at once (waitingForPassword()) instead of logging in with the
    /// refused password again. An OAuth2 token is renewed once at the next with(), and a
    /// second refusal means signInAgain().
    void refused(const Store::Account &account, const Sync::Credentials &used);
    /// The server refused the account's password and the user has not given a new one yet.
    [[nodiscard]] bool isWaitingForPassword(const QString &account) const { return m_refused.contains(account); }
    /// A new OAuth2 sign-in (assistant, "sign in again"): the refresh token goes to the
    /// keychain and the account's tokens start afresh.
    void storeRefreshToken(const Store::Account &account, const QString &refreshToken);
    /// The account's credential source for its session (owned by this object): request()
    /// goes through with(), refused() forgets the password so the next request asks again.
    [[nodiscard]] Sync::CredentialSource *source(const Store::Account &account);

Q_SIGNALS:
    void unavailable(const QString &account, const QString &reason);
    /// An OAuth2 account's sign-in was refused (revoked, expired): only signing in again helps.
    void signInAgain(const QString &account, const QString &reason);
    /// The keychain could not keep a password; it is used for this session only.
    void warning(const QString &text);
    /// The server refused the password of @p account: ask the user for a new one (a bar in
    /// the window, not a dialog), then store() it.
    void passwordRefused(const QString &account, const QString &reason);
    /// A job of @p account asked for its password while the user has not yet answered
    /// passwordRefused(): it fails without a new message.
    void waitingForPassword(const QString &account);

private:
    void onRead(const QString &account, const QString &password, const QString &error);

    Sync::PasswordStore *m_store;
    QPointer<QWidget> m_dialogParent;
    Prompt m_prompt;
    QHash<QString, QString> m_cache;
    /// Accounts whose password the server refused, waiting for the user: account → why.
    QHash<QString, QString> m_refused;
    QHash<QString, Store::Account> m_accounts;
    QHash<QString, QList<std::function<void(const Sync::Credentials &)>>> m_waiting;
    QHash<QString, Sync::OAuth2Credentials *> m_oauth;
    QHash<QString, QList<std::function<void(const Sync::Credentials &)>>> m_oauthWaiting;
    QString m_service;
    QHash<QString, QPointer<Sync::CredentialSource>> m_sources;
};

} // namespace Mailtrail::Ui
