// SPDX-License-Identifier: GPL-3.0-or-later
// AccountMonitor reconnects with exponential backoff after failures and then keeps syncing.
#include "ScriptedTransport.h"
#include "store/AccountRepository.h"
#include "store/Database.h"
#include "sync/AccountMonitor.h"

#include <QSignalSpy>
#include <QTest>

using namespace Mailtrail;

class AccountMonitorTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void backoffDoublesAndCaps()
    {
        Sync::Backoff b(100, 500);
        QCOMPARE(b.next(), 100);
        QCOMPARE(b.next(), 200);
        QCOMPARE(b.next(), 400);
        QCOMPARE(b.next(), 500);
        QCOMPARE(b.next(), 500);
        b.reset();
        QCOMPARE(b.next(), 100);
    }

    void reconnectsAfterRefusalAndGarbage()
    {
        Store::Database db;
        QCOMPARE(db.open(QStringLiteral(":memory:")), QString());
        Store::Account a;
        a.name = QStringLiteral("work");
        a.email = QStringLiteral("alice@example.test");
        a.imap = {QStringLiteral("127.0.0.1"), 993, Store::Security::Tls};
        a.smtp = {QStringLiteral("127.0.0.1"), 465, Store::Security::Tls};
        a.userName = QStringLiteral("alice");
        QCOMPARE(Store::AccountRepository(db.connection()).add(a), QString());

        const QList<QByteArray> scripts = {
            "!refuse\n",
            "S: * OK [CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR] ready\n"
            "C: a1 AUTHENTICATE PLAIN <redacted>\n"
            "S: garbage from a broken proxy\n",
            "S: * OK [CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR IDLE] ready\n"
            "C: a1 AUTHENTICATE PLAIN <redacted>\n"
            "S: a1 OK Logged in\n"
            "C: a2 CAPABILITY\n"
            "S: * CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR IDLE\n"
            "S: a2 OK done\n"
            "C: a3 SELECT INBOX\n"
            "S: * 0 EXISTS\n"
            "S: * OK [UIDVALIDITY 5] ok\n"
            "S: * OK [UIDNEXT 1] ok\n"
            "S: a3 OK [READ-WRITE] selected\n"
            "C: a4 LIST \"\" \"*\"\n"
            "S: * LIST (\\HasNoChildren) \"/\" INBOX\n"
            "S: a4 OK listed\n"
            "C: a5 SELECT INBOX\n"
            "S: * 0 EXISTS\n"
            "S: * OK [UIDVALIDITY 5] ok\n"
            "S: * OK [UIDNEXT 1] ok\n"
            "S: a5 OK [READ-WRITE] selected\n"
            "C: a6 IDLE\n"
            "S: + idling\n"
            "!stall\n",
        };
        int connection = 0;
        Sync::AccountMonitor monitor(a, QStringLiteral("pw"), db.connection());
        monitor.setBackoff(Sync::Backoff(20, 1000));
        monitor.setTransportFactory([&](QObject *parent) -> Net::Transport * {
            return new Test::ScriptedTransport(scripts.value(connection++), parent);
        });
        QSignalSpy lost(&monitor, &Sync::AccountMonitor::connectionLost);
        QSignalSpy synced(&monitor, &Sync::AccountMonitor::synced);
        monitor.start();
        QTRY_COMPARE_WITH_TIMEOUT(synced.size(), 2, 10000); // AccountSync's, then FolderMonitor's
        QCOMPARE(lost.size(), 2);
        QCOMPARE(lost.at(0).at(1).toInt(), 20);
        QCOMPARE(lost.at(1).at(1).toInt(), 40);
        QVERIFY(lost.at(1).at(0).toString().contains(QStringLiteral("cannot read")));
        QCOMPARE(connection, 3);
        monitor.stop();
    }
};

QTEST_GUILESS_MAIN(AccountMonitorTest)
#include "AccountMonitorTest.moc"
