// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/MessageThreadModel.h"

#include "models/Roles.h"
#include "store/Sqlite_p.h"

#include <QDateTime>
#include <QHash>
#include <QItemSelection>
#include <QSqlError>
#include <QSqlQuery>

namespace Mailtrail::Models {

MessageThreadModel::MessageThreadModel(QSqlDatabase db, QObject *parent)
    : QAbstractProxyModel(parent)
    , m_db(std::move(db))
{ }

void MessageThreadModel::setSourceModel(QAbstractItemModel *source)
{
    beginResetModel();
    for (const auto &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    QAbstractProxyModel::setSourceModel(source);
    if (source) {
        const auto before = [this] { beginResetModel(); };
        const auto after = [this] {
            rebuild();
            endResetModel();
        };
        m_connections = {
            connect(source, &QAbstractItemModel::modelAboutToBeReset, this, before),
            connect(source, &QAbstractItemModel::modelReset, this, after),
            connect(source, &QAbstractItemModel::rowsAboutToBeInserted, this, before),
            connect(source, &QAbstractItemModel::rowsInserted, this, after),
            connect(source, &QAbstractItemModel::rowsAboutToBeRemoved, this, before),
            connect(source, &QAbstractItemModel::rowsRemoved, this, after),
            connect(source, &QAbstractItemModel::rowsAboutToBeMoved, this, before),
            connect(source, &QAbstractItemModel::rowsMoved, this, after),
            connect(source, &QAbstractItemModel::layoutAboutToBeChanged, this, before),
            connect(source, &QAbstractItemModel::layoutChanged, this, after),
            connect(source, &QAbstractItemModel::columnsAboutToBeInserted, this, before),
            connect(source, &QAbstractItemModel::columnsInserted, this, after),
            connect(source, &QAbstractItemModel::columnsAboutToBeRemoved, this, before),
            connect(source, &QAbstractItemModel::columnsRemoved, this, after),
            connect(source, &QAbstractItemModel::dataChanged, this,
                &MessageThreadModel::onSourceDataChanged),
            connect(source, &QAbstractItemModel::headerDataChanged, this,
                &QAbstractItemModel::headerDataChanged),
        };
    }
    rebuild();
    endResetModel();
}

void MessageThreadModel::rebuild()
{
    m_forest = {};
    m_rowInParent.clear();
    m_lastError.clear();
    QAbstractItemModel *source = sourceModel();
    if (!source)
        return;
    const int rows = source->rowCount();
    if (rows == 0)
        return;

    QList<ThreadMessage> messages(rows);
    QHash<qint64, int> rowOfId;
    rowOfId.reserve(rows);
    for (int row = 0; row < rows; ++row) {
        const qint64 id = source->data(source->index(row, 0), MessageIdRole).toLongLong();
        messages[row].key = id;
        rowOfId.insert(id, row);
    }
    const qint64 folderId = source->data(source->index(0, 0), FolderIdRole).toLongLong();
    const auto assign = [&](qint64 id, QString messageId, QString inReplyTo, QString references, qint64 date) {
        const auto it = rowOfId.constFind(id);
        if (it == rowOfId.cend())
            return;
        ThreadMessage &m = messages[*it];
        m.messageId = std::move(messageId);
        m.inReplyTo = std::move(inReplyTo);
        m.references = std::move(references);
        m.date = date;
    };
    static const char sql[] = "SELECT id, message_id, in_reply_to, reference_ids, date FROM messages WHERE folder_id = ?";
    if (sqlite3 *handle = Store::Sqlite::handle(m_db)) {
        // 100,000 rows: straight through SQLite, one UTF-8 conversion per text (QSqlQuery
        // caches every value as a QVariant of UTF-16 first, half of this rebuild's time).
        Store::Sqlite::Statement q;
        if (sqlite3_prepare_v2(handle, sql, -1, &q.stmt, nullptr) == SQLITE_OK) {
            sqlite3_bind_int64(q.stmt, 1, folderId);
            int rc;
            while ((rc = sqlite3_step(q.stmt)) == SQLITE_ROW) {
                assign(sqlite3_column_int64(q.stmt, 0), Store::Sqlite::text(q.stmt, 1), Store::Sqlite::text(q.stmt, 2),
                       Store::Sqlite::text(q.stmt, 3), sqlite3_column_int64(q.stmt, 4));
            }
            if (rc != SQLITE_DONE)
                m_lastError = QString::fromUtf8(sqlite3_errmsg(handle));
        } else {
            m_lastError = QString::fromUtf8(sqlite3_errmsg(handle));
        }
    } else {
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        q.prepare(QString::fromLatin1(sql));
        q.addBindValue(folderId);
        if (!q.exec())
            m_lastError = q.lastError().text();
        while (q.next()) {
            assign(q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                   q.value(4).toLongLong());
        }
    }
    // Without keys (m_lastError) every message is a thread of its own; the list still shows.
    m_forest = buildThreads(messages);
    m_rowInParent = QList<int>(rows, 0);
    for (int i = 0; i < m_forest.roots.size(); ++i)
        m_rowInParent[m_forest.roots.at(i)] = i;
    for (const ThreadNode &node : std::as_const(m_forest.nodes)) {
        for (int i = 0; i < node.children.size(); ++i)
            m_rowInParent[node.children.at(i)] = i;
    }
}

void MessageThreadModel::onSourceDataChanged(
    const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles)
{
    // Rows of a source range are scattered over the tree: one signal per row.
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
        const QModelIndex left = indexOfNode(row, topLeft.column());
        const QModelIndex right = indexOfNode(row, bottomRight.column());
        if (left.isValid() && right.isValid())
            Q_EMIT dataChanged(left, right, roles);
    }
}

QModelIndex MessageThreadModel::indexOfNode(int node, int column) const
{
    if (node < 0 || node >= m_forest.nodes.size())
        return {};
    return createIndex(m_rowInParent.at(node), column, quintptr(node));
}

QModelIndex MessageThreadModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= columnCount(parent))
        return {};
    if (!parent.isValid())
        return row < m_forest.roots.size() ? indexOfNode(m_forest.roots.at(row), column)
                                           : QModelIndex();
    if (parent.model() != this || parent.column() != 0)
        return {};
    const ThreadNode &node = m_forest.nodes.at(int(parent.internalId()));
    return row < node.children.size() ? indexOfNode(node.children.at(row), column) : QModelIndex();
}

