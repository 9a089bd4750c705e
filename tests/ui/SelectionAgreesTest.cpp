// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 19 item 1: the selection and the panels agree. After switching a tracked filter,
// Ctrl+T, toggling Threads or a refresh, either the highlighted row is the message shown (in
// the viewer and the delivery panel) or nothing is highlighted and nothing is shown; in Sent,
// the first recipient's timeline is shown with its row highlighted; Ctrl+T highlights only
// "Tracked" in the folder tree. Over the UI fixture, in the real main window.
#include "AppContext.h"
#include "DeliveryPanel.h"
#include "FolderPane.h"
#include "MainWindow.h"
#include "MessageListPane.h"
#include "UiFixture.h"
#include "models/Roles.h"

#include <QItemSelectionModel>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>

using namespace Mailtrail;
using namespace Mailtrail::Ui;

class SelectionAgreesTest : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<MainWindow> m_window;
    Test::UiFixture m_fixture;

    /// The rows highlighted in the list shown.
    QModelIndexList highlighted() const
    {
        auto *view = qobject_cast<QTreeView *>(m_window->listPane()->currentView());
        return view ? view->selectionModel()->selectedRows() : QModelIndexList();
    }

    /// The invariant: one highlighted row and it is what the panels show, or none and
    /// nothing is shown. Returns what is wrong, empty when they agree.
    QString disagreement() const
    {
        const QModelIndexList rows = highlighted();
        const qint64 panel = m_window->deliveryPanel()->sentMessage();
        const qint64 shown = m_window->currentMessage();
        if (rows.isEmpty()) {
            if (panel != 0 || shown != 0)
                return QStringLiteral("nothing highlighted, but the panel shows %1 and the viewer %2").arg(panel).arg(shown);
            return {};
        }
        if (rows.size() != 1)
            return QStringLiteral("%1 rows highlighted").arg(rows.size());
        const QModelIndex row = rows.first();
        const bool tracked = m_window->listPane()->currentView() == m_window->listPane()->trackedView();
        if (tracked) {
            const qint64 sent = row.data(Models::SentMessageIdRole).toLongLong();
            if (sent != panel)
                return QStringLiteral("tracked row %1 highlighted, the panel shows %2").arg(sent).arg(panel);
            return {};
        }
        const qint64 message = row.data(Models::MessageIdRole).toLongLong();
        if (message != shown)
            return QStringLiteral("message %1 highlighted, the viewer shows %2").arg(message).arg(shown);
        return {};
    }

    /// As a plain click on the row does (not setCurrentIndex(): it takes the keyboard
    /// modifiers a previous key click left behind).
    static void click(QTreeView *view, const QModelIndex &index)
    {
        view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }

    void selectTrackedRow(const QString &subject)
    {
        QTreeView *view = m_window->listPane()->trackedView();
        for (int r = 0; r < view->model()->rowCount(); ++r) {
            if (view->model()->index(r, 0).data().toString() == subject)
                click(view, view->model()->index(r, 0));
        }
    }

