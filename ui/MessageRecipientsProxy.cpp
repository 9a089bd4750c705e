// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageRecipientsProxy.h"

#include "models/TrackingModel.h"

namespace Mailtrail::Ui {

MessageRecipientsProxy::MessageRecipientsProxy(Models::TrackingModel *model, QObject *parent)
    : QAbstractProxyModel(parent)
    , m_model(model)
{
    QAbstractProxyModel::setSourceModel(model);
    // The TrackingModel resets on reload and changes data in place; any structural change
    // (none today) is taken as a reset, which is always correct.
    connect(model, &QAbstractItemModel::modelAboutToBeReset, this, &MessageRecipientsProxy::beginChange);
    connect(model, &QAbstractItemModel::modelReset, this, &MessageRecipientsProxy::endChange);
    connect(model, &QAbstractItemModel::layoutAboutToBeChanged, this, &MessageRecipientsProxy::beginChange);
    connect(model, &QAbstractItemModel::layoutChanged, this, &MessageRecipientsProxy::endChange);
    connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this, &MessageRecipientsProxy::beginChange);
    connect(model, &QAbstractItemModel::rowsInserted, this, &MessageRecipientsProxy::endChange);
    connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this, &MessageRecipientsProxy::beginChange);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &MessageRecipientsProxy::endChange);
    connect(model, &QAbstractItemModel::rowsAboutToBeMoved, this, &MessageRecipientsProxy::beginChange);
    connect(model, &QAbstractItemModel::rowsMoved, this, &MessageRecipientsProxy::endChange);
    connect(model, &QAbstractItemModel::columnsAboutToBeInserted, this, &MessageRecipientsProxy::beginChange);
    connect(model, &QAbstractItemModel::columnsInserted, this, &MessageRecipientsProxy::endChange);
    connect(model, &QAbstractItemModel::columnsAboutToBeRemoved, this, &MessageRecipientsProxy::beginChange);
    connect(model, &QAbstractItemModel::columnsRemoved, this, &MessageRecipientsProxy::endChange);
    connect(model, &QAbstractItemModel::dataChanged, this, &MessageRecipientsProxy::forwardDataChanged);
}

void MessageRecipientsProxy::setSentMessage(qint64 sentMessageId)
{
    beginChange();
    m_sentMessageId = sentMessageId;
    endChange();
}

void MessageRecipientsProxy::beginChange()
{
    if (m_changing)
        return;
    m_changing = true;
    beginResetModel();
}

void MessageRecipientsProxy::endChange()
{
    if (!m_changing)
        return;
    m_message = m_sentMessageId > 0 ? QPersistentModelIndex(m_model->indexForSentMessage(m_sentMessageId))
                                    : QPersistentModelIndex();
    m_changing = false;
    endResetModel();
}

void MessageRecipientsProxy::forwardDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                                                const QList<int> &roles)
{
    if (m_changing || !m_message.isValid() || m_message != topLeft.parent())
        return;
    Q_EMIT dataChanged(mapFromSource(topLeft), mapFromSource(bottomRight), roles);
}

QModelIndex MessageRecipientsProxy::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || !hasIndex(row, column, parent))
        return {};
    return createIndex(row, column);
}

QModelIndex MessageRecipientsProxy::parent(const QModelIndex &) const
{
    return {};
}

int MessageRecipientsProxy::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_message.isValid())
        return 0;
    return m_model->rowCount(m_message);
}

int MessageRecipientsProxy::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_model->columnCount();
}

bool MessageRecipientsProxy::hasChildren(const QModelIndex &parent) const
{
    return !parent.isValid() && rowCount() > 0;
}

QModelIndex MessageRecipientsProxy::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!proxyIndex.isValid() || !m_message.isValid())
        return {};
    return m_model->index(proxyIndex.row(), proxyIndex.column(), m_message);
}

QModelIndex MessageRecipientsProxy::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!sourceIndex.isValid() || !m_message.isValid() || m_message != sourceIndex.parent())
        return {};
    return createIndex(sourceIndex.row(), sourceIndex.column());
}

QVariant MessageRecipientsProxy::headerData(int section, Qt::Orientation orientation, int role) const
{
    return m_model->headerData(section, orientation, role);
}

} // namespace Mailtrail::Ui
