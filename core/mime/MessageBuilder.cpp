// SPDX-License-Identifier: GPL-3.0-or-later
#include "mime/MessageBuilder.h"

#include "Ascii_p.h"
#include "mime/FormatFlowed.h"
#include "mime/GMimeRuntime.h"
#include "mime/GObjectPtr_p.h"
#include "Version.h"

#include <QLocale>
#include <QMimeDatabase>
#include <QRandomGenerator>
#include <QSet>
#include <QTimeZone>
#include <QUrl>

#include <algorithm>

namespace Mailtrail::Mime {

using Internal::memoryStream;
using Internal::setContent;
using Internal::GObjectPtr;
using Internal::ParserOptions;

namespace {

/// Header text must not carry line breaks or other controls (header injection).
QString headerSafe(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c == QLatin1Char('\r') || c == QLatin1Char('\n') || c == QLatin1Char('\t'))
            out.append(QLatin1Char(' '));
        else if (c.unicode() >= 0x20 && c.unicode() != 0x7F)
            out.append(c);
    }
    return out.simplified();
}

int longestLine(const QByteArray &bytes)
{
    int longest = 0;
    int current = 0;
    for (const char c : bytes) {
        if (c == '\n') {
            longest = qMax(longest, current);
            current = 0;
        } else if (c != '\r') {
            ++current;
        }
    }
    return qMax(longest, current);
}

QByteArray randomToken(int bytes)
{
    static constexpr char alphabet[] = "abcdefghijklmnopqrstuvwxyz234567";
    QByteArray raw(bytes, Qt::Uninitialized);
    QRandomGenerator *random = QRandomGenerator::system();
    for (char &c : raw)
        c = static_cast<char>(random->bounded(256));
    // base32 without padding: 5 bits per character.
    QByteArray out;
    quint32 buffer = 0;
    int bits = 0;
    for (const char c : raw) {
        buffer = (buffer << 8) | static_cast<unsigned char>(c);
        bits += 8;
        while (bits >= 5) {
            out.append(alphabet[(buffer >> (bits - 5)) & 31]);
            bits -= 5;
        }
    }
    if (bits > 0)
        out.append(alphabet[(buffer << (5 - bits)) & 31]);
    return out;
}

QString rfc5322Date(const QDateTime &when)
{
    const QDateTime dt = when.isValid() ? when : QDateTime::currentDateTime();
    const int offset = dt.offsetFromUtc() / 60;
    const QChar sign = offset < 0 ? QLatin1Char('-') : QLatin1Char('+');
    return QLocale::c().toString(dt, QStringLiteral("ddd, dd MMM yyyy hh:mm:ss ")) + sign
        + QStringLiteral("%1%2")
              .arg(qAbs(offset) / 60, 2, 10, QLatin1Char('0'))
              .arg(qAbs(offset) % 60, 2, 10, QLatin1Char('0'));
}

struct AddressCheck
{
    QString address; ///< as it goes into headers and the envelope
    QString error;
    bool needsSmtpUtf8 = false;
};

/// RFC 5321 §4.1.2 Mailbox; an internationalised local part needs SMTPUTF8 (RFC 6531), an
/// internationalised domain is written as A-labels (RFC 5890).
AddressCheck checkAddress(const QString &raw, bool smtpUtf8)
{
    AddressCheck check;
    const QString address = raw.trimmed();
    const int at = address.lastIndexOf(QLatin1Char('@'));
    if (at <= 0 || at == address.size() - 1) {
        check.error = QStringLiteral("not an e-mail address: \"%1\"").arg(address);
        return check;
    }
    for (const QChar c : address) {
        if (c.unicode() <= 0x20 || c.unicode() == 0x7F || c == QLatin1Char('<')
            || c == QLatin1Char('>') || c == QLatin1Char(',')) {
            check.error = QStringLiteral("not an e-mail address: \"%1\"").arg(address);
            return check;
        }
    }
    const QString local = address.left(at);
    QString domain = address.mid(at + 1);
    if (!isAscii(local)) {
        if (!smtpUtf8) {
            check.error = QStringLiteral("the address %1 needs SMTPUTF8, which the server does not offer")
                              .arg(address);
            return check;
        }
        check.needsSmtpUtf8 = true;
    }
    if (!isAscii(domain)) {
        // A-labels always: valid with or without SMTPUTF8, and the same form GMime writes
        // into the headers, so DSNs and envelopes compare equal.
        const QByteArray ace = QUrl::toAce(domain);
        if (ace.isEmpty()) {
            check.error = QStringLiteral("invalid domain in %1").arg(address);
            return check;
        }
        domain = QString::fromLatin1(ace);
    }
    check.address = local + QLatin1Char('@') + domain;
    return check;
}

