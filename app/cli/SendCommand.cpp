// SPDX-License-Identifier: GPL-3.0-or-later
// `mailtrail-cli send (--account A | --from ADDRESS | both) --to ADDR… [--cc …] [--bcc …] --subject S (--body-file F |
// --body-stdin) [--attach F]… [--dsn success,failure,delay|never] [--read-receipt] [--json]
// [--password-stdin] [--queue-only] [--refuse-known-bad]`: composes the message, stores it in
// the outbox (with its tracking record) and submits it; prints what the server said per
// recipient. Before that it warns about recipients that failed before (a permanent failure
// newer than any delivery) and domains that look like typos (issue #18): "warnings" in the
// JSON, in words otherwise. It still sends, unless --refuse-known-bad leaves the failed-before
// recipients out (exit 1 when none are left).
//
// Exit codes: 0 the server accepted it (for at least one recipient; refused ones are listed),
// 75 (EX_TEMPFAIL) it stays queued (server unreachable or a temporary failure; it is retried
// by `outbox flush`), 1 refused permanently, "may have been sent", or another error, 2 usage.
#include "CommandHelp.h"
#include "Commands.h"
#include "OAuthSupport.h"
#include "OutboxSupport.h"
#include "store/AccountRepository.h"
#include "store/Database.h"
#include "store/Identity.h"
#include "mime/Signature.h"
#include "sync/Outbox.h"
#include "sync/SendPipeline.h"
#include "sync/SubmissionCapabilities.h"
#include "tracking/RecipientWarnings.h"
#include "tracking/TrackingStore.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <iostream>
#include <iterator>
#include <string>

