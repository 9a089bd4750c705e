// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayList>
#include <QString>

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

/// Header fields that sync fetches for the summary (BODY.PEEK[HEADER.FIELDS (…)]).
[[nodiscard]] QByteArrayList summaryHeaderFields();

/// Fills the header-derived fields of @p record from a raw header block (RFC 5322 §2.2;
/// folding, RFC 2047 encoded words, 8-bit UTF-8 tolerated) and computes looksLikeReport.
void fillFromHeaders(MessageRecord &record, QByteArrayView rawHeaders);

/// Decodes RFC 2047 encoded words in an unstructured header value.
[[nodiscard]] QString decodeHeaderText(QByteArrayView value);

/// Cheap, header-only guess whether a message is a delivery/disposition report or
/// other automatic reply worth handing to the report parser: multipart/report
/// (RFC 6522), Auto-Submitted other than "no" (RFC 3834 §5), a null Return-Path,
/// a MAILER-DAEMON / postmaster sender, or a typical report subject.
[[nodiscard]] bool looksLikeReport(const QString &contentType, QByteArrayView autoSubmitted,
                                   QByteArrayView returnPath, const QString &fromAddress,
                                   const QString &subject);

} // namespace Mailtrail::Store
