// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mime/OutgoingMessage.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <optional>

namespace Mailtrail::Mime {

/// The one reader of header values in core: the cache (store/MessageRecord), the report
/// parser (reports/) and tracking use it. Plain ASCII values take a fast path that does not
/// allocate or reach GMime, and so do well-formed RFC 2047 encoded words in UTF-8, US-ASCII,
/// ISO-8859-1 and the single-byte charsets (decodeEncodedWordsWithoutGMime()); everything
/// else (multi-byte charsets, raw 8-bit, groups, comments, obsolete date forms) goes to
/// GMime. Both join a multibyte character split across two encoded words (RFC 2047 §5
/// forbids the split, senders do it; decoding word by word breaks it). GMime 3.2.13 (Debian 12) drops every B word that
/// follows a B word ending in "=" in a run of one charset (its issue #133, fixed in 3.2.14):
/// the fast path decodes such runs itself, word by word, and other values have their damaged
/// runs rewritten as one B word before GMime reads them (decodeHeaderText() and the names
/// parseAddressList() leaves to GMime), so both give what 3.2.14 gives.

/// True when @p value is 7-bit ASCII without an encoded word: its decoded text is its bytes.
[[nodiscard]] bool isPlainHeader(QByteArrayView value);

/// An unstructured value (Subject, a display name): RFC 2047 encoded words decoded, raw
/// 8-bit read by rawText(). Folding is not removed.
[[nodiscard]] QString decodeHeaderText(QByteArrayView value);

/// A raw header value, not decoded further: UTF-8 (RFC 6532) when it is valid UTF-8, else
/// windows-1252 (what old Windows clients send unlabelled; Latin-1 for its five undefined
/// bytes), as the viewer's parser and bodies without a charset read it.
[[nodiscard]] QString rawText(QByteArrayView value);

/// The encoded-word fast path of decodeHeaderText() on its own (tests and benchmarks compare
/// it with GMime): true, with @p result set to exactly what GMime's
/// g_mime_utils_header_decode_text() gives (3.2.14's after a padded B word, see above), when
/// @p value is 7-bit text whose encoded words
/// are all well-formed, whole (no Q escape or B quartet carried into the next word), each a
/// token of its own between white space, in UTF-8 ("utf8"), US-ASCII, ISO-8859-1 ("latin1")
/// or a single-byte charset (ISO-8859-2/-15, windows-1252, KOI8-R…: a 256-entry table built
/// once per charset from the iconv conversion GMime uses, each octet converted alone; octets
/// the charset does not have are GMime's), B or Q, and decode without a NUL. False for
/// anything else, which GMime reads: multi-byte charsets (Shift_JIS, ISO-2022-JP, EUC-*, GB*,
/// Big5), stateful ones (windows-1258), RFC 2231 languages. Allocates nothing but @p result
/// for values up to 256 bytes, once the thread has met each charset.
[[nodiscard]] bool decodeEncodedWordsWithoutGMime(QByteArrayView value, QString *result);

/// A plain ASCII "Display Name <addr>" or "addr" (no quotes, comments, groups, commas):
/// the name and address as views into @p value. False when @p value needs
/// parseAddressList().
[[nodiscard]] bool simpleMailbox(QByteArrayView value, QByteArrayView &name, QByteArrayView &address);

/// Whether parseAddressList() gives display names. Callers that keep only the addresses
/// (the cache's To, Cc and Bcc columns) skip decoding them: the common ASCII shapes are then
/// read without decoding a single encoded word (only the lists GMime reads decode names).
enum class Names { Decoded, Skipped };

/// An address-list (RFC 5322 §3.4): mailboxes (OutgoingMessage.h: decoded display name and
/// addr-spec) in order, groups flattened, names decoded (or empty with Names::Skipped; the
/// addresses are the same either way).
[[nodiscard]] QList<Mailbox> parseAddressList(QByteArrayView value, Names names = Names::Decoded);

/// The parameter @p name of a header value with parameters ("attachment; filename=…",
/// RFC 2183; "application/pdf; name=…", RFC 2045 §5.1) as GMime's parameter parser reads it
/// (RFC 2231 continuations and charsets, and the RFC 2047 words that Outlook and others put
/// in quoted values), those words decoded as 3.2.14 decodes them (see above). Nothing when the
/// value has no such parameter.
[[nodiscard]] std::optional<QString> headerParameter(QByteArrayView value, const char *name);

/// A date-time (RFC 5322 §3.3, with the obsolete forms of §4.3: two-digit years, named
/// zones, comments, no seconds): seconds since the epoch, or nothing when unreadable.
[[nodiscard]] std::optional<qint64> parseDate(QByteArrayView value);

enum class Xtext { Strict, Lenient };
/// xtext (RFC 3461 §4): "+XX" hex pairs (upper case) and printable ASCII but "=". Strict:
/// false, with @p out undefined, on anything else. Lenient (what a report's
/// Original-Envelope-Id needs, whatever the reporting MTA did to it): a malformed "+" and
/// other octets are kept as they are, and the result is always true.
[[nodiscard]] bool decodeXtext(QByteArrayView xtext, QByteArray *out, Xtext mode = Xtext::Strict);

} // namespace Mailtrail::Mime
