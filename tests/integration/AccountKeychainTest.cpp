// SPDX-License-Identifier: GPL-3.0-or-later
// Accounts with the password in a real keychain (fixture Keychain: private D-Bus and
// gnome-keyring) driven through mailtrail-cli, syncing against the private Dovecot.
#include "Keychain.h"
#include "MailStack.h"
#include "TestPaths.h"
#include "sync/PasswordStore.h"

#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Mailtrail;

class AccountKeychainTest : public QObject
{
    Q_OBJECT
private:
    Test::MailStack m_stack = Test::MailStack::fromEnvironment();
    QTemporaryDir m_profile;

    QProcess *cli(const QStringList &arguments, const QByteArray &stdinData = {})
    {
        auto *p = new QProcess(this);
        p->start(Test::binaryDir() + QStringLiteral("/app/mailtrail-cli"),
                 QStringList{QStringLiteral("--profile"), m_profile.path()} + arguments);
        p->write(stdinData);
        p->closeWriteChannel();
        p->waitForFinished(60000);
        return p;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_stack.isValid(), qPrintable(m_stack.errorString()));
        const QString error = Test::useTestSessionBus();
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void passwordStoreRoundTrip()
    {
        Sync::PasswordStore store(QStringLiteral("mailtrail-test"));
        QSignalSpy written(&store, &Sync::PasswordStore::passwordWritten);
        store.write(QStringLiteral("acct"), QStringLiteral("pässwörd"));
        QVERIFY(written.wait(20000));
        QVERIFY2(written.first().at(1).toBool(), qPrintable(written.first().at(2).toString()));
        Sync::PasswordStore other(QStringLiteral("mailtrail-test"));
        QSignalSpy read(&other, &Sync::PasswordStore::passwordRead);
        other.read(QStringLiteral("acct"));
        QVERIFY(read.wait(20000));
        QCOMPARE(read.first().at(1).toString(), QStringLiteral("pässwörd"));
        QSignalSpy removed(&other, &Sync::PasswordStore::passwordRemoved);
        other.remove(QStringLiteral("acct"));
        QVERIFY(removed.wait(20000));
        QCOMPARE(removed.first().at(1).toString(), QString());
        read.clear();
        other.read(QStringLiteral("acct"));
        QVERIFY(read.wait(20000));
        QVERIFY(read.first().at(2).toString().contains(QStringLiteral("no password")));
    }

    void cliAccountAndSyncUseTheKeychain()
    {
        const QByteArray password = m_stack.password(QStringLiteral("carol")).toUtf8();
        QProcess *add = cli({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("carol"),
                             QStringLiteral("--email"), m_stack.address(QStringLiteral("carol")),
                             QStringLiteral("--imap"), QStringLiteral("%1:%2/starttls").arg(m_stack.host()).arg(m_stack.imapPort()),
                             QStringLiteral("--smtp"), QStringLiteral("%1:%2/tls").arg(m_stack.host()).arg(m_stack.submissionsPort()),
                             QStringLiteral("--ca-file"), m_stack.caFile(), QStringLiteral("--read-receipts"), QStringLiteral("never"),
                             QStringLiteral("--password-stdin")},
                            password + '\n');
        QCOMPARE(add->exitCode(), 0);
        const QByteArray addErr = add->readAllStandardError();
        QVERIFY2(!addErr.contains("No keychain"), addErr.constData());

        // The password is in no file of the profile.
        QDirIterator it(m_profile.path(), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!f.readAll().contains(password), qPrintable(f.fileName()));
        }

        QProcess *list = cli({QStringLiteral("account"), QStringLiteral("list")});
        QCOMPARE(list->exitCode(), 0);
        const QByteArray listed = list->readAllStandardOutput();
        QVERIFY(listed.contains("carol@example.test"));
        QVERIFY(listed.contains("read-receipts never"));
        // Like the GUI's assistant (issue 19): reports are filed into Receipts by default.
        QVERIFY2(listed.contains("receipts-folder Receipts"), listed.constData());

        QProcess *set = cli({QStringLiteral("account"), QStringLiteral("set"), QStringLiteral("carol"),
                             QStringLiteral("--read-receipts"), QStringLiteral("always")});
        QCOMPARE(set->exitCode(), 0);

        QProcess *sync = cli({QStringLiteral("sync"), QStringLiteral("--account"), QStringLiteral("carol"), QStringLiteral("--folder"), QStringLiteral("INBOX")});
        QVERIFY2(sync->exitCode() == 0, sync->readAllStandardError().constData());
        QVERIFY(sync->readAllStandardOutput().contains("carol/INBOX"));

        QProcess *remove = cli({QStringLiteral("account"), QStringLiteral("remove"), QStringLiteral("carol")});
        QCOMPARE(remove->exitCode(), 0);
        QProcess *again = cli({QStringLiteral("sync"), QStringLiteral("--account"), QStringLiteral("carol")});
        QCOMPARE(again->exitCode(), 1);
        QVERIFY(again->readAllStandardError().contains("no account named 'carol'"));
    }

    void cliUsageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("missing-imap") << QStringList{QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("x"),
                                                     QStringLiteral("--email"), QStringLiteral("x@y"), QStringLiteral("--smtp"),
                                                     QStringLiteral("h:1/tls"), QStringLiteral("--password-stdin")} << 2;
        QTest::newRow("bad-security") << QStringList{QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("x"),
                                                     QStringLiteral("--email"), QStringLiteral("x@y"), QStringLiteral("--imap"),
                                                     QStringLiteral("h:993/ssl"), QStringLiteral("--smtp"), QStringLiteral("h:1/tls"),
                                                     QStringLiteral("--password-stdin")} << 2;
        QTest::newRow("no-password-stdin") << QStringList{QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("x"),
                                                          QStringLiteral("--email"), QStringLiteral("x@y"), QStringLiteral("--imap"),
                                                          QStringLiteral("h:993/tls"), QStringLiteral("--smtp"), QStringLiteral("h:1/tls")} << 2;
        QTest::newRow("bad-fingerprint") << QStringList{QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("x"),
                                                        QStringLiteral("--email"), QStringLiteral("x@y"), QStringLiteral("--imap"),
                                                        QStringLiteral("h:993/tls"), QStringLiteral("--smtp"), QStringLiteral("h:1/tls"),
                                                        QStringLiteral("--trust-fingerprint"), QStringLiteral("abc"),
                                                        QStringLiteral("--password-stdin")} << 2;
        QTest::newRow("remove-unknown") << QStringList{QStringLiteral("account"), QStringLiteral("remove"), QStringLiteral("nobody")} << 1;
        QTest::newRow("unknown-subcommand") << QStringList{QStringLiteral("account"), QStringLiteral("frobnicate")} << 2;
    }
    void cliUsageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QProcess *p = cli(arguments, "pw\n");
        QCOMPARE(p->exitCode(), exitCode);
        QVERIFY(!p->readAllStandardError().isEmpty());
    }
};

QTEST_GUILESS_MAIN(AccountKeychainTest)
#include "AccountKeychainTest.moc"
