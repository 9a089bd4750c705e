// SPDX-License-Identifier: GPL-3.0-or-later
#include "mime/MessageReader.h"

#include "Ascii_p.h"
#include "mime/CharsetDecoder.h"
#include "mime/FileNameSanitizer.h"
#include "mime/FormatFlowed.h"
#include "mime/GMimeRuntime.h"
#include "mime/GObjectPtr_p.h"
#include "mime/HeaderReader.h"
#include "mime/HtmlSanitizer.h"

#include <QLoggingCategory>
#include <QTimeZone>

#include <functional>
#include <utility>
#include <optional>

Q_LOGGING_CATEGORY(lcMimeReader, "mailtrail.mime.reader", QtInfoMsg)

namespace Mailtrail::Mime {

using Internal::GObjectPtr;
using Internal::ParserOptions;

namespace {

QString fromUtf8(const char *text)
{
    return text ? QString::fromUtf8(text) : QString();
}

QByteArray lower(const char *text)
{
    return text ? QByteArray(text).toLower() : QByteArray();
}

QByteArray bracketed(const char *id)
{
    if (!id || !*id)
        return {};
    return '<' + QByteArray(id) + '>';
}

QString warningText(GMimeParserWarning code, const char *item)
{
    const QString what = item ? QString::fromUtf8(item).left(200) : QString();
    switch (code) {
    case GMIME_WARN_DUPLICATED_HEADER:
        return QStringLiteral("duplicated header: %1").arg(what);
    case GMIME_WARN_DUPLICATED_PARAMETER:
        return QStringLiteral("duplicated parameter: %1").arg(what);
    case GMIME_WARN_UNENCODED_8BIT_HEADER:
        return QStringLiteral("unencoded 8-bit header: %1").arg(what);
    case GMIME_WARN_INVALID_CONTENT_TYPE:
        return QStringLiteral("invalid Content-Type: %1").arg(what);
    case GMIME_WARN_INVALID_RFC2047_HEADER_VALUE:
        return QStringLiteral("invalid RFC 2047 header value: %1").arg(what);
    case GMIME_WARN_MALFORMED_MULTIPART:
        return QStringLiteral("malformed multipart: %1").arg(what);
    case GMIME_WARN_TRUNCATED_MESSAGE:
        return QStringLiteral("truncated message");
    case GMIME_WARN_MALFORMED_MESSAGE:
        return QStringLiteral("malformed message: %1").arg(what);
    case GMIME_CRIT_INVALID_HEADER_NAME:
        return QStringLiteral("invalid header name: %1").arg(what);
    case GMIME_CRIT_CONFLICTING_HEADER:
        return QStringLiteral("conflicting header: %1").arg(what);
    case GMIME_CRIT_CONFLICTING_PARAMETER:
        return QStringLiteral("conflicting parameter: %1").arg(what);
    case GMIME_CRIT_MULTIPART_WITHOUT_BOUNDARY:
        return QStringLiteral("multipart without boundary: %1").arg(what);
    case GMIME_WARN_INVALID_PARAMETER:
        return QStringLiteral("invalid parameter: %1").arg(what);
    case GMIME_WARN_INVALID_ADDRESS_LIST:
        return QStringLiteral("invalid address list: %1").arg(what);
    case GMIME_CRIT_NESTING_OVERFLOW:
        return QStringLiteral("MIME nesting too deep");
    case GMIME_WARN_PART_WITHOUT_CONTENT:
        return QStringLiteral("part without content");
    case GMIME_CRIT_PART_WITHOUT_HEADERS_OR_CONTENT:
        return QStringLiteral("part without headers or content");
    }
    return QStringLiteral("parser warning %1: %2").arg(int(code)).arg(what);
}

void collectWarning(gint64, GMimeParserWarning code, const gchar *item, gpointer userData)
{
    auto *warnings = static_cast<QStringList *>(userData);
    const QString text = warningText(code, item);
    if (!warnings->contains(text) && warnings->size() < 100)
        warnings->append(text);
}

QByteArray readStream(GMimeStream *stream)
{
    QByteArray out;
    char buffer[8192];
    for (;;) {
        const ssize_t n = g_mime_stream_read(stream, buffer, sizeof buffer);
        if (n <= 0)
            break;
        out.append(buffer, static_cast<qsizetype>(n));
    }
    return out;
}

QByteArray objectBytes(GMimeObject *object)
{
    GObjectPtr<GMimeStream> stream(g_mime_stream_mem_new());
    g_mime_object_write_to_stream(object, nullptr, stream.get());
    GByteArray *array = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream.get()));
    return QByteArray(reinterpret_cast<const char *>(array->data), static_cast<qsizetype>(array->len));
}

