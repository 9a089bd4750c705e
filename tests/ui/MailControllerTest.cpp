// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop app end to end against the private Postfix + Dovecot (fixture Mailstack), with
// the passwords in a real keychain (fixture Keychain): compose and send in the window, see
// the message go from accepted to delivered after Check Mail, a send while the server is
// unreachable stays queued and goes out when it is back, a body is downloaded when a message
// is opened (and an unreachable server is said in the viewer), IDLE brings new mail, the
// assistant's connection test logs in for real and stops at an untrusted certificate, a
// draft goes to the Drafts folder, and the window's keyboard shortcuts.
#include "MailController.h"

#include "AccountPasswords.h"
#include "AddressInput.h"
#include "AppContext.h"
#include "ComposerDialog.h"
#include "DeliveryPanel.h"
#include "ImapTestClient.h"
#include "FolderPane.h"
#include "Keychain.h"
#include "MailStack.h"
#include "MainWindow.h"
#include "MessageBar.h"
#include "MessageListPane.h"
#include "MessageViewer.h"
#include "OutboxDialog.h"
#include "RecipientAdvice.h"
#include "PasswordBar.h"
#include "SafeTextBrowser.h"
#include "SettingsDialog.h"
#include "models/Roles.h"
#include "search/OfflineBodies.h"
#include "store/AccountRepository.h"
#include "store/MessageRepository.h"
#include "sync/Drafts.h"
#include "sync/Outbox.h"
#include "sync/PasswordStore.h"
#include "sync/SubmissionCapabilities.h"
#include "tracking/TrackingStore.h"

#include <QApplication>
#include <QCheckBox>
#include <QFile>
#include <QFrame>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTimer>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>
#include <QUuid>

using namespace Mailtrail;
using namespace Mailtrail::Ui;

namespace {

QString token()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).left(13);
}

/// A port nothing listens on (the OS gave it to us, then we closed it).
quint16 deadPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

QModelIndex findSubject(const QAbstractItemModel *model, const QString &needle)
{
    for (int r = 0; r < model->rowCount(); ++r) {
        for (int c = 0; c < model->columnCount(); ++c) {
            const QModelIndex i = model->index(r, c);
            if (i.data().toString().contains(needle))
                return model->index(r, 0);
        }
    }
    return {};
}

QModelIndex findFolder(const QAbstractItemModel *model, const QString &account,
    const QString &folder, const QModelIndex &parent = {})
{
    for (int r = 0; r < model->rowCount(parent); ++r) {
        const QModelIndex i = model->index(r, 0, parent);
        if (i.data(Models::AccountNameRole).toString() == account
            && i.data(Models::FolderNameRole).toString().compare(folder, Qt::CaseInsensitive) == 0)
            return i;
        if (const QModelIndex c = findFolder(model, account, folder, i); c.isValid())
            return c;
    }
    return {};
}

} // namespace

class MailControllerTest : public QObject
{
    Q_OBJECT
private:
    Test::MailStack m_stack = Test::MailStack::fromEnvironment();
    QTemporaryDir m_profile;
    QString m_service = QStringLiteral("mailtrail-ui-test-") + token();
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<MailController> m_controller;
    int m_prompts = 0;

    Store::Account stackAccount(const QString &user) const
    {
        Store::Account a = m_stack.account(user, user);
        a.displayName = user.at(0).toUpper() + user.mid(1) + QStringLiteral(" Example");
        return a;
    }

    Store::Account account(const QString &name)
    {
        return *Store::AccountRepository(m_context->database().connection()).find(name);
    }

    void updateAccount(const Store::Account &a)
    {
        QCOMPARE(Store::AccountRepository(m_context->database().connection()).update(a), QString());
    }

    /// F5, then waits until @p account's check (and the outbox flush after it) ended.
    bool checkMail(const QString &accountName = QStringLiteral("alice"))
    {
        QSignalSpy checked(m_controller.get(), &MailController::checkFinished);
        m_window->activateWindow();
        if (!QTest::qWaitForWindowActive(m_window.get()))
            return false;
        QTest::keyClick(m_window.get(), Qt::Key_F5);
        for (int i = 0; i < 10; ++i) {
            for (const QList<QVariant> &args : std::as_const(checked)) {
                if (args.at(0).toString() == accountName)
                    return QTest::qWaitFor([this] { return !m_controller->isBusy(); }, 60000);
            }
            if (!checked.wait(60000))
                return false;
        }
        return false;
    }

    Sync::OutboxEntry outboxEntryFor(const QString &subject)
    {
        for (const Sync::OutboxEntry &e :
            Sync::OutboxStore(m_context->database().connection()).list())
            if (e.subject == subject)
                return e;
        return {};
    }

    /// Shortcuts go to the active window.
    void activate()
    {
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    /// Sends through the composer, as a user does.
    void composeAndSend(const QString &to, const QString &subject, const QString &body)
    {
        activate();
        QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier);
        auto *composer = m_window->findChild<ComposerDialog *>();
        QVERIFY(composer);
        composer->setConfirmation([](const QString &, const QString &) { return true; });
        composer->setAccount(QStringLiteral("alice"));
        composer->toField()->setText(to);
        composer->subjectField()->setText(subject);
        composer->bodyField()->setPlainText(body);
        QVERIFY(composer->send());
        delete composer;
    }

    QString trackedState(const QString &subject)
    {
        const QAbstractItemModel *model = &m_context->trackingModel();
        const QModelIndex row = findSubject(model, subject);
        return row.isValid() ? row.data(Models::StateNameRole).toString() : QString();
    }

