// SPDX-License-Identifier: GPL-3.0-or-later
// FolderSync over scripted IMAP conversations: first sync newest first, QRESYNC, CONDSTORE-less
// diff, UIDVALIDITY change, garbage mid-sync with the cache intact.
#include "LocalCache.h"
#include "ScriptedTransport.h"
#include "imap/Session.h"
#include "search/Index.h"
#include "store/AccountRepository.h"
#include "store/CacheWriter.h"
#include "store/Database.h"
#include "store/FolderRepository.h"
#include "store/MessageRepository.h"
#include "sync/FolderSync.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Mailtrail;

namespace {

const QByteArray qresyncLogin =
    "S: * OK [CAPABILITY IMAP4rev1 SASL-IR ENABLE IDLE AUTH=PLAIN] Dovecot ready.\n"
    "C: a1 AUTHENTICATE PLAIN <redacted>\n"
    "S: a1 OK [CAPABILITY IMAP4rev1 ENABLE IDLE CONDSTORE QRESYNC UIDPLUS] Logged in\n"
    "C: a2 ENABLE QRESYNC CONDSTORE\n"
    "S: * ENABLED QRESYNC CONDSTORE\n"
    "S: a2 OK Enabled.\n";

const QByteArray plainLogin =
    "S: * OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN] ready.\n"
    "C: a1 AUTHENTICATE PLAIN <redacted>\n"
    "S: a1 OK [CAPABILITY IMAP4rev1 IDLE] Logged in\n";

QByteArray items(bool modseq)
{
    return QByteArray("(UID FLAGS RFC822.SIZE ") + (modseq ? "MODSEQ " : "")
        + "BODY.PEEK[HEADER.FIELDS (FROM TO CC BCC SUBJECT DATE MESSAGE-ID IN-REPLY-TO REFERENCES CONTENT-TYPE AUTO-SUBMITTED RETURN-PATH DISPOSITION-NOTIFICATION-TO DISPOSITION-NOTIFICATION-OPTIONS ORIGINAL-RECIPIENT)])";
}

/// Login and the SELECT of an INBOX not cached yet (UIDVALIDITY 7), without HIGHESTMODSEQ.
QByteArray firstSyncSelect(quint32 exists, quint32 uidNext)
{
    return qresyncLogin + "C: a3 SELECT INBOX (CONDSTORE)\n"
        + "S: * " + QByteArray::number(exists) + " EXISTS\n"
        + "S: * OK [UIDVALIDITY 7] UIDs valid\n"
        + "S: * OK [UIDNEXT " + QByteArray::number(uidNext) + "] Predicted next UID\n"
        + "S: a3 OK [READ-WRITE] Select completed\n";
}

/// Script lines of one FETCH response carrying a header literal.
QByteArray fetchLines(quint32 seq, quint32 uid, const QByteArray &flags, bool modseq = true)
{
    const QByteArray subject = "Subject: Message " + QByteArray::number(uid);
    const QByteArray id = "Message-ID: <" + QByteArray::number(uid) + "@example.test>";
    const qsizetype size = subject.size() + 2 + id.size() + 2 + 2;
    return "S: * " + QByteArray::number(seq) + " FETCH (UID " + QByteArray::number(uid) + " FLAGS (" + flags
        + ") RFC822.SIZE 400 " + (modseq ? QByteArray("MODSEQ (" + QByteArray::number(uid) + ") ") : QByteArray())
        + "BODY[HEADER.FIELDS (FROM TO CC BCC SUBJECT DATE MESSAGE-ID IN-REPLY-TO REFERENCES CONTENT-TYPE AUTO-SUBMITTED RETURN-PATH DISPOSITION-NOTIFICATION-TO DISPOSITION-NOTIFICATION-OPTIONS ORIGINAL-RECIPIENT)] {"
        + QByteArray::number(size) + "}\nS: " + subject + "\nS: " + id + "\nS: \nS: )\n";
}

/// Script lines of one FETCH response whose header literal is @p headers (lines ending "\n").
QByteArray fetchHeaders(quint32 seq, quint32 uid, const QByteArray &headers)
{
    QByteArray lines;
    qsizetype size = 2; // the empty line ending the header block
    for (const QByteArray &line : headers.split('\n')) {
        if (line.isEmpty())
            continue;
        lines += "S: " + line + '\n';
        size += line.size() + 2;
    }
    return "S: * " + QByteArray::number(seq) + " FETCH (UID " + QByteArray::number(uid)
        + " FLAGS () RFC822.SIZE 400 MODSEQ (" + QByteArray::number(uid) + ") BODY[HEADER.FIELDS (FROM TO CC BCC SUBJECT DATE MESSAGE-ID IN-REPLY-TO REFERENCES CONTENT-TYPE AUTO-SUBMITTED RETURN-PATH DISPOSITION-NOTIFICATION-TO DISPOSITION-NOTIFICATION-OPTIONS ORIGINAL-RECIPIENT)] {"
        + QByteArray::number(size) + "}\n" + lines + "S: \nS: )\n";
}

} // namespace

class FolderSyncTest : public QObject
{
    Q_OBJECT
private:
    Store::Database m_db;
    Store::Folder m_folder;

    /// A session over @p transport (which owns it), logged in by the script, or null.
    static Imap::Session *loggedIn(Test::ScriptedTransport *transport)
    {
        auto *session = new Imap::Session(transport, transport);
        QSignalSpy ready(session, &Imap::Session::ready);
        Net::Endpoint e;
        e.host = QStringLiteral("127.0.0.1");
        e.port = 993;
        e.security = Net::Security::ImplicitTls;
        session->open(e, {QStringLiteral("u"), QStringLiteral("p")});
        return ready.wait() ? session : nullptr;
    }

