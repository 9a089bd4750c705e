// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tracking/DeliveryRecords.h"

#include <QList>
#include <QString>

#include <optional>

namespace Mailtrail::Tracking {

/// Proof that a mail reached the address: a delivery DSN, relayed/expanded, any read receipt
/// disposition or a reply. Only trusted evidence (isTrusted()) counts.
[[nodiscard]] bool provesDelivery(const Evidence &evidence);

/// A permanent failure (RFC 3463 class 5, or a failed DSN / bounce / refusal without a
/// temporary 4.x.x status) from trusted evidence. 4.x.x and delays are not.
[[nodiscard]] bool isPermanentFailure(const Evidence &evidence);

/// A temporary problem worth telling (a delay, a 4.x.x failure), trusted or not: it informs,
/// it never makes an address known-bad.
[[nodiscard]] bool isTemporaryProblem(const Evidence &evidence);

/// The known-bad rule (issue #18): the newest permanent failure to an address when it is more
/// recent than every delivery proof to it; nullopt when the address is not known-bad.
/// @p events is all evidence about one address, from any number of messages, in any order.
/// A low-confidence match neither makes an address bad nor clears it.
[[nodiscard]] std::optional<Evidence> knownBadEvidence(const QList<Evidence> &events);

/// What Mailtrail knows about one address from every message sent to it.
struct AddressHistory
{
    QString address;
    int sent = 0;      ///< messages submitted to it (accepted, refused or further)
    int delivered = 0; ///< messages with delivery proof (delivered, relayed, read, replied)
    int read = 0;      ///< messages with a "displayed" read receipt or a reply
    int failed = 0;    ///< messages whose state for it is failed or rejected
    /// The state of the newest message to it, and when that state was reached.
    std::optional<DeliveryState> lastOutcome;
    QDateTime lastOutcomeAt;
    QString lastOutcomeStatus; ///< enhanced status (or reply code) of the event that decided it
    /// Median seconds from submission to the first delivery proof, and to the first read.
    std::optional<qint64> medianSecondsToDelivery;
    std::optional<qint64> medianSecondsToRead;
    /// The deciding permanent failure when the address is known-bad (knownBadEvidence()).
    std::optional<Evidence> knownBad;
    /// The newest temporary problem (delay, 4.x.x) when it is newer than any delivery.
    std::optional<Evidence> temporaryProblem;

    [[nodiscard]] bool isEmpty() const { return sent == 0 && !lastOutcome; }
};

/// Builds the history of @p address from the messages that have it as a recipient (the
/// others are ignored). Pure: @p now only derives states (overdue).
[[nodiscard]] AddressHistory addressHistory(const QString &address,
                                            const QList<TrackedMessage> &messages,
                                            const QDateTime &now);

/// The history of @p address from the tracking store.
[[nodiscard]] AddressHistory addressHistory(const DeliveryRecords &store, const QString &address,
                                            const QDateTime &now);

/// "Failed on 6 Dec 2026: 5.1.1 the mailbox does not exist (report from mail.example.test)"
[[nodiscard]] QString describeKnownBad(const Evidence &failure);

/// The last outcome in a few words for address completion: "delivered 3 days ago",
/// "failed 5.1.1", "read"; empty when nothing is known.
[[nodiscard]] QString describeLastOutcome(const AddressHistory &history, const QDateTime &now);

/// Several lines for a tooltip: sent N, delivered N, read N, failed N, last outcome, medians.
[[nodiscard]] QString describeHistory(const AddressHistory &history, const QDateTime &now);

} // namespace Mailtrail::Tracking
