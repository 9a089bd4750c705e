// SPDX-License-Identifier: GPL-3.0-or-later
#include "FolderIcons.h"
#include "ThemeIcons.h"

namespace Mailtrail::Ui {

QIcon folderIcon(const QString &specialUse, const QString &folderName)
{
    const QString use = specialUse.toLower();
    if (folderName.compare(QStringLiteral("INBOX"), Qt::CaseInsensitive) == 0)
        return themeIcon(QStringLiteral("mail-folder-inbox"));
    if (use == QLatin1String("\\sent"))
        return themeIcon(QStringLiteral("mail-folder-sent"));
    if (use == QLatin1String("\\drafts"))
        return themeIcon(QStringLiteral("document-edit"));
    if (use == QLatin1String("\\trash"))
        return themeIcon(QStringLiteral("user-trash"));
    if (use == QLatin1String("\\junk"))
        return themeIcon(QStringLiteral("mail-mark-junk"));
    if (use == QLatin1String("\\archive") || use == QLatin1String("\\all"))
        return themeIcon(QStringLiteral("folder-documents"));
    return themeIcon(QStringLiteral("folder"));
}

QIcon accountIcon()
{
    return themeIcon(QStringLiteral("user-identity"));
}

QIcon trackedIcon()
{
    // Mailtrail's own: no icon theme has it, but one may add it under this name.
    return themeIcon(QStringLiteral("mailtrail-tracked"));
}

QIcon attachmentIcon()
{
    return themeIcon(QStringLiteral("mail-attachment"));
}

} // namespace Mailtrail::Ui
