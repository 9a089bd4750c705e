// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reports/DeliveryReport.h"

#include <QByteArrayList>

namespace Mailtrail::Reports {

/// The `mailtrail-cli report` line format (issue "Reading delivery reports"): one JSON object
/// per recipient record, or one line for an MDN or a mail without records. Fields, in order:
/// file, kind, action, status, replycode, recipient, original_recipient, diagnostic,
/// remote_mta, reporting_mta, envid, original_message_id, disposition, confidence, and
/// `error` when the mail could not be read or a limit was hit. Absent values are "".
/// Lines have no trailing newline.
[[nodiscard]] QByteArrayList toJsonLines(const QString &file, const DeliveryReport &report);

/// A one-line JSON object for a file that could not be read at all.
[[nodiscard]] QByteArray unreadableJsonLine(const QString &file, const QString &error);

} // namespace Mailtrail::Reports
