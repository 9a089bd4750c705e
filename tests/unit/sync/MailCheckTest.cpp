// SPDX-License-Identifier: GPL-3.0-or-later
// MailCheck over a scripted IMAP server: the pending $MDNSent store is pushed at the next
// connection (UID STORE +FLAGS.SILENT), kept when the server refuses it, and the recorded
// reports are moved to the receipts folder with COPY + STORE \Deleted + UID EXPUNGE when the
// server has no MOVE.
#include "LocalCache.h"
#include "ScriptedTransport.h"
#include "tracking/BehaviourSettings.h"
#include "store/AccountRepository.h"
#include "store/Database.h"
#include "store/FolderRepository.h"
#include "store/MessageRepository.h"
#include "sync/MailCheck.h"
#include "sync/Outbox.h"
#include "sync/ReadReceipts.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Mailtrail;

namespace {

const QByteArray kLogin =
    "S: * OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN] ready\n"
    "C: a1 AUTHENTICATE PLAIN <redacted>\n"
    "S: a1 OK [CAPABILITY IMAP4rev1 UIDPLUS LITERAL+] Logged in\n";

/// AccountSync of an INBOX whose one message (UID 7) is cached already.
QByteArray syncInbox(const QByteArray &flags)
{
    return "C: a2 SELECT INBOX\n"
           "S: * 1 EXISTS\n"
           "S: * OK [UIDVALIDITY 5] ok\n"
           "S: * OK [UIDNEXT 8] ok\n"
           "S: a2 OK [READ-WRITE] selected\n"
           "C: a3 UID FETCH 1:7 (UID FLAGS)\n"
           "S: * 1 FETCH (UID 7 FLAGS (" + flags + "))\n"
           "S: a3 OK done\n"
           "C: a4 LIST \"\" \"*\"\n"
           "S: * LIST (\\HasNoChildren) \"/\" INBOX\n"
           "S: a4 OK listed\n";
}

} // namespace

class MailCheckTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Store::Database> m_db;
    Store::Account m_account;
    qint64 m_inbox = 0;
    qint64 m_message = 0;

    Sync::MailCheckReport check(const QByteArray &script, QStringList *mismatches)
    {
        Sync::MailCheck check(m_account, QStringLiteral("secret"), m_db->connection());
        Test::ScriptedTransport *transport = nullptr;
        check.setTransportFactory([&](QObject *parent) -> Net::Transport * {
            transport = new Test::ScriptedTransport(script, parent);
            return transport;
        });
        QSignalSpy finished(&check, &Sync::MailCheck::finished);
        check.start();
        if (!finished.wait(10000))
            return {};
        if (transport)
            *mismatches = transport->mismatches();
        return finished.first().first().value<Sync::MailCheckReport>();
    }

    int pending()
    {
        return int(Sync::ReadReceipts(m_db->connection()).pendingKeywordStores(m_account.id).size());
    }

