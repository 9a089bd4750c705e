// SPDX-License-Identifier: GPL-3.0-or-later
// Search (issue 17) end to end against the private Dovecot and Postfix: mailtrail-cli syncs
// a folder, finds a word that is only in a body it never downloaded through the server's
// SEARCH, finds it locally (--offline) once the body is downloaded; every key of the language
// on real mail; an expunge and a UIDVALIDITY change reach the index; state:failed after a
// real bounce (ghost@example.test, 5.1.1); garbage queries are errors, never SQL.
#include "CliRun.h"
#include "ImapTestClient.h"
#include "MailStack.h"
#include "Profile.h"
#include "search/Index.h"
#include "search/LocalSearch.h"
#include "search/OfflineBodies.h"
#include "search/SavedSearches.h"
#include "store/AccountRepository.h"
#include "store/Database.h"
#include "store/FolderRepository.h"
#include "store/MessageRepository.h"
#include "sync/AccountSession.h"
#include "sync/BodyFetch.h"
#include "tracking/TrackingStore.h"

#include <QDir>
#include <QFileInfo>
#include <QFile>
#include <QScopeGuard>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Mailtrail;

namespace {

struct Found
{
    QList<QJsonObject> hits;
    QJsonObject summary;
};

Found parseJsonLines(const QByteArray &out)
{
    Found found;
    const QList<QByteArray> lines = out.trimmed().split('\n');
    for (const QByteArray &line : lines) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (o.contains(QLatin1String("took_ms")))
            found.summary = o;
        else if (!o.isEmpty())
            found.hits.append(o);
    }
    return found;
}

} // namespace

class SearchIntegrationTest : public QObject
{
    Q_OBJECT

    /// The offline download as the application runs it: its batches over the account's
    /// session (Sync::AccountSessions::downloadForOffline()).
    struct OfflineRun
    {
        Sync::FixedCredentials credentials;
        Sync::AccountSession session;
        Search::OfflineBodies job;
        OfflineRun(const Store::Account &account, const QString &password, QSqlDatabase db)
            : credentials(password)
            , session(account, &credentials, db)
            , job(account, db)
        {
            job.setAccountSession(&session);
        }
    };

    Test::MailStack m_stack = Test::MailStack::fromEnvironment();
    QTemporaryDir m_dir;
    Store::Database m_db;
    Store::Account m_account;
    QString m_tag;        ///< in every subject of this run
    QString m_bodyWord;   ///< only in the body of the first message
    QString m_folder;

    QStringList cli(const QStringList &arguments) const
    {
        return QStringList{QStringLiteral("--profile"), m_dir.path()} + arguments;
    }

    QByteArray password() const { return m_stack.password(QStringLiteral("alice")).toUtf8() + '\n'; }

    Test::CliRun syncFolder(const QString &folder)
    {
        return Test::runCli(cli({QStringLiteral("sync"), QStringLiteral("--folder"), folder,
                                 QStringLiteral("--password-stdin")}),
                            password());
    }

    Found search(const QString &query, bool offline, Test::CliRun *run = nullptr)
    {
        QStringList args{QStringLiteral("search"), query, QStringLiteral("--json")};
        if (offline)
            args << QStringLiteral("--offline");
        else
            args << QStringLiteral("--password-stdin");
        const Test::CliRun result = Test::runCli(cli(args), offline ? QByteArray() : password());
        if (run)
            *run = result;
        if (result.exitCode != 0)
            qWarning().noquote() << result.describe();
        return parseJsonLines(result.out);
    }

    qint64 folderId(const QString &name)
    {
        const auto folder = Store::FolderRepository(m_db.connection()).find(m_account.id, name);
        return folder ? folder->id : 0;
    }

    bool fetchBody(qint64 messageId)
    {
        Sync::BodyFetch fetch(m_account, m_stack.password(QStringLiteral("alice")), m_db.connection(), messageId);
        QSignalSpy done(&fetch, &Sync::BodyFetch::finished);
        fetch.start();
        if (!done.wait(30000))
            return false;
        return done.first().first().value<Sync::BodyFetchResult>().ok;
    }

