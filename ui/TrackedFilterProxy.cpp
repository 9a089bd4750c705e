// SPDX-License-Identifier: GPL-3.0-or-later
#include "TrackedFilterProxy.h"

#include "models/Roles.h"
#include "models/TrackingModel.h"
#include "tracking/DeliveryState.h"

namespace Mailtrail::Ui {

using Tracking::DeliveryState;

TrackedFilterProxy::TrackedFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(false);
}

void TrackedFilterProxy::setQuickFilter(TrackedFilter filter)
{
    m_filter = filter;
    invalidateFilter();
}

void TrackedFilterProxy::setAttentionIds(const QSet<qint64> &ids)
{
    if (ids == m_attention)
        return;
    m_attention = ids;
    if (m_filter == TrackedFilter::NeedsAttention)
        invalidateFilter();
}

void TrackedFilterProxy::setSearchText(const QString &text)
{
    m_search = text.trimmed();
    invalidateFilter();
}

bool TrackedFilterProxy::matches(const QModelIndex &message, TrackedFilter filter)
{
    const QAbstractItemModel *model = message.model();
    const int recipients = model->rowCount(message);
    auto any = [&](auto predicate) {
        for (int r = 0; r < recipients; ++r) {
            if (predicate(DeliveryState(model->index(r, 0, message).data(Models::StateRole).toInt())))
                return true;
        }
        return false;
    };
    switch (filter) {
    case TrackedFilter::All:
        return true;
    case TrackedFilter::Failed:
        return any([](DeliveryState s) { return Tracking::isFailure(s); });
    case TrackedFilter::Delayed:
        return any([](DeliveryState s) { return s == DeliveryState::Delayed || s == DeliveryState::Overdue; });
    case TrackedFilter::AwaitingReport:
        if (message.data(Models::DsnUnsupportedRole).toBool())
            return false;
        return any([](DeliveryState s) {
            return s == DeliveryState::Queued || s == DeliveryState::Accepted || s == DeliveryState::Delayed;
        });
    case TrackedFilter::UnmatchedReports:
        return false; // reports are not sent messages; the window lists them separately
    case TrackedFilter::NeedsAttention:
        return false; // needs the dismissed list: filterAcceptsRow() asks the attention ids
    }
    return false;
}

bool TrackedFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid())
        return false; // one row per sent message; recipients live in the delivery panel
    const QModelIndex message = sourceModel()->index(sourceRow, 0);
    if (m_filter == TrackedFilter::NeedsAttention) {
        if (!m_attention.contains(message.data(Models::SentMessageIdRole).toLongLong()))
            return false;
    } else if (!matches(message, m_filter)) {
        return false;
    }
    if (m_search.isEmpty())
        return true;
    QStringList haystack;
    for (int c = 0; c < sourceModel()->columnCount(); ++c)
        haystack << sourceModel()->index(sourceRow, c).data().toString();
    for (int r = 0; r < sourceModel()->rowCount(message); ++r)
        haystack << sourceModel()->index(r, 0, message).data(Models::AddressRole).toString();
    return haystack.join(QLatin1Char('\n')).contains(m_search, Qt::CaseInsensitive);
}

bool TrackedFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (left.column() == Models::TrackingModel::StateColumn)
        return Tracking::severity(DeliveryState(left.data(Models::StateRole).toInt()))
            < Tracking::severity(DeliveryState(right.data(Models::StateRole).toInt()));
    if (left.column() == Models::TrackingModel::UpdatedColumn)
        return left.data().toDateTime() < right.data().toDateTime();
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace Mailtrail::Ui
