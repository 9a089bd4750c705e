// SPDX-License-Identifier: GPL-3.0-or-later
// The local search (issue 17) over a real profile database: the FTS5 index kept by triggers
// as messages are added, expunged, moved and re-synced, bodies indexed when stored, every
// key of the language, delivery-state terms from the tracking store, and queries that must
// never reach SQL as SQL.
#include "LocalCache.h"
#include "TrackingFixture.h"
#include "search/Index.h"
#include "search/LocalSearch.h"
#include "search/SavedSearches.h"
#include "store/AccountRepository.h"
#include "store/Database.h"
#include "store/MessageRepository.h"
#include "tracking/ReportIngest.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Mailtrail;
using namespace Mailtrail::Search;

namespace {

const QDate kToday(2026, 3, 10);

qint64 at(const QDate &date)
{
    return QDateTime(date, QTime(12, 0)).toSecsSinceEpoch();
}

Store::MessageRecord message(quint32 uid, const QString &subject, const QString &from, qint64 date)
{
    Store::MessageRecord r;
    r.uid = uid;
    r.subject = subject;
    r.fromName = from.section(u'<', 0, 0).trimmed();
    r.fromAddress = from.section(u'<', 1).chopped(from.contains(u'<') ? 1 : 0);
    r.messageId = QStringLiteral("<m%1-%2@example.test>").arg(uid).arg(date);
    r.date = date;
    r.size = 1000 * uid;
    return r;
}

QByteArray plainMail(const QByteArray &body)
{
    return "From: x@example.test\r\nSubject: s\r\nContent-Type: text/plain; charset=utf-8\r\n"
           "Content-Transfer-Encoding: 8bit\r\n\r\n" + body + "\r\n";
}

QByteArray mailWithAttachment()
{
    return "From: x@example.test\r\nSubject: s\r\nMIME-Version: 1.0\r\n"
           "Content-Type: multipart/mixed; boundary=b\r\n\r\n"
           "--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
           "<html><body><p>Die <b>Rechnung</b> f&uuml;r Zeppelin</p><script>secretscript()</script></body></html>\r\n"
           "--b\r\nContent-Type: application/pdf; name=\"quarterly-figures.pdf\"\r\n"
           "Content-Disposition: attachment; filename=\"quarterly-figures.pdf\"\r\n"
           "Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQKbm90aGluZ3RvZmluZAo=\r\n--b--\r\n";
}

} // namespace

class LocalSearchTest : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<Store::Database> m_database;
    QSqlDatabase m_db;
    Store::Folder m_inbox;
    Store::Folder m_archive;
    Store::Folder m_sent;
    qint64 m_otherInbox = 0;

    QStringList subjects(const QString &query, Scope scope = {})
    {
        const ParsedQuery parsed = parseQuery(query, kToday);
        if (!parsed.ok()) {
            qWarning() << "parse error" << parsed.error.message;
            return {QStringLiteral("parse error")};
        }
        if (!scope.now.isValid())
            scope.now = QDateTime(kToday, QTime(12, 0));
        const SearchResult result = LocalSearch(m_db).run(*parsed.root, scope);
        if (!result.error.isEmpty()) {
            qWarning() << result.error;
            return {QStringLiteral("error")};
        }
        QStringList list;
        for (const Hit &hit : result.hits)
            list.append(hit.subject);
        return list;
    }

    qint64 idOf(const Store::Folder &folder, quint32 uid)
    {
        return Store::MessageRepository(m_db).find(folder.id, uid)->id;
    }

