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

/// The one threshold between evidence that decides a recipient's state and evidence that is
/// only *possible* (issue #15 §2, DESIGN.md "A guess never decides").
///
/// Evidence.confidence is the lower of how sure the match to the sent message is (1.0 for
/// ENVID, the returned Message-ID or the MDN's Original-Message-ID, 0.9 for In-Reply-To /
/// References, at most kHeuristicMatchCeiling for a heuristic match by subject, recipient and
/// time window) and how sure the parser is of what the report says (1.0 for machine-readable
/// RFC 3464 / 8098 fields, 0.8 or 0.7 for a free-text bounce with a strong bounce signal and
/// an SMTP code, lower without). Evidence at or above this value decides the state; below it
/// the event is shown as "a report that may be about this message", with why it matched, and
/// changes nothing until the user confirms it (Evidence::confirmedAt).
inline constexpr double kDecidingConfidence = 0.7;

/// A heuristic correlation (no key matched) never reaches kDecidingConfidence, however good
/// the subject and time match: it is always only possible.
inline constexpr double kHeuristicMatchCeiling = 0.6;

/// One entry of a recipient's append-only evidence log.
struct Evidence
{
    /// Row id in the tracking store (0: not stored). `mailtrail-cli status --confirm ID`.
    qint64 id = 0;
    EvidenceKind kind = EvidenceKind::Queued;
    EvidenceSource source = EvidenceSource::Outbox;
    /// When it happened according to the evidence (Arrival-Date, Last-Attempt-Date, the
    /// report's Date, the SMTP reply time); falls back to when it was recorded. A remote
    /// clock: kept as data and shown, never used to order events.
    QDateTime time;
    /// When Mailtrail received / recorded it, from its own (injected) clock. Events are ordered
    /// by this (orderTime()), so a skewed remote clock cannot hide a failure behind an older
    /// success. Invalid for evidence not yet stored: then `time` orders it.
    QDateTime receivedAt;
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
    /// Why a guessed match was made, in words (heuristic or low-confidence evidence), e.g.
    /// "recipient bob@example.test, subject "Figures", 2 h after sending".
    QString matchReason;
    /// When the user confirmed this possible evidence (invalid: not confirmed).
    QDateTime confirmedAt;
    /// Row id of the stored raw report this came from (0: none).
    qint64 reportId = 0;
    /// Identity of the evidence for de-duplication: the same report seen twice (copied to
    /// another folder, re-synced) has the same key and adds no second event.
    QString dedupKey;

    /// Below kDecidingConfidence and not confirmed by the user: shown, but decides nothing.
    [[nodiscard]] bool isPossible() const
    {
        return confidence < kDecidingConfidence - 1e-9 && !confirmedAt.isValid();
    }
    /// The time events are ordered by: receivedAt, or `time` before the event is stored.
    [[nodiscard]] const QDateTime &orderTime() const { return receivedAt.isValid() ? receivedAt : time; }

    friend bool operator==(const Evidence &, const Evidence &) = default;
};

} // namespace Mailtrail::Tracking
