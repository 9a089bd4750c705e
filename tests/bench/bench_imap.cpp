// SPDX-License-Identifier: GPL-3.0-or-later
// IMAP benchmark (issues 4 and 16), run by hand:
//
//   scripts/mailstack start --root /tmp/bench-ms     # if no stack is running
//   MAILSTACK_ENV_FILE=/tmp/bench-ms/env build/tests/bench/bench_imap [COUNT [BATCH]]
//
// Fills a folder of bob's with COUNT (default 100,000) messages written straight into the
// Maildir (MAILSTACK.md): with BENCH_IMAP_DATA=realistic (the default) the folder
// "Realistic" with mail like a real mailbox (RealisticMailbox.h: encoded display names in
// several charsets, threads, list mail, multipart, attachments, 1 KB to 5 MB, real flag
// proportions); with BENCH_IMAP_DATA=uniform bob's INBOX with small uniform messages (the
// issue 4 data). Warms Dovecot's index, then measures in one run:
//   (a) a reference raw client: UID FETCH 1:* (UID FLAGS RFC822.SIZE BODY.PEEK[HEADER.FIELDS (…)])
//       over TLS, reading bytes until the tagged OK;
//   (b) our first sync of the folder into an empty cache;
//   (c) our re-sync with nothing changed;
//   (d) opening the cached folder into MessageListModel;
//   (e) peak RSS of this process.
//   (f) the user-facing `mailtrail-cli sync` as a whole process (start, profile, keychain-less
//       password on stdin, connect, sync, exit): first sync into a new profile against a
//       fresh (a), as many rounds as (a)/(b) (median ratio), then a re-sync with nothing changed;
//   (g) `mailtrail-cli index update` as a whole process: the search indexing that first sync
//       deferred (a bulk load's; the window runs it in the background).
// (a) and (b) alternate for BENCH_IMAP_ROUNDS rounds (default 3), each (b) into a new cache;
// it prints each round's (b)/(a) and their median. Targets: (b) <= 1.5 x (a), (c) <= 100 ms,
// (d) <= 200 ms, RSS <= 200 MB; (f) first sync <= 1.5 x (a), no-change re-sync <= 0.2 s.
// With BENCH_IMAP_SEPARATE_CORES=1, Dovecot runs on CPU 0 and the bench on CPU 1 for the
// whole run, as if server and client were two machines (by default they share every CPU,
// so a client that works harder also slows the server down).
// With BENCH_IMAP_SYNC_ONLY=1 it runs (b) alone (no warm-up, no reference), for a profiler:
//   BENCH_IMAP_SYNC_ONLY=1 perf record -g build/tests/bench/bench_imap
#include "MailStack.h"
#include "ProcessStats.h"
#include "RealisticMailbox.h"
#include "models/MessageListModel.h"
#include "store/AccountRepository.h"
#include "store/Database.h"
#include "store/FolderRepository.h"
#include "store/MessageRecord.h"
#include "sync/AccountSync.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <cstdlib>
#include <ctime>
#include <sched.h>
#include <unistd.h>

using namespace Mailtrail;

