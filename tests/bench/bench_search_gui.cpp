// SPDX-License-Identifier: GPL-3.0-or-later
// Does the GUI stay responsive while bodies are downloaded and indexed for offline search
// (issue 17)? Run by hand, against the private stack (MAILSTACK.md):
//
//   scripts/mailstack start --root /tmp/bench-ms     # if no stack is running
//   MAILSTACK_ENV_FILE=/tmp/bench-ms/env QT_QPA_PLATFORM=offscreen build/tests/bench/bench_search_gui [COUNT]
//
// Writes COUNT (default 3,000) realistic messages (RealisticMailbox.h: sizes 1 KB to 5 MB,
// multipart, attachments, HTML) into bob's folder "SearchGui", syncs their headers into a new
// profile with `mailtrail-cli sync`, opens the main window on that profile with the folder
// shown, and then runs the offline download of every body (Search::OfflineBodies: UID FETCH
// in batches, each batch stored and its text indexed), twice: (a) each batch stored and
// indexed on the GUI thread with the window's connection, as before, (b) stored and indexed
// on a thread and connection of their own (OfflineBodies::setStoreOffThread), as the
// application does now. Meanwhile a 5 ms timer moves the
// list's current row and repaints it: every tick is one frame. Printed: the longest gap
// between two ticks (an event-loop stall) and the longest frame, with the counts over 50 ms,
// for the same window idle for 3 s (the reference) and during each download. Target: no stall
// over 50 ms. Asserts nothing.
#include "AppContext.h"
#include "FolderPane.h"
#include "MailStack.h"
#include "MainWindow.h"
#include "MessageListPane.h"
#include "RealisticMailbox.h"
#include "models/Roles.h"
#include "search/Index.h"
#include "search/OfflineBodies.h"
#include "sync/AccountSession.h"
#include "store/AccountRepository.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeView>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <memory>

using namespace Mailtrail;

namespace {

bool runCli(const QStringList &arguments, const QString &password)
{
    const QString cli = QCoreApplication::applicationDirPath() + QStringLiteral("/../../app/mailtrail-cli");
    QProcess process;
    process.start(cli, arguments);
    process.write(password.toUtf8() + '\n');
    process.closeWriteChannel();
    if (!process.waitForFinished(1800000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        std::fprintf(stderr, "bench_search_gui: mailtrail-cli %s failed: %s\n", qPrintable(arguments.join(u' ')),
                     process.readAllStandardError().constData());
        return false;
    }
    return true;
}

QModelIndex findFolder(const QAbstractItemModel *model, const QString &name, const QModelIndex &parent = {})
{
    for (int r = 0; r < model->rowCount(parent); ++r) {
        const QModelIndex i = model->index(r, 0, parent);
        if (i.data(Models::FolderNameRole).toString() == name)
            return i;
        if (const QModelIndex c = findFolder(model, name, i); c.isValid())
            return c;
    }
    return {};
}

double threadCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

/// Frames of the list: a tick every 5 ms moves the current row and repaints the list.
class FrameMeter : public QObject
{
public:
    explicit FrameMeter(QAbstractItemView *list) : m_list(list)
    {
        m_timer.setInterval(5);
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, &FrameMeter::tick);
    }
    void start()
    {
        m_gaps.clear();
        m_frames.clear();
        m_frameCpu.clear();
        m_clock.start();
        m_last = -1;
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    void report(const char *what) const
    {
        const auto longest = [](const QList<double> &v) { return v.isEmpty() ? 0.0 : *std::max_element(v.cbegin(), v.cend()); };
        const auto over = [](const QList<double> &v) { return std::count_if(v.cbegin(), v.cend(), [](double x) { return x > 50; }); };
        QList<double> sorted = m_gaps;
        std::sort(sorted.begin(), sorted.end());
        const double p99 = sorted.isEmpty() ? 0 : sorted.at(std::min<qsizetype>(sorted.size() - 1, qsizetype(0.99 * double(sorted.size()))));
        std::printf("%-38s %5lld ticks  longest stall %6.1f ms (p99 %5.1f, %lld over 50 ms)  longest frame %6.1f ms "
                    "(%lld over 50 ms; its CPU at most %.1f ms)\n",
                    what, qint64(m_gaps.size()), longest(m_gaps), p99, qint64(over(m_gaps)), longest(m_frames),
                    qint64(over(m_frames)), longest(m_frameCpu));
    }

private:
    void tick()
    {
        const double now = double(m_clock.nsecsElapsed()) / 1e6;
        const double cpu = threadCpuMs();
        if (m_last >= 0)
            m_gaps.append(now - m_last - 5); // beyond the timer's own interval
        QAbstractItemModel *model = m_list->model();
        if (model && model->rowCount() > 0) {
            m_row = (m_row + 1) % std::min(model->rowCount(), 200);
            m_list->setCurrentIndex(model->index(m_row, 0));
        }
        m_list->viewport()->repaint();
        m_last = double(m_clock.nsecsElapsed()) / 1e6;
        m_frames.append(m_last - now);
        m_frameCpu.append(threadCpuMs() - cpu);
    }

    QAbstractItemView *m_list;
    QTimer m_timer;
    QElapsedTimer m_clock;
    double m_last = -1;
    int m_row = 0;
    QList<double> m_gaps;
    QList<double> m_frames;
    QList<double> m_frameCpu;
};

} // namespace

int main(int argc, char *argv[])
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int count = argc > 1 && QByteArray(argv[1]).toInt() > 0 ? QByteArray(argv[1]).toInt() : 3000;
    const Test::MailStack stack = Test::MailStack::fromEnvironment();
    if (!stack.isValid()) {
        std::fprintf(stderr, "bench_search_gui: %s\n", qPrintable(stack.errorString()));
        return 2;
    }
    double load[1] = {0};
    getloadavg(load, 1);
    std::printf("bench_search_gui: load average (1 min) at the start %.2f\n", load[0]);
    Bench::RealisticMailboxStats stats;
    if (!Bench::fillRealisticMaildir(stack.maildir(QStringLiteral("bob")) + QStringLiteral("/.SearchGui"), count,
                                     20261206u, 5000, 5000, &stats)) {
        std::fprintf(stderr, "bench_search_gui: cannot write bob's Maildir\n");
        return 1;
    }
    QTemporaryDir profile;
    const QString profileDir = profile.path();
    const QString password = stack.password(QStringLiteral("bob"));
    const QStringList add = {QStringLiteral("--profile"), profileDir, QStringLiteral("account"), QStringLiteral("add"),
                             QStringLiteral("bench"), QStringLiteral("--email"), stack.address(QStringLiteral("bob")),
                             QStringLiteral("--imap"), QStringLiteral("%1:%2/tls").arg(stack.host()).arg(stack.imapsPort()),
                             QStringLiteral("--smtp"), QStringLiteral("%1:%2/starttls").arg(stack.host()).arg(stack.submissionPort()),
                             QStringLiteral("--ca-file"), stack.caFile(), QStringLiteral("--password-stdin")};
    const QStringList sync = {QStringLiteral("--profile"), profileDir, QStringLiteral("sync"), QStringLiteral("--folder"),
                              QStringLiteral("SearchGui"), QStringLiteral("--password-stdin")};
    if (!runCli(add, password) || !runCli(sync, password))
        return 1;

