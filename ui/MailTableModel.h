// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>

namespace Mailtrail::Models {
class MessageListModel;
class TrackingModel;
}

namespace Mailtrail::Ui {

/// The columns the message list shows, over Models::MessageListModel (one row per cached
/// message, rows passed through unchanged): delivery state icon (looked up in the
/// TrackingModel by Message-ID), correspondent (From, or To in a Sent folder), subject,
/// date, size, attachment. Sorting uses Qt::UserRole values (dates, sizes as numbers).
class MailTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { StateColumn, CorrespondentColumn, SubjectColumn, DateColumn, SizeColumn,
                  AttachmentColumn, ColumnCount };
    static constexpr int SortRole = Qt::UserRole + 500;

    MailTableModel(Models::MessageListModel *messages, Models::TrackingModel *tracking,
                   QObject *parent = nullptr);

    /// In a Sent folder the correspondent column shows the recipients.
    void setShowRecipients(bool showRecipients);
    [[nodiscard]] bool showsRecipients() const { return m_showRecipients; }
    /// Tracking id of the message on @p row, 0 when it was not sent with tracking.
    [[nodiscard]] qint64 sentMessageIdAt(int row) const;
    [[nodiscard]] Models::MessageListModel *source() const { return m_messages; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void rebuildTrackingIndex();
    [[nodiscard]] QModelIndex trackingRowFor(int row) const;

    Models::MessageListModel *m_messages;
    Models::TrackingModel *m_tracking;
    QHash<QString, int> m_trackingRowByMessageId; ///< Message-ID without <> → top-level row
    bool m_showRecipients = false;
};

/// Message-ID without angle brackets or surrounding space, for comparisons.
[[nodiscard]] QString bareMessageId(const QString &messageId);

} // namespace Mailtrail::Ui
