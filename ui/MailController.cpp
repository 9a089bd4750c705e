// SPDX-License-Identifier: GPL-3.0-or-later
#include "MailController.h"

#include "AccountPasswords.h"
#include "AppContext.h"
#include "CertificateDialog.h"
#include "MainWindow.h"
#include "MessageBar.h"
#include "net/SocketTransport.h"
#include "store/AccountRepository.h"
#include "store/FolderRepository.h"
#include "store/MessageRepository.h"
#include "sync/AccountMonitor.h"
#include "sync/BodyFetch.h"
#include "sync/ConnectionTest.h"
#include "sync/Drafts.h"
#include "sync/FlagStore.h"
#include "sync/MailCheck.h"
#include "sync/MoveToTrash.h"
#include "sync/OutboxSender.h"
#include "sync/ReadReceipts.h"
#include "sync/SubmissionCapabilities.h"

#include <QLabel>
#include <QLocale>
#include <QLoggingCategory>
#include <QProgressBar>
#include <QStatusBar>
#include <QTimer>

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
    , m_retryTimer(new QTimer(this))
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
    m_progress->setObjectName(QStringLiteral("activityProgress"));
    m_progress->setMaximumWidth(160);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_activity->setObjectName(QStringLiteral("activityLabel"));
    m_window.statusBar()->addPermanentWidget(m_activity);
    m_window.statusBar()->addPermanentWidget(m_progress);
    m_retryTimer->setSingleShot(true);
    connect(m_retryTimer, &QTimer::timeout, this, [this] {
        for (const Store::Account &a :
            Store::AccountRepository(m_context.database().connection()).list())
            flushOutbox(a.name, false);
    });

    connect(m_passwords, &AccountPasswords::unavailable, this,
        [this](const QString &account, const QString &reason) {
            m_window.showError(tr("Mailtrail has no password for %1, so it cannot connect: %2")
                                   .arg(account, reason));
            m_checking.remove(account);
            m_fetching.clear();
            busyChanged();
        });
    connect(m_passwords, &AccountPasswords::warning, this,
        [this](const QString &text) { m_window.showError(text); });

    connect(&m_window, &MainWindow::sendRequested, this, &MailController::send);
    connect(&m_window, &MainWindow::syncRequested, this, &MailController::checkMail);
    connect(&m_window, &MainWindow::bodyRequested, this, &MailController::fetchBody);
    connect(&m_window, &MainWindow::accountAdded, this, &MailController::onAccountAdded);
    connect(&m_window, &MainWindow::accountPasswordChanged, this,
            [this](const QString &account, const QString &password) { m_passwords->store(account, password); });
    connect(
        &m_window, &MainWindow::readReceiptSendRequested, this, &MailController::sendReadReceipt);
    connect(&m_window, &MainWindow::readReceiptIgnored, this, &MailController::ignoreReadReceipt);
    connect(&m_window, &MainWindow::deleteRequested, this, &MailController::moveToTrash);
    connect(&m_window, &MainWindow::messageRead, this, &MailController::markRead);
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
    for (const QPointer<Sync::AccountMonitor> &monitor : std::as_const(m_monitors)) {
        if (monitor)
            monitor->stop();
    }
}

std::optional<Store::Account> MailController::account(const QString &name) const
{
    return Store::AccountRepository(m_context.database().connection()).find(name);
}

bool MailController::isBusy() const
{
    bool sending = false;
    for (const QPointer<Sync::OutboxSender> &s : std::as_const(m_senders))
        sending = sending || (s && s->isRunning());
    return sending || !m_checking.isEmpty() || !m_fetching.isEmpty();
}

void MailController::busyChanged()
{
    const bool busy = isBusy();
    m_progress->setVisible(busy);
    if (!busy) {
        m_activity->clear();
        m_sendTotal = m_sendDone = 0;
    }
}

void MailController::refreshWindow()
{
    m_window.reload();
}

// --- certificates -----------------------------------------------------------------------

void MailController::askCertificate(const QString &accountName,
    const Net::CertificateProblem &problem, std::function<void(Net::CertificateDecision)> answer)
{
    m_certificatePrompt(
        problem, [this, accountName, problem, answer](Net::CertificateDecision decision) {
            if (decision == Net::CertificateDecision::Pin) {
                // Remembered for the account, so the next connection does not ask again.
                Store::AccountRepository repository(m_context.database().connection());
                if (std::optional<Store::Account> a = repository.find(accountName)) {
                    const QString pin
                        = Store::normalizeFingerprint(Net::fingerprintToHex(problem.sha256));
                    if (!pin.isEmpty() && !a->pinnedFingerprints.contains(pin)) {
                        a->pinnedFingerprints.append(pin);
                        if (const QString error = repository.update(*a); !error.isEmpty())
                            m_window.showError(
                                tr("The certificate could not be remembered: %1").arg(error));
                    }
                }
            } else if (decision == Net::CertificateDecision::Reject) {
                m_window.showError(
                    tr("The certificate of %1 was rejected, so Mailtrail did not connect to it.")
                        .arg(problem.host));
            }
            answer(decision);
        });
}

