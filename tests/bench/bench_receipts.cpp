// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark: the headless read-receipt pass (ReadReceipts::processNew) after a sync, over a
// cache of 100,000 messages of which 1 % ask for a receipt. Prints the time of a pass that
// finds nothing new and of one that answers 100 new requests (MDN built and queued each),
// against a reference measured in the same run: reading every cached message's id and flags.
// Run: build/tests/bench/bench_receipts [--count N]
#include "store/AccountRepository.h"
#include "store/Database.h"
#include "store/FolderRepository.h"
#include "store/MessageRepository.h"
#include "sync/ReadReceipts.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <cstdio>

using namespace Mailtrail;

namespace {

Store::MessageRecord message(int i, bool request)
{
    Store::MessageRecord r;
    r.uid = quint32(i + 1);
    QByteArray headers = "From: alice@example.test\r\nTo: bob@example.test\r\nSubject: Message "
        + QByteArray::number(i) + "\r\nMessage-ID: <m" + QByteArray::number(i) + "@example.test>\r\n";
    if (request)
        headers += "Disposition-Notification-To: alice@example.test\r\nReturn-Path: <alice@example.test>\r\n";
    Store::fillFromHeaders(r, headers);
    return r;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("mailtrail.*.info=false"));
    int count = 100000;
    const QStringList args = app.arguments();
    if (const qsizetype at = args.indexOf(QStringLiteral("--count")); at > 0 && at + 1 < args.size())
        count = args.at(at + 1).toInt();

    QTemporaryDir dir;
    Store::Database db;
    if (const QString e = db.open(dir.filePath(QStringLiteral("bench.sqlite"))); !e.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(e));
        return 1;
    }
    Store::Account account;
    account.name = QStringLiteral("bob");
    account.email = QStringLiteral("bob@example.test");
    account.imap = {QStringLiteral("127.0.0.1"), 993, Store::Security::Tls};
    account.smtp = {QStringLiteral("127.0.0.1"), 587, Store::Security::StartTls};
    account.readReceipts = Store::ReadReceipts::Always;
    (void)Store::AccountRepository(db.connection()).add(account);
    Store::Folder inbox;
    inbox.accountId = account.id;
    inbox.name = QStringLiteral("INBOX");
    inbox.wireName = "INBOX";
    (void)Store::FolderRepository(db.connection()).upsert(inbox);

    QList<Store::MessageRecord> batch;
    for (int i = 0; i < count; ++i) {
        batch.append(message(i, i % 100 == 0));
        if (batch.size() == 5000) {
            (void)Store::MessageRepository(db.connection()).upsert(inbox.id, batch);
            batch.clear();
        }
    }
    (void)Store::MessageRepository(db.connection()).upsert(inbox.id, batch);

    Sync::ReadReceipts receipts(db.connection());
    QElapsedTimer timer;
    timer.start();
    const auto stock = receipts.processNew(account.id); // the first pass takes stock
    const double stockMs = double(timer.nsecsElapsed()) / 1e6;

    timer.restart();
    const auto idle = receipts.processNew(account.id);
    const double idleMs = double(timer.nsecsElapsed()) / 1e6;

    batch.clear();
    for (int i = count; i < count + 100; ++i)
        batch.append(message(i, true));
    (void)Store::MessageRepository(db.connection()).upsert(inbox.id, batch);
    timer.restart();
    const auto answered = receipts.processNew(account.id);
    const double answerMs = double(timer.nsecsElapsed()) / 1e6;

    timer.restart();
    QSqlQuery q(db.connection());
    q.exec(QStringLiteral("SELECT id, flags FROM messages"));
    qint64 rows = 0;
    while (q.next())
        ++rows;
    const double referenceMs = double(timer.nsecsElapsed()) / 1e6;

    std::printf("messages cached:                 %d (%d with a request)\n", count, count / 100);
    std::printf("reference (read ids and flags):  %.1f ms for %lld rows\n", referenceMs, rows);
    std::printf("first pass (takes stock):        %.1f ms, %d recorded  (%.2f x reference)\n", stockMs,
                stock.skipped, stockMs / referenceMs);
    std::printf("pass with nothing new:           %.1f ms  (%.2f x reference)\n", idleMs, idleMs / referenceMs);
    std::printf("pass answering 100 new requests: %.1f ms, %d MDNs queued, %.2f ms each  (%.2f x reference)\n",
                answerMs, answered.sent, answerMs / std::max(1, answered.sent), answerMs / referenceMs);
    return idle.sent == 0 && answered.sent == 100 ? 0 : 1;
}