    QStringList localSubjects(const QString &query)
    {
        const Search::ParsedQuery parsed = Search::parseQuery(query, QDate::currentDate());
        if (!parsed.ok())
            return {QStringLiteral("parse error: ") + parsed.error.message};
        Search::Scope scope;
        scope.folder = m_folder;
        const Search::SearchResult result = Search::LocalSearch(m_db.connection()).run(*parsed.root, scope);
        QStringList subjects;
        for (const Search::Hit &hit : result.hits)
            subjects.append(hit.subject.section(u' ', 0, -2)); // without the tag
        return subjects;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_stack.isValid(), qPrintable(m_stack.errorString()));
        const quint32 random = QRandomGenerator::global()->generate();
        m_tag = QStringLiteral("t%1").arg(random, 8, 16, QLatin1Char('0'));
        m_bodyWord = QStringLiteral("zq%1body").arg(random, 8, 16, QLatin1Char('0'));
        m_folder = QStringLiteral("Search-%1").arg(m_tag);
        QCOMPARE(m_db.open(Profile(m_dir.path()).databasePath()), QString());
        m_account = m_stack.account(QStringLiteral("alice"), QStringLiteral("alice"));
        QCOMPARE(Store::AccountRepository(m_db.connection()).add(m_account), QString());

        Test::ImapTestClient imap(m_stack, QStringLiteral("alice"));
        QVERIFY2(imap.isReady(), qPrintable(imap.errorString()));
        QVERIFY(!imap.run("CREATE " + m_folder.toUtf8()).isEmpty());
        const QByteArray tag = m_tag.toUtf8();
        const QByteArray now = QDateTime::currentDateTimeUtc().toString(Qt::RFC2822Date).toUtf8();
        const QByteArray earlier = QDateTime::currentDateTimeUtc().addSecs(-3600).toString(Qt::RFC2822Date).toUtf8();
        const QByteArray quarterly = "From: Bob <bob@example.test>\r\nTo: Alice <alice@example.test>\r\n"
            "Subject: Quarterly numbers " + tag + "\r\nDate: " + now + "\r\nMessage-ID: <q-" + tag + "@example.test>\r\n"
            "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b1\r\n\r\n"
            "--b1\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
            "Dear J\xc3\xbcrgen M\xc3\xbcller, the invoices for " + m_bodyWord.toUtf8() + " are attached.\r\n"
            "--b1\r\nContent-Type: application/pdf; name=\"figures-" + tag + ".pdf\"\r\n"
            "Content-Disposition: attachment; filename=\"figures-" + tag + ".pdf\"\r\n"
            "Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--b1--\r\n";
        const QByteArray lunch = "From: Carol <carol@example.test>\r\nTo: Alice <alice@example.test>\r\n"
            "Subject: Lunch " + tag + "\r\nDate: " + earlier + "\r\nMessage-ID: <l-" + tag + "@example.test>\r\n"
            "MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
            "<html><body><p>Let us meet at the <b>zeppelin</b> bar.</p></body></html>\r\n";
        const QByteArray old = "From: Dave <dave@example.test>\r\nTo: Alice <alice@example.test>\r\n"
            "Cc: Erin <erin@example.test>\r\nSubject: Old news " + tag + "\r\n"
            "Date: Wed, 15 Jan 2025 10:00:00 +0000\r\nMessage-ID: <o-" + tag + "@example.test>\r\n\r\n"
            "Nothing here but plain words.\r\n";
        for (const QByteArray &message : {old, lunch, quarterly})
            QVERIFY(!imap.append(m_folder.toUtf8(), message).isEmpty());
        const Test::CliRun synced = syncFolder(m_folder);
        QVERIFY2(synced.exitCode == 0, synced.describe().constData());
        QCOMPARE(Store::MessageRepository(m_db.connection()).count(folderId(m_folder)), 3);
    }

    void bodyOnlyWordFromServerThenLocal()
    {
        // The body was never downloaded: only the server's SEARCH knows the word.
        Found found = search(m_bodyWord, false);
        QCOMPARE(found.hits.size(), 1);
        QCOMPARE(found.hits.first().value(QLatin1String("where")).toString(), QStringLiteral("server"));
        QCOMPARE(found.hits.first().value(QLatin1String("subject")).toString(), QString(QStringLiteral("Quarterly numbers ") + m_tag));
        QCOMPARE(found.hits.first().value(QLatin1String("folder")).toString(), m_folder);
        QCOMPARE(found.hits.first().value(QLatin1String("account")).toString(), QStringLiteral("alice"));
        QCOMPARE(found.hits.first().value(QLatin1String("message_id")).toString(), QStringLiteral("<q-%1@example.test>").arg(m_tag));
        QVERIFY(found.hits.first().value(QLatin1String("uid")).toInteger() > 0);
        QCOMPARE(found.summary.value(QLatin1String("server")).toInt(), 1);
        QCOMPARE(found.summary.value(QLatin1String("local")).toInt(), 0);
        QVERIFY(found.summary.contains(QLatin1String("took_ms")));

        Test::CliRun run;
        found = search(m_bodyWord, true, &run);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.contains("local index only"), run.describe().constData());
        QCOMPARE(found.hits.size(), 0);
        QCOMPARE(found.summary.value(QLatin1String("local")).toInt(), 0);

        // Downloaded (as the viewer does): now the local index has it, offline too.
        const auto message = Store::MessageRepository(m_db.connection()).findByMessageId(QStringLiteral("<q-%1@example.test>").arg(m_tag));
        QCOMPARE(message.size(), 1);
        QVERIFY(fetchBody(message.first().id));
        found = search(m_bodyWord, true);
        QCOMPARE(found.hits.size(), 1);
        QCOMPARE(found.hits.first().value(QLatin1String("where")).toString(), QStringLiteral("local"));
        QCOMPARE(found.summary.value(QLatin1String("local")).toInt(), 1);

        // Online again: the server finds it too, but it is reported once, as local.
        found = search(m_bodyWord, false);
        QCOMPARE(found.hits.size(), 1);
        QCOMPARE(found.hits.first().value(QLatin1String("where")).toString(), QStringLiteral("local"));
        QCOMPARE(found.summary.value(QLatin1String("server")).toInt(), 0);

        // Text output: date, from, subject, folder.
        const Test::CliRun text = Test::runCli(cli({QStringLiteral("search"), m_bodyWord, QStringLiteral("--offline")}));
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QByteArray("Bob <bob@example.test>  Quarterly numbers " + m_tag.toUtf8() + "  alice/" + m_folder.toUtf8())),
                 text.describe().constData());
    }

    void offlineBodiesOfTheLastDays()
    {
        QSqlDatabase db = m_db.connection();
        Store::MessageRepository messages(db);
        const qint64 folder = folderId(m_folder);
        const auto find = [&](const char *prefix) {
            return messages.findByMessageId(QStringLiteral("<%1-%2@example.test>").arg(QLatin1String(prefix), m_tag)).value(0).id;
        };
        const qint64 lunch = find("l");
        const qint64 old = find("o");
        QVERIFY(lunch > 0 && old > 0);
        QCOMPARE(Search::OfflineBodies::offlineDays(db, m_account.id), 90); // the default

        // 0 days: headers only.
        QCOMPARE(Search::OfflineBodies::setOfflineDays(db, m_account.id, 0), QString());
        {
            OfflineRun run(m_account, m_stack.password(QStringLiteral("alice")), db);
            Search::OfflineBodies &job = run.job;
            QSignalSpy finished(&job, &Search::OfflineBodies::finished);
            job.start();
            QVERIFY(finished.wait(30000));
            const auto result = finished.first().first().value<Search::OfflineBodiesResult>();
            QVERIFY(result.ok);
            QCOMPARE(result.downloaded, 0);
        }
        QVERIFY(!messages.body(lunch));

        // 30 days, one message per batch, paused after the first batch and resumed.
        QCOMPARE(Search::OfflineBodies::setOfflineDays(db, m_account.id, 30), QString());
        {
            // Without the account's session there is nothing to fetch over: finished as offline.
            Search::OfflineBodies bare(m_account, db);
            QSignalSpy finished(&bare, &Search::OfflineBodies::finished);
            bare.start();
            QVERIFY(finished.wait(30000));
            const auto result = finished.first().first().value<Search::OfflineBodiesResult>();
            QVERIFY(!result.ok);
            QVERIFY(result.offline);
            QCOMPARE(result.downloaded, 0);
            QVERIFY(result.remaining >= 1);
        }
        OfflineRun run(m_account, m_stack.password(QStringLiteral("alice")), db);
        Search::OfflineBodies &job = run.job;
        job.setBatchSize(1);
        QSignalSpy progress(&job, &Search::OfflineBodies::progress);
        QSignalSpy finished(&job, &Search::OfflineBodies::finished);
        connect(&job, &Search::OfflineBodies::progress, &job, [&job](int done) {
            if (done == 1)
                job.pause();
        });
        job.start();
        QVERIFY(progress.wait(30000));
        QVERIFY(job.isPaused());
        for (int i = 0; i < 50; ++i)
            QCoreApplication::processEvents();
        QCOMPARE(progress.size(), 1);
        QVERIFY(finished.isEmpty());
        job.resume();
        QVERIFY(finished.wait(120000));
        const auto result = finished.first().first().value<Search::OfflineBodiesResult>();
        QVERIFY2(result.ok, qPrintable(result.error));
        // One progress per batch of one (a message another test expunged meanwhile stays missing).
        QVERIFY(result.downloaded >= 1);
        QVERIFY(progress.size() >= result.downloaded);
        QCOMPARE(progress.last().at(0).toInt(), result.downloaded);
        QVERIFY(messages.body(lunch));
        QVERIFY(!messages.body(old)); // from 2025: outside the period
        QCOMPARE(search(QStringLiteral("zeppelin ") + m_tag, true).hits.size(), 1);
        Q_UNUSED(folder)
    }

    void forgetLunchBody(qint64 *lunch)
    {
        QSqlDatabase db = m_db.connection();
        *lunch = Store::MessageRepository(db).findByMessageId(QStringLiteral("<l-%1@example.test>").arg(m_tag)).value(0).id;
        QVERIFY(*lunch > 0);
        QCOMPARE(Search::OfflineBodies::setOfflineDays(db, m_account.id, 30), QString());
        QSqlQuery forget(db);
        QVERIFY(forget.exec(QStringLiteral("DELETE FROM message_bodies WHERE message_rowid = %1").arg(*lunch)));
        QVERIFY(forget.exec(
            QStringLiteral("UPDATE search_documents SET body = NULL, attachments = NULL WHERE message_rowid = %1").arg(*lunch)));
        QVERIFY(!Store::MessageRepository(db).body(*lunch));
    }

    void offlineBodiesStoredOnAThreadOfTheirOwn()
    {
        // As the application runs it: each batch stored and indexed on another thread,
        // through a connection of its own.
        qint64 lunch = 0;
        forgetLunchBody(&lunch);
        QCOMPARE(search(QStringLiteral("zeppelin ") + m_tag, true).hits.size(), 0);
        OfflineRun run(m_account, m_stack.password(QStringLiteral("alice")), m_db.connection());
        Search::OfflineBodies &job = run.job;
        job.setStoreOffThread(m_db.path());
        QSignalSpy progress(&job, &Search::OfflineBodies::progress);
        QSignalSpy finished(&job, &Search::OfflineBodies::finished);
        job.start();
        QVERIFY(finished.wait(120000));
        const auto result = finished.first().first().value<Search::OfflineBodiesResult>();
        QVERIFY2(result.ok, qPrintable(result.error));
        QVERIFY(result.downloaded >= 1);
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().at(0).toInt(), result.downloaded);
        // Stored and indexed through the other connection, seen through ours.
        QVERIFY(Store::MessageRepository(m_db.connection()).body(lunch));
        QCOMPARE(search(QStringLiteral("zeppelin ") + m_tag, true).hits.size(), 1);
    }

    void offlineBodiesStoredOffThreadIntoADatabaseThatCannotOpen()
    {
        qint64 lunch = 0;
        forgetLunchBody(&lunch);
        OfflineRun run(m_account, m_stack.password(QStringLiteral("alice")), m_db.connection());
        Search::OfflineBodies &job = run.job;
        job.setStoreOffThread(m_dir.filePath(QStringLiteral("no-such-dir/mailtrail.sqlite")));
        QSignalSpy finished(&job, &Search::OfflineBodies::finished);
        job.start();
        QVERIFY(finished.wait(120000));
        const auto result = finished.first().first().value<Search::OfflineBodiesResult>();
        QVERIFY(!result.ok);
        QVERIFY(!result.error.isEmpty());
        QCOMPARE(result.downloaded, 0);
        QVERIFY(!Store::MessageRepository(m_db.connection()).body(lunch));
    }

    void savedSearchesFromTheCommandLine()
    {
        const QString name = QStringLiteral("Quarterly ") + m_tag;
        const QString query = QStringLiteral("subject:quarterly ") + m_tag;
        Test::CliRun run = Test::runCli(cli({QStringLiteral("search"), QStringLiteral("--save"), name, query}), {});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(name.toUtf8()), run.describe().constData());
        // Listed after the built-in ones, as text and as JSON.
        run = Test::runCli(cli({QStringLiteral("search"), QStringLiteral("--saved")}), {});
        QCOMPARE(run.exitCode, 0);
        const QList<QByteArray> lines = run.out.trimmed().split('\n');
        QVERIFY(lines.size() >= 4);
        QVERIFY(lines.first().startsWith("Failed this week\t"));
        QVERIFY2(lines.contains((name + u'\t' + query).toUtf8()), run.describe().constData());
        run = Test::runCli(cli({QStringLiteral("search"), QStringLiteral("--saved"), QStringLiteral("--json")}), {});
        QCOMPARE(run.exitCode, 0);
        bool found = false;
        for (const QByteArray &line : run.out.trimmed().split('\n')) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (o.value(QStringLiteral("name")).toString() == name) {
                found = true;
                QCOMPARE(o.value(QStringLiteral("query")).toString(), query);
                QCOMPARE(o.value(QStringLiteral("built_in")).toBool(), false);
            }
        }
        QVERIFY(found);
        // The same store as the window's.
        bool stored = false;
        for (const Search::SavedSearch &saved : Search::SavedSearches(m_db.connection()).list())
            stored = stored || (saved.name == name && saved.query == query && saved.id > 0);
        QVERIFY(stored);
        // Bad input: a query that does not parse, a missing query, --saved with a query.
        run = Test::runCli(cli({QStringLiteral("search"), QStringLiteral("--save"), QStringLiteral("Bad"), QStringLiteral("from:")}), {});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("from:"));
        run = Test::runCli(cli({QStringLiteral("search"), QStringLiteral("--save"), QStringLiteral("Bad")}), {});
        QCOMPARE(run.exitCode, 2);
        run = Test::runCli(cli({QStringLiteral("search"), QStringLiteral("--saved"), QStringLiteral("x")}), {});
        QCOMPARE(run.exitCode, 2);
        run = Test::runCli(cli({QStringLiteral("search"), QStringLiteral("--saved")}), {});
        QVERIFY(!run.out.contains("Bad\t"));
    }

    void everyKeyOnRealMail_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("expected");
        const QString q = QStringLiteral("Quarterly numbers");
        const QString l = QStringLiteral("Lunch");
        const QString o = QStringLiteral("Old news");
        QTest::newRow("diacritics") << "muller" << QStringList{q};
        QTest::newRow("diacritics-both-ways") << "jürgen" << QStringList{q};
        QTest::newRow("prefix") << "invo*" << QStringList{q};
        QTest::newRow("phrase") << "\"jurgen muller\"" << QStringList{q};
        QTest::newRow("phrase-order") << "\"muller jurgen\"" << QStringList{};
        QTest::newRow("html-body") << "zeppelin" << QStringList{l};
        QTest::newRow("from") << "from:bob" << QStringList{q};
        QTest::newRow("to") << "to:alice@example.test" << QStringList{q, l, o};
        QTest::newRow("cc") << "cc:erin" << QStringList{o};
        QTest::newRow("subject") << "subject:lunch" << QStringList{l};
        QTest::newRow("body") << "body:zeppelin" << QStringList{l};
        QTest::newRow("body-not-subject") << "body:lunch" << QStringList{};
        QTest::newRow("filename") << "filename:figures" << QStringList{q};
        QTest::newRow("has-attachment") << "has:attachment" << QStringList{q};
        QTest::newRow("is-unread") << "is:unread" << QStringList{q, l, o};
        QTest::newRow("is-read") << "is:read" << QStringList{};
        QTest::newRow("is-flagged") << "is:flagged" << QStringList{};
        QTest::newRow("is-answered") << "is:answered" << QStringList{};
        QTest::newRow("folder") << "folder:search-" << QStringList{q, l, o};
        QTest::newRow("account") << "account:alice" << QStringList{q, l, o};
        QTest::newRow("before") << "before:2025-06" << QStringList{o};
        QTest::newRow("after") << "after:2025-06" << QStringList{q, l};
        QTest::newRow("date") << "date:2025-01" << QStringList{o};
        QTest::newRow("date-range") << "date:2024..2025-02" << QStringList{o};
        QTest::newRow("relative") << "after:7d" << QStringList{q, l};
        QTest::newRow("larger") << "larger:500" << QStringList{q};
        QTest::newRow("smaller") << "smaller:500" << QStringList{l, o};
        QTest::newRow("exclude") << "-zeppelin" << QStringList{q, o};
        QTest::newRow("exclude-key") << "-from:bob" << QStringList{l, o};
        QTest::newRow("or") << "from:bob OR from:carol" << QStringList{q, l};
        QTest::newRow("parentheses") << "(muller OR zeppelin) -has:attachment" << QStringList{l};
    }

    void everyKeyOnRealMail()
    {
        static bool fetched = false;
        if (!fetched) {
            Store::MessageRepository messages(m_db.connection());
            const qint64 folder = folderId(m_folder);
            for (quint32 uid : messages.uids(folder))
                QVERIFY(fetchBody(messages.find(folder, uid)->id));
            fetched = true;
        }
        QFETCH(QString, query);
        QFETCH(QStringList, expected);
        QCOMPARE(localSubjects(query), expected);
    }

    void stateFailedAfterARealBounce()
    {
        // Alice writes to ghost (accepted by submission, then bounced 5.1.1) and to herself, so
        // the message is in her INBOX; the DSN comes back; sync reads it into the tracking store.
        const QString id = QStringLiteral("bounce-%1@example.test").arg(m_tag);
        Tracking::TrackingStore store(m_db.connection());
        Tracking::NewSentMessage sent;
        sent.account = m_account.name;
        sent.messageId = id;
        sent.envid = QStringLiteral("env-") + m_tag;
        sent.subject = QStringLiteral("Bounce check ") + m_tag;
        sent.sender = m_account.email;
        sent.createdAt = QDateTime::currentDateTimeUtc();
        const QString ghost = QStringLiteral("ghost@") + m_stack.domain();
        sent.recipients = {{ghost, ghost, QStringLiteral("FAILURE")}, {m_account.email, m_account.email, QStringLiteral("FAILURE")}};
        const auto sentId = store.addSentMessage(sent);
        QVERIFY(sentId);
        const QByteArray message = "From: " + m_account.email.toUtf8() + "\r\nTo: " + ghost.toUtf8() + ", "
            + m_account.email.toUtf8() + "\r\nSubject: " + sent.subject.toUtf8() + "\r\nMessage-ID: <" + id.toUtf8()
            + ">\r\nDate: " + QDateTime::currentDateTimeUtc().toString(Qt::RFC2822Date).toUtf8() + "\r\n\r\nHello.\r\n";
        QCOMPARE(m_stack.submit(QStringLiteral("alice"), {ghost.toUtf8(), m_account.email.toUtf8()}, message,
                                "RET=HDRS ENVID=" + sent.envid.toUtf8(), "NOTIFY=FAILURE"),
                 QString());
        Tracking::Evidence accepted;
        accepted.kind = Tracking::EvidenceKind::SubmissionAccepted;
        accepted.source = Tracking::EvidenceSource::Smtp;
        accepted.time = QDateTime::currentDateTimeUtc();
        accepted.replyCode = 250;
        QVERIFY(store.recordSubmission(*sentId, accepted.time, true, {}, {}, {accepted, accepted}));
        QVERIFY(!m_stack.waitForMessage(QStringLiteral("alice"), [&](const QByteArray &m) {
                    return m.contains(sent.envid.toUtf8()) && m.contains("Action: failed");
                }).isEmpty());
        QVERIFY(!m_stack.waitForMessageContaining(QStringLiteral("alice"), {"Message-ID: <" + id.toUtf8() + ">"}).isEmpty());
        const Test::CliRun synced = syncFolder(QStringLiteral("INBOX"));
        QVERIFY2(synced.exitCode == 0, synced.describe().constData());

        const QString subject = QStringLiteral("Bounce check ") + m_tag;
        const QStringList queries{QStringLiteral("state:failed ") + m_tag, QStringLiteral("status:5.1.1 ") + m_tag,
                                  QStringLiteral("recipient-state:") + ghost + QStringLiteral("=failed ") + m_tag};
        for (const QString &query : queries) {
            const Found found = search(query, true);
            QCOMPARE(found.hits.size(), 1);
            QCOMPARE(found.hits.first().value(QLatin1String("subject")).toString(), subject);
            QCOMPARE(found.hits.first().value(QLatin1String("message_id")).toString(), QString(u'<' + id + u'>'));
        }
        QCOMPARE(search(QStringLiteral("state:delivered ") + m_tag, true).hits.size(), 0);
        QCOMPARE(search(QStringLiteral("recipient-state:") + m_account.email + QStringLiteral("=failed ") + m_tag, true).hits.size(), 0);
        // The server cannot answer delivery states: said so, local results only.
        Test::CliRun run;
        QCOMPARE(search(QStringLiteral("state:failed ") + m_tag, false, &run).hits.size(), 1);
        QVERIFY2(run.err.contains("cannot search for state:"), run.describe().constData());
    }

    void garbageQueriesAreErrorsNotSql()
    {
        struct Case
        {
            QString query;
            QByteArray message;
        };
        const QList<Case> errors{
            {QStringLiteral("invoice foo:bar"), "'foo:'"},
            {QStringLiteral("\"open quote"), "never closed"},
            {QStringLiteral("(a OR"), "OR needs"},
            {QStringLiteral("date:2026-13"), "not a date"},
            {QStringLiteral("state:lost"), "'state:lost'"},
            {QStringLiteral("')--"), "no letters"},
        };
        for (const Case &c : errors) {
            const Test::CliRun run = Test::runCli(cli({QStringLiteral("search"), c.query, QStringLiteral("--offline")}));
            QCOMPARE(run.exitCode, 2);
            QVERIFY2(run.err.contains(c.message), run.describe().constData());
            QVERIFY2(!run.err.contains("SQL") && !run.err.contains("syntax error"), run.describe().constData());
        }
        const QStringList harmless{QStringLiteral("\"x'); DROP TABLE messages; --\""), QStringLiteral("NEAR(a b)"),
                                   QStringLiteral("\"a\"\"b\" OR c*"), QStringLiteral("folder:\"%\\_x\"")};
        for (const QString &query : harmless) {
            const Test::CliRun run = Test::runCli(cli({QStringLiteral("search"), query, QStringLiteral("--offline"),
                                                       QStringLiteral("--json")}));
            QVERIFY2(run.exitCode == 0, run.describe().constData());
        }
        const Test::CliRun usage = Test::runCli(cli({QStringLiteral("search"), QStringLiteral("x"), QStringLiteral("--limit"),
                                                     QStringLiteral("many")}));
        QCOMPARE(usage.exitCode, 2);
        QCOMPARE(Store::MessageRepository(m_db.connection()).count(folderId(m_folder)), 3);
        const Test::CliRun status = Test::runCli(cli({QStringLiteral("index"), QStringLiteral("status"), QStringLiteral("--json")}));
        QVERIFY2(status.exitCode == 0, status.describe().constData());
        QCOMPARE(status.json().value(QLatin1String("healthy")).toBool(), true);
        QVERIFY(status.json().value(QLatin1String("with_text")).toInt() >= 3);
        QVERIFY(status.json().value(QLatin1String("segments")).toInt() >= 1);
        const Test::CliRun text = Test::runCli(cli({QStringLiteral("index"), QStringLiteral("status")}));
        QVERIFY2(text.exitCode == 0 && text.out.contains("index segments:"), text.describe().constData());
    }

    void firstSyncOfABigFolderIsIndexedBeforeTheSearch()
    {
        // 1,200 messages in a new folder (written to the Maildir, as a mailbox another client
        // filled): the first sync commits them in batches big enough to leave their search
        // indexing for later (Store::SearchIndexing::Deferred); `search` indexes them first.
        const QString folder = QStringLiteral("Bulk-%1").arg(m_tag);
        const QString maildir = m_stack.maildir(QStringLiteral("alice"));
        const QString dir = maildir + QStringLiteral("/.") + folder;
        // Owned as Dovecot's own files are (it writes its index files beside them).
        const QFileInfo owner(maildir);
        const auto own = [&owner](const QString &path) {
            return ::chown(QFile::encodeName(path).constData(), uid_t(owner.ownerId()), gid_t(owner.groupId())) == 0;
        };
        for (const char *sub : {"", "/cur", "/new", "/tmp"}) {
            QVERIFY(QDir().mkpath(dir + QLatin1String(sub)));
            QVERIFY(own(dir + QLatin1String(sub)));
        }
        {
            QFile marker(dir + QStringLiteral("/maildirfolder"));
            QVERIFY(marker.open(QIODevice::WriteOnly));
        }
        QVERIFY(own(dir + QStringLiteral("/maildirfolder")));
        const qint64 base = QDateTime::currentSecsSinceEpoch() - 1200 * 3600;
        for (int i = 1; i <= 1200; ++i) {
            const QString path = dir + QStringLiteral("/cur/%1.M%2P1.bulk:2,S").arg(base + i).arg(i);
            const auto chown = qScopeGuard([&own, path] { own(path); });
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("From: Bulk Sender <bulk@example.test>\r\nTo: Alice <alice@example.test>\r\n"
                       "Subject: Bulk " + m_tag.toUtf8() + " number" + QByteArray::number(i) + " w" + QByteArray::number(i % 7)
                       + "\r\nDate: " + QDateTime::fromSecsSinceEpoch(base + 3600 * i, Qt::UTC).toString(Qt::RFC2822Date).toUtf8()
                       + "\r\nMessage-ID: <bulk-" + QByteArray::number(i) + '-' + m_tag.toUtf8() + "@example.test>\r\n\r\nbulk body\r\n");
        }
        const auto removeFolder = qScopeGuard([&dir] { QDir(dir).removeRecursively(); });

        const Test::CliRun synced = syncFolder(folder);
        QVERIFY2(synced.exitCode == 0, synced.describe().constData());
        QVERIFY2(Store::MessageRepository(m_db.connection()).count(folderId(folder)) == 1200, synced.describe().constData());
        Test::CliRun status = Test::runCli(cli({QStringLiteral("index"), QStringLiteral("status"), QStringLiteral("--json")}));
        QVERIFY2(status.exitCode == 0, status.describe().constData());
        QVERIFY2(status.json().value(QLatin1String("pending_messages")).toInt() >= 1000, status.out.constData());
        QCOMPARE(status.json().value(QLatin1String("healthy")).toBool(), true);

        Test::CliRun run;
        const Found found = search(QStringLiteral("number777 ") + m_tag, true, &run);
        QVERIFY2(run.err.contains("indexing"), run.err.constData());
        QCOMPARE(found.hits.size(), 1);
        QCOMPARE(found.hits.first().value(QLatin1String("folder")).toString(), folder);
        QCOMPARE(found.hits.first().value(QLatin1String("subject")).toString(),
                 QStringLiteral("Bulk %1 number777 w0").arg(m_tag));
        const Test::CliRun many = Test::runCli(cli({QStringLiteral("search"), QStringLiteral("bulk w3 ") + m_tag,
                                                    QStringLiteral("--offline"), QStringLiteral("--json"),
                                                    QStringLiteral("--limit"), QStringLiteral("1000")}));
        QVERIFY2(many.exitCode == 0, many.describe().constData());
        QCOMPARE(parseJsonLines(many.out).hits.size(), 172); // 3, 10, …, 1200
        status = Test::runCli(cli({QStringLiteral("index"), QStringLiteral("status"), QStringLiteral("--json")}));
        QCOMPARE(status.json().value(QLatin1String("pending_messages")).toInt(), 0);
        QCOMPARE(status.json().value(QLatin1String("healthy")).toBool(), true);
        // Nothing left for `index update`.
        const Test::CliRun update = Test::runCli(cli({QStringLiteral("index"), QStringLiteral("update")}));
        QVERIFY2(update.exitCode == 0, update.describe().constData());
        QVERIFY2(update.out.startsWith("indexed 0 "), update.out.constData());
    }

    void expungeRemovesFromResults()
    {
        QCOMPARE(localSubjects(QStringLiteral("cc:erin")), QStringList{QStringLiteral("Old news")});
        Test::ImapTestClient imap(m_stack, QStringLiteral("alice"));
        QVERIFY2(imap.isReady(), qPrintable(imap.errorString()));
        QVERIFY(!imap.run("SELECT " + m_folder.toUtf8()).isEmpty());
        QVERIFY(!imap.run("UID STORE 1 +FLAGS (\\Deleted)").isEmpty()); // the first appended: Old news
        QVERIFY(!imap.run("EXPUNGE").isEmpty());
        const Test::CliRun synced = syncFolder(m_folder);
        QVERIFY2(synced.exitCode == 0, synced.describe().constData());
        QCOMPARE(localSubjects(QStringLiteral("cc:erin")), QStringList());
        QCOMPARE(search(QStringLiteral("erin ") + m_tag, true).hits.size(), 0);
        QCOMPARE(search(QStringLiteral("erin ") + m_tag, false).hits.size(), 0);
    }

    void uidValidityChangeRebuilds()
    {
        Test::ImapTestClient imap(m_stack, QStringLiteral("alice"));
        QVERIFY2(imap.isReady(), qPrintable(imap.errorString()));
        QVERIFY(!imap.run("DELETE " + m_folder.toUtf8()).isEmpty());
        QVERIFY(!imap.run("CREATE " + m_folder.toUtf8()).isEmpty());
        QVERIFY(!imap.append(m_folder.toUtf8(), "From: x@example.test\r\nSubject: Reborn " + m_tag.toUtf8()
                                                   + "\r\nMessage-ID: <r-" + m_tag.toUtf8() + "@example.test>\r\n\r\nhi\r\n")
                     .isEmpty());
        const Test::CliRun synced = syncFolder(m_folder);
        QVERIFY2(synced.exitCode == 0, synced.describe().constData());
        QCOMPARE(localSubjects(QStringLiteral("zeppelin OR muller OR reborn")), QStringList{QStringLiteral("Reborn")});
        QCOMPARE(search(m_bodyWord, true).hits.size(), 0);
        const Test::CliRun rebuilt = Test::runCli(cli({QStringLiteral("index"), QStringLiteral("rebuild")}));
        QVERIFY2(rebuilt.exitCode == 0, rebuilt.describe().constData());
        QCOMPARE(search(QStringLiteral("reborn ") + m_tag, true).hits.size(), 1);
        // A rebuild leaves the index merged into one segment.
        const Test::CliRun status = Test::runCli(cli({QStringLiteral("index"), QStringLiteral("status"), QStringLiteral("--json")}));
        QVERIFY2(status.exitCode == 0, status.describe().constData());
        QCOMPARE(status.json().value(QLatin1String("segments")).toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(SearchIntegrationTest)
#include "SearchIntegrationTest.moc"
