// SPDX-License-Identifier: GPL-3.0-or-later
// Account, folder and message repositories over an in-memory database.
#include "store/AccountRepository.h"
#include "store/CacheWriter.h"
#include "store/Database.h"
#include "store/FolderRepository.h"
#include "store/MessageRepository.h"
#include "store/Sqlite_p.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Mailtrail::Store;

namespace {
Account sampleAccount(const QString &name = QStringLiteral("work"))
{
    Account a;
    a.name = name;
    a.displayName = QStringLiteral("Alice Example");
    a.email = QStringLiteral("alice@example.test");
    a.imap = Endpoint{QStringLiteral("mail.example.test"), 993, Security::Tls};
    a.smtp = Endpoint{QStringLiteral("mail.example.test"), 587, Security::StartTls};
    a.userName = QStringLiteral("alice@example.test");
    a.pinnedFingerprints = {QString(64, QLatin1Char('a'))};
    a.readReceipts = ReadReceipts::Never;
    return a;
}

MessageRecord message(quint32 uid, QByteArrayList flags = {})
{
    MessageRecord r;
    r.uid = uid;
    r.flags = std::move(flags);
    r.subject = QStringLiteral("Subject %1").arg(uid);
    r.messageId = QStringLiteral("<m%1@example.test>").arg(uid);
    r.date = 1700000000 + uid;
    r.size = 100 + uid;
    return r;
}
} // namespace

class RepositoryTest : public QObject
{
    Q_OBJECT
private:
    Database m_db;
    qint64 m_folderId = 0;

private Q_SLOTS:
    void init()
    {
        QCOMPARE(m_db.open(QStringLiteral(":memory:")), QString());
        AccountRepository accounts(m_db.connection());
        Account a = sampleAccount();
        QCOMPARE(accounts.add(a), QString());
        Folder f;
        f.accountId = a.id;
        f.name = QStringLiteral("INBOX");
        f.wireName = "INBOX";
        f.delimiter = QStringLiteral("/");
        FolderRepository folders(m_db.connection());
        QCOMPARE(folders.upsert(f), QString());
        m_folderId = f.id;
    }
    void cleanup() { m_db.close(); }

    void accountRoundTrip()
    {
        AccountRepository accounts(m_db.connection());
        const auto found = accounts.find(QStringLiteral("work"));
        QVERIFY(found);
        Account expected = sampleAccount();
        expected.id = found->id;
        QCOMPARE(*found, expected);
        Account copy = sampleAccount();
        QVERIFY(accounts.add(copy).contains(QStringLiteral("already exists")));
        Account updated = *found;
        updated.readReceipts = ReadReceipts::Always;
        updated.imap.security = Security::StartTls;
        QCOMPARE(accounts.update(updated), QString());
        QCOMPARE(*accounts.findById(updated.id), updated);
    }

    void removingAnAccountDropsItsCache()
    {
        MessageRepository messages(m_db.connection());
        QCOMPARE(messages.upsert(m_folderId, {message(1)}), QString());
        AccountRepository accounts(m_db.connection());
        QCOMPARE(accounts.remove(QStringLiteral("work")), QString());
        QVERIFY(accounts.list().isEmpty());
        QCOMPARE(messages.count(m_folderId), 0);
        QVERIFY(accounts.remove(QStringLiteral("work")).contains(QStringLiteral("no account")));
    }

    void folderUpsertKeepsSyncState()
    {
        FolderRepository folders(m_db.connection());
        auto f = folders.findById(m_folderId);
        QVERIFY(f);
        f->uidValidity = 42;
        f->uidNext = 100;
        f->highestModSeq = 1234567890123ull;
        f->syncedFromUid = 5;
        QCOMPARE(folders.saveSyncState(*f), QString());
        Folder again;
        again.accountId = f->accountId;
        again.name = QStringLiteral("INBOX");
        again.wireName = "INBOX";
        again.delimiter = QStringLiteral("/");
        QCOMPARE(folders.upsert(again), QString());
        QCOMPARE(again.id, f->id);
        QCOMPARE(*folders.findById(f->id), *f);
        Folder sent;
        sent.accountId = f->accountId;
        sent.name = QStringLiteral("Sent");
        sent.wireName = "Sent";
        sent.specialUse = QStringLiteral("\\Sent");
        QCOMPARE(folders.upsert(sent), QString());
        QCOMPARE(folders.list(f->accountId).size(), 2);
        QCOMPARE(folders.removeOthers(f->accountId, {"Sent"}), QString());
        QCOMPARE(folders.list(f->accountId).size(), 1);
        QCOMPARE(folders.list(f->accountId).first().specialUse, QStringLiteral("\\Sent"));
    }

