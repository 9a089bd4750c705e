// SPDX-License-Identifier: GPL-3.0-or-later
#include "AccountPasswords.h"

#include "sync/OAuth2Credentials.h"
#include "sync/Credentials.h"
#include "sync/PasswordStore.h"

#include <memory>

#include <QInputDialog>
#include <QLineEdit>
#include <QWidget>

namespace Mailtrail::Ui {

AccountPasswords::AccountPasswords(const QString &service, QWidget *dialogParent, QObject *parent)
    : QObject(parent)
    , m_store(service.isEmpty() ? new Sync::PasswordStore(this)
                                : new Sync::PasswordStore(service, this))
    , m_dialogParent(dialogParent)
    , m_service(service)
{
    m_prompt = [this](const Store::Account &account, const QString &reason) {
        bool ok = false;
        const QString password = QInputDialog::getText(m_dialogParent,
            tr("Password for %1").arg(account.name),
            tr("%1\n\nPassword for %2 (used for this session only):").arg(reason, account.email),
            QLineEdit::Password, {}, &ok);
        return ok ? password : QString();
    };
    connect(m_store, &Sync::PasswordStore::passwordRead, this, &AccountPasswords::onRead);
    connect(m_store, &Sync::PasswordStore::passwordWritten, this,
        [this](const QString &, bool persisted, const QString &warning) {
            if (!persisted)
                Q_EMIT this->warning(warning);
        });
}

void AccountPasswords::with(
    const Store::Account &account, std::function<void(const Sync::Credentials &)> then)
{
    if (account.isOAuth2()) {
        Sync::OAuth2Credentials *&source = m_oauth[account.name];
        if (!source) {
            source = m_service.isEmpty() ? new Sync::OAuth2Credentials(account, this)
                                         : new Sync::OAuth2Credentials(account, m_service, this);
            const QString name = account.name;
            connect(source, &Sync::CredentialSource::ready, this, [this, name](const Sync::Credentials &c) {
                for (const auto &waiting : m_oauthWaiting.take(name))
                    waiting(c);
            });
            connect(source, &Sync::CredentialSource::failed, this, [this, name](const Sync::CredentialError &e) {
                m_oauthWaiting.remove(name);
                if (e.kind == Sync::CredentialError::Kind::SignInAgain)
                    Q_EMIT signInAgain(name, e.message);
                else
                    Q_EMIT unavailable(name, e.message);
            });
        }
        QList<std::function<void(const Sync::Credentials &)>> &waiting = m_oauthWaiting[account.name];
        waiting.append(std::move(then));
        if (waiting.size() == 1)
            source->request();
        return;
    }
    if (const auto cached = m_cache.constFind(account.name); cached != m_cache.constEnd()) {
        then(*cached);
        return;
    }
    if (m_refused.contains(account.name)) {
        // The keychain still has the password the server refused: wait for the user's new one
        // (asked again if the bar was closed meanwhile; the window shows one bar per account).
        Q_EMIT passwordRefused(account.name, m_refused.value(account.name));
        Q_EMIT waitingForPassword(account.name);
        return;
    }
    m_accounts.insert(account.name, account);
    QList<std::function<void(const Sync::Credentials &)>> &waiting = m_waiting[account.name];
    waiting.append(std::move(then));
    if (waiting.size() == 1)
        m_store->read(account.name);
}

void AccountPasswords::refused(const Store::Account &account, const Sync::Credentials &used)
{
    if (Sync::OAuth2Credentials *source = m_oauth.value(account.name)) {
        source->refused(used);
        return;
    }
    forget(account.name);
    if (account.isOAuth2() || m_refused.contains(account.name))
        return;
    const QString reason = tr("The server refused the password of %1.").arg(account.name);
    m_refused.insert(account.name, reason);
    Q_EMIT passwordRefused(account.name, reason);
}

void AccountPasswords::storeRefreshToken(const Store::Account &account, const QString &refreshToken)
{
    delete m_oauth.take(account.name); // a new sign-in: start afresh
    m_store->write(account.name, refreshToken);
}

namespace {

/// The account's credentials through AccountPasswords: the keychain's password (else a
/// prompt), or an OAuth2 account's renewed access token.
class AccountCredentials : public Sync::CredentialSource
{
public:
    AccountCredentials(AccountPasswords &passwords, Store::Account account)
        : Sync::CredentialSource(&passwords)
        , m_passwords(passwords)
        , m_account(std::move(account))
    {
        connect(&m_passwords, &AccountPasswords::unavailable, this,
            [this](const QString &name, const QString &reason) {
                if (name == m_account.name)
                    Q_EMIT failed({ Sync::CredentialError::Kind::Missing, reason });
            });
        connect(&m_passwords, &AccountPasswords::waitingForPassword, this, [this](const QString &name) {
            if (name != m_account.name)
                return;
            // Never before request() returns (the CredentialSource contract).
            const Sync::CredentialError error{ Sync::CredentialError::Kind::Cancelled,
                                               AccountPasswords::tr("Waiting for the password of %1.").arg(name) };
            QMetaObject::invokeMethod(this, [this, error] { Q_EMIT failed(error); }, Qt::QueuedConnection);
        });
        connect(&m_passwords, &AccountPasswords::signInAgain, this,
            [this](const QString &name, const QString &reason) {
                if (name == m_account.name)
                    Q_EMIT failed({ Sync::CredentialError::Kind::SignInAgain, reason });
            });
    }
    void request() override
    {
        QPointer<AccountCredentials> self(this);
        m_passwords.with(m_account, [self](const Sync::Credentials &credentials) {
            if (self)
                QMetaObject::invokeMethod(
                    self, [self, credentials] { Q_EMIT self->ready(credentials); }, Qt::QueuedConnection);
        });
    }
    void refused(const Sync::Credentials &used) override { m_passwords.refused(m_account, used); }
    [[nodiscard]] bool isOAuth2() const override { return m_account.isOAuth2(); }

private:
    AccountPasswords &m_passwords;
    Store::Account m_account;
};

} // namespace

Sync::CredentialSource *AccountPasswords::source(const Store::Account &account)
{
    if (Sync::CredentialSource *existing = m_sources.value(account.name))
        return existing;
    auto *source = new AccountCredentials(*this, account);
    m_sources.insert(account.name, source);
    return source;
}

void AccountPasswords::store(const QString &account, const QString &password)
{
    m_refused.remove(account);
    m_cache.insert(account, password);
    m_store->write(account, password);
}

void AccountPasswords::removeSecret(const QString &account)
{
    m_cache.remove(account);
    m_refused.remove(account);
    m_accounts.remove(account);
    m_oauthWaiting.remove(account);
    if (Sync::OAuth2Credentials *source = m_oauth.take(account))
        source->deleteLater(); // its tokens are the removed account's
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(m_store, &Sync::PasswordStore::passwordRemoved, this,
        [this, connection, account](const QString &removed, const QString &error) {
            if (removed != account)
                return;
            QObject::disconnect(*connection);
            if (!error.isEmpty())
                Q_EMIT warning(tr("The keychain still holds the secret of the removed account %1: %2").arg(account, error));
        });
    m_store->remove(account);
}

void AccountPasswords::onRead(const QString &name, const QString &password, const QString &error)
{
    const QList<std::function<void(const Sync::Credentials &)>> waiting = m_waiting.take(name);
    if (waiting.isEmpty())
        return;
    QString known = password;
    if (!error.isEmpty() || known.isEmpty()) {
        const QString reason
            = error.isEmpty() ? tr("The keychain has no password for this account.") : error;
        known = m_prompt ? m_prompt(m_accounts.value(name), reason) : QString();
        if (known.isEmpty()) {
            Q_EMIT unavailable(name, reason);
            return;
        }
    }
    m_cache.insert(name, known);
    for (const auto &then : waiting)
        then(Sync::Credentials::password(known));
}

} // namespace Mailtrail::Ui
