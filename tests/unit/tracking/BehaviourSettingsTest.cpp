// SPDX-License-Identifier: GPL-3.0-or-later
// Behaviour settings in the profile database (Tracking::SettingsStore): defaults, checked
// values, the rules they feed (receipts folder, read-receipt cases), the one-time import of
// an older settings.ini.
#include "store/Database.h"
#include "tracking/BehaviourSettings.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Mailtrail;
using namespace Mailtrail::Tracking;

class BehaviourSettingsTest : public QObject
{
    Q_OBJECT
    Store::Database m_db;

private Q_SLOTS:
    void init() { QCOMPARE(m_db.open(QStringLiteral(":memory:")), QString()); }
    void cleanup() { m_db.close(); }

    void defaultsWhenNothingIsStored()
    {
        SettingsStore store(m_db.connection());
        QCOMPARE(store.load(), BehaviourSettings());
        QCOMPARE(store.value(QStringLiteral("deadlines.delivery-report-hours")), QStringLiteral("24"));
        QCOMPARE(store.value(QStringLiteral("deadlines.read-receipt-hours")), QStringLiteral("0"));
        QCOMPARE(store.value(QStringLiteral("receipts.folder")), QStringLiteral("Receipts"));
        QCOMPARE(SettingsStore::keys().size(), 8);
    }

    void setValue_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("stored"); // empty: refused
        QTest::newRow("hours") << "deadlines.delivery-report-hours" << "6" << "6";
        QTest::newRow("fractional hours") << "deadlines.delay-grace-hours" << "0.5" << "0.5";
        QTest::newRow("read-receipt hours") << "deadlines.read-receipt-hours" << "48" << "48";
        QTest::newRow("negative hours") << "deadlines.delivery-report-hours" << "-1" << "";
        QTest::newRow("words for hours") << "deadlines.delivery-report-hours" << "soon" << "";
        QTest::newRow("mode") << "receipts.not-addressed" << "never" << "never";
        QTest::newRow("mode any case") << "receipts.outside-domain" << "Always" << "always";
        QTest::newRow("unknown mode") << "receipts.outside-domain" << "sometimes" << "";
        QTest::newRow("bool") << "receipts.move-reports" << "yes" << "true";
        QTest::newRow("bad bool") << "notifications.enabled" << "maybe" << "";
        QTest::newRow("folder") << "receipts.folder" << " Reports/DSN " << "Reports/DSN";
        QTest::newRow("empty folder") << "receipts.folder" << "  " << "";
        QTest::newRow("unknown key") << "deadlines.nope" << "1" << "";
    }
    void setValue()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QString, stored);
        SettingsStore store(m_db.connection());
        const BehaviourSettings before = store.load();
        const QString error = store.setValue(key, value);
        if (stored.isEmpty()) {
            QVERIFY(!error.isEmpty());
            QCOMPARE(store.load(), before); // nothing changed
            return;
        }
        QCOMPARE(error, QString());
        QCOMPARE(store.value(key), stored);
        QVERIFY(!(store.load() == before));
    }

    void receiptsFolderOfAnAccount()
    {
        BehaviourSettings s;
        Store::Account own;
        own.receiptsFolder = QStringLiteral("Mine");
        const Store::Account plain;
        QCOMPARE(s.receiptsFolderFor(own), QStringLiteral("Mine"));
        QCOMPARE(s.receiptsFolderFor(plain), QString()); // moving is off by default
        s.moveReportsToReceiptsFolder = true;
        QCOMPARE(s.receiptsFolderFor(plain), QStringLiteral("Receipts"));
        QCOMPARE(s.receiptsFolderFor(own), QStringLiteral("Mine"));
    }

    void readReceiptCasesNeverMoreAutomaticThanTheAccount()
    {
        BehaviourSettings s;
        s.receiptsWhenNotAddressed = ReceiptMode::Always;
        s.receiptsOutsideDomain = ReceiptMode::Never;
        Store::Account account;
        account.readReceipts = Store::ReadReceipts::Ask;
        ReadReceiptPolicy p = s.readReceiptPolicyFor(account);
        QCOMPARE(p.mode, ReceiptMode::Ask);
        QCOMPARE(p.notAddressed, ReceiptMode::Ask);
        QCOMPARE(p.outsideDomain, ReceiptMode::Never);
        account.readReceipts = Store::ReadReceipts::Always;
        p = s.readReceiptPolicyFor(account);
        QCOMPARE(p.notAddressed, ReceiptMode::Always);
    }

    void iniImportedOnce()
    {
        QTemporaryDir dir;
        const QString ini = dir.filePath(QStringLiteral("settings.ini"));
        {
            QSettings s(ini, QSettings::IniFormat);
            s.setValue(QStringLiteral("tracking/dsnDeadlineHours"), 6);
            s.setValue(QStringLiteral("tracking/moveReports"), true);
            s.setValue(QStringLiteral("tracking/receiptsFolder"), QStringLiteral("Reports"));
            s.setValue(QStringLiteral("receipts/notAddressed"), QStringLiteral("never"));
            s.setValue(QStringLiteral("notifications/enabled"), false);
            s.setValue(QStringLiteral("tracking/delayGraceHours"), QStringLiteral("garbage"));
        }
        SettingsStore store(m_db.connection());
        QCOMPARE(store.importIniOnce(ini), QString());
        BehaviourSettings expected;
        expected.deadlines.dsnDeadline = std::chrono::hours(6);
        expected.moveReportsToReceiptsFolder = true;
        expected.receiptsFolder = QStringLiteral("Reports");
        expected.receiptsWhenNotAddressed = ReceiptMode::Never;
        expected.notifications = false;
        QCOMPARE(store.load(), expected); // the garbage value kept its default

        // Changed since (GUI or CLI); the ini is never read again.
        QCOMPARE(store.setValue(QStringLiteral("deadlines.delivery-report-hours"), QStringLiteral("12")), QString());
        QCOMPARE(store.importIniOnce(ini), QString());
        QCOMPARE(store.value(QStringLiteral("deadlines.delivery-report-hours")), QStringLiteral("12"));
    }

    void missingIniImportsNothing()
    {
        SettingsStore store(m_db.connection());
        QCOMPARE(store.importIniOnce(QStringLiteral("/nonexistent/settings.ini")), QString());
        QCOMPARE(store.load(), BehaviourSettings());
    }
};

QTEST_GUILESS_MAIN(BehaviourSettingsTest)
#include "BehaviourSettingsTest.moc"
