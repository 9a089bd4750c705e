// SPDX-License-Identifier: GPL-3.0-or-later
// Smoke test of Mailtrail::Ui: the main window opens offscreen with its menus.
#include "MainWindow.h"

#include <QMenuBar>
#include <QTest>

class UiSmokeTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void mainWindowShows()
    {
        Mailtrail::Ui::MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.windowTitle(), QStringLiteral("Mailtrail"));
        QStringList menus;
        for (QAction *action : window.menuBar()->actions())
            menus << action->text();
        QVERIFY(menus.contains(QStringLiteral("&File")));
        QVERIFY(menus.contains(QStringLiteral("&Help")));
        QVERIFY(!window.windowIcon().isNull());
    }
};

QTEST_MAIN(UiSmokeTest)
#include "UiSmokeTest.moc"
