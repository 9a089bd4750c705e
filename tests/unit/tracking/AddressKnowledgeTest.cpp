// SPDX-License-Identifier: GPL-3.0-or-later
// Issue #18 over a real (in-memory) tracking store: per-address history, warnings before
// sending (the CLI's JSON contract), "Needs attention", and mail sent from elsewhere.
#include "store/Database.h"
#include "tracking/AddressHistory.h"
#include "tracking/Explanation.h"
#include "tracking/NeedsAttention.h"
#include "tracking/RecipientWarnings.h"
#include "tracking/StatusJson.h"
#include "tracking/TrackingStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QSqlQuery>
#include <QTest>

using namespace Mailtrail::Tracking;

namespace {

const QDateTime kT0(QDate(2026, 12, 6), QTime(12, 0), Qt::UTC);

} // namespace

class AddressKnowledgeTest : public QObject
{
    Q_OBJECT

    /// Sends to @p addresses at @p at (accepted 0 s later); returns the message id.
    qint64 send(const QStringList &addresses, const QDateTime &at, const QString &id)
    {
        NewSentMessage m;
        m.account = QStringLiteral("alice");
        m.messageId = id;
        m.subject = QStringLiteral("Subject ") + id;
        m.sender = QStringLiteral("alice@example.test");
        m.createdAt = at;
        QList<Evidence> accepted;
        for (const QString &a : addresses) {
            m.recipients.append({a, a, QStringLiteral("SUCCESS,FAILURE,DELAY")});
            Evidence e;
            e.kind = EvidenceKind::SubmissionAccepted;
            e.source = EvidenceSource::Smtp;
            e.time = at;
            e.replyCode = 250;
            accepted.append(e);
        }
        const auto sent = m_store->addSentMessage(m);
        if (!sent || !m_store->recordSubmission(*sent, at, true, QString(), QString(), accepted))
            return 0;
        return *sent;
    }

    void report(qint64 message, int index, EvidenceKind kind, const QDateTime &at,
                const QString &status = {}, double confidence = 1.0)
    {
        const auto m = m_store->message(message);
        QVERIFY(m);
        Evidence e;
        e.kind = kind;
        e.source = kind == EvidenceKind::Displayed ? EvidenceSource::Mdn : EvidenceSource::Dsn;
        e.time = at;
        e.receivedAt = at; // the injected clock: events are ordered by when they were received
        e.status = status;
        e.confidence = confidence;
        e.reportingMta = QStringLiteral("mail.example.test");
        e.dedupKey = QStringLiteral("%1-%2-%3").arg(message).arg(index).arg(at.toSecsSinceEpoch());
        QVERIFY(m_store->appendEvidence(m->recipientIds.at(index), e));
    }

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void init()
    {
        m_database = std::make_unique<Mailtrail::Store::Database>();
        QCOMPARE(m_database->open(QStringLiteral(":memory:")), QString());
        m_store = std::make_unique<TrackingStore>(m_database->connection());
    }

    void cleanup()
    {
        m_store.reset();
        m_database.reset();
    }

    void historyCountsAndMedians()
    {
        const qint64 a = send({QStringLiteral("bob@example.test")}, kT0, QStringLiteral("a@x"));
        const qint64 b = send({QStringLiteral("Bob@Example.test"), QStringLiteral("carol@example.test")},
                              kT0.addDays(1), QStringLiteral("b@x"));
        const qint64 c = send({QStringLiteral("bob@example.test")}, kT0.addDays(2), QStringLiteral("c@x"));
        report(a, 0, EvidenceKind::Delivered, kT0.addSecs(60));
        report(a, 0, EvidenceKind::Displayed, kT0.addSecs(600));
        report(b, 0, EvidenceKind::Delivered, kT0.addDays(1).addSecs(180));
        report(c, 0, EvidenceKind::Failed, kT0.addDays(2).addSecs(30), QStringLiteral("5.2.2"));
        report(b, 1, EvidenceKind::Failed, kT0.addDays(1).addSecs(30), QStringLiteral("5.1.1"));

        const QDateTime now = kT0.addDays(3);
        const AddressHistory h = addressHistory(*m_store, QStringLiteral("BOB@example.test"), now);
        QCOMPARE(h.sent, 3);
        QCOMPARE(h.delivered, 2);
        QCOMPARE(h.read, 1);
        QCOMPARE(h.failed, 1);
        QCOMPARE(h.lastOutcome, std::optional(DeliveryState::Failed));
        QCOMPARE(h.lastOutcomeStatus, QStringLiteral("5.2.2"));
        QCOMPARE(h.medianSecondsToDelivery, std::optional<qint64>(120)); // (60 + 180) / 2
        QCOMPARE(h.medianSecondsToRead, std::optional<qint64>(600));
        QVERIFY(h.knownBad);
        QCOMPARE(h.knownBad->status, QStringLiteral("5.2.2"));
        QCOMPARE(describeLastOutcome(h, now), QStringLiteral("failed 5.2.2"));
        QCOMPARE(describeHistory(h, now).section(QLatin1Char('\n'), 0, 0),
                 QStringLiteral("Sent 3, delivered 2, read 1, failed 1"));
        QVERIFY(describeHistory(h, now).contains(QStringLiteral("Median time to delivery: 2 min")));
        QVERIFY(describeHistory(h, now).contains(QStringLiteral("Median time to read: 10 min")));

        const AddressHistory unknown = addressHistory(*m_store, QStringLiteral("nobody@example.test"), now);
        QVERIFY(unknown.isEmpty());
        QCOMPARE(describeLastOutcome(unknown, now), QString());

        // Last outcome in words for completion.
        const qint64 d = send({QStringLiteral("dave@example.test")}, kT0, QStringLiteral("d@x"));
        report(d, 0, EvidenceKind::Delivered, kT0.addSecs(5));
        QCOMPARE(describeLastOutcome(addressHistory(*m_store, QStringLiteral("dave@example.test"), now), now),
                 QStringLiteral("delivered 3 days ago"));
        QCOMPARE(describeLastOutcome(addressHistory(*m_store, QStringLiteral("dave@example.test"), kT0), kT0),
                 QStringLiteral("delivered today"));
    }

