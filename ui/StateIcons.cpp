// SPDX-License-Identifier: GPL-3.0-or-later
#include "StateIcons.h"

#include <QCoreApplication>
#include <QHash>
#include <QIconEngine>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace Mailtrail::Ui {

using Tracking::DeliveryState;

namespace {

/// Paints the state glyph at the requested size, so icons stay crisp on any scale.
class StateIconEngine : public QIconEngine
{
public:
    explicit StateIconEngine(DeliveryState state)
        : m_state(state)
    {
    }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        const qreal side = qMin(rect.width(), rect.height());
        const QRectF box(rect.x() + (rect.width() - side) / 2.0,
                         rect.y() + (rect.height() - side) / 2.0, side, side);
        QColor fill = stateColor(m_state);
        if (mode == QIcon::Disabled)
            fill = QColor(160, 160, 160);
        painter->setPen(Qt::NoPen);
        painter->setBrush(fill);
        painter->drawEllipse(box.adjusted(side * 0.04, side * 0.04, -side * 0.04, -side * 0.04));

        QPen pen(Qt::white, qMax<qreal>(1.2, side * 0.11), Qt::SolidLine, Qt::RoundCap,
                 Qt::RoundJoin);
        painter->setPen(pen);
        painter->setBrush(Qt::NoBrush);
        const auto p = [&](qreal x, qreal y) {
            return QPointF(box.x() + x * side, box.y() + y * side);
        };
        switch (m_state) {
        case DeliveryState::Accepted: {
            QPainterPath check(p(0.28, 0.52));
            check.lineTo(p(0.44, 0.68));
            check.lineTo(p(0.72, 0.36));
            painter->drawPath(check);
            break;
        }
        case DeliveryState::Delivered:
        case DeliveryState::Expanded: {
            QPainterPath check(p(0.16, 0.52));
            check.lineTo(p(0.30, 0.66));
            check.lineTo(p(0.54, 0.38));
            check.moveTo(p(0.42, 0.60));
            check.lineTo(p(0.48, 0.66));
            check.lineTo(p(0.82, 0.38));
            painter->drawPath(check);
            break;
        }
        case DeliveryState::Displayed:
        case DeliveryState::Replied: {
            QPainterPath eye(p(0.16, 0.5));
            eye.quadTo(p(0.5, 0.18), p(0.84, 0.5));
            eye.quadTo(p(0.5, 0.82), p(0.16, 0.5));
            painter->drawPath(eye);
            painter->setBrush(Qt::white);
            painter->drawEllipse(QRectF(p(0.43, 0.43), p(0.57, 0.57)));
            break;
        }
        case DeliveryState::Delayed:
        case DeliveryState::Queued:
            painter->drawEllipse(QRectF(p(0.24, 0.24), p(0.76, 0.76)));
            painter->drawLine(p(0.5, 0.5), p(0.5, 0.32));
            painter->drawLine(p(0.5, 0.5), p(0.64, 0.56));
            break;
        case DeliveryState::Failed:
        case DeliveryState::Rejected:
            painter->drawLine(p(0.32, 0.32), p(0.68, 0.68));
            painter->drawLine(p(0.68, 0.32), p(0.32, 0.68));
            break;
        case DeliveryState::Overdue:
            painter->drawLine(p(0.5, 0.24), p(0.5, 0.58));
            painter->drawPoint(p(0.5, 0.76));
            break;
        case DeliveryState::Relayed:
            painter->drawLine(p(0.24, 0.5), p(0.74, 0.5));
            painter->drawLine(p(0.58, 0.34), p(0.74, 0.5));
            painter->drawLine(p(0.58, 0.66), p(0.74, 0.5));
            break;
        case DeliveryState::Deleted:
        case DeliveryState::Dispatched:
        case DeliveryState::Processed:
            painter->drawLine(p(0.28, 0.5), p(0.72, 0.5));
            break;
        }
        painter->restore();
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        QPixmap pm(size);
        pm.fill(Qt::transparent);
        QPainter painter(&pm);
        paint(&painter, QRect(QPoint(0, 0), size), mode, state);
        return pm;
    }