// --- check mail -------------------------------------------------------------------------

void MailController::start()
{
    for (const Store::Account &a :
        Store::AccountRepository(m_context.database().connection()).list())
        checkAccount(a.name);
}

void MailController::checkMail()
{
    const QList<Store::Account> accounts
        = Store::AccountRepository(m_context.database().connection()).list();
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
    const std::optional<Store::Account> a = account(name);
    if (!a)
        return;
    if (m_checking.contains(name)) {
        m_checkAgain.insert(name);
        return;
    }
    m_checking.insert(name);
    busyChanged();
    m_passwords->with(*a,
        [this, a = *a, inboxOnly](const QString &password) { runCheck(a, password, inboxOnly); });
}

Tracking::ReadReceiptPolicy MailController::receiptPolicy(const Store::Account &a) const
{
    Tracking::ReadReceiptPolicy policy;
    policy.mode = a.readReceipts == Store::ReadReceipts::Never ? Tracking::ReceiptMode::Never
        : a.readReceipts == Store::ReadReceipts::Always        ? Tracking::ReceiptMode::Always
                                                               : Tracking::ReceiptMode::Ask;
    // The two special cases never get more automatic than the ordinary one.
    policy.notAddressed = std::min(m_context.settings().receiptsWhenNotAddressed, policy.mode);
    policy.outsideDomain = std::min(m_context.settings().receiptsOutsideDomain, policy.mode);
    return policy;
}

void MailController::runCheck(const Store::Account &a, const QString &password, bool inboxOnly)
{
    m_progress->setRange(0, 0); // busy: the number of folders is known only after LIST
    m_activity->setText(tr("Checking %1…").arg(a.name));
    // Sync, pending $MDNSent stores, tracking scan, receipts folder (never a read receipt).
    auto *check = new Sync::MailCheck(a, password, m_context.database().connection(), this);
    if (inboxOnly)
        check->setFolderFilter(QStringLiteral("INBOX"));
    connect(check, &Sync::MailCheck::certificateProblem, this,
        [this, check, name = a.name](const Net::CertificateProblem &p) {
            askCertificate(name, p, [check = QPointer(check)](Net::CertificateDecision d) {
                if (check)
                    check->answerCertificate(d);
            });
        });
    connect(
        check, &Sync::MailCheck::folderStarted, this, [this, name = a.name](const QString &folder) {
            m_activity->setText(tr("Checking %1: %2…").arg(name, folder));
        });
    connect(check, &Sync::MailCheck::folderFinished, this,
        [this](const Sync::FolderSyncResult &result) {
            // A first sync of a big folder shows its messages as they arrive.
            if (result.added > 0)
                refreshWindow();
        });
    connect(check, &Sync::MailCheck::finished, this,
        [this, check, a, password](const Sync::MailCheckReport &report) {
            check->deleteLater();
            if (!report.ok()) {
                if (report.sync.error.kind == Imap::ImapError::Kind::AuthenticationFailed)
                    m_passwords->forget(a.name);
                m_window.showError(
                    tr("Checking mail of %1 failed: %2").arg(a.name, report.sync.errorMessage()));
            }
            for (const QString &e : report.errors)
                qCWarning(lcController) << a.name << e;
            for (const QString &e : report.tracking.errors)
                qCWarning(lcController) << a.name << "tracking:" << e;
            afterCheck(a, password, report.ok());
        });
    check->start();
}

void MailController::afterCheck(const Store::Account &a, const QString &password, bool ok)
{
    m_checking.remove(a.name);
    refreshWindow();
    if (ok) {
        m_window.statusBar()->showMessage(tr("Mail of %1 checked.").arg(a.name), 4000);
        if (m_monitoring && !m_monitors.value(a.name))
            startMonitor(a, password);
    }
    // Queued mail goes out when the server can be reached again.
    flushOutbox(a.name, true);
    busyChanged();
    Q_EMIT checkFinished(a.name, ok);
    if (m_checkAgain.remove(a.name))
        checkAccount(a.name);
}