private Q_SLOTS:
    void init()
    {
        QFile::remove(m_dir.filePath(QStringLiteral("db.sqlite")));
        m_db = std::make_unique<Store::Database>();
        QCOMPARE(m_db->open(m_dir.filePath(QStringLiteral("db.sqlite"))), QString());
        m_account = Test::localAccount(QStringLiteral("bob"), QStringLiteral("bob@example.test"));
        QCOMPARE(Store::AccountRepository(m_db->connection()).add(m_account), QString());
        Store::Folder inbox;
        inbox.accountId = m_account.id;
        inbox.name = QStringLiteral("INBOX");
        inbox.wireName = "INBOX";
        inbox.delimiter = QStringLiteral("/");
        QCOMPARE(Store::FolderRepository(m_db->connection()).upsert(inbox), QString());
        inbox.uidValidity = 5;
        inbox.uidNext = 8;
        inbox.syncedFromUid = 1;
        QCOMPARE(Store::FolderRepository(m_db->connection()).saveSyncState(inbox), QString());
        m_inbox = inbox.id;
        Store::MessageRecord r;
        r.uid = 7;
        Store::fillFromHeaders(r, "From: alice@example.test\r\nTo: bob@example.test\r\nSubject: Minutes\r\n"
                                  "Message-ID: <minutes@example.test>\r\n"
                                  "Disposition-Notification-To: alice@example.test\r\n"
                                  "Return-Path: <alice@example.test>\r\n");
        QCOMPARE(Store::MessageRepository(m_db->connection()).upsert(m_inbox, {r}), QString());
        m_message = Store::MessageRepository(m_db->connection()).find(m_inbox, 7)->id;
    }

    void pendingKeywordStoreIsPushedOrKept()
    {
        // The user said Ignore while offline: $MDNSent waits for the next connection.
        QVERIFY(Sync::ReadReceipts(m_db->connection()).ignore(m_message));
        QCOMPARE(pending(), 1);

        QStringList mismatches;
        Sync::MailCheckReport report = check(kLogin + syncInbox("") +
                                                 "C: a5 SELECT INBOX\n"
                                                 "S: a5 OK [READ-WRITE] selected\n"
                                                 "C: a6 UID STORE 7 +FLAGS.SILENT ($MDNSent)\n"
                                                 "S: a6 NO [CANNOT] Keywords are not allowed here\n"
                                                 "C: a7 LOGOUT\n"
                                                 "S: * BYE\n"
                                                 "S: a7 OK bye\n",
                                             &mismatches);
        QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(QLatin1Char('\n'))));
        QVERIFY(report.ok());
        QCOMPARE(report.keywordsStored, 0);
        QCOMPARE(report.errors.size(), 1);
        QVERIFY2(report.errors.first().contains(QStringLiteral("cannot store $MDNSent")), qPrintable(report.errors.first()));
        QCOMPARE(pending(), 1); // tried again next time

        report = check(kLogin + syncInbox("") +
                           "C: a5 SELECT INBOX\n"
                           "S: a5 OK [READ-WRITE] selected\n"
                           "C: a6 UID STORE 7 +FLAGS.SILENT ($MDNSent)\n"
                           "S: a6 OK stored\n"
                           "C: a7 LOGOUT\n"
                           "S: * BYE\n"
                           "S: a7 OK bye\n",
                       &mismatches);
        QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(QLatin1Char('\n'))));
        QVERIFY(report.errors.isEmpty());
        QCOMPARE(report.keywordsStored, 1);
        QCOMPARE(pending(), 0);
        QVERIFY(Store::MessageRepository(m_db->connection()).findById(m_message)->flags.contains("$MDNSent"));
        QCOMPARE(Sync::OutboxStore(m_db->connection()).list().size(), 0); // ignored: never answered
    }

    /// Issue 15 §1: a check never answers a read-receipt request, whatever the policy: the
    /// unread message with a valid request stays unanswered until someone displays it.
    void checkUnderAlwaysSendsNoReceipt()
    {
        m_account.readReceipts = Store::ReadReceipts::Always;
        QCOMPARE(Store::AccountRepository(m_db->connection()).update(m_account), QString());
        const QByteArray script = kLogin + syncInbox("") +
                                  "C: a5 LOGOUT\n"
                                  "S: * BYE\n"
                                  "S: a5 OK bye\n";
        for (int i = 0; i < 2; ++i) { // the first check of an account and a later one
            QStringList mismatches;
            const Sync::MailCheckReport report = check(script, &mismatches);
            QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(QLatin1Char('\n'))));
            QVERIFY(report.ok());
        }
        QCOMPARE(Sync::OutboxStore(m_db->connection()).list().size(), 0);
        QVERIFY(!Sync::ReadReceipts(m_db->connection()).state(m_message));
        QVERIFY(!Store::MessageRepository(m_db->connection()).findById(m_message)->flags.contains("$MDNSent"));
        // Displayed now: the policy answers.
        const Sync::DisplayOutcome shown = Sync::ReadReceipts(m_db->connection()).displayed(m_message);
        QCOMPARE(Sync::displayReceiptName(shown.receipt), QStringLiteral("sent"));
        QCOMPARE(Sync::OutboxStore(m_db->connection()).list().size(), 1);
    }

    void reportsMoveWithoutMoveCapability()
    {
        m_account.receiptsFolder = QStringLiteral("Receipts");
        QCOMPARE(Store::AccountRepository(m_db->connection()).update(m_account), QString());
        // UID 7 was recorded as a report by an earlier scan.
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(QStringLiteral("INSERT INTO tracking_scanned (message_id, scanned_at, is_report) VALUES (%1, 0, 1)")
                           .arg(m_message)));

        QStringList mismatches;
        const Sync::MailCheckReport report = check(kLogin + syncInbox("") +
                                                       "C: a5 CREATE Receipts\n"
                                                       "S: a5 OK created\n"
                                                       "C: a6 SELECT INBOX\n"
                                                       "S: a6 OK [READ-WRITE] selected\n"
                                                       "C: a7 UID COPY 7 Receipts\n"
                                                       "S: a7 OK [COPYUID 9 7 1] copied\n"
                                                       "C: a8 UID STORE 7 +FLAGS.SILENT (\\Deleted)\n"
                                                       "S: a8 OK stored\n"
                                                       "C: a9 UID EXPUNGE 7\n"
                                                       "S: * 1 EXPUNGE\n"
                                                       "S: a9 OK expunged\n"
                                                       "C: a10 LOGOUT\n"
                                                       "S: * BYE\n"
                                                       "S: a10 OK bye\n",
                                                   &mismatches);
        QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(QLatin1Char('\n'))));
        QVERIFY2(report.errors.isEmpty(), qPrintable(report.errors.join(QLatin1Char('\n'))));
        QCOMPARE(report.moved, 1);
        QVERIFY(!Store::MessageRepository(m_db->connection()).find(m_inbox, 7)); // comes back from Receipts
    }

    // A server without SPECIAL-USE (RFC 6154): the roles come from the folders' names.
    void foldersWithoutSpecialUseGetRolesFromTheirNames()
    {
        const QByteArray script = kLogin
            + "C: a2 SELECT INBOX\n"
              "S: * 1 EXISTS\n"
              "S: * OK [UIDVALIDITY 5] ok\n"
              "S: * OK [UIDNEXT 8] ok\n"
              "S: a2 OK [READ-WRITE] selected\n"
              "C: a3 UID FETCH 1:7 (UID FLAGS)\n"
              "S: * 1 FETCH (UID 7 FLAGS ())\n"
              "S: a3 OK done\n"
              "C: a4 LIST \"\" \"*\"\n"
              "S: * LIST (\\HasNoChildren) \".\" INBOX\n"
              "S: * LIST (\\HasNoChildren) \".\" \"INBOX.Sent Items\"\n"
              "S: * LIST (\\HasNoChildren \\Trash) \".\" Bin\n"
              "S: * LIST (\\HasNoChildren) \".\" Trash\n"
              "S: a4 OK listed\n"
              "C: a5 SELECT Bin\n"
              "S: * 0 EXISTS\nS: * OK [UIDVALIDITY 1] ok\nS: a5 OK [READ-WRITE] selected\n"
              "C: a6 SELECT \"INBOX.Sent Items\"\n"
              "S: * 0 EXISTS\nS: * OK [UIDVALIDITY 2] ok\nS: a6 OK [READ-WRITE] selected\n"
              "C: a7 SELECT Trash\n"
              "S: * 0 EXISTS\nS: * OK [UIDVALIDITY 3] ok\nS: a7 OK [READ-WRITE] selected\n"
              "C: a8 LOGOUT\nS: * BYE\nS: a8 OK bye\n";
        QStringList mismatches;
        const Sync::MailCheckReport report = check(script, &mismatches);
        QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(QLatin1Char('\n'))));
        QVERIFY2(report.errors.isEmpty(), qPrintable(report.errors.join(QLatin1Char('\n'))));
        Store::FolderRepository folders(m_db->connection());
        QCOMPARE(folders.find(m_account.id, QStringLiteral("INBOX.Sent Items"))->specialUse, QStringLiteral("\\Sent"));
        // A folder the server marked \Trash keeps the role; the one named Trash gets none.
        QCOMPARE(folders.find(m_account.id, QStringLiteral("Bin"))->specialUse, QStringLiteral("\\Trash"));
        QCOMPARE(folders.find(m_account.id, QStringLiteral("Trash"))->specialUse, QString());
        QCOMPARE(folders.find(m_account.id, QStringLiteral("INBOX"))->specialUse, QString());
    }

    // The GUI's "Move reports to a folder" (a profile setting, `config set receipts.move-reports`)
    // applies to accounts without a receipts folder of their own.
    void reportsMoveToTheProfileReceiptsFolder_data()
    {
        QTest::addColumn<bool>("move");
        QTest::newRow("moving on") << true;
        QTest::newRow("moving off") << false;
    }
    void reportsMoveToTheProfileReceiptsFolder()
    {
        QFETCH(bool, move);
        Tracking::SettingsStore settings(m_db->connection());
        QCOMPARE(settings.setValue(QStringLiteral("receipts.move-reports"), move ? QStringLiteral("true") : QStringLiteral("false")), QString());
        QCOMPARE(settings.setValue(QStringLiteral("receipts.folder"), QStringLiteral("Reports")), QString());
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(QStringLiteral("INSERT INTO tracking_scanned (message_id, scanned_at, is_report) VALUES (%1, 0, 1)")
                           .arg(m_message)));
        const QByteArray moving = "C: a5 CREATE Reports\n"
                                  "S: a5 OK created\n"
                                  "C: a6 SELECT INBOX\n"
                                  "S: a6 OK [READ-WRITE] selected\n"
                                  "C: a7 UID COPY 7 Reports\n"
                                  "S: a7 OK [COPYUID 9 7 1] copied\n"
                                  "C: a8 UID STORE 7 +FLAGS.SILENT (\\Deleted)\n"
                                  "S: a8 OK stored\n"
                                  "C: a9 UID EXPUNGE 7\n"
                                  "S: * 1 EXPUNGE\n"
                                  "S: a9 OK expunged\n"
                                  "C: a10 LOGOUT\n"
                                  "S: * BYE\n"
                                  "S: a10 OK bye\n";
        const QByteArray staying = "C: a5 LOGOUT\nS: * BYE\nS: a5 OK bye\n";
        QStringList mismatches;
        const Sync::MailCheckReport report = check(kLogin + syncInbox("") + (move ? moving : staying), &mismatches);
        QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(QLatin1Char('\n'))));
        QVERIFY2(report.errors.isEmpty(), qPrintable(report.errors.join(QLatin1Char('\n'))));
        QCOMPARE(report.moved, move ? 1 : 0);
        QCOMPARE(!Store::MessageRepository(m_db->connection()).find(m_inbox, 7), move);
    }
};

QTEST_GUILESS_MAIN(MailCheckTest)
#include "MailCheckTest.moc"
