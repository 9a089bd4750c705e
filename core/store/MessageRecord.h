// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayList>
#include <QString>

#include <array>
#include <utility>

namespace Mailtrail::Store {

/// One cached message: its IMAP state (UID, flags, MODSEQ) and the header summary the
/// list and the delivery tracker need. Header fields are decoded (RFC 2047) text.
struct MessageRecord
{
    qint64 id = 0;
    qint64 folderId = 0;
    quint32 uid = 0;
    quint64 modseq = 0;
    QByteArrayList flags; ///< system flags and keywords as on the wire (`\Seen`, `$MDNSent`)
    quint32 size = 0;
    qint64 date = 0; ///< Date: header, seconds since the epoch; 0 if absent or unparsable
    QString subject;
    QString fromName;
    QString fromAddress;
    QString toAddresses; ///< addr-specs, ", " separated
    QString ccAddresses;
    /// Bcc addr-specs, ", " separated: only a sender's copy has them (RFC 5322 §3.6.3).
    QString bccAddresses;
    QString messageId;   ///< with angle brackets, as in the header
    QString inReplyTo;
    QString references;  ///< message ids, space separated
    QString contentType; ///< type/subtype, lower case, e.g. "multipart/report"
    bool looksLikeReport = false;
    /// Read-receipt request (RFC 8098 §2.1): Disposition-Notification-To addr-specs, ", "
    /// separated; empty when none was requested.
    QString dispositionNotificationTo;
    QString dispositionNotificationOptions; ///< raw value (RFC 8098 §2.2)
    QString returnPath;        ///< addr-spec of Return-Path; "<>" for the null path; empty if absent
    QString originalRecipient; ///< raw Original-Recipient value (RFC 8098 §2.3)

    [[nodiscard]] bool isSeen() const { return flags.contains("\\Seen"); }
    bool operator==(const MessageRecord &) const = default;
};

/// One message as the cache stores it: the numbers, and every text column as UTF-8 in one
/// buffer. The first sync builds 100,000 of these and hands them to the cache writer; one
/// allocation per message, instead of a QString per field and a UTF-8 copy of each for
/// SQLite, is what keeps that sync close to a raw FETCH (issue 4 benchmark).
class CacheRow
{
public:
    enum Text : quint8 {
        Flags, ///< system flags and keywords, space separated
        Subject,
        FromName,
        FromAddress,
        ToAddresses,
        CcAddresses,
        MessageId,
        InReplyTo,
        References,
        ContentType,
        DispositionNotificationTo,
        DispositionNotificationOptions,
        ReturnPath,
        OriginalRecipient,
        BccAddresses,
        TextCount
    };

    quint32 uid = 0;
    quint64 modseq = 0;
    quint32 size = 0;
    qint64 date = 0;
    bool seen = false;
    bool looksLikeReport = false;
    /// The tracking scan has yet to look at the message (messages.tracking_pending). A new
    /// message is pending unless its writer knows the scan would find nothing in it
    /// (Sync::TrackingScan::needsLook()).
    bool trackingPending = true;

    /// UTF-8 text of a column; empty when never set.
    [[nodiscard]] QByteArrayView text(Text column) const
    {
        const auto [start, length] = m_spans[column];
        return QByteArrayView(m_text.constData() + start, length);
    }
    void setText(Text column, QByteArrayView utf8);
    void setText(Text column, QStringView text);
    /// Starts a column that the caller then extends with appendText(); replaces earlier text.
    void beginText(Text column);
    void appendText(Text column, QByteArrayView utf8);
    void appendText(Text column, QStringView text);
    /// Sets the Flags column (space separated) and `seen`.
    void setFlags(const QByteArrayList &flags);
    /// Room for @p bytes of text in all without reallocating.
    void reserve(qsizetype bytes)
    {
        if (m_text.capacity() < bytes)
            m_text.reserve(bytes);
    }
    [[nodiscard]] qsizetype textSize() const { return m_text.size(); }

    /// The same message as a MessageRecord (id and folderId stay 0).
    [[nodiscard]] MessageRecord toRecord() const;
    [[nodiscard]] static CacheRow fromRecord(const MessageRecord &record);

private:
    QByteArray m_text;
    std::array<std::pair<quint32, quint32>, TextCount> m_spans{};
};

/// `\Recent` (RFC 3501 §2.3.2; gone in RFC 9051) belongs to one session, not to the
/// message: Cyrus reports it for ever, Courier only to the first session. The cache never
/// stores it, so it neither sticks nor makes every later session look like a flag change.
[[nodiscard]] bool isSessionFlag(QByteArrayView flag);
/// @p flags without the session flags (isSessionFlag()), in their order.
[[nodiscard]] QByteArrayList storedFlags(QByteArrayList flags);

/// Header fields that sync fetches for the summary (BODY.PEEK[HEADER.FIELDS (…)]).
[[nodiscard]] QByteArrayList summaryHeaderFields();

/// Fills the header-derived columns of @p row (every text column but Flags, `date` and
/// `looksLikeReport`) from a raw header block (RFC 5322 §2.2; folding, RFC 2047 encoded
/// words, 8-bit UTF-8 tolerated). Plain ASCII fields are copied without decoding.
void fillFromHeaders(CacheRow &row, QByteArrayView rawHeaders);

/// The same for a MessageRecord: its header-derived fields, and looksLikeReport.
void fillFromHeaders(MessageRecord &record, QByteArrayView rawHeaders);

/// Decodes RFC 2047 encoded words in an unstructured header value.
[[nodiscard]] QString decodeHeaderText(QByteArrayView value);

/// Whether the tracking scan must fetch and parse this message: Reports::mightBeReport()
/// (core/reports/ReportPreCheck.h), the one header-only pre-check. Content type, sender
/// address and subject are the decoded values, as UTF-8.
[[nodiscard]] bool looksLikeReport(QByteArrayView contentType, QByteArrayView autoSubmitted,
                                   QByteArrayView returnPath, QByteArrayView fromAddress,
                                   QByteArrayView subject);

} // namespace Mailtrail::Store
