// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to core/reports: a light, allocation-poor scanner of RFC 5322 headers and RFC 2045/2046
// MIME structure. It only finds things (views into the mail); decoding happens on demand.
// Falls back to GMime only for RFC 2047 encoded words (see decodeHeaderText()).

#include <QByteArray>
#include <QByteArrayView>
#include <vector>

namespace Mailtrail::Reports::Detail {

/// ASCII case-insensitive equality (header names, MIME types).
[[nodiscard]] bool equalsNoCase(QByteArrayView a, QByteArrayView b);
[[nodiscard]] bool startsWithNoCase(QByteArrayView text, QByteArrayView prefix);
/// ASCII case-insensitive search; -1 if absent.
[[nodiscard]] qsizetype indexOfNoCase(
    QByteArrayView haystack, QByteArrayView needle, qsizetype from = 0);
[[nodiscard]] QByteArrayView trimmed(QByteArrayView text);

struct HeaderField
{
    QByteArrayView name;
    QByteArrayView rawValue; ///< still folded (RFC 5322 §2.2.3)
};

/// RFC 5322 §2.2 header section. Field values are kept folded; value() unfolds.
class HeaderBlock
{
public:
    std::vector<HeaderField> fields;

    [[nodiscard]] const HeaderField *find(QByteArrayView name) const;
    /// The first field called name, unfolded and trimmed; empty if absent.
    [[nodiscard]] QByteArray value(QByteArrayView name) const;
    [[nodiscard]] bool has(QByteArrayView name) const { return find(name) != nullptr; }
};

/// Unfolds a header value (CRLF/LF followed by WSP becomes the WSP) and trims it.
[[nodiscard]] QByteArray unfold(QByteArrayView raw);

/// Parses the header section at the start of text. *bodyStart gets the offset of the body
/// (after the empty line), or text.size() when there is none. Lines that are not fields end
/// the header section (lenient: real bounces contain broken headers). At most maxFields fields.
[[nodiscard]] HeaderBlock parseHeaders(
    QByteArrayView text, qsizetype *bodyStart, int maxFields = 500);

/// RFC 2045 §5.1 Content-Type, type and subtype in lower case.
struct ContentType
{
    QByteArray type = "text";
    QByteArray subtype = "plain";
    QByteArray boundary;
    QByteArray charset;
    QByteArray reportType; ///< RFC 6522 report-type parameter, lower case
    [[nodiscard]] bool is(QByteArrayView t, QByteArrayView s) const
    {
        return type == t && subtype == s;
    }
};

[[nodiscard]] ContentType parseContentType(QByteArrayView value);
/// The value of a parameter (RFC 2045 §5.1, RFC 2231 continuations not joined), unquoted.
[[nodiscard]] QByteArray parameter(QByteArrayView value, QByteArrayView name);

/// One MIME entity of a mail, in document order.
struct Part
{
    HeaderBlock headers;
    QByteArrayView body; ///< still transfer-encoded
    ContentType contentType;
    QByteArray transferEncoding; ///< lower case
    int depth = 0;
    int parent = -1;
    bool enclosed = false; ///< inside a message/rfc822 (the returned original), not the report
};

struct MimeTree
{
    std::vector<Part> parts; ///< parts[0] is the whole mail
    /// Transfer-decoded bodies of multipart and message/rfc822 entities that were sent
    /// base64 or quoted-printable (forwarded reports): the parts inside them are views into
    /// these (QByteArray keeps its data where it is when the vector grows).
    std::vector<QByteArray> decoded;
    bool nestingTruncated = false;
    bool boundaryMissing = false;
    /// A part outside the returned message has a damaged transfer encoding (truncated or
    /// invalid base64); it was read as far as it goes.
    bool damagedEncoding = false;
};

/// Splits a mail into its MIME parts (RFC 2046 §5.1.1 multipart, §5.2.1 message/rfc822),
/// following at most maxDepth levels and maxParts parts.
[[nodiscard]] MimeTree scanMime(QByteArrayView mail, int maxDepth = 6, int maxParts = 200);

/// Removes the Content-Transfer-Encoding (base64, quoted-printable; others as is).
[[nodiscard]] QByteArray transferDecode(QByteArrayView body, QByteArrayView encoding);
/// True when @p body is not valid base64 (RFC 2045 §6.8): characters outside the alphabet,
/// or data that ends in the middle of a 4-character quantum (truncated).
[[nodiscard]] bool isDamagedBase64(QByteArrayView body);
/// True when the part's text does not decode in its charset (invalid bytes for the label,
/// e.g. Shift_JIS labelled ISO-2022-JP, or invalid UTF-8). Unknown charsets are not damage.
/// Only text sent 7bit / 8bit is checked (in place, no copy).
[[nodiscard]] bool isDamagedText(const Part &part);
/// Converts text in charset to UTF-8 (Qt's codecs: ISO-2022-JP, UTF-7, KOI8-R, …). Unknown
/// charsets pass through unchanged; text that is invalid in its labelled charset but valid
/// UTF-8 is taken as UTF-8 (a common mislabelling), otherwise invalid bytes become U+FFFD.
[[nodiscard]] QByteArray toUtf8(QByteArrayView text, QByteArrayView charset);
/// The part's body, transfer-decoded and converted to UTF-8.
[[nodiscard]] QByteArray decodedText(const Part &part);
/// RFC 2047 header text → Unicode (GMime only when "=?" occurs; raw 8-bit taken as UTF-8).
[[nodiscard]] QString decodeHeaderText(QByteArrayView raw);

/// Strips tags and decodes a few entities of an HTML body, for text heuristics.
[[nodiscard]] QByteArray htmlToText(QByteArrayView html);

} // namespace Mailtrail::Reports::Detail