QList<Mailbox> mailboxes(InternetAddressList *list)
{
    QList<Mailbox> out;
    if (!list)
        return out;
    const int count = internet_address_list_length(list);
    for (int i = 0; i < count; ++i) {
        InternetAddress *address = internet_address_list_get_address(list, i);
        if (INTERNET_ADDRESS_IS_GROUP(address)) {
            out += mailboxes(internet_address_group_get_members(INTERNET_ADDRESS_GROUP(address)));
        } else if (INTERNET_ADDRESS_IS_MAILBOX(address)) {
            out.append({fromUtf8(internet_address_get_name(address)),
                        fromUtf8(internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(address)))});
        }
    }
    return out;
}

/// The raw value of @p header, unfolded as GMime unfolds it (g_mime_utils_header_unfold):
/// what the one header reader (HeaderReader.h) reads, 7-bit or raw 8-bit alike (rawText():
/// UTF-8, else windows-1252, the parser's own fallback charsets), so the list and search
/// show what the viewer shows. Nothing for a missing field.
std::optional<QByteArray> rawHeader(GMimeHeader *header)
{
    const char *raw = header ? g_mime_header_get_raw_value(header) : nullptr;
    if (!raw)
        return std::nullopt;
    char *unfolded = g_mime_utils_header_unfold(raw);
    QByteArray out(unfolded);
    g_free(unfolded);
    return out;
}

GMimeHeader *firstHeader(GMimeObject *object, const char *name)
{
    return g_mime_header_list_get_header(g_mime_object_get_header_list(object), name);
}

/// An unstructured field (Subject) through decodeHeaderText(): GMime 3.2.13's own decoder
/// drops the B words after a padded one ("J?" for "Jörg", its issue #133).
QString headerText(GMimeObject *object, const char *name, const char *fromGMime)
{
    if (const auto value = rawHeader(firstHeader(object, name)))
        return decodeHeaderText(*value);
    return fromUtf8(fromGMime);
}

/// An address-list field through parseAddressList() (same issue in the display names).
QList<Mailbox> headerMailboxes(GMimeObject *object, const char *name, InternetAddressList *fromGMime)
{
    if (const auto value = rawHeader(firstHeader(object, name)))
        return parseAddressList(*value);
    return mailboxes(fromGMime);
}

enum class NameFields { Disposition, DispositionThenType };

/// The file name GMime found for a part (@p fromGMime: Content-Disposition's filename, then
/// for leaves Content-Type's name, as g_mime_part_get_filename() looks), read again from the
/// 7-bit raw field it came from when that holds a padded B word ("=?="): GMime 3.2.13's
/// decoder drops the B words after one (issue #133), and long names are sent as several
/// words. Any other name is GMime's, as it was.
QString fileName(GMimeObject *object, const char *fromGMime, NameFields fields)
{
    QString out = fromUtf8(fromGMime);
    if (out.isEmpty())
        return out;
    const std::pair<const char *, const char *> candidates[] = {{"Content-Disposition", "filename"},
                                                                {"Content-Type", "name"}};
    for (const auto &[field, parameter] : candidates) {
        GMimeHeader *header = firstHeader(object, field);
        const auto value = rawHeader(header);
        if (header && (!value || !isAscii(*value)))
            return out; // raw 8-bit: GMime's
        if (value) {
            if (auto name = headerParameter(*value, parameter))
                return value->contains("=?=") ? *std::move(name) : out;
        }
        if (fields == NameFields::Disposition)
            break;
    }
    return out;
}

QList<QByteArray> parseReferences(GMimeParserOptions *options, const char *value)
{
    QList<QByteArray> out;
    if (!value)
        return out;
    GMimeReferences *references = g_mime_references_parse(options, value);
    if (!references)
        return out;
    const int count = g_mime_references_length(references);
    for (int i = 0; i < count; ++i)
        out.append(bracketed(g_mime_references_get_message_id(references, i)));
    g_mime_references_free(references);
    return out;
}

