// SPDX-License-Identifier: GPL-3.0-or-later
// `mailtrail-cli config get [KEY]` and `config set KEY VALUE`: the behaviour settings of the
// profile (Tracking::SettingsStore), the same ones the GUI's settings dialog changes.
#include "CommandHelp.h"
#include "Commands.h"

#include "store/Database.h"
#include "tracking/BehaviourSettings.h"

#include <QCommandLineParser>

namespace Mailtrail::Cli {

namespace {

const QStringList kUsage = {QStringLiteral("mailtrail-cli [--profile DIR] config get [KEY]"),
                            QStringLiteral("mailtrail-cli [--profile DIR] config set KEY VALUE")};

QString description()
{
    QString text = QStringLiteral(
        "Show or change the behaviour settings of the profile, shared with the desktop "
        "application. 'get' without KEY lists every setting. Keys:");
    const QStringList help = {
        QStringLiteral("hours to wait for a delivery report after acceptance"),
        QStringLiteral("hours past the retry limit of a delay report"),
        QStringLiteral("hours to wait for a requested read receipt (0: never overdue)"),
        QStringLiteral("read-receipt requests when I am not in To or Cc: never, ask, always"),
        QStringLiteral("read-receipt requests from outside my domains: never, ask, always"),
        QStringLiteral("move recorded reports to the receipts folder: true, false"),
        QStringLiteral("the receipts folder (an account's own, 'account set', wins)"),
        QStringLiteral("desktop notifications of failures, delays and reads: true, false"),
    };
    const QStringList keys = Tracking::SettingsStore::keys();
    for (qsizetype i = 0; i < keys.size(); ++i)
        text += QStringLiteral("\n  %1  %2").arg(keys.at(i).leftJustified(33), help.value(i));
    return text;
}

} // namespace

int runConfig(Context &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(description());
    parser.addOption(helpOption());
    parser.addPositionalArgument(QStringLiteral("verb"), QStringLiteral("get or set."), QStringLiteral("get|set"));
    parser.addPositionalArgument(QStringLiteral("key"), QStringLiteral("A setting, e.g. deadlines.delivery-report-hours."),
                                 QStringLiteral("KEY"));
    parser.addPositionalArgument(QStringLiteral("value"), QStringLiteral("Its new value (set)."),
                                 QStringLiteral("[VALUE]"));
    if (!parser.parse(context.arguments))
        return usageError(context, QStringLiteral("config"), parser.errorText(), kUsage);
    if (parser.isSet(QStringLiteral("help"))) {
        context.out << commandHelp(parser, kUsage);
        return 0;
    }
    const QStringList args = parser.positionalArguments();
    const QString verb = args.value(0);
    if (verb == QLatin1String("get") ? args.size() > 2 : verb == QLatin1String("set") ? args.size() != 3 : true) {
        return usageError(context, QStringLiteral("config"),
                          args.isEmpty() ? QStringLiteral("missing get or set")
                          : verb == QLatin1String("get") || verb == QLatin1String("set")
                              ? QStringLiteral("wrong number of arguments")
                              : QStringLiteral("unknown verb '%1'").arg(verb),
                          kUsage);
    }
    Store::Database db;
    if (const QString error = openProfileDatabase(context.profile, db); !error.isEmpty()) {
        context.err << "mailtrail-cli config: " << error << "\n";
        return 1;
    }
    Tracking::SettingsStore settings(db.connection());
    if (verb == QLatin1String("get")) {
        if (args.size() == 1) {
            for (const QString &key : Tracking::SettingsStore::keys())
                context.out << key << " = " << settings.value(key) << "\n";
            return 0;
        }
        QString error;
        const QString value = settings.value(args.at(1), &error);
        if (!error.isEmpty()) {
            context.err << "mailtrail-cli config: " << error << "\n";
            return 1;
        }
        context.out << value << "\n";
        return 0;
    }
    if (const QString error = settings.setValue(args.at(1), args.at(2)); !error.isEmpty()) {
        context.err << "mailtrail-cli config: " << error << "\n";
        return 1;
    }
    context.out << args.at(1) << " = " << settings.value(args.at(1)) << "\n";
    return 0;
}

} // namespace Mailtrail::Cli
