// SPDX-License-Identifier: GPL-3.0-or-later
// `mailtrail-cli report FILE…` end to end: the real executable, real files.

#include "TestPaths.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Mailtrail;

class ReportCommandTest : public QObject
{
    Q_OBJECT

    QString cli() const
    {
        return QDir(Test::binaryDir()).filePath(QStringLiteral("app/mailtrail-cli"));
    }

    QList<QJsonObject> run(const QStringList &arguments, int *exitCode)
    {
        QProcess process;
        process.start(cli(), QStringList { QStringLiteral("report") } + arguments);
        if (!process.waitForFinished(60000))
            qFatal("mailtrail-cli did not finish");
        *exitCode = process.exitCode();
        QList<QJsonObject> objects;
        const QList<QByteArray> lines = process.readAllStandardOutput().split('\n');
        for (const QByteArray &line : lines) {
            if (line.isEmpty())
                continue;
            QJsonParseError error {};
            const QJsonDocument document = QJsonDocument::fromJson(line, &error);
            if (!document.isObject())
                qFatal("not a JSON object: %s", line.constData());
            objects.append(document.object());
        }
        return objects;
    }

private Q_SLOTS:
    void reportsEveryFileInOrder()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString garbage = dir.filePath(QStringLiteral("garbage.bin"));
        {
            QFile file(garbage);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QByteArray("\x00\x01\x02\xff not a mail", 16));
        }
        const QString missing = dir.filePath(QStringLiteral("missing.eml"));
        const QString exim
            = Test::testData(QStringLiteral("data/reports/corpus/lhost-exim-02.eml"));
        const QString plain
            = Test::testData(QStringLiteral("data/reports/corpus/is-not-bounce-01.eml"));
        const QString mdn
            = Test::testData(QStringLiteral("data/reports/mdn/thunderbird-displayed.eml"));

        int exitCode = -1;
        const QList<QJsonObject> lines = run({ exim, plain, garbage, missing, mdn }, &exitCode);
        QCOMPARE(exitCode, 0);
        QCOMPARE(lines.size(), 6);
        auto value = [&](int line, const char *key) {
            return lines.at(line).value(QLatin1String(key)).toString();
        };
        QCOMPARE(value(0, "file"), exim);
        QCOMPARE(value(0, "kind"), QStringLiteral("bounce"));
        QCOMPARE(value(0, "recipient"), QStringLiteral("kijitora@example.jp"));
        QCOMPARE(value(0, "status"), QStringLiteral("5.1.1"));
        QCOMPARE(value(1, "recipient"), QStringLiteral("sabatora@example.jp"));
        QCOMPARE(value(1, "status"), QStringLiteral("5.2.1"));
        QCOMPARE(value(2, "file"), plain);
        QCOMPARE(value(2, "kind"), QStringLiteral("none"));
        QCOMPARE(value(2, "status"), QString());
        QVERIFY(!lines.at(2).contains(QLatin1String("error")));
        QCOMPARE(value(3, "kind"), QStringLiteral("none"));
        QVERIFY(!value(3, "error").isEmpty());
        QCOMPARE(value(4, "file"), missing);
        QCOMPARE(value(4, "kind"), QStringLiteral("none"));
        QVERIFY(!value(4, "error").isEmpty());
        QCOMPARE(value(5, "kind"), QStringLiteral("mdn"));
        QCOMPARE(
            value(5, "disposition"), QStringLiteral("manual-action/MDN-sent-manually; displayed"));
        QCOMPARE(value(5, "original_message_id"), QStringLiteral("sent-0006@alice.example.org"));
    }

    void usageErrors()
    {
        QProcess process;
        process.start(cli(), { QStringLiteral("report") });
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 2);
        QVERIFY(process.readAllStandardOutput().isEmpty());
    }
};

QTEST_GUILESS_MAIN(ReportCommandTest)
#include "ReportCommandTest.moc"
