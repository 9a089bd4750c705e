// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tracking/TrackingStore.h"

#include <QJsonObject>

namespace Mailtrail::Tracking {

/// JSON of one evidence event: kind, source, time (ISO 8601 UTC), status, reply code,
/// diagnostic, remote/reporting MTA, will-retry-until, automatic, confidence, matched_by,
/// report_id, and a plain-language `detail`.
QJsonObject evidenceToJson(const Evidence &evidence);

/// JSON of a sent message for `mailtrail-cli status --json`: message_id, envid, subject,
/// account, submitted, dsn_supported, summary {worst, best}, and per recipient at least
/// `address`, `state`, `status`, `diagnostic`, `updated` and `events` (the tracking issue's
/// contract), plus `detail` and `overdue_since`.
QJsonObject messageToJson(const TrackedMessage &message, const QDateTime &now,
                          const DeadlinePolicy &policy = {});

} // namespace Mailtrail::Tracking
