// SPDX-License-Identifier: GPL-3.0-or-later
#include "RecipientHistoryTips.h"

#include "models/Roles.h"
#include "tracking/AddressHistory.h"

#include <QAbstractItemView>
#include <QHelpEvent>
#include <QMenu>
#include <QToolTip>

namespace Mailtrail::Ui {

RecipientHistoryTips::RecipientHistoryTips(QAbstractItemView *view, const Tracking::DeliveryRecords *store,
                                           std::function<QDateTime()> now)
    : QObject(view)
    , m_view(view)
    , m_store(store)
    , m_now(std::move(now))
{
    view->viewport()->installEventFilter(this);
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_view->indexAt(pos);
        const QString address = index.data(Models::AddressRole).toString();
        if (address.isEmpty())
            return;
        QMenu menu(m_view);
        if (m_extra) {
            m_extra(&menu);
            if (!menu.isEmpty())
                menu.addSeparator();
        }
        addHistory(&menu, address);
        menu.exec(m_view->viewport()->mapToGlobal(pos));
    });
}

QString RecipientHistoryTips::historyText(const QString &address) const
{
    const QDateTime now = m_now ? m_now() : QDateTime::currentDateTimeUtc();
    return tr("History of %1:").arg(address) + QLatin1Char('\n')
        + Tracking::describeHistory(Tracking::addressHistory(*m_store, address, now), now);
}

void RecipientHistoryTips::addHistory(QMenu *menu, const QString &address) const
{
    menu->addSection(tr("History of %1").arg(address));
    const QDateTime now = m_now ? m_now() : QDateTime::currentDateTimeUtc();
    const QString text = Tracking::describeHistory(Tracking::addressHistory(*m_store, address, now), now);
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        QAction *action = menu->addAction(line);
        action->setEnabled(false);
    }
}

bool RecipientHistoryTips::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::ToolTip || watched != m_view->viewport())
        return false;
    auto *help = static_cast<QHelpEvent *>(event);
    const QModelIndex index = m_view->indexAt(help->pos());
    const QString address = index.data(Models::AddressRole).toString();
    if (address.isEmpty())
        return false;
    QString text = index.data(Qt::ToolTipRole).toString();
    if (!text.isEmpty())
        text += QStringLiteral("\n\n");
    QToolTip::showText(help->globalPos(), text + historyText(address), m_view->viewport());
    return true;
}

} // namespace Mailtrail::Ui
