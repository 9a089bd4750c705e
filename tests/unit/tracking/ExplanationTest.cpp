// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracking/Explanation.h"

#include <QTest>

using namespace Mailtrail::Tracking;

class ExplanationTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void status_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("expected");
        QTest::newRow("rfc3463-5.1.1") << QStringLiteral("5.1.1") << QStringLiteral("the mailbox does not exist");
        QTest::newRow("rfc3463-4.2.2-temporary-full") << QStringLiteral("4.2.2") << QStringLiteral("the mailbox is full");
        QTest::newRow("rfc3463-5.7.1") << QStringLiteral(" 5.7.1 ")
                                       << QStringLiteral("the sender is not allowed to deliver to this recipient");
        QTest::newRow("unknown-detail-falls-back-to-subject")
            << QStringLiteral("5.2.99") << QStringLiteral("permanent failure: mailbox problem");
        QTest::newRow("unknown-subject-falls-back-to-class")
            << QStringLiteral("4.9.1") << QStringLiteral("temporary problem");
        QTest::newRow("not-a-status") << QStringLiteral("550") << QString();
        QTest::newRow("bad-class") << QStringLiteral("3.1.1") << QString();
        QTest::newRow("empty") << QString() << QString();
    }

    void status()
    {
        QFETCH(QString, status);
        QFETCH(QString, expected);
        QCOMPARE(explainStatus(status), expected);
    }

    void evidence()
    {
        Evidence failed;
        failed.kind = EvidenceKind::Failed;
        failed.source = EvidenceSource::Dsn;
        failed.status = QStringLiteral("5.1.1");
        QCOMPARE(describeEvidence(failed), QStringLiteral("Failed: the mailbox does not exist (5.1.1)."));

        Evidence delivered;
        delivered.kind = EvidenceKind::Delivered;
        delivered.remoteMta = QStringLiteral("mx.example.test");
        QCOMPARE(describeEvidence(delivered),
                 QStringLiteral("Delivered to the recipient's mailbox by mx.example.test."));

        Evidence relayed;
        relayed.kind = EvidenceKind::Relayed;
        QVERIFY(describeEvidence(relayed).contains(QStringLiteral("no further reports")));

        for (int i = int(EvidenceKind::Queued); i <= int(EvidenceKind::Replied); ++i) {
            Evidence e;
            e.kind = EvidenceKind(i);
            QVERIFY2(!describeEvidence(e).isEmpty(), qPrintable(kindName(e.kind)));
        }
        for (int i = int(DeliveryState::Queued); i <= int(DeliveryState::Overdue); ++i)
            QVERIFY(!describeState(DeliveryState(i)).isEmpty());
    }
};

QTEST_GUILESS_MAIN(ExplanationTest)
#include "ExplanationTest.moc"
