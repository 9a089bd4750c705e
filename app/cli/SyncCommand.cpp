// SPDX-License-Identifier: GPL-3.0-or-later
// `mailtrail-cli sync [--account NAME] [--folder F] [--json] [--password-stdin]`: brings the
// local cache up to date and prints folders, message counts and seconds. One MailCheck per
// account: sync, pending $MDNSent stores, tracking scan, the optional move of reports to the
// receipts folder, and an outbox flush so queued read receipts go out. A sync never sends a
// read receipt: `show` (or the GUI viewer) displays a message, and only that considers one.
#include "CommandHelp.h"
#include "Commands.h"

#include "search/IndexMaintenance.h"
#include "store/AccountRepository.h"
#include "store/Database.h"
#include "tracking/BehaviourSettings.h"
#include "sync/AccountSync.h"
#include "sync/AccountSession.h"
#include "sync/MailCheck.h"
#include "sync/TrackingScan.h"
#include "sync/PasswordStore.h"
#include "OAuthSupport.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <iostream>
#include <string>

namespace Mailtrail::Cli {

namespace {

QJsonObject folderJson(const Sync::FolderSyncResult &f)
{
    QJsonObject o;
    o.insert(QStringLiteral("name"), f.folderName);
    o.insert(QStringLiteral("messages"), f.messages);
    o.insert(QStringLiteral("added"), f.added);
    o.insert(QStringLiteral("removed"), f.removed);
    o.insert(QStringLiteral("flagsChanged"), f.flagsChanged);
    o.insert(QStringLiteral("rebuilt"), f.rebuilt);
    o.insert(QStringLiteral("mode"), f.mode);
    o.insert(QStringLiteral("seconds"), f.seconds);
    if (!f.ok())
        o.insert(QStringLiteral("error"), f.errorMessage());
    return o;
}

} // namespace

int runSync(Context &context)
{
    const QStringList usage = {QStringLiteral("mailtrail-cli [--profile DIR] sync [options]")};
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Bring the local copy of the IMAP folders up to date, then read the delivery reports and "
        "replies that arrived."));
    const QCommandLineOption accountOption(QStringLiteral("account"),
                                           QStringLiteral("Only the account <name>."), QStringLiteral("name"));
    const QCommandLineOption folderOption(QStringLiteral("folder"), QStringLiteral("Only the folder <folder>."),
                                          QStringLiteral("folder"));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QStringLiteral("One JSON document with every account's result."));
    const QCommandLineOption passwordOption(
        QStringLiteral("password-stdin"),
        QStringLiteral("Read the password from the first line of stdin instead of the keychain."));
    QCommandLineOption batchOption(QStringLiteral("batch-size"),
                                         QStringLiteral("Messages per FETCH of a first sync (tests)"), QStringLiteral("n"));
    batchOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({helpOption(), accountOption, folderOption, jsonOption, passwordOption, batchOption});
    if (!parser.parse(context.arguments))
        return usageError(context, QStringLiteral("sync"), parser.errorText(), usage);
    if (parser.isSet(QStringLiteral("help"))) {
        context.out << commandHelp(parser, usage);
        return 0;
    }
    const bool json = parser.isSet(jsonOption);

    Store::Database db;
    QString error = openProfileDatabase(context.profile, db);
    if (!error.isEmpty()) {
        context.err << "mailtrail-cli sync: " << error << "\n";
        return 1;
    }
    QList<Store::Account> accounts = Store::AccountRepository(db.connection()).list();
    if (parser.isSet(accountOption)) {
        accounts.removeIf([&](const Store::Account &a) { return a.name != parser.value(accountOption); });
        if (accounts.isEmpty()) {
            context.err << "mailtrail-cli sync: no account named '" << parser.value(accountOption) << "'\n";
            return 1;
        }
    }
    if (accounts.isEmpty()) {
        context.err << "mailtrail-cli sync: no accounts; add one with 'mailtrail-cli account add'\n";
        return 1;
    }
    QString stdinPassword;
    if (parser.isSet(passwordOption)) {
        std::string line;
        std::getline(std::cin, line);
        stdinPassword = QString::fromStdString(line).trimmed();
    }

    bool allOk = true;
    bool signInAgain = false;
    qint64 added = 0; // messages cached, each a document of the search index
    QJsonArray jsonAccounts;
    for (const Store::Account &account : accounts) {
        Sync::Credentials password = stdinPassword;
        if (account.isOAuth2()) {
            // The keychain's refresh token renews the access token; stdin is not asked.
            int code = 0;
            const auto credentials = accountCredentials(context, account, false, QStringLiteral("sync"), &code);
            if (!credentials) {
                allOk = false;
                signInAgain = signInAgain || code == kExitSignInAgain;
                continue;
            }
            password = *credentials;
        } else if (password.isEmpty()) {
            Sync::PasswordStore passwords;
            QEventLoop loop;
            QString readError;
            QObject::connect(&passwords, &Sync::PasswordStore::passwordRead, &loop,
                             [&](const QString &, const QString &p, const QString &e) {
                                 password = Sync::Credentials::password(p);
                                 readError = e;
                                 loop.quit();
                             });
            passwords.read(account.name);
            loop.exec();
            if (!readError.isEmpty()) {
                context.err << "mailtrail-cli sync: " << account.name << ": " << readError
                            << " (use --password-stdin when no keychain is available)\n";
                allOk = false;
                continue;
            }
        }
        // The check runs on the account's session (one IMAP connection for all its steps).
        Sync::FixedCredentials credentials(password);
        Sync::AccountSession session(account, &credentials, db.connection());
        Sync::MailCheck check(account, password, db.connection());
        check.setAccountSession(&session);
        check.setFlushOutbox(true); // read receipts queued by `show` or the GUI go out now
        if (parser.isSet(folderOption))
            check.setFolderFilter(parser.value(folderOption));
        if (parser.isSet(batchOption))
            check.setBatchSize(parser.value(batchOption).toInt());
        QObject::connect(&session, &Sync::AccountSession::certificateProblem, &check, [&](const Net::CertificateProblem &problem) {
            context.err << "mailtrail-cli sync: " << account.name << ": the certificate of " << problem.host
                        << " is not trusted (SHA-256 " << problem.sha256.toHex() << "). Re-add the account with "
                        << "--trust-fingerprint " << problem.sha256.toHex() << " or --ca-file.\n";
            context.err.flush();
            session.answerCertificate(Net::CertificateDecision::Reject);
        });
        if (!json) {
            QObject::connect(&check, &Sync::MailCheck::folderFinished, &check, [&](const Sync::FolderSyncResult &f) {
                context.out << account.name << "/" << f.folderName << "\t" << f.messages << " messages\t+" << f.added
                            << " -" << f.removed << " ~" << f.flagsChanged << "\t"
                            << QString::number(f.seconds, 'f', 3) << " s";
                if (f.rebuilt)
                    context.out << "\t(rebuilt: UIDVALIDITY changed)";
                if (!f.ok())
                    context.out << "\tERROR: " << f.errorMessage();
                context.out << "\n";
                context.out.flush();
            });
        }
        QEventLoop loop;
        Sync::MailCheckReport result;
        QObject::connect(&check, &Sync::MailCheck::finished, &loop, [&](const Sync::MailCheckReport &r) {
            result = r;
            loop.quit();
        });
        check.start();
        loop.exec();
        session.close();
        const Sync::AccountSyncReport &report = result.sync;
        for (const auto &f : report.folders)
            added += f.added;
        if (!report.ok()) {
            allOk = false;
            if (!json)
                context.err << "mailtrail-cli sync: " << account.name << ": " << report.errorMessage() << "\n";
        }
        // Delivery tracking: reports and replies among what the sync brought.
        const Sync::TrackingScanReport &tracking = result.tracking;
        const bool scanned = result.scanned;
        if (!json) {
            if (scanned) {
                context.out << account.name << ": tracking: " << tracking.reportsRead << " reports read, "
                            << tracking.matched << " matched, " << tracking.unmatched << " unmatched, "
                            << tracking.replies << " replies\n";
                for (const QString &e : std::as_const(tracking.errors))
                    context.err << "mailtrail-cli sync: " << account.name << ": tracking: " << e << "\n";
            }
            if (result.moved)
                context.out << account.name << ": " << result.moved << " reports moved to "
                            << Tracking::SettingsStore(db.connection()).load().receiptsFolderFor(account) << "\n";
            if (result.outboxQueued)
                context.out << account.name << ": " << result.outboxQueued << " messages still queued in the outbox\n";
            for (const QString &e : std::as_const(result.errors))
                context.err << "mailtrail-cli sync: " << account.name << ": " << e << "\n";
        }
        if (json) {
            QJsonObject o;
            o.insert(QStringLiteral("account"), account.name);
            QJsonArray folders;
            for (const auto &f : report.folders)
                folders.append(folderJson(f));
            o.insert(QStringLiteral("folders"), folders);
            o.insert(QStringLiteral("seconds"), report.seconds);
            if (!report.ok())
                o.insert(QStringLiteral("error"), report.errorMessage());
            if (scanned) {
                QJsonObject t;
                t.insert(QStringLiteral("reports_read"), tracking.reportsRead);
                t.insert(QStringLiteral("matched"), tracking.matched);
                t.insert(QStringLiteral("unmatched"), tracking.unmatched);
                t.insert(QStringLiteral("replies"), tracking.replies);
                t.insert(QStringLiteral("events_added"), tracking.eventsAdded);
                t.insert(QStringLiteral("errors"), QJsonArray::fromStringList(tracking.errors));
                o.insert(QStringLiteral("tracking"), t);
            }
            o.insert(QStringLiteral("moved"), result.moved);
            o.insert(QStringLiteral("outbox_queued"), result.outboxQueued);
            if (!result.errors.isEmpty())
                o.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(result.errors));
            jsonAccounts.append(o);
        } else {
            context.out << account.name << ": " << QString::number(report.seconds, 'f', 3) << " s total\n";
        }
    }
    // Many new documents left the search index in many segments, and no window merges them
    // while idle: some merging now, bounded.
    if (const QString error = Search::IndexMaintenance(db.connection()).mergeAfter(added); !error.isEmpty())
        context.err << "mailtrail-cli sync: " << error << "\n";
    if (json) {
        QJsonObject root;
        root.insert(QStringLiteral("accounts"), jsonAccounts);
        root.insert(QStringLiteral("ok"), allOk);
        context.out << QJsonDocument(root).toJson(QJsonDocument::Indented);
    }
    return signInAgain ? kExitSignInAgain : allOk ? 0 : 1;
}

} // namespace Mailtrail::Cli
