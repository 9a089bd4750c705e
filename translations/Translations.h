// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>
#include <QStringList>

class QCoreApplication;

namespace Mailtrail {

/// Where mailtrail_<lang>.qm files are looked for, in order: next to an installed binary
/// (<prefix>/share/mailtrail/translations), then the copies compiled into the program.
[[nodiscard]] QStringList translationDirectories();

/// What installTranslations() loaded.
struct LoadedTranslations
{
    QString mailtrail; ///< the file of our strings for the locale, empty for English or none
    QString qt;        ///< Qt's own strings (qtbase: dialog buttons, shortcuts), empty if none
};

/// Loads Mailtrail's and Qt's translations for @p locale's UI languages and installs them on
/// the application (which owns them from then on). QLocale::system() follows LANGUAGE,
/// LC_ALL, LC_MESSAGES and LANG, so these variables choose the language, also in tests.
LoadedTranslations installTranslations(QCoreApplication &app, const QLocale &locale = QLocale::system());

} // namespace Mailtrail
