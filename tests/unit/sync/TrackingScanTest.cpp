// SPDX-License-Identifier: GPL-3.0-or-later
// The tracking scan over a scripted IMAP server: candidates in several folders, a fetch the
// server refuses (looked at again next time), a cached report, a reply from headers only.
#include "LocalCache.h"
#include "ScriptedTransport.h"
#include "TrackingFixture.h"
#include "imap/Session.h"
#include "store/AccountRepository.h"
#include "store/Database.h"
#include "store/FolderRepository.h"
#include "store/MessageRecord.h"
#include "store/MessageRepository.h"
#include "store/Sqlite_p.h"
#include "sync/Outbox.h"
#include "sync/SentElsewhere.h"
#include "sync/TrackingScan.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

#include <utility>

using namespace Mailtrail;
using namespace Mailtrail::Tracking;

namespace {

const QByteArray kLogin =
    "S: * OK [CAPABILITY IMAP4rev1 SASL-IR ENABLE IDLE LITERAL+ AUTH=PLAIN] Dovecot ready.\n"
    "C: a1 AUTHENTICATE PLAIN <redacted>\n"
    "S: a1 OK [CAPABILITY IMAP4rev1 ENABLE IDLE UIDPLUS LITERAL+] Logged in\n";

QByteArray fetchReply(const QByteArray &tag, quint32 uid, const QByteArray &raw)
{
    // The literal in the script format: each "S:" line ends in CRLF on the wire.
    QByteArray body = raw;
    if (body.endsWith('\n'))
        body.chop(1);
    QByteArray lines;
    qsizetype size = 0;
    for (const QByteArray &line : body.split('\n')) {
        lines += "S: " + line + '\n';
        size += line.size() + 2;
    }
    return "C: " + tag + " UID FETCH " + QByteArray::number(uid) + " (UID BODY.PEEK[])\n"
        + "S: * 1 FETCH (UID " + QByteArray::number(uid) + " BODY[] {" + QByteArray::number(size) + "}\n"
        + lines + "S: )\n" + "S: " + tag + " OK Fetch completed\n";
}

Store::MessageRecord record(quint32 uid, bool report, const QString &subject)
{
    Store::MessageRecord r;
    r.uid = uid;
    r.subject = subject;
    r.looksLikeReport = report;
    r.fromAddress = report ? QStringLiteral("MAILER-DAEMON@mail.example.test") : QStringLiteral("bob@example.test");
    r.date = QDateTime(QDate(2026, 3, 2), QTime(10, 5), Qt::UTC).toSecsSinceEpoch();
    return r;
}

/// Counts the virtual-machine steps of every statement a connection finishes: a measure of
/// how many rows SQLite walked, independent of the machine's speed.
class StepCounter
{
public:
    explicit StepCounter(const QSqlDatabase &db) : m_handle(Store::Sqlite::handle(db))
    {
        sqlite3_trace_v2(m_handle, SQLITE_TRACE_PROFILE, &StepCounter::onProfile, this);
    }
    ~StepCounter() { sqlite3_trace_v2(m_handle, 0, nullptr, nullptr); }
    StepCounter(const StepCounter &) = delete;
    StepCounter &operator=(const StepCounter &) = delete;

    qint64 take() { return std::exchange(m_steps, 0); }

private:
    static int onProfile(unsigned, void *context, void *statement, void *)
    {
        static_cast<StepCounter *>(context)->m_steps +=
            sqlite3_stmt_status(static_cast<sqlite3_stmt *>(statement), SQLITE_STMTSTATUS_VM_STEP, 1);
        return 0;
    }

    sqlite3 *m_handle = nullptr;
    qint64 m_steps = 0;
};

} // namespace

class TrackingScanScriptTest : public QObject
{
    Q_OBJECT

    Store::Database m_db;
    qint64 m_accountId = 0;
    qint64 m_sent = 0;

    Sync::TrackingScanReport scan(const QByteArray &script, QStringList *mismatches)
    {
        return scanOn(m_db, m_accountId, script, mismatches);
    }