private Q_SLOTS:
    void init()
    {
        m_database = std::make_unique<Store::Database>();
        QCOMPARE(m_database->open(QStringLiteral(":memory:")), QString());
        m_db = m_database->connection();
        Store::Account work = Test::localAccount(QStringLiteral("work"), QStringLiteral("alice@example.test"));
        Store::Account home = Test::localAccount(QStringLiteral("home"), QStringLiteral("alice@home.test"));
        QCOMPARE(Store::AccountRepository(m_db).add(work), QString());
        QCOMPARE(Store::AccountRepository(m_db).add(home), QString());
        QCOMPARE(Test::addFolder(m_db, work.id, QStringLiteral("INBOX"), &m_inbox), QString());
        QCOMPARE(Test::addFolder(m_db, work.id, QStringLiteral("Archive/2025"), &m_archive), QString());
        QCOMPARE(Test::addFolder(m_db, work.id, QStringLiteral("Sent"), &m_sent), QString());
        Store::Folder homeInbox;
        QCOMPARE(Test::addFolder(m_db, home.id, QStringLiteral("INBOX"), &homeInbox), QString());
        m_otherInbox = homeInbox.id;

        Store::MessageRepository messages(m_db);
        Store::MessageRecord invoice = message(1, QStringLiteral("Invoice 2026-03"), QStringLiteral("Carol Smith <carol@example.test>"), at(QDate(2026, 3, 5)));
        invoice.toAddresses = QStringLiteral("alice@example.test");
        invoice.ccAddresses = QStringLiteral("dave@example.test");
        Store::MessageRecord mueller = message(2, QStringLiteral("Grüße von Jürgen Müller"), QStringLiteral("Jürgen Müller <jm@example.de>"), at(QDate(2026, 3, 1)));
        mueller.flags = {"\\Seen", "\\Flagged"};
        Store::MessageRecord report = message(3, QStringLiteral("Quarterly report"), QStringLiteral("Bob <bob@example.test>"), at(QDate(2026, 2, 10)));
        report.flags = {"\\Seen", "\\Answered"};
        report.contentType = QStringLiteral("multipart/mixed");
        QCOMPARE(messages.upsert(m_inbox.id, {invoice, mueller, report}), QString());
        Store::MessageRecord old = message(1, QStringLiteral("Old invoice reminder"), QStringLiteral("Carol Smith <carol@example.test>"), at(QDate(2025, 11, 20)));
        QCOMPARE(messages.upsert(m_archive.id, {old}), QString());
        Store::MessageRecord homeMail = message(1, QStringLiteral("Invoice for the garden"), QStringLiteral("Gardener <g@home.test>"), at(QDate(2026, 3, 8)));
        QCOMPARE(messages.upsert(m_otherInbox, {homeMail}), QString());

        QCOMPARE(messages.storeBody(idOf(m_inbox, 1), plainMail("Please pay by Friday. The zeppelin fee is included.")), QString());
        QCOMPARE(messages.storeBody(idOf(m_inbox, 3), mailWithAttachment()), QString());
    }

    void cleanup()
    {
        m_db = QSqlDatabase();
        m_database.reset();
    }

    void findsByEveryKey_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("expected");
        const QString inv = QStringLiteral("Invoice 2026-03");
        const QString mue = QStringLiteral("Grüße von Jürgen Müller");
        const QString rep = QStringLiteral("Quarterly report");
        const QString old = QStringLiteral("Old invoice reminder");
        const QString garden = QStringLiteral("Invoice for the garden");
        QTest::newRow("word-newest-first") << "invoice" << QStringList{garden, inv, old};
        QTest::newRow("case") << "INVOICE" << QStringList{garden, inv, old};
        QTest::newRow("diacritics") << "muller" << QStringList{mue};
        QTest::newRow("diacritics-in-query") << "grüsse OR grüße" << QStringList{mue};
        QTest::newRow("prefix") << "invo*" << QStringList{garden, inv, old};
        QTest::newRow("prefix-short") << "zep*" << QStringList{inv, rep};
        QTest::newRow("phrase") << "\"invoice reminder\"" << QStringList{old};
        QTest::newRow("phrase-wrong-order") << "\"reminder invoice\"" << QStringList{};
        QTest::newRow("body-plain") << "friday" << QStringList{inv};
        QTest::newRow("body-html") << "rechnung" << QStringList{rep};
        QTest::newRow("html-entity") << "für" << QStringList{rep};
        QTest::newRow("no-script-text") << "secretscript" << QStringList{};
        QTest::newRow("no-attachment-contents") << "nothingtofind" << QStringList{};
        QTest::newRow("from") << "from:carol" << QStringList{inv, old};
        QTest::newRow("from-address") << "from:carol@example.test" << QStringList{inv, old};
        QTest::newRow("from-not-subject") << "from:invoice" << QStringList{};
        QTest::newRow("to") << "to:alice" << QStringList{inv};
        QTest::newRow("cc") << "cc:dave" << QStringList{inv};
        QTest::newRow("subject") << "subject:quarterly" << QStringList{rep};
        QTest::newRow("body") << "body:zeppelin" << QStringList{inv, rep};
        QTest::newRow("body-not-subject") << "body:invoice" << QStringList{};
        QTest::newRow("filename") << "filename:quarterly" << QStringList{rep};
        QTest::newRow("filename-full") << "filename:quarterly-figures.pdf" << QStringList{rep};
        QTest::newRow("has-attachment") << "has:attachment" << QStringList{rep};
        QTest::newRow("is-unread") << "is:unread" << QStringList{garden, inv, old};
        QTest::newRow("is-read") << "is:read" << QStringList{mue, rep};
        QTest::newRow("is-flagged") << "is:flagged" << QStringList{mue};
        QTest::newRow("is-answered") << "is:answered" << QStringList{rep};
        QTest::newRow("folder") << "folder:archive" << QStringList{old};
        QTest::newRow("folder-and-word") << "invoice folder:INBOX" << QStringList{garden, inv};
        QTest::newRow("account") << "account:home" << QStringList{garden};
        QTest::newRow("account-and-word") << "invoice account:work" << QStringList{inv, old};
        QTest::newRow("before") << "before:2026-03-01" << QStringList{rep, old};
        QTest::newRow("after") << "after:2026-03-02" << QStringList{garden, inv};
        QTest::newRow("date-range") << "date:2026-02..2026-03" << QStringList{garden, inv, mue, rep};
        QTest::newRow("date-range-and-word") << "invoice date:2025-11..2026-02" << QStringList{old};
        QTest::newRow("relative") << "after:7d" << QStringList{garden, inv};
        QTest::newRow("larger") << "larger:2500" << QStringList{rep};
        QTest::newRow("smaller") << "smaller:1500" << QStringList{garden, inv, old};
        QTest::newRow("exclude-word") << "invoice -garden" << QStringList{inv, old};
        QTest::newRow("exclude-key") << "invoice -from:carol" << QStringList{garden};
        QTest::newRow("exclude-only") << "-invoice" << QStringList{mue, rep};
        QTest::newRow("exclude-structured") << "invoice -is:unread" << QStringList{};
        QTest::newRow("or") << "zeppelin OR muller" << QStringList{inv, mue, rep};
        QTest::newRow("or-mixed") << "muller OR is:answered" << QStringList{mue, rep};
        QTest::newRow("and-or") << "from:carol (reminder OR friday)" << QStringList{inv, old};
        QTest::newRow("nested-not") << "-(invoice OR muller)" << QStringList{rep};
        QTest::newRow("nothing") << "xylophone" << QStringList{};
        QTest::newRow("fts-operators-are-words") << "\"NEAR(invoice\" OR \"AND\"" << QStringList{};
        QTest::newRow("quotes-in-phrase") << "\"inv\"\"oice\"" << QStringList{};
        QTest::newRow("sql-quote") << "\"invoice'; DROP TABLE messages; --\"" << QStringList{};
        QTest::newRow("like-wildcards-in-folder") << "folder:%" << QStringList{QStringLiteral("parse error")};
        QTest::newRow("like-underscore-is-literal") << "folder:_rchive" << QStringList{};
    }

    void findsByEveryKey()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, expected);
        QCOMPARE(subjects(query), expected);
        QSqlQuery count(m_db);
        QVERIFY(count.exec(QStringLiteral("SELECT COUNT(*) FROM messages")) && count.next());
        QCOMPARE(count.value(0).toInt(), 5); // nothing was dropped by a query
    }

    void scopeAndLimit()
    {
        QCOMPARE(subjects(QStringLiteral("invoice"), {QStringLiteral("work"), {}, 0, 50, {}}),
                 (QStringList{QStringLiteral("Invoice 2026-03"), QStringLiteral("Old invoice reminder")}));
        QCOMPARE(subjects(QStringLiteral("invoice"), {{}, QStringLiteral("Archive/2025"), 0, 50, {}}),
                 QStringList{QStringLiteral("Old invoice reminder")});
        QCOMPARE(subjects(QStringLiteral("invoice"), {{}, {}, m_otherInbox, 50, {}}),
                 QStringList{QStringLiteral("Invoice for the garden")});
        QCOMPARE(subjects(QStringLiteral("invoice"), {{}, {}, 0, 1, {}}),
                 QStringList{QStringLiteral("Invoice for the garden")});
    }

    void hitCarriesWhereItIs()
    {
        const SearchResult result = LocalSearch(m_db).run(*parseQuery(QStringLiteral("friday"), kToday).root, {});
        QCOMPARE(result.hits.size(), 1);
        const Hit &hit = result.hits.first();
        QCOMPARE(hit.account, QStringLiteral("work"));
        QCOMPARE(hit.folder, QStringLiteral("INBOX"));
        QCOMPARE(hit.uid, 1u);
        QCOMPARE(hit.fromAddress, QStringLiteral("carol@example.test"));
        QCOMPARE(hit.date, QDateTime::fromSecsSinceEpoch(at(QDate(2026, 3, 5)), Qt::UTC));
        QCOMPARE(hit.where, Where::Local);
        QVERIFY(hit.messageId.startsWith(u'<'));
    }

    void expungeRemovesFromIndex()
    {
        Store::MessageRepository messages(m_db);
        QCOMPARE(messages.removeUids(m_inbox.id, {1}), QString());
        QCOMPARE(subjects(QStringLiteral("friday")), QStringList());
        QCOMPARE(subjects(QStringLiteral("invoice")),
                 (QStringList{QStringLiteral("Invoice for the garden"), QStringLiteral("Old invoice reminder")}));
        QVERIFY(Index(m_db).status().healthy);
    }

    void uidValidityChangeEmptiesFolder()
    {
        Store::MessageRepository messages(m_db);
        QCOMPARE(messages.removeAll(m_inbox.id), QString());
        QCOMPARE(subjects(QStringLiteral("zeppelin OR muller OR quarterly")), QStringList());
        const Store::MessageRecord again = message(7, QStringLiteral("Quarterly report"), QStringLiteral("Bob <bob@example.test>"), at(QDate(2026, 2, 10)));
        QCOMPARE(messages.upsert(m_inbox.id, {again}), QString());
        QCOMPARE(subjects(QStringLiteral("quarterly")), QStringList{QStringLiteral("Quarterly report")});
        QCOMPARE(subjects(QStringLiteral("rechnung")), QStringList()); // its body is not here yet
        QVERIFY(Index(m_db).status().healthy);
    }

    void movedMessageIsFoundInItsNewFolder()
    {
        Store::MessageRepository messages(m_db);
        Store::MessageRecord moved = *messages.find(m_inbox.id, 2);
        QCOMPARE(messages.removeUids(m_inbox.id, {2}), QString());
        moved.uid = 9;
        moved.id = 0;
        QCOMPARE(messages.upsert(m_archive.id, {moved}), QString());
        const SearchResult result = LocalSearch(m_db).run(*parseQuery(QStringLiteral("muller"), kToday).root, {});
        QCOMPARE(result.hits.size(), 1);
        QCOMPARE(result.hits.first().folder, QStringLiteral("Archive/2025"));
        QCOMPARE(result.hits.first().uid, 9u);
    }

    void flagChangesAreSeen()
    {
        QCOMPARE(Store::MessageRepository(m_db).updateFlags(m_inbox.id, {{1, {"\\Seen", "\\Flagged"}, 5}}), QString());
        QCOMPARE(subjects(QStringLiteral("invoice is:flagged")), QStringList{QStringLiteral("Invoice 2026-03")});
        QCOMPARE(subjects(QStringLiteral("invoice is:unread")),
                 (QStringList{QStringLiteral("Invoice for the garden"), QStringLiteral("Old invoice reminder")}));
    }

    void bodyStoredTwiceIsIndexedOnce()
    {
        Store::MessageRepository messages(m_db);
        QCOMPARE(messages.storeBody(idOf(m_inbox, 1), plainMail("Now it says walrus.")), QString());
        QCOMPARE(subjects(QStringLiteral("walrus")), QStringList{QStringLiteral("Invoice 2026-03")});
        QCOMPARE(subjects(QStringLiteral("friday")), QStringList());
        QVERIFY(Index(m_db).status().healthy);
    }

    void deliveryStateTerms()
    {
        Tracking::TrackingStore store(m_db);
        const QDateTime t0(QDate(2026, 3, 2), QTime(10, 0), Qt::UTC);
        QVERIFY(Test::addThreeOutcomesMessage(store, t0, QStringLiteral("work")) > 0);
        Tracking::IncomingMail mail;
        mail.raw = Test::trackingFixture(QStringLiteral("postfix-three-outcomes.eml"));
        QVERIFY(!mail.raw.isEmpty());
        mail.origin = QStringLiteral("work/INBOX/99");
        mail.date = t0.addSecs(300);
        Tracking::ReportIngest ingest(store);
        QCOMPARE(ingest.ingest(mail).eventsAdded, 3);

        Store::MessageRecord sent = message(1, QStringLiteral("Three outcomes"), QStringLiteral("Alice <alice@example.test>"), t0.toSecsSinceEpoch());
        sent.messageId = QStringLiteral("<three@example.test>");
        QCOMPARE(Store::MessageRepository(m_db).upsert(m_sent.id, {sent}), QString());

        const QStringList three{QStringLiteral("Three outcomes")};
        QCOMPARE(subjects(QStringLiteral("state:failed")), three);
        QCOMPARE(subjects(QStringLiteral("state:delivered")), three);
        QCOMPARE(subjects(QStringLiteral("state:displayed")), QStringList());
        QCOMPARE(subjects(QStringLiteral("recipient-state:ghost@example.test=failed")), three);
        QCOMPARE(subjects(QStringLiteral("recipient-state:bob@example.test=failed")), QStringList());
        QCOMPARE(subjects(QStringLiteral("status:5.1.1")), three);
        QCOMPARE(subjects(QStringLiteral("status:5")), three);
        QCOMPARE(subjects(QStringLiteral("status:5.7")), QStringList());
        QCOMPARE(subjects(QStringLiteral("outcomes state:failed")), three);
        QCOMPARE(subjects(QStringLiteral("outcomes -state:failed")), QStringList());
        QCOMPARE(subjects(QStringLiteral("state:failed after:10d")), three);
        QCOMPARE(subjects(QStringLiteral("state:failed after:7d")), QStringList());
    }

    void statusAndRebuild()
    {
        Index index(m_db);
        IndexStatus s = index.status();
        QCOMPARE(s.messages, 5);
        QCOMPARE(s.withText, 2);
        QCOMPARE(s.pendingBodies, 0);
        QVERIFY(s.indexBytes > 0);
        QVERIFY(s.textBytes > 0);
        QVERIFY2(s.healthy, qPrintable(s.problem));
        QCOMPARE(index.status(QStringLiteral("home")).messages, 1);

        // A damaged index (its text dropped behind the triggers' back) is found and repaired.
        QSqlQuery q(m_db);
        QVERIFY(q.exec(QStringLiteral("INSERT INTO message_search(message_search) VALUES('delete-all')")));
        QCOMPARE(subjects(QStringLiteral("invoice")), QStringList());
        QVERIFY(!index.status().healthy);
        QCOMPARE(index.rebuild(), QString());
        QVERIFY(index.status().healthy);
        QCOMPARE(subjects(QStringLiteral("friday")), QStringList{QStringLiteral("Invoice 2026-03")});

        // Bodies cached before their text was indexed are caught up.
        QVERIFY(q.exec(QStringLiteral("UPDATE search_documents SET body = NULL, attachments = NULL")));
        QCOMPARE(index.status().pendingBodies, 2);
        QCOMPARE(subjects(QStringLiteral("friday")), QStringList());
        int done = 0;
        QCOMPARE(index.catchUp(1, &done), QString());
        QCOMPARE(done, 1);
        QCOMPARE(index.catchUp(10, &done), QString());
        QCOMPARE(done, 1);
        QCOMPARE(index.status().pendingBodies, 0);
        QCOMPARE(subjects(QStringLiteral("friday")), QStringList{QStringLiteral("Invoice 2026-03")});
        QCOMPARE(index.rebuild(QStringLiteral("work")), QString());
        QVERIFY(index.status().healthy);
    }

    void documentKeysAreDateSecondsAndNeverCollide()
    {
        // 181-search-compact-index.sql: a document's key is its message's date in seconds,
        // or the first free key after it; never smaller than the date.
        const qint64 second = QDateTime(QDate(2026, 3, 9), QTime(23, 59, 59)).toSecsSinceEpoch();
        Store::MessageRepository messages(m_db);
        QList<Store::MessageRecord> rows;
        for (quint32 uid = 10; uid < 13; ++uid)
            rows.append(message(uid, QStringLiteral("Same second %1 sametick").arg(uid), QStringLiteral("a@example.test"), second));
        rows.append(message(13, QStringLiteral("Next second sametick"), QStringLiteral("a@example.test"), second + 1));
        QCOMPARE(messages.upsert(m_inbox.id, rows), QString());
        QSqlQuery q(m_db);
        QVERIFY(q.exec(QStringLiteral("SELECT d.key, m.date FROM search_documents d JOIN messages m ON m.id = d.message_rowid "
                                      "WHERE m.subject LIKE '%sametick' ORDER BY d.key")));
        QList<qint64> keys;
        while (q.next()) {
            QVERIFY(q.value(0).toLongLong() >= q.value(1).toLongLong());
            keys.append(q.value(0).toLongLong());
        }
        QCOMPARE(keys, (QList<qint64>{second, second + 1, second + 2, second + 3}));
        // All found, newest key first.
        QCOMPARE(subjects(QStringLiteral("sametick")).size(), 4);
        // Keys pushed past midnight still belong to the day of their date, and not to the next.
        QCOMPARE(subjects(QStringLiteral("sametick date:2026-03-09")).size(), 3);
        QCOMPARE(subjects(QStringLiteral("sametick date:2026-03-10")), QStringList{QStringLiteral("Next second sametick")});
        QCOMPARE(subjects(QStringLiteral("sametick -date:2026-03-09")), QStringList{QStringLiteral("Next second sametick")});
        QCOMPARE(subjects(QStringLiteral("sametick before:2026-03-10")).size(), 3);
        QCOMPARE(subjects(QStringLiteral("sametick after:2026-03-10")), QStringList{QStringLiteral("Next second sametick")});
    }

    void manyMessagesOfOneSecondKeepUniqueKeysWithinTheirDay()
    {
        // 220-search-key-runs.sql: a run of messages that share a second (mail without a
        // usable Date is stored with date 0; an import may stamp a batch with one Date)
        // takes keys from the minute after it, then from the day after it, never a walk
        // over the run. Every key is unique, never below the date, below date + 1 day.
        const qint64 second = QDateTime(QDate(2026, 3, 9), QTime(10, 0)).toSecsSinceEpoch();
        Store::MessageRepository messages(m_db);
        QList<Store::MessageRecord> rows;
        quint32 uid = 100;
        for (int i = 0; i < 150; ++i, ++uid)
            rows.append(message(uid, QStringLiteral("Batch %1 runtick").arg(uid), QStringLiteral("a@example.test"), second));
        // A message ten seconds later, and one without a date, come in the middle of the run.
        rows.insert(30, message(uid++, QStringLiteral("Later runtick"), QStringLiteral("a@example.test"), second + 10));
        for (int i = 0; i < 80; ++i, ++uid)
            rows.append(message(uid, QStringLiteral("Undated %1 nodatetick").arg(uid), QStringLiteral("a@example.test"), 0));
        QCOMPARE(messages.upsert(m_inbox.id, rows), QString());

        QSqlQuery q(m_db);
        QVERIFY(q.exec(QStringLiteral("SELECT d.key, m.date, m.subject FROM search_documents d JOIN messages m "
                                      "ON m.id = d.message_rowid WHERE m.subject LIKE '%tick'")));
        QSet<qint64> keys;
        int rowsSeen = 0;
        while (q.next()) {
            ++rowsSeen;
            const qint64 key = q.value(0).toLongLong();
            const qint64 date = q.value(1).toLongLong();
            QVERIFY2(key >= date && key < date + 24 * 3600, qPrintable(q.value(2).toString()));
            keys.insert(key);
        }
        QCOMPARE(rowsSeen, 231);
        QCOMPARE(keys.size(), 231);
        Scope all;
        all.limit = 0;
        QCOMPARE(subjects(QStringLiteral("runtick"), all).size(), 151);
        QCOMPARE(subjects(QStringLiteral("runtick date:2026-03-09"), all).size(), 151);
        QCOMPARE(subjects(QStringLiteral("runtick before:2026-03-10 after:2026-03-08"), all).size(), 151);
        QCOMPARE(subjects(QStringLiteral("runtick date:2026-03-10"), all), QStringList());
        QCOMPARE(subjects(QStringLiteral("nodatetick"), all).size(), 80);
        QCOMPARE(subjects(QStringLiteral("nodatetick after:2000-01-01"), all), QStringList());

        // A day with no free key left after the date (86,399 keys taken) still gets one: the
        // first free key after the run, found by the walk, inside the day.
        const qint64 full = QDateTime(QDate(2026, 3, 20), QTime(0, 0)).toSecsSinceEpoch();
        QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys = OFF")));
        QVERIFY(q.exec(QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 86398) "
                                      "INSERT INTO search_documents(key, message_rowid) SELECT %1 + i, -1 - i FROM n")
                           .arg(full)));
        QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys = ON")));
        QCOMPARE(messages.upsert(m_inbox.id, {message(uid, QStringLiteral("Crowded day fulltick"), QStringLiteral("a@example.test"), full)}),
                 QString());
        QVERIFY(q.exec(QStringLiteral("SELECT d.key FROM search_documents d JOIN messages m ON m.id = d.message_rowid "
                                      "WHERE m.subject = 'Crowded day fulltick'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toLongLong(), full + 86399);
        QCOMPARE(subjects(QStringLiteral("fulltick date:2026-03-20")), QStringList{QStringLiteral("Crowded day fulltick")});
    }

    void bodiesStoredInABatchInAnyOrder()
    {
        // Newest first, as the offline download stores them: all indexed, each once.
        Store::MessageRepository messages(m_db);
        QCOMPARE(messages.storeBodies({{idOf(m_inbox, 1), plainMail("walrus one")},
                                       {idOf(m_inbox, 2), plainMail("walrus two")},
                                       {idOf(m_inbox, 3), plainMail("walrus three")},
                                       {idOf(m_archive, 1), plainMail("walrus four")}}),
                 QString());
        QCOMPARE(subjects(QStringLiteral("walrus")),
                 (QStringList{QStringLiteral("Invoice 2026-03"), QStringLiteral("Grüße von Jürgen Müller"),
                              QStringLiteral("Quarterly report"), QStringLiteral("Old invoice reminder")}));
        QCOMPARE(subjects(QStringLiteral("body:two")), QStringList{QStringLiteral("Grüße von Jürgen Müller")});
        QVERIFY(messages.body(idOf(m_archive, 1)));
        // A message that is gone meanwhile is skipped; an empty batch does nothing.
        QCOMPARE(messages.storeBodies({}), QString());
        const Search::IndexStatus status = Search::Index(m_db).status();
        QVERIFY2(status.healthy, qPrintable(status.problem));
    }

    void upgradeFromTheFirstIndexRekeysAndRebuilds()
    {
        // A profile whose index was made by 180-search.sql (keys date << 20, prefix index):
        // every migration but the index's later ones (181, 220), so that today's repositories
        // (which write columns of later migrations, e.g. 201's bcc_addresses) can fill it.
        QTemporaryDir dir;
        const QString older = dir.filePath(QStringLiteral("sql"));
        QVERIFY(QDir().mkpath(older));
        for (const QString &name : QDir(QString::fromLatin1(Store::Database::defaultMigrations)).entryList({QStringLiteral("*.sql")})) {
            if (!name.startsWith(QLatin1String("181-")) && !name.startsWith(QLatin1String("220-")))
                QVERIFY(QFile::copy(QString::fromLatin1(Store::Database::defaultMigrations) + u'/' + name, older + u'/' + name));
        }
        const QString path = dir.filePath(QStringLiteral("profile.sqlite"));
        const qint64 date = QDateTime(QDate(2026, 3, 1), QTime(8, 0)).toSecsSinceEpoch();
        {
            Store::Database old;
            QCOMPARE(old.open(path, older), QString());
            QSqlDatabase db = old.connection();
            Store::Account account = Test::localAccount(QStringLiteral("work"), QStringLiteral("alice@example.test"));
            QCOMPARE(Store::AccountRepository(db).add(account), QString());
            Store::Folder inbox;
            QCOMPARE(Test::addFolder(db, account.id, QStringLiteral("INBOX"), &inbox), QString());
            Store::MessageRepository messages(db);
            QCOMPARE(messages.upsert(inbox.id, {message(1, QStringLiteral("Earlier narwhal"), QStringLiteral("a@example.test"), date),
                                                message(2, QStringLiteral("Twin narwhal"), QStringLiteral("a@example.test"), date),
                                                message(3, QStringLiteral("Later"), QStringLiteral("a@example.test"), date + 60)}),
                     QString());
            QCOMPARE(messages.storeBody(messages.find(inbox.id, 3)->id, plainMail("a narwhal in the body")), QString());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT MIN(key) FROM search_documents")) && q.next());
            QCOMPARE(q.value(0).toLongLong(), date << 20);
        }
        Store::Database upgraded;
        QCOMPARE(upgraded.open(path), QString());
        QVERIFY(upgraded.appliedMigrations().contains(QStringLiteral("181-search-compact-index.sql")));
        QSqlDatabase db = upgraded.connection();
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT d.key FROM search_documents d ORDER BY d.key")));
        QList<qint64> keys;
        while (q.next())
            keys.append(q.value(0).toLongLong());
        QCOMPARE(keys, (QList<qint64>{date, date + 1, date + 60}));
        const ParsedQuery parsed = parseQuery(QStringLiteral("narwhal"), kToday);
        QVERIFY(parsed.ok());
        const SearchResult result = LocalSearch(db).run(*parsed.root, {});
        QCOMPARE(result.error, QString());
        QStringList found;
        for (const Hit &hit : result.hits)
            found.append(hit.subject);
        QCOMPARE(found, (QStringList{QStringLiteral("Later"), QStringLiteral("Twin narwhal"), QStringLiteral("Earlier narwhal")}));
        const Search::IndexStatus status = Search::Index(db).status();
        QVERIFY2(status.healthy, qPrintable(status.problem));
        QCOMPARE(status.withText, 1);
        // New mail after the upgrade gets a date-second key.
        Store::MessageRepository messages(db);
        QVERIFY(!result.hits.isEmpty());
        const qint64 inbox = result.hits.first().folderId;
        QCOMPARE(messages.upsert(inbox, {message(4, QStringLiteral("Newest narwhal"), QStringLiteral("a@example.test"), date + 60)}), QString());
        QVERIFY(q.exec(QStringLiteral("SELECT MAX(key) FROM search_documents")) && q.next());
        QCOMPARE(q.value(0).toLongLong(), date + 61);
    }

    void savedSearchesSaveRenameRemove()
    {
        Search::SavedSearches saved(m_db);
        QCOMPARE(saved.save(QStringLiteral(" Invoices "), QStringLiteral("invoice has:attachment")), QString());
        QCOMPARE(saved.save(QStringLiteral("Carol"), QStringLiteral("from:carol")), QString());
        QList<Search::SavedSearch> list = saved.list();
        QCOMPARE(list.size(), Search::SavedSearches::builtIn().size() + 2);
        const Search::SavedSearch invoices = list.at(list.size() - 2);
        QCOMPARE(invoices.name, QStringLiteral("Invoices"));
        QVERIFY(invoices.id > 0);
        QVERIFY(!saved.save(QStringLiteral("x"), QStringLiteral("unknownkey:1")).isEmpty());
        QVERIFY(!saved.save(QString(), QStringLiteral("invoice")).isEmpty());
        QVERIFY(!saved.rename(invoices.id, QStringLiteral("  ")).isEmpty());
        QVERIFY(saved.rename(invoices.id, QStringLiteral("Carol")).contains(QStringLiteral("Carol")));
        QCOMPARE(saved.rename(invoices.id, QStringLiteral("Bills ")), QString());
        QCOMPARE(saved.rename(invoices.id, QStringLiteral("Bills")), QString()); // its own name again
        QCOMPARE(saved.list().at(list.size() - 2).name, QStringLiteral("Bills"));
        QCOMPARE(saved.remove(invoices.id), QString());
        QVERIFY(!saved.rename(invoices.id, QStringLiteral("Gone")).isEmpty());
        list = saved.list();
        QCOMPARE(list.size(), Search::SavedSearches::builtIn().size() + 1);
        QCOMPARE(list.last().name, QStringLiteral("Carol"));
    }

    void ftsExpressionQuotesEverything()
    {
        const auto fts = [](const char *query) {
            return LocalSearch::ftsExpression(*parseQuery(QString::fromUtf8(query), kToday).root);
        };
        QCOMPARE(fts("invoice"), QStringLiteral("\"invoice\""));
        QCOMPARE(fts("\"a \\\" b\""), QStringLiteral("\"a \"\" b\""));
        QCOMPARE(fts("from:carol invo*"), QStringLiteral("({sender} : \"carol\" AND \"invo\" *)"));
        QCOMPARE(fts("a -b"), QStringLiteral("((\"a\") NOT \"b\")"));
        QCOMPARE(fts("-b"), QString());
        QCOMPARE(fts("a is:unread"), QString());
    }
};

QTEST_GUILESS_MAIN(LocalSearchTest)
#include "LocalSearchTest.moc"
