// SPDX-License-Identifier: GPL-3.0-or-later
// The main window over fixture data: folder tree with counts and icons, the Tracked folder
// and its quick filters, the message list (state icons, sorting, search, keyboard), the
// viewer and the delivery panel following the selection, errors in the window.
#include "AddressInput.h"
#include "AppContext.h"
#include "DeliveryPanel.h"
#include "FolderPane.h"
#include "MailTableModel.h"
#include "MainWindow.h"
#include "MessageBar.h"
#include "MessageListPane.h"
#include "MessageViewer.h"
#include "SafeTextBrowser.h"
#include "EverydayScreens.h"
#include "UiFixture.h"
#include "models/Roles.h"
#include "store/AccountRepository.h"
#include "store/Identity.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QHeaderView>
#include <QSplitter>
#include <QTreeWidget>

using namespace Mailtrail;
using namespace Mailtrail::Ui;

namespace {

QModelIndex findFolder(const QAbstractItemModel *model, const QString &displayStart, const QModelIndex &parent = {})
{
    for (int r = 0; r < model->rowCount(parent); ++r) {
        const QModelIndex i = model->index(r, 0, parent);
        if (i.data().toString().startsWith(displayStart))
            return i;
        if (const QModelIndex c = findFolder(model, displayStart, i); c.isValid())
            return c;
    }
    return {};
}

QStringList column(const QAbstractItemModel *model, int column)
{
    QStringList out;
    for (int r = 0; r < model->rowCount(); ++r)
        out << model->index(r, column).data().toString();
    return out;
}

/// Layout changes are posted events; apply them before grabbing (no waiting on time).
void settleLayouts()
{
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QCoreApplication::processEvents();
}

} // namespace

class MainWindowTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
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

    void folderTreeShowsUnreadCountsAndIcons()
    {
        const QAbstractItemModel *tree = m_window->folderPane()->folderView()->model();
        QCOMPARE(tree->rowCount(), 1);
        QCOMPARE(tree->index(0, 0).data(Models::AccountNameRole).toString(), QStringLiteral("alice"));
        const QModelIndex inbox = findFolder(tree, QStringLiteral("INBOX"));
        QVERIFY(inbox.isValid());
        QCOMPARE(inbox.data().toString(), QStringLiteral("INBOX (2)"));
        QVERIFY(inbox.data(Qt::FontRole).value<QFont>().bold());
        const QModelIndex sent = findFolder(tree, QStringLiteral("Sent"));
        QCOMPARE(sent.data().toString(), QStringLiteral("Sent"));
        QVERIFY(!sent.data(Qt::DecorationRole).value<QIcon>().isNull());
        QVERIFY(m_window->folderPane()->folderView()->isExpanded(tree->index(0, 0)));
        const QTreeWidget *tracked = m_window->folderPane()->trackedView();
        QCOMPARE(tracked->topLevelItem(0)->text(0), QStringLiteral("Tracked"));
        QCOMPARE(tracked->topLevelItem(0)->childCount(), 5);
        // The filters say how many messages they hold.
        QStringList filters;
        for (int i = 0; i < 5; ++i)
            filters << tracked->topLevelItem(0)->child(i)->text(0);
        QCOMPARE(filters, (QStringList{QStringLiteral("Needs attention (1)"), QStringLiteral("Failed (1)"), QStringLiteral("Delayed (2)"),
                                       QStringLiteral("Awaiting report (3)"), QStringLiteral("Unmatched reports (1)")}));
    }

    void sentFolderShowsStateIconsAndPanel()
    {
        m_window->folderPane()->selectFolder(m_fixture.sent);
        MailTableModel *mail = m_window->listPane()->mailModel();
        QCOMPARE(mail->rowCount(), 3);
        QCOMPARE(mail->headerData(MailTableModel::CorrespondentColumn, Qt::Horizontal).toString(), QStringLiteral("To"));
        QTreeView *view = m_window->listPane()->mailView();
        // Sorted newest first: Three outcomes (10:00), Offer (08:00), Untracked (yesterday).
        QCOMPARE(column(view->model(), MailTableModel::SubjectColumn),
                 QStringList({QStringLiteral("Three outcomes"), QStringLiteral("Offer for the new office"),
                              QStringLiteral("Untracked note")}));
        const QModelIndex failedIcon = view->model()->index(0, MailTableModel::StateColumn);
        QVERIFY(!failedIcon.data(Qt::DecorationRole).value<QIcon>().isNull());
        QVERIFY(failedIcon.data(Qt::ToolTipRole).toString().startsWith(QStringLiteral("Failed")));
        QVERIFY(view->model()->index(1, MailTableModel::StateColumn).data(Qt::ToolTipRole).toString().startsWith(QStringLiteral("Delayed")));
        QVERIFY(view->model()->index(2, MailTableModel::StateColumn).data(Qt::DecorationRole).isNull());

        // Keyboard: focus the list, Down selects the first, then the next row.
        view->setFocus();
        view->setCurrentIndex(view->model()->index(0, 0));
        QVERIFY(m_window->deliveryPanel()->isVisible());
        QCOMPARE(m_window->deliveryPanel()->sentMessage(), m_fixture.threeOutcomes);
        QVERIFY(m_window->viewer()->isVisible());
        QVERIFY(m_window->viewer()->headerLabel()->text().contains(QStringLiteral("Three outcomes")));
        QTest::keyClick(view, Qt::Key_Down);
        QCOMPARE(m_window->deliveryPanel()->sentMessage(), m_fixture.delayed);
        QTest::keyClick(view, Qt::Key_Down);
        QVERIFY(!m_window->deliveryPanel()->isVisible());
        QVERIFY(m_window->viewer()->headerLabel()->text().contains(QStringLiteral("Untracked note")));

        // Sorting by the state column puts the worst first.
        view->sortByColumn(MailTableModel::StateColumn, Qt::DescendingOrder);
        QCOMPARE(view->model()->index(0, MailTableModel::SubjectColumn).data().toString(), QStringLiteral("Three outcomes"));
        view->sortByColumn(MailTableModel::SubjectColumn, Qt::AscendingOrder);
        QCOMPARE(view->model()->index(0, MailTableModel::SubjectColumn).data().toString(), QStringLiteral("Offer for the new office"));
    }

    void searchFiltersTheList()
    {
        m_window->folderPane()->selectFolder(m_fixture.inbox);
        QTreeView *view = m_window->listPane()->mailView();
        QCOMPARE(view->model()->rowCount(), 4);
        QTest::keySequence(m_window.get(), QKeySequence::Find);
        QVERIFY(m_window->listPane()->searchBox()->hasFocus());
        QTest::keyClicks(m_window->listPane()->searchBox(), QStringLiteral("carol"));
        QCOMPARE(view->model()->rowCount(), 1);
        QCOMPARE(view->model()->index(0, MailTableModel::SubjectColumn).data().toString(), QStringLiteral("Lunch on Thursday?"));
        m_window->listPane()->searchBox()->clear();
        QCOMPARE(view->model()->rowCount(), 4);
    }

    void trackedFolderAndQuickFilters()
    {
        m_window->folderPane()->selectTracked(TrackedFilter::All);
        QTreeView *tracked = m_window->listPane()->trackedView();
        QCOMPARE(m_window->listPane()->currentView(), tracked);
        QCOMPARE(tracked->model()->rowCount(), 4);
        QVERIFY(!tracked->model()->index(0, Models::TrackingModel::StateColumn).data(Qt::DecorationRole).value<QIcon>().isNull());

        const auto subjects = [&] {
            QStringList s = column(tracked->model(), 0);
            s.sort();
            return s;
        };
        m_window->folderPane()->selectTracked(TrackedFilter::Failed);
        QCOMPARE(subjects(), QStringList({QStringLiteral("Three outcomes")}));
        m_window->folderPane()->selectTracked(TrackedFilter::Delayed);
        // Carol's copy of "Three outcomes" is delayed while Ghost's failed.
        QCOMPARE(subjects(), QStringList({QStringLiteral("Offer for the new office"), QStringLiteral("Three outcomes")}));
        m_window->folderPane()->selectTracked(TrackedFilter::AwaitingReport);
        QCOMPARE(subjects(), QStringList({QStringLiteral("Agenda for Friday"), QStringLiteral("Offer for the new office"),
                                          QStringLiteral("Three outcomes")}));

        // Selecting a tracked message shows the panel; its sent copy in the viewer.
        m_window->folderPane()->selectTracked(TrackedFilter::Failed);
        tracked->setCurrentIndex(tracked->model()->index(0, 0));
        QCOMPARE(m_window->deliveryPanel()->sentMessage(), m_fixture.threeOutcomes);
        QVERIFY(m_window->viewer()->isVisible());
        // A tracked message without a cached copy: panel only.
        m_window->folderPane()->selectTracked(TrackedFilter::AwaitingReport);
        QTest::keyClicks(m_window->listPane()->searchBox(), QStringLiteral("frank@"));
        QCOMPARE(tracked->model()->rowCount(), 1);
        tracked->setCurrentIndex(tracked->model()->index(0, 0));
        QCOMPARE(m_window->deliveryPanel()->sentMessage(), m_fixture.awaiting);
        QVERIFY(!m_window->viewer()->isVisible());

        m_window->listPane()->searchBox()->clear();
        m_window->folderPane()->selectTracked(TrackedFilter::UnmatchedReports);
        QTreeWidget *reports = m_window->listPane()->reportView();
        QCOMPARE(m_window->listPane()->currentView(), reports);
        QCOMPARE(reports->topLevelItemCount(), 1);
        reports->setCurrentItem(reports->topLevelItem(0));
        QVERIFY(m_window->viewer()->headerLabel()->text().contains(QStringLiteral("Undelivered Mail")));
    }

    void viewerBlocksRemoteContentAndAsksForReceipts()
    {
        m_window->folderPane()->selectFolder(m_fixture.inbox);
        QTreeView *view = m_window->listPane()->mailView();
        // Newest first: Re: Three outcomes 11:06, Lunch 09:12, Spring offers 08:00, Minutes.
        view->setCurrentIndex(view->model()->index(2, 0));
        QVERIFY(m_window->viewer()->remoteBar()->isVisible());
        QVERIFY(!m_window->viewer()->bodyView()->toHtml().contains(QStringLiteral("alert")));
        view->setCurrentIndex(view->model()->index(1, 0));
        QVERIFY(m_window->viewer()->receiptBar()->isVisible());
        QVERIFY(!m_window->viewer()->remoteBar()->isVisible());
        view->setCurrentIndex(view->model()->index(3, 0));
        QCOMPARE(m_window->viewer()->attachmentList()->count(), 1);
    }

    void errorsAppearInTheWindow()
    {
        QVERIFY(!m_window->messageBar()->isVisible());
        QCOMPARE(m_window->openMailto(QStringLiteral("http://not-mail")), nullptr);
        QVERIFY(m_window->messageBar()->isVisible());
        QVERIFY(m_window->messageBar()->text().contains(QStringLiteral("not a mailto: link")));
        QCOMPARE(m_window->messageBar()->kind(), MessageBar::Kind::Error);
    }

    void mailtoOpensThePrefilledComposer()
    {
        ComposerDialog *composer = m_window->openMailto(QStringLiteral("mailto:bob@example.test?cc=carol@example.test&subject=Hi%20there"));
        QVERIFY(composer);
        QVERIFY(composer->isVisible());
        QCOMPARE(composer->toField()->text(), QStringLiteral("bob@example.test"));
        QCOMPARE(composer->ccField()->text(), QStringLiteral("carol@example.test"));
        QCOMPARE(composer->subjectField()->text(), QStringLiteral("Hi there"));
        // Sending hands the request on to whoever owns the outbox.
        QSignalSpy sent(m_window.get(), &MainWindow::sendRequested);
        composer->setConfirmation([](const QString &, const QString &) { return true; });
        QVERIFY(composer->send());
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.first().first().value<OutgoingRequest>().message.subject, QStringLiteral("Hi there"));
    }

    void panelLeadsToUnmatchedReportsAndLinksToTheComposer()
    {
        m_window->folderPane()->selectFolder(m_fixture.sent);
        QTreeView *view = m_window->listPane()->mailView();
        view->setCurrentIndex(view->model()->index(0, 0));
        Q_EMIT m_window->deliveryPanel()->unmatchedReportsRequested();
        QCOMPARE(m_window->listPane()->currentView(), m_window->listPane()->reportView());
        QCOMPARE(m_window->folderPane()->trackedView()->currentItem()->text(0), QStringLiteral("Unmatched reports (1)"));

        QVERIFY(!m_window->findChild<ComposerDialog *>());
        Q_EMIT m_window->viewer()->bodyView()->linkActivated(QUrl(QStringLiteral("mailto:carol@example.test?subject=Lunch")));
        auto *composer = m_window->findChild<ComposerDialog *>();
        QVERIFY(composer);
        QCOMPARE(composer->subjectField()->text(), QStringLiteral("Lunch"));
    }

    void replyPrefillsTheComposer()
    {
        m_window->folderPane()->selectFolder(m_fixture.inbox);
        QTreeView *view = m_window->listPane()->mailView();
        view->setCurrentIndex(view->model()->index(1, 0));
        QTest::keyClick(m_window.get(), Qt::Key_R, Qt::ControlModifier);
        auto *composer = m_window->findChild<ComposerDialog *>();
        QVERIFY(composer);
        QString error;
        const OutgoingRequest request = composer->request(&error);
        QCOMPARE(error, QString());
        QCOMPARE(request.message.to.size(), 1);
        QCOMPARE(request.message.to.first().address, QStringLiteral("carol@example.test"));
        QCOMPARE(request.message.subject, QStringLiteral("Re: Lunch on Thursday?"));
        QCOMPARE(request.message.inReplyTo, QByteArray("<lunch@example.test>"));
        QCOMPARE(request.message.from.address, QStringLiteral("alice@example.test"));
    }

    /// The reply is from the identity the mail was addressed to, with its signature, and the
    /// cursor on an empty line above the quote (a blank line before the attribution).
    void replyComesFromTheIdentityAddressed_data()
    {
        QTest::addColumn<QString>("identity"); // added to account "aaa", listed first
        QTest::addColumn<QString>("expectedFrom");
        QTest::newRow("own-address") << QString() << QStringLiteral("alice@example.test");
        // The same address is also an identity of an account listed first: the account whose
        // folder holds the mail wins.
        QTest::newRow("address-also-in-another-account") << QStringLiteral("Alice@Example.test")
                                                         << QStringLiteral("alice@example.test");
    }
    void replyComesFromTheIdentityAddressed()
    {
        QFETCH(QString, identity);
        QFETCH(QString, expectedFrom);
        const QSqlDatabase db = m_context->database().connection();
        Store::Account other;
        other.name = QStringLiteral("aaa");
        other.email = QStringLiteral("aaa@else.example");
        other.imap = Store::Endpoint{QStringLiteral("imap.else.example"), 993, Store::Security::Tls};
        other.smtp = Store::Endpoint{QStringLiteral("smtp.else.example"), 465, Store::Security::Tls};
        other.userName = other.email;
        QCOMPARE(Store::AccountRepository(db).add(other), QString());
        Store::IdentityRepository identities(db);
        const Store::Account alice = *Store::AccountRepository(db).find(QStringLiteral("alice"));
        Store::Identity own = identities.list(alice).first();
        own.signature = QStringLiteral("Alice");
        QCOMPARE(identities.save(alice, own), QString());
        if (!identity.isEmpty()) {
            Store::Identity extra;
            extra.address = identity;
            extra.signature = QStringLiteral("Alice at aaa");
            QCOMPARE(identities.save(other, extra), QString());
        }

        m_window->folderPane()->selectFolder(m_fixture.inbox);
        QTreeView *view = m_window->listPane()->mailView();
        view->setCurrentIndex(view->model()->index(1, 0)); // Lunch on Thursday?, To alice@example.test
        ComposerDialog *composer = m_window->replyOrForward(MainWindow::Reply);
        QVERIFY(composer);
        QString error;
        const OutgoingRequest request = composer->request(&error);
        QCOMPARE(error, QString());
        QCOMPARE(request.message.from.address, expectedFrom);
        const QString signature = QStringLiteral("Alice");
        QVERIFY2(request.message.plainText.startsWith(QStringLiteral("\n\n-- \n") + signature
                                                      + QStringLiteral("\n\nOn Mon, 2 Mar 2026 09:12, Carol Jones wrote:\n> ")),
                 qPrintable(request.message.plainText));
        QCOMPARE(composer->bodyField()->textCursor().position(), 0);
        QCOMPARE(composer->bodyField()->textCursor().block().text(), QString());
        QVERIFY(!composer->isModified());
        delete composer;
    }

    void searchSaysNothingFoundAndEscapeClears()
    {
        m_window->folderPane()->selectFolder(m_fixture.inbox);
        QLineEdit *search = m_window->listPane()->searchBox();
        QLabel *note = m_window->listPane()->emptyNote();
        QVERIFY(note->isHidden());
        search->setFocus();
        QTest::keyClicks(search, QStringLiteral("zzz-no-such-mail"));
        QCOMPARE(m_window->listPane()->mailView()->model()->rowCount(), 0);
        QVERIFY(note->isVisible());
        QCOMPARE(note->text(), QStringLiteral("Nothing found"));
        QTest::keyClick(search, Qt::Key_Escape);
        QCOMPARE(search->text(), QString());
        QCOMPARE(m_window->listPane()->mailView()->model()->rowCount(), 4);
        QVERIFY(note->isHidden());
        // The same in the Tracked view.
        m_window->folderPane()->selectTracked(TrackedFilter::All);
        QTest::keyClicks(search, QStringLiteral("zzz-no-such-mail"));
        QCOMPARE(note->text(), QStringLiteral("Nothing found"));
        QVERIFY(note->isVisible());
        QTest::keyClick(search, Qt::Key_Escape);
        QVERIFY(note->isHidden());
    }

    void emptyViewsSayWhy()
    {
        AppContext empty;
        QCOMPARE(empty.open(QStringLiteral(":memory:")), QString());
        MainWindow window(empty);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QLabel *note = window.listPane()->emptyNote();
        const QList<std::pair<TrackedFilter, QString>> expected{
            {TrackedFilter::All, QStringLiteral("No tracked mail yet")},
            {TrackedFilter::Failed, QStringLiteral("No failed mail")},
            {TrackedFilter::Delayed, QStringLiteral("No delayed mail")},
            {TrackedFilter::AwaitingReport, QStringLiteral("No mail is waiting for a report")},
            {TrackedFilter::UnmatchedReports, QStringLiteral("No report is waiting to be matched: reports that "
                                                             "Mailtrail cannot link to a sent mail appear here.")},
        };
        for (const auto &[filter, text] : expected) {
            window.folderPane()->selectTracked(filter);
            QVERIFY2(note->isVisible(), qPrintable(text));
            QVERIFY2(note->text().startsWith(text), qPrintable(note->text()));
            // Readable: inside the list, not cut to nothing.
            QVERIFY(note->width() > 200);
            QVERIFY(window.listPane()->rect().contains(note->geometry().translated(note->parentWidget()->pos())));
        }
    }

    void filedReportLinksToItsTracking()
    {
        m_window->folderPane()->selectFolder(m_fixture.archive);
        QTreeView *view = m_window->listPane()->mailView();
        QCOMPARE(view->model()->rowCount(), 1);
        view->setCurrentIndex(view->model()->index(0, 0));
        QLabel *link = m_window->viewer()->reportLink();
        QVERIFY(link->isVisible());
        QVERIFY2(link->text().startsWith(QStringLiteral("Delivery report for “Three outcomes” → <a ")), qPrintable(link->text()));
        QVERIFY(link->text().contains(QStringLiteral(">show tracking</a>")));
        Q_EMIT link->linkActivated(QStringLiteral("tracking:"));
        QCOMPARE(m_window->listPane()->currentView(), m_window->listPane()->trackedView());
        const QModelIndex current = m_window->listPane()->trackedView()->currentIndex();
        QCOMPARE(current.data(Models::SentMessageIdRole).toLongLong(), m_fixture.threeOutcomes);
        QVERIFY(m_window->deliveryPanel()->isVisible());
        // An ordinary mail has no link.
        m_window->folderPane()->selectFolder(m_fixture.inbox);
        view->setCurrentIndex(view->model()->index(1, 0));
        QVERIFY(!link->isVisible());
    }

    void layoutIsRemembered()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        m_context->setProfileDirectory(dir.path());
        QList<int> reading;
        {
            MainWindow window(*m_context);
            window.resize(1000, 700);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.folderPane()->selectFolder(m_fixture.sent);
            QTreeView *view = window.listPane()->mailView();
            view->setCurrentIndex(view->model()->index(0, 0)); // tracked: viewer and panel
            QVERIFY(window.deliveryPanel()->isVisible());
            window.readingSplitter()->setSizes({120, 380});
            Q_EMIT window.readingSplitter()->splitterMoved(120, 1); // as a drag ends
            reading = window.readingSizes();
            QCOMPARE(reading.size(), 2);
            view->header()->resizeSection(MailTableModel::CorrespondentColumn, 240);
            QVERIFY(window.close());
        }
        MainWindow again(*m_context);
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QCOMPARE(again.size(), QSize(1000, 700));
        QCOMPARE(again.listPane()->mailView()->header()->sectionSize(MailTableModel::CorrespondentColumn), 240);
        QCOMPARE(again.readingSizes(), reading);
        again.folderPane()->selectFolder(m_fixture.sent);
        again.listPane()->mailView()->setCurrentIndex(again.listPane()->mailView()->model()->index(0, 0));
        QCOMPARE(again.readingSplitter()->sizes(), reading);
    }

    /// At 1000×700 the subjects and at least five timeline rows are readable.
    void readableAtSmallSize()
    {
        m_window->resize(1000, 700);
        m_window->folderPane()->selectFolder(m_fixture.sent);
        QTreeView *view = m_window->listPane()->mailView();
        view->setCurrentIndex(view->model()->index(0, 0));
        settleLayouts();
        QVERIFY(view->header()->sectionSize(MailTableModel::SubjectColumn) >= 150);
        QTreeWidget *timeline = m_window->deliveryPanel()->timelineView();
        QVERIFY(timeline->isVisible());
        const int row = std::max(timeline->sizeHintForRow(0), timeline->fontMetrics().height());
        QVERIFY2(timeline->viewport()->height() >= 5 * row,
                 qPrintable(QStringLiteral("%1 < 5 × %2").arg(timeline->viewport()->height()).arg(row)));
    }

    void editDraftIsInTheMessageMenu()
    {
        auto *action = m_window->findChild<QAction *>(QStringLiteral("editDraftAction"));
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_E));
        // Not in a Drafts folder: it says so instead of opening a received mail as a draft.
        m_window->folderPane()->selectFolder(m_fixture.inbox);
        QTreeView *view = m_window->listPane()->mailView();
        view->setCurrentIndex(view->model()->index(1, 0));
        QVERIFY(!m_window->editDraft());
        QVERIFY(!m_window->findChild<ComposerDialog *>());
    }

    void screenshot()
    {
        const QString dir = qEnvironmentVariable("MAILTRAIL_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("set MAILTRAIL_SCREENSHOT_DIR to write screenshots");
        m_window->resize(1280, 800);
        m_window->folderPane()->selectFolder(m_fixture.sent);
        QTreeView *view = m_window->listPane()->mailView();
        view->setCurrentIndex(view->model()->index(0, 0));
        settleLayouts();
        QVERIFY(m_window->grab().save(dir + QStringLiteral("/main-window.png")));
        m_window->folderPane()->selectTracked(TrackedFilter::All);
        QTreeView *tracked = m_window->listPane()->trackedView();
        for (int r = 0; r < tracked->model()->rowCount(); ++r) {
            if (tracked->model()->index(r, 0).data().toString() == QLatin1String("Three outcomes"))
                tracked->setCurrentIndex(tracked->model()->index(r, 0));
        }
        m_window->deliveryPanel()->selectRecipient(2);
        settleLayouts();
        QVERIFY(m_window->grab().save(dir + QStringLiteral("/tracked.png")));
        m_window->folderPane()->selectFolder(m_fixture.inbox);
        view->setCurrentIndex(view->model()->index(2, 0));
        settleLayouts();
        QVERIFY(m_window->grab().save(dir + QStringLiteral("/message-viewer.png")));
        QCOMPARE(Test::grabEverydayScreens(*m_context, *m_window, m_fixture, dir, QString()), QString());
    }

private:
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<MainWindow> m_window;
    Test::UiFixture m_fixture;
};

QTEST_MAIN(MainWindowTest)
#include "MainWindowTest.moc"
