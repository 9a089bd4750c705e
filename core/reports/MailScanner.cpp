// SPDX-License-Identifier: GPL-3.0-or-later
#include "reports/MailScanner.h"

#include "mime/HeaderReader.h"

#include "Ascii_p.h"
#include "mime/GMimeRuntime.h"

#include <QStringDecoder>
#include <cstring>
#include <gmime/gmime.h>

namespace Mailtrail::Reports::Detail {

namespace {

inline char lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c + 32) : c;
}

inline bool isWsp(char c)
{
    return c == ' ' || c == '\t';
}

QByteArray lowered(QByteArrayView text)
{
    QByteArray out(text.size(), Qt::Uninitialized);
    for (qsizetype i = 0; i < text.size(); ++i)
        out[i] = lower(text[i]);
    return out;
}

/// End of the line starting at pos (index of '\n' or size), and start of the next line.
inline qsizetype lineEnd(QByteArrayView text, qsizetype pos, qsizetype *next)
{
    const void *hit = std::memchr(text.data() + pos, '\n', size_t(text.size() - pos));
    if (!hit) {
        *next = text.size();
        return text.size();
    }
    const qsizetype nl = static_cast<const char *>(hit) - text.data();
    *next = nl + 1;
    return (nl > pos && text[nl - 1] == '\r') ? nl - 1 : nl;
}

} // namespace

bool equalsNoCase(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (lower(a[i]) != lower(b[i]))
            return false;
    }
    return true;
}

bool startsWithNoCase(QByteArrayView text, QByteArrayView prefix)
{
    return text.size() >= prefix.size() && equalsNoCase(text.first(prefix.size()), prefix);
}

qsizetype indexOfNoCase(QByteArrayView haystack, QByteArrayView needle, qsizetype from)
{
    if (needle.isEmpty())
        return from;
    const char first = lower(needle[0]);
    const char firstUpper = (first >= 'a' && first <= 'z') ? char(first - 32) : first;
    const qsizetype last = haystack.size() - needle.size();
    for (qsizetype i = from; i <= last; ++i) {
        const char c = haystack[i];
        if (c != first && c != firstUpper)
            continue;
        qsizetype j = 1;
        while (j < needle.size() && lower(haystack[i + j]) == lower(needle[j]))
            ++j;
        if (j == needle.size())
            return i;
    }
    return -1;
}

QByteArrayView trimmed(QByteArrayView text)
{
    qsizetype b = 0, e = text.size();
    while (b < e && (isWsp(text[b]) || text[b] == '\r' || text[b] == '\n'))
        ++b;
    while (e > b && (isWsp(text[e - 1]) || text[e - 1] == '\r' || text[e - 1] == '\n'))
        --e;
    return text.sliced(b, e - b);
}

QByteArray unfold(QByteArrayView raw)
{
    raw = trimmed(raw);
    if (raw.indexOf('\n') < 0)
        return raw.toByteArray();
    QByteArray out;
    out.reserve(raw.size());
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const char c = raw[i];
        if (c == '\r' || c == '\n')
            continue;
        out.append(c);
    }
    return out;
}

const HeaderField *HeaderBlock::find(QByteArrayView name) const
{
    for (const HeaderField &field : fields) {
        if (equalsNoCase(field.name, name))
            return &field;
    }
    return nullptr;
}

QByteArray HeaderBlock::value(QByteArrayView name) const
{
    const HeaderField *field = find(name);
    return field ? unfold(field->rawValue) : QByteArray();
}

HeaderBlock parseHeaders(QByteArrayView text, qsizetype *bodyStart, int maxFields)
{
    HeaderBlock block;
    qsizetype pos = 0;
    // Tolerate a leading mbox "From " line.
    if (text.startsWith("From ")) {
        qsizetype next;
        lineEnd(text, 0, &next);
        pos = next;
    }
    while (pos < text.size()) {
        qsizetype next;
        const qsizetype end = lineEnd(text, pos, &next);
        if (end == pos) { // empty line: end of the header section
            *bodyStart = next;
            return block;
        }
        const char c = text[pos];
        if (isWsp(c)) {
            if (!block.fields.empty()) { // continuation line: extend the previous value
                HeaderField &last = block.fields.back();
                last.rawValue = QByteArrayView(last.rawValue.data(), text.data() + end);
            }
            pos = next;
            continue;
        }
        qsizetype colon = pos;
        while (colon < end && text[colon] != ':' && text[colon] > ' ' && text[colon] < 127)
            ++colon;
        if (colon == end || text[colon] != ':' || colon == pos) {
            // Not a field: lenient end of headers (the body starts here).
            *bodyStart = pos;
            return block;
        }
        if (int(block.fields.size()) < maxFields) {
            block.fields.push_back(
                { text.sliced(pos, colon - pos), text.sliced(colon + 1, end - colon - 1) });
        }
        pos = next;
    }
    *bodyStart = text.size();
    return block;
}

