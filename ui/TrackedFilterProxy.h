// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "FolderPane.h"

#include <QSortFilterProxyModel>

namespace Mailtrail::Ui {

/// The sent messages of Models::TrackingModel (top level only) that match a quick filter
/// and the search text (subject, state, detail or any recipient address).
class TrackedFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit TrackedFilterProxy(QObject *parent = nullptr);

    void setQuickFilter(TrackedFilter filter);
    [[nodiscard]] TrackedFilter quickFilter() const { return m_filter; }
    void setSearchText(const QString &text);

    /// Whether a sent message (a top-level index of the TrackingModel) passes @p filter.
    [[nodiscard]] static bool matches(const QModelIndex &message, TrackedFilter filter);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    TrackedFilter m_filter = TrackedFilter::All;
    QString m_search;
};

} // namespace Mailtrail::Ui
