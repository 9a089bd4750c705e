// SPDX-License-Identifier: GPL-3.0-or-later
#include "CommandHelp.h"

namespace Mailtrail::Cli {

namespace {

QString usageLines(const QStringList &usage)
{
    QString text;
    for (qsizetype i = 0; i < usage.size(); ++i)
        text += (i == 0 ? QStringLiteral("Usage: ") : QStringLiteral("       ")) + usage.at(i)
            + QLatin1Char('\n');
    return text;
}

} // namespace

QCommandLineOption helpOption()
{
    return QCommandLineOption({QStringLiteral("h"), QStringLiteral("help")},
                              QStringLiteral("Show this help and exit."));
}

QString commandHelp(const QCommandLineParser &parser, const QStringList &usage)
{
    // QCommandLineParser's own first line names the executable's full path and knows nothing
    // of sub-commands: ours replaces it.
    return usageLines(usage) + parser.helpText().section(QLatin1Char('\n'), 1);
}

int usageError(Context &context, const QString &command, const QString &error,
               const QStringList &usage)
{
    context.err << "mailtrail-cli " << command << ": " << error << "\n"
                << usageLines(usage) << "Run 'mailtrail-cli " << command
                << " --help' for the options.\n";
    return 2;
}

} // namespace Mailtrail::Cli