    void messagesUpsertUpdateRemove()
    {
        MessageRepository messages(m_db.connection());
        QCOMPARE(messages.upsert(m_folderId, {message(1), message(2, {"\\Seen"}), message(3)}), QString());
        QCOMPARE(messages.count(m_folderId), 3);
        QCOMPARE(messages.unreadCount(m_folderId), 2);
        QCOMPARE(messages.uids(m_folderId), (QList<quint32>{1, 2, 3}));

        // Re-inserting a known UID refreshes flags but keeps the header summary.
        MessageRecord changed = message(1, {"\\Seen", "$MDNSent"});
        changed.subject = QStringLiteral("ignored");
        QCOMPARE(messages.upsert(m_folderId, {changed}), QString());
        auto one = messages.find(m_folderId, 1);
        QVERIFY(one);
        QCOMPARE(one->subject, QStringLiteral("Subject 1"));
        QCOMPARE(one->flags, (QByteArrayList{"\\Seen", "$MDNSent"}));

        QCOMPARE(messages.updateFlags(m_folderId, {{3, {"\\Flagged"}, 9}, {99, {"\\Seen"}, 9}}), QString());
        QCOMPARE(messages.flagsByUid(m_folderId).value(3), QByteArrayList{"\\Flagged"});
        QCOMPARE(messages.find(m_folderId, 3)->modseq, quint64(9));
        QCOMPARE(messages.unreadCount(m_folderId), 1);

        QCOMPARE(messages.removeUids(m_folderId, {2, 77}), QString());
        QCOMPARE(messages.uids(m_folderId), (QList<quint32>{1, 3}));
        QCOMPARE(messages.findByMessageId(QStringLiteral("<m3@example.test>")).size(), 1);
        QCOMPARE(messages.removeAll(m_folderId), QString());
        QCOMPARE(messages.count(m_folderId), 0);
    }

    void bulkUpsertsSpanStatementsWithinTheVariableLimit()
    {
        // 2,500 rows go in statements of up to 1,024 rows; a connection whose variable limit
        // allows only 3 rows a statement (24 values each) stores them all the same, known
        // rows keeping their summary.
        for (const int limit : {-1, 3 * 24 + 5}) {
            MessageRepository messages(m_db.connection());
            QCOMPARE(messages.removeAll(m_folderId), QString());
            if (limit > 0)
                sqlite3_limit(Sqlite::handle(m_db.connection()), SQLITE_LIMIT_VARIABLE_NUMBER, limit);
            QList<MessageRecord> rows;
            for (quint32 uid = 1; uid <= 2500; ++uid)
                rows.append(message(uid, uid % 2 ? QByteArrayList{"\\Seen"} : QByteArrayList{}));
            QCOMPARE(messages.upsert(m_folderId, rows), QString());
            QCOMPARE(messages.count(m_folderId), 2500);
            QCOMPARE(messages.unreadCount(m_folderId), 1250);
            QCOMPARE(messages.find(m_folderId, 2500)->subject, QStringLiteral("Subject 2500"));
            QCOMPARE(messages.findByMessageId(QStringLiteral("<m1234@example.test>")).size(), 1);
            QCOMPARE(messages.upsert(m_folderId, rows.mid(1000, 7)), QString());
            QCOMPARE(messages.count(m_folderId), 2500);
        }
    }

