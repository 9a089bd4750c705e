// SPDX-License-Identifier: GPL-3.0-or-later
// Smoke test of Mailtrail::Ui: the main window opens offscreen with its menus, also over an
// empty database, and says what to do next.
#include "AppContext.h"
#include "MainWindow.h"
#include "MessageBar.h"

#include <QMenuBar>
#include <QTest>

class UiSmokeTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void mainWindowShows()
    {
        Mailtrail::Ui::AppContext context;
        QCOMPARE(context.open(QStringLiteral(":memory:")), QString());
        Mailtrail::Ui::MainWindow window(context);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.windowTitle(), QStringLiteral("Mailtrail"));
        QStringList menus;
        for (QAction *action : window.menuBar()->actions())
            menus << action->text();
        QVERIFY(menus.contains(QStringLiteral("&File")));
        QVERIFY(menus.contains(QStringLiteral("&Help")));
        QVERIFY(!window.windowIcon().isNull());
        QVERIFY(window.messageBar()->isVisible());
        QVERIFY(window.messageBar()->text().contains(QStringLiteral("No account")));
    }

    void unopenableDatabaseIsAnErrorInWords()
    {
        Mailtrail::Ui::AppContext context;
        const QString error = context.open(QStringLiteral("/proc/no/such/dir/mailtrail.sqlite"));
        QVERIFY(error.startsWith(QStringLiteral("Cannot open the mail database")));
    }
};

QTEST_MAIN(UiSmokeTest)
#include "UiSmokeTest.moc"
