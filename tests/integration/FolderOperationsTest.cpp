// SPDX-License-Identifier: GPL-3.0-or-later
// Folder changes and message moves/copies on the account's session against the real Dovecot
// (issue 19, "Folders and messages"): CREATE / RENAME / DELETE with the local cache following
// (and left alone when the server says no), the special folders refused, UID MOVE or COPY +
// \Deleted + UID EXPUNGE (run again against MailstackReduced, without MOVE and UIDPLUS), and
// the cache following a move or copy without a full resync.
#include "ImapTestClient.h"
#include "MailStack.h"
#include "store/AccountRepository.h"
#include "store/Database.h"
#include "store/FolderRepository.h"
#include "store/MessageRepository.h"
#include "sync/AccountSession.h"
#include "sync/BodyFetch.h"
#include "sync/FolderChange.h"
#include "sync/MailCheck.h"
#include "sync/MessageTransfer.h"
#include "tracking/TrackingStore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Mailtrail;

namespace {
QString token()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
}
} // namespace

class FolderOperationsTest : public QObject
{
    Q_OBJECT

    Test::MailStack m_stack = Test::MailStack::fromEnvironment();
    const QString m_user = QStringLiteral("bob");
    QTemporaryDir m_dir;
    Store::Database m_db;
    Store::Account m_account;
    std::unique_ptr<Sync::FixedCredentials> m_credentials;
    std::unique_ptr<Sync::AccountSession> m_session;
    QStringList m_created; ///< top-level folders to remove from the server at the end

    Store::FolderRepository folders() { return Store::FolderRepository(m_db.connection()); }
    Store::MessageRepository messages() { return Store::MessageRepository(m_db.connection()); }

    /// A whole check on the session; true when it went well.
    bool check()
    {
        Sync::MailCheck check(m_account, {}, m_db.connection());
        check.setAccountSession(m_session.get());
        QSignalSpy checked(&check, &Sync::MailCheck::finished);
        check.start();
        if (!checked.wait(60000))
            return false;
        const auto report = checked.first().first().value<Sync::MailCheckReport>();
        if (!report.ok())
            qWarning() << report.sync.errorMessage();
        return report.ok();
    }

    /// Runs one FolderChange; returns (folder id, error).
    std::pair<qint64, QString> change(const std::function<void(Sync::FolderChange &)> &start)
    {
        Sync::FolderChange change(m_session.get(), m_db.connection());
        QSignalSpy finished(&change, &Sync::FolderChange::finished);
        start(change);
        if (!finished.wait(30000))
            return {0, QStringLiteral("no answer")};
        return {finished.first().at(0).toLongLong(), finished.first().at(1).toString()};
    }

    QString transfer(const QList<qint64> &ids, qint64 destination, bool copy)
    {
        Sync::MessageTransfer transfer(m_session.get(), m_db.connection(), ids, destination, copy);
        QSignalSpy finished(&transfer, &Sync::MessageTransfer::finished);
        transfer.start();
        if (!finished.wait(30000))
            return QStringLiteral("no answer");
        return finished.first().first().toString();
    }

    /// What the server lists under @p pattern (names only).
    QStringList serverFolders(const QByteArray &pattern)
    {
        Test::ImapTestClient client(m_stack, m_user);
        const QByteArray reply = client.run("LIST \"\" \"" + pattern + '"');
        QStringList out;
        for (const QByteArray &line : reply.split('\n')) {
            if (!line.startsWith("* LIST"))
                continue;
            QByteArray name = line.trimmed().mid(line.trimmed().lastIndexOf(' ') + 1);
            if (name.startsWith('"'))
                name = name.mid(1, name.size() - 2);
            out.append(QString::fromUtf8(name));
        }
        out.sort();
        return out;
    }

