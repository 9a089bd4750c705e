// SPDX-License-Identifier: GPL-3.0-or-later
// `mailtrail-cli account identity add|list|remove`, `account set --signature-file` and
// `send --from` (issue 19), run as processes over a real profile database.
#include "CliRun.h"
#include "Profile.h"
#include "store/AccountRepository.h"
#include "store/Database.h"
#include "sync/Outbox.h"

#include <QFile>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Mailtrail;

namespace {
constexpr int kExitQueued = 75;
}

class IdentityCommandTest : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    Test::CliRun cli(QStringList arguments, const QByteArray &stdinData = {})
    {
        arguments.prepend(m_dir.path());
        arguments.prepend(QStringLiteral("--profile"));
        return Test::runCli(arguments, stdinData, 30000);
    }

    QString writeFile(const QString &name, const QByteArray &content)
    {
        QFile file(m_dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(file.fileName()));
        file.write(content);
        return file.fileName();
    }

    /// The outbox entry (with its bytes) a `send --json` run printed.
    Sync::OutboxEntry outboxEntry(const Test::CliRun &run)
    {
        const qint64 id = run.json().value(QLatin1String("id")).toInteger();
        Store::Database db;
        if (!db.open(Profile(m_dir.path()).databasePath()).isEmpty())
            return {};
        return Sync::OutboxStore(db.connection()).entry(id).value_or(Sync::OutboxEntry());
    }

    QStringList sendArguments(const QStringList &from)
    {
        return QStringList{QStringLiteral("send")} + from
            + QStringList{QStringLiteral("--to"), QStringLiteral("bob@example.net"), QStringLiteral("--subject"),
                          QStringLiteral("Hello"), QStringLiteral("--body-stdin"), QStringLiteral("--queue-only"),
                          QStringLiteral("--json")};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const Profile profile(m_dir.path());
        QCOMPARE(profile.ensureExists(), QString());
        Store::Database db;
        QCOMPARE(db.open(profile.databasePath()), QString());
        Store::AccountRepository accounts(db.connection());
        for (const auto &[name, email] : {std::pair{"work", "alice@work.example"}, std::pair{"home", "alice@home.example"}}) {
            Store::Account a;
            a.name = QLatin1String(name);
            a.displayName = QStringLiteral("Alice Example");
            a.email = QLatin1String(email);
            a.imap = Store::Endpoint{QStringLiteral("127.0.0.1"), 1, Store::Security::Tls};
            a.smtp = Store::Endpoint{QStringLiteral("127.0.0.1"), 1, Store::Security::Tls};
            a.userName = a.email;
            QCOMPARE(accounts.add(a), QString());
        }
    }

    void listShowsTheOwnAddress()
    {
        const Test::CliRun run = cli({QStringLiteral("account"), QStringLiteral("identity"), QStringLiteral("list"),
                                      QStringLiteral("work")});
        QVERIFY2(run.exitCode == 0, run.describe());
        QCOMPARE(run.out, QByteArray("alice@work.example\tAlice Example\t-\tsignature 0 lines\tprimary\n"));
    }

    void addSetAndSendFrom()
    {
        const QString supportSignature = writeFile(QStringLiteral("support.sig"), "Work Support\nPhone 0123\n");
        Test::CliRun run = cli({QStringLiteral("account"), QStringLiteral("identity"), QStringLiteral("add"),
                                QStringLiteral("work"), QStringLiteral("--address"), QStringLiteral("support@work.example"),
                                QStringLiteral("--display-name"), QStringLiteral("Work Support"),
                                QStringLiteral("--reply-to"), QStringLiteral("tickets@work.example"),
                                QStringLiteral("--signature-file"), supportSignature});
        QVERIFY2(run.exitCode == 0, run.describe());
        QCOMPARE(run.out, QByteArray("account 'work': identity support@work.example added\n"));

        const QString ownSignature = writeFile(QStringLiteral("own.sig"), "-- \r\nAlice\r\n");
        run = cli({QStringLiteral("account"), QStringLiteral("set"), QStringLiteral("work"),
                   QStringLiteral("--signature-file"), ownSignature});
        QVERIFY2(run.exitCode == 0, run.describe());
        QCOMPARE(run.out, QByteArray("account 'work': signature of 2 lines\n"));

        run = cli({QStringLiteral("account"), QStringLiteral("identity"), QStringLiteral("list"), QStringLiteral("work")});
        QVERIFY2(run.exitCode == 0, run.describe());
        QCOMPARE(run.out, QByteArray("alice@work.example\tAlice Example\t-\tsignature 2 lines\tprimary\n"
                                     "support@work.example\tWork Support\ttickets@work.example\tsignature 2 lines\n"));

        // send --from: the identity's name, Reply-To and signature (the separator once).
        run = cli(sendArguments({QStringLiteral("--account"), QStringLiteral("work"), QStringLiteral("--from"),
                                 QStringLiteral("Support@work.example")}),
                  "Hi Bob\n");
        QVERIFY2(run.exitCode == kExitQueued, run.describe());
        Sync::OutboxEntry entry = outboxEntry(run);
        QCOMPARE(entry.account, QStringLiteral("work"));
        QCOMPARE(entry.mailFrom, QStringLiteral("support@work.example"));
        QVERIFY2(entry.bytes.startsWith("From: Work Support <support@work.example>\r\n"), entry.bytes.constData());
        QVERIFY2(entry.bytes.contains("\r\nReply-To: tickets@work.example\r\n"), entry.bytes.constData());
        QVERIFY2(entry.bytes.contains("Hi Bob\r\n\r\n-- \r\nWork Support\r\nPhone 0123\r\n"), entry.bytes.constData());

        // Without --account: the one account that has the address.
        run = cli(sendArguments({QStringLiteral("--from"), QStringLiteral("support@work.example")}), "Hi\n");
        QVERIFY2(run.exitCode == kExitQueued, run.describe());
        QCOMPARE(outboxEntry(run).account, QStringLiteral("work"));

        // Without --from: the account's own address, with its signature (given with "-- ").
        run = cli(sendArguments({QStringLiteral("--account"), QStringLiteral("work")}), "Hi\n");
        QVERIFY2(run.exitCode == kExitQueued, run.describe());
        entry = outboxEntry(run);
        QVERIFY2(entry.bytes.startsWith("From: Alice Example <alice@work.example>\r\n"), entry.bytes.constData());
        QVERIFY2(entry.bytes.contains("Hi\r\n\r\n-- \r\nAlice\r\n"), entry.bytes.constData());
        QVERIFY2(!entry.bytes.contains("-- \r\n-- "), entry.bytes.constData());
        QVERIFY(!entry.bytes.contains("Reply-To:"));

        // An empty signature file removes the signature.
        run = cli({QStringLiteral("account"), QStringLiteral("set"), QStringLiteral("work"),
                   QStringLiteral("--signature-file"), writeFile(QStringLiteral("empty.sig"), QByteArray())});
        QVERIFY2(run.exitCode == 0, run.describe());
        QCOMPARE(run.out, QByteArray("account 'work': no signature\n"));
    }

    void unknownFromIsAUsageError_data()
    {
        QTest::addColumn<QStringList>("from");
        QTest::newRow("not-an-identity-of-the-account")
            << QStringList{QStringLiteral("--account"), QStringLiteral("home"), QStringLiteral("--from"),
                           QStringLiteral("support@work.example")};
        QTest::newRow("no-account-has-it")
            << QStringList{QStringLiteral("--from"), QStringLiteral("nobody@else.example")};
        QTest::newRow("not-an-address") << QStringList{QStringLiteral("--account"), QStringLiteral("work"),
                                                       QStringLiteral("--from"), QStringLiteral("Alice")};
    }
    void unknownFromIsAUsageError()
    {
        QFETCH(QStringList, from);
        Store::Database db;
        QCOMPARE(db.open(Profile(m_dir.path()).databasePath()), QString());
        const qsizetype before = Sync::OutboxStore(db.connection()).list().size();
        const Test::CliRun run = cli(sendArguments(from), "Hi\n");
        QVERIFY2(run.exitCode == 2, run.describe());
        QCOMPARE(run.out, QByteArray());
        QVERIFY2(run.err.startsWith("mailtrail-cli send: --from"), run.describe());
        QVERIFY2(run.err.contains("\nUsage: mailtrail-cli "), run.describe());
        QCOMPARE(Sync::OutboxStore(db.connection()).list().size(), before); // nothing queued
    }

    void badSignatureFileIsAUsageError_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("missing") << QByteArray() << QByteArray("cannot read");
        QTest::newRow("binary") << QByteArray("GIF89a\0\0\1", 9) << QByteArray("is not a text file");
        QTest::newRow("latin1") << QByteArray("Gr\xfc\xdf\x65") << QByteArray("is not UTF-8 text");
        QTest::newRow("too-large") << QByteArray(70 * 1024, 'x') << QByteArray("larger than 64 KiB");
    }
    void badSignatureFileIsAUsageError()
    {
        QFETCH(QByteArray, content);
        QFETCH(QByteArray, message);
        const QString path = content.isEmpty() ? m_dir.filePath(QStringLiteral("missing.sig"))
                                               : writeFile(QStringLiteral("bad.sig"), content);
        const Test::CliRun run = cli({QStringLiteral("account"), QStringLiteral("identity"), QStringLiteral("add"),
                                      QStringLiteral("home"), QStringLiteral("--address"),
                                      QStringLiteral("news@home.example"), QStringLiteral("--signature-file"), path});
        QVERIFY2(run.exitCode == 2, run.describe());
        QVERIFY2(run.err.contains(message), run.describe());
        const Test::CliRun list = cli({QStringLiteral("account"), QStringLiteral("identity"), QStringLiteral("list"),
                                       QStringLiteral("home")});
        QVERIFY2(!list.out.contains("news@home.example"), list.describe());
    }

    void remove()
    {
        Test::CliRun run = cli({QStringLiteral("account"), QStringLiteral("identity"), QStringLiteral("add"),
                                QStringLiteral("home"), QStringLiteral("--address"), QStringLiteral("kids@home.example")});
        QVERIFY2(run.exitCode == 0, run.describe());
        run = cli({QStringLiteral("account"), QStringLiteral("identity"), QStringLiteral("remove"), QStringLiteral("home"),
                   QStringLiteral("--address"), QStringLiteral("kids@home.example")});
        QVERIFY2(run.exitCode == 0, run.describe());
        QCOMPARE(run.out, QByteArray("account 'home': identity kids@home.example removed\n"));
        // Gone: removing it again fails, and so does removing the account's own address.
        run = cli({QStringLiteral("account"), QStringLiteral("identity"), QStringLiteral("remove"), QStringLiteral("home"),
                   QStringLiteral("--address"), QStringLiteral("kids@home.example")});
        QVERIFY2(run.exitCode == 1, run.describe());
        run = cli({QStringLiteral("account"), QStringLiteral("identity"), QStringLiteral("remove"), QStringLiteral("home"),
                   QStringLiteral("--address"), QStringLiteral("alice@home.example")});
        QVERIFY2(run.exitCode == 1, run.describe());
        QVERIFY2(run.err.contains("cannot be removed"), run.describe());
        run = cli({QStringLiteral("account"), QStringLiteral("identity"), QStringLiteral("list"), QStringLiteral("nosuch")});
        QVERIFY2(run.exitCode == 1, run.describe());
        QVERIFY2(run.err.contains("no account named 'nosuch'"), run.describe());
    }
};

QTEST_GUILESS_MAIN(IdentityCommandTest)
#include "IdentityCommandTest.moc"
