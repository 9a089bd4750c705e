// SPDX-License-Identifier: GPL-3.0-or-later
#include "imap/MailboxName.h"

#include <QList>

namespace Mailtrail::Imap {

namespace {
constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,";

int sextet(char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+')
        return 62;
    if (c == ',')
        return 63;
    return -1;
}
} // namespace

QString decodeMailboxName(const QByteArray &wire)
{
    QString out;
    out.reserve(wire.size());
    for (qsizetype i = 0; i < wire.size(); ++i) {
        const char c = wire[i];
        if (quint8(c) >= 0x80)
            return QString::fromUtf8(wire); // UTF8=ACCEPT or a quirky server
        if (c != '&') {
            out += QLatin1Char(c);
            continue;
        }
        const qsizetype end = wire.indexOf('-', i + 1);
        if (end < 0)
            return QString::fromUtf8(wire);
        if (end == i + 1) {
            out += QLatin1Char('&');
            i = end;
            continue;
        }
        quint32 bits = 0;
        int nbits = 0;
        QList<char16_t> units;
        for (qsizetype j = i + 1; j < end; ++j) {
            const int v = sextet(wire[j]);
            if (v < 0)
                return QString::fromUtf8(wire);
            bits = (bits << 6) | quint32(v);
            nbits += 6;
            if (nbits >= 16) {
                nbits -= 16;
                units.append(char16_t((bits >> nbits) & 0xFFFF));
            }
        }
        out += QString(reinterpret_cast<const QChar *>(units.constData()), units.size());
        i = end;
    }
    return out;
}

QByteArray encodeMailboxName(const QString &name)
{
    QByteArray out;
    qsizetype i = 0;
    while (i < name.size()) {
        const char16_t c = name[i].unicode();
        if (c >= 0x20 && c < 0x7f) {
            out += c == u'&' ? QByteArray("&-") : QByteArray(1, char(c));
            ++i;
            continue;
        }
        out += '&';
        quint32 bits = 0;
        int nbits = 0;
        while (i < name.size() && (name[i].unicode() < 0x20 || name[i].unicode() >= 0x7f)) {
            bits = (bits << 16) | name[i].unicode();
            nbits += 16;
            while (nbits >= 6) {
                nbits -= 6;
                out += alphabet[(bits >> nbits) & 0x3F];
            }
            ++i;
        }
        if (nbits > 0)
            out += alphabet[(bits << (6 - nbits)) & 0x3F];
        out += '-';
    }
    return out;
}

} // namespace Mailtrail::Imap
