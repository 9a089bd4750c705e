// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QString>

namespace Mailtrail::Store {

/// The profile's SQLite database (Qt SQL, WAL journal, foreign keys on), brought up to
/// date with the numbered migrations in `resources/sql/NNN-name.sql`.
///
/// Every migration runs in one transaction that rolls back on failure; applied
/// migrations are recorded by file name in `schema_migrations`, so migrations added
/// on parallel branches never collide on a version number.
class Database
{
public:
    static constexpr const char *defaultMigrations = ":/mailtrail/sql";

    Database();
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    /// Opens (creating if needed) @p path — or an in-memory database for ":memory:" —
    /// and applies pending migrations from @p migrationsDir. Returns an error text,
    /// empty on success.
    [[nodiscard]] QString open(const QString &path, const QString &migrationsDir = QString::fromLatin1(defaultMigrations));
    void close();

    [[nodiscard]] bool isOpen() const;
    [[nodiscard]] QSqlDatabase connection() const { return m_db; }
    [[nodiscard]] QString path() const { return m_path; }
    /// File names of the applied migrations, in order.
    [[nodiscard]] QStringList appliedMigrations() const;
    /// Result of `PRAGMA integrity_check` ("ok" when healthy).
    [[nodiscard]] QString integrityCheck() const;

private:
    QString migrate(const QString &migrationsDir);

    QSqlDatabase m_db;
    QString m_connectionName;
    QString m_path;
};

/// Rolls back an open transaction unless commit() was called (RAII). A Transaction opened
/// while another one of this class is open on the same connection becomes a SAVEPOINT inside
/// it, so repositories that write in their own transaction can be grouped by a caller.
class Transaction
{
public:
    explicit Transaction(QSqlDatabase db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    [[nodiscard]] bool isActive() const { return m_active; }
    [[nodiscard]] bool commit();

private:
    QSqlDatabase m_db;
    QString m_savepoint; ///< empty for the outermost transaction
    bool m_active = false;
};

/// SQLite stores a null QString as NULL; our text columns are NOT NULL DEFAULT ''.
[[nodiscard]] inline QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

/// Splits a migration script into statements (`;` at the end of a line ends one;
/// `BEGIN … END;` blocks of triggers stay whole).
[[nodiscard]] QStringList splitSqlStatements(const QString &script);

} // namespace Mailtrail::Store
