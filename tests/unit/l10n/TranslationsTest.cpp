// SPDX-License-Identifier: GPL-3.0-or-later
// The compiled-in German and French translations: menu titles and the delivery vocabulary
// (DSN, read receipt, delivered, read), plural forms per language (French 0 and 1 are singular),
// the English plural forms under every language, what installTranslations() picks, and that
// every committed translation keeps its source's placeholders, shortcut and ellipsis.
#include "Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QTest>
#include <QRegularExpression>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace Mailtrail;
using namespace Qt::StringLiterals;

namespace {

struct Entry
{
    QString context;
    QString source;
    QStringList translations; ///< one, or one per plural form
};

/// The entries of a committed .ts file (Qt Linguist XML).
QList<Entry> readTs(const QString &path)
{
    QList<Entry> out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return out;
    QXmlStreamReader xml(&file);
    QString context;
    Entry entry;
    while (!xml.atEnd()) {
        if (!xml.readNextStartElement())
            continue;
        if (xml.name() == QLatin1String("name"))
            context = xml.readElementText();
        else if (xml.name() == QLatin1String("message"))
            entry = Entry{context, {}, {}};
        else if (xml.name() == QLatin1String("source"))
            entry.source = xml.readElementText();
        else if (xml.name() == QLatin1String("numerusform"))
            entry.translations << xml.readElementText();
        else if (xml.name() == QLatin1String("translation") && xml.attributes().isEmpty()) {
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (entry.translations.isEmpty() && !text.trimmed().isEmpty())
                entry.translations << text;
            out << entry;
        }
    }
    return out;
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%(\\d|n)"));
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found << it.next().captured();
    found.sort();
    found.removeDuplicates();
    return found;
}

/// "&File" has a keyboard shortcut; "&lt;" entities are gone after parsing, "&&" is a literal.
bool hasShortcut(const QString &text)
{
    return QString(text).remove(QStringLiteral("&&")).contains(QLatin1Char('&'));
}

} // namespace

class TranslationsTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanup()
    {
        // installTranslations() parents its translators to the application.
        const auto translators = QCoreApplication::instance()->findChildren<QTranslator *>();
        for (QTranslator *t : translators) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
    }

    void compiledInForEveryLanguage_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("de") << QStringLiteral("de");
        QTest::newRow("fr") << QStringLiteral("fr");
        QTest::newRow("en-plurals-only") << QStringLiteral("en");
    }
    void compiledInForEveryLanguage()
    {
        QFETCH(QString, language);
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/mailtrail/translations/mailtrail_%1.qm").arg(language)));
        QCOMPARE(translator.language(), language);
        QVERIFY(!translator.isEmpty());
    }

    void words_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QByteArray>("context");
        QTest::addColumn<QByteArray>("source");
        QTest::addColumn<QString>("expected");
        const QByteArray window = "Mailtrail::Ui::MainWindow";
        const QByteArray state = "Mailtrail::Ui::State";
        const QByteArray composer = "Mailtrail::Ui::ComposerDialog";
        QTest::newRow("de-menu-file") << u"de"_s << window << QByteArray("&File") << u"&Datei"_s;
        QTest::newRow("fr-menu-file") << u"fr"_s << window << QByteArray("&File") << u"&Fichier"_s;
        QTest::newRow("de-menu-message") << u"de"_s << window << QByteArray("&Message") << u"&Nachricht"_s;
        QTest::newRow("de-state-delivered") << u"de"_s << state << QByteArray("Delivered") << u"Zugestellt"_s;
        QTest::newRow("fr-state-delivered") << u"fr"_s << state << QByteArray("Delivered") << u"Remis"_s;
        QTest::newRow("de-state-read") << u"de"_s << state << QByteArray("Read") << u"Gelesen"_s;
        QTest::newRow("fr-state-read") << u"fr"_s << state << QByteArray("Read") << u"Lu"_s;
        QTest::newRow("de-dsn") << u"de"_s << composer << QByteArray("Request &delivery report")
                                << u"&Zustellbericht anfordern"_s;
        QTest::newRow("fr-dsn") << u"fr"_s << composer << QByteArray("Request &delivery report")
                                << u"Demander un accusé de &livraison"_s;
        QTest::newRow("de-read-receipt") << u"de"_s << composer << QByteArray("Request &read receipt")
                                         << u"&Lesebestätigung anfordern"_s;
        QTest::newRow("fr-read-receipt") << u"fr"_s << composer << QByteArray("Request &read receipt")
                                         << u"Demander un accusé de lec&ture"_s;
        QTest::newRow("fr-colon-spacing") << u"fr"_s << composer << QByteArray("&To:") << u"&À\u00a0:"_s;
        QTest::newRow("de-rfc3463-detail") << u"de"_s << QByteArray("Mailtrail::Tracking")
                                           << QByteArray("the mailbox is full") << u"das Postfach ist voll"_s;
        QTest::newRow("fr-core-header") << u"fr"_s << QByteArray("Mailtrail::Models::MessageListModel")
                                        << QByteArray("Subject") << u"Objet"_s;
    }
    void words()
    {
        QFETCH(QString, language);
        QFETCH(QByteArray, context);
        QFETCH(QByteArray, source);
        QFETCH(QString, expected);
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/mailtrail/translations/mailtrail_%1.qm").arg(language)));
        QCOMPARE(translator.translate(context.constData(), source.constData()), expected);
    }

    void pluralForms_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<int>("n");
        QTest::addColumn<QString>("expected");
        QTest::newRow("de-0") << u"de"_s << 0 << u"0 Nachrichten, 0 ungelesen"_s;
        QTest::newRow("de-1") << u"de"_s << 1 << u"1 Nachricht, 0 ungelesen"_s;
        QTest::newRow("de-2") << u"de"_s << 2 << u"2 Nachrichten, 0 ungelesen"_s;
        QTest::newRow("fr-0-is-singular") << u"fr"_s << 0 << u"0 message, non lus\u00a0: 0"_s;
        QTest::newRow("fr-1") << u"fr"_s << 1 << u"1 message, non lus\u00a0: 0"_s;
        QTest::newRow("fr-2") << u"fr"_s << 2 << u"2 messages, non lus\u00a0: 0"_s;
        QTest::newRow("en-0") << u"en"_s << 0 << u"0 messages, 0 unread"_s;
        QTest::newRow("en-1") << u"en"_s << 1 << u"1 message, 0 unread"_s;
        QTest::newRow("en-2") << u"en"_s << 2 << u"2 messages, 0 unread"_s;
    }
    void pluralForms()
    {
        QFETCH(QString, language);
        QFETCH(int, n);
        QFETCH(QString, expected);
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/mailtrail/translations/mailtrail_%1.qm").arg(language)));
        QVERIFY(QCoreApplication::installTranslator(&translator));
        const QString text = QCoreApplication::translate("Mailtrail::Ui::FolderDecorationProxy",
                                                         "%n message(s), %1 unread", nullptr, n)
                                 .arg(0);
        QCoreApplication::removeTranslator(&translator);
        QCOMPARE(text, expected);
    }

    void frenchAdjectivesAgree_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<QString>("expected");
        QTest::newRow("0") << 0 << u"0 lu"_s;
        QTest::newRow("1") << 1 << u"1 lu"_s;
        QTest::newRow("3") << 3 << u"3 lus"_s;
    }
    void frenchAdjectivesAgree()
    {
        QFETCH(int, n);
        QFETCH(QString, expected);
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/mailtrail/translations/mailtrail_fr.qm")));
        QVERIFY(QCoreApplication::installTranslator(&translator));
        const QString text = QCoreApplication::translate("Mailtrail::Models::TrackingModel", "%n displayed", nullptr, n);
        QCoreApplication::removeTranslator(&translator);
        QCOMPARE(text, expected);
    }

    void installPicksTheLocale_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("fileMenu");
        QTest::newRow("de_DE") << QLocale(QLocale::German, QLocale::Germany) << u"mailtrail_de.qm"_s << u"&Datei"_s;
        QTest::newRow("de_AT") << QLocale(QLocale::German, QLocale::Austria) << u"mailtrail_de.qm"_s << u"&Datei"_s;
        QTest::newRow("fr_CA") << QLocale(QLocale::French, QLocale::Canada) << u"mailtrail_fr.qm"_s << u"&Fichier"_s;
        QTest::newRow("en_US") << QLocale(QLocale::English, QLocale::UnitedStates) << QString() << u"&File"_s;
        QTest::newRow("untranslated-ja") << QLocale(QLocale::Japanese, QLocale::Japan) << QString() << u"&File"_s;
    }
    void installPicksTheLocale()
    {
        QFETCH(QLocale, locale);
        QFETCH(QString, file);
        QFETCH(QString, fileMenu);
        const LoadedTranslations loaded = installTranslations(*QCoreApplication::instance(), locale);
        QCOMPARE(QFileInfo(loaded.mailtrail).fileName(), file);
        QCOMPARE(QCoreApplication::translate("Mailtrail::Ui::MainWindow", "&File"), fileMenu);
        // English plural forms hold under every language without a translation of its own.
        if (file.isEmpty()) {
            QCOMPARE(QCoreApplication::translate("Mailtrail::Ui::FolderDecorationProxy", "%n message(s), %1 unread",
                                                 nullptr, 1),
                     u"1 message, %1 unread"_s);
            QVERIFY(loaded.qt.isEmpty());
        }
    }

    void placeholdersAndShortcutsSurvive_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("de") << u"de"_s;
        QTest::newRow("fr") << u"fr"_s;
        QTest::newRow("en-plurals-only") << u"en"_s;
    }
    void placeholdersAndShortcutsSurvive()
    {
        QFETCH(QString, language);
        const QList<Entry> entries = readTs(qEnvironmentVariable("MAILTRAIL_SOURCE_DIR")
                                            + u"/translations/mailtrail_%1.ts"_s.arg(language));
        QVERIFY(!entries.isEmpty());
        for (const Entry &e : entries) {
            const QString where = e.context + u": "_s + e.source;
            QVERIFY2(!e.translations.isEmpty(), qPrintable(where));
            for (const QString &t : e.translations) {
                QVERIFY2(!t.isEmpty(), qPrintable(where));
                QVERIFY2(placeholders(t) == placeholders(e.source), qPrintable(where + u" → "_s + t));
                QVERIFY2(hasShortcut(t) == hasShortcut(e.source), qPrintable(where + u" → "_s + t));
                QVERIFY2(t.endsWith(u'…') == e.source.endsWith(u'…'), qPrintable(where + u" → "_s + t));
            }
        }
    }

    void qtsOwnStringsFollow()
    {
        const QString qtbase = QDir(QLibraryInfo::path(QLibraryInfo::TranslationsPath))
                                   .filePath(QStringLiteral("qtbase_de.qm"));
        if (!QFileInfo::exists(qtbase))
            QSKIP("Qt's German translations are not installed here");
        const LoadedTranslations loaded = installTranslations(*QCoreApplication::instance(), QLocale(QLocale::German));
        QCOMPARE(QFileInfo(loaded.qt).fileName(), u"qtbase_de.qm"_s);
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), u"Abbrechen"_s);
    }
};

QTEST_GUILESS_MAIN(TranslationsTest)
#include "TranslationsTest.moc"
