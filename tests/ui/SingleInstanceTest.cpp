// SPDX-License-Identifier: GPL-3.0-or-later
// One Mailtrail per profile: a second `mailtrail` on the same profile hands its mailto:
// links to the running one and exits. The second start is always the real executable; the
// first is either this test (SingleInstance in-process, to see what arrives) or the real
// executable too.
#include "SingleInstance.h"
#include "TestPaths.h"

#include <QDir>
#include <QFile>
#include <QLocalSocket>
#include <QLockFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Mailtrail;
using Ui::SingleInstance;

class SingleInstanceTest : public QObject
{
    Q_OBJECT

    static QString executable() { return QDir(Test::binaryDir()).filePath(QStringLiteral("app/mailtrail")); }

    static void startMailtrail(QProcess &process, const QString &profile, const QStringList &arguments)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        process.setProcessEnvironment(env);
        process.start(executable(), QStringList{QStringLiteral("--profile"), profile} + arguments);
        QVERIFY2(process.waitForStarted(10000), qPrintable(process.errorString()));
    }

    /// A profile with this test as its running Mailtrail, recording what later starts send.
    struct InProcessPrimary
    {
        QTemporaryDir profile;
        SingleInstance instance{profile.path()};
        SingleInstance::Role role = instance.start({});
        QSignalSpy activated{&instance, &SingleInstance::activated};
    };

