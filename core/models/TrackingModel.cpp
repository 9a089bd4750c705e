// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/TrackingModel.h"

#include "models/Roles.h"
#include "tracking/Explanation.h"
#include "tracking/StatusJson.h"


namespace Mailtrail::Models {

using namespace Mailtrail::Tracking;

namespace {

// Top-level rows have internal id 0; a recipient row stores its message row + 1.
constexpr quintptr kTopLevel = 0;

/// "2 delivered" in the user's language.
QString countedState(DeliveryState state, int n)
{
    switch (state) {
    case DeliveryState::Queued: return TrackingModel::tr("%n queued", nullptr, n);
    case DeliveryState::Rejected: return TrackingModel::tr("%n rejected", nullptr, n);
    case DeliveryState::Accepted: return TrackingModel::tr("%n accepted", nullptr, n);
    case DeliveryState::Delayed: return TrackingModel::tr("%n delayed", nullptr, n);
    case DeliveryState::Relayed: return TrackingModel::tr("%n relayed", nullptr, n);
    case DeliveryState::Expanded: return TrackingModel::tr("%n expanded", nullptr, n);
    case DeliveryState::Delivered: return TrackingModel::tr("%n delivered", nullptr, n);
    case DeliveryState::Failed: return TrackingModel::tr("%n failed", nullptr, n);
    case DeliveryState::Dispatched: return TrackingModel::tr("%n dispatched", nullptr, n);
    case DeliveryState::Processed: return TrackingModel::tr("%n processed", nullptr, n);
    case DeliveryState::Deleted: return TrackingModel::tr("%n deleted", nullptr, n);
    case DeliveryState::Displayed: return TrackingModel::tr("%n displayed", nullptr, n);
    case DeliveryState::Replied: return TrackingModel::tr("%n replied", nullptr, n);
    case DeliveryState::Overdue: return TrackingModel::tr("%n overdue", nullptr, n);
    }
    return QStringLiteral("%1 %2").arg(n).arg(stateName(state));
}

/// "2 delivered · 1 failed" for several recipients, the state's sentence for one.
QString summaryText(const QList<DerivedState> &states)
{
    if (states.size() == 1)
        return describeState(states.constFirst().state);
    QList<std::pair<DeliveryState, int>> counts;
    for (const DerivedState &s : states) {
        auto it = std::find_if(counts.begin(), counts.end(),
                               [&](const auto &c) { return c.first == s.state; });
        if (it == counts.end())
            counts.append({s.state, 1});
        else
            ++it->second;
    }
    std::sort(counts.begin(), counts.end(), [](const auto &a, const auto &b) {
        return severity(a.first) > severity(b.first);
    });
    QStringList parts;
    for (const auto &[state, count] : counts)
        parts.append(countedState(state, count));
    return parts.join(QStringLiteral(" · "));
}

/// The deciding event's sentence (or the state's), and what contradicts it or may change it.
QString recipientDetail(const RecipientTimeline &t, const DerivedState &d)
{
    const Evidence *deciding = d.decidingEvent >= 0 ? &t.events().at(d.decidingEvent) : nullptr;
    QString detail = deciding && d.state != DeliveryState::Overdue ? describeEvidence(*deciding)
                                                                   : describeState(d.state);
    if (d.conflictingEvent >= 0)
        detail += QLatin1Char(' ')
            + TrackingModel::tr("But also: %1").arg(describeEvidence(t.events().at(d.conflictingEvent)));
    if (!d.possibleEvents.isEmpty())
        detail += QLatin1Char(' ')
            + TrackingModel::tr("%n report(s) that may be about this message, not confirmed.",
                                nullptr, int(d.possibleEvents.size()));
    return detail;
}

} // namespace

TrackingModel::TrackingModel(const TrackingStore &store, Clock clock, QObject *parent)
    : QAbstractItemModel(parent)
    , m_store(store)
    , m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentDateTimeUtc(); }))
{
}

QString TrackingModel::confirmEvidence(qint64 evidenceId)
{
    // The model reads through a const store; a confirmation is one write on the same
    // connection.
    TrackingStore writer(m_store.database());
    if (!writer.confirmEvidence(evidenceId, m_clock()))
        return writer.lastError();
    reload();
    return {};
}

void TrackingModel::setDeadlinePolicy(const DeadlinePolicy &policy)
{
    m_policy = policy;
    refreshStates();
}

void TrackingModel::setAccount(const QString &account)
{
    if (account == m_account)
        return;
    m_account = account;
    reload();
}

void TrackingModel::derive(Row &row) const
{
    const QDateTime now = m_clock();
    row.states.clear();
    QList<DeliveryState> states;
    for (const RecipientTimeline &timeline : std::as_const(row.message.recipients)) {
        row.states.append(timeline.derive(now, m_policy));
        states.append(row.states.constLast().state);
    }
    row.summary = summarize(states);
}

void TrackingModel::reload()
{
    beginResetModel();
    m_rows.clear();
    const QList<TrackedMessage> messages = m_store.messages(m_account);
    m_rows.reserve(messages.size());
    for (const TrackedMessage &message : messages) {
        Row row{message, {}, {}};
        derive(row);
        m_rows.append(std::move(row));
    }
    endResetModel();
}

void TrackingModel::refreshStates()
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        Row &row = m_rows[i];
        const QList<DerivedState> before = row.states;
        derive(row);
        if (before == row.states)
            continue;
        const QModelIndex top = index(int(i), 0);
        Q_EMIT dataChanged(top, index(int(i), ColumnCount - 1));
        if (!row.states.isEmpty())
            Q_EMIT dataChanged(index(0, 0, top), index(int(row.states.size()) - 1, ColumnCount - 1, top));
    }
}

