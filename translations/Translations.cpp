// SPDX-License-Identifier: GPL-3.0-or-later
#include "Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLoggingCategory>
#include <QTranslator>

#include <memory>

namespace Mailtrail {

Q_LOGGING_CATEGORY(lcTranslations, "mailtrail.translations")

QStringList translationDirectories()
{
    QStringList dirs;
    const QString installed = QDir(QCoreApplication::applicationDirPath())
                                  .absoluteFilePath(QStringLiteral("../") + QLatin1String(MAILTRAIL_INSTALLED_TRANSLATIONS));
    if (QDir(installed).exists())
        dirs << QDir::cleanPath(installed);
    dirs << QStringLiteral(":/mailtrail/translations");
    return dirs;
}

namespace {

/// Loads the first mailtrail_<lang>.qm for @p locale from translationDirectories().
std::unique_ptr<QTranslator> loadOurs(QCoreApplication &app, const QLocale &locale)
{
    for (const QString &dir : translationDirectories()) {
        auto translator = std::make_unique<QTranslator>(&app);
        if (translator->load(locale, QStringLiteral("mailtrail"), QStringLiteral("_"), dir))
            return translator;
    }
    return nullptr;
}

} // namespace

LoadedTranslations installTranslations(QCoreApplication &app, const QLocale &locale)
{
    LoadedTranslations loaded;
    // The sources say "%n message(s)"; mailtrail_en only holds the English plural forms. It is
    // the base under every language, so a language without a translation reads right too.
    if (auto english = loadOurs(app, QLocale(QLocale::English)))
        QCoreApplication::installTranslator(english.release());
    if (auto ours = loadOurs(app, locale); ours && ours->language() != QLatin1String("en")
                                           && !ours->language().startsWith(QLatin1String("en_"))) {
        loaded.mailtrail = ours->filePath();
        QCoreApplication::installTranslator(ours.release());
        // Qt's own strings (dialog buttons, shortcuts) only under ours, never in an English UI.
        auto qt = std::make_unique<QTranslator>(&app);
        if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            loaded.qt = qt->filePath();
            QCoreApplication::installTranslator(qt.release());
        }
    }
    qCDebug(lcTranslations) << "UI languages" << locale.uiLanguages() << "→" << loaded.mailtrail << loaded.qt;
    return loaded;
}

} // namespace Mailtrail
