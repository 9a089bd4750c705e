// SPDX-License-Identifier: GPL-3.0-or-later
#include "ThemeIcons.h"

namespace Mailtrail::Ui {

QString bundledIconPath(const QString &name)
{
    return QStringLiteral(":/mailtrail/icons/%1.svg").arg(name);
}

QIcon themeIcon(const QString &name)
{
    return QIcon::fromTheme(name, QIcon(bundledIconPath(name)));
}

QIcon applicationIcon()
{
    return QIcon::fromTheme(QStringLiteral("org.mailtrail.Mailtrail"),
                            QIcon(bundledIconPath(QStringLiteral("mailtrail"))));
}

} // namespace Mailtrail::Ui
