// SPDX-License-Identifier: GPL-3.0-or-later
// Identities of an account (migration 190): the account's own address first, others added,
// changed and removed, and which identity a message was addressed to.
#include "store/AccountRepository.h"
#include "store/Database.h"
#include "store/Identity.h"

#include <QTest>

using namespace Mailtrail::Store;

namespace {
Account account(const QString &name, const QString &email)
{
    Account a;
    a.name = name;
    a.displayName = QStringLiteral("Alice Example");
    a.email = email;
    a.imap = Endpoint{QStringLiteral("mail.example.test"), 993, Security::Tls};
    a.smtp = Endpoint{QStringLiteral("mail.example.test"), 465, Security::Tls};
    a.userName = email;
    return a;
}

Identity identity(const QString &address, const QString &name = {}, const QString &signature = {})
{
    Identity i;
    i.address = address;
    i.displayName = name;
    i.signature = signature;
    return i;
}
} // namespace

class IdentityTest : public QObject
{
    Q_OBJECT
private:
    Database m_db;
    Account m_work;
    Account m_home;

private Q_SLOTS:
    void init()
    {
        QCOMPARE(m_db.open(QStringLiteral(":memory:")), QString());
        m_work = account(QStringLiteral("work"), QStringLiteral("alice@work.example"));
        m_home = account(QStringLiteral("home"), QStringLiteral("alice@home.example"));
        AccountRepository accounts(m_db.connection());
        QCOMPARE(accounts.add(m_work), QString());
        QCOMPARE(accounts.add(m_home), QString());
    }

