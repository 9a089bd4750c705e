// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "search/LocalSearch.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <QSqlDatabase>
#include <QThread>

namespace Mailtrail::Models {

class SearchWorker;

/// The results of a search (issue 17) as a table, newest first: date, from, subject, folder.
/// A query runs on a worker thread with its own connection to the profile database, so
/// typing never waits for SQLite; results of an older query that arrive late are dropped.
/// With an in-memory database (tests) the query runs at once on the given connection.
class SearchResultsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { DateColumn, FromColumn, SubjectColumn, FolderColumn, ColumnCount };

    SearchResultsModel(QSqlDatabase db, const QString &databasePath, QObject *parent = nullptr);
    ~SearchResultsModel() override;

    /// Searches for @p text (the query language of Search::parseQuery); empty clears.
    void setQuery(const QString &text);
    /// Only this folder (0: all folders of all accounts).
    void setFolder(qint64 folderId);
    /// Runs the current query again (new mail arrived).
    void refresh();
    void setLimit(int limit) { m_limit = limit; }

    [[nodiscard]] QString query() const { return m_query; }
    [[nodiscard]] qint64 folder() const { return m_folderId; }
    /// The query's error in words (it names the unknown key, …); empty when it is valid.
    [[nodiscard]] QString error() const { return m_error; }
    /// Cached messages the index does not hold yet (a big sync's, being indexed): the results
    /// may lack some of them.
    [[nodiscard]] qint64 unindexed() const { return m_unindexed; }
    /// A query is running whose results are not in yet.
    [[nodiscard]] bool isSearching() const { return m_pending != m_shown; }
    [[nodiscard]] Search::Hit hit(int row) const { return m_hits.value(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    /// The results (or the error) of the current query are shown.
    void searchFinished();

private:
    void start();
    void apply(quint64 generation, const QList<Mailtrail::Search::Hit> &hits, const QString &error, qint64 unindexed);

    QSqlDatabase m_db;
    qint64 m_unindexed = 0;
    QString m_query;
    qint64 m_folderId = 0;
    int m_limit = 200;
    QString m_error;
    QList<Search::Hit> m_hits;
    quint64 m_pending = 0; ///< generation of the newest query started
    quint64 m_shown = 0;   ///< generation of the results shown
    QThread m_thread;
    SearchWorker *m_worker = nullptr;
};

/// Runs queries for SearchResultsModel on its thread. Internal.
class SearchWorker : public QObject
{
    Q_OBJECT
public:
    explicit SearchWorker(QString databasePath) : m_path(std::move(databasePath)) {}
    ~SearchWorker() override;
    void run(quint64 generation, const QString &text, const Mailtrail::Search::Scope &scope);

Q_SIGNALS:
    void done(quint64 generation, const QList<Mailtrail::Search::Hit> &hits, const QString &error, qint64 unindexed);

private:
    QString m_path;
    QString m_connection;
};

/// Parses and runs one query on @p db: the hits, or the parse error / database error.
[[nodiscard]] Search::SearchResult runSearch(QSqlDatabase db, const QString &text, const Search::Scope &scope);

} // namespace Mailtrail::Models