QModelIndex MessageThreadModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.model() != this)
        return {};
    const int node = int(child.internalId());
    if (node >= m_forest.nodes.size())
        return {};
    return indexOfNode(m_forest.nodes.at(node).parent, 0);
}

QModelIndex MessageThreadModel::sibling(int row, int column, const QModelIndex &index) const
{
    return this->index(row, column, parent(index));
}

int MessageThreadModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_forest.roots.size());
    if (parent.model() != this || parent.column() != 0)
        return 0;
    return int(m_forest.nodes.at(int(parent.internalId())).children.size());
}

int MessageThreadModel::columnCount(const QModelIndex &) const
{
    return sourceModel() ? sourceModel()->columnCount() : 0;
}

bool MessageThreadModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

QVariant MessageThreadModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const ThreadNode &node = m_forest.nodes.at(int(index.internalId()));
    switch (role) {
    case ThreadDepthRole:
        return node.depth;
    case ThreadSizeRole:
        return node.subtreeSize;
    case ThreadNewestDateRole:
        return node.newest ? QDateTime::fromSecsSinceEpoch(node.newest, Qt::UTC) : QDateTime();
    default:
        return QAbstractProxyModel::data(index, role);
    }
}

Qt::ItemFlags MessageThreadModel::flags(const QModelIndex &index) const
{
    // A flat source (QAbstractTableModel) says ItemNeverHasChildren; here rows do have them,
    // and views never expand an item flagged so.
    Qt::ItemFlags flags = QAbstractProxyModel::flags(index);
    if (index.isValid() && index.column() == 0
        && !m_forest.nodes.at(int(index.internalId())).children.isEmpty())
        flags &= ~Qt::ItemNeverHasChildren;
    return flags;
}

QVariant MessageThreadModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    // Columns are the source's, one to one, also while there is no row to map through.
    if (orientation == Qt::Horizontal && sourceModel())
        return sourceModel()->headerData(section, orientation, role);
    return QAbstractItemModel::headerData(section, orientation, role);
}

QModelIndex MessageThreadModel::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!proxyIndex.isValid() || !sourceModel() || proxyIndex.model() != this)
        return {};
    return sourceModel()->index(int(proxyIndex.internalId()), proxyIndex.column());
}

QModelIndex MessageThreadModel::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!sourceIndex.isValid() || sourceIndex.model() != sourceModel())
        return {};
    return indexOfNode(sourceIndex.row(), sourceIndex.column());
}

QItemSelection MessageThreadModel::mapSelectionFromSource(const QItemSelection &selection) const
{
    QItemSelection out;
    for (const QItemSelectionRange &range : selection) {
        for (int row = range.top(); row <= range.bottom(); ++row) {
            const QModelIndex left = indexOfNode(row, range.left());
            const QModelIndex right = indexOfNode(row, range.right());
            if (left.isValid() && right.isValid())
                out.append(QItemSelectionRange(left, right));
        }
    }
    return out;
}

QItemSelection MessageThreadModel::mapSelectionToSource(const QItemSelection &selection) const
{
    QItemSelection out;
    for (const QItemSelectionRange &range : selection) {
        for (const QModelIndex &index : range.indexes()) {
            const QModelIndex source = mapToSource(index);
            if (source.isValid())
                out.select(source, source);
        }
    }
    return out;
}

QHash<int, QByteArray> MessageThreadModel::roleNames() const
{
    QHash<int, QByteArray> names
        = sourceModel() ? sourceModel()->roleNames() : QAbstractProxyModel::roleNames();
    names.insert(ThreadDepthRole, "threadDepth");
    names.insert(ThreadSizeRole, "threadSize");
    names.insert(ThreadNewestDateRole, "threadNewestDate");
    return names;
}

} // namespace Mailtrail::Models
