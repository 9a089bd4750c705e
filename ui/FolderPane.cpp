// SPDX-License-Identifier: GPL-3.0-or-later
#include "FolderPane.h"

#include "FolderDecorationProxy.h"
#include "FolderIcons.h"
#include "StateIcons.h"
#include "models/FolderModel.h"
#include "models/Roles.h"

#include <QHeaderView>
#include <QTreeView>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QVBoxLayout>

namespace Mailtrail::Ui {

using Tracking::DeliveryState;

FolderPane::FolderPane(Models::FolderModel *folders, QWidget *parent)
    : QWidget(parent)
    , m_proxy(new FolderDecorationProxy(this))
    , m_folders(new QTreeView(this))
    , m_tracked(new QTreeWidget(this))
{
    m_proxy->setSourceModel(folders);
    m_folders->setObjectName(QStringLiteral("folderTree"));
    m_folders->setModel(m_proxy);
    m_folders->setHeaderHidden(true);
    m_folders->setUniformRowHeights(true);
    m_folders->expandAll();
    connect(m_proxy, &QAbstractItemModel::modelReset, m_folders, &QTreeView::expandAll);
    connect(m_folders->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &FolderPane::onFolderCurrentChanged);

    m_tracked->setObjectName(QStringLiteral("trackedTree"));
    m_tracked->setHeaderHidden(true);
    m_tracked->setRootIsDecorated(false);
    auto *all = new QTreeWidgetItem(m_tracked, {tr("Tracked")});
    all->setIcon(0, trackedIcon());
    all->setData(0, Qt::UserRole, QVariant::fromValue(TrackedFilter::All));
    all->setToolTip(0, tr("Every message sent with delivery tracking"));
    QFont bold = all->font(0);
    bold.setBold(true);
    all->setFont(0, bold);
    const struct {
        TrackedFilter filter;
        QString label;
        QIcon icon;
        QString tip;
    } filters[] = {
        {TrackedFilter::NeedsAttention, tr("Needs attention"), stateIcon(DeliveryState::Overdue),
         tr("Sent mail with a recipient failed, refused, overdue or delayed for more than a day, "
            "that you have not dismissed")},
        {TrackedFilter::Failed, tr("Failed"), stateIcon(DeliveryState::Failed),
         tr("Sent mail that at least one recipient did not get")},
        {TrackedFilter::Delayed, tr("Delayed"), stateIcon(DeliveryState::Delayed),
         tr("Sent mail still being retried, or overdue")},
        {TrackedFilter::AwaitingReport, tr("Awaiting report"), stateIcon(DeliveryState::Accepted),
         tr("Sent mail whose delivery report has not come yet")},
        {TrackedFilter::UnmatchedReports, tr("Unmatched reports"), stateIcon(DeliveryState::Overdue),
         tr("Reports that could not be matched with a sent message")},
    };
    for (const auto &f : filters) {
        auto *item = new QTreeWidgetItem(all, {f.label});
        item->setIcon(0, f.icon);
        item->setToolTip(0, f.tip);
        item->setData(0, Qt::UserRole, QVariant::fromValue(f.filter));
        item->setData(0, Qt::UserRole + 1, f.label);
    }
    m_tracked->setIndentation(14);
    m_tracked->setRootIsDecorated(false);
    m_tracked->expandAll();
    m_tracked->setItemsExpandable(false);
    fitTrackedHeight();
    connect(m_tracked, &QTreeWidget::currentItemChanged, this, &FolderPane::onTrackedCurrentChanged);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_folders, 1);
    layout->addWidget(m_tracked);
}

/// The saved searches' items carry their query here (filters carry a TrackedFilter).
constexpr int kSavedQueryRole = Qt::UserRole + 2; // UserRole + 1: a filter's plain label
constexpr int kSavedIdRole = Qt::UserRole + 3;

void FolderPane::fitTrackedHeight()
{
    int rows = 0;
    for (QTreeWidgetItemIterator it(m_tracked); *it; ++it)
        ++rows;
    m_tracked->setFixedHeight(rows * (m_tracked->sizeHintForRow(0) + 2) + 2 * m_tracked->frameWidth() + 4);
}