namespace {

/// CPU seconds of this process, all threads (the cache writer included). On a shared
/// machine this is the number that does not depend on what else runs.
double cpuSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

/// CPU seconds of the calling thread only.
double threadCpuSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

/// Idle and total jiffies of the whole machine (/proc/stat), to tell a CPU-bound phase from a waiting one.
std::pair<qint64, qint64> machineJiffies()
{
    QFile stat(QStringLiteral("/proc/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return {0, 0};
    const QList<QByteArray> fields = stat.readLine().simplified().split(' ');
    qint64 total = 0;
    for (qsizetype i = 1; i < fields.size(); ++i)
        total += fields[i].toLongLong();
    return {fields.size() > 5 ? fields[4].toLongLong() + fields[5].toLongLong() : 0, total};
}

/// Pins a process and all its threads to @p cpus (empty: every CPU of the machine).
void pinProcess(pid_t pid, const QList<int> &cpus)
{
    cpu_set_t set;
    CPU_ZERO(&set);
    const int all = int(sysconf(_SC_NPROCESSORS_ONLN));
    for (int cpu = 0; cpu < all; ++cpu) {
        if (cpus.isEmpty() || cpus.contains(cpu))
            CPU_SET(cpu, &set);
    }
    const QDir tasks(QStringLiteral("/proc/%1/task").arg(pid));
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        sched_setaffinity(pid_t(tid.toInt()), sizeof set, &set);
}

/// Dovecot's master (run/dovecot/master.pid) and every process below it: the whole server
/// side of an IMAP session (imap-login, imap, auth, ...). Processes forked later inherit.
QList<pid_t> dovecotProcesses(const Test::MailStack &stack)
{
    QFile pidFile(stack.root() + QStringLiteral("/run/dovecot/master.pid"));
    if (!pidFile.open(QIODevice::ReadOnly))
        return {};
    QList<pid_t> tree{pid_t(pidFile.readAll().trimmed().toInt())};
    QHash<pid_t, pid_t> parents;
    for (const QString &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        bool isPid = false;
        const pid_t pid = pid_t(entry.toInt(&isPid));
        QFile status(QStringLiteral("/proc/%1/status").arg(entry));
        if (!isPid || !status.open(QIODevice::ReadOnly))
            continue;
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("PPid:"))
                parents.insert(pid, pid_t(line.mid(5).trimmed().toInt()));
        }
    }
    for (qsizetype i = 0; i < tree.size(); ++i) {
        for (auto it = parents.cbegin(); it != parents.cend(); ++it) {
            if (it.value() == tree[i])
                tree.append(it.key());
        }
    }
    return tree;
}

/// With BENCH_IMAP_SEPARATE_CORES=1: the server on the first CPU, this process on the
/// second, as if they were two machines; unpinned again when this goes out of scope.
struct SeparateCores
{
    QList<pid_t> server;
    explicit SeparateCores(const Test::MailStack &stack)
    {
        server = dovecotProcesses(stack);
        for (const pid_t pid : std::as_const(server))
            pinProcess(pid, {0});
        pinProcess(getpid(), {1});
    }
    ~SeparateCores()
    {
        for (const pid_t pid : std::as_const(server))
            pinProcess(pid, {});
        pinProcess(getpid(), {});
    }
};

double referenceCpu = 0;

int fillMaildir(const QString &maildir, int count)
{
    QDir cur(maildir + QStringLiteral("/cur"));
    const int existing = int(cur.entryList(QDir::Files).size() + QDir(maildir + QStringLiteral("/new")).entryList(QDir::Files).size());
    if (existing >= count)
        return existing;
    const qint64 base = 1700000000;
    for (int i = existing; i < count; ++i) {
        const QByteArray body =
            "Return-Path: <sender" + QByteArray::number(i % 500) + "@example.test>\r\n"
            "From: Sender " + QByteArray::number(i % 500) + " <sender" + QByteArray::number(i % 500) + "@example.test>\r\n"
            "To: bob@example.test\r\n"
            "Subject: Benchmark message number " + QByteArray::number(i) + "\r\n"
            "Date: " + QDateTime::fromSecsSinceEpoch(base + i * 60, Qt::UTC).toString(Qt::RFC2822Date).toLatin1() + "\r\n"
            "Message-ID: <bench" + QByteArray::number(i) + "@example.test>\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n"
            "\r\n"
            "This is message " + QByteArray::number(i) + " of the IMAP benchmark. It has a short body so that\r\n"
            "the header fetch dominates, like a real mailbox list.\r\n";
        const QString name = QStringLiteral("%1.M%2P1.bench,S=%3:2,%4")
                                 .arg(base + i).arg(i).arg(body.size())
                                 .arg(i % 3 == 0 ? QStringLiteral("S") : QString());
        const QString path = cur.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(body) != body.size())
            return -1;
        f.close();
        if (::chown(QFile::encodeName(path).constData(), 5000, 5000) != 0)
            return -1;
    }
    return count;
}

/// The folder measured: "INBOX" (uniform data) or "Realistic".
QByteArray benchFolder = "INBOX";

