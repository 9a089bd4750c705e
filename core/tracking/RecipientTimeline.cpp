// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracking/RecipientTimeline.h"

#include <algorithm>
#include <numeric>
#include <vector>

namespace Mailtrail::Tracking {

namespace {

constexpr int kStandings = 9;
constexpr int kIncoming = 8;

/// Column of the precedence table for an evidence kind.
int incomingColumn(EvidenceKind kind)
{
    switch (standingOf(kind)) {
    case Standing::Nothing:
    case Standing::Queued:
        return 0;
    case Standing::Rejected:
        return 1;
    case Standing::Accepted:
        return 2;
    case Standing::Delayed:
        return 3;
    case Standing::Succeeded:
        return 4;
    case Standing::Failed:
        return 5;
    case Standing::Reader:
        return 6;
    case Standing::Reply:
        return 7;
    }
    return 0;
}

constexpr Precedence T = Precedence::Takes;
constexpr Precedence I = Precedence::Ignored;
constexpr Precedence C = Precedence::Conflict;

// Incoming:                                  queued refused accepted delayed success failed reader reply
constexpr Precedence kTable[kStandings][kIncoming] = {
    /* Nothing   */ {T, T, T, T, T, T, T, T},
    /* Queued    */ {I, T, T, T, T, T, T, T},
    /* Rejected  */ {I, T, I, T, T, T, C, C},
    /* Accepted  */ {I, T, T, T, T, T, T, T},
    /* Delayed   */ {I, I, I, T, T, T, T, T},
    /* Succeeded */ {I, I, I, I, T, T, T, T},
    /* Failed    */ {I, I, I, I, C, T, C, C},
    /* Reader    */ {I, I, I, I, I, C, T, T},
    /* Reply     */ {I, I, I, I, I, C, I, T},
};

QDateTime addSeconds(const QDateTime &time, std::chrono::seconds seconds)
{
    return time.addSecs(seconds.count());
}

} // namespace

RecipientTimeline::RecipientTimeline(QString address, ReportRequest request)
    : m_address(std::move(address))
    , m_request(request)
{
}

bool RecipientTimeline::append(const Evidence &evidence)
{
    if (!evidence.dedupKey.isEmpty()) {
        const bool duplicate = std::any_of(m_events.cbegin(), m_events.cend(), [&](const Evidence &e) {
            return e.dedupKey == evidence.dedupKey;
        });
        if (duplicate)
            return false;
    }
    m_events.append(evidence);
    return true;
}

Standing standingOf(EvidenceKind kind)
{
    switch (kind) {
    case EvidenceKind::Queued:
        return Standing::Queued;
    case EvidenceKind::SubmissionRefused:
        return Standing::Rejected;
    case EvidenceKind::SubmissionAccepted:
        return Standing::Accepted;
    case EvidenceKind::Delayed:
        return Standing::Delayed;
    case EvidenceKind::Relayed:
    case EvidenceKind::Expanded:
    case EvidenceKind::Delivered:
        return Standing::Succeeded;
    case EvidenceKind::Failed:
        return Standing::Failed;
    case EvidenceKind::Dispatched:
    case EvidenceKind::Processed:
    case EvidenceKind::Deleted:
    case EvidenceKind::Displayed:
        return Standing::Reader;
    case EvidenceKind::Replied:
        return Standing::Reply;
    }
    return Standing::Nothing;
}

Precedence precedence(Standing current, EvidenceKind incoming)
{
    return kTable[int(current)][incomingColumn(incoming)];
}

DerivedState RecipientTimeline::derive(const QDateTime &now, const DeadlinePolicy &policy) const
{
    std::vector<int> order(m_events.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [this](int a, int b) {
        return m_events.at(a).orderTime() < m_events.at(b).orderTime();
    });

    DerivedState result;
    Standing standing = Standing::Nothing;
    for (int index : order) {
        const Evidence &event = m_events.at(index);
        if (event.isPossible()) {
            result.possibleEvents.append(index);
            continue;
        }
        switch (precedence(standing, event.kind)) {
        case Precedence::Takes:
            result.state = provenState(event.kind);
            result.decidingEvent = index;
            standing = standingOf(event.kind);
            break;
        case Precedence::Conflict:
            result.conflictingEvent = index;
            break;
        case Precedence::Ignored:
            break;
        }
    }

    if (!now.isValid() || result.decidingEvent < 0)
        return result;
    const Evidence &deciding = m_events.at(result.decidingEvent);
    QDateTime deadline;
    if (result.state == DeliveryState::Accepted && m_request.expectsSuccessReport()) {
        deadline = addSeconds(deciding.time, policy.dsnDeadline);
    } else if (result.state == DeliveryState::Delayed) {
        const QDateTime base = deciding.willRetryUntil.isValid() ? deciding.willRetryUntil
                                                                 : deciding.time;
        deadline = addSeconds(base, policy.delayGrace);
    } else if (m_request.readReceiptRequested && policy.readReceiptDeadline.count() > 0
               && (result.state == DeliveryState::Delivered
                   || (result.state == DeliveryState::Accepted
                       && !m_request.expectsSuccessReport()))) {
        deadline = addSeconds(deciding.time, policy.readReceiptDeadline);
    }
    if (deadline.isValid() && now > deadline) {
        result.state = DeliveryState::Overdue;
        result.overdueSince = deadline;
    }
    return result;
}

QDateTime RecipientTimeline::updated() const
{
    QDateTime newest;
    for (const Evidence &event : m_events) {
        if (!newest.isValid() || event.time > newest)
            newest = event.time;
    }
    return newest;
}

MessageSummary summarize(const QList<DeliveryState> &states)
{
    MessageSummary summary;
    summary.recipients = int(states.size());
    bool first = true;
    for (DeliveryState state : states) {
        if (isFailure(state))
            ++summary.failed;
        if (first || severity(state) > severity(summary.worst))
            summary.worst = state;
        if (first || progress(state) > progress(summary.best))
            summary.best = state;
        first = false;
    }
    return summary;
}

} // namespace Mailtrail::Tracking
