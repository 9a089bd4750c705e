// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayList>
#include <QList>
#include <QObject>
#include <QPoint>
#include <QPointer>

class QAction;
class QMenu;
class QMimeData;
class QPlainTextEdit;
class QPrinter;
class QTreeView;

namespace Mailtrail::Ui {

class AppContext;
class FolderPickerDialog;
class MainWindow;

/// What the user does with the messages selected in the list (issue 19, "Folders and
/// messages"): mark read / unread / flagged, move and copy ("Move to…" with type-ahead, or
/// dragging onto the folder tree; Ctrl copies), delete (the next message is shown
/// afterwards), View Source and Print. Only wiring: the work leaves through the signals to
/// core's AccountSessions (MailController connects them).
class MessageActions : public QObject
{
    Q_OBJECT
public:
    /// The MIME type of the messages dragged from the list: "account;folder;id,id,…".
    static constexpr const char *MimeType = "application/x-mailtrail-messages";

    /// Adds the actions to @p messageMenu and to the list's context menu.
    MessageActions(AppContext &context, MainWindow &window, QMenu *messageMenu);

    /// The cache ids of the messages the actions apply to: the rows selected in a folder's
    /// list, else the message shown.
    [[nodiscard]] QList<qint64> selectedMessages() const;

    /// Marks the selected messages read (or unread).
    void markRead(bool read);
    /// Read when any selected message is unread, else unread (M, Ctrl+Shift+U).
    void toggleRead();
    /// \Flagged on when any selected message lacks it, else off (S, *).
    void toggleFlagged();
    /// "Move to…" / "Copy to…": a FolderPickerDialog (opened, not executed); its choice goes
    /// to transferRequested(). Null when nothing is selected.
    FolderPickerDialog *chooseFolder(bool copy);
    /// Moves or copies the selected messages to @p folderId (a move shows the next message).
    void transferSelected(qint64 folderId, bool copy);
    /// The same for @p messageIds (e.g. dropped on the folder tree).
    void transfer(const QList<qint64> &messageIds, qint64 folderId, bool copy);
    /// Moves the selected messages to the Trash and shows the next message (or the previous
    /// one at the end of the list).
    void deleteSelected();
    /// The raw message shown, read-only and monospace; null when it is not downloaded.
    QPlainTextEdit *viewSource();
    /// Print… (Ctrl+P): the print dialog, then printMessage().
    void print();
    /// Prints the message as shown, after a block of its headers (From, To, Cc, Date,
    /// Subject). Returns an error in words, empty on success.
    [[nodiscard]] QString printMessage(QPrinter &printer) const;
    /// What a drag of the selected messages carries (null: nothing selected).
    [[nodiscard]] QMimeData *dragData() const;
    /// Reads dragData(): the message ids, with their account and folder.
    struct Dragged
    {
        qint64 accountId = 0;
        qint64 folderId = 0;
        QList<qint64> messageIds;
    };
    [[nodiscard]] static Dragged readDragData(const QMimeData *data);

    /// The list's context menu for the selection (the caller shows it).
    [[nodiscard]] QMenu *contextMenu(QWidget *parent) const;

Q_SIGNALS:
    void flagsRequested(const QList<qint64> &messageIds, const QByteArrayList &flags, bool add);
    void transferRequested(const QList<qint64> &messageIds, qint64 folderId, bool copy);
    void deleteRequested(qint64 messageId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    [[nodiscard]] QTreeView *mailView() const;
    /// Makes the row after the selection current (else the one before it); false when none.
    bool selectNextAfterSelection();
    [[nodiscard]] bool anySelected(int role, bool value) const;

    AppContext &m_context;
    MainWindow &m_window;
    QList<QAction *> m_actions;
    QPoint m_pressPos;
    /// The list's viewport, whose events eventFilter() takes: compared without calling
    /// into the window, which may be half destroyed when its children send events.
    QPointer<QWidget> m_viewport;
    bool m_dragArmed = false;
};

} // namespace Mailtrail::Ui
