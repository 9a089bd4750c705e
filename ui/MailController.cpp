// SPDX-License-Identifier: GPL-3.0-or-later
#include "MailController.h"

#include "AccountPasswords.h"
#include "ActivityIndicator.h"
#include "AppContext.h"
#include "CertificateDialog.h"
#include "FolderActions.h"
#include "MainWindow.h"
#include "MessageActions.h"
#include "MessageBar.h"
#include "SearchPane.h"
#include "SendOutcome.h"
#include "sync/AccountSessions.h"
#include "sync/OutboxQueue.h"

#include <QLoggingCategory>
#include <QStatusBar>

namespace Mailtrail::Ui {

namespace {
Q_LOGGING_CATEGORY(lcController, "mailtrail.ui.controller", QtWarningMsg)
}

MailController::MailController(
    AppContext &context, MainWindow &window, const QString &passwordService, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_window(window)
    , m_passwords(new AccountPasswords(passwordService, &window, this))
    , m_sessions(new Sync::AccountSessions(
          context.database().connection(),
          [this](const Store::Account &a) { return m_passwords->source(a); }, this))
    , m_activity(new ActivityIndicator(*m_sessions, *window.statusBar(), this))
{
    m_certificatePrompt = [this](const Net::CertificateProblem &problem, auto answer) {
        CertificateDialog::ask(problem, &m_window, std::move(answer));
    };
    m_sessions->setCertificatePrompt([this](const QString &, const Net::CertificateProblem &problem,
                                         std::function<void(Net::CertificateDecision)> answer) {
        m_certificatePrompt(problem, [this, problem, answer](Net::CertificateDecision decision) {
            if (decision == Net::CertificateDecision::Reject)
                m_window.showError(
                    tr("The certificate of %1 was rejected, so Mailtrail did not connect to it.")
                        .arg(problem.host));
            answer(decision);
        });
    });
    connect(m_passwords, &AccountPasswords::unavailable, this,
        [this](const QString &account, const QString &reason) {
            m_window.showError(tr("Mailtrail cannot connect to %1 without its password: %2").arg(account, reason));
        });
    // The server refused the password: a bar asks for it again; a new one is kept (keychain,
    // or this session when the keychain cannot) and the account is checked with it.
    connect(m_passwords, &AccountPasswords::passwordRefused, this,
        [this](const QString &account, const QString &reason) { m_window.showPasswordBar(account, reason); });
    connect(&m_window, &MainWindow::passwordEnteredAgain, this,
        [this](const QString &account, const QString &password) {
            m_passwords->store(account, password);
            checkAccount(account);
        });
    connect(m_passwords, &AccountPasswords::signInAgain, this,
        [this](const QString &account, const QString &reason) { m_window.showSignInAgain(account, reason); });
    connect(&m_window, &MainWindow::signedInAgain, this,
        [this](const Store::Account &account, const QString &refreshToken) {
            m_passwords->storeRefreshToken(account, refreshToken);
            checkAccount(account.name);
        });
    connect(m_passwords, &AccountPasswords::warning, &m_window, &MainWindow::showError);
    wireSessions();
    wireFolderActions();

    connect(&m_window, &MainWindow::sendRequested, this, &MailController::send);
    connect(&m_window, &MainWindow::syncRequested, this, &MailController::checkMail);
    connect(&m_window, &MainWindow::bodyRequested, this, &MailController::fetchBody);
    connect(&m_window, &MainWindow::accountPasswordChanged, this,
        [this](const QString &account, const QString &password) { m_passwords->store(account, password); });
    connect(&m_window, &MainWindow::accountAdded, this,
        [this](const Store::Account &a, const QString &password) {
            if (a.isOAuth2()) // the assistant's "password" is the refresh token of its sign-in
                m_passwords->storeRefreshToken(a, password);
            else
                m_passwords->store(a.name, password);
            checkAccount(a.name);
        });
    connect(
        &m_window, &MainWindow::readReceiptSendRequested, this, &MailController::sendReadReceipt);
    connect(&m_window, &MainWindow::readReceiptIgnored, this, [this](qint64 messageId) {
        if (QString error; !m_sessions->ignoreReadReceipt(messageId, &error))
            m_window.showError(tr("Mailtrail could not remember that you ignored this read receipt: %1").arg(error));
    });
    connect(
        &m_window, &MainWindow::deleteRequested, m_sessions, &Sync::AccountSessions::moveToTrash);
    connect(&m_window, &MainWindow::messageRead, this, [this](qint64 messageId) {
        m_sessions->markRead(messageId);
        // The local cache has it already: the list shows it read (not from inside the
        // selection change that led here).
        QMetaObject::invokeMethod(&m_window, &MainWindow::reload, Qt::QueuedConnection);
    });
    connect(&m_window, &MainWindow::outboxFlushRequested, this,
        [this](const QString &account) { flushOutbox(account, true); });
    connect(&m_window, &MainWindow::draftSaveRequested, this,
        [this](const OutgoingRequest &request, ComposerDialog *composer) {
            const qint64 id = saveDraft(request, composer ? composer->draftId() : 0);
            if (id != 0 && composer)
                composer->setDraftId(id);
        });
    m_window.setConnectionTester([this](const Store::Account &account, const QString &password,
                                     std::function<void(const ConnectionTestResult &)> done) {
        testConnection(account, password, std::move(done));
    });
}

MailController::~MailController()
{
    m_sessions->close();
}

void MailController::setMonitoringEnabled(bool enabled)
{
    m_sessions->setMonitoringEnabled(enabled);
}

/// What the sessions report, shown in the window.
void MailController::wireSessions()
{
    connect(m_sessions, &Sync::AccountSessions::folderFinished, this,
        [this](const QString &, const Sync::FolderSyncResult &result) {
            if (result.added > 0)
                m_window.reload(); // a first sync of a big folder shows messages as they arrive
        });
    connect(m_sessions, &Sync::AccountSessions::checkFinished, this,
        [this](const QString &name, const Sync::MailCheckReport &report) {
            // While a bar asks for the account's password or sign-in, the failure is no news.
            if (!report.ok() && !m_window.isAskingAbout(name))
                m_window.showError(
                    tr("Checking mail of %1 failed: %2").arg(name, report.sync.errorMessage()));
            for (const QString &e : report.errors)
                qCWarning(lcController) << name << e;
            for (const QString &e : report.tracking.errors)
                qCWarning(lcController) << name << "tracking:" << e;
            if (report.ok()) {
                m_window.statusBar()->showMessage(tr("Mail of %1 checked.").arg(name), 4000);
                m_sessions->downloadForOffline(name);
            }
            m_window.reload();
            Q_EMIT checkFinished(name, report.ok());
        });
    connect(m_sessions, &Sync::AccountSessions::folderChanged, this,
        [this](const QString &name, const Sync::FolderSyncResult &result) {
            m_window.reload();
            if (result.added > 0)
                Q_EMIT newMailArrived(name);
        });
    // The IDLE connection stops when even a renewed token is refused: the same bar as for
    // the command connection (showing it twice replaces it).
    connect(m_sessions, &Sync::AccountSessions::credentialsFailed, this,
        [this](const QString &name, const Sync::CredentialError &error) {
            if (error.kind == Sync::CredentialError::Kind::SignInAgain)
                m_window.showSignInAgain(name, error.message);
        });
    connect(m_sessions, &Sync::AccountSessions::monitorLost, this,
        [this](const QString &name, const QString &reason, int retryMs) {
            m_window.statusBar()->showMessage(
                tr("The connection of %1 was lost (%2); retrying in %3 s.")
                    .arg(name, reason)
                    .arg(retryMs / 1000),
                8000);
        });
    connect(m_sessions, &Sync::AccountSessions::messageSent, this, [this](const QString &, qint64 id) {
        if (const std::optional<Sync::OutboxEntry> entry = m_context.outbox().entry(id))
            showSendOutcome(m_window, *entry);
        m_window.reload();
        Q_EMIT messageSent(id);
    });
    connect(m_sessions, &Sync::AccountSessions::offlineDownloadFinished, this, [this](const QString &, int downloaded) {
        if (downloaded > 0)
            m_window.searchPane()->refresh();
    });
    connect(m_sessions, &Sync::AccountSessions::flushFinished, this,
        [this](const QString &name, const Sync::OutboxFlushReport &report) {
            showFlushOutcome(m_window, report);
            m_window.reload();
            Q_EMIT flushFinished(name);
        });
    connect(m_sessions, &Sync::AccountSessions::bodyFetched, this,
        [this](const Sync::BodyFetchResult &result) {
            if (result.ok)
                m_window.bodyArrived(result.messageId);
            else if (result.offline)
                m_window.bodyUnavailable(result.messageId,
                    tr("This message has not been downloaded yet, and the server cannot be "
                       "reached: %1")
                        .arg(result.error));
            else
                m_window.bodyUnavailable(result.messageId,
                    tr("This message could not be downloaded: %1").arg(result.error));
            Q_EMIT bodyFetched(result.messageId, result.ok);
        });
    connect(m_sessions, &Sync::AccountSessions::markedRead, this,
        [this](qint64 id, const QString &error) {
            if (!error.isEmpty())
                qCWarning(lcController) << "marking a message read on the server failed:" << error;
            Q_EMIT messageMarkedRead(id, error.isEmpty());
        });
    connect(m_sessions, &Sync::AccountSessions::movedToTrash, this,
        [this](qint64 id, const QString &error) {
            if (!error.isEmpty())
                m_window.showError(tr("The message could not be deleted: %1").arg(error));
            else
                m_window.statusBar()->showMessage(tr("Moved to the Trash."), 4000);
            m_window.reload();
            Q_EMIT messageDeleted(id, error.isEmpty());
        });
    connect(m_sessions, &Sync::AccountSessions::draftUploaded, this,
        [this](const QString &name, qint64 id, const Sync::AppendResult &result) {
            if (!result.ok)
                m_window.statusBar()->showMessage(
                    tr("The draft is saved on this computer; the copy on the server failed: %1")
                        .arg(result.error),
                    8000);
            else
                checkAccount(name); // the Drafts folder shows it
            Q_EMIT draftUploaded(id, result.ok);
        });
}

bool MailController::isBusy() const
{
    return m_activity->isBusy();
}

void MailController::wireFolderActions()
{
    MessageActions *messages = m_window.messageActions();
    connect(messages, &MessageActions::flagsRequested, this,
        [this](const QList<qint64> &ids, const QByteArrayList &flags, bool add) {
            m_sessions->storeFlags(ids, flags, add);
            // The local cache has it already: the list shows it at once.
            QMetaObject::invokeMethod(&m_window, &MainWindow::reload, Qt::QueuedConnection);
        });
    connect(m_sessions, &Sync::AccountSessions::flagsStored, this, [this](qint64 id, const QString &error) {
        if (!error.isEmpty())
            m_window.statusBar()->showMessage(
                tr("The change is kept on this computer; the server did not take it: %1").arg(error), 8000);
        Q_EMIT flagsStored(id, error.isEmpty());
    });
    connect(messages, &MessageActions::transferRequested, m_sessions, &Sync::AccountSessions::transfer);
    connect(m_sessions, &Sync::AccountSessions::transferred, this,
        [this](const QList<qint64> &ids, qint64, bool copy, const QString &error) {
            if (!error.isEmpty())
                m_window.showError(copy ? tr("The messages could not be copied: %1").arg(error)
                                        : tr("The messages could not be moved: %1").arg(error));
            else
                m_window.statusBar()->showMessage(copy ? tr("%n message(s) copied.", nullptr, int(ids.size()))
                                                       : tr("%n message(s) moved.", nullptr, int(ids.size())),
                    4000);
            m_window.reload();
            Q_EMIT messagesTransferred(ids, error.isEmpty());
        });
    FolderActions *folders = m_window.folderActions();
    connect(folders, &FolderActions::createRequested, m_sessions, &Sync::AccountSessions::createFolder);
    connect(folders, &FolderActions::renameRequested, m_sessions, &Sync::AccountSessions::renameFolder);
    connect(folders, &FolderActions::deleteRequested, m_sessions, &Sync::AccountSessions::deleteFolder);
    connect(m_sessions, &Sync::AccountSessions::folderEdited, this, [this](qint64 id, const QString &error) {
        if (!error.isEmpty())
            m_window.showError(tr("The folder could not be changed: %1").arg(error));
        else
            m_window.statusBar()->showMessage(tr("Folders updated."), 4000);
        m_window.reload();
        Q_EMIT folderEdited(id, error.isEmpty());
    });
}

void MailController::start()
{
    for (const Store::Account &a : m_sessions->accounts())
        checkAccount(a.name);
}

void MailController::checkMail()
{
    const QList<Store::Account> accounts = m_sessions->accounts();
    if (accounts.isEmpty()) {
        m_window.showError(
            tr("There is no account to check. Use Settings → Add Account to add one."));
        return;
    }
    for (const Store::Account &a : accounts)
        checkAccount(a.name);
}

void MailController::checkAccount(const QString &name, bool inboxOnly)
{
    m_sessions->check(name, inboxOnly);
}

void MailController::send(const OutgoingRequest &request)
{
    const std::optional<Store::Account> a = m_sessions->account(request.account);
    QString error = tr("The message was not sent: there is no account named %1.").arg(request.account);
    if (a && m_sessions->send(*a, request.message, request.requestDeliveryReport, request.draftId,
                              request.draftMessageId, &error)) {
        m_window.statusBar()->showMessage(tr("“%1” is in the outbox; sending…").arg(request.message.subject), 4000);
        m_window.reload();
        return;
    }
    m_window.showError(error);
}

void MailController::flushOutbox(const QString &account, bool now)
{
    m_sessions->flush(account, now);
}

void MailController::fetchBody(qint64 messageId)
{
    m_sessions->fetchBody(messageId);
}

void MailController::sendReadReceipt(qint64 messageRowId, bool automatic)
{
    if (QString error; !m_sessions->sendReadReceipt(messageRowId, automatic, &error)) {
        // An automatic one that is not due (already answered) is no news for the user.
        if (!automatic)
            m_window.showError(tr("The read receipt was not sent: %1").arg(error));
        return;
    }
    m_window.statusBar()->showMessage(automatic ? tr("A read receipt was sent, as the account's settings say.")
                                                : tr("The read receipt is in the outbox; sending…"),
                                      5000);
    Q_EMIT readReceiptQueued(messageRowId);
}

qint64 MailController::saveDraft(const OutgoingRequest &request, qint64 draftId)
{
    const std::optional<Store::Account> a = m_sessions->account(request.account);
    QString error = tr("The draft was not saved: there is no account named %1.").arg(request.account);
    const std::optional<qint64> saved = a ? m_sessions->saveDraft(*a, request.message, draftId, &error) : std::nullopt;
    if (!saved) {
        m_window.showError(error);
        return 0;
    }
    m_window.statusBar()->showMessage(tr("Draft saved."), 4000);
    return *saved;
}

void MailController::testConnection(const Store::Account &a, const QString &password,
    std::function<void(const ConnectionTestResult &)> done)
{
    // An OAuth2 account is tested with the access token of the assistant's sign-in.
    const auto credentials = a.isOAuth2() ? Sync::Credentials::oauth2(password) : Sync::Credentials::password(password);
    m_sessions->testConnection(a, credentials, this, [done](const Sync::ConnectionTestReport &report) {
        done({report.ok(), report.error, report.certificate, report.dsnSupported});
    });
}

} // namespace Mailtrail::Ui
