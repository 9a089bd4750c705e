// SPDX-License-Identifier: GPL-3.0-or-later
// Sync::OutboxQueue, the outbox as the GUI's Outbox dialog and `mailtrail-cli outbox` show it
// (issue 16): what still waits, and the user's decisions — resend, mark as sent, discard —
// each with its timeline evidence, over a profile database in a temporary directory. The
// rows get their states from the OutboxStore calls the sender makes.
#include "sync/OutboxQueue.h"

#include "store/Database.h"
#include "sync/Outbox.h"
#include "tracking/TrackingStore.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Mailtrail;
using Sync::OutboxState;
using Sync::SentCopyState;

class OutboxQueueTest : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store::Database> m_db;
    QDateTime m_now = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);

    Sync::OutboxStore store() const { return Sync::OutboxStore(m_db->connection(), [this] { return m_now; }); }

    qint64 enqueue(const QString &account, const QString &subject)
    {
        Sync::OutboxMessage m;
        m.account = account;
        m.subject = subject;
        m.messageId = "<" + subject.toLatin1() + "@example.test>";
        m.bytes = "From: alice@example.test\r\nTo: bob@example.test\r\nSubject: " + subject.toLatin1()
            + "\r\nMessage-ID: " + m.messageId + "\r\n\r\nHello.\r\n";
        m.envelope = Smtp::Envelope::simple(QStringLiteral("alice@example.test"), {QStringLiteral("bob@example.test")});
        return store().enqueue(m).value_or(0);
    }

    /// The connection was cut after the final dot: "may have been sent".
    bool makeUncertain(qint64 id)
    {
        Sync::OutboxStore sender = store();
        return sender.claim(id) && sender.markTransmitting(id) && sender.markUncertain(id, QStringLiteral("cut"));
    }

    QList<qint64> ids(const QList<Sync::OutboxEntry> &entries) const
    {
        QList<qint64> out;
        for (const Sync::OutboxEntry &e : entries)
            out.append(e.id);
        return out;
    }

    Tracking::Evidence lastEvent(qint64 outboxId) const
    {
        const qint64 sent = store().entry(outboxId).value_or(Sync::OutboxEntry{}).sentMessageId;
        const auto tracked = Tracking::TrackingStore(m_db->connection()).message(sent);
        if (!tracked || tracked->recipients.isEmpty() || tracked->recipients.first().events().isEmpty())
            return {};
        return tracked->recipients.first().events().last();
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_db = std::make_unique<Store::Database>();
        QCOMPARE(m_db->open(m_dir.filePath(QStringLiteral("%1.sqlite").arg(QString::fromLatin1(QTest::currentTestFunction())))),
                 QString());
    }

    void cleanup() { m_db.reset(); }

    void listsByAccountOldestFirst()
    {
        const qint64 a = enqueue(QStringLiteral("work"), QStringLiteral("first"));
        m_now = m_now.addSecs(60);
        const qint64 b = enqueue(QStringLiteral("home"), QStringLiteral("second"));
        m_now = m_now.addSecs(60);
        const qint64 c = enqueue(QStringLiteral("work"), QStringLiteral("third"));
        const Sync::OutboxQueue queue(m_db->connection());
        QCOMPARE(ids(queue.list()), (QList<qint64>{a, b, c}));
        QCOMPARE(ids(queue.list(QStringLiteral("work"))), (QList<qint64>{a, c}));
        QVERIFY(queue.list(QStringLiteral("nobody")).isEmpty());
        QCOMPARE(queue.entry(b)->subject, QStringLiteral("second"));
        QVERIFY(!queue.entry(999999));
    }

    /// A sent message stays in view while its Sent-folder copy is pending, not after.
    void waitingHidesSentMessagesWithTheirCopyDone()
    {
        const qint64 queued = enqueue(QStringLiteral("work"), QStringLiteral("queued"));
        const qint64 uncertain = enqueue(QStringLiteral("work"), QStringLiteral("uncertain"));
        const qint64 sent = enqueue(QStringLiteral("work"), QStringLiteral("sent"));
        QVERIFY(makeUncertain(uncertain));
        QVERIFY(makeUncertain(sent));
        Sync::OutboxQueue queue(m_db->connection());
        QCOMPARE(queue.markSent(sent), QString());
        QCOMPARE(queue.entry(sent)->state, OutboxState::Sent);
        QCOMPARE(queue.entry(sent)->sentCopy, SentCopyState::Pending);
        QCOMPARE(ids(queue.waiting()), (QList<qint64>{queued, uncertain, sent}));
        QVERIFY(store().markSentCopyDone(sent));
        QCOMPARE(ids(queue.waiting()), (QList<qint64>{queued, uncertain}));
        QCOMPARE(queue.list().size(), 3); // the CLI still lists it
    }

    void resendPutsAnUncertainMessageBackInTheQueue()
    {
        const qint64 id = enqueue(QStringLiteral("work"), QStringLiteral("again"));
        QVERIFY(makeUncertain(id));
        Sync::OutboxQueue queue(m_db->connection());
        QCOMPARE(queue.resend(id), QString());
        QCOMPARE(queue.entry(id)->state, OutboxState::Queued);
        // A queued message is not the user's to resend: an error, nothing changed.
        const QString error = queue.resend(id);
        QVERIFY(!error.isEmpty());
        QVERIFY2(error.contains(QLatin1String("not uncertain or failed")), qPrintable(error));
        QCOMPARE(queue.entry(id)->state, OutboxState::Queued);
    }

    void markSentLeavesEvidence()
    {
        const qint64 id = enqueue(QStringLiteral("work"), QStringLiteral("went"));
        QVERIFY(makeUncertain(id));
        Sync::OutboxQueue queue(m_db->connection());
        QCOMPARE(queue.markSent(id), QString());
        const Tracking::Evidence last = lastEvent(id);
        QCOMPARE(last.kind, Tracking::EvidenceKind::SubmissionAccepted);
        QCOMPARE(last.diagnostic, QStringLiteral("marked as sent by you"));
    }

    void discardRemovesTheMessageAndKeepsItsTimeline()
    {
        const qint64 id = enqueue(QStringLiteral("work"), QStringLiteral("gone"));
        const qint64 sentMessageId = store().entry(id)->sentMessageId;
        Sync::OutboxQueue queue(m_db->connection());
        QCOMPARE(queue.discard(id), QString());
        QVERIFY(!queue.entry(id));
        const auto tracked = Tracking::TrackingStore(m_db->connection()).message(sentMessageId);
        QVERIFY(tracked);
        QCOMPARE(tracked->recipients.first().events().last().diagnostic, QStringLiteral("discarded by you"));
        // Twice, or an id that never was: an error in words.
        QVERIFY(!queue.discard(id).isEmpty());
        QVERIFY(!queue.discard(999999).isEmpty());
        QVERIFY(!queue.markSent(999999).isEmpty());
    }

    void aMessageBeingTransmittedCannotBeDiscarded()
    {
        const qint64 id = enqueue(QStringLiteral("work"), QStringLiteral("busy"));
        Sync::OutboxStore sender(m_db->connection(), [this] { return m_now; }, QStringLiteral("other-process"));
        QVERIFY(sender.claim(id));
        QVERIFY(sender.markTransmitting(id));
        Sync::OutboxQueue queue(m_db->connection());
        QVERIFY(!queue.discard(id).isEmpty());
        QCOMPARE(queue.entry(id)->state, OutboxState::Transmitting);
    }
};

QTEST_GUILESS_MAIN(OutboxQueueTest)
#include "OutboxQueueTest.moc"
