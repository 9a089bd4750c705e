// SPDX-License-Identifier: GPL-3.0-or-later
// Correlation of reports with sent messages, in DESIGN.md's order, against the real
// TrackingStore (SQLite in a temporary directory).
#include "TrackingFixture.h"
#include "tracking/Correlator.h"

#include <QTest>

using namespace Mailtrail::Tracking;

namespace {

const QDateTime kSent(QDate(2026, 3, 2), QTime(10, 0), Qt::UTC);

/// Three sent messages in a fresh store; ids 1, 2, 3 in this order.
bool fill(Mailtrail::Test::TempTrackingStore &index)
{
    QList<SentMessageKeys> messages{
        {0, QStringLiteral("one@alice.example.test"), QStringLiteral("ENV-1"),
         QStringLiteral("Quarterly figures"), kSent,
         {QStringLiteral("bob@example.test")}, {QStringLiteral("bob@example.test")}, {}},
        {0, QStringLiteral("two@alice.example.test"), QStringLiteral("ENV-2"),
         QStringLiteral("Team lunch"), kSent.addSecs(3600),
         {QStringLiteral("bob@example.test"), QStringLiteral("Carol@Example.Test"),
          QStringLiteral("list@example.test")},
         {QStringLiteral("bob@example.test"), QStringLiteral("Carol@Example.Test"),
          QStringLiteral("list@example.test")}, {}},
        {0, QStringLiteral("three@alice.example.test"), QString(),
         QStringLiteral("Invoice 7"), kSent.addDays(1),
         {QStringLiteral("dave@elsewhere.test")}, {}, {}},
    };
    for (SentMessageKeys &keys : messages) {
        if (!index.add(keys))
            return false;
    }
    return messages.at(0).id == 1 && messages.at(2).id == 3;
}

ReportRecipientKeys rcpt(const QString &original, const QString &final)
{
    return {original, final};
}

} // namespace

class CorrelatorTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_index = std::make_unique<Mailtrail::Test::TempTrackingStore>();
        QCOMPARE(m_index->error(), QString());
        QVERIFY(fill(*m_index));
    }

    void cleanup() { m_index.reset(); }

    void normalize()
    {
        QCOMPARE(normalizeAddress(QStringLiteral(" rfc822; <Bob@Example.TEST> ")),
                 QStringLiteral("bob@example.test"));
        QCOMPARE(normalizeAddress(QStringLiteral("utf-8;jörg@example.test")),
                 QStringLiteral("jörg@example.test"));
        QCOMPARE(normalizeAddress(QString()), QString());
        QCOMPARE(normalizeMessageId(QStringLiteral(" <a@b> ")), QStringLiteral("a@b"));
    }

    void order_data()
    {
        QTest::addColumn<ReportKeys>("report");
        QTest::addColumn<qint64>("sent");
        QTest::addColumn<QString>("method");

        ReportKeys envid;
        envid.envid = QStringLiteral("ENV-2");
        envid.returnedMessageId = QStringLiteral("<one@alice.example.test>");
        QTest::newRow("envid-wins-over-message-id") << envid << qint64(2) << QStringLiteral("envid");

        ReportKeys unknownEnvid;
        unknownEnvid.envid = QStringLiteral("SOMEONE-ELSES");
        unknownEnvid.returnedMessageId = QStringLiteral("<one@alice.example.test>");
        QTest::newRow("unknown-envid-falls-through")
            << unknownEnvid << qint64(1) << QStringLiteral("message-id");

        ReportKeys mdn;
        mdn.originalMessageId = QStringLiteral("<three@alice.example.test>");
        QTest::newRow("rfc8098-original-message-id")
            << mdn << qint64(3) << QStringLiteral("original-message-id");

        ReportKeys refs;
        refs.references = {QStringLiteral("<unrelated@x>"), QStringLiteral("<two@alice.example.test>")};
        QTest::newRow("references") << refs << qint64(2) << QStringLiteral("references");

        ReportKeys irt;
        irt.inReplyTo = {QStringLiteral("<one@alice.example.test>")};
        irt.references = {QStringLiteral("<two@alice.example.test>")};
        QTest::newRow("in-reply-to-before-references")
            << irt << qint64(1) << QStringLiteral("references");

        ReportKeys heur;
        heur.date = kSent.addDays(1).addSecs(600);
        heur.returnedSubject = QStringLiteral("Invoice 7");
        heur.recipients = {rcpt(QString(), QStringLiteral("rfc822; dave@elsewhere.test"))};
        QTest::newRow("heuristic-subject-recipient-time")
            << heur << qint64(3) << QStringLiteral("heuristic");
    }

    void order()
    {
        QFETCH(ReportKeys, report);
        QFETCH(qint64, sent);
        QFETCH(QString, method);
        const auto c = Correlator(m_index->store()).correlate(report);
        QVERIFY(c.has_value());
        QCOMPARE(c->sentMessageId, sent);
        QCOMPARE(matchMethodName(c->method), method);
        if (method == QLatin1String("heuristic"))
            QVERIFY(c->confidence < 1.0);
        else if (method != QLatin1String("references"))
            QCOMPARE(c->confidence, 1.0);
    }

    void unmatched_data()
    {
        QTest::addColumn<ReportKeys>("report");
        QTest::newRow("no-keys-at-all") << ReportKeys{};
        ReportKeys foreign;
        foreign.envid = QStringLiteral("X");
        foreign.returnedMessageId = QStringLiteral("<nope@x>");
        foreign.originalMessageId = QStringLiteral("<nope2@x>");
        QTest::newRow("foreign-ids") << foreign;
        ReportKeys late;
        late.date = kSent.addDays(60);
        late.returnedSubject = QStringLiteral("Invoice 7");
        late.recipients = {rcpt(QString(), QStringLiteral("dave@elsewhere.test"))};
        QTest::newRow("heuristic-outside-window") << late;
        ReportKeys before;
        before.date = kSent.addDays(-1);
        before.recipients = {rcpt(QString(), QStringLiteral("dave@elsewhere.test"))};
        QTest::newRow("heuristic-report-before-sending") << before;
        ReportKeys otherRecipient;
        otherRecipient.date = kSent.addDays(1);
        otherRecipient.returnedSubject = QStringLiteral("Invoice 7");
        otherRecipient.recipients = {rcpt(QString(), QStringLiteral("erin@elsewhere.test"))};
        QTest::newRow("heuristic-unknown-recipient") << otherRecipient;
    }

    void unmatched()
    {
        QFETCH(ReportKeys, report);
        QVERIFY(!Correlator(m_index->store()).correlate(report).has_value());
    }

    void heuristicWrongSubjectIsWeak()
    {
        const Correlator correlator(m_index->store());
        ReportKeys report;
        report.date = kSent.addSecs(7200);
        report.returnedSubject = QStringLiteral("Something else entirely");
        report.recipients = {rcpt(QString(), QStringLiteral("bob@example.test"))};
        // Bob got two messages in the window, neither with that subject: no match.
        QVERIFY(!correlator.correlate(report).has_value());
        report.returnedSubject = QStringLiteral("Re: Team lunch");
        const auto c = correlator.correlate(report);
        QVERIFY(c.has_value());
        QCOMPARE(c->sentMessageId, qint64(2));
        QVERIFY(c->confidence < 0.8); // two candidates
    }

    void recipients_data()
    {
        QTest::addColumn<QList<ReportRecipientKeys>>("records");
        QTest::addColumn<QList<int>>("expected");
        QTest::newRow("original-recipient-is-our-orcpt")
            << QList<ReportRecipientKeys>{rcpt(QStringLiteral("rfc822;carol@example.test"),
                                               QStringLiteral("rfc822;carol.real@mx.example.test"))}
            << QList<int>{1};
        QTest::newRow("final-recipient")
            << QList<ReportRecipientKeys>{rcpt(QString(), QStringLiteral("rfc822;BOB@example.test"))}
            << QList<int>{0};
        QTest::newRow("three-records-in-order")
            << QList<ReportRecipientKeys>{rcpt(QString(), QStringLiteral("list@example.test")),
                                          rcpt(QString(), QStringLiteral("bob@example.test")),
                                          rcpt(QString(), QStringLiteral("nobody@example.test"))}
            << QList<int>{2, 0, -1};
    }

    void recipients()
    {
        QFETCH(QList<ReportRecipientKeys>, records);
        QFETCH(QList<int>, expected);
        const auto sent = m_index->store().byEnvid(QStringLiteral("ENV-2"));
        QVERIFY(sent.has_value());
        QCOMPARE(Correlator::matchRecipients(*sent, records), expected);
    }

    void onlyRecipientFallback()
    {
        const auto sent = m_index->store().byEnvid(QStringLiteral("ENV-1"));
        QVERIFY(sent.has_value());
        // An alias expanded beyond recognition: the single recipient is still the one.
        const QList<ReportRecipientKeys> records{
            rcpt(QString(), QStringLiteral("rfc822;b.smith@mailhost.example.test"))};
        QCOMPARE(Correlator::matchRecipients(*sent, records), QList<int>{0});
    }

private:
    std::unique_ptr<Mailtrail::Test::TempTrackingStore> m_index;
};

QTEST_GUILESS_MAIN(CorrelatorTest)
#include "CorrelatorTest.moc"
