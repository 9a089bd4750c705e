// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QObject>

#include <functional>

class QAbstractItemView;
class QMenu;

namespace Mailtrail::Tracking {
class DeliveryRecords;
}

namespace Mailtrail::Ui {

/// Per-address history (issue #18) on a view of recipient rows (the delivery panel's): the
/// tooltip of a recipient and its context menu say what happened to every mail sent to that
/// address — sent N, delivered N, read N, failed N, last outcome, median time to delivery and
/// to read (Tracking::describeHistory()).
class RecipientHistoryTips : public QObject
{
    Q_OBJECT
public:
    RecipientHistoryTips(QAbstractItemView *view, const Tracking::DeliveryRecords *store,
                         std::function<QDateTime()> now);

    /// The history text for @p address, as the tooltip shows it.
    [[nodiscard]] QString historyText(const QString &address) const;
    /// Fills @p menu with the history lines of @p address (for the context menu).
    void addHistory(QMenu *menu, const QString &address) const;
    /// Adds more entries to the context menu (e.g. "Resend to failed recipients…").
    void setExtraActions(std::function<void(QMenu *menu)> extra) { m_extra = std::move(extra); }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QAbstractItemView *m_view;
    const Tracking::DeliveryRecords *m_store;
    std::function<QDateTime()> m_now;
    std::function<void(QMenu *menu)> m_extra;
};

} // namespace Mailtrail::Ui