QByteArray parameter(QByteArrayView value, QByteArrayView name)
{
    qsizetype pos = value.indexOf(';');
    while (pos >= 0 && pos < value.size()) {
        ++pos;
        while (
            pos < value.size() && (isWsp(value[pos]) || value[pos] == '\r' || value[pos] == '\n'))
            ++pos;
        qsizetype eq = pos;
        while (eq < value.size() && value[eq] != '=' && value[eq] != ';')
            ++eq;
        if (eq >= value.size())
            return {};
        if (value[eq] == ';') {
            pos = eq;
            continue;
        }
        const QByteArrayView key = trimmed(value.sliced(pos, eq - pos));
        qsizetype v = eq + 1;
        while (v < value.size() && (isWsp(value[v]) || value[v] == '\r' || value[v] == '\n'))
            ++v;
        QByteArray result;
        qsizetype after;
        if (v < value.size() && value[v] == '"') {
            qsizetype q = v + 1;
            while (q < value.size() && value[q] != '"') {
                if (value[q] == '\\' && q + 1 < value.size())
                    ++q;
                result.append(value[q]);
                ++q;
            }
            after = value.indexOf(';', q);
        } else {
            qsizetype e = v;
            while (e < value.size() && value[e] != ';' && !isWsp(value[e]) && value[e] != '\r'
                && value[e] != '\n')
                ++e;
            result = value.sliced(v, e - v).toByteArray();
            after = value.indexOf(';', e);
        }
        if (equalsNoCase(key, name))
            return result;
        pos = after;
    }
    return {};
}

ContentType parseContentType(QByteArrayView value)
{
    ContentType ct;
    value = trimmed(value);
    if (value.isEmpty())
        return ct;
    qsizetype slash = value.indexOf('/');
    qsizetype semi = value.indexOf(';');
    if (slash < 0 || (semi >= 0 && slash > semi))
        return ct; // malformed: RFC 2045 §5.2 default text/plain
    const qsizetype end = semi < 0 ? value.size() : semi;
    ct.type = lowered(trimmed(value.first(slash)));
    ct.subtype = lowered(trimmed(value.sliced(slash + 1, end - slash - 1)));
    if (semi >= 0) {
        ct.boundary = parameter(value, "boundary");
        ct.charset = lowered(parameter(value, "charset"));
        ct.reportType = lowered(parameter(value, "report-type"));
    }
    return ct;
}

namespace {

struct Scanner
{
    MimeTree tree;
    int maxDepth;
    int maxParts;

    void addEntity(QByteArrayView entity, int depth, int parent, bool enclosed, bool digest)
    {
        if (int(tree.parts.size()) >= maxParts) {
            tree.nestingTruncated = true;
            return;
        }
        qsizetype bodyStart = 0;
        Part part;
        part.headers = parseHeaders(entity, &bodyStart);
        part.body = entity.sliced(bodyStart);
        const HeaderField *ctField = part.headers.find("Content-Type");
        if (ctField) {
            part.contentType = parseContentType(unfold(ctField->rawValue));
        } else if (digest) {
            part.contentType.type = "message";
            part.contentType.subtype = "rfc822";
        }
        if (const HeaderField *cte = part.headers.find("Content-Transfer-Encoding"))
            part.transferEncoding = lowered(trimmed(cte->rawValue));
        part.depth = depth;
        part.parent = parent;
        part.enclosed = enclosed;
        const int index = int(tree.parts.size());
        const ContentType ct = part.contentType;
        const QByteArrayView body = part.body;
        tree.parts.push_back(std::move(part));

        if (depth >= maxDepth) {
            if ((ct.type == "multipart") || (ct.type == "message" && isEncapsulated(ct)))
                tree.nestingTruncated = true;
            return;
        }
        const QByteArray cte = tree.parts[size_t(index)].transferEncoding;
        const bool encoded = cte == "base64" || cte == "quoted-printable";
        if (encoded && !enclosed && cte == "base64" && isDamagedBase64(body))
            tree.damagedEncoding = true;
        if (encoded && (ct.type == "multipart" || (ct.type == "message" && isEncapsulated(ct)))) {
            // Not allowed by RFC 2045 §6.4, but forwarding clients and gateways do it: the
            // entity inside is read from the decoded bytes.
            tree.decoded.push_back(transferDecode(body, cte));
            const QByteArrayView inner(tree.decoded.back());
            if (ct.type == "multipart") {
                if (!splitMultipart(inner, ct, depth, index, enclosed)) {
                    tree.parts[size_t(index)].contentType.type = "text";
                    tree.parts[size_t(index)].contentType.subtype = "plain";
                }
            } else {
                addEntity(inner, depth + 1, index, true, false);
            }
            return;
        }
        if (ct.type == "multipart") {
            if (!splitMultipart(body, ct, depth, index, enclosed)) {
                // No delimiter in the body: read it as plain text (RFC 2046 §5.1.3 fallback).
                tree.parts[size_t(index)].contentType.type = "text";
                tree.parts[size_t(index)].contentType.subtype = "plain";
            }
        } else if (ct.type == "message" && isEncapsulated(ct)) {
            addEntity(body, depth + 1, index, true, false);
        }
    }

