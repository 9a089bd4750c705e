// SPDX-License-Identifier: GPL-3.0-or-later
#include "MailSortProxy.h"

#include "MailTableModel.h"

namespace Mailtrail::Ui {

MailSortProxy::MailSortProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(MailTableModel::SortRole);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setFilterKeyColumn(-1);
}

void MailSortProxy::setSourceModel(QAbstractItemModel *source)
{
    if (sourceModel())
        disconnect(sourceModel(), nullptr, this, nullptr);
    // Keys are stale after any change; dropping them first makes lessThan re-read.
    connect(source, &QAbstractItemModel::modelAboutToBeReset, this, &MailSortProxy::dropKeys);
    connect(source, &QAbstractItemModel::rowsAboutToBeInserted, this, &MailSortProxy::dropKeys);
    connect(source, &QAbstractItemModel::rowsAboutToBeRemoved, this, &MailSortProxy::dropKeys);
    connect(source, &QAbstractItemModel::dataChanged, this, &MailSortProxy::dropKeys);
    QSortFilterProxyModel::setSourceModel(source);
}

void MailSortProxy::sort(int column, Qt::SortOrder order)
{
    m_column = column;
    dropKeys();
    if (column == MailTableModel::DateColumn && order == Qt::DescendingOrder) {
        QSortFilterProxyModel::sort(-1); // the source is already newest first
        return;
    }
    QSortFilterProxyModel::sort(column, order);
}

bool MailSortProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QAbstractItemModel *source = sourceModel();
    if (m_keys.size() != source->rowCount()) {
        auto *self = const_cast<MailSortProxy *>(this);
        self->m_keys.resize(source->rowCount());
        for (int row = 0; row < source->rowCount(); ++row)
            self->m_keys[row] = source->index(row, left.column()).data(sortRole());
    }
    const QVariant &a = m_keys.at(left.row());
    const QVariant &b = m_keys.at(right.row());
    if (a.typeId() == QMetaType::QString)
        return a.toString().localeAwareCompare(b.toString()) < 0;
    return QVariant::compare(a, b) == QPartialOrdering::Less;
}

} // namespace Mailtrail::Ui
