// SPDX-License-Identifier: GPL-3.0-or-later
#include "FolderDecorationProxy.h"

#include "FolderIcons.h"
#include "models/Roles.h"

#include <QFont>

namespace Mailtrail::Ui {

using namespace Models;

QVariant FolderDecorationProxy::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const bool isAccount = NodeKind(QIdentityProxyModel::data(index, NodeKindRole).toInt()) == NodeKind::Account;
    const qint64 unread = isAccount ? 0 : QIdentityProxyModel::data(index, UnreadCountRole).toLongLong();
    switch (role) {
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
