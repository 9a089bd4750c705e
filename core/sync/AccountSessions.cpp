// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/AccountSessions.h"

#include "net/Certificate.h"
#include "net/SocketTransport.h"
#include "store/AccountRepository.h"
#include "store/FolderRepository.h"
#include "store/MessageRepository.h"
#include "sync/AccountSession.h"
#include "sync/Drafts.h"
#include "sync/FlagStore.h"
#include "sync/FolderChange.h"
#include "sync/MessageTransfer.h"
#include "sync/MoveToTrash.h"
#include "search/IndexCatchUp.h"
#include "search/IndexMaintainer.h"
#include "search/OfflineBodies.h"
#include "sync/ReadReceipts.h"
#include "sync/SendPipeline.h"
#include "sync/SubmissionCapabilities.h"
#include "tracking/BehaviourSettings.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTimer>
#include <memory>

namespace Mailtrail::Sync {

Q_LOGGING_CATEGORY(lcSessions, "mailtrail.sync.sessions", QtInfoMsg)

namespace {

/// Calls @p then with the source's next answer (once), or @p failed.
void withCredentials(CredentialSource *source, QObject *context,
    std::function<void(const Credentials &)> then,
    std::function<void(const CredentialError &)> failed)
{
    auto connections = std::make_shared<QList<QMetaObject::Connection>>();
    const auto drop = [connections] {
        for (const QMetaObject::Connection &c : std::as_const(*connections))
            QObject::disconnect(c);
    };
    connections->append(QObject::connect(
        source, &CredentialSource::ready, context, [drop, then](const Credentials &credentials) {
            drop();
            then(credentials);
        }));
    connections->append(QObject::connect(
        source, &CredentialSource::failed, context, [drop, failed](const CredentialError &error) {
            drop();
            failed(error);
        }));
    source->request();
}

} // namespace

AccountSessions::AccountSessions(QSqlDatabase db, CredentialFactory credentials, QObject *parent)
    : QObject(parent)
    , m_db(std::move(db))
    , m_credentials(std::move(credentials))
    , m_retry(new QTimer(this))
    , m_indexCatchUp(new Search::IndexCatchUp(m_db, this))
{
    connect(m_indexCatchUp, &Search::IndexCatchUp::finished, this, [this](qint64 indexed, const QString &error) {
        if (!error.isEmpty())
            qCWarning(lcSessions) << "search index:" << error;
        if (indexed > 0) {
            indexChanged(); // merged once idle
            Q_EMIT searchIndexCaughtUp(indexed);
        }
    });
    m_retry->setSingleShot(true);
    connect(m_retry, &QTimer::timeout, this, [this] {
        for (const Store::Account &a : accounts())
            flush(a.name, false);
    });
    // What a check, the IDLE connection, a body or the offline download indexed: the search
    // index is merged once the profile is idle.
    connect(this, &AccountSessions::checkFinished, this, &AccountSessions::indexChanged);
    connect(this, &AccountSessions::folderChanged, this, &AccountSessions::indexChanged);
    connect(this, &AccountSessions::bodyFetched, this, &AccountSessions::indexChanged);
    connect(this, &AccountSessions::offlineDownloadFinished, this, &AccountSessions::indexChanged);
}

void AccountSessions::indexChanged()
{
    if (m_closed)
        return;
    if (!m_indexMaintainer) {
        const QString path = m_db.databaseName();
        if (path.isEmpty() || path == QLatin1String(":memory:"))
            return; // another connection cannot share an in-memory database
        m_indexMaintainer = new Search::IndexMaintainer(path, this);
        m_indexMaintainer->setBusy([this] {
            return m_closed || !m_checking.isEmpty() || !m_offlineDownloads.isEmpty() || m_indexCatchUp->isRunning();
        });
    }
    m_indexMaintainer->indexChanged();
}

AccountSessions::~AccountSessions()
{
    close();
}

void AccountSessions::close()
{
    m_closed = true;
    m_retry->stop();
    for (const QPointer<AccountSession> &session : std::as_const(m_sessions)) {
        if (session)
            session->close();
    }
}

std::optional<Store::Account> AccountSessions::account(const QString &name) const
{
    return Store::AccountRepository(m_db).find(name);
}

QList<Store::Account> AccountSessions::accounts() const
{
    return Store::AccountRepository(m_db).list();
}

std::optional<Store::Account> AccountSessions::accountOfMessage(qint64 messageId) const
{
    const std::optional<Store::MessageRecord> record
        = Store::MessageRepository(m_db).findById(messageId);
    const std::optional<Store::Folder> folder
        = record ? Store::FolderRepository(m_db).findById(record->folderId) : std::nullopt;
    return folder ? Store::AccountRepository(m_db).findById(folder->accountId) : std::nullopt;
}

bool AccountSessions::isSending() const
{
    return !m_flushing.isEmpty();
}

AccountSession *AccountSessions::session(const Store::Account &a)
{
    if (AccountSession *existing = m_sessions.value(a.name))
        return existing;
    auto *session = new AccountSession(a, m_credentials ? m_credentials(a) : nullptr, m_db, this);
    m_sessions.insert(a.name, session);
    connect(session, &AccountSession::certificateProblem, this,
        [this, session, name = a.name](const Net::CertificateProblem &problem) {
            askCertificate(
                name, problem, [session = QPointer(session)](Net::CertificateDecision d) {
                    if (session)
                        session->answerCertificate(d);
                });
        });
    connect(session, &AccountSession::folderSynced, this,
        [this, name = a.name](const FolderSyncResult &result) {
            if (result.added == 0 && result.removed == 0 && result.flagsChanged == 0)
                return;
            Q_EMIT folderChanged(name, result);
            if (result.added > 0)
                check(name, true); // new mail may be a delivery report: scan it
        });
    connect(session, &AccountSession::monitorLost, this,
        [this, name = a.name](
            const QString &reason, int retryMs) { Q_EMIT monitorLost(name, reason, retryMs); });
    connect(session, &AccountSession::credentialsFailed, this,
        [this, name = a.name](
            const CredentialError &error) { Q_EMIT credentialsFailed(name, error); });
    return session;
}

void AccountSessions::askCertificate(const QString &accountName,
    const Net::CertificateProblem &problem, std::function<void(Net::CertificateDecision)> answer)
{
    // Pinned meanwhile (a connection made before the user trusted it): not asked again.
    const QString pin = Store::normalizeFingerprint(Net::fingerprintToHex(problem.sha256));
    if (const std::optional<Store::Account> a = account(accountName);
        a && !pin.isEmpty() && a->pinnedFingerprints.contains(pin)) {
        answer(Net::CertificateDecision::AcceptOnce);
        return;
    }
    if (!m_prompt) {
        answer(Net::CertificateDecision::Reject);
        return;
    }
    // The same question already on screen (another connection of the account): one answer
    // for all.
    const QString key = accountName + QLatin1Char('\n') + pin;
    QList<std::function<void(Net::CertificateDecision)>> &waiting = m_certificateWaiting[key];
    waiting.append(std::move(answer));
    if (waiting.size() > 1)
        return;
    m_prompt(accountName, problem,
        [this, accountName, problem, key](Net::CertificateDecision decision) {
            if (decision == Net::CertificateDecision::Pin) {
                // Remembered for the account, so the next connection does not ask again.
                if (const QString error = pinCertificate(m_db, accountName, problem);
                    error.isEmpty()) {
                    if (AccountSession *s = m_sessions.value(accountName))
                        if (const std::optional<Store::Account> a = account(accountName))
                            s->setAccount(*a);
                }
            }
            for (const auto &waitingAnswer : m_certificateWaiting.take(key))
                waitingAnswer(decision);
        });
}

// --- checks -------------------------------------------------------------------------------

void AccountSessions::check(const QString &name, bool inboxOnly)
{
    if (m_closed)
        return;
    const std::optional<Store::Account> a = account(name);
    if (!a)
        return;
    if (m_checking.contains(name)) {
        // A full check asked during an inbox-only one still runs in full.
        m_checkAgain[name]
            = m_checkAgain.contains(name) ? (m_checkAgain.value(name) && inboxOnly) : inboxOnly;
        return;
    }
    m_checking.insert(name);
    Q_EMIT checkStarted(name);
    Q_EMIT busyChanged();
    runCheck(*a, inboxOnly);
}

void AccountSessions::runCheck(const Store::Account &a, bool inboxOnly)
{
    // Sync, pending $MDNSent stores, tracking scan, receipts folder (never a read receipt):
    // one exclusive job on the account's command connection.
    auto *check = new MailCheck(a, {}, m_db, this);
    if (inboxOnly)
        check->setFolderFilter(QStringLiteral("INBOX"));
    check->setAccountSession(session(a));
    connect(check, &MailCheck::folderStarted, this,
        [this, name = a.name](const QString &folder) { Q_EMIT folderStarted(name, folder); });
    connect(check, &MailCheck::folderFinished, this,
        [this, name = a.name](
            const FolderSyncResult &result) { Q_EMIT folderFinished(name, result); });
    connect(check, &MailCheck::finished, this, [this, check, a](const MailCheckReport &report) {
        check->deleteLater();
        m_checking.remove(a.name);
        if (report.ok() && m_monitoring && !m_closed)
            session(a)->startMonitoring();
        // What a big first sync left to the search index is indexed in the background.
        if (!m_closed)
            m_indexCatchUp->start();
        Q_EMIT checkFinished(a.name, report);
        // Queued mail goes out when the server can be reached again.
        flush(a.name, true);
        Q_EMIT busyChanged();
        if (m_checkAgain.contains(a.name))
            this->check(a.name, m_checkAgain.take(a.name));
    });
    check->start();
}

// --- the outbox -----------------------------------------------------------------------------

void AccountSessions::flush(const QString &name, bool now)
{
    if (m_closed)
        return;
    if (m_flushing.contains(name)) {
        m_flushAgain[name] = m_flushAgain.value(name) || now;
        return;
    }
    const std::optional<Store::Account> a = account(name);
    if (!a)
        return;
    OutboxStore store(m_db);
    bool anything = !store.sentCopiesDue(name, store.now()).isEmpty();
    for (const OutboxEntry &e : store.list(name)) {
        if (e.state == OutboxState::Queued
            && (now || !e.nextAttemptAt.isValid() || e.nextAttemptAt <= store.now()))
            anything = true;
    }
    if (!anything)
        return;
    runFlush(*a, now);
}

void AccountSessions::runFlush(const Store::Account &a, bool now)
{
    AccountSession *s = session(a);
    if (!s->credentials())
        return;
    // Taken before the password arrives, so a second flush() waits for this one.
    m_flushing.insert(a.name);
    withCredentials(
        s->credentials(), this,
        [this, a, now](const Credentials &credentials) {
            auto *real = new OutboxSender(a, credentials, m_db, this);
            real->setIgnoreBackoff(now);
            int due = 0;
            for (const OutboxEntry &e : real->store().list(a.name))
                due += e.state == OutboxState::Queued ? 1 : 0;
            const auto factory = [this, name = a.name](QObject *parent) -> Net::Transport * {
                auto *transport = new Net::SocketTransport(parent);
                connect(transport, &Net::Transport::certificateProblem, this,
                    [this, name, transport = QPointer<Net::Transport>(transport)](
                        const Net::CertificateProblem &p) {
                        askCertificate(name, p, [transport](Net::CertificateDecision d) {
                            if (transport)
                                transport->answerCertificate(d);
                        });
                    });
                return transport;
            };
            real->setSmtpTransportFactory(factory);
            real->setAccountSession(session(a)); // the Sent copy goes over the account's connection
            connect(
                real, &OutboxSender::certificateProblem, this, [](const Net::CertificateProblem &) {
                    // Answered through the transport (above).
                });
            connect(real, &OutboxSender::messageFinished, this,
                [this, name = a.name](qint64 id) { Q_EMIT messageSent(name, id); });
            connect(real, &OutboxSender::finished, this,
                [this, real, name = a.name](const OutboxFlushReport &report) {
                    real->deleteLater();
                    m_flushing.remove(name);
                    Q_EMIT flushFinished(name, report);
                    scheduleRetry();
                    Q_EMIT busyChanged();
                    if (m_flushAgain.contains(name))
                        flush(name, m_flushAgain.take(name));
                });
            Q_EMIT flushStarted(a.name, due);
            Q_EMIT busyChanged();
            real->flush();
        },
        [this, name = a.name](const CredentialError &error) {
            m_flushing.remove(name);
            Q_EMIT credentialsFailed(name, error);
            Q_EMIT busyChanged();
        });
}

void AccountSessions::scheduleRetry()
{
    OutboxStore store(m_db);
    QDateTime next;
    for (const OutboxEntry &e : store.list()) {
        if (e.state == OutboxState::Queued && e.nextAttemptAt.isValid()
            && (!next.isValid() || e.nextAttemptAt < next))
            next = e.nextAttemptAt;
    }
    if (!next.isValid() || m_closed) {
        m_retry->stop();
        return;
    }
    const qint64 ms = std::clamp<qint64>(store.now().msecsTo(next), 1000, 60 * 60 * 1000);
    m_retry->start(int(ms));
}

// --- messages -------------------------------------------------------------------------------

void AccountSessions::fetchBody(qint64 messageId)
{
    if (m_fetching.contains(messageId))
        return;
    const std::optional<Store::Account> a = accountOfMessage(messageId);
    if (!a) {
        BodyFetchResult result;
        result.messageId = messageId;
        result.gone = true;
        result.error = QCoreApplication::translate(
            "AccountSessions", "This message belongs to no account any more.");
        QMetaObject::invokeMethod(
            this, [this, result] { Q_EMIT bodyFetched(result); }, Qt::QueuedConnection);
        return;
    }
    m_fetching.insert(messageId);
    Q_EMIT busyChanged();
    auto *fetch = new BodyFetch(*a, {}, m_db, messageId, this);
    fetch->setAccountSession(session(*a));
    connect(fetch, &BodyFetch::finished, this, [this, fetch](const BodyFetchResult &result) {
        fetch->deleteLater();
        m_fetching.remove(result.messageId);
        Q_EMIT bodyFetched(result);
        Q_EMIT busyChanged();
    });
    fetch->start();
}

void AccountSessions::markRead(qint64 messageId)
{
    const std::optional<Store::Account> a = accountOfMessage(messageId);
    if (!a)
        return;
    auto *store
        = new FlagStore(*a, {}, m_db, messageId, { QByteArrayLiteral("\\Seen") }, true, this);
    store->setAccountSession(session(*a));
    connect(store, &FlagStore::finished, this, [this, store](qint64 id, const QString &error) {
        store->deleteLater();
        Q_EMIT markedRead(id, error);
    });
    store->start();
}

void AccountSessions::moveToTrash(qint64 messageId)
{
    const std::optional<Store::Account> a = accountOfMessage(messageId);
    if (!a)
        return;
    auto *move = new MoveToTrash(*a, {}, m_db, messageId, this);
    move->setAccountSession(session(*a));
    connect(move, &MoveToTrash::finished, this, [this, move](qint64 id, const QString &error) {
        move->deleteLater();
        Q_EMIT movedToTrash(id, error);
    });
    move->start();
}

void AccountSessions::storeFlags(const QList<qint64> &messageIds, const QByteArrayList &flags, bool add)
{
    for (const qint64 messageId : messageIds) {
        const std::optional<Store::Account> a = accountOfMessage(messageId);
        if (!a)
            continue;
        auto *store = new FlagStore(*a, {}, m_db, messageId, flags, add, this);
        store->setAccountSession(session(*a));
        connect(store, &FlagStore::finished, this, [this, store](qint64 id, const QString &error) {
            store->deleteLater();
            Q_EMIT flagsStored(id, error);
        });
        store->start();
    }
}

void AccountSessions::transfer(const QList<qint64> &messageIds, qint64 destinationFolderId, bool copy)
{
    const std::optional<Store::Folder> folder = Store::FolderRepository(m_db).findById(destinationFolderId);
    const std::optional<Store::Account> a
        = folder ? Store::AccountRepository(m_db).findById(folder->accountId) : std::nullopt;
    auto *transfer = new MessageTransfer(a ? session(*a) : nullptr, m_db, messageIds, destinationFolderId, copy, this);
    connect(transfer, &MessageTransfer::finished, this,
            [this, transfer, messageIds, destinationFolderId, copy](const QString &error) {
                transfer->deleteLater();
                Q_EMIT transferred(messageIds, destinationFolderId, copy, error);
            });
    transfer->start();
}

namespace {
std::optional<Store::Account> accountOfFolder(QSqlDatabase db, qint64 folderId)
{
    const std::optional<Store::Folder> folder = Store::FolderRepository(db).findById(folderId);
    return folder ? Store::AccountRepository(db).findById(folder->accountId) : std::nullopt;
}
} // namespace

void AccountSessions::createFolder(qint64 accountId, qint64 parentFolderId, const QString &name)
{
    const std::optional<Store::Account> a = Store::AccountRepository(m_db).findById(accountId);
    auto *change = new FolderChange(a ? session(*a) : nullptr, m_db, this);
    connect(change, &FolderChange::finished, this, [this, change](qint64 id, const QString &error) {
        change->deleteLater();
        Q_EMIT folderEdited(id, error);
    });
    if (!a) {
        QMetaObject::invokeMethod(
            this,
            [this, change] {
                change->deleteLater();
                Q_EMIT folderEdited(0, QCoreApplication::translate("AccountSessions", "That account is no longer there."));
            },
            Qt::QueuedConnection);
        return;
    }
    change->createFolder(parentFolderId, name);
}

void AccountSessions::renameFolder(qint64 folderId, const QString &name)
{
    const std::optional<Store::Account> a = accountOfFolder(m_db, folderId);
    auto *change = new FolderChange(a ? session(*a) : nullptr, m_db, this);
    connect(change, &FolderChange::finished, this, [this, change](qint64 id, const QString &error) {
        change->deleteLater();
        Q_EMIT folderEdited(id, error);
    });
    change->renameFolder(folderId, name);
}

void AccountSessions::deleteFolder(qint64 folderId)
{
    const std::optional<Store::Account> a = accountOfFolder(m_db, folderId);
    auto *change = new FolderChange(a ? session(*a) : nullptr, m_db, this);
    connect(change, &FolderChange::finished, this, [this, change](qint64 id, const QString &error) {
        change->deleteLater();
        Q_EMIT folderEdited(id, error);
    });
    change->deleteFolder(folderId);
}

void AccountSessions::uploadDraft(const QString &name, qint64 draftId)
{
    const std::optional<Store::Account> a = account(name);
    if (!a)
        return;
    auto *uploader = new DraftUploader(*a, {}, m_db, this);
    uploader->setAccountSession(session(*a));
    connect(uploader, &DraftUploader::finished, this,
        [this, uploader, draftId, name](const AppendResult &result) {
            uploader->deleteLater();
            Q_EMIT draftUploaded(name, draftId, result);
        });
    uploader->upload(draftId);
}

bool AccountSessions::send(const Store::Account &a, const Mime::OutgoingMessage &message,
    bool requestDeliveryReport, qint64 draftId, qint64 draftMessageId, QString *error)
{
    // Asked before queueing, which removes the local draft.
    const QList<qint64> draftCopiesOnServer = draftCopies(m_db, a, draftId, draftMessageId);
    if (!queueForSending(m_db, a, message, requestDeliveryReport,
            requestDeliveryReport ? Smtp::DsnNotify() : Smtp::DsnNotify::never(), draftId, error))
        return false;
    for (const qint64 copy : draftCopiesOnServer)
        moveToTrash(copy);
    flush(a.name, true);
    return true;
}

std::optional<qint64> AccountSessions::saveDraft(const Store::Account &a,
    const Mime::OutgoingMessage &message, qint64 draftId, QString *error)
{
    const std::optional<qint64> saved = Sync::saveDraft(m_db, a, message, draftId, error);
    if (saved)
        uploadDraft(a.name, *saved);
    return saved;
}

bool AccountSessions::sendReadReceipt(qint64 messageId, bool automatic, QString *error)
{
    const std::optional<Store::Account> a = accountOfMessage(messageId);
    if (!a) {
        *error = QCoreApplication::translate("AccountSessions", "This message belongs to no account any more.");
        return false;
    }
    ReadReceipts receipts(m_db);
    receipts.setPolicy(Tracking::SettingsStore(m_db).load().readReceiptPolicyFor(*a));
    if (!receipts.send(messageId, automatic, error))
        return false;
    flush(a->name, true);
    return true;
}

bool AccountSessions::ignoreReadReceipt(qint64 messageId, QString *error)
{
    ReadReceipts receipts(m_db);
    if (receipts.ignore(messageId))
        return true;
    *error = receipts.lastError();
    return false;
}

void AccountSessions::testConnection(const Store::Account &a, const Credentials &credentials, QObject *context,
    std::function<void(const ConnectionTestReport &report)> done)
{
    auto *test = new ConnectionTest(a, credentials, this);
    connect(test, &ConnectionTest::finished, context,
        [this, test, done = std::move(done), name = a.name](const ConnectionTestReport &report) {
            test->deleteLater();
            // What the server offers is known from now on: the composer's DSN warning and the
            // first message's encoding use it.
            if (report.smtpCapabilities && !name.isEmpty())
                SubmissionCapabilityStore(m_db).record(name, *report.smtpCapabilities);
            done(report);
        });
    test->start();
}

void AccountSessions::downloadForOffline(const QString &name)
{
    const std::optional<Store::Account> a = account(name);
    if (!a || m_offlineDownloads.contains(name) || m_closed)
        return;
    m_offlineDownloads.insert(name);
    auto *job = new Search::OfflineBodies(*a, m_db, this);
    job->setAccountSession(session(*a));
    job->setBatchSize(10); // small batches: a click waits for one batch at most
    job->setStoreOffThread(m_db.databaseName()); // GMime and FTS5 off the GUI thread
    connect(job, &Search::OfflineBodies::finished, this,
        [this, job, name](const Search::OfflineBodiesResult &result) {
            job->deleteLater();
            m_offlineDownloads.remove(name);
            Q_EMIT offlineDownloadFinished(name, result.downloaded);
        });
    job->start();
}

} // namespace Mailtrail::Sync
