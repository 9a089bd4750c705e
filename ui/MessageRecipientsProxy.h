// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractProxyModel>
#include <QPersistentModelIndex>

namespace Mailtrail::Models {
class TrackingModel;
}

namespace Mailtrail::Ui {

/// The recipients of one tracked message as a flat list: row r of this model is recipient r
/// of the message shown (a child row of the TrackingModel), and nothing else. With no
/// message, or one the TrackingModel does not hold (another account's, gone after a reload),
/// the list is empty: a view over it can never show the tracked messages themselves as if
/// they were recipients (the delivery panel once listed every tracked message, 63 rows, when
/// it was read from the model's top level rather than from the message's subtree).
class MessageRecipientsProxy : public QAbstractProxyModel
{
    Q_OBJECT
public:
    /// @p model must outlive the proxy.
    explicit MessageRecipientsProxy(Models::TrackingModel *model, QObject *parent = nullptr);

    /// Shows the recipients of the sent message with this tracking id (0: none).
    void setSentMessage(qint64 sentMessageId);
    [[nodiscard]] qint64 sentMessage() const { return m_sentMessageId; }
    /// The message's row in the TrackingModel; invalid when it is not there.
    [[nodiscard]] QModelIndex messageIndex() const { return m_message; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void beginChange();
    void endChange();
    void forwardDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                            const QList<int> &roles);

    Models::TrackingModel *m_model;
    qint64 m_sentMessageId = 0;
    QPersistentModelIndex m_message;
    bool m_changing = false;
};

} // namespace Mailtrail::Ui
