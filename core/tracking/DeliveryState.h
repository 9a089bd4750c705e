// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>

namespace Mailtrail::Tracking {

/// What the mail system has proven about one recipient of a sent message (DESIGN.md,
/// "The tracking model"). Always derived from the evidence, never stored on its own.
enum class DeliveryState {
    Queued,     ///< in the outbox, not yet submitted
    Rejected,   ///< the submission server refused the RCPT or the data (5xx)
    Accepted,   ///< the submission server returned 250 for RCPT and for the data
    Delayed,    ///< DSN Action: delayed (RFC 3464 §2.3.3)
    Relayed,    ///< DSN Action: relayed — the next hop cannot report; no more DSNs will come
    Expanded,   ///< DSN Action: expanded — delivered to a list or alias
    Delivered,  ///< DSN Action: delivered
    Failed,     ///< DSN Action: failed, or a non-standard bounce
    Dispatched, ///< MDN disposition-type dispatched (RFC 8098 §3.2.6.2)
    Processed,  ///< MDN disposition-type processed
    Deleted,    ///< MDN disposition-type deleted
    Displayed,  ///< MDN disposition-type displayed
    Replied,    ///< a reply from that recipient referencing the Message-ID
    Overdue,    ///< derived: a report was requested and none came by the deadline
};

/// Stable lower-case name used in JSON and the database ("delivered", "overdue", …).
QString stateName(DeliveryState state);
/// Parses stateName(); returns false for an unknown name.
[[nodiscard]] bool stateFromName(const QString &name, DeliveryState *state);

/// True for states that end the story of a recipient as a failure.
[[nodiscard]] constexpr bool isFailure(DeliveryState state)
{
    return state == DeliveryState::Rejected || state == DeliveryState::Failed;
}

/// Severity order used to summarise a message over its recipients: the "worst" state is
/// the one a user must look at first (failed before overdue before delayed before …).
[[nodiscard]] int severity(DeliveryState state);
/// Progress order: how far along the way to the reader a recipient is (replied highest).
[[nodiscard]] int progress(DeliveryState state);

} // namespace Mailtrail::Tracking

Q_DECLARE_METATYPE(Mailtrail::Tracking::DeliveryState)
