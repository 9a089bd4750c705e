// SPDX-License-Identifier: GPL-3.0-or-later
// `mailtrail-cli show --account NAME (--message-id ID | --folder F --uid N) [--json]
// [--password-stdin] [--no-receipt] [--send-receipt]`: displays one message — its headers
// and the text to read — downloading the body if the cache has none, marks it \Seen, and
// counts as displaying it (issue 15 §1, RFC 8098 §2.1): the read receipt it asks for is
// considered now and only now (Sync::ReadReceipts::displayed). Under policy "always" the
// MDN is queued and sent; under "ask" nothing is sent and the output says a receipt was
// requested (--send-receipt sends it).
#include "CommandHelp.h"
#include "Commands.h"
#include "OutboxSupport.h"

#include "mime/MessageReader.h"
#include "store/AccountRepository.h"
#include "store/Database.h"
#include "store/FolderRepository.h"
#include "store/MessageRepository.h"
#include "sync/AccountSync.h"
#include "sync/BodyFetch.h"
#include "sync/FlagStore.h"
#include "sync/ReadReceipts.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace Mailtrail::Cli {

namespace {

const QString kCommand = QStringLiteral("show");

QString mailboxes(const QList<Mime::Mailbox> &list)
{
    QStringList out;
    for (const Mime::Mailbox &m : list)
        out.append(m.toDisplayString());
    return out.join(QStringLiteral(", "));
}

QString withBrackets(QString id)
{
    id = id.trimmed();
    if (!id.startsWith(QLatin1Char('<')))
        id.prepend(QLatin1Char('<'));
    if (!id.endsWith(QLatin1Char('>')))
        id.append(QLatin1Char('>'));
    return id;
}

/// The cached message of @p accountId by Message-ID (a copy outside Sent/Drafts first), or
/// by folder and UID.
std::optional<Store::MessageRecord> findMessage(QSqlDatabase db, qint64 accountId, const QString &messageId,
                                                const QString &folderName, quint32 uid)
{
    const Store::FolderRepository folders(db);
    if (!messageId.isEmpty()) {
        std::optional<Store::MessageRecord> found;
        for (const Store::MessageRecord &r : Store::MessageRepository(db).findByMessageId(withBrackets(messageId))) {
            const auto folder = folders.findById(r.folderId);
            if (!folder || folder->accountId != accountId)
                continue;
            const bool own = folder->specialUse.compare(QLatin1String("\\Sent"), Qt::CaseInsensitive) == 0
                || folder->specialUse.compare(QLatin1String("\\Drafts"), Qt::CaseInsensitive) == 0;
            if (!found || !own)
                found = r;
            if (!own)
                break;
        }
        return found;
    }
    const auto folder = folders.find(accountId, folderName);
    if (!folder)
        return std::nullopt;
    return Store::MessageRepository(db).find(folder->id, uid);
}

QString receiptWords(const Sync::DisplayOutcome &outcome)
{
    switch (outcome.receipt) {
    case Sync::DisplayReceipt::Sent:
        return QStringLiteral("Read receipt: sent.");
    case Sync::DisplayReceipt::Asked:
        return QStringLiteral("Read receipt: the sender asks for one; none was sent (%1). Send it with "
                              "--send-receipt.")
            .arg(outcome.reason);
    case Sync::DisplayReceipt::None:
        return QStringLiteral("Read receipt: requested, none sent (%1).").arg(outcome.reason);
    case Sync::DisplayReceipt::AlreadySent:
        return QStringLiteral("Read receipt: already sent.");
    case Sync::DisplayReceipt::NotRequested:
        break;
    }
    return {};
}

} // namespace