class Builder
{
public:
    Builder(const TransportCapabilities &capabilities, const QString &userAgent)
        : m_caps(capabilities)
        , m_userAgent(userAgent)
    {
    }

    BuiltMessage run(const OutgoingMessage &in)
    {
        BuiltMessage out;
        ensureGMimeInitialized();

        const AddressCheck from = checkAddress(in.from.address, utf8Addresses());
        if (!from.error.isEmpty()) {
            out.error = QStringLiteral("sender: ") + from.error;
            return out;
        }
        m_needsSmtpUtf8 = from.needsSmtpUtf8;
        out.envelope.mailFrom = from.address;
        m_domain = from.address.mid(from.address.lastIndexOf(QLatin1Char('@')) + 1);

        GObjectPtr<GMimeMessage> message(g_mime_message_new(FALSE));
        GMimeObject *object = GMIME_OBJECT(message.get());

        if (!addMailboxes(g_mime_message_get_from(message.get()), {in.from}, nullptr, &out.error))
            return out;
        g_mime_object_set_header(object, "Date", rfc5322Date(in.date).toLatin1().constData(), nullptr);
        if (!in.replyTo.isEmpty()
            && !addMailboxes(g_mime_message_get_reply_to(message.get()), in.replyTo, nullptr, &out.error))
            return out;

        QSet<QString> seen;
        auto addRecipients = [&](const QList<Mailbox> &list, InternetAddressList *header) {
            QStringList envelope;
            if (!addMailboxes(header, list, &envelope, &out.error))
                return false;
            for (const QString &address : std::as_const(envelope)) {
                if (seen.contains(address.toLower()))
                    continue;
                seen.insert(address.toLower());
                out.envelope.recipients.append(address);
            }
            return true;
        };
        if (!addRecipients(in.to, g_mime_message_get_to(message.get()))
            || !addRecipients(in.cc, g_mime_message_get_cc(message.get())))
            return out;
        // Bcc: envelope only. A throw-away list takes the check, the header stays empty.
        {
            GObjectPtr<InternetAddressList> scratch(internet_address_list_new());
            if (!addRecipients(in.bcc, scratch.get()))
                return out;
        }
        if (out.envelope.recipients.isEmpty()) {
            out.error = QStringLiteral("no recipient");
            return out;
        }

        const QString subject = headerSafe(in.subject);
        g_mime_message_set_subject(message.get(), subject.toUtf8().constData(), "utf-8");
        // Raw UTF-8 only when every word fits a line; GMime's RFC 2047 encoding splits
        // anything longer into encoded-words.
        const QStringList subjectWords = subject.split(QLatin1Char(' '));
        const bool wordsFit = std::all_of(subjectWords.cbegin(), subjectWords.cend(),
                                          [](const QString &word) { return word.toUtf8().size() <= 900; });
        if (m_caps.smtpUtf8 && !isAscii(subject) && wordsFit) {
            // RFC 6532 §3.2: with SMTPUTF8 the field may be raw UTF-8.
            GMimeHeader *header = g_mime_header_list_get_header(g_mime_object_get_header_list(object), "Subject");
            if (header) {
                g_mime_header_set_raw_value(header, foldUtf8(subject).constData());
                m_needsSmtpUtf8 = true;
            }
        }

        out.messageId = in.messageId.isEmpty() ? MessageBuilder::generateMessageId(m_domain) : in.messageId;
        {
            QByteArray bare = out.messageId;
            if (bare.startsWith('<') && bare.endsWith('>'))
                bare = bare.mid(1, bare.size() - 2);
            g_mime_message_set_message_id(message.get(), bare.constData());
        }
        if (!in.inReplyTo.isEmpty())
            g_mime_object_set_header(object, "In-Reply-To", in.inReplyTo.constData(), nullptr);
        const QList<QByteArray> references = MessageBuilder::trimReferences(in.references);
        if (!references.isEmpty())
            g_mime_object_set_header(object, "References", references.join(' ').constData(), nullptr);
        if (in.requestReadReceipt) {
            // RFC 8098 §2.1: the address the MDN goes to; ours is the sender.
            g_mime_object_set_header(object, "Disposition-Notification-To",
                                     from.address.toUtf8().constData(), nullptr);
        }
        if (!m_userAgent.isEmpty())
            g_mime_object_set_header(object, "User-Agent", headerSafe(m_userAgent).toUtf8().constData(), nullptr);

        GObjectPtr<GMimeObject> body = buildBody(in, out.error);
        if (!body)
            return out;
        g_mime_message_set_mime_part(message.get(), body.get());

        if (!Internal::writeCrlf(object, &out.bytes)) {
            out.error = QStringLiteral("GMime could not write the message");
            return out;
        }
        out.envelope.requiresSmtpUtf8 = m_needsSmtpUtf8;
        out.envelope.requires8BitMime = m_needs8Bit || !isAscii(out.bytes);
        return out;
    }

private:
    [[nodiscard]] bool utf8Addresses() const { return m_caps.smtpUtf8 || m_caps.smtpUtf8Unknown; }

