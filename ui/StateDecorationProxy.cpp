// SPDX-License-Identifier: GPL-3.0-or-later
#include "StateDecorationProxy.h"

#include "StateIcons.h"
#include "ThemeIcons.h"
#include "models/Roles.h"

namespace Mailtrail::Ui {

StateDecorationProxy::StateDecorationProxy(int iconColumn, QObject *parent)
    : QIdentityProxyModel(parent)
    , m_iconColumn(iconColumn)
{
}

QVariant StateDecorationProxy::data(const QModelIndex &index, int role) const
{
    if (index.column() == m_iconColumn && (role == Qt::DecorationRole || role == Qt::ForegroundRole)) {
        const QVariant state = QIdentityProxyModel::data(index, Models::StateRole);
        if (state.isValid()) {
            const auto s = Tracking::DeliveryState(state.toInt());
            if (role == Qt::DecorationRole)
                return stateIcon(s);
            return stateColor(s);
        }
    }
    // Mail another program sent (issue #18): marked in the first column, the tooltip says it.
    if (index.column() == 0 && role == Qt::DecorationRole
        && QIdentityProxyModel::data(index, Models::OriginRole).toString() == QLatin1String("elsewhere"))
        return themeIcon(QStringLiteral("mail-folder-sent"));
    if (index.column() == m_iconColumn && role == Qt::DisplayRole) {
        const QVariant state = QIdentityProxyModel::data(index, Models::StateRole);
        const QString text = QIdentityProxyModel::data(index, role).toString();
        // Show the label users know ("Read") instead of the state's key ("displayed"), also
        // in summaries such as "failed (1 of 3)".
        if (state.isValid()) {
            const auto s = Tracking::DeliveryState(state.toInt());
            const QString key = Tracking::stateName(s);
            if (text == key)
                return stateLabel(s);
            if (text.startsWith(key + QLatin1Char(' ')))
                return QString(stateLabel(s) + text.mid(key.size()));
        }
    }
    return QIdentityProxyModel::data(index, role);
}

} // namespace Mailtrail::Ui
