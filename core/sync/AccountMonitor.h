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
///
/// Every connect asks the account's CredentialSource for credentials at that moment
/// (request() → ready / failed), so a connection made hours later presents a renewed OAuth2
/// access token, not the one the monitor started with. When the server refuses a login the
/// source hears of it (refused()) and the monitor tries once more at once (an OAuth2 source
/// renews the token); a second refusal in a row, or a source that has nothing to give
/// (failed(), except Unreachable, which is retried with the backoff), stops the monitor with
/// credentialsFailed(): never a loop of failed logins.
class AccountMonitor : public QObject
{
    Q_OBJECT
public:
    /// @p credentials is not owned and must outlive the monitor (the account's shared source).
    AccountMonitor(Store::Account account, CredentialSource *credentials, QSqlDatabase db, QObject *parent = nullptr);
    /// Credentials known up front (tests, a password typed for this session): the monitor
    /// owns a FixedCredentials with them.
    AccountMonitor(Store::Account account, const Credentials &credentials, QSqlDatabase db, QObject *parent = nullptr);

    void setFolder(const QString &folder) { m_folder = folder; }
    void setBackoff(const Backoff &backoff) { m_backoff = backoff; }
    void setTransportFactory(AccountSync::TransportFactory factory) { m_factory = std::move(factory); }

    void start();
    void stop();
    [[nodiscard]] bool isRunning() const { return m_running; }

Q_SIGNALS:
    void synced(const Mailtrail::Sync::FolderSyncResult &result);
    /// A connection or sync failed; the next attempt follows after @p retryInMs.
    void connectionLost(const QString &reason, int retryInMs);
    /// No credentials the server accepts could be had; the monitor stopped. SignInAgain for
    /// an OAuth2 account whose renewed token was refused too.
    void credentialsFailed(const Mailtrail::Sync::CredentialError &error);

private:
    void connectAndSync();
    void connectWith(const Credentials &credentials);
    void onCredentials(const Credentials &credentials);
    void onCredentialsFailed(const CredentialError &error);
    void scheduleRetry(const QString &reason);
    void giveUp(const CredentialError &error);
    void dropConnection();

    Store::Account m_account;
    QPointer<CredentialSource> m_credentials;
    QSqlDatabase m_db;
    QString m_folder = QStringLiteral("INBOX");
    Backoff m_backoff;
    AccountSync::TransportFactory m_factory;
    QPointer<AccountSync> m_sync;
    QPointer<FolderMonitor> m_monitor;
    QTimer *m_retry = nullptr;
    bool m_running = false;
    bool m_awaitingCredentials = false;
    bool m_authRetried = false; ///< the last login was refused and retried once
    Credentials m_used;
};

} // namespace Mailtrail::Sync
