// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tracking/Evidence.h"

namespace Mailtrail::Tracking {

/// The address rules (AddressHistory, RecipientWarnings) trust what decides a recipient's
/// state: evidence at or above the one threshold kDecidingConfidence, or confirmed by the user.
/// Possible evidence (a guess) decides nothing about an address either.
inline constexpr double kTrustedConfidence = kDecidingConfidence;

/// The one predicate the address rules use for "proof".
[[nodiscard]] inline bool isTrusted(const Evidence &evidence)
{
    return !evidence.isPossible();
}

} // namespace Mailtrail::Tracking
