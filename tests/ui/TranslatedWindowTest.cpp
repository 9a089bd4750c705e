// SPDX-License-Identifier: GPL-3.0-or-later
// The main window in the user's language, chosen like the app does from the environment
// (ctest runs this as ui_translated_window under LANG=de_DE.UTF-8 and as
// ui_translated_window_fr under LANG=fr_FR.UTF-8): menu titles, the Tracked folder, state
// labels and the recipients' summary are translated, no button is cut off, and no string of
// ours (nor Qt's dialog buttons) is left in English anywhere the window and its dialogs show.
#include "AccountEditor.h"
#include "ComposerDialog.h"
#include "FolderPane.h"
#include "DeliveryNotifier.h"
#include "DeliveryPanel.h"
#include "MainWindow.h"
#include "MessageListPane.h"
#include "OutboxDialog.h"
#include "SettingsDialog.h"
#include "TestPaths.h"
#include "Translations.h"
#include "EverydayScreens.h"
#include "UiFixture.h"
#include "store/AccountRepository.h"
#include "store/Identity.h"

#include <QAbstractButton>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSet>
#include <QXmlStreamReader>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QToolButton>
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
    QString threads;     ///< the Threads toggle
    QString cancel;      ///< Qt's own Cancel button (qtbase translations)
    QString wrote;       ///< the reply's attribution line
    QString forwarded;   ///< the forwarded message's header block
};

Expected expectedFor(QLocale::Language language)
{
    switch (language) {
    case QLocale::German:
        return {u"mailtrail_de.qm"_s,
                {u"&Datei"_s, u"&Bearbeiten"_s, u"&Nachricht"_s, u"&Ordner"_s, u"&Einstellungen"_s, u"&Hilfe"_s},
                u"Verfolgt"_s, u"Gelesen"_s, u"1 gelesen"_s, u"Zustellung fehlgeschlagen: Hi"_s,
                {u"Posteingang (2)"_s, u"Entwürfe"_s, u"Gesendet"_s, u"Archiv"_s, u"Junk"_s, u"Papierkorb"_s},
                u"Unterhaltungen"_s, u"Abbrechen"_s, u"schrieb"_s,
                u"-------- Weitergeleitete Nachricht --------\nBetreff:"_s};
    case QLocale::French:
        return {u"mailtrail_fr.qm"_s,
                {u"&Fichier"_s, u"É&dition"_s, u"&Message"_s, u"D&ossier"_s, u"&Paramètres"_s, u"&Aide"_s},
                u"Suivis"_s, u"Lu"_s, u"1 lu"_s, u"Échec de la remise\u00a0: Hi"_s,
                {u"Boîte de réception (2)"_s, u"Brouillons"_s, u"Envoyés"_s, u"Archives"_s, u"Indésirables"_s,
                 u"Corbeille"_s},
                u"Conversations"_s, u"Annuler"_s, u"a écrit"_s,
                u"-------- Message transféré --------\nSujet"_s};
    default:
        return {};
    }
}

/// The source strings of @p tsFile whose translation differs from them: shown as they are,
/// they are English left over (a string not passed through tr(), or translated too early).
QSet<QString> translatableSources(const QString &tsFile)
{
    QFile file(tsFile);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(tsFile));
    QSet<QString> out;
    QXmlStreamReader xml(&file);
    QString source;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            const QString translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (!source.isEmpty() && translation != source && !source.contains(QLatin1Char('%')))
                out.insert(source);
        }
    }
    return out;
}