private Q_SLOTS:
    void secondStartHandsItsLinksToTheFirst()
    {
        InProcessPrimary first;
        QCOMPARE(first.role, SingleInstance::Role::Primary);
        const QTemporaryDir &profile = first.profile;
        QSignalSpy &activated = first.activated;

        QProcess second;
        const QString link = QStringLiteral("mailto:bob@example.test?subject=Caf%C3%A9");
        startMailtrail(second, profile.path(), {link, QStringLiteral("mailto:carol@example.test")});
        QTRY_COMPARE_WITH_TIMEOUT(second.state(), QProcess::NotRunning, 15000);
        QCOMPARE(second.exitStatus(), QProcess::NormalExit);
        QCOMPARE(second.exitCode(), 0);
        QCOMPARE(second.readAllStandardOutput(), QByteArray()); // no window of its own
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.first().first().toStringList(),
                 (QStringList{link, QStringLiteral("mailto:carol@example.test")}));

        // A plain second launch (no link) just brings the window forward.
        QProcess third;
        startMailtrail(third, profile.path(), {});
        QTRY_COMPARE_WITH_TIMEOUT(third.state(), QProcess::NotRunning, 15000);
        QCOMPARE(third.exitCode(), 0);
        QCOMPARE(activated.size(), 2);
        QCOMPARE(activated.last().first().toStringList(), QStringList());
    }

    void runningWindowTakesTheLinkAndACrashedOneIsReplaced()
    {
        QTemporaryDir profile;
        QProcess primary;
        startMailtrail(primary, profile.path(), {});
        const QString socket = profile.filePath(QStringLiteral("mailtrail.socket"));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(socket), 20000);

        QProcess second;
        startMailtrail(second, profile.path(), {QStringLiteral("mailto:bob@example.test?subject=Hi")});
        QVERIFY(second.waitForFinished(15000));
        QCOMPARE(second.exitCode(), 0);
        QByteArray log;
        QTRY_VERIFY_WITH_TIMEOUT((log += primary.readAllStandardError()).contains("another start handed over 1 argument(s)"),
                                 10000);
        QCOMPARE(primary.state(), QProcess::Running);

        // kill -9: lock file and socket stay behind; the next start takes them over.
        primary.kill();
        QVERIFY(primary.waitForFinished(10000));
        QVERIFY(QFile::exists(socket));
        QVERIFY(QFile::exists(profile.filePath(QStringLiteral("mailtrail.lock"))));
        SingleInstance next(profile.path());
        QCOMPARE(next.start({}, 2000), SingleInstance::Role::Primary);
        QLocalSocket probe;
        probe.connectToServer(next.serverName());
        QVERIFY(probe.waitForConnected(2000));
    }

    void silentHolderOfTheProfileGivesAClearError()
    {
        // The profile is locked by a live process (this test) that does not listen.
        QTemporaryDir profile;
        QLockFile lock(profile.filePath(QStringLiteral("mailtrail.lock")));
        lock.setStaleLockTime(0);
        QVERIFY(lock.tryLock(0));
        QProcess second;
        startMailtrail(second, profile.path(), {QStringLiteral("mailto:bob@example.test")});
        QVERIFY(second.waitForFinished(20000));
        QCOMPARE(second.exitCode(), 1);
        const QString error = QString::fromUtf8(second.readAllStandardError());
        QVERIFY2(error.contains(QStringLiteral("already runs with the profile")), qPrintable(error));
        QVERIFY2(error.contains(QString::number(QCoreApplication::applicationPid())), qPrintable(error));
    }

    void smokeTestNeverHandsOver()
    {
        InProcessPrimary first;
        QCOMPARE(first.role, SingleInstance::Role::Primary);
        QProcess smoke;
        startMailtrail(smoke, first.profile.path(), {QStringLiteral("--smoke-test"), QStringLiteral("mailto:bob@example.test")});
        QTRY_COMPARE_WITH_TIMEOUT(smoke.state(), QProcess::NotRunning, 30000);
        QCOMPARE(smoke.exitCode(), 0);
        QVERIFY(smoke.readAllStandardOutput().contains("composer: to=bob@example.test"));
        QCOMPARE(first.activated.size(), 0);
    }

    void eachProfileHasItsOwnInstance()
    {
        QTemporaryDir one;
        QTemporaryDir two;
        SingleInstance first(one.path());
        SingleInstance second(two.path());
        QCOMPARE(first.start({}), SingleInstance::Role::Primary);
        QCOMPARE(second.start({}), SingleInstance::Role::Primary);
        QVERIFY(first.serverName() != second.serverName());
    }

    void socketOutsideTheProfileWhenItCannotBeInside()
    {
        // Something that is not a socket where the socket belongs (as on a file system
        // without sockets): the primary listens in the temporary directory instead, and a
        // second start still finds it.
        QTemporaryDir profile;
        QVERIFY(QDir(profile.path()).mkdir(QStringLiteral("mailtrail.socket")));
        SingleInstance first(profile.path());
        QCOMPARE(first.start({}), SingleInstance::Role::Primary);
        QVERIFY(!first.serverName().isEmpty());
        QVERIFY2(!first.serverName().startsWith(profile.path()), qPrintable(first.serverName()));
        QSignalSpy activated(&first, &SingleInstance::activated);
        QProcess second;
        startMailtrail(second, profile.path(), {QStringLiteral("mailto:bob@example.test")});
        QTRY_COMPARE_WITH_TIMEOUT(second.state(), QProcess::NotRunning, 15000);
        QCOMPARE(second.exitCode(), 0);
        QCOMPARE(activated.size(), 1);
    }

    void garbageOnTheSocketIsIgnored()
    {
        InProcessPrimary first;
        QCOMPARE(first.role, SingleInstance::Role::Primary);
        QLocalSocket intruder;
        intruder.connectToServer(first.instance.serverName());
        QVERIFY(intruder.waitForConnected(2000));
        intruder.write("{\"not\": \"arguments\"}\n");
        QTRY_COMPARE_WITH_TIMEOUT(intruder.state(), QLocalSocket::UnconnectedState, 5000);
        QCOMPARE(first.activated.size(), 0);
        // The primary still serves the next, well-formed request.
        QProcess second;
        startMailtrail(second, first.profile.path(), {QStringLiteral("mailto:bob@example.test")});
        QTRY_COMPARE_WITH_TIMEOUT(second.state(), QProcess::NotRunning, 15000);
        QCOMPARE(second.exitCode(), 0);
        QCOMPARE(first.activated.size(), 1);
    }
};

QTEST_MAIN(SingleInstanceTest)
#include "SingleInstanceTest.moc"
