// SPDX-License-Identifier: GPL-3.0-or-later
// `mailtrail-cli account add|list|remove|set|identity|reauth`: account settings and
// identities in the profile database, the password (or an OAuth2 account's refresh token) in
// the keychain.
#include "CommandHelp.h"
#include "Commands.h"
#include "OAuthSupport.h"

#include "oauth/Providers.h"
#include "sync/Accounts.h"
#include "store/Database.h"
#include "store/Identity.h"
#include "sync/SentElsewhere.h"
#include "sync/PasswordStore.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>

#include <cstdio>
#include <optional>
#include <iostream>
#include <string>

namespace Mailtrail::Cli {

namespace {

const QString kAddUsage = QStringLiteral(
    "mailtrail-cli [--profile DIR] account add NAME --email ADDRESS --imap HOST:PORT/tls|starttls\n"
    "    --smtp HOST:PORT/tls|starttls [--user NAME] [--ca-file PEM | --trust-fingerprint SHA256]\n"
    "    [--display-name NAME] [--read-receipts never|ask|always] --password-stdin\n"
    "mailtrail-cli [--profile DIR] account add NAME --email ADDR --imap HOST:PORT/tls|starttls\n"
    "    --smtp HOST:PORT/tls|starttls --oauth google|microsoft|ISSUER_URL\n"
    "    [--client-id ID] [--client-secret SECRET] [--oauth-scope \"S1 S2\"] [--oauth-tenant TENANT]\n"
    "    [--oauth-browser COMMAND] [--ca-file PEM]");
const QString kReauthUsage = QStringLiteral(
    "mailtrail-cli [--profile DIR] account reauth NAME [--oauth-browser COMMAND]");
const QString kListUsage = QStringLiteral("mailtrail-cli [--profile DIR] account list");
const QString kRemoveUsage = QStringLiteral("mailtrail-cli [--profile DIR] account remove NAME");
const QString kSetUsage = QStringLiteral(
    "mailtrail-cli [--profile DIR] account set NAME [--read-receipts never|ask|always]\n"
    "    [--receipts-folder FOLDER|none] [--signature-file FILE] [--offline-days N]\n"
    "    [--track-sent-elsewhere on|off] [--sent-elsewhere-days N]\n"
    "    [--client-id ID|\"\" [--client-secret SECRET]]");
const QString kIdentityAddUsage = QStringLiteral(
    "mailtrail-cli [--profile DIR] account identity add NAME --address ADDRESS [--display-name NAME]\n"
    "    [--reply-to ADDRESS] [--signature-file FILE]");
const QString kIdentityListUsage = QStringLiteral("mailtrail-cli [--profile DIR] account identity list NAME");
const QString kIdentityRemoveUsage
    = QStringLiteral("mailtrail-cli [--profile DIR] account identity remove NAME --address ADDRESS");

QStringList allUsage()
{
    return QStringList{kAddUsage, kListUsage, kRemoveUsage, kSetUsage, kIdentityAddUsage, kIdentityListUsage,
                       kIdentityRemoveUsage, kReauthUsage}
        .join(QLatin1Char('\n'))
        .split(QLatin1Char('\n'));
}

/// A usage error of `account` (or of one of its sub-commands): all account usage lines.
int usage(Context &context, const QString &text)
{
    return usageError(context, QStringLiteral("account"), text, allUsage());
}

/// Parses the arguments of `account <sub>` (@p parser has helpOption() first, like every
/// command's); false, with the exit code in @p exitCode, when parsing failed (2) or --help
/// was shown (0).
bool parseSub(Context &context, QCommandLineParser &parser, const QStringList &arguments,
              const QString &usageText, int *exitCode)
{
    if (!parser.parse(arguments)) {
        *exitCode = usage(context, parser.errorText());
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        context.out << commandHelp(parser, usageText.split(QLatin1Char('\n')));
        *exitCode = 0;
        return false;
    }
    return true;
}

bool openDatabase(Context &context, Store::Database &db)
{
    QString error = openProfileDatabase(context.profile, db);
    if (!error.isEmpty()) {
        context.err << "mailtrail-cli: " << error << "\n";
        return false;
    }
    return true;
}

/// The signature in @p path (UTF-8 text; an empty file removes the signature). False, with
/// the reason in @p error, when it cannot be read or is not text.
bool readSignatureFile(const QString &path, QString *signature, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    const QByteArray bytes = file.read(64 * 1024 + 1);
    if (bytes.size() > 64 * 1024) {
        *error = QStringLiteral("%1 is larger than 64 KiB; a signature is a few lines of text").arg(path);
        return false;
    }
    if (bytes.contains('\0')) {
        *error = QStringLiteral("%1 is not a text file").arg(path);
        return false;
    }
    QStringDecoder utf8(QStringDecoder::Utf8);
    *signature = utf8(bytes);
    if (utf8.hasError()) {
        *error = QStringLiteral("%1 is not UTF-8 text").arg(path);
        return false;
    }
    signature->replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    return true;
}

QString readPasswordLine()
{
    std::string line;
    if (!std::getline(std::cin, line))
        return {};
    QString password = QString::fromStdString(line);
    if (password.endsWith(QLatin1Char('\r')))
        password.chop(1);
    return password;
}

/// `account add --oauth`: signs in first; the account is saved only when that worked and its
/// refresh token is in the keychain (nothing is stored otherwise).
int addWithOAuth(Context &context, Store::Account &account, const QString &browserCommand)
{
    Store::Database db;
    if (!openDatabase(context, db))
        return 1;
    Sync::Accounts accounts(db.connection());
    if (accounts.find(account.name)) {
        context.err << "mailtrail-cli account add: an account named '" << account.name << "' already exists\n";
        return 1;
    }
    int code = 1;
    const auto tokens = signInInteractively(context, account, browserCommand, QStringLiteral("account add"), &code);
    if (!tokens)
        return code;
    QString error = accounts.add(account);
    if (!error.isEmpty()) {
        context.err << "mailtrail-cli account add: " << error << "\n";
        return 1;
    }
    if (!storeRefreshToken(context, account.name, tokens->refreshToken, QStringLiteral("account add"))) {
        [[maybe_unused]] const QString removed = accounts.remove(account.name);
        return 1;
    }
    context.out << "account '" << account.name << "' added (" << account.email << ", IMAP "
                << account.imap.toString() << ", SMTP " << account.smtp.toString() << ", signed in with "
                << account.signInLabel() << ")\n";
    return 0;
}

int reauth(Context &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Sign an OAuth2 account in again (after its sign-in was revoked or expired); its\n"
        "settings stay as they are."));
    parser.addOption(helpOption());
    const QCommandLineOption browser(
        QStringLiteral("oauth-browser"),
        QStringLiteral("Run <command> with the sign-in address as its only argument instead of\n"
                       "opening the system browser."),
        QStringLiteral("command"));
    parser.addOption(browser);
    parser.addPositionalArgument(QStringLiteral("name"), QStringLiteral("The account's name."),
                                 QStringLiteral("NAME"));
    if (int code = 0; !parseSub(context, parser, arguments, kReauthUsage, &code))
        return code;
    if (parser.positionalArguments().size() != 1)
        return usage(context, QStringLiteral("account reauth needs exactly one NAME"));
    Store::Database db;
    if (!openDatabase(context, db))
        return 1;
    const QString name = parser.positionalArguments().first();
    const auto account = Sync::Accounts(db.connection()).find(name);
    if (!account) {
        context.err << "mailtrail-cli account reauth: no account named '" << name << "'\n";
        return 1;
    }
    if (!account->isOAuth2()) {
        context.err << "mailtrail-cli account reauth: '" << name
                    << "' signs in with a password; remove and add it again to change that\n";
        return 1;
    }
    int code = 1;
    const auto tokens = signInInteractively(context, *account, parser.value(browser), QStringLiteral("account reauth"), &code);
    if (!tokens)
        return code;
    if (!storeRefreshToken(context, account->name, tokens->refreshToken, QStringLiteral("account reauth")))
        return 1;
    context.out << "account '" << account->name << "' signed in again (" << account->signInLabel() << ")\n";
    return 0;
}