class TreeReader
{
public:
    TreeReader(GMimeParserOptions *options, QStringList &warnings, int maxDepth)
        : m_options(options)
        , m_warnings(warnings)
        , m_maxDepth(maxDepth)
    {
    }

    MessageHeaders headers(GMimeMessage *message)
    {
        MessageHeaders out;
        GMimeObject *object = GMIME_OBJECT(message);
        out.subject = headerText(object, "Subject", g_mime_message_get_subject(message));
        out.from = headerMailboxes(object, "From", g_mime_message_get_from(message));
        out.sender = headerMailboxes(object, "Sender", g_mime_message_get_sender(message));
        out.replyTo = headerMailboxes(object, "Reply-To", g_mime_message_get_reply_to(message));
        out.to = headerMailboxes(object, "To", g_mime_message_get_to(message));
        out.cc = headerMailboxes(object, "Cc", g_mime_message_get_cc(message));
        out.bcc = headerMailboxes(object, "Bcc", g_mime_message_get_bcc(message));
        if (GDateTime *date = g_mime_message_get_date(message)) {
            const qint64 seconds = g_date_time_to_unix(date);
            const int offset = static_cast<int>(g_date_time_get_utc_offset(date) / G_TIME_SPAN_SECOND);
            out.date = QDateTime::fromSecsSinceEpoch(seconds, QTimeZone(offset));
        }
        out.messageId = bracketed(g_mime_message_get_message_id(message));
        const QList<QByteArray> inReplyTo = parseReferences(m_options, g_mime_object_get_header(object, "In-Reply-To"));
        out.inReplyTo = inReplyTo.value(0);
        out.references = parseReferences(m_options, g_mime_object_get_header(object, "References"));
        if (GMimeHeader *dnt = firstHeader(object, "Disposition-Notification-To")) {
            if (const auto value = rawHeader(dnt)) {
                out.dispositionNotificationTo = parseAddressList(*value);
            } else {
                GObjectPtr<InternetAddressList> list(internet_address_list_parse(m_options, g_mime_header_get_value(dnt)));
                out.dispositionNotificationTo = mailboxes(list.get());
            }
        }
        GMimeHeaderList *list = g_mime_object_get_header_list(object);
        const int count = g_mime_header_list_get_count(list);
        for (int i = 0; i < count; ++i) {
            GMimeHeader *header = g_mime_header_list_get_header_at(list, i);
            const auto value = rawHeader(header);
            out.all.append({QByteArray(g_mime_header_get_name(header)),
                            value ? decodeHeaderText(*value) : fromUtf8(g_mime_header_get_value(header))});
        }
        return out;
    }