    static Sync::TrackingScanReport scanOn(Store::Database &db, qint64 accountId, const QByteArray &script,
                                           QStringList *mismatches)
    {
        Test::ScriptedTransport transport(script);
        Imap::Session session(&transport);
        QSignalSpy ready(&session, &Imap::Session::ready);
        Net::Endpoint endpoint;
        endpoint.host = QStringLiteral("127.0.0.1");
        endpoint.port = 993;
        endpoint.security = Net::Security::ImplicitTls;
        session.open(endpoint, {QStringLiteral("alice@example.test"), QStringLiteral("secret")});
        if (!ready.wait())
            return {{}, {}, {}, {}, {}, {}, {QStringLiteral("no session")}};
        Sync::TrackingScan scanner(&session, db.connection(), accountId, QStringLiteral("alice"));
        QSignalSpy finished(&scanner, &Sync::TrackingScan::finished);
        scanner.start();
        if (finished.isEmpty() && !finished.wait())
            return {{}, {}, {}, {}, {}, {}, {QStringLiteral("scan did not finish")}};
        *mismatches = transport.mismatches();
        return finished.first().first().value<Sync::TrackingScanReport>();
    }

    /// A new in-memory profile with alice's account and its INBOX.
    static QString openProfile(Store::Database &db, Store::Account *account, Store::Folder *inbox)
    {
        if (QString error = db.open(QStringLiteral(":memory:")); !error.isEmpty())
            return error;
        *account = Test::localAccount(QStringLiteral("alice"), QStringLiteral("alice@example.test"));
        if (QString error = Store::AccountRepository(db.connection()).add(*account); !error.isEmpty())
            return error;
        return Test::addFolder(db.connection(), account->id, QStringLiteral("INBOX"), inbox);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCOMPARE(m_db.open(QStringLiteral(":memory:")), QString());
        Store::Account account = Test::localAccount(QStringLiteral("alice"), QStringLiteral("alice@example.test"));
        QCOMPARE(Store::AccountRepository(m_db.connection()).add(account), QString());
        m_accountId = account.id;

        Store::Folder inbox;
        QCOMPARE(Test::addFolder(m_db.connection(), m_accountId, QStringLiteral("INBOX"), &inbox), QString());
        Store::Folder reports;
        QCOMPARE(Test::addFolder(m_db.connection(), m_accountId, QStringLiteral("Reports"), &reports), QString());

        Store::MessageRepository messages(m_db.connection());
        Store::MessageRecord reply = record(8, false, QStringLiteral("Re: Three outcomes"));
        reply.messageId = QStringLiteral("<re-8@example.test>");
        reply.inReplyTo = QStringLiteral("<three@example.test>");
        QCOMPARE(messages.upsert(inbox.id, {record(7, true, QStringLiteral("Undelivered Mail")), reply}), QString());
        QCOMPARE(messages.upsert(reports.id, {record(3, true, QStringLiteral("Delivery Status Notification"))}), QString());

        TrackingStore store(m_db.connection());
        m_sent = Test::addThreeOutcomesMessage(store, QDateTime(QDate(2026, 3, 2), QTime(10, 0), Qt::UTC));
        QVERIFY(m_sent > 0);
    }

