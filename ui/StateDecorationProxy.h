// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIdentityProxyModel>

namespace Mailtrail::Ui {

/// Adds what core models cannot carry (they link no QtGui): the state icon as the
/// decoration of column @p iconColumn, and the state's colour as its foreground, taken from
/// Models::StateRole; and a Sent-folder icon in the first column of mail that another program
/// sent (Models::OriginRole "elsewhere").
class StateDecorationProxy : public QIdentityProxyModel
{
    Q_OBJECT
public:
    explicit StateDecorationProxy(int iconColumn, QObject *parent = nullptr);
    QVariant data(const QModelIndex &index, int role) const override;

private:
    int m_iconColumn;
};

} // namespace Mailtrail::Ui