int add(Context &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Add a mail account: its settings go into the profile, its password into the keychain."));
    parser.addOption(helpOption());
    const QCommandLineOption email(QStringLiteral("email"), QStringLiteral("The account's mail address."),
                                   QStringLiteral("addr"));
    const QCommandLineOption imap(QStringLiteral("imap"),
                                  QStringLiteral("The IMAP server as HOST:PORT/tls or HOST:PORT/starttls."),
                                  QStringLiteral("endpoint"));
    const QCommandLineOption smtp(QStringLiteral("smtp"),
                                  QStringLiteral("The submission server as HOST:PORT/tls or HOST:PORT/starttls."),
                                  QStringLiteral("endpoint"));
    const QCommandLineOption user(QStringLiteral("user"),
                                  QStringLiteral("The login name (default: the mail address)."),
                                  QStringLiteral("name"));
    const QCommandLineOption caFile(QStringLiteral("ca-file"),
                                    QStringLiteral("Also trust the certificate authorities in <pem>."),
                                    QStringLiteral("pem"));
    const QCommandLineOption fingerprint(
        QStringLiteral("trust-fingerprint"),
        QStringLiteral("Trust the server certificate with this SHA-256 digest (64 hex digits)."),
        QStringLiteral("sha256"));
    const QCommandLineOption displayName(QStringLiteral("display-name"),
                                         QStringLiteral("Your name, as recipients see it."), QStringLiteral("name"));
    const QCommandLineOption receipts(QStringLiteral("read-receipts"),
                                      QStringLiteral("Answer requests for read receipts: never, ask or always."),
                                      QStringLiteral("policy"));
    const QCommandLineOption passwordStdin(
        QStringLiteral("password-stdin"),
        QStringLiteral("Read the password from the first line of stdin (required without --oauth)."));
    const QCommandLineOption oauth(
        QStringLiteral("oauth"),
        QStringLiteral("Sign in with OAuth2 in a browser instead of a password: google, microsoft, or the\n"
                       "URL of another provider's issuer (https; http only for a loopback address)."),
        QStringLiteral("provider"));
    const QCommandLineOption clientId(QStringLiteral("client-id"),
                                      QStringLiteral("OAuth2: use this client ID instead of the built-in one."),
                                      QStringLiteral("id"));
    const QCommandLineOption clientSecret(
        QStringLiteral("client-secret"),
        QStringLiteral("OAuth2: the client secret that goes with --client-id, if the provider issued one."),
        QStringLiteral("secret"));
    const QCommandLineOption scope(QStringLiteral("oauth-scope"),
                                   QStringLiteral("OAuth2: the scopes to ask for, space separated (default: the\n"
                                                  "provider's; another provider: \"openid email offline_access\")."),
                                   QStringLiteral("scopes"));
    const QCommandLineOption tenant(QStringLiteral("oauth-tenant"),
                                    QStringLiteral("OAuth2 with Microsoft: the tenant (default: common)."),
                                    QStringLiteral("tenant"));
    const QCommandLineOption browser(
        QStringLiteral("oauth-browser"),
        QStringLiteral("OAuth2: run <command> with the sign-in address as its only argument instead of\n"
                       "opening the system browser."),
        QStringLiteral("command"));
    parser.addOptions({email, imap, smtp, user, caFile, fingerprint, displayName, receipts, passwordStdin, oauth,
                       clientId, clientSecret, scope, tenant, browser});
    parser.addPositionalArgument(QStringLiteral("name"), QStringLiteral("The account's name in Mailtrail."),
                                 QStringLiteral("NAME"));
    if (int code = 0; !parseSub(context, parser, arguments, kAddUsage, &code))
        return code;
    if (parser.positionalArguments().size() != 1)
        return usage(context, QStringLiteral("account add needs exactly one NAME"));
    // A built-in OAuth2 provider knows its servers (they can still be given).
    const OAuth::Provider *builtIn = parser.isSet(oauth) ? OAuth::builtInProvider(parser.value(oauth)) : nullptr;
    for (const auto *required : {&email, &imap, &smtp}) {
        if (!parser.isSet(*required) && !(builtIn && required != &email))
            return usage(context, QStringLiteral("--%1 is required").arg(required->names().first()));
    }
    const bool useOAuth = parser.isSet(oauth);
    if (useOAuth && parser.isSet(passwordStdin))
        return usage(context, QStringLiteral("use either --oauth or --password-stdin"));
    if (!useOAuth && !parser.isSet(passwordStdin))
        return usage(context, QStringLiteral("--password-stdin is required (passwords are never taken from the command line)"));
    if (!useOAuth) {
        for (const auto *oauthOnly : {&clientId, &clientSecret, &scope, &tenant, &browser}) {
            if (parser.isSet(*oauthOnly))
                return usage(context, QStringLiteral("--%1 needs --oauth").arg(oauthOnly->names().first()));
        }
    }
    if (parser.isSet(caFile) && parser.isSet(fingerprint))
        return usage(context, QStringLiteral("use either --ca-file or --trust-fingerprint"));

    Store::Account account;
    account.name = parser.positionalArguments().first();
    account.email = parser.value(email);
    account.displayName = parser.value(displayName);
    account.userName = parser.isSet(user) ? parser.value(user) : account.email;
    QString error;
    const auto imapEndpoint = !parser.isSet(imap) && builtIn ? std::optional(builtIn->imap)
                                                             : Store::Endpoint::parse(parser.value(imap), &error);
    if (!imapEndpoint)
        return usage(context, QStringLiteral("--imap: %1").arg(error));
    const auto smtpEndpoint = !parser.isSet(smtp) && builtIn ? std::optional(builtIn->smtp)
                                                             : Store::Endpoint::parse(parser.value(smtp), &error);
    if (!smtpEndpoint)
        return usage(context, QStringLiteral("--smtp: %1").arg(error));
    account.imap = *imapEndpoint;
    account.smtp = *smtpEndpoint;
    if (parser.isSet(caFile)) {
        const QFileInfo info(parser.value(caFile));
        if (!info.isReadable())
            return usage(context, QStringLiteral("--ca-file %1 is not readable").arg(parser.value(caFile)));
        account.caFile = info.absoluteFilePath();
    }
    for (const QString &value : parser.values(fingerprint)) {
        const QString normalized = Store::normalizeFingerprint(value);
        if (normalized.isEmpty())
            return usage(context, QStringLiteral("--trust-fingerprint needs a SHA-256 digest (64 hex digits)"));
        account.pinnedFingerprints << normalized;
    }
    if (parser.isSet(receipts)) {
        const auto policy = Store::readReceiptsFromName(parser.value(receipts));
        if (!policy)
            return usage(context, QStringLiteral("--read-receipts must be never, ask or always"));
        account.readReceipts = *policy;
    }
    // As the GUI's assistant does: recorded reports go to "Receipts" (created when missing),
    // not the inbox; `account set NAME --receipts-folder none` keeps them where they arrive.
    account.receiptsFolder = QStringLiteral("Receipts");
    if (useOAuth) {
        account.signIn = Store::SignIn::OAuth2;
        account.oauthProvider = parser.value(oauth).trimmed();
        account.oauthClientId = parser.value(clientId);
        account.oauthClientSecret = parser.value(clientSecret);
        account.oauthScopes = parser.value(scope).simplified();
        account.oauthTenant = parser.value(tenant).trimmed();
        if (account.oauthProvider.contains(QLatin1Char(':'))) {
            if (const QString why = OAuth::checkServerUrl(QUrl(account.oauthProvider)); !why.isEmpty())
                return usage(context, QStringLiteral("--oauth: %1").arg(why));
        } else if (!OAuth::builtInProvider(account.oauthProvider)) {
            return usage(context, QStringLiteral("--oauth must be google, microsoft or an issuer URL"));
        }
        return addWithOAuth(context, account, parser.value(browser));
    }
    const QString password = readPasswordLine();
    if (password.isEmpty()) {
        context.err << "mailtrail-cli account add: no password on stdin\n";
        return 1;
    }

    Store::Database db;
    if (!openDatabase(context, db))
        return 1;
    Sync::PasswordStore passwords;
    QEventLoop loop;
    QString warning;
    bool answered = false;
    Sync::Accounts(db.connection()).addWithSecret(account, password, passwords,
                                                  [&](const QString &e, const QString &keychainProblem) {
                                                      error = e;
                                                      warning = keychainProblem;
                                                      answered = true;
                                                      loop.quit();
                                                  });
    if (!answered)
        loop.exec();
    if (!error.isEmpty()) {
        context.err << "mailtrail-cli account add: " << error << "\n";
        return 1;
    }
    context.out << "account '" << account.name << "' added (" << account.email << ", IMAP "
                << account.imap.toString() << ", SMTP " << account.smtp.toString() << ")\n";
    if (!warning.isEmpty()) {
        context.err << "warning: " << warning << "\n"
                    << "warning: 'mailtrail-cli sync' will need --password-stdin for this account.\n";
    }
    return 0;
}

