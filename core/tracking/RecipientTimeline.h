// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tracking/Evidence.h"

#include <QList>

#include <chrono>

namespace Mailtrail::Tracking {

/// What was asked of the mail system for one recipient at submission (RFC 3461 §4.1 NOTIFY,
/// RFC 8098 Disposition-Notification-To), and whether the server could honour it.
struct ReportRequest
{
    bool notifySuccess = true;
    bool notifyFailure = true;
    bool notifyDelay = true;
    /// The submission server advertised DSN (RFC 3461 §4). Without it no DSN can be expected.
    bool dsnSupported = true;
    bool readReceiptRequested = false;

    /// A success DSN can be expected: NOTIFY=SUCCESS was sent to a server that supports DSN.
    [[nodiscard]] bool expectsSuccessReport() const { return dsnSupported && notifySuccess; }

    friend bool operator==(const ReportRequest &, const ReportRequest &) = default;
};

/// When silence becomes "overdue" (DESIGN.md: a report was requested and none came).
struct DeadlinePolicy
{
    /// After acceptance, how long to wait for a success or failure DSN (default 24 h).
    std::chrono::seconds dsnDeadline = std::chrono::hours(24);
    /// After a delay DSN, how long past Will-Retry-Until (or past the delay report when the
    /// report gives none) before the recipient is overdue.
    std::chrono::seconds delayGrace = std::chrono::hours(24);
    /// How long to wait for a requested read receipt; zero: a missing read receipt is
    /// never overdue (readers may decline to send one, RFC 8098 §2.1).
    std::chrono::seconds readReceiptDeadline = std::chrono::seconds(0);

    friend bool operator==(const DeadlinePolicy &, const DeadlinePolicy &) = default;
};

/// What a newer piece of evidence does to the state a recipient has so far (precedence()).
enum class Precedence {
    Takes,    ///< it decides the state from now on
    Ignored,  ///< it is kept in the log and shown, but changes nothing (e.g. a late delay report)
    Conflict, ///< it contradicts the state (a reply after a failure): the state stays, and the
              ///< event is reported as DerivedState::conflictingEvent so the user sees both
};

/// Where a recipient stands, for the precedence table: the state so far, coarsened.
enum class Standing { Nothing, Queued, Rejected, Accepted, Delayed, Succeeded, Failed, Reader, Reply };

/// THE precedence table between states (issue #15 §2), in one place: what evidence of
/// @p incoming kind does when the recipient stands at @p current. Rows (current):
///   Nothing   → everything takes.
///   Queued    → everything but another "queued" takes.
///   Rejected  → a later refusal, a delay or a final DSN takes (the server did take the mail
///               after all); a later acceptance is ignored; reader evidence or a reply
///               conflicts (the failure stays; both are shown).
///   Accepted  → everything but "queued" takes.
///   Delayed   → a later delay, any final DSN, reader evidence and replies take; SMTP events
///               (which precede it in reality) are ignored.
///   Succeeded (delivered / relayed / expanded) → a later final DSN, reader evidence and
///               replies take; delays and SMTP events are ignored.
///   Failed    → a later failure takes (a newer report); a success DSN, reader evidence or a
///               reply conflicts: the failure is never turned into anything else silently.
///   Reader    → later reader evidence and replies take; a failure conflicts; the rest is
///               ignored.
///   Reply     → another reply takes; a failure conflicts; the rest is ignored.
/// A reply or a read receipt only ever concerns the recipient who sent it: it cannot hide
/// another recipient's failure (each recipient has its own timeline, and summarize() puts
/// failures first).
[[nodiscard]] Precedence precedence(Standing current, EvidenceKind incoming);
[[nodiscard]] Standing standingOf(EvidenceKind kind);

/// The state of a recipient at a moment, with the evidence that decided it.
struct DerivedState
{
    DeliveryState state = DeliveryState::Queued;
    /// Index into RecipientTimeline::events() of the deciding evidence, -1 for none. The
    /// status, reply code and diagnostic shown for the recipient come from this event only.
    int decidingEvent = -1;
    /// Index of the newest event that contradicts the state (Precedence::Conflict), -1 for
    /// none: shown beside the state ("failed, but a reply came").
    int conflictingEvent = -1;
    /// Indexes of possible evidence (Evidence::isPossible()): shown as "a report that may be
    /// about this message", deciding nothing until confirmed. In receive order.
    QList<int> possibleEvents;
    /// For Overdue: the moment the deadline passed.
    QDateTime overdueSince;

    friend bool operator==(const DerivedState &, const DerivedState &) = default;
};

/// One envelope recipient of a sent message: what was requested, and the append-only log
/// of evidence about it. The state shown is derived from the log (state()), never stored.
class RecipientTimeline
{
public:
    RecipientTimeline() = default;
    explicit RecipientTimeline(QString address, ReportRequest request = {});

    [[nodiscard]] const QString &address() const { return m_address; }
    [[nodiscard]] const ReportRequest &request() const { return m_request; }
    [[nodiscard]] const QList<Evidence> &events() const { return m_events; }

    /// Appends @p evidence unless an event with the same non-empty dedupKey is present.
    /// Returns false for such a duplicate. Evidence without a time gets none added here:
    /// callers set it (from the report or the injected clock).
    bool append(const Evidence &evidence);

    /// Derives the state at @p now (from an injected clock).
    ///
    /// The events are taken in the order Mailtrail received them (Evidence::orderTime(), the
    /// local clock; ties: append order), never by the remote Date / Last-Attempt-Date.
    /// Possible evidence (Evidence::isPossible()) is skipped and listed in possibleEvents.
    /// Each other event is put through precedence() against the standing so far.
    /// Then: accepted with a success DSN expected and none after policy.dsnDeadline, or
    /// delayed and still silent policy.delayGrace after Will-Retry-Until → overdue.
    [[nodiscard]] DerivedState derive(const QDateTime &now, const DeadlinePolicy &policy = {}) const;
    [[nodiscard]] DeliveryState state(const QDateTime &now, const DeadlinePolicy &policy = {}) const
    {
        return derive(now, policy).state;
    }

    /// Time of the newest event (invalid when there is none).
    [[nodiscard]] QDateTime updated() const;

    friend bool operator==(const RecipientTimeline &, const RecipientTimeline &) = default;

private:
    QString m_address;
    ReportRequest m_request;
    QList<Evidence> m_events;
};

/// Summary of a sent message over its recipients, for the message list.
struct MessageSummary
{
    DeliveryState worst = DeliveryState::Queued; ///< highest severity()
    DeliveryState best = DeliveryState::Queued;  ///< highest progress()
    int recipients = 0;
    int failed = 0;

    friend bool operator==(const MessageSummary &, const MessageSummary &) = default;
};

[[nodiscard]] MessageSummary summarize(const QList<DeliveryState> &states);

} // namespace Mailtrail::Tracking