    /// Shows @p account's @p folder in the window's message list; false when it is not there.
    bool showFolder(const QString &account, const QString &folder)
    {
        QTreeView *folders = m_window->folderPane()->folderView();
        const QModelIndex index = findFolder(folders->model(), account, folder);
        if (!index.isValid())
            return false;
        folders->setCurrentIndex(index);
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_stack.isValid(), qPrintable(m_stack.errorString()));
        const QString bus = Test::useTestSessionBus();
        QVERIFY2(bus.isEmpty(), qPrintable(bus));
        QVERIFY(m_profile.isValid());
        m_context = std::make_unique<AppContext>();
        m_context->setProfileDirectory(m_profile.path());
        QCOMPARE(
            m_context->open(m_profile.filePath(QStringLiteral("mailtrail.sqlite"))), QString());
        Store::AccountRepository repository(m_context->database().connection());
        for (const QString &user : { QStringLiteral("alice"), QStringLiteral("bob") }) {
            Store::Account a = stackAccount(user);
            QCOMPARE(repository.add(a), QString());
            // Bodies come when a message is opened in these tests: no background download of
            // the last days' bodies (issue 17) to race with.
            QCOMPARE(Search::OfflineBodies::setOfflineDays(m_context->database().connection(), a.id, 0), QString());
            // The password is in the keychain before the app starts, as after the assistant.
            Sync::PasswordStore keychain(m_service);
            QSignalSpy written(&keychain, &Sync::PasswordStore::passwordWritten);
            keychain.write(user, m_stack.password(user));
            QVERIFY(written.wait(10000));
            QVERIFY2(written.first().at(1).toBool(), qPrintable(written.first().at(2).toString()));
        }
        // alice's Sent holds mail that other programs sent too (on the shared stack, every other
        // test's profile): it is tracked as sent elsewhere (issue 18), beside this profile's own.
        Test::ImapTestClient imap(m_stack, QStringLiteral("alice"));
        QVERIFY2(imap.isReady(), qPrintable(imap.errorString()));
        imap.run("CREATE Sent"); // NO when it exists already: fine
        for (int i = 0; i < 5; ++i) {
            const QByteArray raw = "From: " + m_stack.address(QStringLiteral("alice")).toUtf8() + "\r\nTo: "
                + m_stack.address(QStringLiteral("bob")).toUtf8() + "\r\nSubject: From the phone " + token().toUtf8()
                + "\r\nMessage-ID: <phone-" + token().toUtf8() + "@example.test>\r\nDate: "
                + QDateTime::currentDateTimeUtc().toString(Qt::RFC2822Date).toUtf8()
                + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nSent elsewhere.\r\n";
            QVERIFY2(!imap.append("Sent", raw).isEmpty(), qPrintable(imap.errorString()));
        }
        m_window = std::make_unique<MainWindow>(*m_context);
        m_controller = std::make_unique<MailController>(*m_context, *m_window, m_service);
        m_controller->setMonitoringEnabled(false);
        m_controller->passwords().setPrompt([this](const Store::Account &, const QString &) {
            ++m_prompts;
            return QString();
        });
        m_controller->setCertificatePrompt(
            [](const Net::CertificateProblem &,
                std::function<void(Net::CertificateDecision)> answer) {
                answer(Net::CertificateDecision::Reject);
            });
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanupTestCase()
    {
        m_controller.reset();
        m_window.reset();
        m_context.reset();
    }

    /// Issue 19 "Fix an account" (first, before any session of alice is logged in): the server
    /// refuses the password (changed elsewhere): a bar
    /// in the window asks for it, once; further checks neither repeat the error nor log in
    /// with the refused password; the password given in the bar is kept and used.
    void refusedPasswordIsAskedAgainInABar()
    {
        const QString alice = QStringLiteral("alice");
        m_controller->passwords().store(alice, QStringLiteral("not-") + m_stack.password(alice));
        const int prompts = m_prompts;
        const auto failedFor = [&](const QSignalSpy &spy) {
            for (const QList<QVariant> &args : spy)
                if (args.at(0).toString() == alice)
                    return !args.at(1).toBool();
            return false;
        };
        QSignalSpy first(m_controller.get(), &MailController::checkFinished);
        QVERIFY(checkMail());
        QVERIFY(failedFor(first));
        PasswordBar *bar = m_window->passwordBar(alice);
        QVERIFY(bar);
        QVERIFY(bar->isVisible());
        QVERIFY2(bar->textLabel()->text().contains(QStringLiteral("The server refused the password of alice.")),
                 qPrintable(bar->textLabel()->text()));
        QVERIFY2(!m_window->messageBar()->text().contains(QStringLiteral("Checking mail of alice failed")),
                 qPrintable(m_window->messageBar()->text()));
        QCOMPARE(m_prompts, prompts); // a bar, not a dialog

        QSignalSpy second(m_controller.get(), &MailController::checkFinished);
        QVERIFY(checkMail());
        QVERIFY(failedFor(second));
        QCOMPARE(m_window->findChildren<PasswordBar *>().size(), 1);
        QVERIFY(!m_window->messageBar()->text().contains(QStringLiteral("Checking mail of alice failed")));
        QCOMPARE(m_prompts, prompts);

        // Closed without an answer: the next check asks again, in a bar.
        QTest::mouseClick(bar->findChild<QToolButton *>(), Qt::LeftButton);
        QTRY_VERIFY(!m_window->passwordBar(alice));
        QTRY_COMPARE(m_window->findChildren<PasswordBar *>().size(), 0);
        QVERIFY(checkMail());
        bar = m_window->passwordBar(alice);
        QVERIFY(bar);
        QVERIFY(!m_window->messageBar()->text().contains(QStringLiteral("Checking mail of alice failed")));

        QSignalSpy fixed(m_controller.get(), &MailController::checkFinished);
        bar->passwordField()->setText(m_stack.password(alice));
        QTest::mouseClick(bar->connectButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!fixed.isEmpty() && fixed.last().at(0).toString() == alice, 60000);
        QVERIFY(fixed.last().at(1).toBool());
        QTRY_VERIFY(!m_window->passwordBar(alice));
        QTRY_VERIFY_WITH_TIMEOUT(!m_controller->isBusy(), 60000);
        // Kept in the keychain for the next start.
        Sync::PasswordStore keychain(m_service);
        QSignalSpy read(&keychain, &Sync::PasswordStore::passwordRead);
        keychain.read(alice);
        QVERIFY(read.wait(10000));
        QCOMPARE(read.first().at(1).toString(), m_stack.password(alice));
    }

    void checkMailSyncsFoldersWithTheKeychainPassword()
    {
        QVERIFY(checkMail());
        QCOMPARE(m_prompts, 0);
        const QModelIndex inbox = findFolder(m_window->folderPane()->folderView()->model(),
            QStringLiteral("alice"), QStringLiteral("INBOX"));
        QVERIFY(inbox.isValid());
    }

    void sentMailGoesFromAcceptedToDelivered()
    {
        const QString subject = QStringLiteral("GUI delivered ") + token();
        composeAndSend(
            m_stack.address(QStringLiteral("bob")), subject, QStringLiteral("Hello Bob."));
        // In the outbox before any network; then sent in the background.
        QVERIFY(outboxEntryFor(subject).id != 0);
        QTRY_COMPARE_WITH_TIMEOUT(outboxEntryFor(subject).state, Sync::OutboxState::Sent, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_controller->isBusy(), 60000);
        QCOMPARE(trackedState(subject), QStringLiteral("accepted"));
        QVERIFY(m_stack.waitForMessageContaining(QStringLiteral("bob"), { subject.toUtf8() }).size()
            > 0);

        // The list shows it with its state; the panel follows the selection.
        m_window->folderPane()->selectTracked(TrackedFilter::All);
        QTreeView *tracked = m_window->listPane()->trackedView();
        const QModelIndex row = findSubject(tracked->model(), subject);
        QVERIFY(row.isValid());
        tracked->setCurrentIndex(row);
        QVERIFY(m_window->deliveryPanel()->isVisible());
        const qint64 sentId = row.data(Models::SentMessageIdRole).toLongLong();
        QCOMPARE(m_window->deliveryPanel()->sentMessage(), sentId);

        // Postfix's success DSN arrives in alice's INBOX; Check Mail reads it.
        QVERIFY(!m_stack
                     .waitForMessageContaining(
                         QStringLiteral("alice"), { "delivery-status", subject.toUtf8() })
                     .isEmpty());
        QVERIFY(checkMail());
        QCOMPARE(trackedState(subject), QStringLiteral("delivered"));
        // The selection survived the refresh, and the panel shows the new state.
        QCOMPARE(m_window->deliveryPanel()->sentMessage(), sentId);
        const QModelIndex current = tracked->currentIndex();
        QCOMPARE(current.data(Models::SentMessageIdRole).toLongLong(), sentId);
        // The panel lists this message's one recipient, not the other tracked messages (the
        // mail sent elsewhere imported from alice's Sent is tracked too).
        QVERIFY(m_context->trackingModel().rowCount() > 1);
        const QAbstractItemModel *recipients = m_window->deliveryPanel()->recipientView()->model();
        QCOMPARE(recipients->rowCount(), 1);
        QCOMPARE(recipients->index(0, 0).data(Models::AddressRole).toString(), m_stack.address(QStringLiteral("bob")));
        QCOMPARE(recipients->index(0, 0).data(Models::StateNameRole).toString(),
            QStringLiteral("delivered"));
        QVERIFY(m_window->deliveryPanel()->timelineView()->topLevelItemCount() >= 2);

        // The copy in alice's Sent folder, with the same state icon in that folder's list.
        QTRY_COMPARE_WITH_TIMEOUT(
            outboxEntryFor(subject).sentCopy, Sync::SentCopyState::Done, 30000);
    }

