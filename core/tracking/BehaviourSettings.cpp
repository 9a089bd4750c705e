// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracking/BehaviourSettings.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSettings>
#include <QSqlError>
#include <QSqlQuery>

#include <functional>
#include <optional>

namespace Mailtrail::Tracking {

namespace {

const QString importedKey = QStringLiteral("imported.settings-ini");

QString hoursText(std::chrono::seconds s)
{
    return QString::number(double(s.count()) / 3600, 'g', 10);
}

std::optional<std::chrono::seconds> hoursValue(const QString &text)
{
    bool ok = false;
    const double h = text.trimmed().toDouble(&ok);
    if (!ok || h < 0 || h > 24.0 * 366 * 10)
        return std::nullopt;
    return std::chrono::seconds(qint64(h * 3600 + 0.5));
}

std::optional<bool> boolValue(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("true") || t == QLatin1String("yes") || t == QLatin1String("on") || t == QLatin1String("1"))
        return true;
    if (t == QLatin1String("false") || t == QLatin1String("no") || t == QLatin1String("off") || t == QLatin1String("0"))
        return false;
    return std::nullopt;
}

/// One key: how its value is read from and written into the settings. set() returns false
/// when the text is not a valid value.
struct Key
{
    const char *name;
    std::function<QString(const BehaviourSettings &)> get;
    std::function<bool(BehaviourSettings &, const QString &)> set;
};

std::function<bool(BehaviourSettings &, const QString &)> setHours(std::chrono::seconds DeadlinePolicy::*field)
{
    return [field](BehaviourSettings &s, const QString &text) {
        const auto v = hoursValue(text);
        if (v)
            s.deadlines.*field = *v;
        return v.has_value();
    };
}

std::function<bool(BehaviourSettings &, const QString &)> setMode(ReceiptMode BehaviourSettings::*field)
{
    return [field](BehaviourSettings &s, const QString &text) {
        return receiptModeFromName(text.trimmed().toLower(), &(s.*field));
    };
}

std::function<bool(BehaviourSettings &, const QString &)> setBool(bool BehaviourSettings::*field)
{
    return [field](BehaviourSettings &s, const QString &text) {
        const auto v = boolValue(text);
        if (v)
            s.*field = *v;
        return v.has_value();
    };
}

const QList<Key> &allKeys()
{
    static const QList<Key> keys = {
        {"deadlines.delivery-report-hours", [](const BehaviourSettings &s) { return hoursText(s.deadlines.dsnDeadline); },
         setHours(&DeadlinePolicy::dsnDeadline)},
        {"deadlines.delay-grace-hours", [](const BehaviourSettings &s) { return hoursText(s.deadlines.delayGrace); },
         setHours(&DeadlinePolicy::delayGrace)},
        {"deadlines.read-receipt-hours",
         [](const BehaviourSettings &s) { return hoursText(s.deadlines.readReceiptDeadline); },
         setHours(&DeadlinePolicy::readReceiptDeadline)},
        {"receipts.not-addressed", [](const BehaviourSettings &s) { return receiptModeName(s.receiptsWhenNotAddressed); },
         setMode(&BehaviourSettings::receiptsWhenNotAddressed)},
        {"receipts.outside-domain", [](const BehaviourSettings &s) { return receiptModeName(s.receiptsOutsideDomain); },
         setMode(&BehaviourSettings::receiptsOutsideDomain)},
        {"receipts.move-reports",
         [](const BehaviourSettings &s) { return s.moveReportsToReceiptsFolder ? QStringLiteral("true") : QStringLiteral("false"); },
         setBool(&BehaviourSettings::moveReportsToReceiptsFolder)},
        {"receipts.folder", [](const BehaviourSettings &s) { return s.receiptsFolder; },
         [](BehaviourSettings &s, const QString &text) {
             const QString name = text.trimmed();
             if (name.isEmpty() || name.contains(QLatin1Char('\n')))
                 return false;
             s.receiptsFolder = name;
             return true;
         }},
        {"notifications.enabled",
         [](const BehaviourSettings &s) { return s.notifications ? QStringLiteral("true") : QStringLiteral("false"); },
         setBool(&BehaviourSettings::notifications)},
    };
    return keys;
}

const Key *findKey(const QString &name)
{
    for (const Key &k : allKeys()) {
        if (name == QLatin1String(k.name))
            return &k;
    }
    return nullptr;
}

QString expected(const Key &key)
{
    const QString name = QLatin1String(key.name);
    if (name.startsWith(QLatin1String("deadlines.")))
        return QCoreApplication::translate("SettingsStore", "a number of hours (0 or more)");
    if (name == QLatin1String("receipts.not-addressed") || name == QLatin1String("receipts.outside-domain"))
        return QCoreApplication::translate("SettingsStore", "never, ask or always");
    if (name == QLatin1String("receipts.folder"))
        return QCoreApplication::translate("SettingsStore", "a folder name");
    return QCoreApplication::translate("SettingsStore", "true or false");
}

} // namespace

