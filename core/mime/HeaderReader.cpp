// SPDX-License-Identifier: GPL-3.0-or-later
#include "mime/HeaderReader.h"

#include "Ascii_p.h"
#include "mime/CharsetDecoder.h"
#include "mime/GMimeRuntime.h"

#include <QHash>
#include <QMutex>
#include <QSet>
#include <QStringDecoder>
#include <QVarLengthArray>

#include <gmime/gmime.h>
#include <iconv.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <memory>
#include <utility>

namespace Mailtrail::Mime {

namespace {

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
qint64 daysFromCivil(qint64 y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + qint64(doe) - 719468;
}

/// The common form "[Day, ]DD Mon YYYY HH:MM[:SS] +ZZZZ", without allocating; nothing
/// when the value is in any other shape (GMime reads those).
std::optional<qint64> parseDateFast(QByteArrayView v)
{
    qsizetype i = 0;
    const auto skipSpaces = [&] {
        while (i < v.size() && (v[i] == ' ' || v[i] == '\t'))
            ++i;
    };
    const auto number = [&](int maxDigits, int &out) {
        int n = 0;
        int digits = 0;
        while (i < v.size() && v[i] >= '0' && v[i] <= '9' && digits < maxDigits) {
            n = n * 10 + (v[i] - '0');
            ++i;
            ++digits;
        }
        out = n;
        return digits > 0;
    };
    skipSpaces();
    if (i + 3 < v.size() && v[i + 3] == ',') {
        i += 4;
        skipSpaces();
    }
    int day = 0, year = 0, hour = 0, minute = 0, second = 0;
    if (!number(2, day))
        return std::nullopt;
    skipSpaces();
    if (i + 3 > v.size())
        return std::nullopt;
    static const char months[] = "janfebmaraprmayjunjulaugsepoctnovdec";
    const char m0 = char(v[i] | 0x20), m1 = char(v[i + 1] | 0x20), m2 = char(v[i + 2] | 0x20);
    int month = 0;
    for (int k = 0; k < 12; ++k) {
        if (months[k * 3] == m0 && months[k * 3 + 1] == m1 && months[k * 3 + 2] == m2) {
            month = k + 1;
            break;
        }
    }
    if (!month)
        return std::nullopt;
    i += 3;
    skipSpaces();
    const qsizetype yearStart = i;
    if (!number(4, year) || i - yearStart == 3)
        return std::nullopt;
    if (i - yearStart <= 2)
        year += year < 50 ? 2000 : 1900; // RFC 5322 §4.3 obsolete two-digit years
    skipSpaces();
    if (!number(2, hour) || i >= v.size() || v[i] != ':')
        return std::nullopt;
    ++i;
    if (!number(2, minute))
        return std::nullopt;
    if (i < v.size() && v[i] == ':') {
        ++i;
        if (!number(2, second))
            return std::nullopt;
    }
    skipSpaces();
    if (i >= v.size() || (v[i] != '+' && v[i] != '-'))
        return std::nullopt;
    const int sign = v[i] == '-' ? -1 : 1;
    ++i;
    int zone = 0;
    const qsizetype zoneStart = i;
    if (!number(4, zone) || i - zoneStart != 4)
        return std::nullopt;
    if (day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60 || zone % 100 > 59)
        return std::nullopt;
    const qint64 offset = sign * ((zone / 100) * 3600 + (zone % 100) * 60);
    return daysFromCivil(year, unsigned(month), unsigned(day)) * 86400 + hour * 3600 + minute * 60 + second - offset;
}

/// Keeps glibc's conversion module of every charset seen in an encoded word loaded for the
/// life of the process. GMime opens and closes an iconv descriptor per decoded word; when
/// the last descriptor of a charset closes, glibc unloads its gconv module, and the next word
/// in that charset loads it again (dlopen): 230 µs a word instead of 7 µs on a mailbox where
/// charsets alternate (bench_imap's realistic data).
void keepCharsetsLoaded(QByteArrayView value)
{
    static QMutex mutex;
    static QSet<QByteArray> loaded;
    // The charsets this thread has already made sure of: looked up without the lock and
    // without allocating (a value reaches here once per header of a first sync).
    thread_local QList<QByteArray> known;
    qsizetype pos = 0;
    while ((pos = indexOfEncodedWordStart(value, pos)) >= 0) {
        const qsizetype end = value.indexOf('?', pos + 2);
        if (end < 0)
            return;
        QByteArrayView name = value.sliced(pos + 2, end - pos - 2);
        pos = end + 1;
        if (const qsizetype star = name.indexOf('*'); star >= 0)
            name.truncate(star); // RFC 2231 language
        if (name.isEmpty() || name.size() > 40)
            continue;
        char lower[40];
        for (qsizetype k = 0; k < name.size(); ++k)
            lower[k] = toLowerAscii(name[k]);
        const QByteArrayView charset(lower, name.size());
        if (charset == "utf-8" || charset == "us-ascii" || known.contains(charset))
            continue;
        const QByteArray key = charset.toByteArray();
        if (known.size() < 64)
            known.append(key);
        const QMutexLocker lock(&mutex);
        if (loaded.contains(key) || loaded.size() >= 64)
            continue;
        loaded.insert(key);
        // Never closed, so the module stays loaded. Kept in a list that is never destroyed
        // rather than dropped, so the handles stay reachable to the end (a leak checker sees
        // no leak). Unknown charsets give (iconv_t)-1.
        static auto *const open = new QList<iconv_t>;
        if (const iconv_t cd = iconv_open("UTF-8", g_mime_charset_iconv_name(key.constData()));
            cd != iconv_t(-1))
            open->append(cd);
    }
}

// The encoded-word fast path of decodeHeaderText(). GMime's decoder (gmime-utils.c:
// tokenize_rfc2047_text, rfc2047_decode_tokens) allocates a token per word and a buffer per
// run, and opens an iconv descriptor per run of words; for the charsets whose conversion needs
// no iconv this reads the values it can read exactly as GMime does, in one pass without
// allocating, and leaves every other value to GMime.

enum class WordCharset : quint8 { Utf8, Ascii, Latin1, SingleByte };

/// The UTF-16 unit of each octet of a single-byte charset, as GMime's iconv conversion gives
/// it; invalidOctet where iconv refuses the octet (GMime writes "?" there: such values are
/// left to it).
struct SingleByteTable
{
    static constexpr char16_t invalidOctet = 0xffff;
    std::array<char16_t, 256> units;
};

/// The table of the charset GMime's rfc2047_decode_tokens() converts @p iconvName words with
/// (g_mime_iconv_open("UTF-8", name), iconv then flushed), built by converting each octet
/// alone; nullptr unless iconv says the charset is single-byte and stateless: every octet
/// converts alone, at once and with nothing left for the flush, to one character of the BMP
/// (so converting a run of words octet by octet is converting it whole), or is invalid
/// (EILSEQ). Multi-byte charsets (an octet that is an incomplete sequence: Shift_JIS, EUC-*,
/// GB*, Big5, ISO-2022-*, UTF-16/-7), charsets that keep an octet back to combine it with
/// the next (glibc's CP1258, TCVN) and unknown ones give nullptr.
std::unique_ptr<SingleByteTable> buildSingleByteTable(const char *iconvName)
{
    const iconv_t cd = g_mime_iconv_open("UTF-8", iconvName);
    if (cd == iconv_t(-1))
        return nullptr;
    auto table = std::make_unique<SingleByteTable>();
    bool singleByte = true;
    for (int octet = 0; octet < 256 && singleByte; ++octet) {
        char in = char(octet);
        char converted[16];
        char *inPtr = &in;
        char *outPtr = converted;
        size_t inLeft = 1;
        size_t outLeft = sizeof converted;
        if (iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) == size_t(-1)) {
            singleByte = errno == EILSEQ;
            table->units[octet] = SingleByteTable::invalidOctet;
            iconv(cd, nullptr, nullptr, nullptr, nullptr);
            continue;
        }
        const size_t produced = sizeof converted - outLeft;
        if (iconv(cd, nullptr, nullptr, &outPtr, &outLeft) == size_t(-1) || sizeof converted - outLeft != produced) {
            singleByte = false; // stateful: output held back, or written by the flush
            break;
        }
        const QString character = QString::fromUtf8(converted, qsizetype(produced));
        singleByte = inLeft == 0 && character.size() == 1 && character.at(0).unicode() != SingleByteTable::invalidOctet
            && !character.at(0).isSurrogate() && character.toUtf8() == QByteArrayView(converted, qsizetype(produced));
        if (singleByte)
            table->units[octet] = character.at(0).unicode();
    }
    g_mime_iconv_close(cd);
    return singleByte ? std::move(table) : nullptr;
}

/// The single-byte table of the encoded-word charset @p spelling (lower case, no RFC 2231
/// language), or nullptr (the value is GMime's). Built once per charset, from the iconv name
/// GMime's tokenizer gives it (g_mime_charset_iconv_name()); tables and refusals of up to 64
/// charsets are kept for the life of the process, other charsets are left to GMime.
/// Thread-safe; after a thread's first word in a charset, lookups take no lock and allocate
/// nothing.
const SingleByteTable *singleByteTable(QByteArrayView spelling)
{
    struct Known
    {
        char name[40];
        qsizetype size;
        const SingleByteTable *table;
    };
    thread_local QVarLengthArray<Known, 16> known;
    for (const Known &k : known) {
        if (QByteArrayView(k.name, k.size) == spelling)
            return k.table;
    }
    if (spelling.isEmpty() || spelling.size() > 40 || known.size() >= 64)
        return nullptr;
    static QMutex mutex;
    // Never destroyed: the tables outlive every thread that points at them.
    static auto *const tables = new QHash<QByteArray, const SingleByteTable *>;
    const SingleByteTable *table = nullptr;
    {
        const QMutexLocker lock(&mutex);
        const QByteArray key = spelling.toByteArray();
        if (const auto it = tables->constFind(key); it != tables->constEnd()) {
            table = *it;
        } else {
            if (tables->size() >= 64)
                return nullptr;
            ensureGMimeInitialized();
            // "x-unknown" is the locale's charset to g_mime_iconv_open(): left to GMime.
            if (key != "x-unknown")
                table = buildSingleByteTable(g_mime_charset_iconv_name(key.constData())).release();
            tables->insert(key, table);
        }
    }
    Known k{};
    std::memcpy(k.name, spelling.data(), size_t(spelling.size()));
    k.size = spelling.size();
    k.table = table;
    known.append(k);
    return table;
}

constexpr bool isLwsp(char c) // GMime's linear white space (gmime-table-private.h)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/// Value of a base64 digit, or -1.
constexpr std::array<qint8, 256> base64Digits = [] {
    std::array<qint8, 256> t{};
    for (qint8 &d : t)
        d = -1;
    for (int k = 0; k < 26; ++k) {
        t['A' + k] = qint8(k);
        t['a' + k] = qint8(26 + k);
    }
    for (int k = 0; k < 10; ++k)
        t['0' + k] = qint8(52 + k);
    t['+'] = 62;
    t['/'] = 63;
    return t;
}();

/// Value of a hex digit in either case (GMime's isxdigit()), or -1.
constexpr std::array<qint8, 256> hexDigits = [] {
    std::array<qint8, 256> t{};
    for (qint8 &d : t)
        d = -1;
    for (int k = 0; k < 10; ++k)
        t['0' + k] = qint8(k);
    for (int k = 0; k < 6; ++k) {
        t['A' + k] = qint8(10 + k);
        t['a' + k] = qint8(10 + k);
    }
    return t;
}();

/// The charsets taken, in the spellings GMime's g_mime_charset_iconv_name() maps to one name
/// iconv converts exactly: "utf-8"/"utf8" → "UTF-8" (which GMime decodes without iconv too),
/// "iso-8859-1" (also "iso8859-1", "iso_8859-1") → "iso-8859-1", "latin1" and "us-ascii" as
/// they are (glibc's ISO-8859-1 and ASCII; GMime maps neither to windows-1252). Any case.
std::optional<WordCharset> fastCharset(QByteArrayView name)
{
    if (name.size() < 4 || name.size() > 10)
        return std::nullopt;
    char lower[10];
    for (qsizetype k = 0; k < name.size(); ++k)
        lower[k] = toLowerAscii(name[k]);
    const QByteArrayView l(lower, name.size());
    if (l == "utf-8" || l == "utf8")
        return WordCharset::Utf8;
    if (l == "iso-8859-1" || l == "latin1" || l == "iso8859-1" || l == "iso_8859-1")
        return WordCharset::Latin1;
    if (l == "us-ascii")
        return WordCharset::Ascii;
    return std::nullopt;
}

/// The head of an encoded word (RFC 2047 §2) that fills all of @p token.
struct EncodedWord
{
    WordCharset charset;
    bool base64;
    QByteArrayView payload;
    const SingleByteTable *table = nullptr; // of WordCharset::SingleByte
};

/// The table of a charset fastCharset() does not take, when it is single-byte: any case, no
/// RFC 2231 language (GMime's then).
const SingleByteTable *singleByteCharset(QByteArrayView name)
{
    if (name.isEmpty() || name.size() > 40)
        return nullptr;
    char lower[40];
    for (qsizetype k = 0; k < name.size(); ++k) {
        const char c = name[k];
        if (c == '*' || quint8(c) < 0x21 || quint8(c) > 0x7e)
            return nullptr;
        lower[k] = toLowerAscii(c);
    }
    return singleByteTable(QByteArrayView(lower, name.size()));
}

/// False for anything but "=?charset?B|Q?…?=" in a charset taken; no RFC 2231 language.
bool readWordHead(QByteArrayView token, EncodedWord *word)
{
    const qsizetype size = token.size();
    if (size < 8 || token[0] != '=' || token[1] != '?' || token[size - 2] != '?' || token[size - 1] != '=')
        return false;
    const qsizetype question = token.indexOf('?', 2); // found: the token ends in "?="
    if (question + 3 > size - 2 || token[question + 2] != '?')
        return false;
    const char encoding = char(token[question + 1] | 0x20);
    if (encoding != 'b' && encoding != 'q')
        return false;
    const QByteArrayView name = token.sliced(2, question - 2);
    const QByteArrayView payload = token.sliced(question + 3, size - 2 - (question + 3));
    if (const auto charset = fastCharset(name)) {
        *word = {*charset, encoding == 'b', payload};
        return true;
    }
    if (const SingleByteTable *table = singleByteCharset(name)) {
        *word = {WordCharset::SingleByte, encoding == 'b', payload, table};
        return true;
    }
    return false;
}

/// Writes the octets of @p word's payload at @p out, as GMime's quoted_decode() and
/// g_mime_encoding_base64_decode_step() give them, and returns the end; nullptr when GMime
/// might read the word otherwise: a "?=" before its end (GMime ends the word there), a Q "="
/// without two hex digits (GMime carries it into the next word), controls or 8-bit, B not
/// in whole quartets or with other characters (GMime skips them, and carries a partial
/// quartet on).
char *decodePayload(const EncodedWord &word, char *out)
{
    const auto *p = reinterpret_cast<const quint8 *>(word.payload.data());
    const auto *const end = p + word.payload.size();
    if (word.base64) {
        if (word.payload.size() % 4 != 0)
            return nullptr;
        for (; p < end; p += 4) {
            const int a = base64Digits[p[0]], b = base64Digits[p[1]], c = base64Digits[p[2]], d = base64Digits[p[3]];
            if ((a | b | c | d) >= 0) {
                const quint32 saved = quint32(a) << 18 | quint32(b) << 12 | quint32(c) << 6 | quint32(d);
                *out++ = char(saved >> 16);
                *out++ = char(saved >> 8);
                *out++ = char(saved);
                continue;
            }
            // Only the last quartet may be short: "xx==" one octet, "xxx=" two.
            if (p + 4 != end || a < 0 || b < 0 || p[3] != '=' || (c < 0 && p[2] != '='))
                return nullptr;
            *out++ = char(a << 2 | b >> 4);
            if (c >= 0)
                *out++ = char((b & 0x0f) << 4 | c >> 2);
        }
        return out;
    }
    while (p < end) {
        const quint8 c = *p++;
        if (c == '=') {
            if (end - p < 2 || (hexDigits[p[0]] | hexDigits[p[1]]) < 0)
                return nullptr;
            *out++ = char(hexDigits[p[0]] << 4 | hexDigits[p[1]]);
            p += 2;
        } else if (c == '_') {
            *out++ = ' '; // RFC 2047 §4.2 (2)
        } else if (c < '!' || c > '~' || (c == '?' && p < end && *p == '=')) {
            return nullptr;
        } else {
            *out++ = char(c);
        }
    }
    return out;
}

/// Appends the UTF-8 octets [@p begin, @p end) as GMime gives them: each octet where
/// g_utf8_validate() stops (an invalid or truncated sequence, a NUL) becomes "?" (in place).
void appendUtf8(char *begin, char *end, char16_t *&out)
{
    char *str = begin;
    const gchar *stop = nullptr;
    while (!g_utf8_validate(str, end - str, &stop)) {
        str = begin + (stop - begin);
        *str = '?';
    }
    const auto *b = reinterpret_cast<const quint8 *>(begin);
    const auto *const e = reinterpret_cast<const quint8 *>(end);
    while (b < e) { // valid UTF-8 from here on
        char32_t c = *b;
        if (c < 0x80) {
            ++b;
        } else if (c < 0xe0) {
            c = (c & 0x1f) << 6 | (b[1] & 0x3f);
            b += 2;
        } else if (c < 0xf0) {
            c = (c & 0x0f) << 12 | (b[1] & 0x3f) << 6 | (b[2] & 0x3f);
            b += 3;
        } else {
            c = (c & 0x07) << 18 | (b[1] & 0x3f) << 12 | (b[2] & 0x3f) << 6 | (b[3] & 0x3f);
            b += 4;
        }
        if (c >= 0x10000) {
            *out++ = QChar::highSurrogate(c);
            *out++ = QChar::lowSurrogate(c);
        } else {
            *out++ = char16_t(c);
        }
    }
}

} // namespace

