// SPDX-License-Identifier: GPL-3.0-or-later
// `mailtrail-cli outbox list|flush [--account A] [--json] [--password-stdin]` and
// `mailtrail-cli outbox resend|mark-sent|discard ID`: shows the outbox, sends what is due now
// (and stores pending Sent-folder copies), and takes the user's decision about a message
// that "may have been sent". flush exits 0 when nothing is left queued, 75 when something
// stays queued, 1 when something failed.
#include "CommandHelp.h"
#include "Commands.h"
#include "OAuthSupport.h"
#include "OutboxSupport.h"
#include "store/Database.h"
#include "sync/Accounts.h"
#include "sync/OutboxQueue.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>

namespace Mailtrail::Cli {

namespace {

QStringList usageLines()
{
    return {QStringLiteral("mailtrail-cli [--profile DIR] outbox list|flush [--account NAME] [--json] [--password-stdin]"),
            QStringLiteral("mailtrail-cli [--profile DIR] outbox resend|mark-sent|discard ID")};
}

/// A usage error on stderr; exit code 2.
int usage(Context &context, const QString &error)
{
    return usageError(context, QStringLiteral("outbox"), error, usageLines());
}

} // namespace

int runOutbox(Context &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Show the outbox, send what is due, or decide about a message that may have been sent.\n"
        "  list       the messages in the outbox and their states\n"
        "  flush      send what is due now and store pending Sent-folder copies; exit code 0\n"
        "             when nothing is left queued, 75 when something stays queued, 1 when\n"
        "             something failed\n"
        "  resend     queue message ID again\n"
        "  mark-sent  take message ID as sent (its Sent-folder copy follows at the next flush)\n"
        "  discard    remove message ID from the outbox"));
    const QCommandLineOption account(
        QStringLiteral("account"), QStringLiteral("Only the account <name>."), QStringLiteral("name"));
    const QCommandLineOption json(
        QStringLiteral("json"), QStringLiteral("Print the outbox as a JSON array."));
    const QCommandLineOption passwordStdin(QStringLiteral("password-stdin"),
        QStringLiteral("Read the password from the first line of stdin instead of the keychain."));
    parser.addOptions({ helpOption(), account, json, passwordStdin });
    parser.addPositionalArgument(QStringLiteral("verb"),
        QStringLiteral("list, flush, resend, mark-sent or discard."), QStringLiteral("VERB"));
    parser.addPositionalArgument(QStringLiteral("id"),
        QStringLiteral("The outbox message (see 'outbox list'), for resend, mark-sent and discard."),
        QStringLiteral("[ID]"));
    if (!parser.parse(context.arguments))
        return usage(context, parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        context.out << commandHelp(parser, usageLines());
        return 0;
    }
    const QStringList args = parser.positionalArguments();
    if (args.isEmpty())
        return usage(context, QStringLiteral("missing verb"));
    const QString verb = args.first();

    Store::Database db;
    QString error = openProfileDatabase(context.profile, db);
    if (!error.isEmpty()) {
        context.err << "mailtrail-cli outbox: " << error << "\n";
        return 1;
    }
    Sync::OutboxQueue outbox(db.connection());

    if (verb == QLatin1String("resend") || verb == QLatin1String("mark-sent")
        || verb == QLatin1String("discard")) {
        bool ok = false;
        const qint64 id = args.size() == 2 ? args.at(1).toLongLong(&ok) : 0;
        if (!ok)
            return usage(
                context, QStringLiteral("%1 needs one message ID (see 'outbox list')").arg(verb));
        const QString failure = verb == QLatin1String("resend") ? outbox.resend(id)
            : verb == QLatin1String("mark-sent")                ? outbox.markSent(id)
                                                                : outbox.discard(id);
        if (!failure.isEmpty()) {
            context.err << "mailtrail-cli outbox " << verb << ": " << failure << "\n";
            return 1;
        }
        if (verb == QLatin1String("resend"))
            context.out << "Message " << id
                        << " is queued again; 'mailtrail-cli outbox flush' sends it.\n";
        else if (verb == QLatin1String("mark-sent"))
            context.out << "Message " << id
                        << " is marked as sent; its Sent-folder copy follows at the next flush.\n";
        else
            context.out << "Message " << id << " was removed from the outbox.\n";
        return 0;
    }
    if (args.size() != 1)
        return usage(context, QStringLiteral("unexpected argument '%1'").arg(args.at(1)));

    QList<Store::Account> accounts = Sync::Accounts(db.connection()).list();
    if (parser.isSet(account)) {
        accounts.removeIf([&](const Store::Account &a) { return a.name != parser.value(account); });
        if (accounts.isEmpty()) {
            context.err << "mailtrail-cli outbox: no account named '" << parser.value(account)
                        << "'\n";
            return 1;
        }
    }

    if (verb == QLatin1String("flush")) {
        bool passwordFailed = false;
        bool signInAgain = false;
        std::optional<QString> stdinPassword;
        if (parser.isSet(passwordStdin)) {
            stdinPassword
                = accountPassword(context, Store::Account {}, true, QStringLiteral("outbox flush"));
            if (!stdinPassword)
                return 1;
        }
        for (const Store::Account &a : accounts) {
            int code = 0;
            const auto password = stdinPassword && !a.isOAuth2()
                ? std::optional<Sync::Credentials>(Sync::Credentials::password(*stdinPassword))
                : accountCredentials(context, a, false, QStringLiteral("outbox flush"), &code);
            if (!password) {
                passwordFailed = true;
                signInAgain = signInAgain || code == kExitSignInAgain;
                continue;
            }
            flushOutbox(context, a, *password, db.connection(), {}, QStringLiteral("outbox flush"));
        }
        if (signInAgain)
            return kExitSignInAgain;
        if (passwordFailed)
            return 1;
    } else if (verb != QLatin1String("list")) {
        return usage(context, QStringLiteral("unknown verb '%1'").arg(verb));
    }

    QList<Sync::OutboxEntry> entries;
    for (const Store::Account &a : accounts)
        entries += outbox.list(a.name);
    if (parser.isSet(json)) {
        QJsonArray array;
        for (const auto &e : entries)
            array.append(outboxEntryJson(e));
        context.out << QJsonDocument(array).toJson(QJsonDocument::Indented);
    } else {
        if (entries.isEmpty())
            context.out << "The outbox is empty.\n";
        for (const auto &e : entries)
            printOutboxEntry(context.out, e);
    }
    if (verb == QLatin1String("list"))
        return 0;
    bool queued = false;
    bool failed = false;
    for (const auto &e : entries) {
        queued = queued || e.state == Sync::OutboxState::Queued;
        failed = failed || e.state == Sync::OutboxState::Failed
            || e.state == Sync::OutboxState::Uncertain;
    }
    return failed ? 1 : queued ? kExitQueued : 0;
}

} // namespace Mailtrail::Cli
