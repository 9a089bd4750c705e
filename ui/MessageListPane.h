// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "FolderPane.h"

#include <QWidget>

class QLineEdit;
class QSortFilterProxyModel;
class QToolButton;
class QLabel;
class QStackedWidget;
class QTreeView;
class QTreeWidget;

namespace Mailtrail::Tracking {
class DeliveryRecords;
}
namespace Mailtrail::Models {
class MessageThreadModel;
}

namespace Mailtrail::Ui {

class AppContext;
class MailSortProxy;
class MailTableModel;
class StateDecorationProxy;
class TrackedFilterProxy;

/// The middle pane: a quick-search box over either the messages of a cached folder
/// (sortable columns), the tracked sent mail with a quick filter, or the unmatched reports.
class MessageListPane : public QWidget
{
    Q_OBJECT
public:
    explicit MessageListPane(AppContext &context, QWidget *parent = nullptr);

    /// Shows a cached folder. Returns an error in words, empty on success.
    QString showFolder(qint64 folderId, bool isSentFolder);
    void showTracked(TrackedFilter filter);
    /// Re-reads the unmatched reports (when that list is shown).
    void reloadReports();
    /// After the models were refreshed: makes the same message current again, without
    /// announcing it (the viewer keeps showing it). False when it is no longer listed.
    bool restoreSelection(qint64 messageId, qint64 sentMessageId);

    [[nodiscard]] QLineEdit *searchBox() const { return m_search; }
    /// The "Threads" toggle: the folder's messages as conversation threads
    /// (Models::MessageThreadModel) instead of a flat, sortable list.
    [[nodiscard]] QToolButton *threadsToggle() const { return m_threadsToggle; }
    void setThreaded(bool threaded);
    [[nodiscard]] bool isThreaded() const;
    [[nodiscard]] QTreeView *mailView() const { return m_mailView; }
    [[nodiscard]] QTreeView *trackedView() const { return m_trackedView; }
    [[nodiscard]] TrackedFilterProxy *trackedFilter() const { return m_trackedFilter; }
    [[nodiscard]] QTreeWidget *reportView() const { return m_reportView; }
    /// The view currently shown.
    [[nodiscard]] QWidget *currentView() const;
    [[nodiscard]] MailTableModel *mailModel() const { return m_mailModel; }
    /// Over an empty list: why it is empty ("Nothing found", "No failed mail", …). Hidden
    /// while the list shows rows.
    [[nodiscard]] QLabel *emptyNote() const { return m_emptyNote; }

Q_SIGNALS:
    /// A message became current: its cache id (0 if not cached) and its tracking id (0 if
    /// it was not sent with tracking). Both 0: nothing is selected.
    void messageSelected(qint64 messageId, qint64 sentMessageId);
    void reportSelected(qint64 reportId);

private:
    void applySearch(const QString &text);
    void onMailCurrentChanged(const QModelIndex &current);
    void connectMailSelection();
    void onTrackedCurrentChanged(const QModelIndex &current);
    void updateEmptyNote();
    /// Clears @p view's highlight (and current row), then announces that nothing is selected.
    void clearHighlight(QTreeView *view);
    bool eventFilter(QObject *watched, QEvent *event) override;

    AppContext &m_context;
    QLineEdit *m_search;
    QToolButton *m_threadsToggle;
    Models::MessageThreadModel *m_threadModel = nullptr; ///< created when first asked for
    QSortFilterProxyModel *m_threadFilter = nullptr;
    QStackedWidget *m_stack;
    MailTableModel *m_mailModel;
    MailSortProxy *m_mailProxy;
    QTreeView *m_mailView;
    TrackedFilterProxy *m_trackedFilter;
    StateDecorationProxy *m_trackedIcons;
    QTreeView *m_trackedView;
    QTreeWidget *m_reportView;
    bool m_restoring = false;
    QLabel *m_emptyNote;
    TrackedFilter m_trackedFilterShown = TrackedFilter::All;
    bool m_folderShown = false; ///< a folder was chosen (before that, an empty list says nothing)
};

} // namespace Mailtrail::Ui
