// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/Credentials.h"

#include "net/Certificate.h"
#include "store/Account.h"
#include "sync/Outbox.h"

#include <QList>
#include <QLoggingCategory>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QSqlDatabase>
#include <functional>

namespace Mailtrail::Net {
class Transport;
}
namespace Mailtrail::Imap {
class Session;
}
namespace Mailtrail::Smtp {
class SubmissionJob;
struct Capabilities;
}

namespace Mailtrail::Sync {

Q_DECLARE_LOGGING_CATEGORY(lcOutbox)

/// What one flush() did.
struct OutboxFlushReport
{
    QList<qint64> attempted; ///< outbox ids a submission was tried for
    QList<qint64> sentCopies; ///< ids whose Sent-folder copy was stored
    int recovered = 0; ///< messages found in Transmitting and marked Uncertain
    QString sentCopyError; ///< the last Sent-copy problem, empty if none
};

class AccountSession;

/// Sends the due messages of one account's outbox, one at a time, with SubmissionJob, then
/// stores copies of the sent ones in the IMAP Sent folder (APPEND with \Seen, RFC 9051
/// §6.3.12). State changes are written to the database as they happen:
///
/// - before the first payload byte (SubmissionJob::SendingData): Transmitting;
/// - final 2xx: Sent, per-recipient results, tracking evidence, Sent copy pending;
/// - lost connection after the final dot, before the reply: Uncertain (never resent);
/// - 4xx, dead network, wrong password, certificate problem: Queued with backoff;
/// - 5xx at MAIL, for every RCPT, or for the data: Failed with the server's words.
///
/// The first flush() marks messages left in Transmitting by a crash as Uncertain.
class OutboxSender : public QObject
{
    Q_OBJECT
public:
    using TransportFactory = std::function<Net::Transport *(QObject *parent)>;

    OutboxSender(
        Store::Account account, Credentials credentials, QSqlDatabase db, QObject *parent = nullptr);
    ~OutboxSender() override;

    /// Time source for backoff (tests move it). Default: the system clock, UTC.
    void setClock(OutboxStore::Clock clock);
    void setSmtpTransportFactory(TransportFactory factory) { m_smtpFactory = std::move(factory); }
    void setImapTransportFactory(TransportFactory factory) { m_imapFactory = std::move(factory); }
    /// Store the Sent copies through the account's command connection (one job, never re-run
    /// after a broken connection) instead of a connection of their own.
    void setAccountSession(AccountSession *session);
    /// Store copies in the Sent folder (default on).
    void setSentCopyEnabled(bool enabled) { m_sentCopyEnabled = enabled; }
    /// Send queued messages now even when their backoff has not run out ("flush": the user
    /// asked to retry now). Uncertain and failed messages are never picked up.
    void setIgnoreBackoff(bool ignore) { m_ignoreBackoff = ignore; }
    /// Only these outbox ids (empty: every due message).
    void setOnly(const QList<qint64> &ids) { m_only = ids; }

    /// Sends what is due now; finished() follows exactly once.
    void flush();
    [[nodiscard]] bool isRunning() const { return m_running; }
    [[nodiscard]] OutboxStore &store() { return m_store; }

Q_SIGNALS:
    void certificateProblem(const Mailtrail::Net::CertificateProblem &problem);
    /// One submission attempt ended; read the entry from store().
    void messageFinished(qint64 id);
    void finished(const Mailtrail::Sync::OutboxFlushReport &report);

private:
    void sendNext();
    void onJobFinished(qint64 id);
    /// The server lacks SMTPUTF8 or 8BITMIME for the stored bytes (nothing was sent):
    /// re-encode them and queue the message again at once, or fail it with a clear reason.
    bool reencodeOrFail(qint64 id, const Smtp::Capabilities &offered,
        const Smtp::SubmissionResult &result, const Smtp::SubmissionError &error);
    void startSentCopies();
    void appendNext();
    void appendTo(qint64 id, const QByteArray &mailbox);
    void finishFlush();
    [[nodiscard]] QByteArray sentMailbox() const;
    Net::Transport *makeTransport(const TransportFactory &factory);

    Store::Account m_account;
    Credentials m_credentials;
    QSqlDatabase m_db;
    OutboxStore m_store;
    TransportFactory m_smtpFactory;
    TransportFactory m_imapFactory;
    bool m_sentCopyEnabled = true;
    bool m_ignoreBackoff = false;
    bool m_recoveryDone = false;
    bool m_running = false;
    QList<qint64> m_only;
    QList<qint64> m_queue;
    QSet<qint64> m_reencoded; ///< re-encoded in this flush: at most once each
    QList<qint64> m_copyQueue;
    OutboxFlushReport m_report;

    QPointer<Smtp::SubmissionJob> m_job;
    QPointer<Net::Transport> m_transport;
    bool m_afterFinalDot = false;
    bool m_transmittingRecorded = false;
    bool m_claimLost = false;
    QPointer<Imap::Session> m_session;
    QPointer<AccountSession> m_accountSession;
    std::function<void(const Imap::ImapError &)> m_jobDone;
};

} // namespace Mailtrail::Sync

Q_DECLARE_METATYPE(Mailtrail::Sync::OutboxFlushReport)