    void aWriterKeepsOneUpsertStatementAcrossBatches()
    {
        // CacheWriter keeps the 1,024-row INSERT between batches: one statement of the
        // connection however many batches, each batch stored whole, none after clear().
        sqlite3 *handle = Sqlite::handle(m_db.connection());
        const auto statements = [handle] {
            int n = 0;
            for (sqlite3_stmt *s = sqlite3_next_stmt(handle, nullptr); s; s = sqlite3_next_stmt(handle, s))
                ++n;
            return n;
        };
        UpsertStatements keep;
        MessageRepository messages(m_db.connection());
        quint32 uid = 0;
        int kept = -1;
        for (const int size : {2500, 1024, 3, 1500}) {
            QList<CacheRow> rows;
            for (int i = 0; i < size; ++i)
                rows.append(CacheRow::fromRecord(message(++uid)));
            QCOMPARE(messages.upsert(m_folderId, rows, SearchIndexing::Deferred, &keep), QString());
            if (kept < 0)
                kept = statements();
            QCOMPARE(statements(), kept);
            QCOMPARE(messages.count(m_folderId), qint64(uid));
        }
        QCOMPARE(messages.find(m_folderId, uid)->subject, QStringLiteral("Subject %1").arg(uid));
        const int open = statements();
        keep.clear();
        QCOMPARE(statements(), open - 1);
    }

    void aCacheWriterClosesItsConnectionCleanly()
    {
        // The writer keeps its INSERT prepared across batches; it must finalize it before
        // closing, or SQLite cannot close the connection: the last connection to close then
        // checkpoints and removes the WAL file, and a connection left open keeps it.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        qint64 folderId = 0;
        {
            Database db;
            QCOMPARE(db.open(path), QString());
            Account a = sampleAccount();
            QCOMPARE(AccountRepository(db.connection()).add(a), QString());
            Folder f;
            f.accountId = a.id;
            f.name = QStringLiteral("INBOX");
            f.wireName = "INBOX";
            f.delimiter = QStringLiteral("/");
            QCOMPARE(FolderRepository(db.connection()).upsert(f), QString());
            folderId = f.id;
        }
        {
            CacheWriter writer(path);
            for (quint32 batch = 0; batch < 3; ++batch) {
                QList<CacheRow> rows;
                for (quint32 i = 1; i <= 1500; ++i)
                    rows.append(CacheRow::fromRecord(message(batch * 1500 + i)));
                writer.upsert(folderId, rows, SearchIndexing::Deferred);
            }
            QString error = QStringLiteral("not flushed");
            QSignalSpy done(&writer, &CacheWriter::batchWritten);
            bool flushed = false;
            writer.flush([&](const QString &e) {
                error = e;
                flushed = true;
            });
            QTRY_VERIFY(flushed);
            QCOMPARE(error, QString());
            QCOMPARE(done.size(), 3);
            QCOMPARE(writer.backlog(), 0);
            QVERIFY(QFile::exists(path + QStringLiteral("-wal")));
        }
        QVERIFY2(!QFile::exists(path + QStringLiteral("-wal")), "the writer's connection is still open");
        Database db;
        QCOMPARE(db.open(path), QString());
        QCOMPARE(MessageRepository(db.connection()).count(folderId), qint64(4500));
    }

    void bodiesAreCachedAndCascade()
    {
        MessageRepository messages(m_db.connection());
        QCOMPARE(messages.upsert(m_folderId, {message(7)}), QString());
        const qint64 id = messages.find(m_folderId, 7)->id;
        QVERIFY(!messages.body(id));
        const QByteArray raw("Subject: x\r\n\r\n\x00\xff binary", 24);
        QCOMPARE(messages.storeBody(id, raw), QString());
        QCOMPARE(messages.body(id).value_or(QByteArray()), raw);
        QCOMPARE(messages.removeUids(m_folderId, {7}), QString());
        QVERIFY(!messages.body(id));
    }

    void reportsAreListed()
    {
        MessageRepository messages(m_db.connection());
        MessageRecord report = message(5);
        report.looksLikeReport = true;
        QCOMPARE(messages.upsert(m_folderId, {message(4), report}), QString());
        const auto reports = messages.reports(m_folderId);
        QCOMPARE(reports.size(), 1);
        QCOMPARE(reports.first().uid, 5u);
    }
};

QTEST_GUILESS_MAIN(RepositoryTest)
#include "RepositoryTest.moc"
