// SPDX-License-Identifier: GPL-3.0-or-later
// Search benchmark (issue 17), run by hand:
//
//   build/tests/bench/bench_search [COUNT] [--keep DIR] [--skip-notmuch]
//
// Writes a realistic mailbox of COUNT (default 100,000) messages with bodies as a Maildir: a
// Zipf-distributed vocabulary (so common and rare words exist) drawn from three languages
// (English, German with umlauts, French with accents), 2,000 correspondents, conversations
// with Re: subjects and References, some HTML bodies and attachments, dates over three years.
// Then, in the same run, indexes it
//   (m) with Mailtrail: headers into the cache, bodies stored and their text indexed (FTS5);
//   (n) with notmuch (`notmuch new`, Xapian), the reference;
// and runs 200 queries in 6 classes (rare word, common word, two-word AND, phrase, prefix,
// field + date range) on both, newest 50 first, in process (notmuch through libnotmuch,
// loaded at run time). Prints index build time, messages/s, index size, the size of the text
// indexed, and p50/p95 latency per class for both, with the ratios. Mailtrail's queries run on
// the index as the product leaves it: after the idle maintenance the GUI runs
// (Search::IndexMaintainer), whose segment count and time are printed; the same queries on
// the index before it, as the batches left it, are printed last. Asserts nothing.
#include "search/Index.h"
#include "search/IndexMaintainer.h"
#include "search/LocalSearch.h"
#include "search/Query.h"
#include "store/AccountRepository.h"
#include "store/Database.h"
#include "store/FolderRepository.h"
#include "store/MessageRecord.h"
#include "store/MessageRepository.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimeZone>

#include <dlfcn.h>
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace Mailtrail;

