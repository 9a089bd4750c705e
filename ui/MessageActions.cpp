// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageActions.h"

#include "AppContext.h"
#include "FolderPickerDialog.h"
#include "FolderPane.h"
#include "MainWindow.h"
#include "MessageListPane.h"
#include "MessageViewer.h"
#include "SafeTextBrowser.h"
#include "mime/HtmlSanitizer.h"
#include "models/FolderModel.h"
#include "models/Roles.h"
#include "sync/MessageSource.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QDrag>
#include <QFontDatabase>
#include <QItemSelectionModel>
#include <QLocale>
#include <QMenu>
#include <QMimeData>
#include <QMouseEvent>
#include <QPlainTextEdit>
#include <QPrintDialog>
#include <QPrinter>
#include <QStatusBar>
#include <QStringDecoder>
#include <QTextCursor>
#include <QTextDocument>
#include <QTreeView>
#include <QVBoxLayout>

#include <memory>

namespace Mailtrail::Ui {

namespace {
const QByteArray seen = QByteArrayLiteral("\\Seen");
const QByteArray flagged = QByteArrayLiteral("\\Flagged");

QString mailboxes(const QList<Mime::Mailbox> &list)
{
    QStringList out;
    for (const Mime::Mailbox &m : list)
        out << m.toDisplayString();
    return out.join(QStringLiteral(", "));
}

/// Raw bytes as text: UTF-8 when they are, else Latin-1 (every byte shows).
QString sourceText(const QByteArray &raw)
{
    QStringDecoder utf8(QStringDecoder::Utf8);
    QString text = utf8(raw);
    if (utf8.hasError())
        text = QString::fromLatin1(raw);
    return text;
}
} // namespace

MessageActions::MessageActions(AppContext &context, MainWindow &window, QMenu *messageMenu)
    : QObject(&window)
    , m_context(context)
    , m_window(window)
{
    const auto add = [this, messageMenu](const QString &name, const QString &text, std::function<void()> slot,
                                         QList<QKeySequence> keys = {}) {
        auto *action = new QAction(text, &m_window);
        action->setObjectName(name);
        action->setShortcuts(keys);
        connect(action, &QAction::triggered, this, std::move(slot));
        if (messageMenu)
            messageMenu->addAction(action);
        m_window.addAction(action); // the keys work wherever the focus is in the window
        m_actions.append(action);
        return action;
    };
    if (messageMenu)
        messageMenu->addSeparator();
    add(QStringLiteral("markReadAction"), tr("Mar&k as Read"), [this] { markRead(true); });
    add(QStringLiteral("markUnreadAction"), tr("Mark as U&nread"), [this] { markRead(false); });
    // M as in Thunderbird; Ctrl+Shift+U where a plain letter is not wanted.
    add(QStringLiteral("toggleReadAction"), tr("To&ggle Read"), [this] { toggleRead(); },
        {QKeySequence(Qt::Key_M), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U)});
    add(QStringLiteral("toggleFlagAction"), tr("Toggle F&lag"), [this] { toggleFlagged(); },
        {QKeySequence(Qt::Key_S), QKeySequence(Qt::Key_Asterisk)});
    if (messageMenu)
        messageMenu->addSeparator();
    // Ctrl+Shift+V / Y as in Evolution.
    add(QStringLiteral("moveToAction"), tr("&Move to…"), [this] { chooseFolder(false); },
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V)});
    add(QStringLiteral("copyToAction"), tr("&Copy to…"), [this] { chooseFolder(true); },
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Y)});
    if (messageMenu)
        messageMenu->addSeparator();
    add(QStringLiteral("viewSourceAction"), tr("View &Source"), [this] { viewSource(); },
        {QKeySequence(Qt::CTRL | Qt::Key_U)});
    add(QStringLiteral("printAction"), tr("&Print…"), [this] { print(); }, {QKeySequence::Print});

    QTreeView *view = mailView();
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(view, &QWidget::customContextMenuRequested, this, [this, view](const QPoint &pos) {
        if (!view->indexAt(pos).isValid())
            return;
        std::unique_ptr<QMenu> menu(contextMenu(view));
        menu->exec(view->viewport()->mapToGlobal(pos));
    });
    m_viewport = view->viewport();
    m_viewport->installEventFilter(this);
}

QTreeView *MessageActions::mailView() const
{
    return m_window.listPane()->mailView();
}

