// SPDX-License-Identifier: GPL-3.0-or-later
// `mailtrail-cli account set NAME --track-sent-elsewhere on|off [--sent-elsewhere-days N]`
// (issue #18), run as a process over a real profile database: the same setting the GUI's
// Settings → Accounts shows (Sync::SentElsewhere), per account, and every bad input refused.
#include "CliRun.h"
#include "Profile.h"
#include "store/AccountRepository.h"
#include "store/Database.h"
#include "sync/SentElsewhere.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Mailtrail;

class SentElsewhereSettingTest : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    Test::CliRun cli(QStringList arguments)
    {
        arguments.prepend(m_dir.path());
        arguments.prepend(QStringLiteral("--profile"));
        return Test::runCli(arguments, {}, 30000);
    }

    Test::CliRun set(const QString &account, const QStringList &options)
    {
        return cli(QStringList{QStringLiteral("account"), QStringLiteral("set"), account} + options);
    }

    Sync::SentElsewhereSettings stored(const QString &account)
    {
        Store::Database db;
        if (!db.open(Profile(m_dir.path()).databasePath()).isEmpty())
            return {false, -1};
        return Sync::SentElsewhere(db.connection()).settings(account);
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

    void offOnAndDays()
    {
        QCOMPARE(stored(QStringLiteral("work")), (Sync::SentElsewhereSettings{true, 30})); // the default

        Test::CliRun run = set(QStringLiteral("work"), {QStringLiteral("--track-sent-elsewhere"), QStringLiteral("off")});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QCOMPARE(run.out, QByteArray("account 'work': mail sent from another program is not tracked\n"));
        QCOMPARE(stored(QStringLiteral("work")), (Sync::SentElsewhereSettings{false, 30}));
        QCOMPARE(stored(QStringLiteral("home")), (Sync::SentElsewhereSettings{true, 30})); // per account

        // Days alone keep on/off as it is.
        run = set(QStringLiteral("work"), {QStringLiteral("--sent-elsewhere-days"), QStringLiteral("7")});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QCOMPARE(stored(QStringLiteral("work")), (Sync::SentElsewhereSettings{false, 7}));

        run = set(QStringLiteral("work"), {QStringLiteral("--track-sent-elsewhere"), QStringLiteral("on"),
                                           QStringLiteral("--sent-elsewhere-days"), QStringLiteral("14")});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QCOMPARE(run.out, QByteArray("account 'work': mail sent from another program in the last 14 days is tracked\n"));
        QCOMPARE(stored(QStringLiteral("work")), (Sync::SentElsewhereSettings{true, 14}));
    }

    void badInputIsRefused_data()
    {
        QTest::addColumn<QString>("account");
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QByteArray>("error");
        QTest::newRow("yes") << QStringLiteral("home") << QStringList{QStringLiteral("--track-sent-elsewhere"), QStringLiteral("yes")}
                             << QByteArray("--track-sent-elsewhere must be on or off");
        QTest::newRow("empty") << QStringLiteral("home") << QStringList{QStringLiteral("--track-sent-elsewhere"), QString()}
                               << QByteArray("--track-sent-elsewhere must be on or off");
        QTest::newRow("zero-days") << QStringLiteral("home") << QStringList{QStringLiteral("--sent-elsewhere-days"), QStringLiteral("0")}
                                   << QByteArray("--sent-elsewhere-days needs a number of days (at least 1)");
        QTest::newRow("negative-days") << QStringLiteral("home") << QStringList{QStringLiteral("--sent-elsewhere-days"), QStringLiteral("-3")}
                                       << QByteArray("--sent-elsewhere-days needs a number of days (at least 1)");
        QTest::newRow("words") << QStringLiteral("home") << QStringList{QStringLiteral("--sent-elsewhere-days"), QStringLiteral("a week")}
                               << QByteArray("--sent-elsewhere-days needs a number of days (at least 1)");
        QTest::newRow("no-account") << QStringLiteral("nobody") << QStringList{QStringLiteral("--track-sent-elsewhere"), QStringLiteral("off")}
                                    << QByteArray("no account named 'nobody'");
    }

    void badInputIsRefused()
    {
        QFETCH(QString, account);
        QFETCH(QStringList, options);
        QFETCH(QByteArray, error);
        const Test::CliRun run = set(account, options);
        QVERIFY2(run.exitCode != 0, run.describe().constData());
        QVERIFY2(run.err.contains(error), run.describe().constData());
        QCOMPARE(stored(QStringLiteral("home")), (Sync::SentElsewhereSettings{true, 30})); // unchanged
    }

    void helpNamesTheOptions()
    {
        const Test::CliRun run = cli({QStringLiteral("account"), QStringLiteral("set"), QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains("--track-sent-elsewhere <on|off>"), run.out.constData());
        QVERIFY2(run.out.contains("--sent-elsewhere-days <n>"), run.out.constData());
    }
};

QTEST_GUILESS_MAIN(SentElsewhereSettingTest)
#include "SentElsewhereSettingTest.moc"
