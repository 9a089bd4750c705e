// SPDX-License-Identifier: GPL-3.0-or-later
// Read receipts we send, decided from the message cache (RFC 8098 §2.1, RFC 3503): the
// decision table, sending through the outbox with a null reverse path, $MDNSent locally and
// as a pending server store, once per message across restarts and cache rebuilds, Ignore,
// and displayed(): the only moment a receipt is considered (issue 15 §1).
#include "LocalCache.h"
#include "store/AccountRepository.h"
#include "store/Database.h"
#include "store/FolderRepository.h"
#include "store/MessageRecord.h"
#include "store/MessageRepository.h"
#include "sync/Outbox.h"
#include "sync/ReadReceipts.h"

#include <QSqlQuery>
#include <QTest>

using namespace Mailtrail;
using Tracking::ReceiptAction;

Q_DECLARE_METATYPE(Mailtrail::Tracking::ReceiptAction)
Q_DECLARE_METATYPE(Mailtrail::Store::ReadReceipts)

namespace {

/// A received message's header block as bob's INBOX would cache it.
QByteArray headers(const QByteArray &extra, const QByteArray &to = "bob@example.test")
{
    return "From: Alice <alice@example.test>\r\nTo: " + to
        + "\r\nSubject: Minutes\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\n"
          "Message-ID: <minutes@example.test>\r\nContent-Type: text/plain\r\n"
        + extra;
}

} // namespace

class ReadReceiptsTest : public QObject
{
    Q_OBJECT

    std::unique_ptr<Store::Database> m_db;
    Store::Account m_account;
    qint64 m_inbox = 0;
    qint64 m_sent = 0;
    quint32 m_nextUid = 1;

    QSqlDatabase db() const { return m_db->connection(); }

    qint64 addMessage(const QByteArray &rawHeaders, const QByteArrayList &flags = {}, qint64 folder = 0)
    {
        Store::MessageRecord r;
        r.uid = m_nextUid++;
        r.flags = flags;
        Store::fillFromHeaders(r, rawHeaders);
        const qint64 folderId = folder ? folder : m_inbox;
        if (!Store::MessageRepository(db()).upsert(folderId, {r}).isEmpty())
            return 0;
        const auto stored = Store::MessageRepository(db()).find(folderId, r.uid);
        return stored ? stored->id : 0;
    }

    void setPolicy(Store::ReadReceipts policy)
    {
        m_account.readReceipts = policy;
        QCOMPARE(Store::AccountRepository(db()).update(m_account), QString());
    }

    int outboxCount() const { return int(Sync::OutboxStore(db()).list().size()); }

private Q_SLOTS:
    void init()
    {
        m_db = std::make_unique<Store::Database>();
        QCOMPARE(m_db->open(QStringLiteral(":memory:")), QString());
        m_account = Test::localAccount(QStringLiteral("bob"), QStringLiteral("bob@example.test"));
        m_account.displayName = QStringLiteral("Bob");
        m_account.readReceipts = Store::ReadReceipts::Always;
        QCOMPARE(Store::AccountRepository(db()).add(m_account), QString());
        Store::Folder inbox;
        QCOMPARE(Test::addFolder(db(), m_account.id, QStringLiteral("INBOX"), &inbox), QString());
        m_inbox = inbox.id;
        Store::Folder sent;
        sent.accountId = m_account.id;
        sent.name = QStringLiteral("Sent");
        sent.wireName = "Sent";
        sent.specialUse = QStringLiteral("\\Sent");
        QCOMPARE(Store::FolderRepository(db()).upsert(sent), QString());
        m_sent = sent.id;
        m_nextUid = 1;
    }

