// SPDX-License-Identifier: GPL-3.0-or-later
// The main window in the user's language, chosen like the app does from the environment
// (ctest runs this as ui_translated_window under LANG=de_DE.UTF-8 and as
// ui_translated_window_fr under LANG=fr_FR.UTF-8): menu titles, the Tracked folder, state
// labels and the recipients' summary are translated, and no button is cut off.
#include "FolderPane.h"
#include "DeliveryNotifier.h"
#include "DeliveryPanel.h"
#include "MainWindow.h"
#include "MessageListPane.h"
#include "SettingsDialog.h"
#include "Translations.h"
#include "UiFixture.h"

#include <QAbstractButton>
#include <QFileInfo>
#include <QMenuBar>
#include <QTabWidget>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

using namespace Mailtrail;
using namespace Mailtrail::Ui;
using namespace Qt::StringLiterals;

namespace {

struct Expected
{
    QString file;
    QStringList menus;
    QString tracked;
    QString read;       ///< Displayed state label
    QString oneRead;    ///< in the summary of several recipients
    QString failedNotification;
    QStringList folders; ///< the fixture account's top-level folders
};

Expected expectedFor(QLocale::Language language)
{
    switch (language) {
    case QLocale::German:
        return {u"mailtrail_de.qm"_s,
                {u"&Datei"_s, u"&Bearbeiten"_s, u"&Nachricht"_s, u"&Einstellungen"_s, u"&Hilfe"_s},
                u"Verfolgt"_s, u"Gelesen"_s, u"1 gelesen"_s, u"Zustellung fehlgeschlagen: Hi"_s,
                {u"Posteingang (2)"_s, u"Entwürfe"_s, u"Gesendet"_s, u"Archiv"_s, u"Junk"_s, u"Papierkorb"_s}};
    case QLocale::French:
        return {u"mailtrail_fr.qm"_s,
                {u"&Fichier"_s, u"É&dition"_s, u"&Message"_s, u"&Paramètres"_s, u"&Aide"_s},
                u"Suivis"_s, u"Lu"_s, u"1 lu"_s, u"Échec de la remise\u00a0: Hi"_s,
                {u"Boîte de réception (2)"_s, u"Brouillons"_s, u"Envoyés"_s, u"Archives"_s, u"Indésirables"_s,
                 u"Corbeille"_s}};
    default:
        return {};
    }
}

void settleLayouts()
{
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QCoreApplication::processEvents();
}

} // namespace

class TranslatedWindowTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        m_expected = expectedFor(QLocale::system().language());
        if (m_expected.file.isEmpty())
            QSKIP("run with LANG=de_DE.UTF-8 or LANG=fr_FR.UTF-8 (as ctest does)");
        // What the app's main() does.
        const LoadedTranslations loaded = installTranslations(*QCoreApplication::instance());
        QCOMPARE(QFileInfo(loaded.mailtrail).fileName(), m_expected.file);
    }
    void init()
    {
        m_context = std::make_unique<AppContext>();
        QCOMPARE(Test::fillUiFixture(*m_context, m_fixture), QString());
        m_window = std::make_unique<MainWindow>(*m_context);
        m_window->resize(1280, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }
    void cleanup()
    {
        m_window.reset();
        m_context.reset();
    }

    void menuTitlesAreTranslatedAndFit()
    {
        QMenuBar *bar = m_window->menuBar();
        QStringList titles;
        const auto actions = bar->actions();
        for (QAction *a : actions) {
            titles << a->text();
            const QRect r = bar->actionGeometry(a);
            QVERIFY2(r.isValid() && r.right() <= bar->width(), qPrintable(a->text()));
        }
        QCOMPARE(titles, m_expected.menus);
    }

    void standardFoldersHaveLocalNames()
    {
        const QAbstractItemModel *tree = m_window->folderPane()->folderView()->model();
        const QModelIndex account = tree->index(0, 0);
        QStringList names;
        for (int r = 0; r < tree->rowCount(account); ++r)
            names << tree->index(r, 0, account).data().toString();
        QCOMPARE(names, m_expected.folders);
    }

    void trackedMailSpeaksTheLanguage()
    {
        QCOMPARE(m_window->folderPane()->trackedView()->topLevelItem(0)->text(0), m_expected.tracked);

        m_window->folderPane()->selectTracked(TrackedFilter::All);
        QTreeView *tracked = m_window->listPane()->trackedView();
        const QAbstractItemModel *model = tracked->model();
        QModelIndex three;
        for (int r = 0; r < model->rowCount(); ++r) {
            if (model->index(r, 0).data().toString() == QLatin1String("Three outcomes"))
                three = model->index(r, 0);
        }
        QVERIFY(three.isValid());
        // bob read it, carol's is delayed, ghost's failed: "1 gelesen" in the summary.
        const QString summary = model->index(three.row(), 3).data().toString();
        QVERIFY2(summary.contains(m_expected.oneRead), qPrintable(summary));
        // The delivery panel lists the recipients with their state's label.
        tracked->setCurrentIndex(three);
        const QTreeView *recipientView = m_window->deliveryPanel()->recipientView();
        const QAbstractItemModel *recipients = recipientView->model();
        const QModelIndex root = recipientView->rootIndex();
        QStringList states;
        for (int r = 0; r < recipients->rowCount(root); ++r)
            states << recipients->index(r, 1, root).data().toString();
        QVERIFY2(states.contains(m_expected.read), qPrintable(states.join(u" | "_s)));
    }

    void desktopNotificationsToo()
    {
        DeliveryNotifier notifier;
        RecipientSnapshot r{1, u"ghost@example.test"_s, u"Hi"_s, Tracking::DeliveryState::Accepted, {}};
        QVERIFY(notifier.observe({r}).isEmpty());
        r.state = Tracking::DeliveryState::Failed;
        const QList<DeliveryNotification> shown = notifier.observe({r});
        QCOMPARE(shown.size(), 1);
        QCOMPARE(shown.first().summary, m_expected.failedNotification);
    }

    void noButtonIsCutOff()
    {
        m_window->folderPane()->selectTracked(TrackedFilter::All);
        QTreeView *tracked = m_window->listPane()->trackedView();
        tracked->setCurrentIndex(tracked->model()->index(0, 0));
        settleLayouts();
        const auto buttons = m_window->findChildren<QAbstractButton *>();
        int checked = 0;
        for (QAbstractButton *b : buttons) {
            if (!b->isVisible() || b->text().isEmpty())
                continue;
            ++checked;
            QVERIFY2(b->width() >= b->sizeHint().width(),
                     qPrintable(u"%1: %2 < %3"_s.arg(b->text()).arg(b->width()).arg(b->sizeHint().width())));
        }
        QVERIFY(checked > 0);
    }

    void screenshot()
    {
        const QString dir = qEnvironmentVariable("MAILTRAIL_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("set MAILTRAIL_SCREENSHOT_DIR to write screenshots");
        const QString lang = QLocale::languageToCode(QLocale::system().language());
        m_window->folderPane()->selectTracked(TrackedFilter::All);
        QTreeView *tracked = m_window->listPane()->trackedView();
        for (int r = 0; r < tracked->model()->rowCount(); ++r) {
            if (tracked->model()->index(r, 0).data().toString() == QLatin1String("Three outcomes"))
                tracked->setCurrentIndex(tracked->model()->index(r, 0));
        }
        settleLayouts();
        QVERIFY(m_window->grab().save(dir + u"/tracked-%1.png"_s.arg(lang)));
        m_window->folderPane()->selectFolder(m_fixture.inbox);
        QTreeView *view = m_window->listPane()->mailView();
        view->setCurrentIndex(view->model()->index(2, 0));
        settleLayouts();
        QVERIFY(m_window->grab().save(dir + u"/main-window-%1.png"_s.arg(lang)));
        // The dialogs with the longest texts.
        QWidget *composer = m_window->compose();
        settleLayouts();
        QVERIFY(composer->grab().save(dir + u"/composer-%1.png"_s.arg(lang)));
        composer->close();
        SettingsDialog *settings = m_window->openSettings();
        settleLayouts();
        if (auto *tabs = settings->findChild<QTabWidget *>()) {
            for (int i = 0; i < tabs->count(); ++i) {
                tabs->setCurrentIndex(i);
                settleLayouts();
                QVERIFY(settings->grab().save(dir + u"/settings-%1-%2.png"_s.arg(lang).arg(i)));
            }
        }
        settings->close();
        QWidget *assistant = m_window->addAccount();
        settleLayouts();
        QVERIFY(assistant->grab().save(dir + u"/account-assistant-%1.png"_s.arg(lang)));
        assistant->close();
    }

private:
    Expected m_expected;
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<MainWindow> m_window;
    Test::UiFixture m_fixture;
};

QTEST_MAIN(TranslatedWindowTest)
#include "TranslatedWindowTest.moc"
