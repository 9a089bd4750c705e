// SPDX-License-Identifier: GPL-3.0-or-later
// AccountSync over a scripted IMAP server: a folder asked for by name and not cached yet is
// selected before LIST (on Dovecot, a big mailbox's SELECT after LIST waits for an index
// lock); a server that does not know it under that name leaves the decision to LIST,
// without an error of its own.
#include "LocalCache.h"
#include "ScriptedJob.h"
#include "store/AccountRepository.h"
#include "store/Database.h"
#include "store/FolderRepository.h"
#include "sync/AccountSync.h"

#include <QTest>

using namespace Mailtrail;

namespace {

const QByteArray kLogin = Test::scriptedImapLogin("UIDPLUS LITERAL+");

QByteArray logout(const QByteArray &tag)
{
    return "C: " + tag + " LOGOUT\n"
        "S: * BYE bye\n"
        "S: " + tag + " OK done\n";
}

QByteArray selectEmpty(const QByteArray &tag, const QByteArray &wireName)
{
    return "C: " + tag + " SELECT " + wireName + "\n"
        "S: * 0 EXISTS\n"
        "S: * OK [UIDVALIDITY 5] ok\n"
        "S: * OK [UIDNEXT 1] ok\n"
        "S: " + tag + " OK [READ-WRITE] selected\n";
}

} // namespace

class AccountSyncTest : public QObject
{
    Q_OBJECT

    Store::Database m_db;
    Store::Account m_account;

    /// The sync of @p folder over @p script; *mismatches also says when the sync stopped
    /// before the end of the script.
    Sync::AccountSyncReport run(const QString &folder, const QByteArray &script, QStringList *mismatches)
    {
        Sync::AccountSync sync(m_account, QStringLiteral("secret"), m_db.connection());
        sync.setFolderFilter(folder);
        QString remaining;
        const Sync::AccountSyncReport report =
            Test::runScripted(sync, &Sync::AccountSync::finished, script, mismatches, nullptr, &remaining);
        if (!remaining.isEmpty())
            mismatches->append(QStringLiteral("left: ") + remaining);
        return report;
    }

    QStringList folderNames() const
    {
        QStringList names;
        for (const Store::Folder &f : Store::FolderRepository(m_db.connection()).list(m_account.id))
            names << f.name;
        names.sort();
        return names;
    }

private Q_SLOTS:
    void init()
    {
        QCOMPARE(m_db.open(QStringLiteral(":memory:")), QString());
        m_account = Test::localAccount(QStringLiteral("bob"), QStringLiteral("bob@example.test"));
        QCOMPARE(Store::AccountRepository(m_db.connection()).add(m_account), QString());
    }
    void cleanup() { m_db.close(); }

    void aFolderAskedForByNameIsSelectedBeforeList()
    {
        QStringList mismatches;
        const Sync::AccountSyncReport report = run(
            QStringLiteral("Lists.Qt"),
            kLogin + selectEmpty("a2", "Lists.Qt")
                + "C: a3 LIST \"\" \"*\"\n"
                  "S: * LIST (\\HasNoChildren) \".\" INBOX\n"
                  "S: * LIST (\\HasNoChildren) \".\" Lists.Qt\n"
                  "S: a3 OK listed\n"
                + logout("a4"),
            &mismatches);
        QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(QLatin1Char('\n'))));
        QVERIFY2(report.ok(), qPrintable(report.errorMessage()));
        QCOMPARE(report.folders.size(), 1);
        QCOMPARE(report.folders.first().folderId, Store::FolderRepository(m_db.connection()).find(m_account.id, QStringLiteral("Lists.Qt"))->id);
        // LIST afterwards completed the folder's record (its delimiter) and added the others.
        QCOMPARE(Store::FolderRepository(m_db.connection()).find(m_account.id, QStringLiteral("Lists.Qt"))->delimiter, QStringLiteral("."));
        QCOMPARE(folderNames(), (QStringList{QStringLiteral("INBOX"), QStringLiteral("Lists.Qt")}));
    }

    void aRefusedFirstTryIsTriedAgainAfterList()
    {
        // The first try's refusal is no error of the sync: LIST decides, and the folder it
        // lists is synced (here under the same, modified UTF-7, name).
        QStringList mismatches;
        const Sync::AccountSyncReport report = run(
            QStringLiteral("B\u00fccher"),
            kLogin
                + "C: a2 SELECT B&APw-cher\n"
                  "S: a2 NO [UNAVAILABLE] Try again later\n"
                  "C: a3 LIST \"\" \"*\"\n"
                  "S: * LIST (\\HasNoChildren) \"/\" INBOX\n"
                  "S: * LIST (\\HasNoChildren) \"/\" B&APw-cher\n"
                  "S: a3 OK listed\n"
                + selectEmpty("a4", "B&APw-cher")
                + logout("a5"),
            &mismatches);
        QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(QLatin1Char('\n'))));
        QVERIFY2(report.ok(), qPrintable(report.errorMessage()));
        QCOMPARE(report.folders.size(), 1);
        QVERIFY(report.folders.first().ok());
        QCOMPARE(folderNames(), (QStringList{QStringLiteral("B\u00fccher"), QStringLiteral("INBOX")}));
    }

    void aFolderTheServerDoesNotHaveIsSaidOnce()
    {
        QStringList mismatches;
        const Sync::AccountSyncReport report = run(
            QStringLiteral("Nowhere"),
            kLogin
                + "C: a2 SELECT Nowhere\n"
                  "S: a2 NO [NONEXISTENT] Mailbox doesn't exist: Nowhere\n"
                  "C: a3 LIST \"\" \"*\"\n"
                  "S: * LIST (\\HasNoChildren) \"/\" INBOX\n"
                  "S: a3 OK listed\n"
                + logout("a4"),
            &mismatches);
        QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(QLatin1Char('\n'))));
        QVERIFY(!report.ok());
        QCOMPARE(report.storeError, QStringLiteral("no folder named 'Nowhere' on the server"));
        QVERIFY(report.folders.isEmpty()); // the first try is not reported
        QCOMPARE(folderNames(), QStringList{QStringLiteral("INBOX")}); // and left no folder behind
    }
};

QTEST_GUILESS_MAIN(AccountSyncTest)
#include "AccountSyncTest.moc"