    QIconEngine *clone() const override { return new StateIconEngine(m_state); }

private:
    DeliveryState m_state;
};

} // namespace

QColor stateColor(DeliveryState state)
{
    switch (state) {
    case DeliveryState::Queued:
        return QColor(0x8a, 0x8f, 0x98);
    case DeliveryState::Accepted:
        return QColor(0x3b, 0x82, 0xc4);
    case DeliveryState::Relayed:
    case DeliveryState::Expanded:
        return QColor(0x5b, 0x8a, 0x9a);
    case DeliveryState::Delivered:
        return QColor(0x2e, 0x9b, 0x57);
    case DeliveryState::Displayed:
    case DeliveryState::Replied:
        return QColor(0x1f, 0x7a, 0x3f);
    case DeliveryState::Dispatched:
    case DeliveryState::Processed:
    case DeliveryState::Deleted:
        return QColor(0x6f, 0x6a, 0x9e);
    case DeliveryState::Delayed:
        return QColor(0xd9, 0x8c, 0x1a);
    case DeliveryState::Overdue:
        return QColor(0xc2, 0x6a, 0x12);
    case DeliveryState::Failed:
    case DeliveryState::Rejected:
        return QColor(0xc8, 0x32, 0x32);
    }
    return Qt::gray;
}

QString stateLabel(DeliveryState state)
{
    const char *text = "";
    switch (state) {
    case DeliveryState::Queued:
        text = QT_TRANSLATE_NOOP("Mailtrail::Ui::State", "Queued");
        break;
    case DeliveryState::Rejected:
        text = QT_TRANSLATE_NOOP("Mailtrail::Ui::State", "Rejected");
        break;
    case DeliveryState::Accepted:
        text = QT_TRANSLATE_NOOP("Mailtrail::Ui::State", "Accepted");
        break;
    case DeliveryState::Delayed:
        text = QT_TRANSLATE_NOOP("Mailtrail::Ui::State", "Delayed");
        break;
    case DeliveryState::Relayed:
        text = QT_TRANSLATE_NOOP("Mailtrail::Ui::State", "Relayed");
        break;
    case DeliveryState::Expanded:
        text = QT_TRANSLATE_NOOP("Mailtrail::Ui::State", "Delivered to list");
        break;
    case DeliveryState::Delivered:
        text = QT_TRANSLATE_NOOP("Mailtrail::Ui::State", "Delivered");
        break;
    case DeliveryState::Failed:
        text = QT_TRANSLATE_NOOP("Mailtrail::Ui::State", "Failed");
        break;
    case DeliveryState::Dispatched:
        text = QT_TRANSLATE_NOOP("Mailtrail::Ui::State", "Dispatched");
        break;
    case DeliveryState::Processed:
        text = QT_TRANSLATE_NOOP("Mailtrail::Ui::State", "Processed");
        break;
    case DeliveryState::Deleted:
        text = QT_TRANSLATE_NOOP("Mailtrail::Ui::State", "Deleted unread");
        break;
    case DeliveryState::Displayed:
        text = QT_TRANSLATE_NOOP("Mailtrail::Ui::State", "Read");
        break;
    case DeliveryState::Replied:
        text = QT_TRANSLATE_NOOP("Mailtrail::Ui::State", "Replied");
        break;
    case DeliveryState::Overdue:
        text = QT_TRANSLATE_NOOP("Mailtrail::Ui::State", "Overdue");
        break;
    }
    return QCoreApplication::translate("Mailtrail::Ui::State", text);
}

QIcon stateIcon(DeliveryState state)
{
    static QHash<int, QIcon> cache;
    auto it = cache.find(int(state));
    if (it == cache.end())
        it = cache.insert(int(state), QIcon(new StateIconEngine(state)));
    return *it;
}

} // namespace Mailtrail::Ui
