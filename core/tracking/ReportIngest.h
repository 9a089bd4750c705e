// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tracking/TrackingStore.h"

#include <QByteArray>
#include <QDateTime>
#include <QStringList>

#include <functional>

namespace Mailtrail::Reports {
struct DeliveryReport;
}

namespace Mailtrail::Tracking {

/// A mail that may be a report, with what the folder cache already knows about it.
struct IncomingMail
{
    QByteArray raw;
    /// Where it was seen ("account/folder/uid"), kept with the report for the user.
    QString origin;
    /// The report mail's own Date, In-Reply-To and References (from the cache or headers).
    QDateTime date;
    QStringList inReplyTo;
    QStringList references;
    QString subject;
    QString from;
};

/// What became of one mail.
struct IngestResult
{
    enum Outcome {
        NotEvidence, ///< not a DSN, MDN or bounce (ordinary mail, auto-reply, feedback)
        Matched,     ///< correlated with a sent message; evidence recorded
        Unmatched,   ///< a report that matches nothing we sent: kept and listed
        Failed,      ///< the store failed (error says why); nothing half-recorded
    };
    Outcome outcome = NotEvidence;
    qint64 reportId = 0;
    qint64 sentMessageId = 0;
    MatchMethod method = MatchMethod::Envid;
    double confidence = 0;
    /// Evidence events added now (0 when the same report was seen before).
    int eventsAdded = 0;
    /// Report records naming nobody we sent the message to.
    int unmatchedRecipients = 0;
    QString error;
};

/// Decodes RFC 3461 §4 xtext ("+2B" → "+").
QString decodeXtext(const QString &xtext);
/// Parses an RFC 5322 date-time as found in reports (comments and day names tolerated).
QDateTime parseMailDate(const QString &text);

/// Turns report mails into evidence: parse (core/reports), keep the raw report, correlate
/// (DESIGN.md order), and append one event per recipient record. Idempotent: the same mail
/// seen again (another folder, a re-sync) adds nothing.
class ReportIngest
{
public:
    using Clock = std::function<QDateTime()>;

    /// @p clock says when a report is received (Evidence::receivedAt, which orders the
    /// events); defaults to the system clock (UTC).
    explicit ReportIngest(TrackingStore &store, Clock clock = {});

    IngestResult ingest(const IncomingMail &mail);
    /// The same, for a report already parsed.
    IngestResult ingest(const IncomingMail &mail, const Reports::DeliveryReport &report);

private:
    TrackingStore &m_store;
    Clock m_clock;
};

} // namespace Mailtrail::Tracking
