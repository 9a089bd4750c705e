// SPDX-License-Identifier: GPL-3.0-or-later
// Database: WAL, numbered migrations applied once each, a failing migration rolls back.
#include "store/Database.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using Mailtrail::Store::Database;

namespace {
bool writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
}

bool tableExists(const Database &db, const QString &name)
{
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?"));
    q.addBindValue(name);
    return q.exec() && q.next();
}
} // namespace

class DatabaseTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void freshDatabaseGetsTheSchemaInWalMode()
    {
        QTemporaryDir dir;
        Database db;
        QCOMPARE(db.open(dir.filePath(QStringLiteral("mail.sqlite"))), QString());
        QVERIFY(db.appliedMigrations().contains(QStringLiteral("001-mail-cache.sql")));
        for (const char *table : {"accounts", "folders", "messages", "message_bodies"})
            QVERIFY2(tableExists(db, QString::fromLatin1(table)), table);
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        QCOMPARE(db.integrityCheck(), QStringLiteral("ok"));
    }

    void newDatabasesGetLargePagesExistingOnesKeepTheirs()
    {
        QTemporaryDir dir;
        const auto pageSize = [](const Database &db) {
            QSqlQuery q(db.connection());
            return q.exec(QStringLiteral("PRAGMA page_size")) && q.next() ? q.value(0).toInt() : -1;
        };
        Database fresh;
        QCOMPARE(fresh.open(dir.filePath(QStringLiteral("new.sqlite"))), QString());
        QCOMPARE(pageSize(fresh), 16384);

        // A profile made before: 4 KiB pages, already in WAL mode.
        const QString oldPath = dir.filePath(QStringLiteral("old.sqlite"));
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old-profile"));
            raw.setDatabaseName(oldPath);
            QVERIFY(raw.open());
            QSqlQuery q(raw);
            QVERIFY(q.exec(QStringLiteral("PRAGMA page_size = 4096")));
            QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode = WAL")));
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE kept (x)")));
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("old-profile"));
        Database old;
        QCOMPARE(old.open(oldPath), QString());
        QCOMPARE(pageSize(old), 4096);
        QVERIFY(tableExists(old, QStringLiteral("kept")));
        QCOMPARE(old.integrityCheck(), QStringLiteral("ok"));
    }

    void sqliteKeepsNoMemoryStatistics()
    {
        QTemporaryDir dir;
        Database db;
        QCOMPARE(db.open(dir.filePath(QStringLiteral("mail.sqlite"))), QString());
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM messages")) && q.next());
        // With SQLITE_CONFIG_MEMSTATUS off SQLite counts nothing (and takes no mutex for it).
        QCOMPARE(sqlite3_memory_used(), sqlite3_int64(0));
    }

    void reopeningAppliesNothingTwice()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mail.sqlite"));
        QStringList first;
        {
            Database db;
            QCOMPARE(db.open(path), QString());
            first = db.appliedMigrations();
        }
        Database db;
        QCOMPARE(db.open(path), QString());
        QCOMPARE(db.appliedMigrations(), first);
    }

    // 170-drop-recent-flag.sql: caches written before \Recent was dropped lose it once.
    void recentFlagLeavesOldCaches()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mail.sqlite"));
        {
            Database db;
            QCOMPARE(db.open(path), QString());
            QSqlQuery q(db.connection());
            QVERIFY2(q.exec(QStringLiteral(
                         "INSERT INTO accounts(name, email, imap_host, imap_port, imap_security, smtp_host, smtp_port, "
                         "smtp_security, user_name) VALUES('a', 'a@x', 'h', 993, 'tls', 'h', 465, 'tls', 'a')")),
                     qPrintable(q.lastError().text()));
            QVERIFY2(q.exec(QStringLiteral("INSERT INTO folders(account_id, name, wire_name) VALUES(1, 'INBOX', 'INBOX')")),
                     qPrintable(q.lastError().text()));
            const QStringList flags = {QStringLiteral("\\Recent"), QStringLiteral("\\Seen \\Recent"),
                                       QStringLiteral("\\RECENT $MDNSent \\Flagged"), QStringLiteral("$NotRecent \\Seen")};
            for (qsizetype i = 0; i < flags.size(); ++i) {
                q.prepare(QStringLiteral("INSERT INTO messages(folder_id, uid, flags) VALUES(1, ?, ?)"));
                q.addBindValue(int(i + 1));
                q.addBindValue(flags[i]);
                QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
            }
            // As if this database had been written before the migration existed.
            QVERIFY(q.exec(QStringLiteral("DELETE FROM schema_migrations WHERE name = '170-drop-recent-flag.sql'")));
        }
        Database db;
        QCOMPARE(db.open(path), QString());
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT flags FROM messages ORDER BY uid")));
        QStringList after;
        while (q.next())
            after << q.value(0).toString();
        QCOMPARE(after, (QStringList{QString(), QStringLiteral("\\Seen"), QStringLiteral("$MDNSent \\Flagged"),
                                     QStringLiteral("$NotRecent \\Seen")}));
    }

    void brokenMigrationRollsBack()
    {
        QTemporaryDir dir;
        const QString migrations = dir.filePath(QStringLiteral("sql"));
        QVERIFY(QDir().mkpath(migrations));
        QVERIFY(writeFile(migrations + QStringLiteral("/001-good.sql"),
                          "CREATE TABLE good (x INTEGER);\nINSERT INTO good VALUES (1);\n"));
        QVERIFY(writeFile(migrations + QStringLiteral("/002-broken.sql"),
                          "CREATE TABLE half (x INTEGER);\nINSERT INTO good VALUES (2);\nTHIS IS NOT SQL;\n"));
        const QString path = dir.filePath(QStringLiteral("db.sqlite"));
        {
            Database db;
            const QString error = db.open(path, migrations);
            QVERIFY(error.contains(QStringLiteral("002-broken.sql")));
            QVERIFY(error.contains(QStringLiteral("rolled back")));
            QCOMPARE(db.appliedMigrations(), QStringList{QStringLiteral("001-good.sql")});
            QVERIFY(tableExists(db, QStringLiteral("good")));
            QVERIFY(!tableExists(db, QStringLiteral("half")));
            QSqlQuery q(db.connection());
            QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM good")) && q.next());
            QCOMPARE(q.value(0).toInt(), 1);
        }
        // Fixed migration applies on the next start.
        QVERIFY(writeFile(migrations + QStringLiteral("/002-broken.sql"), "CREATE TABLE half (x INTEGER);\n"));
        Database db;
        QCOMPARE(db.open(path, migrations), QString());
        QVERIFY(tableExists(db, QStringLiteral("half")));
    }

    void splitKeepsTriggersWhole()
    {
        const QStringList parts = Mailtrail::Store::splitSqlStatements(QStringLiteral(
            "-- comment\nCREATE TABLE a (x);\nCREATE TRIGGER t AFTER INSERT ON a BEGIN\n  UPDATE a SET x = 1;\nEND;\nSELECT 1;\n"));
        QCOMPARE(parts.size(), 3);
        QVERIFY(parts.at(1).contains(QStringLiteral("UPDATE a SET x = 1;")));
    }

    void unopenableDatabaseSaysWhy()
    {
        Database db;
        const QString error = db.open(QStringLiteral("/proc/nonexistent/dir/db.sqlite"));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(DatabaseTest)
#include "DatabaseTest.moc"
