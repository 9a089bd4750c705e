// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tracking/RecipientTimeline.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Mailtrail::Tracking {

/// A sent message with its recipients' timelines, as the model and the CLI show it.
struct TrackedMessage
{
    qint64 id = 0;
    QString account;
    QString messageId;
    QString envid;
    QString subject;
    QString sender;
    bool dsnSupported = true;
    bool readReceiptRequested = false;
    QString queueId;
    QDateTime createdAt;
    QDateTime submittedAt; ///< invalid while queued
    QList<qint64> recipientIds;
    QList<RecipientTimeline> recipients;
    /// kOriginMailtrail, or kOriginElsewhere: found in the Sent folder, sent by another program.
    QString origin;
    qint64 resendOf = 0;       ///< the message this one re-sends ("resend of …"), 0: none
    QList<qint64> resentAs;    ///< messages that re-send this one ("resent as …")
};

inline constexpr QLatin1StringView kOriginMailtrail("mailtrail");
inline constexpr QLatin1StringView kOriginElsewhere("elsewhere");

/// A report mail as stored.
struct StoredReport
{
    qint64 id = 0;
    bool isNew = false; ///< false: the same bytes were stored before
    QString sha256;     ///< of the raw bytes, lower-case hex: the report's identity
    QString kind;
    QString subject;
    QString from;
    QDateTime receivedAt;
    QString origin;
    qint64 sentMessageId = 0; ///< 0: unmatched
    QString matchMethod;
    double confidence = 0;
};

/// What has been sent and what came back, read-only: the questions the delivery panel, the
/// message list's reports, the composer's recipient advice and the CLI's reports ask of the
/// tracking store (TrackingStore implements it). Nothing here writes; evidence is added by
/// the sync and outbox code only.
class DeliveryRecords
{
public:
    virtual ~DeliveryRecords() = default;

    /// The last error, in words; empty after a successful call.
    [[nodiscard]] virtual QString lastError() const = 0;

    [[nodiscard]] virtual std::optional<StoredReport> report(qint64 reportId) const = 0;
    [[nodiscard]] virtual QByteArray reportRaw(qint64 reportId) const = 0;
    [[nodiscard]] virtual QList<StoredReport> unmatchedReports() const = 0;
    /// The stored report with exactly these bytes (a report mail shown from a folder).
    [[nodiscard]] virtual std::optional<StoredReport> reportWithBytes(const QByteArray &raw) const = 0;

    [[nodiscard]] virtual std::optional<TrackedMessage> message(qint64 sentMessageId) const = 0;
    /// Sent messages, newest first; @p account empty for all.
    [[nodiscard]] virtual QList<TrackedMessage> messages(const QString &account = {}, int limit = -1) const = 0;
    /// The sender's own cached copy of a sent message (rowid of `messages`); 0: none cached.
    [[nodiscard]] virtual qint64 senderCopy(qint64 sentMessageId) const = 0;

    /// Every message with @p address among its recipients (any case), oldest first.
    [[nodiscard]] virtual QList<TrackedMessage> messagesTo(const QString &address) const = 0;
    /// The domains (lower case) of addresses with trusted delivery proof.
    [[nodiscard]] virtual QStringList deliveredDomains() const = 0;
    /// Every recipient address ever sent to, newest first, without duplicates.
    [[nodiscard]] virtual QStringList knownRecipients() const = 0;

protected:
    DeliveryRecords() = default;
    DeliveryRecords(const DeliveryRecords &) = default;
    DeliveryRecords &operator=(const DeliveryRecords &) = default;
};

} // namespace Mailtrail::Tracking
