// SPDX-License-Identifier: GPL-3.0-or-later
// The delivery panel over a real tracking store fed with real report mails.
#include "DeliveryPanel.h"
#include "StateDecorationProxy.h"
#include "TestPaths.h"
#include "TrackingFixture.h"
#include "models/Roles.h"
#include "models/TrackingModel.h"
#include "store/Database.h"
#include "tracking/ReportIngest.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

using namespace Mailtrail;
using namespace Mailtrail::Tracking;

class DeliveryPanelTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QCOMPARE(m_database.open(QStringLiteral(":memory:")), QString());
        m_store = std::make_unique<TrackingStore>(m_database.connection());
        const QDateTime t0(QDate(2026, 3, 2), QTime(10, 0), Qt::UTC);
        m_withDsn = Test::addThreeOutcomesMessage(*m_store, t0);
        QVERIFY(m_withDsn > 0);
        ReportIngest ingest(*m_store);
        IncomingMail dsn;
        dsn.raw = Test::trackingFixture(QStringLiteral("postfix-three-outcomes.eml"));
        dsn.date = t0.addSecs(300);
        QCOMPARE(ingest.ingest(dsn).outcome, IngestResult::Matched);
        IncomingMail mdn;
        mdn.raw = Test::trackingFixture(QStringLiteral("mdn-displayed.eml"));
        mdn.date = t0.addSecs(3900);
        QCOMPARE(ingest.ingest(mdn).outcome, IngestResult::Matched);

        NewSentMessage m;
        m.account = QStringLiteral("alice");
        m.createdAt = t0;
        m.messageId = QStringLiteral("nodsn@example.test");
        m.subject = QStringLiteral("Sent through a server without DSN");
        m.recipients = {{QStringLiteral("dave@example.test"), {}, {}}};
        const auto other = m_store->addSentMessage(m);
        QVERIFY(other);
        m_withoutDsn = *other;
        Evidence ok;
        ok.kind = EvidenceKind::SubmissionAccepted;
        ok.source = EvidenceSource::Smtp;
        ok.time = t0.addSecs(5);
        ok.replyCode = 250;
        QVERIFY(m_store->recordSubmission(m_withoutDsn, t0.addSecs(5), false, {}, {}, {ok}));

        m_now = t0.addSecs(4000);
        m_model = std::make_unique<Models::TrackingModel>(*m_store, [this] { return m_now; });
        m_model->reload();
    }

    void showsRecipientsAndTimeline()
    {
        Ui::DeliveryPanel panel(m_model.get(), m_store.get());
        panel.resize(900, 640);
        panel.setSentMessage(m_withDsn);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QTreeView *recipients = panel.recipientView();
        QCOMPARE(recipients->model()->rowCount(recipients->rootIndex()), 3);
        const QModelIndex bobState = recipients->model()->index(0, Models::TrackingModel::StateColumn,
                                                                 recipients->rootIndex());
        QCOMPARE(bobState.data().toString(), QStringLiteral("Read"));
        QVERIFY(!bobState.data(Qt::DecorationRole).value<QIcon>().isNull());
        QVERIFY(panel.warningLabel()->isHidden());

        // Bob: queued, accepted, delivered (DSN), displayed (MDN).
        QCOMPARE(panel.timelineView()->topLevelItemCount(), 4);
        QVERIFY(panel.timelineView()->topLevelItem(2)->text(1).contains(QStringLiteral("mx.example.test")));
        panel.selectRecipient(2);
        QCOMPARE(panel.timelineView()->topLevelItemCount(), 3);
        QVERIFY(panel.timelineView()->topLevelItem(2)->text(1).contains(QStringLiteral("5.1.1")));
        QVERIFY(panel.timelineView()->topLevelItem(2)->data(0, Qt::UserRole).toLongLong() > 0);

        const QString dir = qEnvironmentVariable("MAILTRAIL_SCREENSHOT_DIR");
        if (!dir.isEmpty()) {
            panel.selectRecipient(0);
            QVERIFY(panel.grab().save(dir + QStringLiteral("/delivery-panel.png")));
        }
    }

    /// Issue #15 §2: a report matched by a guess is shown as a report that may be about
    /// this message, with why it matched; Confirm makes it decide.
    void possibleReportCanBeConfirmed()
    {
        Store::Database database;
        QCOMPARE(database.open(QStringLiteral(":memory:")), QString());
        TrackingStore store(database.connection());
        const QDateTime t0(QDate(2026, 3, 2), QTime(10, 0), Qt::UTC);
        const qint64 id = Test::addThreeOutcomesMessage(store, t0);
        QVERIFY(id > 0);
        IncomingMail dsn;
        dsn.raw = Test::trackingFixture(QStringLiteral("postfix-three-outcomes.eml"));
        dsn.raw.replace("Original-Envelope-Id: ENV+2B1\n", "");
        dsn.raw.replace("Message-ID: <three@example.test>\n", "");
        dsn.date = t0.addSecs(300);
        QCOMPARE(ReportIngest(store, [t0] { return t0.addSecs(310); }).ingest(dsn).outcome, IngestResult::Matched);
        const QDateTime now = t0.addSecs(600);
        Models::TrackingModel model(store, [now] { return now; });
        model.reload();

        Ui::DeliveryPanel panel(&model, &store);
        panel.resize(900, 640);
        panel.setSentMessage(id);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.selectRecipient(2); // ghost: the guessed report says "failed"
        QTreeView *recipients = panel.recipientView();
        const QModelIndex ghostState = recipients->model()->index(2, Models::TrackingModel::StateColumn,
                                                                  recipients->rootIndex());
        QVERIFY2(ghostState.data().toString() != QStringLiteral("Failed"), qPrintable(ghostState.data().toString()));
        QTreeWidget *timeline = panel.timelineView();
        QTreeWidgetItem *possible = nullptr;
        for (int i = 0; i < timeline->topLevelItemCount(); ++i) {
            if (timeline->topLevelItem(i)->text(1).contains(QStringLiteral("may be about this message")))
                possible = timeline->topLevelItem(i);
        }
        QVERIFY(possible);
        QVERIFY(possible->text(1).contains(QStringLiteral("ghost@example.test"))); // why it matched
        QVERIFY(!panel.confirmButton()->isEnabled());
        timeline->setCurrentItem(possible);
        QVERIFY(panel.confirmButton()->isEnabled());
        panel.grab().save(QDir::temp().filePath(QStringLiteral("mailtrail-delivery-panel-possible.png")));

        panel.confirmButton()->click();
        const QModelIndex confirmed = recipients->model()->index(2, Models::TrackingModel::StateColumn,
                                                                 recipients->rootIndex());
        QCOMPARE(confirmed.data(Models::StateNameRole).toString(), QStringLiteral("failed"));
        for (int i = 0; i < panel.timelineView()->topLevelItemCount(); ++i)
            QVERIFY(!panel.timelineView()->topLevelItem(i)->text(1).contains(QStringLiteral("may be about this message")));
    }

    /// The recipient list holds the shown message's recipients and nothing else, whatever else
    /// is tracked (MailControllerTest once counted 63 "recipients" for a message to one
    /// address: the tracked messages, read from the model's top level); with no message, or
    /// one the model does not hold, it is empty; it follows a reload and a state change.
    void listsOnlyTheShownMessagesRecipients()
    {
        Ui::DeliveryPanel panel(m_model.get(), m_store.get());
        QTreeView *view = panel.recipientView();
        QAbstractItemModelTester tester(view->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(m_model->rowCount(), 2); // two tracked messages
        panel.setSentMessage(m_withoutDsn);
        QCOMPARE(view->model()->rowCount(view->rootIndex()), 1);
        QCOMPARE(view->model()->rowCount(), 1);
        QCOMPARE(view->model()->index(0, 0).data(Models::AddressRole).toString(), QStringLiteral("dave@example.test"));
        panel.setSentMessage(m_withDsn);
        QCOMPARE(view->model()->rowCount(), 3);
        QCOMPARE(view->model()->index(2, 0).data(Models::AddressRole).toString(), QStringLiteral("ghost@example.test"));
        m_model->reload();
        QCOMPARE(view->model()->rowCount(), 3);
        QCOMPARE(view->currentIndex().row(), 0); // the first recipient's timeline is shown
        QVERIFY(panel.timelineView()->topLevelItemCount() > 0);
        panel.setSentMessage(0);
        QCOMPARE(view->model()->rowCount(view->rootIndex()), 0);
        QCOMPARE(view->model()->rowCount(), 0);
        QCOMPARE(panel.timelineView()->topLevelItemCount(), 0);
        panel.setSentMessage(987654); // not tracked (another account's, or gone)
        QCOMPARE(view->model()->rowCount(view->rootIndex()), 0);
        QCOMPARE(view->model()->rowCount(), 0);
        // Another account: the model no longer holds the message shown.
        panel.setSentMessage(m_withoutDsn);
        m_model->setAccount(QStringLiteral("nobody"));
        QCOMPARE(view->model()->rowCount(view->rootIndex()), 0);
        m_model->setAccount(QString());
        QCOMPARE(view->model()->rowCount(), 1);
    }

    /// Mail another program sent (issue #18) is marked in the Tracked list: the Sent-folder
    /// icon in the first column and the tooltip saying so; Mailtrail's own mail is not.
    void mailSentElsewhereIsMarked()
    {
        Store::Database database;
        QCOMPARE(database.open(QStringLiteral(":memory:")), QString());
        TrackingStore store(database.connection());
        const QDateTime t0(QDate(2026, 3, 2), QTime(10, 0), Qt::UTC);
        NewSentMessage phone;
        phone.account = QStringLiteral("alice");
        phone.messageId = QStringLiteral("phone@example.test");
        phone.subject = QStringLiteral("From the phone");
        phone.recipients = {{QStringLiteral("bob@example.test"), {}, {}}};
        const auto elsewhere = store.addSentElsewhere(phone, t0);
        QVERIFY(elsewhere);
        NewSentMessage own = phone;
        own.messageId = QStringLiteral("own@example.test");
        own.subject = QStringLiteral("From Mailtrail");
        own.createdAt = t0.addSecs(60);
        const auto ours = store.addSentMessage(own);
        QVERIFY(ours);
        Models::TrackingModel model(store, [t0] { return t0.addSecs(600); });
        model.reload();
        Ui::StateDecorationProxy list(Models::TrackingModel::StateColumn);
        list.setSourceModel(&model);
        QTreeView view;
        view.setModel(&list);
        view.resize(760, 110);
        view.setColumnWidth(0, 200);
        QCOMPARE(list.rowCount(), 2);
        int marked = 0;
        for (int r = 0; r < list.rowCount(); ++r) {
            const QModelIndex first = list.index(r, 0);
            const bool isElsewhere = first.data(Models::SentMessageIdRole).toLongLong() == *elsewhere;
            QCOMPARE(first.data(Models::OriginRole).toString(),
                     isElsewhere ? QStringLiteral("elsewhere") : QStringLiteral("mailtrail"));
            QCOMPARE(!first.data(Qt::DecorationRole).value<QIcon>().isNull(), isElsewhere);
            QCOMPARE(first.data(Qt::ToolTipRole).toString().startsWith(QStringLiteral("Sent from another program")),
                     isElsewhere);
            // The recipient rows carry no marker.
            QVERIFY(list.index(0, 0, first).data(Qt::DecorationRole).value<QIcon>().isNull());
            marked += isElsewhere ? 1 : 0;
        }
        QCOMPARE(marked, 1);
        // The delivery panel says where it came from.
        Ui::DeliveryPanel panel(&model, &store);
        panel.setSentMessage(*elsewhere);
        QVERIFY2(panel.metaLabel()->text().contains(QStringLiteral("Sent from another program; no delivery reports were requested.")),
                 qPrintable(panel.metaLabel()->text()));
        panel.setSentMessage(*ours);
        QVERIFY(!panel.metaLabel()->text().contains(QStringLiteral("another program")));
        const QString dir = qEnvironmentVariable("MAILTRAIL_SCREENSHOT_DIR");
        if (!dir.isEmpty()) {
            view.show();
            QVERIFY(QTest::qWaitForWindowExposed(&view));
            QVERIFY(view.grab().save(dir + QStringLiteral("/tracked-sent-elsewhere.png")));
        }
    }

    void warnsWithoutDsn()
    {
        Ui::DeliveryPanel panel(m_model.get(), m_store.get());
        panel.setSentMessage(m_withoutDsn);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QVERIFY(panel.warningLabel()->isVisible());
        QVERIFY(panel.warningLabel()->text().contains(QStringLiteral("did not support delivery reports")));
        panel.setSentMessage(0);
        QVERIFY(!panel.warningLabel()->isVisible());
        QVERIFY(!panel.exportCsv(QStringLiteral("/tmp/never-written.csv")).isEmpty());
    }

    void exports()
    {
        QTemporaryDir dir;
        Ui::DeliveryPanel panel(m_model.get(), m_store.get());
        panel.setSentMessage(m_withDsn);
        const QString csv = dir.filePath(QStringLiteral("proof.csv"));
        QCOMPARE(panel.exportCsv(csv), QString());
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 1 + 4 + 3 + 3); // header + bob 4, carol 3, ghost 3 events
        QVERIFY(lines.at(0).startsWith("message_id,subject,recipient,state"));
        QVERIFY(lines.last().contains("ghost@example.test,failed,failed"));
        QVERIFY(lines.last().contains("\"550 5.1.1 <ghost@example.test> User doesn't exist: ghost@example.test\"")
                || lines.last().contains("550 5.1.1"));

        const QString pdf = dir.filePath(QStringLiteral("proof.pdf"));
        QCOMPARE(panel.exportPdf(pdf), QString());
        QFile pdfFile(pdf);
        QVERIFY(pdfFile.open(QIODevice::ReadOnly));
        QVERIFY(pdfFile.read(5) == "%PDF-");
        QVERIFY(pdfFile.size() > 2000);

        QVERIFY(panel.exportCsv(dir.filePath(QStringLiteral("missing/dir/x.csv"))).startsWith(QStringLiteral("Cannot write")));
    }

private:
    Store::Database m_database;
    std::unique_ptr<TrackingStore> m_store;
    std::unique_ptr<Models::TrackingModel> m_model;
    QDateTime m_now;
    qint64 m_withDsn = 0;
    qint64 m_withoutDsn = 0;
};

QTEST_MAIN(DeliveryPanelTest)
#include "DeliveryPanelTest.moc"
