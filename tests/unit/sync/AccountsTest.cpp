// SPDX-License-Identifier: GPL-3.0-or-later
// Sync::Accounts, the accounts as settings for the GUI's settings dialog and assistant and for
// `mailtrail-cli account` (issue 16): add, edit with identities (a changed address, removed
// and changed identities), remove, the read-receipt policy and the offline period — over a
// profile database in a temporary directory.
#include "sync/Accounts.h"

#include "store/Database.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Mailtrail;

namespace {

Store::Account account(const QString &name, const QString &email)
{
    Store::Account a;
    a.name = name;
    a.displayName = QStringLiteral("Alice Example");
    a.email = email;
    a.imap = Store::Endpoint{QStringLiteral("mail.example.test"), 993, Store::Security::Tls};
    a.smtp = Store::Endpoint{QStringLiteral("mail.example.test"), 465, Store::Security::Tls};
    a.userName = email;
    return a;
}

Store::Identity identity(const QString &address, const QString &signature = {})
{
    Store::Identity i;
    i.address = address;
    i.signature = signature;
    return i;
}

QStringList addresses(const QList<Store::Identity> &identities)
{
    QStringList out;
    for (const Store::Identity &i : identities)
        out.append(i.address);
    return out;
}

} // namespace

class AccountsTest : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store::Database> m_db;

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_db = std::make_unique<Store::Database>();
        QCOMPARE(m_db->open(m_dir.filePath(QStringLiteral("%1.sqlite").arg(QString::fromLatin1(QTest::currentTestFunction())))),
                 QString());
    }

    void cleanup() { m_db.reset(); }

    void addFindListRemove()
    {
        Sync::Accounts accounts(m_db->connection());
        Store::Account work = account(QStringLiteral("work"), QStringLiteral("alice@work.example"));
        QCOMPARE(accounts.add(work), QString());
        QVERIFY(work.id > 0);
        Store::Account again = account(QStringLiteral("work"), QStringLiteral("other@work.example"));
        QVERIFY(!accounts.add(again).isEmpty()); // the name is taken
        Store::Account home = account(QStringLiteral("home"), QStringLiteral("alice@home.example"));
        QCOMPARE(accounts.add(home), QString());
        QCOMPARE(accounts.list().size(), 2);
        QCOMPARE(accounts.list().first().name, QStringLiteral("home"));
        QCOMPARE(accounts.find(QStringLiteral("work"))->email, QStringLiteral("alice@work.example"));
        QCOMPARE(accounts.findById(home.id)->name, QStringLiteral("home"));
        QCOMPARE(addresses(accounts.identities(work)), QStringList{QStringLiteral("alice@work.example")});
        QVERIFY(accounts.identities(work).first().primary);

        QCOMPARE(accounts.remove(QStringLiteral("work")), QString());
        QVERIFY(!accounts.find(QStringLiteral("work")));
        const QString error = accounts.remove(QStringLiteral("work"));
        QVERIFY2(error.contains(QLatin1String("no account named 'work'")), qPrintable(error));
        QCOMPARE(accounts.list().size(), 1);
    }

    /// What Settings → Edit saves: the settings, a new address (whose old identity row goes),
    /// a removed identity, a changed one and a new one.
    void saveEditedAccountWithIdentities()
    {
        Sync::Accounts accounts(m_db->connection());
        Store::Account work = account(QStringLiteral("work"), QStringLiteral("alice@work.example"));
        QCOMPARE(accounts.add(work), QString());
        Store::Identity own = accounts.identities(work).first();
        own.signature = QStringLiteral("Alice, old address");
        QCOMPARE(accounts.saveIdentity(work, own), QString());
        QCOMPARE(accounts.saveIdentity(work, identity(QStringLiteral("support@work.example"))), QString());
        QCOMPARE(accounts.saveIdentity(work, identity(QStringLiteral("sales@work.example"))), QString());

        Store::Account after = work;
        after.email = QStringLiteral("alice@new.example");
        after.smtp.host = QStringLiteral("smtp.new.example");
        const QList<Store::Identity> edited{identity(QStringLiteral("alice@new.example"), QStringLiteral("Alice")),
                                            identity(QStringLiteral("support@work.example"), QStringLiteral("Support")),
                                            identity(QStringLiteral("info@new.example"))};
        QCOMPARE(accounts.saveEdited(after, edited, {QStringLiteral("sales@work.example")}), QString());

        const Store::Account saved = *accounts.find(QStringLiteral("work"));
        QCOMPARE(saved.email, QStringLiteral("alice@new.example"));
        QCOMPARE(saved.smtp.host, QStringLiteral("smtp.new.example"));
        const QList<Store::Identity> now = accounts.identities(saved);
        QCOMPARE(addresses(now), (QStringList{QStringLiteral("alice@new.example"), QStringLiteral("support@work.example"),
                                              QStringLiteral("info@new.example")}));
        QCOMPARE(now.at(0).signature, QStringLiteral("Alice"));
        QCOMPARE(now.at(1).signature, QStringLiteral("Support"));
        // The old address is no identity any more, not even a hidden one.
        QVERIFY(!accounts.identity(saved, QStringLiteral("alice@work.example")));
        QVERIFY(!accounts.identity(saved, QStringLiteral("sales@work.example")));
    }

    void saveEditedRefusesWhatCannotBeSaved()
    {
        Sync::Accounts accounts(m_db->connection());
        Store::Account work = account(QStringLiteral("work"), QStringLiteral("alice@work.example"));
        QCOMPARE(accounts.add(work), QString());
        // A bad address among the identities: a sentence naming it; the good ones before it stay.
        const QString bad = accounts.saveEdited(work, {identity(QStringLiteral("ok@work.example")),
                                                       identity(QStringLiteral("not an address"))});
        QVERIFY2(bad.contains(QLatin1String("not an address")), qPrintable(bad));
        QVERIFY(bad.startsWith(QLatin1String("Cannot save the identity")));
        QVERIFY(accounts.identity(work, QStringLiteral("ok@work.example")));
        // An account removed meanwhile (another window, the CLI).
        QCOMPARE(accounts.remove(QStringLiteral("work")), QString());
        const QString gone = accounts.saveEdited(work, {});
        QCOMPARE(gone, QStringLiteral("The account work no longer exists."));
        QVERIFY(accounts.list().isEmpty());
    }

    void readReceiptPolicyAndOfflinePeriod()
    {
        Sync::Accounts accounts(m_db->connection());
        Store::Account work = account(QStringLiteral("work"), QStringLiteral("alice@work.example"));
        QCOMPARE(accounts.add(work), QString());
        QCOMPARE(accounts.find(QStringLiteral("work"))->readReceipts, Store::ReadReceipts::Ask);
        QCOMPARE(accounts.setReadReceipts(QStringLiteral("work"), Store::ReadReceipts::Always), QString());
        QCOMPARE(accounts.find(QStringLiteral("work"))->readReceipts, Store::ReadReceipts::Always);
        QVERIFY(!accounts.setReadReceipts(QStringLiteral("nobody"), Store::ReadReceipts::Never).isEmpty());

        QCOMPARE(accounts.offlineDays(work), 90); // migration 180's default
        QCOMPARE(accounts.setOfflineDays(work, 14), QString());
        QCOMPARE(accounts.offlineDays(work), 14);
        QCOMPARE(accounts.setOfflineDays(work, 0), QString());
        QCOMPARE(accounts.offlineDays(work), 0);
        QCOMPARE(accounts.setOfflineDays(work, 30), QString());
        QCOMPARE(accounts.setOfflineDays(work, -1), QString()); // a negative period is none
        QCOMPARE(accounts.offlineDays(work), 0);
    }
};

QTEST_GUILESS_MAIN(AccountsTest)
#include "AccountsTest.moc"
