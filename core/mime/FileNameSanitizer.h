// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Mailtrail::Mime {

/// The longest file name (in UTF-16 units) sanitizeFileName returns.
inline constexpr int maxFileNameLength = 200;

/// A file name from an attachment made safe to offer in a save dialog or write into a
/// directory: only the last path component survives (no '/', '\\', drive letters), no
/// control characters or bidirectional overrides, no ".." and no leading dots or spaces
/// (no hidden files), no trailing dots or spaces, bounded length with the extension kept,
/// and Windows device names (CON, NUL, ...) defused. If nothing usable remains, the
/// fallback "attachment-<index>" with an extension for `mimeType` (QMimeDatabase).
[[nodiscard]] QString sanitizeFileName(const QString &name, const QString &mimeType = {},
                                       int index = 1);

} // namespace Mailtrail::Mime