    void storeKnowsDeliveredDomainsAndRecipients()
    {
        const qint64 a = send({QStringLiteral("bob@Example.test"), QStringLiteral("x@gmail.com"),
                               QStringLiteral("y@heuristic.test")},
                              kT0, QStringLiteral("a@x"));
        report(a, 0, EvidenceKind::Delivered, kT0.addSecs(60));
        report(a, 2, EvidenceKind::Delivered, kT0.addSecs(60), QString(), 0.4);
        QCOMPARE(m_store->deliveredDomains(), QStringList{QStringLiteral("example.test")});
        send({QStringLiteral("carol@example.test")}, kT0.addSecs(10), QStringLiteral("b@x"));
        QCOMPARE(m_store->knownRecipients(),
                 (QStringList{QStringLiteral("carol@example.test"), QStringLiteral("bob@Example.test"),
                              QStringLiteral("x@gmail.com"), QStringLiteral("y@heuristic.test")}));
    }

    void warningsBeforeSending()
    {
        const qint64 a = send({QStringLiteral("ghost@example.test"), QStringLiteral("bob@example.test"),
                               QStringLiteral("carol@example.test"), QStringLiteral("maybe@example.test")},
                              kT0, QStringLiteral("a@x"));
        report(a, 0, EvidenceKind::Failed, kT0.addSecs(30), QStringLiteral("5.1.1"));
        report(a, 1, EvidenceKind::Delivered, kT0.addSecs(30));
        report(a, 2, EvidenceKind::Delayed, kT0.addSecs(30), QStringLiteral("4.2.2"));
        report(a, 3, EvidenceKind::Failed, kT0.addSecs(30), QStringLiteral("5.1.1"), 0.4);

        const QList<RecipientWarning> warnings = recipientWarnings(
            *m_store, {QStringLiteral("ghost@example.test"), QStringLiteral("bob@example.test"),
                       QStringLiteral("carol@example.test"), QStringLiteral("maybe@example.test"),
                       QStringLiteral("bob@exmaple.test"), QStringLiteral("ann@gmial.com")});
        QCOMPARE(warnings.size(), 3);
        QCOMPARE(QJsonDocument(warningToJson(warnings.at(0))).toJson(QJsonDocument::Compact),
                 QByteArray(R"({"address":"ghost@example.test","at":"2026-12-06T12:00:30Z",)"
                            R"("kind":"failed-before","status":"5.1.1","suggestion":null})"));
        QCOMPARE(warnings.at(0).description,
                 QStringLiteral("Failed on 6 Dec 2026: 5.1.1 the mailbox does not exist (report from mail.example.test)"));
        QCOMPARE(QJsonDocument(warningToJson(warnings.at(1))).toJson(QJsonDocument::Compact),
                 QByteArray(R"({"address":"bob@exmaple.test","at":null,"kind":"domain-typo",)"
                            R"("status":null,"suggestion":"bob@example.test"})"));
        QCOMPARE(warnings.at(1).description, QStringLiteral("Did you mean bob@example.test?"));
        QCOMPARE(warnings.at(2).suggestion, QStringLiteral("ann@gmail.com"));
    }

