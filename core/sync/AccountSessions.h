// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/Certificate.h"
#include "store/Account.h"
#include "sync/BodyFetch.h"
#include "sync/ConnectionTest.h"
#include "sync/Credentials.h"
#include "sync/FolderSync.h"
#include "sync/ImapAppend.h"
#include "mime/OutgoingMessage.h"
#include "sync/MailCheck.h"
#include "sync/OutboxSender.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QSqlDatabase>
#include <functional>
#include <optional>

class QTimer;

namespace Mailtrail::Search {
class IndexCatchUp;
class IndexMaintainer;
}

namespace Mailtrail::Sync {

class AccountSession;

/// Every account's AccountSession and what runs on it, for one profile: what the GUI asks
/// for in the user's name, with the decisions that used to live in the window.
///  - check(): a MailCheck on the account's command connection, one at a time per account
///    (asked again while one runs, it runs once more afterwards); after a good check the
///    IDLE connection (when enabled) and the outbox;
///  - flush(): the account's outbox (OutboxSender, Sent copies over the session), one at a
///    time per account likewise, and a timer for the next retry the outbox scheduled;
///  - fetchBody(), markRead(), moveToTrash(), uploadDraft(): one job each on the session;
///  - certificates the system does not trust go to the prompt; "trust" pins them for the
///    account (the next connection does not ask again).
/// Nothing here knows about widgets; the GUI connects its status bar and dialogs.
class AccountSessions : public QObject
{
    Q_OBJECT
public:
    using CredentialFactory = std::function<CredentialSource *(const Store::Account &account)>;
    /// Decides an untrusted certificate: call @p answer once (default: reject).
    using CertificatePrompt
        = std::function<void(const QString &account, const Net::CertificateProblem &problem,
            std::function<void(Net::CertificateDecision)> answer)>;

    AccountSessions(QSqlDatabase db, CredentialFactory credentials, QObject *parent = nullptr);
    ~AccountSessions() override;

    void setCertificatePrompt(CertificatePrompt prompt) { m_prompt = std::move(prompt); }
    /// Keep an IDLE connection per account after its first good check (default on).
    void setMonitoringEnabled(bool enabled) { m_monitoring = enabled; }

    /// The account's session, made on first use.
    [[nodiscard]] AccountSession *session(const Store::Account &account);
    [[nodiscard]] std::optional<Store::Account> account(const QString &name) const;
    [[nodiscard]] std::optional<Store::Account> accountOfMessage(qint64 messageId) const;
    [[nodiscard]] QList<Store::Account> accounts() const;

    void check(const QString &account, bool inboxOnly = false);
    /// Sends what is due in the account's outbox; @p now: ignore the backoff (the user asked).
    void flush(const QString &account, bool now);
    void fetchBody(qint64 messageId);
    /// \Seen: locally at once, then on the server.
    void markRead(qint64 messageId);
    void moveToTrash(qint64 messageId);
    /// Adds (@p add) or removes @p flags (\Seen, \Flagged…) of each message: locally at
    /// once, then on the server (one FlagStore each, pipelined).
    void storeFlags(const QList<qint64> &messageIds, const QByteArrayList &flags, bool add);
    /// Moves (or copies) messages into folder @p destinationFolderId of their account.
    void transfer(const QList<qint64> &messageIds, qint64 destinationFolderId, bool copy);
    /// Folder changes on the account's session (FolderChange); the answer is folderChanged().
    void createFolder(qint64 accountId, qint64 parentFolderId, const QString &name);
    void renameFolder(qint64 folderId, const QString &name);
    void deleteFolder(qint64 folderId);
    /// Stores a saved draft (Sync::saveDraft) in the account's Drafts folder.
    void uploadDraft(const QString &account, qint64 draftId);

    /// Builds @p message into the account's outbox (the one send pipeline, before any
    /// network), moves the copies of the draft it was edited from (@p draftId locally,
    /// @p draftMessageId cached from the server) to the Trash, and sends it now. False with
    /// *error in words when it could not be queued (nothing is sent then).
    [[nodiscard]] bool send(const Store::Account &account, const Mime::OutgoingMessage &message,
        bool requestDeliveryReport, qint64 draftId, qint64 draftMessageId, QString *error);
    /// Saves a draft on this computer (a new one for @p draftId 0) and uploads it to the
    /// Drafts folder; its id, or nothing with *error.
    [[nodiscard]] std::optional<qint64> saveDraft(const Store::Account &account,
        const Mime::OutgoingMessage &message, qint64 draftId, QString *error);
    /// Queues the read receipt a cached message asks for, under the account's read-receipt
    /// policy from the profile's settings, and sends it. False with *error when none is due.
    [[nodiscard]] bool sendReadReceipt(qint64 messageId, bool automatic, QString *error);
    /// Remembers that the user declined the message's read-receipt request.
    [[nodiscard]] bool ignoreReadReceipt(qint64 messageId, QString *error);
    /// Tries an account's settings (IMAP login, SMTP AUTH) on connections of their own, as the
    /// account assistant does before the account exists; what the submission server offers
    /// is recorded for the account's name. @p done is called once, in @p context's thread.
    void testConnection(const Store::Account &account, const Credentials &credentials, QObject *context,
        std::function<void(const ConnectionTestReport &report)> done);
    /// Downloads the bodies of the account's recent mail for offline reading and search
    /// (Search::OfflineBodies, over the account's session); once at a time per account.
    void downloadForOffline(const QString &account);

