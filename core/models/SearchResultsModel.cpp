// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/SearchResultsModel.h"

#include "models/Roles.h"
#include "store/Database.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSqlError>

namespace Mailtrail::Models {

Search::SearchResult runSearch(QSqlDatabase db, const QString &text, const Search::Scope &scope)
{
    const Search::ParsedQuery parsed = Search::parseQuery(text, QDate::currentDate());
    if (!parsed.ok()) {
        Search::SearchResult result;
        result.error = parsed.error.message;
        return result;
    }
    return Search::LocalSearch(std::move(db)).run(*parsed.root, scope);
}

SearchWorker::~SearchWorker()
{
    if (!m_connection.isEmpty()) {
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

void SearchWorker::run(quint64 generation, const QString &text, const Search::Scope &scope)
{
    if (m_connection.isEmpty()) {
        m_connection = QStringLiteral("mailtrail-search-%1").arg(quintptr(this));
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
        db.setDatabaseName(m_path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open()) {
            Q_EMIT done(generation, {}, db.lastError().text(), 0);
            return;
        }
    }
    const Search::SearchResult result = runSearch(QSqlDatabase::database(m_connection, false), text, scope);
    Q_EMIT done(generation, result.hits, result.error, result.unindexed);
}

SearchResultsModel::SearchResultsModel(QSqlDatabase db, const QString &databasePath, QObject *parent)
    : QAbstractTableModel(parent)
    , m_db(std::move(db))
{
    qRegisterMetaType<QList<Search::Hit>>();
    qRegisterMetaType<Search::Scope>();
    if (!databasePath.isEmpty() && databasePath != QLatin1String(":memory:")) {
        m_worker = new SearchWorker(databasePath);
        m_worker->moveToThread(&m_thread);
        connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
        connect(m_worker, &SearchWorker::done, this, &SearchResultsModel::apply);
        m_thread.setObjectName(QStringLiteral("search"));
        m_thread.start();
    }
}

SearchResultsModel::~SearchResultsModel()
{
    if (m_worker) {
        m_thread.quit();
        m_thread.wait();
    }
}

void SearchResultsModel::setQuery(const QString &text)
{
    if (text == m_query)
        return;
    m_query = text;
    start();
}

void SearchResultsModel::setFolder(qint64 folderId)
{
    if (folderId == m_folderId)
        return;
    m_folderId = folderId;
    start();
}

void SearchResultsModel::refresh()
{
    start();
}

void SearchResultsModel::start()
{
    const quint64 generation = ++m_pending;
    if (m_query.trimmed().isEmpty()) {
        apply(generation, {}, {}, 0);
        return;
    }
    Search::Scope scope;
    scope.folderId = m_folderId;
    scope.limit = m_limit;
    if (!m_worker) {
        const Search::SearchResult result = runSearch(m_db, m_query, scope);
        apply(generation, result.hits, result.error, result.unindexed);
        return;
    }
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, generation, text = m_query, scope] {
        worker->run(generation, text, scope);
    });
}

void SearchResultsModel::apply(quint64 generation, const QList<Search::Hit> &hits, const QString &error,
                               qint64 unindexed)
{
    if (generation != m_pending)
        return; // a newer query is on its way
    m_shown = generation;
    beginResetModel();
    m_hits = hits;
    m_error = error;
    m_unindexed = unindexed;
    endResetModel();
    Q_EMIT searchFinished();
}

int SearchResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

int SearchResultsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SearchResultsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Search::Hit &hit = m_hits.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case DateColumn:
            return QLocale().toString(hit.date.toLocalTime(), QLocale::ShortFormat);
        case FromColumn:
            return hit.fromName.isEmpty() ? hit.fromAddress : hit.fromName;
        case SubjectColumn:
            return hit.subject;
        case FolderColumn:
            return QString(hit.account + u'/' + hit.folder);
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == FromColumn)
            return hit.fromAddress;
        break;
    case Qt::FontRole:
        break;
    case MessageIdRole: return hit.messageRowId;
    case FolderIdRole: return hit.folderId;
    case UidRole: return hit.uid;
    case SubjectRole: return hit.subject;
    case FromNameRole: return hit.fromName;
    case FromAddressRole: return hit.fromAddress;
    case DateRole: return hit.date;
    case IsSeenRole: return hit.seen;
    case MessageIdHeaderRole: return hit.messageId;
    case AccountNameRole: return hit.account;
    case FolderNameRole: return hit.folder;
    case SearchWhereRole:
        return hit.where == Search::Where::Local ? QStringLiteral("local") : QStringLiteral("server");
    default:
        break;
    }
    return {};
}

QVariant SearchResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case DateColumn: return QCoreApplication::translate("SearchResultsModel", "Date");
    case FromColumn: return QCoreApplication::translate("SearchResultsModel", "From");
    case SubjectColumn: return QCoreApplication::translate("SearchResultsModel", "Subject");
    case FolderColumn: return QCoreApplication::translate("SearchResultsModel", "Folder");
    }
    return {};
}

} // namespace Mailtrail::Models
