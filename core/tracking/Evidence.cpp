// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracking/Evidence.h"

#include "NameTable_p.h"

#include <array>
#include <utility>

namespace Mailtrail::Tracking {

using Detail::nameOf;
using Detail::valueOf;

namespace {

constexpr std::array<std::pair<EvidenceSource, const char *>, 7> kSources{{
    {EvidenceSource::Outbox, "outbox"},
    {EvidenceSource::Smtp, "smtp"},
    {EvidenceSource::Dsn, "dsn"},
    {EvidenceSource::Bounce, "bounce"},
    {EvidenceSource::Mdn, "mdn"},
    {EvidenceSource::Reply, "reply"},
    {EvidenceSource::Elsewhere, "elsewhere"},
}};

constexpr std::array<std::pair<EvidenceKind, const char *>, 13> kKinds{{
    {EvidenceKind::Queued, "queued"},
    {EvidenceKind::SubmissionRefused, "submission-refused"},
    {EvidenceKind::SubmissionAccepted, "submission-accepted"},
    {EvidenceKind::Delayed, "delayed"},
    {EvidenceKind::Relayed, "relayed"},
    {EvidenceKind::Expanded, "expanded"},
    {EvidenceKind::Delivered, "delivered"},
    {EvidenceKind::Failed, "failed"},
    {EvidenceKind::Dispatched, "dispatched"},
    {EvidenceKind::Processed, "processed"},
    {EvidenceKind::Deleted, "deleted"},
    {EvidenceKind::Displayed, "displayed"},
    {EvidenceKind::Replied, "replied"},
}};

} // namespace

QString sourceName(EvidenceSource source)
{
    return nameOf(kSources, source);
}

bool sourceFromName(const QString &name, EvidenceSource *source)
{
    return valueOf(kSources, name, source);
}

QString kindName(EvidenceKind kind)
{
    return nameOf(kKinds, kind);
}

bool kindFromName(const QString &name, EvidenceKind *kind)
{
    return valueOf(kKinds, name, kind);
}

DeliveryState provenState(EvidenceKind kind)
{
    switch (kind) {
    case EvidenceKind::Queued:
        return DeliveryState::Queued;
    case EvidenceKind::SubmissionRefused:
        return DeliveryState::Rejected;
    case EvidenceKind::SubmissionAccepted:
        return DeliveryState::Accepted;
    case EvidenceKind::Delayed:
        return DeliveryState::Delayed;
    case EvidenceKind::Relayed:
        return DeliveryState::Relayed;
    case EvidenceKind::Expanded:
        return DeliveryState::Expanded;
    case EvidenceKind::Delivered:
        return DeliveryState::Delivered;
    case EvidenceKind::Failed:
        return DeliveryState::Failed;
    case EvidenceKind::Dispatched:
        return DeliveryState::Dispatched;
    case EvidenceKind::Processed:
        return DeliveryState::Processed;
    case EvidenceKind::Deleted:
        return DeliveryState::Deleted;
    case EvidenceKind::Displayed:
        return DeliveryState::Displayed;
    case EvidenceKind::Replied:
        return DeliveryState::Replied;
    }
    return DeliveryState::Queued;
}

} // namespace Mailtrail::Tracking
