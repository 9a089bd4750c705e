// SPDX-License-Identifier: GPL-3.0-or-later
// Conversation threads (issue 8): buildThreads() over data-driven cases — reply chains,
// missing parents, cycles, duplicate Message-IDs — and MessageThreadModel over a real
// MessageListModel, checked by QAbstractItemModelTester.
#include "models/MessageThreads.h"

#include "LocalCache.h"
#include "models/MessageListModel.h"
#include "models/MessageThreadModel.h"
#include "models/Roles.h"
#include "store/AccountRepository.h"
#include "store/Database.h"
#include "store/FolderRepository.h"
#include "store/MessageRepository.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Mailtrail;
using namespace Mailtrail::Models;

namespace {

/// One message per line: "name|message-id|in-reply-to|references|date" (empty fields allowed).
/// Message-IDs are written without brackets and domain: "a" is <a@x>.
QList<ThreadMessage> parse(const QStringList &lines, QStringList *names)
{
    const auto ids = [](const QString &text) {
        QStringList out;
        for (const QString &id : text.split(QLatin1Char(' '), Qt::SkipEmptyParts))
            out.append(QLatin1Char('<') + id + QStringLiteral("@x>"));
        return out.join(QLatin1Char(' '));
    };
    QList<ThreadMessage> messages;
    for (const QString &line : lines) {
        const QStringList f = line.split(QLatin1Char('|'));
        ThreadMessage m;
        m.key = messages.size() + 1;
        m.messageId = ids(f.value(1));
        m.inReplyTo = ids(f.value(2));
        m.references = ids(f.value(3));
        m.date = f.value(4).toLongLong();
        names->append(f.value(0));
        messages.append(m);
    }
    return messages;
}

/// "a(b(c),d) e": threads in order, children in parentheses.
QString render(const ThreadForest &forest, const QStringList &names)
{
    std::function<QString(int)> node = [&](int n) {
        QString out = names.at(n);
        const QList<int> &children = forest.nodes.at(n).children;
        if (!children.isEmpty()) {
            QStringList parts;
            for (const int c : children)
                parts.append(node(c));
            out += QLatin1Char('(') + parts.join(QLatin1Char(',')) + QLatin1Char(')');
        }
        return out;
    };
    QStringList threads;
    for (const int root : forest.roots)
        threads.append(node(root));
    return threads.join(QLatin1Char(' '));
}

} // namespace

class MessageThreadsTest : public QObject
{
    Q_OBJECT
private:
    Store::Database m_db;
    qint64 m_folderId = 0;
    quint32 m_nextUid = 1;

