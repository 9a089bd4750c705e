// SPDX-License-Identifier: GPL-3.0-or-later
// Folders and messages from the window against the private Postfix + Dovecot (fixtures
// Mailstack, Keychain), through MailController and core's sessions (issue 19): a folder made,
// renamed and deleted in the tree is made, renamed and deleted on the server; the server's
// refusal is shown and changes nothing; several messages selected are flagged on the server by
// a key, moved by "Move to…" (typed, Enter), copied by a Ctrl-drop on the tree and deleted to
// the Trash, the next message shown after each.
#include "AppContext.h"
#include "FolderActions.h"
#include "FolderPane.h"
#include "FolderPickerDialog.h"
#include "ImapTestClient.h"
#include "Keychain.h"
#include "MailController.h"
#include "MailStack.h"
#include "MainWindow.h"
#include "MessageActions.h"
#include "MessageBar.h"
#include "MessageListPane.h"
#include "AccountPasswords.h"
#include "models/Roles.h"
#include "search/OfflineBodies.h"
#include "store/AccountRepository.h"
#include "sync/PasswordStore.h"
#include "sync/SentElsewhere.h"

#include <QApplication>
#include <QDropEvent>
#include <QLineEdit>
#include <QListView>
#include <QMimeData>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUuid>

using namespace Mailtrail;
using namespace Mailtrail::Ui;

namespace {

QString token()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
}

QModelIndex findFolder(const QAbstractItemModel *model, const QString &folder, const QModelIndex &parent = {})
{
    for (int r = 0; r < model->rowCount(parent); ++r) {
        const QModelIndex i = model->index(r, 0, parent);
        if (i.data(Models::AccountNameRole).toString() == QLatin1String("bob")
            && i.data(Models::FolderNameRole).toString() == folder)
            return i;
        if (const QModelIndex c = findFolder(model, folder, i); c.isValid())
            return c;
    }
    return {};
}

} // namespace

class FolderActionsStackTest : public QObject
{
    Q_OBJECT
private:
    Test::MailStack m_stack = Test::MailStack::fromEnvironment();
    QTemporaryDir m_profile;
    QString m_service = QStringLiteral("mailtrail-folders-test-") + token();
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<MailController> m_controller;
    QStringList m_created;

    QTreeView *tree() const { return m_window->folderPane()->folderView(); }
    QTreeView *list() const { return m_window->listPane()->mailView(); }

    bool checkMail()
    {
        QSignalSpy checked(m_controller.get(), &MailController::checkFinished);
        m_controller->checkAccount(QStringLiteral("bob"));
        return checked.wait(60000) && checked.first().at(1).toBool()
            && QTest::qWaitFor([this] { return !m_controller->isBusy(); }, 60000);
    }

    QByteArray server(const QByteArray &command)
    {
        Test::ImapTestClient client(m_stack, QStringLiteral("bob"));
        return client.run(command);
    }

    int serverCount(const QString &folder)
    {
        const QByteArray reply = server("STATUS \"" + folder.toUtf8() + "\" (MESSAGES)");
        const qsizetype at = reply.indexOf("MESSAGES ");
        return at < 0 ? -1 : reply.mid(at + 9).split(')').first().toInt();
    }

    bool serverHasFolder(const QString &name) { return server("LIST \"\" \"" + name.toUtf8() + '"').contains("* LIST"); }

    /// Waits for one folderEdited(); its ok.
    bool waitEdited()
    {
        QSignalSpy edited(m_controller.get(), &MailController::folderEdited);
        return edited.wait(30000) && edited.first().at(1).toBool();
    }

    /// The rows of the list whose subject contains @p needle.
    QModelIndexList rowsWith(const QString &needle)
    {
        QModelIndexList out;
        for (int r = 0; r < list()->model()->rowCount(); ++r) {
            const QModelIndex i = list()->model()->index(r, 0);
            if (i.data(Models::SubjectRole).toString().contains(needle))
                out << i;
        }
        return out;
    }

    void selectRows(const QModelIndexList &rows)
    {
        QItemSelectionModel *selection = list()->selectionModel();
        selection->clear();
        for (const QModelIndex &i : rows)
            selection->select(i, QItemSelectionModel::Select | QItemSelectionModel::Rows);
        selection->setCurrentIndex(rows.first(), QItemSelectionModel::NoUpdate);
    }