    /// Folds a raw UTF-8 value at spaces so lines stay short; value starts after "Name:".
    static QByteArray foldUtf8(const QString &value)
    {
        QByteArray out;
        int column = 9; // "Subject: "
        const QStringList words = value.split(QLatin1Char(' '));
        for (int i = 0; i < words.size(); ++i) {
            const QByteArray word = words.at(i).toUtf8();
            if (i > 0 && column + 1 + word.size() > 78) {
                out += "\n ";
                column = 1;
            } else {
                out += ' ';
                ++column;
            }
            out += word;
            column += word.size();
        }
        return out + '\n';
    }

    bool addMailboxes(InternetAddressList *list, const QList<Mailbox> &mailboxes, QStringList *envelope,
                      QString *error)
    {
        for (const Mailbox &mailbox : mailboxes) {
            const AddressCheck check = checkAddress(mailbox.address, utf8Addresses());
            if (!check.error.isEmpty()) {
                *error = check.error;
                return false;
            }
            m_needsSmtpUtf8 = m_needsSmtpUtf8 || check.needsSmtpUtf8;
            if (envelope)
                envelope->append(check.address);
            if (!list)
                continue;
            const QString name = headerSafe(mailbox.name);
            GObjectPtr<InternetAddress> address(internet_address_mailbox_new(
                name.isEmpty() ? nullptr : name.toUtf8().constData(), check.address.toUtf8().constData()));
            internet_address_set_charset(address.get(), "utf-8");
            internet_address_list_add(list, address.get());
        }
        return true;
    }

    /// RFC 2045 §6: the lightest encoding the transport allows for this text.
    GMimeContentEncoding textEncoding(const QByteArray &bytes)
    {
        const bool longLines = longestLine(bytes) > 998;
        if (isAscii(bytes) && !longLines && !bytes.contains('\0'))
            return GMIME_CONTENT_ENCODING_7BIT;
        if (m_caps.eightBitMime && !longLines && !bytes.contains('\0') && !bytes.contains('\r')) {
            m_needs8Bit = true;
            return GMIME_CONTENT_ENCODING_8BIT;
        }
        return GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE;
    }

