// SPDX-License-Identifier: GPL-3.0-or-later
// The SMTP reply parser (RFC 5321 §4.2, RFC 2034, RFC 3463): table of replies and garbage,
// fed whole and in every chunking.
#include "SmtpTestPrinters.h"
#include "smtp/Reply.h"

#include <QTest>

using namespace Mailtrail::Smtp;
using Status = ReplyParseResult::Status;
using Kind = ReplyParseError::Kind;

Q_DECLARE_METATYPE(Mailtrail::Smtp::ReplyParseResult)

namespace {
ReplyParseResult complete(int code, EnhancedStatus enhanced, QList<QByteArray> lines)
{
    return {Status::Complete, Reply{code, enhanced, lines}, {}};
}
ReplyParseResult error(Kind kind, QByteArray line)
{
    return {Status::Error, {}, {kind, line}};
}
} // namespace

class ReplyParserTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<ReplyParseResult>("expected");
        QTest::addColumn<int>("consumed");

        QTest::newRow("rfc5321-single-line") << QByteArray("220 mail.example.test ESMTP Postfix\r\n")
            << complete(220, {}, {"mail.example.test ESMTP Postfix"}) << 37;
        QTest::newRow("rfc5321-multi-line-ehlo")
            << QByteArray("250-mail.example.test\r\n250-PIPELINING\r\n250 DSN\r\n")
            << complete(250, {}, {"mail.example.test", "PIPELINING", "DSN"}) << 48;
        QTest::newRow("rfc3463-enhanced") << QByteArray("250 2.1.0 Ok\r\n")
            << complete(250, {2, 1, 0}, {"Ok"}) << 14;
        QTest::newRow("rfc3463-enhanced-three-digit-detail") << QByteArray("550 5.7.123 Denied\r\n")
            << complete(550, {5, 7, 123}, {"Denied"}) << 20;
        QTest::newRow("rfc3463-enhanced-on-every-line")
            << QByteArray("550-5.1.1 No such user\r\n550 5.1.1 Try again\r\n")
            << complete(550, {5, 1, 1}, {"No such user", "Try again"}) << 45;
        QTest::newRow("rfc3463-class-mismatch-is-text") << QByteArray("250 5.1.1 odd\r\n")
            << complete(250, {}, {"5.1.1 odd"}) << 15;
        QTest::newRow("rfc3463-not-a-code") << QByteArray("250 2.0 Ok\r\n")
            << complete(250, {}, {"2.0 Ok"}) << 12;
        QTest::newRow("enhanced-only") << QByteArray("250 2.0.0\r\n")
            << complete(250, {2, 0, 0}, {""}) << 11;
        QTest::newRow("postfix-queued-as") << QByteArray("250 2.0.0 Ok: queued as 4XYZ\r\n")
            << complete(250, {2, 0, 0}, {"Ok: queued as 4XYZ"}) << 30;
        QTest::newRow("code-only-no-text") << QByteArray("250\r\n") << complete(250, {}, {""}) << 5;
        QTest::newRow("continuation-without-text") << QByteArray("250-\r\n250 x\r\n")
            << complete(250, {}, {"", "x"}) << 13;
        QTest::newRow("bare-lf-line-ends") << QByteArray("354 go\n") << complete(354, {}, {"go"}) << 7;
        QTest::newRow("auth-334-challenge") << QByteArray("334 VXNlcm5hbWU6\r\n")
            << complete(334, {}, {"VXNlcm5hbWU6"}) << 18;
        QTest::newRow("utf8-text-rfc6531") << QByteArray("550 5.1.1 \xc3\xbc\r\n")
            << complete(550, {5, 1, 1}, {"\xc3\xbc"}) << 14;
        QTest::newRow("second-reply-stays-buffered") << QByteArray("250 a\r\n250 b\r\n")
            << complete(250, {}, {"a"}) << 7;

        QTest::newRow("incomplete-no-line-end") << QByteArray("250 Ok") << ReplyParseResult{} << 0;
        QTest::newRow("incomplete-multi-line") << QByteArray("250-a\r\n250-b\r\n") << ReplyParseResult{} << 0;
        QTest::newRow("empty") << QByteArray() << ReplyParseResult{} << 0;

        QTest::newRow("garbage-html") << QByteArray("<html>\r\n") << error(Kind::BadCode, "<html>") << 8;
        QTest::newRow("garbage-empty-line") << QByteArray("\r\n") << error(Kind::BadCode, "") << 2;
        QTest::newRow("garbage-code-600") << QByteArray("600 what\r\n") << error(Kind::BadCode, "600 what") << 10;
        QTest::newRow("garbage-code-170") << QByteArray("170 what\r\n") << error(Kind::BadCode, "170 what") << 10;
        QTest::newRow("garbage-code-260") << QByteArray("260 what\r\n") << error(Kind::BadCode, "260 what") << 10;
        QTest::newRow("garbage-short-code") << QByteArray("25 ok\r\n") << error(Kind::BadCode, "25 ok") << 7;
        QTest::newRow("garbage-separator") << QByteArray("250+ok\r\n") << error(Kind::BadSeparator, "250+ok") << 8;
        QTest::newRow("garbage-four-digits") << QByteArray("2500 ok\r\n") << error(Kind::BadSeparator, "2500 ok") << 9;
        QTest::newRow("inconsistent-multi-line") << QByteArray("250-a\r\n550 b\r\n")
            << error(Kind::InconsistentCode, "550 b") << 14;
        QByteArray huge(ReplyParser::MaxLineLength + 10, 'x');
        huge.prepend("250 ");
        QTest::newRow("line-too-long-unterminated") << huge << error(Kind::LineTooLong, huge.left(200))
                                                    << int(huge.size());
    }

    void parse()
    {
        QFETCH(QByteArray, input);
        QFETCH(ReplyParseResult, expected);
        QFETCH(int, consumed);
        qsizetype used = -1;
        QCOMPARE(parseReply(input, &used), expected);
        QCOMPARE(used, qsizetype(consumed));
    }

    /// The incremental parser gives the same replies for any split of the input.
    void everyChunking()
    {
        const QByteArray stream = "220 hi\r\n250-mail\r\n250-SIZE 10240000\r\n250 2.0.0 DSN\r\n"
                                  "550-5.1.1 a\r\n550 5.1.1 b\r\n";
        const QList<Reply> expected{
            {220, {}, {"hi"}},
            {250, {}, {"mail", "SIZE 10240000", "2.0.0 DSN"}},
            {550, {5, 1, 1}, {"a", "b"}},
        };
        for (qsizetype chunk = 1; chunk <= stream.size(); ++chunk) {
            ReplyParser parser;
            QList<Reply> got;
            for (qsizetype pos = 0; pos < stream.size(); pos += chunk) {
                parser.feed(QByteArrayView(stream).sliced(pos, std::min(chunk, stream.size() - pos)));
                for (;;) {
                    const auto result = parser.next();
                    QVERIFY(result.status != Status::Error);
                    if (result.status == Status::Incomplete)
                        break;
                    got.append(result.reply);
                }
            }
            QCOMPARE(got, expected);
            QVERIFY(!parser.hasBufferedBytes());
        }
    }

    void errorMessageShowsTheLineSafely()
    {
        ReplyParser parser;
        parser.feed(QByteArray("\x01\x02garbage\r\n250 ok\r\n"));
        const auto result = parser.next();
        QCOMPARE(result.status, Status::Error);
        const QString message = result.error.message();
        QVERIFY(message.contains(QStringLiteral("??garbage")));
        QVERIFY(!parser.hasBufferedBytes()); // the stream is not trusted after garbage
    }
};

QTEST_GUILESS_MAIN(ReplyParserTest)
#include "ReplyParserTest.moc"
