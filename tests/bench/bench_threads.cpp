// SPDX-License-Identifier: GPL-3.0-or-later
// Threading benchmark (issue 8), run by hand:
//
//   build/tests/bench/bench_threads [COUNT]
//
// Fills a cache database with COUNT (default 100,000) messages in conversations of 1 to 30
// messages (References chains, some parents missing, some duplicate Message-IDs), then in
// one run measures
//   (r) the reference: opening the folder flat into MessageListModel;
//   (t) threading the same folder: MessageThreadModel over that MessageListModel (the key
//       query plus buildThreads), and buildThreads alone on the keys in memory;
// and prints (t)/(r). It asserts nothing about time.
#include "ProcessStats.h"
#include "models/MessageListModel.h"
#include "models/MessageThreadModel.h"
#include "models/MessageThreads.h"
#include "store/AccountRepository.h"
#include "store/Database.h"
#include "store/FolderRepository.h"
#include "store/MessageRepository.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <cstdio>

using namespace Mailtrail;

namespace {

double ms(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

/// Conversations with replies to random earlier messages of the same conversation.
QList<Store::MessageRecord> makeMessages(int count)
{
    QRandomGenerator random(4711); // the same folder every run
    QList<Store::MessageRecord> out;
    out.reserve(count);
    int conversation = 0;
    while (out.size() < count) {
        const int size = 1 + int(random.bounded(30));
        QStringList ids;
        QStringList chains; // references of each message, own id last
        for (int i = 0; i < size && out.size() < count; ++i) {
            Store::MessageRecord r;
            r.uid = quint32(out.size() + 1);
            r.date = 1600000000 + qint64(conversation) * 600 + i * 60;
            r.subject = QStringLiteral("Conversation %1").arg(conversation);
            const QString id = QStringLiteral("<c%1.m%2@example.test>").arg(conversation).arg(i);
            // 1 % duplicate Message-IDs, 3 % of conversations start with a missing message.
            r.messageId = (random.bounded(100) == 0 && !ids.isEmpty()) ? ids.first() : id;
            QString references;
            if (i > 0) {
                const int parent = int(random.bounded(quint32(i)));
                references = chains.at(parent);
            } else if (random.bounded(100) < 3) {
                references = QStringLiteral("<missing%1@example.test>").arg(conversation);
            }
            r.references = references;
            r.inReplyTo
                = references.isEmpty() ? QString() : references.split(QLatin1Char(' ')).last();
            ids.append(id);
            chains.append(references.isEmpty() ? id : references + QLatin1Char(' ') + id);
            out.append(r);
        }
        ++conversation;
    }
    return out;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? QByteArray(argv[1]).toInt() : 100000;
    QTemporaryDir dir;
    Store::Database db;
    if (const QString error = db.open(dir.filePath(QStringLiteral("threads.sqlite")));
        !error.isEmpty()) {
        std::fprintf(stderr, "bench_threads: %s\n", qPrintable(error));
        return 1;
    }
    Store::Account account;
    account.name = QStringLiteral("bench");
    account.email = QStringLiteral("bob@example.test");
    account.imap = { QStringLiteral("h"), 993, Store::Security::Tls };
    account.smtp = { QStringLiteral("h"), 465, Store::Security::Tls };
    Store::Folder folder;
    if (const QString e = Store::AccountRepository(db.connection()).add(account); !e.isEmpty()) {
        std::fprintf(stderr, "bench_threads: %s\n", qPrintable(e));
        return 1;
    }
    folder.accountId = account.id;
    folder.name = QStringLiteral("INBOX");
    folder.wireName = "INBOX";
    if (const QString e = Store::FolderRepository(db.connection()).upsert(folder); !e.isEmpty()) {
        std::fprintf(stderr, "bench_threads: %s\n", qPrintable(e));
        return 1;
    }
    QElapsedTimer timer;
    timer.start();
    const QList<Store::MessageRecord> records = makeMessages(count);
    if (const QString e = Store::MessageRepository(db.connection()).upsert(folder.id, records);
        !e.isEmpty()) {
        std::fprintf(stderr, "bench_threads: %s\n", qPrintable(e));
        return 1;
    }
    std::printf("bench_threads: %d messages cached (%.0f ms)\n", count, ms(timer));

    for (int run = 1; run <= 3; ++run) {
        Models::MessageListModel list(db.connection());
        timer.start();
        list.setFolder(folder.id);
        const QString first = list.index(0, 0).data().toString();
        const double r = ms(timer);

        Models::MessageThreadModel threads(db.connection());
        timer.start();
        threads.setSourceModel(&list);
        const QString firstThread = threads.index(0, 0).data().toString();
        const double t = ms(timer);

        QList<Models::ThreadMessage> keys;
        keys.reserve(records.size());
        for (const Store::MessageRecord &m : records)
            keys.append({ qint64(m.uid), m.messageId, m.inReplyTo, m.references, m.date });
        timer.start();
        const Models::ThreadForest forest = Models::buildThreads(keys);
        const double pure = ms(timer);

        std::printf(
            "run %d: (r) flat open %.1f ms (%d rows, '%s'); (t) threaded open %.1f ms (%d threads, "
            "'%s'); buildThreads alone %.1f ms (%lld threads)   RATIO (t)/(r) = %.2f\n",
            run, r, list.rowCount(), qPrintable(first), t, threads.rowCount(),
            qPrintable(firstThread), pure, qint64(forest.roots.size()), t / r);
    }
    std::printf("peak RSS: %.1f MB\n", double(Test::peakRssKb()) / 1024);
    return 0;
}
