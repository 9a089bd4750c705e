// SPDX-License-Identifier: GPL-3.0-or-later
// The outbox state machine against scripted SMTP conversations (tests/support/ScriptedTransport)
// with an injected clock: queued → transmitting → sent / uncertain / failed, backoff, crash
// recovery, and the tracking record written with the message.
#include "sync/Outbox.h"

#include "ScriptedTransport.h"
#include "mime/MessageBuilder.h"
#include "smtp/SubmissionJob.h"
#include "store/Database.h"
#include "sync/OutboxSender.h"
#include "tracking/Explanation.h"
#include "tracking/TrackingStore.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace Mailtrail;
using Mailtrail::Sync::OutboxState;
using Mailtrail::Test::ScriptedTransport;

namespace {

const QByteArray kMessage = "From: alice@example.test\r\nTo: bob@example.test\r\nSubject: hi\r\n"
                            "Message-ID: <m1@example.test>\r\n\r\nHello.\r\n";

QByteArray greeting(const QByteArray &extensions = "AUTH PLAIN")
{
    return "S: 220 mail.example.test ESMTP\nC: EHLO [127.0.0.1]\nS: 250-mail.example.test\nS: 250 "
        + extensions + "\nC: AUTH PLAIN <redacted>\nS: 235 2.7.0 ok\n";
}

QByteArray upToData()
{
    return greeting()
        + "C: MAIL FROM:<alice@example.test>\nS: 250 2.1.0 ok\nC: RCPT TO:<bob@example.test>\nS: "
          "250 2.1.5 ok\n"
          "C: DATA\nS: 354 go\nC: [payload "
        + QByteArray::number(kMessage.size()) + " bytes]\nC: .\n";
}

const QByteArray kAccepted = upToData() + "S: 250 2.0.0 Ok: queued as 4XYZ\nC: QUIT\nS: 221 bye\n";

} // namespace

class OutboxTest : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<Store::Database> m_db;
    QDateTime m_now;
    QList<QByteArray> m_scripts; ///< one per connection, consumed in order
    int m_connections = 0;
    QStringList m_mismatches;

    Store::Account account() const
    {
        Store::Account a;
        a.name = QStringLiteral("alice");
        a.email = QStringLiteral("alice@example.test");
        a.userName = a.email;
        a.smtp = { QStringLiteral("127.0.0.1"), 465, Store::Security::Tls };
        a.imap = { QStringLiteral("127.0.0.1"), 993, Store::Security::Tls };
        return a;
    }

    std::unique_ptr<Sync::OutboxSender> sender()
    {
        auto s = std::make_unique<Sync::OutboxSender>(
            account(), QStringLiteral("alice-secret"), m_db->connection());
        s->setClock([this] { return m_now; });
        s->setSentCopyEnabled(false);
        s->setSmtpTransportFactory([this](QObject *parent) -> Net::Transport * {
            ++m_connections;
            auto *t = new ScriptedTransport(
                m_scripts.isEmpty() ? QByteArray("!refuse\n") : m_scripts.takeFirst(), parent);
            connect(t, &Net::Transport::disconnected, this,
                [this, t] { m_mismatches += t->mismatches(); });
            return t;
        });
        return s;
    }

    Sync::OutboxFlushReport flush(Sync::OutboxSender &s)
    {
        QSignalSpy finished(&s, &Sync::OutboxSender::finished);
        s.flush();
        if (finished.isEmpty() && !finished.wait(10000))
            return {};
        return finished.first().first().value<Sync::OutboxFlushReport>();
    }

    qint64 enqueue(
        const QStringList &to = { QStringLiteral("bob@example.test") }, bool requestDsn = false)
    {
        Sync::OutboxStore store(m_db->connection(), [this] { return m_now; });
        Sync::OutboxMessage m;
        m.account = QStringLiteral("alice");
        m.bytes = kMessage;
        m.messageId = "<m1@example.test>";
        m.subject = QStringLiteral("hi");
        m.envelope = Smtp::Envelope::simple(QStringLiteral("alice@example.test"), to);
        m.envelope.requestDsn = requestDsn;
        m.envelope.envid = "ENV1";
        const auto id = store.enqueue(m);
        return id.value_or(0);
    }

    Sync::OutboxEntry entry(qint64 id) const
    {
        return Sync::OutboxStore(m_db->connection()).entry(id).value_or(Sync::OutboxEntry {});
    }

    Tracking::DeliveryState trackedState(qint64 sentId, int recipient) const
    {
        const auto message = Tracking::TrackingStore(m_db->connection()).message(sentId);
        if (!message || recipient >= message->recipients.size())
            return Tracking::DeliveryState::Queued;
        return message->recipients.at(recipient).state(m_now);
    }

