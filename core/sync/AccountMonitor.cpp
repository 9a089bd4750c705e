// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/AccountMonitor.h"

#include "store/FolderRepository.h"

#include <QCoreApplication>
#include <QTimer>

namespace Mailtrail::Sync {

AccountMonitor::AccountMonitor(Store::Account account, CredentialSource *credentials, QSqlDatabase db, QObject *parent)
    : QObject(parent), m_account(std::move(account)), m_credentials(credentials), m_db(std::move(db)),
      m_retry(new QTimer(this))
{
    m_retry->setSingleShot(true);
    connect(m_retry, &QTimer::timeout, this, &AccountMonitor::connectAndSync);
    if (m_credentials) {
        connect(m_credentials, &CredentialSource::ready, this, &AccountMonitor::onCredentials);
        connect(m_credentials, &CredentialSource::failed, this, &AccountMonitor::onCredentialsFailed);
    }
}

AccountMonitor::AccountMonitor(Store::Account account, const Credentials &credentials, QSqlDatabase db, QObject *parent)
    : AccountMonitor(std::move(account), new FixedCredentials(credentials), std::move(db), parent)
{
    m_credentials->setParent(this);
}

void AccountMonitor::start()
{
    m_running = true;
    m_authRetried = false;
    m_backoff.reset();
    connectAndSync();
}

void AccountMonitor::stop()
{
    m_running = false;
    m_awaitingCredentials = false;
    m_retry->stop();
    dropConnection();
}

void AccountMonitor::dropConnection()
{
    if (m_monitor)
        m_monitor->deleteLater();
    if (m_sync)
        m_sync->deleteLater();
    m_monitor = nullptr;
    m_sync = nullptr;
}

void AccountMonitor::connectAndSync()
{
    if (!m_running)
        return;
    dropConnection();
    if (!m_credentials) {
        giveUp({CredentialError::Kind::Missing,
                QCoreApplication::translate("AccountSession", "There are no credentials for this account.")});
        return;
    }
    // Asked at every connect: the token or password of the first connect may be long gone.
    m_awaitingCredentials = true;
    m_credentials->request();
}

void AccountMonitor::onCredentials(const Credentials &credentials)
{
    if (!m_running || !m_awaitingCredentials)
        return; // an answer to someone else's request (the source is shared)
    m_awaitingCredentials = false;
    connectWith(credentials);
}

void AccountMonitor::onCredentialsFailed(const CredentialError &error)
{
    if (!m_running || !m_awaitingCredentials)
        return;
    m_awaitingCredentials = false;
    if (error.kind == CredentialError::Kind::Unreachable) {
        scheduleRetry(error.message); // the token endpoint may be back later
        return;
    }
    giveUp(error);
}

void AccountMonitor::connectWith(const Credentials &credentials)
{
    m_used = credentials;
    auto *sync = new AccountSync(m_account, credentials, m_db, this);
    m_sync = sync;
    sync->setFolderFilter(m_folder);
    sync->setKeepOpen(true);
    if (m_factory)
        sync->setTransportFactory(m_factory);
    connect(sync, &AccountSync::folderFinished, this, &AccountMonitor::synced);
    connect(sync, &AccountSync::finished, this, [this, sync](const AccountSyncReport &report) {
        if (!m_running || sync != m_sync)
            return;
        const Imap::ImapError::Kind kind = report.error.kind;
        if (kind == Imap::ImapError::Kind::AuthenticationFailed || kind == Imap::ImapError::Kind::TokenRefused) {
            if (m_credentials)
                m_credentials->refused(m_used);
            if (!m_authRetried) {
                // Once, at once: a renewed OAuth2 token or a password typed again.
                m_authRetried = true;
                Q_EMIT connectionLost(report.errorMessage(), 0);
                QMetaObject::invokeMethod(this, &AccountMonitor::connectAndSync, Qt::QueuedConnection);
                return;
            }
            const bool oauth2 = m_used.isOAuth2() || (m_credentials && m_credentials->isOAuth2());
            giveUp({oauth2 ? CredentialError::Kind::SignInAgain : CredentialError::Kind::Missing,
                    report.errorMessage()});
            return;
        }
        m_authRetried = false;
        if (!report.ok() || !sync->session() || sync->session()->state() != Imap::Session::State::Ready) {
            scheduleRetry(report.errorMessage());
            return;
        }
        m_backoff.reset();
        const auto folder = Store::FolderRepository(m_db).find(m_account.id, m_folder);
        if (!folder) {
            scheduleRetry(QStringLiteral("folder '%1' not in the cache").arg(m_folder));
            return;
        }
        auto *monitor = new FolderMonitor(sync->session(), m_db, folder->id, this);
        m_monitor = monitor;
        connect(monitor, &FolderMonitor::synced, this, &AccountMonitor::synced);
        connect(monitor, &FolderMonitor::failed, this, [this, monitor](const Imap::ImapError &error) {
            if (monitor == m_monitor)
                scheduleRetry(error.message());
        });
        monitor->start();
    });
    sync->start();
}

void AccountMonitor::scheduleRetry(const QString &reason)
{
    if (!m_running)
        return;
    const int delay = m_backoff.next();
    Q_EMIT connectionLost(reason, delay);
    m_retry->start(delay);
}

void AccountMonitor::giveUp(const CredentialError &error)
{
    m_running = false;
    m_awaitingCredentials = false;
    m_retry->stop();
    dropConnection();
    Q_EMIT credentialsFailed(error);
}

} // namespace Mailtrail::Sync
