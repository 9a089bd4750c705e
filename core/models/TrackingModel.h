// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tracking/TrackingStore.h"

#include <QAbstractItemModel>

#include <functional>

namespace Mailtrail::Models {

/// Sent messages (top level) and their recipients (children), with states derived from the
/// evidence at the time the injected clock gives. Feeds the "Tracked" folder, the delivery
/// panel (one message's children) and `mailtrail-cli status`.
class TrackingModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { SubjectOrAddressColumn, StateColumn, UpdatedColumn, DetailColumn, ColumnCount };
    using Clock = std::function<QDateTime()>;

    /// @p store must outlive the model. @p clock defaults to the system clock (UTC).
    explicit TrackingModel(const Tracking::TrackingStore &store, Clock clock = {},
                           QObject *parent = nullptr);

    void setDeadlinePolicy(const Tracking::DeadlinePolicy &policy);
    [[nodiscard]] const Tracking::DeadlinePolicy &deadlinePolicy() const { return m_policy; }
    /// The model's clock: the moment states are derived at.
    [[nodiscard]] QDateTime now() const { return m_clock(); }
    /// Limits the model to one account (empty: all).
    void setAccount(const QString &account);
    /// Reloads everything from the store (after sync or sending).
    void reload();
    /// Re-derives the states (e.g. on a timer, so "overdue" appears without new evidence).
    void refreshStates();

    [[nodiscard]] QModelIndex indexForSentMessage(qint64 sentMessageId) const;

    /// The user confirms a possible event (Tracking::Evidence::isPossible(), listed in a
    /// recipient's EventsRole with `possible: true`): it decides from now on. Reloads the
    /// model. Returns an error text, empty on success.
    [[nodiscard]] QString confirmEvidence(qint64 evidenceId);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct Row
    {
        Tracking::TrackedMessage message;
        QList<Tracking::DerivedState> states;
        Tracking::MessageSummary summary;
    };
    void derive(Row &row) const;
    QVariant messageData(const Row &row, int column, int role) const;
    QVariant recipientData(const Row &row, int recipient, int column, int role) const;

    const Tracking::TrackingStore &m_store;
    Clock m_clock;
    Tracking::DeadlinePolicy m_policy;
    QString m_account;
    QList<Row> m_rows;
};

} // namespace Mailtrail::Models
