// SPDX-License-Identifier: GPL-3.0-or-later
#include "AccountPasswords.h"

#include "sync/Credentials.h"
#include "sync/PasswordStore.h"

#include <QInputDialog>
#include <QLineEdit>
#include <QWidget>

namespace Mailtrail::Ui {

AccountPasswords::AccountPasswords(const QString &service, QWidget *dialogParent, QObject *parent)
    : QObject(parent)
    , m_store(service.isEmpty() ? new Sync::PasswordStore(this)
                                : new Sync::PasswordStore(service, this))
    , m_dialogParent(dialogParent)
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
    const Store::Account &account, std::function<void(const QString &)> then)
{
    if (const auto cached = m_cache.constFind(account.name); cached != m_cache.constEnd()) {
        then(*cached);
        return;
    }
    m_accounts.insert(account.name, account);
    QList<std::function<void(const QString &)>> &waiting = m_waiting[account.name];
    waiting.append(std::move(then));
    if (waiting.size() == 1)
        m_store->read(account.name);
}

namespace {

/// A password source over AccountPasswords (keychain, else a prompt).
class PasswordCredentials : public Sync::CredentialSource
{
public:
    PasswordCredentials(AccountPasswords &passwords, Store::Account account)
        : Sync::CredentialSource(&passwords)
        , m_passwords(passwords)
        , m_account(std::move(account))
    {
        connect(&m_passwords, &AccountPasswords::unavailable, this,
            [this](const QString &name, const QString &reason) {
                if (name == m_account.name)
                    Q_EMIT failed({ Sync::CredentialError::Kind::Missing, reason });
            });
    }
    void request() override
    {
        QPointer<PasswordCredentials> self(this);
        m_passwords.with(m_account, [self](const QString &password) {
            if (self)
                QMetaObject::invokeMethod(
                    self, [self, password] { Q_EMIT self->ready(Sync::Credentials::password(password)); },
                    Qt::QueuedConnection);
        });
    }
    void refused(const Sync::Credentials &) override { m_passwords.forget(m_account.name); }

private:
    AccountPasswords &m_passwords;
    Store::Account m_account;
};

} // namespace

Sync::CredentialSource *AccountPasswords::source(const Store::Account &account)
{
    if (Sync::CredentialSource *existing = m_sources.value(account.name))
        return existing;
    auto *source = new PasswordCredentials(*this, account);
    m_sources.insert(account.name, source);
    return source;
}

void AccountPasswords::store(const QString &account, const QString &password)
{
    m_cache.insert(account, password);
    m_store->write(account, password);
}

void AccountPasswords::onRead(const QString &name, const QString &password, const QString &error)
{
    const QList<std::function<void(const QString &)>> waiting = m_waiting.take(name);
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
        then(known);
}

} // namespace Mailtrail::Ui
