// SPDX-License-Identifier: GPL-3.0-or-later
// The `mailtrail` executable as the desktop starts it (Exec=mailtrail %u in the desktop
// entry): a mailto: link on the command line opens a filled-in composer. Run as a process on
// the offscreen platform with --smoke-test, which prints what is open and quits.
#include "TestPaths.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Mailtrail;

class GuiLaunchTest : public QObject
{
    Q_OBJECT

    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    Run run(const QStringList &arguments, const QString &profile = {})
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        process.setProcessEnvironment(env);
        process.start(QDir(Test::binaryDir()).filePath(QStringLiteral("app/mailtrail")),
                      QStringList{QStringLiteral("--profile"), profile.isEmpty() ? m_profile.path() : profile,
                                      QStringLiteral("--smoke-test")}
                          + arguments);
        if (!process.waitForFinished(60000))
            qFatal("mailtrail did not finish");
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

    QTemporaryDir m_profile;

private Q_SLOTS:
    void mailtoOpensAFilledInComposer_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("composer");
        QTest::newRow("rfc6068-subject") << QStringLiteral("mailto:bob@example.test?subject=Hi")
                                         << QStringLiteral("composer: to=bob@example.test cc= subject=Hi");
        QTest::newRow("rfc6068-cc-and-encoded-subject")
            << QStringLiteral("mailto:bob@example.test?cc=carol@example.test&subject=Caf%C3%A9%20at%202")
            << QStringLiteral("composer: to=bob@example.test cc=carol@example.test subject=Café at 2");
        QTest::newRow("scheme-in-capitals") << QStringLiteral("MAILTO:bob@example.test")
                                            << QStringLiteral("composer: to=bob@example.test cc= subject=");
    }
    void mailtoOpensAFilledInComposer()
    {
        QFETCH(QString, url);
        QFETCH(QString, composer);
        QVERIFY(m_profile.isValid());
        const Run result = run({url});
        QCOMPARE(result.exitCode, 0);
        const QStringList lines = result.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines, (QStringList{QStringLiteral("window: Mailtrail"), composer}));
    }

    /// Anything else opens the window alone (and says so in it), never a composer.
    void otherArgumentsOpenNoComposer_data()
    {
        QTest::addColumn<QString>("argument");
        QTest::newRow("no-argument") << QString();
        QTest::newRow("http-url") << QStringLiteral("https://example.org/");
        QTest::newRow("file") << QStringLiteral("/etc/hostname");
    }
    void otherArgumentsOpenNoComposer()
    {
        QFETCH(QString, argument);
        const Run result = run(argument.isEmpty() ? QStringList() : QStringList{argument});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.out, QStringLiteral("window: Mailtrail\n"));
    }

    /// A profile that cannot be opened: exit code 1 and the reason on stderr, no window (and
    /// no dialog waiting for a click: the smoke test never blocks).
    void unusableProfileFailsClearly()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString notADirectory = dir.filePath(QStringLiteral("file"));
        QFile file(notADirectory);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const Run result = run({}, notADirectory);
        QCOMPARE(result.exitCode, 1);
        QCOMPARE(result.out, QString());
        QVERIFY2(result.err.contains(notADirectory), qPrintable(result.err));
    }
};

QTEST_GUILESS_MAIN(GuiLaunchTest)
#include "GuiLaunchTest.moc"