    static bool isEncapsulated(const ContentType &ct)
    {
        return ct.subtype == "rfc822" || ct.subtype == "global";
    }

    bool splitMultipart(
        QByteArrayView body, const ContentType &ct, int depth, int parent, bool enclosed)
    {
        if (ct.boundary.isEmpty()) {
            tree.boundaryMissing = true;
            return false;
        }
        const QByteArray delimiter = "--" + ct.boundary;
        const bool digest = ct.subtype == "digest";
        // Find delimiter lines: "--boundary" at the start of a line (RFC 2046 §5.1.1).
        qsizetype pos = 0;
        qsizetype partStart = -1;
        bool found = false;
        while (pos < body.size()) {
            const qsizetype hit = body.indexOf(QByteArrayView(delimiter), pos);
            if (hit < 0)
                break;
            if (hit > 0 && body[hit - 1] != '\n') {
                pos = hit + 1;
                continue;
            }
            found = true;
            const qsizetype after = hit + delimiter.size();
            const bool closing
                = after + 1 < body.size() && body[after] == '-' && body[after + 1] == '-';
            if (partStart >= 0) {
                qsizetype end = hit;
                // The CRLF before the delimiter belongs to the delimiter.
                if (end > partStart && body[end - 1] == '\n')
                    --end;
                if (end > partStart && body[end - 1] == '\r')
                    --end;
                addEntity(
                    body.sliced(partStart, end - partStart), depth + 1, parent, enclosed, digest);
                if (int(tree.parts.size()) >= maxParts)
                    return true;
            }
            if (closing)
                return true;
            qsizetype next = body.indexOf('\n', after);
            if (next < 0)
                return true;
            partStart = next + 1;
            pos = partStart;
        }
        if (!found) {
            tree.boundaryMissing = true;
            return false;
        }
        // Truncated: no closing delimiter; take what remains as the last part.
        if (partStart >= 0 && partStart < body.size())
            addEntity(body.sliced(partStart), depth + 1, parent, enclosed, digest);
        return true;
    }
};

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

QByteArray quotedPrintableDecode(QByteArrayView in)
{
    QByteArray out;
    out.reserve(in.size());
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in[i];
        if (c != '=') {
            out.append(c);
            continue;
        }
        if (i + 1 < in.size() && in[i + 1] == '\n') { // soft line break
            ++i;
            continue;
        }
        if (i + 2 < in.size() && in[i + 1] == '\r' && in[i + 2] == '\n') {
            i += 2;
            continue;
        }
        if (i + 2 < in.size()) {
            const int h = hexValue(in[i + 1]), l = hexValue(in[i + 2]);
            if (h >= 0 && l >= 0) {
                out.append(char(h * 16 + l));
                i += 2;
                continue;
            }
        }
        out.append(c);
    }
    return out;
}

bool isAsciiCompatibleUtf8(QByteArrayView charset)
{
    return charset.isEmpty() || charset == "us-ascii" || charset == "utf-8" || charset == "utf8"
        || charset == "ascii";
}

} // namespace

MimeTree scanMime(QByteArrayView mail, int maxDepth, int maxParts)
{
    Scanner scanner { {}, maxDepth, maxParts };
    scanner.tree.parts.reserve(8);
    scanner.addEntity(mail, 0, -1, false, false);
    return std::move(scanner.tree);
}

QByteArray transferDecode(QByteArrayView body, QByteArrayView encoding)
{
    if (encoding == "base64")
        return QByteArray::fromBase64(body.toByteArray());
    if (encoding == "quoted-printable")
        return quotedPrintableDecode(body);
    return body.toByteArray();
}

bool isDamagedBase64(QByteArrayView body)
{
    qsizetype quantum = 0;
    bool padded = false;
    for (const char c : body) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/') {
            if (padded)
                padded = false; // data after padding: concatenated encodings, still decodable
            ++quantum;
        } else if (c == '=') {
            padded = true;
            ++quantum;
        } else if (c != '\r' && c != '\n' && c != ' ' && c != '\t') {
            return true;
        }
    }
    return quantum % 4 != 0;
}

