// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/Database.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace Mailtrail::Store {

/// The profile database on a connection of its own, for a worker thread: opened on that
/// thread at its first use, when that thread also goes below the GUI thread's priority, so
/// on a busy machine a frame gets the CPU first (a thread's nice works on Linux; QThread's
/// priorities do nothing for ordinary threads). Used by the background storing, indexing
/// and merging of the search index.
class BackgroundDatabase
{
public:
    explicit BackgroundDatabase(QString path) : m_path(std::move(path)) {}

    /// Opens the connection unless it is open; the error text, empty when it is open. A
    /// failed open is tried again at the next call.
    [[nodiscard]] QString open();
    [[nodiscard]] bool isOpen() const { return m_database != nullptr; }
    [[nodiscard]] QSqlDatabase connection() const { return m_database->connection(); }

private:
    QString m_path;
    std::unique_ptr<Database> m_database;
};

} // namespace Mailtrail::Store
