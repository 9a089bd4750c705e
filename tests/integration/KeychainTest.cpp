// SPDX-License-Identifier: GPL-3.0-or-later
// QtKeychain against the private gnome-keyring of the ctest fixture "Keychain": a password
// written is read back, and is gone once deleted.
#include "Keychain.h"

#include <QSignalSpy>
#include <QTest>
#include <QUuid>

#include <qt6keychain/keychain.h>

class KeychainTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        const QString error = Mailtrail::Test::useTestSessionBus();
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void roundTrip()
    {
        const QString service = QStringLiteral("mailtrail-test");
        const QString key = QStringLiteral("account-") + QUuid::createUuid().toString(QUuid::Id128);
        const QString secret = QStringLiteral("s3cret \u00e9\u00e8 ") + QUuid::createUuid().toString();

        QKeychain::WritePasswordJob write(service);
        write.setAutoDelete(false);
        write.setInsecureFallback(false);
        write.setKey(key);
        write.setTextData(secret);
        QSignalSpy written(&write, &QKeychain::Job::finished);
        write.start();
        QVERIFY(written.wait(20000));
        QVERIFY2(write.error() == QKeychain::NoError, qPrintable(write.errorString()));

        QKeychain::ReadPasswordJob read(service);
        read.setAutoDelete(false);
        read.setKey(key);
        QSignalSpy readDone(&read, &QKeychain::Job::finished);
        read.start();
        QVERIFY(readDone.wait(20000));
        QVERIFY2(read.error() == QKeychain::NoError, qPrintable(read.errorString()));
        QCOMPARE(read.textData(), secret);

        QKeychain::DeletePasswordJob remove(service);
        remove.setAutoDelete(false);
        remove.setKey(key);
        QSignalSpy removed(&remove, &QKeychain::Job::finished);
        remove.start();
        QVERIFY(removed.wait(20000));
        QVERIFY2(remove.error() == QKeychain::NoError, qPrintable(remove.errorString()));

        QKeychain::ReadPasswordJob again(service);
        again.setAutoDelete(false);
        again.setKey(key);
        QSignalSpy againDone(&again, &QKeychain::Job::finished);
        again.start();
        QVERIFY(againDone.wait(20000));
        QCOMPARE(again.error(), QKeychain::EntryNotFound);
    }
};

QTEST_GUILESS_MAIN(KeychainTest)
#include "KeychainTest.moc"
