// SPDX-License-Identifier: GPL-3.0-or-later
// `mailtrail-cli search QUERY [--account NAME] [--folder F] [--limit N] [--offline] [--json]
// [--password-stdin]`, `search --save NAME QUERY`, `search --saved [--json]` and
// `mailtrail-cli index status|rebuild [--account NAME]` (issue 17).
#include "CommandHelp.h"
#include "Commands.h"
#include "OutboxSupport.h"

#include "search/Index.h"
#include "search/IndexMaintenance.h"
#include "search/LocalSearch.h"
#include "search/Query.h"
#include "search/SavedSearches.h"
#include "search/ServerSearch.h"
#include "store/AccountRepository.h"
#include "store/Database.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>

namespace Mailtrail::Cli {

namespace {

QString localTime(const QDateTime &time)
{
    return time.isValid() ? time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QStringLiteral("(no date)        ");
}

QString sender(const Search::Hit &hit)
{
    if (hit.fromName.isEmpty())
        return hit.fromAddress;
    if (hit.fromAddress.isEmpty())
        return hit.fromName;
    return hit.fromName + QStringLiteral(" <") + hit.fromAddress + u'>';
}

QJsonObject hitJson(const Search::Hit &hit)
{
    QJsonObject o;
    o.insert(QStringLiteral("account"), hit.account);
    o.insert(QStringLiteral("folder"), hit.folder);
    o.insert(QStringLiteral("uid"), qint64(hit.uid));
    o.insert(QStringLiteral("message_id"), hit.messageId);
    o.insert(QStringLiteral("date"), hit.date.isValid() ? hit.date.toUTC().toString(Qt::ISODate) : QString());
    o.insert(QStringLiteral("from"), sender(hit));
    o.insert(QStringLiteral("subject"), hit.subject);
    o.insert(QStringLiteral("where"), hit.where == Search::Where::Local ? QStringLiteral("local") : QStringLiteral("server"));
    o.insert(QStringLiteral("seen"), hit.seen);
    return o;
}

/// `search --saved` (list) and `search --save NAME QUERY`.
int runSavedSearches(Context &context, const QCommandLineParser &parser, const QString &saveAs, bool json,
                     const QStringList &usage)
{
    const QString query = parser.positionalArguments().join(u' ').trimmed();
    if (saveAs.isNull() && !query.isEmpty())
        return usageError(context, QStringLiteral("search"), QStringLiteral("--saved takes no QUERY"), usage);
    if (!saveAs.isNull() && query.isEmpty())
        return usageError(context, QStringLiteral("search"), QStringLiteral("--save needs a QUERY"), usage);
    Store::Database db;
    if (const QString error = openProfileDatabase(context.profile, db); !error.isEmpty()) {
        context.err << "mailtrail-cli search: " << error << "\n";
        return 1;
    }
    Search::SavedSearches saved(db.connection());
    if (!saveAs.isNull()) {
        if (const QString error = saved.save(saveAs, query); !error.isEmpty()) {
            context.err << "mailtrail-cli search: " << error << "\n";
            return 2;
        }
        context.out << "Saved search \"" << saveAs.trimmed() << "\": " << query << "\n";
        return 0;
    }
    for (const Search::SavedSearch &search : saved.list()) {
        if (json) {
            QJsonObject o;
            o.insert(QStringLiteral("name"), search.name);
            o.insert(QStringLiteral("query"), search.query);
            o.insert(QStringLiteral("built_in"), search.id == 0);
            context.out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) << "\n";
        } else {
            context.out << search.name << "\t" << search.query << "\n";
        }
    }
    return 0;
}

} // namespace