int list(Context &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "List the accounts, one per line: name, address, servers, login, sign-in method\n"
        "(password or oauth:PROVIDER), read-receipt policy, receipts folder, OAuth2 client ID if\n"
        "overridden, and trust settings, separated by tabs."));
    parser.addOption(helpOption());
    if (int code = 0; !parseSub(context, parser, arguments, kListUsage, &code))
        return code;
    Store::Database db;
    if (!openDatabase(context, db))
        return 1;
    const QList<Store::Account> all = Sync::Accounts(db.connection()).list();
    if (all.isEmpty()) {
        context.out << "no accounts\n";
        return 0;
    }
    for (const Store::Account &a : all) {
        context.out << a.name << "\t" << a.email << "\tIMAP " << a.imap.toString() << "\tSMTP " << a.smtp.toString()
                    << "\tuser " << a.userName << "\tsign-in " << a.signInLabel() << "\tread-receipts " << Store::readReceiptsName(a.readReceipts);
        if (!a.receiptsFolder.isEmpty())
            context.out << "\treceipts-folder " << a.receiptsFolder;
        if (!a.oauthClientId.isEmpty())
            context.out << "\tclient-id " << a.oauthClientId;
        if (!a.caFile.isEmpty())
            context.out << "\tca-file " << a.caFile;
        for (const QString &fp : a.pinnedFingerprints)
            context.out << "\tpinned " << fp;
        context.out << "\n";
    }
    return 0;
}

