// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reports/DeliveryReport.h"

#include <QByteArrayView>

namespace Mailtrail::Reports {

/// Mails larger than this are read only up to this size (DeliveryReport::InputTruncated).
inline constexpr qsizetype maxMailSize = 16 * 1024 * 1024;

/// Reads one mail (the raw RFC 5322 message, CRLF or LF) and says what report it is:
/// - RFC 3464 / RFC 6533 delivery status notifications (kind Dsn), with the per-message and
///   per-recipient fields of §2.2 and §2.3 and the returned message of RFC 6522 §3;
/// - RFC 8098 message disposition notifications (kind Mdn, §3.2 fields);
/// - non-standard bounces of common MTAs (kind Bounce; recipients, reply codes and
///   enhanced status codes read from the text, each with a confidence below 1);
/// - RFC 3834 automatic replies (AutoReply) and RFC 5965 feedback reports (Feedback);
/// - anything else is None. Garbage never fails: kind None with DeliveryReport::error set.
/// Pure and thread-safe; memory is bounded (maxRecipients, maxMailSize, MIME depth).
[[nodiscard]] DeliveryReport parseDeliveryReport(QByteArrayView mail);

} // namespace Mailtrail::Reports