bool decodeEncodedWordsWithoutGMime(QByteArrayView value, QString *result)
{
    const qsizetype n = value.size();
    // Upper bounds: a word decodes to fewer octets than it has, and no octet becomes more than
    // one UTF-16 unit.
    QVarLengthArray<char16_t, 256> text(n);
    QVarLengthArray<char, 256> octets(n); // of the open run of UTF-8 words, or of one word
    char16_t *out = text.data();
    char *const runBegin = octets.data();
    char *runEnd = runBegin;
    bool runOpen = false;
    bool runBase64 = false;
    bool afterWord = false; // the previous token was an encoded word
    qsizetype i = 0;
    while (i < n) {
        const qsizetype spaceStart = i;
        while (i < n && isLwsp(value[i]))
            ++i;
        const qsizetype tokenStart = i;
        while (i < n && !isLwsp(value[i]))
            ++i;
        const QByteArrayView space = value.sliced(spaceStart, tokenStart - spaceStart);
        const QByteArrayView token = value.sliced(tokenStart, i - tokenStart);
        if (token.size() < 2 || token[0] != '=' || token[1] != '?') {
            if (runOpen)
                appendUtf8(runBegin, std::exchange(runEnd, runBegin), out);
            runOpen = afterWord = false;
            for (const char c : space)
                *out++ = char16_t(quint8(c));
            for (qsizetype k = 0; k < token.size(); ++k) {
                const auto c = quint8(token[k]);
                if (c == 0 || c >= 0x80 || (c == '=' && k + 1 < token.size() && token[k + 1] == '?'))
                    return false; // a NUL, raw 8-bit, a word inside a word: GMime's
                *out++ = char16_t(c);
            }
            continue;
        }
        EncodedWord word;
        if (!readWordHead(token, &word))
            return false;
        // GMime joins the octets of a run of adjacent words in one charset and encoding before
        // converting them, so a character split across words (RFC 2047 §5 forbids it, senders
        // do it) comes out whole. Empty words continue a run. Each B word is decoded on its
        // own, a padded one too: GMime 3.2.13 drops every B word of a run after one that ends
        // in "=" (its issue #133); 3.2.14 keeps them, as here.
        if (runOpen && (word.charset != WordCharset::Utf8 || word.base64 != runBase64)) {
            appendUtf8(runBegin, std::exchange(runEnd, runBegin), out);
            runOpen = false;
        }
        if (!afterWord) { // RFC 2047 §6.2: white space between adjacent encoded words is dropped
            for (const char c : space)
                *out++ = char16_t(quint8(c));
        }
        char *const wordEnd = decodePayload(word, runEnd);
        if (!wordEnd)
            return false;
        if (word.charset == WordCharset::Utf8) {
            runEnd = wordEnd;
            runBase64 = word.base64;
            runOpen = true;
        } else {
            for (const char *o = runEnd; o < wordEnd; ++o) {
                const auto u = quint8(*o);
                // A NUL ends GMime's C string; US-ASCII octets above 0x7f, and the octets a
                // single-byte charset does not have, become "?" in its iconv loop: all left to
                // GMime.
                if (u == 0 || (u >= 0x80 && word.charset == WordCharset::Ascii))
                    return false;
                if (word.charset == WordCharset::SingleByte) {
                    const char16_t unit = word.table->units[u];
                    if (unit == SingleByteTable::invalidOctet)
                        return false;
                    *out++ = unit;
                } else {
                    *out++ = char16_t(u); // ISO-8859-1 is the first 256 code points
                }
            }
        }
        afterWord = true;
    }
    if (runOpen)
        appendUtf8(runBegin, runEnd, out);
    // decodeHeaderText() read GMime's UTF-8 with QString::fromUtf8(), which drops a byte order
    // mark at the start (and only there).
    const char16_t *begin = text.constData();
    if (out > begin && *begin == 0xfeff)
        ++begin;
    *result = QString(reinterpret_cast<const QChar *>(begin), out - begin);
    return true;
}

