// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace Mailtrail::Smtp {

/// xtext encoding, RFC 3461 §4: "!"–"~" except "+" and "=" as themselves, any other octet
/// as "+" and two upper-case hex digits.
[[nodiscard]] QByteArray xtextEncode(QByteArrayView bytes);
/// The inverse; returns false on a malformed "+XX" sequence or an octet outside xtext.
[[nodiscard]] bool xtextDecode(QByteArrayView xtext, QByteArray *out);

/// The ORCPT parameter value (RFC 3461 §4.2) for an address: "rfc822;" + xtext for ASCII
/// addresses, otherwise "utf-8;" + utf-8-addr-xtext (RFC 6533 §3: non-ASCII characters,
/// "\", "+", "=", SP and controls as "\x{HEX}"), which is 7-bit and valid with or without
/// SMTPUTF8.
[[nodiscard]] QByteArray orcptParameter(const QString &address);

/// A new random envelope identifier (RFC 3461 §4.4): 32 hex digits from the system's
/// secure random source, so it is xtext as it stands and unique per message.
[[nodiscard]] QByteArray generateEnvid();

} // namespace Mailtrail::Smtp
