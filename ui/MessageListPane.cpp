// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageListPane.h"

#include "AppContext.h"
#include "MailSortProxy.h"
#include "MailTableModel.h"
#include "StateDecorationProxy.h"
#include "TrackedFilterProxy.h"
#include "models/MessageThreadModel.h"
#include "models/Roles.h"
#include "tracking/DeliveryRecords.h"

#include <QAction>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QHBoxLayout>
#include <QStackedWidget>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace Mailtrail::Ui {

namespace {

void setUpListView(QTreeView *view)
{
    view->setRootIsDecorated(false);
    view->setUniformRowHeights(true);
    view->setAlternatingRowColors(true);
    view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAllColumnsShowFocus(true);
    view->setSortingEnabled(true);
    view->header()->setStretchLastSection(false);
}

} // namespace

MessageListPane::MessageListPane(AppContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_search(new QLineEdit(this))
    , m_threadsToggle(new QToolButton(this))
    , m_stack(new QStackedWidget(this))
    , m_mailModel(new MailTableModel(&context.messageModel(), &context.trackingModel(), this))
    , m_mailProxy(new MailSortProxy(this))
    , m_mailView(new QTreeView(this))
    , m_trackedFilter(new TrackedFilterProxy(this))
    , m_trackedIcons(new StateDecorationProxy(Models::TrackingModel::StateColumn, this))
    , m_trackedView(new QTreeView(this))
    , m_reportView(new QTreeWidget(this))
    , m_emptyNote(new QLabel(m_stack))
{
    m_search->setObjectName(QStringLiteral("searchBox"));
    m_search->setPlaceholderText(tr("Filter this list: subject, people, state… (Ctrl+Shift+F)"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, this, &MessageListPane::applySearch);
    // Escape in the box clears the search (and shows everything again).
    auto *clearSearch = new QAction(m_search);
    clearSearch->setShortcut(QKeySequence(Qt::Key_Escape));
    clearSearch->setShortcutContext(Qt::WidgetShortcut);
    connect(clearSearch, &QAction::triggered, m_search, &QLineEdit::clear);
    m_search->addAction(clearSearch);

    m_mailProxy->setSourceModel(m_mailModel);
    m_mailView->setObjectName(QStringLiteral("mailView"));
    setUpListView(m_mailView);
    m_mailView->setModel(m_mailProxy);
    m_mailView->sortByColumn(MailTableModel::DateColumn, Qt::DescendingOrder);
    QHeaderView *header = m_mailView->header();
    header->setSectionResizeMode(MailTableModel::SubjectColumn, QHeaderView::Stretch);
    header->resizeSection(MailTableModel::StateColumn, 30);
    header->resizeSection(MailTableModel::CorrespondentColumn, 170);
    header->resizeSection(MailTableModel::DateColumn, 165);
    header->resizeSection(MailTableModel::SizeColumn, 100);
    header->resizeSection(MailTableModel::AttachmentColumn, 28);
    connectMailSelection();

    m_threadsToggle->setObjectName(QStringLiteral("threadsToggle"));
    m_threadsToggle->setText(tr("Threads"));
    m_threadsToggle->setToolTip(tr("Show conversations as threads"));
    m_threadsToggle->setCheckable(true);
    connect(m_threadsToggle, &QToolButton::toggled, this, &MessageListPane::setThreaded);

    m_trackedFilter->setSourceModel(&context.trackingModel());
    m_trackedIcons->setSourceModel(m_trackedFilter);
    m_trackedView->setObjectName(QStringLiteral("trackedView"));
    setUpListView(m_trackedView);
    m_trackedView->setModel(m_trackedIcons);
    m_trackedView->sortByColumn(Models::TrackingModel::UpdatedColumn, Qt::DescendingOrder);
    m_trackedView->header()->setSectionResizeMode(Models::TrackingModel::SubjectOrAddressColumn,
                                                  QHeaderView::Stretch);
    m_trackedView->header()->resizeSection(Models::TrackingModel::StateColumn, 190); // fits "Fehlgeschlagen (1/3)"
    m_trackedView->header()->resizeSection(Models::TrackingModel::UpdatedColumn, 165);
    m_trackedView->header()->resizeSection(Models::TrackingModel::DetailColumn, 260);
    connect(m_trackedView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MessageListPane::onTrackedCurrentChanged);

    m_reportView->setObjectName(QStringLiteral("reportView"));
    m_reportView->setRootIsDecorated(false);
    m_reportView->setHeaderLabels({tr("Subject"), tr("From"), tr("Received"), tr("Kind")});
    m_reportView->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_reportView->header()->setStretchLastSection(false);
    connect(m_reportView, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item)
            Q_EMIT reportSelected(item->data(0, Qt::UserRole).toLongLong());
    });

    m_stack->addWidget(m_mailView);
    m_stack->addWidget(m_trackedView);
    m_stack->addWidget(m_reportView);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    auto *searchRow = new QHBoxLayout;
    searchRow->setSpacing(4);
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_threadsToggle);
    layout->addLayout(searchRow);
    layout->addWidget(m_stack, 1);
    setFocusProxy(m_mailView);

    m_emptyNote->setObjectName(QStringLiteral("emptyNote"));
    m_emptyNote->setAlignment(Qt::AlignCenter);
    m_emptyNote->setWordWrap(true);
    m_emptyNote->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_emptyNote->setForegroundRole(QPalette::PlaceholderText);
    m_emptyNote->hide();
    m_stack->installEventFilter(this);
    for (QAbstractItemModel *model : {static_cast<QAbstractItemModel *>(m_mailProxy),
                                      static_cast<QAbstractItemModel *>(m_trackedIcons)}) {
        connect(model, &QAbstractItemModel::modelReset, this, &MessageListPane::updateEmptyNote);
        connect(model, &QAbstractItemModel::rowsInserted, this, &MessageListPane::updateEmptyNote);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &MessageListPane::updateEmptyNote);
        connect(model, &QAbstractItemModel::layoutChanged, this, &MessageListPane::updateEmptyNote);
    }
    connect(m_stack, &QStackedWidget::currentChanged, this, &MessageListPane::updateEmptyNote);
}

