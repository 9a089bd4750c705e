// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeliveryNotifier.h"

#include "models/Roles.h"

#include <QAbstractItemModel>
#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCall>
#include <QLoggingCategory>
#include <QVariantMap>

Q_LOGGING_CATEGORY(lcNotify, "mailtrail.ui.notifications")

namespace Mailtrail::Ui {

using Tracking::DeliveryState;

namespace {

std::optional<DeliveryNotification::Kind> notableKind(DeliveryState state)
{
    switch (state) {
    case DeliveryState::Failed:
    case DeliveryState::Rejected:
        return DeliveryNotification::Kind::Failed;
    case DeliveryState::Delayed:
    case DeliveryState::Overdue:
        return DeliveryNotification::Kind::Delayed;
    case DeliveryState::Displayed:
        return DeliveryNotification::Kind::Read;
    default:
        return std::nullopt;
    }
}

QString tr(const char *text)
{
    return QCoreApplication::translate("Mailtrail::Ui::DeliveryNotifier", text);
}

} // namespace

QList<DeliveryNotification> DeliveryNotifier::observe(const QList<RecipientSnapshot> &recipients)
{
    QList<DeliveryNotification> out;
    QHash<QString, DeliveryState> now;
    for (const RecipientSnapshot &r : recipients) {
        const QString key = QString::number(r.sentMessageId) + QLatin1Char('\n') + r.address.toLower();
        now.insert(key, r.state);
        if (!m_primed)
            continue;
        const auto before = m_known.constFind(key);
        if (before != m_known.cend() && *before == r.state)
            continue;
        const auto kind = notableKind(r.state);
        if (!kind)
            continue;
        // Failed → rejected or delayed → overdue is the same news again.
        if (before != m_known.cend() && notableKind(*before) == kind)
            continue;
        DeliveryNotification n;
        n.kind = *kind;
        n.sentMessageId = r.sentMessageId;
        const QString subject = r.subject.isEmpty() ? tr("(no subject)") : r.subject;
        switch (*kind) {
        case DeliveryNotification::Kind::Failed:
            n.summary = tr("Delivery failed: %1").arg(subject);
            break;
        case DeliveryNotification::Kind::Delayed:
            n.summary = tr("Delivery delayed: %1").arg(subject);
            break;
        case DeliveryNotification::Kind::Read:
            n.summary = tr("Read: %1").arg(subject);
            break;
        }
        n.body = r.detail.isEmpty() ? r.address : tr("%1: %2").arg(r.address, r.detail);
        out.append(n);
    }
    m_known = std::move(now);
    m_primed = true;
    return out;
}

QList<RecipientSnapshot> DeliveryNotifier::snapshot(const QAbstractItemModel &model)
{
    QList<RecipientSnapshot> out;
    for (int m = 0; m < model.rowCount(); ++m) {
        const QModelIndex message = model.index(m, 0);
        const QString subject = message.data().toString();
        for (int r = 0; r < model.rowCount(message); ++r) {
            const QModelIndex recipient = model.index(r, 0, message);
            out.append({message.data(Models::SentMessageIdRole).toLongLong(),
                        recipient.data(Models::AddressRole).toString(), subject,
                        DeliveryState(recipient.data(Models::StateRole).toInt()),
                        recipient.data(Models::DetailRole).toString()});
        }
    }
    return out;
}

void postDesktopNotification(const DeliveryNotification &notification)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        qCInfo(lcNotify) << "no session bus; notification not shown:" << notification.summary;
        return;
    }
    // org.freedesktop.Notifications.Notify (Desktop Notifications Specification 1.2).
    QDBusMessage call = QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.Notifications"),
                                                      QStringLiteral("/org/freedesktop/Notifications"),
                                                      QStringLiteral("org.freedesktop.Notifications"),
                                                      QStringLiteral("Notify"));
    QVariantMap hints;
    hints.insert(QStringLiteral("desktop-entry"), QStringLiteral("org.mailtrail.Mailtrail"));
    hints.insert(QStringLiteral("category"), notification.kind == DeliveryNotification::Kind::Failed
                                                 ? QStringLiteral("email.bounced")
                                                 : QStringLiteral("email"));
    // The app icon is the one Mailtrail installs (hicolor), so every notification server finds it.
    call << QStringLiteral("Mailtrail") << uint(0) << QStringLiteral("org.mailtrail.Mailtrail") << notification.summary
         << notification.body << QStringList() << hints << int(-1);
    bus.asyncCall(call);
}

} // namespace Mailtrail::Ui
