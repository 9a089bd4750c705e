// SPDX-License-Identifier: GPL-3.0-or-later
// Search::ServerSearch over scripted IMAP conversations: UID SEARCH CHARSET UTF-8 on a server
// without ESEARCH (UTF-8 quoted without LITERAL+), ESEARCH's RETURN (ALL) with ranges, results
// whose text is already local left to the local index, uncached UIDs reported by UID, a
// folder that cannot be opened skipped, and a query IMAP cannot express answered without a
// connection.
#include "search/ServerSearch.h"

#include "LocalCache.h"
#include "ScriptedJob.h"
#include "store/AccountRepository.h"
#include "store/Database.h"
#include "store/MessageRepository.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Mailtrail;

class ServerSearchTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Store::Database> m_db;
    Store::Account m_account;
    Store::Folder m_inbox;
    Store::Folder m_archive;

    Search::ServerSearchResult run(const QString &query, const QByteArray &script, QStringList *mismatches,
                                   bool *connected = nullptr)
    {
        const Search::ParsedQuery parsed = Search::parseQuery(query, QDate(2026, 3, 10));
        Search::ServerSearch search(m_account, QStringLiteral("secret"), m_db->connection(), *parsed.root, {});
        return Test::runScripted(search, &Search::ServerSearch::finished, script, mismatches, connected);
    }

private Q_SLOTS:
    void init()
    {
        QCOMPARE(Test::openAliceProfile(m_dir.filePath(QStringLiteral("db.sqlite")), &m_db, &m_account, &m_inbox), QString());
        QCOMPARE(Test::addFolder(m_db->connection(), m_account.id, QStringLiteral("Archive"), &m_archive), QString());
        Store::MessageRepository messages(m_db->connection());
        QList<Store::MessageRecord> records;
        for (quint32 uid : {7u, 8u}) {
            Store::MessageRecord r;
            r.uid = uid;
            r.subject = QStringLiteral("Message %1").arg(uid);
            r.fromAddress = QStringLiteral("bob@example.test");
            r.messageId = QStringLiteral("<m%1@example.test>").arg(uid);
            r.date = 1700000000 + uid;
            records.append(r);
        }
        QCOMPARE(messages.upsert(m_inbox.id, records), QString());
        // UID 8's body is local (and indexed): the local search answers for it.
        QCOMPARE(messages.storeBody(messages.find(m_inbox.id, 8)->id, "Subject: x\r\n\r\nMüller invoice\r\n"), QString());
    }

    void searchWithoutEsearch()
    {
        QStringList mismatches;
        const Search::ServerSearchResult result = run(
            QStringLiteral("müller"),
            Test::scriptedImapLogin("UIDPLUS") + "C: a2 EXAMINE Archive\nS: a2 OK [READ-ONLY] examined\n"
            "C: a3 UID SEARCH CHARSET UTF-8 TEXT \"m\xc3\xbcller\"\nS: * SEARCH\nS: a3 OK done\n"
            "C: a4 EXAMINE INBOX\nS: a4 OK [READ-ONLY] examined\n"
            "C: a5 UID SEARCH CHARSET UTF-8 TEXT \"m\xc3\xbcller\"\nS: * SEARCH 7 8 9\nS: a5 OK done\n"
            "C: a6 LOGOUT\nS: * BYE\nS: a6 OK bye\n",
            &mismatches);
        QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(u'\n')));
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.hits.size(), 2);
        const Search::Hit &cached = result.hits.at(0);
        QCOMPARE(cached.uid, 7u);
        QCOMPARE(cached.subject, QStringLiteral("Message 7"));
        QCOMPARE(cached.folder, QStringLiteral("INBOX"));
        QCOMPARE(cached.where, Search::Where::Server);
        QVERIFY(cached.messageRowId > 0);
        const Search::Hit &uncached = result.hits.at(1);
        QCOMPARE(uncached.uid, 9u);
        QCOMPARE(uncached.messageRowId, 0);
        QCOMPARE(uncached.account, QStringLiteral("alice"));
    }

    void esearchAndScope()
    {
        QStringList mismatches;
        const Search::ServerSearchResult result = run(
            QStringLiteral("from:bob invoice folder:inb"),
            Test::scriptedImapLogin("UIDPLUS ESEARCH LITERAL+") + "C: a2 EXAMINE INBOX\nS: a2 OK [READ-ONLY] examined\n"
            "C: a3 UID SEARCH RETURN (ALL) CHARSET UTF-8 FROM \"bob\" TEXT \"invoice\"\n"
            "S: * ESEARCH (TAG \"a3\") UID ALL 7:9\nS: a3 OK done\n"
            "C: a4 LOGOUT\nS: * BYE\nS: a4 OK bye\n",
            &mismatches);
        QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(u'\n')));
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.hits.size(), 2); // 7 (cached, no body) and 9 (not cached); 8 is local
        QCOMPARE(result.hits.at(0).uid, 7u);
        QCOMPARE(result.hits.at(1).uid, 9u);
    }

    void folderThatCannotBeOpenedIsSkipped()
    {
        QStringList mismatches;
        const Search::ServerSearchResult result = run(
            QStringLiteral("x"),
            Test::scriptedImapLogin("UIDPLUS") + "C: a2 EXAMINE Archive\nS: a2 NO [NONEXISTENT] gone\n"
            "C: a3 EXAMINE INBOX\nS: a3 OK [READ-ONLY] examined\n"
            "C: a4 UID SEARCH CHARSET UTF-8 TEXT \"x\"\nS: * SEARCH 7\nS: a4 OK done\n"
            "C: a5 LOGOUT\nS: * BYE\nS: a5 OK bye\n",
            &mismatches);
        QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(u'\n')));
        QVERIFY(result.ok);
        QCOMPARE(result.hits.size(), 1);
    }

    void searchRefusedIsAnError()
    {
        QStringList mismatches;
        const Search::ServerSearchResult result = run(
            QStringLiteral("x"),
            Test::scriptedImapLogin("UIDPLUS") + "C: a2 EXAMINE Archive\nS: a2 OK [READ-ONLY] examined\n"
            "C: a3 UID SEARCH CHARSET UTF-8 TEXT \"x\"\nS: a3 NO [BADCHARSET (US-ASCII)] no\n"
            "C: a4 LOGOUT\nS: * BYE\nS: a4 OK bye\n",
            &mismatches);
        QVERIFY(!result.ok);
        QVERIFY(!result.offline);
        QVERIFY(!result.error.isEmpty());
    }

    void unsupportedKeyNeedsNoConnection()
    {
        QStringList mismatches;
        bool connected = true;
        const Search::ServerSearchResult result = run(QStringLiteral("report filename:x"), {}, &mismatches, &connected);
        QVERIFY(!connected);
        QCOMPARE(result.unsupportedKey, QStringLiteral("filename:"));
        QVERIFY(result.hits.isEmpty());
    }
};

QTEST_GUILESS_MAIN(ServerSearchTest)
#include "ServerSearchTest.moc"
