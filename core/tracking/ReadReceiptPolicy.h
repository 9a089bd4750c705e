// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace Mailtrail::Tracking {

/// How an account answers read-receipt requests (DESIGN.md "Read receipts we send").
enum class ReceiptMode { Never, Ask, Always };
QString receiptModeName(ReceiptMode mode);
[[nodiscard]] bool receiptModeFromName(const QString &name, ReceiptMode *mode);

/// Per-account policy, with separate cases that usually deserve more caution.
struct ReadReceiptPolicy
{
    ReceiptMode mode = ReceiptMode::Ask;            ///< the ordinary case
    ReceiptMode notAddressed = ReceiptMode::Ask;    ///< none of my addresses is in To or Cc
    ReceiptMode outsideDomain = ReceiptMode::Ask;   ///< the requester is outside my domains

    friend bool operator==(const ReadReceiptPolicy &, const ReadReceiptPolicy &) = default;
};

/// What a received message says about a read-receipt request.
struct ReceiptRequest
{
    /// Addresses of Disposition-Notification-To (RFC 8098 §2.1), already parsed.
    QStringList notificationTo;
    /// Address of Return-Path; empty when the header is missing.
    QString returnPath;
    QStringList to;
    QStringList cc;
    /// Raw Disposition-Notification-Options value (RFC 8098 §2.2), if any.
    QString options;
    /// The message is itself a report (multipart/report, or a message/disposition-notification
    /// or message/delivery-status part): never answered with a report.
    bool isReport = false;
    /// The IMAP keyword $MDNSent is set: some client already answered.
    bool mdnSent = false;
};

/// The account whose mailbox the message is in.
struct ReceiptIdentity
{
    QStringList addresses; ///< my addresses
    QStringList domains;   ///< my domains (from the addresses when empty)
};

enum class ReceiptAction {
    None,          ///< no request, or one that must not be answered
    Ask,           ///< show the request to the user (Send / Ignore)
    SendAutomatic, ///< send an MDN with "automatic-action/MDN-sent-automatically"
};

struct ReceiptDecision
{
    ReceiptAction action = ReceiptAction::None;
    /// Why, in plain words (shown to the user and logged).
    QString reason;
    /// The address to send to (the single Disposition-Notification-To address).
    QString sendTo;
};

/// Decides what to do about a read-receipt request. RFC 8098 §2.1 applies before any
/// automatic send: a missing Return-Path or one that differs from the notification address,
/// several notification addresses, or an unknown "required" option (§2.2) never lead to an
/// automatic MDN. A report is never answered with a report (§3.1 / RFC 3834); at most one MDN
/// per message ($MDNSent). Where several of the policy's cases apply, the most cautious wins.
[[nodiscard]] ReceiptDecision decideReadReceipt(const ReceiptRequest &request,
                                                const ReadReceiptPolicy &policy,
                                                const ReceiptIdentity &me);

} // namespace Mailtrail::Tracking
