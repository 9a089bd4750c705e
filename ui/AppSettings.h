// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tracking/BehaviourSettings.h"
#include "tracking/ReadReceiptPolicy.h"
#include "tracking/RecipientTimeline.h"

#include <QString>

namespace Mailtrail::Ui {

/// What the settings dialog edits. The behaviour settings (deadlines, the read-receipt
/// cases, the receipts folder, notifications) are core's and live in the profile database
/// (Tracking::BehaviourSettings, written by AppContext); only the window's own choices
/// (remote content, composer defaults) are kept in `settings.ini` in the profile directory.
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

    [[nodiscard]] Tracking::BehaviourSettings behaviour() const;
    void setBehaviour(const Tracking::BehaviourSettings &behaviour);

    /// Reads the window's own settings from @p path; missing keys keep their defaults, the
    /// behaviour settings are left as they are.
    [[nodiscard]] static AppSettings load(const QString &path);
    /// Writes the window's own settings to @p path. Returns an error in words, empty on success.
    [[nodiscard]] QString save(const QString &path) const;
};

} // namespace Mailtrail::Ui