    Sync::FolderSyncResult run(const QByteArray &script, int batchSize = 1000, Test::ScriptedTransport **keep = nullptr,
                               qsizetype deferIndexingFrom = Sync::FolderSync::defaultDeferIndexingFrom)
    {
        auto *transport = new Test::ScriptedTransport(script, this);
        Imap::Session *session = loggedIn(transport);
        if (!session)
            return {};
        Sync::FolderSync sync(session, m_db.connection(), *Store::FolderRepository(m_db.connection()).findById(m_folder.id));
        sync.setBatchSize(batchSize);
        sync.setDeferIndexingFrom(deferIndexingFrom);
        QSignalSpy finished(&sync, &Sync::FolderSync::finished);
        sync.start();
        if (!finished.wait(5000))
            qWarning() << "no finish; mismatches:" << transport->mismatches() << transport->remainingScript();
        if (keep)
            *keep = transport;
        if (!transport->mismatches().isEmpty())
            qWarning() << transport->mismatches();
        return sync.result();
    }

    QList<quint32> cachedUids() const { return Store::MessageRepository(m_db.connection()).uids(m_folder.id); }
    Store::Folder folderState() const { return *Store::FolderRepository(m_db.connection()).findById(m_folder.id); }

    void setState(quint32 validity, quint32 uidNext, quint64 modseq, quint32 syncedFrom = 1)
    {
        Store::Folder f = folderState();
        f.uidValidity = validity;
        f.uidNext = uidNext;
        f.highestModSeq = modseq;
        f.syncedFromUid = syncedFrom;
        QVERIFY(Store::FolderRepository(m_db.connection()).saveSyncState(f).isEmpty());
    }

    void cache(QList<quint32> uids)
    {
        QList<Store::MessageRecord> records;
        for (quint32 uid : uids) {
            Store::MessageRecord r;
            r.uid = uid;
            r.subject = QStringLiteral("Message %1").arg(uid);
            records << r;
        }
        QCOMPARE(Store::MessageRepository(m_db.connection()).upsert(m_folder.id, records), QString());
    }

private Q_SLOTS:
    void init()
    {
        QCOMPARE(m_db.open(QStringLiteral(":memory:")), QString());
        Store::Account a = Test::localAccount(QStringLiteral("work"), QStringLiteral("alice@example.test"));
        a.userName = QStringLiteral("alice");
        QCOMPARE(Store::AccountRepository(m_db.connection()).add(a), QString());
        QCOMPARE(Test::addFolder(m_db.connection(), a.id, QStringLiteral("INBOX"), &m_folder), QString());
    }
    void cleanup() { m_db.close(); }

    void firstSyncNewestFirstInPipelinedBatches()
    {
        const QByteArray script = qresyncLogin
            + "C: a3 SELECT INBOX (CONDSTORE)\n"
              "S: * 3 EXISTS\n"
              "S: * OK [UIDVALIDITY 7] UIDs valid\n"
              "S: * OK [UIDNEXT 31] Predicted next UID\n"
              "S: * OK [HIGHESTMODSEQ 30] Highest\n"
              "S: a3 OK [READ-WRITE] Select completed\n"
              "C: a4 FETCH 2:3 " + items(true) + "\n"
              "C: a5 FETCH 1:1 " + items(true) + "\n"
            + fetchLines(2, 20, "\\Seen") + fetchLines(3, 30, "") + "S: a4 OK Fetch completed\n"
            + fetchLines(1, 10, "$MDNSent") + "S: a5 OK Fetch completed\n";
        const auto result = run(script, 2);
        QVERIFY2(result.ok(), qPrintable(result.errorMessage()));
        QCOMPARE(result.mode, QStringLiteral("initial"));
        QCOMPARE(result.added, 3);
        QCOMPARE(result.messages, 3);
        QCOMPARE(cachedUids(), (QList<quint32>{10, 20, 30}));
        const auto state = folderState();
        QCOMPARE(state.uidValidity, 7u);
        QCOMPARE(state.uidNext, 31u);
        QCOMPARE(state.highestModSeq, quint64(30));
        QCOMPARE(state.syncedFromUid, 10u);
        const auto m = Store::MessageRepository(m_db.connection()).find(m_folder.id, 20);
        QCOMPARE(m->subject, QStringLiteral("Message 20"));
        QCOMPARE(m->messageId, QStringLiteral("<20@example.test>"));
        QCOMPARE(m->flags, QByteArrayList{"\\Seen"});
        QCOMPARE(m->size, 400u);
    }

    void bigCommitsLeaveSearchIndexingToTheCatchUp()
    {
        // Batches of 2 and 1: from 2 messages on, a commit defers their search indexing.
        const QByteArray script = qresyncLogin
            + "C: a3 SELECT INBOX (CONDSTORE)\n"
              "S: * 3 EXISTS\n"
              "S: * OK [UIDVALIDITY 7] UIDs valid\n"
              "S: * OK [UIDNEXT 31] Predicted next UID\n"
              "S: * OK [HIGHESTMODSEQ 30] Highest\n"
              "S: a3 OK [READ-WRITE] Select completed\n"
              "C: a4 FETCH 2:3 " + items(true) + "\n"
              "C: a5 FETCH 1:1 " + items(true) + "\n"
            + fetchLines(2, 20, "\\Seen") + fetchLines(3, 30, "") + "S: a4 OK Fetch completed\n"
            + fetchLines(1, 10, "") + "S: a5 OK Fetch completed\n";
        const auto result = run(script, 2, nullptr, 2);
        QVERIFY2(result.ok(), qPrintable(result.errorMessage()));
        QCOMPARE(result.added, 3);
        QCOMPARE(result.searchDeferred, 2);
        QCOMPARE(cachedUids(), (QList<quint32>{10, 20, 30}));
        Search::Index index(m_db.connection());
        Search::IndexStatus status = index.status();
        QCOMPARE(status.messages, 1);
        QCOMPARE(status.pendingMessages, 2);
        QVERIFY2(status.healthy, qPrintable(status.problem));
        int done = 0;
        QCOMPARE(index.catchUp(100, &done), QString());
        QCOMPARE(done, 2);
        status = index.status();
        QCOMPARE(status.messages, 3);
        QCOMPARE(status.pendingMessages, 0);
        QVERIFY2(status.healthy, qPrintable(status.problem));
        QCOMPARE(index.catchUp(100, &done), QString());
        QCOMPARE(done, 0);
    }

