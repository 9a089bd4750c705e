// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QAbstractItemModel;
class QDialogButtonBox;
class QLineEdit;
class QListView;
class QSortFilterProxyModel;
class QStandardItemModel;

namespace Mailtrail::Ui {

/// "Move to…" / "Copy to…": the folders of one account as the folder tree names them (e.g.
/// "Projects/2026", "Papierkorb"), narrowed while the user types (any part of that or of the
/// server's name, case-insensitive). Up and Down move
/// through the matches, Enter takes the highlighted one (the first match unless another was
/// chosen).
class FolderPickerDialog : public QDialog
{
    Q_OBJECT
public:
    /// Lists the folders of account @p accountId in @p folders (the folder tree's model) that can
    /// hold messages, except @p excludeFolderId (the folder the messages are in).
    FolderPickerDialog(const QAbstractItemModel &folders, qint64 accountId, qint64 excludeFolderId,
                       const QString &title, QWidget *parent = nullptr);

    /// The chosen folder's id (0: none).
    [[nodiscard]] qint64 selectedFolder() const;
    [[nodiscard]] QLineEdit *filterBox() const { return m_filter; }
    [[nodiscard]] QListView *folderList() const { return m_list; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applyFilter(const QString &text);

    QLineEdit *m_filter;
    QListView *m_list;
    QStandardItemModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QDialogButtonBox *m_buttons;
};

} // namespace Mailtrail::Ui