    /// Issue #18 "Resend to failed recipients…": ghost bounces a message that bob gets; from the
    /// delivery panel and from the list's context menu, the composer opens with the original
    /// text and attachment, addressed to ghost only, the failure shown; Send (the button)
    /// makes a new tracked message that both timelines link.
    void resendToFailedRecipientsThroughTheComposer()
    {
        const QString subject = QStringLiteral("GUI resend ") + token();
        const QString ghost = m_stack.address(QStringLiteral("ghost"));
        const QString bob = m_stack.address(QStringLiteral("bob"));
        QTemporaryDir files;
        const QString notes = files.filePath(QStringLiteral("notes.txt"));
        {
            QFile f(notes);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("The attached notes.\n");
        }
        activate();
        QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier);
        auto *composer = m_window->findChild<ComposerDialog *>();
        QVERIFY(composer);
        composer->setConfirmation([](const QString &, const QString &) { return true; });
        composer->setAccount(QStringLiteral("alice"));
        composer->toField()->setText(ghost + QStringLiteral(", ") + bob);
        composer->subjectField()->setText(subject);
        composer->bodyField()->setPlainText(QStringLiteral("The original text."));
        QCOMPARE(composer->addAttachment(notes), QString());
        // ghost may have failed before on the shared stack (alice's Sent and INBOX hold other
        // tests' mail): send anyway.
        auto *firstAdvice = composer->findChild<RecipientAdvice *>();
        QVERIFY(firstAdvice);
        firstAdvice->setAsk([](const Tracking::RecipientWarning &) { return RecipientAdvice::Choice::SendAnyway; });
        QVERIFY(composer->send());
        delete composer;
        QTRY_COMPARE_WITH_TIMEOUT(outboxEntryFor(subject).state, Sync::OutboxState::Sent, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_controller->isBusy(), 60000);
        const qint64 original = outboxEntryFor(subject).sentMessageId;
        QVERIFY(original > 0);

        // ghost's bounce (LMTP 550 5.1.1) comes back to alice.
        QVERIFY(!m_stack.waitForMessageContaining(QStringLiteral("alice"), {subject.toUtf8(), "5.1.1"}).isEmpty());
        QVERIFY(checkMail());
        m_window->folderPane()->selectTracked(TrackedFilter::All);
        QTreeView *tracked = m_window->listPane()->trackedView();
        const QModelIndex row = findSubject(tracked->model(), subject);
        QVERIFY(row.isValid());
        tracked->setCurrentIndex(row);
        DeliveryPanel *panel = m_window->deliveryPanel();
        QCOMPARE(panel->sentMessage(), original);
        QTRY_VERIFY_WITH_TIMEOUT(panel->resendButton()->isEnabled(), 5000);

        const auto openedComposer = [this](const QList<ComposerDialog *> &before) -> ComposerDialog * {
            for (ComposerDialog *c : m_window->findChildren<ComposerDialog *>()) {
                if (!before.contains(c) && c->isVisible())
                    return c;
            }
            return nullptr;
        };
        const auto checkDraft = [&](ComposerDialog *c) {
            QVERIFY(c);
            QCOMPARE(c->toField()->text(), ghost);
            QCOMPARE(c->ccField()->text(), QString());
            QCOMPARE(c->subjectField()->text(), subject);
            QVERIFY2(c->bodyField()->toPlainText().contains(QStringLiteral("The original text.")),
                     qPrintable(c->bodyField()->toPlainText()));
            QCOMPARE(c->attachmentList()->count(), 1);
            QVERIFY2(c->attachmentList()->item(0)->text().contains(QStringLiteral("notes.txt")),
                     qPrintable(c->attachmentList()->item(0)->text()));
            const auto *failures = c->findChild<QLabel *>(QStringLiteral("resendFailures"));
            QVERIFY(failures);
            QTRY_VERIFY(failures->isVisible());
            QVERIFY2(failures->text().contains(ghost) && failures->text().contains(QStringLiteral("5.1.1")),
                     qPrintable(failures->text()));
            QVERIFY(!failures->text().contains(bob));
        };

        // From the delivery panel's button.
        QList<ComposerDialog *> before = m_window->findChildren<ComposerDialog *>();
        QTest::mouseClick(panel->resendButton(), Qt::LeftButton);
        QPointer<ComposerDialog> fromPanel = openedComposer(before);
        checkDraft(fromPanel);
        if (QTest::currentTestFailed())
            return;
        const QString dir = qEnvironmentVariable("MAILTRAIL_SCREENSHOT_DIR");
        if (!dir.isEmpty()) {
            QVERIFY(panel->grab().save(dir + QStringLiteral("/delivery-panel-resend.png")));
            QVERIFY(fromPanel->grab().save(dir + QStringLiteral("/composer-resend.png")));
        }
        fromPanel->setCloseQuestion([] { return ComposerDialog::CloseChoice::Discard; });
        fromPanel->reject();
        QTRY_VERIFY(fromPanel.isNull());

        // From the message list's context menu.
        before = m_window->findChildren<ComposerDialog *>();
        QString menuSeen;
        bool triggered = false;
        QTimer poll;
        connect(&poll, &QTimer::timeout, this, [&] {
            auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
            if (!menu)
                return;
            poll.stop();
            for (QAction *a : menu->actions())
                menuSeen += a->objectName() + QLatin1Char('/') + a->text() + (a->isEnabled() ? QString() : QStringLiteral(" (off)")) + QLatin1Char(';');
            for (QAction *action : menu->actions()) {
                if (action->objectName() == QLatin1String("resendToFailed") && action->isEnabled()) {
                    triggered = true;
                    action->trigger();
                }
            }
            menu->close();
        });
        poll.start(20);
        QVERIFY(tracked->isVisible());
        const QModelIndex current = tracked->currentIndex();
        QCOMPARE(current.data(Models::SentMessageIdRole).toLongLong(), original);
        tracked->scrollTo(current);
        const QRect rect = tracked->visualRect(current);
        QCOMPARE(tracked->indexAt(rect.center()).data(Models::SentMessageIdRole).toLongLong(), original);
        Q_EMIT tracked->customContextMenuRequested(rect.center());
        poll.stop();
        QVERIFY2(triggered, qPrintable(menuSeen));
        QPointer<ComposerDialog> fromMenu = openedComposer(before);
        checkDraft(fromMenu);
        if (QTest::currentTestFailed())
            return;

