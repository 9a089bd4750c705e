// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace Mailtrail::Imap {

/// Decodes a mailbox name in modified UTF-7 (RFC 3501 §5.1.3). With UTF8=ACCEPT
/// (RFC 9051 §5.1) names are plain UTF-8; bytes that are not valid mUTF-7 are taken
/// as UTF-8 so a quirky server never loses a folder.
[[nodiscard]] QString decodeMailboxName(const QByteArray &wire);
/// Encodes a mailbox name in modified UTF-7 (RFC 3501 §5.1.3).
[[nodiscard]] QByteArray encodeMailboxName(const QString &name);

} // namespace Mailtrail::Imap
