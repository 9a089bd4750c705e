// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/FolderMonitor.h"

#include "store/FolderRepository.h"

#include <QLoggingCategory>
#include <QTimer>

Q_LOGGING_CATEGORY(lcMonitor, "mailtrail.sync.monitor", QtInfoMsg)

namespace Mailtrail::Sync {

using namespace Imap;

FolderMonitor::FolderMonitor(Session *session, QSqlDatabase db, qint64 folderId, QObject *parent)
    : QObject(parent), m_session(session), m_db(std::move(db)), m_folderId(folderId), m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (m_state == State::Idling)
            leaveIdle(); // renew before the server's inactivity timer (RFC 2177 §3)
        else if (m_state == State::Polling)
            poll();
    });
    connect(session, &Session::failed, this, [this](const ImapError &error) {
        if (m_state == State::Stopped || m_state == State::Failed)
            return;
        m_timer->stop();
        setState(State::Failed);
        Q_EMIT failed(error);
    });
    // Between commands (polling) changes arrive unsolicited.
    connect(session, &Session::unsolicited, this, &FolderMonitor::onChangeSeen);
}

bool FolderMonitor::usesIdle() const
{
    return m_session && m_session->hasCapability("IDLE") && !m_forcePolling;
}

void FolderMonitor::setState(State state)
{
    m_state = state;
}

void FolderMonitor::start()
{
    m_stopping = false;
    runSync();
}

void FolderMonitor::stop()
{
    m_stopping = true;
    m_timer->stop();
    if (m_state == State::Idling) {
        leaveIdle();
        return;
    }
    if (m_state != State::Syncing) {
        setState(State::Stopped);
        Q_EMIT stopped();
    }
}

void FolderMonitor::runSync()
{
    const auto folder = Store::FolderRepository(m_db).findById(m_folderId);
    if (!folder || !m_session) {
        setState(State::Failed);
        Q_EMIT failed(ImapError{ImapError::Kind::Aborted, {}, QStringLiteral("the folder is no longer cached"), {}});
        return;
    }
    setState(State::Syncing);
    m_changed = false;
    auto *sync = new FolderSync(m_session, m_db, *folder, this);
    connect(sync, &FolderSync::finished, this, [this, sync](const FolderSyncResult &result) {
        sync->deleteLater();
        Q_EMIT synced(result);
        if (!result.ok()) {
            if (m_state != State::Failed) {
                setState(State::Failed);
                Q_EMIT failed(result.imapError);
            }
            return;
        }
        if (m_stopping) {
            setState(State::Stopped);
            Q_EMIT stopped();
            return;
        }
        if (m_changed) { // something happened during the sync itself
            runSync();
            return;
        }
        if (usesIdle())
            enterIdle();
        else {
            setState(State::Polling);
            m_timer->start(m_pollMs);
            Q_EMIT watching();
        }
    });
    sync->start();
}

void FolderMonitor::onChangeSeen(const Response &r)
{
    const bool change = std::holds_alternative<ExistsData>(r) || std::holds_alternative<ExpungeData>(r)
        || std::holds_alternative<VanishedData>(r) || std::holds_alternative<FetchData>(r);
    if (!change)
        return;
    m_changed = true;
    if (m_state == State::Idling) {
        leaveIdle();
    } else if (m_state == State::Polling && m_timer->isActive()) {
        m_timer->stop();
        runSync();
    }
}

void FolderMonitor::enterIdle()
{
    setState(State::Idling);
    m_doneSent = false;
    Session::Handlers h;
    h.continuation = [this](const ContinuationRequest &) {
        m_timer->start(m_idleRenewMs);
        Q_EMIT watching();
    };
    h.untagged = [this](const Response &r) { onChangeSeen(r); };
    h.done = [this](const TaggedResponse &r) {
        m_timer->stop();
        if (r.status != Status::Ok) {
            setState(State::Failed);
            Q_EMIT failed(ImapError{ImapError::Kind::No, r.code, QString::fromUtf8(r.text), {}});
            return;
        }
        if (m_stopping) {
            setState(State::Stopped);
            Q_EMIT stopped();
        } else if (m_changed) {
            runSync();
        } else {
            enterIdle();
        }
    };
    m_session->command("IDLE", h);
}

void FolderMonitor::leaveIdle()
{
    if (m_doneSent || !m_session)
        return;
    m_doneSent = true;
    m_session->sendContinuation("DONE\r\n");
}

void FolderMonitor::poll()
{
    Session::Handlers h;
    h.untagged = [this](const Response &r) { onChangeSeen(r); };
    h.done = [this](const TaggedResponse &) {
        if (m_stopping)
            return;
        if (m_changed)
            runSync();
        else
            m_timer->start(m_pollMs);
    };
    m_session->command("NOOP", h);
}

} // namespace Mailtrail::Sync
