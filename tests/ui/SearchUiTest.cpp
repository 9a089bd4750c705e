// SPDX-License-Identifier: GPL-3.0-or-later
// The search of all mail in the main window (issue 17), offscreen over the UI fixture:
// Ctrl+F, results from every folder newest first with the folder shown, "Nothing found",
// errors naming the key, the current-folder scope, Escape, Enter opening the message in its
// folder, completion of keys, saved searches under "Tracked" (saving one from the box,
// renaming and deleting it from its context menu), and a screenshot.
#include "AppContext.h"
#include "FolderPane.h"
#include "MainWindow.h"
#include "MessageListPane.h"
#include "MessageViewer.h"
#include "SafeTextBrowser.h"
#include "SavedSearchMenu.h"
#include "SearchPane.h"
#include "SettingsDialog.h"
#include "search/OfflineBodies.h"
#include "store/MessageRepository.h"
#include "Translations.h"
#include "UiFixture.h"
#include "models/Roles.h"
#include "models/SearchResultsModel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCompleter>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include "search/Index.h"
#include "store/MessageRepository.h"

#include <QListWidget>
#include <QMenu>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>

using namespace Mailtrail;
using namespace Mailtrail::Ui;

namespace {

QStringList column(const QAbstractItemModel *model, int column)
{
    QStringList out;
    for (int r = 0; r < model->rowCount(); ++r)
        out << model->index(r, column).data().toString();
    return out;
}

} // namespace

class SearchUiTest : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<MainWindow> m_window;
    Test::UiFixture m_fixture;

    SearchPane *pane() const { return m_window->searchPane(); }
    QAbstractItemModel *results() const { return pane()->results()->model(); }

    void type(const QString &text)
    {
        pane()->box()->clear();
        QTest::keyClicks(pane()->box(), text);
    }

    static QTreeWidgetItem *findTracked(QTreeWidget *tracked, const QString &name)
    {
        for (QTreeWidgetItemIterator it(tracked); *it; ++it) {
            if ((*it)->text(0) == name)
                return *it;
        }
        return nullptr;
    }

    int savedCount() const
    {
        return int(Search::SavedSearches(m_context->database().connection()).list().size());
    }

