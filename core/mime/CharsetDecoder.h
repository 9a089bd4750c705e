// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace Mailtrail::Mime {

/// Text decoded from bytes whose declared charset may be wrong, missing or unknown.
struct DecodedText
{
    QString text;
    QByteArray charset; ///< the charset actually used, lower case ("utf-8", "windows-1252")
    bool guessed = false; ///< the declared charset was missing, unknown or did not fit

    friend bool operator==(const DecodedText &, const DecodedText &) = default;
};

/// Decodes `bytes` (RFC 2045 §4 / RFC 2046 §4.1.2 charset parameter). Order: the declared
/// charset if iconv knows it and the bytes are valid in it (us-ascii and iso-8859-1 read as
/// windows-1252, as browsers do); otherwise valid UTF-8; otherwise windows-1252 with
/// latin-1 for its five undefined bytes. Never fails, never drops bytes: NUL stays U+0000.
[[nodiscard]] DecodedText decodeText(const QByteArray &bytes, const QByteArray &declaredCharset);

/// True if `bytes` is well-formed UTF-8.
[[nodiscard]] bool isValidUtf8(const QByteArray &bytes);

} // namespace Mailtrail::Mime
