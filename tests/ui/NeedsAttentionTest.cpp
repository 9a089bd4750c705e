// SPDX-License-Identifier: GPL-3.0-or-later
// Issue #18: "Needs attention" under Tracked over the UI fixture: the count on the entry, the
// list it shows (failed, refused, overdue, delayed for more than a day), dismissing from the
// list's context menu, and one desktop notification per new item. Screenshot.
#include "AppContext.h"
#include "AttentionWatcher.h"
#include "FolderPane.h"
#include "MainWindow.h"
#include "MessageListPane.h"
#include "DeliveryPanel.h"
#include "RecipientHistoryTips.h"
#include "UiFixture.h"
#include "models/Roles.h"

#include <QHelpEvent>
#include <QTest>
#include <QToolTip>
#include <QTreeView>
#include <QTreeWidget>

using namespace Mailtrail;
using namespace Mailtrail::Ui;

namespace {

QTreeWidgetItem *attentionEntry(FolderPane *pane)
{
    QTreeWidgetItem *all = pane->trackedView()->topLevelItem(0);
    for (int i = 0; i < all->childCount(); ++i) {
        if (all->child(i)->data(0, Qt::UserRole).value<TrackedFilter>() == TrackedFilter::NeedsAttention)
            return all->child(i);
    }
    return nullptr;
}

QStringList subjects(const QTreeView *view)
{
    QStringList out;
    for (int r = 0; r < view->model()->rowCount(); ++r)
        out << view->model()->index(r, 0).data().toString();
    out.sort();
    return out;
}

} // namespace

class NeedsAttentionTest : public QObject
{
    Q_OBJECT
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

    void listsWhatNeedsAttention()
    {
        AttentionWatcher *watcher = m_window->attentionWatcher();
        QVERIFY(watcher);
        // The fixture at its "now": ghost failed (5.1.1); erin delayed for 1.5 h only.
        QCOMPARE(watcher->ids(), QSet<qint64>{m_fixture.threeOutcomes});
        QTreeWidgetItem *entry = attentionEntry(m_window->folderPane());
        QVERIFY(entry);
        QCOMPARE(entry->text(0), QStringLiteral("Needs attention (1)"));
        QVERIFY(entry->font(0).bold());

        m_window->folderPane()->selectTracked(TrackedFilter::NeedsAttention);
        QCOMPARE(subjects(m_window->listPane()->trackedView()), QStringList{QStringLiteral("Three outcomes")});

        QVERIFY(watcher->dismiss(m_fixture.threeOutcomes));
        QCOMPARE(entry->text(0), QStringLiteral("Needs attention"));
        QVERIFY(!entry->font(0).bold());
        QCOMPARE(m_window->listPane()->trackedView()->model()->rowCount(), 0);
    }

    void notifiesOncePerNewItem()
    {
        AttentionWatcher *watcher = m_window->attentionWatcher();
        QList<qint64> notified;
        watcher->setNotify([&](const Tracking::AttentionItem &item) { notified.append(item.message.id); });
        watcher->refresh();
        QCOMPARE(notified, QList<qint64>{}); // the window's first look announced it already

        // A new failure: one notification, and only one.
        Tracking::TrackingStore &store = m_context->trackingStore();
        const auto message = store.message(m_fixture.delayed);
        QVERIFY(message);
        Tracking::Evidence failed;
        failed.kind = Tracking::EvidenceKind::Failed;
        failed.source = Tracking::EvidenceSource::Dsn;
        failed.time = m_fixture.now;
        failed.status = QStringLiteral("5.4.4");
        failed.dedupKey = QStringLiteral("test-failure");
        QVERIFY(store.appendEvidence(message->recipientIds.first(), failed));
        watcher->refresh();
        QCOMPARE(notified, QList<qint64>{m_fixture.delayed});
        watcher->refresh();
        QCOMPARE(notified, QList<qint64>{m_fixture.delayed});
        QCOMPARE(watcher->ids(), (QSet<qint64>{m_fixture.threeOutcomes, m_fixture.delayed}));
    }

    void deliveryPanelShowsAddressHistory()
    {
        m_window->deliveryPanel()->setSentMessage(m_fixture.threeOutcomes);
        QTreeView *recipients = m_window->deliveryPanel()->recipientView();
        auto *tips = recipients->findChild<RecipientHistoryTips *>();
        QVERIFY(tips);
        const QString expected = QStringLiteral("History of ghost@example.test:\nSent 1, delivered 0, read 0, failed 1\n"
                                                "Last outcome: failed 5.1.1\nFailed on ");
        QVERIFY2(tips->historyText(QStringLiteral("ghost@example.test")).startsWith(expected),
                 qPrintable(tips->historyText(QStringLiteral("ghost@example.test"))));
        // The tooltip of ghost's row.
        int ghostRow = -1;
        for (int r = 0; r < recipients->model()->rowCount(recipients->rootIndex()); ++r) {
            if (recipients->model()->index(r, 0, recipients->rootIndex()).data(Models::AddressRole).toString()
                == QLatin1String("ghost@example.test"))
                ghostRow = r;
        }
        QVERIFY(ghostRow >= 0);
        const QRect rect = recipients->visualRect(recipients->model()->index(ghostRow, 0, recipients->rootIndex()));
        QHelpEvent help(QEvent::ToolTip, rect.center(), recipients->viewport()->mapToGlobal(rect.center()));
        QCoreApplication::sendEvent(recipients->viewport(), &help);
        QVERIFY2(QToolTip::text().contains(QStringLiteral("Sent 1, delivered 0, read 0, failed 1")),
                 qPrintable(QToolTip::text()));
    }

    void screenshot()
    {
        const QString dir = qEnvironmentVariable("MAILTRAIL_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("set MAILTRAIL_SCREENSHOT_DIR to write screenshots");
        m_window->folderPane()->selectTracked(TrackedFilter::NeedsAttention);
        QTreeView *tracked = m_window->listPane()->trackedView();
        tracked->setCurrentIndex(tracked->model()->index(0, 0));
        m_window->deliveryPanel()->selectRecipient(2);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        QCoreApplication::processEvents();
        QVERIFY(m_window->grab().save(dir + QStringLiteral("/needs-attention.png")));
    }

private:
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<MainWindow> m_window;
    Test::UiFixture m_fixture;
};

QTEST_MAIN(NeedsAttentionTest)
#include "NeedsAttentionTest.moc"
