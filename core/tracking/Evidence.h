// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tracking/DeliveryState.h"

#include <QDateTime>
#include <QString>

namespace Mailtrail::Tracking {

/// Where a piece of evidence came from.
enum class EvidenceSource {
    Outbox, ///< queued locally
    Smtp,   ///< the submission server's reply to RCPT / data (RFC 5321)
    Dsn,    ///< an RFC 3464 delivery status notification
    Bounce, ///< a non-standard bounce, parsed heuristically
    Mdn,    ///< an RFC 8098 message disposition notification
    Reply,  ///< a reply mail from the recipient (In-Reply-To / References)
    Elsewhere, ///< found in the Sent folder: sent by another program, no reports requested
};

QString sourceName(EvidenceSource source);
[[nodiscard]] bool sourceFromName(const QString &name, EvidenceSource *source);

/// What one piece of evidence says about a recipient. Each kind maps to the state it
/// proves; "overdue" is never evidence, it is derived from the absence of evidence.
enum class EvidenceKind {
    Queued,
    SubmissionRefused,
    SubmissionAccepted,
    Delayed,
    Relayed,
    Expanded,
    Delivered,
    Failed,
    Dispatched,
    Processed,
    Deleted,
    Displayed,
    Replied,
};

QString kindName(EvidenceKind kind);
[[nodiscard]] bool kindFromName(const QString &name, EvidenceKind *kind);
/// The state a single piece of evidence proves on its own.
DeliveryState provenState(EvidenceKind kind);

/// One entry of a recipient's append-only evidence log.
struct Evidence
{
    EvidenceKind kind = EvidenceKind::Queued;
    EvidenceSource source = EvidenceSource::Outbox;
    /// When it happened according to the evidence (Arrival-Date, Last-Attempt-Date, the
    /// report's Date, the SMTP reply time); falls back to when it was recorded.
    QDateTime time;
    /// SMTP reply code (e.g. 550) and enhanced status (RFC 3463, e.g. "5.1.1"), if any.
    int replyCode = 0;
    QString status;
    /// Diagnostic or server text, in the words of the server.
    QString diagnostic;
    QString remoteMta;
    QString reportingMta;
    /// DSN Will-Retry-Until for delayed evidence (RFC 3464 §2.3.8).
    QDateTime willRetryUntil;
    /// MDN: the disposition was sent automatically (RFC 8098 §3.2.6.1).
    bool automatic = false;
    /// 1.0 for a key match (ENVID, Message-ID); lower for heuristic correlation.
    double confidence = 1.0;
    /// How the report was matched to the message ("envid", "message-id", …); empty for SMTP.
    QString matchedBy;
    /// Row id of the stored raw report this came from (0: none).
    qint64 reportId = 0;
    /// Identity of the evidence for de-duplication: the same report seen twice (copied to
    /// another folder, re-synced) has the same key and adds no second event.
    QString dedupKey;

    friend bool operator==(const Evidence &, const Evidence &) = default;
};

} // namespace Mailtrail::Tracking
