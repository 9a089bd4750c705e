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
#include "search/TermDictionary.h"
#include "store/AccountRepository.h"
#include "store/Database.h"
#include "store/MessageRepository.h"
#include "tracking/ReportIngest.h"

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

    QString expression(const QString &query)
    {
        const TermDictionary dictionary(m_db);
        return LocalSearch::ftsExpression(*parseQuery(query, kToday).root, &dictionary);
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


    void dictionaryTokenizesAsTheIndex()
    {
        const TermDictionary dictionary(m_db);
        QCOMPARE(dictionary.tokens(QStringLiteral("Jürgen MÜLLER-Lüdenscheid, façade")),
                 (QStringList{QStringLiteral("jurgen"), QStringLiteral("muller"), QStringLiteral("ludenscheid"),
                              QStringLiteral("facade")}));
        QCOMPARE(dictionary.tokens(QStringLiteral(" -- ")), QStringList());
        QCOMPARE(dictionary.completions(QStringLiteral("mul"), 10), QStringList{QStringLiteral("muller")});
        QCOMPARE(dictionary.completions(QStringLiteral("zep"), 10), QStringList{QStringLiteral("zeppelin")});
        QCOMPARE(dictionary.completions(QStringLiteral("carol"), 10), QStringList{QStringLiteral("carol")});
        QCOMPARE(dictionary.completions(QStringLiteral("xylo"), 10), QStringList());
        QCOMPARE(dictionary.completions(QStringLiteral("invoice"), 10), QStringList{QStringLiteral("invoice")});
        // More than the cap: no answer rather than a part of one.
        QCOMPARE(dictionary.completions(QStringLiteral("re"), 3)->size(), 3); // rechnung, reminder, report
        QVERIFY(dictionary.completions(QStringLiteral("re"), 2) == std::nullopt);
        QVERIFY(dictionary.completions(QString(), 10) == std::nullopt);
    }

    void prefixBecomesTheOrOfItsTerms()
    {
        QCOMPARE(expression(QStringLiteral("MÜL*")), QStringLiteral("\"muller\""));
        QCOMPARE(expression(QStringLiteral("from:Jürg*")), QStringLiteral("{sender} : \"jurgen\""));
        QCOMPARE(expression(QStringLiteral("\"von jür\"*")), QStringLiteral("\"von jurgen\""));
        QCOMPARE(expression(QStringLiteral("q* -zep*")),
                 QStringLiteral("((\"quarterly\") NOT \"zeppelin\")"));
        QCOMPARE(expression(QStringLiteral("re*")).count(QLatin1String(" OR ")), 2); // rechnung, reminder, report
        QVERIFY(expression(QStringLiteral("re*")).contains(QLatin1String("\"reminder\"")));
        // A prefix no term starts stays FTS5's (which finds nothing, reading nothing).
        QCOMPARE(expression(QStringLiteral("xylo*")), QStringLiteral("\"xylo\" *"));
    }

    void prefixFindsWhatFts5Finds_data()
    {
        QTest::addColumn<QString>("query");
        const char *queries[] = {"mul*", "MÜL*", "Mül*", "grü*", "GRUSSE*", "gruß*", "jür*", "invo*", "Invoice*",
                                 "zep*", "z*", "e*", "re*", "\"von jür\"*", "\"grüße von\"*", "from:car*",
                                 "from:jürgen*", "subject:qua*", "body:zep*", "filename:quar*", "to:ali*",
                                 "cc:da*", "invo* -gard*", "invoice -re*", "mul* OR invo*", "invo* folder:INBOX",
                                 "invo* account:home", "x*", "é*", "2026*"};
        for (const char *query : queries)
            QTest::newRow(query) << QString::fromUtf8(query);
    }

    void prefixFindsWhatFts5Finds()
    {
        // Without a limit the prefix is FTS5's own; with one it is the OR of the terms.
        QFETCH(QString, query);
        const QStringList all = subjects(query, {{}, {}, 0, 0, {}});
        QCOMPARE(subjects(query, {{}, {}, 0, 50, {}}), all);
        QCOMPARE(subjects(query, {{}, {}, 0, 1, {}}), all.first(std::min<qsizetype>(1, all.size())));
    }

    void prefixFindsDiacriticsAndCaseInTheIndex()
    {
        const QString mue = QStringLiteral("Grüße von Jürgen Müller");
        QCOMPARE(subjects(QStringLiteral("muller*")), QStringList{mue});
        QCOMPARE(subjects(QStringLiteral("MUELL*")), QStringList());
        QCOMPARE(subjects(QStringLiteral("gru*")), QStringList{mue});
        QCOMPARE(subjects(QStringLiteral("grus*")), QStringList()); // ß is no diacritic: "gruße"
        QCOMPARE(subjects(QStringLiteral("from:mül*")), QStringList{mue});
        QCOMPARE(subjects(QStringLiteral("\"von jur\"*")), QStringList{mue});
        QCOMPARE(subjects(QStringLiteral("fu*")), QStringList{QStringLiteral("Quarterly report")}); // "für" in HTML
    }

    void prefixForgetsExpungedAndRebuiltMail()
    {
        Store::MessageRepository messages(m_db);
        QCOMPARE(messages.storeBody(idOf(m_archive, 1), plainMail("The walrusian reminder.")), QString());
        QCOMPARE(subjects(QStringLiteral("walrus*")), QStringList{QStringLiteral("Old invoice reminder")});
        QCOMPARE(messages.removeUids(m_archive.id, {1}), QString());
        // The dictionary may still name its terms; FTS5 finds nothing for them.
        QCOMPARE(subjects(QStringLiteral("walrus*")), QStringList());
        QCOMPARE(subjects(QStringLiteral("remi*")), QStringList());
        // UIDVALIDITY changed: the folder is emptied and synced again, without its bodies.
        QCOMPARE(messages.removeAll(m_inbox.id), QString());
        QCOMPARE(subjects(QStringLiteral("zep*")), QStringList());
        QCOMPARE(subjects(QStringLiteral("mul* OR quar*")), QStringList());
        QCOMPARE(messages.upsert(m_inbox.id, {message(7, QStringLiteral("Quarterly report"), QStringLiteral("Bob <bob@example.test>"), at(QDate(2026, 2, 10)))}),
                 QString());
        QCOMPARE(subjects(QStringLiteral("quar*")), QStringList{QStringLiteral("Quarterly report")});
        QCOMPARE(subjects(QStringLiteral("rech*")), QStringList()); // its body is not here yet
        QCOMPARE(subjects(QStringLiteral("invo*")), QStringList{QStringLiteral("Invoice for the garden")});
        QVERIFY(Index(m_db).status().healthy);
        // A rebuild leaves the dictionary with the index's terms only.
        QCOMPARE(Index(m_db).rebuild(), QString());
        const TermDictionary dictionary(m_db);
        QCOMPARE(dictionary.completions(QStringLiteral("walrus"), 10), QStringList());
        QCOMPARE(dictionary.completions(QStringLiteral("zep"), 10), QStringList());
        QCOMPARE(dictionary.completions(QStringLiteral("mul"), 10), QStringList());
        QCOMPARE(dictionary.completions(QStringLiteral("quar"), 10), QStringList{QStringLiteral("quarterly")});
        QCOMPARE(subjects(QStringLiteral("quar*")), QStringList{QStringLiteral("Quarterly report")});
    }

    void dictionaryKeptByEveryWriterAndRepaired()
    {
        // Header fields through the cache writer, bodies and file names through the index.
        Store::MessageRepository messages(m_db);
        Store::MessageRecord r = message(30, QStringLiteral("Ölförderung"), QStringLiteral("Ärne Ødegård <aerne@fjord.example>"), at(QDate(2026, 1, 5)));
        r.toAddresses = QStringLiteral("Zoë <zoe@example.test>");
        r.ccAddresses = QStringLiteral("Çedille <cc@example.test>");
        QCOMPARE(messages.upsert(m_inbox.id, {r}), QString());
        QCOMPARE(messages.storeBody(idOf(m_inbox, 30), plainMail("Straße naïve")), QString());
        const TermDictionary dictionary(m_db);
        for (const char *term : {"olforderung", "arne", "ødegard", "aerne", "fjord", "zoe", "cedille", "cc", "straße", "naive"})
            QVERIFY2(dictionary.completions(QString::fromUtf8(term), 10)->contains(QString::fromUtf8(term)), term);
        QCOMPARE(Index(m_db).status().problem, QString());
        QVERIFY(Index(m_db).status().healthy);
        QCOMPARE(subjects(QStringLiteral("ølfö*")), QStringList());
        QCOMPARE(subjects(QStringLiteral("olfo*")), QStringList{QStringLiteral("Ölförderung")});
        QCOMPARE(subjects(QStringLiteral("to:zo*")), QStringList{QStringLiteral("Ölförderung")});
        QCOMPARE(subjects(QStringLiteral("cc:ced*")), QStringList{QStringLiteral("Ölförderung")});
        QCOMPARE(subjects(QStringLiteral("from:øde*")), QStringList{QStringLiteral("Ölförderung")});
        QCOMPARE(subjects(QStringLiteral("body:stra*")), QStringList{QStringLiteral("Ölförderung")});
        QCOMPARE(subjects(QStringLiteral("filename:fig*")), QStringList{QStringLiteral("Quarterly report")});
        // A dictionary that lost terms is reported, and a rebuild restores them.
        QSqlQuery q(m_db);
        QVERIFY(q.exec(QStringLiteral("DELETE FROM search_terms WHERE term IN ('naive', 'fjord')")));
        const IndexStatus damaged = Index(m_db).status();
        QVERIFY(!damaged.healthy);
        QVERIFY2(damaged.problem.contains(QLatin1String("2 indexed terms")), qPrintable(damaged.problem));
        QCOMPARE(Index(m_db).rebuild(), QString());
        QVERIFY(Index(m_db).status().healthy);
        QCOMPARE(subjects(QStringLiteral("nai*")), QStringList{QStringLiteral("Ölförderung")});
    }

    void dictionaryTakesFts5sOwnTokensOrTokenizesItself()
    {
        // A profile's connection shows the writer the tokens FTS5 indexes (no second
        // tokenization); a connection without that (not opened by Store::Database) has the
        // writer tokenize the texts itself. The dictionary is complete either way.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("profile.sqlite"));
        Store::Database database;
        QCOMPARE(database.open(path), QString());
        QSqlDatabase db = database.connection();
        Store::Account account = Test::localAccount(QStringLiteral("work"), QStringLiteral("alice@example.test"));
        QCOMPARE(Store::AccountRepository(db).add(account), QString());
        Store::Folder inbox;
        QCOMPARE(Test::addFolder(db, account.id, QStringLiteral("INBOX"), &inbox), QString());
        {
            NewTerms terms(db);
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("INSERT INTO messages(folder_id, uid, subject, date) VALUES (%1, 1, 'Capturé tamarillo', 1767225600)")
                               .arg(inbox.id)));
            QVERIFY(terms.captured());
            QCOMPARE(terms.store(), QString());
        }
        QCOMPARE(TermDictionary(db).completions(QStringLiteral("tamar"), 10).value_or(QStringList()), QStringList{QStringLiteral("tamarillo")});
        QCOMPARE(TermDictionary(db).completions(QStringLiteral("captur"), 10).value_or(QStringList()), QStringList{QStringLiteral("capture")});
        Store::MessageRepository messages(db);
        QCOMPARE(messages.upsert(inbox.id, {message(2, QStringLiteral("Salak rambutan"), QStringLiteral("Pé <pe@fruit.example>"), at(QDate(2026, 1, 5)))}), QString());
        QCOMPARE(messages.storeBody(messages.find(inbox.id, 2)->id, plainMail("longan mangosteen")), QString());

        const QString plainName = QStringLiteral("plain-%1").arg(quintptr(this));
        {
            QSqlDatabase plain = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), plainName);
            plain.setDatabaseName(path);
            QVERIFY(plain.open());
            QVERIFY(QSqlQuery(plain).exec(QStringLiteral("PRAGMA busy_timeout = 5000")));
            {
                NewTerms terms(plain);
                QSqlQuery q(plain);
                QVERIFY(q.exec(QStringLiteral("INSERT INTO messages(folder_id, uid, subject, date) VALUES (%1, 3, 'Soursop', 1767225601)")
                                   .arg(inbox.id)));
                QVERIFY(!terms.captured());
                QCOMPARE(terms.store(), QString()); // nothing added: its terms are missing
            }
            Store::MessageRepository plainMessages(plain);
            QCOMPARE(plainMessages.upsert(inbox.id, {message(4, QStringLiteral("Jabuticaba cherimoya"), QStringLiteral("Qü <q@fruit.example>"), at(QDate(2026, 1, 6)))}), QString());
            QCOMPARE(plainMessages.storeBody(plainMessages.find(inbox.id, 4)->id, plainMail("feijoa pitaya")), QString());
        }
        QSqlDatabase::removeDatabase(plainName);
        const TermDictionary dictionary(db);
        for (const char *term : {"salak", "rambutan", "pe", "fruit", "longan", "mangosteen", "jabuticaba", "cherimoya", "qu",
                                 "feijoa", "pitaya"})
            QVERIFY2(dictionary.completions(QString::fromUtf8(term), 10)->contains(QString::fromUtf8(term)), term);
        QCOMPARE(dictionary.missingTerms(), 1); // "soursop", which nobody added
        QCOMPARE(TermDictionary(db).completions(QStringLiteral("sours"), 10).value_or(QStringList{QStringLiteral("error")}), QStringList());
    }

    void dictionaryForgetsNothingARollbackTookBack()
    {
        // The connection remembers terms it found in the dictionary; never one that a
        // rollback removed: the term comes back with the next mail that has it.
        Store::MessageRepository messages(m_db);
        const auto completions = [this](const char *prefix) {
            return TermDictionary(m_db).completions(QString::fromUtf8(prefix), 10).value_or(QStringList{QStringLiteral("cap")});
        };
        {
            Store::Transaction transaction(m_db);
            QCOMPARE(messages.upsert(m_inbox.id, {message(40, QStringLiteral("Ephemeral kumquat"), QStringLiteral("a@example.test"), at(QDate(2026, 1, 7)))}), QString());
            // Found again in the same transaction, where it is not committed yet.
            QCOMPARE(messages.storeBody(idOf(m_inbox, 40), plainMail("kumquat kiwano")), QString());
            QCOMPARE(completions("kumq"), QStringList{QStringLiteral("kumquat")});
        } // rolled back
        QCOMPARE(completions("kumq"), QStringList());
        QCOMPARE(completions("kiwa"), QStringList());
        QCOMPARE(messages.upsert(m_inbox.id, {message(41, QStringLiteral("Kumquat again"), QStringLiteral("a@example.test"), at(QDate(2026, 1, 8)))}), QString());
        QCOMPARE(messages.storeBody(idOf(m_inbox, 41), plainMail("a kiwano")), QString());
        QCOMPARE(completions("kumq"), QStringList{QStringLiteral("kumquat")});
        QCOMPARE(completions("kiwa"), QStringList{QStringLiteral("kiwano")});
        QCOMPARE(subjects(QStringLiteral("kumq*")), QStringList{QStringLiteral("Kumquat again")});
        QCOMPARE(subjects(QStringLiteral("kiw*")), QStringList{QStringLiteral("Kumquat again")});
        // Committed and remembered, then rolled back inside a savepoint of a transaction that
        // commits: still there for the mail that has it.
        {
            Store::Transaction outer(m_db);
            {
                Store::Transaction inner(m_db);
                QCOMPARE(messages.upsert(m_inbox.id, {message(42, QStringLiteral("Savepoint yuzu"), QStringLiteral("a@example.test"), at(QDate(2026, 1, 9)))}), QString());
            } // rolled back to the savepoint
            QCOMPARE(messages.storeBody(idOf(m_inbox, 41), plainMail("a kiwano and a yuzu")), QString());
            QVERIFY(outer.commit());
        }
        QCOMPARE(completions("yuz"), QStringList{QStringLiteral("yuzu")});
        QCOMPARE(subjects(QStringLiteral("yu*")), QStringList{QStringLiteral("Kumquat again")});
        QVERIFY(Index(m_db).status().healthy);
        // Remembered (found committed by the next writer), then removed by a rebuild: the
        // connection forgets, and the term comes back with the next mail that has it.
        QCOMPARE(messages.upsert(m_inbox.id, {message(43, QStringLiteral("Kumquat twice"), QStringLiteral("a@example.test"), at(QDate(2026, 1, 10)))}), QString());
        QCOMPARE(messages.removeUids(m_inbox.id, {41, 43}), QString());
        QCOMPARE(Index(m_db).rebuild(), QString());
        QCOMPARE(completions("kumq"), QStringList());
        QCOMPARE(messages.upsert(m_inbox.id, {message(44, QStringLiteral("Kumquat returns"), QStringLiteral("a@example.test"), at(QDate(2026, 1, 11)))}), QString());
        QCOMPARE(completions("kumq"), QStringList{QStringLiteral("kumquat")});
        QCOMPARE(subjects(QStringLiteral("kumq*")), QStringList{QStringLiteral("Kumquat returns")});
        QVERIFY(Index(m_db).status().healthy);
    }

    void prefixWithMoreTermsThanTheCapFindsEveryMatch()
    {
        // Three messages with 800 distinct terms each that start "capword": more than
        // kMaxPrefixTerms, so FTS5's own prefix query answers, and misses none.
        static_assert(3 * 800 > kMaxPrefixTerms);
        Store::MessageRepository messages(m_db);
        QList<Store::MessageRecord> rows;
        for (quint32 uid = 20; uid < 23; ++uid)
            rows.append(message(uid, QStringLiteral("Many words %1").arg(uid), QStringLiteral("a@example.test"), at(QDate(2026, 1, int(uid)))));
        QCOMPARE(messages.upsert(m_inbox.id, rows), QString());
        QList<std::pair<qint64, QByteArray>> bodies;
        for (quint32 uid = 20; uid < 23; ++uid) {
            QByteArray body;
            for (int i = 0; i < 800; ++i)
                body += "capword" + QByteArray::number(int(uid - 20) * 800 + i) + ' ';
            bodies.append({idOf(m_inbox, uid), plainMail(body)});
        }
        QCOMPARE(messages.storeBodies(bodies), QString());
        QVERIFY(TermDictionary(m_db).completions(QStringLiteral("capword"), kMaxPrefixTerms) == std::nullopt);
        QCOMPARE(expression(QStringLiteral("capword*")), QStringLiteral("\"capword\" *"));
        const QStringList three{QStringLiteral("Many words 22"), QStringLiteral("Many words 21"), QStringLiteral("Many words 20")};
        QCOMPARE(subjects(QStringLiteral("capword*")), three);
        QCOMPARE(subjects(QStringLiteral("capword*"), {{}, {}, 0, 2, {}}), three.first(2));
        QCOMPARE(subjects(QStringLiteral("body:capw* -capword2399")), three.last(2));
        // Under the cap (capword1, 10…19, 100…199, 1000…1999: 1,111 terms): expanded, the same.
        QCOMPARE(TermDictionary(m_db).completions(QStringLiteral("capword1"), kMaxPrefixTerms)->size(), 1111);
        QVERIFY(expression(QStringLiteral("capword1*")).contains(QLatin1String("\"capword1999\"")));
        QCOMPARE(subjects(QStringLiteral("capword1*")), three); // 1…199 in 20, 1000…1599 in 21, 1600…1999 in 22
        QCOMPARE(subjects(QStringLiteral("capword1*"), {{}, {}, 0, 0, {}}), three);
        const QStringList twoOfThem{three.at(0), three.at(2)}; // 2, 20…29, 200…299 in 20; 2000…2399 in 22
        QCOMPARE(subjects(QStringLiteral("capword2*")), twoOfThem);
        QCOMPARE(subjects(QStringLiteral("capword2*"), {{}, {}, 0, 0, {}}), twoOfThem);
        QCOMPARE(subjects(QStringLiteral("capword5*")), QStringList{three.at(2)}); // 5, 50…59, 500…599 in 20
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
        // every migration but the index's later ones (181, 220; of 226 only its column), so
        // that today's repositories (which write columns of later migrations, e.g. 201's
        // bcc_addresses) can fill it.
        QTemporaryDir dir;
        const QString older = dir.filePath(QStringLiteral("sql"));
        QCOMPARE(Test::copyMigrations(older,
                                      [](const QString &name) {
                                          return !name.startsWith(QLatin1String("181-")) && !name.startsWith(QLatin1String("220-"))
                                              && !name.startsWith(QLatin1String("226-"));
                                      }),
                 QString());
        QFile column(older + QStringLiteral("/226-search-deferred.sql"));
        QVERIFY(column.open(QIODevice::WriteOnly));
        column.write("ALTER TABLE messages ADD COLUMN search_pending INTEGER NOT NULL DEFAULT 0;\n");
        column.close();
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

    void upgradeAddsTheTermDictionary()
    {
        // A profile from before 215-search-terms.sql (made with today's repositories, which
        // write the dictionary, and then taken back to before it): prefixes are expanded at
        // once after the upgrade, from the terms already indexed.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("profile.sqlite"));
        const qint64 date = QDateTime(QDate(2026, 3, 1), QTime(8, 0)).toSecsSinceEpoch();
        {
            Store::Database old;
            QCOMPARE(old.open(path), QString());
            QSqlDatabase db = old.connection();
            Store::Account account = Test::localAccount(QStringLiteral("work"), QStringLiteral("alice@example.test"));
            QCOMPARE(Store::AccountRepository(db).add(account), QString());
            Store::Folder inbox;
            QCOMPARE(Test::addFolder(db, account.id, QStringLiteral("INBOX"), &inbox), QString());
            Store::MessageRepository messages(db);
            QCOMPARE(messages.upsert(inbox.id, {message(1, QStringLiteral("Narwhal sighting"), QStringLiteral("a@example.test"), date),
                                                message(2, QStringLiteral("Other"), QStringLiteral("a@example.test"), date + 60)}),
                     QString());
            QCOMPARE(messages.storeBody(messages.find(inbox.id, 2)->id, plainMail("Narwhals, NÁRWHALÉ and a narwhalesque body")), QString());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("DROP TABLE search_terms")));
            QVERIFY(q.exec(QStringLiteral("DROP TABLE message_search_vocab")));
            QVERIFY(q.exec(QStringLiteral("DROP TABLE search_terms_state")));
            QVERIFY(q.exec(QStringLiteral("DELETE FROM schema_migrations WHERE name = '215-search-terms.sql'")));
        }
        Store::Database upgraded;
        QCOMPARE(upgraded.open(path), QString());
        QVERIFY(upgraded.appliedMigrations().contains(QStringLiteral("215-search-terms.sql")));
        QSqlDatabase db = upgraded.connection();
        QCOMPARE(TermDictionary(db).completions(QStringLiteral("narwhal"), 10),
                 (QStringList{QStringLiteral("narwhal"), QStringLiteral("narwhale"), QStringLiteral("narwhalesque"),
                              QStringLiteral("narwhals")}));
        const ParsedQuery parsed = parseQuery(QStringLiteral("NARWH*"), kToday);
        QVERIFY(parsed.ok());
        const SearchResult result = LocalSearch(db).run(*parsed.root, {});
        QCOMPARE(result.error, QString());
        QStringList found;
        for (const Hit &hit : result.hits)
            found.append(hit.subject);
        QCOMPARE(found, (QStringList{QStringLiteral("Other"), QStringLiteral("Narwhal sighting")}));
        const Search::IndexStatus status = Search::Index(db).status();
        QVERIFY2(status.healthy, qPrintable(status.problem));
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
