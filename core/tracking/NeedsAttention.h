// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tracking/TrackingStore.h"

#include <QSqlDatabase>

#include <chrono>

namespace Mailtrail::Tracking {

/// A recipient is worth the user's attention after this long in "delayed".
inline constexpr std::chrono::hours kDelayNeedsAttention{24};

/// Why a sent message needs attention: one recipient failed, rejected, overdue, or delayed
/// for more than kDelayNeedsAttention.
struct AttentionReason
{
    QString address;
    DeliveryState state = DeliveryState::Failed;
    QDateTime since;   ///< when the state began (the failure, the first delay, the deadline)
    QString status;    ///< enhanced status or reply code of the deciding event, if any

    friend bool operator==(const AttentionReason &, const AttentionReason &) = default;
};

/// The reasons @p message needs attention at @p now (empty: it does not). Pure.
[[nodiscard]] QList<AttentionReason> attentionReasons(const TrackedMessage &message,
                                                      const QDateTime &now,
                                                      const DeadlinePolicy &policy = {});

struct AttentionItem
{
    TrackedMessage message;
    QList<AttentionReason> reasons;
};

/// The "Needs attention" list (issue #18): sent mail with a reason, that the user has not
/// dismissed, newest first; and which items a desktop notification was shown for.
class NeedsAttention
{
public:
    explicit NeedsAttention(QSqlDatabase database);

    [[nodiscard]] QList<AttentionItem> items(const QDateTime &now,
                                             const DeadlinePolicy &policy = {}) const;
    /// Removes the message from the list for good. False on failure (lastError()).
    [[nodiscard]] bool dismiss(qint64 sentMessageId, const QDateTime &now);
    /// Of @p items, those not notified before; they are remembered as notified now, so each
    /// gets one notification.
    [[nodiscard]] QList<qint64> takeUnnotified(const QList<AttentionItem> &items, const QDateTime &now);

    [[nodiscard]] QString lastError() const { return m_lastError; }

private:
    QSqlDatabase m_db;
    QString m_lastError;
};

/// One line for an item: "bob@example.test failed (5.1.1); carol@example.test delayed".
[[nodiscard]] QString describeReasons(const QList<AttentionReason> &reasons);

} // namespace Mailtrail::Tracking
