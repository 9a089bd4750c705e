// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QMenu;
class QPoint;
class QTreeWidget;
class QTreeWidgetItem;

namespace Mailtrail::Ui {

class SearchPane;

/// The context menu of the user's saved searches under "Tracked" (issue 17): Rename… and
/// Delete. Built-in saved searches and the Tracked filters have none.
class SavedSearchMenu : public QObject
{
    Q_OBJECT
public:
    SavedSearchMenu(QTreeWidget *tracked, SearchPane *search, QObject *parent = nullptr);

    /// The menu for @p item (owned by the caller), or nullptr when it has none.
    [[nodiscard]] QMenu *menuFor(QTreeWidgetItem *item, QWidget *parent = nullptr);

private:
    void onContextMenu(const QPoint &pos);

    QTreeWidget *m_tracked;
    SearchPane *m_search;
};

} // namespace Mailtrail::Ui
