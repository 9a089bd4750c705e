// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AccountAssistant.h"
#include "ComposerDialog.h"
#include "net/Certificate.h"
#include "store/Account.h"

#include <QList>
#include <QObject>
#include <QString>
#include <functional>

namespace Mailtrail::Sync {
class AccountSessions;
struct OutboxEntry;
} // namespace Mailtrail::Sync

namespace Mailtrail::Ui {

class AccountPasswords;
class ActivityIndicator;
class AppContext;
class MainWindow;

/// Wiring between the main window and core's Sync::AccountSessions (one live session per
/// account; checks, sending and retries, bodies, flags, deletes and drafts are decided
/// there): the window's requests go to core, core's questions to dialogs (certificates,
/// passwords); what the sessions finished is shown by SessionResults, whose signals this
/// class passes on, and what runs by ActivityIndicator. Everything runs on the GUI
/// thread; nothing blocks and there is no nested event loop except the modal dialogs a user
/// answers.
class MailController : public QObject
{
    Q_OBJECT
public:
    /// @p context and @p window must outlive the controller. @p passwordService namespaces
    /// the keychain entries (empty: the application's).
    MailController(AppContext &context, MainWindow &window, const QString &passwordService = {},
        QObject *parent = nullptr);
    ~MailController() override;

    /// How a certificate the system does not trust is decided: default a CertificateDialog.
    /// @p answer is called once.
    using CertificatePrompt = std::function<void(const Net::CertificateProblem &problem,
        std::function<void(Net::CertificateDecision)> answer)>;
    void setCertificatePrompt(CertificatePrompt prompt) { m_certificatePrompt = std::move(prompt); }
    /// Keep an IDLE connection per account after its first check (default on).
    void setMonitoringEnabled(bool enabled);
    [[nodiscard]] AccountPasswords &passwords() { return *m_passwords; }

    /// At start-up: checks every account (if there is any) and sends what waited.
    void start();
    /// Checks every account (the window's F5).
    void checkMail();
    /// Checks one account; @p inboxOnly after an IDLE wake-up.
    void checkAccount(const QString &account, bool inboxOnly = false);
    /// Stores the message in the outbox (before any network), then sends it.
    void send(const OutgoingRequest &request);
    /// Sends what is due in @p account's outbox; @p now: ignore the backoff (the user asked).
    void flushOutbox(const QString &account, bool now);
    /// Downloads a message's body for the viewer.
    void fetchBody(qint64 messageId);
    /// Saves a draft locally and to the IMAP Drafts folder; returns the draft id (0: failed).
    qint64 saveDraft(const OutgoingRequest &request, qint64 draftId);

    /// Tries an account's settings (the assistant's Test button): IMAP login, SMTP AUTH.
    void testConnection(const Store::Account &account, const QString &password,
        std::function<void(const ConnectionTestResult &)> done);

    /// Accounts with a check, a send or a download running.
    [[nodiscard]] bool isBusy() const;

Q_SIGNALS:
    void checkFinished(const QString &account, bool ok);
    /// One message of an outbox flush ended (read its state from the outbox).
    void messageSent(qint64 outboxId);
    void flushFinished(const QString &account);
    void bodyFetched(qint64 messageId, bool ok);
    void draftUploaded(qint64 draftId, bool ok);
    void messageDeleted(qint64 messageId, bool ok);
    /// A shown message was marked \Seen (@p ok: on the server too).
    void messageMarkedRead(qint64 messageId, bool ok);
    /// The flags of a message were changed from the window (@p ok: on the server too).
    void flagsStored(qint64 messageId, bool ok);
    /// Messages were moved or copied from the window (@p ok: all of them).
    void messagesTransferred(const QList<qint64> &messageIds, bool ok);
    /// A folder was created, renamed or deleted from the window (@p ok: on the server).
    void folderEdited(qint64 folderId, bool ok);
    /// A read receipt for the message with this cache id is in the outbox.
    void readReceiptQueued(qint64 messageId);
    /// A new message arrived through IDLE and the list was refreshed.
    void newMailArrived(const QString &account);

private:
    void wireResults();
    void wireFolderActions();
    void sendReadReceipt(qint64 messageRowId, bool automatic);

    AppContext &m_context;
    MainWindow &m_window;
    AccountPasswords *m_passwords;
    Sync::AccountSessions *m_sessions;
    CertificatePrompt m_certificatePrompt;
    ActivityIndicator *m_activity;
};

} // namespace Mailtrail::Ui
