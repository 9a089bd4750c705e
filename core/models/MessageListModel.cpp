// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/MessageListModel.h"

#include "models/Roles.h"
#include "store/MessageRepository.h"

#include <QDateTime>
#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>

namespace Mailtrail::Models {

MessageListModel::MessageListModel(QSqlDatabase db, QObject *parent)
    : QAbstractTableModel(parent), m_db(std::move(db))
{
}

bool MessageListModel::loadIds(QList<qint64> &ids)
{
    ids.clear();
    if (m_folderId == 0)
        return true;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id FROM messages WHERE folder_id = ? ORDER BY date DESC, uid DESC"));
    q.addBindValue(m_folderId);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return false;
    }
    while (q.next())
        ids.append(q.value(0).toLongLong());
    return true;
}

bool MessageListModel::setFolder(qint64 folderId)
{
    beginResetModel();
    m_folderId = folderId;
    m_pages.clear();
    m_pageOrder.clear();
    m_lastError.clear();
    const bool ok = loadIds(m_ids);
    if (!ok)
        m_ids.clear();
    endResetModel();
    return ok;
}

bool MessageListModel::refresh()
{
    return setFolder(m_folderId);
}

int MessageListModel::rowOfMessage(qint64 messageId) const
{
    return int(m_ids.indexOf(messageId));
}

int MessageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

int MessageListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const Store::MessageRecord *MessageListModel::record(int row) const
{
    if (row < 0 || row >= m_ids.size())
        return nullptr;
    const int page = row / pageSize;
    auto it = m_pages.find(page);
    if (it == m_pages.end()) {
        const int first = page * pageSize;
        const int last = qMin<int>(int(m_ids.size()), first + pageSize);
        QStringList placeholders;
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        QString ids;
        for (int i = first; i < last; ++i) {
            if (i > first)
                ids += QLatin1Char(',');
            ids += QString::number(m_ids.at(i));
        }
        QHash<qint64, Store::MessageRecord> byId;
        if (q.exec(QStringLiteral("SELECT %1 FROM messages WHERE id IN (%2)")
                       .arg(Store::MessageRepository::recordColumns(), ids))) {
            while (q.next()) {
                Store::MessageRecord r = Store::MessageRepository::recordFromQuery(q);
                byId.insert(r.id, std::move(r));
            }
        }
        QList<Store::MessageRecord> rows;
        rows.reserve(last - first);
        for (int i = first; i < last; ++i) {
            Store::MessageRecord r = byId.value(m_ids.at(i));
            r.id = m_ids.at(i); // a row deleted meanwhile shows empty until refresh()
            rows.append(std::move(r));
        }
        if (m_pageOrder.size() >= maxCachedPages)
            m_pages.remove(m_pageOrder.takeFirst());
        m_pageOrder.append(page);
        it = m_pages.insert(page, std::move(rows));
    }
    return &it.value()[row - page * pageSize];
}

QVariant MessageListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    // Known without loading the row's page: a whole-folder walk (threading) stays cheap.
    if (role == MessageIdRole)
        return m_ids.at(index.row());
    if (role == FolderIdRole)
        return m_folderId;
    const Store::MessageRecord *r = record(index.row());
    if (!r)
        return {};
    const auto dateTime = [r]() {
        return r->date ? QDateTime::fromSecsSinceEpoch(r->date, Qt::UTC) : QDateTime();
    };
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SubjectColumn: return r->subject;
        case FromColumn: return r->fromName.isEmpty() ? r->fromAddress : r->fromName;
        case DateColumn: return dateTime().toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        case SizeColumn: return QLocale().formattedDataSize(r->size);
        }
        return {};
    case Qt::ToolTipRole:
        return index.column() == FromColumn ? QVariant(r->fromAddress) : QVariant();
    case MessageIdRole: return r->id;
    case UidRole: return r->uid;
    case FolderIdRole: return r->folderId;
    case SubjectRole: return r->subject;
    case FromNameRole: return r->fromName;
    case FromAddressRole: return r->fromAddress;
    case ToAddressesRole: return r->toAddresses;
    case DateRole: return dateTime();
    case SizeRole: return r->size;
    case FlagsRole: {
        QStringList flags;
        for (const QByteArray &f : r->flags)
            flags << QString::fromUtf8(f);
        return flags;
    }
    case IsSeenRole: return r->flags.contains("\\Seen");
    case IsFlaggedRole: return r->flags.contains("\\Flagged");
    case IsAnsweredRole: return r->flags.contains("\\Answered");
    case MessageIdHeaderRole: return r->messageId;
    case ContentTypeRole: return r->contentType;
    case LooksLikeReportRole: return r->looksLikeReport;
    }
    return {};
}

QVariant MessageListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SubjectColumn: return tr("Subject");
    case FromColumn: return tr("From");
    case DateColumn: return tr("Date");
    case SizeColumn: return tr("Size");
    }
    return {};
}

QHash<int, QByteArray> MessageListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(MessageIdRole, "messageId");
    names.insert(UidRole, "uid");
    names.insert(FolderIdRole, "folderId");
    names.insert(SubjectRole, "subject");
    names.insert(FromNameRole, "fromName");
    names.insert(FromAddressRole, "fromAddress");
    names.insert(ToAddressesRole, "toAddresses");
    names.insert(DateRole, "date");
    names.insert(SizeRole, "size");
    names.insert(FlagsRole, "flags");
    names.insert(IsSeenRole, "seen");
    names.insert(IsFlaggedRole, "flagged");
    names.insert(IsAnsweredRole, "answered");
    names.insert(MessageIdHeaderRole, "messageIdHeader");
    names.insert(ContentTypeRole, "contentType");
    names.insert(LooksLikeReportRole, "looksLikeReport");
    return names;
}

} // namespace Mailtrail::Models
