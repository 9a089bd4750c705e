// SPDX-License-Identifier: GPL-3.0-or-later
#include "MailTableModel.h"

#include "FolderIcons.h"
#include "StateIcons.h"
#include "models/MessageListModel.h"
#include "models/Roles.h"
#include "models/TrackingModel.h"

#include <QFont>
#include <QLocale>

namespace Mailtrail::Ui {

using namespace Models;

QString bareMessageId(const QString &messageId)
{
    QString id = messageId.trimmed();
    if (id.startsWith(QLatin1Char('<')))
        id.remove(0, 1);
    if (id.endsWith(QLatin1Char('>')))
        id.chop(1);
    return id;
}

MailTableModel::MailTableModel(MessageListModel *messages, TrackingModel *tracking, QObject *parent)
    : QAbstractTableModel(parent)
    , m_messages(messages)
    , m_tracking(tracking)
{
    // Rows map one to one; forward every structural change.
    connect(messages, &QAbstractItemModel::modelAboutToBeReset, this, &MailTableModel::beginResetModel);
    connect(messages, &QAbstractItemModel::modelReset, this, &MailTableModel::endResetModel);
    connect(messages, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [this](const QModelIndex &, int first, int last) { beginInsertRows({}, first, last); });
    connect(messages, &QAbstractItemModel::rowsInserted, this, &MailTableModel::endInsertRows);
    connect(messages, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this](const QModelIndex &, int first, int last) { beginRemoveRows({}, first, last); });
    connect(messages, &QAbstractItemModel::rowsRemoved, this, &MailTableModel::endRemoveRows);
    connect(messages, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &from, const QModelIndex &to) {
                Q_EMIT dataChanged(index(from.row(), 0), index(to.row(), ColumnCount - 1));
            });
    connect(tracking, &QAbstractItemModel::modelReset, this, &MailTableModel::rebuildTrackingIndex);
    connect(tracking, &QAbstractItemModel::dataChanged, this, [this] {
        if (rowCount() > 0)
            Q_EMIT dataChanged(index(0, StateColumn), index(rowCount() - 1, StateColumn));
    });
    rebuildTrackingIndex();
}

void MailTableModel::setShowRecipients(bool showRecipients)
{
    if (m_showRecipients == showRecipients)
        return;
    m_showRecipients = showRecipients;
    Q_EMIT headerDataChanged(Qt::Horizontal, CorrespondentColumn, CorrespondentColumn);
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, CorrespondentColumn), index(rowCount() - 1, CorrespondentColumn));
}

void MailTableModel::rebuildTrackingIndex()
{
    m_trackingRowByMessageId.clear();
    for (int row = 0; row < m_tracking->rowCount(); ++row)
        m_trackingRowByMessageId.insert(
            bareMessageId(m_tracking->index(row, 0).data(MessageIdHeaderRole).toString()), row);
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, StateColumn), index(rowCount() - 1, StateColumn));
}

QModelIndex MailTableModel::trackingRowFor(int row) const
{
    // Only mail we sent carries our tracking: in another folder (say, the recipient's own
    // INBOX in the same profile) the same Message-ID is received mail.
    if (m_trackingRowByMessageId.isEmpty() || !m_showRecipients)
        return {};
    const QString id = bareMessageId(m_messages->index(row, 0).data(MessageIdHeaderRole).toString());
    const auto it = m_trackingRowByMessageId.constFind(id);
    return it == m_trackingRowByMessageId.cend() ? QModelIndex() : m_tracking->index(*it, 0);
}

qint64 MailTableModel::sentMessageIdAt(int row) const
{
    const QModelIndex t = trackingRowFor(row);
    return t.isValid() ? t.data(SentMessageIdRole).toLongLong() : 0;
}

int MailTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_messages->rowCount();
}

int MailTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MailTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const QModelIndex src = m_messages->index(index.row(), 0);
    if (role >= Qt::UserRole && role < SortRole)
        return src.data(role); // every Models role passes through
    if (role == Qt::FontRole) {
        if (!src.data(IsSeenRole).toBool()) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    }
    const bool attachment = src.data(ContentTypeRole).toString() == QLatin1String("multipart/mixed");
    switch (index.column()) {
    case StateColumn: {
        const QModelIndex t = trackingRowFor(index.row());
        if (!t.isValid())
            return role == SortRole ? QVariant(-1) : QVariant();
        const auto state = Tracking::DeliveryState(t.data(StateRole).toInt());
        switch (role) {
        case Qt::DecorationRole:
            return stateIcon(state);
        case Qt::ToolTipRole:
            return tr("%1: %2").arg(stateLabel(state), t.data(DetailRole).toString());
        case Qt::AccessibleTextRole:
            return stateLabel(state);
        case SortRole:
            return Tracking::severity(state);
        case StateRole:
            return int(state);
        }
        return {};
    }
    case CorrespondentColumn:
        if (role == Qt::DisplayRole || role == SortRole || role == Qt::ToolTipRole) {
            if (m_showRecipients)
                return src.data(ToAddressesRole).toString();
            const QString name = src.data(FromNameRole).toString();
            const QString address = src.data(FromAddressRole).toString();
            if (role == Qt::ToolTipRole)
                return name.isEmpty() ? address : tr("%1 <%2>").arg(name, address);
            return name.isEmpty() ? address : name;
        }
        return {};
    case SubjectColumn:
        if (role == Qt::DisplayRole || role == SortRole || role == Qt::ToolTipRole) {
            const QString subject = src.data(SubjectRole).toString();
            return subject.isEmpty() && role == Qt::DisplayRole ? tr("(no subject)") : subject;
        }
        return {};
    case DateColumn: {
        const QDateTime date = src.data(DateRole).toDateTime();
        if (role == Qt::DisplayRole)
            return date.isValid() ? QLocale().toString(date.toLocalTime(), QLocale::ShortFormat) : QString();
        if (role == SortRole)
            return date;
        return {};
    }
    case SizeColumn: {
        const qint64 size = src.data(SizeRole).toLongLong();
        if (role == Qt::DisplayRole)
            return QLocale().formattedDataSize(size, 0);
        if (role == SortRole)
            return size;
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    case AttachmentColumn:
        if (role == Qt::DecorationRole)
            return attachment ? attachmentIcon() : QVariant();
        if (role == Qt::ToolTipRole)
            return attachment ? tr("Has attachments") : QString();
        if (role == SortRole)
            return attachment;
        return {};
    }
    return {};
}

QVariant MailTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole && section == StateColumn)
        return tr("Delivery state");
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StateColumn:
        return QString();
    case CorrespondentColumn:
        return m_showRecipients ? tr("To") : tr("From");
    case SubjectColumn:
        return tr("Subject");
    case DateColumn:
        return tr("Date");
    case SizeColumn:
        return tr("Size");
    case AttachmentColumn:
        return QString();
    }
    return {};
}

} // namespace Mailtrail::Ui
