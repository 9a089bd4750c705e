// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIdentityProxyModel>

namespace Mailtrail::Ui {

/// Shows Models::FolderModel the way a mail client does: special-use icons (the model
/// already puts the unread count after the name), unread folders in bold, and the standard
/// folders (INBOX, Sent, …) under their names in the user's language.
class FolderDecorationProxy : public QIdentityProxyModel
{
    Q_OBJECT
public:
    using QIdentityProxyModel::QIdentityProxyModel;
    QVariant data(const QModelIndex &index, int role) const override;
};

} // namespace Mailtrail::Ui
