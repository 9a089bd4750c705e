// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tracking/Evidence.h"

#include <QString>

namespace Mailtrail::Tracking {

/// Plain-language meaning of an enhanced status code (RFC 3463 §3, RFC 5248 registry),
/// e.g. "5.1.1" → "the mailbox does not exist". Falls back to the class and subject
/// ("permanent failure: addressing problem") for codes without a specific text, and
/// returns an empty string for text that is not a status code.
QString explainStatus(const QString &status);

/// One sentence for a timeline entry, e.g. "Delivered to the mailbox by mx.example.test."
/// or "Failed: the mailbox does not exist (5.1.1)." — with the server's own words left to
/// the diagnostic field shown beside it.
QString describeEvidence(const Evidence &evidence);

/// One sentence for a state as the list and the panel show it, e.g. for Relayed:
/// "Passed to a server that cannot report; no further reports will come."
QString describeState(DeliveryState state);

} // namespace Mailtrail::Tracking