void MailController::startMonitor(const Store::Account &a, const QString &password)
{
    auto *monitor = new Sync::AccountMonitor(a, password, m_context.database().connection(), this);
    m_monitors.insert(a.name, monitor);
    connect(monitor, &Sync::AccountMonitor::synced, this,
        [this, name = a.name](const Sync::FolderSyncResult &result) {
            if (result.added == 0 && result.removed == 0 && result.flagsChanged == 0)
                return;
            refreshWindow();
            if (result.added > 0) {
                Q_EMIT newMailArrived(name);
                // New mail may be a delivery report: scan it (a short INBOX check).
                checkAccount(name, true);
            }
        });
    connect(monitor, &Sync::AccountMonitor::connectionLost, this,
        [this, name = a.name](const QString &reason, int retryMs) {
            m_window.statusBar()->showMessage(
                tr("The connection of %1 was lost (%2); retrying in %3 s.")
                    .arg(name, reason)
                    .arg(retryMs / 1000),
                8000);
        });
    monitor->start();
}

// --- sending ----------------------------------------------------------------------------

void MailController::send(const OutgoingRequest &request)
{
    const std::optional<Store::Account> a = account(request.account);
    if (!a) {
        m_window.showError(
            tr("The message was not sent: there is no account named %1.").arg(request.account));
        return;
    }
    Mime::OutgoingMessage message = request.message;
    if (message.from.isEmpty())
        message.from = { a->displayName, a->email };
    // Built before any connection, for what the server offered last time.
    const Mime::BuiltMessage built
        = Sync::SubmissionCapabilityStore(m_context.database().connection()).build(a->name, message);
    if (!built.isValid()) {
        m_window.showError(tr("The message could not be built: %1").arg(built.error));
        return;
    }
    Sync::OutboxStore store(m_context.database().connection());
    const std::optional<qint64> id = store.enqueue(Sync::outboxMessage(
        a->name, message, built, request.requestDeliveryReport,
        request.requestDeliveryReport ? Smtp::DsnNotify() : Smtp::DsnNotify::never()));
    if (!id) {
        m_window.showError(
            tr("The message could not be put into the outbox: %1").arg(store.lastError()));
        return;
    }
    // The draft it was: gone here and, by its cached copy in Drafts, from the server.
    QList<qint64> draftCopies;
    if (request.draftMessageId != 0)
        draftCopies.append(request.draftMessageId);
    if (request.draftId != 0) {
        Sync::DraftStore drafts(m_context.database().connection());
        if (const std::optional<Sync::Draft> draft = drafts.find(request.draftId); draft && draft->uid != 0) {
            const QSqlDatabase db = m_context.database().connection();
            for (const Store::Folder &folder : Store::FolderRepository(db).list(a->id)) {
                if (folder.wireName != draft->imapFolder || folder.uidValidity != draft->uidValidity)
                    continue;
                if (const auto copy = Store::MessageRepository(db).find(folder.id, draft->uid);
                    copy && !draftCopies.contains(copy->id))
                    draftCopies.append(copy->id);
            }
        }
        (void)drafts.remove(request.draftId);
    }
    for (const qint64 copy : std::as_const(draftCopies))
        moveToTrash(copy);
    m_window.statusBar()->showMessage(
        tr("“%1” is in the outbox; sending…").arg(message.subject), 4000);
    refreshWindow();
    flushOutbox(a->name, true);
}

void MailController::flushOutbox(const QString &name, bool now)
{
    if (const QPointer<Sync::OutboxSender> running = m_senders.value(name);
        running && running->isRunning()) {
        m_flushAgain[name] = m_flushAgain.value(name) || now;
        return;
    }
    const std::optional<Store::Account> a = account(name);
    if (!a)
        return;
    Sync::OutboxStore store(m_context.database().connection());
    bool anything = !store.sentCopiesDue(name, store.now()).isEmpty();
    for (const Sync::OutboxEntry &e : store.list(name)) {
        if (e.state == Sync::OutboxState::Queued
            && (now || !e.nextAttemptAt.isValid() || e.nextAttemptAt <= store.now()))
            anything = true;
    }
    if (!anything)
        return;
    m_passwords->with(
        *a, [this, a = *a, now](const QString &password) { runFlush(a, password, now); });
}