    MessagePart part(GMimeObject *object, const QString &id, int depth)
    {
        MessagePart out;
        out.id = id;
        GMimeContentType *type = g_mime_object_get_content_type(object);
        if (type) {
            out.contentType = lower(g_mime_content_type_get_media_type(type)) + '/'
                + lower(g_mime_content_type_get_media_subtype(type));
            out.charset = lower(g_mime_content_type_get_parameter(type, "charset")).trimmed();
            out.flowed = lower(g_mime_content_type_get_parameter(type, "format")) == "flowed";
            out.delSp = lower(g_mime_content_type_get_parameter(type, "delsp")) == "yes";
        } else {
            out.contentType = "text/plain";
        }
        if (GMimeContentDisposition *disposition = g_mime_object_get_content_disposition(object))
            out.disposition = lower(g_mime_content_disposition_get_disposition(disposition));
        QByteArray cid = g_mime_object_get_content_id(object);
        out.contentId = cid;

        if (depth > m_maxDepth) {
            m_warnings.append(QStringLiteral("MIME nesting deeper than %1: part %2 not read").arg(m_maxDepth).arg(id));
            return out;
        }

        if (GMIME_IS_MULTIPART(object)) {
            GMimeMultipart *multipart = GMIME_MULTIPART(object);
            const int count = g_mime_multipart_get_count(multipart);
            if (count == 0) {
                // No boundary (or none found): GMime keeps the body as the prologue. Show
                // it as text rather than lose it.
                m_warnings.append(QStringLiteral("multipart %1 has no parts: its body is shown as plain text")
                                      .arg(id.isEmpty() ? QStringLiteral("(root)") : id));
                const QByteArray body = QByteArray(g_mime_multipart_get_prologue(multipart))
                    + QByteArray(g_mime_multipart_get_epilogue(multipart));
                out.contentType = "text/plain";
                out.id = id.isEmpty() ? QStringLiteral("1") : id;
                out.content = body;
                out.size = body.size();
                return out;
            }
            for (int i = 0; i < count; ++i) {
                const QString childId = id.isEmpty() ? QString::number(i + 1) : id + QLatin1Char('.') + QString::number(i + 1);
                out.children.push_back(part(g_mime_multipart_get_part(multipart, i), childId, depth + 1));
            }
            return out;
        }

        if (GMIME_IS_MESSAGE_PART(object)) {
            GMimeMessage *inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(object));
            out.originalFileName = fileName(object, g_mime_object_get_content_disposition_parameter(object, "filename"),
                                           NameFields::Disposition);
            if (inner) {
                auto embedded = std::make_shared<ParsedMessage>();
                embedded->raw = objectBytes(GMIME_OBJECT(inner));
                embedded->headers = headers(inner);
                if (GMimeObject *body = g_mime_message_get_mime_part(inner))
                    embedded->root = part(body, GMIME_IS_MULTIPART(body) ? QString() : QStringLiteral("1"), depth + 1);
                else
                    embedded->root.contentType = "text/plain";
                out.content = embedded->raw;
                out.size = out.content.size();
                out.embedded = std::move(embedded);
            }
            return out;
        }

        if (GMIME_IS_PART(object)) {
            GMimePart *leaf = GMIME_PART(object);
            out.originalFileName = fileName(object, g_mime_part_get_filename(leaf), NameFields::DispositionThenType);
            const GMimeContentEncoding encoding = g_mime_part_get_content_encoding(leaf);
            if (const char *name = g_mime_content_encoding_to_string(encoding))
                out.transferEncoding = lower(name);
            if (GMimeDataWrapper *wrapper = g_mime_part_get_content(leaf)) {
                GObjectPtr<GMimeStream> decoded(g_mime_stream_mem_new());
                g_mime_data_wrapper_write_to_stream(wrapper, decoded.get());
                GByteArray *array = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(decoded.get()));
                out.content = QByteArray(reinterpret_cast<const char *>(array->data), static_cast<qsizetype>(array->len));
                if (encoding == GMIME_CONTENT_ENCODING_BASE64)
                    checkBase64(wrapper, id);
            }
            out.size = out.content.size();
            if (out.contentType.startsWith("multipart/")) {
                // A multipart GMime could not split (no boundary): keep its bytes readable.
                m_warnings.append(QStringLiteral("%1 without usable boundary (part %2): shown as plain text")
                                      .arg(QString::fromLatin1(out.contentType), id));
                out.contentType = "text/plain";
            }
            return out;
        }
        return out;
    }

private:
    void checkBase64(GMimeDataWrapper *wrapper, const QString &id)
    {
        GMimeStream *stream = g_mime_data_wrapper_get_stream(wrapper);
        if (!stream)
            return;
        g_mime_stream_reset(stream);
        const QByteArray raw = readStream(stream);
        g_mime_stream_reset(stream);
        qsizetype significant = 0;
        bool badCharacter = false;
        for (const char c : raw) {
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/'
                || c == '=')
                ++significant;
            else if (c != '\r' && c != '\n' && c != ' ' && c != '\t')
                badCharacter = true;
        }
        if (significant % 4 != 0)
            m_warnings.append(QStringLiteral("truncated base64 in part %1").arg(id));
        if (badCharacter)
            m_warnings.append(QStringLiteral("invalid characters in base64 of part %1").arg(id));
    }

    GMimeParserOptions *m_options;
    QStringList &m_warnings;
    int m_maxDepth;
};

