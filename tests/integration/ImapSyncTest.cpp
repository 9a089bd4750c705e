// SPDX-License-Identifier: GPL-3.0-or-later
// Folder sync against the private Dovecot (fixture Mailstack): first sync, flags and
// expunges by another client, UIDVALIDITY change, server dropped mid-sync, kill -9 of
// `mailtrail-cli sync` with the cache intact.
#include "ImapTestClient.h"
#include "MailStack.h"
#include "TcpProxy.h"
#include "TestPaths.h"
#include "imap/MailboxOperations.h"
#include "imap/Session.h"
#include "net/SocketTransport.h"
#include "store/AccountRepository.h"
#include "store/Database.h"
#include "store/FolderRepository.h"
#include "store/MessageRepository.h"
#include "sync/AccountSync.h"

#include <QProcess>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Mailtrail;

namespace {

const QString user = QStringLiteral("postmaster");

QString uniqueFolder(const char *prefix)
{
    return QString::fromLatin1(prefix) + QUuid::createUuid().toString(QUuid::Id128).left(8);
}

/// A TCP relay to the IMAPS port that cuts the connection after @p limit server bytes.
class CuttingProxy : public QObject
{
public:
    CuttingProxy(const QString &host, quint16 port, qint64 limit) : m_host(host), m_port(port), m_limit(limit)
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            QTcpSocket *client = m_server.nextPendingConnection();
            auto *upstream = new QTcpSocket(client);
            upstream->connectToHost(m_host, m_port);
            connect(client, &QTcpSocket::readyRead, upstream, [client, upstream] {
                if (upstream->state() == QAbstractSocket::ConnectedState)
                    upstream->write(client->readAll());
            });
            connect(upstream, &QTcpSocket::connected, upstream, [client, upstream] { upstream->write(client->readAll()); });
            connect(upstream, &QTcpSocket::readyRead, client, [this, client, upstream] {
                const QByteArray data = upstream->readAll();
                if (m_cut || client->state() != QAbstractSocket::ConnectedState)
                    return;
                const qint64 allowed = qMax<qint64>(0, m_limit - m_forwarded);
                client->write(data.left(allowed));
                m_forwarded += qMin<qint64>(allowed, data.size());
                if (m_forwarded >= m_limit) {
                    m_cut = true;
                    client->flush();
                    client->abort();
                }
            });
        });
    }
    quint16 port() const { return m_server.serverPort(); }
    bool cut() const { return m_cut; }

private:
    QTcpServer m_server;
    QString m_host;
    quint16 m_port;
    qint64 m_limit;
    qint64 m_forwarded = 0;
    bool m_cut = false;
};

} // namespace

class ImapSyncTest : public QObject
{
    Q_OBJECT
private:
    Test::MailStack m_stack = Test::MailStack::fromEnvironment();
    QTemporaryDir m_dir;
    Store::Database m_db;
    Store::Account m_account;

    Sync::AccountSyncReport sync(const QString &folder, quint16 port = 0, int batchSize = 0)
    {
        Store::Account account = m_account;
        if (port)
            account.imap.port = port;
        Sync::AccountSync s(account, m_stack.password(user), m_db.connection());
        s.setFolderFilter(folder);
        if (batchSize)
            s.setBatchSize(batchSize);
        QSignalSpy finished(&s, &Sync::AccountSync::finished);
        s.start();
        if (!finished.wait(60000))
            return {};
        return finished.first().first().value<Sync::AccountSyncReport>();
    }

