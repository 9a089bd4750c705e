// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracking/DeliveryState.h"

#include "NameTable_p.h"

#include <array>
#include <utility>

namespace Mailtrail::Tracking {

namespace {

constexpr std::array<std::pair<DeliveryState, const char *>, 14> kNames{{
    {DeliveryState::Queued, "queued"},
    {DeliveryState::Rejected, "rejected"},
    {DeliveryState::Accepted, "accepted"},
    {DeliveryState::Delayed, "delayed"},
    {DeliveryState::Relayed, "relayed"},
    {DeliveryState::Expanded, "expanded"},
    {DeliveryState::Delivered, "delivered"},
    {DeliveryState::Failed, "failed"},
    {DeliveryState::Dispatched, "dispatched"},
    {DeliveryState::Processed, "processed"},
    {DeliveryState::Deleted, "deleted"},
    {DeliveryState::Displayed, "displayed"},
    {DeliveryState::Replied, "replied"},
    {DeliveryState::Overdue, "overdue"},
}};

} // namespace

QString stateName(DeliveryState state)
{
    return Detail::nameOf(kNames, state);
}

bool stateFromName(const QString &name, DeliveryState *state)
{
    return Detail::valueOf(kNames, name, state);
}

int severity(DeliveryState state)
{
    switch (state) {
    case DeliveryState::Rejected:
    case DeliveryState::Failed:
        return 100;
    case DeliveryState::Overdue:
        return 90;
    case DeliveryState::Delayed:
        return 80;
    case DeliveryState::Queued:
        return 70;
    case DeliveryState::Accepted:
        return 60;
    case DeliveryState::Relayed:
        return 50;
    case DeliveryState::Expanded:
        return 45;
    case DeliveryState::Delivered:
        return 40;
    case DeliveryState::Dispatched:
    case DeliveryState::Processed:
    case DeliveryState::Deleted:
        return 30;
    case DeliveryState::Displayed:
        return 20;
    case DeliveryState::Replied:
        return 10;
    }
    return 0;
}

int progress(DeliveryState state)
{
    switch (state) {
    case DeliveryState::Rejected:
    case DeliveryState::Failed:
        return 0;
    case DeliveryState::Queued:
        return 1;
    case DeliveryState::Accepted:
    case DeliveryState::Overdue:
        return 2;
    case DeliveryState::Delayed:
        return 3;
    case DeliveryState::Relayed:
    case DeliveryState::Expanded:
        return 4;
    case DeliveryState::Delivered:
        return 5;
    case DeliveryState::Dispatched:
    case DeliveryState::Processed:
    case DeliveryState::Deleted:
        return 6;
    case DeliveryState::Displayed:
        return 7;
    case DeliveryState::Replied:
        return 8;
    }
    return 0;
}

} // namespace Mailtrail::Tracking
