// SPDX-License-Identifier: GPL-3.0-or-later
// Search indexing deferred by a bulk load (resources/sql/226-search-deferred.sql, remembered
// by row-id ranges since 230-search-deferred-ranges.sql): what a first sync leaves to
// Search::Index::catchUp() is found exactly as if it had been indexed at once, and nothing
// done to such a message meanwhile leaves the index unsound.
#include "LocalCache.h"
#include "search/Index.h"
#include "search/IndexCatchUp.h"
#include "search/IndexMaintenance.h"
#include "search/LocalSearch.h"
#include "search/Query.h"
#include "search/TermDictionary.h"
#include "store/AccountRepository.h"
#include "store/Database.h"
#include "store/MessageRepository.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <random>

using namespace Mailtrail;
using namespace Mailtrail::Search;

namespace {

const QDate kToday(2026, 3, 10);
const QStringList kWords = {QStringLiteral("quokka"),  QStringLiteral("Müller"), QStringLiteral("invoice"),
                            QStringLiteral("zeppelin"), QStringLiteral("Ærø"),    QStringLiteral("report"),
                            QStringLiteral("numbat"),   QStringLiteral("wallaby"), QStringLiteral("Über")};

Store::CacheRow row(quint32 uid, const QString &subject, const QString &fromName, qint64 date)
{
    Store::MessageRecord r;
    r.uid = uid;
    r.subject = subject;
    r.fromName = fromName;
    r.fromAddress = fromName.section(u' ', 0, 0).toLower() + QStringLiteral("@example.test");
    r.toAddresses = QStringLiteral("alice@example.test");
    r.messageId = QStringLiteral("<d%1@example.test>").arg(uid);
    r.date = date;
    r.size = 1000 + uid;
    return Store::CacheRow::fromRecord(r);
}

/// @p count messages with words from kWords, dates spread over a year; every seventh shares
/// its second with the one before and every thirteenth has no date (the key collisions).
QList<Store::CacheRow> rows(int count, quint32 firstUid = 1)
{
    std::mt19937 random(20261206u);
    QList<Store::CacheRow> out;
    qint64 date = QDateTime(QDate(2025, 3, 1), QTime(9, 0)).toSecsSinceEpoch();
    for (int i = 0; i < count; ++i) {
        const quint32 uid = firstUid + quint32(i);
        if (i % 7 != 6)
            date += 3600 + qint64(random() % 80000);
        const QString subject = kWords[random() % kWords.size()] + u' ' + kWords[random() % kWords.size()]
            + QStringLiteral(" no%1").arg(uid);
        const QString from = kWords[random() % kWords.size()] + QStringLiteral(" Person");
        out.append(row(uid, subject, from, i % 13 == 12 ? 0 : date));
    }
    return out;
}

QByteArray plainMail(const QByteArray &body)
{
    return "From: x@example.test\r\nSubject: s\r\nContent-Type: text/plain; charset=utf-8\r\n"
           "Content-Transfer-Encoding: 8bit\r\n\r\n" + body + "\r\n";
}

/// A profile with one account and the folders INBOX and Archive.
struct Profile
{
    std::unique_ptr<Store::Database> database = std::make_unique<Store::Database>();
    QSqlDatabase db;
    Store::Folder inbox;
    Store::Folder archive;

    /// Opens the profile at @p path, migrated by @p migrations, and adds nothing to it.
    QString connect(const QString &path,
                    const QString &migrations = QString::fromLatin1(Store::Database::defaultMigrations))
    {
        if (QString error = database->open(path, migrations); !error.isEmpty())
            return error;
        db = database->connection();
        return {};
    }

    QString open(const QString &path, const QString &migrations = QString::fromLatin1(Store::Database::defaultMigrations))
    {
        if (QString error = connect(path, migrations); !error.isEmpty())
            return error;
        Store::Account work = Test::localAccount(QStringLiteral("work"), QStringLiteral("alice@example.test"));
        if (QString error = Store::AccountRepository(db).add(work); !error.isEmpty())
            return error;
        if (QString error = Test::addFolder(db, work.id, QStringLiteral("INBOX"), &inbox); !error.isEmpty())
            return error;
        return Test::addFolder(db, work.id, QStringLiteral("Archive"), &archive);
    }

