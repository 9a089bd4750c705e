// SPDX-License-Identifier: GPL-3.0-or-later
#include "SearchPane.h"

#include "models/Roles.h"
#include "models/SearchResultsModel.h"
#include "search/Query.h"
#include "search/SavedSearches.h"

#include <climits>
#include <QAbstractItemView>
#include <QAction>
#include <QCompleter>
#include <QContextMenuEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QStringListModel>
#include <QToolButton>
#include <QTreeView>

namespace Mailtrail::Ui {

namespace {

/// The word the cursor is in: what completion replaces.
qsizetype wordStart(const QString &text, qsizetype cursor)
{
    qsizetype start = cursor;
    while (start > 0 && !text.at(start - 1).isSpace() && text.at(start - 1) != u'(')
        --start;
    return start;
}

} // namespace

SearchPane::SearchPane(const Store::Database &database, QWidget *parent)
    : QObject(parent)
    , m_bar(new QWidget(parent))
    , m_box(new QLineEdit(m_bar))
    , m_scope(new QToolButton(m_bar))
    , m_save(new QToolButton(m_bar))
    , m_saveAction(new QAction(tr("Save this search…"), this))
    , m_status(new QLabel(m_bar))
    , m_completer(new QCompleter(this))
    , m_results(new QTreeView(parent))
    , m_model(new Models::SearchResultsModel(database.connection(), database.connection().databaseName(), this))
    , m_saved(database.connection())
{
    m_bar->setObjectName(QStringLiteral("searchBar"));
    m_box->setObjectName(QStringLiteral("globalSearchBox"));
    m_box->setPlaceholderText(tr("Search all mail: words, from:, has:attachment, state:failed… (Ctrl+F)"));
    m_box->setClearButtonEnabled(true);
    m_box->setMinimumWidth(320);
    m_box->installEventFilter(this);
    m_scope->setObjectName(QStringLiteral("searchScope"));
    m_scope->setText(tr("This folder only"));
    m_scope->setToolTip(tr("Search only the folder shown instead of all folders of all accounts"));
    m_scope->setCheckable(true);
    m_saveAction->setObjectName(QStringLiteral("saveSearch"));
    m_saveAction->setToolTip(tr("Save this search under Tracked"));
    m_saveAction->setEnabled(false);
    m_save->setObjectName(QStringLiteral("saveSearchButton"));
    m_save->setDefaultAction(m_saveAction);
    m_save->setToolButtonStyle(Qt::ToolButtonTextOnly);
    connect(m_saveAction, &QAction::triggered, this, &SearchPane::askNameAndSave);
    m_status->setObjectName(QStringLiteral("searchStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QHBoxLayout(m_bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_box, 1);
    layout->addWidget(m_scope);
    layout->addWidget(m_save);
    layout->addWidget(m_status);

    m_completer->setModel(new QStringListModel(Search::completions(), m_completer));
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setWidget(m_box);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this, &SearchPane::complete);

    m_results->setObjectName(QStringLiteral("searchResults"));
    m_results->setModel(m_model);
    m_results->setRootIsDecorated(false);
    m_results->setUniformRowHeights(true);
    m_results->setAllColumnsShowFocus(true);
    m_results->setSelectionMode(QAbstractItemView::SingleSelection);
    m_results->header()->setStretchLastSection(false);
    m_results->header()->setSectionResizeMode(Models::SearchResultsModel::SubjectColumn, QHeaderView::Stretch);
    m_results->setColumnWidth(Models::SearchResultsModel::DateColumn, 150);
    m_results->setColumnWidth(Models::SearchResultsModel::FromColumn, 180);
    m_results->setColumnWidth(Models::SearchResultsModel::FolderColumn, 160);
    m_results->hide();

    connect(m_box, &QLineEdit::textChanged, this, &SearchPane::onTextChanged);
    connect(m_box, &QLineEdit::returnPressed, this, &SearchPane::openCurrent);
    connect(m_scope, &QToolButton::toggled, this, [this](bool only) {
        m_model->setFolder(only ? m_currentFolder : 0);
    });
    connect(m_model, &Models::SearchResultsModel::searchFinished, this, &SearchPane::onFinished);
    connect(m_results, &QAbstractItemView::activated, this, [this] { openCurrent(); });
    connect(m_results->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    Q_EMIT messageSelected(current.data(Models::MessageIdRole).toLongLong());
            });
}

bool SearchPane::isActive() const
{
    return m_active;
}

QList<Search::SavedSearch> SearchPane::savedSearches() const
{
    return m_saved.list();
}

QString SearchPane::saveSearch(const QString &name)
{
    return reportSaved(m_saved.save(name, m_box->text().trimmed()));
}

QString SearchPane::renameSavedSearch(qint64 id, const QString &name)
{
    return reportSaved(m_saved.rename(id, name));
}

QString SearchPane::removeSavedSearch(qint64 id)
{
    return reportSaved(m_saved.remove(id));
}

QString SearchPane::reportSaved(const QString &error)
{
    if (!error.isEmpty()) {
        m_status->setText(error);
        return error;
    }
    Q_EMIT savedSearchesChanged();
    return {};
}

void SearchPane::askNameAndSave()
{
    const QString query = m_box->text().trimmed();
    if (query.isEmpty())
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(m_bar, tr("Save this search"), tr("Show it under Tracked as:"),
                                               QLineEdit::Normal, query, &ok);
    if (ok)
        (void)saveSearch(name);
}

void SearchPane::setCurrentFolder(qint64 folderId)
{
    m_currentFolder = folderId;
    if (m_scope->isChecked())
        m_model->setFolder(folderId);
}

void SearchPane::search(const QString &query)
{
    m_box->setText(query);
}

void SearchPane::clear()
{
    m_box->clear();
}

void SearchPane::refresh()
{
    if (m_active)
        m_model->refresh();
}

bool SearchPane::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_box && event->type() == QEvent::ContextMenu) {
        // The box's own menu (undo, copy, paste…) with "Save this search…" below.
        QMenu *menu = m_box->createStandardContextMenu();
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->addSeparator();
        menu->addAction(m_saveAction);
        menu->popup(static_cast<QContextMenuEvent *>(event)->globalPos());
        return true;
    }
    if (watched == m_box && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Escape && !m_completer->popup()->isVisible()) {
            clear();
            return true;
        }
        if (key->key() == Qt::Key_Down && !m_completer->popup()->isVisible() && m_model->rowCount() > 0) {
            m_results->setFocus();
            m_results->setCurrentIndex(m_model->index(0, 0));
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

void SearchPane::onTextChanged(const QString &text)
{
    const bool active = !text.trimmed().isEmpty();
    m_saveAction->setEnabled(active);
    if (active != m_active) {
        m_active = active;
        m_results->setVisible(active);
        Q_EMIT activeChanged(active);
    }
    if (!active)
        m_status->clear();
    m_model->setQuery(text);

    // Completion of the word being typed, when it can still become a key ("fr" → "from:").
    const qsizetype cursor = m_box->cursorPosition();
    const qsizetype start = wordStart(text, cursor);
    const QString word = text.mid(start, cursor - start);
    if (word.size() >= 2 && !word.contains(u':') && !word.startsWith(u'"') && m_box->hasFocus()) {
        m_completer->setCompletionPrefix(word.startsWith(u'-') ? word.mid(1) : word);
        if (m_completer->completionCount() > 0)
            m_completer->complete();
        else
            m_completer->popup()->hide();
    } else {
        m_completer->popup()->hide();
    }
}

void SearchPane::complete(const QString &completion)
{
    const QString text = m_box->text();
    const qsizetype cursor = m_box->cursorPosition();
    qsizetype start = wordStart(text, cursor);
    if (start < text.size() && text.at(start) == u'-')
        ++start;
    const QString updated = text.left(start) + completion + text.mid(cursor);
    m_box->setText(updated);
    m_box->setCursorPosition(int(start + completion.size()));
}

void SearchPane::onFinished()
{
    if (!m_active)
        return;
    if (!m_model->error().isEmpty())
        m_status->setText(m_model->error());
    else if (m_model->rowCount() == 0)
        m_status->setText(tr("Nothing found"));
    else
        m_status->setText(tr("%n message(s)", nullptr, m_model->rowCount()));
    // A big sync's messages are indexed in the background: say that some may be missing.
    if (m_model->error().isEmpty() && m_model->unindexed() > 0)
        m_status->setText(m_status->text() + QStringLiteral(" · ")
                          + tr("%n message(s) still being indexed", nullptr, int(qMin<qint64>(m_model->unindexed(), INT_MAX))));
}

void SearchPane::openCurrent()
{
    QModelIndex index = m_results->currentIndex();
    if (!index.isValid())
        index = m_model->index(0, 0);
    if (!index.isValid())
        return;
    const qint64 messageId = index.data(Models::MessageIdRole).toLongLong();
    const qint64 folderId = index.data(Models::FolderIdRole).toLongLong();
    if (messageId != 0)
        Q_EMIT openRequested(messageId, folderId);
}

} // namespace Mailtrail::Ui
