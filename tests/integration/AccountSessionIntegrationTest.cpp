// SPDX-License-Identifier: GPL-3.0-or-later
// Sync::AccountSession against the real Dovecot with its *default* connection limit
// (mail_max_userip_connections = 10; fixture MailstackDefault): a check, IDLE, and many
// reads, flags, moves and deletes started all at once never use more than two connections
// for the account (command + IDLE). Dovecot's log is the witness: every login and every
// logout of alice is counted, in the order Dovecot wrote them.
#include "ImapTestClient.h"
#include "MailStack.h"
#include "imap/MailboxOperations.h"
#include "imap/Session.h"
#include "search/OfflineBodies.h"
#include "store/AccountRepository.h"
#include "store/Database.h"
#include "store/FolderRepository.h"
#include "store/MessageRepository.h"
#include "sync/AccountSession.h"
#include "sync/BodyFetch.h"
#include "sync/FlagStore.h"
#include "sync/MailCheck.h"
#include "sync/MoveToTrash.h"

#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Mailtrail;

namespace {

/// What Dovecot's log says about one user's IMAP connections from @p offset on.
struct ConnectionLog
{
    int logins = 0;
    int peak = 0; ///< most connections logged in at once
    bool limitHit = false; ///< "Maximum number of connections from user+IP exceeded"
};

ConnectionLog readLog(const QString &path, qint64 offset, const QString &user)
{
    QFile file(path);
    ConnectionLog log;
    if (!file.open(QIODevice::ReadOnly) || !file.seek(offset))
        return log;
    const QByteArray login = "Login: user=<" + user.toUtf8() + '>';
    const QByteArray session = "imap(" + user.toUtf8() + ")<";
    int open = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine();
        if (line.contains("Maximum number of connections"))
            log.limitHit = true;
        if (line.contains("imap-login:") && line.contains(login)) {
            ++log.logins;
            log.peak = std::max(log.peak, ++open);
        } else if (line.contains(session) && line.contains("Disconnected")) {
            --open;
        }
    }
    return log;
}

} // namespace

class AccountSessionIntegrationTest : public QObject
{
    Q_OBJECT

    Test::MailStack m_stack = Test::MailStack::fromEnvironment();
    QTemporaryDir m_dir;
    QString m_log;

