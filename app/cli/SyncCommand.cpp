// SPDX-License-Identifier: GPL-3.0-or-later
// `mailtrail-cli sync [--account NAME] [--folder F] [--json] [--password-stdin]`: brings the
// local cache up to date and prints folders, message counts and seconds.
#include "CommandHelp.h"
#include "Commands.h"

#include "store/AccountRepository.h"
#include "store/Database.h"
#include "sync/AccountSync.h"
#include "sync/TrackingScan.h"
#include "sync/PasswordStore.h"

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
    QJsonArray jsonAccounts;
    for (const Store::Account &account : accounts) {
        QString password = stdinPassword;
        if (password.isEmpty()) {
            Sync::PasswordStore passwords;
            QEventLoop loop;
            QString readError;
            QObject::connect(&passwords, &Sync::PasswordStore::passwordRead, &loop,
                             [&](const QString &, const QString &p, const QString &e) {
                                 password = p;
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
        Sync::AccountSync sync(account, password, db.connection());
        sync.setKeepOpen(true); // the tracking scan below reuses the session
        if (parser.isSet(folderOption))
            sync.setFolderFilter(parser.value(folderOption));
        if (parser.isSet(batchOption))
            sync.setBatchSize(parser.value(batchOption).toInt());
        QObject::connect(&sync, &Sync::AccountSync::certificateProblem, &sync, [&](const Net::CertificateProblem &problem) {
            context.err << "mailtrail-cli sync: " << account.name << ": the certificate of " << problem.host
                        << " is not trusted (SHA-256 " << problem.sha256.toHex() << "). Re-add the account with "
                        << "--trust-fingerprint " << problem.sha256.toHex() << " or --ca-file.\n";
            context.err.flush();
            sync.answerCertificate(Net::CertificateDecision::Reject);
        });
        if (!json) {
            QObject::connect(&sync, &Sync::AccountSync::folderFinished, &sync, [&](const Sync::FolderSyncResult &f) {
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
        Sync::AccountSyncReport report;
        QObject::connect(&sync, &Sync::AccountSync::finished, &loop, [&](const Sync::AccountSyncReport &r) {
            report = r;
            loop.quit();
        });
        sync.start();
        loop.exec();
        if (!report.ok()) {
            allOk = false;
            if (!json)
                context.err << "mailtrail-cli sync: " << account.name << ": " << report.errorMessage() << "\n";
        }
        // Delivery tracking: reports and replies among what the sync brought.
        Sync::TrackingScanReport tracking;
        const bool scanned = report.ok() && sync.session();
        if (scanned) {
            Sync::TrackingScan scan(sync.session(), db.connection(), account.id, account.name);
            QEventLoop scanLoop;
            QObject::connect(&scan, &Sync::TrackingScan::finished, &scanLoop,
                             [&](const Sync::TrackingScanReport &r) {
                                 tracking = r;
                                 scanLoop.quit();
                             });
            QMetaObject::invokeMethod(&scan, &Sync::TrackingScan::start, Qt::QueuedConnection);
            scanLoop.exec();
            if (!json) {
                context.out << account.name << ": tracking: " << tracking.reportsRead << " reports read, "
                            << tracking.matched << " matched, " << tracking.unmatched << " unmatched, "
                            << tracking.replies << " replies\n";
                for (const QString &e : std::as_const(tracking.errors))
                    context.err << "mailtrail-cli sync: " << account.name << ": tracking: " << e << "\n";
            }
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
            jsonAccounts.append(o);
        } else {
            context.out << account.name << ": " << QString::number(report.seconds, 'f', 3) << " s total\n";
        }
    }
    if (json) {
        QJsonObject root;
        root.insert(QStringLiteral("accounts"), jsonAccounts);
        root.insert(QStringLiteral("ok"), allOk);
        context.out << QJsonDocument(root).toJson(QJsonDocument::Indented);
    }
    return allOk ? 0 : 1;
}

} // namespace Mailtrail::Cli
