// SPDX-License-Identifier: GPL-3.0-or-later
#include "CommandHelp.h"
#include "Commands.h"
#include "Version.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

using namespace Mailtrail;

namespace {

QString commandList()
{
    QString text = QStringLiteral("\nCommands:\n");
    for (const Cli::Command &command : Cli::commands()) {
        text += QStringLiteral("  %1  %2\n")
                    .arg(QString::fromLatin1(command.name).leftJustified(10),
                         QString::fromLatin1(command.summary));
    }
    text += QStringLiteral("\nRun 'mailtrail-cli COMMAND --help' for a command's options.\n");
    return text;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("mailtrail"));
    QCoreApplication::setApplicationVersion(Mailtrail::version());
    QCoreApplication::setOrganizationDomain(QStringLiteral("mailtrail.example.org"));

    QTextStream out(stdout);
    QTextStream err(stderr);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "mailtrail-cli: Mailtrail without a window — read reports, sync, send, show delivery status."));
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    const QCommandLineOption helpOption = Cli::helpOption();
    parser.addOption(helpOption);
    const QCommandLineOption versionOption({QStringLiteral("v"), QStringLiteral("version")},
                                           QStringLiteral("Show version information and exit."));
    parser.addOption(versionOption);
    const QCommandLineOption profileOption(
        QStringLiteral("profile"),
        QStringLiteral("Keep all data in <dir> instead of the user's profile."),
        QStringLiteral("dir"));
    parser.addOption(profileOption);
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("The command to run."),
                                 QStringLiteral("COMMAND [options]"));

    if (!parser.parse(QCoreApplication::arguments())) {
        err << "mailtrail-cli: " << parser.errorText() << "\n";
        return 2;
    }
    if (parser.isSet(versionOption)) {
        out << Mailtrail::versionDetails() << "\n";
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    if (parser.isSet(helpOption) || positional.isEmpty()) {
        out << Cli::commandHelp(parser, {QStringLiteral("mailtrail-cli [options] COMMAND [command options]")})
            << commandList();
        out.flush();
        return positional.isEmpty() && !parser.isSet(helpOption) ? 2 : 0;
    }

    const QString name = positional.first();
    for (const Cli::Command &command : Cli::commands()) {
        if (name != QLatin1String(command.name))
            continue;
        Cli::Context context{parser.isSet(profileOption) ? Profile(parser.value(profileOption))
                                                         : Profile(),
                             positional, out, err};
        const int code = command.run(context);
        out.flush();
        err.flush();
        return code;
    }
    err << "mailtrail-cli: unknown command '" << name << "'\n" << commandList();
    return 2;
}
