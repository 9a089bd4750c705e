// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to core: whether text is plain 7-bit ASCII, the one question behind 8BITMIME,
// SMTPUTF8, RFC 2047 and charset fast paths.

#include <QByteArrayView>
#include <QStringView>

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

} // namespace Mailtrail
