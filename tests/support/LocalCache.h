// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/Account.h"
#include "store/FolderRepository.h"

#include <QSqlDatabase>
#include <QString>

namespace Mailtrail::Test {

/// An account for tests that never reach a real server (scripted transports, cache-only):
/// @p name, address and user name @p email, IMAP 127.0.0.1:993 over TLS, submission
/// 127.0.0.1:587 with STARTTLS. Not stored yet.
[[nodiscard]] Store::Account localAccount(const QString &name, const QString &email);

/// Stores a folder @p name (its wire name the same) of @p accountId in @p db and returns it
/// in @p folder with its id; the error text, empty on success.
[[nodiscard]] QString addFolder(QSqlDatabase db, qint64 accountId, const QString &name, Store::Folder *folder);

} // namespace Mailtrail::Test
