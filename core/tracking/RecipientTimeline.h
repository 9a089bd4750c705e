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

/// The state of a recipient at a moment, with the evidence that decided it.
struct DerivedState
{
    DeliveryState state = DeliveryState::Queued;
    /// Index into RecipientTimeline::events() of the deciding evidence, -1 for none.
    int decidingEvent = -1;
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
    /// Rules, applied to the events in time order (ties: append order):
    /// - SMTP refusal → rejected; acceptance → accepted (only from queued).
    /// - delayed replaces queued/accepted/delayed/relayed-less states only; it never undoes
    ///   a final outcome.
    /// - relayed / expanded / delivered / failed are final DSN outcomes: a later one
    ///   replaces an earlier one (a mail re-sent by the MTA, a late failure after relaying),
    ///   but none replaces reader evidence.
    /// - MDN dispositions replace everything but a reply; a later disposition replaces an
    ///   earlier one (displayed, then deleted).
    /// - a reply replaces everything.
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
