// SPDX-License-Identifier: GPL-3.0-or-later
#include "mime/HeaderReader.h"

#include "Ascii_p.h"
#include "mime/GMimeRuntime.h"

#include <QMutex>
#include <QSet>
#include <QStringDecoder>

#include <gmime/gmime.h>
#include <iconv.h>

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
    qsizetype pos = 0;
    while ((pos = value.indexOf("=?", pos)) >= 0) {
        const qsizetype end = value.indexOf('?', pos + 2);
        if (end < 0)
            return;
        QByteArray charset = value.sliced(pos + 2, end - pos - 2).toByteArray().toLower();
        if (const qsizetype star = charset.indexOf('*'); star >= 0)
            charset.truncate(star); // RFC 2231 language
        pos = end + 1;
        if (charset.isEmpty() || charset == "utf-8" || charset == "us-ascii" || charset.size() > 40)
            continue;
        const QMutexLocker lock(&mutex);
        if (loaded.contains(charset) || loaded.size() >= 64)
            continue;
        loaded.insert(charset);
        // Never closed, so the module stays loaded. Kept in a list that is never destroyed
        // rather than dropped, so the handles stay reachable to the end (a leak checker sees
        // no leak). Unknown charsets give (iconv_t)-1.
        static auto *const open = new QList<iconv_t>;
        if (const iconv_t cd = iconv_open("UTF-8", g_mime_charset_iconv_name(charset.constData()));
            cd != iconv_t(-1))
            open->append(cd);
    }
}

/// What GMime is given: NUL-terminated, and valid UTF-8 (raw Latin-1 converted).
QByteArray forGMime(QByteArrayView value)
{
    if (isAscii(value))
        return value.toByteArray();
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = utf8.decode(value);
    if (!utf8.hasError())
        return value.toByteArray();
    return QString::fromLatin1(value.data(), value.size()).toUtf8();
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
    if (!value.contains("=?")) {
        // Raw 8-bit: UTF-8 (RFC 6532), else Latin-1.
        QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        QString text = utf8.decode(value);
        if (utf8.hasError())
            text = QString::fromLatin1(value.data(), value.size());
        return text;
    }
    ensureGMimeInitialized();
    keepCharsetsLoaded(value);
    const QByteArray input = forGMime(value);
    char *decoded = g_mime_utils_header_decode_text(nullptr, input.constData());
    QString result = QString::fromUtf8(decoded);
    g_free(decoded);
    return result;
}

bool simpleMailbox(QByteArrayView v, QByteArrayView &name, QByteArrayView &address)
{
    for (const char c : v) {
        if (c == '"' || c == '(' || c == ',' || c == ';' || c == ':' || c == '\\' || quint8(c) >= 0x80)
            return false;
    }
    if (v.contains("=?"))
        return false;
    const qsizetype lt = v.lastIndexOf('<');
    const qsizetype gt = v.lastIndexOf('>');
    if (lt >= 0 && gt > lt) {
        address = v.sliced(lt + 1, gt - lt - 1).trimmed();
        name = v.first(lt).trimmed();
    } else {
        address = v.trimmed();
        name = {};
    }
    return true;
}

namespace {

/// One mailbox of the usual ASCII shapes, "a@x", "Name <a@x>" or "=?cs?Q?…?= <a@x>" (no
/// quotes, comments, groups, escapes or commas: the caller made sure), without GMime. False
/// for anything else, which GMime then reads.
bool plainMailbox(QByteArrayView v, Mailbox *out)
{
    v = v.trimmed();
    const qsizetype lt = v.lastIndexOf('<');
    if (lt < 0) {
        if (v.isEmpty() || v.contains("=?") || v.contains('>'))
            return false;
        for (const char c : v) {
            if (c == ' ' || c == '\t')
                return false; // words without brackets: GMime knows what was meant
        }
        *out = {QString(), QString::fromLatin1(v.data(), v.size())};
        return true;
    }
    const qsizetype gt = v.lastIndexOf('>');
    if (gt != v.size() - 1 || gt < lt || v.first(lt).contains('<') || v.first(lt).contains('>'))
        return false;
    const QByteArrayView address = v.sliced(lt + 1, gt - lt - 1).trimmed();
    if (address.isEmpty() || address.contains("=?"))
        return false;
    const QByteArrayView name = v.first(lt).trimmed();
    *out = {name.contains("=?") ? decodeHeaderText(name).simplified() : QString::fromLatin1(name.data(), name.size()),
            QString::fromLatin1(address.data(), address.size())};
    return true;
}

} // namespace

QList<Mailbox> parseAddressList(QByteArrayView value)
{
    QList<Mailbox> out;
    QByteArrayView name;
    QByteArrayView address;
    if (simpleMailbox(value, name, address)) {
        if (!address.isEmpty())
            out.append({QString::fromLatin1(name.data(), name.size()), QString::fromLatin1(address.data(), address.size())});
        return out;
    }
    // The usual shapes of ASCII lists, "a@x, Bob <b@y>, =?utf-8?Q?J=C3=B6rg?= <j@z>": without
    // quotes, comments, groups or escapes a comma only separates mailboxes (RFC 2047 §5(3)
    // keeps commas out of an encoded word in a phrase), so each is read on its own and only
    // encoded names need GMime (its address parser took a fifth of a first sync's parsing).
    if (isAscii(value)) {
        bool plainShape = true;
        for (const char c : value) {
            if (c == '"' || c == '(' || c == ';' || c == ':' || c == '\\') {
                plainShape = false;
                break;
            }
        }
        if (plainShape) {
            QList<Mailbox> list;
            qsizetype from = 0;
            bool ok = true;
            while (ok && from <= value.size()) {
                qsizetype comma = value.indexOf(',', from);
                if (comma < 0)
                    comma = value.size();
                const QByteArrayView piece = value.sliced(from, comma - from);
                if (!piece.trimmed().isEmpty()) { // empty list elements (RFC 5322 §4.4) are skipped
                    Mailbox m;
                    ok = plainMailbox(piece, &m);
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
    const QByteArray input = forGMime(value);
    InternetAddressList *list = internet_address_list_parse(nullptr, input.constData());
    if (!list)
        return out;
    appendMailboxes(list, out);
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