QString rawText(QByteArrayView value)
{
    // The viewer's GMime parser falls back to the same two (MessageReader), and bodies
    // without a charset are read so too (decodeText()): the list, search and the viewer
    // show a raw "\x80" as the same euro sign.
    return decodeText(value.toByteArray(), QByteArray()).text;
}

namespace {

/// What GMime is given: NUL-terminated, and valid UTF-8 (raw 8-bit that is not UTF-8 read
/// as windows-1252, rawText()).
QByteArray forGMime(QByteArrayView value)
{
    if (isAscii(value) || isValidUtf8(value.toByteArray()))
        return value.toByteArray();
    return rawText(value).toUtf8();
}

/// GMime 3.2.13's g_mime_encoding_base64_decode_step() on a payload of base64 digits and
/// "=": an "=" ends the stream (state -1), and a stream that has ended gives nothing more.
void gmime3213Base64Step(QByteArrayView payload, QByteArray &out, int &state, quint32 &save)
{
    if (state == -1)
        return;
    int n = state;
    quint32 saved = save;
    for (const char ch : payload) {
        const int digit = base64Digits[quint8(ch)];
        if (digit >= 0) {
            saved = saved << 6 | quint32(digit);
            if (++n == 4) {
                out.append(char(saved >> 16)).append(char(saved >> 8)).append(char(saved));
                saved = 0;
                n = 0;
            }
            continue;
        }
        if (n > 1) { // ch is "=": the end
            saved <<= 6 * (4 - n);
            out.append(char(saved >> 16));
            if (n > 2)
                out.append(char(saved >> 8));
        }
        n = -1;
        break;
    }
    state = n;
    save = saved;
}

/// One encoded word as GMime's tokenize_rfc2047_text() and rfc2047_token_new_encoded_word()
/// find it.
struct RunWord
{
    qsizetype begin;
    qsizetype end;
    const char *charset; // g_mime_charset_iconv_name(), compared as GMime does (strcmp)
    bool base64;
    bool wellFormed; // B in whole quartets with "=" only as padding, a charset of [A-Za-z0-9-_.:+*]
    QByteArrayView spelling; // the charset as written
    QByteArrayView payload;
};

/// [@p begin, @p end) of @p value as rfc2047_token_new_encoded_word() reads it: false when it
/// is no encoded word.
bool readRunWord(QByteArrayView value, qsizetype begin, qsizetype end, RunWord *word)
{
    const QByteArrayView token = value.sliced(begin, end - begin);
    if (token.size() < 7 || !token.startsWith("=?") || !token.endsWith("?=") || token[2] == '?' || token[2] == '*')
        return false;
    const qsizetype question = token.indexOf('?', 2);
    if (question + 2 >= token.size() || token[question + 2] != '?')
        return false;
    const char encoding = char(token[question + 1] | 0x20);
    const qsizetype payloadStart = question + 3;
    if ((encoding != 'b' && encoding != 'q') || payloadStart > token.size() - 2)
        return false;
    *word = {begin, end, nullptr, encoding == 'b', true, token.sliced(2, question - 2),
             token.sliced(payloadStart, token.size() - 2 - payloadStart)};
    for (const char c : word->spelling) {
        word->wellFormed = word->wellFormed
            && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                || c == '.' || c == ':' || c == '+' || c == '*');
    }
    const QByteArrayView p = word->payload;
    word->wellFormed = word->wellFormed && p.size() % 4 == 0;
    for (qsizetype k = 0; word->wellFormed && k < p.size(); ++k) {
        if (base64Digits[quint8(p[k])] < 0)
            word->wellFormed = p[k] == '=' && k >= p.size() - 2 && (k == p.size() - 1 || p[k + 1] == '=');
    }
    QByteArrayView name = word->spelling;
    if (const qsizetype star = name.indexOf('*'); star >= 0)
        name.truncate(star); // RFC 2231 language
    word->charset = g_mime_charset_iconv_name(name.toByteArray().constData());
    return true;
}

