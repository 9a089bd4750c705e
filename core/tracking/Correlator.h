// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Mailtrail::Tracking {

/// The keys recorded for one sent message at submission (DESIGN.md "Matching keys").
struct SentMessageKeys
{
    qint64 id = 0;          ///< the tracking store's id of the sent message
    QString messageId;      ///< without angle brackets
    QString envid;          ///< RFC 3461 ENVID as sent (decoded, not xtext)
    QString subject;
    QDateTime submittedAt;
    /// Envelope recipients, in RCPT order.
    QStringList recipients;
    /// ORCPT per recipient (the address part, decoded), same order; empty when not sent.
    QStringList originalRecipients;
    /// The tracking store's row id of each recipient, same order (empty outside the store).
    QList<qint64> recipientIds;
};

/// What correlation needs to know about one recipient record of a report.
struct ReportRecipientKeys
{
    QString originalRecipient; ///< Original-Recipient address (RFC 3464 §2.3.1), type stripped
    QString finalRecipient;    ///< Final-Recipient address (RFC 3464 §2.3.2), type stripped
};

/// What correlation needs to know about a report (built from a parsed DeliveryReport).
struct ReportKeys
{
    QString envid;                 ///< Original-Envelope-Id (RFC 3464 §2.2.1)
    QString returnedMessageId;     ///< Message-ID of the returned message or headers
    QString originalMessageId;     ///< MDN Original-Message-ID (RFC 8098 §3.2.5)
    QStringList inReplyTo;         ///< of the report mail itself
    QStringList references;        ///< of the report mail itself
    QString returnedSubject;       ///< Subject of the returned message or headers
    QString subject;               ///< Subject of the report mail
    QDateTime date;                ///< when the report was written (Date, Arrival-Date)
    QList<ReportRecipientKeys> recipients;
};

/// How a report was matched to a sent message, strongest first (DESIGN.md correlation order).
enum class MatchMethod { Envid, ReturnedMessageId, OriginalMessageId, References, Heuristic };
QString matchMethodName(MatchMethod method);

/// The result of correlating one report.
struct Correlation
{
    qint64 sentMessageId = 0;
    /// The store's recipient row ids of the matched message (SentMessageKeys::recipientIds).
    QList<qint64> recipientIds;
    MatchMethod method = MatchMethod::Envid;
    /// For a key match 1.0 (0.9 for References); a heuristic match stays below
    /// kHeuristicMatchCeiling (Evidence.h), so its evidence is only possible.
    double confidence = 0;
    /// Why a heuristic match was made, in words for the user; empty for key matches.
    QString reason;
    /// For each report recipient record (same order): index into the sent message's
    /// recipients, or -1 when that record names nobody we sent to.
    QList<int> recipientIndexes;
};

/// Lookup of sent messages by their matching keys. TrackingStore implements it over SQLite
/// (the only implementation: tests use a store in a temporary directory).
class SentIndex
{
public:
    virtual ~SentIndex() = default;
    virtual std::optional<SentMessageKeys> byEnvid(const QString &envid) const = 0;
    virtual std::optional<SentMessageKeys> byMessageId(const QString &messageId) const = 0;
    /// Sent messages with @p recipient among their envelope recipients, submitted in
    /// [from, to], newest first.
    virtual QList<SentMessageKeys> byRecipient(const QString &recipient, const QDateTime &from,
                                               const QDateTime &to) const = 0;
};

/// Normalises an address for comparison: strips an address-type prefix ("rfc822;"),
/// angle brackets and white space, and lower-cases the domain (local parts are
/// case-sensitive in principle, but compared case-insensitively in practice, RFC 5321 §2.4).
QString normalizeAddress(const QString &address);
/// Normalises a Message-ID for comparison: strips angle brackets and white space.
QString normalizeMessageId(const QString &messageId);

/// Correlates reports with sent messages in the order DESIGN.md gives: ENVID → Message-ID
/// of the returned message → MDN Original-Message-ID → In-Reply-To / References →
/// heuristic (returned subject, recipient, time window) with a confidence below 1.
class Correlator
{
public:
    explicit Correlator(const SentIndex &index);

    /// How long after submission a report may still be matched heuristically.
    void setHeuristicWindowDays(int days) { m_windowDays = days; }

    [[nodiscard]] std::optional<Correlation> correlate(const ReportKeys &report) const;

    /// Matches report recipient records to the sent message's recipients:
    /// Original-Recipient against our ORCPT, then Final-Recipient against the envelope
    /// recipient, then — when the message had exactly one recipient — that one.
    [[nodiscard]] static QList<int> matchRecipients(const SentMessageKeys &sent,
                                                    const QList<ReportRecipientKeys> &records);

private:
    std::optional<Correlation> heuristic(const ReportKeys &report) const;

    const SentIndex &m_index;
    int m_windowDays = 14;
};

} // namespace Mailtrail::Tracking
