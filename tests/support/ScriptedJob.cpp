// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScriptedJob.h"

#include "LocalCache.h"
#include "store/AccountRepository.h"

#include <QFile>

namespace Mailtrail::Test {

QByteArray scriptedImapLogin(const QByteArray &capabilities)
{
    return "S: * OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN] ready\n"
           "C: a1 AUTHENTICATE PLAIN <redacted>\n"
           "S: a1 OK [CAPABILITY IMAP4rev1 " + capabilities + "] Logged in\n";
}

QString openAliceProfile(const QString &path, std::unique_ptr<Store::Database> *db, Store::Account *account,
                         Store::Folder *inbox)
{
    db->reset();
    QFile::remove(path);
    *db = std::make_unique<Store::Database>();
    if (QString error = (*db)->open(path); !error.isEmpty())
        return error;
    *account = localAccount(QStringLiteral("alice"), QStringLiteral("alice@example.test"));
    if (QString error = Store::AccountRepository((*db)->connection()).add(*account); !error.isEmpty())
        return error;
    return addFolder((*db)->connection(), account->id, QStringLiteral("INBOX"), inbox);
}

} // namespace Mailtrail::Test