Search::SavedSearch FolderPane::savedSearchOf(const QTreeWidgetItem *item)
{
    if (!item || !item->data(0, kSavedQueryRole).isValid())
        return {};
    return {item->data(0, kSavedIdRole).toLongLong(), item->text(0), item->data(0, kSavedQueryRole).toString()};
}

void FolderPane::setSavedSearches(const QList<Search::SavedSearch> &searches)
{
    QTreeWidgetItem *all = m_tracked->topLevelItem(0);
    for (int i = all->childCount() - 1; i >= 0; --i) {
        if (all->child(i)->data(0, kSavedQueryRole).isValid())
            delete all->takeChild(i);
    }
    for (const Search::SavedSearch &saved : searches) {
        auto *item = new QTreeWidgetItem(all, {saved.name});
        item->setIcon(0, trackedIcon()); // a saved search lives under Tracked
        item->setToolTip(0, tr("Saved search: %1").arg(saved.query));
        item->setData(0, kSavedQueryRole, saved.query);
        item->setData(0, kSavedIdRole, saved.id);
    }
    fitTrackedHeight();
}

void FolderPane::selectFolder(qint64 folderId)
{
    auto *source = static_cast<Models::FolderModel *>(m_proxy->sourceModel());
    const QModelIndex index = m_proxy->mapFromSource(source->indexOfFolder(folderId));
    if (index.isValid())
        m_folders->setCurrentIndex(index);
}

void FolderPane::setTrackedCount(TrackedFilter filter, int count)
{
    QTreeWidgetItem *all = m_tracked->topLevelItem(0);
    for (int i = 0; i < all->childCount(); ++i) {
        QTreeWidgetItem *item = all->child(i);
        if (item->data(0, Qt::UserRole).value<TrackedFilter>() != filter)
            continue;
        const QString label = item->data(0, Qt::UserRole + 1).toString();
        item->setText(0, count > 0 ? tr("%1 (%2)").arg(label).arg(count) : label);
    }
}

void FolderPane::selectTracked(TrackedFilter filter)
{
    QTreeWidgetItem *all = m_tracked->topLevelItem(0);
    if (filter == TrackedFilter::All) {
        m_tracked->setCurrentItem(all);
        return;
    }
    for (int i = 0; i < all->childCount(); ++i) {
        if (all->child(i)->data(0, Qt::UserRole).value<TrackedFilter>() == filter)
            m_tracked->setCurrentItem(all->child(i));
    }
}

void FolderPane::setNeedsAttentionCount(int count)
{
    setTrackedCount(TrackedFilter::NeedsAttention, count);
    QTreeWidgetItem *all = m_tracked->topLevelItem(0);
    for (int i = 0; i < all->childCount(); ++i) {
        QTreeWidgetItem *item = all->child(i);
        if (item->data(0, Qt::UserRole).value<TrackedFilter>() != TrackedFilter::NeedsAttention)
            continue;
        QFont font = item->font(0);
        font.setBold(count > 0);
        item->setFont(0, font);
    }
}

void FolderPane::onFolderCurrentChanged()
{
    const QModelIndex index = m_folders->currentIndex();
    if (!index.isValid())
        return;
    if (Models::NodeKind(index.data(Models::NodeKindRole).toInt()) != Models::NodeKind::Folder
        || !index.data(Models::SelectableRole).toBool())
        return;
    m_tracked->blockSignals(true);
    m_tracked->setCurrentItem(nullptr);
    m_tracked->clearSelection();
    m_tracked->blockSignals(false);
    Q_EMIT folderSelected(index.data(Models::FolderIdRole).toLongLong(),
                          index.data(Models::SpecialUseRole).toString());
}

void FolderPane::onTrackedCurrentChanged(QTreeWidgetItem *item)
{
    if (!item)
        return;
    // Only the tracked entry stays highlighted. Not with the selection model's signals
    // blocked: the folder view must hear of it to repaint its row (an invalid current folder
    // is ignored by onFolderCurrentChanged).
    m_folders->selectionModel()->clear();
    if (const QVariant query = item->data(0, kSavedQueryRole); query.isValid()) {
        Q_EMIT savedSearchSelected(query.toString());
        return;
    }
    Q_EMIT trackedSelected(item->data(0, Qt::UserRole).value<TrackedFilter>());
}

} // namespace Mailtrail::Ui