    [[nodiscard]] qint64 logSize() const { return QFileInfo(m_log).size(); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_stack.isValid(), qPrintable(m_stack.errorString()));
        m_log = m_stack.value(QStringLiteral("LOG_DIR")) + QStringLiteral("/dovecot.log");
        QVERIFY2(QFile::exists(m_log), qPrintable(m_log));
    }

    // The witness works: three clients at once are seen as three.
    void theLogCountsConcurrentConnections()
    {
        const qint64 offset = logSize();
        {
            Test::ImapTestClient a(m_stack, QStringLiteral("bob"));
            Test::ImapTestClient b(m_stack, QStringLiteral("bob"));
            Test::ImapTestClient c(m_stack, QStringLiteral("bob"));
            QVERIFY(a.isReady() && b.isReady() && c.isReady());
            a.run("LOGOUT");
            b.run("LOGOUT");
            c.run("LOGOUT");
        }
        QTRY_COMPARE_WITH_TIMEOUT(
            readLog(m_log, offset, QStringLiteral("bob@example.test")).logins, 3, 5000);
        QCOMPARE(readLog(m_log, offset, QStringLiteral("bob@example.test")).peak, 3);
    }

    void manyActionsAtOnceUseAtMostTwoConnections()
    {
        constexpr int count = 24;
        QString error = Test::fillMaildirFolder(
            m_stack, QStringLiteral("alice"), QStringLiteral("Work"), count);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        {
            Test::ImapTestClient setup(m_stack, QStringLiteral("alice"));
            QVERIFY2(setup.isReady(), qPrintable(setup.errorString()));
            setup.run("CREATE Archive");
            setup.run("CREATE Trash");
            setup.run("LOGOUT");
        }
        Store::Database db;
        QCOMPARE(db.open(m_dir.filePath(QStringLiteral("session.sqlite"))), QString());
        Store::Account account = m_stack.account(QStringLiteral("alice"), QStringLiteral("alice"));
        QCOMPARE(Store::AccountRepository(db.connection()).add(account), QString());

        // Counting starts when the setup connections are gone.
        QTest::qWait(300);
        const qint64 offset = logSize();
        Sync::FixedCredentials credentials(m_stack.password(QStringLiteral("alice")));
        Sync::AccountSession session(account, &credentials, db.connection());
        session.startMonitoring();

        // A whole check (LIST, every folder) on the command connection.
        Sync::MailCheck check(account, {}, db.connection());
        check.setAccountSession(&session);
        QSignalSpy checked(&check, &Sync::MailCheck::finished);
        check.start();
        QVERIFY(checked.wait(60000));
        const auto report = checked.first().first().value<Sync::MailCheckReport>();
        QVERIFY2(report.ok(), qPrintable(report.sync.errorMessage()));

        const std::optional<Store::Folder> inbox
            = Store::FolderRepository(db.connection()).find(account.id, QStringLiteral("Work"));
        QVERIFY(inbox);
        Store::MessageRepository messages(db.connection());
        const QList<quint32> uids = messages.uids(inbox->id);
        QVERIFY(uids.size() >= count);

        // The download of recent bodies for offline reading and search runs beside what the
        // user does, in batches on the same command connection.
        QCOMPARE(Search::OfflineBodies::setOfflineDays(db.connection(), account.id, 36500), QString());
        Search::OfflineBodies offline(account, db.connection());
        offline.setAccountSession(&session);
        offline.setBatchSize(5);
        QSignalSpy offlineDone(&offline, &Search::OfflineBodies::finished);
        offline.start();

        // Everything at once, as a user clicking fast would: read, mark read, flag, move,
        // delete. Nothing waits for anything.
        QList<QObject *> tasks;
        int finished = 0;
        int failed = 0;
        QStringList errors;
        const auto done = [&](const QString &e) {
            ++finished;
            if (!e.isEmpty()) {
                ++failed;
                errors.append(e);
            }
        };
        int expected = 0;
        for (qsizetype i = 0; i < uids.size(); ++i) {
            const qint64 id = messages.find(inbox->id, uids[i])->id;
            auto *fetch = new Sync::BodyFetch(account, {}, db.connection(), id, this);
            fetch->setAccountSession(&session);
            connect(fetch, &Sync::BodyFetch::finished, this,
                [&](const Sync::BodyFetchResult &r) { done(r.ok ? QString() : r.error); });
            tasks.append(fetch);
            ++expected;
            auto *seen
                = new Sync::FlagStore(account, {}, db.connection(), id, { "\\Seen" }, true, this);
            seen->setAccountSession(&session);
            connect(
                seen, &Sync::FlagStore::finished, this, [&](qint64, const QString &e) { done(e); });
            tasks.append(seen);
            ++expected;
            if (i % 3 == 0) {
                auto *flag = new Sync::FlagStore(
                    account, {}, db.connection(), id, { "\\Flagged" }, true, this);
                flag->setAccountSession(&session);
                connect(flag, &Sync::FlagStore::finished, this,
                    [&](qint64, const QString &e) { done(e); });
                tasks.append(flag);
                ++expected;
            }
        }
        for (QObject *task : std::as_const(tasks)) {
            if (auto *f = qobject_cast<Sync::BodyFetch *>(task))
                f->start();
            else if (auto *s = qobject_cast<Sync::FlagStore *>(task))
                s->start();
        }
        QTRY_COMPARE_WITH_TIMEOUT(finished, expected, 60000);
        QVERIFY2(failed == 0, qPrintable(errors.join(QLatin1Char('\n'))));
        QVERIFY(!offlineDone.isEmpty() || offlineDone.wait(60000));
        const auto offlineResult = offlineDone.first().first().value<Search::OfflineBodiesResult>();
        QVERIFY2(offlineResult.ok, qPrintable(offlineResult.error));
        QVERIFY(offlineResult.downloaded >= count); // every message of Work, and the Inbox's
        QCOMPARE(offlineResult.remaining, 0);

        // Moves to Archive (a job of its own) and deletes (to the Trash), also all at once.
        int moved = 0;
        int deleted = 0;
        for (qsizetype i = 0; i < 8; ++i) {
            session.enqueue(
                inbox->wireName,
                [uid = uids[i]](Imap::Session &s, Sync::AccountSession::Done jobDone) {
                    Imap::Operations::move(s, Imap::SequenceSet::fromValues({ uid }), "Archive",
                        [jobDone](const Imap::MoveResult &r) { jobDone(r.error); });
                },
                [&](const Imap::ImapError &e) {
                    ++moved;
                    if (e.isError())
                        errors.append(e.message());
                });
        }
        for (qsizetype i = 8; i < 16; ++i) {
            auto *trash = new Sync::MoveToTrash(
                account, {}, db.connection(), messages.find(inbox->id, uids[i])->id, this);
            trash->setAccountSession(&session);
            connect(trash, &Sync::MoveToTrash::finished, this, [&](qint64, const QString &e) {
                ++deleted;
                if (!e.isEmpty())
                    errors.append(e);
            });
            trash->start();
        }
        QTRY_COMPARE_WITH_TIMEOUT(moved + deleted, 16, 60000);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));

        QCOMPARE(session.connectionsOpened(), 1);
        QVERIFY(session.isMonitoring());
        // The witness, before anyone else logs in as alice: the command connection and the
        // IDLE one, never more at once, and never Dovecot's limit.
        const ConnectionLog log = readLog(m_log, offset, QStringLiteral("alice@example.test"));
        QVERIFY(!log.limitHit);
        QCOMPARE(log.logins, 2);
        QCOMPARE(log.peak, 2);

        // The server agrees.
        Test::ImapTestClient other(m_stack, QStringLiteral("alice"));
        const QByteArray archive = other.run("STATUS Archive (MESSAGES)");
        QVERIFY2(archive.contains("MESSAGES 8"), archive.constData());
        const QByteArray trash = other.run("STATUS Trash (MESSAGES)");
        QVERIFY2(trash.contains("MESSAGES 8"), trash.constData());
        other.run("SELECT Work");
        const QByteArray flagged = other.run("UID SEARCH FLAGGED");
        QVERIFY2(QRegularExpression(QStringLiteral("\\* SEARCH \\d"))
                     .match(QString::fromLatin1(flagged))
                     .hasMatch(),
            flagged.constData());
        const QByteArray unseen = other.run("UID SEARCH UNSEEN");
        QVERIFY2(unseen.contains("* SEARCH\r\n"), unseen.constData());
        other.run("LOGOUT");
        session.close();
        qDeleteAll(tasks);
    }
};

QTEST_GUILESS_MAIN(AccountSessionIntegrationTest)
#include "AccountSessionIntegrationTest.moc"
