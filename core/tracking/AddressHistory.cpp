// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracking/AddressHistory.h"

#include "tracking/Correlator.h"
#include "tracking/Explanation.h"
#include "tracking/Trust.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

namespace Mailtrail::Tracking {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Mailtrail::Tracking", text);
}

bool isTemporaryStatus(const Evidence &e)
{
    if (!e.status.isEmpty())
        return e.status.startsWith(QLatin1Char('4'));
    return e.replyCode >= 400 && e.replyCode < 500;
}

bool isReadProof(const Evidence &e)
{
    return isTrusted(e) && (e.kind == EvidenceKind::Displayed || e.kind == EvidenceKind::Replied);
}

/// Newer by local receive order (Evidence::orderTime()); equal times: the later in the list.
template<typename Pred>
std::optional<Evidence> newest(const QList<Evidence> &events, Pred pred)
{
    std::optional<Evidence> found;
    for (const Evidence &e : events) {
        if (pred(e) && (!found || e.orderTime() >= found->orderTime()))
            found = e;
    }
    return found;
}

std::optional<qint64> median(QList<qint64> values)
{
    if (values.isEmpty())
        return std::nullopt;
    std::sort(values.begin(), values.end());
    const qsizetype mid = values.size() / 2;
    if (values.size() % 2 == 1)
        return values.at(mid);
    return (values.at(mid - 1) + values.at(mid)) / 2;
}

QString duration(qint64 seconds)
{
    const int s = int(seconds);
    const int minutes = int(seconds / 60);
    const int hours = int(seconds / 3600);
    const int days = int(seconds / 86400);
    if (seconds < 60)
        return QCoreApplication::translate("Mailtrail::Tracking", "%n s", nullptr, s);
    if (seconds < 3600)
        return QCoreApplication::translate("Mailtrail::Tracking", "%n min", nullptr, minutes);
    if (seconds < 86400)
        return QCoreApplication::translate("Mailtrail::Tracking", "%n h", nullptr, hours);
    return QCoreApplication::translate("Mailtrail::Tracking", "%n day(s)", nullptr, days);
}

QString statusOf(const Evidence &e)
{
    if (!e.status.isEmpty())
        return e.status;
    return e.replyCode > 0 ? QString::number(e.replyCode) : QString();
}

} // namespace

bool provesDelivery(const Evidence &evidence)
{
    if (!isTrusted(evidence))
        return false;
    switch (evidence.kind) {
    case EvidenceKind::Delivered:
    case EvidenceKind::Relayed:
    case EvidenceKind::Expanded:
    case EvidenceKind::Dispatched:
    case EvidenceKind::Processed:
    case EvidenceKind::Deleted:
    case EvidenceKind::Displayed:
    case EvidenceKind::Replied:
        return true;
    default:
        return false;
    }
}

bool isPermanentFailure(const Evidence &evidence)
{
    if (!isTrusted(evidence))
        return false;
    if (evidence.kind != EvidenceKind::Failed && evidence.kind != EvidenceKind::SubmissionRefused)
        return false;
    return !isTemporaryStatus(evidence);
}

bool isTemporaryProblem(const Evidence &evidence)
{
    if (evidence.kind == EvidenceKind::Delayed)
        return true;
    return (evidence.kind == EvidenceKind::Failed || evidence.kind == EvidenceKind::SubmissionRefused)
        && isTemporaryStatus(evidence);
}

std::optional<Evidence> knownBadEvidence(const QList<Evidence> &events)
{
    const auto failure = newest(events, isPermanentFailure);
    if (!failure)
        return std::nullopt;
    const auto delivery = newest(events, provesDelivery);
    if (delivery && delivery->orderTime() >= failure->orderTime())
        return std::nullopt;
    return failure;
}