    /// Subjects of the messages in @p folder on the server.
    int serverCount(const QString &folder)
    {
        Test::ImapTestClient client(m_stack, m_user);
        const QByteArray reply = client.run("STATUS \"" + folder.toUtf8() + "\" (MESSAGES)");
        const qsizetype at = reply.indexOf("MESSAGES ");
        return at < 0 ? -1 : reply.mid(at + 9).split(')').first().toInt();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_stack.isValid(), qPrintable(m_stack.errorString()));
        QVERIFY(m_dir.isValid());
        QCOMPARE(m_db.open(m_dir.filePath(QStringLiteral("folders.sqlite"))), QString());
        m_account = m_stack.account(m_user, m_user);
        QCOMPARE(Store::AccountRepository(m_db.connection()).add(m_account), QString());
        m_credentials = std::make_unique<Sync::FixedCredentials>(m_stack.password(m_user));
        m_session = std::make_unique<Sync::AccountSession>(m_account, m_credentials.get(), m_db.connection());
        {
            Test::ImapTestClient setup(m_stack, m_user);
            QVERIFY2(setup.isReady(), qPrintable(setup.errorString()));
            setup.run("CREATE Trash"); // NO when it exists: fine
            setup.run("CREATE Sent");
        }
        QVERIFY(check());
    }

    void cleanupTestCase()
    {
        Test::ImapTestClient client(m_stack, m_user);
        for (const QString &name : std::as_const(m_created)) {
            for (const QString &below : serverFolders(name.toUtf8() + "*"))
                client.run("DELETE \"" + below.toUtf8() + '"');
        }
        m_session.reset();
    }

    void createRenameDeleteFollowTheServer()
    {
        const QString top = QStringLiteral("Made-") + token();
        const QString renamed = QStringLiteral("Renamed-") + token();
        m_created << top << renamed;
        const auto [topId, created] = change([&](Sync::FolderChange &c) { c.createFolder(0, top); });
        QCOMPARE(created, QString());
        QVERIFY(topId != 0);
        QCOMPARE(serverFolders(top.toUtf8()), QStringList{top});
        const std::optional<Store::Folder> made = folders().findById(topId);
        QVERIFY(made);
        QCOMPARE(made->name, top);
        const QString delimiter = made->delimiter;
        QVERIFY(!delimiter.isEmpty());

        const auto [subId, subError] = change([&](Sync::FolderChange &c) { c.createFolder(topId, QStringLiteral("Sub")); });
        QCOMPARE(subError, QString());
        QCOMPARE(folders().findById(subId)->name, top + delimiter + QStringLiteral("Sub"));

        // A message in the subfolder, cached: it survives the rename of its parent.
        {
            Test::ImapTestClient client(m_stack, m_user);
            QVERIFY(!client.append((top + delimiter + QStringLiteral("Sub")).toUtf8(),
                                   "From: a@example.test\r\nSubject: kept\r\n\r\nBody\r\n")
                         .isEmpty());
        }
        QVERIFY(check());
        QCOMPARE(messages().count(subId), 1);

        const auto [renamedId, renameError] = change([&](Sync::FolderChange &c) { c.renameFolder(topId, renamed); });
        QCOMPARE(renameError, QString());
        QCOMPARE(renamedId, topId);
        QCOMPARE(serverFolders(renamed.toUtf8() + '*'), (QStringList{renamed, renamed + delimiter + QStringLiteral("Sub")}));
        QVERIFY(serverFolders(top.toUtf8() + '*').isEmpty());
        QCOMPARE(folders().findById(topId)->name, renamed);
        QCOMPARE(folders().findById(subId)->name, renamed + delimiter + QStringLiteral("Sub"));
        QCOMPARE(messages().count(subId), 1); // the same folder row, its messages kept
        // A check afterwards agrees: nothing new, nothing lost.
        QVERIFY(check());
        QCOMPARE(folders().findById(subId)->name, renamed + delimiter + QStringLiteral("Sub"));
        QCOMPARE(messages().count(subId), 1);

        // Deleting the parent deletes what is below it too (the deepest first).
        const auto [deletedId, deleteError] = change([&](Sync::FolderChange &c) { c.deleteFolder(topId); });
        QCOMPARE(deleteError, QString());
        QCOMPARE(deletedId, topId);
        QVERIFY(serverFolders(renamed.toUtf8() + '*').isEmpty());
        QVERIFY(!folders().findById(topId));
        QVERIFY(!folders().findById(subId));
    }

    void theServersRefusalChangesNothingLocally()
    {
        // A folder the server has but this cache does not know yet: CREATE says NO.
        const QString taken = QStringLiteral("Taken-") + token();
        m_created << taken;
        {
            Test::ImapTestClient client(m_stack, m_user);
            QVERIFY(!client.run("CREATE \"" + taken.toUtf8() + '"').isEmpty());
        }
        const qsizetype before = folders().list(m_account.id).size();
        const auto [id, error] = change([&](Sync::FolderChange &c) { c.createFolder(0, taken); });
        QVERIFY2(!error.isEmpty(), "CREATE of an existing mailbox must fail");
        QCOMPARE(id, 0);
        QCOMPARE(folders().list(m_account.id).size(), before);

        // Renaming onto that name: RENAME says NO, the folder keeps its name here.
        const QString mine = QStringLiteral("Mine-") + token();
        m_created << mine;
        const auto [mineId, mineError] = change([&](Sync::FolderChange &c) { c.createFolder(0, mine); });
        QCOMPARE(mineError, QString());
        const auto [sameId, renameError] = change([&](Sync::FolderChange &c) { c.renameFolder(mineId, taken); });
        QCOMPARE(sameId, mineId);
        QVERIFY(!renameError.isEmpty());
        QCOMPARE(folders().findById(mineId)->name, mine);
        QCOMPARE(serverFolders(mine.toUtf8()), QStringList{mine});
    }

    void specialFoldersAndBadNamesAreRefusedBeforeTheServer()
    {
        const std::optional<Store::Folder> inbox = folders().find(m_account.id, QStringLiteral("INBOX"));
        const std::optional<Store::Folder> trash = folders().find(m_account.id, QStringLiteral("Trash"));
        QVERIFY(inbox && trash);
        QVERIFY(Sync::isProtectedFolder(m_db.connection(), inbox->id));
        QVERIFY(Sync::isProtectedFolder(m_db.connection(), trash->id));
        const auto [a, renameInbox] = change([&](Sync::FolderChange &c) { c.renameFolder(inbox->id, QStringLiteral("Old")); });
        QVERIFY(renameInbox.contains(QLatin1String("INBOX")));
        const auto [b, deleteTrash] = change([&](Sync::FolderChange &c) { c.deleteFolder(trash->id); });
        QVERIFY(!deleteTrash.isEmpty());
        QVERIFY(folders().findById(trash->id));
        QCOMPARE(serverFolders("Trash"), QStringList{QStringLiteral("Trash")});

        const QString delimiter = inbox->delimiter.isEmpty() ? QStringLiteral("/") : inbox->delimiter;
        QVERIFY(!Sync::folderNameProblem(m_db.connection(), m_account.id, 0, QStringLiteral("  ")).isEmpty());
        QVERIFY(!Sync::folderNameProblem(m_db.connection(), m_account.id, 0, QStringLiteral("a") + delimiter + QStringLiteral("b"))
                     .isEmpty());
        QVERIFY(!Sync::folderNameProblem(m_db.connection(), m_account.id, 0, QStringLiteral("trash")).isEmpty());
        QCOMPARE(Sync::folderNameProblem(m_db.connection(), m_account.id, 0, QStringLiteral("Fresh ") + token()), QString());
        const auto [c, empty] = change([&](Sync::FolderChange &c) { c.createFolder(0, QString()); });
        QVERIFY(!empty.isEmpty());
    }

    void moveAndCopyTheCacheFollows()
    {
        const QString source = QStringLiteral("Src-") + token();
        const QString target = QStringLiteral("Dst-") + token();
        m_created << source << target;
        const auto [sourceId, e1] = change([&](Sync::FolderChange &c) { c.createFolder(0, source); });
        const auto [targetId, e2] = change([&](Sync::FolderChange &c) { c.createFolder(0, target); });
        QCOMPARE(e1, QString());
        QCOMPARE(e2, QString());
        {
            Test::ImapTestClient client(m_stack, m_user);
            for (int i = 0; i < 4; ++i)
                QVERIFY(!client.append(source.toUtf8(),
                                       QByteArrayLiteral("From: a@example.test\r\nMessage-ID: <m") + QByteArray::number(i)
                                           + '.' + source.toUtf8() + "@example.test>\r\nSubject: m"
                                           + QByteArray::number(i) + "\r\n\r\nBody " + QByteArray::number(i) + "\r\n")
                             .isEmpty());
        }
        QVERIFY(check());
        const QList<quint32> uids = messages().uids(sourceId);
        QCOMPARE(uids.size(), 4);
        QList<qint64> ids;
        for (const quint32 uid : uids)
            ids.append(messages().find(sourceId, uid)->id);
        // One body in the cache, to see it travel.
        {
            Sync::BodyFetch fetch(m_account, {}, m_db.connection(), ids.at(0));
            fetch.setAccountSession(m_session.get());
            QSignalSpy fetched(&fetch, &Sync::BodyFetch::finished);
            fetch.start();
            QVERIFY(fetched.wait(30000));
            QVERIFY(messages().body(ids.at(0)));
        }
        const bool uidplus = m_stack.imapOffers("UIDPLUS");
        // m0 is mail this account sent with tracking: its tracking must follow it.
        Tracking::TrackingStore tracking(m_db.connection());
        Tracking::NewSentMessage sent;
        sent.account = m_account.name;
        sent.messageId = QStringLiteral("m0.") + source + QStringLiteral("@example.test");
        sent.subject = QStringLiteral("m0");
        sent.sender = m_stack.address(m_user);
        sent.createdAt = QDateTime::currentDateTimeUtc();
        Tracking::SentRecipient carol;
        carol.address = QStringLiteral("carol@example.test");
        sent.recipients = {carol};
        const std::optional<qint64> sentId = tracking.addSentMessage(sent);
        QVERIFY2(sentId, qPrintable(tracking.lastError()));
        QCOMPARE(tracking.senderCopy(*sentId), ids.at(0));

        // Move two.
        QCOMPARE(transfer({ids.at(0), ids.at(1)}, targetId, false), QString());
        QCOMPARE(serverCount(source), 2);
        QCOMPARE(serverCount(target), 2);
        QCOMPARE(messages().count(sourceId), 2); // gone from the source at once, either way
        if (uidplus) {
            // The same rows, now in the target: body and Message-ID (what tracking goes by) kept.
            QCOMPARE(messages().findById(ids.at(0))->folderId, targetId);
            QCOMPARE(messages().findById(ids.at(1))->folderId, targetId);
            QVERIFY(messages().body(ids.at(0)));
            QCOMPARE(messages().findByMessageId(QStringLiteral("<m0.") + source + QStringLiteral("@example.test>")).size(), 1);
        } else if (const std::optional<Store::MessageRecord> row = messages().findById(ids.at(0))) {
            // Dovecot still answers COPYUID when UIDPLUS is not announced; then the row moves.
            QCOMPARE(row->folderId, targetId);
        }

        // Copy one: the source keeps it.
        QCOMPARE(transfer({ids.at(2)}, targetId, true), QString());
        QCOMPARE(serverCount(source), 2);
        QCOMPARE(serverCount(target), 3);
        QCOMPARE(messages().count(sourceId), 2);
        if (uidplus) {
            QCOMPARE(messages().count(targetId), 3);
        }

        // A check afterwards agrees with the server; nothing doubled.
        QVERIFY(check());
        QCOMPARE(messages().count(sourceId), 2);
        QCOMPARE(messages().count(targetId), 3);
        if (uidplus)
            QCOMPARE(messages().findById(ids.at(0))->folderId, targetId); // not dropped and fetched again
        // The tracked sent mail is still found, now in the target folder.
        const qint64 copy = tracking.senderCopy(*sentId);
        QVERIFY(copy != 0);
        QCOMPARE(messages().findById(copy)->folderId, targetId);

        // Nonsense is refused without touching anything.
        QVERIFY(!transfer({ids.at(3)}, sourceId, false).isEmpty()); // already there
        QVERIFY(!transfer({987654321}, targetId, false).isEmpty());  // not cached
        QCOMPARE(serverCount(source), 2);
    }
};

QTEST_GUILESS_MAIN(FolderOperationsTest)
#include "FolderOperationsTest.moc"
