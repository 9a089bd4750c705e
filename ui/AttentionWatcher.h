// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tracking/NeedsAttention.h"

#include <QObject>
#include <QSet>

#include <functional>

class QAbstractItemModel;
class QMenu;
class QTimer;
class QTreeView;

namespace Mailtrail::Ui {

class AppContext;

/// Keeps "Needs attention" (issue #18) current: after every change of the tracking model it
/// asks core (Tracking::NeedsAttention) which sent messages need attention, announces them
/// (changed()), and shows one desktop notification per new item where the desktop supports
/// it. Dismissing goes through here too.
class AttentionWatcher : public QObject
{
    Q_OBJECT
public:
    using Notify = std::function<void(const Tracking::AttentionItem &item)>;

    explicit AttentionWatcher(AppContext &context, QObject *parent = nullptr);

    /// Recomputes now (otherwise soon after the tracking model changed).
    void refresh();
    [[nodiscard]] const QList<Tracking::AttentionItem> &items() const { return m_items; }
    [[nodiscard]] QSet<qint64> ids() const;
    /// Removes a sent message from the list for good. False on failure.
    bool dismiss(qint64 sentMessageId);
    /// Replaces the desktop notification (tests).
    void setNotify(Notify notify) { m_notify = std::move(notify); }

    /// Adds "Dismiss from Needs Attention" for @p sentMessageId to @p menu when it needs
    /// attention.
    void addActions(QMenu *menu, qint64 sentMessageId);

Q_SIGNALS:
    void changed(const QSet<qint64> &ids);

private:
    AppContext &m_context;
    QList<Tracking::AttentionItem> m_items;
    Notify m_notify;
    QTimer *m_timer;
};

} // namespace Mailtrail::Ui
