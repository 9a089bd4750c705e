// SPDX-License-Identifier: GPL-3.0-or-later
// New mail arrives by IDLE (and by NOOP polling) against the private Dovecot.
#include "ImapTestClient.h"
#include "MailStack.h"
#include "store/AccountRepository.h"
#include "store/Database.h"
#include "store/FolderRepository.h"
#include "store/MessageRepository.h"
#include "sync/AccountSync.h"
#include "sync/FolderMonitor.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Mailtrail;

class ImapIdleTest : public QObject
{
    Q_OBJECT
private:
    Test::MailStack m_stack = Test::MailStack::fromEnvironment();
    QTemporaryDir m_dir;
    Store::Database m_db;
    Store::Account m_account;
    const QString m_user = QStringLiteral("postmaster");

    void watchAndDeliver(bool polling)
    {
        const QString folder = QStringLiteral("idle") + QUuid::createUuid().toString(QUuid::Id128).left(8);
        QCOMPARE(Test::fillMaildirFolder(m_stack, m_user, folder, 3), QString());
        Sync::AccountSync sync(m_account, m_stack.password(m_user), m_db.connection());
        sync.setFolderFilter(folder);
        sync.setKeepOpen(true);
        QSignalSpy done(&sync, &Sync::AccountSync::finished);
        sync.start();
        QVERIFY(done.wait(30000));
        QVERIFY(done.first().first().value<Sync::AccountSyncReport>().ok());
        const qint64 folderId = Store::FolderRepository(m_db.connection()).find(m_account.id, folder)->id;

        Sync::FolderMonitor monitor(sync.session(), m_db.connection(), folderId);
        monitor.setForcePolling(polling);
        monitor.setPollInterval(300);
        QSignalSpy watching(&monitor, &Sync::FolderMonitor::watching);
        QSignalSpy synced(&monitor, &Sync::FolderMonitor::synced);
        QSignalSpy failed(&monitor, &Sync::FolderMonitor::failed);
        monitor.start();
        QVERIFY(watching.wait(10000));
        QCOMPARE(monitor.usesIdle(), !polling);
        synced.clear();

        Test::ImapTestClient other(m_stack, m_user);
        QVERIFY2(other.isReady(), qPrintable(other.errorString()));
        QElapsedTimer timer;
        timer.start();
        QVERIFY(!other.append(folder.toUtf8(), "From: x@example.test\r\nSubject: pushed\r\nMessage-ID: <pushed-"
                                                  + folder.toUtf8() + "@x>\r\n\r\nhi\r\n").isEmpty());
        QVERIFY(synced.wait(10000));
        const qint64 ms = timer.elapsed();
        const auto result = synced.first().first().value<Sync::FolderSyncResult>();
        QVERIFY2(result.ok(), qPrintable(result.errorMessage()));
        QCOMPARE(result.added, 1);
        QCOMPARE(Store::MessageRepository(m_db.connection()).count(folderId), 4);
        qInfo("%s: new mail in the cache %lld ms after APPEND", polling ? "NOOP polling (300 ms)" : "IDLE", ms);

        QSignalSpy stopped(&monitor, &Sync::FolderMonitor::stopped);
        monitor.stop();
        QVERIFY(stopped.size() == 1 || stopped.wait(10000));
        QCOMPARE(failed.size(), 0);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_stack.isValid(), qPrintable(m_stack.errorString()));
        QCOMPARE(m_db.open(m_dir.filePath(QStringLiteral("mail.sqlite"))), QString());
        m_account = m_stack.account(m_user, QStringLiteral("pm"));
        QCOMPARE(Store::AccountRepository(m_db.connection()).add(m_account), QString());
    }

    void idleDeliversNewMail() { watchAndDeliver(false); }
    void noopPollingDeliversNewMail() { watchAndDeliver(true); }
};

QTEST_GUILESS_MAIN(ImapIdleTest)
#include "ImapIdleTest.moc"