    void onlyMailTheTrackingScanReadsStaysPending()
    {
        // Nothing tracked, sent-elsewhere import at its default 30 days: mail without
        // In-Reply-To or References, and replies older than any tracked mail can be, are
        // cached as looked at; report candidates, undated replies and recent replies wait
        // for the tracking scan (TrackingScan::needsLook()).
        const QByteArray recent = QDateTime::currentDateTimeUtc().addDays(-2).toString(Qt::RFC2822Date).toLatin1();
        const QByteArray script = qresyncLogin
            + "C: a3 SELECT INBOX (CONDSTORE)\n"
              "S: * 6 EXISTS\n"
              "S: * OK [UIDVALIDITY 7] UIDs valid\n"
              "S: * OK [UIDNEXT 61] Predicted next UID\n"
              "S: * OK [HIGHESTMODSEQ 60] Highest\n"
              "S: a3 OK [READ-WRITE] Select completed\n"
              "C: a4 FETCH 1:6 " + items(true) + "\n"
            + fetchHeaders(1, 10, "From: a@example.test\nSubject: Plain\nDate: Mon, 4 Mar 2019 10:00:00 +0000\n")
            + fetchHeaders(2, 20, "From: b@example.test\nSubject: Re: old\nDate: Mon, 4 Mar 2019 10:00:00 +0000\n"
                                  "In-Reply-To: <old@example.test>\n")
            + fetchHeaders(3, 30, "From: c@example.test\nSubject: Re: recent\nDate: " + recent + "\n"
                                  "References: <x@example.test> <recent@example.test>\n")
            + fetchHeaders(4, 40, "From: MAILER-DAEMON@example.test\nSubject: Undelivered Mail Returned to Sender\n"
                                  "Date: Mon, 4 Mar 2019 10:00:00 +0000\n")
            + fetchHeaders(5, 50, "From: d@example.test\nSubject: Re: undated\nIn-Reply-To: <u@example.test>\n")
            + fetchHeaders(6, 60, "From: e@example.test\nSubject: Recent, no reply\nDate: " + recent + "\n")
            + "S: a4 OK Fetch completed\n";
        const auto result = run(script);
        QVERIFY2(result.ok(), qPrintable(result.errorMessage()));
        QCOMPARE(result.added, 6);
        QSqlQuery q(m_db.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT uid FROM messages WHERE tracking_pending = 1 ORDER BY uid")));
        QList<quint32> pending;
        while (q.next())
            pending.append(q.value(0).toUInt());
        QCOMPARE(pending, (QList<quint32>{30, 40, 50}));
        q.finish();

        // Tracked mail of 2019 (an import over a wider window) moves the bound: an old reply
        // cached from now on waits for the scan.
        cleanup();
        init();
        QSqlQuery tracked(m_db.connection());
        QVERIFY(tracked.exec(QStringLiteral("INSERT INTO sent_messages (account, message_id, subject, sender, created_at) "
                                      "VALUES ('work', '<old@example.test>', 'old', 'alice@example.test', %1)")
                           .arg(QDateTime(QDate(2019, 3, 1), QTime(9, 0), Qt::UTC).toMSecsSinceEpoch())));
        const QByteArray again = qresyncLogin
            + "C: a3 SELECT INBOX (CONDSTORE)\n"
              "S: * 1 EXISTS\n"
              "S: * OK [UIDVALIDITY 7] UIDs valid\n"
              "S: * OK [UIDNEXT 21] Predicted next UID\n"
              "S: * OK [HIGHESTMODSEQ 20] Highest\n"
              "S: a3 OK [READ-WRITE] Select completed\n"
              "C: a4 FETCH 1:1 " + items(true) + "\n"
            + fetchHeaders(1, 20, "From: b@example.test\nSubject: Re: old\nDate: Mon, 4 Mar 2019 10:00:00 +0000\n"
                                  "In-Reply-To: <old@example.test>\n")
            + "S: a4 OK Fetch completed\n";
        const auto second = run(again);
        QVERIFY2(second.ok(), qPrintable(second.errorMessage()));
        QSqlQuery q2(m_db.connection());
        QVERIFY(q2.exec(QStringLiteral("SELECT uid FROM messages WHERE tracking_pending = 1")));
        QVERIFY(q2.next());
        QCOMPARE(q2.value(0).toUInt(), 20u);
    }

    void smallCommitsIndexAtOnce()
    {
        const QByteArray script = qresyncLogin
            + "C: a3 SELECT INBOX (CONDSTORE)\n"
              "S: * 2 EXISTS\n"
              "S: * OK [UIDVALIDITY 7] UIDs valid\n"
              "S: * OK [UIDNEXT 31] Predicted next UID\n"
              "S: * OK [HIGHESTMODSEQ 30] Highest\n"
              "S: a3 OK [READ-WRITE] Select completed\n"
              "C: a4 FETCH 1:2 " + items(true) + "\n"
            + fetchLines(1, 20, "") + fetchLines(2, 30, "") + "S: a4 OK Fetch completed\n";
        const auto result = run(script);
        QVERIFY2(result.ok(), qPrintable(result.errorMessage()));
        QCOMPARE(result.added, 2);
        QCOMPARE(result.searchDeferred, 0);
        const Search::IndexStatus status = Search::Index(m_db.connection()).status();
        QCOMPARE(status.messages, 2);
        QCOMPARE(status.pendingMessages, 0);
    }

    void laterBatchesGrowFourfold()
    {
        // 8 messages, first batch 1: FETCH 8:8, then 4 (4:7), then the rest (1:3). The
        // answers come interleaved and the middle batch finishes last: the resume point
        // only moves over a contiguous run of finished batches from the newest down.
        const QByteArray script = qresyncLogin
            + "C: a3 SELECT INBOX (CONDSTORE)\n"
              "S: * 8 EXISTS\n"
              "S: * OK [UIDVALIDITY 7] UIDs valid\n"
              "S: * OK [UIDNEXT 81] Predicted next UID\n"
              "S: * OK [HIGHESTMODSEQ 80] Highest\n"
              "S: a3 OK [READ-WRITE] Select completed\n"
              "C: a4 FETCH 8:8 " + items(true) + "\n"
              "C: a5 FETCH 4:7 " + items(true) + "\n"
              "C: a6 FETCH 1:3 " + items(true) + "\n"
            + fetchLines(8, 80, "") + "S: a4 OK Fetch completed\n"
            + fetchLines(4, 40, "") + fetchLines(1, 10, "") + fetchLines(5, 50, "") + fetchLines(2, 20, "")
            + fetchLines(3, 30, "") + "S: a6 OK Fetch completed\n"
            + fetchLines(6, 60, "") + fetchLines(7, 70, "") + "S: a5 OK Fetch completed\n";
        Test::ScriptedTransport *transport = nullptr;
        const auto result = run(script, 1, &transport);
        QVERIFY2(result.ok(), qPrintable(result.errorMessage()));
        QCOMPARE(result.added, 8);
        QCOMPARE(cachedUids(), (QList<quint32>{10, 20, 30, 40, 50, 60, 70, 80}));
        QCOMPARE(folderState().syncedFromUid, 10u);
    }

    void aFirstSyncKeepsThreeFetchesInFlight()
    {
        // 100 messages in five FETCHes (1, 4, 16, 64, 15): the fourth goes out when the first
        // is answered, the fifth when the second is. The script fails a client that sends
        // one early.
        QByteArray script = firstSyncSelect(100, 1001)
            + "C: a4 FETCH 100:100 " + items(true) + "\n"
              "C: a5 FETCH 96:99 " + items(true) + "\n"
              "C: a6 FETCH 80:95 " + items(true) + "\n";
        const auto answer = [](quint32 from, quint32 to) {
            QByteArray lines;
            for (quint32 seq = from; seq <= to; ++seq)
                lines += fetchLines(seq, seq * 10, "");
            return lines;
        };
        script += answer(100, 100) + "S: a4 OK Fetch completed\n"
            + "C: a7 FETCH 16:79 " + items(true) + "\n"
            + answer(96, 99) + "S: a5 OK Fetch completed\n"
            + "C: a8 FETCH 1:15 " + items(true) + "\n"
            + answer(80, 95) + "S: a6 OK Fetch completed\n"
            + answer(16, 79) + "S: a7 OK Fetch completed\n"
            + answer(1, 15) + "S: a8 OK Fetch completed\n";
        Test::ScriptedTransport *transport = nullptr;
        const auto result = run(script, 1, &transport);
        QVERIFY2(result.ok(), qPrintable(result.errorMessage()));
        QVERIFY2(transport->mismatches().isEmpty(), qPrintable(transport->mismatches().join(QLatin1Char('\n'))));
        // The transport matches commands in order, whenever they come: the transcript says when.
        const QList<QByteArray> lines = transport->transcript();
        const auto at = [&lines](const QByteArray &start) {
            for (qsizetype i = 0; i < lines.size(); ++i) {
                if (lines[i].startsWith(start))
                    return i;
            }
            return qsizetype(-1);
        };
        QVERIFY(at("C: a7 FETCH") > at("S: a4 OK"));
        QVERIFY(at("C: a8 FETCH") > at("S: a5 OK"));
        QVERIFY(at("C: a6 FETCH") < at("S: a4 OK"));
        QVERIFY(at("S: a4 OK") > 0);
        QCOMPARE(result.added, 100);
        QCOMPARE(cachedUids().size(), 100);
        QCOMPARE(folderState().syncedFromUid, 10u);
    }

    void aLaggingCacheWriterHoldsBackFurtherFetches()
    {
        // The cache writer cannot write (another connection holds the database's write
        // lock): once it lags by the limit, no further FETCH is sent, so the server's stream
        // waits instead of piling up in memory. When the lock goes, the sync completes.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        Store::Database db;
        QCOMPARE(db.open(path), QString());
        Store::Account account = Test::localAccount(QStringLiteral("work"), QStringLiteral("alice@example.test"));
        QCOMPARE(Store::AccountRepository(db.connection()).add(account), QString());
        Store::Folder inbox;
        QCOMPARE(Test::addFolder(db.connection(), account.id, QStringLiteral("INBOX"), &inbox), QString());
        Store::Database other;
        QCOMPARE(other.open(path), QString());
        QSqlQuery lock(other.connection());
        QVERIFY(lock.exec(QStringLiteral("BEGIN IMMEDIATE")));

        QByteArray script = firstSyncSelect(30, 301)
            + "C: a4 FETCH 30:30 " + items(true) + "\n"
              "C: a5 FETCH 26:29 " + items(true) + "\n"
              "C: a6 FETCH 10:25 " + items(true) + "\n";
        for (quint32 seq = 30; seq >= 1; --seq) {
            script += fetchLines(seq, seq * 10, "");
            if (seq == 30)
                script += "S: a4 OK Fetch completed\n";
            else if (seq == 26)
                script += "S: a5 OK Fetch completed\n";
            else if (seq == 10)
                script += "S: a6 OK Fetch completed\nC: a7 FETCH 1:9 " + items(true) + "\n";
        }
        script += "S: a7 OK Fetch completed\n";

        auto *transport = new Test::ScriptedTransport(script, this);
        Imap::Session *session = loggedIn(transport);
        QVERIFY(session);
        Store::CacheWriter writer(path);
        Sync::FolderSync sync(session, db.connection(), inbox);
        sync.setCacheWriter(&writer);
        sync.setBatchSize(1);
        sync.setWriterBacklogLimit(1);
        QSignalSpy finished(&sync, &Sync::FolderSync::finished);
        sync.start();
        // Every answer to the first three arrives; the fourth FETCH waits for the writer.
        QTRY_VERIFY(writer.backlog() >= 21);
        QTest::qWait(200);
        QVERIFY2(!transport->written().contains("a7 FETCH"), transport->written().right(200).constData());
        QVERIFY(finished.isEmpty());

        QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
        QVERIFY(finished.wait(10000));
        const Sync::FolderSyncResult result = sync.result();
        QVERIFY2(result.ok(), qPrintable(result.errorMessage()));
        QVERIFY2(transport->mismatches().isEmpty(), qPrintable(transport->mismatches().join(QLatin1Char('\n'))));
        QCOMPARE(result.added, 30);
        QCOMPARE(Store::MessageRepository(db.connection()).uids(inbox.id).size(), 30);
        QCOMPARE(writer.backlog(), 0);
    }

    void interleavedAnswersToPipelinedFetches()
    {
        // Dovecot runs non-conflicting pipelined FETCHes in parallel and interleaves them.
        const QByteArray script = qresyncLogin
            + "C: a3 SELECT INBOX (CONDSTORE)\n"
              "S: * 3 EXISTS\n"
              "S: * OK [UIDVALIDITY 7] UIDs valid\n"
              "S: * OK [UIDNEXT 31] Predicted next UID\n"
              "S: a3 OK [READ-WRITE] Select completed\n"
              "C: a4 FETCH 2:3 " + items(true) + "\n"
              "C: a5 FETCH 1:1 " + items(true) + "\n"
            + fetchLines(1, 10, "") + fetchLines(3, 30, "") + "S: a5 OK Fetch completed\n"
            + fetchLines(2, 20, "") + "S: a4 OK Fetch completed\n";
        const auto result = run(script, 2);
        QVERIFY2(result.ok(), qPrintable(result.errorMessage()));
        QCOMPARE(cachedUids(), (QList<quint32>{10, 20, 30}));
        QCOMPARE(folderState().syncedFromUid, 10u);
    }

    void qresyncAppliesVanishedFlagsAndNewMail()
    {
        setState(7, 31, 30);
        cache({10, 20, 30});
        const QByteArray script = qresyncLogin
            + "C: a3 SELECT INBOX (QRESYNC (7 30))\n"
              "S: * 3 EXISTS\n"
              "S: * OK [UIDVALIDITY 7] UIDs valid\n"
              "S: * OK [UIDNEXT 41] Predicted next UID\n"
              "S: * OK [HIGHESTMODSEQ 45] Highest\n"
              "S: * VANISHED (EARLIER) 20\n"
              "S: * 2 FETCH (UID 30 FLAGS (\\Seen \\Flagged) MODSEQ (44))\n"
              "S: a3 OK [READ-WRITE] Select completed\n"
              "C: a4 UID FETCH 31:* " + items(true) + "\n"
            + fetchLines(3, 40, "") + "S: a4 OK Fetch completed\n";
        const auto result = run(script);
        QVERIFY2(result.ok(), qPrintable(result.errorMessage()));
        QCOMPARE(result.mode, QStringLiteral("qresync"));
        QCOMPARE(cachedUids(), (QList<quint32>{10, 30, 40}));
        QCOMPARE(result.removed, 1);
        QCOMPARE(result.added, 1);
        QCOMPARE(Store::MessageRepository(m_db.connection()).find(m_folder.id, 30)->flags, (QByteArrayList{"\\Seen", "\\Flagged"}));
        QCOMPARE(folderState().uidNext, 41u);
        QCOMPARE(folderState().highestModSeq, quint64(45));
    }

    void qresyncNothingChangedSendsOnlySelect()
    {
        setState(7, 31, 30);
        cache({10, 20, 30});
        const QByteArray script = qresyncLogin
            + "C: a3 SELECT INBOX (QRESYNC (7 30))\n"
              "S: * 3 EXISTS\n"
              "S: * OK [UIDVALIDITY 7] UIDs valid\n"
              "S: * OK [UIDNEXT 31] Predicted next UID\n"
              "S: * OK [HIGHESTMODSEQ 30] Highest\n"
              "S: a3 OK [READ-WRITE] Select completed\n";
        Test::ScriptedTransport *transport = nullptr;
        const auto result = run(script, 1000, &transport);
        QVERIFY2(result.ok(), qPrintable(result.errorMessage()));
        QVERIFY(transport->scriptFinished());
        QCOMPARE(cachedUids(), (QList<quint32>{10, 20, 30}));
        QCOMPARE(result.added + result.removed + result.flagsChanged, 0);
    }

    void withoutCondstoreDiffsUidsAndFlags()
    {
        setState(7, 31, 0);
        cache({10, 20, 30});
        const QByteArray script = plainLogin
            + "C: a2 SELECT INBOX\n"
              "S: * 2 EXISTS\n"
              "S: * OK [UIDVALIDITY 7] UIDs valid\n"
              "S: * OK [UIDNEXT 31] Predicted next UID\n"
              "S: a2 OK [READ-WRITE] Select completed\n"
              "C: a3 UID FETCH 1:30 (UID FLAGS)\n"
              "S: * 1 FETCH (UID 10 FLAGS (\\Seen))\n"
              "S: * 2 FETCH (UID 30 FLAGS ())\n"
              "S: a3 OK Fetch completed\n";
        const auto result = run(script);
        QVERIFY2(result.ok(), qPrintable(result.errorMessage()));
        QCOMPARE(result.mode, QStringLiteral("full-diff"));
        QCOMPARE(cachedUids(), (QList<quint32>{10, 30}));
        QCOMPARE(result.removed, 1);
        QCOMPARE(result.flagsChanged, 1);
        QVERIFY(Store::MessageRepository(m_db.connection()).find(m_folder.id, 10)->isSeen());
    }

    void uidValidityChangeRebuildsTheFolder()
    {
        setState(7, 31, 30);
        cache({10, 20, 30});
        const QByteArray script = qresyncLogin
            + "C: a3 SELECT INBOX (QRESYNC (7 30))\n"
              "S: * 1 EXISTS\n"
              "S: * OK [UIDVALIDITY 99] UIDs valid\n"
              "S: * OK [UIDNEXT 2] Predicted next UID\n"
              "S: * OK [HIGHESTMODSEQ 3] Highest\n"
              "S: a3 OK [READ-WRITE] Select completed\n"
              "C: a4 FETCH 1:1 " + items(true) + "\n"
            + fetchLines(1, 1, "") + "S: a4 OK Fetch completed\n";
        const auto result = run(script);
        QVERIFY2(result.ok(), qPrintable(result.errorMessage()));
        QVERIFY(result.rebuilt);
        QCOMPARE(cachedUids(), QList<quint32>{1});
        QCOMPARE(folderState().uidValidity, 99u);
        QCOMPARE(folderState().uidNext, 2u);
    }

    void garbageMidSyncKeepsCommittedBatches()
    {
        const QByteArray script = qresyncLogin
            + "C: a3 SELECT INBOX (CONDSTORE)\n"
              "S: * 3 EXISTS\n"
              "S: * OK [UIDVALIDITY 7] UIDs valid\n"
              "S: * OK [UIDNEXT 31] Predicted next UID\n"
              "S: a3 OK [READ-WRITE] Select completed\n"
              "C: a4 FETCH 2:3 " + items(true) + "\n"
              "C: a5 FETCH 1:1 " + items(true) + "\n"
            + fetchLines(2, 20, "") + fetchLines(3, 30, "") + "S: a4 OK Fetch completed\n"
              "S: * 1 FETCH (UID 10 FLAGS (\\Seen) RFC822.SIZE )))garbage\n";
        const auto result = run(script, 2);
        QVERIFY(!result.ok());
        QCOMPARE(toString(result.imapError.kind), toString(Imap::ImapError::Kind::Protocol));
        QVERIFY(result.errorMessage().contains(QStringLiteral("cannot read")));
        QCOMPARE(cachedUids(), (QList<quint32>{20, 30}));
        QCOMPARE(folderState().syncedFromUid, 20u);
        QCOMPARE(folderState().uidNext, 31u);

        // The next sync resumes below UID 20 and fetches new mail above 30.
        const QByteArray resume = qresyncLogin
            + "C: a3 SELECT INBOX (CONDSTORE)\n"
              "S: * 3 EXISTS\n"
              "S: * OK [UIDVALIDITY 7] UIDs valid\n"
              "S: * OK [UIDNEXT 31] Predicted next UID\n"
              "S: * OK [HIGHESTMODSEQ 30] Highest\n"
              "S: a3 OK [READ-WRITE] Select completed\n"
              "C: a4 UID FETCH 1:19 " + items(true) + "\n"
              "C: a5 UID FETCH 1:30 (UID FLAGS)\n"
            + fetchLines(1, 10, "") + "S: a4 OK Fetch completed\n"
              "S: * 1 FETCH (UID 10 FLAGS ())\n"
              "S: * 2 FETCH (UID 20 FLAGS ())\n"
              "S: * 3 FETCH (UID 30 FLAGS (\\Seen))\n"
              "S: a5 OK Fetch completed\n";
        // No HIGHESTMODSEQ was stored by the interrupted first sync: full flag diff.
        const auto again = run(resume);
        QVERIFY2(again.ok(), qPrintable(again.errorMessage()));
        QCOMPARE(cachedUids(), (QList<quint32>{10, 20, 30}));
        QCOMPARE(folderState().syncedFromUid, 1u);
        QCOMPARE(again.flagsChanged, 1);
    }

    // One row per server behaviour seen in the wild: the stored state before, the server's
    // side of the conversation after login, and what the cache must hold afterwards.
    void serverQuirks_data()
    {
        QTest::addColumn<QByteArray>("login");
        QTest::addColumn<quint32>("storedUidNext");
        QTest::addColumn<quint64>("storedModSeq");
        QTest::addColumn<QByteArray>("conversation");
        QTest::addColumn<QList<quint32>>("uids");
        QTest::addColumn<quint32>("uidNext");
        QTest::addColumn<quint64>("modSeq");
        QTest::addColumn<qint64>("added");
        QTest::addColumn<qint64>("removed");
        QTest::addColumn<qint64>("flagsChanged");
        QTest::addColumn<QByteArray>("flagsOf30");

        const QByteArray selectNoUidNext = "S: * 3 EXISTS\nS: * OK [UIDVALIDITY 7] UIDs valid\n";
        const QByteArray unchanged = "S: * 1 FETCH (UID 10 FLAGS ())\nS: * 2 FETCH (UID 20 FLAGS ())\n"
                                     "S: * 3 FETCH (UID 30 FLAGS (\\Seen))\n";

        // Courier-IMAP 5: no UIDNEXT on SELECT, and `UID FETCH 31:*` answers nothing when 31 is
        // past the last UID (RFC 3501 §6.4.8 says it must return UID 30). The stored UIDNEXT
        // used to fall back to 1: every second sync fetched all headers and missed expunges.
        QTest::newRow("no UIDNEXT and an empty n:* answer keep the stored UIDNEXT")
            << plainLogin << 31u << quint64(0)
            << QByteArray("C: a2 SELECT INBOX\n" + selectNoUidNext + "S: a2 OK [READ-WRITE] Select completed\n"
                          "C: a3 UID FETCH 31:* " + items(false) + "\n"
                          "C: a4 UID FETCH 1:30 (UID FLAGS)\n"
                          "S: a3 OK Fetch completed\n" + unchanged + "S: a4 OK Fetch completed\n")
            << QList<quint32>{10, 20, 30} << 31u << quint64(0) << qint64(0) << qint64(0) << qint64(0)
            << QByteArray("\\Seen");
        QTest::newRow("no UIDNEXT: new mail and expunges are still found")
            << plainLogin << 31u << quint64(0)
            << QByteArray("C: a2 SELECT INBOX\n" + selectNoUidNext + "S: a2 OK [READ-WRITE] Select completed\n"
                          "C: a3 UID FETCH 31:* " + items(false) + "\n"
                          "C: a4 UID FETCH 1:30 (UID FLAGS)\n"
                          + fetchLines(3, 40, "", false) + "S: a3 OK Fetch completed\n"
                          "S: * 1 FETCH (UID 10 FLAGS ())\nS: * 2 FETCH (UID 30 FLAGS (\\Seen))\n"
                          "S: a4 OK Fetch completed\n")
            << QList<quint32>{10, 30, 40} << 41u << quint64(0) << qint64(1) << qint64(1) << qint64(0)
            << QByteArray("\\Seen");
        // RFC-conforming `n:*`: the newest message comes back although it is older than n.
        QTest::newRow("no UIDNEXT: the newest message returned by n:* is not new mail")
            << plainLogin << 31u << quint64(0)
            << QByteArray("C: a2 SELECT INBOX\n" + selectNoUidNext + "S: a2 OK [READ-WRITE] Select completed\n"
                          "C: a3 UID FETCH 31:* " + items(false) + "\n"
                          "C: a4 UID FETCH 1:30 (UID FLAGS)\n"
                          + fetchLines(3, 30, "\\Seen", false) + "S: a3 OK Fetch completed\n"
                          + unchanged + "S: a4 OK Fetch completed\n")
            << QList<quint32>{10, 20, 30} << 31u << quint64(0) << qint64(0) << qint64(0) << qint64(0)
            << QByteArray("\\Seen");
        QTest::newRow("a UIDNEXT below the stored one does not move it back")
            << plainLogin << 31u << quint64(0)
            << QByteArray("C: a2 SELECT INBOX\n" + selectNoUidNext + "S: * OK [UIDNEXT 25] Predicted next UID\n"
                          "S: a2 OK [READ-WRITE] Select completed\n"
                          "C: a3 UID FETCH 1:30 (UID FLAGS)\n" + unchanged + "S: a3 OK Fetch completed\n")
            << QList<quint32>{10, 20, 30} << 31u << quint64(0) << qint64(0) << qint64(0) << qint64(0)
            << QByteArray("\\Seen");
        // The server lost CONDSTORE (an administrator's imap_capability, a proxy): full diff,
        // and the stored HIGHESTMODSEQ stays for the day it comes back.
        QTest::newRow("without CONDSTORE the stored HIGHESTMODSEQ stays")
            << plainLogin << 31u << quint64(30)
            << QByteArray("C: a2 SELECT INBOX\n" + selectNoUidNext + "S: * OK [UIDNEXT 31] Predicted next UID\n"
                          "S: a2 OK [READ-WRITE] Select completed\n"
                          "C: a3 UID FETCH 1:30 (UID FLAGS)\n" + unchanged + "S: a3 OK Fetch completed\n")
            << QList<quint32>{10, 20, 30} << 31u << quint64(30) << qint64(0) << qint64(0) << qint64(0)
            << QByteArray("\\Seen");
        // RFC 7162 §3.1.2.2: a mailbox without mod-sequences answers NOMODSEQ, no HIGHESTMODSEQ.
        QTest::newRow("NOMODSEQ keeps the stored HIGHESTMODSEQ and diffs in full")
            << qresyncLogin << 31u << quint64(30)
            << QByteArray("C: a3 SELECT INBOX (QRESYNC (7 30))\n" + selectNoUidNext
                          + "S: * OK [UIDNEXT 31] Predicted next UID\nS: * OK [NOMODSEQ] No permanent modsequences\n"
                          "S: a3 OK [READ-WRITE] Select completed\n"
                          "C: a4 UID FETCH 1:30 (UID FLAGS)\n"
                          "S: * 1 FETCH (UID 10 FLAGS ())\nS: * 2 FETCH (UID 20 FLAGS ())\nS: * 3 FETCH (UID 30 FLAGS ())\n"
                          "S: a4 OK Fetch completed\n")
            << QList<quint32>{10, 20, 30} << 31u << quint64(30) << qint64(0) << qint64(0) << qint64(1)
            << QByteArray();
        // Mod-sequences restarted under the same UIDVALIDITY (a Dovecot that lost its index):
        // QRESYNC's "nothing changed" cannot be trusted; one full comparison, then the
        // server's numbers are the ones to ask CHANGEDSINCE with.
        QTest::newRow("a HIGHESTMODSEQ that went back forces a full diff")
            << qresyncLogin << 31u << quint64(30)
            << QByteArray("C: a3 SELECT INBOX (QRESYNC (7 30))\n" + selectNoUidNext
                          + "S: * OK [UIDNEXT 31] Predicted next UID\nS: * OK [HIGHESTMODSEQ 4] Highest\n"
                          "S: a3 OK [READ-WRITE] Select completed\n"
                          "C: a4 UID FETCH 1:30 (UID FLAGS)\n"
                          "S: * 1 FETCH (UID 10 FLAGS ())\nS: * 2 FETCH (UID 30 FLAGS ())\n"
                          "S: a4 OK Fetch completed\n")
            << QList<quint32>{10, 30} << 31u << quint64(4) << qint64(0) << qint64(1) << qint64(1)
            << QByteArray();
        // Courier: \Recent only in the first session that sees a message; Cyrus: for ever.
        QTest::newRow("\\Recent is never a flag change (full diff)")
            << plainLogin << 31u << quint64(0)
            << QByteArray("C: a2 SELECT INBOX\n" + selectNoUidNext + "S: * OK [UIDNEXT 31] Predicted next UID\n"
                          "S: a2 OK [READ-WRITE] Select completed\n"
                          "C: a3 UID FETCH 1:30 (UID FLAGS)\n"
                          "S: * 1 FETCH (UID 10 FLAGS (\\Recent))\nS: * 2 FETCH (UID 20 FLAGS (\\RECENT))\n"
                          "S: * 3 FETCH (UID 30 FLAGS (\\Recent \\Seen))\nS: a3 OK Fetch completed\n")
            << QList<quint32>{10, 20, 30} << 31u << quint64(0) << qint64(0) << qint64(0) << qint64(0)
            << QByteArray("\\Seen");
        QTest::newRow("\\Recent is not stored from a CONDSTORE change")
            << qresyncLogin << 31u << quint64(30)
            << QByteArray("C: a3 SELECT INBOX (QRESYNC (7 30))\n" + selectNoUidNext
                          + "S: * OK [UIDNEXT 31] Predicted next UID\nS: * OK [HIGHESTMODSEQ 31] Highest\n"
                          "S: * 3 FETCH (UID 30 FLAGS (\\Recent \\Flagged) MODSEQ (31))\n"
                          "S: a3 OK [READ-WRITE] Select completed\n")
            << QList<quint32>{10, 20, 30} << 31u << quint64(31) << qint64(0) << qint64(0) << qint64(1)
            << QByteArray("\\Flagged");
        QTest::newRow("\\Recent is not stored with new mail")
            << plainLogin << 31u << quint64(0)
            << QByteArray("C: a2 SELECT INBOX\nS: * 4 EXISTS\nS: * OK [UIDVALIDITY 7] UIDs valid\n"
                          "S: * OK [UIDNEXT 41] Predicted next UID\nS: a2 OK [READ-WRITE] Select completed\n"
                          "C: a3 UID FETCH 31:* " + items(false) + "\n"
                          "C: a4 UID FETCH 1:30 (UID FLAGS)\n"
                          + fetchLines(4, 40, "\\Recent", false) + "S: a3 OK Fetch completed\n"
                          + unchanged + "S: a4 OK Fetch completed\n")
            << QList<quint32>{10, 20, 30, 40} << 41u << quint64(0) << qint64(1) << qint64(0) << qint64(0)
            << QByteArray("\\Seen");
        // Without ESEARCH the CONDSTORE expunge check reads a plain SEARCH answer.
        QTest::newRow("without ESEARCH expunges come from a plain SEARCH")
            << QByteArray("S: * OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN] ready.\n"
                          "C: a1 AUTHENTICATE PLAIN <redacted>\n"
                          "S: a1 OK [CAPABILITY IMAP4rev1 CONDSTORE] Logged in\n")
            << 31u << quint64(30)
            << QByteArray("C: a2 SELECT INBOX (CONDSTORE)\nS: * 2 EXISTS\nS: * OK [UIDVALIDITY 7] UIDs valid\n"
                          "S: * OK [UIDNEXT 31] Predicted next UID\nS: * OK [HIGHESTMODSEQ 30] Highest\n"
                          "S: a2 OK [READ-WRITE] Select completed\n"
                          "C: a3 UID SEARCH UID 1:30\nS: * SEARCH 10 30\nS: a3 OK Search completed\n")
            << QList<quint32>{10, 30} << 31u << quint64(30) << qint64(0) << qint64(1) << qint64(0)
            << QByteArray("\\Seen");
    }

    void serverQuirks()
    {
        QFETCH(QByteArray, login);
        QFETCH(quint32, storedUidNext);
        QFETCH(quint64, storedModSeq);
        QFETCH(QByteArray, conversation);
        setState(7, storedUidNext, storedModSeq);
        cache({10, 20, 30});
        Store::MessageRepository repo(m_db.connection());
        QCOMPARE(repo.updateFlags(m_folder.id, {{30, {"\\Seen"}, 0}}), QString());

        Test::ScriptedTransport *transport = nullptr;
        const auto result = run(login + conversation, 1000, &transport);
        QVERIFY2(result.ok(), qPrintable(result.errorMessage()));
        QVERIFY2(transport->mismatches().isEmpty(), qPrintable(transport->mismatches().join(u'\n')));
        QVERIFY2(transport->scriptFinished(), qPrintable(transport->remainingScript()));
        QTEST(cachedUids(), "uids");
        QTEST(folderState().uidNext, "uidNext");
        QTEST(folderState().highestModSeq, "modSeq");
        QTEST(result.added, "added");
        QTEST(result.removed, "removed");
        QTEST(result.flagsChanged, "flagsChanged");
        QTEST(repo.find(m_folder.id, 30)->flags.join(' '), "flagsOf30");
    }

    void courierTwoSyncsInARowFetchNoHeaders()
    {
        // The reported sequence: a sync that found nothing new, then another one. The second
        // must ask for new mail from the same UID, not from 1.
        setState(7, 31, 0);
        cache({10, 20, 30});
        const QByteArray once = plainLogin
            + "C: a2 SELECT INBOX\nS: * 3 EXISTS\nS: * OK [UIDVALIDITY 7] UIDs valid\n"
              "S: a2 OK [READ-WRITE] Select completed\n"
              "C: a3 UID FETCH 31:* " + items(false) + "\n"
              "C: a4 UID FETCH 1:30 (UID FLAGS)\n"
              "S: a3 OK Fetch completed\n"
              "S: * 1 FETCH (UID 10 FLAGS ())\nS: * 2 FETCH (UID 20 FLAGS ())\nS: * 3 FETCH (UID 30 FLAGS ())\n"
              "S: a4 OK Fetch completed\n";
        for (int round = 0; round < 2; ++round) {
            Test::ScriptedTransport *transport = nullptr;
            const auto result = run(once, 1000, &transport);
            QVERIFY2(result.ok(), qPrintable(result.errorMessage()));
            QVERIFY2(transport->mismatches().isEmpty(), qPrintable(transport->mismatches().join(u'\n')));
            QCOMPARE(result.added, 0);
            QCOMPARE(folderState().uidNext, 31u);
        }
    }

    void firstSyncWithoutUidNextStoresOnePastTheNewest()
    {
        const QByteArray script = plainLogin
            + "C: a2 SELECT INBOX\nS: * 2 EXISTS\nS: * OK [UIDVALIDITY 7] UIDs valid\n"
              "S: a2 OK [READ-WRITE] Select completed\n"
              "C: a3 FETCH 1:2 " + items(false) + "\n"
            + fetchLines(1, 10, "\\Recent", false) + fetchLines(2, 20, "\\Seen \\Recent", false)
            + "S: a3 OK Fetch completed\n";
        const auto result = run(script);
        QVERIFY2(result.ok(), qPrintable(result.errorMessage()));
        QCOMPARE(result.added, 2);
        QCOMPARE(folderState().uidNext, 21u);
        const Store::MessageRepository repo(m_db.connection());
        QCOMPARE(repo.find(m_folder.id, 10)->flags, QByteArrayList{});
        QCOMPARE(repo.find(m_folder.id, 20)->flags, QByteArrayList{"\\Seen"});
        QVERIFY(repo.find(m_folder.id, 20)->isSeen());
    }

    void selectRefused()
    {
        const QByteArray script = qresyncLogin
            + "C: a3 SELECT INBOX (CONDSTORE)\n"
              "S: a3 NO [NONEXISTENT] Mailbox doesn't exist: INBOX\n";
        const auto result = run(script);
        QCOMPARE(toString(result.imapError.kind), toString(Imap::ImapError::Kind::No));
        QVERIFY(result.errorMessage().contains(QStringLiteral("NONEXISTENT")));
    }
};

QTEST_GUILESS_MAIN(FolderSyncTest)
#include "FolderSyncTest.moc"
