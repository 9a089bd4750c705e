// SPDX-License-Identifier: GPL-3.0-or-later
// The outbox through mailtrail-cli against the private Postfix + Dovecot (fixture Mailstack)
// with the password in a real keychain (fixture Keychain): sent once, Sent copy once, queued
// while the server is unreachable and sent exactly once after, "may have been sent" after a
// connection cut following the final dot, and a permanent refusal with the server's words.
#include "CliRun.h"
#include "Keychain.h"
#include "MailStack.h"
#include "TcpProxy.h"
#include "TestPaths.h"
#include "store/AccountRepository.h"
#include "store/Database.h"
#include "sync/Drafts.h"
#include "tracking/ReportIngest.h"
#include "tracking/TrackingStore.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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

class OutboxIntegrationTest : public QObject
{
    Q_OBJECT
private:
    Test::MailStack m_stack = Test::MailStack::fromEnvironment();
    QTemporaryDir m_profile;

    /// Runs mailtrail-cli without blocking the event loop (a TcpProxy lives in this process).
    Test::CliRun cli(const QStringList &arguments, const QByteArray &stdinData = {})
    {
        return Test::runCli(QStringList { QStringLiteral("--profile"), m_profile.path() } + arguments, stdinData);
    }

    Test::CliRun send(const QString &account, const QStringList &to, const QString &subject,
        const QByteArray &body)
    {
        QStringList args { QStringLiteral("send"), QStringLiteral("--account"), account,
            QStringLiteral("--subject"), subject, QStringLiteral("--body-stdin"),
            QStringLiteral("--json") };
        for (const QString &t : to)
            args << QStringLiteral("--to") << t;
        return cli(args, body);
    }

    /// Points the account's SMTP endpoint somewhere else (as editing the account would).
    void setSmtpPort(const QString &name, quint16 port)
    {
        Store::Database db;
        QCOMPARE(db.open(m_profile.filePath(QStringLiteral("mailtrail.sqlite"))), QString());
        Store::AccountRepository repo(db.connection());
        auto account = repo.find(name);
        QVERIFY(account);
        account->smtp.host = QStringLiteral("127.0.0.1");
        account->smtp.port = port;
        QCOMPARE(repo.update(*account), QString());
    }

