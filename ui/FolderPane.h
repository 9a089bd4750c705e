// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "search/SavedSearches.h"

#include <QWidget>

class QTreeView;
class QTreeWidget;
class QTreeWidgetItem;

namespace Mailtrail::Models {
class FolderModel;
}

namespace Mailtrail::Ui {

class FolderDecorationProxy;

/// Which part of tracked mail the virtual "Tracked" folder shows.
enum class TrackedFilter { All, Failed, Delayed, AwaitingReport, UnmatchedReports, NeedsAttention };

/// The left pane: the folder tree of every account (Models::FolderModel) and, below it,
/// the virtual "Tracked" folder with its quick filters. Exactly one entry is current.
class FolderPane : public QWidget
{
    Q_OBJECT
public:
    explicit FolderPane(Models::FolderModel *folders, QWidget *parent = nullptr);

    /// Makes a cached folder current (emits folderSelected).
    void selectFolder(qint64 folderId);
    /// Shows how many messages a Tracked filter holds: "Failed (2)"; 0 shows the name alone.
    void setTrackedCount(TrackedFilter filter, int count);
    /// Makes the Tracked folder (or one of its filters) current (emits trackedSelected).
    void selectTracked(TrackedFilter filter);
    /// Shows @p count on the "Needs attention" entry (bold while there is any).
    void setNeedsAttentionCount(int count);

    /// Saved searches shown under "Tracked" after its filters (issue 17).
    void setSavedSearches(const QList<Search::SavedSearch> &searches);
    /// The saved search an item of trackedView() shows: its id (0: a built-in one, or not a
    /// saved search) and query (empty when not a saved search).
    [[nodiscard]] static Search::SavedSearch savedSearchOf(const QTreeWidgetItem *item);

    [[nodiscard]] QTreeView *folderView() const { return m_folders; }
    [[nodiscard]] QTreeWidget *trackedView() const { return m_tracked; }

Q_SIGNALS:
    void folderSelected(qint64 folderId, const QString &specialUse);
    void trackedSelected(Mailtrail::Ui::TrackedFilter filter);
    /// A saved search was chosen: its query.
    void savedSearchSelected(const QString &query);

private:
    void onFolderCurrentChanged();
    void onTrackedCurrentChanged(QTreeWidgetItem *item);
    void fitTrackedHeight();

    FolderDecorationProxy *m_proxy;
    QTreeView *m_folders;
    QTreeWidget *m_tracked;
};

} // namespace Mailtrail::Ui

Q_DECLARE_METATYPE(Mailtrail::Ui::TrackedFilter)
