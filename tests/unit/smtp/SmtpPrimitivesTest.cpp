// SPDX-License-Identifier: GPL-3.0-or-later
// Pure helpers of core/smtp: EHLO capabilities, xtext (RFC 3461 §4), ORCPT (RFC 6533),
// ENVID, NOTIFY, queue ids, line ends and dot-stuffing (RFC 5321 §4.5.2).
#include "SmtpTestPrinters.h"
#include "smtp/Capabilities.h"
#include "smtp/Envelope.h"
#include "smtp/SubmissionJob.h"
#include "smtp/SubmissionResult.h"
#include "smtp/Xtext.h"

#include <QSet>
#include <QTest>

using namespace Mailtrail::Smtp;

class SmtpPrimitivesTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void capabilitiesPostfix()
    {
        const Reply ehlo{250, {}, {"mail.example.test", "PIPELINING", "SIZE 10240000", "VRFY", "ETRN",
                                   "STARTTLS", "AUTH PLAIN LOGIN", "ENHANCEDSTATUSCODES", "8BITMIME",
                                   "DSN", "SMTPUTF8", "CHUNKING"}};
        const Capabilities caps = Capabilities::fromEhloReply(ehlo);
        QVERIFY(caps.pipelining && caps.startTls && caps.enhancedStatusCodes && caps.eightBitMime);
        QVERIFY(caps.dsn && caps.smtpUtf8 && caps.chunking && !caps.binaryMime);
        QCOMPARE(caps.size, std::optional<qint64>(10240000));
        QCOMPARE(caps.authMechanisms, (QStringList{QStringLiteral("PLAIN"), QStringLiteral("LOGIN")}));
    }

    void capabilitiesQuirks()
    {
        // Old "AUTH=" form, lower case, SIZE without a number, the greeting line is not a keyword.
        const Reply ehlo{250, {}, {"DSN pipelining", "auth=login", "AUTH LOGIN CRAM-MD5", "size", "dsn"}};
        const Capabilities caps = Capabilities::fromEhloReply(ehlo);
        QVERIFY(!caps.pipelining); // "DSN pipelining" is the greeting line, not a keyword line
        QVERIFY(caps.dsn);
        QCOMPARE(caps.size, std::optional<qint64>(0));
        QCOMPARE(caps.authMechanisms, (QStringList{QStringLiteral("LOGIN"), QStringLiteral("CRAM-MD5")}));
        QCOMPARE(Capabilities::fromEhloReply(Reply{250, {}, {"hello"}}), Capabilities{});
    }

    void xtext_data()
    {
        QTest::addColumn<QByteArray>("plain");
        QTest::addColumn<QByteArray>("encoded");
        QTest::newRow("rfc3461-plain-address") << QByteArray("bob@example.test") << QByteArray("bob@example.test");
        QTest::newRow("rfc3461-plus") << QByteArray("bob+tag@x") << QByteArray("bob+2Btag@x");
        QTest::newRow("rfc3461-equals") << QByteArray("a=b") << QByteArray("a+3Db");
        QTest::newRow("rfc3461-space-and-control") << QByteArray("a b\x01") << QByteArray("a+20b+01");
        QTest::newRow("rfc3461-eight-bit") << QByteArray("\xc3\xbc") << QByteArray("+C3+BC");
        QTest::newRow("rfc3461-tilde-and-bang") << QByteArray("!~") << QByteArray("!~");
        QTest::newRow("rfc3461-del") << QByteArray("\x7f") << QByteArray("+7F");
        QTest::newRow("empty") << QByteArray() << QByteArray();
    }
    void xtext()
    {
        QFETCH(QByteArray, plain);
        QFETCH(QByteArray, encoded);
        QCOMPARE(xtextEncode(plain), encoded);
        QByteArray decoded;
        QVERIFY(xtextDecode(encoded, &decoded));
        QCOMPARE(decoded, plain);
    }

    void xtextDecodeRejectsGarbage_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("truncated-hexchar") << QByteArray("a+4");
        QTest::newRow("lowercase-hexchar") << QByteArray("a+2b");
        QTest::newRow("not-hex") << QByteArray("a+ZZ");
        QTest::newRow("raw-equals") << QByteArray("a=b");
        QTest::newRow("raw-space") << QByteArray("a b");
    }
    void xtextDecodeRejectsGarbage()
    {
        QFETCH(QByteArray, text);
        QByteArray out;
        QVERIFY(!xtextDecode(text, &out));
    }

    void orcpt_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QByteArray>("parameter");
        QTest::newRow("rfc3461-ascii") << QStringLiteral("bob@example.test") << QByteArray("rfc822;bob@example.test");
        QTest::newRow("rfc3461-ascii-plus") << QStringLiteral("bob+x@example.test") << QByteArray("rfc822;bob+2Bx@example.test");
        QTest::newRow("rfc6533-utf8-two-byte") << QStringLiteral("j\u00fcrgen@example.test")
                                                << QByteArray("utf-8;j\\x{FC}rgen@example.test");
        QTest::newRow("rfc6533-utf8-cjk") << QStringLiteral("\u7528\u6237@example.test")
                                           << QByteArray("utf-8;\\x{7528}\\x{6237}@example.test");
        QTest::newRow("rfc6533-utf8-astral") << QStringLiteral("a\U0001F600@x") << QByteArray("utf-8;a\\x{1F600}@x");
        QTest::newRow("rfc6533-utf8-escapes-plus-and-backslash")
            << QStringLiteral("\u00e9+\\=@x") << QByteArray("utf-8;\\x{E9}\\x{2B}\\x{5C}\\x{3D}@x");
    }
    void orcpt()
    {
        QFETCH(QString, address);
        QFETCH(QByteArray, parameter);
        QCOMPARE(orcptParameter(address), parameter);
        // Always valid xtext, i.e. safe as an ESMTP parameter value.
        QByteArray decoded;
        QVERIFY(xtextDecode(parameter.mid(parameter.indexOf(';') + 1), &decoded));
    }

    void envidIsRandomXtext()
    {
        QSet<QByteArray> seen;
        for (int i = 0; i < 1000; ++i) {
            const QByteArray envid = generateEnvid();
            QCOMPARE(envid.size(), 32);
            QCOMPARE(xtextEncode(envid), envid);
            seen.insert(envid);
        }
        QCOMPARE(seen.size(), 1000);
    }

    void notify_data()
    {
        QTest::addColumn<bool>("success");
        QTest::addColumn<bool>("failure");
        QTest::addColumn<bool>("delay");
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("rfc3461-default-all") << true << true << true << QByteArray("SUCCESS,FAILURE,DELAY");
        QTest::newRow("rfc3461-never") << false << false << false << QByteArray("NEVER");
        QTest::newRow("rfc3461-success-only") << true << false << false << QByteArray("SUCCESS");
        QTest::newRow("rfc3461-failure-delay") << false << true << true << QByteArray("FAILURE,DELAY");
    }
    void notify()
    {
        QFETCH(bool, success);
        QFETCH(bool, failure);
        QFETCH(bool, delay);
        QFETCH(QByteArray, value);
        QCOMPARE((DsnNotify{success, failure, delay}.parameterValue()), value);
    }

    void queueId_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("id");
        QTest::newRow("postfix") << QStringLiteral("Ok: queued as 4XYZ") << QStringLiteral("4XYZ");
        QTest::newRow("postfix-long-id") << QStringLiteral("Ok: queued as 4dHbXk0Rv1z9sBq") << QStringLiteral("4dHbXk0Rv1z9sBq");
        QTest::newRow("exim") << QStringLiteral("OK id=1rABCd-000123-Xy") << QStringLiteral("1rABCd-000123-Xy");
        QTest::newRow("sendmail") << QStringLiteral("x5LKhCbQ012345 Message accepted for delivery") << QStringLiteral("x5LKhCbQ012345");
        QTest::newRow("none") << QStringLiteral("OK") << QString();
    }
    void queueId()
    {
        QFETCH(QString, text);
        QFETCH(QString, id);
        QCOMPARE(parseQueueId(text), id);
    }

    void dotStuffing_data()
    {
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<QByteArray>("wire");
        QTest::newRow("rfc5321-4.5.2-leading-dot") << QByteArray("a\r\n.b\r\n") << QByteArray("a\r\n..b\r\n");
        QTest::newRow("rfc5321-4.5.2-lone-dot-line") << QByteArray("a\r\n.\r\nb\r\n") << QByteArray("a\r\n..\r\nb\r\n");
        QTest::newRow("first-line-dot") << QByteArray(".x\r\n") << QByteArray("..x\r\n");
        QTest::newRow("dot-not-at-line-start") << QByteArray("a.b\r\n") << QByteArray("a.b\r\n");
        QTest::newRow("bare-lf-canonicalised") << QByteArray("a\n.b\n") << QByteArray("a\r\n..b\r\n");
        QTest::newRow("missing-final-crlf-added") << QByteArray("a\r\n.") << QByteArray("a\r\n..\r\n");
        QTest::newRow("crlf-dot-crlf-inside") << QByteArray("x\r\n.\r\n.\r\n") << QByteArray("x\r\n..\r\n..\r\n");
    }
    void dotStuffing()
    {
        QFETCH(QByteArray, message);
        QFETCH(QByteArray, wire);
        QCOMPARE(dotStuff(canonicalizeLineEnds(message)), wire);
    }

    void errorMessagesAreClear()
    {
        SubmissionError e;
        e.category = SubmissionError::Category::Authentication;
        e.detail = QStringLiteral("Wrong user name or password.");
        e.replyCode = 535;
        e.enhanced = {5, 7, 8};
        e.serverText = QStringLiteral("Error: authentication failed");
        QCOMPARE(e.message(), QStringLiteral("Wrong user name or password. The server said: 535 5.7.8 Error: authentication failed"));
        QVERIFY(!e.isTemporary());
        e.replyCode = 454;
        QVERIFY(e.isTemporary());
    }
};

QTEST_GUILESS_MAIN(SmtpPrimitivesTest)
#include "SmtpPrimitivesTest.moc"
