// SPDX-License-Identifier: GPL-3.0-or-later
#include "AttentionWatcher.h"

#include "AppContext.h"
#include "DeliveryNotifier.h"

#include <QMenu>
#include <QTimer>

namespace Mailtrail::Ui {

AttentionWatcher::AttentionWatcher(AppContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(0);
    connect(m_timer, &QTimer::timeout, this, &AttentionWatcher::refresh);
    QAbstractItemModel *model = &m_context.trackingModel();
    connect(model, &QAbstractItemModel::modelReset, m_timer, qOverload<>(&QTimer::start));
    connect(model, &QAbstractItemModel::dataChanged, m_timer, qOverload<>(&QTimer::start));
    connect(model, &QAbstractItemModel::rowsInserted, m_timer, qOverload<>(&QTimer::start));
    m_notify = [](const Tracking::AttentionItem &item) {
        DeliveryNotification n;
        n.kind = DeliveryNotification::Kind::Failed;
        n.sentMessageId = item.message.id;
        n.summary = tr("Needs attention: %1")
                        .arg(item.message.subject.isEmpty() ? tr("(no subject)") : item.message.subject);
        n.body = Tracking::describeReasons(item.reasons);
        postDesktopNotification(n);
    };
}

void AttentionWatcher::refresh()
{
    m_timer->stop();
    Tracking::NeedsAttention attention(m_context.database().connection());
    const QDateTime now = m_context.now();
    m_items = attention.items(now);
    const QList<qint64> fresh = attention.takeUnnotified(m_items, now);
    if (m_notify) {
        for (const Tracking::AttentionItem &item : std::as_const(m_items)) {
            if (fresh.contains(item.message.id))
                m_notify(item);
        }
    }
    Q_EMIT changed(ids());
}

QSet<qint64> AttentionWatcher::ids() const
{
    QSet<qint64> set;
    for (const Tracking::AttentionItem &item : m_items)
        set.insert(item.message.id);
    return set;
}

bool AttentionWatcher::dismiss(qint64 sentMessageId)
{
    Tracking::NeedsAttention attention(m_context.database().connection());
    if (!attention.dismiss(sentMessageId, m_context.now()))
        return false;
    refresh();
    return true;
}

void AttentionWatcher::addActions(QMenu *menu, qint64 sentMessageId)
{
    if (!ids().contains(sentMessageId))
        return;
    QAction *dismissAction = menu->addAction(tr("&Dismiss from Needs Attention"), this,
                                             [this, sentMessageId] { dismiss(sentMessageId); });
    dismissAction->setObjectName(QStringLiteral("dismissAttention"));
}

} // namespace Mailtrail::Ui
