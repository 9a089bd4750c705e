// SPDX-License-Identifier: GPL-3.0-or-later
// Store::Mailbox, what the window reads of the cache (issue 16): a message with its body,
// folder and account, identities across accounts, addresses seen — over a profile database
// in a temporary directory, filled through the repositories the sync writes with.
#include "store/Mailbox.h"

#include "store/AccountRepository.h"
#include "store/Database.h"
#include "store/FolderRepository.h"
#include "store/MessageRepository.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace Mailtrail::Store;

namespace {

Account account(const QString &name, const QString &email)
{
    Account a;
    a.name = name;
    a.displayName = QStringLiteral("Alice Example");
    a.email = email;
    a.imap = Endpoint{QStringLiteral("mail.example.test"), 993, Security::Tls};
    a.smtp = Endpoint{QStringLiteral("mail.example.test"), 465, Security::Tls};
    a.userName = email;
    return a;
}

MessageRecord message(quint32 uid, const QString &from, const QByteArrayList &flags = {})
{
    MessageRecord r;
    r.uid = uid;
    r.flags = flags;
    r.subject = QStringLiteral("Message %1").arg(uid);
    r.fromName = QStringLiteral("Bob Example");
    r.fromAddress = from;
    r.toAddresses = QStringLiteral("alice@work.example");
    r.messageId = QStringLiteral("<m%1@example.test>").arg(uid);
    return r;
}

} // namespace

class MailboxTest : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    Account m_work;
    Account m_home;
    qint64 m_inbox = 0;

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_db = std::make_unique<Database>();
        QCOMPARE(m_db->open(m_dir.filePath(QStringLiteral("mailtrail-%1.sqlite").arg(QString::fromLatin1(QTest::currentTestFunction())))),
                 QString());
        m_work = account(QStringLiteral("work"), QStringLiteral("alice@work.example"));
        m_home = account(QStringLiteral("home"), QStringLiteral("alice@home.example"));
        AccountRepository accounts(m_db->connection());
        QCOMPARE(accounts.add(m_work), QString());
        QCOMPARE(accounts.add(m_home), QString());
        Folder inbox;
        inbox.accountId = m_work.id;
        inbox.name = QStringLiteral("INBOX");
        inbox.wireName = "INBOX";
        inbox.delimiter = QStringLiteral("/");
        QCOMPARE(FolderRepository(m_db->connection()).upsert(inbox), QString());
        m_inbox = inbox.id;
        QCOMPARE(MessageRepository(m_db->connection())
                     .upsert(m_inbox, {message(1, QStringLiteral("bob@example.test")),
                                       message(2, QStringLiteral("carol@example.test"), {"\\Seen"})}),
                 QString());
    }

    void cleanup() { m_db.reset(); }

    void messageWithItsFolderAndAccount()
    {
        const Mailbox mailbox(m_db->connection());
        const qint64 id = MessageRepository(m_db->connection()).find(m_inbox, 2)->id;
        const std::optional<MessagePlace> place = mailbox.place(id);
        QVERIFY(place);
        QCOMPARE(place->message.uid, quint32(2));
        QVERIFY(place->message.isSeen());
        QCOMPARE(place->folder.id, m_inbox);
        QCOMPARE(place->folder.name, QStringLiteral("INBOX"));
        QVERIFY(place->account);
        QCOMPARE(place->account->name, QStringLiteral("work"));
        QCOMPARE(mailbox.message(id)->subject, QStringLiteral("Message 2"));
        QCOMPARE(mailbox.folder(m_inbox)->accountId, m_work.id);
    }

    void unknownIdsAreNothing()
    {
        const Mailbox mailbox(m_db->connection());
        QVERIFY(!mailbox.place(999999));
        QVERIFY(!mailbox.message(999999));
        QVERIFY(!mailbox.body(999999));
        QVERIFY(!mailbox.folder(999999));
        QVERIFY(!mailbox.account(QStringLiteral("nobody")));
    }

    void bodyOnceDownloaded()
    {
        const Mailbox mailbox(m_db->connection());
        const qint64 id = MessageRepository(m_db->connection()).find(m_inbox, 1)->id;
        QVERIFY(!mailbox.body(id));
        const QByteArray raw = "From: bob@example.test\r\nSubject: Message 1\r\n\r\nHello.\r\n";
        QCOMPARE(MessageRepository(m_db->connection()).storeBody(id, raw), QString());
        QCOMPARE(mailbox.body(id), std::optional<QByteArray>(raw));
    }

    void accountsAndIdentities()
    {
        const Mailbox mailbox(m_db->connection());
        QCOMPARE(mailbox.accounts().size(), 2);
        QCOMPARE(mailbox.account(QStringLiteral("home"))->email, QStringLiteral("alice@home.example"));
        Identity support;
        support.address = QStringLiteral("support@work.example");
        support.displayName = QStringLiteral("Work Support");
        QCOMPARE(IdentityRepository(m_db->connection()).save(m_work, support), QString());
        // Accounts by name: home first, then work with its own address before the other one.
        const QList<Identity> all = mailbox.identities();
        QCOMPARE(all.size(), 3);
        QCOMPARE(all.at(0).address, QStringLiteral("alice@home.example"));
        QCOMPARE(all.at(1).address, QStringLiteral("alice@work.example"));
        QVERIFY(all.at(1).primary);
        QCOMPARE(all.at(2).address, QStringLiteral("support@work.example"));
        QCOMPARE(mailbox.identities(m_work).size(), 2);
        QCOMPARE(mailbox.identities(m_home).size(), 1);
    }

    void seenAddressesForCompletion()
    {
        const QStringList seen = Mailbox(m_db->connection()).seenAddresses();
        QVERIFY2(std::any_of(seen.cbegin(), seen.cend(),
                             [](const QString &a) { return a.contains(QLatin1String("bob@example.test")); }),
                 qPrintable(seen.join(QLatin1Char('|'))));
        QVERIFY(std::any_of(seen.cbegin(), seen.cend(),
                            [](const QString &a) { return a.contains(QLatin1String("carol@example.test")); }));
    }
};

QTEST_GUILESS_MAIN(MailboxTest)
#include "MailboxTest.moc"
