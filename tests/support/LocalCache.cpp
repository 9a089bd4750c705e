// SPDX-License-Identifier: GPL-3.0-or-later
#include "LocalCache.h"

#include "store/Database.h"

#include <QDir>
#include <QFile>

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

QString copyMigrations(const QString &dir, const std::function<bool(const QString &name)> &take)
{
    if (!QDir().mkpath(dir))
        return QStringLiteral("cannot make %1").arg(dir);
    const QString from = QString::fromLatin1(Store::Database::defaultMigrations);
    for (const QString &name : QDir(from).entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name)) {
        if (take(name) && !QFile::copy(from + u'/' + name, dir + u'/' + name))
            return QStringLiteral("cannot copy migration %1 to %2").arg(name, dir);
    }
    return {};
}

} // namespace Mailtrail::Test