QModelIndex TrackingModel::indexForSentMessage(qint64 sentMessageId) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).message.id == sentMessageId)
            return index(int(i), 0);
    }
    return {};
}

QModelIndex TrackingModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, kTopLevel);
    if (parent.internalId() != kTopLevel)
        return {};
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex TrackingModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kTopLevel)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kTopLevel);
}

int TrackingModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_rows.size());
    if (parent.internalId() != kTopLevel || parent.column() != 0)
        return 0;
    return int(m_rows.at(parent.row()).message.recipients.size());
}

int TrackingModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant TrackingModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == kTopLevel)
        return messageData(m_rows.at(index.row()), index.column(), role);
    return recipientData(m_rows.at(int(index.internalId() - 1)), index.row(), index.column(), role);
}

QVariant TrackingModel::messageData(const Row &row, int column, int role) const
{
    const TrackedMessage &m = row.message;
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case SubjectOrAddressColumn:
            return m.subject.isEmpty() ? tr("(no subject)") : m.subject;
        case StateColumn:
            if (row.summary.recipients > 1 && row.summary.worst != row.summary.best)
                return tr("%1 (%2 of %n)", nullptr, row.summary.recipients)
                    .arg(stateName(row.summary.worst))
                    .arg(std::count_if(row.states.cbegin(), row.states.cend(),
                                       [&](const DerivedState &s) { return s.state == row.summary.worst; }));
            return stateName(row.summary.worst);
        case UpdatedColumn: {
            // The newest event of any recipient (a report that came in), not the send time.
            QDateTime newest = m.submittedAt.isValid() ? m.submittedAt : m.createdAt;
            for (const RecipientTimeline &t : m.recipients) {
                if (t.updated().isValid() && t.updated() > newest)
                    newest = t.updated();
            }
            return newest.toLocalTime();
        }
        case DetailColumn:
            return summaryText(row.states);
        }
        return {};
    case Qt::ToolTipRole:
        if (m.origin == Tracking::kOriginElsewhere)
            return QString(tr("Sent from another program (no delivery reports were requested).") + QLatin1Char('\n')
                           + summaryText(row.states));
        return summaryText(row.states);
    case OriginRole:
        return m.origin.isEmpty() ? QString(Tracking::kOriginMailtrail) : m.origin;
    case SentMessageIdRole:
        return m.id;
    case IsRecipientRole:
        return false;
    case StateRole:
        return int(row.summary.worst);
    case StateNameRole:
        return stateName(row.summary.worst);
    case BestStateRole:
        return int(row.summary.best);
    case DetailRole:
        return summaryText(row.states);
    case UpdatedRole: {
        QDateTime newest;
        for (const RecipientTimeline &t : m.recipients) {
            if (!newest.isValid() || t.updated() > newest)
                newest = t.updated();
        }
        return newest;
    }
    case DsnUnsupportedRole:
        return !m.dsnSupported;
    case MessageIdHeaderRole:
        return m.messageId;
    case RecipientCountRole:
        return row.summary.recipients;
    case FailedCountRole:
        return row.summary.failed;
    }
    return {};
}

QVariant TrackingModel::recipientData(const Row &row, int recipient, int column, int role) const
{
    const RecipientTimeline &t = row.message.recipients.at(recipient);
    const DerivedState &d = row.states.at(recipient);
    const Evidence *deciding = d.decidingEvent >= 0 ? &t.events().at(d.decidingEvent) : nullptr;
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case SubjectOrAddressColumn:
            return t.address();
        case StateColumn:
            return stateName(d.state);
        case UpdatedColumn:
            return t.updated().toLocalTime();
        case DetailColumn:
            return recipientDetail(t, d);
        }
        return {};
    case Qt::ToolTipRole:
    case DetailRole:
        return recipientDetail(t, d);
    case SentMessageIdRole:
        return row.message.id;
    case IsRecipientRole:
        return true;
    case StateRole:
    case BestStateRole:
        return int(d.state);
    case StateNameRole:
        return stateName(d.state);
    case UpdatedRole:
        return t.updated();
    case AddressRole:
        return t.address();
    case StatusRole:
        return deciding ? deciding->status : QString();
    case DiagnosticRole:
        return deciding ? deciding->diagnostic : QString();
    case EventsRole: {
        QVariantList events;
        for (const Evidence &e : t.events())
            events.append(evidenceToJson(e).toVariantMap());
        return events;
    }
    case DsnUnsupportedRole:
        return !row.message.dsnSupported;
    case MessageIdHeaderRole:
        return row.message.messageId;
    }
    return {};
}

QVariant TrackingModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SubjectOrAddressColumn:
        return tr("Message / recipient");
    case StateColumn:
        return tr("State");
    case UpdatedColumn:
        return tr("Updated");
    case DetailColumn:
        return tr("Detail");
    }
    return {};
}

QHash<int, QByteArray> TrackingModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(SentMessageIdRole, "sentMessageId");
    names.insert(IsRecipientRole, "isRecipient");
    names.insert(StateRole, "state");
    names.insert(StateNameRole, "stateName");
    names.insert(BestStateRole, "bestState");
    names.insert(DetailRole, "detail");
    names.insert(UpdatedRole, "updated");
    names.insert(AddressRole, "address");
    names.insert(StatusRole, "status");
    names.insert(DiagnosticRole, "diagnostic");
    names.insert(EventsRole, "events");
    names.insert(DsnUnsupportedRole, "dsnUnsupported");
    names.insert(MessageIdHeaderRole, "messageId");
    names.insert(RecipientCountRole, "recipientCount");
    names.insert(FailedCountRole, "failedCount");
    names.insert(OriginRole, "origin");
    return names;
}

} // namespace Mailtrail::Models
