// SPDX-License-Identifier: GPL-3.0-or-later
// The man pages (packaging/man/mailtrail-cli.1, mailtrail.1) against the executables' --help:
// every option a man page documents for a command is in that command's --help, with the same
// value name, and the other way round; every --help has the same shape.
#include "TestPaths.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Mailtrail;

namespace {

using OptionSet = QSet<QString>;

/// "-h", "--help", "--profile <dir>" from the words of one option column or roff tag.
OptionSet optionsFromWords(const QStringList &words)
{
    OptionSet result;
    QString last;
    for (const QString &word : words) {
        if (word.startsWith(QLatin1Char('-'))) {
            if (!last.isEmpty())
                result.insert(last);
            last = word;
        } else if (!last.isEmpty()) {
            QString value = word;
            value.remove(QLatin1Char('<')).remove(QLatin1Char('>'));
            result.insert(last + QStringLiteral(" <") + value + QLatin1Char('>'));
            last.clear();
        }
    }
    if (!last.isEmpty())
        result.insert(last);
    return result;
}

/// Option tags of a man page by section: "" for OPTIONS, the .SS title ("account add") under
/// COMMANDS. A tag is the line after .TP, e.g. `.BI \-\-profile " dir"`.
QMap<QString, OptionSet> manPageOptions(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        qFatal("cannot read %s", qPrintable(path));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    QMap<QString, OptionSet> result;
    std::optional<QString> section;
    bool inCommands = false;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        if (line.startsWith(QLatin1String(".SH "))) {
            const QString title = line.mid(4).remove(QLatin1Char('"')).trimmed();
            inCommands = title == QLatin1String("COMMANDS");
            section = title == QLatin1String("OPTIONS") ? std::optional<QString>(QString()) : std::nullopt;
            if (section)
                result[*section];
        } else if (line.startsWith(QLatin1String(".SS ")) && inCommands) {
            section = line.mid(4).remove(QLatin1Char('"')).trimmed();
            result[*section];
        } else if (line == QLatin1String(".TP") && section && i + 1 < lines.size()) {
            QString tag = lines.at(i + 1);
            tag.remove(QRegularExpression(QStringLiteral("^\\.[A-Z]+\\s*")));
            tag.remove(QRegularExpression(QStringLiteral("\\\\f[BIRP]")));
            tag.replace(QLatin1String("\\-"), QLatin1String("-"));
            tag.replace(QLatin1Char('"'), QLatin1Char(' ')).replace(QLatin1Char(','), QLatin1Char(' '));
            result[*section] += optionsFromWords(tag.split(QLatin1Char(' '), Qt::SkipEmptyParts));
        }
    }
    return result;
}

struct Help
{
    int exitCode = -1;
    QString out;
    QString err;
};

Help runHelp(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(QDir(Test::binaryDir()).filePath(QStringLiteral("app/") + program), arguments);
    if (!process.waitForFinished(60000))
        qFatal("%s did not finish", qPrintable(program));
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

/// The options of a --help text: the first column of the lines under "Options:".
OptionSet helpOptions(const QString &help)
{
    OptionSet result;
    bool inOptions = false;
    static const QRegularExpression optionLine(QStringLiteral("^  (-\\S.*?)(?:\\s{2,}|$)"));
    for (const QString &line : help.split(QLatin1Char('\n'))) {
        if (line == QLatin1String("Options:")) {
            inOptions = true;
            continue;
        }
        if (!inOptions)
            continue;
        if (line.trimmed().isEmpty())
            break;
        const QRegularExpressionMatch m = optionLine.match(line);
        if (m.hasMatch()) {
            QString column = m.captured(1);
            result += optionsFromWords(column.replace(QLatin1Char(','), QLatin1Char(' '))
                                           .split(QLatin1Char(' '), Qt::SkipEmptyParts));
        }
    }
    return result;
}

QString manPage(const char *name)
{
    return QDir(Test::sourceDir()).filePath(QStringLiteral("packaging/man/") + QLatin1String(name));
}

QString describe(const OptionSet &set)
{
    QStringList list(set.cbegin(), set.cend());
    list.sort();
    return list.join(QStringLiteral(", "));
}

} // namespace

class ManPageTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void optionsMatchHelp_data()
    {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QString>("page");
        QTest::addColumn<QString>("section");
        QTest::newRow("mailtrail") << QStringLiteral("mailtrail") << manPage("mailtrail.1") << QString();
        QTest::newRow("mailtrail-cli") << QStringLiteral("mailtrail-cli") << manPage("mailtrail-cli.1")
                                       << QString();
        for (const char *command : {"report", "status", "account add", "account list", "account remove",
                                    "account set", "account identity add", "account identity list",
                                    "account identity remove", "sync", "send", "outbox", "config"}) {
            QTest::newRow(command) << QStringLiteral("mailtrail-cli") << manPage("mailtrail-cli.1")
                                   << QString::fromLatin1(command);
        }
    }
    void optionsMatchHelp()
    {
        QFETCH(QString, program);
        QFETCH(QString, page);
        QFETCH(QString, section);
        const QMap<QString, OptionSet> man = manPageOptions(page);
        QVERIFY2(man.contains(section), qPrintable(QStringLiteral("no section '%1' in %2").arg(section, page)));
        const Help help = runHelp(program, section.split(QLatin1Char(' '), Qt::SkipEmptyParts)
                                               << QStringLiteral("--help"));
        QCOMPARE(help.exitCode, 0);
        QCOMPARE(help.err, QString());
        const OptionSet inHelp = helpOptions(help.out);
        const OptionSet inMan = man.value(section);
        QVERIFY2(!inHelp.isEmpty(), qPrintable(help.out));
        QVERIFY2(inMan - inHelp == OptionSet(),
                 qPrintable(QStringLiteral("in the man page only: ") + describe(inMan - inHelp)));
        QVERIFY2(inHelp - inMan == OptionSet(),
                 qPrintable(QStringLiteral("in --help only: ") + describe(inHelp - inMan)));
    }

    /// Every --help: usage line(s) naming the command, a description, then the options.
    void helpHasOneShape_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("usage");
        QTest::newRow("mailtrail-cli") << QStringList() << QStringLiteral("Usage: mailtrail-cli [options] COMMAND");
        QTest::newRow("account") << QStringList{QStringLiteral("account")}
                                 << QStringLiteral("Usage: mailtrail-cli [--profile DIR] account add NAME");
        for (const char *command : {"report", "status", "account add", "account list", "account remove",
                                    "account set", "account identity add", "account identity list",
                                    "account identity remove", "sync", "send", "outbox", "config"}) {
            const QStringList words = QString::fromLatin1(command).split(QLatin1Char(' '));
            const QString prefix = words.first() == QLatin1String("report")
                ? QStringLiteral("Usage: mailtrail-cli ")
                : QStringLiteral("Usage: mailtrail-cli [--profile DIR] ");
            QTest::newRow(command) << words << prefix + QLatin1String(command);
        }
    }
    void helpHasOneShape()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, usage);
        for (const QString &help : {QStringLiteral("--help"), QStringLiteral("-h")}) {
            const Help result = runHelp(QStringLiteral("mailtrail-cli"), arguments + QStringList{help});
            QCOMPARE(result.exitCode, 0);
            QCOMPARE(result.err, QString());
            QVERIFY2(result.out.startsWith(usage), qPrintable(result.out));
            const QStringList lines = result.out.split(QLatin1Char('\n'));
            const qsizetype options = lines.indexOf(QStringLiteral("Options:"));
            QVERIFY2(options > 1, qPrintable(result.out));
            // Between the usage lines and "Options:": a description and one empty line.
            QVERIFY2(lines.at(options - 1).isEmpty(), qPrintable(result.out));
            QVERIFY2(!lines.at(options - 2).trimmed().isEmpty(), qPrintable(result.out));
            QVERIFY2(lines.at(options + 1).startsWith(QLatin1String("  -h, --help ")), qPrintable(result.out));
        }
    }

    /// The commands `mailtrail-cli --help` lists are the commands the man page describes.
    void manPageCoversEveryCommand()
    {
        const Help help = runHelp(QStringLiteral("mailtrail-cli"), {QStringLiteral("--help")});
        QSet<QString> listed;
        bool inCommands = false;
        for (const QString &line : help.out.split(QLatin1Char('\n'))) {
            if (line == QLatin1String("Commands:")) {
                inCommands = true;
            } else if (inCommands && line.startsWith(QLatin1String("  "))) {
                listed.insert(line.trimmed().section(QLatin1Char(' '), 0, 0));
            } else if (inCommands) {
                break;
            }
        }
        QSet<QString> described;
        const QMap<QString, OptionSet> man = manPageOptions(manPage("mailtrail-cli.1"));
        for (auto it = man.cbegin(); it != man.cend(); ++it) {
            if (!it.key().isEmpty())
                described.insert(it.key().section(QLatin1Char(' '), 0, 0));
        }
        QVERIFY(!listed.isEmpty());
        QCOMPARE(described, listed);
    }

    /// A usage error goes to stderr with the usage and exit code 2, never to stdout.
    void usageErrorsShowTheUsage_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("unknown-option") << QStringList{QStringLiteral("status"), QStringLiteral("--frobnicate")};
        QTest::newRow("report-no-file") << QStringList{QStringLiteral("report")};
        QTest::newRow("sync-unknown-option") << QStringList{QStringLiteral("sync"), QStringLiteral("--x")};
        QTest::newRow("send-no-account") << QStringList{QStringLiteral("send")};
        QTest::newRow("outbox-no-verb") << QStringList{QStringLiteral("outbox")};
        QTest::newRow("account-set-no-policy")
            << QStringList{QStringLiteral("account"), QStringLiteral("set"), QStringLiteral("x")};
        QTest::newRow("account-identity-add-no-address")
            << QStringList{QStringLiteral("account"), QStringLiteral("identity"), QStringLiteral("add"),
                           QStringLiteral("x")};
        QTest::newRow("send-from-not-an-address")
            << QStringList{QStringLiteral("send"), QStringLiteral("--from"), QStringLiteral("nobody")};
    }
    void usageErrorsShowTheUsage()
    {
        QFETCH(QStringList, arguments);
        const Help result = runHelp(QStringLiteral("mailtrail-cli"), arguments);
        QCOMPARE(result.exitCode, 2);
        QCOMPARE(result.out, QString());
        QVERIFY2(result.err.startsWith(QStringLiteral("mailtrail-cli ") + arguments.first() + QLatin1String(": ")),
                 qPrintable(result.err));
        QVERIFY2(result.err.contains(QLatin1String("\nUsage: mailtrail-cli ")), qPrintable(result.err));
        QVERIFY2(result.err.contains(QLatin1String("--help' for the options.")), qPrintable(result.err));
    }
};

QTEST_GUILESS_MAIN(ManPageTest)
#include "ManPageTest.moc"