private Q_SLOTS:
    void init()
    {
        QCOMPARE(Test::openFixtureWindow(m_fixture, m_context, m_window), QString());
    }

    void cleanup()
    {
        m_window.reset();
        m_context.reset();
    }

    void switchingTheTrackedFilter_data()
    {
        QTest::addColumn<int>("filter");
        QTest::newRow("failed-keeps-the-row-listed") << int(TrackedFilter::Failed);
        QTest::newRow("delayed-drops-the-row") << int(TrackedFilter::Delayed);
        QTest::newRow("needs-attention") << int(TrackedFilter::NeedsAttention);
        QTest::newRow("unmatched-reports") << int(TrackedFilter::UnmatchedReports);
        QTest::newRow("all-again") << int(TrackedFilter::All);
    }
    void switchingTheTrackedFilter()
    {
        QFETCH(int, filter);
        m_window->folderPane()->selectTracked(TrackedFilter::Failed);
        selectTrackedRow(QStringLiteral("Three outcomes"));
        QCOMPARE(m_window->deliveryPanel()->sentMessage(), m_fixture.threeOutcomes);
        QCOMPARE(disagreement(), QString());
        m_window->folderPane()->selectTracked(TrackedFilter(filter));
        QCOMPARE(disagreement(), QString());
    }

    void ctrlTFromAFolder()
    {
        m_window->folderPane()->selectFolder(m_fixture.inbox);
        QTreeView *mail = m_window->listPane()->mailView();
        click(mail, mail->model()->index(1, 0));
        QVERIFY(m_window->currentMessage() != 0);
        QCOMPARE(disagreement(), QString());
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTest::keyClick(m_window.get(), Qt::Key_T, Qt::ControlModifier);
        QCOMPARE(m_window->listPane()->currentView(), m_window->listPane()->trackedView());
        QCOMPARE(disagreement(), QString());
        // Only "Tracked" is highlighted on the left: no folder, no other tracked entry.
        QCOMPARE(m_window->folderPane()->folderView()->selectionModel()->selectedIndexes().size(), 0);
        QVERIFY(!m_window->folderPane()->folderView()->selectionModel()->currentIndex().isValid());
        const QList<QTreeWidgetItem *> items = m_window->folderPane()->trackedView()->selectedItems();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.first(), m_window->folderPane()->trackedView()->topLevelItem(0));

        // From a tracked filter with a message shown, Ctrl+T again: still only "Tracked".
        m_window->folderPane()->selectTracked(TrackedFilter::Failed);
        selectTrackedRow(QStringLiteral("Three outcomes"));
        QTest::keyClick(m_window.get(), Qt::Key_T, Qt::ControlModifier);
        QCOMPARE(disagreement(), QString());
        QCOMPARE(m_window->folderPane()->trackedView()->selectedItems(),
                 QList<QTreeWidgetItem *>{m_window->folderPane()->trackedView()->topLevelItem(0)});
    }

    void togglingThreads()
    {
        m_window->folderPane()->selectFolder(m_fixture.inbox);
        QTreeView *mail = m_window->listPane()->mailView();
        click(mail, mail->model()->index(1, 0));
        QVERIFY(m_window->currentMessage() != 0);
        for (int i = 0; i < 2; ++i) {
            m_window->listPane()->threadsToggle()->click();
            QCOMPARE(disagreement(), QString());
            click(mail, mail->model()->index(0, 0));
            QCOMPARE(disagreement(), QString());
        }
    }

    void refreshKeepsWhatIsShown()
    {
        m_window->folderPane()->selectTracked(TrackedFilter::All);
        selectTrackedRow(QStringLiteral("Three outcomes"));
        m_window->reload();
        QCOMPARE(disagreement(), QString());
        QCOMPARE(m_window->deliveryPanel()->sentMessage(), m_fixture.threeOutcomes);

        m_window->folderPane()->selectFolder(m_fixture.inbox);
        QTreeView *mail = m_window->listPane()->mailView();
        click(mail, mail->model()->index(2, 0));
        const qint64 shown = m_window->currentMessage();
        m_window->reload();
        QCOMPARE(disagreement(), QString());
        QCOMPARE(m_window->currentMessage(), shown);
    }

    /// In Sent, a tracked message's row highlighted: the panel shows its first recipient,
    /// highlighted, with that recipient's timeline.
    void sentShowsTheFirstRecipientsTimeline()
    {
        m_window->folderPane()->selectFolder(m_fixture.sent);
        QTreeView *mail = m_window->listPane()->mailView();
        QModelIndex three;
        for (int r = 0; r < mail->model()->rowCount(); ++r) {
            if (mail->model()->index(r, 0).data(Models::MessageIdRole).toLongLong() == m_fixture.sentThreeOutcomes)
                three = mail->model()->index(r, 0);
        }
        QVERIFY(three.isValid());
        click(mail, three);
        QCOMPARE(disagreement(), QString());
        DeliveryPanel *panel = m_window->deliveryPanel();
        QCOMPARE(panel->sentMessage(), m_fixture.threeOutcomes);
        QVERIFY(panel->isVisible());
        QTreeView *recipients = panel->recipientView();
        const QModelIndexList chosen = recipients->selectionModel()->selectedRows();
        QCOMPARE(chosen.size(), 1);
        QCOMPARE(chosen.first().row(), 0);
        QCOMPARE(recipients->currentIndex().row(), 0);
        QCOMPARE(chosen.first().data(Models::AddressRole).toString(), QStringLiteral("bob@example.test"));
        // bob: queued, accepted, delivered (DSN), displayed (MDN).
        QCOMPARE(panel->timelineView()->topLevelItemCount(), 4);

        // Another message of Sent and back: the first recipient again.
        click(mail, mail->model()->index(three.row() == 0 ? 1 : 0, 0));
        QCOMPARE(disagreement(), QString());
        click(mail, three);
        QCOMPARE(recipients->selectionModel()->selectedRows().value(0).row(), 0);
        QCOMPARE(panel->timelineView()->topLevelItemCount(), 4);
    }
};

QTEST_MAIN(SelectionAgreesTest)
#include "SelectionAgreesTest.moc"
