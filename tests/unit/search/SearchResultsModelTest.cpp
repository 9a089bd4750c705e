// SPDX-License-Identifier: GPL-3.0-or-later
// SearchResultsModel over a database file: queries run on the worker thread with their own
// connection, the GUI thread is not blocked, and only the newest query's results are shown.
#include "LocalCache.h"
#include "models/Roles.h"
#include "models/SearchResultsModel.h"
#include "store/AccountRepository.h"
#include "store/Database.h"
#include "store/MessageRepository.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Mailtrail;

class SearchResultsModelTest : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    Store::Database m_db;

private Q_SLOTS:
    void initTestCase()
    {
        QCOMPARE(m_db.open(m_dir.filePath(QStringLiteral("mailtrail.sqlite"))), QString());
        Store::Account account = Test::localAccount(QStringLiteral("work"), QStringLiteral("a@example.test"));
        QCOMPARE(Store::AccountRepository(m_db.connection()).add(account), QString());
        Store::Folder inbox;
        QCOMPARE(Test::addFolder(m_db.connection(), account.id, QStringLiteral("INBOX"), &inbox), QString());
        QList<Store::MessageRecord> records;
        for (quint32 uid = 1; uid <= 300; ++uid) {
            Store::MessageRecord r;
            r.uid = uid;
            r.subject = uid % 3 == 0 ? QStringLiteral("apple pie %1").arg(uid) : QStringLiteral("banana split %1").arg(uid);
            r.fromAddress = QStringLiteral("cook@example.test");
            r.date = 1700000000 + uid;
            records.append(r);
        }
        QCOMPARE(Store::MessageRepository(m_db.connection()).upsert(inbox.id, records), QString());
    }

    void resultsComeFromTheWorker()
    {
        Models::SearchResultsModel model(m_db.connection(), m_db.connection().databaseName());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy finished(&model, &Models::SearchResultsModel::searchFinished);
        model.setQuery(QStringLiteral("apple"));
        QVERIFY(model.isSearching()); // not answered on the GUI thread
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(finished.wait(10000));
        QVERIFY(!model.isSearching());
        QCOMPARE(model.rowCount(), 100);
        QCOMPARE(model.index(0, Models::SearchResultsModel::SubjectColumn).data().toString(), QStringLiteral("apple pie 300"));
        QCOMPARE(model.index(0, 0).data(Models::FolderNameRole).toString(), QStringLiteral("INBOX"));
    }

    void onlyTheNewestQueryIsShown()
    {
        Models::SearchResultsModel model(m_db.connection(), m_db.connection().databaseName());
        QSignalSpy finished(&model, &Models::SearchResultsModel::searchFinished);
        model.setQuery(QStringLiteral("apple"));
        model.setQuery(QStringLiteral("banana"));
        model.setQuery(QStringLiteral("banana 7*"));
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.size(), 1);
        QCOMPARE(model.query(), QStringLiteral("banana 7*"));
        QVERIFY(model.rowCount() > 0);
        for (int row = 0; row < model.rowCount(); ++row)
            QVERIFY(model.index(row, Models::SearchResultsModel::SubjectColumn).data().toString().startsWith(QStringLiteral("banana split 7")));
    }

    void errorsAreShownNotSearched()
    {
        Models::SearchResultsModel model(m_db.connection(), m_db.connection().databaseName());
        QSignalSpy finished(&model, &Models::SearchResultsModel::searchFinished);
        model.setQuery(QStringLiteral("recipe:apple"));
        QVERIFY(finished.wait(10000));
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.error().contains(QStringLiteral("'recipe:'")));
    }
};

QTEST_GUILESS_MAIN(SearchResultsModelTest)
#include "SearchResultsModelTest.moc"
