// SPDX-License-Identifier: GPL-3.0-or-later
#include "AppSettings.h"

#include <QCoreApplication>
#include <QSettings>

namespace Mailtrail::Ui {

Tracking::BehaviourSettings AppSettings::behaviour() const
{
    Tracking::BehaviourSettings b;
    b.deadlines = deadlines;
    b.receiptsWhenNotAddressed = receiptsWhenNotAddressed;
    b.receiptsOutsideDomain = receiptsOutsideDomain;
    b.moveReportsToReceiptsFolder = moveReportsToReceiptsFolder;
    b.receiptsFolder = receiptsFolder;
    b.notifications = notifications;
    return b;
}

void AppSettings::setBehaviour(const Tracking::BehaviourSettings &b)
{
    deadlines = b.deadlines;
    receiptsWhenNotAddressed = b.receiptsWhenNotAddressed;
    receiptsOutsideDomain = b.receiptsOutsideDomain;
    moveReportsToReceiptsFolder = b.moveReportsToReceiptsFolder;
    receiptsFolder = b.receiptsFolder;
    notifications = b.notifications;
}

AppSettings AppSettings::load(const QString &path)
{
    // The behaviour keys an older version wrote here are imported into the database once
    // (Tracking::SettingsStore::importIniOnce) and ignored since.
    const QSettings s(path, QSettings::IniFormat);
    AppSettings a;
    a.loadRemoteContent = s.value(QStringLiteral("privacy/loadRemoteContent"), a.loadRemoteContent).toBool();
    a.requestDeliveryReportByDefault = s.value(QStringLiteral("compose/deliveryReport"), a.requestDeliveryReportByDefault).toBool();
    a.requestReadReceiptByDefault = s.value(QStringLiteral("compose/readReceipt"), a.requestReadReceiptByDefault).toBool();
    a.replyBelowQuote = s.value(QStringLiteral("compose/replyBelowQuote"), a.replyBelowQuote).toBool();
    return a;
}

QString AppSettings::save(const QString &path) const
{
    QSettings s(path, QSettings::IniFormat);
    s.setValue(QStringLiteral("privacy/loadRemoteContent"), loadRemoteContent);
    s.setValue(QStringLiteral("compose/deliveryReport"), requestDeliveryReportByDefault);
    s.setValue(QStringLiteral("compose/readReceipt"), requestReadReceiptByDefault);
    s.setValue(QStringLiteral("compose/replyBelowQuote"), replyBelowQuote);
    s.sync();
    if (s.status() != QSettings::NoError)
        return QCoreApplication::translate("AppSettings", "Cannot save the settings to %1.").arg(path);
    return {};
}

} // namespace Mailtrail::Ui