    bool activate()
    {
        m_window->activateWindow();
        return QTest::qWaitForWindowActive(m_window.get());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_stack.isValid(), qPrintable(m_stack.errorString()));
        const QString bus = Test::useTestSessionBus();
        QVERIFY2(bus.isEmpty(), qPrintable(bus));
        m_context = std::make_unique<AppContext>();
        m_context->setProfileDirectory(m_profile.path());
        QCOMPARE(m_context->open(m_profile.filePath(QStringLiteral("mailtrail.sqlite"))), QString());
        Store::Account bob = m_stack.account(QStringLiteral("bob"), QStringLiteral("bob"));
        QCOMPARE(Store::AccountRepository(m_context->database().connection()).add(bob), QString());
        QCOMPARE(Search::OfflineBodies::setOfflineDays(m_context->database().connection(), bob.id, 0), QString());
        QVERIFY(Sync::SentElsewhere(m_context->database().connection()).setSettings(bob.name, {false, 30}));
        Sync::PasswordStore keychain(m_service);
        QSignalSpy written(&keychain, &Sync::PasswordStore::passwordWritten);
        keychain.write(QStringLiteral("bob"), m_stack.password(QStringLiteral("bob")));
        QVERIFY(written.wait(10000));
        server("CREATE Trash");
        m_window = std::make_unique<MainWindow>(*m_context);
        m_controller = std::make_unique<MailController>(*m_context, *m_window, m_service);
        m_controller->setMonitoringEnabled(false);
        m_controller->passwords().setPrompt([](const Store::Account &, const QString &) { return QString(); });
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(checkMail());
    }

    void cleanupTestCase()
    {
        for (const QString &name : std::as_const(m_created))
            server("DELETE \"" + name.toUtf8() + '"');
        m_controller.reset();
        m_window.reset();
        m_context.reset();
    }

    void foldersAreMadeRenamedAndDeletedOnTheServer()
    {
        const QString made = QStringLiteral("Ui-") + token();
        const QString renamed = QStringLiteral("UiRenamed-") + token();
        m_created << made << renamed;
        QString answer = made;
        m_window->folderActions()->setNamePrompt(
            [&answer](const QString &, const QString &, const QString &) { return std::optional<QString>(answer); });
        // At the top of the account (its row in the tree; the tree is read again after each change).
        const auto account = [this] {
            for (int r = 0; r < tree()->model()->rowCount(); ++r) {
                if (tree()->model()->index(r, 0).data(Models::AccountNameRole).toString() == QLatin1String("bob"))
                    return tree()->model()->index(r, 0);
            }
            return QModelIndex();
        };
        QVERIFY(account().isValid());
        m_window->folderActions()->newFolder(account());
        QVERIFY(waitEdited());
        QVERIFY(serverHasFolder(made));
        QVERIFY(findFolder(tree()->model(), made).isValid());

        answer = renamed;
        m_window->folderActions()->renameFolder(findFolder(tree()->model(), made));
        QVERIFY(waitEdited());
        QVERIFY(serverHasFolder(renamed));
        QVERIFY(!serverHasFolder(made));
        QVERIFY(!findFolder(tree()->model(), made).isValid());
        QVERIFY(findFolder(tree()->model(), renamed).isValid());

        // A name the server has already (this profile does not know it yet): the server's
        // refusal in the message bar, nothing new in the tree.
        const QString clash = QStringLiteral("Clash-") + token();
        m_created << clash;
        QVERIFY(!server("CREATE \"" + clash.toUtf8() + '"').isEmpty());
        answer = clash;
        m_window->folderActions()->newFolder(account());
        QVERIFY(!waitEdited());
        QVERIFY(m_window->messageBar()->isVisible());
        QVERIFY2(m_window->messageBar()->text().contains(QLatin1String("could not be changed")),
                 qPrintable(m_window->messageBar()->text()));
        QVERIFY(!findFolder(tree()->model(), clash).isValid());

        // Delete: with a message in it, asked first.
        QVERIFY(!Test::ImapTestClient(m_stack, QStringLiteral("bob"))
                     .append(renamed.toUtf8(), "From: a@example.test\r\nSubject: in " + renamed.toUtf8() + "\r\n\r\nx\r\n")
                     .isEmpty());
        QVERIFY(checkMail());
        int asked = 0;
        m_window->folderActions()->setConfirmation([&asked](const QString &, const QString &) {
            ++asked;
            return true;
        });
        m_window->folderActions()->deleteFolder(findFolder(tree()->model(), renamed));
        QCOMPARE(asked, 1);
        QVERIFY(waitEdited());
        QVERIFY(!serverHasFolder(renamed));
        QVERIFY(!findFolder(tree()->model(), renamed).isValid());
    }

    void selectedMessagesAreFlaggedMovedCopiedAndDeleted()
    {
        const QString tag = QStringLiteral("Sel-") + token();
        const QString target = QStringLiteral("Into-") + token();
        m_created << target;
        for (int i = 0; i < 4; ++i) {
            const QByteArray mail = "From: alice@example.test\r\nTo: bob@example.test\r\nSubject: " + tag.toUtf8() + ' '
                + QByteArray::number(i) + "\r\n\r\nMessage " + QByteArray::number(i) + "\r\n";
            QCOMPARE(m_stack.submit(QStringLiteral("alice"), {"bob@example.test"}, mail), QString());
        }
        for (int i = 0; i < 4; ++i)
            QVERIFY(!m_stack.waitForMessageContaining(QStringLiteral("bob"), {(tag + QLatin1Char(' ') + QString::number(i)).toUtf8()})
                         .isEmpty());
        QVERIFY(!server("CREATE \"" + target.toUtf8() + '"').isEmpty());
        QVERIFY(checkMail());
        m_window->folderPane()->selectFolder(
            findFolder(tree()->model(), QStringLiteral("INBOX")).data(Models::FolderIdRole).toLongLong());
        QTRY_COMPARE(rowsWith(tag).size(), 4);

        // Flag all four with one key: on the server.
        selectRows(rowsWith(tag));
        QSignalSpy flagged(m_controller.get(), &MailController::flagsStored);
        QVERIFY(activate());
        list()->setFocus();
        QTest::keyClick(list(), Qt::Key_S);
        QTRY_COMPARE_WITH_TIMEOUT(flagged.size(), 4, 30000);
        for (const QList<QVariant> &args : std::as_const(flagged))
            QVERIFY(args.at(1).toBool());
        Test::ImapTestClient client(m_stack, QStringLiteral("bob"));
        client.run("SELECT INBOX");
        const QByteArray found = client.run("UID SEARCH FLAGGED SUBJECT \"" + tag.toUtf8() + '"');
        QCOMPARE(found.split('\n').first().trimmed().split(' ').size(), 2 + 4); // "* SEARCH" + 4 UIDs

        // Move two by "Move to…", typed and Enter; the next message is shown.
        QModelIndexList rows = rowsWith(tag);
        std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
        selectRows({rows.at(0), rows.at(1)});
        const qint64 next = list()->indexBelow(rows.at(1)).data(Models::MessageIdRole).toLongLong();
        QSignalSpy transferred(m_controller.get(), &MailController::messagesTransferred);
        QTest::keyClick(m_window.get(), Qt::Key_V, Qt::ControlModifier | Qt::ShiftModifier);
        FolderPickerDialog *picker = nullptr;
        for (FolderPickerDialog *d : m_window->findChildren<FolderPickerDialog *>()) {
            if (d->isVisible())
                picker = d;
        }
        QVERIFY(picker);
        QTest::keyClicks(picker->filterBox(), target.right(8));
        QCOMPARE(picker->folderList()->model()->rowCount(), 1);
        QTest::keyClick(picker->filterBox(), Qt::Key_Return);
        QVERIFY(transferred.wait(30000));
        QVERIFY(transferred.first().at(1).toBool());
        QTRY_VERIFY(m_window->findChildren<FolderPickerDialog *>().isEmpty()); // closed and deleted
        QCOMPARE(serverCount(target), 2);
        QTRY_COMPARE(rowsWith(tag).size(), 2);
        QCOMPARE(m_window->currentMessage(), next);

        // Copy one by dropping it on the folder with Ctrl.
        rows = rowsWith(tag);
        selectRows({rows.first()});
        std::unique_ptr<QMimeData> data(m_window->messageActions()->dragData());
        QVERIFY(data);
        const QPoint at = tree()->visualRect(findFolder(tree()->model(), target)).center();
        QDragEnterEvent enter(at, Qt::CopyAction | Qt::MoveAction, data.get(), Qt::LeftButton, Qt::ControlModifier);
        QCoreApplication::sendEvent(tree()->viewport(), &enter);
        QDropEvent drop(at, Qt::CopyAction | Qt::MoveAction, data.get(), Qt::LeftButton, Qt::ControlModifier);
        QCoreApplication::sendEvent(tree()->viewport(), &drop);
        QVERIFY(drop.isAccepted());
        QVERIFY(transferred.wait(30000));
        QVERIFY(transferred.last().at(1).toBool());
        QCOMPARE(serverCount(target), 3);
        QCOMPARE(rowsWith(tag).size(), 2);

        // Delete both that are left: to the Trash.
        const int trashBefore = serverCount(QStringLiteral("Trash"));
        selectRows(rowsWith(tag));
        QSignalSpy deleted(m_controller.get(), &MailController::messageDeleted);
        QVERIFY(activate());
        list()->setFocus();
        QTest::keyClick(list(), Qt::Key_Delete);
        QTRY_COMPARE_WITH_TIMEOUT(deleted.size(), 2, 30000);
        QVERIFY(deleted.at(0).at(1).toBool());
        QVERIFY2(deleted.at(1).at(1).toBool(), qPrintable(m_window->messageBar()->text()));
        QCOMPARE(serverCount(QStringLiteral("Trash")), trashBefore + 2);
        QTRY_COMPARE(rowsWith(tag).size(), 0);
    }
};

QTEST_MAIN(FolderActionsStackTest)
#include "FolderActionsStackTest.moc"
