// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/Credentials.h"

#include "net/Certificate.h"
#include "store/Account.h"
#include "sync/AccountSync.h"
#include "sync/OutboxSender.h"
#include "sync/ReadReceipts.h"
#include "sync/TrackingScan.h"

#include <QObject>
#include <QPointer>
#include <QSqlDatabase>
#include <QStringList>

namespace Mailtrail::Sync {

/// What one check of an account did.
struct MailCheckReport
{
    AccountSyncReport sync;
    bool scanned = false;          ///< the tracking scan ran (the sync succeeded)
    TrackingScanReport tracking;
    int keywordsStored = 0;        ///< pending $MDNSent stores done on the server
    int moved = 0;                 ///< report mails moved to the receipts folder
    bool outboxFlushed = false;    ///< the outbox was flushed (setFlushOutbox)
    int outboxSent = 0;            ///< of the attempted reports, how many are Sent now
    int outboxQueued = 0;          ///< messages of the account still queued in the outbox
    QStringList errors;            ///< non-fatal problems (keyword store, move, outbox)
    [[nodiscard]] bool ok() const { return sync.ok(); }
};

/// One "check mail" of an account, the same for the CLI `sync` and the GUI:
///  1. AccountSync (connect, LIST, sync folders; the session stays open);
///  2. push pending `$MDNSent` keyword stores (ReadReceipts::pendingKeywordStores);
///  3. TrackingScan (reports and replies among the new messages);
///  4. optionally (BehaviourSettings::receiptsFolderFor() non-empty) moves the report mails recorded by the
///     tracker to that folder, creating it first (UID MOVE, else COPY + STORE \Deleted +
///     UID EXPUNGE); the evidence stays in the tracking store;
///  5. optionally (setFlushOutbox) flushes the account's queued reports (our MDNs, null
///     reverse path) from the outbox, so read receipts go out; other queued mail is left to
///     the outbox's own flush.
/// A check never sends a read receipt: one is considered only when a person displays the
/// message (ReadReceipts::displayed, RFC 8098 §2.1). finished() follows exactly once.
class MailCheck : public QObject
{
    Q_OBJECT
public:
    MailCheck(Store::Account account, Credentials credentials, QSqlDatabase db, QObject *parent = nullptr);
    ~MailCheck() override;

    void setFolderFilter(const QString &folder) { m_folderFilter = folder; }
    void setBatchSize(int size) { m_batchSize = size; }
    /// For tests: scripted transports instead of sockets (IMAP and SMTP).
    void setTransportFactory(AccountSync::TransportFactory factory) { m_factory = std::move(factory); }
    void setSmtpTransportFactory(OutboxSender::TransportFactory factory) { m_smtpFactory = std::move(factory); }
    /// Flush the outbox at the end (default off; the CLI turns it on).
    void setFlushOutbox(bool flush) { m_flushOutbox = flush; }

    void start();
    /// Answers a certificateProblem().
    void answerCertificate(Net::CertificateDecision decision);

Q_SIGNALS:
    void certificateProblem(const Mailtrail::Net::CertificateProblem &problem);
    void folderStarted(const QString &folder);
    void folderFinished(const Mailtrail::Sync::FolderSyncResult &result);
    void finished(const Mailtrail::Sync::MailCheckReport &report);

private:
    void onSynced(const AccountSyncReport &report);
    void pushKeywords();
    void pushNextKeywordFolder();
    void scan();
    void moveReports();
    void moveNextFolder();
    void flushOutbox();
    void finish();

    Store::Account m_account;
    Credentials m_credentials;
    QSqlDatabase m_db;
    QString m_folderFilter;
    int m_batchSize = 0;
    AccountSync::TransportFactory m_factory;
    OutboxSender::TransportFactory m_smtpFactory;
    bool m_flushOutbox = false;

    QPointer<AccountSync> m_sync;
    QPointer<TrackingScan> m_scan;
    QPointer<OutboxSender> m_sender;
    QPointer<QObject> m_certificateSource;
    QList<QList<PendingKeywordStore>> m_keywordQueue;
    QList<QPair<qint64, QList<QPair<qint64, quint32>>>> m_moveQueue; ///< folder → (rowid, uid)
    QString m_receiptsFolder;
    QByteArray m_receiptsMailbox;
    MailCheckReport m_report;
    bool m_finished = false;
};

} // namespace Mailtrail::Sync

Q_DECLARE_METATYPE(Mailtrail::Sync::MailCheckReport)