/// (a): the raw reference client. Returns seconds for the FETCH, or -1.
double referenceFetch(const Test::MailStack &stack, qint64 *bytes)
{
    QSslSocket socket;
    socket.setSslConfiguration(stack.sslConfiguration());
    socket.setPeerVerifyName(stack.tlsName());
    socket.connectToHostEncrypted(stack.host(), stack.imapsPort(), stack.tlsName());
    if (!socket.waitForEncrypted(10000))
        return -1;
    const auto waitFor = [&socket](const QByteArray &tag, qint64 *count) {
        QByteArray tail;
        const QByteArray ok = QByteArray("\r\n") + tag + QByteArray(" OK");
        const QByteArray okFirst = tag + QByteArray(" OK");
        const QByteArray no = QByteArray("\r\n") + tag + QByteArray(" NO");
        const QByteArray bad = QByteArray("\r\n") + tag + QByteArray(" BAD");
        while (true) {
            if (!socket.waitForReadyRead(60000))
                return false;
            const QByteArray chunk = socket.readAll();
            if (count)
                *count += chunk.size();
            tail += chunk;
            tail = tail.right(4096);
            if (tail.contains(ok) || tail.startsWith(okFirst))
                return true;
            if (tail.contains(no) || tail.contains(bad))
                return false;
        }
    };
    if (!socket.waitForReadyRead(10000))
        return -1;
    socket.readAll();
    socket.write("a LOGIN bob@example.test " + stack.password(QStringLiteral("bob")).toUtf8() + "\r\n");
    if (!waitFor("a", nullptr))
        return -1;
    socket.write("b SELECT " + benchFolder + "\r\n");
    if (!waitFor("b", nullptr))
        return -1;
    QElapsedTimer timer;
    timer.start();
    const double cpuBefore = cpuSeconds();
    socket.write("c UID FETCH 1:* (UID FLAGS RFC822.SIZE BODY.PEEK[HEADER.FIELDS ("
                 + Store::summaryHeaderFields().join(' ') + ")])\r\n");
    *bytes = 0;
    if (!waitFor("c", bytes))
        return -1;
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    referenceCpu = cpuSeconds() - cpuBefore;
    socket.write("d LOGOUT\r\n");
    socket.waitForBytesWritten(1000);
    return seconds;
}

int batchSize = 0;

Sync::AccountSyncReport runSync(const Store::Account &account, const QString &password, Store::Database &db)
{
    Sync::AccountSync sync(account, password, db.connection());
    if (batchSize > 0)
        sync.setBatchSize(batchSize);
    sync.setFolderFilter(QString::fromLatin1(benchFolder));
    QEventLoop loop;
    Sync::AccountSyncReport report;
    QObject::connect(&sync, &Sync::AccountSync::finished, &loop, [&](const Sync::AccountSyncReport &r) {
        report = r;
        loop.quit();
    });
    sync.start();
    loop.exec();
    return report;
}

