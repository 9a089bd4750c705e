// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to core/reports: finding SMTP codes and addresses in free text.

#include <QByteArrayView>

namespace Mailtrail::Reports::Detail {

/// The next RFC 3463 enhanced status code ("5.1.1", class 2/4/5) in text at or after from,
/// standing alone (not part of an IP address or version number). Returns its offset or -1.
[[nodiscard]] qsizetype findStatusCode(QByteArrayView text, qsizetype from, QByteArrayView *code);
/// The next RFC 5321 §4.2 reply code of class 4 or 5 ("550"; also class 2 when
/// includeSuccess) standing alone as a word, followed by a space, '-' or the end of the
/// line. Returns its offset or -1.
[[nodiscard]] qsizetype findReplyCode(
    QByteArrayView text, qsizetype from, QByteArrayView *code, bool includeSuccess = false);
/// The next addr-spec (local@domain.tld) in text at or after from. Returns its offset or -1.
[[nodiscard]] qsizetype findAddress(QByteArrayView text, qsizetype from, QByteArrayView *address);
/// The first address in a header or field value ("Name <a@b>", "rfc822; a@b", "a@b").
[[nodiscard]] QByteArrayView firstAddress(QByteArrayView value);

} // namespace Mailtrail::Reports::Detail