bool MessageListPane::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_stack && event->type() == QEvent::Resize) {
        // Below the column headers, across the list.
        const int top = m_mailView->header()->sizeHint().height() + 8;
        m_emptyNote->setGeometry(16, top, std::max(0, m_stack->width() - 32), std::max(0, m_stack->height() - top - 8));
    }
    return QWidget::eventFilter(watched, event);
}

void MessageListPane::updateEmptyNote()
{
    QWidget *view = m_stack->currentWidget();
    int rows = 0;
    if (view == m_reportView) {
        for (int i = 0; i < m_reportView->topLevelItemCount(); ++i)
            rows += m_reportView->topLevelItem(i)->isHidden() ? 0 : 1;
    } else if (auto *tree = qobject_cast<QTreeView *>(view); tree && tree->model()) {
        rows = tree->model()->rowCount();
    }
    QString why;
    if (rows > 0) {
        why.clear();
    } else if (!m_search->text().trimmed().isEmpty()) {
        why = tr("Nothing found");
    } else if (view == m_reportView) {
        why = tr("No report is waiting to be matched: reports that Mailtrail cannot link to a sent mail appear here.");
    } else if (view == m_trackedView) {
        switch (m_trackedFilterShown) {
        case TrackedFilter::Failed:
            why = tr("No failed mail");
            break;
        case TrackedFilter::Delayed:
            why = tr("No delayed mail");
            break;
        case TrackedFilter::AwaitingReport:
            why = tr("No mail is waiting for a report");
            break;
        default:
            why = tr("No tracked mail yet: mail you send appears here with what became of it for each recipient.");
            break;
        }
    } else if (m_folderShown) {
        why = tr("This folder is empty.");
    }
    m_emptyNote->setText(why);
    m_emptyNote->setVisible(!why.isEmpty());
    m_emptyNote->raise();
}

