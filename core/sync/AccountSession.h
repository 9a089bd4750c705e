// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "imap/ImapError.h"
#include "net/Certificate.h"
#include "store/Account.h"
#include "sync/AccountMonitor.h"
#include "sync/AccountSync.h"
#include "sync/Credentials.h"

#include <QByteArray>
#include <QByteArrayList>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSqlDatabase>
#include <functional>
#include <memory>

class QTimer;

namespace Mailtrail::Imap {
class Session;
}

namespace Mailtrail::Sync {

/// The live IMAP side of one account, shared by everything that acts on it (GUI and CLI):
/// one persistent command connection and, when asked for, one IDLE connection
/// (AccountMonitor). Never more than those two at a time.
///
/// The command connection runs a queue of jobs (KIMAP / Trojitá style). A job names the
/// mailbox it needs selected; the session SELECTs it once and keeps it selected, so
/// consecutive actions on one folder cost one round trip each. Jobs run one after another,
/// except where pipelining is safe: jobs that expect no untagged data of their own (UID
/// STORE .SILENT) are sent together without waiting for each other (untagged responses
/// cannot be told apart between running commands, and Dovecot runs pipelined commands in
/// parallel). A job on another mailbox waits until the running ones are done, so a mailbox
/// is never switched under a running command. An exclusive job (a whole sync, the tracking
/// scan) runs alone and may select what it likes.
///
/// It connects on demand: credentials come from the account's CredentialSource (requested
/// on connect; after an authentication failure refused() and one more try), certificate
/// problems leave as certificateProblem() (rejected when nobody listens). When the
/// connection breaks, jobs that were running are re-run once on a new connection (unless
/// they said they must not be), and reconnecting backs off exponentially; after
/// maxConnectAttempts() failed connects in a row the queued jobs fail.
class AccountSession : public QObject
{
    Q_OBJECT
public:
    /// Called exactly once per job, never before enqueue() returns.
    using Done = std::function<void(const Imap::ImapError &error)>;
    /// The work of a job: issue commands on the session (the needed mailbox is selected),
    /// then call @p finished once. A job that does not finish is ended by the session's
    /// command time-out.
    using Work = std::function<void(Imap::Session &session, Done finished)>;

    struct Job
    {
        /// Wire name of the mailbox that must be selected; empty: any state.
        QByteArray mailbox;
        /// Runs alone; may SELECT / EXAMINE any mailbox (the selection is unknown afterwards).
        bool exclusive = false;
        /// Expects no untagged data of its own: may be sent while other such jobs run.
        bool pipelined = false;
        /// Re-run once on a new connection if the connection broke while it ran. Off for
        /// what must not happen twice (APPEND).
        bool retryOnDrop = true;
        Work work;
        Done done;
    };

    AccountSession(Store::Account account, CredentialSource *credentials, QSqlDatabase db,
        QObject *parent = nullptr);
    ~AccountSession() override;

    [[nodiscard]] const Store::Account &account() const { return m_account; }
    /// New settings (e.g. a pinned certificate): used from the next connection on.
    void setAccount(const Store::Account &account);
    [[nodiscard]] CredentialSource *credentials() const { return m_credentials; }
    void setTransportFactory(AccountSync::TransportFactory factory);
    void setBackoff(const Backoff &backoff) { m_backoff = backoff; }
    void setMaxConnectAttempts(int attempts) { m_maxAttempts = attempts; }
    [[nodiscard]] int maxConnectAttempts() const { return m_maxAttempts; }

    /// Queues a job; see Job.
    void enqueue(Job job);
    /// Convenience: a job that needs @p mailbox selected.
    void enqueue(const QByteArray &mailbox, Work work, Done done);

