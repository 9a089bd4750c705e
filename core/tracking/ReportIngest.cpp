// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracking/ReportIngest.h"

#include "mime/HeaderReader.h"
#include "reports/DeliveryReport.h"
#include "reports/ReportParser.h"
#include "store/Database.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QRegularExpression>

namespace Mailtrail::Tracking {

using Reports::DeliveryAction;
using Reports::DeliveryReport;
using Reports::ReportKind;

QString decodeXtext(const QString &xtext)
{
    QByteArray out;
    (void)Mime::decodeXtext(xtext.toUtf8(), &out, Mime::Xtext::Lenient);
    return QString::fromUtf8(out).trimmed();
}

QDateTime parseMailDate(const QString &text)
{
    const std::optional<qint64> seconds = Mime::parseDate(text.toUtf8());
    return seconds ? QDateTime::fromSecsSinceEpoch(*seconds, Qt::UTC) : QDateTime();
}

namespace {

EvidenceKind kindForRecord(const Reports::RecipientRecord &record, bool *known)
{
    *known = true;
    // A delay report that says the system gave up is final (issue #15 §2): effectiveAction.
    switch (Reports::effectiveAction(record)) {
    case DeliveryAction::Failed:
        return EvidenceKind::Failed;
    case DeliveryAction::Delayed:
        return EvidenceKind::Delayed;
    case DeliveryAction::Delivered:
        return EvidenceKind::Delivered;
    case DeliveryAction::Relayed:
        return EvidenceKind::Relayed;
    case DeliveryAction::Expanded:
        return EvidenceKind::Expanded;
    case DeliveryAction::Unknown:
        break;
    }
    *known = false;
    return EvidenceKind::Failed;
}

bool kindForDisposition(const QString &type, EvidenceKind *kind)
{
    if (type == QLatin1String("displayed"))
        *kind = EvidenceKind::Displayed;
    else if (type == QLatin1String("deleted"))
        *kind = EvidenceKind::Deleted;
    else if (type == QLatin1String("dispatched"))
        *kind = EvidenceKind::Dispatched;
    else if (type == QLatin1String("processed"))
        *kind = EvidenceKind::Processed;
    else
        return false;
    return true;
}

} // namespace

ReportIngest::ReportIngest(TrackingStore &store, Clock clock)
    : m_store(store)
    , m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentDateTimeUtc(); }))
{
}

IngestResult ReportIngest::ingest(const IncomingMail &mail)
{
    return ingest(mail, Reports::parseDeliveryReport(mail.raw));
}

