// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>
#include <QString>

namespace Mailtrail::Ui {

/// The icon @p name (freedesktop Icon Naming Specification, e.g. "mail-reply-sender") from
/// the desktop's icon theme, with the bundled SVG :/mailtrail/icons/<name>.svg as fallback, so
/// the app looks right outside a full desktop (no theme, or a theme without that icon).
/// Every name the UI asks for has a bundled fallback (tests/ui/IconFallbackTest.cpp).
QIcon themeIcon(const QString &name);

/// The path of the bundled fallback of @p name (":/mailtrail/icons/<name>.svg").
QString bundledIconPath(const QString &name);

/// The application icon: the theme's org.mailtrail.Mailtrail (installed with the app), else
/// the bundled one.
QIcon applicationIcon();

} // namespace Mailtrail::Ui
