// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/AccountSession.h"

#include "imap/Session.h"
#include "net/SocketTransport.h"
#include "store/AccountRepository.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QMetaMethod>
#include <QTimer>

#include <algorithm>

namespace Mailtrail::Sync {

namespace {
Q_LOGGING_CATEGORY(lcSession, "mailtrail.sync.session", QtWarningMsg)

Imap::ImapError abortedError(const QString &text)
{
    Imap::ImapError error;
    error.kind = Imap::ImapError::Kind::Aborted;
    error.text = text;
    return error;
}
} // namespace

struct AccountSession::Queued
{
    Job job;
    bool retried = false;
    bool finished = false;
};

AccountSession::AccountSession(
    Store::Account account, CredentialSource *credentials, QSqlDatabase db, QObject *parent)
    : QObject(parent)
    , m_account(std::move(account))
    , m_credentials(credentials)
    , m_db(std::move(db))
    , m_reconnect(new QTimer(this))
{
    m_reconnect->setSingleShot(true);
    connect(m_reconnect, &QTimer::timeout, this, &AccountSession::pump);
    if (m_credentials) {
        connect(m_credentials, &CredentialSource::ready, this, &AccountSession::onCredentials);
        connect(
            m_credentials, &CredentialSource::failed, this, &AccountSession::onCredentialsFailed);
    }
}

AccountSession::~AccountSession()
{
    m_queue.clear();
    m_runningJobs.clear();
    if (m_session) {
        m_session->disconnect(this);
        if (m_session->state() == Imap::Session::State::Ready)
            m_session->abort();
    }
    if (m_monitor)
        m_monitor->stop();
}

void AccountSession::setAccount(const Store::Account &account)
{
    m_account = account;
}

void AccountSession::setTransportFactory(AccountSync::TransportFactory factory)
{
    m_factory = std::move(factory);
}

bool AccountSession::isConnected() const
{
    return m_session && m_session->state() == Imap::Session::State::Ready;
}

void AccountSession::enqueue(const QByteArray &mailbox, Work work, Done done)
{
    Job job;
    job.mailbox = mailbox;
    job.work = std::move(work);
    job.done = std::move(done);
    enqueue(std::move(job));
}

void AccountSession::enqueue(Job job)
{
    auto queued = std::make_shared<Queued>();
    queued->job = std::move(job);
    m_queue.append(queued);
    // Never run work inside enqueue(): the caller may still be setting things up.
    QMetaObject::invokeMethod(this, &AccountSession::pump, Qt::QueuedConnection);
}

bool AccountSession::refreshSettings()
{
    if (m_account.id == 0 || !m_db.isValid())
        return false;
    const std::optional<Store::Account> fresh
        = Store::AccountRepository(m_db).findById(m_account.id);
    if (!fresh)
        return false;
    const bool changed = fresh->imap != m_account.imap || fresh->caFile != m_account.caFile
        || fresh->userName != m_account.userName || fresh->email != m_account.email
        || fresh->pinnedFingerprints != m_account.pinnedFingerprints;
    m_account = *fresh;
    return changed;
}

void AccountSession::pump()
{
    if (m_queue.isEmpty())
        return;
    // The user (or the CLI) may have changed the server, the port or the trusted
    // certificates since this connection was made: the next job uses the new settings.
    if (isConnected() && m_running == 0 && !m_selecting && refreshSettings()) {
        retire(true);
        m_selected.clear();
    }
    if (!isConnected()) {
        if (!m_connecting && !m_reconnect->isActive())
            connectNow();
        return;
    }
    while (!m_queue.isEmpty() && !m_selecting && !m_exclusiveRunning) {
        const std::shared_ptr<Queued> head = m_queue.constFirst();
        if (head->job.exclusive) {
            if (m_running > 0)
                return;
            m_queue.removeFirst();
            m_exclusiveRunning = true;
            m_selected.clear(); // whatever it selects, we do not know it afterwards
            startJob(head);
            return;
        }
        if (head->job.mailbox.isEmpty() || head->job.mailbox == m_selected) {
            const bool alongside = head->job.pipelined
                && std::all_of(m_runningJobs.cbegin(), m_runningJobs.cend(),
                    [](const std::shared_ptr<Queued> &j) { return j->job.pipelined; });
            if (m_running > 0 && !alongside)
                return; // one at a time: untagged responses go to the oldest command
            m_queue.removeFirst();
            startJob(head);
            continue;
        }
        if (m_running > 0)
            return; // never switch mailboxes under a running command
        select(head->job.mailbox);
        return;
    }
}

void AccountSession::select(const QByteArray &mailbox)
{
    m_selecting = true;
    m_session->command("SELECT " + Imap::Session::quoted(mailbox),
        { {}, {}, [this, mailbox](const Imap::TaggedResponse &response) {
             m_selecting = false;
             if (response.status == Imap::Status::Ok) {
                 m_selected = mailbox;
                 pump();
                 return;
             }
             // RFC 9051 §6.3.2: a failed SELECT leaves no mailbox selected. Every job that
             // waits for this mailbox fails with the server's words.
             m_selected.clear();
             Imap::ImapError error;
             error.kind = response.status == Imap::Status::No ? Imap::ImapError::Kind::No
                                                              : Imap::ImapError::Kind::Bad;
             error.code = response.code;
             error.text
                 = QCoreApplication::translate("AccountSession", "The folder cannot be opened: %1")
                       .arg(QString::fromUtf8(response.text));
             QList<std::shared_ptr<Queued>> failing;
             for (qsizetype i = 0; i < m_queue.size();) {
                 if (m_queue[i]->job.mailbox == mailbox)
                     failing.append(m_queue.takeAt(i));
                 else
                     ++i;
             }
             for (const std::shared_ptr<Queued> &job : std::as_const(failing)) {
                 job->finished = true;
                 if (job->job.done)
                     job->job.done(error);
             }
             pump();
         } });
}

void AccountSession::startJob(const std::shared_ptr<Queued> &job)
{
    ++m_running;
    m_runningJobs.append(job);
    const bool exclusive = job->job.exclusive;
    QPointer<Imap::Session> session = m_session;
    auto finished = [this, job, exclusive, session](const Imap::ImapError &error) {
        if (job->finished)
            return;
        // A job whose connection broke is handled by onFailed() (re-run or failed there).
        if (!m_runningJobs.contains(job))
            return;
        job->finished = true;
        m_runningJobs.removeOne(job);
        --m_running;
        if (exclusive) {
            m_exclusiveRunning = false;
            m_selected.clear();
        }
        // Answered on the next turn: the job's own code may still be on the stack.
        QMetaObject::invokeMethod(
            this,
            [this, job, error] {
                if (job->job.done)
                    job->job.done(error);
                pump();
            },
            Qt::QueuedConnection);
    };
    job->job.work(*m_session, finished);
}

void AccountSession::connectNow()
{
    if (!m_credentials) {
        failQueued(abortedError(QCoreApplication::translate(
            "AccountSession", "There are no credentials for this account.")));
        return;
    }
    m_connecting = true;
    m_awaitingCredentials = true;
    m_credentials->request();
}

void AccountSession::onCredentials(const Credentials &credentials)
{
    if (!m_awaitingCredentials)
        return; // someone else's request
    m_awaitingCredentials = false;
    m_used = credentials;
    refreshSettings();
    retire(false);
    m_transport = m_factory ? m_factory(this) : new Net::SocketTransport(this);
    connect(m_transport, &Net::Transport::certificateProblem, this,
        [this](const Net::CertificateProblem &problem) {
            if (isSignalConnected(QMetaMethod::fromSignal(&AccountSession::certificateProblem)))
                Q_EMIT certificateProblem(problem);
            else if (m_transport)
                m_transport->answerCertificate(Net::CertificateDecision::Reject);
        });
    m_session = new Imap::Session(m_transport, this);
    connect(m_session, &Imap::Session::ready, this, &AccountSession::onReady);
    connect(m_session, &Imap::Session::failed, this, &AccountSession::onFailed);
    connect(m_session, &Imap::Session::closed, this, [this] {
        m_selected.clear();
        m_capabilities.clear();
    });
    m_session->open(imapEndpoint(m_account), credentials.forImap(m_account));
}

void AccountSession::onCredentialsFailed(const CredentialError &error)
{
    if (!m_awaitingCredentials)
        return;
    m_awaitingCredentials = false;
    m_connecting = false;
    Q_EMIT credentialsFailed(error);
    // After a server refused the login, its words (e.g. a decoded OAuth2 error) say more than
    // "the source has nothing better".
    Imap::ImapError imapError = m_lastRefusal;
    m_lastRefusal = {};
    if (!imapError.isError()) {
        imapError.kind = Imap::ImapError::Kind::AuthenticationFailed;
        imapError.text = error.message;
    }
    failQueued(imapError);
}

void AccountSession::onReady()
{
    m_connecting = false;
    m_authRetried = false;
    m_lastRefusal = {};
    m_failedConnects = 0;
    m_backoff.reset();
    m_selected.clear();
    ++m_connectionsOpened;
    m_capabilities = m_session->capabilities();
    Q_EMIT connected();
    pump();
}

void AccountSession::onFailed(const Imap::ImapError &error)
{
    const bool wasConnecting = m_connecting;
    m_connecting = false;
    m_selecting = false;
    m_exclusiveRunning = false;
    m_selected.clear();
    retire(false);
    qCInfo(lcSession).noquote() << m_account.name
                                << "command connection failed:" << error.message();
    Q_EMIT connectionFailed(error);

    // Jobs that were running: re-run once on a new connection, or fail.
    const QList<std::shared_ptr<Queued>> running = m_runningJobs;
    m_runningJobs.clear();
    m_running = 0;
    for (qsizetype i = running.size() - 1; i >= 0; --i) {
        const std::shared_ptr<Queued> &job = running[i];
        if (job->job.retryOnDrop && !job->retried && error.kind != Imap::ImapError::Kind::Aborted) {
            job->retried = true;
            m_queue.prepend(job);
        } else {
            job->finished = true;
            if (job->job.done)
                job->job.done(error);
        }
    }
    if (m_queue.isEmpty())
        return;

    if (error.kind == Imap::ImapError::Kind::AuthenticationFailed
        || error.kind == Imap::ImapError::Kind::TokenRefused) {
        m_lastRefusal = error;
        if (m_credentials)
            m_credentials->refused(m_used);
        if (!m_authRetried) {
            m_authRetried = true; // once: a changed password or a refreshed token
            QMetaObject::invokeMethod(this, &AccountSession::pump, Qt::QueuedConnection);
            return;
        }
        m_authRetried = false;
        failQueued(error);
        return;
    }
    const bool certificate = error.kind == Imap::ImapError::Kind::Transport
        && (error.transport.kind == Net::TransportError::Kind::CertificateRejected);
    if (certificate || error.kind == Imap::ImapError::Kind::Aborted) {
        failQueued(error);
        return;
    }
    if (wasConnecting)
        ++m_failedConnects;
    if (m_failedConnects >= m_maxAttempts) {
        m_failedConnects = 0;
        m_backoff.reset();
        failQueued(error);
        return;
    }
    // A connection that broke after working is reopened at once; failed connects back off.
    m_reconnect->start(wasConnecting ? m_backoff.next() : 0);
}

void AccountSession::retire(bool logout)
{
    Imap::Session *session = m_session;
    Net::Transport *transport = m_transport;
    m_session = nullptr;
    m_transport = nullptr;
    if (!session) {
        if (transport)
            transport->deleteLater();
        return;
    }
    session->disconnect(this);
    const auto gone = [session, transport = QPointer<Net::Transport>(transport)] {
        session->deleteLater();
        if (transport)
            transport->deleteLater();
    };
    if (logout && session->state() == Imap::Session::State::Ready) {
        connect(session, &Imap::Session::closed, session, gone);
        connect(session, &Imap::Session::failed, session, gone);
        session->logout();
    } else {
        gone();
    }
}

void AccountSession::failQueued(const Imap::ImapError &error)
{
    const QList<std::shared_ptr<Queued>> queued = m_queue;
    m_queue.clear();
    for (const std::shared_ptr<Queued> &job : queued) {
        job->finished = true;
        if (job->job.done)
            job->job.done(error);
    }
}

void AccountSession::startMonitoring(const QString &folder)
{
    m_monitorFolder = folder;
    m_monitorWanted = true;
    if (m_monitor)
        return;
    startMonitor();
}

void AccountSession::startMonitor()
{
    // The monitor asks the account's source for credentials at every (re)connect, so an IDLE
    // connection that reconnects hours later presents a renewed token.
    auto *monitor = new AccountMonitor(m_account, m_credentials.data(), m_db, this);
    m_monitor = monitor;
    monitor->setFolder(m_monitorFolder);
    if (m_factory)
        monitor->setTransportFactory(m_factory);
    if (m_monitorSetup)
        m_monitorSetup(*monitor);
    connect(monitor, &AccountMonitor::synced, this, &AccountSession::folderSynced);
    connect(monitor, &AccountMonitor::connectionLost, this, &AccountSession::monitorLost);
    connect(monitor, &AccountMonitor::credentialsFailed, this, [this, monitor](const CredentialError &error) {
        // It stopped; the next startMonitoring() (after a check that worked, e.g. once the
        // user signed in again) starts a new one.
        if (m_monitor == monitor)
            m_monitor = nullptr;
        monitor->deleteLater();
        Q_EMIT credentialsFailed(error);
    });
    monitor->start();
}

void AccountSession::stopMonitoring()
{
    m_monitorWanted = false;
    if (m_monitor) {
        m_monitor->stop();
        m_monitor->deleteLater();
    }
}

void AccountSession::answerCertificate(Net::CertificateDecision decision)
{
    if (m_transport)
        m_transport->answerCertificate(decision);
}

void AccountSession::close()
{
    stopMonitoring();
    m_reconnect->stop();
    failQueued(
        abortedError(QCoreApplication::translate("AccountSession", "The account was closed.")));
    if (m_running == 0)
        retire(true);
}

QString pinCertificate(
    QSqlDatabase db, const QString &accountName, const Net::CertificateProblem &problem)
{
    Store::AccountRepository repository(std::move(db));
    std::optional<Store::Account> account = repository.find(accountName);
    if (!account)
        return QCoreApplication::translate("AccountSession", "There is no account named %1.")
            .arg(accountName);
    const QString pin = Store::normalizeFingerprint(Net::fingerprintToHex(problem.sha256));
    if (pin.isEmpty() || account->pinnedFingerprints.contains(pin))
        return {};
    account->pinnedFingerprints.append(pin);
    return repository.update(*account);
}

} // namespace Mailtrail::Sync
