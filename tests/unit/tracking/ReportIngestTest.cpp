// SPDX-License-Identifier: GPL-3.0-or-later
// Report mails → evidence: parse, keep, correlate, record — idempotently.
#include "TestPaths.h"
#include "TrackingFixture.h"
#include "tracking/ReplyDetector.h"
#include "tracking/ReportIngest.h"
#include "tracking/StatusJson.h"
#include "store/Database.h"

#include <QJsonArray>

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Mailtrail::Tracking;

namespace {

const QDateTime kT0(QDate(2026, 3, 2), QTime(10, 0), Qt::UTC);

IncomingMail mailFrom(const QString &name, const QString &origin = QStringLiteral("alice/INBOX/1"))
{
    IncomingMail mail;
    mail.raw = Mailtrail::Test::trackingFixture(name);
    if (mail.raw.isEmpty())
        qFatal("missing fixture");
    mail.origin = origin;
    mail.date = kT0.addSecs(300);
    return mail;
}

} // namespace

class ReportIngestTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_database = std::make_unique<Mailtrail::Store::Database>();
        QCOMPARE(m_database->open(QStringLiteral(":memory:")), QString());
        m_db = m_database->connection();
        m_store = std::make_unique<TrackingStore>(m_db);

        m_id = Mailtrail::Test::addThreeOutcomesMessage(*m_store, kT0);
        QVERIFY(m_id > 0);
    }

    void cleanup()
    {
        m_store.reset();
        m_db = QSqlDatabase();
        m_database.reset();
    }

    void xtextAndDates()
    {
        QCOMPARE(decodeXtext(QStringLiteral("ENV+2B1")), QStringLiteral("ENV+1"));
        QCOMPARE(decodeXtext(QStringLiteral("a+3Db+")), QStringLiteral("a=b+"));
        QCOMPARE(decodeXtext(QStringLiteral("x+ZZ")), QStringLiteral("x+ZZ"));
        QCOMPARE(parseMailDate(QStringLiteral("Mon,  2 Mar 2026 10:01:00 +0000 (UTC)")),
                 kT0.addSecs(60));
        QCOMPARE(parseMailDate(QStringLiteral("2 Mar 2026 11:01:00 +0100")), kT0.addSecs(60));
        QVERIFY(!parseMailDate(QStringLiteral("yesterday")).isValid());
    }

    void threeOutcomesInOneReport()
    {
        ReportIngest ingest(*m_store);
        const IngestResult r = ingest.ingest(mailFrom(QStringLiteral("postfix-three-outcomes.eml")));
        QCOMPARE(r.outcome, IngestResult::Matched);
        QCOMPARE(r.sentMessageId, m_id);
        QCOMPARE(matchMethodName(r.method), QStringLiteral("envid"));
        QCOMPARE(r.eventsAdded, 3);
        QCOMPARE(r.unmatchedRecipients, 0);

        const auto m = m_store->message(m_id);
        const QDateTime now = kT0.addSecs(600);
        QCOMPARE(m->recipients.at(0).state(now), DeliveryState::Delivered);
        QCOMPARE(m->recipients.at(1).state(now), DeliveryState::Delayed);
        QCOMPARE(m->recipients.at(2).state(now), DeliveryState::Failed);
        const Evidence &delivered = m->recipients.at(0).events().last();
        QCOMPARE(delivered.remoteMta, QStringLiteral("mx.example.test"));
        QCOMPARE(delivered.time, kT0.addSecs(60));
        QCOMPARE(delivered.source, EvidenceSource::Dsn);
        const Evidence &delayed = m->recipients.at(1).events().last();
        QCOMPARE(delayed.status, QStringLiteral("4.2.2"));
        QCOMPARE(delayed.willRetryUntil, kT0.addDays(1).addSecs(2));
        const Evidence &failed = m->recipients.at(2).events().last();
        QCOMPARE(failed.status, QStringLiteral("5.1.1"));
        QVERIFY(failed.diagnostic.contains(QStringLiteral("User doesn't exist")));
        QCOMPARE(failed.reportId, r.reportId);
        QCOMPARE(m_store->reportRaw(r.reportId), mailFrom(QStringLiteral("postfix-three-outcomes.eml")).raw);
    }

    void statusJsonCarriesTheContractFields()
    {
        ReportIngest ingest(*m_store);
        ingest.ingest(mailFrom(QStringLiteral("postfix-three-outcomes.eml")));
        const QJsonObject o = messageToJson(*m_store->message(m_id), kT0.addSecs(600));
        QCOMPARE(o.value(QLatin1String("message_id")).toString(), QStringLiteral("three@example.test"));
        QCOMPARE(o.value(QLatin1String("summary")).toObject().value(QLatin1String("worst")).toString(),
                 QStringLiteral("failed"));
        const QJsonArray recipients = o.value(QLatin1String("recipients")).toArray();
        QCOMPARE(recipients.size(), 3);
        const QJsonObject ghost = recipients.at(2).toObject();
        QCOMPARE(ghost.value(QLatin1String("address")).toString(), QStringLiteral("ghost@example.test"));
        QCOMPARE(ghost.value(QLatin1String("state")).toString(), QStringLiteral("failed"));
        QCOMPARE(ghost.value(QLatin1String("status")).toString(), QStringLiteral("5.1.1"));
        QVERIFY(ghost.value(QLatin1String("diagnostic")).toString().contains(QStringLiteral("550 5.1.1")));
        QCOMPARE(ghost.value(QLatin1String("updated")).toString(), QStringLiteral("2026-03-02T10:05:00Z"));
        const QJsonArray events = ghost.value(QLatin1String("events")).toArray();
        QCOMPARE(events.size(), 3);
        QCOMPARE(events.at(2).toObject().value(QLatin1String("kind")).toString(), QStringLiteral("failed"));
        QCOMPARE(events.at(2).toObject().value(QLatin1String("matched_by")).toString(), QStringLiteral("envid"));
        QCOMPARE(recipients.at(1).toObject().value(QLatin1String("state")).toString(), QStringLiteral("delayed"));
    }

    void sameReportTwiceAddsNothing()
    {
        ReportIngest ingest(*m_store);
        QCOMPARE(ingest.ingest(mailFrom(QStringLiteral("postfix-three-outcomes.eml"))).eventsAdded, 3);
        const IngestResult again = ingest.ingest(
            mailFrom(QStringLiteral("postfix-three-outcomes.eml"), QStringLiteral("alice/Receipts/9")));
        QCOMPARE(again.outcome, IngestResult::Matched);
        QCOMPARE(again.eventsAdded, 0);
        const auto m = m_store->message(m_id);
        for (const RecipientTimeline &t : m->recipients)
            QCOMPARE(t.events().size(), 3); // queued, accepted, one report event
    }

    void mdnAfterDsn()
    {
        ReportIngest ingest(*m_store);
        ingest.ingest(mailFrom(QStringLiteral("postfix-three-outcomes.eml")));
        IncomingMail mdn = mailFrom(QStringLiteral("mdn-displayed.eml"));
        mdn.date = kT0.addSecs(3900);
        const IngestResult r = ingest.ingest(mdn);
        QCOMPARE(r.outcome, IngestResult::Matched);
        QCOMPARE(matchMethodName(r.method), QStringLiteral("original-message-id"));
        QCOMPARE(r.eventsAdded, 1);
        const auto m = m_store->message(m_id);
        QCOMPARE(m->recipients.at(0).state(kT0.addSecs(4000)), DeliveryState::Displayed);
        QCOMPARE(m->recipients.at(0).events().last().source, EvidenceSource::Mdn);
        QVERIFY(!m->recipients.at(0).events().last().automatic);
    }

    void unmatchedIsKeptAndListed()
    {
        ReportIngest ingest(*m_store);
        const IngestResult r = ingest.ingest(mailFrom(QStringLiteral("unrelated-dsn.eml")));
        QCOMPARE(r.outcome, IngestResult::Unmatched);
        QVERIFY(r.reportId > 0);
        const QList<StoredReport> unmatched = m_store->unmatchedReports();
        QCOMPARE(unmatched.size(), 1);
        QCOMPARE(unmatched.at(0).id, r.reportId);
        QCOMPARE(unmatched.at(0).kind, QStringLiteral("dsn"));
    }

    void ordinaryMailAndGarbageAreNotEvidence_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::newRow("ordinary-mail") << QByteArray("From: bob@example.test\r\nSubject: hi\r\n\r\nhello\r\n");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("binary-junk") << QByteArray("\x00\xff\xfe\x01garbage\x00", 12);
        QTest::newRow("vacation") << QByteArray("From: bob@example.test\r\nAuto-Submitted: auto-replied\r\n"
                                                "Subject: Out of office\r\n\r\nI am away.\r\n");
    }

    void ordinaryMailAndGarbageAreNotEvidence()
    {
        QFETCH(QByteArray, raw);
        ReportIngest ingest(*m_store);
        IncomingMail mail;
        mail.raw = raw;
        QCOMPARE(ingest.ingest(mail).outcome, IngestResult::NotEvidence);
        QCOMPARE(m_store->unmatchedReports().size(), 0);
        QCOMPARE(m_store->message(m_id)->recipients.at(0).events().size(), 2);
    }

    void replyFromRecipientCounts()
    {
        ReceivedMail reply;
        reply.messageId = QStringLiteral("<re-1@example.test>");
        reply.from = QStringLiteral("Carol@Example.test");
        reply.date = kT0.addSecs(7200);
        reply.inReplyTo = {QStringLiteral("<three@example.test>")};
        QVERIFY(recordReply(*m_store, reply));
        QVERIFY(!recordReply(*m_store, reply)); // the same reply synced again
        QCOMPARE(m_store->message(m_id)->recipients.at(1).state(kT0.addSecs(7300)),
                 DeliveryState::Replied);

        ReceivedMail stranger = reply;
        stranger.messageId = QStringLiteral("<re-2@example.test>");
        stranger.from = QStringLiteral("eve@example.test");
        QVERIFY(!recordReply(*m_store, stranger));
        ReceivedMail unrelated = reply;
        unrelated.messageId = QStringLiteral("<re-3@example.test>");
        unrelated.inReplyTo = {QStringLiteral("<other@example.test>")};
        QVERIFY(!recordReply(*m_store, unrelated));
        ReceivedMail report = reply;
        report.messageId = QStringLiteral("<re-4@example.test>");
        report.from = QStringLiteral("bob@example.test");
        report.isReport = true;
        QVERIFY(!recordReply(*m_store, report));
        // References only, newest last.
        ReceivedMail viaReferences;
        viaReferences.messageId = QStringLiteral("<re-5@example.test>");
        viaReferences.from = QStringLiteral("bob@example.test");
        viaReferences.references = {QStringLiteral("<three@example.test>"), QStringLiteral("<x@y>")};
        QVERIFY(recordReply(*m_store, viaReferences));
        QCOMPARE(m_store->message(m_id)->recipients.at(0).state(kT0.addDays(1)), DeliveryState::Replied);
    }

    void storeFailureIsReported()
    {
        QVERIFY(QSqlQuery(m_db).exec(QStringLiteral("DROP TABLE reports")));
        ReportIngest ingest(*m_store);
        const IngestResult r = ingest.ingest(mailFrom(QStringLiteral("postfix-three-outcomes.eml")));
        QCOMPARE(r.outcome, IngestResult::Failed);
        QVERIFY(!r.error.isEmpty());
        QCOMPARE(m_store->message(m_id)->recipients.at(0).events().size(), 2);
    }

private:
    std::unique_ptr<Mailtrail::Store::Database> m_database;
    QSqlDatabase m_db;
    std::unique_ptr<TrackingStore> m_store;
    qint64 m_id = 0;
};

QTEST_GUILESS_MAIN(ReportIngestTest)
#include "ReportIngestTest.moc"