QWidget *MessageListPane::currentView() const
{
    return m_stack->currentWidget();
}

QString MessageListPane::showFolder(qint64 folderId, bool isSentFolder)
{
    m_stack->setCurrentWidget(m_mailView);
    setFocusProxy(m_mailView);
    m_mailModel->setShowRecipients(isSentFolder);
    const bool ok = m_context.messageModel().setFolder(folderId);
    if (isThreaded())
        m_mailView->expandAll();
    m_folderShown = ok;
    updateEmptyNote();
    clearHighlight(m_mailView);
    if (!ok)
        return tr("Cannot show this folder: %1").arg(m_context.messageModel().lastError());
    return {};
}

void MessageListPane::showTracked(TrackedFilter filter)
{
    if (filter == TrackedFilter::UnmatchedReports) {
        m_stack->setCurrentWidget(m_reportView);
        setFocusProxy(m_reportView);
        reloadReports();
    } else {
        m_stack->setCurrentWidget(m_trackedView);
        setFocusProxy(m_trackedView);
        m_trackedFilter->setQuickFilter(filter);
    }
    m_trackedFilterShown = filter;
    updateEmptyNote();
    clearHighlight(filter == TrackedFilter::UnmatchedReports ? nullptr : m_trackedView);
}

void MessageListPane::clearHighlight(QTreeView *view)
{
    // Another list (a filter, a folder, threads on or off): no row stays highlighted from
    // before, so the panels showing nothing agree with the list (issue 19 item 1).
    if (view) {
        m_restoring = true;
        view->selectionModel()->clear();
        m_restoring = false;
    }
    Q_EMIT messageSelected(0, 0);
}

void MessageListPane::reloadReports()
{
    m_reportView->clear();
    for (const Tracking::StoredReport &r : m_context.deliveryRecords().unmatchedReports()) {
        auto *item = new QTreeWidgetItem(m_reportView, {r.subject.isEmpty() ? tr("(no subject)") : r.subject,
                                                        r.from,
                                                        QLocale().toString(r.receivedAt.toLocalTime(), QLocale::ShortFormat),
                                                        r.kind});
        item->setData(0, Qt::UserRole, r.id);
        if (!m_search->text().isEmpty())
            item->setHidden(!item->text(0).contains(m_search->text(), Qt::CaseInsensitive)
                            && !item->text(1).contains(m_search->text(), Qt::CaseInsensitive));
    }
    updateEmptyNote();
}

bool MessageListPane::isThreaded() const
{
    return m_threadFilter && m_mailView->model() == m_threadFilter;
}

void MessageListPane::setThreaded(bool threaded)
{
    if (threaded == isThreaded())
        return;
    if (threaded && !m_threadModel) {
        m_threadModel = new Models::MessageThreadModel(m_context.database().connection(), this);
        m_threadModel->setSourceModel(m_mailModel);
        m_threadFilter = new QSortFilterProxyModel(this);
        m_threadFilter->setRecursiveFilteringEnabled(true); // a matching reply keeps its thread
        m_threadFilter->setFilterCaseSensitivity(Qt::CaseInsensitive);
        m_threadFilter->setFilterKeyColumn(-1);
        m_threadFilter->setFilterFixedString(m_search->text().trimmed());
        m_threadFilter->setSourceModel(m_threadModel);
    }
    const QSignalBlocker blocker(m_threadsToggle);
    m_threadsToggle->setChecked(threaded);
    // Threads keep their own order (newest conversation first, replies in order); back in
    // the flat list, enabling sorting again re-applies the header's sort indicator.
    if (threaded)
        m_mailView->setSortingEnabled(false);
    m_mailView->header()->setSortIndicatorShown(!threaded);
    m_mailView->setRootIsDecorated(threaded);
    m_mailView->setModel(threaded ? static_cast<QAbstractItemModel *>(m_threadFilter) : m_mailProxy);
    if (threaded)
        m_mailView->expandAll();
    else
        m_mailView->setSortingEnabled(true);
    connectMailSelection();
    if (threaded) {
        connect(m_threadFilter, &QAbstractItemModel::modelReset, this, &MessageListPane::updateEmptyNote,
                Qt::UniqueConnection);
        connect(m_threadFilter, &QAbstractItemModel::rowsInserted, this, &MessageListPane::updateEmptyNote,
                Qt::UniqueConnection);
        connect(m_threadFilter, &QAbstractItemModel::rowsRemoved, this, &MessageListPane::updateEmptyNote,
                Qt::UniqueConnection);
    }
    updateEmptyNote();
    clearHighlight(m_mailView);
}

