// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/AccountMonitor.h"

#include "store/FolderRepository.h"

#include <QTimer>

namespace Mailtrail::Sync {

AccountMonitor::AccountMonitor(Store::Account account, Credentials credentials, QSqlDatabase db, QObject *parent)
    : QObject(parent), m_account(std::move(account)), m_credentials(std::move(credentials)), m_db(std::move(db)),
      m_retry(new QTimer(this))
{
    m_retry->setSingleShot(true);
    connect(m_retry, &QTimer::timeout, this, &AccountMonitor::connectAndSync);
}

void AccountMonitor::start()
{
    m_running = true;
    m_backoff.reset();
    connectAndSync();
}

void AccountMonitor::stop()
{
    m_running = false;
    m_retry->stop();
    if (m_monitor)
        m_monitor->deleteLater();
    if (m_sync)
        m_sync->deleteLater();
}

void AccountMonitor::connectAndSync()
{
    if (!m_running)
        return;
    if (m_monitor)
        m_monitor->deleteLater();
    if (m_sync)
        m_sync->deleteLater();
    auto *sync = new AccountSync(m_account, m_credentials, m_db, this);
    m_sync = sync;
    sync->setFolderFilter(m_folder);
    sync->setKeepOpen(true);
    if (m_factory)
        sync->setTransportFactory(m_factory);
    connect(sync, &AccountSync::folderFinished, this, &AccountMonitor::synced);
    connect(sync, &AccountSync::finished, this, [this, sync](const AccountSyncReport &report) {
        if (!m_running || sync != m_sync)
            return;
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

} // namespace Mailtrail::Sync
