// SPDX-License-Identifier: GPL-3.0-or-later
// Header summary (RFC 5322, RFC 2047) and the cheap looks-like-a-report guess.
#include "store/Account.h"
#include "store/MessageRecord.h"

#include <QTest>

using namespace Mailtrail::Store;

class MessageHeadersTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void summary()
    {
        const QByteArray raw =
            "From: =?UTF-8?Q?J=C3=B6rg_M=C3=BCller?= <joerg@example.test>\r\n"
            "To: bob@example.test, \"Carol, C.\" <carol@example.test>,\r\n\tDave <dave@example.test>\r\n"
            "Cc: team: erin@example.test, frank@example.test;\r\n"
            "Subject: =?ISO-8859-1?B?SWYgeW91IGNhbiByZWFkIHRoaXMgeW8=?=\r\n =?ISO-8859-2?B?dSB1bmRlcnN0YW5kIHRoZSBleGFtcGxlLg==?=\r\n"
            "Date: Tue, 14 Nov 2023 22:13:20 +0000 (UTC)\r\n"
            "Message-ID: <abc@example.test>\r\n"
            "In-Reply-To: <parent@example.test>\r\n"
            "References: <root@example.test>\r\n <parent@example.test>\r\n"
            "Content-Type: Multipart/Alternative; boundary=x\r\n\r\n";
        MessageRecord r;
        fillFromHeaders(r, raw);
        QCOMPARE(r.fromName, QString::fromUtf8("Jörg Müller"));
        QCOMPARE(r.fromAddress, QStringLiteral("joerg@example.test"));
        QCOMPARE(r.toAddresses, QStringLiteral("bob@example.test, carol@example.test, dave@example.test"));
        QCOMPARE(r.ccAddresses, QStringLiteral("erin@example.test, frank@example.test"));
        QCOMPARE(r.subject, QStringLiteral("If you can read this you understand the example."));
        QCOMPARE(r.date, qint64(1700000000));
        QCOMPARE(r.messageId, QStringLiteral("<abc@example.test>"));
        QCOMPARE(r.inReplyTo, QStringLiteral("<parent@example.test>"));
        QCOMPARE(r.references, QStringLiteral("<root@example.test> <parent@example.test>"));
        QCOMPARE(r.contentType, QStringLiteral("multipart/alternative"));
        QVERIFY(!r.looksLikeReport);
    }

    void quirks_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QString>("subject");
        QTest::addColumn<qint64>("date");
        QTest::newRow("raw-utf8-subject-rfc6532") << QByteArray("Subject: Grüße\r\n") << QString::fromUtf8("Grüße") << qint64(0);
        QTest::newRow("raw-latin1-subject") << QByteArray("Subject: Gr\xfc\xdf" "e\r\n") << QString::fromUtf8("Grüße") << qint64(0);
        QTest::newRow("bare-lf-headers") << QByteArray("Subject: a\n b\nDate: Tue, 14 Nov 2023 22:13:20 GMT\n") << QStringLiteral("a b") << qint64(1700000000);
        QTest::newRow("encoded-word-between-text") << QByteArray("Subject: Re: =?utf-8?b?w6Q=?= ok\r\n") << QString::fromUtf8("Re: ä ok") << qint64(0);
        QTest::newRow("broken-encoded-word-kept") << QByteArray("Subject: =?utf-8?x?abc?= z\r\n") << QStringLiteral("=?utf-8?x?abc?= z") << qint64(0);
        QTest::newRow("date-without-weekday-and-seconds") << QByteArray("Date: 14 Nov 2023 22:13 +0000\r\n") << QString() << qint64(1699999980);
        QTest::newRow("date-negative-zone") << QByteArray("Date: Tue, 14 Nov 2023 17:13:20 -0500\r\n") << QString() << qint64(1700000000);
        QTest::newRow("date-two-digit-year") << QByteArray("Date: 14 Nov 23 22:13:20 +0000\r\n") << QString() << qint64(1700000000);
        QTest::newRow("date-leap-day") << QByteArray("Date: Thu, 29 Feb 2024 00:00:00 +0000\r\n") << QString() << qint64(1709164800);
        QTest::newRow("date-named-zone-slow-path") << QByteArray("Date: Tue, 14 Nov 2023 14:13:20 PST\r\n") << QString() << qint64(1700000000);
        QTest::newRow("garbage-date") << QByteArray("Date: yesterday\r\n") << QString() << qint64(0);
        QTest::newRow("no-colon-line") << QByteArray("garbage line\r\nSubject: s\r\n") << QStringLiteral("s") << qint64(0);
    }
    void quirks()
    {
        QFETCH(QByteArray, raw);
        QFETCH(QString, subject);
        QFETCH(qint64, date);
        MessageRecord r;
        fillFromHeaders(r, raw);
        QCOMPARE(r.subject, subject);
        QCOMPARE(r.date, date);
    }

    void reports_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<bool>("report");
        QTest::newRow("postfix-dsn-multipart-report")
            << QByteArray("From: MAILER-DAEMON@mail.example.test (Mail Delivery System)\r\nSubject: Undelivered Mail Returned to Sender\r\n"
                          "Content-Type: multipart/report; report-type=delivery-status;\r\n boundary=x\r\n") << true;
        QTest::newRow("mdn-multipart-report-only")
            << QByteArray("From: bob@example.test\r\nSubject: Displayed\r\nContent-Type: multipart/report; report-type=disposition-notification\r\n") << true;
        QTest::newRow("auto-submitted-auto-replied")
            << QByteArray("From: bob@example.test\r\nAuto-Submitted: auto-replied\r\nSubject: Out of office\r\n") << true;
        QTest::newRow("auto-submitted-no") << QByteArray("From: bob@example.test\r\nAuto-Submitted: no\r\nSubject: hi\r\n") << false;
        QTest::newRow("null-return-path") << QByteArray("Return-Path: <>\r\nFrom: x@example.test\r\nSubject: hi\r\n") << true;
        QTest::newRow("postmaster-sender") << QByteArray("From: Postmaster@example.test\r\nSubject: hi\r\n") << true;
        QTest::newRow("exchange-undeliverable-subject") << QByteArray("From: a@b\r\nSubject: Undeliverable: Lunch\r\n") << true;
        QTest::newRow("gmail-dsn-subject") << QByteArray("From: a@b\r\nSubject: Delivery Status Notification (Failure)\r\n") << true;
        QTest::newRow("outlook-read-receipt") << QByteArray("From: a@b\r\nSubject: Read: Lunch\r\n") << true;
        QTest::newRow("ordinary-mail") << QByteArray("Return-Path: <a@b>\r\nFrom: a@b\r\nSubject: Ready for lunch?\r\nContent-Type: text/plain\r\n") << false;
    }
    void reports()
    {
        QFETCH(QByteArray, raw);
        QFETCH(bool, report);
        MessageRecord r;
        fillFromHeaders(r, raw);
        QCOMPARE(r.looksLikeReport, report);
    }

    void endpoints_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::newRow("tls") << QStringLiteral("mail.example.test:993/tls") << true << QStringLiteral("mail.example.test") << 993;
        QTest::newRow("starttls-upper") << QStringLiteral("127.0.0.1:10143/STARTTLS") << true << QStringLiteral("127.0.0.1") << 10143;
        QTest::newRow("ipv6") << QStringLiteral("[::1]:993/tls") << true << QStringLiteral("::1") << 993;
        QTest::newRow("no-security") << QStringLiteral("mail:993") << false << QString() << 0;
        QTest::newRow("bad-security") << QStringLiteral("mail:993/ssl") << false << QString() << 0;
        QTest::newRow("no-port") << QStringLiteral("mail/tls") << false << QString() << 0;
        QTest::newRow("port-zero") << QStringLiteral("mail:0/tls") << false << QString() << 0;
        QTest::newRow("port-too-big") << QStringLiteral("mail:70000/tls") << false << QString() << 0;
    }
    void endpoints()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(QString, host);
        QFETCH(int, port);
        QString error;
        const auto e = Endpoint::parse(text, &error);
        QCOMPARE(bool(e), valid);
        QCOMPARE(error.isEmpty(), valid);
        if (e) {
            QCOMPARE(e->host, host);
            QCOMPARE(int(e->port), port);
            QCOMPARE(Endpoint::parse(e->toString()), e);
        }
    }

    void fingerprints()
    {
        const QString hex = QStringLiteral("AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89");
        QCOMPARE(normalizeFingerprint(hex), QStringLiteral("abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789"));
        QCOMPARE(normalizeFingerprint(QStringLiteral("sha256:") + hex), normalizeFingerprint(hex));
        QCOMPARE(normalizeFingerprint(QStringLiteral("abc")), QString());
        QCOMPARE(normalizeFingerprint(QString(64, QLatin1Char('g'))), QString());
    }
};

QTEST_GUILESS_MAIN(MessageHeadersTest)
#include "MessageHeadersTest.moc"
