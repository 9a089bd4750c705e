// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/MessageRecord.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSqlDatabase>

namespace Mailtrail::Models {

/// The messages of one cached folder, newest first, as a flat table (columns Subject,
/// From, Date, Size; everything else in Roles.h).
///
/// Built for 100,000-row folders: opening a folder reads only the ordered row ids in
/// one query; rows are then loaded in pages of pageSize on first use and kept in a
/// bounded page cache, so data() never runs SQL per row and memory stays flat.
class MessageListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { SubjectColumn, FromColumn, DateColumn, SizeColumn, ColumnCount };
    static constexpr int pageSize = 256;
    static constexpr int maxCachedPages = 64;

    explicit MessageListModel(QSqlDatabase db, QObject *parent = nullptr);

    /// Shows folder @p folderId (0 = none). Returns false and leaves the model empty on
    /// a database error (see lastError()).
    bool setFolder(qint64 folderId);
    [[nodiscard]] qint64 folder() const { return m_folderId; }
    /// Re-reads the folder after a sync.
    bool refresh();
    [[nodiscard]] QString lastError() const { return m_lastError; }
    /// Row of a cached message id, or -1.
    [[nodiscard]] int rowOfMessage(qint64 messageId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    const Store::MessageRecord *record(int row) const;
    bool loadIds(QList<qint64> &ids);

    QSqlDatabase m_db;
    qint64 m_folderId = 0;
    QList<qint64> m_ids;
    QString m_lastError;
    mutable QHash<int, QList<Store::MessageRecord>> m_pages; ///< page number → rows
    mutable QList<int> m_pageOrder;                          ///< least recently loaded first
};

} // namespace Mailtrail::Models
