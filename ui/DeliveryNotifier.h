// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tracking/DeliveryState.h"

#include <QHash>
#include <QList>
#include <QString>

class QAbstractItemModel;

namespace Mailtrail::Ui {

/// One recipient of one sent message, as the tracking model shows it now.
struct RecipientSnapshot
{
    qint64 sentMessageId = 0;
    QString address;
    QString subject;
    Tracking::DeliveryState state = Tracking::DeliveryState::Queued;
    QString detail;
};

/// A desktop notification to show.
struct DeliveryNotification
{
    enum class Kind { Failed, Delayed, Read };
    Kind kind = Kind::Failed;
    qint64 sentMessageId = 0;
    QString summary; ///< "Delivery failed: Three outcomes"
    QString body;    ///< "ghost@example.test: the mailbox does not exist (5.1.1)."

    friend bool operator==(const DeliveryNotification &, const DeliveryNotification &) = default;
};

/// Decides which delivery changes deserve a desktop notification: a recipient that became
/// failed (or rejected), delayed (or overdue) or read (displayed) since the previous
/// observation. The first observation only learns the current states, so starting the
/// application or the first sync never floods the desktop with old news.
class DeliveryNotifier
{
public:
    [[nodiscard]] QList<DeliveryNotification> observe(const QList<RecipientSnapshot> &recipients);
    [[nodiscard]] bool isPrimed() const { return m_primed; }

    /// Every recipient row of a Models::TrackingModel.
    [[nodiscard]] static QList<RecipientSnapshot> snapshot(const QAbstractItemModel &trackingModel);

private:
    bool m_primed = false;
    QHash<QString, Tracking::DeliveryState> m_known; ///< "sentId\naddress" → state
};

/// Shows notifications through org.freedesktop.Notifications on the session bus. Does
/// nothing (and says so once in the log) when there is no notification service.
void postDesktopNotification(const DeliveryNotification &notification);

} // namespace Mailtrail::Ui
