// SPDX-License-Identifier: GPL-3.0-or-later
// Without a reachable keychain the password is kept for the session only, and said so.
#include "sync/PasswordStore.h"

#include <QSignalSpy>
#include <QTest>

using Mailtrail::Sync::PasswordStore;

class PasswordStoreTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/mailtrail-test-bus");
        qunsetenv("DISPLAY");
    }

    void noKeychainKeepsThePasswordForTheSession()
    {
        PasswordStore store(QStringLiteral("mailtrail-unit"));
        QSignalSpy written(&store, &PasswordStore::passwordWritten);
        store.write(QStringLiteral("acct"), QStringLiteral("secret"));
        QVERIFY(written.wait(20000));
        QCOMPARE(written.first().at(1).toBool(), false);
        const QString warning = written.first().at(2).toString();
        QVERIFY2(warning.contains(QStringLiteral("No keychain is reachable")), qPrintable(warning));
        QVERIFY(warning.contains(QStringLiteral("this session only")));
        QVERIFY(!warning.contains(QStringLiteral("secret")));

        QSignalSpy read(&store, &PasswordStore::passwordRead);
        store.read(QStringLiteral("acct"));
        QVERIFY(read.wait(20000));
        QCOMPARE(read.first().at(1).toString(), QStringLiteral("secret"));
        QCOMPARE(read.first().at(2).toString(), QString());

        // Another instance (another run of the program) does not have it.
        PasswordStore fresh(QStringLiteral("mailtrail-unit"));
        QSignalSpy freshRead(&fresh, &PasswordStore::passwordRead);
        fresh.read(QStringLiteral("acct"));
        QVERIFY(freshRead.wait(20000));
        QVERIFY(!freshRead.first().at(2).toString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(PasswordStoreTest)
#include "PasswordStoreTest.moc"
