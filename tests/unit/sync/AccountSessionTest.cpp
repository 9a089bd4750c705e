// SPDX-License-Identifier: GPL-3.0-or-later
// Sync::AccountSession over scripted IMAP conversations: actions share one login and one
// SELECT, jobs on the selected mailbox are pipelined, a mailbox switch waits for running
// jobs, a failed SELECT fails only the jobs of that mailbox, an exclusive job runs alone, a
// broken connection re-runs the running job once on a new connection (but never an APPEND),
// failed connects back off and then fail the queue, and an authentication failure tells the
// credential source (refused) and tries once more.
#include "sync/AccountSession.h"

#include "LocalCache.h"
#include "ScriptedTransport.h"
#include "imap/MailboxOperations.h"
#include "imap/Session.h"
#include "store/AccountRepository.h"
#include "store/Database.h"
#include "store/FolderRepository.h"
#include "store/MessageRepository.h"
#include "sync/BodyFetch.h"

#include <QPointer>
#include "sync/FlagStore.h"
#include "sync/MoveToTrash.h"

#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Mailtrail;

namespace {

const QByteArray kLogin = "S: * OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN] ready\n"
                          "C: a1 AUTHENTICATE PLAIN <redacted>\n"
                          "S: a1 OK [CAPABILITY IMAP4rev1 UIDPLUS MOVE LITERAL+] Logged in\n";

const QByteArray kMessage = "From: bob@example.test\nSubject: Hello\n\nThe body.\n";

QByteArray fetchExchange(const QByteArray &tag, quint32 uid)
{
    QByteArray lines;
    qsizetype size = 0;
    QByteArray body = kMessage;
    body.chop(1);
    for (const QByteArray &line : body.split('\n')) {
        lines += "S: " + line + '\n';
        size += line.size() + 2;
    }
    const QByteArray u = QByteArray::number(uid);
    return "C: " + tag + " UID FETCH " + u + " (UID BODY.PEEK[])\n" + "S: * 1 FETCH (UID " + u
        + " BODY[] {" + QByteArray::number(size) + "}\n" + lines + "S: )\n" + "S: " + tag
        + " OK Fetch completed\n";
}

/// A source that hands out passwords in turn and records refusals.
class CountingCredentials : public Sync::CredentialSource
{
public:
    explicit CountingCredentials(QStringList passwords)
        : m_passwords(std::move(passwords))
    { }
    void request() override
    {
        ++requests;
        QTimer::singleShot(0, this, [this] {
            if (m_passwords.isEmpty())
                Q_EMIT failed(
                    { Sync::CredentialError::Kind::Missing, QStringLiteral("none left") });
            else
                Q_EMIT ready(Sync::Credentials::password(m_passwords.takeFirst()));
        });
    }
    void refused(const Sync::Credentials &used) override { refusedSecrets.append(used.secret); }

    int requests = 0;
    QStringList refusedSecrets;

private:
    QStringList m_passwords;
};

} // namespace

class AccountSessionTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Store::Database> m_db;
    Store::Account m_account;
    Store::Folder m_inbox;
    Store::Folder m_archive;
    qint64 m_message7 = 0;
    qint64 m_message8 = 0;
    /// Every connection's transport; the session deletes the ones it retires (null here then).
    QList<QPointer<Test::ScriptedTransport>> m_transports;
    QStringList m_retiredMismatches; ///< what the deleted transports saw

    /// A session whose n-th connection plays scripts[n].
    std::unique_ptr<Sync::AccountSession> session(
        Sync::CredentialSource *credentials, const QList<QByteArray> &scripts)
    {
        auto s = std::make_unique<Sync::AccountSession>(m_account, credentials, m_db->connection());
        s->setBackoff(Sync::Backoff(1, 10));
        s->setTransportFactory([this, scripts](QObject *parent) -> Net::Transport * {
            const QByteArray script = m_transports.size() < scripts.size()
                ? scripts[m_transports.size()]
                : QByteArray("!refuse\n");
            auto *t = new Test::ScriptedTransport(script, parent);
            t->keepMismatchesIn(&m_retiredMismatches);
            m_transports.append(t);
            return t;
        });
        return s;
    }

    QString mismatches() const
    {
        QStringList all = m_retiredMismatches;
        for (const QPointer<Test::ScriptedTransport> &t : m_transports) {
            if (t)
                all += t->mismatches();
        }
        return all.join(QLatin1Char('\n'));
    }

    static Sync::AccountSession::Job command(
        const QByteArray &mailbox, const QByteArray &text, QList<Imap::ImapError> *results)
    {
        Sync::AccountSession::Job job;
        job.mailbox = mailbox;
        job.work = [text](Imap::Session &s, Sync::AccountSession::Done done) {
            s.command(text, { {}, {}, [done](const Imap::TaggedResponse &r) {
                                 Imap::ImapError e;
                                 if (r.status != Imap::Status::Ok) {
                                     e.kind = Imap::ImapError::Kind::No;
                                     e.text = QString::fromUtf8(r.text);
                                 }
                                 done(e);
                             } });
        };
        job.done = [results](const Imap::ImapError &e) { results->append(e); };
        return job;
    }

