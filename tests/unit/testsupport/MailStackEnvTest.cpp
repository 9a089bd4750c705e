// SPDX-License-Identifier: GPL-3.0-or-later
// tests/support/MailStack reads the KEY=value file that scripts/mailstack writes.
#include "MailStack.h"

#include <QTemporaryDir>
#include <QTest>

using Mailtrail::Test::MailStack;

class MailStackEnvTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parseLine_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::newRow("plain") << QStringLiteral("MAILSTACK_IMAP_PORT=10143") << true
                               << QStringLiteral("MAILSTACK_IMAP_PORT") << QStringLiteral("10143");
        QTest::newRow("single-quoted with spaces") << QStringLiteral("MAILSTACK_USERS='alice bob'") << true
                                                   << QStringLiteral("MAILSTACK_USERS") << QStringLiteral("alice bob");
        QTest::newRow("escaped quote inside quotes") << QStringLiteral("K='it'\\''s'") << true << QStringLiteral("K")
                                                     << QStringLiteral("it's");
        QTest::newRow("empty value") << QStringLiteral("K=") << true << QStringLiteral("K") << QString();
        QTest::newRow("equals sign in value") << QStringLiteral("K=a=b") << true << QStringLiteral("K")
                                              << QStringLiteral("a=b");
        QTest::newRow("unterminated quote") << QStringLiteral("K='abc") << false << QString() << QString();
        QTest::newRow("comment") << QStringLiteral("# MAILSTACK_X=1") << false << QString() << QString();
        QTest::newRow("blank") << QString() << false << QString() << QString();
        QTest::newRow("key starting with a digit") << QStringLiteral("1K=v") << false << QString() << QString();
    }

    void parseLine()
    {
        QFETCH(QString, line);
        QFETCH(bool, ok);
        QFETCH(QString, key);
        QFETCH(QString, value);
        QString parsedKey;
        QString parsedValue;
        QCOMPARE(Mailtrail::Test::parseEnvLine(line, &parsedKey, &parsedValue), ok);
        if (ok) {
            QCOMPARE(parsedKey, key);
            QCOMPARE(parsedValue, value);
        }
    }

    void loadsTypedValues()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("env"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("MAILSTACK_ROOT=/r\nMAILSTACK_HOST=127.0.0.1\nMAILSTACK_DOMAIN=example.test\n"
                   "MAILSTACK_SUBMISSION_PORT=10587\nMAILSTACK_SUBMISSIONS_PORT=10465\n"
                   "MAILSTACK_IMAP_PORT=10143\nMAILSTACK_IMAPS_PORT=10993\nMAILSTACK_CA_FILE='/r/tls/ca.pem'\n"
                   "MAILSTACK_USERS='alice bob'\nMAILSTACK_PASSWORD_ALICE=alice-123\n"
                   "MAILSTACK_MAILDIR_ALICE=/r/mail/example.test/alice/Maildir\nOTHER=ignored\n");
        file.close();
        const MailStack stack(path);
        QVERIFY2(stack.isValid(), qPrintable(stack.errorString()));
        QCOMPARE(stack.submissionPort(), quint16(10587));
        QCOMPARE(stack.imapsPort(), quint16(10993));
        QCOMPARE(stack.relayPort(), quint16(0));
        QCOMPARE(stack.users(), (QStringList{QStringLiteral("alice"), QStringLiteral("bob")}));
        QCOMPARE(stack.address(QStringLiteral("alice")), QStringLiteral("alice@example.test"));
        QCOMPARE(stack.password(QStringLiteral("alice")), QStringLiteral("alice-123"));
        QCOMPARE(stack.maildir(QStringLiteral("alice")), QStringLiteral("/r/mail/example.test/alice/Maildir"));
        QCOMPARE(stack.caFile(), QStringLiteral("/r/tls/ca.pem"));
        QVERIFY(stack.value(QStringLiteral("OTHER")).isEmpty());
    }

    void incompleteFileIsAnError()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("env"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("MAILSTACK_ROOT=/r\n");
        file.close();
        const MailStack stack(path);
        QVERIFY(!stack.isValid());
        QVERIFY2(stack.errorString().contains(QLatin1String("MAILSTACK_HOST")), qPrintable(stack.errorString()));
    }

    void missingFileIsAnError()
    {
        const MailStack stack(QStringLiteral("/nonexistent/mailstack/env"));
        QVERIFY(!stack.isValid());
        QVERIFY(stack.errorString().contains(QLatin1String("/nonexistent/mailstack/env")));
    }
};

QTEST_GUILESS_MAIN(MailStackEnvTest)
#include "MailStackEnvTest.moc"