int remove(Context &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Remove an account, its settings and its password in the keychain."));
    parser.addOption(helpOption());
    parser.addPositionalArgument(QStringLiteral("name"), QStringLiteral("The account's name."),
                                 QStringLiteral("NAME"));
    if (int code = 0; !parseSub(context, parser, arguments, kRemoveUsage, &code))
        return code;
    if (parser.positionalArguments().size() != 1)
        return usage(context, QStringLiteral("account remove needs exactly one NAME"));
    const QString name = parser.positionalArguments().first();
    Store::Database db;
    if (!openDatabase(context, db))
        return 1;
    Sync::PasswordStore passwords;
    QEventLoop loop;
    QString error;
    QString removeError;
    bool answered = false;
    Sync::Accounts(db.connection()).removeWithSecret(name, passwords, [&](const QString &e, const QString &keychainProblem) {
        error = e;
        removeError = keychainProblem;
        answered = true;
        loop.quit();
    });
    if (!answered)
        loop.exec();
    if (!error.isEmpty()) {
        context.err << "mailtrail-cli account remove: " << error << "\n";
        return 1;
    }
    context.out << "account '" << name << "' removed\n";
    if (!removeError.isEmpty())
        context.err << "warning: the password could not be removed from the keychain: " << removeError << "\n";
    return 0;
}