    /// The (folder, UID) of every hit of @p query, newest first.
    QStringList find(const QString &query, int limit = 0) const
    {
        const ParsedQuery parsed = parseQuery(query, kToday);
        if (!parsed.ok())
            return {QStringLiteral("parse error: ") + parsed.error.message};
        Scope scope;
        scope.now = QDateTime(kToday, QTime(12, 0));
        scope.limit = limit;
        const SearchResult result = LocalSearch(db).run(*parsed.root, scope);
        if (!result.error.isEmpty())
            return {QStringLiteral("error: ") + result.error};
        QStringList out;
        for (const Hit &hit : result.hits)
            out.append(hit.folder + u'/' + QString::number(hit.uid));
        return out;
    }

    qint64 idOf(const Store::Folder &folder, quint32 uid) const
    {
        return Store::MessageRepository(db).find(folder.id, uid)->id;
    }

    /// The recorded ranges of deferred rows, "first-last", oldest commit first.
    QStringList ranges() const
    {
        QStringList out;
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("SELECT first_id, last_id FROM search_deferred ORDER BY id")))
            return {QStringLiteral("error: ") + q.lastError().text()};
        while (q.next())
            out.append(QStringLiteral("%1-%2").arg(q.value(0).toLongLong()).arg(q.value(1).toLongLong()));
        return out;
    }

    int catchUpAll(int batch = 2000) const
    {
        int total = 0;
        for (int done = 1; done > 0; total += done) {
            if (const QString error = Index(db).catchUp(batch, &done); !error.isEmpty()) {
                qWarning() << error;
                return -1;
            }
        }
        return total;
    }
};

} // namespace

class DeferredIndexTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void deferredMessagesAreFoundAfterTheCatchUpNewestFirst()
    {
        Profile p;
        QCOMPARE(p.open(QStringLiteral(":memory:")), QString());
        QList<Store::CacheRow> batch;
        const qint64 base = QDateTime(QDate(2026, 1, 1), QTime(8, 0)).toSecsSinceEpoch();
        for (quint32 uid = 1; uid <= 50; ++uid)
            batch.append(row(uid, QStringLiteral("Quokka sighting %1").arg(uid), QStringLiteral("Jürgen Müller"), base + 3600 * uid));
        QCOMPARE(Store::MessageRepository(p.db).upsert(p.inbox.id, batch, Store::SearchIndexing::Deferred), QString());

        Index index(p.db);
        IndexStatus status = index.status();
        QCOMPARE(status.pendingMessages, 50);
        QCOMPARE(status.messages, 0);
        QVERIFY2(status.healthy, qPrintable(status.problem));
        QCOMPARE(p.find(QStringLiteral("quokka")), QStringList());
        QCOMPARE(Store::MessageRepository(p.db).count(p.inbox.id), 50); // the list has them all

        // One batch of 20: the newest 20.
        int done = 0;
        QCOMPARE(index.catchUp(20, &done), QString());
        QCOMPARE(done, 20);
        QStringList newest;
        for (quint32 uid = 50; uid > 30; --uid)
            newest.append(QStringLiteral("INBOX/%1").arg(uid));
        QCOMPARE(p.find(QStringLiteral("quokka")), newest);
        QCOMPARE(index.status().pendingMessages, 30);

        QCOMPARE(p.catchUpAll(20), 30);
        QStringList all;
        for (quint32 uid = 50; uid >= 1; --uid)
            all.append(QStringLiteral("INBOX/%1").arg(uid));
        QCOMPARE(p.find(QStringLiteral("quokka")), all);
        QCOMPARE(p.find(QStringLiteral("muller")), all);                 // diacritics, the sender
        QCOMPARE(p.find(QStringLiteral("quok*"), 5), all.mid(0, 5));     // the term dictionary has them
        QCOMPARE(p.find(QStringLiteral("\"quokka sighting 7\"")), QStringList{QStringLiteral("INBOX/7")});
        QCOMPARE(p.find(QStringLiteral("from:muller subject:sighting")), all);
        status = index.status();
        QCOMPARE(status.pendingMessages, 0);
        QCOMPARE(status.messages, 50);
        QVERIFY2(status.healthy, qPrintable(status.problem));
        QCOMPARE(p.catchUpAll(), 0);
    }

    void deferredAndImmediateIndexingGiveTheSameAnswers()
    {
        Profile now;
        Profile later;
        QCOMPARE(now.open(QStringLiteral(":memory:")), QString());
        QCOMPARE(later.open(QStringLiteral(":memory:")), QString());
        const QList<Store::CacheRow> mail = rows(600);
        // The same mail in batches of 150, as a first sync commits it.
        for (qsizetype from = 0; from < mail.size(); from += 150) {
            QCOMPARE(Store::MessageRepository(now.db).upsert(now.inbox.id, mail.mid(from, 150)), QString());
            QCOMPARE(Store::MessageRepository(later.db).upsert(later.inbox.id, mail.mid(from, 150),
                                                               Store::SearchIndexing::Deferred),
                     QString());
        }
        QCOMPARE(later.catchUpAll(100), 600);
        const QStringList queries = {
            QStringLiteral("quokka"),          QStringLiteral("muller"),          QStringLiteral("uber OR zeppelin"),
            QStringLiteral("ærø"),            QStringLiteral("quok*"),           QStringLiteral("wal* -numbat"),
            QStringLiteral("\"invoice report\""), QStringLiteral("from:zeppelin"), QStringLiteral("to:alice"),
            QStringLiteral("subject:no17"),    QStringLiteral("date:2025-06..2025-09 invoice"),
            QStringLiteral("numbat wallaby"),  QStringLiteral("after:2025-09-01 from:person"),
        };
        for (const QString &query : queries) {
            QStringList a = now.find(query);
            QStringList b = later.find(query);
            QVERIFY2(!a.isEmpty(), qPrintable(query));
            QVERIFY2(!a.first().startsWith(QLatin1String("error")) && !a.first().startsWith(QLatin1String("parse")),
                     qPrintable(a.first()));
            // Messages of one second may get their keys in another order: the same set.
            std::sort(a.begin(), a.end());
            std::sort(b.begin(), b.end());
            QVERIFY2(a == b, qPrintable(query + QStringLiteral(": %1 against %2 hits").arg(a.size()).arg(b.size())));
        }
        QSqlQuery keys(later.db);
        QVERIFY(keys.exec(QStringLiteral("SELECT COUNT(*), COUNT(DISTINCT key), "
                                         "SUM(d.key < MAX(m.date, 0) OR d.key >= MAX(m.date, 0) + 86400) "
                                         "FROM search_documents d JOIN messages m ON m.id = d.message_rowid")));
        QVERIFY(keys.next());
        QCOMPARE(keys.value(0).toInt(), 600);
        QCOMPARE(keys.value(1).toInt(), 600);  // unique
        QCOMPARE(keys.value(2).toInt(), 0);    // within the day of the message's date
        const IndexStatus status = Index(later.db).status();
        QVERIFY2(status.healthy, qPrintable(status.problem));
        QCOMPARE(status.messages, 600);
        QCOMPARE(Index(now.db).status().indexBytes > 0, true);
    }

    void removingMovingCopyingOrReadingADeferredMessageKeepsTheIndexSound()
    {
        Profile p;
        QCOMPARE(p.open(QStringLiteral(":memory:")), QString());
        const qint64 base = QDateTime(QDate(2026, 2, 1), QTime(8, 0)).toSecsSinceEpoch();
        QList<Store::CacheRow> batch;
        for (quint32 uid = 1; uid <= 5; ++uid)
            batch.append(row(uid, QStringLiteral("Numbat news %1").arg(uid), QStringLiteral("Carol Smith"), base + 60 * uid));
        Store::MessageRepository messages(p.db);
        QCOMPARE(messages.upsert(p.inbox.id, batch, Store::SearchIndexing::Deferred), QString());
        // An indexed message of the same words beside them.
        QCOMPARE(messages.upsert(p.archive.id, {row(9, QStringLiteral("Numbat archive"), QStringLiteral("Carol Smith"), base)}),
                 QString());
        Index index(p.db);
        const auto sound = [&index](int pending) -> QString {
            const IndexStatus s = index.status();
            if (!s.healthy)
                return QStringLiteral("unhealthy: ") + s.problem;
            return s.pendingMessages == pending ? QString()
                                                : QStringLiteral("%1 pending, expected %2").arg(s.pendingMessages).arg(pending);
        };
        QCOMPARE(sound(5), QString());

        QCOMPARE(messages.removeUids(p.inbox.id, {1}), QString());
        QCOMPARE(sound(4), QString());
        QCOMPARE(messages.moveTo(p.idOf(p.inbox, 2), p.archive.id, 77), QString());
        QCOMPARE(sound(4), QString());
        QCOMPARE(messages.copyTo(p.idOf(p.inbox, 3), p.archive.id, 78), QString());
        QCOMPARE(sound(5), QString());
        // Reading one stores its body: it is indexed at once, headers and text.
        QCOMPARE(messages.storeBody(p.idOf(p.inbox, 4), plainMail("A wombat in the body")), QString());
        QCOMPARE(sound(4), QString());
        QCOMPARE(p.find(QStringLiteral("wombat")), QStringList{QStringLiteral("INBOX/4")});
        QCOMPARE(p.find(QStringLiteral("numbat")), (QStringList{QStringLiteral("INBOX/4"), QStringLiteral("Archive/9")}));
        // Expunged while deferred, then the folder rebuilt: nothing left behind.
        QCOMPARE(messages.removeUids(p.inbox.id, {5}), QString());
        QCOMPARE(sound(3), QString());

        QCOMPARE(p.catchUpAll(), 3);
        QCOMPARE(sound(0), QString());
        QStringList found = p.find(QStringLiteral("numbat"));
        std::sort(found.begin(), found.end());
        QCOMPARE(found, (QStringList{QStringLiteral("Archive/77"), QStringLiteral("Archive/78"), QStringLiteral("Archive/9"),
                                     QStringLiteral("INBOX/3"), QStringLiteral("INBOX/4")}));
        QCOMPARE(p.find(QStringLiteral("wombat")), QStringList{QStringLiteral("INBOX/4")});
        // The downloaded body of a message indexed by the catch-up goes to its document.
        QCOMPARE(messages.storeBody(p.idOf(p.archive, 77), plainMail("wombat again")), QString());
        QCOMPARE(p.find(QStringLiteral("wombat")), (QStringList{QStringLiteral("INBOX/4"), QStringLiteral("Archive/77")}));
        QCOMPARE(sound(0), QString());
    }

    void aBulkCommitRemembersTheRowsItAddedAndNoOthers()
    {
        Profile p;
        QCOMPARE(p.open(QStringLiteral(":memory:")), QString());
        Store::MessageRepository messages(p.db);
        // An indexed message first: its row id comes before the deferred ones.
        QCOMPARE(messages.upsert(p.archive.id, {row(1, QStringLiteral("Wallaby"), QStringLiteral("Ann Lee"), 1000)}), QString());
        const QList<Store::CacheRow> mail = rows(15);
        QCOMPARE(messages.upsert(p.inbox.id, mail.mid(0, 10), Store::SearchIndexing::Deferred), QString());
        QCOMPARE(p.ranges(), QStringList{QStringLiteral("2-11")});
        // The same ten again (a sync that restarted) and five new: only the new ones.
        QCOMPARE(messages.upsert(p.inbox.id, mail, Store::SearchIndexing::Deferred), QString());
        QCOMPARE(p.ranges(), (QStringList{QStringLiteral("2-11"), QStringLiteral("12-16")}));
        // Only known messages (their flags): no range.
        QCOMPARE(messages.upsert(p.inbox.id, mail.mid(3, 4), Store::SearchIndexing::Deferred), QString());
        QCOMPARE(p.ranges().size(), 2);
        QCOMPARE(Index(p.db).status().pendingMessages, 15);
        QCOMPARE(Index(p.db).pendingMessages(), 15);
        // A copy of a deferred message is deferred too, and counted.
        QCOMPARE(messages.copyTo(p.idOf(p.inbox, 4), p.archive.id, 40), QString());
        QCOMPARE(Index(p.db).status().pendingMessages, 16);

        QCOMPARE(p.catchUpAll(4), 16);
        QCOMPARE(p.ranges(), QStringList());
        QStringList copies = p.find(QStringLiteral("subject:no4"));
        std::sort(copies.begin(), copies.end());
        QCOMPARE(copies, (QStringList{QStringLiteral("Archive/40"), QStringLiteral("INBOX/4")}));
        const IndexStatus status = Index(p.db).status();
        QCOMPARE(status.messages, 17);
        QVERIFY2(status.healthy, qPrintable(status.problem));
    }

    void rowIdsFreedByRemovedMessagesAreNotCountedTwice()
    {
        // A folder's deferred rows removed (UIDVALIDITY changed) before the catch-up came: the
        // next commit gets the same row ids again, and its messages count once.
        Profile p;
        QCOMPARE(p.open(QStringLiteral(":memory:")), QString());
        Store::MessageRepository messages(p.db);
        QCOMPARE(messages.upsert(p.inbox.id, rows(20), Store::SearchIndexing::Deferred), QString());
        QCOMPARE(messages.upsert(p.archive.id, rows(30, 101), Store::SearchIndexing::Deferred), QString());
        QCOMPARE(p.ranges(), (QStringList{QStringLiteral("1-20"), QStringLiteral("21-50")}));
        QCOMPARE(messages.removeAll(p.archive.id), QString());
        QCOMPARE(Index(p.db).status().pendingMessages, 20);
        QCOMPARE(messages.upsert(p.archive.id, rows(10, 201), Store::SearchIndexing::Deferred), QString());
        QCOMPARE(p.ranges(), (QStringList{QStringLiteral("1-20"), QStringLiteral("21-30")}));
        QCOMPARE(Index(p.db).status().pendingMessages, 30);
        // So does a copy that takes a freed id.
        QCOMPARE(messages.removeUids(p.archive.id, {210}), QString());
        QCOMPARE(messages.copyTo(p.idOf(p.inbox, 3), p.archive.id, 300), QString());
        QCOMPARE(p.ranges(), (QStringList{QStringLiteral("1-20"), QStringLiteral("21-29"), QStringLiteral("30-30")}));
        QCOMPARE(Index(p.db).status().pendingMessages, 30);
        QCOMPARE(p.catchUpAll(7), 30);
        const IndexStatus status = Index(p.db).status();
        QCOMPARE(status.messages, 30);
        QVERIFY2(status.healthy, qPrintable(status.problem));
    }

    void theCommitWithTheNewestMailIsIndexedFirst()
    {
        // INBOX synced first (this year's mail), then an archive of older mail: the archive's
        // rows have the higher ids, yet this year's mail is searchable first.
        Profile p;
        QCOMPARE(p.open(QStringLiteral(":memory:")), QString());
        const qint64 recent = QDateTime(QDate(2026, 3, 1), QTime(8, 0)).toSecsSinceEpoch();
        const qint64 old = QDateTime(QDate(2019, 5, 1), QTime(8, 0)).toSecsSinceEpoch();
        QList<Store::CacheRow> inbox;
        QList<Store::CacheRow> archive;
        for (quint32 uid = 1; uid <= 30; ++uid) {
            inbox.append(row(uid, QStringLiteral("Numbat recent %1").arg(uid), QStringLiteral("Ann Lee"), recent + 600 * uid));
            archive.append(row(uid, QStringLiteral("Numbat old %1").arg(uid), QStringLiteral("Ann Lee"), old + 600 * uid));
        }
        Store::MessageRepository messages(p.db);
        QCOMPARE(messages.upsert(p.inbox.id, inbox, Store::SearchIndexing::Deferred), QString());
        QCOMPARE(messages.upsert(p.archive.id, archive, Store::SearchIndexing::Deferred), QString());

        Index index(p.db);
        int done = 0;
        QCOMPARE(index.catchUp(20, &done), QString());
        QCOMPARE(done, 20);
        QStringList found = p.find(QStringLiteral("numbat"));
        QCOMPARE(found.size(), 20);
        QCOMPARE(found.first(), QStringLiteral("INBOX/30"));
        QCOMPARE(found.last(), QStringLiteral("INBOX/11"));
        QCOMPARE(index.catchUp(20, &done), QString());
        QCOMPARE(done, 10); // the rest of the newest commit before anything older
        QCOMPARE(p.find(QStringLiteral("numbat old")), QStringList());
        QCOMPARE(index.catchUp(20, &done), QString());
        QCOMPARE(done, 20);
        QCOMPARE(p.find(QStringLiteral("numbat old")).first(), QStringLiteral("Archive/30"));
        QCOMPARE(p.catchUpAll(20), 10);
        QCOMPARE(p.find(QStringLiteral("numbat")).size(), 60);
    }

    void aCatchUpBatchWritesOneSegment()
    {
        // The writer stores a commit oldest first, whatever order the server sent it in, and
        // the catch-up walks it by row id: the document keys ascend and FTS5 writes the batch
        // as one segment (a key not above the one before ends a segment).
        Profile p;
        QCOMPARE(p.open(QStringLiteral(":memory:")), QString());
        QList<Store::CacheRow> mail = rows(400);
        std::shuffle(mail.begin(), mail.end(), std::mt19937(7u));
        QCOMPARE(Store::MessageRepository(p.db).upsert(p.inbox.id, mail, Store::SearchIndexing::Deferred), QString());
        QCOMPARE(IndexMaintenance(p.db).segments().count, 0);
        int done = 0;
        QCOMPARE(Index(p.db).catchUp(400, &done), QString());
        QCOMPARE(done, 400);
        QCOMPARE(IndexMaintenance(p.db).segments().count, 1);
        QCOMPARE(p.find(QStringLiteral("subject:no321")), QStringList{QStringLiteral("INBOX/321")});
    }

    void messagesDeferredBeforeTheRangesAreCaughtUpAfterTheUpgrade()
    {
        // A profile of 226-search-deferred.sql (its partial date index, no ranges) with
        // deferred messages: the upgrade records them as one range.
        QTemporaryDir dir;
        const QString older = dir.filePath(QStringLiteral("sql"));
        QCOMPARE(Test::copyMigrations(older, [](const QString &name) { return name < QLatin1String("230-"); }), QString());
        const QString path = dir.filePath(QStringLiteral("profile.sqlite"));
        const qint64 date = QDateTime(QDate(2026, 2, 1), QTime(8, 0)).toSecsSinceEpoch();
        {
            Profile old;
            QCOMPARE(old.open(path, older), QString());
            QSqlQuery q(old.db);
            // As that version's writer left them: newer mail in the earlier rows.
            q.prepare(QStringLiteral("INSERT INTO messages(folder_id, uid, date, subject, from_address, search_pending) "
                                     "VALUES (?, ?, ?, ?, 'ann@example.test', 1)"));
            for (int uid = 1; uid <= 12; ++uid) {
                q.addBindValue(old.inbox.id);
                q.addBindValue(uid);
                q.addBindValue(date - 3600 * uid);
                q.addBindValue(QStringLiteral("Quokka %1").arg(uid));
                QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
            }
            // One indexed at once (read, say), as that version's Index::storeText() did.
            NewTerms terms(old.db);
            QVERIFY(q.exec(QStringLiteral("UPDATE messages SET search_pending = 0 WHERE uid = 5")));
            QVERIFY(terms.captured());
            QCOMPARE(terms.store(), QString());
        }
        Profile p;
        QCOMPARE(p.connect(path), QString());
        QCOMPARE(p.ranges(), QStringList{QStringLiteral("1-12")});
        QSqlQuery index(p.db);
        QVERIFY(index.exec(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = 'messages_search_pending'")));
        QVERIFY(index.next());
        QCOMPARE(index.value(0).toInt(), 0);
        QCOMPARE(Index(p.db).status().pendingMessages, 11);
        QCOMPARE(p.find(QStringLiteral("quokka")), QStringList{QStringLiteral("INBOX/5")});

        QCOMPARE(p.catchUpAll(5), 11);
        QStringList all;
        for (int uid = 1; uid <= 12; ++uid)
            all.append(QStringLiteral("INBOX/%1").arg(uid));
        QCOMPARE(p.find(QStringLiteral("quokka")), all);
        const IndexStatus status = Index(p.db).status();
        QCOMPARE(status.pendingMessages, 0);
        QVERIFY2(status.healthy, qPrintable(status.problem));
    }

    void rebuildFindsDeferredMessagesWhoseRangeWentMissing()
    {
        Profile p;
        QCOMPARE(p.open(QStringLiteral(":memory:")), QString());
        QCOMPARE(Store::MessageRepository(p.db).upsert(p.inbox.id, rows(30), Store::SearchIndexing::Deferred), QString());
        QSqlQuery q(p.db);
        QVERIFY(q.exec(QStringLiteral("DELETE FROM search_deferred")));
        QCOMPARE(Index(p.db).status().pendingMessages, 0); // not seen by the catch-up now
        QCOMPARE(p.catchUpAll(), 0);
        QCOMPARE(Index(p.db).rebuild(), QString());
        const IndexStatus status = Index(p.db).status();
        QCOMPARE(status.messages, 30);
        QCOMPARE(status.pendingMessages, 0);
        QVERIFY2(status.healthy, qPrintable(status.problem));
        QCOMPARE(p.ranges(), QStringList());
        QCOMPARE(p.find(QStringLiteral("subject:no17")), QStringList{QStringLiteral("INBOX/17")});
    }

    void rebuildIndexesDeferredMessages()
    {
        Profile p;
        QCOMPARE(p.open(QStringLiteral(":memory:")), QString());
        QCOMPARE(Store::MessageRepository(p.db).upsert(p.inbox.id, rows(40), Store::SearchIndexing::Deferred), QString());
        QCOMPARE(Index(p.db).status().pendingMessages, 40);
        QCOMPARE(Index(p.db).rebuild(), QString());
        const IndexStatus status = Index(p.db).status();
        QCOMPARE(status.pendingMessages, 0);
        QCOMPARE(status.messages, 40);
        QVERIFY2(status.healthy, qPrintable(status.problem));
        QCOMPARE(p.find(QStringLiteral("subject:no17")), QStringList{QStringLiteral("INBOX/17")});
    }

    void catchesUpInTheBackgroundOnItsOwnConnection()
    {
        QTemporaryDir dir;
        Profile p;
        QCOMPARE(p.open(dir.filePath(QStringLiteral("profile.sqlite"))), QString());
        // More than two batches, deferred in two commits as a first sync does.
        const QList<Store::CacheRow> mail = rows(4500);
        QCOMPARE(Store::MessageRepository(p.db).upsert(p.inbox.id, mail.mid(0, 2500), Store::SearchIndexing::Deferred), QString());
        QCOMPARE(Store::MessageRepository(p.db).upsert(p.inbox.id, mail.mid(2500), Store::SearchIndexing::Deferred), QString());
        QCOMPARE(Index(p.db).status().pendingMessages, 4500);

        IndexCatchUp catchUp(p.db);
        QSignalSpy finished(&catchUp, &IndexCatchUp::finished);
        catchUp.start();
        QVERIFY(catchUp.isRunning());
        catchUp.start(); // while running: one more round after this one, not a second worker
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(0).toLongLong(), 4500);
        QCOMPARE(finished.first().at(1).toString(), QString());
        QVERIFY(!catchUp.isRunning());
        const IndexStatus status = Index(p.db).status();
        QCOMPARE(status.pendingMessages, 0);
        QCOMPARE(status.messages, 4500);
        QVERIFY2(status.healthy, qPrintable(status.problem));
        QCOMPARE(p.find(QStringLiteral("subject:no4321")), QStringList{QStringLiteral("INBOX/4321")});

        // Nothing left: a round ends at once with nothing indexed.
        catchUp.start();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.last().at(0).toLongLong(), 0);
    }

    void aDatabaseThatCannotBeOpenedIsReportedNotHidden()
    {
        QTemporaryDir dir;
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("missing"));
        db.setDatabaseName(dir.filePath(QStringLiteral("no/such/dir/profile.sqlite")));
        {
            IndexCatchUp catchUp(db);
            QSignalSpy finished(&catchUp, &IndexCatchUp::finished);
            catchUp.start();
            QVERIFY(finished.wait(10000));
            QCOMPARE(finished.first().at(0).toLongLong(), 0);
            QVERIFY(!finished.first().at(1).toString().isEmpty());
        }
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("missing"));
    }
};

QTEST_GUILESS_MAIN(DeferredIndexTest)
#include "DeferredIndexTest.moc"
