// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mime/MessageBuilder.h"
#include "sync/OutboxEntry.h"
#include "smtp/Envelope.h"
#include "smtp/SubmissionResult.h"
#include "tracking/Evidence.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <functional>
#include <optional>

namespace Mailtrail::Sync {

/// What to enqueue: the message bytes and its envelope with the DSN request.
struct OutboxMessage
{
    QString account;
    QByteArray bytes;
    QByteArray messageId;
    QString subject;
    Smtp::Envelope envelope; ///< envid empty: a random one is generated here
    bool readReceiptRequested = false;
    /// Record a tracking entry (TrackingStore::addSentMessage). False for reports we send
    /// (MDNs): they are not tracked themselves. A report also has envelope.from empty (the
    /// null reverse path MAIL FROM:<>, RFC 8098 §2.1) and envelope.requestDsn false.
    bool track = true;
};

/// The outbox row for @p message as MessageBuilder built it: its bytes, Message-ID and
/// envelope, DSNs requested when @p requestDsn, every recipient with @p notify.
[[nodiscard]] OutboxMessage outboxMessage(const QString &account, const Mime::OutgoingMessage &message,
                                          const Mime::BuiltMessage &built, bool requestDsn,
                                          const Smtp::DsnNotify &notify);

/// Exponential backoff after a temporary failure: 1 min, 2, 4 … capped at 1 h.
[[nodiscard]] qint64 retryDelayMs(int attempts);

/// How long a sender's lease on a row lasts: one SMTP transaction, with a wide margin. A row
/// left in Transmitting is taken for "may have been sent" only after its lease ran out.
inline constexpr qint64 kOutboxLeaseMs = 30 * 60 * 1000;
/// How long recipients deferred at RCPT (4xx) are retried before they are given up (Postfix's
/// default maximal_queue_lifetime).
inline constexpr qint64 kQueueLifetimeMs = qint64(5) * 24 * 60 * 60 * 1000;

/// The outbox table. Every write is one transaction. Not thread-safe; one per connection.
class OutboxStore
{
public:
    using Clock = std::function<QDateTime()>;

    /// @p leaseOwner names this store's leases; empty: a random id, unique per store.
    explicit OutboxStore(QSqlDatabase db, Clock clock = {}, QString leaseOwner = {});

    [[nodiscard]] QString lastError() const { return m_lastError; }
    [[nodiscard]] QDateTime now() const;
    [[nodiscard]] QString leaseOwner() const { return m_owner; }

    /// Stores the message and its tracking record in ONE transaction, before any network
    /// traffic. Returns the outbox id, or nullopt (lastError()).
    [[nodiscard]] std::optional<qint64> enqueue(const OutboxMessage &message);

    [[nodiscard]] std::optional<OutboxEntry> entry(qint64 id) const;
    /// Without bytes; @p account empty for all; oldest first.
    [[nodiscard]] QList<OutboxEntry> list(const QString &account = {}) const;
    /// Queued messages of @p account whose next attempt is due at @p at (oldest first).
    [[nodiscard]] QList<qint64> due(const QString &account, const QDateTime &at) const;
    /// Sent messages whose Sent-folder copy is pending and due.
    [[nodiscard]] QList<qint64> sentCopiesDue(const QString &account, const QDateTime &at) const;

    /// Crash recovery: every message still in Transmitting whose lease has expired becomes
    /// Uncertain (a row another process is sending now keeps its state). Returns how many;
    /// call once at start-up, before any sending.
    int markInterrupted(const QString &account = {});

    /// Takes the lease on a Queued row for this store's owner, in one UPDATE that checks the
    /// row is still Queued and not leased by another owner whose lease is alive. False when
    /// someone else has it (then leave the row alone) or it is not Queued any more.
    bool claim(qint64 id);
    /// Gives a lease back without a state change (the row stays Queued).
    bool release(qint64 id);

    /// Replaces the bytes of a Queued message with a re-encoded form of the same message
    /// (Mime::adaptToTransport: same Message-ID), so that what the row holds is what is sent.
    bool replaceBytes(qint64 id, const QByteArray &bytes);
    /// The data is about to be sent (SubmissionJob entered SendingData): Queued → Transmitting.
    bool markTransmitting(qint64 id);
    /// The server accepted it: per-recipient results, state Sent, tracking evidence
    /// (SubmissionAccepted / SubmissionRefused from SMTP), Sent copy pending.
    bool recordSent(qint64 id, const Smtp::SubmissionResult &result);
    /// A temporary failure: back to Queued, one more attempt counted, the next one after
    /// retryDelayMs(attempts). For a row of deferred recipients (retryOf) each recipient's
    /// timeline gets "deferred by your mail server" with @p result's reply; past the queue
    /// lifetime they are given up instead (Failed).
    bool scheduleRetry(qint64 id, const QString &error, const Smtp::SubmissionResult &result = {});
    /// A permanent refusal: Failed with the server's words; each recipient gets
    /// SubmissionRefused evidence with the deciding reply.
    bool recordFailed(qint64 id, const QString &error, const Smtp::SubmissionResult &result);
    /// The connection was lost after the final dot: may have been sent.
    bool markUncertain(qint64 id, const QString &why);

    /// The user's decisions about an Uncertain (or Failed) message.
    bool resend(qint64 id); ///< back to Queued, due now
    /// The user says it went out: Sent, Sent copy pending, "marked as sent by you" in the
    /// recipients' timelines.
    bool markSent(qint64 id);
    /// Removed from the outbox (the tracking record stays, with "discarded by you" for the
    /// recipients it still had, so it no longer counts as queued). Refused while another
    /// sender holds a live lease on it or it is being transmitted.
    bool discard(qint64 id);

    /// Takes the lease on a pending Sent copy (as claim() does for the submission), so two
    /// processes never store the same copy twice.
    bool claimSentCopy(qint64 id);
    bool markSentCopyDone(qint64 id);
    /// A failed APPEND: retried after the backoff; after 10 attempts it is given up (Failed).
    bool scheduleSentCopyRetry(qint64 id, const QString &error);

private:
    /// Ids of @p account's messages whose "@p condition <= at" holds (a column comparison).
    [[nodiscard]] QList<qint64> idsDue(const QString &condition, const QString &account,
                                       const QDateTime &at) const;
    bool setState(
        qint64 id, OutboxState state, const QString &error, const QList<OutboxState> &from = {});
    bool fail(const QString &what, const QString &error) const;
    /// Appends @p evidence to the timelines of @p entry's recipients (by address).
    bool addEvidence(const OutboxEntry &entry, const QList<Tracking::Evidence> &evidence);
    /// Stores a row for @p deferred recipients of @p entry (same bytes, Message-ID, ENVID).
    bool queueDeferred(const OutboxEntry &entry, const QList<OutboxRecipient> &deferred, int attempts);

    QSqlDatabase m_db;
    Clock m_clock;
    QString m_owner;
    mutable QString m_lastError;
};

} // namespace Mailtrail::Sync
