// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "smtp/Reply.h"

#include <QStringList>

#include <optional>

namespace Mailtrail::Smtp {

/// The ESMTP extensions a server announced in its EHLO reply (RFC 5321 §4.1.1.1).
struct Capabilities
{
    bool startTls = false;            ///< RFC 3207
    bool pipelining = false;          ///< RFC 2920
    bool eightBitMime = false;        ///< RFC 6152
    bool smtpUtf8 = false;            ///< RFC 6531
    bool dsn = false;                 ///< RFC 3461
    bool enhancedStatusCodes = false; ///< RFC 2034
    bool chunking = false;            ///< RFC 3030
    bool binaryMime = false;          ///< RFC 3030
    /// SIZE (RFC 1870 §4): nullopt if not announced; 0 means "no fixed limit".
    std::optional<qint64> size;
    /// AUTH mechanisms (RFC 4954 §3), upper-case; "AUTH=…" (pre-standard) is merged in.
    QStringList authMechanisms;

    /// Parses the lines after the first (the greeting) of a 250 EHLO reply; keywords are
    /// case-insensitive, unknown ones are ignored.
    [[nodiscard]] static Capabilities fromEhloReply(const Reply &reply);
    bool operator==(const Capabilities &) const = default;
};

} // namespace Mailtrail::Smtp