namespace {

double ms(qint64 ns)
{
    return double(ns) / 1e6;
}

/// CPU seconds (user + system) of this process, or of its waited-for children.
double cpuSeconds(int who)
{
    rusage usage{};
    getrusage(who, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

/// CPU time of the calling thread, in ms: query latencies that a loaded machine does not
/// inflate (the machine these run on is shared).
double threadCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

double loadAverage()
{
    double load[1] = {0};
    return getloadavg(load, 1) == 1 ? load[0] : -1;
}

/// Pseudo-words that look like three languages: syllables per language, some with
/// diacritics. Deterministic.
QStringList makeVocabulary(int size, QRandomGenerator &random)
{
    const QStringList english{QStringLiteral("ba"), QStringLiteral("con"), QStringLiteral("ter"), QStringLiteral("ing"), QStringLiteral("re"),
                              QStringLiteral("port"), QStringLiteral("ment"), QStringLiteral("al"), QStringLiteral("pro"), QStringLiteral("ject"),
                              QStringLiteral("vo"), QStringLiteral("ice"), QStringLiteral("sta"), QStringLiteral("tion"), QStringLiteral("ly"),
                              QStringLiteral("mar"), QStringLiteral("ket"), QStringLiteral("de"), QStringLiteral("sign"), QStringLiteral("er")};
    const QStringList german{QStringLiteral("ge"), QStringLiteral("schä"), QStringLiteral("ung"), QStringLiteral("keit"), QStringLiteral("über"),
                             QStringLiteral("rech"), QStringLiteral("nung"), QStringLiteral("grü"), QStringLiteral("ße"), QStringLiteral("mül"),
                             QStringLiteral("ler"), QStringLiteral("haus"), QStringLiteral("ver"), QStringLiteral("trag"), QStringLiteral("bö"),
                             QStringLiteral("zu"), QStringLiteral("lich"), QStringLiteral("an"), QStringLiteral("schrift"), QStringLiteral("en")};
    const QStringList french{QStringLiteral("é"), QStringLiteral("té"), QStringLiteral("li"), QStringLiteral("vrai"), QStringLiteral("son"),
                             QStringLiteral("fac"), QStringLiteral("tu"), QStringLiteral("re"), QStringLiteral("ça"), QStringLiteral("mè"),
                             QStringLiteral("ne"), QStringLiteral("ment"), QStringLiteral("pré"), QStringLiteral("voir"), QStringLiteral("dé"),
                             QStringLiteral("part"), QStringLiteral("ou"), QStringLiteral("ver"), QStringLiteral("ture"), QStringLiteral("ès")};
    const QList<const QStringList *> languages{&english, &german, &french};
    QSet<QString> seen;
    QStringList words;
    while (words.size() < size) {
        const QStringList &syllables = *languages.at(words.size() % 3);
        const int parts = 1 + int(random.bounded(4));
        QString word;
        for (int i = 0; i < parts; ++i)
            word += syllables.at(int(random.bounded(syllables.size())));
        if (word.size() < 3 || seen.contains(word))
            continue;
        seen.insert(word);
        words.append(word);
    }
    return words;
}

/// Samples ranks 0..n-1 with probability ~ 1/(rank+1)^s.
class Zipf
{
public:
    Zipf(int n, double s)
    {
        m_cdf.reserve(n);
        double sum = 0;
        for (int i = 0; i < n; ++i) {
            sum += 1.0 / std::pow(i + 1, s);
            m_cdf.append(sum);
        }
        for (double &c : m_cdf)
            c /= sum;
    }
    int sample(QRandomGenerator &random) const
    {
        const double u = random.generateDouble();
        return int(std::lower_bound(m_cdf.cbegin(), m_cdf.cend(), u) - m_cdf.cbegin());
    }

private:
    QList<double> m_cdf;
};

struct Generated
{
    int count = 0;
    QStringList phrases;        ///< two-word phrases that occur in bodies
    QStringList people;         ///< local parts of senders
    qint64 bytes = 0;
};

Generated writeMaildir(const QString &root, int count, const QStringList &vocabulary)
{
    QRandomGenerator random(20261206);
    const Zipf zipf(int(vocabulary.size()), 1.07);
    QDir().mkpath(root + QStringLiteral("/cur"));
    QDir().mkpath(root + QStringLiteral("/new"));
    QDir().mkpath(root + QStringLiteral("/tmp"));
    Generated g;
    for (int i = 0; i < 2000; ++i)
        g.people.append(vocabulary.at(200 + i) + QString::number(i));
    const qint64 start = QDateTime(QDate(2023, 12, 1), QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
    const qint64 span = 3LL * 365 * 24 * 3600;
    QList<qint64> dates;
    for (int i = 0; i < count; ++i)
        dates.append(start + qint64(random.bounded(quint32(span / 60))) * 60 + random.bounded(60));
    std::sort(dates.begin(), dates.end()); // Maildir order roughly follows arrival
    QString threadSubject;
    QString threadRoot;
    int threadLeft = 0;
    for (int i = 0; i < count; ++i) {
        const auto word = [&] { return vocabulary.at(zipf.sample(random)); };
        QString subject;
        QByteArray threading;
        const QString id = QStringLiteral("<m%1@bench.example>").arg(i);
        if (threadLeft > 0) {
            --threadLeft;
            subject = QStringLiteral("Re: ") + threadSubject;
            threading = "In-Reply-To: " + threadRoot.toUtf8() + "\nReferences: " + threadRoot.toUtf8() + "\n";
        } else {
            QStringList words;
            const int n = 2 + int(random.bounded(6));
            for (int w = 0; w < n; ++w)
                words.append(word());
            subject = words.join(u' ');
            subject[0] = subject[0].toUpper();
            if (random.bounded(4) == 0) {
                threadSubject = subject;
                threadRoot = id;
                threadLeft = 1 + int(random.bounded(8));
            }
        }
        const QString from = g.people.at(int(random.bounded(g.people.size())));
        const QString to = g.people.at(int(random.bounded(g.people.size())));
        QStringList body;
        const int words = 30 + int(random.bounded(270));
        for (int w = 0; w < words; ++w) {
            body.append(word());
            if (w % 12 == 11)
                body.last() += QLatin1String(".\n");
        }
        if (i % 50 == 0)
            g.phrases.append(body.at(3).trimmed() + u' ' + body.at(4).trimmed());
        const QString text = body.join(u' ');
        const QByteArray date = QDateTime::fromSecsSinceEpoch(dates.at(i), Qt::UTC).toString(Qt::RFC2822Date).toUtf8();
        QByteArray mail = "From: " + from.toUtf8() + " <" + from.toUtf8() + "@bench.example>\nTo: " + to.toUtf8() + " <"
            + to.toUtf8() + "@bench.example>\nSubject: =?UTF-8?B?" + subject.toUtf8().toBase64() + "?=\nDate: " + date
            + "\nMessage-ID: " + id.toUtf8() + "\n" + threading + "MIME-Version: 1.0\n";
        if (i % 10 == 3) {
            mail += "Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n<html><body><p>"
                + text.toHtmlEscaped().toUtf8() + "</p></body></html>\n";
        } else if (i % 20 == 7) {
            mail += "Content-Type: multipart/mixed; boundary=\"bb\"\n\n--bb\nContent-Type: text/plain; charset=utf-8\n"
                    "Content-Transfer-Encoding: 8bit\n\n" + text.toUtf8() + "\n--bb\nContent-Type: application/pdf; name=\""
                + word().toUtf8() + ".pdf\"\nContent-Disposition: attachment; filename=\"" + word().toUtf8()
                + ".pdf\"\nContent-Transfer-Encoding: base64\n\nJVBERi0xLjQK\n--bb--\n";
        } else {
            mail += "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n" + text.toUtf8() + "\n";
        }
        QFile file(root + QStringLiteral("/cur/%1.bench:2,S").arg(i));
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write the Maildir");
        file.write(mail);
        g.bytes += mail.size();
    }
    g.count = count;
    return g;
}

struct Query
{
    QString cls;
    QString mailtrail;
    QString notmuch;
};

QList<Query> makeQueries(const Generated &g, const QStringList &vocabulary)
{
    QRandomGenerator random(7);
    QList<Query> queries;
    const auto add = [&](const QString &cls, const QString &m, const QString &n) { queries.append({cls, m, n}); };
    for (int i = 0; i < 34; ++i) {
        const QString rare = vocabulary.at(5000 + int(random.bounded(vocabulary.size() - 5000)));
        add(QStringLiteral("rare word"), rare, rare);
    }
    for (int i = 0; i < 34; ++i) {
        const QString common = vocabulary.at(int(random.bounded(30)));
        add(QStringLiteral("common word"), common, common);
    }
    for (int i = 0; i < 33; ++i) {
        const QString a = vocabulary.at(50 + int(random.bounded(500)));
        const QString b = vocabulary.at(50 + int(random.bounded(500)));
        add(QStringLiteral("two-word AND"), a + u' ' + b, a + QStringLiteral(" and ") + b);
    }
    for (int i = 0; i < 33; ++i) {
        QString phrase = g.phrases.at(int(random.bounded(g.phrases.size())));
        phrase.remove(u'.');
        add(QStringLiteral("phrase"), u'"' + phrase + u'"', u'"' + phrase + u'"');
    }
    for (int i = 0; i < 33; ++i) {
        const QString word = vocabulary.at(100 + int(random.bounded(2000)));
        const QString prefix = word.left(std::max<qsizetype>(3, word.size() - 2));
        add(QStringLiteral("prefix"), prefix + u'*', prefix + u'*');
    }
    for (int i = 0; i < 33; ++i) {
        const QString person = g.people.at(int(random.bounded(g.people.size())));
        const int month = 1 + int(random.bounded(6));
        add(QStringLiteral("field + date"),
            QStringLiteral("from:%1 date:2025-%2..2025-%3").arg(person).arg(month, 2, 10, QLatin1Char('0')).arg(month + 5, 2, 10, QLatin1Char('0')),
            QStringLiteral("from:%1@bench.example and date:2025-%2-01..2025-%3-30")
                .arg(person).arg(month, 2, 10, QLatin1Char('0')).arg(month + 5, 2, 10, QLatin1Char('0')));
    }
    return queries;
}

/// libnotmuch 5 (notmuch 0.37), loaded at run time: Debian ships no headers without -dev.
struct Notmuch
{
    using OpenWithConfig = int (*)(const char *, int, const char *, const char *, void **, char **);
    using QueryCreate = void *(*)(void *, const char *);
    using QuerySetSort = void (*)(void *, int);
    using QuerySearch = int (*)(void *, void **);
    using Valid = int (*)(void *);
    using Get = void *(*)(void *);
    using Next = void (*)(void *);
    using Destroy = void (*)(void *);
    OpenWithConfig open = nullptr;
    QueryCreate create = nullptr;
    QuerySetSort setSort = nullptr;
    QuerySearch search = nullptr;
    Valid valid = nullptr;
    Get get = nullptr;
    Next next = nullptr;
    Destroy destroyMessage = nullptr;
    Destroy destroyQuery = nullptr;
    void *db = nullptr;

    bool load(const QString &config)
    {
        void *lib = dlopen("libnotmuch.so.5", RTLD_NOW);
        if (!lib)
            return false;
        open = reinterpret_cast<OpenWithConfig>(dlsym(lib, "notmuch_database_open_with_config"));
        create = reinterpret_cast<QueryCreate>(dlsym(lib, "notmuch_query_create"));
        setSort = reinterpret_cast<QuerySetSort>(dlsym(lib, "notmuch_query_set_sort"));
        search = reinterpret_cast<QuerySearch>(dlsym(lib, "notmuch_query_search_messages"));
        valid = reinterpret_cast<Valid>(dlsym(lib, "notmuch_messages_valid"));
        get = reinterpret_cast<Get>(dlsym(lib, "notmuch_messages_get"));
        next = reinterpret_cast<Next>(dlsym(lib, "notmuch_messages_move_to_next"));
        destroyMessage = reinterpret_cast<Destroy>(dlsym(lib, "notmuch_message_destroy"));
        destroyQuery = reinterpret_cast<Destroy>(dlsym(lib, "notmuch_query_destroy"));
        if (!open || !create || !setSort || !search || !valid || !get || !next || !destroyMessage || !destroyQuery)
            return false;
        char *error = nullptr;
        const QByteArray path = config.toLocal8Bit();
        return open(nullptr, 0 /* read-only */, path.constData(), nullptr, &db, &error) == 0 && db;
    }

    /// The newest @p limit matches; returns how many.
    int run(const QString &query, int limit) const
    {
        void *q = create(db, query.toUtf8().constData());
        setSort(q, 1 /* NOTMUCH_SORT_NEWEST_FIRST */);
        void *messages = nullptr;
        int n = 0;
        if (search(q, &messages) == 0) {
            for (; valid(messages) && n < limit; next(messages)) {
                destroyMessage(get(messages));
                ++n;
            }
        }
        destroyQuery(q);
        return n;
    }
};

qint64 directorySize(const QString &path)
{
    qint64 size = 0;
    QDirIterator it(path, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        size += it.fileInfo().size();
    }
    return size;
}

struct Latencies
{
    QList<double> values;
    double percentile(double p) const
    {
        QList<double> sorted = values;
        std::sort(sorted.begin(), sorted.end());
        if (sorted.isEmpty())
            return 0;
        return sorted.at(std::min<qsizetype>(sorted.size() - 1, qsizetype(p * double(sorted.size()))));
    }
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int count = args.size() > 1 && args.at(1).toInt() > 0 ? args.at(1).toInt() : 100000;
    QTemporaryDir temp;
    QString root = temp.path();
    if (const qsizetype keep = args.indexOf(QStringLiteral("--keep")); keep > 0 && keep + 1 < args.size()) {
        root = args.at(keep + 1);
        QDir().mkpath(root);
    }
    const QString maildir = root + QStringLiteral("/mail");

    QRandomGenerator vocabularyRandom(42);
    const QStringList vocabulary = makeVocabulary(60000, vocabularyRandom);
    QElapsedTimer timer;
    timer.start();
    const Generated generated = writeMaildir(maildir, count, vocabulary);
    std::printf("load average (1 min) at the start: %.2f\n", loadAverage());
    std::printf("mailbox: %d messages, %.1f MB, written in %.1f s (%s)\n", generated.count,
                double(generated.bytes) / 1e6, ms(timer.nsecsElapsed()) / 1000, qPrintable(maildir));

    // (m) Mailtrail: every message's headers into the cache, its body stored and indexed.
    Store::Database database;
    if (const QString e = database.open(root + QStringLiteral("/mailtrail.sqlite")); !e.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(e));
        return 1;
    }
    QSqlDatabase db = database.connection();
    Store::Account account;
    account.name = QStringLiteral("bench");
    account.email = QStringLiteral("bench@bench.example");
    account.userName = account.email;
    account.imap = {QStringLiteral("127.0.0.1"), 993, Store::Security::Tls};
    account.smtp = {QStringLiteral("127.0.0.1"), 587, Store::Security::StartTls};
    (void)Store::AccountRepository(db).add(account);
    Store::Folder folder;
    folder.accountId = account.id;
    folder.name = QStringLiteral("INBOX");
    folder.wireName = "INBOX";
    (void)Store::FolderRepository(db).upsert(folder);
    QStringList files = QDir(maildir + QStringLiteral("/cur")).entryList(QDir::Files);
    std::sort(files.begin(), files.end(), [](const QString &a, const QString &b) {
        return a.section(u'.', 0, 0).toInt() < b.section(u'.', 0, 0).toInt();
    });
    timer.restart();
    const double mailtrailCpuStart = cpuSeconds(RUSAGE_SELF);
    Store::MessageRepository messages(db);
    constexpr int batch = 1000;
    double readCpu = 0; // reading the files and parsing their headers (what a sync's FETCH parsing does)
    double rowsCpu = 0; // the cache rows (headers into the index)
    double bodiesCpu = 0; // the bodies stored, their text extracted and indexed
    for (qsizetype first = 0; first < files.size(); first += batch) {
        double phase = threadCpuMs();
        Store::Transaction transaction(db);
        QList<Store::CacheRow> rows;
        QList<QByteArray> raws;
        for (qsizetype i = first; i < std::min<qsizetype>(first + batch, files.size()); ++i) {
            QFile file(maildir + QStringLiteral("/cur/") + files.at(i));
            if (!file.open(QIODevice::ReadOnly))
                continue;
            QByteArray raw = file.readAll();
            raw.replace("\n", "\r\n");
            Store::CacheRow row;
            row.uid = quint32(i + 1);
            row.size = quint32(raw.size());
            row.seen = true;
            const qsizetype headerEnd = raw.indexOf("\r\n\r\n");
            Store::fillFromHeaders(row, QByteArrayView(raw).first(headerEnd + 2));
            const qsizetype dateAt = raw.indexOf("\r\nDate: ");
            row.date = QDateTime::fromString(QString::fromLatin1(raw.mid(dateAt + 8, raw.indexOf('\r', dateAt + 8) - dateAt - 8)),
                                             Qt::RFC2822Date).toSecsSinceEpoch();
            rows.append(row);
            raws.append(raw);
        }
        readCpu += threadCpuMs() - phase;
        phase = threadCpuMs();
        if (const QString e = messages.upsert(folder.id, rows); !e.isEmpty()) {
            std::fprintf(stderr, "%s\n", qPrintable(e));
            return 1;
        }
        rowsCpu += threadCpuMs() - phase;
        phase = threadCpuMs();
        QSqlQuery ids(db);
        ids.prepare(QStringLiteral("SELECT id FROM messages WHERE folder_id = ? AND uid = ?"));
        QList<std::pair<qint64, QByteArray>> bodies;
        for (qsizetype i = 0; i < rows.size(); ++i) {
            ids.bindValue(0, folder.id);
            ids.bindValue(1, rows.at(i).uid);
            if (!ids.exec() || !ids.next())
                continue;
            bodies.append({ids.value(0).toLongLong(), raws.at(i)});
            ids.finish();
        }
        // As Search::OfflineBodies stores a downloaded batch.
        if (const QString e = messages.storeBodies(bodies); !e.isEmpty()) {
            std::fprintf(stderr, "%s\n", qPrintable(e));
            return 1;
        }
        if (!transaction.commit())
            return 1;
        bodiesCpu += threadCpuMs() - phase;
    }
    const double mailtrailSeconds = ms(timer.nsecsElapsed()) / 1000;
    const double mailtrailCpu = cpuSeconds(RUSAGE_SELF) - mailtrailCpuStart;
    // The same queries on the index as the batches left it (several FTS5 segments), before
    // the product's idle maintenance merges them.
    QMap<QString, Latencies> unmergedCpu;
    const int segmentsIndexed = Search::Index(db).status().segments;
    {
        std::printf("index as the batches left it: %d segments\n", segmentsIndexed);
        Search::LocalSearch search(db);
        Search::Scope scope;
        scope.limit = 50;
        for (const Query &q : makeQueries(generated, vocabulary)) {
            const double cpu = threadCpuMs();
            const Search::ParsedQuery parsed = Search::parseQuery(q.mailtrail, QDate(2026, 12, 6));
            if (parsed.ok())
                (void)search.run(*parsed.root, scope);
            unmergedCpu[q.cls].values.append(threadCpuMs() - cpu);
        }
    }
    // What the GUI does once the profile is idle after a sync and the offline download
    // (Search::IndexMaintainer, as Sync::AccountSessions runs it: its own thread and
    // connection, one short transaction per step), without its quiet period and pauses.
    timer.restart();
    const double maintenanceCpuStart = cpuSeconds(RUSAGE_SELF);
    int maintenanceSteps = 0;
    {
        Search::IndexMaintainer maintainer(database.connection().databaseName());
        maintainer.setQuietPeriod(0);
        maintainer.setPause(0);
        QEventLoop loop;
        QObject::connect(&maintainer, &Search::IndexMaintainer::idle, &loop,
                         [&](const Search::IndexSegments &, const QString &error) {
                             if (!error.isEmpty())
                                 std::fprintf(stderr, "index maintenance: %s\n", qPrintable(error));
                             loop.quit();
                         });
        maintainer.indexChanged();
        loop.exec();
        maintenanceSteps = maintainer.steps();
    }
    const double maintenanceSeconds = ms(timer.nsecsElapsed()) / 1000;
    const double maintenanceCpu = cpuSeconds(RUSAGE_SELF) - maintenanceCpuStart;
    const Search::IndexStatus status = Search::Index(db).status();
    std::printf("idle maintenance: %d steps, %.1f s (%.1f s CPU); the index as the product leaves it: %d segments\n",
                maintenanceSteps, maintenanceSeconds, maintenanceCpu, status.segments);

    // (n) notmuch on the same Maildir.
    const QString config = root + QStringLiteral("/notmuch-config");
    {
        QFile file(config);
        if (!file.open(QIODevice::WriteOnly))
            return 1;
        file.write("[database]\npath=" + maildir.toUtf8() + "\n[user]\nname=Bench\nprimary_email=bench@bench.example\n"
                   "[new]\ntags=\n[maildir]\nsynchronize_flags=false\n[search]\nexclude_tags=\n");
    }
    const bool skipNotmuch = args.contains(QStringLiteral("--skip-notmuch"));
    QProcess notmuchNew;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("NOTMUCH_CONFIG"), config);
    notmuchNew.setProcessEnvironment(env);
    timer.restart();
    bool notmuchOk = false;
    if (!skipNotmuch) {
        notmuchNew.start(QStringLiteral("notmuch"), {QStringLiteral("new"), QStringLiteral("--quiet")});
        notmuchOk = notmuchNew.waitForFinished(-1) && notmuchNew.exitCode() == 0;
    }
    const double notmuchSeconds = ms(timer.nsecsElapsed()) / 1000;
    const double notmuchCpu = cpuSeconds(RUSAGE_CHILDREN);
    if (!notmuchOk && !skipNotmuch)
        std::fprintf(stderr, "notmuch new failed: %s\n", notmuchNew.readAllStandardError().constData());
    const qint64 notmuchBytes = directorySize(maildir + QStringLiteral("/.notmuch"));
    Notmuch notmuch;
    const bool notmuchLoaded = notmuchOk && notmuch.load(config);

    std::printf("\n%-28s %14s %14s %8s\n", "", "mailtrail", "notmuch", "ratio");
    std::printf("%-28s %12.1f s %12.1f s %8.2f\n", "index build", mailtrailSeconds, notmuchSeconds,
                mailtrailSeconds / notmuchSeconds);
    std::printf("%-28s %12.1f s %12.1f s %8.2f\n", "index build, CPU", mailtrailCpu, notmuchCpu, mailtrailCpu / notmuchCpu);
    std::printf("%-28s %12.0f/s %12.0f/s\n", "messages indexed", count / mailtrailSeconds, count / notmuchSeconds);
    std::printf("%-28s %12.1f s (reading files and headers %.1f s, cache rows %.1f s, bodies and their text %.1f s)\n",
                "  of which (thread CPU)", (readCpu + rowsCpu + bodiesCpu) / 1000, readCpu / 1000, rowsCpu / 1000,
                bodiesCpu / 1000);
    std::printf("%-28s %12.0f/s %12.0f/s\n", "messages per CPU second", count / mailtrailCpu, count / notmuchCpu);
    std::printf("%-28s %11.1f MB %11.1f MB %8.2f\n", "index size", double(status.indexBytes) / 1e6,
                double(notmuchBytes) / 1e6, double(status.indexBytes) / double(notmuchBytes));
    std::printf("%-28s %11.1f MB   (index / text: %.2f)\n", "text indexed", double(status.textBytes) / 1e6,
                double(status.indexBytes) / double(status.textBytes));
    std::printf("%-28s %14d   (as indexed: %d; idle maintenance %.1f s, %.1f s CPU)\n", "index segments",
                status.segments, segmentsIndexed, maintenanceSeconds, maintenanceCpu);

    // 200 queries, newest 50 each.
    const QList<Query> queries = makeQueries(generated, vocabulary);
    QMap<QString, Latencies> mailtrailTimes;
    QMap<QString, Latencies> notmuchTimes;
    QMap<QString, Latencies> mailtrailCpuTimes;
    QMap<QString, Latencies> notmuchCpuTimes;
    QMap<QString, qint64> mailtrailHits;
    QMap<QString, qint64> notmuchHits;
    QMap<QString, QList<std::pair<double, QString>>> slowest; // per class: (CPU ms, query), the worst three
    Search::LocalSearch search(db);
    Search::Scope scope;
    scope.limit = 50;
    QStringList order;
    for (const Query &q : queries) {
        if (!order.contains(q.cls))
            order.append(q.cls);
        QElapsedTimer t;
        t.start();
        double cpu = threadCpuMs();
        const Search::ParsedQuery parsed = Search::parseQuery(q.mailtrail, QDate(2026, 12, 6));
        if (!parsed.ok()) {
            std::fprintf(stderr, "query %s: %s\n", qPrintable(q.mailtrail), qPrintable(parsed.error.message));
            continue;
        }
        const Search::SearchResult result = search.run(*parsed.root, scope);
        mailtrailTimes[q.cls].values.append(ms(t.nsecsElapsed()));
        mailtrailCpuTimes[q.cls].values.append(threadCpuMs() - cpu);
        mailtrailHits[q.cls] += result.hits.size();
        QList<std::pair<double, QString>> &worst = slowest[q.cls];
        worst.append({mailtrailCpuTimes[q.cls].values.last(), q.mailtrail});
        std::sort(worst.begin(), worst.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
        if (worst.size() > 3)
            worst.removeLast();
        if (!result.error.isEmpty())
            std::fprintf(stderr, "query %s: %s\n", qPrintable(q.mailtrail), qPrintable(result.error));
        if (notmuchLoaded) {
            t.restart();
            cpu = threadCpuMs();
            notmuchHits[q.cls] += notmuch.run(q.notmuch, 50);
            notmuchTimes[q.cls].values.append(ms(t.nsecsElapsed()));
            notmuchCpuTimes[q.cls].values.append(threadCpuMs() - cpu);
        }
    }
    std::printf("\n%-16s %6s %21s %21s %14s\n", "query class", "count", "mailtrail p50/p95 ms", "notmuch p50/p95 ms",
                "hits m/n");
    for (const QString &cls : std::as_const(order)) {
        const Latencies &m = mailtrailTimes[cls];
        const Latencies &n = notmuchTimes[cls];
        std::printf("%-16s %6lld %10.2f %10.2f %10.2f %10.2f %7lld/%lld\n", qPrintable(cls), qint64(m.values.size()),
                    m.percentile(0.5), m.percentile(0.95), n.percentile(0.5), n.percentile(0.95),
                    mailtrailHits[cls], notmuchHits[cls]);
    }
    std::printf("\n%-16s %6s %21s %21s   (CPU time of the querying thread)\n", "query class", "count",
                "mailtrail p50/p95 ms", "notmuch p50/p95 ms");
    for (const QString &cls : std::as_const(order)) {
        const Latencies &m = mailtrailCpuTimes[cls];
        const Latencies &n = notmuchCpuTimes[cls];
        std::printf("%-16s %6lld %10.2f %10.2f %10.2f %10.2f\n", qPrintable(cls), qint64(m.values.size()), m.percentile(0.5),
                    m.percentile(0.95), n.percentile(0.5), n.percentile(0.95));
    }
    std::printf("\nslowest mailtrail queries (CPU ms):\n");
    for (const QString &cls : std::as_const(order)) {
        std::printf("  %-16s", qPrintable(cls));
        for (const auto &[cpuMs, text] : std::as_const(slowest[cls]))
            std::printf("  %.2f %s", cpuMs, qPrintable(text));
        std::printf("\n");
    }
    std::printf("\n%-16s %6s %21s   (CPU, as the batches left the index: %d segments, before the idle maintenance)\n",
                "query class", "count", "mailtrail p50/p95 ms", segmentsIndexed);
    for (const QString &cls : std::as_const(order)) {
        const Latencies &m = unmergedCpu[cls];
        std::printf("%-16s %6lld %10.2f %10.2f\n", qPrintable(cls), qint64(m.values.size()), m.percentile(0.5),
                    m.percentile(0.95));
    }
    std::printf("\nload average (1 min) at the end: %.2f\n", loadAverage());
    if (!notmuchLoaded)
        std::printf("(notmuch queries not run: libnotmuch.so.5 could not be loaded or opened)\n");
    return 0;
}
