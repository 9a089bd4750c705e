// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageListPane.h"

#include "AppContext.h"
#include "MailSortProxy.h"
#include "MailTableModel.h"
#include "StateDecorationProxy.h"
#include "TrackedFilterProxy.h"
#include "models/Roles.h"
#include "store/MessageRepository.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTreeView>
#include <QTreeWidget>
#include <QVBoxLayout>

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
    , m_stack(new QStackedWidget(this))
    , m_mailModel(new MailTableModel(&context.messageModel(), &context.trackingModel(), this))
    , m_mailProxy(new MailSortProxy(this))
    , m_mailView(new QTreeView(this))
    , m_trackedFilter(new TrackedFilterProxy(this))
    , m_trackedIcons(new StateDecorationProxy(Models::TrackingModel::StateColumn, this))
    , m_trackedView(new QTreeView(this))
    , m_reportView(new QTreeWidget(this))
{
    m_search->setObjectName(QStringLiteral("searchBox"));
    m_search->setPlaceholderText(tr("Search subject, people, state… (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, this, &MessageListPane::applySearch);

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
    connect(m_mailView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MessageListPane::onMailCurrentChanged);

    m_trackedFilter->setSourceModel(&context.trackingModel());
    m_trackedIcons->setSourceModel(m_trackedFilter);
    m_trackedView->setObjectName(QStringLiteral("trackedView"));
    setUpListView(m_trackedView);
    m_trackedView->setModel(m_trackedIcons);
    m_trackedView->sortByColumn(Models::TrackingModel::UpdatedColumn, Qt::DescendingOrder);
    m_trackedView->header()->setSectionResizeMode(Models::TrackingModel::SubjectOrAddressColumn,
                                                  QHeaderView::Stretch);
    m_trackedView->header()->resizeSection(Models::TrackingModel::StateColumn, 150);
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
    layout->addWidget(m_search);
    layout->addWidget(m_stack, 1);
    setFocusProxy(m_mailView);
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
    if (!m_context.messageModel().setFolder(folderId)) {
        Q_EMIT messageSelected(0, 0);
        return tr("Cannot show this folder: %1").arg(m_context.messageModel().lastError());
    }
    Q_EMIT messageSelected(0, 0);
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
    Q_EMIT messageSelected(0, 0);
}

void MessageListPane::reloadReports()
{
    m_reportView->clear();
    for (const Tracking::StoredReport &r : m_context.trackingStore().unmatchedReports()) {
        auto *item = new QTreeWidgetItem(m_reportView, {r.subject.isEmpty() ? tr("(no subject)") : r.subject,
                                                        r.from,
                                                        QLocale().toString(r.receivedAt.toLocalTime(), QLocale::ShortFormat),
                                                        r.kind});
        item->setData(0, Qt::UserRole, r.id);
        if (!m_search->text().isEmpty())
            item->setHidden(!item->text(0).contains(m_search->text(), Qt::CaseInsensitive)
                            && !item->text(1).contains(m_search->text(), Qt::CaseInsensitive));
    }
}

bool MessageListPane::restoreSelection(qint64 messageId, qint64 sentMessageId)
{
    if (messageId == 0 && sentMessageId == 0)
        return true;
    QTreeView *view = nullptr;
    QModelIndex found;
    if (m_stack->currentWidget() == m_mailView) {
        view = m_mailView;
        for (int r = 0; r < m_mailProxy->rowCount() && !found.isValid(); ++r) {
            const QModelIndex i = m_mailProxy->index(r, 0);
            if (i.data(Models::MessageIdRole).toLongLong() == messageId)
                found = i;
        }
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
    if (!found.isValid())
        return false;
    m_restoring = true;
    view->selectionModel()->setCurrentIndex(found, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_restoring = false;
    return true;
}

void MessageListPane::applySearch(const QString &text)
{
    m_mailProxy->setFilterFixedString(text.trimmed());
    m_trackedFilter->setSearchText(text);
    if (m_stack->currentWidget() == m_reportView)
        reloadReports();
}

void MessageListPane::onMailCurrentChanged(const QModelIndex &current)
{
    if (m_restoring)
        return;
    if (!current.isValid()) {
        Q_EMIT messageSelected(0, 0);
        return;
    }
    const int row = m_mailProxy->mapToSource(current).row();
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
    // The sent copy in a cached folder, if any, so the viewer can show its body too.
    qint64 cachedId = 0;
    const QString header = current.data(Models::MessageIdHeaderRole).toString();
    if (!header.isEmpty()) {
        Store::MessageRepository repository(m_context.database().connection());
        QList<Store::MessageRecord> copies = repository.findByMessageId(QLatin1Char('<') + bareMessageId(header) + QLatin1Char('>'));
        if (!copies.isEmpty())
            cachedId = copies.first().id;
    }
    Q_EMIT messageSelected(cachedId, sentId);
}

} // namespace Mailtrail::Ui