/// GMime 3.2.13 (Debian 12) decodes the B words of a run (adjacent encoded words, white space
/// between them dropped, in one encoding and charset: its rfc2047_decode_tokens()) as one
/// base64 stream, which a word ending in "=" ends, so it drops every B word of the run after
/// such a word ("=?UTF-8?B?SsM=?= =?UTF-8?B?tnJn?=", "Jörg", comes out "J?"): its issue #133,
/// fixed in 3.2.14, which decodes each word on its own. Rewrites each run it would damage,
/// when all the run's words are well-formed, as ONE B word of the run's charset holding the
/// octets of the words decoded one by one, so that GMime still converts the charset and joins
/// a character split across words (GMime reads a word longer than RFC 2047's 75 characters as
/// any other). Finds the words as GMime's tokenize_rfc2047_text() does. A value without such a
/// run is left exactly as it is; returns whether @p value changed.
bool rejoinPaddedBase64Runs(QByteArray &value)
{
    if (!value.contains("=?=")) // how a padded B word ends
        return false;
    const char *const v = value.constData(); // GMime reads up to a NUL; v[n] is one
    const qsizetype n = qsizetype(qstrlen(v));
    QByteArray out;
    qsizetype copied = 0; // of value, into out
    bool changed = false;
    QVarLengthArray<RunWord, 8> run;
    const auto endRun = [&] {
        bool rewrite = run.size() > 1 && run.front().base64;
        for (const RunWord &w : run)
            rewrite = rewrite && w.wellFormed;
        if (rewrite) {
            QByteArray asGMime;
            QByteArray wordByWord;
            int state = 0, ownState = 0;
            quint32 save = 0, ownSave = 0;
            for (const RunWord &w : run) {
                gmime3213Base64Step(w.payload, asGMime, state, save);
                if (ownState == -1)
                    ownState = 0; // each word on its own, as 3.2.14 does
                gmime3213Base64Step(w.payload, wordByWord, ownState, ownSave);
            }
            if (asGMime != wordByWord) {
                out.append(v + copied, run.front().begin - copied);
                out.append("=?").append(run.front().spelling).append("?B?").append(wordByWord.toBase64()).append("?=");
                copied = run.back().end;
                changed = true;
            }
        }
        run.clear();
    };
    const auto wordStartAt = [v](qsizetype i) { return v[i] == '=' && v[i + 1] == '?'; };
    qsizetype i = 0;
    while (i < n) {
        while (isLwsp(v[i]))
            ++i;
        if (!v[i])
            break;
        const qsizetype begin = i;
        bool scanned = false;
        if (wordStartAt(i)) { // tokenize_rfc2047_text(), GMIME_RFC_COMPLIANCE_LOOSE
            qsizetype q = i + 2;
            while (v[q] && v[q] != '?')
                ++q;
            if (v[q] == '?' && v[q + 1] && std::strchr("BbQq", v[q + 1]) && v[q + 2] == '?') {
                q += 3;
                while (v[q] && !(v[q] == '?' && v[q + 1] == '='))
                    ++q;
                if (v[q]) {
                    i = q + 2;
                    scanned = true;
                } else {
                    i = begin + 2; // no end marker
                }
            } else {
                i = q;
            }
        }
        if (!scanned) {
            while (v[i] && !isLwsp(v[i]) && !wordStartAt(i))
                ++i;
        }
        RunWord word;
        if (!readRunWord(QByteArrayView(v, n), begin, i, &word)) {
            endRun(); // text ends a run
            continue;
        }
        if (!run.isEmpty() && (word.base64 != run.front().base64 || qstrcmp(word.charset, run.front().charset) != 0))
            endRun();
        run.append(word);
    }
    endRun();
    if (!changed)
        return false;
    out.append(v + copied, value.size() - copied);
    value = std::move(out);
    return true;
}

