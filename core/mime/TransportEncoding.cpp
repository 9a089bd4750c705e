// SPDX-License-Identifier: GPL-3.0-or-later
#include "mime/TransportEncoding.h"

#include "Ascii_p.h"
#include "mime/GMimeRuntime.h"
#include "mime/GObjectPtr_p.h"

namespace Mailtrail::Mime {

using Internal::GObjectPtr;
using Internal::memoryStream;
using Internal::ParserOptions;

namespace {

/// Where the header block ends (the empty line, RFC 5322 §2.1), or the whole message.
qsizetype headerEnd(const QByteArray &message)
{
    qsizetype end = message.size();
    for (const char *separator : { "\n\n", "\r\n\r\n" }) {
        const qsizetype at = message.indexOf(separator);
        if (at >= 0)
            end = std::min(end, at);
    }
    return end;
}

/// The first non-ASCII address in an address field; empty when there is none.
QString utf8LocalPart(InternetAddressList *list)
{
    const int count = internet_address_list_length(list);
    for (int i = 0; i < count; ++i) {
        InternetAddress *address = internet_address_list_get_address(list, i);
        if (INTERNET_ADDRESS_IS_GROUP(address)) {
            const QString inner = utf8LocalPart(
                internet_address_group_get_members(INTERNET_ADDRESS_GROUP(address)));
            if (!inner.isEmpty())
                return inner;
        } else if (INTERNET_ADDRESS_IS_MAILBOX(address)) {
            const QString addr = QString::fromUtf8(
                internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(address)));
            const int at = addr.lastIndexOf(QLatin1Char('@'));
            if (!isAscii(QStringView(addr).first(at < 0 ? addr.size() : at)))
                return addr;
        }
    }
    return {};
}

bool isAddressField(const QByteArray &name)
{
    static const QList<QByteArray> fields { "from", "sender", "reply-to", "to", "cc", "bcc",
        "resent-from", "resent-sender", "resent-to", "resent-cc", "resent-bcc",
        "disposition-notification-to" };
    return fields.contains(name.toLower());
}

/// RFC 2045 §6 / RFC 2046 §5.2.1: every leaf part 7-bit, also inside attached messages
/// (GMime's own encode stops at message/rfc822).
void encodeSevenBit(GMimeObject *object)
{
    if (GMIME_IS_MESSAGE(object)) {
        if (GMimeObject *body = g_mime_message_get_mime_part(GMIME_MESSAGE(object)))
            encodeSevenBit(body);
    } else if (GMIME_IS_MESSAGE_PART(object)) {
        if (GMimeMessage *inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(object)))
            encodeSevenBit(GMIME_OBJECT(inner));
    } else if (GMIME_IS_MULTIPART(object)) {
        GMimeMultipart *multipart = GMIME_MULTIPART(object);
        const int count = g_mime_multipart_get_count(multipart);
        for (int i = 0; i < count; ++i)
            encodeSevenBit(g_mime_multipart_get_part(multipart, i));
    } else {
        g_mime_object_encode(object, GMIME_ENCODING_CONSTRAINT_7BIT);
    }
}

} // namespace

TransportNeeds transportNeeds(const QByteArray &message)
{
    const qsizetype end = headerEnd(message);
    TransportNeeds needs;
    needs.utf8Headers = !isAscii(QByteArrayView(message).first(end));
    needs.eightBitBody = !isAscii(QByteArrayView(message).sliced(end));
    return needs;
}

AdaptedMessage adaptToTransport(
    const QByteArray &message, const TransportCapabilities &capabilities)
{
    AdaptedMessage out;
    out.bytes = message;
    const TransportNeeds needs = transportNeeds(message);
    const bool eightBitOk = capabilities.eightBitMime || capabilities.smtpUtf8; // RFC 6531 §3.1
    const bool fixHeaders = needs.utf8Headers && !capabilities.smtpUtf8;
    const bool fixBody = needs.eightBitBody && !eightBitOk;
    if (!fixHeaders && !fixBody)
        return out;

    ensureGMimeInitialized();
    ParserOptions options;
    const GObjectPtr<GMimeStream> stream = memoryStream(message);
    GObjectPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
    GObjectPtr<GMimeMessage> parsed(g_mime_parser_construct_message(parser.get(), options.get()));
    if (!parsed) {
        out.error = QStringLiteral("the stored message could not be parsed for re-encoding");
        return out;
    }
    GMimeObject *object = GMIME_OBJECT(parsed.get());

    if (fixHeaders) {
        GMimeHeaderList *headers = g_mime_object_get_header_list(object);
        const int count = g_mime_header_list_get_count(headers);
        for (int i = 0; i < count; ++i) {
            GMimeHeader *header = g_mime_header_list_get_header_at(headers, i);
            const char *raw = g_mime_header_get_raw_value(header);
            if (!raw || isAscii(QByteArrayView(raw)))
                continue;
            const QByteArray name(g_mime_header_get_name(header));
            const QByteArray value(g_mime_header_get_value(header));
            if (isAddressField(name)) {
                // RFC 6531 §3.2: a UTF-8 local part has no ASCII form; only SMTPUTF8 carries it.
                GObjectPtr<InternetAddressList> list(
                    internet_address_list_parse(options.get(), value.constData()));
                const QString address = list ? utf8LocalPart(list.get()) : QString();
                if (!address.isEmpty()) {
                    out.error = QStringLiteral(
                        "the address %1 needs SMTPUTF8, which the server does not offer")
                                    .arg(address);
                    return out;
                }
            }
            // GMime formats the value again: RFC 2047 encoded-words for text and display names.
            g_mime_header_set_value(header, nullptr, value.constData(), "utf-8");
        }
    }
    if (fixBody) {
        // RFC 2045 §6: quoted-printable or base64 for whatever is not 7-bit.
        encodeSevenBit(object);
    }

    QByteArray bytes;
    if (!Internal::writeCrlf(object, &bytes)) {
        out.error = QStringLiteral("GMime could not write the re-encoded message");
        return out;
    }
    const TransportNeeds after = transportNeeds(bytes);
    if ((fixHeaders && after.utf8Headers) || (fixBody && after.eightBitBody)) {
        out.error = fixHeaders && after.utf8Headers
            ? QStringLiteral("the header fields could not be written without UTF-8, and the server "
                             "does not offer SMTPUTF8")
            : QStringLiteral(
                "the message could not be re-encoded to 7 bits for a server without 8BITMIME");
        return out;
    }
    out.bytes = bytes;
    out.changed = true;
    return out;
}

} // namespace Mailtrail::Mime
