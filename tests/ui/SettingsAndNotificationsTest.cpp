// SPDX-License-Identifier: GPL-3.0-or-later
// Settings (file round trip, dialog, per-account read-receipt policy, removing an account)
// and the delivery notifications: nothing for what was already known at start-up, one
// notification per failed / delayed / read transition seen afterwards.
#include "AppContext.h"
#include "AppSettings.h"
#include "tracking/BehaviourSettings.h"
#include "DeliveryNotifier.h"
#include "MainWindow.h"
#include "SentElsewhereSettingsEditor.h"
#include "SettingsDialog.h"
#include "UiFixture.h"
#include "store/AccountRepository.h"
#include "sync/SentElsewhere.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QListWidget>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QSettings>
#include <QTest>

using namespace Mailtrail;
using namespace Mailtrail::Ui;
using Tracking::DeliveryState;

class SettingsAndNotificationsTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void settingsRoundTrip()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("settings.ini"));
        QCOMPARE(AppSettings::load(path), AppSettings());
        AppSettings s;
        s.loadRemoteContent = true;
        s.requestReadReceiptByDefault = true;
        QCOMPARE(s.save(path), QString());
        QCOMPARE(AppSettings::load(path), s);
        QVERIFY(s.save(QStringLiteral("/proc/mailtrail-cannot-write/settings.ini")).startsWith(QStringLiteral("Cannot save")));
    }

    // Deadlines, read-receipt cases, receipts folder and notifications are core's: the
    // window keeps them in the profile database, where mailtrail-cli reads them.
    void behaviourSettingsLiveInTheProfileDatabase()
    {
        QTemporaryDir dir;
        {
            // What an older version left in settings.ini: imported when the profile opens.
            QSettings ini(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
            ini.setValue(QStringLiteral("tracking/dsnDeadlineHours"), 6);
            ini.setValue(QStringLiteral("tracking/moveReports"), true);
        }
        const QString database = dir.filePath(QStringLiteral("mailtrail.sqlite"));
        {
            AppContext context;
            context.setProfileDirectory(dir.path());
            QCOMPARE(context.open(database), QString());
            QCOMPARE(context.settings().deadlines.dsnDeadline, std::chrono::seconds(std::chrono::hours(6)));
            QVERIFY(context.settings().moveReportsToReceiptsFolder);
            AppSettings changed = context.settings();
            changed.deadlines.readReceiptDeadline = std::chrono::hours(48);
            changed.receiptsFolder = QStringLiteral("Reports");
            changed.notifications = false;
            QCOMPARE(context.setSettings(changed), QString());
        }
        Store::Database db;
        QCOMPARE(db.open(database), QString());
        const Tracking::BehaviourSettings b = Tracking::SettingsStore(db.connection()).load();
        QCOMPARE(b.deadlines.dsnDeadline, std::chrono::seconds(std::chrono::hours(6)));
        QCOMPARE(b.deadlines.readReceiptDeadline, std::chrono::seconds(std::chrono::hours(48)));
        QVERIFY(b.moveReportsToReceiptsFolder);
        QCOMPARE(b.receiptsFolder, QStringLiteral("Reports"));
        QVERIFY(!b.notifications);
    }

    void settingsDialogEditsAndApplies()
    {
        AppContext context;
        Test::UiFixture fixture;
        QCOMPARE(Test::fillUiFixture(context, fixture), QString());
        SettingsDialog dialog(context.settings(), context.database());
        dialog.show();
        QCOMPARE(dialog.accountList()->count(), 1);
        QCOMPARE(dialog.accountReceiptBox()->currentData().toInt(), int(Tracking::ReceiptMode::Ask));
        dialog.accountReceiptBox()->setCurrentIndex(dialog.accountReceiptBox()->findData(int(Tracking::ReceiptMode::Always)));
        Q_EMIT dialog.accountReceiptBox()->activated(dialog.accountReceiptBox()->currentIndex());
        dialog.dsnDeadlineBox()->setValue(2.5);
        dialog.notAddressedBox()->setCurrentIndex(dialog.notAddressedBox()->findData(int(Tracking::ReceiptMode::Never)));
        dialog.remoteContentBox()->setChecked(true);
        const AppSettings s = dialog.settings();
        QCOMPARE(s.deadlines.dsnDeadline, std::chrono::seconds(9000));
        QCOMPARE(s.receiptsWhenNotAddressed, Tracking::ReceiptMode::Never);
        QVERIFY(s.loadRemoteContent);
        QCOMPARE(dialog.applyAccounts(), QString());
        QCOMPARE(Store::AccountRepository(context.database().connection()).find(QStringLiteral("alice"))->readReceipts,
                 Store::ReadReceipts::Always);

        QCOMPARE(dialog.removeAccount(QStringLiteral("alice"), true), QString());
        QCOMPARE(dialog.accountList()->count(), 0);
        QVERIFY(Store::AccountRepository(context.database().connection()).list().isEmpty());
    }

    /// Settings → Accounts: "Mail sent from other programs: [x] Track it, of the last N days" per
    /// account (issue #18), the same setting as `account set --track-sent-elsewhere`.
    void sentElsewherePerAccount()
    {
        AppContext context;
        Test::UiFixture fixture;
        QCOMPARE(Test::fillUiFixture(context, fixture), QString());
        Store::AccountRepository accounts(context.database().connection());
        Store::Account work = *accounts.find(QStringLiteral("alice"));
        work.id = 0;
        work.name = QStringLiteral("work");
        work.email = QStringLiteral("alice@work.example");
        QCOMPARE(accounts.add(work), QString());
        QSqlDatabase db = context.database().connection();

        SettingsDialog dialog(context.settings(), context.database());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        SentElsewhereSettingsEditor *editor = dialog.sentElsewhereEditor();
        QVERIFY(editor && editor->isVisible());
        const auto select = [&dialog](const QString &name) {
            const QList<QListWidgetItem *> items = dialog.accountList()->findItems(name, Qt::MatchExactly);
            if (!items.isEmpty())
                dialog.accountList()->setCurrentItem(items.first());
            return !items.isEmpty();
        };
        QVERIFY(select(QStringLiteral("alice")));
        QVERIFY(editor->enabledBox()->isChecked()); // default on, 30 days
        QCOMPARE(editor->daysBox()->value(), 30);
        QVERIFY(editor->daysBox()->isEnabled());
        editor->enabledBox()->click();
        QVERIFY(!editor->enabledBox()->isChecked());
        QVERIFY(!editor->daysBox()->isEnabled());

        QVERIFY(select(QStringLiteral("work")));
        QVERIFY(editor->enabledBox()->isChecked()); // alice's edit is alice's
        editor->daysBox()->setValue(0);
        QCOMPARE(editor->daysBox()->value(), 1); // at least one day
        editor->daysBox()->setValue(7);
        const QString dir = qEnvironmentVariable("MAILTRAIL_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(dialog.grab().save(dir + QStringLiteral("/settings-sent-elsewhere.png")));
        QVERIFY(select(QStringLiteral("alice")));
        QVERIFY(!editor->enabledBox()->isChecked()); // kept until OK
        // Nothing is stored before OK.
        QCOMPARE(Sync::SentElsewhere(db).settings(QStringLiteral("alice")), (Sync::SentElsewhereSettings{true, 30}));
        QCOMPARE(dialog.applyAccounts(), QString());
        QCOMPARE(Sync::SentElsewhere(db).settings(QStringLiteral("alice")), (Sync::SentElsewhereSettings{false, 30}));
        QCOMPARE(Sync::SentElsewhere(db).settings(QStringLiteral("work")), (Sync::SentElsewhereSettings{true, 7}));

        // A dialog opened later shows what is stored; Cancel keeps it.
        {
            SettingsDialog again(context.settings(), context.database());
            SentElsewhereSettingsEditor *e = again.sentElsewhereEditor();
            const QList<QListWidgetItem *> items = again.accountList()->findItems(QStringLiteral("work"), Qt::MatchExactly);
            QVERIFY(!items.isEmpty());
            again.accountList()->setCurrentItem(items.first());
            QVERIFY(e->enabledBox()->isChecked());
            QCOMPARE(e->daysBox()->value(), 7);
            e->enabledBox()->click();
            again.reject();
        }
        QCOMPARE(Sync::SentElsewhere(db).settings(QStringLiteral("work")), (Sync::SentElsewhereSettings{true, 7}));

        // A removed account's edits go with it.
        QVERIFY(select(QStringLiteral("work")));
        editor->daysBox()->setValue(9);
        QCOMPARE(dialog.removeAccount(QStringLiteral("work"), true), QString());
        QCOMPARE(dialog.applyAccounts(), QString());
        QCOMPARE(Sync::SentElsewhere(db).settings(QStringLiteral("work")), (Sync::SentElsewhereSettings{true, 7}));
    }

    void noStormOnFirstObservation()
    {
        DeliveryNotifier notifier;
        const QList<RecipientSnapshot> start = {
            {1, QStringLiteral("ghost@x"), QStringLiteral("S"), DeliveryState::Failed, {}},
            {1, QStringLiteral("bob@x"), QStringLiteral("S"), DeliveryState::Displayed, {}},
            {2, QStringLiteral("erin@x"), QStringLiteral("T"), DeliveryState::Accepted, {}},
        };
        QVERIFY(notifier.observe(start).isEmpty());
        QVERIFY(notifier.observe(start).isEmpty());

        QList<RecipientSnapshot> later = start;
        later[2].state = DeliveryState::Delayed;
        later[2].detail = QStringLiteral("connection timed out");
        later.append({3, QStringLiteral("new@x"), QStringLiteral("U"), DeliveryState::Rejected, {}}); // sent after start
        const QList<DeliveryNotification> news = notifier.observe(later);
        QCOMPARE(news.size(), 2);
        QCOMPARE(news.at(0).kind, DeliveryNotification::Kind::Delayed);
        QCOMPARE(news.at(0).summary, QStringLiteral("Delivery delayed: T"));
        QCOMPARE(news.at(0).body, QStringLiteral("erin@x: connection timed out"));
        QCOMPARE(news.at(1).kind, DeliveryNotification::Kind::Failed);
        QCOMPARE(news.at(1).sentMessageId, 3);

        // Delayed → overdue is not news; delayed → delivered is not notable; → read is.
        later[2].state = DeliveryState::Overdue;
        QVERIFY(notifier.observe(later).isEmpty());
        later[2].state = DeliveryState::Delivered;
        QVERIFY(notifier.observe(later).isEmpty());
        later[2].state = DeliveryState::Displayed;
        const auto read = notifier.observe(later);
        QCOMPARE(read.size(), 1);
        QCOMPARE(read.first().kind, DeliveryNotification::Kind::Read);
    }

    void windowNotifiesOnlyNewTransitions()
    {
        AppContext context;
        Test::UiFixture fixture;
        QCOMPARE(Test::fillUiFixture(context, fixture), QString());
        MainWindow window(context);
        QList<DeliveryNotification> shown;
        window.setNotificationSink([&](const DeliveryNotification &n) { shown << n; });
        window.reload(); // a sync that brought nothing new
        QVERIFY(shown.isEmpty());

        // A DSN arrives: Erin's delayed message fails.
        Tracking::Evidence failed;
        failed.kind = Tracking::EvidenceKind::Failed;
        failed.source = Tracking::EvidenceSource::Dsn;
        failed.time = fixture.now;
        failed.status = QStringLiteral("5.4.7");
        failed.diagnostic = QStringLiteral("delivery time expired");
        failed.dedupKey = QStringLiteral("test-failed");
        QVERIFY(context.trackingStore().appendEvidence(context.trackingStore().message(fixture.delayed)->recipientIds.first(), failed));
        window.reload();
        QCOMPARE(shown.size(), 1);
        QCOMPARE(shown.first().kind, DeliveryNotification::Kind::Failed);
        QCOMPARE(shown.first().summary, QStringLiteral("Delivery failed: Offer for the new office"));
        QVERIFY(shown.first().body.startsWith(QStringLiteral("erin@slow.example")));
        window.reload();
        QCOMPARE(shown.size(), 1);

        // Turned off in the settings: still learned, not shown.
        AppSettings quiet = context.settings();
        quiet.notifications = false;
        QCOMPARE(context.setSettings(quiet), QString());
        QVERIFY(context.trackingStore().appendEvidence(context.trackingStore().message(fixture.awaiting)->recipientIds.last(),
                                                       [&] {
                                                           Tracking::Evidence e = failed;
                                                           e.dedupKey = QStringLiteral("test-failed-2");
                                                           return e;
                                                       }()));
        window.reload();
        QCOMPARE(shown.size(), 1);
    }
};

QTEST_MAIN(SettingsAndNotificationsTest)
#include "SettingsAndNotificationsTest.moc"