    GObjectPtr<GMimeObject> textPart(const char *subtype, const QString &text, bool flowed)
    {
        QString normalised = text;
        normalised.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
        normalised.replace(QLatin1Char('\r'), QLatin1Char('\n'));
        QByteArray bytes = (flowed ? FormatFlowed::encode(normalised) : normalised).toUtf8();
        if (!bytes.endsWith('\n'))
            bytes.append('\n');
        GObjectPtr<GMimePart> part(g_mime_part_new_with_type("text", subtype));
        g_mime_object_set_content_type_parameter(GMIME_OBJECT(part.get()), "charset", "utf-8");
        if (flowed)
            g_mime_object_set_content_type_parameter(GMIME_OBJECT(part.get()), "format", "flowed");
        setContent(part.get(), bytes);
        g_mime_part_set_content_encoding(part.get(), textEncoding(bytes));
        return GObjectPtr<GMimeObject>(GMIME_OBJECT(g_object_ref(part.get())));
    }

    QString mimeTypeFor(const OutgoingAttachment &attachment)
    {
        if (!attachment.mimeType.isEmpty())
            return attachment.mimeType;
        return QMimeDatabase().mimeTypeForFileNameAndData(attachment.fileName, attachment.data).name();
    }

    GObjectPtr<GMimeObject> attachmentPart(const OutgoingAttachment &attachment, QString &error)
    {
        if (attachment.kind == OutgoingAttachment::Kind::Message) {
            ParserOptions options;
            const GObjectPtr<GMimeStream> stream = memoryStream(attachment.data);
            GObjectPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
            GObjectPtr<GMimeMessage> inner(g_mime_parser_construct_message(parser.get(), options.get()));
            if (!inner) {
                error = QStringLiteral("the forwarded message could not be parsed");
                return {};
            }
            GObjectPtr<GMimeMessagePart> part(g_mime_message_part_new_with_message("rfc822", inner.get()));
            // RFC 2046 §5.2.1: message/rfc822 is 7bit or 8bit; re-encode the inner parts.
            if (!m_caps.eightBitMime)
                g_mime_object_encode(GMIME_OBJECT(inner.get()), GMIME_ENCODING_CONSTRAINT_7BIT);
            else if (!isAscii(attachment.data))
                m_needs8Bit = true;
            g_mime_object_set_disposition(GMIME_OBJECT(part.get()), "attachment");
            if (!attachment.fileName.isEmpty())
                g_mime_object_set_content_disposition_parameter(GMIME_OBJECT(part.get()), "filename",
                                                                attachment.fileName.toUtf8().constData());
            return GObjectPtr<GMimeObject>(GMIME_OBJECT(g_object_ref(part.get())));
        }

        const QString mimeType = mimeTypeFor(attachment);
        const QStringList typeParts = mimeType.split(QLatin1Char('/'));
        const QByteArray type = typeParts.value(0, QStringLiteral("application")).toLatin1();
        const QByteArray subtype = typeParts.value(1, QStringLiteral("octet-stream")).toLatin1();
        GObjectPtr<GMimePart> part(g_mime_part_new_with_type(type.constData(), subtype.constData()));
        setContent(part.get(), attachment.data);
        g_mime_part_set_content_encoding(part.get(), GMIME_CONTENT_ENCODING_BASE64);
        if (attachment.kind == OutgoingAttachment::Kind::InlineImage) {
            g_mime_object_set_disposition(GMIME_OBJECT(part.get()), "inline");
            QString cid = attachment.contentId;
            if (cid.startsWith(QLatin1Char('<')) && cid.endsWith(QLatin1Char('>')))
                cid = cid.mid(1, cid.size() - 2);
            if (cid.isEmpty())
                cid = QString::fromLatin1(randomToken(12)) + QLatin1Char('@') + m_domain;
            g_mime_part_set_content_id(part.get(), cid.toUtf8().constData());
        } else {
            g_mime_object_set_disposition(GMIME_OBJECT(part.get()), "attachment");
        }
        const QString fileName = headerSafe(attachment.fileName);
        if (!fileName.isEmpty())
            g_mime_part_set_filename(part.get(), fileName.toUtf8().constData());
        return GObjectPtr<GMimeObject>(GMIME_OBJECT(g_object_ref(part.get())));
    }

    static GObjectPtr<GMimeObject> multipart(const char *subtype, const QList<GObjectPtr<GMimeObject>> &parts)
    {
        GObjectPtr<GMimeMultipart> multipart(g_mime_multipart_new_with_subtype(subtype));
        for (const GObjectPtr<GMimeObject> &part : parts)
            g_mime_multipart_add(multipart.get(), part.get());
        return GObjectPtr<GMimeObject>(GMIME_OBJECT(g_object_ref(multipart.get())));
    }