int set(Context &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Change an account's settings."));
    parser.addOption(helpOption());
    const QCommandLineOption receipts(QStringLiteral("read-receipts"),
                                      QStringLiteral("Answer requests for read receipts: never, ask or always."),
                                      QStringLiteral("policy"));
    const QCommandLineOption folder(QStringLiteral("receipts-folder"),
                                    QStringLiteral("Move recorded reports to <folder> ('none': leave them)."),
                                    QStringLiteral("folder"));
    const QCommandLineOption offlineDays(
        QStringLiteral("offline-days"),
        QStringLiteral("Keep the messages of the last <n> days for offline use and search (0: headers only)."),
        QStringLiteral("n"));
    const QCommandLineOption signatureFile(
        QStringLiteral("signature-file"),
        QStringLiteral("The signature of the account's own address, from <file> (UTF-8; empty: none)."),
        QStringLiteral("file"));
    const QCommandLineOption clientId(
        QStringLiteral("client-id"),
        QStringLiteral("OAuth2 accounts: use this client ID instead of the built-in one; \"\" (empty) goes "
                       "back to the built-in one and drops the client secret. The provider may then ask for "
                       "'account reauth NAME'."),
        QStringLiteral("id"));
    const QCommandLineOption clientSecret(
        QStringLiteral("client-secret"),
        QStringLiteral("OAuth2 accounts: the client secret that goes with --client-id, if the provider "
                       "issued one (never printed)."),
        QStringLiteral("secret"));
    const QCommandLineOption trackElsewhere(
        QStringLiteral("track-sent-elsewhere"),
        QStringLiteral("Track mail that another program put into the Sent folder: on or off."),
        QStringLiteral("on|off"));
    const QCommandLineOption elsewhereDays(
        QStringLiteral("sent-elsewhere-days"),
        QStringLiteral("Track such mail of the last <n> days (at least 1; default 30)."), QStringLiteral("n"));
    parser.addOptions({receipts, folder, signatureFile, offlineDays, trackElsewhere, elsewhereDays, clientId, clientSecret});
    parser.addPositionalArgument(QStringLiteral("name"), QStringLiteral("The account's name."),
                                 QStringLiteral("NAME"));
    if (int code = 0; !parseSub(context, parser, arguments, kSetUsage, &code))
        return code;
    if (parser.positionalArguments().size() != 1
        || (!parser.isSet(receipts) && !parser.isSet(folder) && !parser.isSet(signatureFile)
            && !parser.isSet(offlineDays) && !parser.isSet(trackElsewhere) && !parser.isSet(elsewhereDays)
            && !parser.isSet(clientId) && !parser.isSet(clientSecret)))
        return usage(context, QStringLiteral("account set needs NAME and --read-receipts, --receipts-folder, "
                                             "--signature-file, --offline-days, --track-sent-elsewhere, "
                                             "--sent-elsewhere-days or --client-id"));
    const QString newClientId = parser.value(clientId).trimmed();
    if (parser.isSet(clientSecret) && !parser.isSet(clientId))
        return usage(context, QStringLiteral("--client-secret goes with --client-id"));
    if (parser.isSet(clientSecret) && newClientId.isEmpty())
        return usage(context, QStringLiteral("--client-secret needs a client ID (--client-id \"\" goes back to the built-in client)"));
    QString signature;
    if (parser.isSet(signatureFile)) {
        QString error;
        if (!readSignatureFile(parser.value(signatureFile), &signature, &error))
            return usage(context, QStringLiteral("--signature-file: %1").arg(error));
    }
    bool daysOk = true;
    const int days = parser.isSet(offlineDays) ? parser.value(offlineDays).toInt(&daysOk) : 0;
    if (!daysOk || days < 0)
        return usage(context, QStringLiteral("--offline-days needs a number of days (0: headers only)"));
    std::optional<bool> trackOn;
    if (parser.isSet(trackElsewhere)) {
        const QString value = parser.value(trackElsewhere);
        if (value != QLatin1String("on") && value != QLatin1String("off"))
            return usage(context, QStringLiteral("--track-sent-elsewhere must be on or off"));
        trackOn = value == QLatin1String("on");
    }
    std::optional<int> trackDays;
    if (parser.isSet(elsewhereDays)) {
        bool ok = false;
        const int n = parser.value(elsewhereDays).toInt(&ok);
        if (!ok || n < 1)
            return usage(context, QStringLiteral("--sent-elsewhere-days needs a number of days (at least 1)"));
        trackDays = n;
    }
    std::optional<Store::ReadReceipts> policy;
    if (parser.isSet(receipts)) {
        policy = Store::readReceiptsFromName(parser.value(receipts));
        if (!policy)
            return usage(context, QStringLiteral("--read-receipts must be never, ask or always"));
    }
    QString receiptsFolder;
    if (parser.isSet(folder)) {
        receiptsFolder = parser.value(folder).trimmed();
        if (receiptsFolder.isEmpty())
            return usage(context, QStringLiteral("--receipts-folder needs a folder name, or 'none'"));
        if (receiptsFolder == QLatin1String("none"))
            receiptsFolder.clear();
    }
    Store::Database db;
    if (!openDatabase(context, db))
        return 1;
    Sync::Accounts accounts(db.connection());
    auto account = accounts.find(parser.positionalArguments().first());
    if (!account) {
        context.err << "mailtrail-cli account set: no account named '" << parser.positionalArguments().first() << "'\n";
        return 1;
    }
    if (parser.isSet(clientId)) {
        if (!account->isOAuth2())
            return usage(context, QStringLiteral("--client-id is for accounts that sign in with OAuth2; '%1' signs in "
                                                 "with a password")
                                      .arg(account->name));
        account->oauthClientId = newClientId;
        account->oauthClientSecret = parser.value(clientSecret); // empty: none (or the built-in one)
    }
    if (policy)
        account->readReceipts = *policy;
    if (parser.isSet(folder))
        account->receiptsFolder = receiptsFolder;
    QString error = accounts.update(*account);
    if (error.isEmpty() && parser.isSet(signatureFile)) {
        Store::Identity own = accounts.identities(*account).constFirst();
        own.signature = signature;
        error = accounts.saveIdentity(*account, own);
    }
    if (error.isEmpty() && parser.isSet(offlineDays))
        error = accounts.setOfflineDays(*account, days);
    Sync::SentElsewhere sentElsewhere(db.connection());
    Sync::SentElsewhereSettings elsewhere = sentElsewhere.settings(account->name);
    if (error.isEmpty() && (trackOn || trackDays)) {
        elsewhere.enabled = trackOn.value_or(elsewhere.enabled);
        elsewhere.days = trackDays.value_or(elsewhere.days);
        if (!sentElsewhere.setSettings(account->name, elsewhere))
            error = sentElsewhere.lastError();
    }
    if (!error.isEmpty()) {
        context.err << "mailtrail-cli account set: " << error << "\n";
        return 1;
    }
    if (parser.isSet(offlineDays))
        context.out << "account '" << account->name << "': messages of the last " << days
                    << " days kept for offline use" << (days == 0 ? QStringLiteral(" (headers only)") : QString()) << "\n";
    if (trackOn || trackDays) {
        if (elsewhere.enabled)
            context.out << "account '" << account->name << "': mail sent from another program in the last "
                        << elsewhere.days << " days is tracked\n";
        else
            context.out << "account '" << account->name << "': mail sent from another program is not tracked\n";
    }
    if (policy)
        context.out << "account '" << account->name << "': read receipts " << Store::readReceiptsName(*policy) << "\n";
    if (parser.isSet(folder)) {
        context.out << "account '" << account->name << "': receipts folder "
                    << (receiptsFolder.isEmpty() ? QStringLiteral("none (reports stay where they are)") : receiptsFolder)
                    << "\n";
    }
    if (parser.isSet(clientId)) {
        // The secret is never printed; only whether there is one.
        context.out << "account '" << account->name << "': ";
        if (!newClientId.isEmpty()) {
            context.out << "OAuth2 client ID " << newClientId
                        << (account->oauthClientSecret.isEmpty() ? QStringLiteral(" (no client secret)")
                                                                 : QStringLiteral(" (with a client secret)"));
        } else if (const OAuth::Provider *p = OAuth::builtInProvider(account->oauthProvider);
                   p && !p->clientId.isEmpty()) {
            context.out << "the built-in OAuth2 client ID of Mailtrail for " << p->displayName;
        } else {
            context.out << "the built-in OAuth2 client ID (none is built in for "
                        << (p ? p->displayName : account->oauthProvider) << ": its sign-in will need --client-id)";
        }
        context.out << "\nif the provider refuses the sign-in: mailtrail-cli account reauth " << account->name << "\n";
    }
    if (parser.isSet(signatureFile)) {
        context.out << "account '" << account->name << "': "
                    << (Store::signatureLineCount(signature) == 0
                            ? QStringLiteral("no signature")
                            : QStringLiteral("signature of %1 lines").arg(Store::signatureLineCount(signature)))
                    << "\n";
    }
    return 0;
}

