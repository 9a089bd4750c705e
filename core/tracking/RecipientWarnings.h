// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tracking/AddressHistory.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Mailtrail::Tracking {

/// A warning about one recipient before sending (issue #18 "Before sending").
struct RecipientWarning
{
    enum class Kind {
        FailedBefore, ///< a permanent failure on record, newer than any delivery (known-bad)
        DomainTypo,   ///< the domain is one edit from a known one
    };
    QString address;
    Kind kind = Kind::FailedBefore;
    QString status;      ///< FailedBefore: enhanced status (or reply code) of the failure
    QDateTime at;        ///< FailedBefore: when it failed
    QString suggestion;  ///< DomainTypo: the corrected address
    QString description; ///< in words, translated (describeKnownBad() / "Did you mean …?")

    friend bool operator==(const RecipientWarning &, const RecipientWarning &) = default;
};

/// "failed-before" / "domain-typo": the kind as the CLI's JSON spells it.
[[nodiscard]] QString warningKindName(RecipientWarning::Kind kind);

/// {"address", "kind", "status", "at" (ISO 8601, UTC), "suggestion"} — `mailtrail-cli send`'s
/// contract; "status"/"at" are null for a typo, "suggestion" null for a failure.
[[nodiscard]] QJsonObject warningToJson(const RecipientWarning &warning);

/// Warnings for @p addresses from what @p store knows, in the order given (an address can
/// have both kinds). No network lookups.
[[nodiscard]] QList<RecipientWarning> recipientWarnings(const DeliveryRecords &store,
                                                        const QStringList &addresses);

/// The same from known data: per address its history (AddressHistory::address is the
/// address checked) and the domains delivered to.
[[nodiscard]] QList<RecipientWarning> recipientWarnings(const QList<AddressHistory> &histories,
                                                        const QStringList &deliveredDomains);

} // namespace Mailtrail::Tracking
