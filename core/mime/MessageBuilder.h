// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mime/OutgoingMessage.h"

#include <QList>

namespace Mailtrail::Mime {

/// Builds RFC 5322 / MIME bytes for an OutgoingMessage with GMime.
///
/// Structure: text/plain (UTF-8, format=flowed, RFC 3676), inside multipart/alternative
/// with the HTML when there is one, the HTML inside multipart/related with its inline
/// images, all inside multipart/mixed when there are attachments. Transfer encodings
/// (RFC 2045 §6): 7bit when possible; 8bit text when the server offers 8BITMIME (RFC 6152)
/// and no line is longer than 998 octets; quoted-printable otherwise; base64 for every
/// attachment. Non-ASCII header text is RFC 2047 encoded, file names RFC 2231, except with
/// SMTPUTF8 (RFC 6531/6532) where the Subject is written as UTF-8. Bcc is only in the
/// envelope. The capabilities are the last ones seen for the account; when the server
/// turns out to offer less at send time, adaptToTransport() (TransportEncoding.h) re-encodes
/// the stored bytes. No tracking header but Disposition-Notification-To on request (RFC 8098).
class MessageBuilder
{
public:
    explicit MessageBuilder(TransportCapabilities capabilities = {});

    /// Default "Mailtrail/<version>"; empty: no User-Agent header.
    void setUserAgent(const QString &userAgent);

    [[nodiscard]] BuiltMessage build(const OutgoingMessage &message) const;

    /// A random msg-id (RFC 5322 §3.6.4) on `domain`: "<26 base32 characters@domain>", 128
    /// bits from the system random source. Non-ASCII domains become A-labels.
    [[nodiscard]] static QByteArray generateMessageId(const QString &domain);

    /// Keeps the first msg-id (the thread root) and the newest ones so that at most
    /// `maximum` remain (RFC 5322 §3.6.4 lets a References field be shortened).
    [[nodiscard]] static QList<QByteArray> trimReferences(const QList<QByteArray> &references,
                                                          int maximum = 20);

private:
    TransportCapabilities m_capabilities;
    QString m_userAgent;
};

} // namespace Mailtrail::Mime