void MessageListPane::connectMailSelection()
{
    connect(m_mailView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MessageListPane::onMailCurrentChanged, Qt::UniqueConnection);
}

bool MessageListPane::restoreSelection(qint64 messageId, qint64 sentMessageId)
{
    if (messageId == 0 && sentMessageId == 0)
        return true;
    QTreeView *view = nullptr;
    QModelIndex found;
    if (m_stack->currentWidget() == m_mailView) {
        view = m_mailView;
        // Flat list or threads (a tree): search every level of whatever the view shows.
        QAbstractItemModel *model = m_mailView->model();
        const QModelIndexList hits = model->match(model->index(0, 0), Models::MessageIdRole, messageId, 1,
                                                  Qt::MatchExactly | Qt::MatchRecursive);
        if (!hits.isEmpty())
            found = hits.first();
    } else if (m_stack->currentWidget() == m_trackedView) {
        view = m_trackedView;
        for (int r = 0; r < m_trackedIcons->rowCount() && !found.isValid(); ++r) {
            const QModelIndex i = m_trackedIcons->index(r, 0);
            if (i.data(Models::SentMessageIdRole).toLongLong() == sentMessageId)
                found = i;
        }
    } else {
        return true; // the unmatched reports: the report shown stays
    }
    if (!found.isValid()) {
        // Gone from the list: nothing stays highlighted (the caller shows nothing).
        m_restoring = true;
        view->selectionModel()->clear();
        m_restoring = false;
        return false;
    }
    m_restoring = true;
    view->selectionModel()->setCurrentIndex(found, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_restoring = false;
    return true;
}

void MessageListPane::applySearch(const QString &text)
{
    m_mailProxy->setFilterFixedString(text.trimmed());
    if (m_threadFilter)
        m_threadFilter->setFilterFixedString(text.trimmed());
    m_trackedFilter->setSearchText(text);
    if (m_stack->currentWidget() == m_reportView)
        reloadReports();
    updateEmptyNote();
}

void MessageListPane::onMailCurrentChanged(const QModelIndex &current)
{
    if (m_restoring)
        return;
    if (!current.isValid()) {
        Q_EMIT messageSelected(0, 0);
        return;
    }
    const int row = isThreaded() ? m_threadModel->mapToSource(m_threadFilter->mapToSource(current)).row()
                                 : m_mailProxy->mapToSource(current).row();
    Q_EMIT messageSelected(m_mailModel->index(row, 0).data(Models::MessageIdRole).toLongLong(),
                           m_mailModel->sentMessageIdAt(row));
}

void MessageListPane::onTrackedCurrentChanged(const QModelIndex &current)
{
    if (m_restoring)
        return;
    if (!current.isValid()) {
        Q_EMIT messageSelected(0, 0);
        return;
    }
    const qint64 sentId = current.data(Models::SentMessageIdRole).toLongLong();
    // The sender's own copy in a cached folder, if any, so the viewer can show its body too;
    // never a recipient's copy in another account of the profile (issue 15 §1).
    const qint64 cachedId = m_context.deliveryRecords().senderCopy(sentId);
    Q_EMIT messageSelected(cachedId, sentId);
}

} // namespace Mailtrail::Ui
