// SPDX-License-Identifier: GPL-3.0-or-later
#include "FolderDecorationProxy.h"

#include "FolderIcons.h"
#include "models/Roles.h"

#include <QCoreApplication>
#include <QFont>

namespace Mailtrail::Ui {

using namespace Models;

namespace {

/// The usual names of the standard folders, shown in the user's language like other mail
/// clients do. A folder the server names otherwise ("Sent Items") keeps its name.
constexpr struct
{
    const char *source;
    const char *comment;
} kStandardFolders[] = {
    QT_TRANSLATE_NOOP3("Mailtrail::Ui::FolderDecorationProxy", "INBOX", "folder name"),
    QT_TRANSLATE_NOOP3("Mailtrail::Ui::FolderDecorationProxy", "Drafts", "folder name"),
    QT_TRANSLATE_NOOP3("Mailtrail::Ui::FolderDecorationProxy", "Sent", "folder name"),
    QT_TRANSLATE_NOOP3("Mailtrail::Ui::FolderDecorationProxy", "Archive", "folder name"),
    QT_TRANSLATE_NOOP3("Mailtrail::Ui::FolderDecorationProxy", "Junk", "folder name"),
    QT_TRANSLATE_NOOP3("Mailtrail::Ui::FolderDecorationProxy", "Trash", "folder name"),
    // Where new accounts file delivery reports and read receipts (AccountAssistant).
    QT_TRANSLATE_NOOP3("Mailtrail::Ui::FolderDecorationProxy", "Receipts", "folder name"),
};

QString standardFolderLabel(const QString &fullName)
{
    for (const auto &folder : kStandardFolders) {
        const auto cs = qstrcmp(folder.source, "INBOX") == 0 ? Qt::CaseInsensitive : Qt::CaseSensitive;
        if (fullName.compare(QLatin1String(folder.source), cs) == 0)
            return QCoreApplication::translate("Mailtrail::Ui::FolderDecorationProxy", folder.source, folder.comment);
    }
    return {};
}

} // namespace

QVariant FolderDecorationProxy::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const bool isAccount = NodeKind(QIdentityProxyModel::data(index, NodeKindRole).toInt()) == NodeKind::Account;
    const qint64 unread = isAccount ? 0 : QIdentityProxyModel::data(index, UnreadCountRole).toLongLong();
    switch (role) {
    case Qt::DisplayRole:
        if (!isAccount) {
            if (const QString label = standardFolderLabel(QIdentityProxyModel::data(index, FolderNameRole).toString());
                !label.isEmpty())
                return unread > 0 ? QStringLiteral("%1 (%2)").arg(label).arg(unread) : label;
        }
        break;
    case Qt::DecorationRole:
        if (isAccount)
            return accountIcon();
        return folderIcon(QIdentityProxyModel::data(index, SpecialUseRole).toString(),
                          QIdentityProxyModel::data(index, FolderNameRole).toString());
    case Qt::FontRole:
        if (isAccount || unread > 0) {
            QFont font;
            font.setBold(true);
            return font;
        }
        break;
    case Qt::ToolTipRole:
        if (!isAccount)
            return tr("%n message(s), %1 unread", nullptr,
                      int(QIdentityProxyModel::data(index, MessageCountRole).toLongLong()))
                .arg(unread);
        break;
    }
    return QIdentityProxyModel::data(index, role);
}

} // namespace Mailtrail::Ui
