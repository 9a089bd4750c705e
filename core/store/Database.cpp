// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/Database.h"

#include "search/TermDictionary.h"
#include "store/Sqlite_p.h"

#include <QAtomicInt>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

Q_LOGGING_CATEGORY(lcStore, "mailtrail.store", QtInfoMsg)

namespace Mailtrail::Store {

namespace {
QAtomicInt connectionCounter;

QString lastError(const QSqlQuery &query)
{
    return query.lastError().text();
}
} // namespace

Database::Database()
    : m_connectionName(QStringLiteral("mailtrail-%1").arg(connectionCounter.fetchAndAddRelaxed(1)))
{
}

Database::~Database()
{
    close();
}

bool Database::isOpen() const
{
    return m_db.isValid() && m_db.isOpen();
}

void Database::close()
{
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

QString Database::open(const QString &path, const QString &migrationsDir)
{
    close();
    // SQLite keeps memory statistics by default, behind a global mutex taken on every one of
    // its allocations; nothing here reads them, and without them the first sync's cache
    // writer spends ~8% less. Only possible before SQLite initialises (the first open);
    // later calls are refused and change nothing.
    static const bool noMemoryStatistics = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;
    Q_UNUSED(noMemoryStatistics)
    m_path = path;
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(path);
    if (!m_db.open())
        return QStringLiteral("cannot open the database %1: %2").arg(path, m_db.lastError().text());
    // Before anything uses the full-text index: its writers' term dictionary then costs no
    // second tokenization (Search::NewTerms).
    Search::installTermCapture(Sqlite::handle(m_db));
    QSqlQuery query(m_db);
    const QStringList pragmas = {
        // 16 KiB pages for a new database (an existing one keeps its size): the first sync of
        // a 100,000-message folder writes ~15% less (shallower B-trees, a quarter of the
        // page writes), as Firefox's 32 KiB pages do for its big databases. Must come before
        // WAL is switched on, which fixes the page size.
        QStringLiteral("PRAGMA page_size = 16384"),
        QStringLiteral("PRAGMA foreign_keys = ON"),
        QStringLiteral("PRAGMA journal_mode = WAL"),
        QStringLiteral("PRAGMA synchronous = NORMAL"),
        QStringLiteral("PRAGMA busy_timeout = 5000"),
        QStringLiteral("PRAGMA cache_size = -16000"),
    };
    for (const QString &pragma : pragmas) {
        if (!query.exec(pragma))
            return QStringLiteral("cannot configure the database (%1): %2").arg(pragma, lastError(query));
    }
    return migrate(migrationsDir);
}

QStringList Database::appliedMigrations() const
{
    QStringList names;
    QSqlQuery query(m_db);
    if (query.exec(QStringLiteral("SELECT name FROM schema_migrations ORDER BY name"))) {
        while (query.next())
            names << query.value(0).toString();
    }
    return names;
}

QString Database::integrityCheck() const
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("PRAGMA integrity_check")))
        return lastError(query);
    QStringList lines;
    while (query.next())
        lines << query.value(0).toString();
    return lines.join(QLatin1Char('\n'));
}

QString Database::migrate(const QString &migrationsDir)
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                                   "name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)")))
        return QStringLiteral("cannot create schema_migrations: %1").arg(lastError(query));
    const QStringList applied = appliedMigrations();
    const QDir dir(migrationsDir);
    const QStringList files = dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        if (applied.contains(file))
            continue;
        QFile source(dir.filePath(file));
        if (!source.open(QIODevice::ReadOnly))
            return QStringLiteral("cannot read migration %1").arg(file);
        const QString script = QString::fromUtf8(source.readAll());
        Transaction transaction(m_db);
        if (!transaction.isActive())
            return QStringLiteral("cannot start a transaction for migration %1: %2").arg(file, m_db.lastError().text());
        for (const QString &statement : splitSqlStatements(script)) {
            QSqlQuery step(m_db);
            if (!step.exec(statement)) {
                qCWarning(lcStore) << "migration" << file << "failed:" << step.lastError().text();
                return QStringLiteral("migration %1 failed and was rolled back: %2").arg(file, lastError(step));
            }
        }
        QSqlQuery record(m_db);
        record.prepare(QStringLiteral("INSERT INTO schema_migrations(name, applied_at) VALUES(?, strftime('%s','now'))"));
        record.addBindValue(file);
        if (!record.exec())
            return QStringLiteral("cannot record migration %1: %2").arg(file, lastError(record));
        if (!transaction.commit())
            return QStringLiteral("cannot commit migration %1: %2").arg(file, m_db.lastError().text());
        qCDebug(lcStore) << "applied migration" << file;
    }
    return {};
}

namespace {
// Depth of Store::Transaction objects open on a connection, kept on its driver (one driver per
// connection), so an inner Transaction becomes a SAVEPOINT of the outer one.
constexpr const char *kDepthProperty = "mailtrail.transactionDepth";

int transactionDepth(const QSqlDatabase &db)
{
    return db.driver() ? db.driver()->property(kDepthProperty).toInt() : 0;
}

void setTransactionDepth(const QSqlDatabase &db, int depth)
{
    if (db.driver())
        db.driver()->setProperty(kDepthProperty, depth);
}

bool execSql(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    return q.exec(sql);
}
} // namespace

Transaction::Transaction(QSqlDatabase db) : m_db(std::move(db))
{
    const int depth = transactionDepth(m_db);
    if (depth == 0) {
        m_active = m_db.transaction();
    } else {
        // SQLite: SAVEPOINT nests inside BEGIN (https://sqlite.org/lang_savepoint.html).
        m_savepoint = QStringLiteral("mailtrail_sp%1").arg(depth);
        m_active = execSql(m_db, QStringLiteral("SAVEPOINT ") + m_savepoint);
    }
    if (m_active)
        setTransactionDepth(m_db, depth + 1);
}

Transaction::~Transaction()
{
    if (!m_active)
        return;
    setTransactionDepth(m_db, transactionDepth(m_db) - 1);
    if (m_savepoint.isEmpty()) {
        m_db.rollback();
    } else {
        execSql(m_db, QStringLiteral("ROLLBACK TO ") + m_savepoint);
        execSql(m_db, QStringLiteral("RELEASE ") + m_savepoint);
    }
}

bool Transaction::commit()
{
    if (!m_active)
        return false;
    m_active = false;
    setTransactionDepth(m_db, transactionDepth(m_db) - 1);
    if (!m_savepoint.isEmpty())
        return execSql(m_db, QStringLiteral("RELEASE ") + m_savepoint);
    return m_db.commit();
}

QStringList splitSqlStatements(const QString &script)
{
    QStringList statements;
    QString current;
    bool inBlock = false;
    const QStringList lines = script.split(QLatin1Char('\n'));
    for (const QString &rawLine : lines) {
        const QString line = rawLine.trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1String("--")))
            continue;
        current += rawLine + QLatin1Char('\n');
        const QString upper = line.toUpper();
        if (upper.contains(QLatin1String("CREATE TRIGGER")))
            inBlock = true;
        if (line.endsWith(QLatin1Char(';'))) {
            if (inBlock && !upper.startsWith(QLatin1String("END")))
                continue;
            inBlock = false;
            statements << current.trimmed();
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        statements << current.trimmed();
    return statements;
}

} // namespace Mailtrail::Store