int runSearch(Context &context)
{
    const QStringList usage = {QStringLiteral(
        "mailtrail-cli [--profile DIR] search QUERY [--account NAME] [--folder F] [--limit N] [--offline] "
        "[--json] [--password-stdin]"), QStringLiteral("mailtrail-cli [--profile DIR] search --save NAME QUERY"),
        QStringLiteral("mailtrail-cli [--profile DIR] search --saved [--json]")};
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Find messages in all folders of all accounts, newest first: in the local index, and on the "
        "server for messages whose text is not downloaded.\n"
        "QUERY: words, \"phrases\", prefix*, from: to: cc: subject: body: filename: has:attachment "
        "is:unread|read|flagged|answered folder: account: before: after: date:2026-03..2026-05 "
        "larger: smaller: state: recipient-state:ADDRESS=STATE status:5.1.1, -term to exclude, OR, "
        "parentheses. Dates: YYYY, YYYY-MM, YYYY-MM-DD, today, yesterday, 7d, 2w, 3m, 1y."));
    const QCommandLineOption accountOption(QStringLiteral("account"), QStringLiteral("Only the account <name>."),
                                           QStringLiteral("name"));
    const QCommandLineOption folderOption(QStringLiteral("folder"), QStringLiteral("Only the folder <folder>."),
                                          QStringLiteral("folder"));
    const QCommandLineOption limitOption(QStringLiteral("limit"),
                                         QStringLiteral("At most <n> messages (default 50; 0: all)."),
                                         QStringLiteral("n"), QStringLiteral("50"));
    const QCommandLineOption offlineOption(QStringLiteral("offline"),
                                           QStringLiteral("Search the local index only; do not connect."));
    const QCommandLineOption jsonOption(
        QStringLiteral("json"),
        QStringLiteral("One JSON object per message per line, then {\"took_ms\", \"local\", \"server\"}."));
    const QCommandLineOption passwordOption(
        QStringLiteral("password-stdin"),
        QStringLiteral("Read the password from the first line of stdin instead of the keychain."));
    const QCommandLineOption saveOption(
        QStringLiteral("save"), QStringLiteral("Save QUERY as <name> (shown under Tracked in the window) instead of searching."),
        QStringLiteral("name"));
    const QCommandLineOption savedOption(QStringLiteral("saved"),
                                         QStringLiteral("List the saved searches (name, then query) instead of searching."));
    parser.addOptions({helpOption(), accountOption, folderOption, limitOption, offlineOption, jsonOption,
                       passwordOption, saveOption, savedOption});
    parser.addPositionalArgument(QStringLiteral("query"), QStringLiteral("What to search for."),
                                 QStringLiteral("QUERY"));
    if (!parser.parse(context.arguments))
        return usageError(context, QStringLiteral("search"), parser.errorText(), usage);
    if (parser.isSet(QStringLiteral("help"))) {
        context.out << commandHelp(parser, usage);
        return 0;
    }
    if (parser.isSet(savedOption) || parser.isSet(saveOption))
        return runSavedSearches(context, parser, parser.isSet(savedOption) ? QString() : parser.value(saveOption),
                                parser.isSet(jsonOption), usage);
    QElapsedTimer timer;
    timer.start();
    const QString text = parser.positionalArguments().join(u' ');
    if (text.trimmed().isEmpty())
        return usageError(context, QStringLiteral("search"), QStringLiteral("QUERY is missing"), usage);
    bool limitOk = false;
    const int limit = parser.value(limitOption).toInt(&limitOk);
    if (!limitOk || limit < 0)
        return usageError(context, QStringLiteral("search"),
                          QStringLiteral("--limit needs a number, not '%1'").arg(parser.value(limitOption)), usage);
    const Search::ParsedQuery parsed = Search::parseQuery(text, QDate::currentDate());
    if (!parsed.ok()) {
        context.err << "mailtrail-cli search: " << parsed.error.message << "\n  " << text << "\n  "
                    << QString(parsed.error.position, u' ') << "^\n";
        return 2;
    }

    Store::Database db;
    if (const QString error = openProfileDatabase(context.profile, db); !error.isEmpty()) {
        context.err << "mailtrail-cli search: " << error << "\n";
        return 1;
    }
    QList<Store::Account> accounts = Store::AccountRepository(db.connection()).list();
    if (parser.isSet(accountOption)) {
        accounts.removeIf([&](const Store::Account &a) { return a.name != parser.value(accountOption); });
        if (accounts.isEmpty()) {
            context.err << "mailtrail-cli search: no account named '" << parser.value(accountOption) << "'\n";
            return 1;
        }
    }
    Search::Index index(db.connection());
    // What a big sync left to the index (and bodies cached before their text was indexed)
    // is indexed first, so the search sees every cached message.
    if (const qint64 pending = index.pendingMessages(); pending > 0)
        context.err << "mailtrail-cli search: indexing " << pending << " messages a sync left to the index first\n";
    for (int done = 1; done > 0;) {
        if (const QString error = index.catchUp(2000, &done); !error.isEmpty()) {
            context.err << "mailtrail-cli search: " << error << "\n";
            return 1;
        }
    }

    Search::Scope scope;
    scope.account = parser.value(accountOption);
    scope.folder = parser.value(folderOption);
    scope.limit = limit;
    const Search::SearchResult local = Search::LocalSearch(db.connection()).run(*parsed.root, scope);
    if (!local.error.isEmpty()) {
        context.err << "mailtrail-cli search: " << local.error << "\n";
        return 1;
    }
    QList<Search::Hit> hits = local.hits;

    bool localOnly = parser.isSet(offlineOption);
    if (localOnly) {
        context.err << "mailtrail-cli search: searched the local index only (--offline)\n";
    } else {
        std::optional<QString> stdinPassword;
        if (parser.isSet(passwordOption)) {
            stdinPassword = accountPassword(context, Store::Account{}, true, QStringLiteral("search"));
            if (!stdinPassword)
                return 1;
        }
        QSet<qint64> seen;
        for (const Search::Hit &hit : std::as_const(hits))
            seen.insert(hit.messageRowId);
        for (const Store::Account &account : std::as_const(accounts)) {
            const std::optional<QString> password
                = stdinPassword ? stdinPassword : accountPassword(context, account, false, QStringLiteral("search"));
            if (!password) {
                localOnly = true;
                continue;
            }
            Search::ServerSearch job(account, *password, db.connection(), *parsed.root, scope);
            QObject::connect(&job, &Search::ServerSearch::certificateProblem, &job,
                             [&](const Net::CertificateProblem &problem) {
                                 context.err << "mailtrail-cli search: " << account.name << ": the certificate of "
                                             << problem.host << " is not trusted (SHA-256 "
                                             << problem.sha256.toHex() << ")\n";
                                 job.answerCertificate(Net::CertificateDecision::Reject);
                             });
            QEventLoop loop;
            Search::ServerSearchResult result;
            QObject::connect(&job, &Search::ServerSearch::finished, &loop,
                             [&](const Search::ServerSearchResult &r) {
                                 result = r;
                                 loop.quit();
                             });
            job.start();
            loop.exec();
            if (!result.unsupportedKey.isEmpty()) {
                context.err << "mailtrail-cli search: the server cannot search for " << result.unsupportedKey
                            << "; searched the local index only\n";
                localOnly = true;
                break; // the same for every account
            }
            if (!result.ok) {
                context.err << "mailtrail-cli search: " << account.name << ": "
                            << (result.offline ? QStringLiteral("server unreachable (%1); local results only")
                                                     .arg(result.error)
                                               : result.error)
                            << "\n";
                localOnly = true;
                continue;
            }
            for (const Search::Hit &hit : std::as_const(result.hits)) {
                if (hit.messageRowId != 0 && seen.contains(hit.messageRowId))
                    continue;
                hits.append(hit);
            }
        }
        std::stable_sort(hits.begin(), hits.end(), [](const Search::Hit &a, const Search::Hit &b) {
            return a.date.isValid() && (!b.date.isValid() || a.date > b.date);
        });
        if (limit > 0 && hits.size() > limit)
            hits.resize(limit);
    }

    int localCount = 0;
    int serverCount = 0;
    const bool json = parser.isSet(jsonOption);
    for (const Search::Hit &hit : std::as_const(hits)) {
        (hit.where == Search::Where::Local ? localCount : serverCount)++;
        if (json) {
            context.out << QJsonDocument(hitJson(hit)).toJson(QJsonDocument::Compact) << '\n';
            continue;
        }
        context.out << localTime(hit.date) << "  " << sender(hit) << "  "
                    << (hit.subject.isEmpty() && hit.messageRowId != 0 ? QStringLiteral("(no subject)") : hit.subject)
                    << "  " << hit.account << '/' << hit.folder;
        if (hit.where == Search::Where::Server)
            context.out << "  (server" << (hit.messageRowId == 0 ? QStringLiteral(", UID %1 not synced yet").arg(hit.uid) : QString())
                        << ')';
        context.out << '\n';
    }
    if (json) {
        QJsonObject summary;
        summary.insert(QStringLiteral("took_ms"), timer.elapsed());
        summary.insert(QStringLiteral("local"), localCount);
        summary.insert(QStringLiteral("server"), serverCount);
        summary.insert(QStringLiteral("local_only"), localOnly);
        context.out << QJsonDocument(summary).toJson(QJsonDocument::Compact) << '\n';
    } else if (hits.isEmpty()) {
        context.err << "mailtrail-cli search: nothing found\n";
    }
    return 0;
}