AddressHistory addressHistory(const QString &address, const QList<TrackedMessage> &messages,
                              const QDateTime &now)
{
    AddressHistory h;
    h.address = address;
    const QString key = normalizeAddress(address);
    QList<Evidence> all;
    QList<qint64> toDelivery;
    QList<qint64> toRead;
    QDateTime newestMessage;
    for (const TrackedMessage &m : messages) {
        for (const RecipientTimeline &t : m.recipients) {
            if (normalizeAddress(t.address()) != key)
                continue;
            all.append(t.events());
            const bool submitted = m.submittedAt.isValid()
                || std::any_of(t.events().cbegin(), t.events().cend(),
                               [](const Evidence &e) { return e.kind != EvidenceKind::Queued; });
            if (submitted)
                ++h.sent;
            const DerivedState derived = t.derive(now);
            if (isFailure(derived.state))
                ++h.failed;
            const auto firstDelivery = std::find_if(t.events().cbegin(), t.events().cend(), provesDelivery);
            if (firstDelivery != t.events().cend()) {
                ++h.delivered;
                if (m.submittedAt.isValid())
                    toDelivery.append(std::max<qint64>(0, m.submittedAt.secsTo(firstDelivery->time)));
            }
            const auto firstRead = std::find_if(t.events().cbegin(), t.events().cend(), isReadProof);
            if (firstRead != t.events().cend()) {
                ++h.read;
                if (m.submittedAt.isValid())
                    toRead.append(std::max<qint64>(0, m.submittedAt.secsTo(firstRead->time)));
            }
            const QDateTime when = m.submittedAt.isValid() ? m.submittedAt : m.createdAt;
            if (!h.lastOutcome || when >= newestMessage) {
                newestMessage = when;
                h.lastOutcome = derived.state;
                h.lastOutcomeAt = derived.decidingEvent >= 0 ? t.events().at(derived.decidingEvent).time
                                                             : t.updated();
                h.lastOutcomeStatus = derived.decidingEvent >= 0
                    ? statusOf(t.events().at(derived.decidingEvent))
                    : QString();
                if (derived.state == DeliveryState::Overdue)
                    h.lastOutcomeAt = derived.overdueSince;
            }
        }
    }
    h.medianSecondsToDelivery = median(toDelivery);
    h.medianSecondsToRead = median(toRead);
    h.knownBad = knownBadEvidence(all);
    const auto temporary = newest(all, isTemporaryProblem);
    const auto delivery = newest(all, provesDelivery);
    if (temporary && (!delivery || temporary->orderTime() > delivery->orderTime()))
        h.temporaryProblem = temporary;
    return h;
}

AddressHistory addressHistory(const DeliveryRecords &store, const QString &address, const QDateTime &now)
{
    return addressHistory(address, store.messagesTo(address), now);
}

QString describeKnownBad(const Evidence &failure)
{
    const QString date = QLocale().toString(failure.time.toLocalTime().date(), QStringLiteral("d MMM yyyy"));
    const QString status = statusOf(failure);
    QString what = failure.status.isEmpty() ? failure.diagnostic.simplified()
                                            : explainStatus(failure.status);
    if (what.isEmpty())
        what = describeEvidence(failure);
    const QString reason = status.isEmpty() ? what : status + QLatin1Char(' ') + what;
    if (!failure.reportingMta.isEmpty())
        return tr("Failed on %1: %2 (report from %3)").arg(date, reason, failure.reportingMta);
    if (failure.source == EvidenceSource::Smtp)
        return tr("Refused on %1: %2 (by the submission server)").arg(date, reason);
    return tr("Failed on %1: %2").arg(date, reason);
}

QString describeLastOutcome(const AddressHistory &history, const QDateTime &now)
{
    if (!history.lastOutcome)
        return {};
    const QString &status = history.lastOutcomeStatus;
    switch (*history.lastOutcome) {
    case DeliveryState::Delivered:
    case DeliveryState::Relayed:
    case DeliveryState::Expanded: {
        if (!history.lastOutcomeAt.isValid())
            return tr("delivered");
        const qint64 days = history.lastOutcomeAt.toLocalTime().date().daysTo(now.toLocalTime().date());
        if (days <= 0)
            return tr("delivered today");
        if (days == 1)
            return tr("delivered yesterday");
        const int n = int(days);
        return QCoreApplication::translate("Mailtrail::Tracking", "delivered %n days ago", nullptr, n);
    }
    case DeliveryState::Displayed:
    case DeliveryState::Deleted:
    case DeliveryState::Dispatched:
    case DeliveryState::Processed:
        return tr("read");
    case DeliveryState::Replied:
        return tr("replied");
    case DeliveryState::Failed:
        return status.isEmpty() ? tr("failed") : tr("failed %1").arg(status);
    case DeliveryState::Rejected:
        return status.isEmpty() ? tr("refused") : tr("refused %1").arg(status);
    case DeliveryState::Delayed:
        return tr("delayed");
    case DeliveryState::Overdue:
        return tr("no report (overdue)");
    case DeliveryState::Accepted:
        return tr("accepted, no report yet");
    case DeliveryState::Queued:
        return tr("queued");
    }
    return {};
}

QString describeHistory(const AddressHistory &history, const QDateTime &now)
{
    QStringList lines;
    lines << tr("Sent %1, delivered %2, read %3, failed %4")
                 .arg(history.sent)
                 .arg(history.delivered)
                 .arg(history.read)
                 .arg(history.failed);
    if (const QString last = describeLastOutcome(history, now); !last.isEmpty())
        lines << tr("Last outcome: %1").arg(last);
    if (history.medianSecondsToDelivery)
        lines << tr("Median time to delivery: %1").arg(duration(*history.medianSecondsToDelivery));
    if (history.medianSecondsToRead)
        lines << tr("Median time to read: %1").arg(duration(*history.medianSecondsToRead));
    if (history.knownBad)
        lines << describeKnownBad(*history.knownBad);
    return lines.join(QLatin1Char('\n'));
}

} // namespace Mailtrail::Tracking
