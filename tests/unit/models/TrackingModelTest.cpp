// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/TrackingModel.h"
#include "models/Roles.h"
#include "store/Database.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace Mailtrail;
using namespace Mailtrail::Tracking;
using Models::TrackingModel;

namespace {

const QDateTime kT0(QDate(2026, 3, 2), QTime(10, 0), Qt::UTC);

Evidence at(EvidenceKind kind, EvidenceSource source, int seconds)
{
    Evidence e;
    e.kind = kind;
    e.source = source;
    e.time = kT0.addSecs(seconds);
    return e;
}

} // namespace

class TrackingModelTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QCOMPARE(m_database.open(QStringLiteral(":memory:")), QString());
        m_store = std::make_unique<TrackingStore>(m_database.connection());
        for (int i = 0; i < 3; ++i) {
            NewSentMessage m;
            m.account = i < 2 ? QStringLiteral("alice") : QStringLiteral("bob");
            m.messageId = QStringLiteral("m%1@example.test").arg(i);
            m.subject = QStringLiteral("Message %1").arg(i);
            m.createdAt = kT0.addSecs(i);
            m.recipients = {{QStringLiteral("bob@example.test"), {}, QStringLiteral("SUCCESS,FAILURE")},
                            {QStringLiteral("carol@example.test"), {}, QStringLiteral("SUCCESS,FAILURE")}};
            const auto id = m_store->addSentMessage(m);
            QVERIFY(id);
            m_ids.append(*id);
        }
        const Evidence ok = at(EvidenceKind::SubmissionAccepted, EvidenceSource::Smtp, 5);
        QVERIFY(m_store->recordSubmission(m_ids[0], kT0.addSecs(5), true, {}, {}, {ok, ok}));
        QVERIFY(m_store->recordSubmission(m_ids[1], kT0.addSecs(5), false, {}, {}, {ok, ok}));
        const auto m0 = m_store->message(m_ids[0]);
        Evidence failed = at(EvidenceKind::Failed, EvidenceSource::Dsn, 60);
        failed.status = QStringLiteral("5.1.1");
        failed.diagnostic = QStringLiteral("550 5.1.1 no such user");
        QVERIFY(m_store->appendEvidence(m0->recipientIds[1], failed));
        QVERIFY(m_store->appendEvidence(m0->recipientIds[0],
                                        at(EvidenceKind::Delivered, EvidenceSource::Dsn, 30)));
    }

    void treeAndRoles()
    {
        QDateTime now = kT0.addSecs(120);
        TrackingModel model(*m_store, [&now] { return now; });
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.reload();
        QCOMPARE(model.rowCount(), 3);
        const QModelIndex first = model.indexForSentMessage(m_ids[0]);
        QVERIFY(first.isValid());
        QCOMPARE(model.rowCount(first), 2);
        QCOMPARE(first.data(Models::StateNameRole).toString(), QStringLiteral("failed"));
        QCOMPARE(DeliveryState(first.data(Models::BestStateRole).toInt()), DeliveryState::Delivered);
        QCOMPARE(first.data(Models::FailedCountRole).toInt(), 1);
        QCOMPARE(first.data(Qt::DisplayRole).toString(), QStringLiteral("Message 0"));

        const QModelIndex carol = model.index(1, 0, first);
        QCOMPARE(carol.data(Models::AddressRole).toString(), QStringLiteral("carol@example.test"));
        QCOMPARE(carol.data(Models::StatusRole).toString(), QStringLiteral("5.1.1"));
        QCOMPARE(carol.data(Models::DiagnosticRole).toString(), QStringLiteral("550 5.1.1 no such user"));
        QVERIFY(carol.data(Models::DetailRole).toString().contains(QStringLiteral("mailbox does not exist")));
        const QVariantList events = carol.data(Models::EventsRole).toList();
        QCOMPARE(events.size(), 3);
        QCOMPARE(events.last().toMap().value(QStringLiteral("kind")).toString(), QStringLiteral("failed"));
        QCOMPARE(model.parent(carol), first);

        const QModelIndex noDsn = model.indexForSentMessage(m_ids[1]);
        QVERIFY(noDsn.data(Models::DsnUnsupportedRole).toBool());
        QVERIFY(!first.data(Models::DsnUnsupportedRole).toBool());
        // The queued message has no submission yet.
        QCOMPARE(model.indexForSentMessage(m_ids[2]).data(Models::StateNameRole).toString(),
                 QStringLiteral("queued"));
    }

    /// The list's "Updated" is the newest event of the message (issue 19), not the send time.
    void updatedIsTheNewestEvent()
    {
        QDateTime now = kT0.addSecs(120);
        TrackingModel model(*m_store, [&now] { return now; });
        model.reload();
        const QModelIndex first = model.indexForSentMessage(m_ids[0]);
        const QModelIndex updated = first.siblingAtColumn(TrackingModel::UpdatedColumn);
        // Submitted at +5 s; the failure report came at +60 s, the delivery at +30 s.
        QCOMPARE(updated.data(Qt::DisplayRole).toDateTime(), kT0.addSecs(60).toLocalTime());
        QCOMPARE(first.data(Models::UpdatedRole).toDateTime(), kT0.addSecs(60));
        // Only the submission: that time. Queued: when it entered the outbox.
        QCOMPARE(model.indexForSentMessage(m_ids[1]).siblingAtColumn(TrackingModel::UpdatedColumn).data().toDateTime(),
                 kT0.addSecs(5).toLocalTime());
        QCOMPARE(model.indexForSentMessage(m_ids[2]).siblingAtColumn(TrackingModel::UpdatedColumn).data().toDateTime(),
                 kT0.addSecs(2).toLocalTime());
    }

    void clockMakesOverdue()
    {
        QDateTime now = kT0.addSecs(120);
        TrackingModel model(*m_store, [&now] { return now; });
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setAccount(QStringLiteral("alice"));
        QCOMPARE(model.rowCount(), 2);
        const QModelIndex noDsn = model.indexForSentMessage(m_ids[1]);
        QCOMPARE(noDsn.data(Models::StateNameRole).toString(), QStringLiteral("accepted"));

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.refreshStates();
        QCOMPARE(changed.count(), 0); // nothing changed at the same time
        now = kT0.addDays(2);
        model.refreshStates();
        // Message 0: bob delivered, carol failed: never overdue. Message 1: DSN unsupported,
        // so silence proves nothing: not overdue either. No state changed, so no signal.
        QCOMPARE(changed.count(), 0);
        QCOMPARE(model.indexForSentMessage(m_ids[0]).data(Models::StateNameRole).toString(),
                 QStringLiteral("failed"));
        QCOMPARE(noDsn.data(Models::StateNameRole).toString(), QStringLiteral("accepted"));
    }

    void overdueWhenDsnWasPromised()
    {
        // A fresh message to a DSN-capable server that never reports.
        NewSentMessage m;
        m.account = QStringLiteral("carol");
        m.messageId = QStringLiteral("silent@example.test");
        m.createdAt = kT0;
        m.recipients = {{QStringLiteral("dave@example.test"), {}, QStringLiteral("SUCCESS,FAILURE,DELAY")}};
        const auto id = m_store->addSentMessage(m);
        QVERIFY(id);
        QVERIFY(m_store->recordSubmission(*id, kT0, true, {}, {},
                                          {at(EvidenceKind::SubmissionAccepted, EvidenceSource::Smtp, 0)}));
        QDateTime now = kT0.addSecs(3600);
        TrackingModel model(*m_store, [&now] { return now; });
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setAccount(QStringLiteral("carol"));
        const QModelIndex row = model.indexForSentMessage(*id);
        QCOMPARE(row.data(Models::StateNameRole).toString(), QStringLiteral("accepted"));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        now = kT0.addDays(1).addSecs(1);
        model.refreshStates();
        QCOMPARE(changed.count(), 2); // the message row and its recipient rows
        QCOMPARE(row.data(Models::StateNameRole).toString(), QStringLiteral("overdue"));
        QVERIFY(model.index(0, 0, row).data(Models::DetailRole).toString().contains(QStringLiteral("none has come")));
    }

private:
    Mailtrail::Store::Database m_database;
    std::unique_ptr<TrackingStore> m_store;
    QList<qint64> m_ids;
};

QTEST_GUILESS_MAIN(TrackingModelTest)
#include "TrackingModelTest.moc"