void assignFileNames(ParsedMessage &message)
{
    int index = 0;
    const MessagePart *display = message.displayPart();
    std::function<void(MessagePart &)> visit = [&](MessagePart &part) {
        for (MessagePart &child : part.children)
            visit(child);
        if (part.isMultipart())
            return;
        const bool attachment = &part != display && (part.isAttachment() || !part.originalFileName.isEmpty());
        if (attachment || !part.originalFileName.isEmpty()) {
            ++index;
            QString original = part.originalFileName;
            if (original.isEmpty() && part.embedded)
                original = part.embedded->headers.subject.left(100) + QStringLiteral(".eml");
            part.fileName = sanitizeFileName(original, QString::fromLatin1(part.contentType), index);
        }
    };
    visit(message.root);
}

const MessagePart *select(const MessagePart &part, BodyPreference preference)
{
    if (part.embedded)
        return nullptr;
    if (part.contentType == "multipart/alternative") {
        const MessagePart *best = nullptr;
        for (const MessagePart &child : part.children) {
            const MessagePart *candidate = select(child, preference);
            if (!candidate)
                continue;
            const bool wanted = preference == BodyPreference::Html ? candidate->contentType == "text/html"
                                                                   : candidate->contentType != "text/html";
            if (wanted && (preference == BodyPreference::Html || !best || best->contentType == "text/html"))
                best = candidate; // Html: the last (richest) HTML; PlainText: the first plain text
            else if (!best)
                best = candidate;
        }
        return best;
    }
    if (part.contentType == "multipart/related" && !part.children.empty())
        return select(part.children.front(), preference);
    if (part.isMultipart()) {
        for (const MessagePart &child : part.children) {
            if (child.disposition == "attachment" || child.embedded)
                continue;
            if (const MessagePart *found = select(child, preference))
                return found;
        }
        return nullptr;
    }
    if (part.disposition == "attachment")
        return nullptr;
    if (part.isText() && (part.originalFileName.isEmpty() || part.disposition == "inline"))
        return &part;
    return nullptr;
}

const MessagePart *find(const MessagePart &part, const std::function<bool(const MessagePart &)> &predicate)
{
    if (predicate(part))
        return &part;
    for (const MessagePart &child : part.children) {
        if (const MessagePart *found = find(child, predicate))
            return found;
    }
    return nullptr;
}

} // namespace

QString MessageHeaders::value(const QByteArray &name) const
{
    for (const auto &field : all) {
        if (field.first.compare(name, Qt::CaseInsensitive) == 0)
            return field.second;
    }
    return {};
}

bool MessagePart::isAttachment() const
{
    if (isMultipart())
        return false;
    if (disposition == "attachment" || embedded)
        return true;
    // Non-text leaves are files unless they are inline images referenced by Content-ID.
    return !isText() && contentId.isEmpty();
}

QString MessagePart::text() const
{
    QString text = decodeText(content, charset).text;
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    return text;
}

bool operator==(const MessagePart &a, const MessagePart &b)
{
    const bool embeddedEqual = (!a.embedded && !b.embedded)
        || (a.embedded && b.embedded && a.embedded->raw == b.embedded->raw);
    return a.id == b.id && a.contentType == b.contentType && a.charset == b.charset && a.disposition == b.disposition
        && a.transferEncoding == b.transferEncoding && a.contentId == b.contentId && a.fileName == b.fileName
        && a.originalFileName == b.originalFileName && a.content == b.content && a.size == b.size
        && a.flowed == b.flowed && a.delSp == b.delSp && a.children == b.children && embeddedEqual;
}

const MessagePart *ParsedMessage::findPart(const QString &id) const
{
    return find(root, [&](const MessagePart &part) { return part.id == id; });
}

const MessagePart *ParsedMessage::findByContentId(const QByteArray &contentId) const
{
    QByteArray wanted = contentId.trimmed();
    if (wanted.startsWith('<') && wanted.endsWith('>'))
        wanted = wanted.mid(1, wanted.size() - 2);
    if (wanted.isEmpty())
        return nullptr;
    return find(root, [&](const MessagePart &part) { return !part.isMultipart() && part.contentId == wanted; });
}

const MessagePart *ParsedMessage::displayPart(BodyPreference preference) const
{
    return select(root, preference);
}