    void add(const QString &subject, const QString &messageId, const QString &inReplyTo,
        const QString &references, qint64 date)
    {
        Store::MessageRecord r;
        r.uid = m_nextUid++;
        r.subject = subject;
        r.messageId = messageId;
        r.inReplyTo = inReplyTo;
        r.references = references;
        r.date = date;
        QCOMPARE(Store::MessageRepository(m_db.connection()).upsert(m_folderId, { r }), QString());
    }

private Q_SLOTS:
    void parseMessageIds_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("ids");
        QTest::newRow("rfc5322-3.6.4-references") << QStringLiteral(
            "<a@x> <b@x>") << QStringList { QStringLiteral("<a@x>"), QStringLiteral("<b@x>") };
        QTest::newRow("folded-with-comments")
            << QStringLiteral("<a@x>\r\n (old mailer) <b@x>")
            << QStringList { QStringLiteral("<a@x>"), QStringLiteral("<b@x>") };
        QTest::newRow("rfc822-in-reply-to-phrase")
            << QStringLiteral("Your message of Mon, 1 Jan 2024 <a@x>")
            << QStringList { QStringLiteral("<a@x>") };
        QTest::newRow("duplicate-once")
            << QStringLiteral("<a@x> <a@x>") << QStringList { QStringLiteral("<a@x>") };
        QTest::newRow("folded-inside-id")
            << QStringLiteral("<a@\r\n x>") << QStringList { QStringLiteral("<a@x>") };
        QTest::newRow("empty") << QString() << QStringList {};
        QTest::newRow("unterminated") << QStringLiteral("<a@x") << QStringList {};
        QTest::newRow("empty-brackets")
            << QStringLiteral("<> <b@x>") << QStringList { QStringLiteral("<b@x>") };
    }

    void parseMessageIds()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, ids);
        QCOMPARE(QStringList(Models::parseMessageIds(text)), ids);
    }

    void buildThreads_data()
    {
        QTest::addColumn<QStringList>("messages");
        QTest::addColumn<QString>("threads");

        QTest::newRow("unrelated-newest-thread-first") << QStringList { QStringLiteral("a|a|||1"),
            QStringLiteral("b|b|||3"), QStringLiteral("c|c|||2") }
                                                       << QStringLiteral("b c a");
        QTest::newRow("rfc5256-reply-chain") << QStringList { QStringLiteral("a|a|||1"),
            QStringLiteral("b|b|a|a|2"), QStringLiteral("c|c|b|a b|3") }
                                             << QStringLiteral("a(b(c))");
        QTest::newRow("in-reply-to-only") << QStringList { QStringLiteral("b|b|a||2"),
            QStringLiteral("a|a|||1") } << QStringLiteral("a(b)");
        QTest::newRow("references-win-over-in-reply-to") << QStringList { QStringLiteral("a|a|||1"),
            QStringLiteral("b|b|||2"), QStringLiteral("c|c|b|a|3") }
                                                         << QStringLiteral("a(c) b");
        QTest::newRow("siblings-oldest-first") << QStringList { QStringLiteral("a|a|||1"),
            QStringLiteral("c|c|a||3"), QStringLiteral("b|b|a||2") }
                                               << QStringLiteral("a(b,c)");
        QTest::newRow("thread-ordered-by-its-newest-message") << QStringList {
            QStringLiteral("a|a|||1"), QStringLiteral("b|b|||5"), QStringLiteral("c|c|a||9")
        } << QStringLiteral("a(c) b");
        QTest::newRow("missing-parent-middle") << QStringList { QStringLiteral("a|a|||1"),
            QStringLiteral("c|c||a b|3") } << QStringLiteral("a(c)");
        QTest::newRow("missing-root-oldest-child-leads") << QStringList {
            QStringLiteral("c|c|a|a|3"), QStringLiteral("b|b|a|a|2"), QStringLiteral("d|d|c|a c|4")
        } << QStringLiteral("b(c(d))");
        QTest::newRow("missing-root-and-middle") << QStringList { QStringLiteral("d|d||r m|4"),
            QStringLiteral("e|e||r n|5") } << QStringLiteral("d(e)");
        QTest::newRow("self-reference")
            << QStringList { QStringLiteral("a|a|a|a|1") } << QStringLiteral("a");
        QTest::newRow("cycle-two-messages") << QStringList { QStringLiteral("a|a||b|1"),
            QStringLiteral("b|b||a|2") } << QStringLiteral("b(a)");
        QTest::newRow("cycle-three-messages") << QStringList { QStringLiteral("a|a||c|1"),
            QStringLiteral("b|b||a|2"), QStringLiteral("c|c||b|3") }
                                              << QStringLiteral("c(a(b))");
        QTest::newRow("cycle-inside-references") << QStringList { QStringLiteral("a|a|||1"),
            QStringLiteral("b|b||a b a|2") } << QStringLiteral("a(b)");
        QTest::newRow("duplicate-message-id-stays-two-messages") << QStringList {
            QStringLiteral("a1|a|||1"), QStringLiteral("a2|a|||2"), QStringLiteral("b|b|a|a|3")
        } << QStringLiteral("a1(b) a2");
        QTest::newRow("duplicate-message-id-oldest-owns-it-in-any-order")
            << QStringList{QStringLiteral("a2|a|||2"), QStringLiteral("b|b|a|a|3"), QStringLiteral("a1|a|||1")}
            << QStringLiteral("a1(b) a2");
        QTest::newRow("duplicate-message-id-threaded-by-own-references") << QStringList {
            QStringLiteral("p|p|||1"), QStringLiteral("a1|a|||2"), QStringLiteral("a2|a|p|p|3")
        } << QStringLiteral("p(a2) a1");
        QTest::newRow("no-message-id") << QStringList { QStringLiteral("a|a|||1"),
            QStringLiteral("n||a||2"), QStringLiteral("m||||3") }
                                       << QStringLiteral("m a(n)");
        QTest::newRow("jwz-1c-own-claim-wins") << QStringList { QStringLiteral("x|x|||1"),
            QStringLiteral("a|a|||2"), QStringLiteral("c|c||x b|3"), QStringLiteral("b|b|a|a|4") }
                                               << QStringLiteral("a(b(c)) x");
    }

    void buildThreads()
    {
        QFETCH(QStringList, messages);
        QFETCH(QString, threads);
        QStringList names;
        const QList<ThreadMessage> input = parse(messages, &names);
        const ThreadForest forest = Models::buildThreads(input);
        QCOMPARE(render(forest, names), threads);
        // Every message appears exactly once; parents and children agree; sizes add up.
        QCOMPARE(forest.nodes.size(), input.size());
        int total = 0;
        for (const int root : forest.roots) {
            QCOMPARE(forest.nodes.at(root).parent, -1);
            QCOMPARE(forest.nodes.at(root).depth, 0);
            total += forest.nodes.at(root).subtreeSize;
        }
        QCOMPARE(total, input.size());
        for (int i = 0; i < forest.nodes.size(); ++i) {
            for (const int c : forest.nodes.at(i).children) {
                QCOMPARE(forest.nodes.at(c).parent, i);
                QCOMPARE(forest.nodes.at(c).depth, forest.nodes.at(i).depth + 1);
            }
        }
    }

    /// Folded msg-ids (white space inside the brackets) thread like their unfolded form.
    void foldedIdsThread()
    {
        QList<ThreadMessage> input(3);
        input[0] = {1, QStringLiteral("<a@x>"), {}, {}, 1};
        input[1] = {2, QStringLiteral("<b@x>"), {}, QStringLiteral("<a@\r\n x>"), 2};
        input[2] = {3, QStringLiteral("< c@x>"), QStringLiteral("<b\t@x>"), {}, 3};
        const ThreadForest forest = Models::buildThreads(input);
        QCOMPARE(render(forest, {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}),
                 QStringLiteral("a(b(c))"));
    }

    void longChainNeedsNoRecursion()
    {
        QList<ThreadMessage> input;
        QString references;
        for (int i = 0; i < 20000; ++i) {
            ThreadMessage m;
            m.key = i + 1;
            m.messageId = QStringLiteral("<m%1@x>").arg(i);
            m.inReplyTo = i ? QStringLiteral("<m%1@x>").arg(i - 1) : QString();
            m.date = i;
            input.append(m);
        }
        const ThreadForest forest = Models::buildThreads(input);
        QCOMPARE(forest.roots, QList<int> { 0 });
        QCOMPARE(forest.nodes.last().depth, 19999);
        QCOMPARE(forest.nodes.first().subtreeSize, 20000);
        QCOMPARE(forest.nodes.first().newest, qint64(19999));
    }

    void initTestCase()
    {
        QCOMPARE(m_db.open(QStringLiteral(":memory:")), QString());
        Store::Account a = Test::localAccount(QStringLiteral("work"), QStringLiteral("alice@example.test"));
        QCOMPARE(Store::AccountRepository(m_db.connection()).add(a), QString());
        Store::Folder f;
        QCOMPARE(Test::addFolder(m_db.connection(), a.id, QStringLiteral("INBOX"), &f), QString());
        m_folderId = f.id;
    }

    void modelOverMessageList()
    {
        add(QStringLiteral("Plan"), QStringLiteral("<p@x>"), {}, {}, 100);
        add(QStringLiteral("Re: Plan"), QStringLiteral("<r1@x>"), QStringLiteral("<p@x>"),
            QStringLiteral("<p@x>"), 200);
        add(QStringLiteral("Re: Re: Plan"), QStringLiteral("<r2@x>"), QStringLiteral("<r1@x>"),
            QStringLiteral("<p@x> <r1@x>"), 300);
        add(QStringLiteral("Lunch"), QStringLiteral("<l@x>"), {}, {}, 250);
        add(QStringLiteral("Re: Plan (other branch)"), QStringLiteral("<r3@x>"),
            QStringLiteral("<p@x>"), QStringLiteral("<p@x>"), 150);

        MessageListModel list(m_db.connection());
        QVERIFY(list.setFolder(m_folderId));
        MessageThreadModel threads(m_db.connection());
        QAbstractItemModelTester tester(
            &threads, QAbstractItemModelTester::FailureReportingMode::QtTest);
        threads.setSourceModel(&list);
        QCOMPARE(threads.lastError(), QString());
        QCOMPARE(threads.rowCount(), 2);
        QCOMPARE(threads.threadCount(), 2);
        QCOMPARE(threads.columnCount(), list.columnCount());
        for (int column = 0; column < list.columnCount(); ++column)
            QCOMPARE(threads.headerData(column, Qt::Horizontal),
                list.headerData(column, Qt::Horizontal));

        // The Plan thread (newest message at 300) comes before Lunch (250).
        const QModelIndex plan = threads.index(0, 0);
        QCOMPARE(plan.data().toString(), QStringLiteral("Plan"));
        QCOMPARE(plan.data(ThreadSizeRole).toInt(), 4);
        QCOMPARE(plan.data(ThreadDepthRole).toInt(), 0);
        QCOMPARE(plan.data(ThreadNewestDateRole).toDateTime(),
            QDateTime::fromSecsSinceEpoch(300, Qt::UTC));
        QCOMPARE(threads.rowCount(plan), 2);
        // The flat source says "never has children"; a thread's first message does have them.
        QVERIFY(!(plan.flags() & Qt::ItemNeverHasChildren));
        QVERIFY(threads.index(1, 0).flags() & Qt::ItemNeverHasChildren);
        QCOMPARE(
            threads.index(0, 0, plan).data().toString(), QStringLiteral("Re: Plan (other branch)"));
        const QModelIndex reply = threads.index(1, 0, plan);
        QCOMPARE(reply.data().toString(), QStringLiteral("Re: Plan"));
        QCOMPARE(threads.index(0, 0, reply).data().toString(), QStringLiteral("Re: Re: Plan"));
        QCOMPARE(threads.index(0, 0, reply).data(ThreadDepthRole).toInt(), 2);
        QCOMPARE(threads.index(1, 0).data().toString(), QStringLiteral("Lunch"));
        QVERIFY(!threads.hasChildren(threads.index(1, 0)));
        QVERIFY(!threads.hasChildren(threads.index(0, 1))); // only column 0 has children

        // Columns and roles pass through; source and proxy indexes map both ways.
        const QModelIndex dateCell = threads.index(1, MessageListModel::DateColumn, plan);
        QCOMPARE(dateCell.data(),
            list.index(threads.mapToSource(dateCell).row(), MessageListModel::DateColumn).data());
        QCOMPARE(dateCell.data(MessageIdHeaderRole).toString(), QStringLiteral("<r1@x>"));
        for (int row = 0; row < list.rowCount(); ++row) {
            const QModelIndex source = list.index(row, 1);
            QCOMPARE(threads.mapToSource(threads.mapFromSource(source)), source);
        }

        // A new reply arrives; the source refreshes; the threads follow (tester watching).
        add(QStringLiteral("Re: Lunch"), QStringLiteral("<l1@x>"), QStringLiteral("<l@x>"), {},
            400);
        QSignalSpy reset(&threads, &QAbstractItemModel::modelReset);
        QVERIFY(list.refresh());
        QCOMPARE(reset.count(), 1);
        QCOMPARE(threads.index(0, 0).data().toString(), QStringLiteral("Lunch"));
        QCOMPARE(threads.rowCount(threads.index(0, 0)), 1);

        // An empty source, then no source.
        QVERIFY(list.setFolder(0));
        QCOMPARE(threads.rowCount(), 0);
        threads.setSourceModel(nullptr);
        QCOMPARE(threads.rowCount(), 0);
        QCOMPARE(threads.columnCount(), 0);
    }
};

QTEST_GUILESS_MAIN(MessageThreadsTest)
#include "MessageThreadsTest.moc"
