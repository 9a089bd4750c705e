// SPDX-License-Identifier: GPL-3.0-or-later
#include "mime/FileNameSanitizer.h"

#include <QMimeDatabase>
#include <QRegularExpression>
#include <QStringList>

namespace Mailtrail::Mime {

namespace {

bool isUnsafeChar(char32_t c)
{
    if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F))
        return true; // C0 / C1 controls, NUL
    // Bidirectional controls make "exe.txt" look like "txt.exe" (U+202E and friends).
    if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E
        || c == 0x200F || c == 0x061C)
        return true;
    return c == 0xFEFF || c == 0xFFFD;
}

QString fallbackName(const QString &mimeType, int index)
{
    QString name = QStringLiteral("attachment-%1").arg(index);
    const QMimeType type = QMimeDatabase().mimeTypeForName(mimeType);
    if (type.isValid() && !type.preferredSuffix().isEmpty())
        name += QLatin1Char('.') + type.preferredSuffix();
    return name;
}

} // namespace

QString sanitizeFileName(const QString &name, const QString &mimeType, int index)
{
    QString cleaned;
    cleaned.reserve(name.size());
    for (const char32_t c : name.toUcs4()) {
        if (isUnsafeChar(c))
            continue;
        cleaned.append(QString::fromUcs4(&c, 1));
    }
    // Only the last path component, whichever separator the sender's system used.
    cleaned.replace(QLatin1Char('\\'), QLatin1Char('/'));
    cleaned = cleaned.section(QLatin1Char('/'), -1);
    if (cleaned.size() >= 2 && cleaned.at(1) == QLatin1Char(':'))
        cleaned.remove(0, 2); // "C:evil.exe"
    // Characters that Windows and many file managers reject.
    static const QRegularExpression reserved(QStringLiteral("[<>:\"|?*]"));
    cleaned.replace(reserved, QStringLiteral("_"));
    while (cleaned.contains(QLatin1String("..")))
        cleaned.replace(QLatin1String(".."), QLatin1String("."));
    while (!cleaned.isEmpty()
           && (cleaned.front() == QLatin1Char('.') || cleaned.front().isSpace()))
        cleaned.remove(0, 1);
    while (!cleaned.isEmpty() && (cleaned.back() == QLatin1Char('.') || cleaned.back().isSpace()))
        cleaned.chop(1);

    static const QRegularExpression device(QStringLiteral("^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\.|$)"),
                                           QRegularExpression::CaseInsensitiveOption);
    if (device.match(cleaned).hasMatch())
        cleaned.prepend(QLatin1Char('_'));

    if (cleaned.size() > maxFileNameLength) {
        const int dot = cleaned.lastIndexOf(QLatin1Char('.'));
        const QString suffix = (dot > 0 && cleaned.size() - dot <= 16) ? cleaned.mid(dot) : QString();
        int keep = maxFileNameLength - suffix.size();
        if (keep > 0 && cleaned.at(keep - 1).isHighSurrogate())
            --keep; // never cut a surrogate pair
        cleaned = cleaned.left(keep) + suffix;
    }
    if (cleaned.isEmpty())
        return fallbackName(mimeType, index);
    return cleaned;
}

} // namespace Mailtrail::Mime