namespace Mailtrail::Cli {

namespace {

QStringList usageLines()
{
    return {QStringLiteral("mailtrail-cli [--profile DIR] send (--account NAME | --from ADDRESS | both)"),
            QStringLiteral("    --to ADDRESS... [--cc ADDRESS]... [--bcc ADDRESS]... --subject TEXT"),
            QStringLiteral("    (--body-file FILE | --body-stdin)"),
            QStringLiteral("    [--attach FILE]... [--dsn success,failure,delay|never] [--read-receipt]"),
            QStringLiteral("    [--json] [--password-stdin] [--queue-only] [--refuse-known-bad]")};
}

/// A usage error on stderr; exit code 2.
int usage(Context &context, const QString &error)
{
    return usageError(context, QStringLiteral("send"), error, usageLines());
}

QList<Mime::Mailbox> mailboxes(const QStringList &values)
{
    QList<Mime::Mailbox> result;
    for (const QString &value : values) {
        for (const QString &part : value.split(QLatin1Char(','), Qt::SkipEmptyParts))
            result.append({ QString(), part.trimmed() });
    }
    return result;
}

std::optional<Smtp::DsnNotify> parseDsn(const QString &text)
{
    Smtp::DsnNotify notify { false, false, false };
    for (const QString &word : text.toLower().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (word == QLatin1String("never")
            && text.trimmed().compare(QLatin1String("never"), Qt::CaseInsensitive) == 0)
            return Smtp::DsnNotify::never();
        if (word == QLatin1String("success"))
            notify.success = true;
        else if (word == QLatin1String("failure"))
            notify.failure = true;
        else if (word == QLatin1String("delay"))
            notify.delay = true;
        else
            return std::nullopt;
    }
    if (notify.isNever())
        return std::nullopt;
    return notify;
}

QStringList addressesOf(const Mime::OutgoingMessage &message)
{
    QStringList addresses;
    for (const QList<Mime::Mailbox> *list : {&message.to, &message.cc, &message.bcc}) {
        for (const Mime::Mailbox &mailbox : *list) {
            if (!addresses.contains(mailbox.address, Qt::CaseInsensitive))
                addresses.append(mailbox.address);
        }
    }
    return addresses;
}

/// Removes @p address (any case) from To, Cc and Bcc.
void leaveOut(Mime::OutgoingMessage &message, const QString &address)
{
    const QString key = Tracking::normalizeAddress(address);
    for (QList<Mime::Mailbox> *list : {&message.to, &message.cc, &message.bcc}) {
        list->removeIf([&key](const Mime::Mailbox &m) { return Tracking::normalizeAddress(m.address) == key; });
    }
}

void printWarnings(QTextStream &out, const QList<Tracking::RecipientWarning> &warnings)
{
    for (const Tracking::RecipientWarning &w : warnings) {
        if (w.kind == Tracking::RecipientWarning::Kind::FailedBefore)
            out << "Warning: " << w.address << " failed before. " << w.description << "\n";
        else
            out << "Warning: " << w.address << " looks like a typo. Did you mean " << w.suggestion
                << "?\n";
    }
}

QJsonArray warningsJson(const QList<Tracking::RecipientWarning> &warnings)
{
    QJsonArray array;
    for (const Tracking::RecipientWarning &w : warnings)
        array.append(Tracking::warningToJson(w));
    return array;
}

} // namespace

int runSend(Context &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Compose a plain-text message, keep it in the outbox with its tracking record and\n"
        "submit it; print the server's answer per recipient.\n"
        "Exit codes: 0 accepted (for at least one recipient), 75 still queued (server not\n"
        "reachable or a temporary failure; 'outbox flush' retries), 1 refused or failed, 2 usage."));
    const QCommandLineOption account(
        QStringLiteral("account"), QStringLiteral("Send from the account <name>."), QStringLiteral("name"));
    const QCommandLineOption from(QStringLiteral("from"),
        QStringLiteral("Send as the identity <address> (of --account, or of the one account that has it), "
                       "with its name, Reply-To and signature. Default: the account's own address."),
        QStringLiteral("address"));
    const QCommandLineOption to(QStringLiteral("to"),
        QStringLiteral("A recipient; repeat the option or separate addresses by commas."),
        QStringLiteral("address"));
    const QCommandLineOption cc(
        QStringLiteral("cc"), QStringLiteral("A copy recipient."), QStringLiteral("address"));
    const QCommandLineOption bcc(
        QStringLiteral("bcc"), QStringLiteral("A blind copy recipient."), QStringLiteral("address"));
    const QCommandLineOption subject(
        QStringLiteral("subject"), QStringLiteral("The subject."), QStringLiteral("text"));
    const QCommandLineOption bodyFile(QStringLiteral("body-file"),
        QStringLiteral("Read the body text (UTF-8) from <file>."), QStringLiteral("file"));
    const QCommandLineOption bodyStdin(QStringLiteral("body-stdin"),
        QStringLiteral("Read the body text (UTF-8) from stdin (after the password line with "
                       "--password-stdin)."));
    const QCommandLineOption attach(
        QStringLiteral("attach"), QStringLiteral("Attach <file>; may be repeated."), QStringLiteral("file"));
    const QCommandLineOption dsn(QStringLiteral("dsn"),
        QStringLiteral("Delivery reports to ask for: any of success,failure,delay (default: all "
                       "three) or never."),
        QStringLiteral("what"));
    const QCommandLineOption readReceipt(
        QStringLiteral("read-receipt"), QStringLiteral("Ask the recipients for a read receipt."));
    const QCommandLineOption json(
        QStringLiteral("json"), QStringLiteral("Print the result as one JSON object."));
    const QCommandLineOption passwordStdin(QStringLiteral("password-stdin"),
        QStringLiteral("Read the password from the first line of stdin instead of the keychain."));
    const QCommandLineOption queueOnly(QStringLiteral("queue-only"),
        QStringLiteral("Keep the message in the outbox without sending it."));
    const QCommandLineOption refuseKnownBad(QStringLiteral("refuse-known-bad"),
        QStringLiteral("Leave out recipients that failed before (a permanent failure newer than\n"
                       "any delivery); exit 1 if none are left. Without it they are only warned\n"
                       "about, like domains that look like typos."));
    parser.addOptions({ helpOption(), account, from, to, cc, bcc, subject, bodyFile, bodyStdin, attach,
        dsn, readReceipt, json, passwordStdin, queueOnly, refuseKnownBad });
    if (!parser.parse(context.arguments))
        return usage(context, parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        context.out << commandHelp(parser, usageLines());
        return 0;
    }
    if (!parser.positionalArguments().isEmpty())
        return usage(context,
            QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));
    if (!parser.isSet(account) && !parser.isSet(from))
        return usage(context, QStringLiteral("--account or --from is required"));
    if (parser.isSet(from) && !Store::isPlausibleAddress(parser.value(from).trimmed()))
        return usage(context, QStringLiteral("--from: '%1' is not a mail address").arg(parser.value(from)));
    if (!parser.isSet(to) && !parser.isSet(cc) && !parser.isSet(bcc))
        return usage(context, QStringLiteral("at least one --to, --cc or --bcc is required"));
    if (!parser.isSet(subject))
        return usage(context, QStringLiteral("--subject is required"));
    if (parser.isSet(bodyFile) == parser.isSet(bodyStdin))
        return usage(context, QStringLiteral("give exactly one of --body-file and --body-stdin"));
    Smtp::DsnNotify notify;
    if (parser.isSet(dsn)) {
        const auto parsed = parseDsn(parser.value(dsn));
        if (!parsed)
            return usage(context,
                QStringLiteral("--dsn takes success,failure,delay (any of them) or never"));
        notify = *parsed;
    }

    Store::Database db;
    QString error = openProfileDatabase(context.profile, db);
    if (!error.isEmpty()) {
        context.err << "mailtrail-cli send: " << error << "\n";
        return 1;
    }
    std::optional<Store::Account> acct;
    Store::IdentityRepository identities(db.connection());
    std::optional<Store::Identity> identity;
    if (parser.isSet(account)) {
        acct = Store::AccountRepository(db.connection()).find(parser.value(account));
        if (!acct) {
            context.err << "mailtrail-cli send: no account named '" << parser.value(account) << "'\n";
            return 1;
        }
        identity = parser.isSet(from) ? identities.find(*acct, parser.value(from)) : identities.list(*acct).first();
        if (!identity)
            return usage(context, QStringLiteral("--from: the account '%1' has no identity %2 "
                                                 "(see 'mailtrail-cli account identity list %1')")
                                      .arg(acct->name, parser.value(from)));
    } else {
        for (const Store::Account &candidate : Store::AccountRepository(db.connection()).list()) {
            if (const auto found = identities.find(candidate, parser.value(from))) {
                if (acct)
                    return usage(context, QStringLiteral("--from: the accounts '%1' and '%2' both have %3; add --account")
                                              .arg(acct->name, candidate.name, parser.value(from)));
                acct = candidate;
                identity = found;
            }
        }
        if (!acct)
            return usage(context, QStringLiteral("--from: no account has the identity %1 "
                                                 "(see 'mailtrail-cli account identity add')")
                                      .arg(parser.value(from)));
    }

    // stdin: the password line first (with --password-stdin), then the body.
    std::optional<Sync::Credentials> password;
    int credentialsExit = 0;
    if (parser.isSet(passwordStdin) && !acct->isOAuth2()) {
        password = accountCredentials(context, *acct, true, QStringLiteral("send"), &credentialsExit);
        if (!password)
            return credentialsExit;
    }
    QByteArray body;
    if (parser.isSet(bodyStdin)) {
        const std::string all { std::istreambuf_iterator<char>(std::cin),
            std::istreambuf_iterator<char>() };
        body = QByteArray::fromStdString(all);
    } else {
        QFile f(parser.value(bodyFile));
        if (!f.open(QIODevice::ReadOnly)) {
            context.err << "mailtrail-cli send: cannot read " << f.fileName() << ": "
                        << f.errorString() << "\n";
            return 1;
        }
        body = f.readAll();
    }

    Mime::OutgoingMessage message;
    message.from = { identity->displayName, identity->address };
    if (!identity->replyTo.isEmpty())
        message.replyTo = { { QString(), identity->replyTo } };
    message.to = mailboxes(parser.values(to));
    message.cc = mailboxes(parser.values(cc));
    message.bcc = mailboxes(parser.values(bcc));
    message.subject = parser.value(subject);
    message.plainText = Mime::appendSignature(QString::fromUtf8(body), identity->signature);
    message.requestReadReceipt = parser.isSet(readReceipt);
    for (const QString &path : parser.values(attach)) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            context.err << "mailtrail-cli send: cannot read attachment " << path << ": "
                        << f.errorString() << "\n";
            return 1;
        }
        Mime::OutgoingAttachment a;
        a.fileName = QFileInfo(path).fileName();
        a.data = f.readAll();
        message.attachments.append(a);
    }
    // What tracking knows about the recipients (no network lookups).
    const QList<Tracking::RecipientWarning> warnings
        = Tracking::recipientWarnings(Tracking::TrackingStore(db.connection()), addressesOf(message));
    QStringList leftOut;
    if (parser.isSet(refuseKnownBad)) {
        for (const Tracking::RecipientWarning &w : warnings) {
            if (w.kind == Tracking::RecipientWarning::Kind::FailedBefore && !leftOut.contains(w.address)) {
                leaveOut(message, w.address);
                leftOut.append(w.address);
            }
        }
    }
    if (!parser.isSet(json)) {
        printWarnings(context.out, warnings);
        for (const QString &address : std::as_const(leftOut))
            context.out << "Left out " << address << " (--refuse-known-bad).\n";
    }
    if (message.to.isEmpty() && message.cc.isEmpty() && message.bcc.isEmpty()) {
        if (parser.isSet(json)) {
            QJsonObject o;
            o[QLatin1String("warnings")] = warningsJson(warnings);
            o[QLatin1String("left_out")] = QJsonArray::fromStringList(leftOut);
            o[QLatin1String("error")] = QStringLiteral("no recipients left");
            context.out << QJsonDocument(o).toJson(QJsonDocument::Indented);
        }
        context.err << "mailtrail-cli send: no recipients left after leaving out those that "
                       "failed before; nothing was sent\n";
        return 1;
    }

    // Built before any connection and stored in the outbox (core's one send pipeline).
    const auto id = Sync::queueForSending(db.connection(), *acct, message, true, notify, 0, &error);
    if (!id) {
        context.err << "mailtrail-cli send: " << error << "\n";
        return 1;
    }
    Sync::OutboxStore store(db.connection());

    if (!parser.isSet(queueOnly)) {
        if (!password)
            password = accountCredentials(context, *acct, false, QStringLiteral("send"), &credentialsExit);
        if (password)
            flushOutbox(
                context, *acct, *password, db.connection(), { *id }, QStringLiteral("send"));
    }

    const auto entry = store.entry(*id);
    if (!entry) {
        context.err << "mailtrail-cli send: " << store.lastError() << "\n";
        return 1;
    }
    if (parser.isSet(json)) {
        QJsonObject o = outboxEntryJson(*entry);
        o[QLatin1String("warnings")] = warningsJson(warnings);
        if (parser.isSet(refuseKnownBad))
            o[QLatin1String("left_out")] = QJsonArray::fromStringList(leftOut);
        context.out << QJsonDocument(o).toJson(QJsonDocument::Indented);
    } else {
        switch (entry->state) {
        case Sync::OutboxState::Queued:
            context.out << "Queued as outbox message " << entry->id
                        << "; it will be sent by 'mailtrail-cli outbox flush'.\n";
            break;
        case Sync::OutboxState::Sent:
            context.out << "Sent " << QString::fromUtf8(entry->messageId) << " (queue id "
                        << entry->queueId << ")\n";
            break;
        case Sync::OutboxState::Failed:
            context.out << "Refused by the server.\n";
            break;
        default:
            break;
        }
        printOutboxEntry(context.out, *entry);
        if (entry->state == Sync::OutboxState::Sent && !entry->dsnSupported)
            context.out << "Note: the server does not offer DSN; no delivery reports will come.\n";
    }
    switch (entry->state) {
    case Sync::OutboxState::Sent:
        return 0;
    case Sync::OutboxState::Queued:
        return credentialsExit == kExitSignInAgain ? kExitSignInAgain : kExitQueued;
    default:
        return 1;
    }
}

} // namespace Mailtrail::Cli