    void refusedFetchIsRetriedNextTime()
    {
        // INBOX: the server refuses the fetch of uid 7. Reports: uid 3 is the three-outcome DSN.
        const QByteArray dsn = Test::trackingFixture(QStringLiteral("postfix-three-outcomes.eml"));
        QVERIFY(!dsn.isEmpty());
        QStringList mismatches;
        const Sync::TrackingScanReport first = scan(
            kLogin + "C: a2 EXAMINE INBOX\nS: * 2 EXISTS\nS: a2 OK [READ-ONLY] Examine completed\n"
                     "C: a3 UID FETCH 7 (UID BODY.PEEK[])\nS: a3 NO [UNAVAILABLE] Try again later\n"
                     "C: a4 EXAMINE Reports\nS: * 1 EXISTS\nS: a4 OK [READ-ONLY] Examine completed\n"
                + fetchReply("a5", 3, dsn),
            &mismatches);
        QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(QLatin1Char('\n'))));
        QCOMPARE(first.errors.size(), 1);
        QVERIFY2(first.errors.first().contains(QStringLiteral("INBOX/7")), qPrintable(first.errors.first()));
        QCOMPARE(first.reportsRead, 1);
        QCOMPARE(first.matched, 1);
        QCOMPARE(first.eventsAdded, 3);
        QCOMPARE(first.replies, 1);

        const auto m = TrackingStore(m_db.connection()).message(m_sent);
        const QDateTime now(QDate(2026, 3, 2), QTime(12, 0), Qt::UTC);
        QCOMPARE(m->recipients.at(0).state(now), DeliveryState::Replied);
        QCOMPARE(m->recipients.at(1).state(now), DeliveryState::Delayed);
        QCOMPARE(m->recipients.at(2).state(now), DeliveryState::Failed);
        // The report keeps where it was first seen.
        QCOMPARE(TrackingStore(m_db.connection()).report(m->recipients.at(2).events().last().reportId)->origin,
                 QStringLiteral("alice/Reports/3"));

        // Next time only INBOX/7 is looked at again (uid 3 and the reply are done); it turns
        // out to be no report at all.
        const Sync::TrackingScanReport second = scan(
            kLogin + "C: a2 EXAMINE INBOX\nS: * 2 EXISTS\nS: a2 OK [READ-ONLY] Examine completed\n"
                + fetchReply("a3", 7, "From: someone@example.test\nSubject: Undelivered Mail\n\nJust a joke.\n"),
            &mismatches);
        QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(QLatin1Char('\n'))));
        QVERIFY(second.errors.isEmpty());
        QCOMPARE(second.reportsRead, 1);
        QCOMPARE(second.notEvidence, 1);
        QCOMPARE(second.eventsAdded, 0);
        QCOMPARE(second.replies, 0);
    }

    void folderThatCannotBeOpened()
    {
        Store::Folder gone;
        gone.accountId = m_accountId;
        gone.name = QStringLiteral("Gone");
        gone.wireName = "Gone";
        QCOMPARE(Store::FolderRepository(m_db.connection()).upsert(gone), QString());
        QCOMPARE(Store::MessageRepository(m_db.connection()).upsert(gone.id, {record(1, true, QStringLiteral("Returned mail"))}), QString());
        QStringList mismatches;
        const Sync::TrackingScanReport report = scan(
            kLogin + "C: a2 EXAMINE Gone\nS: a2 NO [NONEXISTENT] Mailbox doesn't exist\n", &mismatches);
        QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(QLatin1Char('\n'))));
        QCOMPARE(report.errors.size(), 1);
        QVERIFY(report.errors.first().contains(QStringLiteral("Gone: cannot open the folder")));
        QCOMPARE(report.reportsRead, 0);
    }

    void ownMdnsAreNotReports()
    {
        // The Sent copies of read receipts we sent: one known by its Message-ID (the outbox),
        // one a multipart/report from our own address. Neither is fetched nor listed.
        Store::Folder sent;
        sent.accountId = m_accountId;
        sent.name = QStringLiteral("Sent");
        sent.wireName = "Sent";
        sent.specialUse = QStringLiteral("\\Sent");
        QCOMPARE(Store::FolderRepository(m_db.connection()).upsert(sent), QString());
        Sync::OutboxMessage mdn;
        mdn.account = QStringLiteral("alice");
        mdn.bytes = "From: alice@example.test\r\n\r\nRead.\r\n";
        mdn.messageId = "<mdn-1@example.test>";
        mdn.envelope.requestDsn = false;
        mdn.envelope.recipients = {{QStringLiteral("bob@example.test"), Smtp::DsnNotify::never(), {}}};
        mdn.track = false;
        QVERIFY(Sync::OutboxStore(m_db.connection()).enqueue(mdn));
        Store::MessageRecord known = record(1, true, QStringLiteral("Read: Minutes"));
        known.messageId = QStringLiteral("<mdn-1@example.test>");
        known.fromAddress = QStringLiteral("bob@example.test");
        Store::MessageRecord mine = record(2, true, QStringLiteral("Read: Agenda"));
        mine.messageId = QStringLiteral("<mdn-2@example.test>");
        mine.fromAddress = QStringLiteral("Alice@Example.test");
        mine.contentType = QStringLiteral("multipart/report");
        QCOMPARE(Store::MessageRepository(m_db.connection()).upsert(sent.id, {known, mine}), QString());
        const int unmatchedBefore = int(TrackingStore(m_db.connection()).unmatchedReports().size());

        // "Gone" (the test before) is still tried; Sent is not even opened.
        const QByteArray script = kLogin + "C: a2 EXAMINE Gone\nS: a2 NO [NONEXISTENT] Mailbox doesn't exist\n";
        QStringList mismatches;
        const Sync::TrackingScanReport report = scan(script, &mismatches);
        QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(QLatin1Char('\n'))));
        QCOMPARE(report.ownReports, 2);
        QCOMPARE(report.reportsRead, 0);
        QCOMPARE(report.unmatched, 0);
        QCOMPARE(int(TrackingStore(m_db.connection()).unmatchedReports().size()), unmatchedBefore);
        // Looked at once: not again.
        QCOMPARE(scan(script, &mismatches).ownReports, 0);
        QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(QLatin1Char('\n'))));
    }

    void candidatesOlderThanAllTrackedMailAreNotRead()
    {
        // The first tracked mail was sent on 2026-03-02. A bounce of 2019 cannot be about it:
        // its body is not fetched, and it is not marked as looked at. An undated candidate
        // and one a few hours before (clock skew) are read.
        Store::Folder archive;
        QCOMPARE(Test::addFolder(m_db.connection(), m_accountId, QStringLiteral("Archive"), &archive), QString());
        Store::MessageRecord old = record(1, true, QStringLiteral("Undelivered Mail Returned to Sender"));
        old.date = QDateTime(QDate(2019, 5, 1), QTime(9, 0), Qt::UTC).toSecsSinceEpoch();
        Store::MessageRecord undated = record(2, true, QStringLiteral("Returned mail"));
        undated.date = 0;
        Store::MessageRecord skewed = record(3, true, QStringLiteral("Delivery Status Notification"));
        skewed.date = QDateTime(QDate(2026, 3, 2), QTime(4, 0), Qt::UTC).toSecsSinceEpoch();
        QCOMPARE(Store::MessageRepository(m_db.connection()).upsert(archive.id, {old, undated, skewed}), QString());
        const QByteArray notAReport = "From: someone@example.test\nSubject: Returned mail\n\nNo report.\n";

        QStringList mismatches;
        const Sync::TrackingScanReport first = scan(
            kLogin + "C: a2 EXAMINE Gone\nS: a2 NO [NONEXISTENT] Mailbox doesn't exist\n"
                + "C: a3 EXAMINE Archive\nS: * 3 EXISTS\nS: a3 OK [READ-ONLY] Examine completed\n"
                + fetchReply("a4", 2, notAReport) + fetchReply("a5", 3, notAReport),
            &mismatches);
        QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(QLatin1Char('\n'))));
        QCOMPARE(first.reportsRead, 2);
        // Only the old bounce is still waiting (221-tracking-pending.sql).
        QSqlQuery pending(m_db.connection());
        QVERIFY(pending.exec(QStringLiteral("SELECT uid FROM messages WHERE tracking_pending = 1 AND folder_id = %1").arg(archive.id)));
        QVERIFY(pending.next());
        QCOMPARE(pending.value(0).toUInt(), 1u);
        QVERIFY(!pending.next());

        // Mail of 2019 becomes tracked (e.g. a wider import of mail sent elsewhere): the old
        // bounce is read now.
        TrackingStore store(m_db.connection());
        QVERIFY(Test::addThreeOutcomesMessage(store, QDateTime(QDate(2019, 4, 30), QTime(18, 0), Qt::UTC)) > 0);
        const Sync::TrackingScanReport second = scan(
            kLogin + "C: a2 EXAMINE Gone\nS: a2 NO [NONEXISTENT] Mailbox doesn't exist\n"
                + "C: a3 EXAMINE Archive\nS: * 3 EXISTS\nS: a3 OK [READ-ONLY] Examine completed\n"
                + fetchReply("a4", 1, notAReport),
            &mismatches);
        QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(QLatin1Char('\n'))));
        QCOMPARE(second.reportsRead, 1);
    }

    void oldReplyBoundIsADayBeforeTrackedMailAndEveryImportWindow()
    {
        Store::Database db;
        QCOMPARE(db.open(QStringLiteral(":memory:")), QString());
        const QDateTime now(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC);
        const qint64 day = 24 * 3600;
        // Nothing tracked, no account: nothing older than a day can be a reply to mail
        // tracked from now on.
        QCOMPARE(Sync::TrackingScan::oldReplyBound(db.connection(), now), now.toSecsSinceEpoch() - day);
        Store::Account alice = Test::localAccount(QStringLiteral("alice"), QStringLiteral("alice@example.test"));
        QCOMPARE(Store::AccountRepository(db.connection()).add(alice), QString());
        // The next scan may import alice's mail sent elsewhere in the last 30 days (default).
        QCOMPARE(Sync::TrackingScan::oldReplyBound(db.connection(), now), now.addDays(-30).toSecsSinceEpoch() - day);
        Store::Account bob = Test::localAccount(QStringLiteral("bob"), QStringLiteral("bob@example.test"));
        QCOMPARE(Store::AccountRepository(db.connection()).add(bob), QString());
        QVERIFY(Sync::SentElsewhere(db.connection()).setSettings(QStringLiteral("bob"), {true, 90}));
        QCOMPARE(Sync::TrackingScan::oldReplyBound(db.connection(), now), now.addDays(-90).toSecsSinceEpoch() - day);
        // A switched-off import imports nothing.
        QVERIFY(Sync::SentElsewhere(db.connection()).setSettings(QStringLiteral("bob"), {false, 90}));
        QVERIFY(Sync::SentElsewhere(db.connection()).setSettings(QStringLiteral("alice"), {false, 30}));
        QCOMPARE(Sync::TrackingScan::oldReplyBound(db.connection(), now), now.toSecsSinceEpoch() - day);
        // Tracked mail older than every window.
        TrackingStore store(db.connection());
        const QDateTime sent(QDate(2024, 2, 10), QTime(8, 30), Qt::UTC);
        QVERIFY(Test::addThreeOutcomesMessage(store, sent) > 0);
        QCOMPARE(Sync::TrackingScan::oldReplyBound(db.connection(), now), sent.toSecsSinceEpoch() - day);
    }

    void onlyReportsAndRecentOrUndatedRepliesNeedALook()
    {
        const qint64 bound = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
        Store::CacheRow row;
        row.date = bound - 1;
        QVERIFY(!Sync::TrackingScan::needsLook(row, bound)); // nothing the scan reads
        row.looksLikeReport = true;
        QVERIFY(Sync::TrackingScan::needsLook(row, bound)); // reports, however old
        row.looksLikeReport = false;
        row.setText(Store::CacheRow::InReplyTo, QByteArrayView("<a@example.test>"));
        QVERIFY(!Sync::TrackingScan::needsLook(row, bound)); // a reply older than any tracked mail
        row.date = bound;
        QVERIFY(Sync::TrackingScan::needsLook(row, bound));
        row.date = 0;
        QVERIFY(Sync::TrackingScan::needsLook(row, bound)); // undated
        Store::CacheRow referencing;
        referencing.date = bound + 10;
        referencing.setText(Store::CacheRow::References, QByteArrayView("<a@example.test> <b@example.test>"));
        QVERIFY(Sync::TrackingScan::needsLook(referencing, bound));
        QVERIFY(!Sync::TrackingScan::needsLook(referencing, bound + 11));
    }

    void withNothingTrackedNoCandidateIsRead()
    {
        // A new profile over an old mailbox, nothing sent or imported as sent: no report can
        // be about anything, not even an undated one, so none is fetched; old replies are
        // looked at in one statement and not again. Once mail is tracked, the undated
        // candidate is read.
        Store::Database db;
        Store::Account account;
        Store::Folder inbox;
        QCOMPARE(openProfile(db, &account, &inbox), QString());
        Store::MessageRecord undated = record(2, true, QStringLiteral("Returned mail"));
        undated.date = 0;
        Store::MessageRecord reply = record(4, false, QStringLiteral("Re: lunch"));
        reply.inReplyTo = QStringLiteral("<lunch@example.test>");
        QCOMPARE(Store::MessageRepository(db.connection())
                     .upsert(inbox.id, {record(1, true, QStringLiteral("Undelivered Mail")), undated, reply,
                                        record(5, false, QStringLiteral("Hello"))}),
                 QString());
        const auto pendingUids = [&db, &inbox] {
            QList<quint32> uids;
            QSqlQuery q(db.connection());
            q.exec(QStringLiteral("SELECT uid FROM messages WHERE tracking_pending = 1 AND folder_id = %1 ORDER BY uid").arg(inbox.id));
            while (q.next())
                uids.append(q.value(0).toUInt());
            return uids;
        };

        QStringList mismatches;
        const Sync::TrackingScanReport first = scanOn(db, account.id, kLogin, &mismatches);
        QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(QLatin1Char('\n'))));
        QVERIFY2(first.errors.isEmpty(), qPrintable(first.errors.join(QLatin1Char('\n'))));
        QCOMPARE(first.reportsRead, 0);
        QCOMPARE(pendingUids(), (QList<quint32>{1, 2})); // the report candidates wait

        TrackingStore store(db.connection());
        QVERIFY(Test::addThreeOutcomesMessage(store, QDateTime(QDate(2026, 3, 2), QTime(10, 0), Qt::UTC)) > 0);
        const QByteArray notAReport = "From: someone@example.test\nSubject: Returned mail\n\nNo report.\n";
        const Sync::TrackingScanReport second = scanOn(
            db, account.id,
            kLogin + "C: a2 EXAMINE INBOX\nS: * 5 EXISTS\nS: a2 OK [READ-ONLY] Examine completed\n"
                + fetchReply("a3", 1, notAReport) + fetchReply("a4", 2, notAReport),
            &mismatches);
        QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(QLatin1Char('\n'))));
        QCOMPARE(second.reportsRead, 2);
        QCOMPARE(pendingUids(), QList<quint32>());
    }

    void theScanWalksPendingMessagesNotTheFolder()
    {
        // A first sync leaves a few messages pending among many the scan need not read. Its
        // statements find them through the pending index: their work does not grow with the
        // folder. Counted in SQLite's steps, once with nothing tracked (old replies are
        // cleared in one UPDATE) and once with tracked mail older than the folder (report
        // candidates are listed by date).
        Store::Database db;
        Store::Account account;
        Store::Folder inbox;
        QCOMPARE(openProfile(db, &account, &inbox), QString());
        const QDateTime first(QDate(2022, 1, 1), QTime(8, 0), Qt::UTC);
        const auto scanSteps = [&](int looked) -> qint64 {
            QList<Store::MessageRecord> records;
            for (int i = 0; i < looked; ++i) {
                Store::MessageRecord r = record(quint32(i + 10), false, QStringLiteral("Note %1").arg(i));
                r.date = first.addSecs(qint64(i) * 3600).toSecsSinceEpoch();
                records.append(r);
            }
            QSqlQuery clear(db.connection());
            if (!clear.exec(QStringLiteral("DELETE FROM messages"))
                || !Store::MessageRepository(db.connection()).upsert(inbox.id, records).isEmpty()
                || !clear.exec(QStringLiteral("UPDATE messages SET tracking_pending = 0"))) // looked at before
                return -1;
            Store::MessageRecord reply = record(1, false, QStringLiteral("Re: plans"));
            reply.inReplyTo = QStringLiteral("<plans@example.test>");
            reply.date = first.toSecsSinceEpoch();
            Store::MessageRecord undatedReply = reply;
            undatedReply.uid = 2;
            undatedReply.date = 0;
            if (!Store::MessageRepository(db.connection()).upsert(inbox.id, {reply, undatedReply}).isEmpty())
                return -1;
            StepCounter steps(db.connection());
            QStringList mismatches;
            const Sync::TrackingScanReport report = scanOn(db, account.id, kLogin, &mismatches);
            if (!mismatches.isEmpty() || !report.errors.isEmpty())
                return -1;
            QSqlQuery pending(db.connection());
            if (!pending.exec(QStringLiteral("SELECT COUNT(*) FROM messages WHERE tracking_pending = 1")) || !pending.next()
                || pending.value(0).toInt() != 0)
                return -1; // both replies looked at
            return steps.take();
        };

        const qint64 small = scanSteps(10);
        const qint64 large = scanSteps(5000);
        QVERIFY(small > 0 && large > 0);
        QVERIFY2(large < small + 1000, qPrintable(QStringLiteral("%1 steps for 10 messages, %2 for 5000").arg(small).arg(large)));

        TrackingStore store(db.connection());
        QVERIFY(Test::addThreeOutcomesMessage(store, QDateTime(QDate(2019, 4, 30), QTime(18, 0), Qt::UTC)) > 0);
        const qint64 smallTracked = scanSteps(10);
        const qint64 largeTracked = scanSteps(5000);
        QVERIFY(smallTracked > 0 && largeTracked > 0);
        QVERIFY2(largeTracked < smallTracked + 1000,
                 qPrintable(QStringLiteral("%1 steps for 10 messages, %2 for 5000").arg(smallTracked).arg(largeTracked)));
    }
};

QTEST_GUILESS_MAIN(TrackingScanScriptTest)
#include "TrackingScanTest.moc"
