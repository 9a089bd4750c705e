// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "smtp/Envelope.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

// The outbox's rows as values (what a list of the outbox shows), apart from the store that
// writes them (sync/Outbox.h), so that a reader of the outbox needs no SQL.
namespace Mailtrail::Sync {

/// Where a message is in the outbox (table `outbox`, resources/sql/110-outbox.sql).
enum class OutboxState
{
    Queued, ///< waiting for its next attempt
    Transmitting, ///< the data is being sent; recorded before the final dot
    Uncertain, ///< "may have been sent": never resent without the user deciding
    Sent, ///< the server accepted it for at least one recipient
    Failed, ///< permanently refused; lastError has the server's words
};

/// The copy in the IMAP Sent folder, tracked apart from the SMTP state so that a failed
/// APPEND is retried without ever repeating the submission.
enum class SentCopyState
{
    None,
    Pending,
    Done,
    Failed
};

[[nodiscard]] QString outboxStateName(OutboxState state);
[[nodiscard]] std::optional<OutboxState> outboxStateFromName(const QString &name);
[[nodiscard]] QString sentCopyStateName(SentCopyState state);

/// One envelope recipient and, after a submission, what the server said about it.
struct OutboxRecipient
{
    QString address;
    QString notify; ///< "SUCCESS,FAILURE,DELAY", "NEVER" or empty (no DSN requested)
    QString orcpt;
    bool accepted = false;
    int replyCode = 0;
    QString status; ///< enhanced status code, e.g. "5.1.1"
    QString text;
    bool operator==(const OutboxRecipient &) const = default;
};

/// One message of the outbox.
struct OutboxEntry
{
    qint64 id = 0;
    QString account;
    qint64 sentMessageId = 0; ///< the tracking record (TrackingStore)
    QByteArray messageId; ///< with angle brackets
    QByteArray envid;
    QString mailFrom; ///< empty: null reverse path (MAIL FROM:<>), for reports
    bool requestDsn = true;
    Smtp::DsnReturn ret = Smtp::DsnReturn::Headers;
    QString subject;
    QByteArray bytes; ///< loaded by entry(); empty in list()
    OutboxState state = OutboxState::Queued;
    int attempts = 0;
    QDateTime nextAttemptAt;
    QString lastError;
    QDateTime createdAt;
    QDateTime submittedAt;
    bool dsnSupported = false;
    QString queueId;
    QString finalReply;
    SentCopyState sentCopy = SentCopyState::None;
    int sentCopyAttempts = 0;
    QDateTime sentCopyNextAt;
    QString sentCopyError;
    QList<OutboxRecipient> recipients;
    QString leaseOwner; ///< the sender that leased the row ("" = none)
    QDateTime leaseExpiresAt;
    qint64 retryOf = 0; ///< the row whose deferred recipients this one retries (0: none)
    QDateTime expiresAt; ///< the end of the queue lifetime (invalid: none)

    /// The SMTP envelope to submit with.
    [[nodiscard]] Smtp::Envelope envelope() const;
};

} // namespace Mailtrail::Sync
