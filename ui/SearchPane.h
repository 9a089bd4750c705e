// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "search/SavedSearches.h"
#include "store/Database.h"

#include <QObject>

class QAction;
class QCompleter;
class QLabel;
class QLineEdit;
class QToolButton;
class QTreeView;
class QWidget;

namespace Mailtrail::Models {
class SearchResultsModel;
}

namespace Mailtrail::Ui {

/// The search of all mail (issue 17): a box for the toolbar (with completion of the
/// query language's keys, Escape to clear, Enter to open the first result), a button that
/// narrows it to the current folder, and the result list shown in place of the message
/// list while a query is typed. Queries run off the GUI thread (Models::SearchResultsModel).
class SearchPane : public QObject
{
    Q_OBJECT
public:
    SearchPane(const Store::Database &database, QWidget *parent);

    /// The box, the scope button and the status, in one row.
    [[nodiscard]] QWidget *bar() const { return m_bar; }
    [[nodiscard]] QLineEdit *box() const { return m_box; }
    [[nodiscard]] QToolButton *scopeButton() const { return m_scope; }
    [[nodiscard]] QLabel *statusLabel() const { return m_status; }
    [[nodiscard]] QTreeView *results() const { return m_results; }
    [[nodiscard]] Models::SearchResultsModel *model() const { return m_model; }
    [[nodiscard]] bool isActive() const;
    /// Built-in and user's saved searches.
    [[nodiscard]] QList<Search::SavedSearch> savedSearches() const;
    /// "Save this search…": asks for a name and saves the query in the box (the button
    /// beside the box and the box's context menu).
    [[nodiscard]] QAction *saveAction() const { return m_saveAction; }
    /// Saves the query in the box as @p name (replacing a saved search of that name).
    /// Returns the error, also shown beside the box; empty on success.
    QString saveSearch(const QString &name);
    QString renameSavedSearch(qint64 id, const QString &name);
    QString removeSavedSearch(qint64 id);

    /// The folder "This folder only" means.
    void setCurrentFolder(qint64 folderId);
    /// Shows @p query in the box and searches for it (a saved search was chosen).
    void search(const QString &query);
    void clear();
    /// New mail arrived: runs the current query again.
    void refresh();

Q_SIGNALS:
    /// A query started (true) or the box was cleared (false).
    void activeChanged(bool active);
    /// A saved search was added, renamed or removed.
    void savedSearchesChanged();
    /// A result became current: show it (its cache id; 0 for a server-only result).
    void messageSelected(qint64 messageId);
    /// Enter or a double click on a result: open it in its folder.
    void openRequested(qint64 messageId, qint64 folderId);

private:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void onTextChanged(const QString &text);
    void onFinished();
    void complete(const QString &completion);
    void openCurrent();
    void askNameAndSave();
    QString reportSaved(const QString &error);

    QWidget *m_bar;
    QLineEdit *m_box;
    QToolButton *m_scope;
    QToolButton *m_save;
    QAction *m_saveAction;
    QLabel *m_status;
    QCompleter *m_completer;
    QTreeView *m_results;
    Models::SearchResultsModel *m_model;
    Search::SavedSearches m_saved;
    qint64 m_currentFolder = 0;
    bool m_active = false;
};

} // namespace Mailtrail::Ui
