// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tracking/ReadReceiptPolicy.h"
#include "tracking/RecipientTimeline.h"

#include <QString>

namespace Mailtrail::Ui {

/// The application's own settings (account settings live in the database), kept in
/// `settings.ini` in the profile directory.
struct AppSettings
{
    Tracking::DeadlinePolicy deadlines;
    /// The two cautious cases of the read-receipt policy (the ordinary case is per account).
    Tracking::ReceiptMode receiptsWhenNotAddressed = Tracking::ReceiptMode::Ask;
    Tracking::ReceiptMode receiptsOutsideDomain = Tracking::ReceiptMode::Ask;
    bool moveReportsToReceiptsFolder = false;
    QString receiptsFolder = QStringLiteral("Receipts");
    bool loadRemoteContent = false; ///< always load remote images (default: ask per message)
    bool notifications = true;
    bool requestDeliveryReportByDefault = true;
    bool requestReadReceiptByDefault = false;
    /// Replies and forwards: the user's text and signature below the quote (default: above).
    bool replyBelowQuote = false;

    friend bool operator==(const AppSettings &, const AppSettings &) = default;

    /// Reads @p path; missing keys keep their defaults.
    [[nodiscard]] static AppSettings load(const QString &path);
    /// Writes @p path. Returns an error in words, empty on success.
    [[nodiscard]] QString save(const QString &path) const;
};

} // namespace Mailtrail::Ui