    /// Nothing is answered before a person displays the message; then the policy decides.
    void displayedDecidesUnderThePolicy_data()
    {
        QTest::addColumn<Store::ReadReceipts>("policy");
        QTest::addColumn<QByteArray>("extra");
        QTest::addColumn<QByteArrayList>("flags");
        QTest::addColumn<int>("choice");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<int>("queued");
        QTest::addColumn<QByteArray>("disposition");

        const QByteArray request = "Disposition-Notification-To: alice@example.test\r\n"
                                   "Return-Path: <alice@example.test>\r\n";
        const auto always = Store::ReadReceipts::Always;
        const auto ask = Store::ReadReceipts::Ask;
        const int policy = int(Sync::DisplayChoice::Policy);
        const int noReceipt = int(Sync::DisplayChoice::NoReceipt);
        const int sendReceipt = int(Sync::DisplayChoice::SendReceipt);
        QTest::newRow("always: sent automatically")
            << always << request << QByteArrayList{} << policy << QStringLiteral("sent") << 1
            << QByteArray("Disposition: automatic-action/MDN-sent-automatically; displayed");
        QTest::newRow("ask: asked, nothing sent")
            << ask << request << QByteArrayList{} << policy << QStringLiteral("asked") << 0 << QByteArray();
        QTest::newRow("ask + send-receipt: sent manually")
            << ask << request << QByteArrayList{} << sendReceipt << QStringLiteral("sent") << 1
            << QByteArray("Disposition: manual-action/MDN-sent-manually; displayed");
        QTest::newRow("never: none") << Store::ReadReceipts::Never << request << QByteArrayList{} << policy
                                     << QStringLiteral("none") << 0 << QByteArray();
        QTest::newRow("always + no-receipt: none")
            << always << request << QByteArrayList{} << noReceipt << QStringLiteral("none") << 0 << QByteArray();
        QTest::newRow("no request: not-requested")
            << always << QByteArray("Return-Path: <alice@example.test>\r\n") << QByteArrayList{} << policy
            << QStringLiteral("not-requested") << 0 << QByteArray();
        QTest::newRow("$MDNSent by another client: already-sent")
            << always << request << QByteArrayList{"$MDNSent"} << policy << QStringLiteral("already-sent") << 0
            << QByteArray();
        QTest::newRow("always, Return-Path differs (RFC 8098 §2.1): asked")
            << always
            << QByteArray("Disposition-Notification-To: alice@example.test\r\nReturn-Path: <b@lists.example.test>\r\n")
            << QByteArrayList{} << policy << QStringLiteral("asked") << 0 << QByteArray();
        QTest::newRow("a report: none")
            << always << QByteArray("Disposition-Notification-To: alice@example.test\r\nReturn-Path: <>\r\n")
            << QByteArrayList{} << sendReceipt << QStringLiteral("none") << 0 << QByteArray();
    }

    void displayedDecidesUnderThePolicy()
    {
        QFETCH(Store::ReadReceipts, policy);
        QFETCH(QByteArray, extra);
        QFETCH(QByteArrayList, flags);
        QFETCH(int, choice);
        QFETCH(QString, expected);
        QFETCH(int, queued);
        QFETCH(QByteArray, disposition);
        setPolicy(policy);
        const qint64 id = addMessage(headers(extra), flags);
        QVERIFY(id > 0);
        QCOMPARE(outboxCount(), 0); // caching the message answers nothing
        Sync::ReadReceipts receipts(db());
        const Sync::DisplayOutcome outcome = receipts.displayed(id, Sync::DisplayChoice(choice));
        QCOMPARE(Sync::displayReceiptName(outcome.receipt), expected);
        QVERIFY(!outcome.reason.isEmpty());
        QCOMPARE(outboxCount(), queued);
        if (queued > 0) {
            QVERIFY(outcome.outboxId > 0);
            const auto entry = Sync::OutboxStore(db()).entry(outcome.outboxId);
            QVERIFY(entry);
            QVERIFY2(entry->bytes.contains(disposition), entry->bytes.constData());
            // Displayed again: already sent, nothing more.
            QCOMPARE(Sync::displayReceiptName(receipts.displayed(id).receipt), QStringLiteral("already-sent"));
            QCOMPARE(outboxCount(), queued);
        }
        if (expected == QLatin1String("asked"))
            QVERIFY(receipts.state(id) == Sync::ReceiptState::Asked);
    }

    /// The copy in a Sent or Drafts folder is our own mail, even if it carries a request
    /// addressed to us (a message to oneself).
    void ownFolderCopyIsNotAnswered()
    {
        const qint64 id = addMessage(headers("Disposition-Notification-To: alice@example.test\r\n"
                                             "Return-Path: <alice@example.test>\r\n"),
                                     {}, m_sent);
        QCOMPARE(Sync::displayReceiptName(Sync::ReadReceipts(db()).displayed(id).receipt), QStringLiteral("none"));
        QCOMPARE(outboxCount(), 0);
    }

