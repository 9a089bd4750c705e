// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/MailCheck.h"

#include "tracking/BehaviourSettings.h"

#include "imap/MailboxName.h"
#include "imap/MailboxOperations.h"
#include "imap/Session.h"
#include "store/FolderRepository.h"
#include "store/MessageRepository.h"
#include "sync/AccountSession.h"

#include <QLoggingCategory>
#include <QMetaMethod>
#include <QSqlError>
#include <QSqlQuery>

#include <utility>

Q_LOGGING_CATEGORY(lcMailCheck, "mailtrail.sync.check", QtInfoMsg)

namespace Mailtrail::Sync {

MailCheck::MailCheck(Store::Account account, Credentials credentials, QSqlDatabase db, QObject *parent)
    : QObject(parent), m_account(std::move(account)), m_credentials(std::move(credentials)), m_db(std::move(db))
{
    qRegisterMetaType<MailCheckReport>();
}

MailCheck::~MailCheck() = default;

void MailCheck::start()
{
    if (!m_accountSession) {
        startSync(nullptr);
        return;
    }
    AccountSession::Job job;
    job.exclusive = true;
    job.retryOnDrop = false; // the report says what a broken connection left undone
    QPointer<MailCheck> self(this);
    job.work = [self](Imap::Session &session, AccountSession::Done done) {
        if (!self || self->m_finished) {
            done({});
            return;
        }
        self->m_jobDone = std::move(done);
        self->startSync(&session);
    };
    job.done = [self](const Imap::ImapError &error) {
        if (!self || !error.isError() || self->m_sync)
            return;
        // Never connected: report it as the sync's failure; the outbox may still go out.
        AccountSyncReport report;
        report.account = self->m_account.name;
        report.error = error;
        self->onSynced(report);
    };
    m_accountSession->enqueue(std::move(job));
}

void MailCheck::startSync(Imap::Session *lent)
{
    m_sync = new AccountSync(m_account, m_credentials, m_db, this);
    m_sync->setSession(lent);
    m_sync->setKeepOpen(true); // the later steps reuse the session
    if (!m_folderFilter.isEmpty())
        m_sync->setFolderFilter(m_folderFilter);
    if (m_batchSize > 0)
        m_sync->setBatchSize(m_batchSize);
    if (m_factory)
        m_sync->setTransportFactory(m_factory);
    m_certificateSource = m_sync;
    connect(m_sync, &AccountSync::certificateProblem, this, [this](const Net::CertificateProblem &problem) {
        if (isSignalConnected(QMetaMethod::fromSignal(&MailCheck::certificateProblem)))
            Q_EMIT certificateProblem(problem);
        else if (m_sync)
            m_sync->answerCertificate(Net::CertificateDecision::Reject);
    });
    connect(m_sync, &AccountSync::folderStarted, this, &MailCheck::folderStarted);
    connect(m_sync, &AccountSync::folderFinished, this, &MailCheck::folderFinished);
    connect(m_sync, &AccountSync::finished, this, &MailCheck::onSynced);
    m_sync->start();
}

void MailCheck::answerCertificate(Net::CertificateDecision decision)
{
    if (auto *sync = qobject_cast<AccountSync *>(m_certificateSource.data()))
        sync->answerCertificate(decision);
}

void MailCheck::onSynced(const AccountSyncReport &report)
{
    m_report.sync = report;
    if (!report.ok() || !m_sync || !m_sync->session()
        || m_sync->session()->state() != Imap::Session::State::Ready) {
        // No connection: pending keyword stores wait for the next check. Queued receipts
        // (from messages displayed earlier) may still go out if SMTP works.
        QMetaObject::invokeMethod(this, &MailCheck::flushOutbox, Qt::QueuedConnection);
        return;
    }
    QMetaObject::invokeMethod(this, &MailCheck::pushKeywords, Qt::QueuedConnection);
}

void MailCheck::pushKeywords()
{
    m_keywordQueue.clear();
    const QList<PendingKeywordStore> pending = ReadReceipts(m_db).pendingKeywordStores(m_account.id);
    for (const PendingKeywordStore &p : pending) {
        if (m_keywordQueue.isEmpty() || m_keywordQueue.last().constFirst().folderId != p.folderId)
            m_keywordQueue.append(QList<PendingKeywordStore>());
        m_keywordQueue.last().append(p);
    }
    pushNextKeywordFolder();
}

void MailCheck::pushNextKeywordFolder()
{
    Imap::Session *session = m_sync ? m_sync->session() : nullptr;
    if (m_keywordQueue.isEmpty() || !session || session->state() != Imap::Session::State::Ready) {
        scan();
        return;
    }
    const QList<PendingKeywordStore> batch = m_keywordQueue.takeFirst();
    const auto folder = Store::FolderRepository(m_db).findById(batch.constFirst().folderId);
    if (!folder) {
        pushNextKeywordFolder();
        return;
    }
    session->command("SELECT " + Imap::Session::quoted(folder->wireName),
                     {{}, {}, [this, batch, name = folder->name](const Imap::TaggedResponse &response) {
                          Imap::Session *session = m_sync ? m_sync->session() : nullptr;
                          if (response.status != Imap::Status::Ok || !session) {
                              m_report.errors.append(QStringLiteral("%1: cannot store $MDNSent: %2")
                                                         .arg(name, QString::fromUtf8(response.text)));
                              pushNextKeywordFolder();
                              return;
                          }
                          Imap::SequenceSet uids;
                          for (const PendingKeywordStore &p : batch)
                              uids.add(p.uid, p.uid);
                          // RFC 3503 §3.1 / RFC 9051 §6.4.6: UID STORE +FLAGS ($MDNSent).
                          Imap::Operations::storeFlags(
                              *session, uids, true, {QByteArray(mdnSentKeyword)},
                              [this, batch, name](const Imap::ImapError &error) {
                                  if (error.isError()) {
                                      m_report.errors.append(QStringLiteral("%1: cannot store $MDNSent: %2")
                                                                 .arg(name, error.message()));
                                  } else {
                                      ReadReceipts receipts(m_db);
                                      for (const PendingKeywordStore &p : batch) {
                                          if (receipts.keywordStored(p.messageRowId))
                                              ++m_report.keywordsStored;
                                      }
                                  }
                                  pushNextKeywordFolder();
                              });
                      }});
}

void MailCheck::scan()
{
    Imap::Session *session = m_sync ? m_sync->session() : nullptr;
    if (!session || session->state() != Imap::Session::State::Ready) {
        flushOutbox();
        return;
    }
    m_scan = new TrackingScan(session, m_db, m_account.id, m_account.name, this);
    connect(m_scan, &TrackingScan::finished, this, [this](const TrackingScanReport &report) {
        m_report.scanned = true;
        m_report.tracking = report;
        if (m_scan)
            m_scan->deleteLater();
        QMetaObject::invokeMethod(this, &MailCheck::moveReports, Qt::QueuedConnection);
    });
    m_scan->start();
}

void MailCheck::moveReports()
{
    Imap::Session *session = m_sync ? m_sync->session() : nullptr;
    // The account's own receipts folder, else the profile's when moving is on (settings).
    m_receiptsFolder = Tracking::SettingsStore(m_db).load().receiptsFolderFor(m_account);
    if (m_receiptsFolder.isEmpty() || !m_report.sync.ok() || !session
        || session->state() != Imap::Session::State::Ready) {
        flushOutbox();
        return;
    }
    const auto existing = Store::FolderRepository(m_db).find(m_account.id, m_receiptsFolder);
    m_receiptsMailbox = existing ? existing->wireName : Imap::encodeMailboxName(m_receiptsFolder);
    const qint64 receiptsId = existing ? existing->id : 0;

    m_moveQueue.clear();
    QSqlQuery q(m_db);
    // CROSS JOIN: from the reports found to their messages, not through every message of
    // the account (what SQLite chose without table statistics).
    q.prepare(QStringLiteral(
        "SELECT m.folder_id, m.id, m.uid FROM tracking_scanned s CROSS JOIN messages m ON m.id = s.message_id "
        "CROSS JOIN folders f ON f.id = m.folder_id WHERE f.account_id = ? AND s.is_report = 1 "
        "AND m.folder_id <> ? ORDER BY m.folder_id, m.uid"));
    q.addBindValue(m_account.id);
    q.addBindValue(receiptsId);
    if (!q.exec()) {
        m_report.errors.append(q.lastError().text());
        flushOutbox();
        return;
    }
    while (q.next()) {
        const qint64 folderId = q.value(0).toLongLong();
        if (m_moveQueue.isEmpty() || m_moveQueue.last().first != folderId)
            m_moveQueue.append(qMakePair(folderId, QList<QPair<qint64, quint32>>()));
        m_moveQueue.last().second.append(qMakePair(q.value(1).toLongLong(), q.value(2).toUInt()));
    }
    if (m_moveQueue.isEmpty()) {
        flushOutbox();
        return;
    }
    if (existing) {
        moveNextFolder();
        return;
    }
    // RFC 9051 §6.3.4: CREATE; a NO (e.g. [ALREADYEXISTS]) is fine, the move tells.
    session->command("CREATE " + Imap::Session::quoted(m_receiptsMailbox),
                     {{}, {}, [this](const Imap::TaggedResponse &) { moveNextFolder(); }});
}

void MailCheck::moveNextFolder()
{
    Imap::Session *session = m_sync ? m_sync->session() : nullptr;
    if (m_moveQueue.isEmpty() || !session || session->state() != Imap::Session::State::Ready) {
        flushOutbox();
        return;
    }
    const auto next = m_moveQueue.takeFirst();
    const qint64 folderId = next.first;
    const QList<QPair<qint64, quint32>> messages = next.second;
    const auto folder = Store::FolderRepository(m_db).findById(folderId);
    if (!folder) {
        moveNextFolder();
        return;
    }
    session->command(
        "SELECT " + Imap::Session::quoted(folder->wireName),
        {{}, {}, [this, folderId, messages, name = folder->name](const Imap::TaggedResponse &response) {
             Imap::Session *session = m_sync ? m_sync->session() : nullptr;
             if (response.status != Imap::Status::Ok || !session) {
                 m_report.errors.append(QStringLiteral("%1: cannot move reports: %2")
                                            .arg(name, QString::fromUtf8(response.text)));
                 moveNextFolder();
                 return;
             }
             Imap::SequenceSet uids;
             for (const auto &m : messages)
                 uids.add(m.second, m.second);
             Imap::Operations::move(
                 *session, uids, m_receiptsMailbox,
                 [this, folderId, messages, name](const Imap::MoveResult &result) {
                     if (result.error.isError()) {
                         m_report.errors.append(QStringLiteral("%1: cannot move reports to %2: %3")
                                                    .arg(name, m_receiptsFolder, result.error.message()));
                     } else {
                         // The copies in the receipts folder come with the next sync; the
                         // evidence is in the tracking store already.
                         QList<quint32> moved;
                         for (const auto &m : messages)
                             moved.append(m.second);
                         if (const QString e = Store::MessageRepository(m_db).removeUids(folderId, moved);
                             !e.isEmpty())
                             m_report.errors.append(e);
                         m_report.moved += int(moved.size());
                     }
                     moveNextFolder();
                 });
         }});
}

void MailCheck::flushOutbox()
{
    // Only reports (our MDNs: the null reverse path) are sent by a check; the user's own
    // queued mail goes out with the outbox's own flush.
    QList<qint64> reports;
    int queued = 0;
    for (const OutboxEntry &e : OutboxStore(m_db).list(m_account.name)) {
        if (e.state != OutboxState::Queued)
            continue;
        ++queued;
        if (e.mailFrom.isEmpty())
            reports.append(e.id);
    }
    m_report.outboxQueued = queued;
    if (!m_flushOutbox || reports.isEmpty()) {
        finish();
        return;
    }
    m_sender = new OutboxSender(m_account, m_credentials, m_db, this);
    m_sender->setOnly(reports);
    if (m_smtpFactory)
        m_sender->setSmtpTransportFactory(m_smtpFactory);
    if (m_factory)
        m_sender->setImapTransportFactory(m_factory);
    // No certificateProblem connection: OutboxSender then rejects an untrusted certificate
    // itself, and the message stays queued with the reason in the outbox.
    connect(m_sender, &OutboxSender::finished, this, [this](const OutboxFlushReport &report) {
        m_report.outboxFlushed = true;
        OutboxStore store(m_db);
        for (const qint64 id : report.attempted) {
            if (const auto entry = store.entry(id); entry && entry->state == OutboxState::Sent)
                ++m_report.outboxSent;
            else if (entry && !entry->lastError.isEmpty())
                m_report.errors.append(QStringLiteral("outbox: %1").arg(entry->lastError));
        }
        int queued = 0;
        for (const OutboxEntry &e : store.list(m_account.name)) {
            if (e.state == OutboxState::Queued)
                ++queued;
        }
        m_report.outboxQueued = queued;
        if (!report.sentCopyError.isEmpty())
            m_report.errors.append(QStringLiteral("outbox: Sent copy: %1").arg(report.sentCopyError));
        if (m_sender)
            m_sender->deleteLater();
        finish();
    });
    m_sender->flush();
}

void MailCheck::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_jobDone)
        std::exchange(m_jobDone, {})(Imap::ImapError {}); // the report says what failed
    else if (!m_accountSession && m_sync && m_sync->session()
        && m_sync->session()->state() == Imap::Session::State::Ready)
        m_sync->session()->logout();
    qCInfo(lcMailCheck).nospace().noquote()
        << m_account.name << ": " << m_report.moved << " reports moved, " << m_report.keywordsStored << " $MDNSent stored";
    Q_EMIT finished(m_report);
}

void MailCheck::setAccountSession(AccountSession *session)
{
    m_accountSession = session;
}

} // namespace Mailtrail::Sync