QList<qint64> MessageActions::selectedMessages() const
{
    QList<qint64> ids;
    QTreeView *view = mailView();
    if (m_window.listPane()->currentView() == view && view->isVisible() && view->selectionModel()) {
        for (const QModelIndex &row : view->selectionModel()->selectedRows(0)) {
            const qint64 id = row.data(Models::MessageIdRole).toLongLong();
            if (id != 0 && !ids.contains(id))
                ids.append(id);
        }
    }
    if (ids.isEmpty() && m_window.currentMessage() != 0)
        ids.append(m_window.currentMessage());
    return ids;
}

bool MessageActions::anySelected(int role, bool value) const
{
    const QList<qint64> ids = selectedMessages();
    QTreeView *view = mailView();
    const QModelIndexList rows = view->selectionModel() ? view->selectionModel()->selectedRows(0) : QModelIndexList();
    for (const QModelIndex &row : rows) {
        if (ids.contains(row.data(Models::MessageIdRole).toLongLong()) && row.data(role).toBool() == value)
            return true;
    }
    // The message shown but not in the list (e.g. opened from search): its flags from the viewer's list row are
    // unknown; act as if it had them not.
    return rows.isEmpty() && !ids.isEmpty() && !value;
}

void MessageActions::markRead(bool read)
{
    const QList<qint64> ids = selectedMessages();
    if (ids.isEmpty()) {
        m_window.statusBar()->showMessage(tr("Select a message first."), 4000);
        return;
    }
    Q_EMIT flagsRequested(ids, {seen}, read);
}

void MessageActions::toggleRead()
{
    markRead(anySelected(Models::IsSeenRole, false));
}

void MessageActions::toggleFlagged()
{
    const QList<qint64> ids = selectedMessages();
    if (ids.isEmpty()) {
        m_window.statusBar()->showMessage(tr("Select a message first."), 4000);
        return;
    }
    Q_EMIT flagsRequested(ids, {flagged}, anySelected(Models::IsFlaggedRole, false));
}

FolderPickerDialog *MessageActions::chooseFolder(bool copy)
{
    const QList<qint64> ids = selectedMessages();
    QTreeView *view = mailView();
    const QModelIndexList rows = view->selectionModel() ? view->selectionModel()->selectedRows(0) : QModelIndexList();
    const qint64 folderId = rows.isEmpty() ? 0 : rows.first().data(Models::FolderIdRole).toLongLong();
    const QModelIndex folder = m_context.folderModel().indexOfFolder(folderId);
    if (ids.isEmpty() || !folder.isValid()) {
        m_window.statusBar()->showMessage(tr("Select messages in a folder first."), 4000);
        return nullptr;
    }
    const int count = int(ids.size());
    auto *dialog = new FolderPickerDialog(*m_window.folderPane()->folderView()->model(), folder.data(Models::AccountIdRole).toLongLong(),
                                          folderId,
                                          copy ? tr("Copy %n Message(s) to", nullptr, count)
                                               : tr("Move %n Message(s) to", nullptr, count),
                                          &m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, ids, copy] {
        if (const qint64 target = dialog->selectedFolder(); target != 0)
            transfer(ids, target, copy);
    });
    dialog->open();
    return dialog;
}

void MessageActions::transferSelected(qint64 folderId, bool copy)
{
    transfer(selectedMessages(), folderId, copy);
}

void MessageActions::transfer(const QList<qint64> &messageIds, qint64 folderId, bool copy)
{
    if (messageIds.isEmpty())
        return;
    QList<qint64> sorted = messageIds;
    QList<qint64> selected = selectedMessages();
    std::sort(sorted.begin(), sorted.end());
    std::sort(selected.begin(), selected.end());
    if (!copy && sorted == selected)
        selectNextAfterSelection();
    Q_EMIT transferRequested(messageIds, folderId, copy);
}

void MessageActions::deleteSelected()
{
    if (m_window.listPane()->currentView() != mailView()) {
        m_window.statusBar()->showMessage(tr("Select a message in a folder to delete it."), 4000);
        return;
    }
    const QList<qint64> ids = selectedMessages();
    if (ids.isEmpty()) {
        m_window.statusBar()->showMessage(tr("Select a message in a folder to delete it."), 4000);
        return;
    }
    selectNextAfterSelection();
    for (const qint64 id : ids)
        Q_EMIT deleteRequested(id);
}