    qint64 folderId(const QString &folder)
    {
        const auto f = Store::FolderRepository(m_db.connection()).find(m_account.id, folder);
        return f ? f->id : 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_stack.isValid(), qPrintable(m_stack.errorString()));
        QCOMPARE(m_db.open(m_dir.filePath(QStringLiteral("mail.sqlite"))), QString());
        m_account = m_stack.account(user, QStringLiteral("pm"));
        QCOMPARE(Store::AccountRepository(m_db.connection()).add(m_account), QString());
    }

    void starttlsAndWrongPassword()
    {
        Store::Account account = m_account;
        account.imap = {m_stack.host(), m_stack.imapPort(), Store::Security::StartTls};
        Sync::AccountSync good(account, m_stack.password(user), m_db.connection());
        good.setFolderFilter(QStringLiteral("INBOX"));
        QSignalSpy goodDone(&good, &Sync::AccountSync::finished);
        good.start();
        QVERIFY(goodDone.wait(30000));
        const auto report = goodDone.first().first().value<Sync::AccountSyncReport>();
        QVERIFY2(report.ok(), qPrintable(report.errorMessage()));

        // Through a proxy that connects from an address of its own: Dovecot delays further
        // logins from the address of a failed one (MAILSTACK.md, "Auth penalty").
        Test::TcpProxy proxy(m_stack.host(), m_stack.imapPort());
        proxy.setSourceAddress(QHostAddress(QStringLiteral("127.0.0.34")));
        QVERIFY(proxy.start());
        account.imap.port = proxy.serverPort();
        Sync::AccountSync bad(account, QStringLiteral("wrong"), m_db.connection());
        QSignalSpy badDone(&bad, &Sync::AccountSync::finished);
        bad.start();
        QVERIFY(badDone.wait(30000));
        const auto failed = badDone.first().first().value<Sync::AccountSyncReport>();
        QCOMPARE(toString(failed.error.kind), toString(Imap::ImapError::Kind::AuthenticationFailed));
        QVERIFY(!failed.errorMessage().contains(QStringLiteral("wrong")));
    }

    void untrustedCertificateIsRefused()
    {
        Store::Account account = m_account;
        account.caFile.clear(); // the throw-away CA is not in the system store
        Sync::AccountSync s(account, m_stack.password(user), m_db.connection());
        QSignalSpy done(&s, &Sync::AccountSync::finished);
        s.start();
        QVERIFY(done.wait(30000));
        const auto report = done.first().first().value<Sync::AccountSyncReport>();
        QCOMPARE(toString(report.error.kind), toString(Imap::ImapError::Kind::Transport));
        QVERIFY2(report.errorMessage().contains(QStringLiteral("ertificate")), qPrintable(report.errorMessage()));
    }

    void changesByAnotherClientShowUp()
    {
        const QString folder = uniqueFolder("changes");
        QCOMPARE(Test::fillMaildirFolder(m_stack, user, folder, 20), QString());
        auto first = sync(folder);
        QVERIFY2(first.ok(), qPrintable(first.errorMessage()));
        QCOMPARE(first.folders.size(), 1);
        QCOMPARE(first.folders.first().messages, 20);
        QCOMPARE(first.folders.first().mode, QStringLiteral("initial"));
        const qint64 id = folderId(folder);
        Store::MessageRepository messages(m_db.connection());
        const QList<quint32> uids = messages.uids(id);
        QCOMPARE(uids.size(), 20);

        Test::ImapTestClient other(m_stack, user);
        QVERIFY2(other.isReady(), qPrintable(other.errorString()));
        QVERIFY(!other.run("SELECT " + folder.toUtf8()).isEmpty());
        QVERIFY(!other.run("UID STORE " + QByteArray::number(uids[0]) + " +FLAGS (\\Flagged $MDNSent)").isEmpty());
        QVERIFY(!other.run("UID STORE " + QByteArray::number(uids[1]) + " +FLAGS (\\Deleted)").isEmpty());
        QVERIFY(!other.run("EXPUNGE").isEmpty());
        QVERIFY(!other.append(folder.toUtf8(), "From: x@example.test\r\nSubject: appended\r\nMessage-ID: <appended@x>\r\n\r\nhi\r\n").isEmpty());

        auto second = sync(folder);
        QVERIFY2(second.ok(), qPrintable(second.errorMessage()));
        // The fixture MailstackReduced runs this test against a Dovecot without them.
        const QString expectedMode = m_stack.imapOffers("QRESYNC") ? QStringLiteral("qresync")
            : m_stack.imapOffers("CONDSTORE")                      ? QStringLiteral("condstore")
                                                                   : QStringLiteral("full-diff");
        QCOMPARE(second.folders.first().mode, expectedMode);
        QCOMPARE(second.folders.first().removed, 1);
        QCOMPARE(second.folders.first().added, 1);
        QCOMPARE(messages.count(id), 20);
        QVERIFY(!messages.find(id, uids[1]));
        QCOMPARE(messages.find(id, uids[0])->flags, (QByteArrayList{"\\Flagged", "$MDNSent"}));
        QCOMPARE(messages.findByMessageId(QStringLiteral("<appended@x>")).size(), 1);

        auto third = sync(folder);
        QVERIFY(third.ok());
        QCOMPARE(third.folders.first().added + third.folders.first().removed + third.folders.first().flagsChanged, 0);
    }

    void moveLeavesOtherDeletedMessagesAlone()
    {
        // UID MOVE where offered; else COPY + \Deleted + UID EXPUNGE (UIDPLUS); else (fixture
        // MailstackReduced) a plain EXPUNGE that must spare a message someone else marked.
        const QString folder = uniqueFolder("move");
        const QString target = uniqueFolder("target");
        QCOMPARE(Test::fillMaildirFolder(m_stack, user, folder, 3), QString());
        Test::ImapTestClient other(m_stack, user);
        QVERIFY2(other.isReady(), qPrintable(other.errorString()));
        QVERIFY(!other.run("CREATE " + target.toUtf8()).isEmpty());
        QVERIFY(!other.run("SELECT " + folder.toUtf8()).isEmpty());
        QVERIFY(!other.run("UID STORE 3 +FLAGS (\\Deleted)").isEmpty());

        auto *transport = new Net::SocketTransport(this);
        Imap::Session session(transport);
        QSignalSpy ready(&session, &Imap::Session::ready);
        session.open(Sync::imapEndpoint(m_account), {m_account.userName, m_stack.password(user)});
        QVERIFY(ready.wait(20000));
        QCOMPARE(session.hasCapability("UIDPLUS"), m_stack.imapOffers("UIDPLUS"));
        bool selected = false;
        Imap::Session::Handlers select;
        select.done = [&](const Imap::TaggedResponse &r) { selected = r.status == Imap::Status::Ok; };
        session.command("SELECT " + folder.toUtf8(), select);
        QTRY_VERIFY(selected);
        std::optional<Imap::MoveResult> moved;
        Imap::Operations::move(session, Imap::SequenceSet::range(1, 1), target.toUtf8(),
                               [&](const Imap::MoveResult &r) { moved = r; });
        QTRY_VERIFY_WITH_TIMEOUT(moved.has_value(), 20000);
        QVERIFY2(!moved->error.isError(), qPrintable(moved->error.message()));
        std::optional<QList<quint32>> left;
        Imap::Operations::search(session, "ALL", [&](const Imap::ImapError &, const QList<quint32> &uids) { left = uids; });
        QTRY_VERIFY(left.has_value());
        QCOMPARE(*left, (QList<quint32>{2, 3}));
        std::optional<QList<quint32>> deleted;
        Imap::Operations::search(session, "DELETED", [&](const Imap::ImapError &, const QList<quint32> &uids) { deleted = uids; });
        QTRY_VERIFY(deleted.has_value());
        QCOMPARE(*deleted, QList<quint32>{3});
        session.logout();
    }

    void uidValidityChangeRebuilds()
    {
        const QString folder = uniqueFolder("validity");
        QCOMPARE(Test::fillMaildirFolder(m_stack, user, folder, 5), QString());
        auto first = sync(folder);
        QVERIFY2(first.ok(), qPrintable(first.errorMessage()));
        const auto before = Store::FolderRepository(m_db.connection()).findById(folderId(folder));
        Test::ImapTestClient other(m_stack, user);
        QVERIFY2(other.isReady(), qPrintable(other.errorString()));
        QVERIFY(!other.run("DELETE " + folder.toUtf8()).isEmpty());
        QVERIFY(!other.run("CREATE " + folder.toUtf8()).isEmpty());
        QVERIFY(!other.append(folder.toUtf8(), "From: x@example.test\r\nSubject: reborn\r\n\r\nhi\r\n").isEmpty());
        auto second = sync(folder);
        QVERIFY2(second.ok(), qPrintable(second.errorMessage()));
        const auto after = Store::FolderRepository(m_db.connection()).find(m_account.id, folder);
        QVERIFY(after);
        QVERIFY(after->uidValidity != before->uidValidity);
        const qint64 count = Store::MessageRepository(m_db.connection()).count(after->id);
        QCOMPARE(count, 1);
        // Same folder row (rebuilt in place) or a fresh one after the DELETE: either way one message.
        QVERIFY(second.folders.first().rebuilt || after->id != before->id);
    }

    void serverDroppedMidSyncResumes()
    {
        const QString folder = uniqueFolder("drop");
        QCOMPARE(Test::fillMaildirFolder(m_stack, user, folder, 600), QString());
        CuttingProxy proxy(m_stack.host(), m_stack.imapsPort(), 60 * 1024);
        auto cut = sync(folder, proxy.port(), 50);
        QVERIFY(proxy.cut());
        QVERIFY(!cut.ok());
        QVERIFY(!cut.errorMessage().isEmpty());
        const qint64 id = folderId(folder);
        const qint64 partial = Store::MessageRepository(m_db.connection()).count(id);
        QVERIFY2(partial > 0 && partial < 600, qPrintable(QString::number(partial)));
        QCOMPARE(m_db.integrityCheck(), QStringLiteral("ok"));

        auto resumed = sync(folder);
        QVERIFY2(resumed.ok(), qPrintable(resumed.errorMessage()));
        QCOMPARE(resumed.folders.first().messages, 600);
        QCOMPARE(Store::FolderRepository(m_db.connection()).findById(id)->syncedFromUid, 1u);
    }

    void cacheSurvivesKillOfTheCli()
    {
        const QString folder = uniqueFolder("kill");
        QCOMPARE(Test::fillMaildirFolder(m_stack, user, folder, 20000), QString());
        QTemporaryDir profile;
        const QString cli = Test::binaryDir() + QStringLiteral("/app/mailtrail-cli");
        QProcess add;
        add.start(cli, {QStringLiteral("--profile"), profile.path(), QStringLiteral("account"), QStringLiteral("add"),
                        QStringLiteral("pm"), QStringLiteral("--email"), m_stack.address(user),
                        QStringLiteral("--imap"), QStringLiteral("%1:%2/tls").arg(m_stack.host()).arg(m_stack.imapsPort()),
                        QStringLiteral("--smtp"), QStringLiteral("%1:%2/starttls").arg(m_stack.host()).arg(m_stack.submissionPort()),
                        QStringLiteral("--ca-file"), m_stack.caFile(), QStringLiteral("--password-stdin")});
        add.write(m_stack.password(user).toUtf8() + '\n');
        add.closeWriteChannel();
        QVERIFY(add.waitForFinished(30000));
        QCOMPARE(add.exitCode(), 0);

        const QStringList syncArgs = {QStringLiteral("--profile"), profile.path(), QStringLiteral("sync"),
                                      QStringLiteral("--folder"), folder, QStringLiteral("--password-stdin"),
                                      QStringLiteral("--batch-size"), QStringLiteral("100")};
        QProcess victim;
        victim.start(cli, syncArgs);
        victim.write(m_stack.password(user).toUtf8() + '\n');
        victim.closeWriteChannel();
        QVERIFY(victim.waitForStarted());
        const QString dbPath = profile.filePath(QStringLiteral("mailtrail.sqlite"));
        qint64 seen = 0;
        {
            Store::Database watcher;
            // Wait until the first batches are committed, then kill -9.
            QTRY_VERIFY_WITH_TIMEOUT(watcher.isOpen() || watcher.open(dbPath).isEmpty(), 30000);
            QTRY_VERIFY_WITH_TIMEOUT(([&] {
                QSqlQuery q(watcher.connection());
                seen = q.exec(QStringLiteral("SELECT COUNT(*) FROM messages")) && q.next() ? q.value(0).toLongLong() : 0;
                return seen > 0 || victim.state() == QProcess::NotRunning;
            }()), 60000);
        }
        QVERIFY2(victim.state() == QProcess::Running, "the sync finished before it could be killed");
        victim.kill(); // SIGKILL
        QVERIFY(victim.waitForFinished(10000));
        {
            Store::Database after;
            QCOMPARE(after.open(dbPath), QString());
            QCOMPARE(after.integrityCheck(), QStringLiteral("ok"));
            QSqlQuery q(after.connection());
            QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM messages")) && q.next());
            QVERIFY(q.value(0).toLongLong() < 20000);
        }
        QProcess resume;
        resume.start(cli, {QStringLiteral("--profile"), profile.path(), QStringLiteral("sync"), QStringLiteral("--folder"),
                           folder, QStringLiteral("--password-stdin"), QStringLiteral("--json")});
        resume.write(m_stack.password(user).toUtf8() + '\n');
        resume.closeWriteChannel();
        QVERIFY(resume.waitForFinished(60000));
        const QByteArray output = resume.readAllStandardOutput();
        QVERIFY2(resume.exitCode() == 0, resume.readAllStandardError().constData());
        QVERIFY2(output.contains("\"messages\": 20000"), output.constData());
    }
};

QTEST_GUILESS_MAIN(ImapSyncTest)
#include "ImapSyncTest.moc"
