// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <Qt>

namespace Mailtrail::Models {

/// Roles of TrackingModel (and the delivery summary roles other models borrow).
/// To be folded into the one roles header of core/models.
enum TrackingRole {
    TrackingFirstRole = Qt::UserRole + 500,
    SentMessageIdRole = TrackingFirstRole, ///< qint64, tracking store id (both levels)
    IsRecipientRole,      ///< bool: a recipient row (child) rather than a message row
    StateRole,            ///< int(Tracking::DeliveryState): recipient state, or worst for a message
    StateNameRole,        ///< QString: "delivered", …
    BestStateRole,        ///< int(Tracking::DeliveryState): message rows, the most advanced
    DetailRole,           ///< QString: plain-language sentence
    UpdatedRole,          ///< QDateTime of the newest evidence
    AddressRole,          ///< QString: recipient address (recipient rows)
    StatusRole,           ///< QString: enhanced status code of the deciding evidence
    DiagnosticRole,       ///< QString: server text of the deciding evidence
    EventsRole,           ///< QVariantList of QVariantMap (kind, source, time, detail, status,
                          ///< diagnostic, reportId, …), oldest first
    DsnUnsupportedRole,   ///< bool: the server did not offer DSN for this message
    MessageIdHeaderRole,  ///< QString: Message-ID of the sent message
    RecipientCountRole,   ///< int
    FailedCountRole,      ///< int
};

} // namespace Mailtrail::Models