bool MessageActions::selectNextAfterSelection()
{
    QTreeView *view = mailView();
    QItemSelectionModel *selection = view->selectionModel();
    if (!view->model() || !selection || view->model()->rowCount() == 0)
        return false;
    // The rows in the order they are shown (threads included).
    QModelIndex next;
    QModelIndex previous;
    bool afterLast = false;
    for (QModelIndex i = view->model()->index(0, 0); i.isValid(); i = view->indexBelow(i)) {
        if (selection->isRowSelected(i.row(), i.parent()) || i == view->currentIndex()) {
            afterLast = true;
            next = {};
            continue;
        }
        if (afterLast && !next.isValid())
            next = i;
        if (!afterLast)
            previous = i;
    }
    const QModelIndex target = next.isValid() ? next : previous;
    if (!target.isValid()) {
        selection->clearSelection();
        return false;
    }
    selection->setCurrentIndex(target, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    view->scrollTo(target);
    return true;
}

QPlainTextEdit *MessageActions::viewSource()
{
    const qint64 id = m_window.currentMessage();
    const std::optional<QByteArray> raw = id != 0 ? Sync::cachedSource(m_context.database().connection(), id)
                                                  : std::nullopt;
    if (!raw) {
        m_window.statusBar()->showMessage(
            id == 0 ? tr("Select a message first.") : tr("The message has not been downloaded yet."), 4000);
        return nullptr;
    }
    auto *dialog = new QDialog(&m_window, Qt::Window);
    dialog->setObjectName(QStringLiteral("sourceWindow"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const Mime::ParsedMessage *shown = m_window.viewer()->message();
    const QString subject = shown && !shown->headers.subject.isEmpty() ? shown->headers.subject : tr("(no subject)");
    dialog->setWindowTitle(tr("Source of “%1”").arg(subject));
    // Plain text only: nothing in the source is interpreted, so nothing remote is loaded.
    auto *text = new QPlainTextEdit(dialog);
    text->setObjectName(QStringLiteral("sourceView"));
    text->setReadOnly(true);
    text->setLineWrapMode(QPlainTextEdit::NoWrap);
    text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    text->setPlainText(sourceText(*raw));
    auto *layout = new QVBoxLayout(dialog);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(text);
    auto *close = new QAction(dialog);
    close->setShortcut(QKeySequence::Close);
    connect(close, &QAction::triggered, dialog, &QDialog::close);
    dialog->addAction(close);
    dialog->resize(760, 560);
    dialog->show();
    return text;
}

void MessageActions::print()
{
    if (!m_window.viewer()->message()) {
        m_window.statusBar()->showMessage(tr("Select a message first."), 4000);
        return;
    }
    auto printer = std::make_shared<QPrinter>(QPrinter::HighResolution);
    auto *dialog = new QPrintDialog(printer.get(), &m_window);
    dialog->setObjectName(QStringLiteral("printDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, printer] {
        if (const QString error = printMessage(*printer); !error.isEmpty())
            m_window.showError(error);
    });
    dialog->open();
}

QString MessageActions::printMessage(QPrinter &printer) const
{
    const Mime::ParsedMessage *message = m_window.viewer()->message();
    if (!message)
        return tr("There is no message to print.");
    const Mime::MessageHeaders &h = message->headers;
    const auto row = [](const QString &name, const QString &value) {
        return value.isEmpty() ? QString()
                               : QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                                     .arg(Mime::HtmlSanitizer::escape(name), Mime::HtmlSanitizer::escape(value));
    };
    const QString headers
        = QStringLiteral("<table cellspacing='2'>%1%2%3%4%5</table><hr/>")
              .arg(row(tr("From:"), mailboxes(h.from)), row(tr("To:"), mailboxes(h.to)), row(tr("Cc:"), mailboxes(h.cc)),
                   row(tr("Date:"), h.date.isValid() ? QLocale().toString(h.date.toLocalTime(), QLocale::LongFormat)
                                                     : QString()),
                   row(tr("Subject:"), h.subject.isEmpty() ? tr("(no subject)") : h.subject));
    // The body as the viewer shows it (remote content as it was: blocked unless loaded).
    std::unique_ptr<QTextDocument> document(m_window.viewer()->bodyView()->document()->clone());
    QTextCursor cursor(document.get());
    cursor.movePosition(QTextCursor::Start);
    cursor.insertHtml(headers);
    cursor.insertBlock();
    document->print(&printer);
    if (printer.printerState() == QPrinter::Error)
        return tr("The message could not be printed.");
    return {};
}

QMimeData *MessageActions::dragData() const
{
    QTreeView *view = mailView();
    const QModelIndexList rows = view->selectionModel() ? view->selectionModel()->selectedRows(0) : QModelIndexList();
    QStringList ids;
    qint64 folderId = 0;
    for (const QModelIndex &row : rows) {
        if (const qint64 id = row.data(Models::MessageIdRole).toLongLong(); id != 0) {
            ids.append(QString::number(id));
            folderId = row.data(Models::FolderIdRole).toLongLong();
        }
    }
    if (ids.isEmpty())
        return nullptr;
    const qint64 accountId = m_context.folderModel().indexOfFolder(folderId).data(Models::AccountIdRole).toLongLong();
    auto *data = new QMimeData;
    data->setData(QLatin1String(MimeType), QStringLiteral("%1;%2;%3")
                                              .arg(accountId)
                                              .arg(folderId)
                                              .arg(ids.join(QLatin1Char(',')))
                                              .toLatin1());
    return data;
}

MessageActions::Dragged MessageActions::readDragData(const QMimeData *data)
{
    Dragged out;
    if (!data || !data->hasFormat(QLatin1String(MimeType)))
        return out;
    const QList<QByteArray> parts = data->data(QLatin1String(MimeType)).split(';');
    if (parts.size() != 3)
        return out;
    out.accountId = parts.at(0).toLongLong();
    out.folderId = parts.at(1).toLongLong();
    for (const QByteArray &id : parts.at(2).split(',')) {
        bool ok = false;
        if (const qint64 value = id.toLongLong(&ok); ok && value > 0)
            out.messageIds.append(value);
    }
    return out;
}

QMenu *MessageActions::contextMenu(QWidget *parent) const
{
    auto *menu = new QMenu(parent);
    menu->setObjectName(QStringLiteral("messageContextMenu"));
    for (const QAction *action : m_actions) {
        const QString name = action->objectName();
        if (name == QLatin1String("moveToAction") || name == QLatin1String("viewSourceAction"))
            menu->addSeparator();
        menu->addAction(const_cast<QAction *>(action));
    }
    return menu;
}

bool MessageActions::eventFilter(QObject *watched, QEvent *event)
{
    // Dragging selected rows onto the folder tree: a press on a selected row waits for the
    // release (so the selection of several rows survives), a move beyond the drag distance
    // starts the drag.
    if (watched != m_viewport.data() || (event->type() != QEvent::MouseButtonPress && event->type() != QEvent::MouseMove
                                         && event->type() != QEvent::MouseButtonRelease))
        return QObject::eventFilter(watched, event);
    QTreeView *view = mailView();
    switch (event->type()) {
    case QEvent::MouseButtonPress: {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        const QModelIndex index = view->indexAt(mouse->position().toPoint());
        m_dragArmed = mouse->button() == Qt::LeftButton && mouse->modifiers() == Qt::NoModifier && index.isValid()
            && view->selectionModel()->isRowSelected(index.row(), index.parent())
            && view->selectionModel()->selectedRows().size() > 1;
        m_pressPos = mouse->position().toPoint();
        return m_dragArmed;
    }
    case QEvent::MouseMove: {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if (!(mouse->buttons() & Qt::LeftButton))
            return false;
        const QModelIndex index = view->indexAt(m_pressPos);
        if (!m_dragArmed && !(index.isValid() && view->selectionModel()->isRowSelected(index.row(), index.parent())))
            return false;
        if ((mouse->position().toPoint() - m_pressPos).manhattanLength() < QApplication::startDragDistance())
            return m_dragArmed;
        m_dragArmed = false;
        if (QMimeData *data = dragData()) {
            auto *drag = new QDrag(view);
            drag->setMimeData(data);
            drag->exec(Qt::MoveAction | Qt::CopyAction, Qt::MoveAction);
        }
        return true;
    }
    case QEvent::MouseButtonRelease:
        if (m_dragArmed) { // a click on one of several selected rows: that row alone
            m_dragArmed = false;
            const QModelIndex index = view->indexAt(m_pressPos);
            if (index.isValid())
                view->selectionModel()->setCurrentIndex(
                    index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            return true;
        }
        return false;
    default:
        return false;
    }
}

} // namespace Mailtrail::Ui
