// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to core: whether text is plain 7-bit ASCII, the one question behind 8BITMIME,
// SMTPUTF8, RFC 2047 and charset fast paths.

#include <QByteArrayView>
#include <QString>
#include <QStringView>

#include <cstring>

namespace Mailtrail {

/// True when every byte is below 0x80.
[[nodiscard]] inline bool isAscii(QByteArrayView bytes)
{
    for (const char c : bytes) {
        if (static_cast<unsigned char>(c) >= 0x80)
            return false;
    }
    return true;
}

/// True when every UTF-16 code unit is below 0x80.
[[nodiscard]] inline bool isAscii(QStringView text)
{
    for (const QChar c : text) {
        if (c.unicode() >= 0x80)
            return false;
    }
    return true;
}

/// QChar::isSpace() on an ASCII byte: space, tab, LF, VT, FF, CR.
[[nodiscard]] constexpr bool isSpaceAscii(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/// An ASCII letter in lower case; any other byte as it is.
[[nodiscard]] constexpr char toLowerAscii(char c)
{
    return c >= 'A' && c <= 'Z' ? char(c | 0x20) : c;
}

// Byte searches for the header-parsing hot paths (every cached message goes through them):
// Qt 6.4 sends QByteArrayView::indexOf(char), contains(char) and trimmed() through
// out-of-line general routines that cost ~150 instructions a call, more than the search.

/// The first @p c at or after @p from, or -1 (QByteArrayView::indexOf(char)).
[[nodiscard]] inline qsizetype indexOfByte(QByteArrayView bytes, char c, qsizetype from = 0)
{
    if (from < 0 || from >= bytes.size())
        return -1;
    const void *hit = std::memchr(bytes.data() + from, c, size_t(bytes.size() - from));
    return hit ? static_cast<const char *>(hit) - bytes.data() : -1;
}

/// The last @p c, or -1 (QByteArrayView::lastIndexOf(char)).
[[nodiscard]] inline qsizetype lastIndexOfByte(QByteArrayView bytes, char c)
{
    for (qsizetype i = bytes.size() - 1; i >= 0; --i) {
        if (bytes[i] == c)
            return i;
    }
    return -1;
}

[[nodiscard]] inline bool containsByte(QByteArrayView bytes, char c)
{
    return indexOfByte(bytes, c) >= 0;
}

/// The first "=?" (where an RFC 2047 encoded word may start) at or after @p from, or -1.
[[nodiscard]] inline qsizetype indexOfEncodedWordStart(QByteArrayView bytes, qsizetype from = 0)
{
    for (qsizetype eq = indexOfByte(bytes, '=', from); eq >= 0; eq = indexOfByte(bytes, '=', eq + 1)) {
        if (eq + 1 < bytes.size() && bytes[eq + 1] == '?')
            return eq;
    }
    return -1;
}

[[nodiscard]] inline bool containsEncodedWordStart(QByteArrayView bytes)
{
    return indexOfEncodedWordStart(bytes) >= 0;
}

/// QByteArrayView::trimmed(): without the spaces QChar::isSpace() sees in ASCII.
[[nodiscard]] inline QByteArrayView trimmedAscii(QByteArrayView bytes)
{
    qsizetype begin = 0;
    qsizetype end = bytes.size();
    while (begin < end && isSpaceAscii(bytes[begin]))
        ++begin;
    while (end > begin && isSpaceAscii(bytes[end - 1]))
        --end;
    return bytes.sliced(begin, end - begin);
}

/// QString::simplified(), which costs a scan and a copy, only for text that needs it: most
/// decoded names and subjects are single-spaced already.
[[nodiscard]] inline QString simplifiedText(QString text)
{
    bool space = true; // at the start, a space is one too many
    for (const QChar c : std::as_const(text)) {
        const char16_t u = c.unicode();
        if (u == u' ') {
            if (space)
                return text.simplified();
            space = true;
        } else if (u < 0x20 || (u >= 0x7f && c.isSpace())) {
            return text.simplified();
        } else {
            space = false;
        }
    }
    return space && !text.isEmpty() ? text.simplified() : text;
}

} // namespace Mailtrail