void MailController::runFlush(const Store::Account &a, const QString &password, bool now)
{
    auto *sender = new Sync::OutboxSender(a, password, m_context.database().connection(), this);
    m_senders.insert(a.name, sender);
    sender->setIgnoreBackoff(now);
    int due = 0;
    for (const Sync::OutboxEntry &e : sender->store().list(a.name))
        due += e.state == Sync::OutboxState::Queued ? 1 : 0;
    m_sendTotal += due;
    m_progress->setRange(0, std::max(1, m_sendTotal));
    m_progress->setValue(m_sendDone);
    if (due > 0)
        m_activity->setText(tr("Sending %1 of %2…").arg(m_sendDone + 1).arg(m_sendTotal));
    // The sender's transports are made here so that a certificate question can be answered
    // on the transport that asked it (the sender itself only forwards the problem).
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
    sender->setSmtpTransportFactory(factory);
    sender->setImapTransportFactory(factory);
    connect(
        sender, &Sync::OutboxSender::certificateProblem, this, [](const Net::CertificateProblem &) {
            // Answered through the transport (above).
        });
    connect(sender, &Sync::OutboxSender::messageFinished, this, [this, sender](qint64 id) {
        ++m_sendDone;
        m_progress->setValue(m_sendDone);
        if (m_sendDone < m_sendTotal)
            m_activity->setText(tr("Sending %1 of %2…").arg(m_sendDone + 1).arg(m_sendTotal));
        if (const std::optional<Sync::OutboxEntry> entry = sender->store().entry(id))
            reportEntry(*entry);
        refreshWindow();
        Q_EMIT messageSent(id);
    });
    connect(sender, &Sync::OutboxSender::finished, this,
        [this, sender, name = a.name](const Sync::OutboxFlushReport &report) {
            sender->deleteLater();
            m_senders.remove(name);
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
            scheduleRetry();
            busyChanged();
            Q_EMIT flushFinished(name);
            if (m_flushAgain.contains(name))
                flushOutbox(name, m_flushAgain.take(name));
        });
    busyChanged();
    sender->flush();
}

