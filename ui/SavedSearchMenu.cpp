// SPDX-License-Identifier: GPL-3.0-or-later
#include "SavedSearchMenu.h"

#include "FolderPane.h"
#include "SearchPane.h"

#include <QInputDialog>
#include <QMenu>
#include <QTreeWidget>

namespace Mailtrail::Ui {

SavedSearchMenu::SavedSearchMenu(QTreeWidget *tracked, SearchPane *search, QObject *parent)
    : QObject(parent)
    , m_tracked(tracked)
    , m_search(search)
{
    setObjectName(QStringLiteral("savedSearchMenu"));
    m_tracked->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tracked, &QWidget::customContextMenuRequested, this, &SavedSearchMenu::onContextMenu);
}

QMenu *SavedSearchMenu::menuFor(QTreeWidgetItem *item, QWidget *parent)
{
    const Search::SavedSearch saved = FolderPane::savedSearchOf(item);
    if (saved.id <= 0)
        return nullptr;
    auto *menu = new QMenu(parent);
    QAction *rename = menu->addAction(tr("Rename…"));
    rename->setObjectName(QStringLiteral("renameSavedSearch"));
    connect(rename, &QAction::triggered, this, [this, saved] {
        bool ok = false;
        const QString name = QInputDialog::getText(m_tracked, tr("Rename saved search"), tr("New name:"),
                                                   QLineEdit::Normal, saved.name, &ok);
        if (ok && name.trimmed() != saved.name)
            (void)m_search->renameSavedSearch(saved.id, name);
    });
    QAction *remove = menu->addAction(tr("Delete"));
    remove->setObjectName(QStringLiteral("deleteSavedSearch"));
    connect(remove, &QAction::triggered, this, [this, id = saved.id] { (void)m_search->removeSavedSearch(id); });
    return menu;
}

void SavedSearchMenu::onContextMenu(const QPoint &pos)
{
    QMenu *menu = menuFor(m_tracked->itemAt(pos), m_tracked);
    if (!menu)
        return;
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(m_tracked->viewport()->mapToGlobal(pos));
}

} // namespace Mailtrail::Ui
