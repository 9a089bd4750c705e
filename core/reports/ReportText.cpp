// SPDX-License-Identifier: GPL-3.0-or-later
#include "reports/ReportText.h"

#include <cstring>

namespace Mailtrail::Reports::Detail {

namespace {

inline bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

inline bool isAlnum(char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

inline bool isLocalChar(char c)
{
    return isAlnum(c) || (c && std::strchr(".!#$%&'*+/=?^_`{|}~-", c) != nullptr);
}

inline bool isDomainChar(char c)
{
    return isAlnum(c) || c == '.' || c == '-' || c == '_';
}

} // namespace

qsizetype findStatusCode(QByteArrayView text, qsizetype from, QByteArrayView *code)
{
    const qsizetype size = text.size();
    for (qsizetype i = from; i + 4 < size; ++i) {
        const void *hit = std::memchr(text.data() + i, '.', size_t(size - i));
        if (!hit)
            return -1;
        const qsizetype dot = static_cast<const char *>(hit) - text.data();
        i = dot;
        if (dot < 1 || dot + 3 >= size + 0 + 1)
            continue;
        const char cls = text[dot - 1];
        if (cls != '2' && cls != '4' && cls != '5')
            continue;
        const qsizetype start = dot - 1;
        if (start > 0) {
            const char before = text[start - 1];
            // "550-5.1.1" (RFC 5321 §4.2.1 multiline reply) is fine; "x-5.1.1" is not.
            const bool afterReplyDash = before == '-' && start >= 4 && isDigit(text[start - 2])
                && isDigit(text[start - 3]) && isDigit(text[start - 4])
                && (start == 4 || !isAlnum(text[start - 5]));
            if (isAlnum(before) || before == '.' || (before == '-' && !afterReplyDash)
                || before == '_' || before == '/')
                continue;
        }
        qsizetype p = dot + 1;
        qsizetype n = 0;
        while (p < size && isDigit(text[p]) && n < 4) {
            ++p;
            ++n;
        }
        if (n < 1 || n > 3 || p >= size || text[p] != '.')
            continue;
        ++p;
        n = 0;
        while (p < size && isDigit(text[p]) && n < 4) {
            ++p;
            ++n;
        }
        if (n < 1 || n > 3)
            continue;
        if (p < size) {
            const char after = text[p];
            if (isAlnum(after) || after == '_' || after == '@' || after == '-')
                continue;
            if (after == '.' && p + 1 < size && isDigit(text[p + 1]))
                continue; // IP address or version number
        }
        *code = text.sliced(start, p - start);
        return start;
    }
    return -1;
}

qsizetype findReplyCode(
    QByteArrayView text, qsizetype from, QByteArrayView *code, bool includeSuccess)
{
    const qsizetype size = text.size();
    for (qsizetype i = from; i + 2 < size; ++i) {
        const char c = text[i];
        if (c != '4' && c != '5' && !(includeSuccess && c == '2'))
            continue;
        if (!isDigit(text[i + 1]) || !isDigit(text[i + 2]))
            continue;
        if (text[i + 1] > '5')
            continue;
        if (i > 0) {
            const char before = text[i - 1];
            if (isAlnum(before) || before == '.' || before == '-' || before == '_' || before == '/'
                || before == '+' || before == '=' || before == '#' || before == '$' || before == ','
                || before == '%' || before == '@' || before == '&')
                continue;
        }
        if (i + 3 < size) {
            const char after = text[i + 3];
            const bool colonWord = after == ':' && (i + 4 >= size || text[i + 4] == ' ');
            if (after != ' ' && after != '-' && after != '\r' && after != '\n' && after != '\t'
                && after != ')' && after != ']' && after != ',' && after != ';' && !colonWord)
                continue;
            // "550 - " is fine, "550-5.1.1" is fine, "400-500 users" is not: want a digit or
            // letter or space after the dash.
        }
        *code = text.sliced(i, 3);
        return i;
    }
    return -1;
}

qsizetype findAddress(QByteArrayView text, qsizetype from, QByteArrayView *address)
{
    const qsizetype size = text.size();
    qsizetype i = from;
    while (i < size) {
        const void *hit = std::memchr(text.data() + i, '@', size_t(size - i));
        if (!hit)
            return -1;
        const qsizetype at = static_cast<const char *>(hit) - text.data();
        qsizetype b = at;
        while (b > from && isLocalChar(text[b - 1]))
            --b;
        while (b < at && (text[b] == '.' || text[b] == '\'' || text[b] == '='))
            ++b; // a local part does not start with a dot; skip quoting artefacts
        qsizetype e = at + 1;
        bool dot = false;
        while (e < size && isDomainChar(text[e])) {
            if (text[e] == '.')
                dot = true;
            ++e;
        }
        while (e > at + 1 && (text[e - 1] == '.' || text[e - 1] == '-'))
            --e;
        bool hasDotInside = false;
        for (qsizetype k = at + 1; k < e; ++k) {
            if (text[k] == '.')
                hasDotInside = true;
        }
        (void)dot;
        if (b < at && e > at + 1 && hasDotInside) {
            *address = text.sliced(b, e - b);
            return b;
        }
        i = at + 1;
    }
    return -1;
}

QByteArrayView firstAddress(QByteArrayView value)
{
    const qsizetype lt = value.indexOf('<');
    if (lt >= 0) {
        const qsizetype gt = value.indexOf('>', lt);
        if (gt > lt + 1) {
            QByteArrayView inner = value.sliced(lt + 1, gt - lt - 1);
            if (inner.indexOf('@') >= 0)
                return inner;
        }
    }
    QByteArrayView address;
    if (findAddress(value, 0, &address) >= 0)
        return address;
    return {};
}

} // namespace Mailtrail::Reports::Detail