    void ownAddressIsAlwaysFirst()
    {
        const QList<Identity> list = IdentityRepository(m_db.connection()).list(m_work);
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first().address, QStringLiteral("alice@work.example"));
        QCOMPARE(list.first().displayName, QStringLiteral("Alice Example"));
        QVERIFY(list.first().primary);
        QCOMPARE(list.first().account, QStringLiteral("work"));
        QCOMPARE(list.first().signature, QString());
    }

    void addChangeRemove()
    {
        IdentityRepository identities(m_db.connection());
        Identity support = identity(QStringLiteral("support@work.example"), QStringLiteral("Work Support"),
                                    QStringLiteral("Work Support\nPhone 0123"));
        support.replyTo = QStringLiteral("tickets@work.example");
        support.requestReadReceipt = true;
        QCOMPARE(identities.save(m_work, support), QString());
        QList<Identity> list = identities.list(m_work);
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(1).address, support.address);
        QCOMPARE(list.at(1).displayName, support.displayName);
        QCOMPARE(list.at(1).replyTo, support.replyTo);
        QCOMPARE(list.at(1).signature, support.signature);
        QCOMPARE(list.at(1).requestReadReceipt, std::optional<bool>(true));
        QCOMPARE(list.at(1).requestDeliveryReport, std::optional<bool>());
        QVERIFY(!list.at(1).primary);
        // Another account does not see it.
        QCOMPARE(identities.list(m_home).size(), 1);

        // The same address in another case changes it, never duplicates it.
        support.address = QStringLiteral("Support@Work.Example");
        support.signature = QStringLiteral("Support");
        QCOMPARE(identities.save(m_work, support), QString());
        list = identities.list(m_work);
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(1).signature, QStringLiteral("Support"));
        QVERIFY(identities.find(m_work, QStringLiteral("SUPPORT@work.example")).has_value());

        QCOMPARE(identities.remove(m_work, QStringLiteral("support@work.example")), QString());
        QCOMPARE(identities.list(m_work).size(), 1);
        QVERIFY(!identities.remove(m_work, QStringLiteral("support@work.example")).isEmpty());
    }

    void ownAddressKeepsItsSignature()
    {
        IdentityRepository identities(m_db.connection());
        Identity own = identities.list(m_work).first();
        own.signature = QStringLiteral("Alice");
        QCOMPARE(identities.save(m_work, own), QString());
        const QList<Identity> list = identities.list(m_work);
        QCOMPARE(list.size(), 1); // still one identity: the row only adds to the account's
        QVERIFY(list.first().primary);
        QCOMPARE(list.first().signature, QStringLiteral("Alice"));
        QCOMPARE(list.first().displayName, QStringLiteral("Alice Example"));
        // It cannot be removed.
        QVERIFY(!identities.remove(m_work, QStringLiteral("ALICE@work.example")).isEmpty());
        QCOMPARE(identities.list(m_work).first().signature, QStringLiteral("Alice"));
    }

    void badInputChangesNothing_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("replyTo");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("no-at") << QStringLiteral("support") << QString();
        QTest::newRow("no-domain") << QStringLiteral("support@") << QString();
        QTest::newRow("name-and-address") << QStringLiteral("Support <support@work.example>") << QString();
        QTest::newRow("two-addresses") << QStringLiteral("a@work.example,b@work.example") << QString();
        QTest::newRow("bad-reply-to") << QStringLiteral("support@work.example") << QStringLiteral("tickets");
    }
    void badInputChangesNothing()
    {
        QFETCH(QString, address);
        QFETCH(QString, replyTo);
        IdentityRepository identities(m_db.connection());
        Identity bad = identity(address);
        bad.replyTo = replyTo;
        QVERIFY(!identities.save(m_work, bad).isEmpty());
        QCOMPARE(identities.list(m_work).size(), 1);
    }

    void removingTheAccountRemovesItsIdentities()
    {
        IdentityRepository identities(m_db.connection());
        QCOMPARE(identities.save(m_work, identity(QStringLiteral("support@work.example"))), QString());
        QCOMPARE(AccountRepository(m_db.connection()).remove(QStringLiteral("work")), QString());
        QCOMPARE(identities.listAll().size(), 1); // home's own address
    }

    void addressed_data()
    {
        QTest::addColumn<QStringList>("addressedTo");
        QTest::addColumn<qint64>("accountId");
        QTest::addColumn<QString>("expected");
        QTest::newRow("to-an-identity") << QStringList{QStringLiteral("support@work.example")} << qint64(0)
                                        << QStringLiteral("support@work.example");
        QTest::newRow("case-insensitive") << QStringList{QStringLiteral("ALICE@home.example")} << qint64(0)
                                          << QStringLiteral("alice@home.example");
        QTest::newRow("first-listed-wins")
            << QStringList{QStringLiteral("bob@else.example"), QStringLiteral("alice@home.example"),
                           QStringLiteral("support@work.example")}
            << qint64(0) << QStringLiteral("alice@home.example");
        QTest::newRow("none-falls-back-to-the-folder-account")
            << QStringList{QStringLiteral("list@lists.example")} << qint64(-1) << QStringLiteral("alice@work.example");
        QTest::newRow("none-and-no-account") << QStringList{} << qint64(0) << QStringLiteral("alice@home.example");
        QTest::newRow("two-accounts-have-it-folder-account-wins")
            << QStringList{QStringLiteral("shared@example.test")} << qint64(-1) << QStringLiteral("shared@example.test#work");
        QTest::newRow("two-accounts-have-it-no-folder")
            << QStringList{QStringLiteral("shared@example.test")} << qint64(0) << QStringLiteral("shared@example.test#home");
    }
    void addressed()
    {
        QFETCH(QStringList, addressedTo);
        QFETCH(qint64, accountId);
        QFETCH(QString, expected);
        IdentityRepository identities(m_db.connection());
        QCOMPARE(identities.save(m_work, identity(QStringLiteral("support@work.example"))), QString());
        QCOMPARE(identities.save(m_home, identity(QStringLiteral("shared@example.test"))), QString());
        QCOMPARE(identities.save(m_work, identity(QStringLiteral("shared@example.test"))), QString());
        // home and its shared address, then work, its support and shared addresses
        const QList<Identity> all = identities.listAll();
        QCOMPARE(all.size(), 5);
        const qsizetype i = identityAddressed(all, addressedTo, accountId < 0 ? m_work.id : accountId);
        QVERIFY(i >= 0);
        const QString got = all.at(i).address;
        if (expected.contains(QLatin1Char('#')))
            QCOMPARE(got + QLatin1Char('#') + all.at(i).account, expected);
        else
            QCOMPARE(got, expected);
        QCOMPARE(identityAddressed({}, addressedTo), qsizetype(-1));
    }
};

QTEST_GUILESS_MAIN(IdentityTest)
#include "IdentityTest.moc"
