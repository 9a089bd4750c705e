// SPDX-License-Identifier: GPL-3.0-or-later
// Folders and messages in the window (issue 19), offscreen over the UI fixture: what the
// folder tree's context menu and the Folder menu offer (never renaming or deleting the special
// folders), the questions before a change, "Move to…" with type-ahead by keyboard, dropping
// messages on the tree (Ctrl copies), multi-select with the mark keys, the next message after
// Delete, View Source and Print (to a PDF read back with pdftotext). What leaves the window is
// checked at the signals MailController hands to core; the same actions against the real
// Dovecot are in ui_folder_actions_stack. Run in English and German (ui_folder_actions_de),
// writing the screenshots when MAILTRAIL_SCREENSHOT_DIR is set.
#include "FolderActions.h"
#include "FolderPane.h"
#include "FolderPickerDialog.h"
#include "MainWindow.h"
#include "MessageActions.h"
#include "MessageListPane.h"
#include "MessageViewer.h"
#include "Translations.h"
#include "UiFixture.h"
#include "models/FolderModel.h"
#include "models/Roles.h"

#include <QAction>
#include <QDropEvent>
#include <QFontInfo>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPrintDialog>
#include <QPrinter>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using namespace Mailtrail;
using namespace Mailtrail::Ui;

namespace {

void settle()
{
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QCoreApplication::processEvents();
}

QModelIndex findFolder(const QAbstractItemModel *model, const QString &name, const QModelIndex &parent = {})
{
    for (int r = 0; r < model->rowCount(parent); ++r) {
        const QModelIndex i = model->index(r, 0, parent);
        if (i.data(Models::FolderNameRole).toString() == name)
            return i;
        if (const QModelIndex c = findFolder(model, name, i); c.isValid())
            return c;
    }
    return {};
}

QStringList actionNames(const QMenu *menu)
{
    QStringList names;
    for (const QAction *a : menu->actions()) {
        if (!a->isSeparator())
            names << a->objectName();
    }
    return names;
}

QString pdfText(const QString &pdf)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    if (!p.waitForFinished(30000) || p.exitCode() != 0)
        return {};
    // NFKC: the PDF's ligatures ("ﬀ") back to letters.
    return QString::fromUtf8(p.readAllStandardOutput()).normalized(QString::NormalizationForm_KC);
}

/// The window with @p popup (a menu or dialog shown over it) painted where it is.
QPixmap composite(QWidget &window, QWidget &popup)
{
    QPixmap shot = window.grab();
    QPainter painter(&shot);
    painter.drawPixmap(window.mapFromGlobal(popup.mapToGlobal(QPoint(0, 0))), popup.grab());
    return shot;
}

} // namespace