private Q_SLOTS:
    void init()
    {
        m_transports.clear();
        m_retiredMismatches.clear();
        QFile::remove(m_dir.filePath(QStringLiteral("db.sqlite")));
        m_db = std::make_unique<Store::Database>();
        QCOMPARE(m_db->open(m_dir.filePath(QStringLiteral("db.sqlite"))), QString());
        m_account
            = Test::localAccount(QStringLiteral("alice"), QStringLiteral("alice@example.test"));
        QCOMPARE(Store::AccountRepository(m_db->connection()).add(m_account), QString());
        QCOMPARE(
            Test::addFolder(m_db->connection(), m_account.id, QStringLiteral("INBOX"), &m_inbox),
            QString());
        QCOMPARE(Test::addFolder(
                     m_db->connection(), m_account.id, QStringLiteral("Archive"), &m_archive),
            QString());
        Store::MessageRepository messages(m_db->connection());
        for (const quint32 uid : { 7u, 8u }) {
            Store::MessageRecord r;
            r.uid = uid;
            Store::fillFromHeaders(r, "From: bob@example.test\r\nSubject: Hello\r\n");
            QCOMPARE(messages.upsert(m_inbox.id, { r }), QString());
        }
        m_message7 = messages.find(m_inbox.id, 7)->id;
        m_message8 = messages.find(m_inbox.id, 8)->id;
    }

    void readingTwoMessagesNeedsOneLoginAndOneSelect()
    {
        Sync::FixedCredentials credentials(QStringLiteral("secret"));
        auto s = session(&credentials,
            { kLogin + "C: a2 SELECT INBOX\nS: a2 OK [READ-WRITE] selected\n"
                + fetchExchange("a3", 7)
                + "C: a4 UID STORE 7 +FLAGS.SILENT (\\Seen)\nS: a4 OK stored\n"
                + fetchExchange("a5", 8)
                + "C: a6 UID STORE 8 +FLAGS.SILENT (\\Seen)\nS: a6 OK stored\n" });
        for (const qint64 id : { m_message7, m_message8 }) {
            Sync::BodyFetch fetch(m_account, {}, m_db->connection(), id);
            fetch.setAccountSession(s.get());
            QSignalSpy fetched(&fetch, &Sync::BodyFetch::finished);
            fetch.start();
            QVERIFY(fetched.wait(5000));
            const auto result = fetched.first().first().value<Sync::BodyFetchResult>();
            QVERIFY2(result.ok, qPrintable(result.error + mismatches()));
            Sync::FlagStore seen(m_account, {}, m_db->connection(), id, { "\\Seen" }, true);
            seen.setAccountSession(s.get());
            QSignalSpy stored(&seen, &Sync::FlagStore::finished);
            seen.start();
            QVERIFY(stored.wait(5000));
            QCOMPARE(stored.first().at(1).toString(), QString());
        }
        QCOMPARE(mismatches(), QString());
        QCOMPARE(m_transports.size(), 1);
        QCOMPARE(s->connectionsOpened(), 1);
        QCOMPARE(s->selectedMailbox(), QByteArray("INBOX"));
        QVERIFY(Store::MessageRepository(m_db->connection()).body(m_message8));
        QVERIFY(Store::MessageRepository(m_db->connection()).findById(m_message8)->isSeen());
        QVERIFY(m_transports.first());
        QVERIFY(!m_transports.first()->closedByClient()); // stays open for the next click
    }

    void jobsOnTheSelectedMailboxArePipelined()
    {
        Sync::FixedCredentials credentials(QStringLiteral("secret"));
        // Both commands are written before the first answer: the script would stall otherwise.
        auto s = session(&credentials,
            { kLogin + "C: a2 SELECT INBOX\nS: a2 OK selected\n"
                + "C: a3 NOOP\nC: a4 CHECK\nS: a3 OK one\nS: a4 OK two\n" });
        QList<Imap::ImapError> results;
        Sync::AccountSession::Job first = command("INBOX", "NOOP", &results);
        first.pipelined = true;
        Sync::AccountSession::Job second = command("INBOX", "CHECK", &results);
        second.pipelined = true;
        s->enqueue(std::move(first));
        s->enqueue(std::move(second));
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 2, 5000);
        QCOMPARE(mismatches(), QString());
        QVERIFY(!results[0].isError());
        QVERIFY(!results[1].isError());
    }

    void jobsThatExpectDataRunOneAtATime()
    {
        Sync::FixedCredentials credentials(QStringLiteral("secret"));
        // The second FETCH is written only after the first is answered: untagged data goes
        // to the oldest running command, so two FETCHes at once could swap their bodies.
        auto s = session(&credentials,
            { kLogin + "C: a2 SELECT INBOX\nS: a2 OK selected\n" + fetchExchange("a3", 7)
                + fetchExchange("a4", 8) });
        QList<Sync::BodyFetchResult> results;
        std::vector<std::unique_ptr<Sync::BodyFetch>> fetches;
        for (const qint64 id : { m_message7, m_message8 }) {
            fetches.push_back(std::make_unique<Sync::BodyFetch>(m_account, Sync::Credentials {}, m_db->connection(), id));
            fetches.back()->setAccountSession(s.get());
            connect(fetches.back().get(), &Sync::BodyFetch::finished, this,
                [&results](const Sync::BodyFetchResult &r) { results.append(r); });
        }
        for (const auto &f : fetches)
            f->start();
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 2, 5000);
        QCOMPARE(mismatches(), QString());
        QVERIFY2(results[0].ok && results[1].ok, qPrintable(results[0].error + results[1].error));
        const QList<QByteArray> lines = m_transports.first()->transcript();
        qsizetype firstDone = -1;
        qsizetype secondSent = -1;
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (lines[i].startsWith("S: a3 OK"))
                firstDone = i;
            if (lines[i].startsWith("C: a4 UID FETCH"))
                secondSent = i;
        }
        QVERIFY(firstDone >= 0);
        QVERIFY2(secondSent > firstDone, lines.join('\n').constData());
    }

    void aMailboxSwitchWaitsForRunningJobs()
    {
        Sync::FixedCredentials credentials(QStringLiteral("secret"));
        auto s = session(&credentials,
            { kLogin + "C: a2 SELECT INBOX\nS: a2 OK selected\nC: a3 NOOP\nS: a3 OK done\n"
                + "C: a4 SELECT Archive\nS: a4 OK selected\nC: a5 CHECK\nS: a5 OK done\n"
                + "C: a6 NOOP\nS: a6 OK no select again\n" });
        QList<Imap::ImapError> results;
        s->enqueue(command("INBOX", "NOOP", &results));
        s->enqueue(command("Archive", "CHECK", &results));
        s->enqueue(command({}, "NOOP", &results)); // any mailbox will do
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 3, 5000);
        QCOMPARE(mismatches(), QString());
        QCOMPARE(s->selectedMailbox(), QByteArray("Archive"));
    }

    void aFailedSelectFailsOnlyThatMailboxsJobs()
    {
        Sync::FixedCredentials credentials(QStringLiteral("secret"));
        auto s = session(&credentials,
            { kLogin + "C: a2 SELECT Gone\nS: a2 NO [NONEXISTENT] Mailbox doesn't exist\n"
                + "C: a3 SELECT INBOX\nS: a3 OK selected\nC: a4 NOOP\nS: a4 OK done\n" });
        QList<Imap::ImapError> results;
        s->enqueue(command("Gone", "NOOP", &results));
        s->enqueue(command("Gone", "CHECK", &results));
        s->enqueue(command("INBOX", "NOOP", &results));
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 3, 5000);
        QCOMPARE(mismatches(), QString());
        QVERIFY2(results[0].kind == Imap::ImapError::Kind::No, qPrintable(Imap::toString(results[0].kind)));
        QVERIFY(results[0].message().contains(QLatin1String("doesn't exist")));
        QVERIFY2(results[1].kind == Imap::ImapError::Kind::No, qPrintable(Imap::toString(results[1].kind)));
        QVERIFY(!results[2].isError());
    }

    void anExclusiveJobRunsAloneAndForgetsTheSelection()
    {
        Sync::FixedCredentials credentials(QStringLiteral("secret"));
        auto s = session(&credentials,
            { kLogin + "C: a2 SELECT INBOX\nS: a2 OK selected\nC: a3 NOOP\nS: a3 OK done\n"
                + "C: a4 EXAMINE Archive\nS: a4 OK examined\n"
                + "C: a5 SELECT INBOX\nS: a5 OK selected again\nC: a6 NOOP\nS: a6 OK done\n" });
        QList<Imap::ImapError> results;
        s->enqueue(command("INBOX", "NOOP", &results));
        Sync::AccountSession::Job exclusive = command({}, "EXAMINE Archive", &results);
        exclusive.exclusive = true;
        s->enqueue(std::move(exclusive));
        s->enqueue(command("INBOX", "NOOP", &results));
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 3, 5000);
        QCOMPARE(mismatches(), QString());
    }

    void aBrokenConnectionRerunsTheJobOnceOnANewOne()
    {
        Sync::FixedCredentials credentials(QStringLiteral("secret"));
        auto s = session(&credentials,
            { kLogin
                    + "C: a2 SELECT INBOX\nS: a2 OK selected\nC: a3 UID STORE 7 +FLAGS.SILENT "
                      "(\\Seen)\n!close\n",
                kLogin + "C: a2 SELECT INBOX\nS: a2 OK selected\n"
                    + "C: a3 UID STORE 7 +FLAGS.SILENT (\\Seen)\nS: a3 OK stored\n" });
        Sync::FlagStore seen(m_account, {}, m_db->connection(), m_message7, { "\\Seen" }, true);
        seen.setAccountSession(s.get());
        QSignalSpy stored(&seen, &Sync::FlagStore::finished);
        seen.start();
        QVERIFY(stored.wait(5000));
        QCOMPARE(stored.first().at(1).toString(), QString());
        QCOMPARE(mismatches(), QString());
        QCOMPARE(m_transports.size(), 2);
        QCOMPARE(s->connectionsOpened(), 2);
    }

    void anAppendIsNotRerunAfterABrokenConnection()
    {
        Sync::FixedCredentials credentials(QStringLiteral("secret"));
        auto s = session(&credentials,
            { kLogin + "C: a2 NOOP\n!close\n", kLogin + "C: a2 CHECK\nS: a2 OK next job\n" });
        QList<Imap::ImapError> results;
        Sync::AccountSession::Job once = command({}, "NOOP", &results);
        once.retryOnDrop = false;
        s->enqueue(std::move(once));
        s->enqueue(command({}, "CHECK", &results));
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 2, 5000);
        QVERIFY(results[0].isError()); // the connection broke under it
        QVERIFY(!results[1].isError()); // the next job got a new connection
        QCOMPARE(mismatches(), QString());
    }

    void failedConnectsBackOffAndThenFailTheQueue()
    {
        Sync::FixedCredentials credentials(QStringLiteral("secret"));
        auto s = session(&credentials, { "!refuse\n", "!refuse\n", "!refuse\n" });
        s->setMaxConnectAttempts(3);
        QList<Imap::ImapError> results;
        s->enqueue(command("INBOX", "NOOP", &results));
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 1, 5000);
        QVERIFY2(results[0].kind == Imap::ImapError::Kind::Transport, qPrintable(Imap::toString(results[0].kind)));
        QCOMPARE(m_transports.size(), 3);
        // The next job tries again (the user may be back online).
        s->enqueue(command("INBOX", "NOOP", &results));
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 2, 5000);
        QCOMPARE(m_transports.size(), 6);
    }

    void aRefusedLoginIsReportedAndRetriedOnce()
    {
        CountingCredentials credentials({ QStringLiteral("old"), QStringLiteral("new") });
        const QByteArray refused = "S: * OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN] ready\n"
                                   "C: a1 AUTHENTICATE PLAIN <redacted>\n"
                                   "S: a1 NO [AUTHENTICATIONFAILED] Authentication failed.\n";
        auto s = session(&credentials, { refused, kLogin + "C: a2 NOOP\nS: a2 OK fine\n" });
        QList<Imap::ImapError> results;
        s->enqueue(command({}, "NOOP", &results));
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 1, 5000);
        QVERIFY2(!results[0].isError(), qPrintable(results[0].message()));
        QCOMPARE(credentials.refusedSecrets, QStringList { QStringLiteral("old") });
        QCOMPARE(credentials.requests, 2);
    }

    void aSecondRefusalFailsTheQueueWithoutALoop()
    {
        CountingCredentials credentials(
            { QStringLiteral("old"), QStringLiteral("older"), QStringLiteral("x") });
        const QByteArray refused = "S: * OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN] ready\n"
                                   "C: a1 AUTHENTICATE PLAIN <redacted>\n"
                                   "S: a1 NO [AUTHENTICATIONFAILED] Authentication failed.\n";
        auto s = session(&credentials, { refused, refused });
        QList<Imap::ImapError> results;
        s->enqueue(command({}, "NOOP", &results));
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 1, 5000);
        QVERIFY2(results[0].kind == Imap::ImapError::Kind::AuthenticationFailed, qPrintable(Imap::toString(results[0].kind)));
        QCOMPARE(credentials.refusedSecrets.size(), 2);
        QCOMPARE(m_transports.size(), 2);
    }

    /// The IDLE connection asks the source at each connect (issue 14); refused twice it
    /// stops and the session says so (credentialsFailed); startMonitoring() later (the user
    /// signed in again) starts a new one that asks the source again.
    void aMonitorRefusedTwiceStopsAndStartsAgainLater()
    {
        CountingCredentials credentials({ QStringLiteral("old"), QStringLiteral("older"), QStringLiteral("new") });
        const QByteArray refused = "S: * OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN] ready\n"
                                   "C: a1 AUTHENTICATE PLAIN <redacted>\n"
                                   "S: a1 NO [AUTHENTICATIONFAILED] Authentication failed.\n";
        auto s = session(&credentials, { refused, refused, "!refuse\n" });
        s->setMonitorSetup([](Sync::AccountMonitor &m) { m.setBackoff(Sync::Backoff(1000, 1000)); });
        QSignalSpy failed(s.get(), &Sync::AccountSession::credentialsFailed);
        s->startMonitoring();
        QVERIFY(s->isMonitoring());
        QVERIFY(failed.wait(5000));
        QCOMPARE(int(failed.first().first().value<Sync::CredentialError>().kind),
            int(Sync::CredentialError::Kind::Missing)); // a password: the user types another
        QVERIFY(!s->isMonitoring());
        QCOMPARE(credentials.refusedSecrets, (QStringList { QStringLiteral("old"), QStringLiteral("older") }));
        QCOMPARE(m_transports.size(), 2);
        QCOMPARE(credentials.requests, 2);
        s->startMonitoring();
        QVERIFY(s->isMonitoring());
        QTRY_COMPARE_WITH_TIMEOUT(m_transports.size(), 3, 5000);
        QCOMPARE(credentials.requests, 3);
        QCOMPARE(failed.size(), 1);
        QVERIFY2(mismatches().isEmpty(), qPrintable(mismatches()));
    }

    void credentialsThatCannotBeHadFailTheQueue()
    {
        CountingCredentials credentials({});
        auto s = session(&credentials, {});
        QSignalSpy failed(s.get(), &Sync::AccountSession::credentialsFailed);
        QList<Imap::ImapError> results;
        s->enqueue(command({}, "NOOP", &results));
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 1, 5000);
        QVERIFY2(results[0].kind == Imap::ImapError::Kind::AuthenticationFailed, qPrintable(Imap::toString(results[0].kind)));
        QCOMPARE(failed.size(), 1);
        QCOMPARE(m_transports.size(), 0);
    }

    void movingToTrashUsesTheSession()
    {
        Store::Folder trash;
        QCOMPARE(Test::addFolder(m_db->connection(), m_account.id, QStringLiteral("Trash"), &trash),
            QString());
        Sync::FixedCredentials credentials(QStringLiteral("secret"));
        auto s = session(&credentials,
            { kLogin + "C: a2 SELECT INBOX\nS: a2 OK selected\n"
                + "C: a3 UID MOVE 7 Trash\nS: * OK [COPYUID 1 7 1] moved\nS: * 1 EXPUNGE\nS: a3 OK "
                  "done\n" });
        Sync::MoveToTrash move(m_account, {}, m_db->connection(), m_message7);
        move.setAccountSession(s.get());
        QSignalSpy moved(&move, &Sync::MoveToTrash::finished);
        move.start();
        QVERIFY(moved.wait(5000));
        QCOMPARE(moved.first().at(1).toString(), QString());
        QCOMPARE(mismatches(), QString());
        QVERIFY(!Store::MessageRepository(m_db->connection()).findById(m_message7));
    }
};

QTEST_GUILESS_MAIN(AccountSessionTest)
#include "AccountSessionTest.moc"