bool isDamagedText(const Part &part)
{
    if (part.contentType.type != "text")
        return false;
    const QByteArrayView charset = part.contentType.charset;
    if (charset.isEmpty() || charset == "us-ascii" || charset == "ascii")
        return false; // unlabelled 8-bit text is common and read as UTF-8 or raw
    // Checked where it costs nothing: text sent 7bit / 8bit, read in place. (Transfer-encoded
    // text is decoded by its readers anyway; a damaged base64 body is flagged by the scanner.)
    if (part.transferEncoding == "base64" || part.transferEncoding == "quoted-printable" || isAscii(part.body))
        return false;
    const QByteArrayView raw = part.body;
    const bool sevenBit = charset.startsWith("iso-2022") || charset == "utf-7" || charset == "hz-gb-2312";
    if (sevenBit)
        return true; // 8-bit bytes in a 7-bit encoding: the label is wrong
    if (isAsciiCompatibleUtf8(charset)) {
        QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        (void)utf8.decode(raw);
        return utf8.hasError();
    }
    QStringDecoder decoder(charset.toByteArray().constData(), QStringDecoder::Flag::Stateless);
    if (!decoder.isValid())
        return false;
    (void)decoder.decode(raw);
    return decoder.hasError();
}

QByteArray toUtf8(QByteArrayView text, QByteArrayView charset)
{
    if (isAsciiCompatibleUtf8(charset))
        return text.toByteArray();
    // Pure 7-bit text needs no conversion unless the charset is a 7-bit encoding itself.
    const bool sevenBitCharset
        = charset.startsWith("iso-2022") || charset == "utf-7" || charset == "hz-gb-2312";
    if (!sevenBitCharset) {
        if (isAscii(text))
            return text.toByteArray();
    } else if (text.indexOf('\x1b') < 0 && charset != "utf-7") {
        return text.toByteArray();
    }
    const QByteArray name = charset.toByteArray();
    QStringDecoder decoder(name.constData(), QStringDecoder::Flag::Stateless);
    if (!decoder.isValid())
        return text.toByteArray();
    const QString decoded = decoder.decode(text);
    if (decoder.hasError()) {
        // Mislabelled: UTF-8 in a part that says otherwise is common; else keep what decoded.
        QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString asUtf8 = utf8.decode(text);
        if (!utf8.hasError())
            return asUtf8.toUtf8();
    }
    return decoded.toUtf8();
}

QByteArray decodedText(const Part &part)
{
    QByteArray raw = transferDecode(part.body, part.transferEncoding);
    QByteArray text = toUtf8(raw, part.contentType.charset);
    if (part.contentType.subtype == "html")
        return htmlToText(text);
    return text;
}

QString decodeHeaderText(QByteArrayView raw)
{
    return Mime::decodeHeaderText(unfold(raw));
}

QByteArray htmlToText(QByteArrayView html)
{
    QByteArray out;
    out.reserve(html.size());
    bool inTag = false;
    for (qsizetype i = 0; i < html.size(); ++i) {
        const char c = html[i];
        if (inTag) {
            if (c == '>')
                inTag = false;
            continue;
        }
        if (c == '<') {
            // Keep <addr@host> which is not a tag.
            const qsizetype close = html.indexOf('>', i);
            if (close > i) {
                const QByteArrayView inside = html.sliced(i + 1, close - i - 1);
                if (inside.indexOf('@') > 0 && inside.indexOf(' ') < 0 && inside.indexOf('=') < 0) {
                    out.append(html.sliced(i, close - i + 1));
                    i = close;
                    continue;
                }
                // Block elements become line breaks.
                if (startsWithNoCase(inside, "br") || startsWithNoCase(inside, "p")
                    || startsWithNoCase(inside, "/p") || startsWithNoCase(inside, "div")
                    || startsWithNoCase(inside, "/div") || startsWithNoCase(inside, "tr")
                    || startsWithNoCase(inside, "li"))
                    out.append('\n');
                else
                    out.append(' ');
            }
            inTag = true;
            continue;
        }
        if (c == '&') {
            static const struct
            {
                const char *entity;
                char ch;
            } entities[] = { { "&lt;", '<' }, { "&gt;", '>' }, { "&amp;", '&' }, { "&nbsp;", ' ' },
                { "&quot;", '"' }, { "&#160;", ' ' } };
            bool matched = false;
            for (const auto &e : entities) {
                const qsizetype len = qsizetype(std::strlen(e.entity));
                if (startsWithNoCase(html.sliced(i), QByteArrayView(e.entity, len))) {
                    out.append(e.ch);
                    i += len - 1;
                    matched = true;
                    break;
                }
            }
            if (matched)
                continue;
        }
        out.append(c);
    }
    return out;
}

} // namespace Mailtrail::Reports::Detail