class FolderActionsTest : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<MainWindow> m_window;
    Test::UiFixture m_fixture;
    QString m_language;

    QTreeView *tree() const { return m_window->folderPane()->folderView(); }
    QTreeView *list() const { return m_window->listPane()->mailView(); }
    MessageActions *messages() const { return m_window->messageActions(); }
    FolderActions *folders() const { return m_window->folderActions(); }

    QModelIndex folder(const QString &name) const { return findFolder(tree()->model(), name); }

    /// Shows the Inbox and selects rows @p rows of its list.
    QList<qint64> selectInboxRows(const QList<int> &rows)
    {
        m_window->folderPane()->selectFolder(m_fixture.inbox);
        QItemSelectionModel *selection = list()->selectionModel();
        selection->clear();
        QList<qint64> ids;
        for (const int r : rows) {
            const QModelIndex i = list()->model()->index(r, 0);
            selection->select(i, QItemSelectionModel::Select | QItemSelectionModel::Rows);
            ids << i.data(Models::MessageIdRole).toLongLong();
        }
        selection->setCurrentIndex(list()->model()->index(rows.first(), 0), QItemSelectionModel::NoUpdate);
        return ids;
    }

    /// The "Move to…" / "Copy to…" dialog shown (closed ones may wait for deletion).
    FolderPickerDialog *visiblePicker() const
    {
        for (FolderPickerDialog *d : m_window->findChildren<FolderPickerDialog *>()) {
            if (d->isVisible())
                return d;
        }
        return nullptr;
    }

    void activate()
    {
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        const LoadedTranslations loaded = installTranslations(*QCoreApplication::instance());
        m_language = loaded.mailtrail.isEmpty() ? QString() : QLocale::system().name().left(2);
    }

    void init()
    {
        QCOMPARE(Test::openFixtureWindow(m_fixture, m_context, m_window), QString());
    }

    void cleanup()
    {
        m_window.reset();
        m_context.reset();
    }

    void theMenusAreTranslated()
    {
        if (m_language.isEmpty())
            QSKIP("run with LANG=de_DE.UTF-8 (as ctest's ui_folder_actions_de does)");
        QMenu *folderMenu = m_window->menuBar()->findChild<QMenu *>(QStringLiteral("folderMenu"));
        QVERIFY(folderMenu);
        QVERIFY(folderMenu->title() != QLatin1String("F&older"));
        for (const char *name : {"newFolderAction", "renameFolderAction", "deleteFolderAction", "markReadAction",
                                 "toggleFlagAction", "moveToAction", "copyToAction", "viewSourceAction", "printAction"}) {
            const QAction *a = m_window->findChild<QAction *>(QLatin1String(name));
            QVERIFY2(a, name);
            QVERIFY2(!a->text().contains(QLatin1String("Folder")) && !a->text().contains(QLatin1String("Mark"))
                         && !a->text().contains(QLatin1String("Source")) && !a->text().contains(QLatin1String("Print")),
                     qPrintable(a->text()));
        }
    }

    void specialFoldersCannotBeRenamedOrDeleted()
    {
        for (const QString &name : {QStringLiteral("INBOX"), QStringLiteral("Sent"), QStringLiteral("Drafts"),
                                    QStringLiteral("Trash")}) {
            const QModelIndex index = folder(name);
            QVERIFY2(index.isValid(), qPrintable(name));
            std::unique_ptr<QMenu> menu(folders()->contextMenu(index, tree()));
            QCOMPARE(actionNames(menu.get()), QStringList{QStringLiteral("newFolderHere")});
            // The Folder menu has the actions, disabled.
            tree()->setCurrentIndex(index);
            QVERIFY(!m_window->findChild<QAction *>(QStringLiteral("renameFolderAction"))->isEnabled());
            QVERIFY(!m_window->findChild<QAction *>(QStringLiteral("deleteFolderAction"))->isEnabled());
        }
        std::unique_ptr<QMenu> menu(folders()->contextMenu(folder(QStringLiteral("Archive")), tree()));
        QCOMPARE(actionNames(menu.get()), (QStringList{QStringLiteral("newFolderHere"), QStringLiteral("renameFolderHere"),
                                                       QStringLiteral("deleteFolderHere")}));
        tree()->setCurrentIndex(folder(QStringLiteral("Archive")));
        QVERIFY(m_window->findChild<QAction *>(QStringLiteral("renameFolderAction"))->isEnabled());
        // The account's row: a new folder at the top.
        std::unique_ptr<QMenu> top(folders()->contextMenu(tree()->model()->index(0, 0), tree()));
        QCOMPARE(actionNames(top.get()), QStringList{QStringLiteral("newFolderHere")});
    }

    void newRenameAndDeleteAskAndLeaveThroughSignals()
    {
        QSignalSpy created(folders(), &FolderActions::createRequested);
        QSignalSpy renamed(folders(), &FolderActions::renameRequested);
        QSignalSpy deleted(folders(), &FolderActions::deleteRequested);
        QSignalSpy problems(folders(), &FolderActions::problem);
        QString answer;
        QString shownText;
        folders()->setNamePrompt([&](const QString &, const QString &, const QString &text) -> std::optional<QString> {
            shownText = text;
            return answer.isNull() ? std::nullopt : std::optional<QString>(answer);
        });
        // New: under the Inbox, the name trimmed.
        answer = QStringLiteral(" Projects ");
        folders()->newFolder(folder(QStringLiteral("INBOX")));
        QCOMPARE(created.size(), 1);
        QCOMPARE(created.first().at(0).toLongLong(), m_fixture.accountId);
        QCOMPARE(created.first().at(1).toLongLong(), m_fixture.inbox);
        QCOMPARE(created.first().at(2).toString(), QStringLiteral("Projects"));
        // Bad names never leave: the delimiter, an existing name, nothing at all.
        for (const QString &bad : {QStringLiteral("a/b"), QStringLiteral("2025"), QStringLiteral("   ")}) {
            answer = bad;
            folders()->newFolder(folder(QStringLiteral("Archive")));
        }
        QCOMPARE(created.size(), 1);
        QCOMPARE(problems.size(), 3);
        // Cancelled: nothing.
        answer = QString();
        folders()->newFolder(folder(QStringLiteral("INBOX")));
        QCOMPARE(created.size(), 1);

        // Rename starts from the last part of the name.
        answer = QStringLiteral("Old years");
        folders()->renameFolder(folder(QStringLiteral("Archive/2025")));
        QCOMPARE(shownText, QStringLiteral("2025"));
        QCOMPARE(renamed.size(), 1);
        QCOMPARE(renamed.first().at(1).toString(), QStringLiteral("Old years"));
        folders()->renameFolder(folder(QStringLiteral("Sent"))); // not offered, not done
        QCOMPARE(renamed.size(), 1);

        // Deleting a folder with messages or folders in it asks; "no" keeps it.
        QStringList questions;
        bool yes = false;
        folders()->setConfirmation([&](const QString &, const QString &text) {
            questions << text;
            return yes;
        });
        folders()->deleteFolder(folder(QStringLiteral("Archive")));
        QCOMPARE(questions.size(), 1);
        QVERIFY2(questions.first().contains(QLatin1String("Archive")), qPrintable(questions.first()));
        QCOMPARE(deleted.size(), 0);
        yes = true;
        folders()->deleteFolder(folder(QStringLiteral("Archive")));
        QCOMPARE(deleted.size(), 1);
        QCOMPARE(deleted.first().first().toLongLong(), m_fixture.archive);
        // An empty folder goes without a question.
        folders()->deleteFolder(folder(QStringLiteral("Junk")));
        QCOMPARE(questions.size(), 2);
        QCOMPARE(deleted.size(), 2);
        folders()->deleteFolder(folder(QStringLiteral("Trash")));
        QCOMPARE(deleted.size(), 2);
    }

    void moveToByKeyboardWithTypeAhead()
    {
        const QList<qint64> ids = selectInboxRows({0, 1});
        const qint64 after = list()->model()->index(2, 0).data(Models::MessageIdRole).toLongLong();
        QSignalSpy transfer(messages(), &MessageActions::transferRequested);
        activate();
        list()->setFocus();
        QTest::keyClick(m_window.get(), Qt::Key_V, Qt::ControlModifier | Qt::ShiftModifier);
        FolderPickerDialog *dialog = visiblePicker();
        QVERIFY(dialog);
        // Every folder of the account but the Inbox (where the messages are).
        QCOMPARE(dialog->folderList()->model()->rowCount(), 6);
        QTest::keyClicks(dialog->filterBox(), QStringLiteral("arch"));
        QCOMPARE(dialog->folderList()->model()->rowCount(), 2); // Archive, Archive/2025
        QTest::keyClick(dialog->filterBox(), Qt::Key_Down);
        const qint64 archive2025 = folder(QStringLiteral("Archive/2025")).data(Models::FolderIdRole).toLongLong();
        QCOMPARE(dialog->selectedFolder(), archive2025);
        QTest::keyClick(dialog->filterBox(), Qt::Key_Up);
        QTest::keyClicks(dialog->filterBox(), QStringLiteral("ive"));
        QCOMPARE(dialog->selectedFolder(), m_fixture.archive);
        QTest::keyClick(dialog->filterBox(), Qt::Key_Return);
        QCOMPARE(transfer.size(), 1);
        QCOMPARE(transfer.first().at(0).value<QList<qint64>>(), ids);
        QCOMPARE(transfer.first().at(1).toLongLong(), m_fixture.archive);
        QCOMPARE(transfer.first().at(2).toBool(), false);
        // A move shows the next message.
        QCOMPARE(list()->currentIndex().data(Models::MessageIdRole).toLongLong(), after);
        QCOMPARE(m_window->currentMessage(), after);

        // Copy to…: nothing matches "zzz", Enter does nothing; Escape closes.
        QTRY_VERIFY(!visiblePicker());
        QTest::keyClick(m_window.get(), Qt::Key_Y, Qt::ControlModifier | Qt::ShiftModifier);
        FolderPickerDialog *copy = visiblePicker();
        QVERIFY(copy);
        QTest::keyClicks(copy->filterBox(), QStringLiteral("zzz"));
        QCOMPARE(copy->folderList()->model()->rowCount(), 0);
        QTest::keyClick(copy->filterBox(), Qt::Key_Return);
        QCOMPARE(transfer.size(), 1);
        QTest::keyClick(copy->filterBox(), Qt::Key_Escape);
        QTRY_VERIFY(!visiblePicker());
    }

    void droppingOnTheTreeMovesAndCtrlCopies()
    {
        const QList<qint64> ids = selectInboxRows({1, 2});
        std::unique_ptr<QMimeData> data(messages()->dragData());
        QVERIFY(data);
        const MessageActions::Dragged dragged = MessageActions::readDragData(data.get());
        QCOMPARE(dragged.messageIds, ids);
        QCOMPARE(dragged.folderId, m_fixture.inbox);
        QCOMPARE(dragged.accountId, m_fixture.accountId);

        QSignalSpy transfer(messages(), &MessageActions::transferRequested);
        QWidget *viewport = tree()->viewport();
        const auto dropOn = [&](const QString &name, Qt::KeyboardModifiers modifiers) {
            const QPoint at = tree()->visualRect(folder(name)).center();
            QDragEnterEvent enter(at, Qt::MoveAction | Qt::CopyAction, data.get(), Qt::LeftButton, modifiers);
            QCoreApplication::sendEvent(viewport, &enter);
            QDragMoveEvent move(at, Qt::MoveAction | Qt::CopyAction, data.get(), Qt::LeftButton, modifiers);
            QCoreApplication::sendEvent(viewport, &move);
            const bool accepted = move.isAccepted();
            QDropEvent drop(at, Qt::MoveAction | Qt::CopyAction, data.get(), Qt::LeftButton, modifiers);
            QCoreApplication::sendEvent(viewport, &drop);
            return accepted && drop.isAccepted() ? drop.dropAction() : Qt::IgnoreAction;
        };
        QCOMPARE(dropOn(QStringLiteral("Archive"), Qt::ControlModifier), Qt::CopyAction);
        QCOMPARE(transfer.size(), 1);
        QCOMPARE(transfer.last().at(1).toLongLong(), m_fixture.archive);
        QCOMPARE(transfer.last().at(2).toBool(), true);
        QCOMPARE(dropOn(QStringLiteral("Archive/2025"), Qt::NoModifier), Qt::MoveAction);
        QCOMPARE(transfer.size(), 2);
        QCOMPARE(transfer.last().at(0).value<QList<qint64>>(), ids);
        QCOMPARE(transfer.last().at(2).toBool(), false);
        // Not onto the folder they are in.
        QCOMPARE(dropOn(QStringLiteral("INBOX"), Qt::NoModifier), Qt::IgnoreAction);
        QCOMPARE(transfer.size(), 2);
    }

    void markKeysActOnEverySelectedMessage()
    {
        // The fixture's Inbox, newest first: two read messages, then two unread ones.
        selectInboxRows({0});
        QVERIFY(list()->model()->index(0, 0).data(Models::IsSeenRole).toBool());
        QVERIFY(list()->model()->index(1, 0).data(Models::IsSeenRole).toBool());
        QVERIFY(!list()->model()->index(2, 0).data(Models::IsSeenRole).toBool());
        QSignalSpy flags(messages(), &MessageActions::flagsRequested);
        activate();
        list()->setFocus();
        const QList<qint64> read = selectInboxRows({0, 1});
        QTest::keyClick(list(), Qt::Key_M);
        QCOMPARE(flags.size(), 1);
        QCOMPARE(flags.last().at(0).value<QList<qint64>>(), read);
        QCOMPARE(flags.last().at(1).value<QByteArrayList>(), QByteArrayList{"\\Seen"});
        QCOMPARE(flags.last().at(2).toBool(), false); // all read: all unread
        const QList<qint64> ids = selectInboxRows({1, 2});
        QTest::keyClick(list(), Qt::Key_M);
        QCOMPARE(flags.size(), 2);
        QCOMPARE(flags.last().at(0).value<QList<qint64>>(), ids);
        QCOMPARE(flags.last().at(2).toBool(), true); // one unread: all read
        QTest::keyClick(list(), Qt::Key_U, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(flags.size(), 3);
        QCOMPARE(flags.last().at(1).value<QByteArrayList>(), QByteArrayList{"\\Seen"});
        QTest::keyClick(list(), Qt::Key_S);
        QCOMPARE(flags.size(), 4);
        QCOMPARE(flags.last().at(1).value<QByteArrayList>(), QByteArrayList{"\\Flagged"});
        QCOMPARE(flags.last().at(2).toBool(), true); // none flagged: all flagged
        QTest::keyClick(list(), Qt::Key_Asterisk);
        QCOMPARE(flags.size(), 5);
        // From the menu too.
        m_window->findChild<QAction *>(QStringLiteral("markUnreadAction"))->trigger();
        QCOMPARE(flags.last().at(2).toBool(), false);
        QCOMPARE(flags.last().at(1).value<QByteArrayList>(), QByteArrayList{"\\Seen"});
        // The list's context menu has them.
        std::unique_ptr<QMenu> menu(messages()->contextMenu(list()));
        QVERIFY(actionNames(menu.get()).contains(QLatin1String("toggleFlagAction")));
        QVERIFY(actionNames(menu.get()).contains(QLatin1String("moveToAction")));
    }

    void afterDeleteTheNextMessageIsShown()
    {
        selectInboxRows({0});
        const int rows = list()->model()->rowCount();
        QVERIFY(rows >= 3);
        const QList<qint64> ids = selectInboxRows({0, 1});
        const qint64 next = list()->model()->index(2, 0).data(Models::MessageIdRole).toLongLong();
        QSignalSpy deleted(m_window.get(), &MainWindow::deleteRequested);
        activate();
        list()->setFocus();
        QTest::keyClick(list(), Qt::Key_Delete);
        QCOMPARE(deleted.size(), 2);
        QCOMPARE(deleted.at(0).first().toLongLong(), ids.at(0));
        QCOMPARE(deleted.at(1).first().toLongLong(), ids.at(1));
        QCOMPARE(list()->currentIndex().data(Models::MessageIdRole).toLongLong(), next);
        QCOMPARE(m_window->currentMessage(), next);
        QCOMPARE(list()->selectionModel()->selectedRows().size(), 1);
        // At the end of the list: the one before.
        const QList<qint64> last = selectInboxRows({rows - 1});
        const qint64 before = list()->model()->index(rows - 2, 0).data(Models::MessageIdRole).toLongLong();
        QTest::keyClick(list(), Qt::Key_Delete);
        QCOMPARE(deleted.last().first().toLongLong(), last.first());
        QCOMPARE(m_window->currentMessage(), before);
    }

    void viewSourceShowsTheRawMessageReadOnly()
    {
        m_window->folderPane()->selectFolder(m_fixture.inbox);
        for (int r = 0; r < list()->model()->rowCount(); ++r) {
            if (list()->model()->index(r, 0).data(Models::MessageIdRole).toLongLong() == m_fixture.htmlMessage)
                list()->setCurrentIndex(list()->model()->index(r, 0));
        }
        QCOMPARE(m_window->currentMessage(), m_fixture.htmlMessage);
        activate();
        QTest::keyClick(m_window.get(), Qt::Key_U, Qt::ControlModifier);
        auto *source = m_window->findChild<QPlainTextEdit *>(QStringLiteral("sourceView"));
        QVERIFY(source);
        QVERIFY(source->isReadOnly());
        QVERIFY(QFontInfo(source->font()).fixedPitch());
        const QString text = source->toPlainText();
        QVERIFY(text.contains(QLatin1String("Message-ID: <news-42@shop.example>")));
        // The HTML as text: the tracking pixel's address is shown, never loaded.
        QVERIFY(text.contains(QLatin1String("<img src=\"https://tracker.shop.example/pixel.gif?u=alice\"")));
        QVERIFY(source->window()->windowTitle().contains(QLatin1String("Spring offers")));
        source->window()->close();
    }

    void printWritesTheMessageWithItsHeaders()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QFAIL("pdftotext (poppler-utils, scripts/setup-deps) is missing");
        m_window->folderPane()->selectFolder(m_fixture.inbox);
        for (int r = 0; r < list()->model()->rowCount(); ++r) {
            if (list()->model()->index(r, 0).data(Models::SubjectRole).toString() == QLatin1String("Lunch on Thursday?"))
                list()->setCurrentIndex(list()->model()->index(r, 0));
        }
        QTemporaryDir dir;
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(dir.filePath(QStringLiteral("message.pdf")));
        QCOMPARE(messages()->printMessage(printer), QString());
        const QString text = pdfText(printer.outputFileName());
        QVERIFY2(!text.isEmpty(), "pdftotext read nothing");
        for (const QString &expected :
             {QStringLiteral("Carol Jones"), QStringLiteral("carol@example.test"), QStringLiteral("Alice Example"),
              QStringLiteral("Lunch on Thursday?"), QStringLiteral("are you free for lunch on Thursday?"),
              QStringLiteral("2026")})
            QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral(" not in:\n") + text));
        // The labels of the headers block, in the window's language.
        for (const char *label : {"From:", "To:", "Subject:", "Date:"})
            QVERIFY2(text.contains(QCoreApplication::translate("Mailtrail::Ui::MessageActions", label)),
                     qPrintable(QLatin1String(label) + QStringLiteral(" not in:\n") + text));

        // Ctrl+P asks with the print dialog first.
        activate();
        QTimer::singleShot(0, this, [this] {
            if (auto *dialog = m_window->findChild<QPrintDialog *>())
                dialog->reject();
        });
        QTest::keyClick(m_window.get(), Qt::Key_P, Qt::ControlModifier);
        QTRY_VERIFY(m_window->findChild<QPrintDialog *>());
        m_window->findChild<QPrintDialog *>()->reject();
    }

    void screenshots()
    {
        const QString dir = qEnvironmentVariable("MAILTRAIL_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("set MAILTRAIL_SCREENSHOT_DIR to write screenshots");
        const QString suffix = m_language.isEmpty() ? QString() : QLatin1Char('-') + m_language;
        // The folder tree's context menu on a folder of the user's.
        const QModelIndex archive = folder(QStringLiteral("Archive"));
        tree()->setCurrentIndex(archive);
        settle();
        std::unique_ptr<QMenu> menu(folders()->contextMenu(archive, tree()));
        menu->popup(tree()->viewport()->mapToGlobal(tree()->visualRect(archive).center()));
        QVERIFY(QTest::qWaitForWindowExposed(menu.get()));
        settle();
        QVERIFY(composite(*m_window, *menu).save(dir + QStringLiteral("/folder-menu%1.png").arg(suffix)));
        menu->hide();
        // Move to… with a few letters typed.
        selectInboxRows({0, 1});
        FolderPickerDialog *picker = messages()->chooseFolder(false);
        QVERIFY(picker);
        QVERIFY(QTest::qWaitForWindowExposed(picker));
        QTest::keyClicks(picker->filterBox(), QStringLiteral("ar"));
        settle();
        QVERIFY(composite(*m_window, *picker).save(dir + QStringLiteral("/move-to%1.png").arg(suffix)));
        picker->reject();
        // View Source of the HTML mail: its remote images as text, never loaded.
        for (int r = 0; r < list()->model()->rowCount(); ++r) {
            if (list()->model()->index(r, 0).data(Models::MessageIdRole).toLongLong() == m_fixture.htmlMessage)
                list()->setCurrentIndex(list()->model()->index(r, 0));
        }
        QPlainTextEdit *source = messages()->viewSource();
        QVERIFY(source);
        QVERIFY(QTest::qWaitForWindowExposed(source->window()));
        settle();
        QVERIFY(source->window()->grab().save(dir + QStringLiteral("/view-source%1.png").arg(suffix)));
        source->window()->close();
    }
};

QTEST_MAIN(FolderActionsTest)
#include "FolderActionsTest.moc"