    /// True while the command connection is logged in.
    [[nodiscard]] bool isConnected() const;
    /// The mailbox selected on the command connection (empty: none or unknown).
    [[nodiscard]] QByteArray selectedMailbox() const { return m_selected; }
    /// The server's capabilities as of the last login.
    [[nodiscard]] QByteArrayList capabilities() const { return m_capabilities; }
    /// Command connections opened so far (logins), for tests and diagnostics.
    [[nodiscard]] int connectionsOpened() const { return m_connectionsOpened; }
    /// Jobs queued or running.
    [[nodiscard]] int pendingJobs() const { return int(m_queue.size()) + m_running; }

    /// Keeps @p folder up to date over a second connection (IDLE, else NOOP polling).
    void startMonitoring(const QString &folder = QStringLiteral("INBOX"));
    void stopMonitoring();
    [[nodiscard]] bool isMonitoring() const { return m_monitor != nullptr; }
    /// For tests: configure the monitor before it starts.
    void setMonitorSetup(std::function<void(AccountMonitor &)> setup)
    {
        m_monitorSetup = std::move(setup);
    }

    /// Answers the last certificateProblem().
    void answerCertificate(Net::CertificateDecision decision);
    /// Logs out of both connections; queued jobs fail (Aborted).
    void close();

Q_SIGNALS:
    /// A certificate the system does not trust; answer with answerCertificate().
    void certificateProblem(const Mailtrail::Net::CertificateProblem &problem);
    /// The command connection is logged in.
    void connected();
    /// The command connection broke or could not be made.
    void connectionFailed(const Mailtrail::Imap::ImapError &error);
    /// No credentials could be had (queued jobs failed), or the IDLE connection's login was
    /// refused again after a renewal (it stopped; startMonitoring() starts it again).
    void credentialsFailed(const Mailtrail::Sync::CredentialError &error);
    /// The monitored folder changed (a sync on the IDLE connection ran).
    void folderSynced(const Mailtrail::Sync::FolderSyncResult &result);
    /// The IDLE connection broke; it reconnects after @p retryInMs.
    void monitorLost(const QString &reason, int retryInMs);

private:
    struct Queued;
    /// Reads the account's settings again; true when the connection's ones changed.
    bool refreshSettings();
    void pump();
    void connectNow();
    void onCredentials(const Credentials &credentials);
    void onCredentialsFailed(const CredentialError &error);
    void onReady();
    void onFailed(const Imap::ImapError &error);
    void startJob(const std::shared_ptr<Queued> &job);
    void failQueued(const Imap::ImapError &error);
    /// Lets go of the command connection (after LOGOUT when @p logout and it is ready).
    void retire(bool logout);
    void select(const QByteArray &mailbox);
    void startMonitor();

    Store::Account m_account;
    QPointer<CredentialSource> m_credentials;
    QSqlDatabase m_db;
    AccountSync::TransportFactory m_factory;
    Backoff m_backoff { 500, 60 * 1000 };
    int m_maxAttempts = 3;

    QList<std::shared_ptr<Queued>> m_queue;
    QList<std::shared_ptr<Queued>> m_runningJobs;
    int m_running = 0;
    bool m_exclusiveRunning = false;
    bool m_selecting = false;
    QByteArray m_selected;

    QPointer<Net::Transport> m_transport;
    QPointer<Imap::Session> m_session;
    bool m_connecting = false;
    bool m_awaitingCredentials = false;
    Credentials m_used;
    bool m_authRetried = false;
    Imap::ImapError m_lastRefusal; ///< the server's last refusal of a login, until the next success
    int m_failedConnects = 0;
    int m_connectionsOpened = 0;
    QByteArrayList m_capabilities;
    QTimer *m_reconnect;

    QPointer<AccountMonitor> m_monitor;
    QString m_monitorFolder;
    bool m_monitorWanted = false;
    std::function<void(AccountMonitor &)> m_monitorSetup;
};

/// Remembers a certificate the user chose to trust for the account named @p accountName:
/// its SHA-256 fingerprint joins the account's pinned ones, so the next connection does not
/// ask again. Returns an error text, empty on success (also when it was pinned already).
[[nodiscard]] QString pinCertificate(
    QSqlDatabase db, const QString &accountName, const Net::CertificateProblem &problem);

} // namespace Mailtrail::Sync
