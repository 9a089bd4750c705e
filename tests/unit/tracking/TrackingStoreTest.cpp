// SPDX-License-Identifier: GPL-3.0-or-later
// The tracking store over SQLite: keys at send time, append-only evidence, reports kept.
#include "tracking/TrackingStore.h"
#include "store/Database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Mailtrail::Tracking;

namespace {

const QDateTime kT0(QDate(2026, 3, 2), QTime(10, 0), Qt::UTC);

NewSentMessage threeRecipients()
{
    NewSentMessage m;
    m.account = QStringLiteral("alice");
    m.messageId = QStringLiteral("<m1@example.test>");
    m.envid = QStringLiteral("ENV-1");
    m.subject = QStringLiteral("Figures");
    m.sender = QStringLiteral("alice@example.test");
    m.ret = QStringLiteral("HDRS");
    m.createdAt = kT0;
    m.recipients = {{QStringLiteral("bob@example.test"), QStringLiteral("bob@example.test"),
                     QStringLiteral("SUCCESS,FAILURE,DELAY")},
                    {QStringLiteral("Carol@Example.test"), QStringLiteral("carol@example.test"),
                     QStringLiteral("FAILURE")},
                    {QStringLiteral("nobody@elsewhere.test"), QString(), QStringLiteral("NEVER")}};
    return m;
}

Evidence smtp(bool accepted, int code, const QString &status)
{
    Evidence e;
    e.kind = accepted ? EvidenceKind::SubmissionAccepted : EvidenceKind::SubmissionRefused;
    e.source = EvidenceSource::Smtp;
    e.time = kT0.addSecs(2);
    e.replyCode = code;
    e.status = status;
    return e;
}

} // namespace

class TrackingStoreTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_database = std::make_unique<Mailtrail::Store::Database>();
        QCOMPARE(m_database->open(QStringLiteral(":memory:")), QString());
        m_db = m_database->connection();
    }

    void cleanup()
    {
        m_db = QSqlDatabase();
        m_database.reset();
    }

    void sendAndSubmit()
    {
        TrackingStore store(m_db);
        const auto id = store.addSentMessage(threeRecipients());
        QVERIFY2(id.has_value(), qPrintable(store.lastError()));

        auto m = store.message(*id);
        QVERIFY(m.has_value());
        QCOMPARE(m->recipients.size(), 3);
        QCOMPARE(m->messageId, QStringLiteral("m1@example.test"));
        QCOMPARE(m->recipients.at(0).state(kT0), DeliveryState::Queued);
        QVERIFY(!m->submittedAt.isValid());

        QVERIFY2(store.recordSubmission(*id, kT0.addSecs(2), true, QStringLiteral("4XYZ"),
                                        QStringLiteral("250 2.0.0 Ok: queued as 4XYZ"),
                                        {smtp(true, 250, QStringLiteral("2.1.5")),
                                         smtp(true, 250, QStringLiteral("2.1.5")),
                                         smtp(false, 550, QStringLiteral("5.7.1"))}),
                 qPrintable(store.lastError()));
        m = store.message(*id);
        QCOMPARE(m->submittedAt, kT0.addSecs(2));
        QCOMPARE(m->queueId, QStringLiteral("4XYZ"));
        QCOMPARE(m->recipients.at(0).state(kT0.addSecs(60)), DeliveryState::Accepted);
        QCOMPARE(m->recipients.at(2).state(kT0.addSecs(60)), DeliveryState::Rejected);
        QCOMPARE(m->recipients.at(2).events().last().status, QStringLiteral("5.7.1"));
        // NOTIFY=SUCCESS was asked for bob only: only bob can become overdue.
        QCOMPARE(m->recipients.at(0).state(kT0.addDays(2)), DeliveryState::Overdue);
        QCOMPARE(m->recipients.at(1).state(kT0.addDays(2)), DeliveryState::Accepted);
    }

    void submissionWithWrongCountChangesNothing()
    {
        TrackingStore store(m_db);
        const auto id = store.addSentMessage(threeRecipients());
        QVERIFY(id);
        QVERIFY(!store.recordSubmission(*id, kT0, true, {}, {}, {smtp(true, 250, {})}));
        QVERIFY(store.lastError().contains(QStringLiteral("1 results for 3 recipients")));
        const auto m = store.message(*id);
        QVERIFY(!m->submittedAt.isValid());
        QCOMPARE(m->recipients.at(0).events().size(), 1);
        QVERIFY(!store.recordSubmission(9999, kT0, true, {}, {}, {}));
    }

    void evidenceIsDeduplicated()
    {
        TrackingStore store(m_db);
        const auto id = store.addSentMessage(threeRecipients());
        QVERIFY(id);
        const qint64 bob = store.message(*id)->recipientIds.at(0);
        Evidence delivered;
        delivered.kind = EvidenceKind::Delivered;
        delivered.source = EvidenceSource::Dsn;
        delivered.time = kT0.addSecs(30);
        delivered.remoteMta = QStringLiteral("mx.example.test");
        delivered.dedupKey = QStringLiteral("sha:1|0");
        QVERIFY(store.appendEvidence(bob, delivered));
        QVERIFY(!store.appendEvidence(bob, delivered));
        QCOMPARE(store.lastError(), QString());
        const auto m = store.message(*id);
        QCOMPARE(m->recipients.at(0).events().size(), 2);
        QCOMPARE(m->recipients.at(0).events().last().remoteMta, QStringLiteral("mx.example.test"));
        QCOMPARE(m->recipients.at(0).state(kT0.addDays(3)), DeliveryState::Delivered);
        // Evidence for a recipient that does not exist is an error, not a silent success.
        QVERIFY(!store.appendEvidence(424242, delivered));
        QVERIFY(!store.lastError().isEmpty());
    }

    void reportsAreKeptDeduplicatedAndEvidenceOutlivesThem()
    {
        TrackingStore store(m_db);
        const auto id = store.addSentMessage(threeRecipients());
        QVERIFY(id);
        const QByteArray raw = "From: MAILER-DAEMON\r\nSubject: Undelivered\r\n\r\nbody\r\n";
        const auto first = store.addReport(raw, QStringLiteral("dsn"), QStringLiteral("Undelivered"),
                                           QStringLiteral("MAILER-DAEMON"), kT0.addSecs(60),
                                           QStringLiteral("alice/INBOX/7"));
        QVERIFY(first && first->isNew);
        const auto again = store.addReport(raw, QStringLiteral("dsn"), QString(), QString(),
                                           kT0.addSecs(90), QStringLiteral("alice/Receipts/1"));
        QVERIFY(again && !again->isNew);
        QCOMPARE(again->id, first->id);
        QCOMPARE(again->origin, QStringLiteral("alice/INBOX/7"));
        QCOMPARE(store.reportRaw(first->id), raw);
        QCOMPARE(store.unmatchedReports().size(), 1);

        QVERIFY(store.setReportMatch(first->id, *id, QStringLiteral("envid"), 1.0));
        QCOMPARE(store.unmatchedReports().size(), 0);
        QCOMPARE(store.report(first->id)->sentMessageId, *id);

        Evidence failed;
        failed.kind = EvidenceKind::Failed;
        failed.source = EvidenceSource::Dsn;
        failed.time = kT0.addSecs(60);
        failed.reportId = first->id;
        failed.dedupKey = QStringLiteral("r%1|1").arg(first->id);
        const qint64 carol = store.message(*id)->recipientIds.at(1);
        QVERIFY(store.appendEvidence(carol, failed));
        // The user deletes the report: the evidence stays, only the link to the raw mail goes.
        QVERIFY(QSqlQuery(m_db).exec(QStringLiteral("DELETE FROM reports")));
        const auto m = store.message(*id);
        QCOMPARE(m->recipients.at(1).events().last().kind, EvidenceKind::Failed);
        QCOMPARE(m->recipients.at(1).events().last().reportId, qint64(0));
    }

    void sentIndexFeedsTheCorrelator()
    {
        TrackingStore store(m_db);
        const auto id = store.addSentMessage(threeRecipients());
        QVERIFY(id);
        QVERIFY(store.recordSubmission(*id, kT0.addSecs(2), true, {}, {},
                                       {smtp(true, 250, {}), smtp(true, 250, {}),
                                        smtp(true, 250, {})}));
        QCOMPARE(store.byEnvid(QStringLiteral("ENV-1"))->id, *id);
        QVERIFY(!store.byEnvid(QString()).has_value());
        QCOMPARE(store.byMessageId(QStringLiteral("<m1@example.test>"))->recipients.size(), 3);
        QCOMPARE(store.byMessageId(QStringLiteral("m1@example.test"))->originalRecipients.at(1),
                 QStringLiteral("carol@example.test"));
        QCOMPARE(store.byRecipient(QStringLiteral("CAROL@example.test"), kT0.addDays(-1),
                                   kT0.addDays(1)).size(), 1);
        QCOMPARE(store.byRecipient(QStringLiteral("carol@example.test"), kT0.addDays(1),
                                   kT0.addDays(2)).size(), 0);

        ReportKeys report;
        report.envid = QStringLiteral("ENV-1");
        report.recipients = {{QStringLiteral("rfc822;carol@example.test"),
                              QStringLiteral("rfc822;c.real@mx.example.test")}};
        const auto c = Correlator(store).correlate(report);
        QVERIFY(c.has_value());
        QCOMPARE(c->sentMessageId, *id);
        QCOMPARE(c->recipientIndexes, QList<int>{1});
    }

    void messagesNewestFirstPerAccount()
    {
        TrackingStore store(m_db);
        NewSentMessage a = threeRecipients();
        const auto first = store.addSentMessage(a);
        a.messageId = QStringLiteral("m2@example.test");
        a.createdAt = kT0.addSecs(100);
        const auto second = store.addSentMessage(a);
        a.account = QStringLiteral("bob");
        a.messageId = QStringLiteral("m3@example.test");
        QVERIFY(store.addSentMessage(a).has_value());
        const QList<TrackedMessage> alice = store.messages(QStringLiteral("alice"));
        QCOMPARE(alice.size(), 2);
        QCOMPARE(alice.at(0).id, *second);
        QCOMPARE(alice.at(1).id, *first);
        QCOMPARE(store.messages().size(), 3);
        QCOMPARE(store.messages({}, 1).size(), 1);
    }

    void brokenDatabaseGivesClearError()
    {
        QVERIFY(QSqlQuery(m_db).exec(QStringLiteral("DROP TABLE evidence")));
        TrackingStore store(m_db);
        QVERIFY(!store.addSentMessage(threeRecipients()).has_value());
        QVERIFY(store.lastError().startsWith(QStringLiteral("Cannot record evidence")));
        // The transaction rolled back: no half-recorded message.
        QSqlQuery q(m_db);
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM sent_messages")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }

private:
    std::unique_ptr<Mailtrail::Store::Database> m_database;
    QSqlDatabase m_db;
};

QTEST_GUILESS_MAIN(TrackingStoreTest)
#include "TrackingStoreTest.moc"