    void cachesTheRequestHeaders()
    {
        Store::MessageRecord r;
        Store::fillFromHeaders(r, headers("Disposition-Notification-To: \"Alice\" <alice@example.test>\r\n"
                                          "Disposition-Notification-Options: signed-receipt=optional,yes\r\n"
                                          "Return-Path: <alice@example.test>\r\n"
                                          "Original-Recipient: rfc822;bob@example.test\r\n"));
        QCOMPARE(r.dispositionNotificationTo, QStringLiteral("alice@example.test"));
        QCOMPARE(r.dispositionNotificationOptions, QStringLiteral("signed-receipt=optional,yes"));
        QCOMPARE(r.returnPath, QStringLiteral("alice@example.test"));
        QCOMPARE(r.originalRecipient, QStringLiteral("rfc822;bob@example.test"));
        QVERIFY(Store::summaryHeaderFields().contains("DISPOSITION-NOTIFICATION-TO"));
        QVERIFY(Store::summaryHeaderFields().contains("DISPOSITION-NOTIFICATION-OPTIONS"));
        QVERIFY(Store::summaryHeaderFields().contains("ORIGINAL-RECIPIENT"));

        // Survives the round trip through the cache.
        const qint64 id = addMessage(headers("Disposition-Notification-To: alice@example.test\r\n"
                                             "Return-Path: <>\r\n"));
        const auto cached = Store::MessageRepository(db()).findById(id);
        QVERIFY(cached);
        QCOMPARE(cached->dispositionNotificationTo, QStringLiteral("alice@example.test"));
        QCOMPARE(cached->returnPath, QStringLiteral("<>"));
    }

    void decisionTable_data()
    {
        QTest::addColumn<QByteArray>("extra");
        QTest::addColumn<QByteArray>("to");
        QTest::addColumn<QByteArrayList>("flags");
        QTest::addColumn<Store::ReadReceipts>("policy");
        QTest::addColumn<ReceiptAction>("expected");

        const QByteArray request = "Disposition-Notification-To: alice@example.test\r\n";
        const QByteArray returnPath = "Return-Path: <alice@example.test>\r\n";
        const QByteArray bob = "bob@example.test";
        const auto always = Store::ReadReceipts::Always;
        QTest::newRow("no request") << returnPath << bob << QByteArrayList{} << always << ReceiptAction::None;
        QTest::newRow("always, Return-Path matches (RFC 8098 §2.1)")
            << request + returnPath << bob << QByteArrayList{} << always << ReceiptAction::SendAutomatic;
        QTest::newRow("policy ask") << request + returnPath << bob << QByteArrayList{} << Store::ReadReceipts::Ask
                                    << ReceiptAction::Ask;
        QTest::newRow("policy never") << request + returnPath << bob << QByteArrayList{}
                                      << Store::ReadReceipts::Never << ReceiptAction::None;
        QTest::newRow("Return-Path differs (§2.1): ask")
            << request + "Return-Path: <bounces@lists.example.test>\r\n" << bob << QByteArrayList{} << always
            << ReceiptAction::Ask;
        QTest::newRow("no Return-Path (§2.1): ask") << request << bob << QByteArrayList{} << always
                                                    << ReceiptAction::Ask;
        QTest::newRow("several notification addresses (§2.1): ask")
            << "Disposition-Notification-To: alice@example.test, carol@example.test\r\n" + returnPath << bob
            << QByteArrayList{} << always << ReceiptAction::Ask;
        QTest::newRow("unknown required option (§2.2): none")
            << request + returnPath + "Disposition-Notification-Options: signed-receipt=required,pkcs7\r\n" << bob
            << QByteArrayList{} << always << ReceiptAction::None;
        QTest::newRow("optional option is fine")
            << request + returnPath + "Disposition-Notification-Options: signed-receipt=optional,pkcs7\r\n" << bob
            << QByteArrayList{} << always << ReceiptAction::SendAutomatic;
        QTest::newRow("$MDNSent set by another client (RFC 3503)")
            << request + returnPath << bob << QByteArrayList{"\\Seen", "$MDNSent"} << always << ReceiptAction::None;
        QTest::newRow("$mdnsent in any case") << request + returnPath << bob << QByteArrayList{"$mdnsent"} << always
                                              << ReceiptAction::None;
        QTest::newRow("a report is never answered (§3.1)")
            << request + returnPath + "Content-Type: multipart/report; report-type=delivery-status\r\n" << bob
            << QByteArrayList{} << always << ReceiptAction::None;
        QTest::newRow("null Return-Path: a bounce") << request + "Return-Path: <>\r\n" << bob << QByteArrayList{}
                                                    << always << ReceiptAction::None;
        QTest::newRow("not addressed to me: ask") << request + returnPath << QByteArray("team@example.test")
                                                  << QByteArrayList{} << always << ReceiptAction::Ask;
        QTest::newRow("requester outside my domain: ask")
            << QByteArray("Disposition-Notification-To: eve@elsewhere.test\r\nReturn-Path: <eve@elsewhere.test>\r\n") << bob
            << QByteArrayList{} << always << ReceiptAction::Ask;
    }