/// Finds the account NAME (the one positional argument) of `account identity …`; prints
/// why not and returns nullopt.
std::optional<Store::Account> identityAccount(Context &context, const Store::Database &db, const QString &name)
{
    auto account = Sync::Accounts(db.connection()).find(name);
    if (!account)
        context.err << "mailtrail-cli account identity: no account named '" << name << "'\n";
    return account;
}

int identityAdd(Context &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Add an identity (an address the account sends as) or change one. With the account's own\n"
        "address, sets its display name, Reply-To and signature."));
    parser.addOption(helpOption());
    const QCommandLineOption address(QStringLiteral("address"), QStringLiteral("The identity's mail address (required)."),
                                     QStringLiteral("address"));
    const QCommandLineOption displayName(QStringLiteral("display-name"),
                                         QStringLiteral("The name recipients see with this address."),
                                         QStringLiteral("name"));
    const QCommandLineOption replyTo(QStringLiteral("reply-to"),
                                     QStringLiteral("Ask for replies to <address> (Reply-To)."), QStringLiteral("address"));
    const QCommandLineOption signatureFile(QStringLiteral("signature-file"),
                                           QStringLiteral("The signature, from <file> (UTF-8 text; empty: none)."),
                                           QStringLiteral("file"));
    parser.addOptions({address, displayName, replyTo, signatureFile});
    parser.addPositionalArgument(QStringLiteral("name"), QStringLiteral("The account's name."), QStringLiteral("NAME"));
    if (int code = 0; !parseSub(context, parser, arguments, kIdentityAddUsage, &code))
        return code;
    if (parser.positionalArguments().size() != 1)
        return usage(context, QStringLiteral("account identity add needs exactly one account NAME"));
    if (!parser.isSet(address))
        return usage(context, QStringLiteral("--address is required"));
    if (!Store::isPlausibleAddress(parser.value(address).trimmed()))
        return usage(context, QStringLiteral("--address: '%1' is not a mail address").arg(parser.value(address)));
    if (parser.isSet(replyTo) && !Store::isPlausibleAddress(parser.value(replyTo).trimmed()))
        return usage(context, QStringLiteral("--reply-to: '%1' is not a mail address").arg(parser.value(replyTo)));
    QString signature;
    if (parser.isSet(signatureFile)) {
        QString error;
        if (!readSignatureFile(parser.value(signatureFile), &signature, &error))
            return usage(context, QStringLiteral("--signature-file: %1").arg(error));
    }
    Store::Database db;
    if (!openDatabase(context, db))
        return 1;
    const auto account = identityAccount(context, db, parser.positionalArguments().first());
    if (!account)
        return 1;
    Sync::Accounts accounts(db.connection());
    // Changing an identity keeps what the options do not mention.
    Store::Identity identity = accounts.identity(*account, parser.value(address)).value_or(Store::Identity());
    const bool existed = !identity.address.isEmpty();
    identity.address = existed ? identity.address : parser.value(address).trimmed();
    if (parser.isSet(displayName))
        identity.displayName = parser.value(displayName);
    if (parser.isSet(replyTo))
        identity.replyTo = parser.value(replyTo).trimmed();
    if (parser.isSet(signatureFile))
        identity.signature = signature;
    if (const QString error = accounts.saveIdentity(*account, identity); !error.isEmpty()) {
        context.err << "mailtrail-cli account identity add: " << error << "\n";
        return 1;
    }
    context.out << "account '" << account->name << "': identity " << identity.address << (existed ? " changed" : " added")
                << "\n";
    return 0;
}

