// SPDX-License-Identifier: GPL-3.0-or-later
#include "MailController.h"

#include "AccountPasswords.h"
#include "AppContext.h"
#include "CertificateDialog.h"
#include "MainWindow.h"
#include "MessageBar.h"
#include "SearchPane.h"
#include "search/OfflineBodies.h"
#include "sync/AccountSessions.h"
#include "sync/ConnectionTest.h"
#include "sync/ReadReceipts.h"
#include "sync/SendPipeline.h"
#include "sync/SubmissionCapabilities.h"

#include <QLabel>
#include <QLocale>
#include <QLoggingCategory>
#include <QProgressBar>
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
    , m_progress(new QProgressBar(&window))
    , m_activity(new QLabel(&window))
{
    m_certificatePrompt = [this](const Net::CertificateProblem &problem,
                              std::function<void(Net::CertificateDecision)> answer) {
        auto *dialog = new CertificateDialog(problem, &m_window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &CertificateDialog::decided, this,
            [answer](Net::CertificateDecision d) { answer(d); });
        dialog->open();
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
    m_progress->setObjectName(QStringLiteral("activityProgress"));
    m_progress->setMaximumWidth(160);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_activity->setObjectName(QStringLiteral("activityLabel"));
    m_window.statusBar()->addPermanentWidget(m_activity);
    m_window.statusBar()->addPermanentWidget(m_progress);

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
    connect(m_passwords, &AccountPasswords::warning, this,
        [this](const QString &text) { m_window.showError(text); });
    wireSessions();

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
    connect(&m_window, &MainWindow::readReceiptIgnored, this, &MailController::ignoreReadReceipt);
    connect(
        &m_window, &MainWindow::deleteRequested, m_sessions, &Sync::AccountSessions::moveToTrash);
    connect(&m_window, &MainWindow::messageRead, this, [this](qint64 messageId) {
        m_sessions->markRead(messageId);
        // The local cache has it already: the list shows it read (not from inside the
        // selection change that led here).
        QMetaObject::invokeMethod(this, &MailController::refreshWindow, Qt::QueuedConnection);
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
    connect(m_sessions, &Sync::AccountSessions::busyChanged, this, &MailController::busyChanged);
    connect(m_sessions, &Sync::AccountSessions::checkStarted, this, [this](const QString &name) {
        m_progress->setRange(0, 0); // busy: the number of folders is known only after LIST
        m_activity->setText(tr("Checking %1…").arg(name));
    });
    connect(m_sessions, &Sync::AccountSessions::folderStarted, this,
        [this](const QString &name, const QString &folder) {
            m_activity->setText(tr("Checking %1: %2…").arg(name, folder));
        });
    connect(m_sessions, &Sync::AccountSessions::folderFinished, this,
        [this](const QString &, const Sync::FolderSyncResult &result) {
            if (result.added > 0)
                refreshWindow(); // a first sync of a big folder shows messages as they arrive
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
                downloadForOffline(name);
            }
            refreshWindow();
            Q_EMIT checkFinished(name, report.ok());
        });
    connect(m_sessions, &Sync::AccountSessions::folderChanged, this,
        [this](const QString &name, const Sync::FolderSyncResult &result) {
            refreshWindow();
            if (result.added > 0)
                Q_EMIT newMailArrived(name);
        });
    connect(m_sessions, &Sync::AccountSessions::monitorLost, this,
        [this](const QString &name, const QString &reason, int retryMs) {
            m_window.statusBar()->showMessage(
                tr("The connection of %1 was lost (%2); retrying in %3 s.")
                    .arg(name, reason)
                    .arg(retryMs / 1000),
                8000);
        });
    connect(
        m_sessions, &Sync::AccountSessions::flushStarted, this, [this](const QString &, int due) {
            m_sendTotal += due;
            m_progress->setRange(0, std::max(1, m_sendTotal));
            m_progress->setValue(m_sendDone);
            if (due > 0)
                m_activity->setText(tr("Sending %1 of %2…").arg(m_sendDone + 1).arg(m_sendTotal));
        });
    connect(
        m_sessions, &Sync::AccountSessions::messageSent, this, [this](const QString &, qint64 id) {
            ++m_sendDone;
            m_progress->setValue(m_sendDone);
            if (m_sendDone < m_sendTotal)
                m_activity->setText(tr("Sending %1 of %2…").arg(m_sendDone + 1).arg(m_sendTotal));
            if (const std::optional<Sync::OutboxEntry> entry
                = Sync::OutboxStore(m_context.database().connection()).entry(id))
                reportEntry(*entry);
            refreshWindow();
            Q_EMIT messageSent(id);
        });
    connect(m_sessions, &Sync::AccountSessions::flushFinished, this,
        [this](const QString &name, const Sync::OutboxFlushReport &report) {
            if (report.recovered > 0)
                m_window.showError(tr("%n message(s) were being sent when Mailtrail stopped. They "
                                      "may have been sent; "
                                      "open the Outbox to resend or discard them.",
                    nullptr, report.recovered));
            if (!report.sentCopyError.isEmpty())
                m_window.statusBar()->showMessage(
                    tr("The copy in the Sent folder will be tried again later: %1")
                        .arg(report.sentCopyError),
                    8000);
            refreshWindow();
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
            refreshWindow();
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
    return m_sessions->isSending() || m_sessions->isFetching() || m_sessions->isCheckingAny();
}

void MailController::busyChanged()
{
    const bool busy = isBusy();
    m_progress->setVisible(busy);
    if (!busy) {
        m_activity->clear();
        m_sendTotal = m_sendDone = 0;
    } else if (m_sessions->isFetching() && !m_sessions->isSending()
        && !m_sessions->isCheckingAny()) {
        m_activity->setText(tr("Downloading a message…"));
        m_progress->setRange(0, 0);
    }
}

void MailController::refreshWindow()
{
    m_window.reload();
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
    if (!a) {
        m_window.showError(
            tr("The message was not sent: there is no account named %1.").arg(request.account));
        return;
    }
    // The draft it was: its copies on the server go to the Trash once the message is queued.
    const QList<qint64> draftCopies = Sync::draftCopies(
        m_context.database().connection(), *a, request.draftId, request.draftMessageId);
    // Built and stored in the outbox before any network (core's one send pipeline).
    QString error;
    if (!Sync::queueForSending(m_context.database().connection(), *a, request.message,
            request.requestDeliveryReport,
            request.requestDeliveryReport ? Smtp::DsnNotify() : Smtp::DsnNotify::never(),
            request.draftId, &error)) {
        m_window.showError(error);
        return;
    }
    for (const qint64 copy : draftCopies)
        m_sessions->moveToTrash(copy);
    m_window.statusBar()->showMessage(
        tr("“%1” is in the outbox; sending…").arg(request.message.subject), 4000);
    refreshWindow();
    flushOutbox(a->name, true);
}

void MailController::flushOutbox(const QString &account, bool now)
{
    m_sessions->flush(account, now);
}

void MailController::fetchBody(qint64 messageId)
{
    m_sessions->fetchBody(messageId);
}

void MailController::reportEntry(const Sync::OutboxEntry &entry)
{
    const QString subject = entry.subject.isEmpty() ? tr("(no subject)") : entry.subject;
    switch (entry.state) {
    case Sync::OutboxState::Sent: {
        int refused = 0;
        for (const Sync::OutboxRecipient &r : entry.recipients)
            refused += r.accepted || (r.replyCode >= 400 && r.replyCode < 500) ? 0 : 1; // 4xx: retried
        if (refused > 0)
            m_window.messageBar()->showMessage(
                tr("“%1” was sent, but the server refused %n recipient(s); see the delivery panel.",
                    nullptr, refused)
                    .arg(subject),
                MessageBar::Kind::Warning);
        else
            m_window.statusBar()->showMessage(
                tr("“%1” was accepted by the server.").arg(subject), 6000);
        if (!entry.dsnSupported)
            m_window.messageBar()->showMessage(tr("“%1” was sent, but the server does not offer "
                                                  "delivery reports: Mailtrail can only show that "
                                                  "it was accepted.")
                                                   .arg(subject),
                MessageBar::Kind::Information);
        break;
    }
    case Sync::OutboxState::Queued:
        m_window.messageBar()->showMessage(
            tr("“%1” could not be sent now and stays in the outbox; it will be tried again at %2. "
               "(%3)")
                .arg(subject,
                    QLocale().toString(
                        entry.nextAttemptAt.toLocalTime().time(), QLocale::ShortFormat),
                    entry.lastError),
            MessageBar::Kind::Warning);
        break;
    case Sync::OutboxState::Failed:
        m_window.showError(tr("The server refused “%1”: %2").arg(subject, entry.lastError));
        break;
    case Sync::OutboxState::Uncertain:
        m_window.showError(
            tr("“%1” may have been sent: the connection broke while the server was answering. "
               "Open the Outbox (Ctrl+Shift+O) to resend or discard it.")
                .arg(subject));
        break;
    case Sync::OutboxState::Transmitting:
        break;
    }
}

void MailController::sendReadReceipt(qint64 messageRowId, bool automatic)
{
    const std::optional<Store::Account> a = m_sessions->accountOfMessage(messageRowId);
    if (!a)
        return;
    Sync::ReadReceipts receipts(m_context.database().connection());
    receipts.setPolicy(m_context.settings().behaviour().readReceiptPolicyFor(*a));
    QString error;
    if (!receipts.send(messageRowId, automatic, &error)) {
        // An automatic one that is not due (already answered) is no news for the user.
        if (!automatic)
            m_window.showError(tr("The read receipt was not sent: %1").arg(error));
        return;
    }
    m_window.statusBar()->showMessage(automatic
            ? tr("A read receipt was sent, as the account's settings say.")
            : tr("The read receipt is in the outbox; sending…"),
        5000);
    Q_EMIT readReceiptQueued(messageRowId);
    flushOutbox(a->name, true);
}

void MailController::ignoreReadReceipt(qint64 messageRowId)
{
    Sync::ReadReceipts receipts(m_context.database().connection());
    if (!receipts.ignore(messageRowId))
        m_window.showError(tr("Mailtrail could not remember that you ignored this read receipt: %1")
                               .arg(receipts.lastError()));
}

qint64 MailController::saveDraft(const OutgoingRequest &request, qint64 draftId)
{
    const std::optional<Store::Account> a = m_sessions->account(request.account);
    if (!a) {
        m_window.showError(
            tr("The draft was not saved: there is no account named %1.").arg(request.account));
        return 0;
    }
    QString error;
    const std::optional<qint64> saved
        = Sync::saveDraft(m_context.database().connection(), *a, request.message, draftId, &error);
    if (!saved) {
        m_window.showError(error);
        return 0;
    }
    m_window.statusBar()->showMessage(tr("Draft saved."), 4000);
    m_sessions->uploadDraft(a->name, *saved);
    return *saved;
}

void MailController::downloadForOffline(const QString &name)
{
    const std::optional<Store::Account> a = m_sessions->account(name);
    if (!a || m_offlineDownloads.contains(name))
        return;
    m_offlineDownloads.insert(name);
    m_passwords->with(*a, [this, a = *a](const Sync::Credentials &credentials) {
        auto *job = new Search::OfflineBodies(a, credentials, m_context.database().connection(), this);
        job->setBatchSize(10); // small batches: the GUI thread stores them between frames
        connect(job, &Search::OfflineBodies::certificateProblem, job,
            [job](const Net::CertificateProblem &) { job->answerCertificate(Net::CertificateDecision::Reject); });
        connect(job, &Search::OfflineBodies::finished, this, [this, job](const Search::OfflineBodiesResult &result) {
            job->deleteLater();
            m_offlineDownloads.remove(result.account);
            if (result.downloaded > 0)
                m_window.searchPane()->refresh();
        });
        job->start();
    });
}

void MailController::testConnection(const Store::Account &a, const QString &password,
    std::function<void(const ConnectionTestResult &)> done)
{
    // An OAuth2 account is tested with the access token of the assistant's sign-in.
    auto *test = new Sync::ConnectionTest(
        a, a.isOAuth2() ? Sync::Credentials::oauth2(password) : Sync::Credentials::password(password), this);
    connect(test, &Sync::ConnectionTest::finished, this,
        [this, test, done, name = a.name](const Sync::ConnectionTestReport &report) {
            test->deleteLater();
            // What the server offers is known from now on: the composer's DSN warning and the
            // first message's encoding use it.
            if (report.smtpCapabilities && !name.isEmpty())
                Sync::SubmissionCapabilityStore(m_context.database().connection())
                    .record(name, *report.smtpCapabilities);
            ConnectionTestResult result;
            result.ok = report.ok();
            result.error = report.error;
            result.certificate = report.certificate;
            result.dsnSupported = report.dsnSupported;
            done(result);
        });
    test->start();
}

} // namespace Mailtrail::Ui