    void decisionTable()
    {
        QFETCH(QByteArray, extra);
        QFETCH(QByteArray, to);
        QFETCH(QByteArrayList, flags);
        QFETCH(Store::ReadReceipts, policy);
        QFETCH(ReceiptAction, expected);
        setPolicy(policy);
        QByteArray raw = headers(extra, to);
        if (extra.contains("Content-Type: multipart/report"))
            raw.replace("Content-Type: text/plain\r\n", "");
        const qint64 id = addMessage(raw, flags);
        QVERIFY(id > 0);
        const Tracking::ReceiptDecision decision = Sync::ReadReceipts(db()).decisionFor(id);
        QCOMPARE(decision.action, expected);
        QVERIFY(!decision.reason.isEmpty());
        if (expected != ReceiptAction::None)
            QCOMPARE(decision.sendTo, extra.contains("eve@") ? QStringLiteral("eve@elsewhere.test")
                                                            : QStringLiteral("alice@example.test"));
    }

    void ownMessageIsNotAnswered()
    {
        const qint64 id = addMessage("From: bob@example.test\r\nTo: alice@example.test\r\nSubject: Mine\r\n"
                                     "Message-ID: <mine@example.test>\r\nDisposition-Notification-To: bob@example.test\r\n"
                                     "Return-Path: <bob@example.test>\r\n",
                                     {}, m_sent);
        QCOMPARE(Sync::ReadReceipts(db()).decisionFor(id).action, ReceiptAction::None);
    }

    void sendQueuesAnMdnOnceAndMarksMdnSent()
    {
        const qint64 id = addMessage(headers("Disposition-Notification-To: alice@example.test\r\n"
                                             "Return-Path: <alice@example.test>\r\n"
                                             "Original-Recipient: rfc822;bob@example.test\r\n"));
        Sync::ReadReceipts receipts(db());
        QString error;
        QVERIFY2(receipts.send(id, true, &error), qPrintable(error));

        const QList<Sync::OutboxEntry> queued = Sync::OutboxStore(db()).list();
        QCOMPARE(queued.size(), 1);
        const auto entry = Sync::OutboxStore(db()).entry(queued.first().id);
        QVERIFY(entry);
        QCOMPARE(entry->mailFrom, QString()); // MAIL FROM:<>
        QVERIFY(!entry->requestDsn);
        QCOMPARE(entry->sentMessageId, qint64(0)); // not tracked itself
        QCOMPARE(entry->recipients.size(), 1);
        QCOMPARE(entry->recipients.first().address, QStringLiteral("alice@example.test"));
        QVERIFY(entry->bytes.contains("report-type=disposition-notification"));
        QVERIFY(entry->bytes.contains("Disposition: automatic-action/MDN-sent-automatically; displayed"));
        QVERIFY(entry->bytes.contains("Original-Message-ID: <minutes@example.test>"));
        QVERIFY(entry->bytes.contains("Original-Recipient: rfc822;bob@example.test"));

        const auto cached = Store::MessageRepository(db()).findById(id);
        QVERIFY(cached->flags.contains("$MDNSent"));
        const QList<Sync::PendingKeywordStore> pending = receipts.pendingKeywordStores(m_account.id);
        QCOMPARE(pending.size(), 1);
        QCOMPARE(pending.first().messageRowId, id);
        QVERIFY(receipts.state(id) == Sync::ReceiptState::Sent);
        QVERIFY(receipts.isOwnReport(m_account.name, QString::fromUtf8(entry->messageId)));
        QVERIFY(!receipts.isOwnReport(m_account.name, QStringLiteral("<minutes@example.test>")));

        // Once per message: not again, also not manually.
        QCOMPARE(receipts.decisionFor(id).action, ReceiptAction::None);
        QVERIFY(!receipts.send(id, false, &error));
        QCOMPARE(outboxCount(), 1);

        // The server's flags come back without $MDNSent (not pushed yet) and the cache is
        // rebuilt (UIDVALIDITY changed): still answered, by Message-ID.
        QCOMPARE(Store::MessageRepository(db()).removeAll(m_inbox), QString());
        const qint64 again = addMessage(headers("Disposition-Notification-To: alice@example.test\r\n"
                                                "Return-Path: <alice@example.test>\r\n"));
        QCOMPARE(Sync::ReadReceipts(db()).decisionFor(again).action, ReceiptAction::None);
        QCOMPARE(Sync::displayReceiptName(Sync::ReadReceipts(db()).displayed(again).receipt),
                 QStringLiteral("already-sent"));
        QCOMPARE(outboxCount(), 1);

        // The store was done on the server: the cached flags say so too.
        QVERIFY(receipts.keywordStored(again));
        QVERIFY(receipts.pendingKeywordStores(m_account.id).isEmpty());
        QVERIFY(Store::MessageRepository(db()).findById(again)->flags.contains("$MDNSent"));
    }

