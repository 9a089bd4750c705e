// SPDX-License-Identifier: GPL-3.0-or-later
#include "search/SavedSearches.h"

#include "search/Query.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace Mailtrail::Search {

QList<SavedSearch> SavedSearches::builtIn()
{
    return {
        {0, QCoreApplication::translate("SavedSearches", "Failed this week"), QStringLiteral("state:failed after:7d")},
        {0, QCoreApplication::translate("SavedSearches", "Delayed this week"), QStringLiteral("state:delayed after:7d")},
        {0, QCoreApplication::translate("SavedSearches", "Read by the recipient"), QStringLiteral("state:displayed")},
    };
}

QList<SavedSearch> SavedSearches::list() const
{
    QList<SavedSearch> all = builtIn();
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral("SELECT id, name, query FROM saved_searches ORDER BY position, id"))) {
        while (q.next())
            all.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString()});
    }
    return all;
}

QString SavedSearches::save(const QString &name, const QString &query)
{
    if (name.trimmed().isEmpty())
        return QCoreApplication::translate("SavedSearches", "A saved search needs a name.");
    const ParsedQuery parsed = parseQuery(query, QDate::currentDate());
    if (!parsed.ok())
        return parsed.error.message;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO saved_searches(name, query, position) VALUES(?, ?, "
                             "(SELECT COALESCE(MAX(position), 0) + 1 FROM saved_searches)) "
                             "ON CONFLICT(name) DO UPDATE SET query = excluded.query"));
    q.addBindValue(name.trimmed());
    q.addBindValue(query);
    if (!q.exec())
        return QStringLiteral("cannot save the search: %1").arg(q.lastError().text());
    return {};
}

QString SavedSearches::rename(qint64 id, const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return QCoreApplication::translate("SavedSearches", "A saved search needs a name.");
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT 1 FROM saved_searches WHERE name = ? AND id <> ?"));
    q.addBindValue(trimmed);
    q.addBindValue(id);
    if (q.exec() && q.next())
        return QCoreApplication::translate("SavedSearches", "There is a saved search named \"%1\" already.").arg(trimmed);
    q.prepare(QStringLiteral("UPDATE saved_searches SET name = ? WHERE id = ?"));
    q.addBindValue(trimmed);
    q.addBindValue(id);
    if (!q.exec())
        return QStringLiteral("cannot rename the saved search: %1").arg(q.lastError().text());
    if (q.numRowsAffected() != 1)
        return QCoreApplication::translate("SavedSearches", "That saved search does not exist any more.");
    return {};
}

QString SavedSearches::remove(qint64 id)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM saved_searches WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return QStringLiteral("cannot remove the saved search: %1").arg(q.lastError().text());
    return {};
}

} // namespace Mailtrail::Search
