// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "imap/ImapError.h"
#include "imap/Session.h"
#include "sync/FolderSync.h"

#include <QObject>
#include <QPointer>
#include <QSqlDatabase>

class QTimer;

namespace Mailtrail::Sync {

/// Keeps one folder up to date over a ready Session: syncs it, then waits for changes with
/// IDLE (RFC 2177) — re-issued before the server's 30-minute inactivity limit — or, when
/// the server lacks IDLE, polls with NOOP (RFC 9051 §6.1.2). Any EXISTS, EXPUNGE,
/// VANISHED or FETCH while waiting ends the wait and runs an incremental FolderSync.
class FolderMonitor : public QObject
{
    Q_OBJECT
public:
    enum class State { Stopped, Syncing, Idling, Polling, Failed };
    Q_ENUM(State)

    FolderMonitor(Imap::Session *session, QSqlDatabase db, qint64 folderId, QObject *parent = nullptr);

    /// IDLE is ended and re-issued after this long (default 28 minutes).
    void setIdleRenewInterval(int ms) { m_idleRenewMs = ms; }
    /// NOOP polling interval when IDLE is missing (default 60 s).
    void setPollInterval(int ms) { m_pollMs = ms; }
    /// Use NOOP polling even when IDLE is offered (tests).
    void setForcePolling(bool force) { m_forcePolling = force; }

    void start();
    /// Ends IDLE / polling; stopped() follows.
    void stop();
    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] bool usesIdle() const;

Q_SIGNALS:
    void synced(const Mailtrail::Sync::FolderSyncResult &result);
    /// The server is now being watched (IDLE accepted or polling armed).
    void watching();
    void failed(const Mailtrail::Imap::ImapError &error);
    void stopped();

private:
    void runSync();
    void enterIdle();
    void leaveIdle();
    void poll();
    void onChangeSeen(const Imap::Response &response);
    void setState(State state);

    QPointer<Imap::Session> m_session;
    QSqlDatabase m_db;
    qint64 m_folderId = 0;
    State m_state = State::Stopped;
    QTimer *m_timer = nullptr;
    int m_idleRenewMs = 28 * 60 * 1000;
    int m_pollMs = 60 * 1000;
    bool m_forcePolling = false;
    bool m_changed = false;
    bool m_doneSent = false;
    bool m_stopping = false;
};

} // namespace Mailtrail::Sync
