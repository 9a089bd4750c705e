// SPDX-License-Identifier: GPL-3.0-or-later
#include "FolderActions.h"

#include "AppContext.h"
#include "FolderPane.h"
#include "MessageActions.h"
#include "models/Roles.h"
#include "sync/FolderChange.h"

#include <QAction>
#include <QDropEvent>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QTreeView>

#include <memory>

namespace Mailtrail::Ui {

namespace {
bool isFolder(const QModelIndex &index)
{
    return index.isValid() && index.data(Models::NodeKindRole).toInt() == int(Models::NodeKind::Folder);
}

/// The last part of a folder's full name: its label in the tree, without the unread count.
QString leafName(const QModelIndex &folder)
{
    QString label = folder.data(Qt::DisplayRole).toString();
    const qint64 unread = folder.data(Models::UnreadCountRole).toLongLong();
    if (const QString suffix = QStringLiteral(" (%1)").arg(unread); unread > 0 && label.endsWith(suffix))
        label.chop(suffix.size());
    return label;
}

/// Messages in @p index and the folders below it, and how many folders are below it.
void countBelow(const QModelIndex &index, qint64 &messages, int &folders)
{
    messages += index.data(Models::MessageCountRole).toLongLong();
    const QAbstractItemModel *model = index.model();
    for (int r = 0; r < model->rowCount(index); ++r) {
        ++folders;
        countBelow(model->index(r, 0, index), messages, folders);
    }
}
} // namespace

FolderActions::FolderActions(AppContext &context, FolderPane &pane, QMenu *folderMenu, QWidget &window)
    : QObject(&pane)
    , m_context(context)
    , m_pane(pane)
    , m_window(window)
    , m_new(new QAction(tr("&New Folder…"), this))
    , m_rename(new QAction(tr("&Rename Folder…"), this))
    , m_delete(new QAction(tr("&Delete Folder…"), this))
{
    m_new->setObjectName(QStringLiteral("newFolderAction"));
    m_rename->setObjectName(QStringLiteral("renameFolderAction"));
    m_delete->setObjectName(QStringLiteral("deleteFolderAction"));
    QTreeView *tree = m_pane.folderView();
    connect(m_new, &QAction::triggered, this, [this, tree] { newFolder(tree->currentIndex()); });
    connect(m_rename, &QAction::triggered, this, [this, tree] { renameFolder(tree->currentIndex()); });
    connect(m_delete, &QAction::triggered, this, [this, tree] { deleteFolder(tree->currentIndex()); });
    if (folderMenu) {
        folderMenu->addAction(m_new);
        folderMenu->addAction(m_rename);
        folderMenu->addAction(m_delete);
        connect(folderMenu, &QMenu::aboutToShow, this, &FolderActions::updateActions);
    }
    // F2 renames in the tree, as in file managers.
    m_rename->setShortcut(QKeySequence(Qt::Key_F2));
    m_rename->setShortcutContext(Qt::WidgetShortcut);
    tree->addAction(m_rename);
    connect(tree->selectionModel(), &QItemSelectionModel::currentChanged, this, &FolderActions::updateActions);
    updateActions();

    tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(tree, &QWidget::customContextMenuRequested, this, [this, tree](const QPoint &pos) {
        const QModelIndex index = tree->indexAt(pos);
        if (!index.isValid())
            return;
        std::unique_ptr<QMenu> menu(contextMenu(index, tree));
        menu->exec(tree->viewport()->mapToGlobal(pos));
    });
    tree->setAcceptDrops(true);
    tree->viewport()->setAcceptDrops(true);
    m_viewport = tree->viewport();
    m_viewport->installEventFilter(this);

    m_prompt = [this](const QString &title, const QString &label, const QString &text) -> std::optional<QString> {
        bool ok = false;
        const QString name = QInputDialog::getText(&m_window, title, label, QLineEdit::Normal, text, &ok);
        return ok ? std::optional<QString>(name) : std::nullopt;
    };
    m_confirm = [this](const QString &title, const QString &text) {
        return QMessageBox::question(&m_window, title, text, QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
            == QMessageBox::Yes;
    };
}

bool FolderActions::isEditable(const QModelIndex &index) const
{
    return isFolder(index)
        && !Sync::isProtectedFolder(m_context.database().connection(), index.data(Models::FolderIdRole).toLongLong());
}

void FolderActions::updateActions()
{
    const QModelIndex current = m_pane.folderView()->currentIndex();
    m_new->setEnabled(current.isValid());
    m_rename->setEnabled(isEditable(current));
    m_delete->setEnabled(isEditable(current));
}

QMenu *FolderActions::contextMenu(const QModelIndex &index, QWidget *parent)
{
    auto *menu = new QMenu(parent);
    menu->setObjectName(QStringLiteral("folderContextMenu"));
    QAction *create = menu->addAction(isFolder(index) ? tr("New &Subfolder…") : tr("&New Folder…"), this,
                                      [this, index = QPersistentModelIndex(index)] { newFolder(index); });
    create->setObjectName(QStringLiteral("newFolderHere"));
    // The special folders keep their names: renaming or deleting them is not offered at all.
    if (isEditable(index)) {
        menu->addAction(tr("&Rename…"), this, [this, index = QPersistentModelIndex(index)] { renameFolder(index); })
            ->setObjectName(QStringLiteral("renameFolderHere"));
        menu->addAction(tr("&Delete…"), this, [this, index = QPersistentModelIndex(index)] { deleteFolder(index); })
            ->setObjectName(QStringLiteral("deleteFolderHere"));
    }
    return menu;
}

void FolderActions::newFolder(const QModelIndex &at)
{
    if (!at.isValid())
        return;
    const qint64 accountId = at.data(Models::AccountIdRole).toLongLong();
    const qint64 parentId = isFolder(at) ? at.data(Models::FolderIdRole).toLongLong() : 0;
    const QString where = isFolder(at) ? at.data(Models::FolderNameRole).toString()
                                       : at.data(Models::AccountNameRole).toString();
    const std::optional<QString> name
        = m_prompt(tr("New Folder"), tr("Name of the new folder in “%1”:").arg(where), QString());
    if (!name)
        return;
    if (const QString problem = Sync::folderNameProblem(m_context.database().connection(), accountId, parentId, *name);
        !problem.isEmpty()) {
        Q_EMIT this->problem(problem);
        return;
    }
    Q_EMIT createRequested(accountId, parentId, name->trimmed());
}

void FolderActions::renameFolder(const QModelIndex &folder)
{
    if (!isEditable(folder))
        return;
    const QString full = folder.data(Models::FolderNameRole).toString();
    const QString current = leafName(folder);
    const std::optional<QString> name
        = m_prompt(tr("Rename Folder"), tr("New name of “%1”:").arg(full), current);
    if (!name || name->trimmed() == current)
        return;
    Q_EMIT renameRequested(folder.data(Models::FolderIdRole).toLongLong(), name->trimmed());
}

void FolderActions::deleteFolder(const QModelIndex &folder)
{
    if (!isEditable(folder))
        return;
    qint64 messages = 0;
    int below = 0;
    countBelow(folder, messages, below);
    const QString name = folder.data(Models::FolderNameRole).toString();
    if (messages > 0 || below > 0) {
        const QString text = below > 0
            ? tr("Delete the folder “%1”, the %n folder(s) in it and the messages they hold? This cannot be undone.",
                 nullptr, below)
                  .arg(name)
            : tr("Delete the folder “%1” and the %n message(s) in it? This cannot be undone.", nullptr, int(messages))
                  .arg(name);
        if (!m_confirm(tr("Delete Folder"), text))
            return;
    }
    Q_EMIT deleteRequested(folder.data(Models::FolderIdRole).toLongLong());
}

QModelIndex FolderActions::dropTarget(const QPoint &pos, const QMimeData *data) const
{
    const MessageActions::Dragged dragged = MessageActions::readDragData(data);
    const QModelIndex index = m_pane.folderView()->indexAt(pos);
    if (dragged.messageIds.isEmpty() || !isFolder(index) || !index.data(Models::SelectableRole).toBool()
        || index.data(Models::AccountIdRole).toLongLong() != dragged.accountId
        || index.data(Models::FolderIdRole).toLongLong() == dragged.folderId)
        return {};
    return index;
}

bool FolderActions::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_viewport.data())
        return QObject::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto *drag = static_cast<QDragMoveEvent *>(event);
        if (!drag->mimeData()->hasFormat(QLatin1String(MessageActions::MimeType)))
            return false;
        if (dropTarget(drag->position().toPoint(), drag->mimeData()).isValid()) {
            drag->setDropAction(drag->modifiers() & Qt::ControlModifier ? Qt::CopyAction : Qt::MoveAction);
            drag->accept();
        } else {
            drag->ignore();
        }
        return true;
    }
    case QEvent::Drop: {
        auto *drop = static_cast<QDropEvent *>(event);
        const QModelIndex target = dropTarget(drop->position().toPoint(), drop->mimeData());
        if (!target.isValid()) {
            drop->ignore();
            return drop->mimeData()->hasFormat(QLatin1String(MessageActions::MimeType));
        }
        const bool copy = drop->modifiers() & Qt::ControlModifier;
        drop->setDropAction(copy ? Qt::CopyAction : Qt::MoveAction);
        drop->accept();
        Q_EMIT messagesDropped(MessageActions::readDragData(drop->mimeData()).messageIds,
                               target.data(Models::FolderIdRole).toLongLong(), copy);
        return true;
    }
    default:
        return false;
    }
}

} // namespace Mailtrail::Ui
