// SPDX-License-Identifier: GPL-3.0-or-later
// The "Threads" toggle of the message list (issue 8), offscreen: a folder with one
// conversation and a single mail shows as two threads, the reply under the message it
// answers; selection, quick search and switching back to the flat list keep working.
#include "AppContext.h"
#include "LocalCache.h"
#include "MailTableModel.h"
#include "MessageListPane.h"
#include "models/Roles.h"
#include "store/AccountRepository.h"
#include "store/FolderRepository.h"
#include "store/MessageRepository.h"

#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace Mailtrail;
using namespace Mailtrail::Ui;

class MessageThreadsUiTest : public QObject
{
    Q_OBJECT
private:
    AppContext m_context;
    qint64 m_folder = 0;
    QHash<QString, qint64> m_ids; ///< subject → cache id

    void add(
        const QString &subject, const QString &messageId, const QString &references, qint64 date)
    {
        static quint32 uid = 1;
        Store::MessageRecord r;
        r.uid = uid++;
        r.subject = subject;
        r.fromName = QStringLiteral("Bob");
        r.fromAddress = QStringLiteral("bob@example.test");
        r.messageId = messageId;
        r.inReplyTo = references.split(QLatin1Char(' ')).last();
        r.references = references;
        r.date = date;
        Store::MessageRepository repo(m_context.database().connection());
        QCOMPARE(repo.upsert(m_folder, { r }), QString());
        m_ids.insert(subject, repo.find(m_folder, r.uid)->id);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCOMPARE(m_context.open(QStringLiteral(":memory:")), QString());
        Store::Account a = Test::localAccount(QStringLiteral("work"), QStringLiteral("alice@example.test"));
        QCOMPARE(Store::AccountRepository(m_context.database().connection()).add(a), QString());
        Store::Folder f;
        QCOMPARE(Test::addFolder(m_context.database().connection(), a.id, QStringLiteral("INBOX"), &f), QString());
        m_folder = f.id;
        add(QStringLiteral("Quarterly plan"), QStringLiteral("<plan@x>"), {}, 1000);
        add(QStringLiteral("Re: Quarterly plan"), QStringLiteral("<r1@x>"),
            QStringLiteral("<plan@x>"), 2000);
        add(QStringLiteral("Re: Re: Quarterly plan"), QStringLiteral("<r2@x>"),
            QStringLiteral("<plan@x> <r1@x>"), 4000);
        add(QStringLiteral("Lunch on Friday"), QStringLiteral("<lunch@x>"), {}, 3000);
    }

    void toggleShowsThreads()
    {
        MessageListPane pane(m_context);
        pane.resize(800, 400);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        QCOMPARE(pane.showFolder(m_folder, false), QString());
        QTreeView *view = pane.mailView();
        QCOMPARE(view->model()->rowCount(), 4);
        QVERIFY(!pane.isThreaded());

        QToolButton *toggle = pane.findChild<QToolButton *>(QStringLiteral("threadsToggle"));
        QVERIFY(toggle);
        QCOMPARE(toggle, pane.threadsToggle());
        QSignalSpy selected(&pane, &MessageListPane::messageSelected);
        QTest::mouseClick(toggle, Qt::LeftButton);
        QVERIFY(pane.isThreaded());
        QVERIFY(toggle->isChecked());
        QAbstractItemModel *model = view->model();
        QCOMPARE(model->rowCount(), 2);
        const QModelIndex plan = model->index(0, 0);
        QCOMPARE(plan.data(Models::SubjectRole).toString(), QStringLiteral("Quarterly plan"));
        QCOMPARE(plan.data(Models::ThreadSizeRole).toInt(), 3);
        QVERIFY(view->isExpanded(plan));
        const QModelIndex reply = model->index(0, 0, plan);
        QCOMPARE(reply.data(Models::SubjectRole).toString(), QStringLiteral("Re: Quarterly plan"));
        const QModelIndex second = model->index(0, 0, reply);
        QCOMPARE(
            second.data(Models::SubjectRole).toString(), QStringLiteral("Re: Re: Quarterly plan"));
        QCOMPARE(model->index(1, 0).data(Models::SubjectRole).toString(),
            QStringLiteral("Lunch on Friday"));

        // Selecting a reply in the tree names that message to the viewer.
        selected.clear();
        view->setCurrentIndex(second);
        QVERIFY(!selected.isEmpty());
        QCOMPARE(selected.last().at(0).toLongLong(),
            m_ids.value(QStringLiteral("Re: Re: Quarterly plan")));

        // Keyboard: Up moves to the message above in the tree.
        selected.clear();
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Up);
        QCOMPARE(
            selected.last().at(0).toLongLong(), m_ids.value(QStringLiteral("Re: Quarterly plan")));

        // Quick search keeps the matching reply inside its thread.
        pane.searchBox()->setText(QStringLiteral("Re: Re"));
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->index(0, 0).data(Models::SubjectRole).toString(),
            QStringLiteral("Quarterly plan"));
        pane.searchBox()->clear();
        QCOMPARE(model->rowCount(), 2);

        // Re-reading the folder keeps the threads.
        QCOMPARE(pane.showFolder(m_folder, false), QString());
        QCOMPARE(view->model()->rowCount(), 2);
        QVERIFY(view->isExpanded(view->model()->index(0, 0)));

        // Back to the flat list, newest first.
        QTest::mouseClick(toggle, Qt::LeftButton);
        QVERIFY(!pane.isThreaded());
        QCOMPARE(view->model()->rowCount(), 4);
        QCOMPARE(view->model()->index(0, 0).data(Models::SubjectRole).toString(),
            QStringLiteral("Re: Re: Quarterly plan"));
        selected.clear();
        view->setCurrentIndex(view->model()->index(1, 0));
        QCOMPARE(
            selected.last().at(0).toLongLong(), m_ids.value(QStringLiteral("Lunch on Friday")));
    }
};

QTEST_MAIN(MessageThreadsUiTest)
#include "MessageThreadsUiTest.moc"