void MailController::reportEntry(const Sync::OutboxEntry &entry)
{
    const QString subject = entry.subject.isEmpty() ? tr("(no subject)") : entry.subject;
    switch (entry.state) {
    case Sync::OutboxState::Sent: {
        int refused = 0;
        for (const Sync::OutboxRecipient &r : entry.recipients)
            refused += r.accepted ? 0 : 1;
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

void MailController::scheduleRetry()
{
    Sync::OutboxStore store(m_context.database().connection());
    QDateTime next;
    for (const Sync::OutboxEntry &e : store.list()) {
        if (e.state == Sync::OutboxState::Queued && e.nextAttemptAt.isValid()
            && (!next.isValid() || e.nextAttemptAt < next))
            next = e.nextAttemptAt;
    }
    if (!next.isValid()) {
        m_retryTimer->stop();
        return;
    }
    const qint64 ms = std::clamp<qint64>(store.now().msecsTo(next), 1000, 60 * 60 * 1000);
    m_retryTimer->start(int(ms));
}

// --- bodies, receipts, drafts -----------------------------------------------------------

void MailController::fetchBody(qint64 messageId)
{
    if (m_fetching.contains(messageId))
        return;
    const std::optional<Store::Account> a = accountOfMessage(messageId);
    if (!a) {
        m_window.bodyUnavailable(messageId, tr("This message belongs to no account any more."));
        return;
    }
    m_fetching.insert(messageId);
    busyChanged();
    m_activity->setText(tr("Downloading a message…"));
    m_progress->setRange(0, 0);
    m_passwords->with(*a, [this, a = *a, messageId](const QString &password) {
        auto *fetch
            = new Sync::BodyFetch(a, password, m_context.database().connection(), messageId, this);
        connect(fetch, &Sync::BodyFetch::certificateProblem, this,
            [this, fetch, name = a.name](const Net::CertificateProblem &p) {
                askCertificate(name, p, [fetch = QPointer(fetch)](Net::CertificateDecision d) {
                    if (fetch)
                        fetch->answerCertificate(d);
                });
            });
        connect(fetch, &Sync::BodyFetch::finished, this,
            [this, fetch](const Sync::BodyFetchResult &result) {
                fetch->deleteLater();
                m_fetching.remove(result.messageId);
                busyChanged();
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
        fetch->start();
    });
}

void MailController::moveToTrash(qint64 messageId)
{
    const std::optional<Store::Account> a = accountOfMessage(messageId);
    if (!a)
        return;
    m_passwords->with(*a, [this, a = *a, messageId](const QString &password) {
        auto *move = new Sync::MoveToTrash(
            a, password, m_context.database().connection(), messageId, this);
        connect(move, &Sync::MoveToTrash::finished, this,
            [this, move](qint64 id, const QString &error) {
                move->deleteLater();
                if (!error.isEmpty())
                    m_window.showError(tr("The message could not be deleted: %1").arg(error));
                else
                    m_window.statusBar()->showMessage(tr("Moved to the Trash."), 4000);
                refreshWindow();
                Q_EMIT messageDeleted(id, error.isEmpty());
            });
        move->start();
    });
}

void MailController::markRead(qint64 messageId)
{
    const std::optional<Store::Account> a = accountOfMessage(messageId);
    if (!a)
        return;
    m_passwords->with(*a, [this, a = *a, messageId](const QString &password) {
        auto *store = new Sync::FlagStore(a, password, m_context.database().connection(), messageId,
            { QByteArrayLiteral("\\Seen") }, true, this);
        connect(store, &Sync::FlagStore::finished, this,
            [this, store](qint64 id, const QString &error) {
                store->deleteLater();
                if (!error.isEmpty())
                    qCWarning(lcController)
                        << "marking a message read on the server failed:" << error;
                Q_EMIT messageMarkedRead(id, error.isEmpty());
            });
        store->start();
        // The local cache has it already: the list shows it read (not from inside the
        // selection change that led here).
        QMetaObject::invokeMethod(this, &MailController::refreshWindow, Qt::QueuedConnection);
    });
}

std::optional<Store::Account> MailController::accountOfMessage(qint64 messageId) const
{
    const QSqlDatabase db = m_context.database().connection();
    const std::optional<Store::MessageRecord> record
        = Store::MessageRepository(db).findById(messageId);
    const std::optional<Store::Folder> folder
        = record ? Store::FolderRepository(db).findById(record->folderId) : std::nullopt;
    return folder ? Store::AccountRepository(db).findById(folder->accountId) : std::nullopt;
}

void MailController::sendReadReceipt(qint64 messageRowId, bool automatic)
{
    const std::optional<Store::Account> a = accountOfMessage(messageRowId);
    if (!a)
        return;
    Sync::ReadReceipts receipts(m_context.database().connection());
    receipts.setPolicy(receiptPolicy(*a));
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
    const std::optional<Store::Account> a = account(request.account);
    if (!a) {
        m_window.showError(
            tr("The draft was not saved: there is no account named %1.").arg(request.account));
        return 0;
    }
    Mime::OutgoingMessage message = request.message;
    if (message.from.isEmpty())
        message.from = { a->displayName, a->email };
    const Mime::BuiltMessage built
        = Sync::SubmissionCapabilityStore(m_context.database().connection()).build(a->name, message);
    if (!built.isValid()) {
        m_window.showError(tr("The draft could not be saved: %1").arg(built.error));
        return 0;
    }
    Sync::DraftStore drafts(m_context.database().connection());
    Sync::Draft draft;
    if (draftId != 0) {
        if (std::optional<Sync::Draft> existing = drafts.find(draftId))
            draft = *existing;
    }
    draft.account = a->name;
    draft.subject = message.subject;
    draft.bytes = built.bytes;
    draft.updatedAt = QDateTime();
    if (!drafts.save(draft)) {
        m_window.showError(tr("The draft could not be saved: %1").arg(drafts.lastError()));
        return 0;
    }
    m_window.statusBar()->showMessage(tr("Draft saved."), 4000);
    const qint64 id = draft.id;
    m_passwords->with(*a, [this, a = *a, id](const QString &password) {
        auto *uploader
            = new Sync::DraftUploader(a, password, m_context.database().connection(), this);
        connect(uploader, &Sync::DraftUploader::finished, this,
            [this, uploader, id, name = a.name](const Sync::AppendResult &result) {
                uploader->deleteLater();
                if (!result.ok)
                    m_window.statusBar()->showMessage(
                        tr("The draft is saved on this computer; the copy on the server failed: %1")
                            .arg(result.error),
                        8000);
                else
                    checkAccount(name); // the Drafts folder shows it
                Q_EMIT draftUploaded(id, result.ok);
            });
        uploader->upload(id);
    });
    return id;
}

// --- accounts ---------------------------------------------------------------------------

void MailController::onAccountAdded(const Store::Account &a, const QString &password)
{
    m_passwords->store(a.name, password);
    checkAccount(a.name);
}

void MailController::testConnection(const Store::Account &a, const QString &password,
    std::function<void(const ConnectionTestResult &)> done)
{
    auto *test = new Sync::ConnectionTest(a, password, this);
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