int identityList(Context &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "List the identities of an account, the account's own address first, one per line: address,\n"
        "display name, Reply-To and the number of signature lines, separated by tabs."));
    parser.addOption(helpOption());
    parser.addPositionalArgument(QStringLiteral("name"), QStringLiteral("The account's name."), QStringLiteral("NAME"));
    if (int code = 0; !parseSub(context, parser, arguments, kIdentityListUsage, &code))
        return code;
    if (parser.positionalArguments().size() != 1)
        return usage(context, QStringLiteral("account identity list needs exactly one account NAME"));
    Store::Database db;
    if (!openDatabase(context, db))
        return 1;
    const auto account = identityAccount(context, db, parser.positionalArguments().first());
    if (!account)
        return 1;
    for (const Store::Identity &identity : Sync::Accounts(db.connection()).identities(*account)) {
        context.out << identity.address << "\t" << identity.displayName << "\t"
                    << (identity.replyTo.isEmpty() ? QStringLiteral("-") : identity.replyTo) << "\t"
                    << "signature " << Store::signatureLineCount(identity.signature) << " lines";
        if (identity.primary)
            context.out << "\tprimary";
        context.out << "\n";
    }
    return 0;
}

int identityRemove(Context &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Remove an identity from an account (the account's own address stays)."));
    parser.addOption(helpOption());
    const QCommandLineOption address(QStringLiteral("address"), QStringLiteral("The identity's mail address (required)."),
                                     QStringLiteral("address"));
    parser.addOption(address);
    parser.addPositionalArgument(QStringLiteral("name"), QStringLiteral("The account's name."), QStringLiteral("NAME"));
    if (int code = 0; !parseSub(context, parser, arguments, kIdentityRemoveUsage, &code))
        return code;
    if (parser.positionalArguments().size() != 1)
        return usage(context, QStringLiteral("account identity remove needs exactly one account NAME"));
    if (!parser.isSet(address))
        return usage(context, QStringLiteral("--address is required"));
    Store::Database db;
    if (!openDatabase(context, db))
        return 1;
    const auto account = identityAccount(context, db, parser.positionalArguments().first());
    if (!account)
        return 1;
    if (const QString error = Sync::Accounts(db.connection()).removeIdentity(*account, parser.value(address));
        !error.isEmpty()) {
        context.err << "mailtrail-cli account identity remove: " << error << "\n";
        return 1;
    }
    context.out << "account '" << account->name << "': identity " << parser.value(address).trimmed() << " removed\n";
    return 0;
}

int identity(Context &context, const QStringList &arguments)
{
    // arguments: "identity", SUB, …; the parser of SUB wants SUB as argument 0.
    const QStringList rest = arguments.mid(1);
    const QString sub = rest.value(0);
    if (sub == QLatin1String("add"))
        return identityAdd(context, rest);
    if (sub == QLatin1String("list"))
        return identityList(context, rest);
    if (sub == QLatin1String("remove"))
        return identityRemove(context, rest);
    if (sub.isEmpty())
        return usage(context, QStringLiteral("account identity needs add, list or remove"));
    return usage(context, QStringLiteral("unknown sub-command 'identity %1'").arg(sub));
}

} // namespace