private Q_SLOTS:
    void initTestCase()
    {
        // English plural forms ("2 messages") as the application loads them.
        installTranslations(*QCoreApplication::instance(), QLocale(QLocale::English));
    }

    void init()
    {
        m_context = std::make_unique<AppContext>();
        QCOMPARE(Test::fillUiFixture(*m_context, m_fixture), QString());
        m_window = std::make_unique<MainWindow>(*m_context);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup()
    {
        m_window.reset();
        m_context.reset();
    }

    void ctrlFSearchesAllFolders()
    {
        m_window->folderPane()->selectFolder(m_fixture.inbox);
        QVERIFY(!pane()->results()->isVisible());
        QTest::keySequence(m_window.get(), QKeySequence::Find);
        QVERIFY(pane()->box()->hasFocus());
        QTest::keyClicks(pane()->box(), QStringLiteral("outcomes"));
        QVERIFY(pane()->results()->isVisible());
        QVERIFY(!m_window->listPane()->isVisible());
        // The reply in INBOX and the sent message in Sent, newest first, folders shown.
        QCOMPARE(column(results(), Models::SearchResultsModel::SubjectColumn),
                 (QStringList{QStringLiteral("Re: Three outcomes"), QStringLiteral("Three outcomes")}));
        QCOMPARE(column(results(), Models::SearchResultsModel::FolderColumn),
                 (QStringList{QStringLiteral("alice/INBOX"), QStringLiteral("alice/Sent")}));
        QCOMPARE(pane()->statusLabel()->text(), QStringLiteral("2 messages"));
    }

    void bodiesAndTrackingStates()
    {
        type(QStringLiteral("station")); // only in the body of "Lunch on Thursday?"
        QCOMPARE(column(results(), Models::SearchResultsModel::SubjectColumn), QStringList{QStringLiteral("Lunch on Thursday?")});
        type(QStringLiteral("filename:minutes"));
        QCOMPARE(column(results(), Models::SearchResultsModel::SubjectColumn),
                 QStringList{QStringLiteral("Minutes of the board meeting")});
        type(QStringLiteral("state:failed"));
        QCOMPARE(column(results(), Models::SearchResultsModel::SubjectColumn), QStringList{QStringLiteral("Three outcomes")});
    }

    void nothingFoundAndErrors()
    {
        type(QStringLiteral("xylophone"));
        QCOMPARE(results()->rowCount(), 0);
        QCOMPARE(pane()->statusLabel()->text(), QStringLiteral("Nothing found"));
        type(QStringLiteral("colour:blue"));
        QCOMPARE(results()->rowCount(), 0);
        QVERIFY2(pane()->statusLabel()->text().contains(QStringLiteral("'colour:'")), qPrintable(pane()->statusLabel()->text()));
    }

    void currentFolderIsOneClickAway()
    {
        m_window->folderPane()->selectFolder(m_fixture.sent);
        type(QStringLiteral("outcomes"));
        QCOMPARE(results()->rowCount(), 2);
        pane()->scopeButton()->click();
        QCOMPARE(column(results(), Models::SearchResultsModel::FolderColumn), QStringList{QStringLiteral("alice/Sent")});
        pane()->scopeButton()->click();
        QCOMPARE(results()->rowCount(), 2);
    }

    void resultsFollowNewMail()
    {
        type(QStringLiteral("walrus"));
        QCOMPARE(pane()->statusLabel()->text(), QStringLiteral("Nothing found"));
        Store::MessageRecord record;
        record.uid = 4242;
        record.subject = QStringLiteral("Walrus sighting");
        record.fromAddress = QStringLiteral("zoo@example.test");
        record.date = QDateTime::currentSecsSinceEpoch();
        QCOMPARE(Store::MessageRepository(m_context->database().connection()).upsert(m_fixture.inbox, {record}), QString());
        m_window->reload(); // what a sync or IDLE does when mail arrived
        QCOMPARE(column(results(), Models::SearchResultsModel::SubjectColumn), QStringList{QStringLiteral("Walrus sighting")});
    }

    void messagesStillBeingIndexedAreSaid()
    {
        // A big first sync left its messages to the background indexer: the search says so,
        // and finds them once they are indexed.
        QList<Store::CacheRow> rows;
        for (quint32 uid = 5001; uid <= 5003; ++uid) {
            Store::MessageRecord record;
            record.uid = uid;
            record.subject = QStringLiteral("Narwhal %1").arg(uid);
            record.fromAddress = QStringLiteral("sea@example.test");
            record.date = QDateTime::currentSecsSinceEpoch() - int(uid);
            rows.append(Store::CacheRow::fromRecord(record));
        }
        QCOMPARE(Store::MessageRepository(m_context->database().connection())
                     .upsert(m_fixture.inbox, rows, Store::SearchIndexing::Deferred),
                 QString());
        type(QStringLiteral("narwhal"));
        QCOMPARE(results()->rowCount(), 0);
        QCOMPARE(pane()->statusLabel()->text(), QStringLiteral("Nothing found · 3 messages still being indexed"));
        int done = 0;
        QCOMPARE(Search::Index(m_context->database().connection()).catchUp(100, &done), QString());
        QCOMPARE(done, 3);
        pane()->refresh(); // what the window does when the background indexer is done
        QCOMPARE(results()->rowCount(), 3);
        QCOMPARE(pane()->statusLabel()->text(), QStringLiteral("3 messages"));
    }

    void escapeClears()
    {
        type(QStringLiteral("lunch"));
        QVERIFY(pane()->results()->isVisible());
        QTest::keyClick(pane()->box(), Qt::Key_Escape);
        QCOMPARE(pane()->box()->text(), QString());
        QVERIFY(!pane()->results()->isVisible());
        QVERIFY(m_window->listPane()->isVisible());
    }

    void enterOpensInItsFolder()
    {
        m_window->folderPane()->selectFolder(m_fixture.sent);
        type(QStringLiteral("station"));
        QCOMPARE(results()->rowCount(), 1);
        QTest::keyClick(pane()->box(), Qt::Key_Return);
        QCOMPARE(pane()->box()->text(), QString());
        QVERIFY(m_window->listPane()->isVisible());
        const QModelIndex current = m_window->listPane()->mailView()->currentIndex();
        QVERIFY(current.isValid());
        QCOMPARE(current.data(Models::MessageIdRole).toLongLong(), m_fixture.receiptRequestMessage);
        QCOMPARE(current.data(Models::FolderIdRole).toLongLong(), m_fixture.inbox);
        QVERIFY(m_window->viewer()->bodyView()->toPlainText().contains(QStringLiteral("station")));
    }

    void selectingAResultShowsIt()
    {
        type(QStringLiteral("minutes"));
        QCOMPARE(results()->rowCount(), 1);
        QTest::keyClick(pane()->box(), Qt::Key_Down);
        QVERIFY(pane()->results()->hasFocus());
        QVERIFY(m_window->viewer()->bodyView()->toPlainText().contains(QStringLiteral("Attached are the minutes")));
    }

    void keysAreCompleted()
    {
        pane()->box()->setFocus();
        type(QStringLiteral("invoice fr"));
        QCompleter *completer = pane()->box()->findChild<QCompleter *>();
        if (!completer)
            completer = pane()->findChild<QCompleter *>();
        QVERIFY(completer);
        QCOMPARE(completer->currentCompletion(), QStringLiteral("from:"));
        Q_EMIT completer->activated(QStringLiteral("from:"));
        QCOMPARE(pane()->box()->text(), QStringLiteral("invoice from:"));
    }

    void savedSearchesUnderTracked()
    {
        QTreeWidget *tracked = m_window->folderPane()->trackedView();
        QTreeWidgetItem *failedThisWeek = nullptr;
        for (QTreeWidgetItemIterator it(tracked); *it; ++it) {
            if ((*it)->text(0) == QLatin1String("Failed this week"))
                failedThisWeek = *it;
        }
        QVERIFY(failedThisWeek);
        tracked->setCurrentItem(failedThisWeek);
        QCOMPARE(pane()->box()->text(), QStringLiteral("state:failed after:7d"));
        QVERIFY(pane()->results()->isVisible());
    }

    void saveThisSearchFromTheBox()
    {
        QTreeWidget *tracked = m_window->folderPane()->trackedView();
        QAction *save = pane()->saveAction();
        QVERIFY(!save->isEnabled()); // nothing typed
        type(QStringLiteral("outcomes"));
        QVERIFY(save->isEnabled());
        // The button beside the box and the box's context menu both offer it.
        QCOMPARE(pane()->bar()->findChild<QToolButton *>(QStringLiteral("saveSearchButton"))->defaultAction(), save);
        // "Save this search…" asks for a name (the query is offered); OK saves it.
        QTimer::singleShot(0, this, [] {
            auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            QCOMPARE(dialog->textValue(), QStringLiteral("outcomes"));
            dialog->setTextValue(QStringLiteral("My outcomes"));
            dialog->accept();
        });
        save->trigger();
        QTreeWidgetItem *item = findTracked(tracked, QStringLiteral("My outcomes"));
        QVERIFY(item);
        const Search::SavedSearch saved = FolderPane::savedSearchOf(item);
        QVERIFY(saved.id > 0);
        QCOMPARE(saved.query, QStringLiteral("outcomes"));
        // Stored in the profile: a new window shows it too.
        MainWindow again(*m_context);
        QVERIFY(findTracked(again.folderPane()->trackedView(), QStringLiteral("My outcomes")));
        // Choosing it searches for it.
        pane()->clear();
        tracked->setCurrentItem(item);
        QCOMPARE(pane()->box()->text(), QStringLiteral("outcomes"));
        QCOMPARE(results()->rowCount(), 2);

        // Cancel saves nothing; a query that does not parse or an empty name is refused.
        const int before = savedCount();
        QTimer::singleShot(0, this, [] { QApplication::activeModalWidget()->close(); });
        save->trigger();
        QCOMPARE(savedCount(), before);
        type(QStringLiteral("from:"));
        QVERIFY(!pane()->saveSearch(QStringLiteral("Broken")).isEmpty());
        QCOMPARE(pane()->statusLabel()->text(), pane()->saveSearch(QStringLiteral("Broken")));
        type(QStringLiteral("lunch"));
        QVERIFY(!pane()->saveSearch(QStringLiteral("  ")).isEmpty());
        QCOMPARE(savedCount(), before);
        QVERIFY(!findTracked(tracked, QStringLiteral("Broken")));
    }

    void renameAndDeleteFromTheContextMenu()
    {
        QTreeWidget *tracked = m_window->folderPane()->trackedView();
        type(QStringLiteral("lunch"));
        QCOMPARE(pane()->saveSearch(QStringLiteral("Lunch")), QString());
        type(QStringLiteral("outcomes"));
        QCOMPARE(pane()->saveSearch(QStringLiteral("Outcomes")), QString());
        auto *menus = m_window->findChild<SavedSearchMenu *>(QStringLiteral("savedSearchMenu"));
        QVERIFY(menus);
        QCOMPARE(tracked->contextMenuPolicy(), Qt::CustomContextMenu);
        // Built-in saved searches and the Tracked filters have no menu.
        QVERIFY(!menus->menuFor(findTracked(tracked, QStringLiteral("Failed this week"))));
        QVERIFY(!menus->menuFor(tracked->topLevelItem(0)));

        std::unique_ptr<QMenu> menu(menus->menuFor(findTracked(tracked, QStringLiteral("Lunch"))));
        QVERIFY(menu);
        QStringList texts;
        for (QAction *action : menu->actions())
            texts.append(action->text());
        QCOMPARE(texts, (QStringList{QStringLiteral("Rename…"), QStringLiteral("Delete")}));
        // Rename to the other's name: refused, and said why.
        QTimer::singleShot(0, this, [] {
            auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            dialog->setTextValue(QStringLiteral("Outcomes"));
            dialog->accept();
        });
        menu->findChild<QAction *>(QStringLiteral("renameSavedSearch"))->trigger();
        QVERIFY(findTracked(tracked, QStringLiteral("Lunch")));
        QVERIFY(pane()->statusLabel()->text().contains(QStringLiteral("Outcomes")));
        // Rename: the item and the profile follow.
        QTimer::singleShot(0, this, [] {
            auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            QCOMPARE(dialog->textValue(), QStringLiteral("Lunch"));
            dialog->setTextValue(QStringLiteral("Lunch plans"));
            dialog->accept();
        });
        menu->findChild<QAction *>(QStringLiteral("renameSavedSearch"))->trigger();
        QVERIFY(!findTracked(tracked, QStringLiteral("Lunch")));
        QTreeWidgetItem *renamed = findTracked(tracked, QStringLiteral("Lunch plans"));
        QVERIFY(renamed);
        QCOMPARE(FolderPane::savedSearchOf(renamed).query, QStringLiteral("lunch"));
        // Delete.
        const int before = savedCount();
        std::unique_ptr<QMenu> again(menus->menuFor(renamed));
        again->findChild<QAction *>(QStringLiteral("deleteSavedSearch"))->trigger();
        QVERIFY(!findTracked(tracked, QStringLiteral("Lunch plans")));
        QCOMPARE(savedCount(), before - 1);
        QVERIFY(findTracked(tracked, QStringLiteral("Outcomes")));
        QVERIFY(findTracked(tracked, QStringLiteral("Failed this week")));

        const QString dir = qEnvironmentVariable("MAILTRAIL_SCREENSHOT_DIR");
        if (!dir.isEmpty()) {
            type(QStringLiteral("outcomes"));
            QCoreApplication::processEvents();
            QVERIFY(m_window->grab().save(dir + QStringLiteral("/saved-searches.png")));
        }
    }

    void offlinePeriodPerAccount()
    {
        SettingsDialog *settings = m_window->openSettings();
        QVERIFY(settings);
        settings->accountList()->setCurrentRow(0);
        QSpinBox *days = settings->accountOfflineDaysBox();
        QCOMPARE(days->value(), 90); // the default
        days->setValue(0);
        QCOMPARE(days->text(), QStringLiteral("headers only"));
        days->setValue(30);
        QCOMPARE(settings->applyAccounts(), QString());
        QCOMPARE(Search::OfflineBodies::offlineDays(m_context->database().connection(), m_fixture.accountId), 30);
        settings->close();
    }

    void modelIsConsistent()
    {
        Models::SearchResultsModel model(m_context->database().connection(), QStringLiteral(":memory:"));
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setQuery(QStringLiteral("outcomes"));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, 0).data(Models::SearchWhereRole).toString(), QStringLiteral("local"));
        model.setQuery(QStringLiteral("from:"));
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.error().isEmpty());
        model.setQuery(QString());
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.error().isEmpty());
    }

    void screenshot()
    {
        const QString dir = qEnvironmentVariable("MAILTRAIL_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("set MAILTRAIL_SCREENSHOT_DIR to write screenshots");
        type(QStringLiteral("outcomes OR lunch"));
        pane()->results()->setCurrentIndex(results()->index(1, 0));
        QCoreApplication::processEvents();
        QVERIFY(m_window->grab().save(dir + QStringLiteral("/search.png")));
    }
};

QTEST_MAIN(SearchUiTest)
#include "SearchUiTest.moc"
