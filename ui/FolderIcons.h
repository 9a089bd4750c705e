// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>
#include <QString>

namespace Mailtrail::Ui {

/// The icon of a folder by its RFC 6154 special-use attribute ("\\Sent", "\\Trash", …) or
/// by name for INBOX: the desktop theme's icon when there is one, else the bundled one so
/// the tree never shows blank space.
QIcon folderIcon(const QString &specialUse, const QString &folderName);
/// The icon of an account row.
QIcon accountIcon();
/// The icon of the virtual "Tracked" folder and its quick filters.
QIcon trackedIcon();
/// A paper clip, for messages with attachments.
QIcon attachmentIcon();

} // namespace Mailtrail::Ui
