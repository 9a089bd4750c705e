// SPDX-License-Identifier: GPL-3.0-or-later
#include "mime/CharsetDecoder.h"

#include "Ascii_p.h"
#include "mime/GObjectPtr_p.h"

#include <QStringDecoder>

namespace Mailtrail::Mime {

namespace {

/// windows-1252 0x80..0x9F; 0 marks the five undefined bytes (read as latin-1 C1 controls).
constexpr char16_t windows1252High[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

QString fromWindows1252(const QByteArray &bytes)
{
    QString out;
    out.reserve(bytes.size());
    for (const char c : bytes) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x80 && byte <= 0x9F && windows1252High[byte - 0x80] != 0)
            out.append(QChar(windows1252High[byte - 0x80]));
        else
            out.append(QChar(char16_t(byte)));
    }
    return out;
}

DecodedText guess(const QByteArray &bytes)
{
    if (isValidUtf8(bytes))
        return {QString::fromUtf8(bytes), QByteArrayLiteral("utf-8"), true};
    return {fromWindows1252(bytes), QByteArrayLiteral("windows-1252"), true};
}

} // namespace

bool isValidUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString ignored = decoder.decode(bytes);
    Q_UNUSED(ignored);
    return !decoder.hasError();
}

DecodedText decodeText(const QByteArray &bytes, const QByteArray &declaredCharset)
{
    const QByteArray charset = declaredCharset.trimmed().toLower();
    if (charset.isEmpty()) {
        if (isAscii(bytes))
            return {QString::fromLatin1(bytes), QByteArrayLiteral("us-ascii"), false};
        return guess(bytes);
    }
    if (charset == "utf-8" || charset == "utf8") {
        if (isValidUtf8(bytes))
            return {QString::fromUtf8(bytes), QByteArrayLiteral("utf-8"), false};
        return guess(bytes);
    }
    if (charset == "us-ascii" || charset == "ascii" || charset == "iso-8859-1"
        || charset == "latin1" || charset == "iso_8859-1" || charset == "windows-1252"
        || charset == "cp1252") {
        if (isAscii(bytes))
            return {QString::fromLatin1(bytes), charset, false};
        // 8-bit bytes under an ASCII label are usually UTF-8 from a careless client.
        if ((charset == "us-ascii" || charset == "ascii") && isValidUtf8(bytes))
            return {QString::fromUtf8(bytes), QByteArrayLiteral("utf-8"), true};
        return {fromWindows1252(bytes), QByteArrayLiteral("windows-1252"), false};
    }
    // Anything else goes through iconv; a charset it does not know, or bytes invalid in
    // it, fall back to guessing.
    gsize read = 0;
    gsize written = 0;
    GError *error = nullptr;
    const Internal::GCharPtr converted(g_convert(bytes.constData(), bytes.size(), "UTF-8",
                                                 charset.constData(), &read, &written, &error));
    if (error) {
        g_error_free(error);
        return guess(bytes);
    }
    if (!converted || read != static_cast<gsize>(bytes.size()))
        return guess(bytes);
    return {QString::fromUtf8(converted.get(), static_cast<qsizetype>(written)), charset, false};
}

} // namespace Mailtrail::Mime