        // Send, with the button; ghost failed before: "Send anyway".
        fromMenu->setConfirmation([](const QString &, const QString &) { return true; });
        auto *advice = fromMenu->findChild<RecipientAdvice *>();
        QVERIFY(advice);
        int asked = 0;
        advice->setAsk([&asked](const Tracking::RecipientWarning &) {
            ++asked;
            return RecipientAdvice::Choice::SendAnyway;
        });
        auto *send = fromMenu->findChild<QPushButton *>(QStringLiteral("sendButton"));
        QVERIFY(send);
        QTest::mouseClick(send, Qt::LeftButton);
        QCOMPARE(asked, 1);
        QTRY_VERIFY(fromMenu.isNull());

        // A new tracked message, to ghost only, linked both ways.
        Tracking::TrackingStore &store = m_context->trackingStore();
        QTRY_VERIFY_WITH_TIMEOUT(!store.message(original)->resentAs.isEmpty(), 10000);
        QCOMPARE(store.message(original)->resentAs.size(), 1);
        const qint64 resent = store.message(original)->resentAs.first();
        const auto again = store.message(resent);
        QVERIFY(again);
        QCOMPARE(again->resendOf, original);
        QCOMPARE(again->subject, subject);
        QCOMPARE(again->recipients.size(), 1);
        QCOMPARE(again->recipients.first().address(), ghost);
        QVERIFY(again->messageId != store.message(original)->messageId);
        // What went out: the original text and attachment, References to the original.
        qint64 entryId = 0;
        for (const Sync::OutboxEntry &e : Sync::OutboxStore(m_context->database().connection()).list()) {
            if (e.sentMessageId == resent)
                entryId = e.id;
        }
        QVERIFY(entryId > 0);
        QTRY_COMPARE_WITH_TIMEOUT(Sync::OutboxStore(m_context->database().connection()).entry(entryId)->state,
                                  Sync::OutboxState::Sent, 60000);
        const QByteArray bytes = Sync::OutboxStore(m_context->database().connection()).entry(entryId)->bytes;
        QVERIFY2(bytes.contains(QByteArray("References: <" + store.message(original)->messageId.toUtf8() + ">")),
                 bytes.constData());
        QVERIFY(bytes.contains("The original text."));
        QVERIFY(bytes.contains("notes.txt"));
        QTRY_VERIFY_WITH_TIMEOUT(!m_controller->isBusy(), 60000);

