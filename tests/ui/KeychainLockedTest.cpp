// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 19 "Keychain honesty", over a real gnome-keyring (fixture LockedKeychain) that the test
// locks through the Secret Service: a locked keyring is said to be locked, never "no password
// stored", and a password typed once is kept for the session (asked once, not at every job).
#include "AccountPasswords.h"
#include "Keychain.h"
#include "store/Account.h"
#include "sync/Credentials.h"
#include "sync/PasswordStore.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QSignalSpy>
#include <QTest>

using namespace Mailtrail;

namespace {

const QString kService = QStringLiteral("mailtrail-keychain-locked-test");

/// Locks the keyring's default collection (org.freedesktop.Secret.Service.Lock).
QString lockKeyring()
{
    QDBusMessage lock = QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.secrets"),
                                                       QStringLiteral("/org/freedesktop/secrets"),
                                                       QStringLiteral("org.freedesktop.Secret.Service"),
                                                       QStringLiteral("Lock"));
    lock << QVariant::fromValue(QList<QDBusObjectPath>{QDBusObjectPath(QStringLiteral("/org/freedesktop/secrets/aliases/default"))});
    const QDBusMessage reply = QDBusConnection::sessionBus().call(lock, QDBus::Block, 10000);
    return reply.type() == QDBusMessage::ErrorMessage ? reply.errorMessage() : QString();
}

Store::Account account(const QString &name)
{
    Store::Account a;
    a.name = name;
    a.email = name + QStringLiteral("@example.test");
    return a;
}

} // namespace

class KeychainLockedTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        const QString bus = Test::useTestSessionBus();
        QVERIFY2(bus.isEmpty(), qPrintable(bus));
        // Unlocked: a password goes in, and comes back.
        Sync::PasswordStore store(kService);
        QSignalSpy written(&store, &Sync::PasswordStore::passwordWritten);
        store.write(QStringLiteral("stored"), QStringLiteral("stored-secret"));
        QVERIFY(written.wait(10000));
        QVERIFY2(written.first().at(1).toBool(), qPrintable(written.first().at(2).toString()));
        QCOMPARE(lockKeyring(), QString());
    }

    void lockedIsSaidNotMissing_data()
    {
        QTest::addColumn<QString>("account");
        QTest::newRow("stored-before-locking") << QStringLiteral("stored");
        QTest::newRow("never-stored") << QStringLiteral("never");
    }
    void lockedIsSaidNotMissing()
    {
        QFETCH(QString, account);
        Sync::PasswordStore store(kService);
        QSignalSpy read(&store, &Sync::PasswordStore::passwordRead);
        store.read(account);
        QVERIFY(read.wait(10000));
        QCOMPARE(read.first().at(1).toString(), QString());
        const QString error = read.first().at(2).toString();
        QVERIFY2(error.startsWith(QStringLiteral("The keyring is locked")), qPrintable(error));
        QVERIFY2(!error.contains(QStringLiteral("no password")), qPrintable(error));
        QCOMPARE(error, Sync::keyringLockedMessage());
    }

    void writingToALockedKeyringSaysSo()
    {
        Sync::PasswordStore store(kService);
        QSignalSpy written(&store, &Sync::PasswordStore::passwordWritten);
        store.write(QStringLiteral("new"), QStringLiteral("new-secret"));
        QVERIFY(written.wait(10000));
        QVERIFY(!written.first().at(1).toBool());
        const QString warning = written.first().at(2).toString();
        QVERIFY2(warning.startsWith(QStringLiteral("The keyring is locked")), qPrintable(warning));
        QVERIFY2(warning.contains(QStringLiteral("kept for this session only")), qPrintable(warning));
        QVERIFY(!warning.contains(QStringLiteral("No keychain is reachable")));
        // This session still has it.
        QSignalSpy read(&store, &Sync::PasswordStore::passwordRead);
        store.read(QStringLiteral("new"));
        QVERIFY(read.wait(10000));
        QCOMPARE(read.first().at(1).toString(), QStringLiteral("new-secret"));
    }

    /// The window's passwords: asked once with the true reason, then kept for the session.
    void typedOnceIsKeptForTheSession()
    {
        Ui::AccountPasswords passwords(kService, nullptr);
        QStringList reasons;
        passwords.setPrompt([&reasons](const Store::Account &, const QString &reason) {
            reasons << reason;
            return QStringLiteral("typed-secret");
        });
        Sync::CredentialSource *source = passwords.source(account(QStringLiteral("stored")));
        for (int job = 0; job < 3; ++job) {
            QSignalSpy ready(source, &Sync::CredentialSource::ready);
            source->request();
            QVERIFY(ready.wait(10000));
            QCOMPARE(ready.first().first().value<Sync::Credentials>().secret, QStringLiteral("typed-secret"));
        }
        QCOMPARE(reasons.size(), 1);
        QVERIFY2(reasons.first().startsWith(QStringLiteral("The keyring is locked")), qPrintable(reasons.first()));
    }

    void cancelledPromptSaysTheKeyringIsLocked()
    {
        Ui::AccountPasswords passwords(kService, nullptr);
        passwords.setPrompt([](const Store::Account &, const QString &) { return QString(); });
        Sync::CredentialSource *source = passwords.source(account(QStringLiteral("never")));
        QSignalSpy failed(source, &Sync::CredentialSource::failed);
        QSignalSpy unavailable(&passwords, &Ui::AccountPasswords::unavailable);
        source->request();
        QVERIFY(failed.wait(10000));
        QCOMPARE(unavailable.size(), 1);
        QVERIFY2(unavailable.first().at(1).toString().startsWith(QStringLiteral("The keyring is locked")),
                 qPrintable(unavailable.first().at(1).toString()));
    }
};

QTEST_MAIN(KeychainLockedTest)
#include "KeychainLockedTest.moc"
