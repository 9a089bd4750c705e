// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/MessageThreads.h"

#include <QAbstractProxyModel>
#include <QList>
#include <QSqlDatabase>

namespace Mailtrail::Models {

/// The message list as conversation threads: a tree over a flat message model (a
/// MessageListModel, or any model on top of it whose rows carry MessageIdRole and
/// FolderIdRole), computed by buildThreads() from Message-ID / In-Reply-To / References.
///
/// Rows map one to one to source rows; every source role and column passes through, plus
/// ThreadDepthRole, ThreadSizeRole and ThreadNewestDateRole (Roles.h). Threads are ordered
/// by their newest message, replies oldest first under the message they answer. The
/// threading keys of the whole folder come from the cache in one query, and the source
/// model is asked only for its rows' MessageIdRole (which MessageListModel answers
/// without loading rows), so a 100,000-message folder is threaded without paging it in.
/// Any structural change of the source rebuilds the threads (a model reset).
class MessageThreadModel : public QAbstractProxyModel
{
    Q_OBJECT
public:
    explicit MessageThreadModel(QSqlDatabase db, QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *sourceModel) override;
    [[nodiscard]] QString lastError() const { return m_lastError; }
    [[nodiscard]] int threadCount() const { return int(m_forest.roots.size()); }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex &index) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;
    QItemSelection mapSelectionFromSource(const QItemSelection &selection) const override;
    QItemSelection mapSelectionToSource(const QItemSelection &selection) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    void rebuild();
    void onSourceDataChanged(
        const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles);
    [[nodiscard]] QModelIndex indexOfNode(int node, int column) const;

    QSqlDatabase m_db;
    QString m_lastError;
    ThreadForest m_forest; ///< node i = source row i
    QList<int> m_rowInParent; ///< node → its row under its parent (or among the roots)
    QList<QMetaObject::Connection> m_connections;
};

} // namespace Mailtrail::Models
