// SPDX-License-Identifier: GPL-3.0-or-later
// The search language (issue 17): one row per case, the parsed tree in describe() form, or
// the error with the position it points at.
#include "search/Query.h"
#include "search/ServerQuery.h"

#include <QTest>

using namespace Mailtrail::Search;

class QueryTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parses_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("tree");
        const auto row = [](const char *name, const char *query, const char *tree) {
            QTest::newRow(name) << QString::fromUtf8(query) << QString::fromUtf8(tree);
        };
        row("word", "invoice", "text:invoice");
        row("two-words-and", "invoice march", "AND(text:invoice text:march)");
        row("explicit-and", "invoice AND march", "AND(text:invoice text:march)");
        row("phrase", "\"quarterly report\"", "text:\"quarterly report\"");
        row("phrase-escaped-quote", "\"say \\\"hi\\\"\"", "text:\"say \"hi\"\"");
        row("phrase-escaped-backslash", "\"a\\\\b\"", "text:\"a\\b\"");
        row("backslash-kept", "\"a\\nb\"", "text:\"a\\nb\"");
        row("prefix", "invo*", "text:invo*");
        row("phrase-prefix", "\"annual rep\"*", "text:\"annual rep\"*");
        row("unicode", "Müller", "text:Müller");
        row("from", "from:carol", "from:carol");
        row("from-address", "from:carol@example.test", "from:carol@example.test");
        row("from-quoted", "from:\"Carol Smith\"", "from:\"Carol Smith\"");
        row("key-case", "FROM:carol", "from:carol");
        row("to", "to:bob", "to:bob");
        row("cc", "cc:dave", "cc:dave");
        row("subject", "subject:budget", "subject:budget");
        row("body", "body:zeppelin", "body:zeppelin");
        row("filename", "filename:report.pdf", "filename:report.pdf");
        row("has-attachment", "has:attachment", "has:attachment");
        row("is-unread", "is:unread", "is:unread");
        row("is-read", "is:read", "is:read");
        row("is-flagged", "is:flagged", "is:flagged");
        row("is-answered", "is:answered", "is:answered");
        row("folder", "folder:Archive", "folder:Archive");
        row("folder-quoted", "folder:\"Old Mail\"", "folder:\"Old Mail\"");
        row("account", "account:work", "account:work");
        row("before", "before:2026-03-01", "date:..2026-03-01");
        row("after", "after:2026-03", "date:2026-03-01..");
        row("date-day", "date:2026-03-05", "date:2026-03-05..2026-03-06");
        row("date-month", "date:2026-02", "date:2026-02-01..2026-03-01");
        row("date-year", "date:2025", "date:2025-01-01..2026-01-01");
        row("date-range", "date:2026-03..2026-05", "date:2026-03-01..2026-06-01");
        row("date-open-end", "date:2026-03..", "date:2026-03-01..");
        row("date-open-start", "date:..2026-03", "date:..2026-04-01");
        row("date-today", "date:today", "date:2026-12-06..2026-12-07");
        row("date-yesterday", "date:yesterday", "date:2026-12-05..2026-12-06");
        row("after-relative-days", "after:7d", "date:2026-11-29..");
        row("after-relative-weeks", "after:2w", "date:2026-11-22..");
        row("after-relative-months", "after:1m", "date:2026-11-06..");
        row("larger", "larger:2M", "larger:2097152");
        row("smaller-k", "smaller:500k", "smaller:512000");
        row("larger-bytes", "larger:1000", "larger:1000");
        row("state", "state:failed", "state:failed");
        row("state-case", "state:Delayed", "state:delayed");
        row("recipient-state", "recipient-state:ghost@example.test=failed",
            "recipient-state:ghost@example.test=failed");
        row("status", "status:5.1.1", "status:5.1.1");
        row("status-class", "status:5", "status:5");
        row("exclude-word", "invoice -draft", "AND(text:invoice NOT(text:draft))");
        row("exclude-key", "-from:x", "NOT(from:x)");
        row("not-keyword", "NOT spam", "NOT(text:spam)");
        row("double-negation", "--spam", "text:spam");
        row("or", "invoice OR receipt", "OR(text:invoice text:receipt)");
        row("or-chain", "a OR b OR c", "OR(text:a text:b text:c)");
        row("or-binds-tighter", "from:carol invoice OR receipt",
            "AND(from:carol OR(text:invoice text:receipt))");
        row("lower-or-is-a-word", "cats or dogs", "AND(text:cats text:or text:dogs)");
        row("parentheses", "(a b) OR c", "OR(AND(text:a text:b) text:c)");
        row("nested-parentheses", "-(a OR (b c))", "NOT(OR(text:a AND(text:b text:c)))");
        row("colon-in-word", "10:30", "text:10:30");
        row("quoted-key-is-text", "\"foo:bar\"", "text:\"foo:bar\"");
        row("hyphen-inside-word", "e-mail", "text:e-mail");
        row("tabs-and-spaces", "  a\t b  ", "AND(text:a text:b)");
        row("sql-is-just-text", "\"robert'); DROP TABLE messages; --\"", "text:\"robert'); DROP TABLE messages; --\"");
        row("fts-syntax-is-just-text", "NEAR(a b)", "AND(text:NEAR text:a text:b)");
        row("everything",
            "from:carol to:bob cc:dave subject:x body:y filename:z has:attachment is:unread folder:INBOX "
            "account:work after:2026-01 larger:1k -state:failed",
            "AND(from:carol to:bob cc:dave subject:x body:y filename:z has:attachment is:unread "
            "folder:INBOX account:work date:2026-01-01.. larger:1024 NOT(state:failed))");
    }

    void parses()
    {
        QFETCH(QString, query);
        QFETCH(QString, tree);
        const ParsedQuery parsed = parseQuery(query, QDate(2026, 12, 6));
        QVERIFY2(parsed.ok(), qPrintable(parsed.error.message));
        QCOMPARE(describe(*parsed.root), tree);
    }

    void rejects_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("messagePart");
        QTest::addColumn<int>("position");
        const auto row = [](const char *name, const char *query, const char *part, int position) {
            QTest::newRow(name) << QString::fromUtf8(query) << QString::fromUtf8(part) << position;
        };
        row("empty", "", "empty", 0);
        row("blank", "   ", "empty", 0);
        row("unknown-key", "invoice foo:bar", "'foo:'", 8);
        row("unknown-key-http", "http://example.org", "'http:'", 0);
        row("key-without-value", "from:", "'from:' needs a value", 0);
        row("unterminated-quote", "a \"b c", "never closed", 2);
        row("unterminated-quoted-value", "subject:\"x", "never closed", 8);
        row("empty-quotes", "\"\"", "nothing to search", 0);
        row("only-punctuation", "@@", "no letters", 0);
        row("lone-star", "*", "no letters", 0);
        row("lone-minus", "a -", "no letters", 2);
        row("or-at-start", "OR a", "OR needs", 0);
        row("or-at-end", "a OR", "OR needs", 2);
        row("and-at-start", "AND a", "AND needs", 0);
        row("not-at-end", "a NOT", "Nothing to exclude", 2);
        row("unclosed-parenthesis", "(a b", "never closed", 0);
        row("stray-parenthesis", "a)", "no opening", 1);
        row("empty-parentheses", "()", "missing", 1);
        row("is-unknown", "is:purple", "'is:purple'", 0);
        row("has-unknown", "has:money", "'has:money'", 0);
        row("date-garbage", "date:soon", "not a date", 0);
        row("date-invalid-day", "before:2026-02-30", "not a date", 0);
        row("date-invalid-month", "after:2026-13", "not a date", 0);
        row("date-range-reversed", "date:2026-05..2026-03", "ends before", 0);
        row("date-range-empty", "date:..", "not a date range", 0);
        row("size-garbage", "larger:huge", "not a size", 0);
        row("state-unknown", "state:lost", "'state:lost'", 0);
        row("recipient-state-no-state", "recipient-state:bob@example.org", "needs an address", 0);
        row("recipient-state-bad-state", "recipient-state:bob=gone", "needs an address", 0);
        row("status-garbage", "status:5.x", "not an enhanced status", 0);
        row("status-class-1", "status:1.0.0", "not an enhanced status", 0);
    }

    void rejects()
    {
        QFETCH(QString, query);
        QFETCH(QString, messagePart);
        QFETCH(int, position);
        const ParsedQuery parsed = parseQuery(query, QDate(2026, 12, 6));
        QVERIFY2(!parsed.ok(), qPrintable(describe(parsed.root.value_or(Node{}))));
        QVERIFY2(parsed.error.message.contains(messagePart, Qt::CaseInsensitive), qPrintable(parsed.error.message));
        QCOMPARE(parsed.error.position, qsizetype(position));
    }

    /// The same tree as IMAP SEARCH keys (RFC 9051 §6.4.4), or the key IMAP lacks.
    void serverCriteria_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<bool>("literalPlus");
        QTest::addColumn<QByteArray>("criteria");
        QTest::addColumn<QString>("unsupported");
        const auto row = [](const char *name, const char *query, const QByteArray &criteria, const char *unsupported = "",
                            bool literalPlus = true) {
            QTest::newRow(name) << QString::fromUtf8(query) << literalPlus << criteria << QString::fromUtf8(unsupported);
        };
        row("word", "invoice", "TEXT \"invoice\"");
        row("prefix-is-substring", "invo*", "TEXT \"invo\"");
        row("phrase", "\"quarterly report\"", "TEXT \"quarterly report\"");
        row("quote-escaped", "\"say \\\"hi\\\"\"", "TEXT \"say \\\"hi\\\"\"");
        row("fields", "from:carol to:bob cc:dave subject:x body:y",
            "FROM \"carol\" TO \"bob\" CC \"dave\" SUBJECT \"x\" BODY \"y\"");
        row("flags", "is:unread is:read is:flagged is:answered", "UNSEEN SEEN FLAGGED ANSWERED");
        row("dates", "date:2026-03..2026-05", "(SENTSINCE 1-Mar-2026 SENTBEFORE 1-Jun-2026)");
        row("before", "before:2026-03-05", "SENTBEFORE 5-Mar-2026");
        row("sizes", "larger:2k smaller:1M", "LARGER 2048 SMALLER 1048576");
        row("or-is-binary", "a OR b OR c", "OR TEXT \"a\" OR TEXT \"b\" TEXT \"c\"");
        row("not", "a -from:x", "TEXT \"a\" NOT FROM \"x\"");
        row("nested", "-(a b)", "NOT (TEXT \"a\" TEXT \"b\")");
        row("utf8-literal", "müller", "TEXT {7+}\r\nmüller");
        row("utf8-quoted-without-literal-plus", "müller", "TEXT \"müller\"", "", false);
        row("folder-is-scope", "invoice folder:Archive", "TEXT \"invoice\"");
        row("only-scope", "account:work", "ALL");
        row("filename", "filename:x", "", "filename:");
        row("has", "a has:attachment", "", "has:attachment");
        row("state", "state:failed", "", "state:");
        row("recipient-state", "recipient-state:a=failed", "", "recipient-state:");
        row("status", "status:5.1.1", "", "status:");
        row("folder-inside-or", "a OR folder:x", "", "folder:");
    }

    void serverCriteria()
    {
        QFETCH(QString, query);
        QFETCH(bool, literalPlus);
        QFETCH(QByteArray, criteria);
        QFETCH(QString, unsupported);
        const ParsedQuery parsed = parseQuery(query, QDate(2026, 12, 6));
        QVERIFY(parsed.ok());
        const ServerQuery server = serverQuery(*parsed.root, literalPlus);
        QCOMPARE(server.unsupportedKey, unsupported);
        QCOMPARE(server.criteria, criteria);
    }

    void serverScope()
    {
        const ServerQuery server = serverQuery(*parseQuery(QStringLiteral("x folder:Arch account:work"), QDate(2026, 12, 6)).root, true);
        QCOMPARE(server.folder, QStringLiteral("Arch"));
        QCOMPARE(server.account, QStringLiteral("work"));
    }

    void completionsAreValidQueries()
    {
        for (const QString &completion : completions()) {
            if (completion.endsWith(u':'))
                continue;
            QVERIFY2(parseQuery(completion, QDate(2026, 12, 6)).ok(), qPrintable(completion));
        }
    }
};

QTEST_GUILESS_MAIN(QueryTest)
#include "QueryTest.moc"
