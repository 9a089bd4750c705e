// SPDX-License-Identifier: GPL-3.0-or-later
#include "smtp/Xtext.h"

#include "Ascii_p.h"
#include "mime/HeaderReader.h"

#include <QList>
#include <QRandomGenerator>

namespace Mailtrail::Smtp {

QByteArray xtextEncode(QByteArrayView bytes)
{
    QByteArray out;
    out.reserve(bytes.size());
    static const char hex[] = "0123456789ABCDEF";
    for (const char ch : bytes) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= '!' && c <= '~' && c != '+' && c != '=') {
            out.append(ch);
        } else {
            out.append('+');
            out.append(hex[c >> 4]);
            out.append(hex[c & 0xf]);
        }
    }
    return out;
}

bool xtextDecode(QByteArrayView xtext, QByteArray *out)
{
    return Mime::decodeXtext(xtext, out, Mime::Xtext::Strict);
}

QByteArray orcptParameter(const QString &address)
{
    if (isAscii(address))
        return "rfc822;" + xtextEncode(address.toLatin1());
    // RFC 6533 §3 utf-8-addr-xtext: QCHAR = %x21-2a / %x2c-3c / %x3e-5b / %x5d-7e,
    // everything else as EmbeddedUnicodeChar "\x{" HEXPOINT "}" (upper-case, no leading zeros,
    // at least two digits).
    QByteArray out = "utf-8;";
    for (const uint cp : address.toUcs4()) {
        const bool qchar = cp >= 0x21 && cp <= 0x7e && cp != '+' && cp != '=' && cp != '\\';
        if (qchar) {
            out.append(char(cp));
        } else {
            QByteArray hex = QByteArray::number(uint(cp), 16).toUpper();
            if (hex.size() < 2)
                hex.prepend('0');
            out.append("\\x{" + hex + '}');
        }
    }
    return out;
}

QByteArray generateEnvid()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    return QByteArray(reinterpret_cast<const char *>(words), sizeof(words)).toHex().toUpper();
}

} // namespace Mailtrail::Smtp
