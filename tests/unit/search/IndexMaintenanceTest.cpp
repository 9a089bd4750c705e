// SPDX-License-Identifier: GPL-3.0-or-later
// Keeping the search index merged (issue 17): Search::IndexMaintenance's steps reduce the
// FTS5 index's segments after many indexing transactions, search results are the same
// before and after, a step rolled back or interleaved with other writers (and the GUI's
// IndexMaintainer running on its own thread while a writer writes) loses nothing, the
// maintainer waits while the profile is busy, and `index status` counts the segments.
#include "LocalCache.h"
#include "search/Index.h"
#include "search/IndexMaintainer.h"
#include "search/IndexMaintenance.h"
#include "search/LocalSearch.h"
#include "store/AccountRepository.h"
#include "store/Database.h"
#include "store/MessageRepository.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Mailtrail;
using namespace Mailtrail::Search;

namespace {

const QStringList kWords{QStringLiteral("invoice"), QStringLiteral("zeppelin"), QStringLiteral("müller"),
                         QStringLiteral("garden"), QStringLiteral("quarterly"), QStringLiteral("report"),
                         QStringLiteral("delivery"), QStringLiteral("friday"), QStringLiteral("élan"),
                         QStringLiteral("invitation"), QStringLiteral("invoices"), QStringLiteral("gardening")};

/// The queries whose answers must not change: words, a prefix (the dictionary's OR), a
/// phrase, a field, NOT, OR, each message's own word.
const QStringList kQueries{QStringLiteral("invoice"), QStringLiteral("invo*"), QStringLiteral("garden*"),
                           QStringLiteral("\"quarterly report\""), QStringLiteral("subject:zeppelin"),
                           QStringLiteral("muller -friday"), QStringLiteral("elan OR delivery"),
                           QStringLiteral("from:sender3"), QStringLiteral("unique17"), QStringLiteral("unique1*")};

} // namespace

