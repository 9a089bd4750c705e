// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tracking/Correlator.h"
#include "tracking/DeliveryRecords.h"
#include "tracking/RecipientTimeline.h"

#include <QByteArray>
#include <QSqlDatabase>

#include <optional>

namespace Mailtrail::Tracking {

/// One envelope recipient as submitted.
struct SentRecipient
{
    QString address;
    QString orcpt;  ///< ORCPT address as sent (decoded), empty when none
    QString notify; ///< RFC 3461 NOTIFY as sent: "SUCCESS,FAILURE,DELAY", "NEVER" or empty

    friend bool operator==(const SentRecipient &, const SentRecipient &) = default;
};

/// The matching keys of a message, recorded when it enters the outbox.
struct NewSentMessage
{
    QString account;
    QString messageId;
    QString envid;
    QString subject;
    QString sender;
    QString ret; ///< "HDRS", "FULL" or empty
    bool readReceiptRequested = false;
    QDateTime createdAt;
    QList<SentRecipient> recipients;
    /// The tracked message this one re-sends to its failed recipients (0: none).
    qint64 resendOf = 0;
};

/// Parses a NOTIFY value into what can be expected (RFC 3461 §4.1; no NOTIFY means the
/// server's default, FAILURE and possibly DELAY, never SUCCESS).
ReportRequest reportRequestFor(const QString &notify, bool dsnSupported, bool readReceipt);

/// The tracking store over an open SQLite database whose schema includes
/// resources/sql/NNN-tracking.sql. Evidence is append-only: there is no call that changes
/// or removes an event. Every write is one transaction.
class TrackingStore : public SentIndex, public DeliveryRecords
{
public:
    explicit TrackingStore(QSqlDatabase database);

    /// The connection, for callers that group several calls in one Store::Transaction.
    [[nodiscard]] QSqlDatabase database() const { return m_db; }

    /// The last error, in words; empty after a successful call.
    [[nodiscard]] QString lastError() const override { return m_lastError; }

    /// Records a message entering the outbox with a "queued" event for every recipient.
    /// Returns its id, or nullopt (lastError()) on failure.
    [[nodiscard]] std::optional<qint64> addSentMessage(const NewSentMessage &message);

    /// Records the submission: the time, whether DSN was supported, the queue id / final
    /// reply, and for each recipient (same order) its SMTP evidence.
    [[nodiscard]] bool recordSubmission(qint64 sentMessageId, const QDateTime &submittedAt,
                                        bool dsnSupported, const QString &queueId,
                                        const QString &finalReply,
                                        const QList<Evidence> &perRecipient);

    /// Appends evidence for a recipient. Returns true when stored, false when an event with
    /// the same dedupKey is already there (not an error) or on failure (lastError() set).
    bool appendEvidence(qint64 recipientId, const Evidence &evidence);
    /// The same, for the recipient of @p sentMessageId with envelope address @p address.
    /// False (lastError() set) when the message has no such recipient.
    bool appendEvidence(qint64 sentMessageId, const QString &address, const Evidence &evidence);

    /// Stores a report mail (deduplicated by the SHA-256 of its bytes).
    [[nodiscard]] std::optional<StoredReport> addReport(const QByteArray &raw, const QString &kind,
                                                        const QString &subject, const QString &from,
                                                        const QDateTime &receivedAt,
                                                        const QString &origin);
    [[nodiscard]] bool setReportMatch(qint64 reportId, qint64 sentMessageId,
                                      const QString &method, double confidence);
    [[nodiscard]] std::optional<StoredReport> report(qint64 reportId) const override;
    [[nodiscard]] QByteArray reportRaw(qint64 reportId) const override;
    [[nodiscard]] QList<StoredReport> unmatchedReports() const override;
    /// The stored report with exactly these bytes (a report mail shown from a folder).
    [[nodiscard]] std::optional<StoredReport> reportWithBytes(const QByteArray &raw) const override;

    [[nodiscard]] std::optional<TrackedMessage> message(qint64 sentMessageId) const override;
    /// Sent messages, newest first; @p account empty for all.
    [[nodiscard]] QList<TrackedMessage> messages(const QString &account = {}, int limit = -1) const override;
    [[nodiscard]] std::optional<qint64> messageIdForHeader(const QString &messageIdHeader) const;
    /// The sender's own cached copy of a sent message (rowid of `messages`): the copy with
    /// its Message-ID in a folder of the account it was sent from, a Sent folder first. Never
    /// a copy in another account of the profile (a recipient's, with the same Message-ID).
    /// 0 when the sending account has none cached.
    [[nodiscard]] qint64 senderCopy(qint64 sentMessageId) const override;

    /// The user confirms a possible event (Evidence::isPossible()): from now on it decides
    /// like any other. Recorded beside the event (the log stays append-only). Returns the
    /// sent message the event belongs to; confirming an event that decides already, or
    /// twice, changes nothing and succeeds. nullopt (lastError()) for an unknown id.
    [[nodiscard]] std::optional<qint64> confirmEvidence(qint64 evidenceId, const QDateTime &at);

    /// Every message with @p address among its recipients (any case), oldest first.
    [[nodiscard]] QList<TrackedMessage> messagesTo(const QString &address) const override;
    /// The domains (lower case) of addresses with trusted delivery proof (AddressHistory's
    /// provesDelivery()), for the domain typo check.
    [[nodiscard]] QStringList deliveredDomains() const override;
    /// Every recipient address ever sent to, newest first, without duplicates.
    [[nodiscard]] QStringList knownRecipients() const override;

    /// Records a message found in the Sent folder that Mailtrail did not send: origin
    /// "elsewhere", submitted at @p sentAt, no reports requested, and per recipient one event
    /// "sent from another program". Returns its id, or nullopt (lastError()).
    [[nodiscard]] std::optional<qint64> addSentElsewhere(const NewSentMessage &message,
                                                         const QDateTime &sentAt);

    // SentIndex
    std::optional<SentMessageKeys> byEnvid(const QString &envid) const override;
    std::optional<SentMessageKeys> byMessageId(const QString &messageId) const override;
    QList<SentMessageKeys> byRecipient(const QString &recipient, const QDateTime &from,
                                       const QDateTime &to) const override;

private:
    std::optional<SentMessageKeys> keysFor(qint64 sentMessageId) const;
    bool fail(const QString &what, const QString &error) const;
    QList<TrackedMessage> load(const QString &where, const QVariantList &bindings) const;

    QSqlDatabase m_db;
    mutable QString m_lastError;
};

} // namespace Mailtrail::Tracking
