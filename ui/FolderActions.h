// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QModelIndex>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <optional>

class QAction;
class QMenu;
class QWidget;

namespace Mailtrail::Ui {

class AppContext;
class FolderPane;

/// New, rename and delete folders (issue 19) from the folder tree's context menu and the
/// Folder menu, and messages dropped on the tree (moved; copied with Ctrl). The special
/// folders (Inbox, Sent, Drafts, Trash, Receipts) are not offered for renaming or deleting;
/// deleting a folder that holds messages or other folders asks first. Only wiring: the
/// changes leave through the signals to core's AccountSessions (MailController connects them).
class FolderActions : public QObject
{
    Q_OBJECT
public:
    /// Asks for a folder name: title, label, initial text; std::nullopt when cancelled.
    using NamePrompt = std::function<std::optional<QString>(const QString &, const QString &, const QString &)>;
    /// Asks a yes/no question: title, text.
    using Confirmation = std::function<bool(const QString &, const QString &)>;

    /// Adds the actions to @p folderMenu and the tree's context menu; @p window parents dialogs.
    FolderActions(AppContext &context, FolderPane &pane, QMenu *folderMenu, QWidget &window);

    /// Default: QInputDialog / QMessageBox.
    void setNamePrompt(NamePrompt prompt) { m_prompt = std::move(prompt); }
    void setConfirmation(Confirmation confirm) { m_confirm = std::move(confirm); }

    /// "New Folder…" below @p at (a folder, or an account for the top level).
    void newFolder(const QModelIndex &at);
    void renameFolder(const QModelIndex &folder);
    void deleteFolder(const QModelIndex &folder);
    /// Whether @p index is a folder that may be renamed and deleted.
    [[nodiscard]] bool isEditable(const QModelIndex &index) const;
    /// The tree's context menu for @p index (the caller shows and deletes it).
    [[nodiscard]] QMenu *contextMenu(const QModelIndex &index, QWidget *parent);

Q_SIGNALS:
    void createRequested(qint64 accountId, qint64 parentFolderId, const QString &name);
    void renameRequested(qint64 folderId, const QString &name);
    void deleteRequested(qint64 folderId);
    /// Messages (MessageActions::dragData) dropped on folder @p folderId.
    void messagesDropped(const QList<qint64> &messageIds, qint64 folderId, bool copy);
    /// A name or a drop that cannot be taken, in words.
    void problem(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateActions();
    /// The folder the drop at @p pos would go to (invalid: none that can take it).
    [[nodiscard]] QModelIndex dropTarget(const QPoint &pos, const class QMimeData *data) const;

    AppContext &m_context;
    FolderPane &m_pane;
    QWidget &m_window;
    /// The folder view's viewport, whose events eventFilter() takes: compared without
    /// calling into the pane, which may be half destroyed when its children send events.
    QPointer<QWidget> m_viewport;
    QAction *m_new;
    QAction *m_rename;
    QAction *m_delete;
    NamePrompt m_prompt;
    Confirmation m_confirm;
};

} // namespace Mailtrail::Ui