private Q_SLOTS:
    /// The row Send puts into the outbox: what MessageBuilder built, with the DSN choice.
    void outboxMessageFromBuiltMessage()
    {
        Mime::OutgoingMessage message;
        message.from = {QStringLiteral("Alice"), QStringLiteral("alice@example.test")};
        message.to = {{QString(), QStringLiteral("bob@example.test")}};
        message.bcc = {{QString(), QStringLiteral("carol@example.test")}};
        message.subject = QStringLiteral("Lunch");
        message.plainText = QStringLiteral("At one?");
        message.requestReadReceipt = true;
        const Mime::BuiltMessage built = Mime::MessageBuilder().build(message);
        QVERIFY2(built.isValid(), qPrintable(built.error));
        const Smtp::DsnNotify failureOnly{false, true, false};
        const Sync::OutboxMessage row = Sync::outboxMessage(QStringLiteral("work"), message, built, true, failureOnly);
        QCOMPARE(row.account, QStringLiteral("work"));
        QCOMPARE(row.bytes, built.bytes);
        QCOMPARE(row.messageId, built.messageId);
        QCOMPARE(row.subject, QStringLiteral("Lunch"));
        QVERIFY(row.readReceiptRequested);
        QVERIFY(row.track);
        QCOMPARE(row.envelope.from, QStringLiteral("alice@example.test"));
        QVERIFY(row.envelope.requestDsn);
        QCOMPARE(row.envelope.recipients.size(), 2);
        QCOMPARE(row.envelope.recipients.at(0).address, QStringLiteral("bob@example.test"));
        QCOMPARE(row.envelope.recipients.at(1).address, QStringLiteral("carol@example.test"));
        for (const Smtp::EnvelopeRecipient &r : row.envelope.recipients)
            QVERIFY(r.notify == failureOnly);
        const Sync::OutboxMessage quiet = Sync::outboxMessage(QStringLiteral("work"), message, built, false,
                                                              Smtp::DsnNotify::never());
        QVERIFY(!quiet.envelope.requestDsn);
        QVERIFY(quiet.envelope.recipients.at(0).notify.isNever());
    }

    void init()
    {
        m_db = std::make_unique<Store::Database>();
        QCOMPARE(m_db->open(QStringLiteral(":memory:")), QString());
        m_now = QDateTime(QDate(2026, 11, 25), QTime(12, 0), Qt::UTC);
        m_scripts.clear();
        m_connections = 0;
        m_mismatches.clear();
    }

    void enqueueStoresMessageAndTrackingRecord()
    {
        const qint64 id = enqueue(
            { QStringLiteral("bob@example.test"), QStringLiteral("carol@example.test") }, true);
        QVERIFY(id > 0);
        const auto e = entry(id);
        QCOMPARE(e.state, OutboxState::Queued);
        QCOMPARE(e.bytes, kMessage);
        QCOMPARE(e.envid, QByteArray("ENV1"));
        QCOMPARE(e.recipients.size(), 2);
        QCOMPARE(e.recipients.at(1).notify, QStringLiteral("SUCCESS,FAILURE,DELAY"));
        QVERIFY(e.sentMessageId > 0);
        const auto tracked = Tracking::TrackingStore(m_db->connection()).message(e.sentMessageId);
        QVERIFY(tracked);
        QCOMPARE(tracked->envid, QStringLiteral("ENV1"));
        QCOMPARE(tracked->recipients.size(), 2);
        QCOMPARE(trackedState(e.sentMessageId, 0), Tracking::DeliveryState::Queued);
        const Smtp::Envelope envelope = e.envelope();
        QCOMPARE(envelope.recipients.at(0).address, QStringLiteral("bob@example.test"));
        QVERIFY(envelope.requestDsn);
    }

    void enqueueIsOneTransaction()
    {
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(QStringLiteral("DROP TABLE outbox_recipients")));
        QCOMPARE(enqueue(), qint64(0));
        // The tracking record written before the failure was rolled back with it.
        QVERIFY(Tracking::TrackingStore(m_db->connection()).messages().isEmpty());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM outbox")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }

    void acceptedIsSentWithTrackingEvidence()
    {
        const qint64 id = enqueue();
        m_scripts = { kAccepted };
        auto s = sender();
        const auto report = flush(*s);
        QCOMPARE(report.attempted, QList<qint64> { id });
        QVERIFY2(m_mismatches.isEmpty(), qPrintable(m_mismatches.join(QLatin1Char('\n'))));
        const auto e = entry(id);
        QCOMPARE(e.state, OutboxState::Sent);
        QCOMPARE(e.queueId, QStringLiteral("4XYZ"));
        QCOMPARE(e.sentCopy, Sync::SentCopyState::Pending);
        QVERIFY(e.recipients.at(0).accepted);
        QCOMPARE(e.recipients.at(0).replyCode, 250);
        QCOMPARE(e.recipients.at(0).status, QStringLiteral("2.0.0"));
        QCOMPARE(trackedState(e.sentMessageId, 0), Tracking::DeliveryState::Accepted);
        // Nothing left to do: a second flush connects to nobody.
        flush(*s);
        QCOMPARE(m_connections, 1);
    }

    void transmittingIsRecordedBeforeTheFinalDot()
    {
        const qint64 id = enqueue();
        m_scripts = { kAccepted };
        auto s = sender();
        // Observe the database when the job reaches the end of the data.
        OutboxState atFinalDot = OutboxState::Queued;
        s->setSmtpTransportFactory([&](QObject *parent) -> Net::Transport * {
            ++m_connections;
            auto *t = new ScriptedTransport(kAccepted, parent);
            connect(t, &Net::Transport::transcriptLine, this, [&, id](const QByteArray &line) {
                if (line == "C: .")
                    atFinalDot = entry(id).state;
            });
            return t;
        });
        flush(*s);
        QCOMPARE(atFinalDot, OutboxState::Transmitting);
        QCOMPARE(entry(id).state, OutboxState::Sent);
    }

    void partialAcceptanceIsSentAndRefusedRecipientRejected()
    {
        const qint64 id
            = enqueue({ QStringLiteral("bob@example.test"), QStringLiteral("x@elsewhere.test") });
        m_scripts = { greeting()
            + "C: MAIL FROM:<alice@example.test>\nS: 250 ok\nC: RCPT TO:<bob@example.test>\nS: 250 "
              "ok\n"
              "C: RCPT TO:<x@elsewhere.test>\nS: 550 5.7.1 <x@elsewhere.test>: Relay access "
              "denied\n"
              "C: DATA\nS: 354 go\nC: [payload "
            + QByteArray::number(kMessage.size())
            + " bytes]\nC: .\n"
              "S: 250 2.0.0 Ok: queued as 77\nC: QUIT\n" };
        auto s = sender();
        flush(*s);
        const auto e = entry(id);
        QCOMPARE(e.state, OutboxState::Sent);
        QVERIFY(e.recipients.at(0).accepted);
        QVERIFY(!e.recipients.at(1).accepted);
        QCOMPARE(e.recipients.at(1).replyCode, 550);
        QVERIFY(e.recipients.at(1).text.contains(QStringLiteral("Relay access denied")));
        QCOMPARE(trackedState(e.sentMessageId, 0), Tracking::DeliveryState::Accepted);
        QCOMPARE(trackedState(e.sentMessageId, 1), Tracking::DeliveryState::Rejected);
    }

    void temporaryFailuresBackOff_data()
    {
        QTest::addColumn<QByteArray>("script");
        QTest::newRow("connection-refused") << QByteArray("!refuse\n");
        QTest::newRow("greeting-421") << QByteArray("S: 421 4.3.2 Service shutting down\n");
        QTest::newRow("rcpt-450") << greeting()
                + "C: MAIL FROM:<alice@example.test>\nS: 250 ok\nC: RCPT TO:<bob@example.test>\n"
                  "S: 450 4.2.0 greylisted\nC: RSET\nS: 250 ok\nC: QUIT\n";
        QTest::newRow("data-451") << upToData()
                + "S: 451 4.3.0 Error: queue file write error\nC: QUIT\n";
        QTest::newRow("closed-during-auth")
            << QByteArray("S: 220 hi\nC: EHLO [127.0.0.1]\nS: 250 AUTH PLAIN\n!close\n");
    }

    void temporaryFailuresBackOff()
    {
        QFETCH(QByteArray, script);
        const qint64 id = enqueue();
        m_scripts = { script };
        auto s = sender();
        flush(*s);
        auto e = entry(id);
        QCOMPARE(e.state, OutboxState::Queued);
        QCOMPARE(e.attempts, 1);
        QCOMPARE(e.nextAttemptAt, m_now.addSecs(60));
        QVERIFY(!e.lastError.isEmpty());
        // Not due yet: no connection.
        m_now = m_now.addSecs(59);
        flush(*s);
        QCOMPARE(m_connections, 1);
        // Second failure doubles the wait.
        m_now = m_now.addSecs(1);
        m_scripts = { QByteArray("!refuse\n") };
        flush(*s);
        e = entry(id);
        QCOMPARE(e.attempts, 2);
        QCOMPARE(e.nextAttemptAt, m_now.addSecs(120));
        // Reachable again: sent exactly once.
        m_now = m_now.addSecs(120);
        m_scripts = { kAccepted };
        flush(*s);
        QCOMPARE(entry(id).state, OutboxState::Sent);
        QCOMPARE(m_connections, 3);
        m_now = m_now.addSecs(3600);
        flush(*s);
        QCOMPARE(m_connections, 3);
    }

    void flushNowIgnoresTheBackoff()
    {
        const qint64 id = enqueue();
        m_scripts = { QByteArray("!refuse\n"), kAccepted };
        auto s = sender();
        flush(*s);
        QCOMPARE(entry(id).state, OutboxState::Queued);
        s->setIgnoreBackoff(true);
        flush(*s);
        QCOMPARE(entry(id).state, OutboxState::Sent);
        QCOMPARE(m_connections, 2);
    }

    void retryDelays()
    {
        QCOMPARE(Sync::retryDelayMs(1), qint64(60'000));
        QCOMPARE(Sync::retryDelayMs(2), qint64(120'000));
        QCOMPARE(Sync::retryDelayMs(5), qint64(960'000));
        QCOMPARE(Sync::retryDelayMs(7), qint64(3'600'000));
        QCOMPARE(Sync::retryDelayMs(100), qint64(3'600'000));
    }

    void permanentRefusals_data()
    {
        QTest::addColumn<QByteArray>("script");
        QTest::addColumn<QString>("serverWords");
        QTest::newRow("rcpt-550-only-recipient") << greeting()
                + "C: MAIL FROM:<alice@example.test>\nS: 250 ok\nC: RCPT TO:<bob@example.test>\n"
                  "S: 550 5.1.1 <bob@example.test>: Recipient address rejected: User unknown\nC: "
                  "RSET\nS: 250 ok\nC: QUIT\n" << QStringLiteral("User unknown");
        QTest::newRow("mail-553") << greeting()
                + "C: MAIL FROM:<alice@example.test>\nS: 553 5.7.1 Sender address rejected: not "
                  "owned by user\nC: QUIT\n"
                                  << QStringLiteral("not owned by user");
        QTest::newRow("data-554") << upToData() + "S: 554 5.7.1 Spam message rejected\nC: QUIT\n"
                                  << QStringLiteral("Spam message rejected");
    }

    void permanentRefusals()
    {
        QFETCH(QByteArray, script);
        QFETCH(QString, serverWords);
        const qint64 id = enqueue();
        m_scripts = { script };
        auto s = sender();
        flush(*s);
        const auto e = entry(id);
        QCOMPARE(e.state, OutboxState::Failed);
        QVERIFY2(e.lastError.contains(serverWords), qPrintable(e.lastError));
        QCOMPARE(trackedState(e.sentMessageId, 0), Tracking::DeliveryState::Rejected);
        // Never retried automatically, still listed.
        m_now = m_now.addDays(1);
        flush(*s);
        QCOMPARE(m_connections, 1);
        QCOMPARE(Sync::OutboxStore(m_db->connection()).list().size(), 1);
    }

    void connectionCutAfterFinalDotIsUncertainAndNotResent()
    {
        const qint64 id = enqueue();
        m_scripts = { upToData() + "!close\n" };
        auto s = sender();
        flush(*s);
        auto e = entry(id);
        QCOMPARE(e.state, OutboxState::Uncertain);
        QVERIFY2(
            e.lastError.contains(QStringLiteral("may have been sent")), qPrintable(e.lastError));
        QCOMPARE(trackedState(e.sentMessageId, 0), Tracking::DeliveryState::Queued);
        m_now = m_now.addDays(2);
        flush(*s);
        QCOMPARE(m_connections, 1);
        // The user decides to resend.
        Sync::OutboxStore store(m_db->connection(), [this] { return m_now; });
        QVERIFY(store.resend(id));
        m_scripts = { kAccepted };
        flush(*s);
        QCOMPARE(entry(id).state, OutboxState::Sent);
        QCOMPARE(m_connections, 2);
    }

    void closeRightAfterTheSmallPayloadIsUncertain()
    {
        // A small message and its final dot leave in one go after 354; a close seen after
        // that cannot be told apart from a lost reply.
        const qint64 id = enqueue();
        m_scripts = { greeting()
            + "C: MAIL FROM:<alice@example.test>\nS: 250 ok\nC: RCPT TO:<bob@example.test>\nS: 250 "
              "ok\n"
              "C: DATA\nS: 354 go\n!close\n" };
        auto s = sender();
        flush(*s);
        QCOMPARE(entry(id).state, OutboxState::Uncertain);
    }

    void crashWhileTransmittingIsUncertainAtStartUp()
    {
        const qint64 id = enqueue();
        Sync::OutboxStore store(m_db->connection(), [this] { return m_now; });
        QVERIFY(store.markTransmitting(id)); // what a crashed process left behind
        // Issue 15 §5: while its lease lives, the row may be another process sending now.
        {
            auto early = sender();
            QCOMPARE(flush(*early).recovered, 0);
            QCOMPARE(entry(id).state, OutboxState::Transmitting);
        }
        m_now = m_now.addMSecs(Sync::kOutboxLeaseMs);
        auto s = sender();
        m_scripts = { kAccepted };
        const auto report = flush(*s);
        QCOMPARE(report.recovered, 1);
        QCOMPARE(m_connections, 0);
        QCOMPARE(entry(id).state, OutboxState::Uncertain);
        QVERIFY(store.markSent(id));
        QCOMPARE(entry(id).state, OutboxState::Sent);
        QCOMPARE(entry(id).sentCopy, Sync::SentCopyState::Pending);
        QVERIFY(!store.resend(id)); // sent is final
    }

    void reportWithNullSenderIsNotTracked()
    {
        // An MDN goes out with MAIL FROM:<> (RFC 8098 §2.1; RFC 5321 §4.5.5) and no DSN request.
        Sync::OutboxStore store(m_db->connection(), [this] { return m_now; });
        Sync::OutboxMessage m;
        m.account = QStringLiteral("alice");
        m.bytes = kMessage;
        m.messageId = "<mdn1@example.test>";
        m.envelope = Smtp::Envelope::simple(QString(), { QStringLiteral("bob@example.test") });
        m.envelope.requestDsn = false;
        m.track = false;
        const auto id = store.enqueue(m);
        QVERIFY2(id, qPrintable(store.lastError()));
        QCOMPARE(entry(*id).sentMessageId, qint64(0));
        QVERIFY(Tracking::TrackingStore(m_db->connection()).messages().isEmpty());
        m_scripts = { greeting()
            + "C: MAIL FROM:<>\nS: 250 ok\nC: RCPT TO:<bob@example.test>\nS: 250 ok\n"
              "C: DATA\nS: 354 go\nC: [payload "
            + QByteArray::number(kMessage.size())
            + " bytes]\nC: .\n"
              "S: 250 2.0.0 Ok: queued as 9\nC: QUIT\n" };
        auto s = sender();
        flush(*s);
        QVERIFY2(m_mismatches.isEmpty(), qPrintable(m_mismatches.join(QLatin1Char('\n'))));
        QCOMPARE(entry(*id).state, OutboxState::Sent);
    }

    void anotherProcessClaimedTheMessage()
    {
        // Two flushes of the same outbox: the other one reached the data first. This one
        // must not send the data and must not touch the state.
        const qint64 id = enqueue();
        auto s = sender();
        s->setSmtpTransportFactory([&](QObject *parent) -> Net::Transport * {
            ++m_connections;
            QSqlQuery q(m_db->connection());
            q.exec(
                QStringLiteral("UPDATE outbox SET state = 'transmitting' WHERE id = %1").arg(id));
            return new ScriptedTransport(greeting()
                    + "C: MAIL FROM:<alice@example.test>\nS: 250 ok\nC: RCPT "
                      "TO:<bob@example.test>\n"
                      "S: 250 ok\nC: DATA\nS: 354 go\n",
                parent);
        });
        // The due list is read before the factory runs, so the message is picked up.
        flush(*s);
        QCOMPARE(m_connections, 1);
        QCOMPARE(entry(id).state, OutboxState::Transmitting);
        QCOMPARE(entry(id).attempts, 0);
    }

    void discardRemovesButKeepsTracking()
    {
        const qint64 id = enqueue();
        const qint64 sentId = entry(id).sentMessageId;
        Sync::OutboxStore store(m_db->connection(), [this] { return m_now; });
        QVERIFY(store.discard(id));
        QVERIFY(!store.entry(id));
        QVERIFY(!store.discard(id));
        const auto tracked = Tracking::TrackingStore(m_db->connection()).message(sentId);
        QVERIFY(tracked);
        // Issue 15 §5: "discarded by you" in the timeline; no longer queued.
        QCOMPARE(trackedState(sentId, 0), Tracking::DeliveryState::Rejected);
        const QList<Tracking::Evidence> events = tracked->recipients.at(0).events();
        QCOMPARE(events.size(), 2);
        QCOMPARE(events.last().source, Tracking::EvidenceSource::Outbox);
        QCOMPARE(events.last().diagnostic, QStringLiteral("discarded by you"));
        QCOMPARE(Tracking::describeEvidence(events.last()), QStringLiteral("Discarded by you; it was not sent."));
    }

    void markSentLeavesEvidence()
    {
        const qint64 id = enqueue();
        m_scripts = { upToData() + "!close\n" };
        auto s = sender();
        flush(*s);
        QCOMPARE(entry(id).state, OutboxState::Uncertain);
        Sync::OutboxStore store(m_db->connection(), [this] { return m_now; });
        QVERIFY2(store.markSent(id), qPrintable(store.lastError()));
        const auto tracked = Tracking::TrackingStore(m_db->connection()).message(entry(id).sentMessageId);
        QVERIFY(tracked);
        const Tracking::Evidence last = tracked->recipients.at(0).events().last();
        QCOMPARE(last.kind, Tracking::EvidenceKind::SubmissionAccepted);
        QCOMPARE(last.diagnostic, QStringLiteral("marked as sent by you"));
        QCOMPARE(Tracking::describeEvidence(last), QStringLiteral("Marked as sent by you."));
        QCOMPARE(trackedState(entry(id).sentMessageId, 0), Tracking::DeliveryState::Accepted);
    }

    /// Issue 15 §5: a lease keeps other senders away until it runs out.
    void leaseKeepsAnotherSenderAway()
    {
        const qint64 id = enqueue();
        Sync::OutboxStore other(m_db->connection(), [this] { return m_now; }, QStringLiteral("other-process"));
        QVERIFY(other.claim(id));
        QCOMPARE(entry(id).leaseOwner, QStringLiteral("other-process"));
        QVERIFY(other.claim(id)); // its own lease, again
        auto s = sender();
        s->setIgnoreBackoff(true);
        flush(*s);
        QCOMPARE(m_connections, 0); // not ours: not even a connection
        QCOMPARE(entry(id).state, OutboxState::Queued);
        Sync::OutboxStore third(m_db->connection(), [this] { return m_now; });
        QVERIFY(!third.claim(id));
        QVERIFY(!third.discard(id)); // being sent by someone else
        QVERIFY(!third.markTransmitting(id));
        QVERIFY(!third.release(id));
        // The other process died: its lease runs out, and the message goes out once.
        m_now = m_now.addMSecs(Sync::kOutboxLeaseMs);
        m_scripts = { kAccepted };
        flush(*s);
        QCOMPARE(entry(id).state, OutboxState::Sent);
        QCOMPARE(entry(id).leaseOwner, QString());
        QCOMPARE(m_connections, 1);
        // A state change by the stale owner is refused (compare-and-set).
        QVERIFY(!other.scheduleRetry(id, QStringLiteral("late")));
        QVERIFY(!other.recordFailed(id, QStringLiteral("late"), {}));
        QCOMPARE(entry(id).state, OutboxState::Sent);
    }

    /// Issue 15 §5: a recipient refused temporarily at RCPT while another is accepted is
    /// retried alone, with the same Message-ID, until it is accepted.
    void deferredRecipientIsRetriedAlone()
    {
        const qint64 id = enqueue({ QStringLiteral("bob@example.test"), QStringLiteral("carol@example.test") });
        const QByteArray payload = "C: DATA\nS: 354 go\nC: [payload " + QByteArray::number(kMessage.size())
            + " bytes]\nC: .\nS: 250 2.0.0 Ok: queued as 1\nC: QUIT\n";
        m_scripts = { greeting()
            + "C: MAIL FROM:<alice@example.test>\nS: 250 ok\n"
              "C: RCPT TO:<bob@example.test>\nS: 250 ok\n"
              "C: RCPT TO:<carol@example.test>\n"
              "S: 452 4.2.2 <carol@example.test>: mailbox full, try later\n"
            + payload };
        auto s = sender();
        flush(*s);
        QVERIFY2(m_mismatches.isEmpty(), qPrintable(m_mismatches.join(QLatin1Char('\n'))));
        const auto first = entry(id);
        QCOMPARE(first.state, OutboxState::Sent);
        QVERIFY(!first.recipients.at(1).accepted);
        const QList<Sync::OutboxEntry> all = Sync::OutboxStore(m_db->connection()).list();
        QCOMPARE(all.size(), 2);
        const Sync::OutboxEntry retry = entry(all.last().id);
        QCOMPARE(retry.retryOf, id);
        QCOMPARE(retry.state, OutboxState::Queued);
        QCOMPARE(retry.messageId, first.messageId);
        QCOMPARE(retry.envid, first.envid);
        QCOMPARE(retry.bytes, first.bytes);
        QCOMPARE(retry.sentMessageId, first.sentMessageId);
        QCOMPARE(retry.recipients.size(), 1);
        QCOMPARE(retry.recipients.first().address, QStringLiteral("carol@example.test"));
        QCOMPARE(retry.nextAttemptAt, m_now.addSecs(60));
        QCOMPARE(retry.expiresAt, m_now.addMSecs(Sync::kQueueLifetimeMs));
        QVERIFY2(retry.lastError.contains(QStringLiteral("452")), qPrintable(retry.lastError));
        QCOMPARE(retry.sentCopy, Sync::SentCopyState::None);
        QCOMPARE(trackedState(first.sentMessageId, 0), Tracking::DeliveryState::Accepted);
        QCOMPARE(trackedState(first.sentMessageId, 1), Tracking::DeliveryState::Queued);
        auto tracked = Tracking::TrackingStore(m_db->connection()).message(first.sentMessageId);
        const Tracking::Evidence deferred = tracked->recipients.at(1).events().last();
        QCOMPARE(deferred.kind, Tracking::EvidenceKind::Queued);
        QCOMPARE(deferred.replyCode, 452);
        QVERIFY2(Tracking::describeEvidence(deferred).startsWith(
                     QStringLiteral("Deferred by your mail server: 452 4.2.2")),
                 qPrintable(Tracking::describeEvidence(deferred)));

        // Not due yet; then only carol is sent to.
        flush(*s);
        QCOMPARE(m_connections, 1);
        m_now = m_now.addSecs(60);
        m_scripts = { greeting()
            + "C: MAIL FROM:<alice@example.test>\nS: 250 ok\n"
              "C: RCPT TO:<carol@example.test>\nS: 250 ok\n"
            + payload };
        flush(*s);
        QVERIFY2(m_mismatches.isEmpty(), qPrintable(m_mismatches.join(QLatin1Char('\n'))));
        QCOMPARE(m_connections, 2);
        QCOMPARE(entry(retry.id).state, OutboxState::Sent);
        QCOMPARE(entry(retry.id).sentCopy, Sync::SentCopyState::None); // the first row's copy
        QCOMPARE(Sync::OutboxStore(m_db->connection()).list().size(), 2);
        QCOMPARE(trackedState(first.sentMessageId, 1), Tracking::DeliveryState::Accepted);
        tracked = Tracking::TrackingStore(m_db->connection()).message(first.sentMessageId);
        QCOMPARE(tracked->recipients.at(1).events().size(), 3); // queued, deferred, accepted
        QCOMPARE(tracked->recipients.at(0).events().size(), 2); // bob: queued, accepted
    }

    /// Deferred again and again: given up at the end of the queue lifetime, with the reason.
    void deferredRecipientIsGivenUpAfterTheLifetime()
    {
        const qint64 id = enqueue({ QStringLiteral("bob@example.test"), QStringLiteral("carol@example.test") });
        const QByteArray payload = "C: DATA\nS: 354 go\nC: [payload " + QByteArray::number(kMessage.size())
            + " bytes]\nC: .\nS: 250 2.0.0 Ok: queued as 1\nC: QUIT\n";
        const QByteArray carolDeferred = greeting()
            + "C: MAIL FROM:<alice@example.test>\nS: 250 ok\nC: RCPT TO:<carol@example.test>\n"
              "S: 450 4.1.1 <carol@example.test>: try later\nC: RSET\nS: 250 ok\nC: QUIT\n";
        m_scripts = { greeting()
            + "C: MAIL FROM:<alice@example.test>\nS: 250 ok\nC: RCPT TO:<bob@example.test>\nS: 250 ok\n"
              "C: RCPT TO:<carol@example.test>\nS: 450 4.1.1 <carol@example.test>: try later\n"
            + payload, carolDeferred, carolDeferred };
        auto s = sender();
        s->setIgnoreBackoff(true);
        flush(*s);
        const qint64 retryId = Sync::OutboxStore(m_db->connection()).list().last().id;
        QVERIFY(retryId != id);
        flush(*s); // deferred again: still queued, one more event
        QCOMPARE(entry(retryId).state, OutboxState::Queued);
        QCOMPARE(entry(retryId).attempts, 2);
        const qint64 sentId = entry(id).sentMessageId;
        QCOMPARE(trackedState(sentId, 1), Tracking::DeliveryState::Queued);
        m_now = m_now.addMSecs(Sync::kQueueLifetimeMs);
        flush(*s);
        QVERIFY2(m_mismatches.isEmpty(), qPrintable(m_mismatches.join(QLatin1Char('\n'))));
        const auto given = entry(retryId);
        QCOMPARE(given.state, OutboxState::Failed);
        QVERIFY2(given.lastError.contains(QStringLiteral("queue lifetime")), qPrintable(given.lastError));
        QCOMPARE(trackedState(sentId, 1), Tracking::DeliveryState::Rejected);
        QCOMPARE(trackedState(sentId, 0), Tracking::DeliveryState::Accepted);
        const auto tracked = Tracking::TrackingStore(m_db->connection()).message(sentId);
        QStringList details;
        for (const Tracking::Evidence &e : tracked->recipients.at(1).events())
            details.append(Tracking::describeEvidence(e));
        QCOMPARE(details.size(), 4); // queued, deferred, deferred, given up
        QVERIFY2(details.at(1).startsWith(QStringLiteral("Deferred by your mail server: 450 4.1.1")),
                 qPrintable(details.join(QLatin1Char('|'))));
        QVERIFY2(details.at(2).startsWith(QStringLiteral("Deferred by your mail server: 450 4.1.1")),
                 qPrintable(details.join(QLatin1Char('|'))));
        QVERIFY2(details.at(3).startsWith(QStringLiteral("Refused by the outgoing mail server")),
                 qPrintable(details.join(QLatin1Char('|'))));
    }

    void sentCopyRetryIsSeparateFromSmtp()
    {
        const qint64 id = enqueue();
        m_scripts = { kAccepted };
        auto s = sender();
        s->setSentCopyEnabled(true);
        s->setImapTransportFactory([](QObject *parent) -> Net::Transport * {
            return new ScriptedTransport("!refuse\n", parent);
        });
        const auto report = flush(*s);
        QVERIFY(!report.sentCopyError.isEmpty());
        auto e = entry(id);
        QCOMPARE(e.state, OutboxState::Sent);
        QCOMPARE(e.sentCopy, Sync::SentCopyState::Pending);
        QCOMPARE(e.sentCopyAttempts, 1);
        // Not due before the backoff; then tried again without a second submission.
        flush(*s);
        QCOMPARE(entry(id).sentCopyAttempts, 1);
        m_now = m_now.addSecs(61);
        flush(*s);
        e = entry(id);
        QCOMPARE(e.sentCopyAttempts, 2);
        QCOMPARE(e.state, OutboxState::Sent);
        QCOMPARE(m_connections, 1);
    }
};

QTEST_GUILESS_MAIN(OutboxTest)
#include "OutboxTest.moc"
