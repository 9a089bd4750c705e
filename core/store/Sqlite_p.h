// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to core: SQLite's C API on a connection Qt opened, for the few bulk paths where
// QSqlQuery's per-value QVariant and UTF-16 conversions cost more than SQLite's own work
// (the first sync's cache writes, the threaded list's keys; issue 4 benchmark).

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QString>
#include <QVariant>

#include <sqlite3.h>

namespace Mailtrail::Store::Sqlite {

/// The connection's own SQLite handle (Qt's QSQLITE driver), or null for another driver.
inline sqlite3 *handle(const QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

/// Owns a prepared statement.
struct Statement
{
    sqlite3_stmt *stmt = nullptr;
    Statement() = default;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    ~Statement() { sqlite3_finalize(stmt); }
};

/// A text column of the current row, converted from UTF-8 once.
inline QString text(sqlite3_stmt *stmt, int column)
{
    return QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, column)),
                             sqlite3_column_bytes(stmt, column));
}

} // namespace Mailtrail::Store::Sqlite
