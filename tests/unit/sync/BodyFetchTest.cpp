// SPDX-License-Identifier: GPL-3.0-or-later
// Sync::BodyFetch and Sync::FlagStore over scripted IMAP conversations: a body is fetched
// read-only and cached, a cached body needs no connection, a message gone from the server,
// a folder that cannot be opened, an unreachable server ("offline"), and a flag change that
// the server refuses stays local until the next sync.
#include "sync/BodyFetch.h"

#include "LocalCache.h"
#include "ScriptedJob.h"
#include "store/AccountRepository.h"
#include "store/Database.h"
#include "store/FolderRepository.h"
#include "store/MessageRepository.h"
#include "sync/FlagStore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Mailtrail;

namespace {

const QByteArray kLogin = Test::scriptedImapLogin("UIDPLUS LITERAL+");

const QByteArray kMessage = "From: bob@example.test\nSubject: Hello\n\nThe body.\n";

QByteArray fetchReply(const QByteArray &tag)
{
    QByteArray lines;
    qsizetype size = 0;
    QByteArray body = kMessage;
    body.chop(1);
    for (const QByteArray &line : body.split('\n')) {
        lines += "S: " + line + '\n';
        size += line.size() + 2;
    }
    return "C: " + tag + " UID FETCH 7 (UID BODY.PEEK[])\n" + "S: * 1 FETCH (UID 7 BODY[] {"
        + QByteArray::number(size) + "}\n" + lines + "S: )\n" + "S: " + tag
        + " OK Fetch completed\n";
}

const QByteArray kLogout = "C: a4 LOGOUT\nS: * BYE\nS: a4 OK bye\n";

} // namespace

class BodyFetchTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Store::Database> m_db;
    Store::Account m_account;
    qint64 m_message = 0;

    Sync::BodyFetchResult fetch(
        const QByteArray &script, QStringList *mismatches, bool *connected = nullptr)
    {
        Sync::BodyFetch fetch(m_account, QStringLiteral("secret"), m_db->connection(), m_message);
        return Test::runScripted(fetch, &Sync::BodyFetch::finished, script, mismatches, connected);
    }

private Q_SLOTS:
    void init()
    {
        Store::Folder inbox;
        QCOMPARE(Test::openAliceProfile(m_dir.filePath(QStringLiteral("db.sqlite")), &m_db, &m_account, &inbox), QString());
        Store::MessageRecord r;
        r.uid = 7;
        Store::fillFromHeaders(r, "From: bob@example.test\r\nSubject: Hello\r\n");
        QCOMPARE(Store::MessageRepository(m_db->connection()).upsert(inbox.id, { r }), QString());
        m_message = Store::MessageRepository(m_db->connection()).find(inbox.id, 7)->id;
    }

    void fetchedReadOnlyAndCached()
    {
        QStringList mismatches;
        const Sync::BodyFetchResult result
            = fetch(kLogin + "C: a2 EXAMINE INBOX\nS: a2 OK [READ-ONLY] examined\n"
                    + fetchReply("a3") + kLogout,
                &mismatches);
        QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(QLatin1Char('\n'))));
        QVERIFY2(result.ok, qPrintable(result.error));
        const std::optional<QByteArray> body
            = Store::MessageRepository(m_db->connection()).body(m_message);
        QVERIFY(body);
        QVERIFY(body->contains("The body."));

        // Now cached: answered without a connection.
        bool connected = true;
        const Sync::BodyFetchResult again = fetch({}, &mismatches, &connected);
        QVERIFY(again.ok);
        QVERIFY(!connected);
    }

    void goneFromTheServer()
    {
        QStringList mismatches;
        const Sync::BodyFetchResult result = fetch(kLogin
                + "C: a2 EXAMINE INBOX\nS: a2 OK [READ-ONLY] examined\n"
                  "C: a3 UID FETCH 7 (UID BODY.PEEK[])\nS: a3 OK nothing\n"
                + kLogout,
            &mismatches);
        QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(QLatin1Char('\n'))));
        QVERIFY(!result.ok);
        QVERIFY(result.gone);
        QVERIFY(!result.error.isEmpty());
    }

    void folderCannotBeOpened()
    {
        QStringList mismatches;
        const Sync::BodyFetchResult result = fetch(kLogin
                + "C: a2 EXAMINE INBOX\nS: a2 NO [NONEXISTENT] No such mailbox\n"
                  "C: a3 LOGOUT\nS: * BYE\nS: a3 OK bye\n",
            &mismatches);
        QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(QLatin1Char('\n'))));
        QVERIFY(!result.ok);
        QVERIFY(!result.offline);
        QVERIFY2(
            result.error.contains(QStringLiteral("No such mailbox")), qPrintable(result.error));
    }

    void unreachableServerIsOffline()
    {
        QStringList mismatches;
        const Sync::BodyFetchResult result = fetch("!refuse\n", &mismatches);
        QVERIFY(!result.ok);
        QVERIFY(result.offline);
        QVERIFY(!Store::MessageRepository(m_db->connection()).body(m_message));
    }

    void flagIsLocalFirstThenOnTheServer()
    {
        const auto store = [&](const QByteArray &script, QStringList *mismatches) {
            Sync::FlagStore flags(m_account, QStringLiteral("secret"), m_db->connection(),
                m_message, { "\\Seen" }, true);
            Test::ScriptedTransport *transport = nullptr;
            flags.setTransportFactory([&](QObject *parent) -> Net::Transport * {
                transport = new Test::ScriptedTransport(script, parent);
                return transport;
            });
            QSignalSpy finished(&flags, &Sync::FlagStore::finished);
            flags.start();
            if (!finished.wait(10000))
                return QStringLiteral("no answer");
            if (transport)
                *mismatches = transport->mismatches();
            return finished.first().at(1).toString();
        };
        QStringList mismatches;
        const QString refused = store(kLogin
                + "C: a2 SELECT INBOX\nS: a2 OK [READ-WRITE] selected\n"
                  "C: a3 UID STORE 7 +FLAGS.SILENT (\\Seen)\nS: a3 NO [CANNOT] read-only\n"
                  "C: a4 LOGOUT\nS: * BYE\nS: a4 OK bye\n",
            &mismatches);
        QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(QLatin1Char('\n'))));
        QVERIFY(!refused.isEmpty());
        // Local at once (the list shows it read); the next sync brings the server's flags back.
        QVERIFY(Store::MessageRepository(m_db->connection()).findById(m_message)->isSeen());

        const QString ok = store(kLogin
                + "C: a2 SELECT INBOX\nS: a2 OK [READ-WRITE] selected\n"
                  "C: a3 UID STORE 7 +FLAGS.SILENT (\\Seen)\nS: a3 OK stored\n"
                  "C: a4 LOGOUT\nS: * BYE\nS: a4 OK bye\n",
            &mismatches);
        QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(QLatin1Char('\n'))));
        QCOMPARE(ok, QString());
    }
};

QTEST_GUILESS_MAIN(BodyFetchTest)
#include "BodyFetchTest.moc"