void appendMailboxes(InternetAddressList *list, QList<Mailbox> &out)
{
    const int count = internet_address_list_length(list);
    for (int i = 0; i < count; ++i) {
        InternetAddress *address = internet_address_list_get_address(list, i);
        if (INTERNET_ADDRESS_IS_GROUP(address)) {
            appendMailboxes(internet_address_group_get_members(INTERNET_ADDRESS_GROUP(address)), out);
            continue;
        }
        if (!INTERNET_ADDRESS_IS_MAILBOX(address))
            continue;
        Mailbox m;
        m.name = QString::fromUtf8(internet_address_get_name(address));
        m.address = QString::fromUtf8(internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(address)));
        if (!m.address.isEmpty())
            out.append(std::move(m));
    }
}

} // namespace

bool isPlainHeader(QByteArrayView v)
{
    for (qsizetype i = 0; i < v.size(); ++i) {
        const char c = v[i];
        if (quint8(c) >= 0x80 || (c == '=' && i + 1 < v.size() && v[i + 1] == '?'))
            return false;
    }
    return true;
}

QString decodeHeaderText(QByteArrayView value)
{
    if (isPlainHeader(value))
        return QString::fromLatin1(value.data(), value.size());
    if (!containsEncodedWordStart(value))
        return rawText(value);
    if (QString fast; decodeEncodedWordsWithoutGMime(value, &fast))
        return fast;
    ensureGMimeInitialized();
    keepCharsetsLoaded(value);
    QByteArray input = forGMime(value);
    rejoinPaddedBase64Runs(input);
    char *decoded = g_mime_utils_header_decode_text(nullptr, input.constData());
    QString result = QString::fromUtf8(decoded);
    g_free(decoded);
    return result;
}