    [[nodiscard]] bool isChecking(const QString &account) const
    {
        return m_checking.contains(account);
    }
    [[nodiscard]] bool isCheckingAny() const { return !m_checking.isEmpty(); }
    [[nodiscard]] bool isSending() const;
    [[nodiscard]] bool isFetching() const { return !m_fetching.isEmpty(); }
    /// Logs out everywhere; nothing new starts.
    void close();
    /// Merges the search index in the background once idle (made on the first change).
    [[nodiscard]] Search::IndexMaintainer *indexMaintainer() const { return m_indexMaintainer; }

Q_SIGNALS:
    void checkStarted(const QString &account);
    void folderStarted(const QString &account, const QString &folder);
    void folderFinished(const QString &account, const Mailtrail::Sync::FolderSyncResult &result);
    void checkFinished(const QString &account, const Mailtrail::Sync::MailCheckReport &report);
    /// A flush starts with @p due queued messages.
    void flushStarted(const QString &account, int due);
    /// One message of a flush ended (read its state from the outbox).
    void messageSent(const QString &account, qint64 outboxId);
    void flushFinished(const QString &account, const Mailtrail::Sync::OutboxFlushReport &report);
    void bodyFetched(const Mailtrail::Sync::BodyFetchResult &result);
    /// @p error is empty when the server has it too.
    void markedRead(qint64 messageId, const QString &error);
    void movedToTrash(qint64 messageId, const QString &error);
    /// One message's flags changed (@p error empty when the server has them too).
    void flagsStored(qint64 messageId, const QString &error);
    /// A transfer() ended; @p error empty when every message arrived.
    void transferred(const QList<qint64> &messageIds, qint64 destinationFolderId, bool copy, const QString &error);
    /// A folder change ended; @p error (the server's words) empty on success.
    void folderEdited(qint64 folderId, const QString &error);
    void draftUploaded(
        const QString &account, qint64 draftId, const Mailtrail::Sync::AppendResult &result);
    /// The IDLE connection brought changes to the monitored folder.
    void folderChanged(const QString &account, const Mailtrail::Sync::FolderSyncResult &result);
    void monitorLost(const QString &account, const QString &reason, int retryInMs);
    /// No password or token could be had for the account.
    void credentialsFailed(const QString &account, const Mailtrail::Sync::CredentialError &error);
    /// Something started or ended (checks, flushes, downloads).
    void busyChanged();
    /// A downloadForOffline() ended with @p downloaded new bodies.
    void offlineDownloadFinished(const QString &account, int downloaded);
    /// The search index caught up with @p indexed messages or bodies a sync left to it.
    void searchIndexCaughtUp(qint64 indexed);

private:
    void askCertificate(const QString &account, const Net::CertificateProblem &problem,
        std::function<void(Net::CertificateDecision)> answer);
    void runCheck(const Store::Account &account, bool inboxOnly);
    void runFlush(const Store::Account &account, bool now);
    void scheduleRetry();
    void indexChanged();

    QSqlDatabase m_db;
    CredentialFactory m_credentials;
    CertificatePrompt m_prompt;
    /// Answers waiting for the certificate question on screen, by account and fingerprint:
    /// several connections meeting the same certificate ask the user once.
    QHash<QString, QList<std::function<void(Net::CertificateDecision)>>> m_certificateWaiting;
    bool m_monitoring = true;
    bool m_closed = false;
    QHash<QString, QPointer<AccountSession>> m_sessions;
    QSet<QString> m_checking;
    QHash<QString, bool> m_checkAgain; ///< account → check again (inbox only?)
    QSet<QString> m_flushing;
    QHash<QString, bool> m_flushAgain; ///< account → flush again after the running one (now?)
    QSet<qint64> m_fetching;
    QSet<QString> m_offlineDownloads;
    QTimer *m_retry;
    Search::IndexCatchUp *m_indexCatchUp;
    Search::IndexMaintainer *m_indexMaintainer = nullptr;
};

} // namespace Mailtrail::Sync