int runIndex(Context &context)
{
    const QStringList usage = {QStringLiteral("mailtrail-cli [--profile DIR] index status|update|rebuild [--account NAME] [--json]")};
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Show what the search index holds (status), index what it still lacks (update: the "
        "messages a first sync left to it, bodies cached before), or rebuild a damaged one from "
        "the cached messages and bodies (rebuild)."));
    const QCommandLineOption accountOption(QStringLiteral("account"), QStringLiteral("Only the account <name>."),
                                           QStringLiteral("name"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("status as one JSON object."));
    parser.addOptions({helpOption(), accountOption, jsonOption});
    parser.addPositionalArgument(QStringLiteral("verb"), QStringLiteral("status, update or rebuild."),
                                 QStringLiteral("status|update|rebuild"));
    if (!parser.parse(context.arguments))
        return usageError(context, QStringLiteral("index"), parser.errorText(), usage);
    if (parser.isSet(QStringLiteral("help"))) {
        context.out << commandHelp(parser, usage);
        return 0;
    }
    const QStringList args = parser.positionalArguments();
    const QString verb = args.value(0);
    if (args.size() != 1
        || (verb != QLatin1String("status") && verb != QLatin1String("update") && verb != QLatin1String("rebuild")))
        return usageError(context, QStringLiteral("index"), QStringLiteral("say status, update or rebuild"), usage);
    Store::Database db;
    if (const QString error = openProfileDatabase(context.profile, db); !error.isEmpty()) {
        context.err << "mailtrail-cli index: " << error << "\n";
        return 1;
    }
    const QString account = parser.value(accountOption);
    if (!account.isEmpty() && !Store::AccountRepository(db.connection()).find(account)) {
        context.err << "mailtrail-cli index: no account named '" << account << "'\n";
        return 1;
    }
    Search::Index index(db.connection());
    if (verb == QLatin1String("rebuild")) {
        QElapsedTimer timer;
        timer.start();
        if (const QString error = index.rebuild(account); !error.isEmpty()) {
            context.err << "mailtrail-cli index: " << error << "\n";
            return 1;
        }
        context.out << "rebuilt in " << QString::number(timer.elapsed() / 1000.0, 'f', 3) << " s\n";
    } else if (verb == QLatin1String("update")) {
        QElapsedTimer timer;
        timer.start();
        qint64 total = 0;
        for (int done = 1; done > 0; total += done) {
            if (const QString error = index.catchUp(2000, &done); !error.isEmpty()) {
                context.err << "mailtrail-cli index: " << error << "\n";
                return 1;
            }
        }
        // Each batch a segment or more: some merging, bounded, as after a sync.
        if (const QString error = Search::IndexMaintenance(db.connection()).mergeAfter(total); !error.isEmpty())
            context.err << "mailtrail-cli index: " << error << "\n";
        context.out << "indexed " << total << " in " << QString::number(timer.elapsed() / 1000.0, 'f', 3) << " s\n";
    }
    const Search::IndexStatus s = index.status(account);
    if (parser.isSet(jsonOption)) {
        QJsonObject o;
        o.insert(QStringLiteral("messages"), s.messages);
        o.insert(QStringLiteral("with_text"), s.withText);
        o.insert(QStringLiteral("pending_bodies"), s.pendingBodies);
        o.insert(QStringLiteral("pending_messages"), s.pendingMessages);
        o.insert(QStringLiteral("index_bytes"), s.indexBytes);
        o.insert(QStringLiteral("text_bytes"), s.textBytes);
        o.insert(QStringLiteral("segments"), s.segments);
        o.insert(QStringLiteral("healthy"), s.healthy);
        if (!s.healthy)
            o.insert(QStringLiteral("problem"), s.problem);
        context.out << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
    } else {
        context.out << "messages indexed:   " << s.messages << "\n"
                    << "with body text:     " << s.withText << "\n"
                    << "bodies pending:     " << s.pendingBodies << "\n"
                    << "messages pending:   " << s.pendingMessages << "\n"
                    << "index size:         " << s.indexBytes << " bytes\n"
                    << "text indexed:       " << s.textBytes << " bytes\n"
                    << "index segments:     " << s.segments << (s.segments > 1 ? " (merged while idle)" : "") << "\n"
                    << "state:              " << (s.healthy ? QStringLiteral("healthy")
                                                            : QStringLiteral("damaged (%1); run 'mailtrail-cli index rebuild'").arg(s.problem))
                    << "\n";
    }
    return s.healthy ? 0 : 1;
}

} // namespace Mailtrail::Cli
