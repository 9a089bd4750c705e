// SPDX-License-Identifier: GPL-3.0-or-later
// Issue #18, mail sent from elsewhere, over a local cache: which Sent-folder messages get a
// timeline (not ours, not our read receipts, not older than the setting, To/Cc/Bcc), the
// per-account setting, and a bounce read before its Sent copy that is matched afterwards.
#include "LocalCache.h"
#include "TrackingFixture.h"
#include "store/AccountRepository.h"
#include "store/Database.h"
#include "store/MessageRepository.h"
#include "sync/SentElsewhere.h"
#include "tracking/ReportIngest.h"
#include "tracking/TrackingStore.h"

#include <QTest>

using namespace Mailtrail;
using namespace Mailtrail::Tracking;

namespace {

const QDateTime kNow(QDate(2026, 3, 2), QTime(12, 0), Qt::UTC);

Store::MessageRecord sentRecord(quint32 uid, const QString &messageId, const QDateTime &date,
                                const QString &to, const QString &cc = {})
{
    Store::MessageRecord r;
    r.uid = uid;
    r.date = date.toSecsSinceEpoch();
    r.subject = QStringLiteral("Sent %1").arg(uid);
    r.fromAddress = QStringLiteral("alice@example.test");
    r.toAddresses = to;
    r.ccAddresses = cc;
    r.messageId = messageId;
    r.contentType = QStringLiteral("text/plain");
    return r;
}

QStringList addresses(const TrackedMessage &m)
{
    QStringList list;
    for (const RecipientTimeline &t : m.recipients)
        list.append(t.address());
    return list;
}

} // namespace

class SentElsewhereTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_db = std::make_unique<Store::Database>();
        QCOMPARE(m_db->open(QStringLiteral(":memory:")), QString());
        Store::Account account = Test::localAccount(QStringLiteral("alice"), QStringLiteral("alice@example.test"));
        QCOMPARE(Store::AccountRepository(m_db->connection()).add(account), QString());
        m_accountId = account.id;
        QCOMPARE(Test::addFolder(m_db->connection(), m_accountId, QStringLiteral("Sent"), &m_sent), QString());
    }

    void cleanup() { m_db.reset(); }

    void bcc_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("none") << QByteArray("To: a@x\r\nSubject: s\r\n\r\nBcc: not@header\r\n") << QStringList{};
        QTest::newRow("two") << QByteArray("To: a@x\r\nBcc: b@y, Carl <c@z>\r\n\r\nbody")
                             << QStringList{QStringLiteral("b@y"), QStringLiteral("c@z")};
        QTest::newRow("folded-lower-case") << QByteArray("bcc: b@y,\r\n  d@w\r\nTo: a@x\r\n\r\n")
                                           << QStringList{QStringLiteral("b@y"), QStringLiteral("d@w")};
        QTest::newRow("lf-only") << QByteArray("BCC: e@v\n\nbody") << QStringList{QStringLiteral("e@v")};
        QTest::newRow("garbage") << QByteArray("Bcc: not an address\r\n\r\n") << QStringList{};
    }

    void bcc()
    {
        QFETCH(QByteArray, raw);
        QFETCH(QStringList, expected);
        QCOMPARE(Sync::bccAddresses(raw), expected);
    }

    void settingsDefaultOnThirtyDays()
    {
        Sync::SentElsewhere elsewhere(m_db->connection());
        QCOMPARE(elsewhere.settings(QStringLiteral("alice")), (Sync::SentElsewhereSettings{true, 30}));
        QVERIFY(elsewhere.setSettings(QStringLiteral("alice"), {false, 7}));
        QCOMPARE(elsewhere.settings(QStringLiteral("alice")), (Sync::SentElsewhereSettings{false, 7}));
        QVERIFY(!elsewhere.setSettings(QStringLiteral("alice"), {true, 0}));
        QCOMPARE(elsewhere.settings(QStringLiteral("bob")), (Sync::SentElsewhereSettings{true, 30}));
    }

    void importsWhatAnotherProgramSent()
    {
        TrackingStore store(m_db->connection());
        NewSentMessage ours;
        ours.account = QStringLiteral("alice");
        ours.messageId = QStringLiteral("<ours@example.test>");
        ours.createdAt = kNow.addDays(-1);
        ours.recipients = {{QStringLiteral("bob@example.test"), {}, {}}};
        QVERIFY(store.addSentMessage(ours));

        Store::MessageRepository messages(m_db->connection());
        Store::MessageRecord report = sentRecord(4, QStringLiteral("<mdn@example.test>"), kNow.addDays(-1),
                                                 QStringLiteral("bob@example.test"));
        report.contentType = QStringLiteral("multipart/report");
        QCOMPARE(messages.upsert(m_sent.id,
                                 {sentRecord(1, QStringLiteral("<phone@example.test>"), kNow.addDays(-1),
                                             QStringLiteral("ghost@example.test"), QStringLiteral("carol@example.test")),
                                  sentRecord(2, QStringLiteral("<old@example.test>"), kNow.addDays(-40),
                                             QStringLiteral("bob@example.test")),
                                  sentRecord(3, QStringLiteral("<ours@example.test>"), kNow.addDays(-1),
                                             QStringLiteral("bob@example.test")),
                                  report}),
                 QString());
        const auto phone = messages.find(m_sent.id, 1);
        QVERIFY(phone);
        QCOMPARE(messages.storeBody(phone->id, "To: ghost@example.test\r\nBcc: dave@example.test\r\n\r\nHi\r\n"), QString());

        Sync::SentElsewhere elsewhere(m_db->connection());
        QStringList errors;
        QCOMPARE(elsewhere.import(m_accountId, QStringLiteral("alice"), QStringLiteral("alice@example.test"), kNow, &errors), 1);
        QCOMPARE(errors, QStringList{});
        const auto id = store.messageIdForHeader(QStringLiteral("<phone@example.test>"));
        QVERIFY(id);
        const auto tracked = store.message(*id);
        QCOMPARE(tracked->origin, QString(kOriginElsewhere));
        QCOMPARE(addresses(*tracked), (QStringList{QStringLiteral("ghost@example.test"), QStringLiteral("carol@example.test"),
                                                   QStringLiteral("dave@example.test")}));
        QCOMPARE(tracked->submittedAt, kNow.addDays(-1));
        QVERIFY(!store.messageIdForHeader(QStringLiteral("<old@example.test>")));
        QVERIFY(!store.messageIdForHeader(QStringLiteral("<mdn@example.test>")));
        QCOMPARE(store.messages().size(), 2); // ours and the phone's

        // Once only; and nothing when the account turned it off.
        QCOMPARE(elsewhere.import(m_accountId, QStringLiteral("alice"), QStringLiteral("alice@example.test"), kNow, &errors), 0);
        QCOMPARE(messages.upsert(m_sent.id, {sentRecord(5, QStringLiteral("<later@example.test>"), kNow,
                                                        QStringLiteral("bob@example.test"))}),
                 QString());
        QVERIFY(elsewhere.setSettings(QStringLiteral("alice"), {false, 30}));
        QCOMPARE(elsewhere.import(m_accountId, QStringLiteral("alice"), QStringLiteral("alice@example.test"), kNow, &errors), 0);
        QVERIFY(elsewhere.setSettings(QStringLiteral("alice"), {true, 30}));
        QCOMPARE(elsewhere.import(m_accountId, QStringLiteral("alice"), QStringLiteral("alice@example.test"), kNow, &errors), 1);
    }

    /// Bcc from the header summary that sync fetched (no body downloaded); it wins over a body
    /// that is cached too; without Bcc anywhere, To/Cc only.
    void bccFromTheFetchedHeader()
    {
        Store::MessageRecord header = sentRecord(1, QStringLiteral("<header@example.test>"), kNow.addDays(-1),
                                                 QStringLiteral("bob@example.test"));
        header.bccAddresses = QStringLiteral("dave@example.test, erin@example.test");
        Store::MessageRecord both = sentRecord(2, QStringLiteral("<both@example.test>"), kNow.addDays(-1),
                                               QStringLiteral("bob@example.test"));
        both.bccAddresses = QStringLiteral("frank@example.test");
        const Store::MessageRecord none = sentRecord(3, QStringLiteral("<none@example.test>"), kNow.addDays(-1),
                                                     QStringLiteral("bob@example.test"));
        Store::MessageRepository messages(m_db->connection());
        QCOMPARE(messages.upsert(m_sent.id, {header, both, none}), QString());
        const auto cached = messages.find(m_sent.id, 1);
        QVERIFY(cached);
        QCOMPARE(cached->bccAddresses, header.bccAddresses); // the cache keeps the column
        const auto withBody = messages.find(m_sent.id, 2);
        QVERIFY(withBody);
        QCOMPARE(messages.storeBody(withBody->id, "To: bob@example.test\r\nBcc: frank@example.test\r\n\r\nHi\r\n"),
                 QString());

        Sync::SentElsewhere elsewhere(m_db->connection());
        QStringList errors;
        QCOMPARE(elsewhere.import(m_accountId, QStringLiteral("alice"), QStringLiteral("alice@example.test"), kNow, &errors), 3);
        QCOMPARE(errors, QStringList{});
        TrackingStore store(m_db->connection());
        const auto recipientsOf = [&store](const QString &id) {
            const auto sentId = store.messageIdForHeader(id);
            return sentId ? addresses(*store.message(*sentId)) : QStringList{QStringLiteral("(not tracked)")};
        };
        QCOMPARE(recipientsOf(QStringLiteral("<header@example.test>")),
                 (QStringList{QStringLiteral("bob@example.test"), QStringLiteral("dave@example.test"),
                              QStringLiteral("erin@example.test")}));
        QCOMPARE(recipientsOf(QStringLiteral("<both@example.test>")),
                 (QStringList{QStringLiteral("bob@example.test"), QStringLiteral("frank@example.test")}));
        QCOMPARE(recipientsOf(QStringLiteral("<none@example.test>")), QStringList{QStringLiteral("bob@example.test")});
    }

    void bounceReadBeforeTheSentCopyIsMatchedAfterwards()
    {
        TrackingStore store(m_db->connection());
        IncomingMail dsn;
        dsn.raw = Test::trackingFixture(QStringLiteral("postfix-three-outcomes.eml"));
        QVERIFY(!dsn.raw.isEmpty());
        dsn.date = QDateTime(QDate(2026, 3, 2), QTime(10, 5), Qt::UTC);
        QCOMPARE(ReportIngest(store).ingest(dsn).outcome, IngestResult::Unmatched);
        QCOMPARE(store.unmatchedReports().size(), 1);

        QCOMPARE(Store::MessageRepository(m_db->connection())
                     .upsert(m_sent.id, {sentRecord(1, QStringLiteral("<three@example.test>"),
                                                    QDateTime(QDate(2026, 3, 2), QTime(10, 0), Qt::UTC),
                                                    QStringLiteral("bob@example.test, carol@example.test, ghost@example.test"))}),
                 QString());
        QStringList errors;
        QCOMPARE(Sync::SentElsewhere(m_db->connection())
                     .import(m_accountId, QStringLiteral("alice"), QStringLiteral("alice@example.test"), kNow, &errors),
                 1);
        QCOMPARE(errors, QStringList{});
        QCOMPARE(store.unmatchedReports().size(), 0);
        const auto tracked = store.message(*store.messageIdForHeader(QStringLiteral("<three@example.test>")));
        QCOMPARE(tracked->recipients.at(2).address(), QStringLiteral("ghost@example.test"));
        QCOMPARE(tracked->recipients.at(2).state(kNow), DeliveryState::Failed);
    }

private:
    std::unique_ptr<Store::Database> m_db;
    qint64 m_accountId = 0;
    Store::Folder m_sent;
};

QTEST_GUILESS_MAIN(SentElsewhereTest)
#include "SentElsewhereTest.moc"
