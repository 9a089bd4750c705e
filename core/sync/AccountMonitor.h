// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/Credentials.h"

#include "store/Account.h"
#include "sync/AccountSync.h"
#include "sync/FolderMonitor.h"

#include <QObject>
#include <QPointer>
#include <QSqlDatabase>

class QTimer;

namespace Mailtrail::Sync {

/// Exponential reconnect delays: initial, doubled after each failure, capped; reset()
/// after a success.
class Backoff
{
public:
    explicit Backoff(int initialMs = 1000, int maxMs = 5 * 60 * 1000) : m_initial(initialMs), m_max(maxMs), m_next(initialMs) {}
    /// The delay to wait now; the following one doubles.
    [[nodiscard]] int next()
    {
        const int now = m_next;
        m_next = qMin(m_max, m_next * 2);
        return now;
    }
    void reset() { m_next = m_initial; }

private:
    int m_initial;
    int m_max;
    int m_next;
};

/// Keeps an account's INBOX (or one folder) in sync for as long as it runs: an AccountSync
/// that keeps its session open, then a FolderMonitor (IDLE / NOOP). When the connection
/// fails it reconnects after an exponential backoff and syncs again (the cache is
/// consistent after any failure, so the next sync simply resumes).
class AccountMonitor : public QObject
{
    Q_OBJECT
public:
    AccountMonitor(Store::Account account, Credentials credentials, QSqlDatabase db, QObject *parent = nullptr);

    void setFolder(const QString &folder) { m_folder = folder; }
    void setBackoff(const Backoff &backoff) { m_backoff = backoff; }
    void setTransportFactory(AccountSync::TransportFactory factory) { m_factory = std::move(factory); }

    void start();
    void stop();

Q_SIGNALS:
    void synced(const Mailtrail::Sync::FolderSyncResult &result);
    /// A connection or sync failed; the next attempt follows after @p retryInMs.
    void connectionLost(const QString &reason, int retryInMs);

private:
    void connectAndSync();
    void scheduleRetry(const QString &reason);

    Store::Account m_account;
    Credentials m_credentials;
    QSqlDatabase m_db;
    QString m_folder = QStringLiteral("INBOX");
    Backoff m_backoff;
    AccountSync::TransportFactory m_factory;
    QPointer<AccountSync> m_sync;
    QPointer<FolderMonitor> m_monitor;
    QTimer *m_retry = nullptr;
    bool m_running = false;
};

} // namespace Mailtrail::Sync