    GObjectPtr<GMimeObject> buildBody(const OutgoingMessage &in, QString &error)
    {
        GObjectPtr<GMimeObject> body = textPart("plain", in.plainText, true);
        QList<GObjectPtr<GMimeObject>> inlineImages;
        QList<GObjectPtr<GMimeObject>> files;
        for (const OutgoingAttachment &attachment : in.attachments) {
            // Without HTML nothing can refer to an inline image: it becomes an attachment.
            OutgoingAttachment effective = attachment;
            if (in.html.isEmpty() && effective.kind == OutgoingAttachment::Kind::InlineImage)
                effective.kind = OutgoingAttachment::Kind::File;
            GObjectPtr<GMimeObject> part = attachmentPart(effective, error);
            if (!part)
                return {};
            (effective.kind == OutgoingAttachment::Kind::InlineImage ? inlineImages : files).append(part);
        }
        if (!in.html.isEmpty()) {
            GObjectPtr<GMimeObject> html = textPart("html", in.html, false);
            if (!inlineImages.isEmpty()) {
                QList<GObjectPtr<GMimeObject>> related{html};
                related += inlineImages;
                html = multipart("related", related);
                g_mime_object_set_content_type_parameter(html.get(), "type", "text/html");
            }
            body = multipart("alternative", {body, html});
        }
        if (!files.isEmpty()) {
            QList<GObjectPtr<GMimeObject>> mixed{body};
            mixed += files;
            body = multipart("mixed", mixed);
        }
        return body;
    }

    TransportCapabilities m_caps;
    QString m_userAgent;
    QString m_domain;
    bool m_needsSmtpUtf8 = false;
    bool m_needs8Bit = false;
};

} // namespace

QString Mailbox::domain() const
{
    const int at = address.lastIndexOf(QLatin1Char('@'));
    return at < 0 ? QString() : address.mid(at + 1);
}

QString Mailbox::toDisplayString() const
{
    if (name.isEmpty())
        return address;
    return name + QStringLiteral(" <") + address + QLatin1Char('>');
}

char *toString(const Mailbox &mailbox)
{
    return qstrdup(QStringLiteral("Mailbox(\"%1\", %2)").arg(mailbox.name, mailbox.address).toUtf8().constData());
}

MessageBuilder::MessageBuilder(TransportCapabilities capabilities)
    : m_capabilities(capabilities)
    , m_userAgent(QStringLiteral("Mailtrail/") + Mailtrail::version())
{
    if (m_capabilities.smtpUtf8)
        m_capabilities.eightBitMime = true; // RFC 6531 §3.1
}

void MessageBuilder::setUserAgent(const QString &userAgent)
{
    m_userAgent = userAgent;
}

BuiltMessage MessageBuilder::build(const OutgoingMessage &message) const
{
    Builder builder(m_capabilities, m_userAgent);
    return builder.run(message);
}

QByteArray MessageBuilder::generateMessageId(const QString &domain)
{
    QString host = domain.trimmed();
    if (host.isEmpty())
        host = QStringLiteral("localhost.invalid");
    QByteArray ace = QUrl::toAce(host);
    if (ace.isEmpty())
        ace = QByteArrayLiteral("localhost.invalid");
    return '<' + randomToken(16) + '@' + ace + '>';
}

QList<QByteArray> MessageBuilder::trimReferences(const QList<QByteArray> &references, int maximum)
{
    QList<QByteArray> cleaned;
    for (const QByteArray &reference : references) {
        const QByteArray trimmed = reference.trimmed();
        if (!trimmed.isEmpty() && !cleaned.contains(trimmed))
            cleaned.append(trimmed);
    }
    if (maximum < 2 || cleaned.size() <= maximum)
        return cleaned;
    QList<QByteArray> out{cleaned.first()};
    out += cleaned.mid(cleaned.size() - (maximum - 1));
    return out;
}

} // namespace Mailtrail::Mime
