// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QStringList>

namespace Mailtrail::Store {

/// Addresses seen in the message cache (senders and recipients), "Name <address>" when a
/// name is known, most frequent first. Feeds the composer's completion.
[[nodiscard]] QStringList seenAddresses(QSqlDatabase db, int limit = 5000);

} // namespace Mailtrail::Store
