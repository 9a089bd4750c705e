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

/// A minimal RFC 3464 report about three@example.test's recipients. @p envid and
/// @p messageId empty: nothing but the recipient and the returned subject tie it to the
/// message (a heuristic match).
QByteArray dsn(const QString &recipient, const QString &action, const QString &status,
               const QString &diagnostic, const QString &envid = QStringLiteral("ENV+2B1"),
               const QString &messageId = QStringLiteral("<three@example.test>"),
               const QString &lastAttempt = QString(), const QString &id = QStringLiteral("1"))
{
    QString text = QStringLiteral(
        "From: MAILER-DAEMON@mail.example.test\r\nTo: alice@example.test\r\n"
        "Subject: Delivery Status Notification\r\nMessage-ID: <report-%1@mail.example.test>\r\n"
        "MIME-Version: 1.0\r\n"
        "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\r\n\r\n"
        "--B\r\nContent-Type: text/plain\r\n\r\nReport.\r\n"
        "--B\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mail.example.test\r\n").arg(id);
    if (!envid.isEmpty())
        text += QStringLiteral("Original-Envelope-Id: %1\r\n").arg(envid);
    text += QStringLiteral("\r\nFinal-Recipient: rfc822; %1\r\nAction: %2\r\nStatus: %3\r\n")
                .arg(recipient, action, status);
    if (!diagnostic.isEmpty())
        text += QStringLiteral("Diagnostic-Code: smtp; %1\r\n").arg(diagnostic);
    if (!lastAttempt.isEmpty())
        text += QStringLiteral("Last-Attempt-Date: %1\r\n").arg(lastAttempt);
    text += QStringLiteral("\r\n--B\r\nContent-Type: text/rfc822-headers\r\n\r\n"
                           "From: alice@example.test\r\nSubject: Three outcomes\r\n");
    if (!messageId.isEmpty())
        text += QStringLiteral("Message-ID: %1\r\n").arg(messageId);
    text += QStringLiteral("\r\n--B--\r\n");
    return text.toUtf8();
}

IncomingMail incoming(const QByteArray &raw, const QDateTime &date)
{
    IncomingMail mail;
    mail.raw = raw;
    mail.origin = QStringLiteral("alice/INBOX/9");
    mail.date = date;
    return mail;
}

