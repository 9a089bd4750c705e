// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/PasswordStore.h"

#include <qt6keychain/keychain.h>

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcPasswords, "mailtrail.passwords")

namespace Mailtrail::Sync {

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
        Q_EMIT passwordRead(account, {}, error);
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
        Q_EMIT passwordWritten(account, false, noKeychainWarning(j->errorString()));
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