    void needsAttention()
    {
        const qint64 failed = send({QStringLiteral("ghost@example.test"), QStringLiteral("bob@example.test")},
                                   kT0, QStringLiteral("f@x"));
        report(failed, 0, EvidenceKind::Failed, kT0.addSecs(30), QStringLiteral("5.1.1"));
        report(failed, 1, EvidenceKind::Delivered, kT0.addSecs(30));
        const qint64 delayed = send({QStringLiteral("carol@example.test")}, kT0, QStringLiteral("d@x"));
        report(delayed, 0, EvidenceKind::Delayed, kT0.addSecs(60), QStringLiteral("4.2.2"));
        report(delayed, 0, EvidenceKind::Delayed, kT0.addSecs(3600 * 20), QStringLiteral("4.2.2"));
        const qint64 fine = send({QStringLiteral("bob@example.test")}, kT0, QStringLiteral("ok@x"));
        report(fine, 0, EvidenceKind::Delivered, kT0.addSecs(30));
        const qint64 silent = send({QStringLiteral("dave@example.test")}, kT0.addSecs(-3600), QStringLiteral("s@x"));
        Q_UNUSED(silent);

        NeedsAttention attention(m_database->connection());
        // After 2 hours: the failure only (delays < 1 day inform, the silent one is not overdue).
        QList<AttentionItem> items = attention.items(kT0.addSecs(7200));
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.at(0).message.id, failed);
        QCOMPARE(items.at(0).reasons,
                 (QList<AttentionReason>{{QStringLiteral("ghost@example.test"), DeliveryState::Failed,
                                          kT0.addSecs(30), QStringLiteral("5.1.1")}}));
        QCOMPARE(describeReasons(items.at(0).reasons), QStringLiteral("ghost@example.test failed (5.1.1)"));

        // After 25 hours: the delay (counted from the first delay report) and the overdue one.
        items = attention.items(kT0.addSecs(3600 * 25));
        QList<qint64> ids;
        for (const AttentionItem &item : items)
            ids.append(item.message.id);
        std::sort(ids.begin(), ids.end());
        QCOMPARE(ids, (QList<qint64>{failed, delayed, silent}));

        QList<qint64> fresh = attention.takeUnnotified(items, kT0);
        std::sort(fresh.begin(), fresh.end());
        QCOMPARE(fresh, ids);
        QCOMPARE(attention.takeUnnotified(items, kT0), QList<qint64>{}); // once per item

        QVERIFY(attention.dismiss(failed, kT0));
        QVERIFY(!attention.dismiss(4711, kT0));
        QCOMPARE(attention.items(kT0.addSecs(3600 * 25)).size(), 2);
    }

    void sentElsewhere()
    {
        NewSentMessage m;
        m.account = QStringLiteral("alice");
        m.messageId = QStringLiteral("<phone-1@example.test>");
        m.subject = QStringLiteral("From my phone");
        m.sender = QStringLiteral("alice@example.test");
        m.recipients = {{QStringLiteral("ghost@example.test"), {}, {}},
                        {QStringLiteral("bob@example.test"), {}, {}}};
        const auto id = m_store->addSentElsewhere(m, kT0);
        QVERIFY2(id, qPrintable(m_store->lastError()));
        const auto tracked = m_store->message(*id);
        QVERIFY(tracked);
        QCOMPARE(tracked->origin, QString(kOriginElsewhere));
        QCOMPARE(tracked->messageId, QStringLiteral("phone-1@example.test"));
        QCOMPARE(tracked->recipients.size(), 2);
        const RecipientTimeline &ghost = tracked->recipients.at(0);
        QCOMPARE(ghost.events().size(), 1);
        QCOMPARE(describeEvidence(ghost.events().at(0)),
                 QStringLiteral("Sent from another program (no delivery reports were requested)."));
        // No report was requested: silence is never overdue.
        QCOMPARE(ghost.state(kT0.addDays(20)), DeliveryState::Accepted);
        const QJsonObject json = messageToJson(*tracked, kT0.addDays(1));
        QCOMPARE(json.value(QLatin1String("origin")).toString(), QStringLiteral("elsewhere"));
        QCOMPARE(m_store->byMessageId(QStringLiteral("<phone-1@example.test>"))->id, *id);

        const qint64 own = send({QStringLiteral("bob@example.test")}, kT0, QStringLiteral("own@x"));
        QCOMPARE(messageToJson(*m_store->message(own), kT0).value(QLatin1String("origin")).toString(),
                 QStringLiteral("mailtrail"));
    }

    void resendLinksBothWays()
    {
        const qint64 original = send({QStringLiteral("ghost@example.test")}, kT0, QStringLiteral("o@x"));
        NewSentMessage again;
        again.account = QStringLiteral("alice");
        again.messageId = QStringLiteral("<again@x>");
        again.createdAt = kT0.addSecs(60);
        again.recipients = {{QStringLiteral("ghost@example.org"), {}, {}}};
        again.resendOf = original;
        const auto resent = m_store->addSentMessage(again);
        QVERIFY(resent);
        QCOMPARE(m_store->message(*resent)->resendOf, original);
        QCOMPARE(m_store->message(original)->resentAs, QList<qint64>{*resent});
        const QJsonObject json = messageToJson(*m_store->message(original), kT0);
        QCOMPARE(json.value(QLatin1String("resent_as")).toArray().at(0).toInteger(), *resent);
    }

private:
    std::unique_ptr<Mailtrail::Store::Database> m_database;
    std::unique_ptr<TrackingStore> m_store;
};

QTEST_GUILESS_MAIN(AddressKnowledgeTest)
#include "AddressKnowledgeTest.moc"
