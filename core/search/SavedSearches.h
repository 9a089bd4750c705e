// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace Mailtrail::Search {

/// A search shown as a folder under "Tracked".
struct SavedSearch
{
    qint64 id = 0; ///< 0 for a built-in one
    QString name;  ///< translated for the built-in ones
    QString query;

    friend bool operator==(const SavedSearch &, const SavedSearch &) = default;
};

/// The built-in saved searches ("Failed this week", …) and the user's (table saved_searches).
class SavedSearches
{
public:
    explicit SavedSearches(QSqlDatabase db) : m_db(std::move(db)) {}

    [[nodiscard]] static QList<SavedSearch> builtIn();
    /// Built-in first, then the user's in their order.
    [[nodiscard]] QList<SavedSearch> list() const;
    /// Saves a search under @p name (replacing one of that name). Returns an error text:
    /// the query must parse, the name must not be empty.
    [[nodiscard]] QString save(const QString &name, const QString &query);
    /// Gives the user's saved search @p id a new name (not empty, not another's).
    [[nodiscard]] QString rename(qint64 id, const QString &name);
    [[nodiscard]] QString remove(qint64 id);

private:
    QSqlDatabase m_db;
};

} // namespace Mailtrail::Search