    int copiesIn(
        const QString &maildir, const QByteArray &needle, QStringList *names = nullptr) const
    {
        int n = 0;
        for (const char *sub : { "new", "cur" }) {
            QDir dir(maildir + QLatin1Char('/') + QLatin1String(sub));
            for (const QString &file : dir.entryList(QDir::Files)) {
                QFile f(dir.filePath(file));
                if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle)) {
                    ++n;
                    if (names)
                        names->append(file);
                }
            }
        }
        return n;
    }

    int bobCopies(const QByteArray &needle) const
    {
        return copiesIn(m_stack.maildir(QStringLiteral("bob")), needle);
    }

    QJsonObject outboxEntry(qint64 id)
    {
        const Test::CliRun list
            = cli({ QStringLiteral("outbox"), QStringLiteral("list"), QStringLiteral("--json") });
        for (const auto &v : QJsonDocument::fromJson(list.out).array()) {
            if (v.toObject().value(QStringLiteral("id")).toInteger() == id)
                return v.toObject();
        }
        return {};
    }

    void addAccount(const QString &name, quint16 smtpPort)
    {
        const Test::CliRun add = cli(
            { QStringLiteral("account"), QStringLiteral("add"), name, QStringLiteral("--email"),
                m_stack.address(QStringLiteral("alice")), QStringLiteral("--imap"),
                QStringLiteral("%1:%2/starttls").arg(m_stack.host()).arg(m_stack.imapPort()),
                QStringLiteral("--smtp"),
                QStringLiteral("%1:%2/starttls").arg(m_stack.host()).arg(smtpPort),
                QStringLiteral("--ca-file"), m_stack.caFile(), QStringLiteral("--password-stdin") },
            m_stack.password(QStringLiteral("alice")).toUtf8() + '\n');
        QVERIFY2(add.exitCode == 0, add.describe().constData());
        QVERIFY2(!add.err.contains("No keychain"), add.err.constData());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_stack.isValid(), qPrintable(m_stack.errorString()));
        const QString error = Test::useTestSessionBus();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        addAccount(QStringLiteral("alice"), m_stack.submissionPort());
    }

    void sentOnceWithSentCopyAndTracking()
    {
        const QString t = token();
        const QByteArray body = "Hello Bob,\n\nthis is outbox test " + t.toUtf8() + ".\n";
        const Test::CliRun run = send(QStringLiteral("alice"), { m_stack.address(QStringLiteral("bob")) },
            QStringLiteral("outbox ") + t, body);
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        const QJsonObject o = run.json();
        QCOMPARE(o.value(QStringLiteral("state")).toString(), QStringLiteral("sent"));
        QVERIFY(o.value(QStringLiteral("dsn_supported")).toBool());
        QVERIFY(!o.value(QStringLiteral("envid")).toString().isEmpty());
        const QString messageId = o.value(QStringLiteral("message_id")).toString();
        QVERIFY(messageId.startsWith(QLatin1Char('<')));
        const QJsonObject r = o.value(QStringLiteral("recipients")).toArray().at(0).toObject();
        QCOMPARE(
            r.value(QStringLiteral("address")).toString(), m_stack.address(QStringLiteral("bob")));
        QVERIFY(r.value(QStringLiteral("accepted")).toBool());
        QCOMPARE(r.value(QStringLiteral("replycode")).toInt(), 250);
        QCOMPARE(r.value(QStringLiteral("status")).toString(), QStringLiteral("2.0.0"));
        QCOMPARE(o.value(QStringLiteral("sent_copy")).toString(), QStringLiteral("done"));

        // Delivered to bob: same Message-ID, same text.
        const QByteArray delivered = m_stack.waitForMessageContaining(
            QStringLiteral("bob"), { messageId.toUtf8(), t.toUtf8() });
        QVERIFY2(!delivered.isEmpty(), "not delivered to bob");
        QVERIFY(delivered.contains(QByteArray("Subject: outbox " + t.toUtf8())));
        QVERIFY(delivered.contains(QByteArray("this is outbox test " + t.toUtf8())));
        QCOMPARE(bobCopies(messageId.toUtf8()), 1);

        // Exactly one copy in alice's Sent folder, flagged \Seen (Maildir info ":2,S").
        QStringList names;
        QCOMPARE(copiesIn(m_stack.maildir(QStringLiteral("alice")) + QStringLiteral("/.Sent"),
                     messageId.toUtf8(), &names),
            1);
        QVERIFY2(names.first().contains(QLatin1String(":2,"))
                && names.first().section(QLatin1String(":2,"), 1).contains(QLatin1Char('S')),
            qPrintable(names.first()));

        // Flushing again sends nothing twice.
        const Test::CliRun flush = cli({ QStringLiteral("outbox"), QStringLiteral("flush"),
            QStringLiteral("--account"), QStringLiteral("alice") });
        QVERIFY2(flush.exitCode == 0, flush.describe().constData());
        QTest::qWait(0);
        QCOMPARE(copiesIn(m_stack.maildir(QStringLiteral("alice")) + QStringLiteral("/.Sent"),
                     messageId.toUtf8()),
            1);

        // Tracking: accepted per recipient.
        Store::Database db;
        QCOMPARE(db.open(m_profile.filePath(QStringLiteral("mailtrail.sqlite"))), QString());
        const Tracking::TrackingStore tracking(db.connection());
        const auto id = tracking.messageIdForHeader(messageId);
        QVERIFY(id);
        const auto message = tracking.message(*id);
        QVERIFY(message);
        QVERIFY(message->submittedAt.isValid());
        QCOMPARE(message->recipients.size(), 1);
        QCOMPARE(message->recipients.first().state(QDateTime::currentDateTimeUtc()),
            Tracking::DeliveryState::Accepted);
        QCOMPARE(bobCopies(messageId.toUtf8()), 1);

        // End to end: Postfix's success DSN (NOTIFY=SUCCESS was requested) lands in alice's
        // INBOX; ingesting it makes bob's state "delivered".
        const QByteArray dsn = m_stack.waitForMessageContaining(
            QStringLiteral("alice"), { "Action: delivered", messageId.toUtf8() });
        QVERIFY2(!dsn.isEmpty(), "no success DSN for alice");
        Tracking::TrackingStore writable(db.connection());
        Tracking::ReportIngest ingest(writable);
        Tracking::IncomingMail mail;
        mail.raw = dsn;
        mail.origin = QStringLiteral("alice/INBOX/maildir");
        const Tracking::IngestResult ingested = ingest.ingest(mail);
        QVERIFY2(ingested.outcome == Tracking::IngestResult::Matched, qPrintable(ingested.error));
        QCOMPARE(ingested.sentMessageId, *id);
        QCOMPARE(ingested.method, Tracking::MatchMethod::Envid);
        const auto after = tracking.message(*id);
        QCOMPARE(after->recipients.first().state(QDateTime::currentDateTimeUtc()),
            Tracking::DeliveryState::Delivered);
    }

    void unreachableStaysQueuedThenSentExactlyOnce()
    {
        addAccount(QStringLiteral("alice-down"), m_stack.submissionPort());
        quint16 closedPort = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            closedPort = probe.serverPort();
        }
        setSmtpPort(QStringLiteral("alice-down"), closedPort);
        const QString t = token();
        const Test::CliRun run
            = send(QStringLiteral("alice-down"), { m_stack.address(QStringLiteral("bob")) },
                QStringLiteral("queued ") + t, "Body " + t.toUtf8() + "\n");
        QVERIFY2(run.exitCode == 75, run.describe().constData());
        QCOMPARE(run.json().value(QStringLiteral("state")).toString(), QStringLiteral("queued"));
        QVERIFY(run.json()
                    .value(QStringLiteral("error"))
                    .toString()
                    .contains(QStringLiteral("refused"), Qt::CaseInsensitive));
        const qint64 id = run.json().value(QStringLiteral("id")).toInteger();

        const Test::CliRun again = cli({ QStringLiteral("outbox"), QStringLiteral("flush"),
            QStringLiteral("--account"), QStringLiteral("alice-down") });
        QCOMPARE(again.exitCode, 75);
        QCOMPARE(outboxEntry(id).value(QStringLiteral("attempts")).toInt(), 2);

        setSmtpPort(QStringLiteral("alice-down"), m_stack.submissionPort());
        const Test::CliRun flush = cli({ QStringLiteral("outbox"), QStringLiteral("flush"),
            QStringLiteral("--account"), QStringLiteral("alice-down"), QStringLiteral("--json") });
        QVERIFY2(flush.exitCode == 0, flush.describe().constData());
        QCOMPARE(outboxEntry(id).value(QStringLiteral("state")).toString(), QStringLiteral("sent"));
        QVERIFY(!m_stack.waitForMessageContaining(QStringLiteral("bob"), { "queued " + t.toUtf8() })
                     .isEmpty());
        const Test::CliRun more = cli({ QStringLiteral("outbox"), QStringLiteral("flush"),
            QStringLiteral("--account"), QStringLiteral("alice-down") });
        QCOMPARE(more.exitCode, 0);
        // A later probe message proves Postfix delivered everything queued before it.
        QVERIFY(m_stack
                    .submit(QStringLiteral("alice"),
                        { m_stack.address(QStringLiteral("bob")).toUtf8() },
                        "Subject: probe " + t.toUtf8() + "\r\n\r\nprobe\r\n")
                    .isEmpty());
        QVERIFY(!m_stack.waitForMessageContaining(QStringLiteral("bob"), { "probe " + t.toUtf8() })
                     .isEmpty());
        QCOMPARE(bobCopies("Subject: queued " + t.toUtf8()), 1);
    }

    void cutAfterTheFinalDotMayHaveBeenSent()
    {
        addAccount(QStringLiteral("alice-cut"), m_stack.submissionPort());
        const QByteArray body = QByteArray("Line of text for the cut test.\n").repeated(80);
        // 1. Measure what the client sends for a message of this size.
        Test::TcpProxy measure(m_stack.host(), m_stack.submissionPort());
        QVERIFY(measure.start());
        setSmtpPort(QStringLiteral("alice-cut"), measure.serverPort());
        const QString t1 = token();
        const Test::CliRun first = send(QStringLiteral("alice-cut"),
            { m_stack.address(QStringLiteral("bob")) }, QStringLiteral("cut1 ") + t1, body);
        QVERIFY2(first.exitCode == 0, first.describe().constData());
        const qint64 total = measure.clientBytes();
        QVERIFY(total > body.size());

        // 2. Same size again, cut among the last data records: after the client wrote the dot
        //    (it writes payload and dot before any byte leaves), before the 250 came back.
        Test::TcpProxy cutter(m_stack.host(), m_stack.submissionPort());
        QVERIFY(cutter.start());
        cutter.setCutAfterClientBytes(total - 60);
        setSmtpPort(QStringLiteral("alice-cut"), cutter.serverPort());
        const QString t2 = token();
        const Test::CliRun second
            = send(QStringLiteral("alice-cut"), { m_stack.address(QStringLiteral("bob")) },
                QStringLiteral("cut2 ") + t1.left(5) + t2.left(8), body);
        QVERIFY(cutter.didCut());
        QVERIFY2(second.exitCode == 1, second.describe().constData());
        QCOMPARE(
            second.json().value(QStringLiteral("state")).toString(), QStringLiteral("uncertain"));
        QVERIFY(second.json()
                    .value(QStringLiteral("error"))
                    .toString()
                    .contains(QStringLiteral("may have been sent")));
        const qint64 id = second.json().value(QStringLiteral("id")).toInteger();

        // 3. Not resent by a flush, even with the server reachable.
        setSmtpPort(QStringLiteral("alice-cut"), m_stack.submissionPort());
        const Test::CliRun flush = cli({ QStringLiteral("outbox"), QStringLiteral("flush"),
            QStringLiteral("--account"), QStringLiteral("alice-cut") });
        QCOMPARE(flush.exitCode, 1);
        const QJsonObject entry = outboxEntry(id);
        QCOMPARE(entry.value(QStringLiteral("state")).toString(), QStringLiteral("uncertain"));
        QCOMPARE(entry.value(QStringLiteral("attempts")).toInt(), 0);
        const Test::CliRun listText = cli({ QStringLiteral("outbox"), QStringLiteral("list"),
            QStringLiteral("--account"), QStringLiteral("alice-cut") });
        QVERIFY(listText.out.contains("may have been sent"));

        // 4. The user decides to resend: sent now.
        QCOMPARE(cli({ QStringLiteral("outbox"), QStringLiteral("resend"), QString::number(id) })
                     .exitCode,
            0);
        const Test::CliRun resent = cli({ QStringLiteral("outbox"), QStringLiteral("flush"),
            QStringLiteral("--account"), QStringLiteral("alice-cut") });
        QVERIFY2(resent.exitCode == 0, resent.describe().constData());
        QCOMPARE(outboxEntry(id).value(QStringLiteral("state")).toString(), QStringLiteral("sent"));
    }

    void permanentRefusalShowsTheServerWords()
    {
        const QString t = token();
        const Test::CliRun run = send(QStringLiteral("alice"),
            { QStringLiteral("someone@elsewhere.test") }, QStringLiteral("refused ") + t, "x\n");
        QVERIFY2(run.exitCode == 1, run.describe().constData());
        const QJsonObject o = run.json();
        QCOMPARE(o.value(QStringLiteral("state")).toString(), QStringLiteral("failed"));
        const QJsonObject r = o.value(QStringLiteral("recipients")).toArray().at(0).toObject();
        QVERIFY(!r.value(QStringLiteral("accepted")).toBool());
        QCOMPARE(r.value(QStringLiteral("replycode")).toInt(), 550);
        QCOMPARE(r.value(QStringLiteral("status")).toString(), QStringLiteral("5.7.1"));
        QVERIFY2(!r.value(QStringLiteral("text")).toString().isEmpty(), run.out.constData());
        QVERIFY(o.value(QStringLiteral("error")).toString().contains(QStringLiteral("550")));
        // Still listed, not retried.
        const Test::CliRun list = cli({ QStringLiteral("outbox"), QStringLiteral("list") });
        QVERIFY(list.out.contains(QByteArray("refused " + t.toUtf8())));
    }

    void partialAcceptanceIsSent()
    {
        const QString t = token();
        const Test::CliRun run = send(QStringLiteral("alice"),
            { m_stack.address(QStringLiteral("bob")), QStringLiteral("x@elsewhere.test") },
            QStringLiteral("partial ") + t, "x\n");
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        const QJsonArray r = run.json().value(QStringLiteral("recipients")).toArray();
        QVERIFY(r.at(0).toObject().value(QStringLiteral("accepted")).toBool());
        QVERIFY(!r.at(1).toObject().value(QStringLiteral("accepted")).toBool());
        QCOMPARE(r.at(1).toObject().value(QStringLiteral("replycode")).toInt(), 550);
    }

    void draftReplacesItsPreviousImapCopy()
    {
        Store::Database db;
        QCOMPARE(db.open(m_profile.filePath(QStringLiteral("mailtrail.sqlite"))), QString());
        const auto account
            = Store::AccountRepository(db.connection()).find(QStringLiteral("alice"));
        QVERIFY(account);
        const QByteArray t = token().toUtf8();
        Sync::DraftStore drafts(db.connection());
        Sync::Draft draft;
        draft.account = account->name;
        draft.subject = QStringLiteral("draft");
        draft.bytes
            = "From: alice@example.test\r\nSubject: draft " + t + "\r\n\r\nfirst version\r\n";
        QVERIFY(drafts.save(draft));
        const QString maildir
            = m_stack.maildir(QStringLiteral("alice")) + QStringLiteral("/.Drafts");
        quint32 firstUid = 0;
        for (const QByteArray &version :
            { QByteArray("first version"), QByteArray("second version") }) {
            draft.bytes
                = "From: alice@example.test\r\nSubject: draft " + t + "\r\n\r\n" + version + "\r\n";
            QVERIFY(drafts.save(draft));
            Sync::DraftUploader uploader(
                *account, m_stack.password(QStringLiteral("alice")), db.connection());
            QSignalSpy finished(&uploader, &Sync::DraftUploader::finished);
            uploader.upload(draft.id);
            QVERIFY(finished.wait(30000));
            const auto result = finished.first().first().value<Sync::AppendResult>();
            QVERIFY2(result.ok, qPrintable(result.error));
            QVERIFY(result.uid > firstUid);
            firstUid = result.uid;
            const auto stored = drafts.find(draft.id);
            QCOMPARE(stored->uid, result.uid);
            QCOMPARE(stored->imapState, QStringLiteral("done"));
            QStringList names;
            QCOMPARE(copiesIn(maildir, "Subject: draft " + t, &names), 1);
            QCOMPARE(copiesIn(maildir, version), 1);
            QVERIFY2(names.first().section(QLatin1String(":2,"), 1).contains(QLatin1Char('D')),
                qPrintable(names.first()));
        }
    }

    void usageErrors()
    {
        QCOMPARE(
            cli({ QStringLiteral("send"), QStringLiteral("--account"), QStringLiteral("alice") })
                .exitCode,
            2);
        QCOMPARE(cli({ QStringLiteral("send"), QStringLiteral("--account"), QStringLiteral("alice"),
                         QStringLiteral("--to"), QStringLiteral("b@x"), QStringLiteral("--subject"),
                         QStringLiteral("s"), QStringLiteral("--body-stdin"),
                         QStringLiteral("--dsn"), QStringLiteral("sometimes") })
                     .exitCode,
            2);
        QCOMPARE(cli({ QStringLiteral("outbox"), QStringLiteral("resend"), QStringLiteral("nope") })
                     .exitCode,
            2);
        QCOMPARE(
            cli({ QStringLiteral("outbox"), QStringLiteral("discard"), QStringLiteral("99999") })
                .exitCode,
            1);
        const Test::CliRun noAccount = send(QStringLiteral("nobody"),
            { QStringLiteral("b@example.test") }, QStringLiteral("s"), "x");
        QCOMPARE(noAccount.exitCode, 1);
        QVERIFY(noAccount.err.contains("no account named"));
    }
};

QTEST_GUILESS_MAIN(OutboxIntegrationTest)
#include "OutboxIntegrationTest.moc"
