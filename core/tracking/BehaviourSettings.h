// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/Account.h"
#include "tracking/ReadReceiptPolicy.h"
#include "tracking/RecipientTimeline.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace Mailtrail::Tracking {

/// What core does that the user chooses, the same in the GUI and in `mailtrail-cli`: kept in
/// the profile database (table settings), changed with the settings dialog, `mailtrail-cli
/// config set KEY VALUE` and (per account) `mailtrail-cli account set`.
struct BehaviourSettings
{
    /// When silence becomes "overdue" (status, tracking list, notifications).
    DeadlinePolicy deadlines;
    /// The two cautious cases of the read-receipt policy (the ordinary case is per account).
    ReceiptMode receiptsWhenNotAddressed = ReceiptMode::Ask;
    ReceiptMode receiptsOutsideDomain = ReceiptMode::Ask;
    /// Move recorded report mails to receiptsFolder (an account's own receipts folder wins).
    bool moveReportsToReceiptsFolder = false;
    QString receiptsFolder = QStringLiteral("Receipts");
    /// Desktop notifications when a message fails, is delayed or is read.
    bool notifications = true;

    friend bool operator==(const BehaviourSettings &, const BehaviourSettings &) = default;

    /// The folder report mails of @p account go to after recording: the account's own
    /// (`account set --receipts-folder`), else receiptsFolder when moving is on, else none.
    [[nodiscard]] QString receiptsFolderFor(const Store::Account &account) const;
    /// The read-receipt policy of @p account: its own mode for the ordinary case, the
    /// cautious cases from here, never more automatic than the ordinary case.
    [[nodiscard]] ReadReceiptPolicy readReceiptPolicyFor(const Store::Account &account) const;
};

/// The settings table. Keys (`mailtrail-cli config`), values as text:
///   deadlines.delivery-report-hours  hours to wait for a DSN after acceptance (24)
///   deadlines.delay-grace-hours      hours past Will-Retry-Until after a delay DSN (24)
///   deadlines.read-receipt-hours     hours to wait for a requested read receipt; 0: never (0)
///   receipts.not-addressed           never|ask|always: requests where I am not in To/Cc (ask)
///   receipts.outside-domain          never|ask|always: requesters outside my domains (ask)
///   receipts.move-reports            true|false: move recorded reports (false)
///   receipts.folder                  the folder they go to (Receipts)
///   notifications.enabled            true|false (true)
class SettingsStore
{
public:
    explicit SettingsStore(QSqlDatabase db);

    [[nodiscard]] static QStringList keys();

    /// The stored settings, defaults where nothing is stored (and on a read error).
    [[nodiscard]] BehaviourSettings load() const;
    /// Stores every value. Returns an error in words, empty on success.
    [[nodiscard]] QString save(const BehaviourSettings &settings);

    /// The value of @p key as text; empty with @p error set for an unknown key.
    [[nodiscard]] QString value(const QString &key, QString *error = nullptr) const;
    /// Checks and stores one value. Returns an error in words (unknown key, bad value), empty
    /// on success; nothing is changed on error.
    [[nodiscard]] QString setValue(const QString &key, const QString &value);

    /// Takes the behaviour values of an older GUI's settings.ini (@p iniPath) into the table,
    /// once per profile: later calls, and a missing file, change nothing. Returns an error in
    /// words, empty on success.
    [[nodiscard]] QString importIniOnce(const QString &iniPath);

private:
    QSqlDatabase m_db;
};

} // namespace Mailtrail::Tracking