class IndexMaintenanceTest : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<Store::Database> m_database;
    QSqlDatabase m_db;
    Store::Folder m_inbox;
    quint32 m_nextUid = 1;

    /// @p count messages in one transaction of their own, their bodies in another (as a
    /// sync's batch and the offline download's are), each with a word of its own.
    void addBatch(QSqlDatabase db, int count)
    {
        QList<Store::MessageRecord> records;
        for (int i = 0; i < count; ++i) {
            const quint32 uid = m_nextUid++;
            Store::MessageRecord r;
            r.uid = uid;
            r.subject = kWords.at(uid % kWords.size()) + u' ' + kWords.at((uid * 7) % kWords.size());
            r.fromName = QStringLiteral("Sender %1").arg(uid % 5);
            r.fromAddress = QStringLiteral("sender%1@example.test").arg(uid % 5);
            r.toAddresses = QStringLiteral("alice@example.test");
            r.messageId = QStringLiteral("<m%1@example.test>").arg(uid);
            r.date = 1767225600 + qint64(uid) * 3600;
            r.size = 100;
            records.append(r);
        }
        QCOMPARE(Store::MessageRepository(db).upsert(m_inbox.id, records), QString());
        QList<std::pair<qint64, QByteArray>> bodies;
        for (const Store::MessageRecord &r : std::as_const(records)) {
            const QByteArray text = kWords.at((r.uid * 3) % kWords.size()).toUtf8() + ' '
                + kWords.at((r.uid * 5) % kWords.size()).toUtf8() + " quarterly report unique" + QByteArray::number(r.uid);
            bodies.append({Store::MessageRepository(db).find(m_inbox.id, r.uid)->id,
                           "From: x@example.test\r\nSubject: s\r\nContent-Type: text/plain; charset=utf-8\r\n"
                           "Content-Transfer-Encoding: 8bit\r\n\r\n" + text + "\r\n"});
        }
        QCOMPARE(Store::MessageRepository(db).storeBodies(bodies), QString());
    }

    /// Every query's hits (message ids, newest first), no limit.
    QList<QList<qint64>> answers()
    {
        QList<QList<qint64>> all;
        for (const QString &query : kQueries) {
            Scope scope;
            scope.limit = 0;
            const SearchResult result = LocalSearch(m_db).run(*parseQuery(query, QDate(2026, 12, 6)).root, scope);
            if (!result.error.isEmpty())
                qWarning() << query << result.error;
            QList<qint64> ids;
            for (const Hit &hit : result.hits)
                ids.append(hit.messageRowId);
            all.append(ids);
        }
        return all;
    }

    /// Segments as FTS5's own %_idx table has them.
    int idxSegments()
    {
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("SELECT COUNT(DISTINCT segid) FROM message_search_idx")) || !q.next())
            return -1;
        return q.value(0).toInt();
    }

    bool integrityOk()
    {
        QSqlQuery q(m_db);
        return q.exec(QStringLiteral("INSERT INTO message_search(message_search, rank) VALUES('integrity-check', 1)"));
    }

    /// Every message found by its own word, and by nothing else's.
    void everyMessageFindable()
    {
        for (quint32 uid = 1; uid < m_nextUid; ++uid) {
            Scope scope;
            scope.limit = 0;
            const SearchResult result = LocalSearch(m_db).run(
                *parseQuery(QStringLiteral("unique%1").arg(uid), QDate(2026, 12, 6)).root, scope);
            QCOMPARE(result.hits.size(), 1);
            QCOMPARE(result.hits.first().messageRowId, Store::MessageRepository(m_db).find(m_inbox.id, uid)->id);
        }
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("profile-%1.sqlite").arg(QString::fromLatin1(QTest::currentTestFunction())));
        m_database = std::make_unique<Store::Database>();
        QCOMPARE(m_database->open(m_path), QString());
        m_db = m_database->connection();
        Store::Account work = Test::localAccount(QStringLiteral("work"), QStringLiteral("alice@example.test"));
        QCOMPARE(Store::AccountRepository(m_db).add(work), QString());
        QCOMPARE(Test::addFolder(m_db, work.id, QStringLiteral("INBOX"), &m_inbox), QString());
        m_nextUid = 1;
    }

    void cleanup()
    {
        m_db = QSqlDatabase();
        m_database.reset();
    }

    void mergeSettingsFromTheMigration()
    {
        // Writes merge at 8 segments a level, the maintenance's tail steps at 2 (222-*.sql).
        QSqlQuery q(m_db);
        QVERIFY(q.exec(QStringLiteral("SELECT k, v FROM message_search_config WHERE k IN ('automerge', 'usermerge') ORDER BY k")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("automerge"));
        QCOMPARE(q.value(1).toInt(), 8);
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("usermerge"));
        QCOMPARE(q.value(1).toInt(), 2);
    }

    void segmentsAreCountedAsFts5HasThem()
    {
        IndexMaintenance maintenance(m_db);
        QCOMPARE(maintenance.segments().count, 0); // nothing indexed yet
        QVERIFY(maintenance.segments().ok);
        QVERIFY(!maintenance.wanted());
        for (int i = 0; i < 3; ++i)
            addBatch(m_db, 5);
        const IndexSegments s = maintenance.segments();
        QVERIFY(s.ok);
        QCOMPARE(s.count, idxSegments());
        QVERIFY(s.count >= 2);
        QVERIFY(s.leafPages >= s.count);
        QVERIFY(s.largestPages >= 1 && s.largestPages <= s.leafPages);
        QCOMPARE(Index(m_db).status().segments, s.count);
    }

    void mergingManyBatchesLeavesOneSegmentAndTheSameAnswers()
    {
        for (int i = 0; i < 40; ++i)
            addBatch(m_db, 10);
        IndexMaintenance maintenance(m_db);
        const int before = maintenance.segments().count;
        QVERIFY2(before >= 4, qPrintable(QString::number(before))); // FTS5's automerge alone keeps several
        QVERIFY(maintenance.wanted());
        const QList<QList<qint64>> expected = answers();
        QVERIFY(expected.at(0).size() > 10);
        QCOMPARE(expected.at(8).size(), 1);

        qint64 written = 0;
        QCOMPARE(maintenance.run(0, &written), QString());
        QVERIFY(written > 0);
        QCOMPARE(maintenance.segments().count, 1);
        QCOMPARE(idxSegments(), 1);
        QVERIFY(!maintenance.wanted());
        QCOMPARE(answers(), expected);
        QVERIFY(integrityOk());
        const IndexStatus status = Index(m_db).status();
        QVERIFY2(status.healthy, qPrintable(status.problem));
        QCOMPARE(status.segments, 1);

        // Nothing left: a step does no work.
        bool worked = true;
        QCOMPARE(maintenance.step(IndexMaintenance::kStepPages, &worked), QString());
        QVERIFY(!worked);
    }

    void smallStepsGetThereToo()
    {
        for (int i = 0; i < 30; ++i)
            addBatch(m_db, 10);
        const QList<QList<qint64>> expected = answers();
        IndexMaintenance maintenance(m_db);
        int steps = 0;
        for (bool worked = true; worked; ++steps)
            QCOMPARE(maintenance.step(2, &worked), QString());
        QVERIFY2(steps > 3, qPrintable(QString::number(steps))); // really in small steps
        QCOMPARE(maintenance.segments().count, 1);
        QCOMPARE(answers(), expected);
        QVERIFY(integrityOk());
    }

    void littleNewMailLeavesTheLargeSegmentAlone()
    {
        for (int i = 0; i < 100; ++i)
            addBatch(m_db, 25);
        IndexMaintenance maintenance(m_db);
        QCOMPARE(maintenance.optimize(), QString());
        QCOMPARE(maintenance.segments().count, 1);
        QSqlQuery q(m_db);
        const auto largeSegment = [this] {
            QSqlQuery q(m_db); // (segid, its rows in %_idx, its last page)
            if (!q.exec(QStringLiteral("SELECT segid, COUNT(*), MAX(pgno) FROM message_search_idx "
                                       "GROUP BY segid ORDER BY MAX(pgno) DESC LIMIT 1")) || !q.next())
                return QList<qint64>();
            return QList<qint64>{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong()};
        };
        const QList<qint64> large = largeSegment();
        QCOMPARE(large.size(), 3);
        for (int i = 0; i < 3; ++i)
            addBatch(m_db, 1);
        const QList<QList<qint64>> expected = answers();
        const int before = maintenance.segments().count;
        QVERIFY2(before >= 3, qPrintable(QString::number(before)));
        QVERIFY(maintenance.wanted());

        QCOMPARE(maintenance.run(), QString());
        // The small ones were merged; the large one is the same segment, not rewritten.
        const int after = maintenance.segments().count;
        QVERIFY2(after >= 2 && after < before,
                 qPrintable(QStringLiteral("%1 → %2 (large: %3 pages)").arg(before).arg(after).arg(large.at(2) >> 1)));
        QCOMPARE(largeSegment(), large);
        QCOMPARE(answers(), expected);
        QVERIFY(integrityOk());
    }

    void aStepRolledBackLosesNothing()
    {
        for (int i = 0; i < 20; ++i)
            addBatch(m_db, 10);
        const QList<QList<qint64>> expected = answers();
        IndexMaintenance maintenance(m_db);
        const int before = maintenance.segments().count;
        {
            // A step inside the caller's transaction (a savepoint), which is then rolled back.
            Store::Transaction transaction(m_db);
            bool worked = false;
            QCOMPARE(maintenance.step(IndexMaintenance::kStepPages, &worked), QString());
            QVERIFY(worked);
            addBatch(m_db, 3);
        }
        QCOMPARE(maintenance.segments().count, before);
        QCOMPARE(answers(), expected);
        QVERIFY(integrityOk());
        // and the maintenance still gets there afterwards
        QCOMPARE(maintenance.run(), QString());
        QCOMPARE(maintenance.segments().count, 1);
        QCOMPARE(answers(), expected);
    }

    void writerBetweenStepsLosesNothing()
    {
        for (int i = 0; i < 20; ++i)
            addBatch(m_db, 10);
        // The maintenance on a connection of its own, a writer (the sync, the download) on
        // another, taking turns: a full merge is under way while segments are added.
        Store::Database second;
        QCOMPARE(second.open(m_path), QString());
        IndexMaintenance maintenance(second.connection());
        for (int round = 0; round < 12; ++round) {
            bool worked = false;
            QCOMPARE(maintenance.step(3, &worked), QString());
            addBatch(m_db, 4);
        }
        const int before = maintenance.segments().count;
        QCOMPARE(maintenance.run(), QString());
        const int after = maintenance.segments().count;
        QVERIFY2(after < before && after <= IndexMaintenance::kMaxSegments, qPrintable(QStringLiteral("%1 → %2").arg(before).arg(after)));
        QVERIFY(integrityOk());
        everyMessageFindable();
        QVERIFY(Index(m_db).status().healthy);
    }

    void maintainerOnItsThreadBesideAWriter()
    {
        for (int i = 0; i < 20; ++i)
            addBatch(m_db, 10);
        IndexMaintainer maintainer(m_path);
        maintainer.setQuietPeriod(0);
        maintainer.setPause(0);
        maintainer.setStepPages(2);
        QSignalSpy idle(&maintainer, &IndexMaintainer::idle);
        maintainer.indexChanged();
        // The writer goes on while the steps run on the maintainer's thread.
        for (int i = 0; i < 15; ++i) {
            addBatch(m_db, 5);
            QCoreApplication::processEvents();
        }
        maintainer.indexChanged();
        QVERIFY(idle.wait(60000));
        while (maintainer.isPending())
            QVERIFY(idle.wait(60000));
        const auto segments = idle.last().at(0).value<IndexSegments>();
        QCOMPARE(idle.last().at(1).toString(), QString());
        // One segment, or the merged one and a tail too small to be worth rewriting it for.
        QVERIFY2(segments.count >= 1 && segments.count <= IndexMaintenance::kMaxSegments,
                 qPrintable(QString::number(segments.count)));
        QCOMPARE(IndexMaintenance(m_db).segments().count, segments.count);
        QVERIFY(maintainer.steps() > 1);
        QVERIFY(integrityOk());
        everyMessageFindable();
    }

    void maintainerWaitsWhileTheProfileIsBusy()
    {
        for (int i = 0; i < 10; ++i)
            addBatch(m_db, 10);
        IndexMaintainer maintainer(m_path);
        maintainer.setQuietPeriod(0);
        maintainer.setPause(0);
        bool busy = true;
        int asked = 0;
        maintainer.setBusy([&] {
            ++asked;
            return busy;
        });
        QSignalSpy idle(&maintainer, &IndexMaintainer::idle);
        maintainer.indexChanged();
        QTRY_VERIFY(asked >= 2); // asked, and asked again later
        QCOMPARE(maintainer.steps(), 0);
        QVERIFY(maintainer.isPending());
        QVERIFY(IndexMaintenance(m_db).segments().count > 1);
        busy = false;
        QVERIFY(idle.wait(60000));
        QCOMPARE(IndexMaintenance(m_db).segments().count, 1);
        QVERIFY(!maintainer.isPending());
    }

    void maintainerReportsAnError()
    {
        IndexMaintainer maintainer(m_dir.filePath(QStringLiteral("no-such-dir/profile.sqlite")));
        maintainer.setQuietPeriod(0);
        QSignalSpy idle(&maintainer, &IndexMaintainer::idle);
        maintainer.indexChanged();
        QVERIFY(idle.wait(60000));
        QVERIFY(!idle.first().at(1).toString().isEmpty());
        QVERIFY(!maintainer.isPending());
    }

    void mergeAfterABulkWriteIsBounded()
    {
        for (int i = 0; i < 30; ++i)
            addBatch(m_db, 10);
        IndexMaintenance maintenance(m_db);
        const int before = maintenance.segments().count;
        qint64 written = -1;
        QCOMPARE(maintenance.mergeAfter(IndexMaintenance::kBulkDocuments - 1, &written), QString());
        QCOMPARE(written, 0);
        QCOMPARE(maintenance.segments().count, before); // a few new messages: nothing now
        const QList<QList<qint64>> expected = answers();
        QCOMPARE(maintenance.mergeAfter(2000, &written), QString()); // 100 pages at most
        QVERIFY(written > 0 && written <= 100);
        QVERIFY(maintenance.segments().count < before);
        QCOMPARE(answers(), expected);
        QVERIFY(integrityOk());
    }

    void rebuildLeavesOneSegment()
    {
        for (int i = 0; i < 10; ++i)
            addBatch(m_db, 10);
        const QList<QList<qint64>> expected = answers();
        QCOMPARE(Index(m_db).rebuild(), QString());
        QCOMPARE(Index(m_db).status().segments, 1);
        QCOMPARE(answers(), expected);
    }
};

QTEST_GUILESS_MAIN(IndexMaintenanceTest)
#include "IndexMaintenanceTest.moc"