QJsonObject recipientJson(const TrackedMessage &message, int index, const QDateTime &now)
{
    return messageToJson(message, now).value(QLatin1String("recipients")).toArray().at(index).toObject();
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

    /// Issue #15 §2: a report matched only by recipient, subject and time is possible
    /// evidence — shown with why it matched, deciding nothing until the user confirms it.
    void heuristicMatchIsPossibleUntilConfirmed()
    {
        ReportIngest ingest(*m_store, [] { return kT0.addSecs(400); });
        const IngestResult r = ingest.ingest(
            incoming(dsn(QStringLiteral("carol@example.test"), QStringLiteral("failed"),
                         QStringLiteral("5.1.1"), QStringLiteral("550 5.1.1 no such user"),
                         QString(), QString()),
                     kT0.addSecs(300)));
        QCOMPARE(r.outcome, IngestResult::Matched);
        QCOMPARE(matchMethodName(r.method), QStringLiteral("heuristic"));
        QVERIFY(r.confidence < kDecidingConfidence);
        QCOMPARE(r.eventsAdded, 1);

        const QDateTime now = kT0.addSecs(600);
        auto message = m_store->message(m_id);
        const RecipientTimeline &carol = message->recipients.at(1);
        const DerivedState before = carol.derive(now);
        QCOMPARE(before.state, DeliveryState::Accepted);
        QCOMPARE(before.possibleEvents.size(), 1);
        const Evidence &possible = carol.events().at(before.possibleEvents.constFirst());
        QVERIFY(possible.isPossible());
        QVERIFY(possible.id > 0);
        QVERIFY2(possible.matchReason.contains(QStringLiteral("carol@example.test")), qPrintable(possible.matchReason));
        QVERIFY(possible.matchReason.contains(QStringLiteral("Three outcomes")));
        QCOMPARE(possible.receivedAt, kT0.addSecs(400));
        QJsonObject json = recipientJson(*message, 1, now);
        QCOMPARE(json.value(QLatin1String("state")).toString(), QStringLiteral("accepted"));
        // The status shown is the acceptance's (the deciding event), not the guess's 5.1.1.
        QCOMPARE(json.value(QLatin1String("status")).toString(), QStringLiteral("2.0.0"));
        QCOMPARE(json.value(QLatin1String("possible")).toArray().size(), 1);
        QCOMPARE(json.value(QLatin1String("possible")).toArray().at(0).toObject().value(QLatin1String("id")).toInteger(),
                 possible.id);

        // Confirming an unknown event fails and changes nothing; confirming this one decides.
        // (`possible` lives in `message`, which is replaced below: keep its id.)
        const qint64 possibleId = possible.id;
        QVERIFY(!m_store->confirmEvidence(possibleId + 1000, now).has_value());
        QCOMPARE(m_store->confirmEvidence(possibleId, now), std::optional<qint64>(m_id));
        message = m_store->message(m_id);
        QCOMPARE(message->recipients.at(1).state(now), DeliveryState::Failed);
        json = recipientJson(*message, 1, now);
        QCOMPARE(json.value(QLatin1String("status")).toString(), QStringLiteral("5.1.1"));
        QCOMPARE(json.value(QLatin1String("possible")).toArray().size(), 0);
        // Confirming twice is harmless.
        QCOMPARE(m_store->confirmEvidence(possibleId, now), std::optional<qint64>(m_id));
        // The other recipients are untouched.
        QCOMPARE(message->recipients.at(0).state(now), DeliveryState::Accepted);
    }

    /// Issue #15 §2: a delay report that says the system gave up is final.
    void delayThatGivesUpIsAFailure_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("diagnostic");
        QTest::addColumn<QString>("state");
        // OpenSMTPD 6.8's expiry report: "delayed" with 4.4.7.
        QTest::newRow("x.4.7-delivery-time-expired")
            << QStringLiteral("4.4.7") << QStringLiteral("421 4.4.7 Delivery time expired") << QStringLiteral("failed");
        QTest::newRow("removed-from-the-queue")
            << QStringLiteral("4.0.0") << QStringLiteral("Message removed from the queue by the administrator")
            << QStringLiteral("failed");
        QTest::newRow("ordinary-delay-stays-delayed")
            << QStringLiteral("4.2.2") << QStringLiteral("452 4.2.2 Mailbox full, will retry") << QStringLiteral("delayed");
        QTest::newRow("x.4.70-is-not-x.4.7")
            << QStringLiteral("4.4.70") << QString() << QStringLiteral("delayed");
    }

    void delayThatGivesUpIsAFailure()
    {
        QFETCH(QString, status);
        QFETCH(QString, diagnostic);
        QFETCH(QString, state);
        ReportIngest ingest(*m_store, [] { return kT0.addSecs(400); });
        QCOMPARE(ingest.ingest(incoming(dsn(QStringLiteral("ghost@example.test"), QStringLiteral("delayed"),
                                            status, diagnostic),
                                        kT0.addSecs(300)))
                     .eventsAdded,
                 1);
        const QJsonObject ghost = recipientJson(*m_store->message(m_id), 2, kT0.addSecs(600));
        QCOMPARE(ghost.value(QLatin1String("state")).toString(), state);
        QCOMPARE(ghost.value(QLatin1String("status")).toString(), status);
        QCOMPARE(ghost.value(QLatin1String("diagnostic")).toString(), diagnostic);
    }

    /// Issue #15 §2: events are ordered by when Mailtrail received them. A failure dated a
    /// day early by a skewed remote clock still comes after the success it contradicts.
    void skewedRemoteClockCannotHideAFailure()
    {
        QDateTime clock = kT0.addSecs(400);
        ReportIngest ingest(*m_store, [&clock] { return clock; });
        ingest.ingest(incoming(dsn(QStringLiteral("bob@example.test"), QStringLiteral("delivered"),
                                   QStringLiteral("2.0.0"), QStringLiteral("250 2.0.0 Ok"),
                                   QStringLiteral("ENV+2B1"), QStringLiteral("<three@example.test>"),
                                   QStringLiteral("Mon, 2 Mar 2026 10:06:00 +0000"), QStringLiteral("1")),
                               kT0.addSecs(360)));
        clock = kT0.addSecs(3600);
        ingest.ingest(incoming(dsn(QStringLiteral("bob@example.test"), QStringLiteral("failed"),
                                   QStringLiteral("5.2.1"), QStringLiteral("550 5.2.1 mailbox disabled"),
                                   QStringLiteral("ENV+2B1"), QStringLiteral("<three@example.test>"),
                                   QStringLiteral("Sun, 1 Mar 2026 10:00:00 +0000"), QStringLiteral("2")),
                               kT0.addSecs(-86400)));
        const auto message = m_store->message(m_id);
        const RecipientTimeline &bob = message->recipients.at(0);
        QCOMPARE(bob.state(kT0.addSecs(7200)), DeliveryState::Failed);
        // The remote dates are kept as data and shown.
        const QJsonObject json = recipientJson(*message, 0, kT0.addSecs(7200));
        const QJsonObject failed = json.value(QLatin1String("events")).toArray().last().toObject();
        QCOMPARE(failed.value(QLatin1String("time")).toString(), QStringLiteral("2026-03-01T10:00:00Z"));
        QCOMPARE(failed.value(QLatin1String("received")).toString(), QStringLiteral("2026-03-02T11:00:00Z"));
    }

    /// Issue #15 §2: status, reply code and diagnostic come from the event that set the
    /// state, never from another one; an event without a diagnostic shows none.
    void shownDetailsComeFromTheDecidingEventOnly()
    {
        // Exim's submission reply ("OK id=…") must not become the reason of a failure.
        NewSentMessage m;
        m.account = QStringLiteral("alice");
        m.messageId = QStringLiteral("exim@example.test");
        m.envid = QStringLiteral("ENV-EXIM");
        m.subject = QStringLiteral("Exim");
        m.createdAt = kT0;
        m.recipients = {{QStringLiteral("dan@example.test"), QString(), QStringLiteral("SUCCESS,FAILURE")},
                        {QStringLiteral("erin@example.test"), QString(), QStringLiteral("SUCCESS,FAILURE")}};
        const auto id = m_store->addSentMessage(m);
        QVERIFY(id);
        Evidence accepted;
        accepted.kind = EvidenceKind::SubmissionAccepted;
        accepted.source = EvidenceSource::Smtp;
        accepted.time = kT0.addSecs(1);
        accepted.replyCode = 250;
        accepted.status = QStringLiteral("2.0.0");
        accepted.diagnostic = QStringLiteral("OK id=1vXyZ-000123-AB");
        Evidence deferred = accepted;
        deferred.kind = EvidenceKind::Delayed;
        deferred.replyCode = 452;
        deferred.status = QStringLiteral("4.2.2");
        deferred.diagnostic = QStringLiteral("452 quota");
        QVERIFY(m_store->recordSubmission(*id, kT0.addSecs(1), true, QString(), QString(), {accepted, deferred}));
        ReportIngest ingest(*m_store, [] { return kT0.addSecs(400); });
        ingest.ingest(incoming(dsn(QStringLiteral("dan@example.test"), QStringLiteral("failed"),
                                   QStringLiteral("5.0.0"), QString(), QStringLiteral("ENV-EXIM"),
                                   QStringLiteral("<exim@example.test>")),
                               kT0.addSecs(300)));
        // OpenSMTPD: "delivered" after a "452 quota" reply carries no reply code of its own.
        ingest.ingest(incoming(dsn(QStringLiteral("erin@example.test"), QStringLiteral("delivered"),
                                   QStringLiteral("2.0.0"), QString(), QStringLiteral("ENV-EXIM"),
                                   QStringLiteral("<exim@example.test>"), QString(), QStringLiteral("2")),
                               kT0.addSecs(300)));
        const auto message = m_store->message(*id);
        const QJsonObject dan = recipientJson(*message, 0, kT0.addSecs(600));
        QCOMPARE(dan.value(QLatin1String("state")).toString(), QStringLiteral("failed"));
        QCOMPARE(dan.value(QLatin1String("status")).toString(), QStringLiteral("5.0.0"));
        QCOMPARE(dan.value(QLatin1String("diagnostic")).toString(), QString());
        QCOMPARE(dan.value(QLatin1String("replycode")).toString(), QString());
        const QJsonObject erin = recipientJson(*message, 1, kT0.addSecs(600));
        QCOMPARE(erin.value(QLatin1String("state")).toString(), QStringLiteral("delivered"));
        QCOMPARE(erin.value(QLatin1String("replycode")).toString(), QString());
        QCOMPARE(erin.value(QLatin1String("diagnostic")).toString(), QString());
        QCOMPARE(erin.value(QLatin1String("status")).toString(), QStringLiteral("2.0.0"));
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
