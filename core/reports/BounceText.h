// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to core/reports: reading non-standard bounces (no message/delivery-status part)
// from their human-readable text, per MTA family pattern, and completing RFC 3464 records
// from the accompanying text.

#include "reports/DeliveryReport.h"
#include "reports/MailScanner.h"

namespace Mailtrail::Reports::Detail {

/// How strongly the header section says "this is a bounce".
enum class BounceSignal
{
    None,
    Weak, ///< e.g. a null Return-Path, or a bounce-like subject from an ordinary sender
    Strong, ///< MAILER-DAEMON / postmaster sender, X-Failed-Recipients, a bounce subject
};

[[nodiscard]] BounceSignal bounceSignal(const HeaderBlock &headers, const QString &subjectLower);

/// Reads recipients, reply codes and enhanced status codes from the bounce's text parts.
/// Fills report.recipients and report.returned; returns false if the text names no failure.
[[nodiscard]] bool readBounceText(
    const MimeTree &tree, BounceSignal signal, DeliveryReport &report);

/// RFC 3464 §2.2/§2.3 fields (in a message/delivery-status part, or pasted into bounce text)
/// → report.reportingMta, … and one record per recipient group.
void parseDeliveryStatus(QByteArrayView text, DeliveryReport &report);

/// Amazon SES / SNS JSON notifications (notificationType Bounce, Delivery, Complaint).
/// Returns false if text holds no such notification.
[[nodiscard]] bool readAmazonSesJson(QByteArrayView text, DeliveryReport &report);

/// For RFC 3464 records that lack a reply code (or carry only a generic x.0.0 status), looks
/// in the human-readable first part for the recipient's SMTP reply.
void completeFromText(const MimeTree &tree, DeliveryReport &report);
/// The same, over an already extracted explanation text.
void completeFromText(QByteArrayView text, DeliveryReport &report);

} // namespace Mailtrail::Reports::Detail
