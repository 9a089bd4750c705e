// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tracking/TrackingStore.h"

namespace Mailtrail::Tracking {

/// What the folder cache knows about a received mail, enough to see a reply.
struct ReceivedMail
{
    QString messageId;
    QString from; ///< the author's address
    QDateTime date;
    QStringList inReplyTo;
    QStringList references;
    bool isReport = false; ///< reports are handled by ReportIngest, never as replies
};

/// Records "replied" (DESIGN.md): a mail from one of the recipients of a sent message that
/// references it in In-Reply-To or References (RFC 5322 §3.6.4). Idempotent per reply
/// Message-ID. Returns true when an event was added.
bool recordReply(TrackingStore &store, const ReceivedMail &mail);

} // namespace Mailtrail::Tracking