    Ui::AppContext context;
    context.setProfileDirectory(profileDir);
    if (const QString e = context.open(profileDir + QStringLiteral("/mailtrail.sqlite")); !e.isEmpty()) {
        std::fprintf(stderr, "bench_search_gui: %s\n", qPrintable(e));
        return 1;
    }
    QSqlDatabase db = context.database().connection();
    const std::optional<Store::Account> account = Store::AccountRepository(db).find(QStringLiteral("bench"));
    if (!account) {
        std::fprintf(stderr, "bench_search_gui: no account\n");
        return 1;
    }
    // Every body, whatever its date (the generated mailbox spans years).
    if (const QString e = Search::OfflineBodies::setOfflineDays(db, account->id, 36500); !e.isEmpty()) {
        std::fprintf(stderr, "bench_search_gui: %s\n", qPrintable(e));
        return 1;
    }
    Ui::MainWindow window(context);
    window.resize(1200, 800);
    window.show();
    QCoreApplication::processEvents();
    QTreeView *folders = window.folderPane()->folderView();
    const QModelIndex folder = findFolder(folders->model(), QStringLiteral("SearchGui"));
    if (!folder.isValid()) {
        std::fprintf(stderr, "bench_search_gui: no folder SearchGui in the tree\n");
        return 1;
    }
    folders->setCurrentIndex(folder);
    QCoreApplication::processEvents();
    auto *list = qobject_cast<QAbstractItemView *>(window.listPane()->mailView());
    std::printf("bench_search_gui: %d messages in the list\n", list && list->model() ? list->model()->rowCount() : 0);

    FrameMeter meter(list);
    meter.start();
    QTimer::singleShot(3000, &app, &QCoreApplication::quit);
    app.exec();
    meter.stop();
    meter.report("reference: window idle, 3 s");

    // (a) as before this change: batches stored on the GUI thread with its connection; (b) as
    // the application runs it now: stored on a thread and connection of their own.
    for (const bool background : {false, true}) {
        QSqlQuery reset(db);
        if (!reset.exec(QStringLiteral("DELETE FROM message_bodies"))
            || !reset.exec(QStringLiteral("UPDATE search_documents SET body = NULL, attachments = NULL"))) {
            std::fprintf(stderr, "bench_search_gui: cannot reset the bodies\n");
            return 1;
        }
        Search::OfflineBodiesResult result;
        const auto done = [&](const Search::OfflineBodiesResult &r) {
            result = r;
            QCoreApplication::quit();
        };
        // As Sync::AccountSessions::downloadForOffline: over the account's session, batches of 10.
        Sync::FixedCredentials credentials(Sync::Credentials::password(password));
        Sync::AccountSession session(*account, &credentials, db);
        Search::OfflineBodies job(*account, db);
        job.setAccountSession(&session);
        job.setBatchSize(10);
        if (background)
            job.setStoreOffThread(context.database().path());
        QObject::connect(&job, &Search::OfflineBodies::finished, &app, done);
        QElapsedTimer clock;
        clock.start();
        meter.start();
        job.start();
        app.exec();
        meter.stop();
        const double seconds = double(clock.nsecsElapsed()) / 1e9;
        if (!result.ok)
            std::fprintf(stderr, "bench_search_gui: the download failed: %s\n", qPrintable(result.error));
        meter.report(background ? "(b) storing + indexing off the GUI thread" : "(a) storing + indexing on the GUI thread");
        const Search::IndexStatus status = Search::Index(db).status();
        std::printf("    %d bodies downloaded and indexed in %.1f s (%.0f/s); documents with text %lld of %lld\n",
                    result.downloaded, seconds, result.downloaded / seconds, status.withText, status.messages);
    }
    getloadavg(load, 1);
    std::printf("bench_search_gui: load average (1 min) at the end %.2f\n", load[0]);
    return 0;
}