        // Both timelines say so.
        panel->setSentMessage(original);
        QVERIFY2(panel->metaLabel()->text().contains(QStringLiteral("Resent as <%1>").arg(again->messageId)),
                 qPrintable(panel->metaLabel()->text()));
        panel->setSentMessage(resent);
        QVERIFY2(panel->metaLabel()->text().contains(
                     QStringLiteral("Resend of <%1>").arg(store.message(original)->messageId)),
                 qPrintable(panel->metaLabel()->text()));
        if (!dir.isEmpty())
            QVERIFY(panel->grab().save(dir + QStringLiteral("/delivery-panel-resend-of.png")));
    }

    void offlineSendIsQueuedAndGoesOutWhenTheServerIsBack()
    {
        Store::Account alice = account(QStringLiteral("alice"));
        const Store::Endpoint real = alice.smtp;
        alice.smtp.port = deadPort();
        QVERIFY(alice.smtp.port != 0);
        updateAccount(alice);

        const QString subject = QStringLiteral("GUI offline ") + token();
        QSignalSpy flushed(m_controller.get(), &MailController::flushFinished);
        composeAndSend(m_stack.address(QStringLiteral("bob")), subject, QStringLiteral("Later."));
        QVERIFY(flushed.wait(60000));
        Sync::OutboxEntry entry = outboxEntryFor(subject);
        QCOMPARE(entry.state, Sync::OutboxState::Queued);
        QVERIFY(entry.attempts >= 1);
        QVERIFY2(m_window->messageBar()->text().contains(subject),
            qPrintable(m_window->messageBar()->text()));
        QVERIFY(m_window->messageBar()->text().contains(QStringLiteral("stays in the outbox")));
        QCOMPARE(trackedState(subject), QStringLiteral("queued"));

        // The outbox window lists it; nothing to decide for a queued message.
        OutboxDialog *outbox = m_window->openOutbox();
        QVERIFY(findSubject(outbox->list()->model(), subject).isValid());
        outbox->close();

        alice.smtp = real;
        updateAccount(alice);
        QVERIFY(checkMail()); // Check Mail also sends what waited
        QTRY_COMPARE_WITH_TIMEOUT(outboxEntryFor(subject).state, Sync::OutboxState::Sent, 60000);
        QVERIFY(!m_stack.waitForMessageContaining(QStringLiteral("bob"), { subject.toUtf8() })
                     .isEmpty());
    }

    void refusedRecipientIsSaidInTheWindow()
    {
        const QString subject = QStringLiteral("GUI refused ") + token();
        QSignalSpy flushed(m_controller.get(), &MailController::flushFinished);
        composeAndSend(QStringLiteral("nobody@elsewhere.example"), subject, QStringLiteral("No."));
        QVERIFY(flushed.wait(60000));
        const Sync::OutboxEntry entry = outboxEntryFor(subject);
        QCOMPARE(entry.state, Sync::OutboxState::Failed);
        QVERIFY2(m_window->messageBar()->text().contains(subject),
            qPrintable(m_window->messageBar()->text()));
        QCOMPARE(m_window->messageBar()->kind(), MessageBar::Kind::Error);

        // Issue 19 item 4: the panel says "Not sent", and the server's refusal is shown once.
        DeliveryPanel *panel = m_window->deliveryPanel();
        panel->setSentMessage(entry.sentMessageId);
        const QString meta = panel->metaLabel()->text();
        QVERIFY2(meta.startsWith(QStringLiteral("Not sent")), qPrintable(meta));
        QVERIFY2(!meta.contains(QStringLiteral("Sent ")), qPrintable(meta));
        QStringList shown;
        for (const QLabel *label : panel->findChildren<QLabel *>())
            if (label->isVisible())
                shown << label->text();
        QTreeWidget *timeline = panel->timelineView();
        for (int i = 0; i < timeline->topLevelItemCount(); ++i)
            shown << timeline->topLevelItem(i)->text(1);
        const QString refusal = QStringLiteral("Recipient address rejected");
        QCOMPARE(shown.join(QLatin1Char('\n')).count(refusal), 1);

        // The outbox offers one way forward: Edit and Send Again (no Resend beside it).
        OutboxDialog *outbox = m_window->openOutbox();
        const QList<QTreeWidgetItem *> items = outbox->list()->findItems(subject, Qt::MatchExactly, 0);
        QCOMPARE(items.size(), 1);
        outbox->list()->setCurrentItem(items.first());
        QVERIFY(outbox->editAgainButton()->isVisible());
        QVERIFY(outbox->editAgainButton()->isEnabled());
        QVERIFY(!outbox->resendButton()->isVisible());
        QCOMPARE(items.first()->text(3).count(refusal), 1);
        const QList<ComposerDialog *> before = m_window->findChildren<ComposerDialog *>();
        QTest::mouseClick(outbox->editAgainButton(), Qt::LeftButton);
        ComposerDialog *composer = nullptr;
        for (ComposerDialog *c : m_window->findChildren<ComposerDialog *>())
            if (!before.contains(c))
                composer = c;
        QVERIFY(composer);
        QCOMPARE(composer->subjectField()->text(), subject);
        QVERIFY2(composer->toField()->text().contains(QStringLiteral("nobody@elsewhere.example")),
                 qPrintable(composer->toField()->text()));
        QVERIFY(composer->bodyField()->toPlainText().contains(QStringLiteral("No.")));
        // Corrected and sent: the refused message leaves the outbox, the new one goes out.
        composer->setConfirmation([](const QString &, const QString &) { return true; });
        composer->toField()->setText(m_stack.address(QStringLiteral("bob")));
        QSignalSpy sentAgain(m_controller.get(), &MailController::flushFinished);
        QVERIFY(composer->send());
        delete composer;
        QTRY_VERIFY(!Sync::OutboxStore(m_context->database().connection()).entry(entry.id).has_value());
        QVERIFY(sentAgain.wait(60000));
        QVERIFY(!m_stack.waitForMessageContaining(QStringLiteral("bob"), { subject.toUtf8() }).isEmpty());
        delete outbox;
    }

    void bodyIsDownloadedWhenTheMessageIsOpened()
    {
        const QString subject = QStringLiteral("GUI body ") + token();
        const QByteArray mail = "From: bob@example.test\r\nTo: alice@example.test\r\nSubject: "
            + subject.toUtf8() + "\r\nMessage-ID: <" + token().toUtf8()
            + "@example.test>\r\n\r\nThe body of " + subject.toUtf8() + ".\r\n";
        QCOMPARE(m_stack.submit(QStringLiteral("bob"), { "alice@example.test" }, mail), QString());
        QVERIFY(!m_stack.waitForMessageContaining(QStringLiteral("alice"), { subject.toUtf8() })
                     .isEmpty());
        QVERIFY(checkMail());

        QVERIFY(showFolder(QStringLiteral("alice"), QStringLiteral("INBOX")));
        QTreeView *list = m_window->listPane()->mailView();
        const QModelIndex row = findSubject(list->model(), subject);
        QVERIFY(row.isValid());
        QSignalSpy fetched(m_controller.get(), &MailController::bodyFetched);
        list->setCurrentIndex(row);
        QVERIFY(fetched.wait(60000));
        QVERIFY(fetched.first().at(1).toBool());
        QVERIFY2(m_window->viewer()->bodyView()->toPlainText().contains(
                     QStringLiteral("The body of ") + subject),
            qPrintable(m_window->viewer()->bodyView()->toPlainText()));
        // Shown means read: \Seen locally at once, and on the server.
        QSignalSpy read(m_controller.get(), &MailController::messageMarkedRead);
        QVERIFY(read.wait(60000));
        QVERIFY(read.first().at(1).toBool());
        const qint64 id = read.first().at(0).toLongLong();
        QVERIFY(
            Store::MessageRepository(m_context->database().connection()).findById(id)->isSeen());
        QVERIFY(checkMail()); // the server's flags come back the same
        QVERIFY(
            Store::MessageRepository(m_context->database().connection()).findById(id)->isSeen());
    }

    void unreachableServerIsSaidInTheViewer()
    {
        const QString subject = QStringLiteral("GUI offline body ") + token();
        const QByteArray mail = "From: bob@example.test\r\nTo: alice@example.test\r\nSubject: "
            + subject.toUtf8() + "\r\n\r\nNot downloaded.\r\n";
        QCOMPARE(m_stack.submit(QStringLiteral("bob"), { "alice@example.test" }, mail), QString());
        QVERIFY(!m_stack.waitForMessageContaining(QStringLiteral("alice"), { subject.toUtf8() })
                     .isEmpty());
        QVERIFY(checkMail());
        Store::Account alice = account(QStringLiteral("alice"));
        const Store::Endpoint real = alice.imap;
        alice.imap.port = deadPort();
        updateAccount(alice);

        QVERIFY(showFolder(QStringLiteral("alice"), QStringLiteral("INBOX")));
        QTreeView *list = m_window->listPane()->mailView();
        const QModelIndex row = findSubject(list->model(), subject);
        QVERIFY(row.isValid());
        QSignalSpy fetched(m_controller.get(), &MailController::bodyFetched);
        list->setCurrentIndex(row);
        QVERIFY(fetched.wait(60000));
        QVERIFY(!fetched.first().at(1).toBool());
        const QString shown = m_window->viewer()->bodyView()->toPlainText();
        QVERIFY2(shown.contains(QStringLiteral("cannot be reached")), qPrintable(shown));
        alice.imap = real;
        updateAccount(alice);
    }

    void newMailArrivesThroughIdle()
    {
        m_controller->setMonitoringEnabled(true);
        QVERIFY(checkMail()); // starts the IDLE monitor after a good check
        const QString subject = QStringLiteral("GUI idle ") + token();
        QSignalSpy arrived(m_controller.get(), &MailController::newMailArrived);
        const QByteArray mail = "From: bob@example.test\r\nTo: alice@example.test\r\nSubject: "
            + subject.toUtf8() + "\r\n\r\nPushed.\r\n";
        QCOMPARE(m_stack.submit(QStringLiteral("bob"), { "alice@example.test" }, mail), QString());
        QVERIFY(showFolder(QStringLiteral("alice"), QStringLiteral("INBOX")));
        // No F5: the monitor brings it.
        QTRY_VERIFY_WITH_TIMEOUT(
            findSubject(m_window->listPane()->mailView()->model(), subject).isValid(), 60000);
        QVERIFY(!arrived.isEmpty());
        m_controller->setMonitoringEnabled(false);
    }

    void connectionTestLogsInAndStopsAtAnUntrustedCertificate()
    {
        Store::Account a = stackAccount(QStringLiteral("carol"));
        a.caFile.clear(); // the stack's throw-away CA is not trusted by the system
        std::optional<ConnectionTestResult> result;
        m_controller->testConnection(a, m_stack.password(QStringLiteral("carol")),
            [&](const ConnectionTestResult &r) { result = r; });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 60000);
        QVERIFY(!result->ok);
        QVERIFY(result->certificate.has_value());
        QCOMPARE(result->certificate->port, m_stack.imapsPort());

        // Trusting it (as the certificate dialog does) pins it; then both servers say yes.
        a.pinnedFingerprints
            = { Store::normalizeFingerprint(Net::fingerprintToHex(result->certificate->sha256)) };
        result.reset();
        m_controller->testConnection(a, m_stack.password(QStringLiteral("carol")),
            [&](const ConnectionTestResult &r) { result = r; });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 60000);
        QVERIFY2(result->ok, qPrintable(result->error));
        QVERIFY(result->dsnSupported);
        // What the server offered is remembered for the composer's DSN warning and for
        // building the first message.
        const std::optional<bool> offered
            = Sync::SubmissionCapabilityStore(m_context->database().connection()).dsnSupported(a.name);
        QCOMPARE(offered, std::optional<bool>(true));

        a.caFile = m_stack.caFile();
        result.reset();
        m_controller->testConnection(
            a, QStringLiteral("wrong"), [&](const ConnectionTestResult &r) { result = r; });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 60000);
        QVERIFY(!result->ok);
        QVERIFY(!result->certificate.has_value());
        QVERIFY2(result->error.contains(QStringLiteral("IMAP")), qPrintable(result->error));
    }

    void draftIsSavedLocallyAndOnTheServer()
    {
        activate();
        QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier);
        auto *composer = m_window->findChild<ComposerDialog *>();
        QVERIFY(composer);
        composer->setAccount(QStringLiteral("alice"));
        const QString subject = QStringLiteral("GUI draft ") + token();
        composer->subjectField()->setText(subject);
        composer->bodyField()->setPlainText(QStringLiteral("Unfinished."));
        QSignalSpy uploaded(m_controller.get(), &MailController::draftUploaded);
        auto *saveButton = composer->findChild<QPushButton *>(QStringLiteral("draftButton"));
        QVERIFY(saveButton);
        QCOMPARE(saveButton->shortcut(), QKeySequence(QKeySequence::Save));
        QTest::mouseClick(saveButton, Qt::LeftButton);
        QVERIFY2(composer->draftId() != 0, qPrintable(m_window->messageBar()->text()));
        QVERIFY(uploaded.wait(60000));
        QVERIFY(uploaded.first().at(1).toBool());
        const std::optional<Sync::Draft> draft
            = Sync::DraftStore(m_context->database().connection()).find(composer->draftId());
        QVERIFY(draft);
        QCOMPARE(draft->imapState, QStringLiteral("done"));
        delete composer;
        QVERIFY(checkMail());
        QVERIFY(showFolder(QStringLiteral("alice"), QStringLiteral("Drafts")));
        QTreeView *list = m_window->listPane()->mailView();
        const QModelIndex row = findSubject(list->model(), subject);
        QVERIFY(row.isValid());
        QSignalSpy fetched(m_controller.get(), &MailController::bodyFetched);
        list->setCurrentIndex(row);
        QVERIFY(fetched.wait(60000));
        // Reopened in the composer.
        ComposerDialog *reopened = m_window->editDraft();
        QVERIFY(reopened);
        QCOMPARE(reopened->subjectField()->text(), subject);
        QVERIFY(reopened->bodyField()->toPlainText().contains(QStringLiteral("Unfinished.")));
        // Sending it removes the copy in Drafts from the server.
        const QPointer<ComposerDialog> guard(reopened);
        reopened->setConfirmation([](const QString &, const QString &) { return true; });
        reopened->toField()->setText(m_stack.address(QStringLiteral("bob")));
        QSignalSpy deleted(m_controller.get(), &MailController::messageDeleted);
        QVERIFY(reopened->send());
        QVERIFY(deleted.wait(60000));
        QVERIFY(deleted.first().at(1).toBool());
        QVERIFY(!m_stack.waitForMessageContaining(QStringLiteral("bob"), {subject.toUtf8()}).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(!m_controller->isBusy(), 60000);
        QVERIFY(checkMail());
        QVERIFY(showFolder(QStringLiteral("alice"), QStringLiteral("Drafts")));
        QVERIFY(!findSubject(m_window->listPane()->mailView()->model(), subject).isValid());
        delete guard.data();
    }

    void readReceiptBarSendsAndIgnores()
    {
        const QString subject = QStringLiteral("GUI receipt ") + token();
        const QString ignored = QStringLiteral("GUI no receipt ") + token();
        for (const QString &s : { subject, ignored }) {
            activate();
            QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier);
            auto *composer = m_window->findChild<ComposerDialog *>();
            QVERIFY(composer);
            composer->setConfirmation([](const QString &, const QString &) { return true; });
            composer->setAccount(QStringLiteral("alice"));
            composer->toField()->setText(m_stack.address(QStringLiteral("bob")));
            composer->subjectField()->setText(s);
            composer->bodyField()->setPlainText(QStringLiteral("Please confirm."));
            composer->readReceiptBox()->setChecked(true);
            QVERIFY(composer->send());
            delete composer;
            QVERIFY(
                !m_stack.waitForMessageContaining(QStringLiteral("bob"), { s.toUtf8() }).isEmpty());
        }
        QTRY_VERIFY_WITH_TIMEOUT(!m_controller->isBusy(), 60000);
        QVERIFY(checkMail(QStringLiteral("bob")));

        QVERIFY(showFolder(QStringLiteral("bob"), QStringLiteral("INBOX")));
        QTreeView *list = m_window->listPane()->mailView();
        MessageViewer *viewer = m_window->viewer();

        // Send: the bar asks (bob's policy is "ask"), the MDN goes out through bob's outbox.
        QModelIndex row = findSubject(list->model(), subject);
        QVERIFY(row.isValid());
        QSignalSpy fetched(m_controller.get(), &MailController::bodyFetched);
        list->setCurrentIndex(row);
        QVERIFY(fetched.wait(60000));
        QVERIFY(viewer->receiptBar()->isVisible());
        QSignalSpy queued(m_controller.get(), &MailController::readReceiptQueued);
        QTest::mouseClick(
            viewer->receiptBar()->findChild<QPushButton *>(QStringLiteral("sendReceipt")),
            Qt::LeftButton);
        QCOMPARE(queued.size(), 1);
        QVERIFY(!viewer->receiptBar()->isVisible());
        QVERIFY(!m_stack
                     .waitForMessageContaining(
                         QStringLiteral("alice"), { "disposition-notification", subject.toUtf8() })
                     .isEmpty());
        // Alice's Check Mail reads it: the message is displayed.
        QVERIFY(checkMail(QStringLiteral("alice")));
        QTRY_COMPARE_WITH_TIMEOUT(trackedState(subject), QStringLiteral("displayed"), 30000);

        // Ignore: nothing is sent, and the bar does not come back.
        QVERIFY(showFolder(QStringLiteral("bob"), QStringLiteral("INBOX")));
        row = findSubject(list->model(), ignored);
        QVERIFY(row.isValid());
        fetched.clear();
        list->setCurrentIndex(row);
        QVERIFY(fetched.wait(60000));
        QVERIFY(viewer->receiptBar()->isVisible());
        QTest::mouseClick(
            viewer->receiptBar()->findChild<QPushButton *>(QStringLiteral("ignoreReceipt")),
            Qt::LeftButton);
        QCOMPARE(queued.size(), 1);
        list->setCurrentIndex(findSubject(list->model(), subject));
        list->setCurrentIndex(findSubject(list->model(), ignored));
        QVERIFY(!viewer->receiptBar()->isVisible());
    }

    /// Sends a message from alice to bob with a read-receipt request through the composer
    /// and waits until it is in bob's Maildir.
    void sendWithReceiptRequest(const QString &subject)
    {
        activate();
        QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier);
        auto *composer = m_window->findChild<ComposerDialog *>();
        QVERIFY(composer);
        composer->setConfirmation([](const QString &, const QString &) { return true; });
        composer->setAccount(QStringLiteral("alice"));
        composer->toField()->setText(m_stack.address(QStringLiteral("bob")));
        composer->subjectField()->setText(subject);
        composer->bodyField()->setPlainText(QStringLiteral("Did you read this?"));
        composer->readReceiptBox()->setChecked(true);
        QVERIFY(composer->send());
        delete composer;
        QVERIFY(!m_stack.waitForMessageContaining(QStringLiteral("bob"), { subject.toUtf8() }).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(!m_controller->isBusy(), 60000);
    }

    /// Read receipts (MDNs: the null reverse path) in bob's outbox.
    int bobReceipts()
    {
        int n = 0;
        for (const Sync::OutboxEntry &e : Sync::OutboxStore(m_context->database().connection()).list(QStringLiteral("bob")))
            n += e.mailFrom.isEmpty() ? 1 : 0;
        return n;
    }

    /// Issue 15 §1: under "always" Check Mail sends nothing, deleting an unread message sends
    /// nothing; displaying the message in the viewer sends the receipt automatically.
    void receiptUnderAlwaysOnlyWhenDisplayed()
    {
        Store::Account bob = account(QStringLiteral("bob"));
        bob.readReceipts = Store::ReadReceipts::Always;
        updateAccount(bob);
        const QString shown = QStringLiteral("GUI always shown ") + token();
        const QString binned = QStringLiteral("GUI always binned ") + token();
        sendWithReceiptRequest(shown);
        sendWithReceiptRequest(binned);
        const int before = bobReceipts();
        QVERIFY(checkMail(QStringLiteral("bob")));
        QCOMPARE(bobReceipts(), before); // a check never answers

        QVERIFY(showFolder(QStringLiteral("bob"), QStringLiteral("INBOX")));
        QTreeView *list = m_window->listPane()->mailView();
        // Deleted without being displayed: nothing is sent.
        const QModelIndex binnedRow = findSubject(list->model(), binned);
        QVERIFY(binnedRow.isValid());
        QSignalSpy deleted(m_controller.get(), &MailController::messageDeleted);
        Q_EMIT m_window->deleteRequested(binnedRow.data(Models::MessageIdRole).toLongLong());
        QVERIFY(deleted.wait(60000));
        QVERIFY(deleted.first().at(1).toBool());
        QVERIFY(checkMail(QStringLiteral("bob")));
        QCOMPARE(bobReceipts(), before);

        // Displayed: sent automatically, no bar.
        QVERIFY(showFolder(QStringLiteral("bob"), QStringLiteral("INBOX")));
        const QModelIndex row = findSubject(list->model(), shown);
        QVERIFY(row.isValid());
        QSignalSpy queued(m_controller.get(), &MailController::readReceiptQueued);
        list->setCurrentIndex(row);
        QVERIFY(queued.size() == 1 || queued.wait(60000));
        QVERIFY(!m_window->viewer()->receiptBar()->isVisible());
        QCOMPARE(bobReceipts(), before + 1);
        const QByteArray mdn = m_stack.waitForMessageContaining(
            QStringLiteral("alice"), { "disposition-notification", shown.toUtf8() });
        QVERIFY(mdn.contains("automatic-action/MDN-sent-automatically; displayed"));
        // Shown again: nothing more.
        list->setCurrentIndex(QModelIndex());
        list->setCurrentIndex(findSubject(list->model(), shown));
        QCOMPARE(bobReceipts(), before + 1);

        bob.readReceipts = Store::ReadReceipts::Ask;
        updateAccount(bob);
    }

    /// Issue 15 §1: alice's and bob's accounts share this profile, so bob's copy has the
    /// Message-ID of alice's sent message. Selecting it in the Tracked view shows alice's own
    /// copy: no receipt is offered, and bob's copy stays unread.
    void trackedViewShowsTheSendersCopy()
    {
        const QString subject = QStringLiteral("GUI tracked copy ") + token();
        sendWithReceiptRequest(subject);
        QVERIFY(checkMail(QStringLiteral("bob"))); // bob's copy is cached first
        QTRY_COMPARE_WITH_TIMEOUT(outboxEntryFor(subject).sentCopy, Sync::SentCopyState::Done, 30000);
        QVERIFY(checkMail(QStringLiteral("alice"))); // then alice's Sent copy
        const QByteArray messageId = outboxEntryFor(subject).messageId;
        const QList<Store::MessageRecord> copies
            = Store::MessageRepository(m_context->database().connection()).findByMessageId(QString::fromUtf8(messageId));
        QCOMPARE(copies.size(), 2);
        const qint64 bobFolder = copies.first().folderId;
        const int before = bobReceipts();

        m_window->folderPane()->selectTracked(TrackedFilter::All);
        QTreeView *tracked = m_window->listPane()->trackedView();
        const QModelIndex row = findSubject(tracked->model(), subject);
        QVERIFY(row.isValid());
        tracked->setCurrentIndex(row);
        const qint64 shown = m_window->currentMessage();
        QVERIFY(shown != 0);
        QCOMPARE(shown, copies.last().id); // alice's copy in her Sent folder
        QVERIFY(copies.first().id != shown);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->viewer()->message() != nullptr, 60000);
        QVERIFY(!m_window->viewer()->receiptBar()->isVisible());
        QCOMPARE(bobReceipts(), before);
        const auto bobCopy = Store::MessageRepository(m_context->database().connection()).findById(copies.first().id);
        QVERIFY(bobCopy);
        QCOMPARE(bobCopy->folderId, bobFolder);
        QVERIFY(!bobCopy->isSeen());
    }

    void deleteMovesToTrash()
    {
        const QString subject = QStringLiteral("GUI delete ") + token();
        const QByteArray mail = "From: bob@example.test\r\nTo: alice@example.test\r\nSubject: "
            + subject.toUtf8() + "\r\n\r\nBin me.\r\n";
        QCOMPARE(m_stack.submit(QStringLiteral("bob"), { "alice@example.test" }, mail), QString());
        QVERIFY(!m_stack.waitForMessageContaining(QStringLiteral("alice"), { subject.toUtf8() })
                     .isEmpty());
        QVERIFY(checkMail());
        QVERIFY(showFolder(QStringLiteral("alice"), QStringLiteral("INBOX")));
        QTreeView *list = m_window->listPane()->mailView();
        const QModelIndex row = findSubject(list->model(), subject);
        QVERIFY(row.isValid());
        list->setCurrentIndex(row);
        list->setFocus();
        QSignalSpy deleted(m_controller.get(), &MailController::messageDeleted);
        activate();
        list->setFocus();
        QTest::keyClick(list, Qt::Key_Delete);
        QVERIFY(deleted.wait(60000));
        QVERIFY(deleted.first().at(1).toBool());
        QVERIFY(!findSubject(list->model(), subject).isValid());
        QVERIFY(checkMail());
        QVERIFY(showFolder(QStringLiteral("alice"), QStringLiteral("Trash")));
        QVERIFY(findSubject(list->model(), subject).isValid());
    }

    void untrustedCertificateIsAskedAndPinned()
    {
        Store::Account alice = account(QStringLiteral("alice"));
        const QString ca = alice.caFile;
        alice.caFile.clear();
        alice.pinnedFingerprints.clear();
        updateAccount(alice);
        int asked = 0;
        m_controller->setCertificatePrompt(
            [&asked](const Net::CertificateProblem &problem,
                std::function<void(Net::CertificateDecision)> answer) {
                ++asked;
                QVERIFY(!problem.sha256.isEmpty());
                answer(Net::CertificateDecision::Pin); // as the dialog's Trust button
            });
        QVERIFY(checkMail());
        // Asked once: the other connections of the check do not ask about it again.
        QCOMPARE(asked, 1);
        const QStringList pins = account(QStringLiteral("alice")).pinnedFingerprints;
        QCOMPARE(pins.size(), 1);
        // The next check trusts the pinned certificate without asking.
        asked = 0;
        QVERIFY(checkMail());
        QCOMPARE(asked, 0);
        m_controller->setCertificatePrompt(
            [](const Net::CertificateProblem &,
                std::function<void(Net::CertificateDecision)> answer) {
                answer(Net::CertificateDecision::Reject);
            });
        alice = account(QStringLiteral("alice"));
        alice.caFile = ca;
        updateAccount(alice);
    }

    void mayHaveBeenSentWaitsForTheUser()
    {
        // A message whose connection broke after the final dot (as OutboxSender records it).
        Sync::OutboxStore store(m_context->database().connection());
        const auto enqueue = [&](const QString &subject) {
            Sync::OutboxMessage m;
            m.account = QStringLiteral("alice");
            m.subject = subject;
            m.messageId = "<" + token().toUtf8() + "@example.test>";
            m.bytes = "From: alice@example.test\r\nTo: bob@example.test\r\nSubject: "
                + subject.toUtf8() + "\r\nMessage-ID: " + m.messageId + "\r\n\r\nMaybe.\r\n";
            m.envelope = Smtp::Envelope::simple(
                QStringLiteral("alice@example.test"), { QStringLiteral("bob@example.test") });
            const std::optional<qint64> id = store.enqueue(m);
            return id && store.markTransmitting(*id)
                    && store.markUncertain(*id, QStringLiteral("connection lost"))
                ? *id
                : 0;
        };
        const QString resent = QStringLiteral("GUI uncertain ") + token();
        const QString discarded = QStringLiteral("GUI discarded ") + token();
        const qint64 resentId = enqueue(resent);
        const qint64 discardedId = enqueue(discarded);
        QVERIFY(resentId && discardedId);
        // Never resent on its own: a flush leaves it alone.
        m_controller->flushOutbox(QStringLiteral("alice"), true);
        QTRY_VERIFY_WITH_TIMEOUT(!m_controller->isBusy(), 60000);
        QCOMPARE(store.entry(resentId)->state, Sync::OutboxState::Uncertain);

        OutboxDialog *outbox = m_window->openOutbox();
        QTreeWidget *list = outbox->list();
        const auto select = [&](const QString &subject) {
            const QList<QTreeWidgetItem *> items = list->findItems(subject, Qt::MatchExactly, 0);
            if (!items.isEmpty())
                list->setCurrentItem(items.first());
            return items.size() == 1
                && items.first()->text(2) == OutboxDialog::tr("May have been sent");
        };
        QVERIFY(select(discarded));
        QVERIFY(outbox->discardButton()->isEnabled());
        QTest::mouseClick(outbox->discardButton(), Qt::LeftButton);
        QVERIFY(!store.entry(discardedId).has_value());

        QVERIFY(select(resent));
        QVERIFY(outbox->resendButton()->isEnabled());
        QSignalSpy flushed(m_controller.get(), &MailController::flushFinished);
        QTest::mouseClick(outbox->resendButton(), Qt::LeftButton);
        QVERIFY(flushed.wait(60000));
        QCOMPARE(store.entry(resentId)->state, Sync::OutboxState::Sent);
        QVERIFY(!m_stack.waitForMessageContaining(QStringLiteral("bob"), { resent.toUtf8() })
                     .isEmpty());
        delete outbox;
    }

    void removingAnAccountInSettingsRemovesItsSecret()
    {
        // A spare account with its password in the keychain, removed in Settings → Accounts.
        Store::Account spare = stackAccount(QStringLiteral("carol"));
        spare.name = QStringLiteral("spare");
        QCOMPARE(Store::AccountRepository(m_context->database().connection()).add(spare), QString());
        Sync::PasswordStore keychain(m_service);
        QSignalSpy written(&keychain, &Sync::PasswordStore::passwordWritten);
        keychain.write(spare.name, QStringLiteral("spare-secret"));
        QVERIFY(written.wait(10000));
        QVERIFY(written.first().at(1).toBool());

        SettingsDialog *dialog = m_window->openSettings();
        QCOMPARE(dialog->removeAccount(spare.name, true), QString());
        QVERIFY(!Store::AccountRepository(m_context->database().connection()).find(spare.name));
        QSignalSpy read(&keychain, &Sync::PasswordStore::passwordRead);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                read.clear();
                keychain.read(spare.name);
                return read.wait(10000) && read.first().at(1).toString().isEmpty();
            }(),
            10000);
        // The other accounts keep theirs.
        read.clear();
        keychain.read(QStringLiteral("alice"));
        QVERIFY(read.wait(10000));
        QCOMPARE(read.first().at(1).toString(), m_stack.password(QStringLiteral("alice")));
        dialog->close();
    }

    void standardShortcuts()
    {
        activate();
        QSignalSpy sync(m_window.get(), &MainWindow::syncRequested);
        QTest::keyClick(m_window.get(), Qt::Key_F5);
        QCOMPARE(sync.size(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(!m_controller->isBusy(), 60000);
        QTest::keyClick(m_window.get(), Qt::Key_O, Qt::ControlModifier | Qt::ShiftModifier);
        auto *outbox = m_window->findChild<OutboxDialog *>();
        QVERIFY(outbox);
        delete outbox;
        activate();
        QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier);
        auto *composer = m_window->findChild<ComposerDialog *>();
        QVERIFY(composer);
        delete composer;
    }
};

QTEST_MAIN(MailControllerTest)
#include "MailControllerTest.moc"
