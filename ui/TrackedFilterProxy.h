// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "FolderPane.h"

#include <QSet>
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
    /// The sent messages (tracking ids) TrackedFilter::NeedsAttention shows (AttentionWatcher).
    void setAttentionIds(const QSet<qint64> &ids);

    /// Whether a sent message (a top-level index of the TrackingModel itself, not of a proxy
    /// such as this one, which hides the recipient rows the answer is read from) passes @p filter.
    [[nodiscard]] static bool matches(const QModelIndex &message, TrackedFilter filter);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    TrackedFilter m_filter = TrackedFilter::All;
    QString m_search;
    QSet<qint64> m_attention;
};

} // namespace Mailtrail::Ui