int runAccount(Context &context)
{
    const QStringList args = context.arguments.mid(1); // drop "account"
    if (args.isEmpty())
        return usage(context, QStringLiteral("missing sub-command"));
    const QString sub = args.first();
    QStringList subArgs = args; // argument 0 is the sub-command, as QCommandLineParser expects
    if (sub == QLatin1String("add"))
        return add(context, subArgs);
    if (sub == QLatin1String("list"))
        return list(context, subArgs);
    if (sub == QLatin1String("remove"))
        return remove(context, subArgs);
    if (sub == QLatin1String("set"))
        return set(context, subArgs);
    if (sub == QLatin1String("identity"))
        return identity(context, subArgs);
    if (sub == QLatin1String("reauth"))
        return reauth(context, subArgs);
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        QCommandLineParser parser;
        parser.setApplicationDescription(QStringLiteral(
            "Add, list, change or remove mail accounts.\n"
            "  add     add an account\n"
            "  list    list the accounts\n"
            "  remove  remove an account\n"
            "  set     change an account's settings\n"
            "  identity add|list|remove  the addresses an account sends as\n"
            "  reauth  sign an OAuth2 account in again\n"
            "Run 'mailtrail-cli account SUB-COMMAND --help' for a sub-command's options."));
        parser.addOption(helpOption());
        parser.addPositionalArgument(QStringLiteral("sub-command"),
                                     QStringLiteral("add, list, remove, set, identity or reauth."),
                                     QStringLiteral("SUB-COMMAND [options]"));
        context.out << commandHelp(parser, allUsage());
        return 0;
    }
    return usage(context, QStringLiteral("unknown sub-command '%1'").arg(sub));
}

} // namespace Mailtrail::Cli
