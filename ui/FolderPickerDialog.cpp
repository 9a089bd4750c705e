// SPDX-License-Identifier: GPL-3.0-or-later
#include "FolderPickerDialog.h"

#include "FolderIcons.h"
#include "models/Roles.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace Mailtrail::Ui {

namespace {
constexpr int FolderIdRole = Qt::UserRole + 1;
constexpr int SearchRole = Qt::UserRole + 2; ///< the label path and the folder's own name

/// A folder's label in the tree (translated for the standard folders), without its unread count.
QString labelOf(const QModelIndex &index)
{
    QString label = index.data(Qt::DisplayRole).toString();
    const qint64 unread = index.data(Models::UnreadCountRole).toLongLong();
    if (const QString suffix = QStringLiteral(" (%1)").arg(unread); unread > 0 && label.endsWith(suffix))
        label.chop(suffix.size());
    return label;
}

void collect(const QAbstractItemModel &model, const QModelIndex &parent, const QString &parentPath, qint64 accountId,
             qint64 exclude, QStandardItemModel &out)
{
    for (int r = 0; r < model.rowCount(parent); ++r) {
        const QModelIndex i = model.index(r, 0, parent);
        if (i.data(Models::AccountIdRole).toLongLong() != accountId)
            continue;
        const bool isFolder = i.data(Models::NodeKindRole).toInt() == int(Models::NodeKind::Folder);
        const QString path = !isFolder ? QString()
            : parentPath.isEmpty()     ? labelOf(i)
                                       : parentPath + QLatin1Char('/') + labelOf(i);
        const qint64 id = i.data(Models::FolderIdRole).toLongLong();
        if (isFolder && id != exclude && i.data(Models::SelectableRole).toBool()) {
            auto *item = new QStandardItem(path);
            item->setData(id, FolderIdRole);
            item->setData(QString(path + QLatin1Char('\n') + i.data(Models::FolderNameRole).toString()), SearchRole);
            item->setIcon(folderIcon(i.data(Models::SpecialUseRole).toString(), i.data(Models::FolderNameRole).toString()));
            item->setEditable(false);
            out.appendRow(item);
        }
        collect(model, i, path, accountId, exclude, out);
    }
}
} // namespace

FolderPickerDialog::FolderPickerDialog(const QAbstractItemModel &folders, qint64 accountId, qint64 excludeFolderId,
                                       const QString &title, QWidget *parent)
    : QDialog(parent)
    , m_filter(new QLineEdit(this))
    , m_list(new QListView(this))
    , m_model(new QStandardItemModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("folderPicker"));
    setWindowTitle(title);
    collect(folders, {}, QString(), accountId, excludeFolderId, *m_model);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterRole(SearchRole);
    m_list->setModel(m_proxy);
    m_list->setObjectName(QStringLiteral("folderPickerList"));
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_filter->setObjectName(QStringLiteral("folderPickerFilter"));
    m_filter->setPlaceholderText(tr("Type part of a folder name"));
    m_filter->setClearButtonEnabled(true);
    m_filter->installEventFilter(this);

    auto *label = new QLabel(tr("&Folder:"), this);
    label->setBuddy(m_filter);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_filter);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_buttons);

    connect(m_filter, &QLineEdit::textChanged, this, &FolderPickerDialog::applyFilter);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QAbstractItemView::activated, this, &QDialog::accept);
    applyFilter({});
    resize(360, 420);
}

void FolderPickerDialog::applyFilter(const QString &text)
{
    m_proxy->setFilterFixedString(text.trimmed());
    if (m_proxy->rowCount() > 0)
        m_list->setCurrentIndex(m_proxy->index(0, 0));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_proxy->rowCount() > 0);
}

qint64 FolderPickerDialog::selectedFolder() const
{
    const QModelIndex current = m_list->currentIndex();
    return current.isValid() ? current.data(FolderIdRole).toLongLong() : 0;
}

bool FolderPickerDialog::eventFilter(QObject *watched, QEvent *event)
{
    // Up and Down in the filter box move through the list, so the keyboard never leaves it.
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Up || key->key() == Qt::Key_Down || key->key() == Qt::Key_PageUp
            || key->key() == Qt::Key_PageDown) {
            QKeyEvent copy(key->type(), key->key(), key->modifiers());
            QCoreApplication::sendEvent(m_list, &copy);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace Mailtrail::Ui
