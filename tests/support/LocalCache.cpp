// SPDX-License-Identifier: GPL-3.0-or-later
#include "LocalCache.h"

namespace Mailtrail::Test {

Store::Account localAccount(const QString &name, const QString &email)
{
    Store::Account a;
    a.name = name;
    a.email = email;
    a.userName = email;
    a.imap = {QStringLiteral("127.0.0.1"), 993, Store::Security::Tls};
    a.smtp = {QStringLiteral("127.0.0.1"), 587, Store::Security::StartTls};
    return a;
}

QString addFolder(QSqlDatabase db, qint64 accountId, const QString &name, Store::Folder *folder)
{
    *folder = Store::Folder{};
    folder->accountId = accountId;
    folder->name = name;
    folder->wireName = name.toUtf8();
    return Store::FolderRepository(db).upsert(*folder);
}

} // namespace Mailtrail::Test
