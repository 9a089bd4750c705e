// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Mailtrail::Mime {

/// text/plain; format=flowed (RFC 3676).
namespace FormatFlowed {

/// Lines of the encoded text are at most this many characters (RFC 3676 §4.2: 78 or fewer).
inline constexpr int defaultWidth = 78;

/// Encodes what the user typed (hard line breaks as "\n") as format=flowed, delsp=no:
/// long lines get soft breaks (a trailing space) at or before `width` columns, lines
/// starting with ' ', '>' (unquoted) or "From " are space-stuffed (§4.4), quote marks are
/// repeated on every wrapped line (§4.5), trailing spaces before hard breaks are removed,
/// and the signature separator "-- " is kept (§4.3). A word longer than the width stays
/// whole. Lines are joined with "\n".
[[nodiscard]] QString encode(const QString &text, int width = defaultWidth);

/// Decodes format=flowed text into logical lines (RFC 3676 §4.1-§4.5), "\n"-separated:
/// soft breaks joined (with delSp the trailing space is deleted), stuffing removed, quoted
/// lines written as ">" x depth followed by one space.
[[nodiscard]] QString decode(const QString &text, bool delSp = false);

} // namespace FormatFlowed
} // namespace Mailtrail::Mime
