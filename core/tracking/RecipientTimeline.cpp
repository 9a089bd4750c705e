// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracking/RecipientTimeline.h"

#include <algorithm>
#include <numeric>
#include <vector>

namespace Mailtrail::Tracking {

namespace {

enum class Stage { Local, Submission, InTransit, Final, Reader, Reply };

Stage stageOf(EvidenceKind kind)
{
    switch (kind) {
    case EvidenceKind::Queued:
        return Stage::Local;
    case EvidenceKind::SubmissionRefused:
    case EvidenceKind::SubmissionAccepted:
        return Stage::Submission;
    case EvidenceKind::Delayed:
        return Stage::InTransit;
    case EvidenceKind::Relayed:
    case EvidenceKind::Expanded:
    case EvidenceKind::Delivered:
    case EvidenceKind::Failed:
        return Stage::Final;
    case EvidenceKind::Dispatched:
    case EvidenceKind::Processed:
    case EvidenceKind::Deleted:
    case EvidenceKind::Displayed:
        return Stage::Reader;
    case EvidenceKind::Replied:
        return Stage::Reply;
    }
    return Stage::Local;
}

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

DerivedState RecipientTimeline::derive(const QDateTime &now, const DeadlinePolicy &policy) const
{
    std::vector<int> order(m_events.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [this](int a, int b) {
        return m_events.at(a).time < m_events.at(b).time;
    });

    DerivedState result;
    Stage stage = Stage::Local;
    bool rejected = false;
    for (int index : order) {
        const Evidence &event = m_events.at(index);
        const Stage eventStage = stageOf(event.kind);
        bool takes = false;
        switch (event.kind) {
        case EvidenceKind::Queued:
            takes = result.decidingEvent < 0;
            break;
        case EvidenceKind::SubmissionRefused:
            // A refusal at submission ends the story unless later evidence proves otherwise.
            takes = stage <= Stage::Submission;
            rejected = takes;
            break;
        case EvidenceKind::SubmissionAccepted:
            takes = stage <= Stage::Submission && !rejected;
            break;
        case EvidenceKind::Delayed:
            takes = stage <= Stage::InTransit;
            break;
        default:
            // Final outcomes, reader evidence, replies: a later one of the same stage or any
            // one of a later stage wins.
            takes = eventStage >= stage;
            break;
        }
        if (takes) {
            result.state = provenState(event.kind);
            result.decidingEvent = index;
            stage = std::max(stage, eventStage);
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
