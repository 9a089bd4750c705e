// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tracking/Evidence.h"

namespace Mailtrail::Tracking {

/// Evidence at or above this confidence was matched by a key (ENVID 1.0, Message-ID 1.0,
/// References 0.9) and from a report that could be read for certain; below it, it is only
/// *possible* (DESIGN.md "Only proof decides") and decides nothing about an address.
inline constexpr double kTrustedConfidence = 0.9;

/// The one predicate the address rules (AddressHistory, RecipientWarnings) use for "proof".
[[nodiscard]] inline bool isTrusted(const Evidence &evidence)
{
    return evidence.confidence >= kTrustedConfidence;
}

} // namespace Mailtrail::Tracking