    void manualSendIsMarkedManual()
    {
        setPolicy(Store::ReadReceipts::Ask);
        const qint64 id = addMessage(headers("Disposition-Notification-To: alice@example.test\r\n"
                                             "Return-Path: <alice@example.test>\r\n"));
        Sync::ReadReceipts receipts(db());
        QString error;
        QVERIFY(!receipts.send(id, true, &error)); // "ask" never sends automatically
        QVERIFY(error.contains(QStringLiteral("automatically")));
        QCOMPARE(outboxCount(), 0);
        QVERIFY2(receipts.send(id, false, &error), qPrintable(error));
        const auto entry = Sync::OutboxStore(db()).entry(Sync::OutboxStore(db()).list().first().id);
        QVERIFY(entry->bytes.contains("Disposition: manual-action/MDN-sent-manually; displayed"));
    }

    void noRequestCannotBeAnswered()
    {
        const qint64 id = addMessage(headers("Return-Path: <alice@example.test>\r\n"));
        QString error;
        QVERIFY(!Sync::ReadReceipts(db()).send(id, false, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!Sync::ReadReceipts(db()).send(987654, false, &error));
        Sync::ReadReceipts receipts(db());
        QVERIFY(!receipts.ignore(id));
        QVERIFY(!receipts.lastError().isEmpty());
        QVERIFY(!receipts.ignore(987654));
        QVERIFY(receipts.pendingKeywordStores(m_account.id).isEmpty());
        QCOMPARE(outboxCount(), 0);
    }

    void ignoreSendsNothingAndNeverAsksAgain()
    {
        setPolicy(Store::ReadReceipts::Ask);
        const qint64 id = addMessage(headers("Disposition-Notification-To: alice@example.test\r\n"
                                             "Return-Path: <alice@example.test>\r\n"));
        Sync::ReadReceipts receipts(db());
        QCOMPARE(receipts.decisionFor(id).action, ReceiptAction::Ask);
        QVERIFY(receipts.ignore(id));
        QCOMPARE(outboxCount(), 0);
        QVERIFY(receipts.state(id) == Sync::ReceiptState::Ignored);
        QCOMPARE(Sync::ReadReceipts(db()).decisionFor(id).action, ReceiptAction::None);
        QCOMPARE(receipts.pendingKeywordStores(m_account.id).size(), 1); // other clients: do not ask
        QString error;
        QVERIFY(!receipts.send(id, false, &error));
    }
};

QTEST_GUILESS_MAIN(ReadReceiptsTest)
#include "ReadReceiptsTest.moc"