/// Every text a user can read in @p root: labels, buttons, placeholders, tabs, column
/// headers, window titles, menus and their actions.
QStringList shownTexts(QWidget *root)
{
    QStringList texts{root->windowTitle()};
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *w : widgets) {
        if (auto *b = qobject_cast<QAbstractButton *>(w))
            texts << b->text() << b->toolTip();
        else if (auto *l = qobject_cast<QLabel *>(w))
            texts << l->text();
        else if (auto *e = qobject_cast<QLineEdit *>(w))
            texts << e->placeholderText() << e->toolTip();
        else if (auto *t = qobject_cast<QTabWidget *>(w)) {
            for (int i = 0; i < t->count(); ++i)
                texts << t->tabText(i);
        } else if (auto *h = qobject_cast<QHeaderView *>(w); h && h->model()) {
            for (int i = 0; i < h->count(); ++i)
                texts << h->model()->headerData(i, h->orientation()).toString();
        } else if (auto *m = qobject_cast<QMenu *>(w)) {
            texts << m->title();
        }
        for (QAction *a : w->actions())
            texts << a->text() << a->toolTip();
    }
    texts.removeAll(QString());
    return texts;
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
        QCOMPARE(Test::openFixtureWindow(m_fixture, m_context, m_window), QString());
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

    void threadsAreConversations()
    {
        QCOMPARE(m_window->listPane()->threadsToggle()->text(), m_expected.threads);
    }

    /// Nothing reachable from the window is left in English: the window with its menus, the
    /// composer, Settings (every page), Edit Account, the outbox and the account assistant.
    void noEnglishIsLeft()
    {
        const QString lang = QLocale::languageToCode(QLocale::system().language());
        const QSet<QString> english = translatableSources(
            Test::sourceDir() + u"/translations/mailtrail_%1.ts"_s.arg(lang));
        QVERIFY(english.size() > 300);
        // ("OK" is "OK" in German and French too.)
        const QStringList qtButtons{u"Cancel"_s, u"&Cancel"_s, u"Save"_s, u"&Save"_s,
                                    u"Discard"_s, u"Close"_s, u"&Close"_s, u"Apply"_s, u"&Yes"_s, u"&No"_s,
                                    u"&Back"_s, u"< &Back"_s, u"&Next >"_s, u"&Finish"_s, u"Help"_s};
        const Store::Account alice
            = *Store::AccountRepository(m_context->database().connection()).find(u"alice"_s);
        QList<QWidget *> roots{m_window.get(), m_window->compose(), m_window->openOutbox(), m_window->addAccount()};
        SettingsDialog *settings = m_window->openSettings();
        roots << settings << settings->editAccount(alice.name);
        m_window->folderPane()->selectTracked(TrackedFilter::Failed);
        QStringList left;
        bool sawCancel = false;
        for (QWidget *root : std::as_const(roots)) {
            QVERIFY(root);
            for (const QString &text : shownTexts(root)) {
                if (english.contains(text) || qtButtons.contains(text))
                    left << u"%1: %2"_s.arg(root->objectName(), text);
                sawCancel = sawCancel || QString(text).remove(QLatin1Char('&')) == m_expected.cancel;
            }
        }
        QVERIFY2(left.isEmpty(), qPrintable(left.join(u"\n"_s)));
        QVERIFY(sawCancel); // Qt's own buttons come translated (qtbase_<lang>.qm)
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

    /// Issue 19: the attribution line of a reply and the header block of a forward are in
    /// the user's language, with the day names of that language.
    void replyAndForwardSpeakTheLanguage()
    {
        m_window->folderPane()->selectFolder(m_fixture.inbox);
        QTreeView *view = m_window->listPane()->mailView();
        view->setCurrentIndex(view->model()->index(1, 0));
        for (const int mode : {int(MainWindow::Reply), int(MainWindow::Forward)}) {
            ComposerDialog *composer = m_window->replyOrForward(mode);
            QVERIFY(composer);
            const QString text = composer->bodyField()->toPlainText();
            const QString expected = mode == MainWindow::Reply ? m_expected.wrote : m_expected.forwarded;
            QVERIFY2(text.contains(expected), qPrintable(text));
            for (const char *english : {"wrote:", "Forwarded Message", "Subject:", "Date:", "Mon,", "Tue,", "Wed,",
                                        "Thu,", "Fri,", "Sat,", "Sun,"})
                QVERIFY2(!text.contains(QLatin1String(english)), qPrintable(text));
            delete composer;
        }
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
        QCOMPARE(Test::grabEverydayScreens(*m_context, *m_window, m_fixture, dir, u"-%1"_s.arg(lang)), QString());
    }

private:
    Expected m_expected;
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<MainWindow> m_window;
    Test::UiFixture m_fixture;
};

QTEST_MAIN(TranslatedWindowTest)
#include "TranslatedWindowTest.moc"
