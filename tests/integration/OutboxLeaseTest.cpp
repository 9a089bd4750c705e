// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 15 §5, "nothing queued is lost or sent twice", through mailtrail-cli against the
// private Postfix + Dovecot (fixtures Mailstack, Keychain):
//  - two `outbox flush` processes on one profile, started together over the same 50 queued
//    messages: each message arrives exactly once, and its Sent copy is stored once (leases);
//  - a recipient refused temporarily at RCPT (`mailstack rcpt-tempfail`, a
//    check_recipient_access map answering 450) while another is accepted: retried alone with
//    the same Message-ID until accepted, "deferred by your mail server" in its timeline;
//  - `outbox discard` leaves evidence; a discarded message is not "queued".
#include "CliRun.h"
#include "Keychain.h"
#include "MailStack.h"
#include "TestPaths.h"
#include "store/AccountRepository.h"
#include "store/Database.h"
#include "sync/Outbox.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Mailtrail;

namespace {

QString token()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).left(13);
}

} // namespace

class OutboxLeaseTest : public QObject
{
    Q_OBJECT
private:
    Test::MailStack m_stack = Test::MailStack::fromEnvironment();
    QTemporaryDir m_profile;

    Test::CliRun cli(const QStringList &arguments, const QByteArray &stdinData = {})
    {
        return Test::runCli(QStringList{QStringLiteral("--profile"), m_profile.path()} + arguments, stdinData);
    }

    QString databasePath() const { return m_profile.filePath(QStringLiteral("mailtrail.sqlite")); }

    void addAccount(const QString &name)
    {
        const Test::CliRun add = cli(
            {QStringLiteral("account"), QStringLiteral("add"), name, QStringLiteral("--email"),
             m_stack.address(QStringLiteral("alice")), QStringLiteral("--imap"),
             QStringLiteral("%1:%2/starttls").arg(m_stack.host()).arg(m_stack.imapPort()), QStringLiteral("--smtp"),
             QStringLiteral("%1:%2/starttls").arg(m_stack.host()).arg(m_stack.submissionPort()),
             QStringLiteral("--ca-file"), m_stack.caFile(), QStringLiteral("--password-stdin")},
            m_stack.password(QStringLiteral("alice")).toUtf8() + '\n');
        QVERIFY2(add.exitCode == 0, add.describe().constData());
    }

    void setSmtpPort(const QString &name, quint16 port)
    {
        Store::Database db;
        QCOMPARE(db.open(databasePath()), QString());
        Store::AccountRepository repo(db.connection());
        auto account = repo.find(name);
        QVERIFY(account);
        account->smtp.port = port;
        QCOMPARE(repo.update(*account), QString());
    }

    int copiesIn(const QString &maildir, const QByteArray &needle) const
    {
        int n = 0;
        for (const char *sub : {"new", "cur"}) {
            QDir dir(maildir + QLatin1Char('/') + QLatin1String(sub));
            for (const QString &file : dir.entryList(QDir::Files)) {
                QFile f(dir.filePath(file));
                if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
                    ++n;
            }
        }
        return n;
    }

    /// Waits until Postfix delivered everything submitted before now: a probe sent after it
    /// has arrived in @p user's mailbox (the queue is worked in order on this idle stack).
    bool drained(const QString &user)
    {
        const QByteArray probe = "probe " + token().toUtf8();
        if (!m_stack.submit(QStringLiteral("alice"), {m_stack.address(user).toUtf8()},
                            "Subject: " + probe + "\r\n\r\nprobe\r\n")
                 .isEmpty())
            return false;
        return !m_stack.waitForMessageContaining(user, {probe}).isEmpty();
    }

    /// The tracked message with @p subject in `status --json` (one object per line).
    QJsonObject status(const QString &subject)
    {
        const Test::CliRun run = cli({QStringLiteral("status"), QStringLiteral("--json")});
        for (const QByteArray &line : run.out.split('\n')) {
            const QJsonObject m = QJsonDocument::fromJson(line).object();
            if (m.value(QStringLiteral("subject")).toString() == subject)
                return m;
        }
        return {};
    }

