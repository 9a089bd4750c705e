// SPDX-License-Identifier: GPL-3.0-or-later
#include "CommandHelp.h"
#include "Commands.h"
#include "reports/ReportJson.h"
#include "reports/ReportParser.h"

#include <QCommandLineParser>
#include <QFile>

namespace Mailtrail::Cli {

/// `mailtrail-cli report FILE…`: one JSON object per recipient record of each file (see
/// Reports::toJsonLines). Unreadable or garbage files still give a line, with `error`.
int runReport(Context &context)
{
    const QStringList usage = {QStringLiteral("mailtrail-cli report FILE...")};
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Read delivery reports (DSN, MDN, bounces) and print one JSON object per recipient."));
    parser.addOption(helpOption());
    parser.addPositionalArgument(
        QStringLiteral("file"), QStringLiteral("Mail files (RFC 5322)."), QStringLiteral("FILE..."));
    if (!parser.parse(context.arguments))
        return usageError(context, QStringLiteral("report"), parser.errorText(), usage);
    if (parser.isSet(QStringLiteral("help"))) {
        context.out << commandHelp(parser, usage);
        return 0;
    }
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty())
        return usageError(context, QStringLiteral("report"), QStringLiteral("no FILE given"), usage);
    for (const QString &name : files) {
        QFile file(name);
        if (!file.open(QIODevice::ReadOnly)) {
            context.out << Reports::unreadableJsonLine(name, file.errorString()) << '\n';
            continue;
        }
        const QByteArray mail = file.read(Reports::maxMailSize + 1);
        const Reports::DeliveryReport report = Reports::parseDeliveryReport(mail);
        for (const QByteArray &line : Reports::toJsonLines(name, report))
            context.out << line << '\n';
    }
    return 0;
}

} // namespace Mailtrail::Cli
