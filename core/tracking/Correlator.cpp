// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracking/Correlator.h"

#include "tracking/Evidence.h"

#include <QCoreApplication>

#include <QRegularExpression>
#include <QSet>

namespace Mailtrail::Tracking {

QString matchMethodName(MatchMethod method)
{
    switch (method) {
    case MatchMethod::Envid:
        return QStringLiteral("envid");
    case MatchMethod::ReturnedMessageId:
        return QStringLiteral("message-id");
    case MatchMethod::OriginalMessageId:
        return QStringLiteral("original-message-id");
    case MatchMethod::References:
        return QStringLiteral("references");
    case MatchMethod::Heuristic:
        return QStringLiteral("heuristic");
    }
    return {};
}

QString normalizeAddress(const QString &address)
{
    QString a = address.trimmed();
    // "rfc822; bob@example.test" / "utf-8;bob@example.test" (RFC 3464 §2.3.1, RFC 6533 §3)
    const qsizetype semicolon = a.indexOf(QLatin1Char(';'));
    const qsizetype at = a.indexOf(QLatin1Char('@'));
    if (semicolon >= 0 && (at < 0 || semicolon < at))
        a = a.mid(semicolon + 1).trimmed();
    if (a.startsWith(QLatin1Char('<')) && a.endsWith(QLatin1Char('>')))
        a = a.mid(1, a.size() - 2).trimmed();
    return a.toLower();
}

QString normalizeMessageId(const QString &messageId)
{
    QString id = messageId.trimmed();
    if (id.startsWith(QLatin1Char('<')))
        id.remove(0, 1);
    if (id.endsWith(QLatin1Char('>')))
        id.chop(1);
    return id.trimmed();
}

Correlator::Correlator(const SentIndex &index)
    : m_index(index)
{
}

QList<int> Correlator::matchRecipients(const SentMessageKeys &sent,
                                       const QList<ReportRecipientKeys> &records)
{
    QList<int> indexes;
    indexes.reserve(records.size());
    for (const ReportRecipientKeys &record : records) {
        int found = -1;
        const QString original = normalizeAddress(record.originalRecipient);
        if (!original.isEmpty()) {
            for (int i = 0; i < sent.originalRecipients.size() && found < 0; ++i) {
                if (normalizeAddress(sent.originalRecipients.at(i)) == original)
                    found = i;
            }
            for (int i = 0; i < sent.recipients.size() && found < 0; ++i) {
                if (normalizeAddress(sent.recipients.at(i)) == original)
                    found = i;
            }
        }
        const QString final = normalizeAddress(record.finalRecipient);
        for (int i = 0; i < sent.recipients.size() && found < 0 && !final.isEmpty(); ++i) {
            if (normalizeAddress(sent.recipients.at(i)) == final)
                found = i;
        }
        // A forwarding hop may rewrite Final-Recipient beyond recognition; with a single
        // recipient there is only one person the report can be about.
        if (found < 0 && sent.recipients.size() == 1)
            found = 0;
        indexes.append(found);
    }
    return indexes;
}

std::optional<Correlation> Correlator::correlate(const ReportKeys &report) const
{
    const auto matched = [&](const SentMessageKeys &sent, MatchMethod method, double confidence) {
        Correlation c;
        c.sentMessageId = sent.id;
        c.recipientIds = sent.recipientIds;
        c.method = method;
        c.confidence = confidence;
        c.recipientIndexes = matchRecipients(sent, report.recipients);
        return c;
    };

    if (!report.envid.isEmpty()) {
        if (const auto sent = m_index.byEnvid(report.envid))
            return matched(*sent, MatchMethod::Envid, 1.0);
    }
    if (!report.returnedMessageId.isEmpty()) {
        if (const auto sent = m_index.byMessageId(report.returnedMessageId))
            return matched(*sent, MatchMethod::ReturnedMessageId, 1.0);
    }
    if (!report.originalMessageId.isEmpty()) {
        if (const auto sent = m_index.byMessageId(report.originalMessageId))
            return matched(*sent, MatchMethod::OriginalMessageId, 1.0);
    }
    // In-Reply-To first, then References newest (last) first (RFC 5322 §3.6.4).
    QStringList referenced = report.inReplyTo;
    for (auto it = report.references.crbegin(); it != report.references.crend(); ++it)
        referenced.append(*it);
    for (const QString &id : std::as_const(referenced)) {
        if (const auto sent = m_index.byMessageId(id))
            return matched(*sent, MatchMethod::References, 0.9);
    }
    return heuristic(report);
}

namespace {

/// Subject without reply/forward prefixes and case, for the heuristic comparison.
QString comparableSubject(const QString &subject)
{
    static const QRegularExpression prefixes(
        QStringLiteral("^\\s*((re|fw|fwd|aw|wg|sv|vs|tr)\\s*(\\[\\d+\\])?\\s*:\\s*)+"),
        QRegularExpression::CaseInsensitiveOption);
    QString s = subject;
    s.remove(prefixes);
    return s.simplified().toCaseFolded();
}

} // namespace

std::optional<Correlation> Correlator::heuristic(const ReportKeys &report) const
{
    if (!report.date.isValid())
        return std::nullopt;
    const QDateTime from = report.date.addDays(-m_windowDays);
    const QDateTime to = report.date.addSecs(10 * 60); // clock skew between hosts
    const QString subject = comparableSubject(report.returnedSubject);

    std::optional<SentMessageKeys> best;
    QString bestAddress;
    bool bestSubject = false;
    double bestScore = 0;
    QSet<qint64> candidates;
    for (const ReportRecipientKeys &record : report.recipients) {
        for (const QString &address : {record.originalRecipient, record.finalRecipient}) {
            if (normalizeAddress(address).isEmpty())
                continue;
            const QList<SentMessageKeys> sentList = m_index.byRecipient(address, from, to);
            for (const SentMessageKeys &sent : sentList) {
                candidates.insert(sent.id);
                // Recipient and time window: weak on their own. A matching returned subject
                // makes it strong.
                double score = 0.4;
                const bool sameSubject = !subject.isEmpty() && comparableSubject(sent.subject) == subject;
                if (sameSubject)
                    score += 0.4;
                else if (!subject.isEmpty())
                    score -= 0.2;
                if (!best || score > bestScore) {
                    best = sent;
                    bestScore = score;
                    bestAddress = normalizeAddress(address);
                    bestSubject = sameSubject;
                }
            }
        }
    }
    if (!best || bestScore < 0.4)
        return std::nullopt;
    // Several candidates make the choice less certain.
    const double score = candidates.size() > 1 ? bestScore - 0.1 : bestScore;
    Correlation c;
    c.sentMessageId = best->id;
    c.recipientIds = best->recipientIds;
    c.method = MatchMethod::Heuristic;
    // A guess is never more than possible evidence (issue #15 §2).
    c.confidence = std::min(score * kHeuristicMatchCeiling / 0.8, kHeuristicMatchCeiling);
    const QString sentAt = best->submittedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
    c.reason = bestSubject
        ? QCoreApplication::translate("Mailtrail::Tracking",
                                      "no key matched; same recipient (%1) and subject (%2) as "
                                      "the message sent %3")
              .arg(bestAddress, best->subject, sentAt)
        : QCoreApplication::translate("Mailtrail::Tracking",
                                      "no key matched; same recipient (%1) as the message sent "
                                      "%2, within %3 days before the report")
              .arg(bestAddress, sentAt)
              .arg(m_windowDays);
    if (candidates.size() > 1)
        c.reason += QCoreApplication::translate("Mailtrail::Tracking",
                                                " (%n messages to that recipient fit)", nullptr,
                                                int(candidates.size()));
    c.recipientIndexes = matchRecipients(*best, report.recipients);
    return c;
}

} // namespace Mailtrail::Tracking
