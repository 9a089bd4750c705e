// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/Account.h"
#include "store/FolderRepository.h"

#include <QSqlDatabase>
#include <QString>

#include <functional>

namespace Mailtrail::Test {

/// An account for tests that never reach a real server (scripted transports, cache-only):
/// @p name, address and user name @p email, IMAP 127.0.0.1:993 over TLS, submission
/// 127.0.0.1:587 with STARTTLS. Not stored yet.
[[nodiscard]] Store::Account localAccount(const QString &name, const QString &email);

/// Stores a folder @p name (its wire name the same) of @p accountId in @p db and returns it
/// in @p folder with its id; the error text, empty on success.
[[nodiscard]] QString addFolder(QSqlDatabase db, qint64 accountId, const QString &name, Store::Folder *folder);

/// Copies the compiled-in migrations whose file name @p take accepts into the directory
/// @p dir (made if missing), for a profile of an older schema (Store::Database::open() with
/// that directory); the error text, empty on success.
[[nodiscard]] QString copyMigrations(const QString &dir, const std::function<bool(const QString &name)> &take);

} // namespace Mailtrail::Test