/// (f): `mailtrail-cli ARGS` as a whole process, the password on stdin. Seconds, or -1.
double runCli(const QStringList &arguments, const QString &password, QByteArray *output)
{
    const QString cli = qEnvironmentVariableIsSet("MAILTRAIL_BINARY_DIR")
        ? qEnvironmentVariable("MAILTRAIL_BINARY_DIR") + QStringLiteral("/app/mailtrail-cli")
        : QCoreApplication::applicationDirPath() + QStringLiteral("/../../app/mailtrail-cli");
    QProcess process;
    QElapsedTimer timer;
    timer.start();
    process.start(cli, arguments);
    process.write(password.toUtf8() + '\n');
    process.closeWriteChannel();
    if (!process.waitForFinished(600000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        std::fprintf(stderr, "bench_imap: %s %s failed: %s\n", qPrintable(cli), qPrintable(arguments.join(u' ')),
                     process.readAllStandardError().constData());
        return -1;
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (output)
        *output = process.readAllStandardOutput();
    return seconds;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? QByteArray(argv[1]).toInt() : 100000;
    batchSize = argc > 2 ? QByteArray(argv[2]).toInt() : 0; // messages per FETCH of the first sync
    const Test::MailStack stack = Test::MailStack::fromEnvironment();
    if (!stack.isValid()) {
        std::fprintf(stderr, "bench_imap: %s\n", qPrintable(stack.errorString()));
        return 2;
    }
    QElapsedTimer fillTimer;
    fillTimer.start();
    const bool realistic = qEnvironmentVariable("BENCH_IMAP_DATA", QStringLiteral("realistic")) != QLatin1String("uniform");
    if (realistic) {
        benchFolder = "Realistic";
        Bench::RealisticMailboxStats stats;
        if (!Bench::fillRealisticMaildir(stack.maildir(QStringLiteral("bob")) + QStringLiteral("/.Realistic"), count,
                                         20261206u, 5000, 5000, &stats)) {
            std::fprintf(stderr, "bench_imap: cannot write bob's Maildir\n");
            return 1;
        }
        std::printf("bench_imap: %d realistic messages in bob's folder Realistic (fill %.1f s; written now %.1f MB; "
                    "encoded sender names %d, replies %d, list mail %d, multipart %d, attachments %d, \\Seen %d, "
                    "\\Flagged %d, keywords %d)\n",
                    stats.messages, double(fillTimer.elapsed()) / 1000, double(stats.bytes) / 1e6, stats.encodedNames,
                    stats.replies, stats.listMail, stats.multipart, stats.attachments, stats.seen, stats.flagged,
                    stats.keywords);
    } else {
        const int filled = fillMaildir(stack.maildir(QStringLiteral("bob")), count);
        if (filled < 0) {
            std::fprintf(stderr, "bench_imap: cannot write bob's Maildir\n");
            return 1;
        }
        std::printf("bench_imap: %d messages in bob's INBOX (fill %.1f s)\n", filled, double(fillTimer.elapsed()) / 1000);
    }

    const bool syncOnly = qEnvironmentVariableIntValue("BENCH_IMAP_SYNC_ONLY") == 1;
    std::unique_ptr<SeparateCores> pinned;
    if (qEnvironmentVariableIntValue("BENCH_IMAP_SEPARATE_CORES") == 1) {
        if (sysconf(_SC_NPROCESSORS_ONLN) < 2) {
            std::fprintf(stderr, "bench_imap: BENCH_IMAP_SEPARATE_CORES needs two CPUs\n");
            return 2;
        }
        pinned = std::make_unique<SeparateCores>(stack);
        std::printf("separate cores: Dovecot (%lld processes) on CPU 0, this client on CPU 1\n",
                    qlonglong(pinned->server.size()));
    }
    // Warm Dovecot's index and the page cache (MAILSTACK.md: the 3rd run is the warm one).
    qint64 bytes = 0;
    for (int i = 0; i < (syncOnly ? 0 : 2); ++i) {
        const double warm = referenceFetch(stack, &bytes);
        std::printf("warm-up %d: %.3f s (%lld bytes)\n", i + 1, warm, bytes);
    }

    // (a) and (b) alternate for several rounds, each (b) into a new, empty cache; the ratio
    // reported is the median of the rounds' ratios, so one noisy moment on a shared machine
    // does not decide it.
    const int rounds = syncOnly ? 1 : qMax(1, qEnvironmentVariableIsSet("BENCH_IMAP_ROUNDS")
                                                  ? qEnvironmentVariableIntValue("BENCH_IMAP_ROUNDS") : 3);
    QList<double> ratios;
    double a = 0;
    double b = 0;
    double cpuA = 0;
    double cpuB = 0;
    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<Store::Database> db;
    Store::Account account;
    const QString password = stack.password(QStringLiteral("bob"));
    // Each measurement starts after a pause, so neither is slowed by what Dovecot still does
    // after the other's LOGOUT (writing its index and cache files).
    const auto settle = [] { QThread::msleep(1500); };
    for (int round = 1; round <= rounds; ++round) {
        if (!syncOnly) {
            settle();
            const auto before = machineJiffies();
            a = referenceFetch(stack, &bytes);
            const auto after = machineJiffies();
            if (a < 0) {
                std::fprintf(stderr, "bench_imap: the reference fetch failed\n");
                return 1;
            }
            cpuA = referenceCpu;
            std::printf("round %d/%d\n(a) reference raw UID FETCH 1:* over TLS: %.3f s, %.1f MB (client CPU %.3f s, machine idle %.0f%%)\n",
                        round, rounds, a, double(bytes) / 1e6, cpuA,
                        100.0 * double(after.first - before.first) / double(qMax<qint64>(1, after.second - before.second)));
        }
        // A new, empty cache for every round's first sync.
        db.reset();
        dir = std::make_unique<QTemporaryDir>();
        db = std::make_unique<Store::Database>();
        if (const QString error = db->open(dir->filePath(QStringLiteral("bench.sqlite"))); !error.isEmpty()) {
            std::fprintf(stderr, "bench_imap: %s\n", qPrintable(error));
            return 1;
        }
        account = stack.account(QStringLiteral("bob"), QStringLiteral("bench"));
        if (const QString e = Store::AccountRepository(db->connection()).add(account); !e.isEmpty()) {
            std::fprintf(stderr, "bench_imap: %s\n", qPrintable(e));
            return 1;
        }

        if (!syncOnly)
            settle();
        const auto jiffiesBefore = machineJiffies();
        const double cpuBeforeSync = cpuSeconds();
        const double mainCpuBeforeSync = threadCpuSeconds();
        const auto first = runSync(account, password, *db);
        cpuB = cpuSeconds() - cpuBeforeSync;
        const double mainCpuB = threadCpuSeconds() - mainCpuBeforeSync;
        const auto jiffiesAfter = machineJiffies();
        if (!first.ok() || first.folders.isEmpty()) {
            std::fprintf(stderr, "bench_imap: first sync failed: %s\n", qPrintable(first.errorMessage()));
            return 1;
        }
        b = first.folders.first().seconds;
        std::printf("(b) first sync of INBOX into the cache: %.3f s for %lld messages (whole run incl. connect, login, LIST: %.3f s; "
                    "client CPU, all threads: %.3f s, machine idle %.0f%%)\n",
                    b, first.folders.first().messages, first.seconds, cpuB,
                    100.0 * double(jiffiesAfter.first - jiffiesBefore.first)
                        / double(qMax<qint64>(1, jiffiesAfter.second - jiffiesBefore.second)));
        std::printf("    client CPU of the main thread (connect, TLS, parsing, decoding): %.3f s, of the cache writer thread: %.3f s\n",
                    mainCpuB, cpuB - mainCpuB);
        if (!syncOnly) {
            ratios.append(b / a);
            std::printf("    round ratio (b)/(a) = %.2f\n", b / a);
        }
    }
    if (syncOnly)
        return 0;
    std::sort(ratios.begin(), ratios.end());
    const double medianRatio = ratios[ratios.size() / 2];

    // Run twice: right after a big fetch Dovecot's previous session process may still hold
    // the index lock while it writes its cache (seen as SELECT lock wait).
    for (int run = 1; run <= 2; ++run) {
        const auto again = runSync(account, password, *db);
        if (!again.ok() || again.folders.isEmpty()) {
            std::fprintf(stderr, "bench_imap: re-sync failed: %s\n", qPrintable(again.errorMessage()));
            return 1;
        }
        std::printf("(c) re-sync #%d, nothing changed (%s): %.1f ms for the folder (whole run incl. TLS connect and login: %.1f ms)\n",
                    run, qPrintable(again.folders.first().mode), again.folders.first().seconds * 1000, again.seconds * 1000);
    }

    const auto folder = Store::FolderRepository(db->connection()).find(account.id, QString::fromLatin1(benchFolder));
    Models::MessageListModel model(db->connection());
    QElapsedTimer timer;
    timer.start();
    model.setFolder(folder->id);
    const QString firstSubject = model.index(0, 0).data().toString();
    const double d = double(timer.nsecsElapsed()) / 1e6;
    std::printf("(d) open the cached folder into MessageListModel: %.1f ms (%d rows, first row '%s')\n", d,
                model.rowCount(), qPrintable(firstSubject));

    const qint64 rss = Test::peakRssKb();
    std::printf("(e) peak RSS: %.1f MB\n", double(rss) / 1024);

    // (f) The user-facing command as a whole process, into a new profile, for as many rounds
    // as (a)/(b), each right after a reference (a) of its own; the median ratio counts (this
    // VM's speed changes from one minute to the next).
    const QStringList add = {QStringLiteral("account"), QStringLiteral("add"),
                             QStringLiteral("bench"), QStringLiteral("--email"), stack.address(QStringLiteral("bob")),
                             QStringLiteral("--imap"), QStringLiteral("%1:%2/tls").arg(stack.host()).arg(stack.imapsPort()),
                             QStringLiteral("--smtp"), QStringLiteral("%1:%2/starttls").arg(stack.host()).arg(stack.submissionPort()),
                             QStringLiteral("--ca-file"), stack.caFile(), QStringLiteral("--password-stdin")};
    const QStringList sync = {QStringLiteral("sync"), QStringLiteral("--folder"), QString::fromLatin1(benchFolder),
                              QStringLiteral("--password-stdin")};
    QList<double> wholeRatios;
    double wholeFirst = -1;
    double wholeAgain = -1;
    double referenceForWhole = -1;
    double wholeIndex = -1;
    std::unique_ptr<QTemporaryDir> profile;
    QStringList syncArgs;
    for (int round = 1; round <= rounds; ++round) {
        profile = std::make_unique<QTemporaryDir>();
        const QStringList at = {QStringLiteral("--profile"), profile->path()};
        syncArgs = at + sync;
        if (runCli(at + add, password, nullptr) < 0)
            break;
        settle();
        referenceForWhole = referenceFetch(stack, &bytes);
        settle();
        QByteArray out;
        wholeFirst = runCli(syncArgs, password, &out);
        if (wholeFirst < 0 || referenceForWhole <= 0)
            break;
        wholeRatios.append(wholeFirst / referenceForWhole);
        std::printf("(f) round %d/%d: mailtrail-cli sync, whole process, first sync: %.3f s (reference (a) just before: %.3f s; ratio %.2f) -> %s",
                    round, rounds, wholeFirst, referenceForWhole, wholeRatios.last(), out.constData());
    }
    if (!wholeRatios.isEmpty()) {
        QList<double> again;
        for (int run = 1; run <= 3; ++run) {
            settle();
            again.append(runCli(syncArgs, password, nullptr));
        }
        std::sort(again.begin(), again.end());
        wholeAgain = again[1];
        std::printf("    mailtrail-cli sync, whole process, nothing changed: %.3f s (median of %.3f, %.3f, %.3f)\n",
                    wholeAgain, again[0], again[1], again[2]);
        // (g) The search indexing the last first sync left for later (Store::SearchIndexing::
        // Deferred), as its own whole process: what the window does in the background and
        // `search` before it searches.
        settle();
        const QStringList updateArgs = {QStringLiteral("--profile"), profile->path(), QStringLiteral("index"), QStringLiteral("update")};
        QByteArray indexed;
        wholeIndex = runCli(updateArgs, QString(), &indexed);
        std::printf("(g) mailtrail-cli index update, whole process, after the first sync: %.3f s -> %s", wholeIndex,
                    indexed.constData());
    }
    double load[3] = {0, 0, 0};
    if (getloadavg(load, 3) < 1)
        load[0] = -1;
    QStringList each;
    for (const double r : std::as_const(ratios))
        each << QString::number(r, 'f', 2);
    std::printf("RATIO (b)/(a) = %.2f (median of %lld rounds: %s)   [targets: ratio <= 1.5, (c) <= 100 ms, (d) <= 200 ms, RSS <= 200 MB]\n",
                medianRatio, qlonglong(ratios.size()), qPrintable(each.join(QStringLiteral(", "))));
    if (!wholeRatios.isEmpty()) {
        QStringList eachWhole;
        for (const double r : std::as_const(wholeRatios))
            eachWhole << QString::number(r, 'f', 2);
        QList<double> sorted = wholeRatios;
        std::sort(sorted.begin(), sorted.end());
        std::printf("RATIO whole-process first sync (f)/(a) = %.2f (median of %lld rounds: %s)   no-change re-sync %.3f s   [targets: <= 1.5, <= 0.2 s]\n",
                    sorted[sorted.size() / 2], qlonglong(sorted.size()), qPrintable(eachWhole.join(QStringLiteral(", "))),
                    wholeAgain);
        if (wholeIndex > 0)
            std::printf("      last first sync and its deferred search indexing together (f+g)/(a) = %.2f\n",
                        (wholeFirst + wholeIndex) / referenceForWhole);
    }
    std::printf("client CPU (b)/(a), last round = %.3f s / %.3f s; load average %.2f (a shared machine inflates wall times)\n",
                cpuB, cpuA, load[0]);
    return 0;
}