IngestResult ReportIngest::ingest(const IncomingMail &mail, const DeliveryReport &report)
{
    IngestResult result;
    if (!report.isDeliveryEvidence())
        return result;

    // One transaction per report: its evidence is recorded whole or not at all.
    Store::Transaction transaction(m_store.database());
    if (!transaction.isActive()) {
        result.outcome = IngestResult::Failed;
        result.error = QStringLiteral("Cannot start a transaction: %1")
                           .arg(m_store.database().lastError().text());
        return result;
    }

    // When Mailtrail got the report (its own clock): orders the evidence. The report's own
    // Date is the remote clock's word, kept as data.
    const QDateTime receivedAt = m_clock().toUTC();
    const QDateTime reportDate = mail.date.isValid() ? mail.date.toUTC() : receivedAt;
    const auto stored = m_store.addReport(mail.raw, Reports::kindName(report.kind), mail.subject,
                                          mail.from, reportDate, mail.origin);
    if (!stored) {
        result.outcome = IngestResult::Failed;
        result.error = m_store.lastError();
        return result;
    }
    result.reportId = stored->id;

    // Keys for correlation, and the recipient records in one list (an MDN has one).
    ReportKeys keys;
    keys.envid = decodeXtext(report.originalEnvelopeId);
    keys.returnedMessageId = report.returned.messageId;
    keys.returnedSubject = report.returned.subject;
    keys.originalMessageId = report.kind == ReportKind::Mdn ? report.mdn.originalMessageId : QString();
    keys.inReplyTo = mail.inReplyTo;
    keys.references = mail.references;
    keys.subject = mail.subject;
    keys.date = reportDate;
    if (report.kind == ReportKind::Mdn) {
        keys.recipients.append({report.mdn.originalRecipient.address,
                                report.mdn.finalRecipient.address});
    } else {
        for (const Reports::RecipientRecord &record : report.recipients)
            keys.recipients.append({record.originalRecipient.address, record.finalRecipient.address});
    }

    const auto correlation = Correlator(m_store).correlate(keys);
    if (!correlation) {
        result.outcome = IngestResult::Unmatched;
        if (!m_store.setReportMatch(stored->id, 0, QString(), 0) || !transaction.commit()) {
            result.outcome = IngestResult::Failed;
            result.error = m_store.lastError();
        }
        return result;
    }
    result.sentMessageId = correlation->sentMessageId;
    result.method = correlation->method;
    result.confidence = correlation->confidence;
    if (!m_store.setReportMatch(stored->id, correlation->sentMessageId,
                                matchMethodName(correlation->method), correlation->confidence)) {
        result.outcome = IngestResult::Failed;
        result.error = m_store.lastError();
        return result;
    }
    result.outcome = IngestResult::Matched;

    const QString reportKey = stored->sha256.left(32);

    for (qsizetype i = 0; i < correlation->recipientIndexes.size(); ++i) {
        const int index = correlation->recipientIndexes.at(i);
        if (index < 0 || index >= correlation->recipientIds.size()) {
            ++result.unmatchedRecipients;
            continue;
        }
        Evidence ev;
        ev.reportId = stored->id;
        ev.receivedAt = receivedAt;
        ev.confidence = correlation->confidence;
        ev.matchedBy = matchMethodName(correlation->method);
        ev.matchReason = correlation->reason;
        ev.reportingMta = report.reportingMta;
        ev.dedupKey = QStringLiteral("report:%1#%2").arg(reportKey).arg(i);
        if (report.kind == ReportKind::Mdn) {
            if (!kindForDisposition(report.mdn.disposition.type, &ev.kind)) {
                ++result.unmatchedRecipients;
                continue;
            }
            ev.source = EvidenceSource::Mdn;
            ev.automatic = report.mdn.disposition.actionMode == QLatin1String("automatic-action");
            ev.reportingMta = report.mdn.reportingUa; // the reader's mail program
            ev.time = reportDate;
        } else {
            const Reports::RecipientRecord &record = report.recipients.at(i);
            bool known = false;
            ev.kind = kindForRecord(record, &known);
            if (!known) {
                ++result.unmatchedRecipients;
                continue;
            }
            ev.source = report.kind == ReportKind::Bounce ? EvidenceSource::Bounce
                                                          : EvidenceSource::Dsn;
            ev.status = record.status;
            ev.replyCode = record.replyCode.toInt();
            ev.diagnostic = record.diagnostic;
            ev.remoteMta = record.remoteMta;
            ev.willRetryUntil = parseMailDate(record.willRetryUntil);
            // Last-Attempt-Date is when the outcome happened; without it the report's own
            // date is closer to it than Arrival-Date (when the MTA got the message).
            const QDateTime attempt = parseMailDate(record.lastAttemptDate);
            ev.time = attempt.isValid() ? attempt : reportDate;
            if (record.confidence > 0 && record.confidence < ev.confidence) {
                ev.confidence = record.confidence;
                if (ev.isPossible()) {
                    const QString why = QCoreApplication::translate(
                                            "Mailtrail::Tracking",
                                            "a bounce without machine-readable fields, read from "
                                            "its text (%1% sure)")
                                            .arg(qRound(record.confidence * 100));
                    ev.matchReason = ev.matchReason.isEmpty()
                        ? why
                        : QStringLiteral("%1; %2").arg(ev.matchReason, why);
                }
            }
        }
        if (m_store.appendEvidence(correlation->recipientIds.at(index), ev))
            ++result.eventsAdded;
        else if (!m_store.lastError().isEmpty()) {
            result.outcome = IngestResult::Failed;
            result.error = m_store.lastError();
            return result;
        }
    }
    if (!transaction.commit()) {
        result = IngestResult{};
        result.outcome = IngestResult::Failed;
        result.error = QStringLiteral("Cannot commit: %1").arg(m_store.database().lastError().text());
    }
    return result;
}

} // namespace Mailtrail::Tracking