namespace {

/// Bytes that end a fast path of the address readers: the specials of quoted strings,
/// comments, groups, lists and escapes, and (with @p eightBit) every 8-bit byte. A table: these
/// scans see every address header of a first sync, and a comparison per special per byte was
/// a twentieth of its parsing.
constexpr std::array<bool, 256> byteTable(std::string_view specials, bool eightBit)
{
    std::array<bool, 256> table{};
    for (const char c : specials)
        table[quint8(c)] = true;
    for (int b = 0x80; b < 0x100; ++b)
        table[size_t(b)] = eightBit;
    return table;
}

constexpr auto kNotSimpleMailbox = byteTable("\"(,;:\\", true);
constexpr auto kNotPlainList = byteTable("\"(;:\\", false);

bool anyOf(QByteArrayView v, const std::array<bool, 256> &table)
{
    for (const char c : v) {
        if (table[quint8(c)])
            return true;
    }
    return false;
}

} // namespace

bool simpleMailbox(QByteArrayView v, QByteArrayView &name, QByteArrayView &address)
{
    if (anyOf(v, kNotSimpleMailbox))
        return false;
    if (containsEncodedWordStart(v))
        return false;
    const qsizetype lt = lastIndexOfByte(v, '<');
    const qsizetype gt = lastIndexOfByte(v, '>');
    if (lt >= 0 && gt > lt) {
        address = trimmedAscii(v.sliced(lt + 1, gt - lt - 1));
        name = trimmedAscii(v.first(lt));
    } else {
        address = trimmedAscii(v);
        name = {};
    }
    return true;
}

