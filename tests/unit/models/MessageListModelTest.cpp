// SPDX-License-Identifier: GPL-3.0-or-later
// MessageListModel: newest first, paged loading, 100,000 rows.
#include "models/MessageListModel.h"
#include "LocalCache.h"
#include "models/Roles.h"
#include "store/AccountRepository.h"
#include "store/Database.h"
#include "store/FolderRepository.h"
#include "store/MessageRepository.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Mailtrail;

class MessageListModelTest : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    Store::Database m_db;
    qint64 m_folderId = 0;

    QString fill(quint32 count, quint32 firstUid = 1)
    {
        QList<Store::MessageRecord> batch;
        Store::MessageRepository messages(m_db.connection());
        for (quint32 uid = firstUid; uid < firstUid + count; ++uid) {
            Store::MessageRecord r;
            r.uid = uid;
            r.date = 1600000000 + qint64(uid) * 60;
            r.subject = QStringLiteral("Message %1").arg(uid);
            r.fromName = QStringLiteral("Sender %1").arg(uid % 97);
            r.fromAddress = QStringLiteral("s%1@example.test").arg(uid % 97);
            r.size = 400 + uid % 100;
            if (uid % 3 == 0)
                r.flags = {"\\Seen"};
            if (uid % 1000 == 0)
                r.looksLikeReport = true;
            batch.append(r);
            if (batch.size() == 5000) {
                const QString error = messages.upsert(m_folderId, batch);
                if (!error.isEmpty())
                    return error;
                batch.clear();
            }
        }
        return messages.upsert(m_folderId, batch);
    }

private Q_SLOTS:
    void init()
    {
        QCOMPARE(m_db.open(m_dir.filePath(QStringLiteral("m.sqlite"))), QString());
        Store::Account a = Test::localAccount(QStringLiteral("work"), QStringLiteral("alice@example.test"));
        QCOMPARE(Store::AccountRepository(m_db.connection()).add(a), QString());
        Store::Folder f;
        QCOMPARE(Test::addFolder(m_db.connection(), a.id, QStringLiteral("INBOX"), &f), QString());
        m_folderId = f.id;
    }
    void cleanup()
    {
        m_db.close();
        QFile::remove(m_dir.filePath(QStringLiteral("m.sqlite")));
        QFile::remove(m_dir.filePath(QStringLiteral("m.sqlite-wal")));
        QFile::remove(m_dir.filePath(QStringLiteral("m.sqlite-shm")));
    }

    void newestFirstWithRoles()
    {
        QCOMPARE(fill(600), QString());
        Models::MessageListModel model(m_db.connection());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.setFolder(m_folderId));
        QCOMPARE(model.rowCount(), 600);
        QCOMPARE(model.columnCount(), int(Models::MessageListModel::ColumnCount));
        const QModelIndex first = model.index(0, Models::MessageListModel::SubjectColumn);
        QCOMPARE(first.data().toString(), QStringLiteral("Message 600"));
        QCOMPARE(first.data(Models::UidRole).toUInt(), 600u);
        QCOMPARE(first.data(Models::IsSeenRole).toBool(), true);
        QCOMPARE(first.data(Models::FlagsRole).toStringList(), QStringList{QStringLiteral("\\Seen")});
        QCOMPARE(first.data(Models::DateRole).toDateTime(), QDateTime::fromSecsSinceEpoch(1600000000 + 600 * 60, Qt::UTC));
        const QModelIndex last = model.index(599, Models::MessageListModel::FromColumn);
        QCOMPARE(last.data(Models::UidRole).toUInt(), 1u);
        QCOMPARE(last.data().toString(), QStringLiteral("Sender 1"));
        QCOMPARE(model.index(299, 0).data(Models::UidRole).toUInt(), 301u); // second page
        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Subject"));
        QVERIFY(model.roleNames().contains(Models::LooksLikeReportRole));
    }

    void refreshAfterSyncShowsNewMail()
    {
        QCOMPARE(fill(10), QString());
        Models::MessageListModel model(m_db.connection());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.setFolder(m_folderId));
        QCOMPARE(model.index(0, 0).data(Models::UidRole).toUInt(), 10u);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QCOMPARE(fill(1, 11), QString());
        QVERIFY(model.refresh());
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model.rowCount(), 11);
        QCOMPARE(model.index(0, 0).data(Models::UidRole).toUInt(), 11u);
        QVERIFY(model.setFolder(0));
        QCOMPARE(model.rowCount(), 0);
    }

    void hundredThousandRows()
    {
        QCOMPARE(fill(100000), QString());
        Models::MessageListModel model(m_db.connection());
        QElapsedTimer timer;
        timer.start();
        QVERIFY(model.setFolder(m_folderId));
        const qint64 openMs = timer.elapsed();
        QCOMPARE(model.rowCount(), 100000);
        // Scroll through like a view: one screenful at a time, everywhere.
        timer.restart();
        for (int row = 0; row < 100000; row += 997) {
            for (int r = row; r < qMin(100000, row + 40); ++r)
                QVERIFY(!model.index(r, 0).data().toString().isEmpty());
        }
        const qint64 scrollMs = timer.elapsed();
        QCOMPARE(model.index(99999, 0).data(Models::UidRole).toUInt(), 1u);
        QCOMPARE(model.index(0, 0).data(Models::LooksLikeReportRole).toBool(), true);
        qInfo("100k rows: open %lld ms, 101 screenfuls %lld ms", openMs, scrollMs);
    }

    void databaseErrorLeavesModelEmpty()
    {
        QCOMPARE(fill(5), QString());
        Models::MessageListModel model(m_db.connection());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSqlDatabase db = m_db.connection();
        db.close();
        QVERIFY(!model.setFolder(m_folderId));
        QVERIFY(!model.lastError().isEmpty());
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(MessageListModelTest)
#include "MessageListModelTest.moc"
