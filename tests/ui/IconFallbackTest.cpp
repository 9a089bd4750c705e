// SPDX-License-Identifier: GPL-3.0-or-later
// Icons outside a full desktop: with no icon theme at all, every icon the UI shows (actions,
// folders, delivery states, the application icon) still paints, from the bundled fallbacks
// (ui/ThemeIcons.h, resources/icons/<name>.svg); and no code asks the theme or the style for
// an icon without a fallback.
#include "AppContext.h"
#include "FolderIcons.h"
#include "MainWindow.h"
#include "StateIcons.h"
#include "TestPaths.h"
#include "ThemeIcons.h"
#include "UiFixture.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <QToolBar>
#include <QWidgetAction>

using namespace Mailtrail;
using namespace Mailtrail::Ui;

namespace {

/// Non-null, and a 24×24 rendering has at least one visible pixel.
bool paints(const QIcon &icon)
{
    if (icon.isNull())
        return false;
    const QImage image = icon.pixmap(QSize(24, 24)).toImage();
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (qAlpha(image.pixel(x, y)) > 0)
                return true;
        }
    }
    return false;
}

/// The ui/ sources, by file name.
QMap<QString, QString> uiSources()
{
    QMap<QString, QString> sources;
    const QDir dir(QDir(Test::sourceDir()).filePath(QStringLiteral("ui")));
    for (const QString &name : dir.entryList({QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files)) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cannot read %s", qPrintable(file.fileName()));
        sources.insert(name, QString::fromUtf8(file.readAll()));
    }
    return sources;
}

} // namespace

class IconFallbackTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // No icon theme anywhere: what a bare window manager or a container gives.
        QIcon::setThemeSearchPaths({});
        QIcon::setFallbackSearchPaths({});
        QIcon::setThemeName(QString());
        QIcon::setFallbackThemeName(QString());
        QVERIFY(!QIcon::hasThemeIcon(QStringLiteral("mail-reply-sender")));
        QVERIFY(QIcon::fromTheme(QStringLiteral("mail-reply-sender")).isNull());
    }

    /// Every themeIcon("name") in ui/ has a bundled SVG that paints.
    void everyUsedNameHasABundledFallback_data()
    {
        QTest::addColumn<QString>("name");
        static const QRegularExpression use(QStringLiteral("themeIcon\\(QStringLiteral\\(\"([^\"]+)\"\\)\\)"));
        QSet<QString> names;
        const QMap<QString, QString> sources = uiSources();
        for (const QString &text : sources) {
            for (auto it = use.globalMatch(text); it.hasNext();)
                names.insert(it.next().captured(1));
        }
        QVERIFY(names.size() >= 15);
        for (const QString &name : std::as_const(names))
            QTest::newRow(qPrintable(name)) << name;
    }
    void everyUsedNameHasABundledFallback()
    {
        QFETCH(QString, name);
        QVERIFY2(QFile::exists(bundledIconPath(name)), qPrintable(bundledIconPath(name)));
        QVERIFY(paints(themeIcon(name)));
    }

    /// No icon comes from the theme or the style without a bundled fallback.
    void noIconBypassesTheFallback()
    {
        static const QRegularExpression bypass(
            QStringLiteral("QIcon::fromTheme\\(|standardIcon\\(|standardPixmap\\(|QIcon\\(QStringLiteral\\(\":"));
        const QMap<QString, QString> sources = uiSources();
        for (auto it = sources.cbegin(); it != sources.cend(); ++it) {
            if (it.key().startsWith(QLatin1String("ThemeIcons.")))
                continue;
            const QRegularExpressionMatch m = bypass.match(it.value());
            QVERIFY2(!m.hasMatch(), qPrintable(QStringLiteral("%1: %2 (use themeIcon())").arg(it.key(), m.captured(0))));
        }
    }

    void mainWindowIconsPaint()
    {
        AppContext context;
        Test::UiFixture fixture;
        QCOMPARE(Test::fillUiFixture(context, fixture), QString());
        MainWindow window(context);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(paints(window.windowIcon()));
        const auto *toolbar = window.findChild<QToolBar *>(QStringLiteral("mainToolbar"));
        QVERIFY(toolbar);
        QVERIFY(toolbar->actions().size() >= 5);
        for (const QAction *action : toolbar->actions()) {
            if (action->isSeparator() || qobject_cast<const QWidgetAction *>(action))
                continue; // the search box (a widget) has no icon of its own
            QVERIFY2(paints(action->icon()), qPrintable(action->text()));
        }
    }

    void folderIconsPaint_data()
    {
        QTest::addColumn<QString>("specialUse");
        QTest::addColumn<QString>("folder");
        QTest::newRow("inbox") << QString() << QStringLiteral("INBOX");
        QTest::newRow("rfc6154-sent") << QStringLiteral("\\Sent") << QStringLiteral("Sent");
        QTest::newRow("rfc6154-drafts") << QStringLiteral("\\Drafts") << QStringLiteral("Drafts");
        QTest::newRow("rfc6154-trash") << QStringLiteral("\\Trash") << QStringLiteral("Trash");
        QTest::newRow("rfc6154-junk") << QStringLiteral("\\Junk") << QStringLiteral("Spam");
        QTest::newRow("rfc6154-archive") << QStringLiteral("\\Archive") << QStringLiteral("Archive");
        QTest::newRow("rfc6154-all") << QStringLiteral("\\All") << QStringLiteral("All Mail");
        QTest::newRow("plain-folder") << QString() << QStringLiteral("Projects");
    }
    void folderIconsPaint()
    {
        QFETCH(QString, specialUse);
        QFETCH(QString, folder);
        QVERIFY(paints(folderIcon(specialUse, folder)));
    }

    void otherIconsPaint()
    {
        QVERIFY(paints(accountIcon()));
        QVERIFY(paints(trackedIcon()));
        QVERIFY(paints(attachmentIcon()));
        QVERIFY(paints(applicationIcon()));
        for (int s = int(Tracking::DeliveryState::Queued); s <= int(Tracking::DeliveryState::Overdue); ++s)
            QVERIFY2(paints(stateIcon(Tracking::DeliveryState(s))), qPrintable(Tracking::stateName(Tracking::DeliveryState(s))));
    }
};

QTEST_MAIN(IconFallbackTest)
#include "IconFallbackTest.moc"
