// SPDX-License-Identifier: GPL-3.0-or-later
// FolderModel: accounts → folder hierarchy, counts, special-use ordering.
#include "models/FolderModel.h"
#include "models/Roles.h"
#include "store/AccountRepository.h"
#include "store/Database.h"
#include "store/FolderRepository.h"
#include "store/MessageRepository.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Mailtrail;

class FolderModelTest : public QObject
{
    Q_OBJECT
private:
    Store::Database m_db;
    qint64 m_accountId = 0;

    qint64 addFolder(const QString &name, const QString &specialUse = {})
    {
        Store::Folder f;
        f.accountId = m_accountId;
        f.name = name;
        f.wireName = name.toUtf8();
        f.delimiter = QStringLiteral("/");
        f.specialUse = specialUse;
        Store::FolderRepository folders(m_db.connection());
        if (!folders.upsert(f).isEmpty())
            return 0;
        return f.id;
    }

private Q_SLOTS:
    void init()
    {
        QCOMPARE(m_db.open(QStringLiteral(":memory:")), QString());
        Store::Account a;
        a.name = QStringLiteral("work");
        a.email = QStringLiteral("alice@example.test");
        a.imap = {QStringLiteral("h"), 993, Store::Security::Tls};
        a.smtp = {QStringLiteral("h"), 465, Store::Security::Tls};
        a.userName = QStringLiteral("alice");
        Store::AccountRepository accounts(m_db.connection());
        QCOMPARE(accounts.add(a), QString());
        m_accountId = a.id;
    }
    void cleanup() { m_db.close(); }

    void emptyProfile()
    {
        Store::AccountRepository(m_db.connection()).remove(QStringLiteral("work")).isEmpty();
        Models::FolderModel model(m_db.connection());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
    }

    void hierarchyCountsAndOrder()
    {
        const qint64 trash = addFolder(QStringLiteral("Trash"), QStringLiteral("\\Trash"));
        addFolder(QStringLiteral("Archive/2024"));
        const qint64 inbox = addFolder(QStringLiteral("INBOX"));
        addFolder(QStringLiteral("Sent"), QStringLiteral("\\Sent"));
        const qint64 projects = addFolder(QStringLiteral("INBOX/Projects"));
        Store::MessageRepository messages(m_db.connection());
        Store::MessageRecord unread;
        unread.uid = 1;
        Store::MessageRecord seen;
        seen.uid = 2;
        seen.flags = {"\\Seen"};
        QCOMPARE(messages.upsert(inbox, {unread, seen}), QString());

        Models::FolderModel model(m_db.connection());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex account = model.index(0, 0);
        QCOMPARE(account.data().toString(), QStringLiteral("work"));
        QCOMPARE(account.data(Models::NodeKindRole).toInt(), int(Models::NodeKind::Account));
        QCOMPARE(model.rowCount(account), 4);
        QStringList order;
        for (int i = 0; i < 4; ++i)
            order << model.index(i, 0, account).data(Models::FolderNameRole).toString();
        QCOMPARE(order, (QStringList{QStringLiteral("INBOX"), QStringLiteral("Sent"), QStringLiteral("Trash"), QStringLiteral("Archive")}));

        const QModelIndex inboxIndex = model.indexOfFolder(inbox);
        QCOMPARE(inboxIndex.data(Models::MessageCountRole).toLongLong(), 2);
        QCOMPARE(inboxIndex.data(Models::UnreadCountRole).toLongLong(), 1);
        QCOMPARE(inboxIndex.data().toString(), QStringLiteral("INBOX (1)"));
        const QModelIndex projectsIndex = model.indexOfFolder(projects);
        QCOMPARE(projectsIndex.parent(), inboxIndex);
        QCOMPARE(projectsIndex.data().toString(), QStringLiteral("Projects"));
        QCOMPARE(model.indexOfFolder(trash).data(Models::SpecialUseRole).toString(), QStringLiteral("\\Trash"));

        // "Archive" exists only as a level of "Archive/2024": not selectable.
        const QModelIndex archive = model.index(3, 0, account);
        QVERIFY(!archive.data(Models::SelectableRole).toBool());
        QVERIFY(!(model.flags(archive) & Qt::ItemIsSelectable));
        QCOMPARE(model.rowCount(archive), 1);

        addFolder(QStringLiteral("Drafts"), QStringLiteral("\\Drafts"));
        QVERIFY(model.refresh());
        QCOMPARE(model.rowCount(model.index(0, 0)), 5);
        QCOMPARE(model.index(1, 0, model.index(0, 0)).data(Models::SpecialUseRole).toString(), QStringLiteral("\\Drafts"));
    }
};

QTEST_GUILESS_MAIN(FolderModelTest)
#include "FolderModelTest.moc"
