// SPDX-License-Identifier: GPL-3.0-or-later
// Peak memory of the GUI with a big folder open (issue 16), run by hand:
//
//   build/tests/bench/bench_gui_rss [COUNT]      (default 100,000; QT_QPA_PLATFORM=offscreen)
//
// Fills a profile database with COUNT cached messages in one account's INBOX, then runs
// itself again on that profile: the main window opens, the INBOX is selected and sorted
// newest first, as a user opening Mailtrail would see it. It prints the peak RSS (VmHWM) of
// that second process, and of the same process with an empty window as the reference.
// Target: <= 150 MB with 100,000 messages.
#include "AppContext.h"
#include "FolderPane.h"
#include "MainWindow.h"
#include "MessageListPane.h"
#include "ProcessStats.h"
#include "models/Roles.h"
#include "store/AccountRepository.h"
#include "store/Database.h"
#include "store/FolderRepository.h"
#include "store/MessageRepository.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTreeView>

#include <cstdio>

using namespace Mailtrail;

namespace {

QString fill(const QString &path, int count)
{
    Store::Database database;
    if (QString e = database.open(path); !e.isEmpty())
        return e;
    const QSqlDatabase db = database.connection();
    Store::Account account;
    account.name = QStringLiteral("bench");
    account.email = QStringLiteral("bench@example.test");
    account.imap = { QStringLiteral("imap.example.test"), 993, Store::Security::Tls };
    account.smtp = { QStringLiteral("smtp.example.test"), 465, Store::Security::Tls };
    if (QString e = Store::AccountRepository(db).add(account); !e.isEmpty())
        return e;
    Store::Folder folder;
    folder.accountId = account.id;
    folder.name = QStringLiteral("INBOX");
    folder.wireName = "INBOX";
    if (QString e = Store::FolderRepository(db).upsert(folder); !e.isEmpty())
        return e;
    constexpr int batch = 10000;
    for (int start = 0; start < count; start += batch) {
        QList<Store::MessageRecord> records;
        for (int i = start; i < std::min(count, start + batch); ++i) {
            Store::MessageRecord r;
            r.uid = quint32(i + 1);
            r.size = quint32(1000 + i % 5000);
            r.date = 1700000000 + qint64(i) * 37 % 9999991;
            r.subject = QStringLiteral("Message number %1 about something worth reading").arg(i);
            r.fromName = QStringLiteral("Sender %1").arg(i % 300);
            r.fromAddress = QStringLiteral("sender%1@example.test").arg(i % 300);
            r.toAddresses = QStringLiteral("bench@example.test");
            r.messageId = QStringLiteral("<m%1@example.test>").arg(i);
            if (i % 3 == 0)
                r.flags = { QByteArrayLiteral("\\Seen") };
            records.append(r);
        }
        if (QString e = Store::MessageRepository(db).upsert(folder.id, records); !e.isEmpty())
            return e;
    }
    return {};
}

QModelIndex findInbox(const QAbstractItemModel *model, const QModelIndex &parent = {})
{
    for (int r = 0; r < model->rowCount(parent); ++r) {
        const QModelIndex i = model->index(r, 0, parent);
        if (i.data(Models::FolderNameRole).toString() == QLatin1String("INBOX"))
            return i;
        if (const QModelIndex c = findInbox(model, i); c.isValid())
            return c;
    }
    return {};
}

/// The measured process: the window on @p profile, INBOX open when @p open.
int openWindow(const QString &profile, bool open)
{
    Ui::AppContext context;
    context.setProfileDirectory(profile);
    if (const QString e = context.open(profile + QStringLiteral("/mailtrail.sqlite")); !e.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(e));
        return 1;
    }
    Ui::MainWindow window(context);
    window.resize(1200, 800);
    window.show();
    QCoreApplication::processEvents();
    QElapsedTimer timer;
    timer.start();
    int rows = 0;
    if (open) {
        QTreeView *folders = window.folderPane()->folderView();
        const QModelIndex inbox = findInbox(folders->model());
        if (!inbox.isValid()) {
            std::fprintf(stderr, "no INBOX in the folder tree\n");
            return 1;
        }
        folders->setCurrentIndex(inbox);
        QCoreApplication::processEvents();
        auto *list = qobject_cast<QAbstractItemView *>(window.listPane()->mailView());
        rows = list && list->model() ? list->model()->rowCount() : 0;
        if (list && list->model() && rows > 0)
            list->setCurrentIndex(list->model()->index(0, 0));
        QCoreApplication::processEvents();
    }
    std::printf("%lld %d %lld\n", Test::peakRssKb(), rows, timer.elapsed());
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc > 2 && (qstrcmp(argv[1], "--open") == 0 || qstrcmp(argv[1], "--empty") == 0)) {
        QApplication app(argc, argv);
        return openWindow(QString::fromLocal8Bit(argv[2]), qstrcmp(argv[1], "--open") == 0);
    }
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? QByteArray(argv[1]).toInt() : 100000;
    QTemporaryDir profile;
    QElapsedTimer timer;
    timer.start();
    if (const QString e = fill(profile.filePath(QStringLiteral("mailtrail.sqlite")), count); !e.isEmpty()) {
        std::fprintf(stderr, "bench_gui_rss: %s\n", qPrintable(e));
        return 1;
    }
    std::printf("bench_gui_rss: %d cached messages (fill %.1f s)\n", count, double(timer.elapsed()) / 1000);
    const auto run = [&](const char *mode) -> QList<QByteArray> {
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        if (!env.contains(QStringLiteral("QT_QPA_PLATFORM")))
            env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(),
            { QString::fromLatin1(mode), profile.path() });
        if (!child.waitForFinished(600000) || child.exitCode() != 0) {
            std::fprintf(stderr, "bench_gui_rss: %s\n", child.readAllStandardError().constData());
            return {};
        }
        return child.readAllStandardOutput().trimmed().split(' ');
    };
    const QList<QByteArray> empty = run("--empty");
    const QList<QByteArray> open = run("--open");
    if (empty.size() < 3 || open.size() < 3)
        return 1;
    const double emptyMb = empty[0].toDouble() / 1024;
    const double openMb = open[0].toDouble() / 1024;
    std::printf("reference: the window, no folder open   peak RSS %7.1f MB\n", emptyMb);
    std::printf("INBOX open (%s rows, %s ms)          peak RSS %7.1f MB (target <= 150 MB), +%.1f MB\n",
        open[1].constData(), open[2].constData(), openMb, openMb - emptyMb);
    return 0;
}
