// SPDX-License-Identifier: GPL-3.0-or-later
#include "AppSettings.h"

#include <QCoreApplication>
#include <QSettings>

namespace Mailtrail::Ui {

namespace {

Tracking::ReceiptMode modeValue(const QSettings &s, const QString &key, Tracking::ReceiptMode fallback)
{
    Tracking::ReceiptMode mode = fallback;
    if (!Tracking::receiptModeFromName(s.value(key).toString(), &mode))
        return fallback;
    return mode;
}

std::chrono::seconds hours(const QSettings &s, const QString &key, std::chrono::seconds fallback)
{
    bool ok = false;
    const double h = s.value(key).toDouble(&ok);
    return ok && h >= 0 ? std::chrono::seconds(qint64(h * 3600)) : fallback;
}

} // namespace

AppSettings AppSettings::load(const QString &path)
{
    const QSettings s(path, QSettings::IniFormat);
    AppSettings a;
    a.deadlines.dsnDeadline = hours(s, QStringLiteral("tracking/dsnDeadlineHours"), a.deadlines.dsnDeadline);
    a.deadlines.delayGrace = hours(s, QStringLiteral("tracking/delayGraceHours"), a.deadlines.delayGrace);
    a.deadlines.readReceiptDeadline = hours(s, QStringLiteral("tracking/readReceiptDeadlineHours"), a.deadlines.readReceiptDeadline);
    a.receiptsWhenNotAddressed = modeValue(s, QStringLiteral("receipts/notAddressed"), a.receiptsWhenNotAddressed);
    a.receiptsOutsideDomain = modeValue(s, QStringLiteral("receipts/outsideDomain"), a.receiptsOutsideDomain);
    a.moveReportsToReceiptsFolder = s.value(QStringLiteral("tracking/moveReports"), a.moveReportsToReceiptsFolder).toBool();
    a.receiptsFolder = s.value(QStringLiteral("tracking/receiptsFolder"), a.receiptsFolder).toString();
    a.loadRemoteContent = s.value(QStringLiteral("privacy/loadRemoteContent"), a.loadRemoteContent).toBool();
    a.notifications = s.value(QStringLiteral("notifications/enabled"), a.notifications).toBool();
    a.requestDeliveryReportByDefault = s.value(QStringLiteral("compose/deliveryReport"), a.requestDeliveryReportByDefault).toBool();
    a.requestReadReceiptByDefault = s.value(QStringLiteral("compose/readReceipt"), a.requestReadReceiptByDefault).toBool();
    a.replyBelowQuote = s.value(QStringLiteral("compose/replyBelowQuote"), a.replyBelowQuote).toBool();
    return a;
}

QString AppSettings::save(const QString &path) const
{
    QSettings s(path, QSettings::IniFormat);
    s.setValue(QStringLiteral("tracking/dsnDeadlineHours"), double(deadlines.dsnDeadline.count()) / 3600);
    s.setValue(QStringLiteral("tracking/delayGraceHours"), double(deadlines.delayGrace.count()) / 3600);
    s.setValue(QStringLiteral("tracking/readReceiptDeadlineHours"), double(deadlines.readReceiptDeadline.count()) / 3600);
    s.setValue(QStringLiteral("receipts/notAddressed"), Tracking::receiptModeName(receiptsWhenNotAddressed));
    s.setValue(QStringLiteral("receipts/outsideDomain"), Tracking::receiptModeName(receiptsOutsideDomain));
    s.setValue(QStringLiteral("tracking/moveReports"), moveReportsToReceiptsFolder);
    s.setValue(QStringLiteral("tracking/receiptsFolder"), receiptsFolder);
    s.setValue(QStringLiteral("privacy/loadRemoteContent"), loadRemoteContent);
    s.setValue(QStringLiteral("notifications/enabled"), notifications);
    s.setValue(QStringLiteral("compose/deliveryReport"), requestDeliveryReportByDefault);
    s.setValue(QStringLiteral("compose/readReceipt"), requestReadReceiptByDefault);
    s.setValue(QStringLiteral("compose/replyBelowQuote"), replyBelowQuote);
    s.sync();
    if (s.status() != QSettings::NoError)
        return QCoreApplication::translate("AppSettings", "Cannot save the settings to %1.").arg(path);
    return {};
}

} // namespace Mailtrail::Ui
