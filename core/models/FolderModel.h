// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractItemModel>
#include <QSqlDatabase>

#include <memory>
#include <vector>

namespace Mailtrail::Models {

/// Accounts and their cached folders as a tree: one top-level row per account, folders
/// below it nested by their hierarchy delimiter (RFC 9051 §5.1). One column; counts and
/// special-use attributes through the roles of Roles.h. Special-use folders (RFC 6154)
/// sort right after INBOX.
class FolderModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    explicit FolderModel(QSqlDatabase db, QObject *parent = nullptr);
    ~FolderModel() override;

    /// Re-reads accounts, folders and counts (after a sync).
    bool refresh();
    [[nodiscard]] QString lastError() const { return m_lastError; }
    /// Index of a folder by id, invalid if unknown.
    [[nodiscard]] QModelIndex indexOfFolder(qint64 folderId) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

    struct Node;

private:
    QModelIndex indexOf(const Node *node) const;

    QSqlDatabase m_db;
    std::unique_ptr<Node> m_root;
    QString m_lastError;
};

} // namespace Mailtrail::Models
