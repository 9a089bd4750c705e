// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/PasswordStore.h"

#include <qt6keychain/keychain.h>

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcPasswords, "mailtrail.passwords")

namespace Mailtrail::Sync {

namespace {

/// Asks the Secret Service (freedesktop.org Secret Service API, org.freedesktop.Secret.Collection
/// "Locked") whether the default collection, where QtKeychain keeps the passwords, is locked:
/// libsecret answers a read from a locked collection with "entry not found", and a write with
/// an error that names no keychain problem. @p then gets the answer (false when unknown).
void askKeyringLocked(QObject *context, std::function<void(bool locked)> then)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        then(false);
        return;
    }
    QDBusMessage get = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets/aliases/default"),
        QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
    get << QStringLiteral("org.freedesktop.Secret.Collection") << QStringLiteral("Locked");
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(get, 5000), context);
    QObject::connect(watcher, &QDBusPendingCallWatcher::finished, context,
                     [then = std::move(then)](QDBusPendingCallWatcher *w) {
                         const QDBusPendingReply<QDBusVariant> reply = *w;
                         w->deleteLater();
                         then(!reply.isError() && reply.value().variant().toBool());
                     });
}

} // namespace

QString keyringLockedMessage()
{
    return QCoreApplication::translate("Mailtrail::Sync::PasswordStore",
                                       "The keyring is locked, so Mailtrail cannot read or keep passwords in it. "
                                       "Unlock it (for example by logging in to the desktop again), or enter "
                                       "the password for this session.");
}

QString noKeychainWarning(const QString &detail)
{
    return QStringLiteral("No keychain is reachable (%1): the password is kept for this session only "
                          "and must be entered again next time.").arg(detail);
}

PasswordStore::PasswordStore(QObject *parent) : PasswordStore(QStringLiteral("mailtrail"), parent) {}

PasswordStore::PasswordStore(const QString &service, QObject *parent) : QObject(parent), m_service(service) {}

void PasswordStore::read(const QString &account)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(account);
    connect(job, &QKeychain::Job::finished, this, [this, account](QKeychain::Job *j) {
        auto *read = static_cast<QKeychain::ReadPasswordJob *>(j);
        if (read->error() == QKeychain::NoError) {
            Q_EMIT passwordRead(account, read->textData(), {});
            return;
        }
        if (m_sessionOnly.contains(account)) {
            Q_EMIT passwordRead(account, m_sessionOnly.value(account), {});
            return;
        }
        const QString error = read->error() == QKeychain::EntryNotFound
            ? QStringLiteral("no password stored for account '%1'").arg(account)
            : QStringLiteral("cannot read the password of '%1' from the keychain: %2").arg(account, read->errorString());
        // A locked keyring looks like a missing entry: say which it is (issue 19).
        askKeyringLocked(this, [this, account, error](bool locked) {
            Q_EMIT passwordRead(account, {}, locked ? keyringLockedMessage() : error);
        });
    });
    job->start();
}

void PasswordStore::write(const QString &account, const QString &password)
{
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(account);
    job->setTextData(password);
    connect(job, &QKeychain::Job::finished, this, [this, account, password](QKeychain::Job *j) {
        if (j->error() == QKeychain::NoError) {
            m_sessionOnly.remove(account);
            Q_EMIT passwordWritten(account, true, {});
            return;
        }
        qCWarning(lcPasswords) << "keychain unavailable:" << j->errorString();
        m_sessionOnly.insert(account, password);
        askKeyringLocked(this, [this, account, detail = j->errorString()](bool locked) {
            Q_EMIT passwordWritten(account, false,
                                   locked ? keyringLockedMessage() + QLatin1Char(' ')
                                                + QCoreApplication::translate("Mailtrail::Sync::PasswordStore",
                                                                              "The password is kept for this session only.")
                                          : noKeychainWarning(detail));
        });
    });
    job->start();
}

void PasswordStore::remove(const QString &account)
{
    m_sessionOnly.remove(account);
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(account);
    connect(job, &QKeychain::Job::finished, this, [this, account](QKeychain::Job *j) {
        const bool ok = j->error() == QKeychain::NoError || j->error() == QKeychain::EntryNotFound;
        Q_EMIT passwordRemoved(account, ok ? QString() : j->errorString());
    });
    job->start();
}

} // namespace Mailtrail::Sync