    static QJsonObject recipient(const QJsonObject &message, const QString &address)
    {
        for (const auto &r : message.value(QStringLiteral("recipients")).toArray()) {
            if (r.toObject().value(QStringLiteral("address")).toString() == address)
                return r.toObject();
        }
        return {};
    }

    static QStringList details(const QJsonObject &recipient)
    {
        QStringList out;
        for (const auto &e : recipient.value(QStringLiteral("events")).toArray())
            out.append(e.toObject().value(QStringLiteral("detail")).toString());
        return out;
    }

    QJsonArray outboxList()
    {
        return QJsonDocument::fromJson(
                   cli({QStringLiteral("outbox"), QStringLiteral("list"), QStringLiteral("--json")}).out)
            .array();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_stack.isValid(), qPrintable(m_stack.errorString()));
        const QString error = Test::useTestSessionBus();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        addAccount(QStringLiteral("alice"));
    }

    void twoProcessesSendEachMessageOnce()
    {
        const int count = 50;
        const QString t = token();
        QList<QByteArray> ids;
        {
            Store::Database db;
            QCOMPARE(db.open(databasePath()), QString());
            Sync::OutboxStore store(db.connection());
            for (int i = 0; i < count; ++i) {
                const QByteArray id = "<race-" + QByteArray::number(i) + "-" + t.toUtf8() + "@example.test>";
                Sync::OutboxMessage m;
                m.account = QStringLiteral("alice");
                m.messageId = id;
                m.subject = QStringLiteral("race %1 %2").arg(i).arg(t);
                m.bytes = "From: alice@example.test\r\nTo: bob@example.test\r\nSubject: " + m.subject.toUtf8()
                    + "\r\nMessage-ID: " + id + "\r\nDate: " + QDateTime::currentDateTimeUtc().toString(Qt::RFC2822Date).toUtf8()
                    + "\r\n\r\nRace " + QByteArray::number(i) + ".\r\n";
                m.envelope = Smtp::Envelope::simple(QStringLiteral("alice@example.test"),
                                                    {m_stack.address(QStringLiteral("bob"))});
                m.envelope.requestDsn = false;
                QVERIFY2(store.enqueue(m), qPrintable(store.lastError()));
                ids.append(id);
            }
        }

        // Two processes, started together, flush the same outbox.
        QProcess first;
        QProcess second;
        QSignalSpy firstDone(&first, &QProcess::finished);
        QSignalSpy secondDone(&second, &QProcess::finished);
        const QStringList args{QStringLiteral("--profile"), m_profile.path(), QStringLiteral("outbox"),
                               QStringLiteral("flush"), QStringLiteral("--account"), QStringLiteral("alice"),
                               QStringLiteral("--json")};
        // Their log says which one sent what (not asserted: the split depends on scheduling).
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("mailtrail.outbox.info=true"));
        first.setProcessEnvironment(env);
        second.setProcessEnvironment(env);
        first.start(Test::binaryDir() + QStringLiteral("/app/mailtrail-cli"), args);
        second.start(Test::binaryDir() + QStringLiteral("/app/mailtrail-cli"), args);
        QVERIFY(firstDone.wait(240000) || !firstDone.isEmpty());
        QVERIFY(!secondDone.isEmpty() || secondDone.wait(240000));
        const QByteArray firstErr = first.readAllStandardError();
        const QByteArray secondErr = second.readAllStandardError();
        // 0, or 75 (EX_TEMPFAIL) when the other process still had rows in hand when this one
        // listed the outbox; never an error.
        QVERIFY2(first.exitStatus() == QProcess::NormalExit && (first.exitCode() == 0 || first.exitCode() == 75),
                 firstErr.constData());
        QVERIFY2(second.exitStatus() == QProcess::NormalExit && (second.exitCode() == 0 || second.exitCode() == 75),
                 secondErr.constData());
        QVERIFY2(!firstErr.contains("may have been") && !secondErr.contains("may have been"),
                 QByteArray(firstErr + secondErr).constData());

        // Every row sent, its Sent copy stored, no lease left behind.
        int sent = 0;
        for (const auto &v : outboxList()) {
            const QJsonObject o = v.toObject();
            if (!o.value(QStringLiteral("subject")).toString().endsWith(t))
                continue;
            ++sent;
            QCOMPARE(o.value(QStringLiteral("state")).toString(), QStringLiteral("sent"));
            QCOMPARE(o.value(QStringLiteral("attempts")).toInt(), 1);
            QCOMPARE(o.value(QStringLiteral("sent_copy")).toString(), QStringLiteral("done"));
        }
        QCOMPARE(sent, count);

        // Each message arrived exactly once, and is in the Sent folder exactly once.
        QVERIFY(drained(QStringLiteral("bob")));
        const QString sentFolder = m_stack.maildir(QStringLiteral("alice")) + QStringLiteral("/.Sent");
        for (const QByteArray &id : std::as_const(ids)) {
            QCOMPARE(copiesIn(m_stack.maildir(QStringLiteral("bob")), "Message-ID: " + id), 1);
            QCOMPARE(copiesIn(sentFolder, "Message-ID: " + id), 1);
        }
        qInfo("two processes flushed %d messages: the first sent %lld, the second %lld (skipped %lld and "
              "%lld leased by the other); each delivered once",
              count, qint64(firstErr.count("sent, queue id")), qint64(secondErr.count("sent, queue id")),
              qint64(firstErr.count("is not ours to send")), qint64(secondErr.count("is not ours to send")));
    }

    void deferredRecipientIsRetriedUntilAccepted()
    {
        const QString carol = m_stack.address(QStringLiteral("carol"));
        const QString bob = m_stack.address(QStringLiteral("bob"));
        QVERIFY2(m_stack.rcptTempfail(carol), qPrintable(m_stack.controlError()));
        const QString subject = QStringLiteral("deferred %1").arg(token());
        const Test::CliRun run = cli({QStringLiteral("send"), QStringLiteral("--account"), QStringLiteral("alice"),
                                      QStringLiteral("--to"), bob, QStringLiteral("--to"), carol,
                                      QStringLiteral("--subject"), subject, QStringLiteral("--body-stdin"),
                                      QStringLiteral("--dsn"), QStringLiteral("never"), QStringLiteral("--json")},
                                     "Hello both.\n");
        QVERIFY2(run.exitCode == 0, run.describe().constData()); // accepted for bob
        const QString messageId = run.json().value(QStringLiteral("message_id")).toString();

        // carol: queued again, alone, same Message-ID; her timeline says why.
        QJsonObject retry;
        for (const auto &v : outboxList()) {
            if (v.toObject().value(QStringLiteral("subject")).toString() == subject
                && v.toObject().value(QStringLiteral("state")).toString() == QLatin1String("queued"))
                retry = v.toObject();
        }
        QVERIFY2(!retry.isEmpty(), cli({QStringLiteral("outbox"), QStringLiteral("list")}).out.constData());
        QCOMPARE(retry.value(QStringLiteral("message_id")).toString(), messageId);
        const QJsonArray retryRecipients = retry.value(QStringLiteral("recipients")).toArray();
        QCOMPARE(retryRecipients.size(), 1);
        QCOMPARE(retryRecipients.first().toObject().value(QStringLiteral("address")).toString(), carol);
        QJsonObject message = status(subject);
        QCOMPARE(recipient(message, bob).value(QStringLiteral("state")).toString(), QStringLiteral("accepted"));
        QCOMPARE(recipient(message, carol).value(QStringLiteral("state")).toString(), QStringLiteral("queued"));
        QStringList carolSays = details(recipient(message, carol));
        QVERIFY2(carolSays.last().startsWith(QStringLiteral("Deferred by your mail server: 450 4.2.1")),
                 qPrintable(carolSays.join(QLatin1Char('\n'))));

        // Still refused: queued with backoff, one more line in the timeline.
        Test::CliRun flush = cli({QStringLiteral("outbox"), QStringLiteral("flush"), QStringLiteral("--account"),
                                  QStringLiteral("alice")});
        QCOMPARE(flush.exitCode, 75);
        message = status(subject);
        carolSays = details(recipient(message, carol));
        QCOMPARE(carolSays.size(), 3);
        QCOMPARE(recipient(message, carol).value(QStringLiteral("state")).toString(), QStringLiteral("queued"));

        // Lifted: the next attempt goes to carol only.
        QVERIFY2(m_stack.rcptAccept(carol), qPrintable(m_stack.controlError()));
        flush = cli({QStringLiteral("outbox"), QStringLiteral("flush"), QStringLiteral("--account"),
                     QStringLiteral("alice")});
        QVERIFY2(flush.exitCode == 0, flush.describe().constData());
        message = status(subject);
        QCOMPARE(recipient(message, carol).value(QStringLiteral("state")).toString(), QStringLiteral("accepted"));
        QCOMPARE(recipient(message, bob).value(QStringLiteral("state")).toString(), QStringLiteral("accepted"));
        carolSays = details(recipient(message, carol));
        QVERIFY2(carolSays.last().startsWith(QStringLiteral("Accepted")), qPrintable(carolSays.join(QLatin1Char('\n'))));

        QVERIFY(drained(QStringLiteral("carol")));
        QVERIFY(drained(QStringLiteral("bob")));
        QCOMPARE(copiesIn(m_stack.maildir(QStringLiteral("carol")), messageId.toUtf8()), 1);
        QCOMPARE(copiesIn(m_stack.maildir(QStringLiteral("bob")), messageId.toUtf8()), 1);
        QCOMPARE(copiesIn(m_stack.maildir(QStringLiteral("alice")) + QStringLiteral("/.Sent"), messageId.toUtf8()), 1);
    }

    void cleanupTestCase()
    {
        // Never leave the map behind for the other tests of this stack.
        QVERIFY2(m_stack.rcptAccept(m_stack.address(QStringLiteral("carol"))), qPrintable(m_stack.controlError()));
    }

    /// (mark-sent needs a "may have been sent" message: OutboxTest::markSentLeavesEvidence.)
    void discardLeavesEvidence()
    {
        addAccount(QStringLiteral("alice-down"));
        quint16 closedPort = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            closedPort = probe.serverPort();
        }
        setSmtpPort(QStringLiteral("alice-down"), closedPort);
        const QString subject = QStringLiteral("discarded %1").arg(token());
        const Test::CliRun run = cli({QStringLiteral("send"), QStringLiteral("--account"), QStringLiteral("alice-down"),
                                      QStringLiteral("--to"), m_stack.address(QStringLiteral("bob")),
                                      QStringLiteral("--subject"), subject, QStringLiteral("--body-stdin"),
                                      QStringLiteral("--json")},
                                     "Never mind.\n");
        QVERIFY2(run.exitCode == 75, run.describe().constData());
        const qint64 id = run.json().value(QStringLiteral("id")).toInteger();
        const Test::CliRun queued = cli({QStringLiteral("status"), QStringLiteral("--state"), QStringLiteral("queued"),
                                         QStringLiteral("--json")});
        QVERIFY2(queued.out.contains(subject.toUtf8()), queued.describe().constData());

        const Test::CliRun discard = cli({QStringLiteral("outbox"), QStringLiteral("discard"), QString::number(id)});
        QVERIFY2(discard.exitCode == 0, discard.describe().constData());
        const QJsonObject message = status(subject);
        const QJsonObject r = message.value(QStringLiteral("recipients")).toArray().first().toObject();
        QVERIFY(r.value(QStringLiteral("state")).toString() != QLatin1String("queued"));
        QCOMPARE(details(r).last(), QStringLiteral("Discarded by you; it was not sent."));
        const Test::CliRun stillQueued = cli({QStringLiteral("status"), QStringLiteral("--state"),
                                              QStringLiteral("queued"), QStringLiteral("--json")});
        QVERIFY2(!stillQueued.out.contains(subject.toUtf8()), stillQueued.describe().constData());
    }
};

QTEST_GUILESS_MAIN(OutboxLeaseTest)
#include "OutboxLeaseTest.moc"