QString BehaviourSettings::receiptsFolderFor(const Store::Account &account) const
{
    if (!account.receiptsFolder.isEmpty())
        return account.receiptsFolder;
    return moveReportsToReceiptsFolder ? receiptsFolder : QString();
}

ReadReceiptPolicy BehaviourSettings::readReceiptPolicyFor(const Store::Account &account) const
{
    ReadReceiptPolicy policy;
    policy.mode = account.readReceipts == Store::ReadReceipts::Never    ? ReceiptMode::Never
                  : account.readReceipts == Store::ReadReceipts::Always ? ReceiptMode::Always
                                                                        : ReceiptMode::Ask;
    policy.notAddressed = std::min(receiptsWhenNotAddressed, policy.mode);
    policy.outsideDomain = std::min(receiptsOutsideDomain, policy.mode);
    return policy;
}

SettingsStore::SettingsStore(QSqlDatabase db) : m_db(std::move(db)) { }

QStringList SettingsStore::keys()
{
    QStringList out;
    for (const Key &k : allKeys())
        out << QLatin1String(k.name);
    return out;
}

BehaviourSettings SettingsStore::load() const
{
    BehaviourSettings settings;
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT key, value FROM settings")))
        return settings;
    while (q.next()) {
        // A value this version cannot read (written by a newer one, edited by hand) keeps
        // the default.
        if (const Key *key = findKey(q.value(0).toString()))
            (void)key->set(settings, q.value(1).toString());
    }
    return settings;
}

QString SettingsStore::save(const BehaviourSettings &settings)
{
    if (!m_db.transaction())
        return QCoreApplication::translate("SettingsStore", "Cannot save the settings: %1").arg(m_db.lastError().text());
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO settings(key, value) VALUES(?, ?) "
                             "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    for (const Key &k : allKeys()) {
        q.bindValue(0, QLatin1String(k.name));
        q.bindValue(1, k.get(settings));
        if (!q.exec()) {
            const QString error = q.lastError().text();
            m_db.rollback();
            return QCoreApplication::translate("SettingsStore", "Cannot save the settings: %1").arg(error);
        }
    }
    if (!m_db.commit())
        return QCoreApplication::translate("SettingsStore", "Cannot save the settings: %1").arg(m_db.lastError().text());
    return {};
}

QString SettingsStore::value(const QString &key, QString *error) const
{
    const Key *k = findKey(key);
    if (!k) {
        if (error)
            *error = QCoreApplication::translate("SettingsStore", "Unknown setting '%1'.").arg(key);
        return {};
    }
    return k->get(load());
}

QString SettingsStore::setValue(const QString &key, const QString &value)
{
    const Key *k = findKey(key);
    if (!k)
        return QCoreApplication::translate("SettingsStore", "Unknown setting '%1'.").arg(key);
    BehaviourSettings settings = load();
    if (!k->set(settings, value))
        return QCoreApplication::translate("SettingsStore", "'%1' is not a valid value for %2: expected %3.").arg(value, key, expected(*k));
    return save(settings);
}

QString SettingsStore::importIniOnce(const QString &iniPath)
{
    QSqlQuery done(m_db);
    done.prepare(QStringLiteral("SELECT 1 FROM settings WHERE key = ?"));
    done.addBindValue(importedKey);
    if (!done.exec())
        return QCoreApplication::translate("SettingsStore", "Cannot read the settings: %1").arg(done.lastError().text());
    if (done.next())
        return {};
    BehaviourSettings settings = load();
    if (QFileInfo::exists(iniPath)) {
        // The keys the GUI's settings.ini used for these values up to version 0.1.
        const QSettings ini(iniPath, QSettings::IniFormat);
        const std::pair<const char *, const char *> map[] = {
            {"tracking/dsnDeadlineHours", "deadlines.delivery-report-hours"},
            {"tracking/delayGraceHours", "deadlines.delay-grace-hours"},
            {"tracking/readReceiptDeadlineHours", "deadlines.read-receipt-hours"},
            {"receipts/notAddressed", "receipts.not-addressed"},
            {"receipts/outsideDomain", "receipts.outside-domain"},
            {"tracking/moveReports", "receipts.move-reports"},
            {"tracking/receiptsFolder", "receipts.folder"},
            {"notifications/enabled", "notifications.enabled"},
        };
        for (const auto &[iniKey, key] : map) {
            const QVariant v = ini.value(QLatin1String(iniKey));
            if (v.isValid())
                (void)findKey(QLatin1String(key))->set(settings, v.toString());
        }
    }
    if (QString error = save(settings); !error.isEmpty())
        return error;
    QSqlQuery mark(m_db);
    mark.prepare(QStringLiteral("INSERT OR IGNORE INTO settings(key, value) VALUES(?, '1')"));
    mark.addBindValue(importedKey);
    if (!mark.exec())
        return QCoreApplication::translate("SettingsStore", "Cannot save the settings: %1").arg(mark.lastError().text());
    return {};
}

} // namespace Mailtrail::Tracking