QList<const MessagePart *> ParsedMessage::attachments() const
{
    QList<const MessagePart *> out;
    const MessagePart *display = displayPart();
    const MessagePart *displayHtml = displayPart(BodyPreference::Html);
    std::function<void(const MessagePart &)> visit = [&](const MessagePart &part) {
        for (const MessagePart &child : part.children)
            visit(child);
        if (part.isMultipart() || &part == display || &part == displayHtml)
            return;
        // A named part counts too, unless it is an inline image the HTML refers to by cid.
        const bool inlineImage = !part.contentId.isEmpty() && part.disposition != "attachment";
        if (part.isAttachment() || (!part.originalFileName.isEmpty() && !inlineImage))
            out.append(&part);
    };
    visit(root);
    return out;
}

QString ParsedMessage::bodyText() const
{
    const MessagePart *part = displayPart();
    if (!part)
        return {};
    const QString text = part->text();
    if (part->contentType == "text/html")
        return HtmlSanitizer::toPlainText(text);
    if (part->flowed)
        return FormatFlowed::decode(text, part->delSp);
    return text;
}

DisplayContent renderForDisplay(const ParsedMessage &message, BodyPreference preference, bool allowRemoteContent)
{
    DisplayContent out;
    const MessagePart *part = message.displayPart(preference);
    if (part && part->contentType == "text/html") {
        HtmlSanitizerOptions options;
        options.allowRemoteContent = allowRemoteContent;
        std::function<void(const MessagePart &)> visit = [&](const MessagePart &p) {
            for (const MessagePart &child : p.children)
                visit(child);
            if (!p.contentId.isEmpty() && p.contentType.startsWith("image/") && p.contentType != "image/svg+xml")
                options.contentIdUrls.insert(QString::fromUtf8(p.contentId),
                                             QStringLiteral("data:") + QString::fromLatin1(p.contentType)
                                                 + QStringLiteral(";base64,")
                                                 + QString::fromLatin1(p.content.toBase64()));
        };
        visit(message.root);
        const SanitizedHtml sanitized = HtmlSanitizer(options).sanitize(part->text());
        out.html = sanitized.html;
        out.fromHtml = true;
        out.blockedRemoteCount = sanitized.blockedRemoteCount;
        out.blockedRemoteUrls = sanitized.blockedRemoteUrls;
        return out;
    }
    out.html = HtmlSanitizer::plainTextToHtml(message.bodyText());
    return out;
}

ParsedMessage MessageReader::parse(const QByteArray &bytes, int maxDepth)
{
    ensureGMimeInitialized();
    ParsedMessage out;
    out.raw = bytes;

    // Declared before the GMime objects: header lists keep a pointer to the options and
    // may call the warning callback until they are destroyed.
    ParserOptions options;
    static const char *fallbackCharsets[] = {"UTF-8", "windows-1252", nullptr};
    g_mime_parser_options_set_fallback_charsets(options.get(), fallbackCharsets);
    g_mime_parser_options_set_warning_callback(options.get(), collectWarning, &out.warnings);

    // NUL bytes end C strings inside GMime's header code; they carry nothing, keep the rest.
    QByteArray input = bytes;
    if (input.contains('\0')) {
        input.replace('\0', ' ');
        out.warnings.append(QStringLiteral("NUL bytes in the message (replaced by spaces for parsing)"));
    }

    GObjectPtr<GMimeStream> stream(
        g_mime_stream_mem_new_with_buffer(input.constData(), static_cast<size_t>(input.size())));
    GObjectPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
    g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
    GObjectPtr<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), options.get()));
    if (!message) {
        out.warnings.append(QStringLiteral("not a message: no header could be parsed; shown as plain text"));
        out.root.id = QStringLiteral("1");
        out.root.contentType = "text/plain";
        out.root.content = bytes;
        out.root.size = bytes.size();
        return out;
    }
    TreeReader reader(options.get(), out.warnings, maxDepth);
    out.headers = reader.headers(message.get());
    GMimeObject *body = g_mime_message_get_mime_part(message.get());
    if (body) {
        out.root = reader.part(body, GMIME_IS_MULTIPART(body) ? QString() : QStringLiteral("1"), 0);
    } else {
        out.root.id = QStringLiteral("1");
        out.root.contentType = "text/plain";
    }
    assignFileNames(out);
    qCDebug(lcMimeReader) << "parsed" << bytes.size() << "bytes," << out.warnings.size() << "warnings";
    return out;
}

} // namespace Mailtrail::Mime