namespace {

/// One mailbox of the usual ASCII shapes, "a@x", "Name <a@x>" or "=?cs?Q?…?= <a@x>" (no
/// quotes, comments, groups, escapes or commas: the caller made sure), without GMime. False
/// for anything else, which GMime then reads.
bool plainMailbox(QByteArrayView v, Mailbox *out, Names names)
{
    v = trimmedAscii(v);
    const qsizetype lt = lastIndexOfByte(v, '<');
    if (lt < 0) {
        if (v.isEmpty() || containsEncodedWordStart(v) || containsByte(v, '>'))
            return false;
        for (const char c : v) {
            if (c == ' ' || c == '\t')
                return false; // words without brackets: GMime knows what was meant
        }
        *out = {QString(), QString::fromLatin1(v.data(), v.size())};
        return true;
    }
    const qsizetype gt = lastIndexOfByte(v, '>');
    if (gt != v.size() - 1 || gt < lt || containsByte(v.first(lt), '<') || containsByte(v.first(lt), '>'))
        return false;
    const QByteArrayView address = trimmedAscii(v.sliced(lt + 1, gt - lt - 1));
    if (address.isEmpty() || containsEncodedWordStart(address))
        return false;
    const QByteArrayView name = trimmedAscii(v.first(lt));
    *out = {names == Names::Skipped ? QString()
                : containsEncodedWordStart(name) ? simplifiedText(decodeHeaderText(name))
                                        : QString::fromLatin1(name.data(), name.size()),
            QString::fromLatin1(address.data(), address.size())};
    return true;
}

} // namespace