int runShow(Context &context)
{
    const QStringList usage = {
        QStringLiteral("mailtrail-cli [--profile DIR] show --account NAME (--message-id ID | --folder F --uid N)"),
        QStringLiteral("    [--json] [--password-stdin] [--no-receipt] [--send-receipt]")};
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Display one message: its headers and text, downloaded if needed. The message is marked read,\n"
        "and displaying it is when a read receipt it asks for is considered: under the account's\n"
        "policy \"always\" it is sent, under \"ask\" only with --send-receipt."));
    const QCommandLineOption accountOption(QStringLiteral("account"), QStringLiteral("The account <name>."),
                                           QStringLiteral("name"));
    const QCommandLineOption idOption(QStringLiteral("message-id"),
                                      QStringLiteral("The message with Message-ID <id> (angle brackets optional)."),
                                      QStringLiteral("id"));
    const QCommandLineOption folderOption(QStringLiteral("folder"), QStringLiteral("The folder <folder> (with --uid)."),
                                          QStringLiteral("folder"));
    const QCommandLineOption uidOption(QStringLiteral("uid"), QStringLiteral("The message with IMAP UID <n>."),
                                       QStringLiteral("n"));
    const QCommandLineOption jsonOption(
        QStringLiteral("json"),
        QStringLiteral("One JSON object: message_id, from, to, subject, date, text, attachments, receipt."));
    const QCommandLineOption passwordOption(
        QStringLiteral("password-stdin"),
        QStringLiteral("Read the password from the first line of stdin instead of the keychain."));
    const QCommandLineOption noReceiptOption(QStringLiteral("no-receipt"),
                                             QStringLiteral("Do not consider a read receipt this time."));
    const QCommandLineOption sendReceiptOption(
        QStringLiteral("send-receipt"),
        QStringLiteral("Send the requested read receipt also when the policy says to ask."));
    parser.addOptions({helpOption(), accountOption, idOption, folderOption, uidOption, jsonOption, passwordOption,
                       noReceiptOption, sendReceiptOption});
    if (!parser.parse(context.arguments))
        return usageError(context, kCommand, parser.errorText(), usage);
    if (parser.isSet(QStringLiteral("help"))) {
        context.out << commandHelp(parser, usage);
        return 0;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(context, kCommand, QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()), usage);
    if (!parser.isSet(accountOption))
        return usageError(context, kCommand, QStringLiteral("--account is required"), usage);
    const bool byId = parser.isSet(idOption);
    const bool byUid = parser.isSet(folderOption) || parser.isSet(uidOption);
    if (byId == byUid)
        return usageError(context, kCommand, QStringLiteral("give either --message-id or --folder with --uid"), usage);
    if (byUid && !(parser.isSet(folderOption) && parser.isSet(uidOption)))
        return usageError(context, kCommand, QStringLiteral("--folder and --uid go together"), usage);
    bool uidOk = true;
    const quint32 uid = byUid ? parser.value(uidOption).toUInt(&uidOk) : 0;
    if (byUid && (!uidOk || uid == 0))
        return usageError(context, kCommand, QStringLiteral("--uid must be a positive number"), usage);
    if (byId && parser.value(idOption).trimmed().isEmpty())
        return usageError(context, kCommand, QStringLiteral("--message-id must not be empty"), usage);
    if (parser.isSet(noReceiptOption) && parser.isSet(sendReceiptOption))
        return usageError(context, kCommand, QStringLiteral("--no-receipt and --send-receipt exclude each other"),
                          usage);
    const bool json = parser.isSet(jsonOption);

    Store::Database db;
    if (const QString error = openProfileDatabase(context.profile, db); !error.isEmpty()) {
        context.err << "mailtrail-cli show: " << error << "\n";
        return 1;
    }
    const auto account = Store::AccountRepository(db.connection()).find(parser.value(accountOption));
    if (!account) {
        context.err << "mailtrail-cli show: no account named '" << parser.value(accountOption) << "'\n";
        return 1;
    }

    // The password is asked for once, and only when the server is needed.
    std::optional<QString> password;
    bool passwordTried = false;
    const auto credentials = [&]() -> std::optional<QString> {
        if (!passwordTried) {
            passwordTried = true;
            password = accountPassword(context, *account, parser.isSet(passwordOption), kCommand);
        }
        return password;
    };
    const auto rejectCertificate = [&](const Net::CertificateProblem &problem) {
        context.err << "mailtrail-cli show: " << account->name << ": the certificate of " << problem.host
                    << " is not trusted (SHA-256 " << problem.sha256.toHex()
                    << "). Re-add the account with --trust-fingerprint or --ca-file.\n";
        context.err.flush();
    };

    const QString messageId = byId ? parser.value(idOption) : QString();
    const QString folderName = parser.value(folderOption);
    std::optional<Store::MessageRecord> record = findMessage(db.connection(), account->id, messageId, folderName, uid);
    if (!record) {
        // Not cached yet: bring the account (or the folder) up to date first.
        const auto secret = credentials();
        if (!secret)
            return 1;
        Sync::AccountSync sync(*account, *secret, db.connection());
        if (byUid)
            sync.setFolderFilter(folderName);
        QObject::connect(&sync, &Sync::AccountSync::certificateProblem, &sync, [&](const Net::CertificateProblem &p) {
            rejectCertificate(p);
            sync.answerCertificate(Net::CertificateDecision::Reject);
        });
        QEventLoop loop;
        Sync::AccountSyncReport report;
        QObject::connect(&sync, &Sync::AccountSync::finished, &loop, [&](const Sync::AccountSyncReport &r) {
            report = r;
            loop.quit();
        });
        sync.start();
        loop.exec();
        if (!report.ok()) {
            context.err << "mailtrail-cli show: " << account->name << ": " << report.errorMessage() << "\n";
            return 1;
        }
        record = findMessage(db.connection(), account->id, messageId, folderName, uid);
    }
    if (!record) {
        context.err << "mailtrail-cli show: " << account->name << ": no such message"
                    << (byId ? QStringLiteral(" with Message-ID %1").arg(withBrackets(messageId))
                             : QStringLiteral(" in %1 with UID %2").arg(folderName).arg(uid))
                    << "\n";
        return 1;
    }
    const qint64 rowId = record->id;

    std::optional<QByteArray> raw = Store::MessageRepository(db.connection()).body(rowId);
    if (!raw) {
        const auto secret = credentials();
        if (!secret)
            return 1;
        Sync::BodyFetch fetch(*account, *secret, db.connection(), rowId);
        QObject::connect(&fetch, &Sync::BodyFetch::certificateProblem, &fetch, [&](const Net::CertificateProblem &p) {
            rejectCertificate(p);
            fetch.answerCertificate(Net::CertificateDecision::Reject);
        });
        QEventLoop loop;
        Sync::BodyFetchResult result;
        QObject::connect(&fetch, &Sync::BodyFetch::finished, &loop, [&](const Sync::BodyFetchResult &r) {
            result = r;
            loop.quit();
        });
        fetch.start();
        loop.exec();
        if (!result.ok) {
            context.err << "mailtrail-cli show: " << account->name << ": the message cannot be downloaded: "
                        << result.error << "\n";
            return 1;
        }
        raw = Store::MessageRepository(db.connection()).body(rowId);
        if (!raw) {
            context.err << "mailtrail-cli show: the downloaded message is not in the cache\n";
            return 1;
        }
    }
    const Mime::ParsedMessage message = Mime::MessageReader::parse(*raw);

    // Displayed: \Seen (the cache at once, the server now) ...
    QStringList warnings;
    if (!record->isSeen()) {
        const auto secret = credentials();
        if (secret) {
            Sync::FlagStore store(*account, *secret, db.connection(), rowId, {QByteArrayLiteral("\\Seen")}, true);
            QEventLoop loop;
            QString error;
            QObject::connect(&store, &Sync::FlagStore::finished, &loop, [&](qint64, const QString &e) {
                error = e;
                loop.quit();
            });
            store.start();
            loop.exec();
            if (!error.isEmpty())
                warnings.append(QStringLiteral("not marked read on the server: %1").arg(error));
        }
    }

    // ... and the one moment a read receipt is considered.
    const Sync::DisplayChoice choice = parser.isSet(noReceiptOption)     ? Sync::DisplayChoice::NoReceipt
                                       : parser.isSet(sendReceiptOption) ? Sync::DisplayChoice::SendReceipt
                                                                         : Sync::DisplayChoice::Policy;
    Sync::ReadReceipts receipts(db.connection());
    const Sync::DisplayOutcome outcome = receipts.displayed(rowId, choice);
    QString receiptDelivery;
    if (outcome.receipt == Sync::DisplayReceipt::Sent && outcome.outboxId > 0) {
        if (const auto secret = credentials()) {
            (void)flushOutbox(context, *account, *secret, db.connection(), {outcome.outboxId}, kCommand);
            if (const auto entry = Sync::OutboxStore(db.connection()).entry(outcome.outboxId))
                receiptDelivery = stateWords(*entry);
        } else {
            receiptDelivery = QStringLiteral("queued");
        }
    }

    if (json) {
        QJsonObject o;
        o.insert(QStringLiteral("account"), account->name);
        o.insert(QStringLiteral("folder"), Store::FolderRepository(db.connection()).findById(record->folderId)
                                               .value_or(Store::Folder())
                                               .name);
        o.insert(QStringLiteral("uid"), qint64(record->uid));
        o.insert(QStringLiteral("message_id"), QString::fromUtf8(message.headers.messageId));
        o.insert(QStringLiteral("from"), mailboxes(message.headers.from));
        o.insert(QStringLiteral("to"), mailboxes(message.headers.to));
        o.insert(QStringLiteral("cc"), mailboxes(message.headers.cc));
        o.insert(QStringLiteral("subject"), message.headers.subject);
        o.insert(QStringLiteral("date"), message.headers.date.isValid()
                                             ? message.headers.date.toUTC().toString(Qt::ISODate)
                                             : QString());
        o.insert(QStringLiteral("text"), message.bodyText());
        QJsonArray attachments;
        for (const Mime::MessagePart *part : message.attachments()) {
            QJsonObject a;
            a.insert(QStringLiteral("name"), part->fileName);
            a.insert(QStringLiteral("content_type"), QString::fromLatin1(part->contentType));
            a.insert(QStringLiteral("size"), part->size);
            attachments.append(a);
        }
        o.insert(QStringLiteral("attachments"), attachments);
        o.insert(QStringLiteral("receipt"), Sync::displayReceiptName(outcome.receipt));
        o.insert(QStringLiteral("receipt_reason"), outcome.reason);
        if (!receiptDelivery.isEmpty())
            o.insert(QStringLiteral("receipt_outbox"), receiptDelivery);
        if (!warnings.isEmpty())
            o.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(warnings));
        context.out << QJsonDocument(o).toJson(QJsonDocument::Compact) << "\n";
    } else {
        const auto line = [&](const char *name, const QString &value) {
            if (!value.isEmpty())
                context.out << name << ": " << value << "\n";
        };
        line("From", mailboxes(message.headers.from));
        line("To", mailboxes(message.headers.to));
        line("Cc", mailboxes(message.headers.cc));
        line("Subject", message.headers.subject);
        line("Date", message.headers.date.isValid() ? message.headers.date.toString(Qt::RFC2822Date) : QString());
        line("Message-ID", QString::fromUtf8(message.headers.messageId));
        for (const Mime::MessagePart *part : message.attachments())
            context.out << "Attachment: " << part->fileName << " (" << QString::fromLatin1(part->contentType) << ", "
                        << part->size << " bytes)\n";
        context.out << "\n" << message.bodyText();
        if (!message.bodyText().endsWith(QLatin1Char('\n')))
            context.out << "\n";
        if (const QString words = receiptWords(outcome); !words.isEmpty()) {
            context.out << "\n" << words;
            if (!receiptDelivery.isEmpty())
                context.out << " (outbox: " << receiptDelivery << ")";
            context.out << "\n";
        }
        for (const QString &w : std::as_const(warnings))
            context.err << "mailtrail-cli show: " << w << "\n";
    }
    return 0;
}

} // namespace Mailtrail::Cli
