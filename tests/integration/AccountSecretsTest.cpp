// SPDX-License-Identifier: GPL-3.0-or-later
// Sync::Accounts keeps an account and its secret together (issue 16; the code behind
// `mailtrail-cli account add|remove`): against the private gnome-keyring of the ctest fixture
// "Keychain" and a profile database in a temporary directory, a password added with its account
// is in the keychain, an account that cannot be added writes no secret, and removing the
// account removes its secret.
#include "Keychain.h"
#include "store/Database.h"
#include "sync/Accounts.h"
#include "sync/PasswordStore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Mailtrail;

namespace {

struct Answer
{
    bool called = false;
    QString error;
    QString keychainProblem;
};

Store::Account account(const QString &name)
{
    Store::Account a;
    a.name = name;
    a.email = QStringLiteral("alice@example.test");
    a.userName = a.email;
    a.imap = Store::Endpoint{QStringLiteral("127.0.0.1"), 993, Store::Security::Tls};
    a.smtp = Store::Endpoint{QStringLiteral("127.0.0.1"), 465, Store::Security::Tls};
    return a;
}

} // namespace

class AccountSecretsTest : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    Store::Database m_db;
    /// Entries of this run only, so that runs side by side never meet.
    const QString m_service = QStringLiteral("mailtrail-test-") + QUuid::createUuid().toString(QUuid::Id128);

    /// What the keychain says for @p name: (secret, error).
    std::pair<QString, QString> read(const QString &name)
    {
        Sync::PasswordStore fresh(m_service); // no session memory: the keychain itself
        QSignalSpy spy(&fresh, &Sync::PasswordStore::passwordRead);
        fresh.read(name);
        if (!spy.wait(20000))
            return {QString(), QStringLiteral("no answer")};
        return {spy.first().at(1).toString(), spy.first().at(2).toString()};
    }

    static void wait(const Answer &answer) { QTRY_VERIFY_WITH_TIMEOUT(answer.called, 20000); }

private Q_SLOTS:
    void initTestCase()
    {
        const QString error = Test::useTestSessionBus();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(m_dir.isValid());
        QCOMPARE(m_db.open(m_dir.filePath(QStringLiteral("profile.sqlite"))), QString());
    }

    void addKeepsThePasswordInTheKeychain()
    {
        Sync::Accounts accounts(m_db.connection());
        Sync::PasswordStore keychain(m_service);
        const QString secret = QStringLiteral("s3cret \u00e9 ") + QUuid::createUuid().toString();
        Store::Account work = account(QStringLiteral("work"));
        Answer answer;
        accounts.addWithSecret(work, secret, keychain, [&answer](const QString &e, const QString &k) {
            answer = {true, e, k};
        });
        wait(answer);
        QCOMPARE(answer.error, QString());
        QCOMPARE(answer.keychainProblem, QString()); // in the keychain, not for this session only
        QVERIFY(work.id > 0);
        QVERIFY(accounts.find(QStringLiteral("work")));
        QCOMPARE(read(QStringLiteral("work")), std::make_pair(secret, QString()));
    }

    void anAccountThatCannotBeAddedWritesNoSecret()
    {
        Sync::Accounts accounts(m_db.connection());
        Sync::PasswordStore keychain(m_service);
        const auto before = read(QStringLiteral("work"));
        QVERIFY2(before.second.isEmpty(), qPrintable(before.second));
        Store::Account twin = account(QStringLiteral("work")); // the name is taken
        Answer answer;
        accounts.addWithSecret(twin, QStringLiteral("other"), keychain, [&answer](const QString &e, const QString &k) {
            answer = {true, e, k};
        });
        QVERIFY(answer.called); // at once: nothing was asked of the keychain
        QVERIFY(!answer.error.isEmpty());
        QCOMPARE(read(QStringLiteral("work")), before);
    }

    void removeTakesTheSecretAlong()
    {
        Sync::Accounts accounts(m_db.connection());
        Sync::PasswordStore keychain(m_service);
        Answer answer;
        accounts.removeWithSecret(QStringLiteral("work"), keychain, [&answer](const QString &e, const QString &k) {
            answer = {true, e, k};
        });
        wait(answer);
        QCOMPARE(answer.error, QString());
        QCOMPARE(answer.keychainProblem, QString());
        QVERIFY(!accounts.find(QStringLiteral("work")));
        const auto after = read(QStringLiteral("work"));
        QCOMPARE(after.first, QString());
        QVERIFY(!after.second.isEmpty()); // not found

        Answer unknown;
        accounts.removeWithSecret(QStringLiteral("work"), keychain, [&unknown](const QString &e, const QString &k) {
            unknown = {true, e, k};
        });
        QVERIFY(unknown.called);
        QVERIFY2(unknown.error.contains(QLatin1String("no account named 'work'")), qPrintable(unknown.error));
    }
};

QTEST_GUILESS_MAIN(AccountSecretsTest)
#include "AccountSecretsTest.moc"
