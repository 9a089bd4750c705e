// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark: read receipts considered on display (ReadReceipts::displayed), over a cache of
// 100,000 messages of which 1 % ask for a receipt. Prints the time of displaying 100 of them
// under policy "always" (decision, MDN built and queued each) and of displaying them again
// (already sent), against a reference measured in the same run: reading every cached
// message's id and flags.
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

    // The 100 messages displayed: each decision is made from the cache, and each MDN is
    // built and queued (policy "always").
    QList<qint64> shown;
    QSqlQuery ids(db.connection());
    ids.exec(QStringLiteral("SELECT id FROM messages WHERE disposition_notification_to <> '' ORDER BY id LIMIT 100"));
    while (ids.next())
        shown.append(ids.value(0).toLongLong());
    Sync::ReadReceipts receipts(db.connection());
    QElapsedTimer timer;
    timer.start();
    int sent = 0;
    for (const qint64 id : std::as_const(shown))
        sent += receipts.displayed(id).receipt == Sync::DisplayReceipt::Sent ? 1 : 0;
    const double answerMs = double(timer.nsecsElapsed()) / 1e6;

    // Displayed again: each is answered already, nothing is built.
    timer.restart();
    int again = 0;
    for (const qint64 id : std::as_const(shown))
        again += receipts.displayed(id).receipt == Sync::DisplayReceipt::AlreadySent ? 1 : 0;
    const double againMs = double(timer.nsecsElapsed()) / 1e6;

    timer.restart();
    QSqlQuery q(db.connection());
    q.exec(QStringLiteral("SELECT id, flags FROM messages"));
    qint64 rows = 0;
    while (q.next())
        ++rows;
    const double referenceMs = double(timer.nsecsElapsed()) / 1e6;

    std::printf("messages cached:                  %d (%d with a request)\n", count, count / 100);
    std::printf("reference (read ids and flags):   %.1f ms for %lld rows\n", referenceMs, rows);
    std::printf("100 displayed, MDNs queued:       %.1f ms, %d sent, %.2f ms each  (%.2f x reference)\n", answerMs,
                sent, answerMs / std::max(1, sent), answerMs / referenceMs);
    std::printf("the same 100 displayed again:     %.1f ms, %d already sent  (%.2f x reference)\n", againMs, again,
                againMs / referenceMs);
    return sent == int(shown.size()) && again == int(shown.size()) ? 0 : 1;
}
