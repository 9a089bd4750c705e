// SPDX-License-Identifier: GPL-3.0-or-later
#include "MailController.h"

#include "AccountPasswords.h"
#include "ActivityIndicator.h"
#include "AppContext.h"
#include "CertificateDialog.h"
#include "FolderActions.h"
#include "MainWindow.h"
#include "MessageActions.h"
#include "SessionResults.h"
#include "sync/AccountSessions.h"

#include <QStatusBar>

namespace Mailtrail::Ui {

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
    wireResults();
    wireFolderActions();

    connect(&m_window, &MainWindow::sendRequested, this, &MailController::send);
    connect(&m_window, &MainWindow::syncRequested, this, &MailController::checkMail);
    connect(&m_window, &MainWindow::bodyRequested, this, &MailController::fetchBody);
    connect(&m_window, &MainWindow::accountPasswordChanged, this,
        [this](const QString &account, const QString &password) { m_passwords->store(account, password); });
    connect(&m_window, &MainWindow::accountRemoved, m_passwords, &AccountPasswords::removeSecret);
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

/// What the sessions finished goes to the window (SessionResults) and on to our signals.
void MailController::wireResults()
{
    auto *results = new SessionResults(*m_sessions, m_window, m_context, this);
    connect(results, &SessionResults::checkFinished, this, &MailController::checkFinished);
    connect(results, &SessionResults::messageSent, this, &MailController::messageSent);
    connect(results, &SessionResults::flushFinished, this, &MailController::flushFinished);
    connect(results, &SessionResults::bodyFetched, this, &MailController::bodyFetched);
    connect(results, &SessionResults::draftUploaded, this, &MailController::draftUploaded);
    connect(results, &SessionResults::messageDeleted, this, &MailController::messageDeleted);
    connect(results, &SessionResults::messageMarkedRead, this, &MailController::messageMarkedRead);
    connect(results, &SessionResults::flagsStored, this, &MailController::flagsStored);
    connect(results, &SessionResults::messagesTransferred, this, &MailController::messagesTransferred);
    connect(results, &SessionResults::folderEdited, this, &MailController::folderEdited);
    connect(results, &SessionResults::newMailArrived, this, &MailController::newMailArrived);
}

bool MailController::isBusy() const
{
    return m_activity->isBusy();
}

/// The window's folder and message actions (issue 19) to the sessions.
void MailController::wireFolderActions()
{
    MessageActions *messages = m_window.messageActions();
    connect(messages, &MessageActions::flagsRequested, this,
        [this](const QList<qint64> &ids, const QByteArrayList &flags, bool add) {
            m_sessions->storeFlags(ids, flags, add);
            // The local cache has it already: the list shows it at once.
            QMetaObject::invokeMethod(&m_window, &MainWindow::reload, Qt::QueuedConnection);
        });
    connect(messages, &MessageActions::transferRequested, m_sessions, &Sync::AccountSessions::transfer);
    FolderActions *folders = m_window.folderActions();
    connect(folders, &FolderActions::createRequested, m_sessions, &Sync::AccountSessions::createFolder);
    connect(folders, &FolderActions::renameRequested, m_sessions, &Sync::AccountSessions::renameFolder);
    connect(folders, &FolderActions::deleteRequested, m_sessions, &Sync::AccountSessions::deleteFolder);
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
