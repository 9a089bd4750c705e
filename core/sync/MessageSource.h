// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QSqlDatabase>

#include <optional>

namespace Mailtrail::Sync {

/// The raw RFC 5322 message as cached, for View Source and printing; std::nullopt when its
/// body has not been downloaded (or the message is gone).
[[nodiscard]] std::optional<QByteArray> cachedSource(QSqlDatabase db, qint64 messageId);

} // namespace Mailtrail::Sync
