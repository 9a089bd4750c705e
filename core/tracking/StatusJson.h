// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tracking/TrackingStore.h"

#include <QJsonObject>

namespace Mailtrail::Tracking {

/// JSON of one evidence event: id (for `status --confirm`), kind, source, time (the remote
/// date, ISO 8601 UTC), received (Mailtrail's clock, which orders events), status, reply code,
/// diagnostic, remote/reporting MTA, will-retry-until, automatic, confidence, matched_by,
/// possible, match_reason, confirmed, report_id, and a plain-language `detail`.
QJsonObject evidenceToJson(const Evidence &evidence);

/// JSON of a sent message for `mailtrail-cli status --json`: message_id, envid, subject,
/// account, submitted, dsn_supported, summary {worst, best}, and per recipient at least
/// `address`, `state`, `status`, `diagnostic`, `updated` and `events` (the tracking issue's
/// contract), plus `detail`, `overdue_since`, `replycode` and `deciding_event` (status,
/// diagnostic and reply code all come from that one event), `possible` (the possible events,
/// apart from the deciding ones) and `conflict` (an event contradicting the state, or null).
QJsonObject messageToJson(const TrackedMessage &message, const QDateTime &now,
                          const DeadlinePolicy &policy = {});

} // namespace Mailtrail::Tracking
