// SPDX-License-Identifier: GPL-3.0-or-later
// How long the message list takes to open a 100,000-message folder through the UI's table
// model and sort proxy, against the reference of reading the same rows through the core
// model alone (every row touched once). Prints times and the ratio; asserts nothing.
#include "MailSortProxy.h"
#include "MailTableModel.h"
#include "models/MessageListModel.h"
#include "models/Roles.h"
#include "models/TrackingModel.h"
#include "store/AccountRepository.h"
#include "store/Database.h"
#include "store/FolderRepository.h"
#include "store/MessageRepository.h"
#include "tracking/TrackingStore.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSortFilterProxyModel>

#include <cstdio>

using namespace Mailtrail;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const int count = argc > 1 ? QByteArray(argv[1]).toInt() : 100000;
    Store::Database database;
    if (const QString e = database.open(QStringLiteral(":memory:")); !e.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(e));
        return 1;
    }
    const QSqlDatabase db = database.connection();
    Store::Account account;
    account.name = QStringLiteral("bench");
    account.email = QStringLiteral("bench@example.test");
    account.imap = {QStringLiteral("imap.example.test"), 993, Store::Security::Tls};
    account.smtp = {QStringLiteral("smtp.example.test"), 465, Store::Security::Tls};
    if (const QString e = Store::AccountRepository(db).add(account); !e.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(e));
        return 1;
    }
    Store::Folder folder;
    folder.accountId = account.id;
    folder.name = QStringLiteral("INBOX");
    folder.wireName = "INBOX";
    if (const QString e = Store::FolderRepository(db).upsert(folder); !e.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(e));
        return 1;
    }
    QList<Store::MessageRecord> records;
    for (int i = 0; i < count; ++i) {
        Store::MessageRecord r;
        r.uid = quint32(i + 1);
        r.size = quint32(1000 + i % 5000);
        r.date = 1700000000 + qint64(i) * 37 % 9999991;
        r.subject = QStringLiteral("Message %1").arg(i);
        r.fromAddress = QStringLiteral("sender%1@example.test").arg(i % 300);
        r.messageId = QStringLiteral("<m%1@example.test>").arg(i);
        records.append(r);
    }
    if (const QString e = Store::MessageRepository(db).upsert(folder.id, records); !e.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(e));
        return 1;
    }

    Tracking::TrackingStore store(db);
    Models::TrackingModel tracking(store);
    Models::MessageListModel messages(db);

    QElapsedTimer timer;
    timer.start();
    messages.setFolder(folder.id);
    qint64 sum = 0;
    for (int r = 0; r < messages.rowCount(); ++r)
        sum += messages.index(r, 0).data(Models::DateRole).toDateTime().toSecsSinceEpoch() & 1;
    const qint64 reference = timer.nsecsElapsed();

    Ui::MailTableModel table(&messages, &tracking);
    Ui::MailSortProxy proxy;
    proxy.setSourceModel(&table);
    timer.restart();
    messages.setFolder(0);
    messages.setFolder(folder.id);
    proxy.sort(Ui::MailTableModel::DateColumn, Qt::DescendingOrder);
    const qint64 opened = timer.nsecsElapsed();
    timer.restart();
    proxy.sort(Ui::MailTableModel::SizeColumn, Qt::AscendingOrder);
    const qint64 sorted = timer.nsecsElapsed();
    timer.restart();
    proxy.setFilterFixedString(QStringLiteral("sender42@"));
    const qint64 filtered = timer.nsecsElapsed();

    std::printf("rows %d (checksum %lld)\n", count, static_cast<long long>(sum));
    std::printf("reference: read every row once   %8.1f ms\n", double(reference) / 1e6);
    std::printf("open, newest first (proxy)       %8.1f ms  ratio %.1f\n", double(opened) / 1e6, double(opened) / double(reference));
    std::printf("sort by size (proxy)             %8.1f ms  ratio %.1f\n", double(sorted) / 1e6, double(sorted) / double(reference));
    std::printf("search \"sender42@\" (%d rows)     %8.1f ms  ratio %.1f\n", proxy.rowCount(), double(filtered) / 1e6,
                double(filtered) / double(reference));
    return 0;
}
