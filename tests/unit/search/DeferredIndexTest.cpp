// SPDX-License-Identifier: GPL-3.0-or-later
// Search indexing deferred by a bulk load (resources/sql/226-search-deferred.sql): what a
// first sync leaves to Search::Index::catchUp() is found exactly as if it had been indexed
// at once, and nothing done to such a message meanwhile leaves the index unsound.
#include "LocalCache.h"
#include "search/Index.h"
#include "search/IndexCatchUp.h"
#include "search/LocalSearch.h"
#include "search/Query.h"
#include "search/TermDictionary.h"
#include "store/AccountRepository.h"
#include "store/Database.h"
#include "store/MessageRepository.h"

#include <QDateTime>
#include <QSignalSpy>
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

    QString open(const QString &path)
    {
        if (QString error = database->open(path); !error.isEmpty())
            return error;
        db = database->connection();
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