QList<Mailbox> parseAddressList(QByteArrayView value, Names names)
{
    QList<Mailbox> out;
    QByteArrayView name;
    QByteArrayView address;
    if (simpleMailbox(value, name, address)) {
        if (!address.isEmpty())
            out.append({names == Names::Skipped ? QString() : QString::fromLatin1(name.data(), name.size()),
                        QString::fromLatin1(address.data(), address.size())});
        return out;
    }
    // The usual shapes of ASCII lists, "a@x, Bob <b@y>, =?utf-8?Q?J=C3=B6rg?= <j@z>": without
    // quotes, comments, groups or escapes a comma only separates mailboxes (RFC 2047 §5(3)
    // keeps commas out of an encoded word in a phrase), so each is read on its own and only
    // encoded names need GMime (its address parser took a fifth of a first sync's parsing).
    if (isAscii(value)) {
        if (!anyOf(value, kNotPlainList)) {
            QList<Mailbox> list;
            qsizetype from = 0;
            bool ok = true;
            while (ok && from <= value.size()) {
                qsizetype comma = indexOfByte(value, ',', from);
                if (comma < 0)
                    comma = value.size();
                const QByteArrayView piece = value.sliced(from, comma - from);
                if (!trimmedAscii(piece).isEmpty()) { // empty list elements (RFC 5322 §4.4) are skipped
                    Mailbox m;
                    ok = plainMailbox(piece, &m, names);
                    if (ok)
                        list.append(std::move(m));
                }
                from = comma + 1;
            }
            if (ok)
                return list;
        }
    }
    ensureGMimeInitialized();
    keepCharsetsLoaded(value);
    QByteArray input = forGMime(value);
    // The display names GMime decodes (quoted, plain, in comments) meet the same issue #133.
    rejoinPaddedBase64Runs(input);
    InternetAddressList *list = internet_address_list_parse(nullptr, input.constData());
    if (!list)
        return out;
    appendMailboxes(list, out);
    g_object_unref(list);
    if (names == Names::Skipped) {
        for (Mailbox &m : out)
            m.name.clear();
    }
    return out;
}

std::optional<QString> headerParameter(QByteArrayView value, const char *name)
{
    const qsizetype semicolon = value.indexOf(';');
    if (semicolon < 0)
        return std::nullopt;
    ensureGMimeInitialized();
    QByteArray input = forGMime(value.sliced(semicolon + 1));
    // A quoted value with encoded words goes through GMime's header decoder: issue #133 too.
    rejoinPaddedBase64Runs(input);
    GMimeParamList *list = g_mime_param_list_parse(nullptr, input.constData());
    if (!list)
        return std::nullopt;
    std::optional<QString> out;
    if (GMimeParam *param = g_mime_param_list_get_parameter(list, name))
        out = QString::fromUtf8(g_mime_param_get_value(param));
    g_object_unref(list);
    return out;
}

std::optional<qint64> parseDate(QByteArrayView value)
{
    if (const auto fast = parseDateFast(value))
        return fast;
    const QByteArray input = value.trimmed().toByteArray();
    if (input.isEmpty() || !isAscii(input))
        return std::nullopt;
    ensureGMimeInitialized();
    GDateTime *date = g_mime_utils_header_decode_date(input.constData());
    if (!date)
        return std::nullopt;
    const qint64 seconds = g_date_time_to_unix(date);
    g_date_time_unref(date);
    return seconds;
}

bool decodeXtext(QByteArrayView xtext, QByteArray *out, Xtext mode)
{
    const bool strict = mode == Xtext::Strict;
    const auto hex = [](char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    };
    out->clear();
    out->reserve(xtext.size());
    for (qsizetype i = 0; i < xtext.size(); ++i) {
        const auto c = static_cast<unsigned char>(xtext[i]);
        if (c == '+') {
            const int high = i + 2 < xtext.size() ? hex(xtext[i + 1]) : -1;
            const int low = i + 2 < xtext.size() ? hex(xtext[i + 2]) : -1;
            if (high >= 0 && low >= 0) {
                out->append(char(high * 16 + low));
                i += 2;
                continue;
            }
            if (strict)
                return false;
            out->append(char(c));
        } else if ((c >= '!' && c <= '~' && c != '=') || !strict) {
            out->append(char(c));
        } else {
            return false;
        }
    }
    return true;
}

} // namespace Mailtrail::Mime
