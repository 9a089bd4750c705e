// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSortFilterProxyModel>
#include <QVariant>
#include <QVector>

namespace Mailtrail::Ui {

/// Sorting and quick search over MailTableModel that stays fast for 100,000-row folders
/// whose rows are loaded page by page: "Date, newest first" is the source's own order (no
/// sorting at all), and any other order reads every row's sort key once, in row order,
/// before sorting, so comparisons never jump between pages.
class MailSortProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit MailSortProxy(QObject *parent = nullptr);
    void setSourceModel(QAbstractItemModel *source) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    /// The column and order the user asked for (sortColumn() is -1 for the source order).
    [[nodiscard]] int requestedColumn() const { return m_column; }

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void dropKeys() { m_keys.clear(); }

    int m_column = -1;
    QVector<QVariant> m_keys; ///< source row → sort key of m_column
};

} // namespace Mailtrail::Ui
