// SPDX-License-Identifier: GPL-3.0-or-later
// Header summary (RFC 5322, RFC 2047) and the cheap looks-like-a-report guess.
#include "mime/CharsetDecoder.h"
#include "mime/MessageReader.h"
#include "store/Account.h"
#include "store/MessageRecord.h"
#include "sync/ReadReceipts.h"
#include "tracking/ReadReceiptPolicy.h"

#include <QTest>

using namespace Mailtrail;
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
            "Bcc: Gina <gina@example.test>,\r\n hank@example.test\r\n"
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
        QCOMPARE(r.bccAddresses, QStringLiteral("gina@example.test, hank@example.test"));
        QVERIFY(summaryHeaderFields().contains("BCC")); // sync fetches it
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
        QTest::newRow("multibyte-split-across-encoded-words") << QByteArray("Subject: =?UTF-8?B?R3LD?=\r\n =?UTF-8?B?vMOfZQ==?=\r\n") << QString::fromUtf8("Grüße") << qint64(0);
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

    void firstReturnPathFeedsTheRfc8098Check_data()
    {
        QTest::addColumn<QByteArray>("returnPaths");
        QTest::addColumn<QString>("returnPath");
        QTest::addColumn<int>("action");
        // The final MTA prepends Return-Path (RFC 5321 §4.4): the first one is this delivery's
        // reverse path; a later one travelled inside the message (a forward, a resent copy).
        QTest::newRow("first matches the requester: automatic receipt allowed")
            << QByteArray("Return-Path: <alice@example.test>\r\nReturn-Path: <bounces@lists.example.test>\r\n")
            << QStringLiteral("alice@example.test") << int(Tracking::ReceiptAction::SendAutomatic);
        QTest::newRow("first differs from the requester: only asked")
            << QByteArray("Return-Path: <bounces@lists.example.test>\r\nReturn-Path: <alice@example.test>\r\n")
            << QStringLiteral("bounces@lists.example.test") << int(Tracking::ReceiptAction::Ask);
        QTest::newRow("null path first: never answered")
            << QByteArray("Return-Path: <>\r\nReturn-Path: <alice@example.test>\r\n") << QStringLiteral("<>")
            << int(Tracking::ReceiptAction::None);
    }
    void firstReturnPathFeedsTheRfc8098Check()
    {
        QFETCH(QByteArray, returnPaths);
        QFETCH(QString, returnPath);
        QFETCH(int, action);
        MessageRecord r;
        const QByteArray raw = returnPaths
            + "From: Alice <alice@example.test>\r\nTo: me@example.test\r\n"
              "Disposition-Notification-To: alice@example.test\r\nSubject: hi\r\n";
        fillFromHeaders(r, raw);
        QCOMPARE(r.returnPath, returnPath);
        const Tracking::ReadReceiptPolicy always{Tracking::ReceiptMode::Always, Tracking::ReceiptMode::Always,
                                                 Tracking::ReceiptMode::Always};
        const Tracking::ReceiptIdentity me{{QStringLiteral("me@example.test")}, {QStringLiteral("example.test")}};
        const auto decision = Tracking::decideReadReceipt(Sync::ReadReceipts::requestFrom(r), always, me);
        QVERIFY2(int(decision.action) == action, qPrintable(decision.reason));
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

    // Plain ASCII values are copied into the cache row without decoding; these rows pin
    // that they give exactly what the decoding path gives (issue 4: the first sync's fast path).
    void plainAndDecodedAgree_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("expected");
        using C = CacheRow;
        QTest::newRow("subject-whitespace-collapsed") << QByteArray("Subject: \t spaced   out\t value \r\n") << int(C::Subject) << QStringLiteral("spaced out value");
        QTest::newRow("subject-folded") << QByteArray("Subject: a\r\n  b\r\n") << int(C::Subject) << QStringLiteral("a b");
        QTest::newRow("subject-last-wins") << QByteArray("Subject: one\r\nSubject: two\r\n") << int(C::Subject) << QStringLiteral("two");
        QTest::newRow("subject-encoded") << QByteArray("Subject: =?utf-8?q?Gr=C3=BC=C3=9Fe?=  x\r\n") << int(C::Subject) << QString::fromUtf8("Grüße x");
        QTest::newRow("subject-unicode-space-collapsed") << QByteArray("Subject: a\xc2\xa0\xc2\xa0" "b\r\n") << int(C::Subject) << QStringLiteral("a b");
        QTest::newRow("from-plain") << QByteArray("From: Sender 5 <s5@example.test>\r\n") << int(C::FromName) << QStringLiteral("Sender 5");
        QTest::newRow("from-quoted") << QByteArray("From: \"Doe, John\" <john@x.test>\r\n") << int(C::FromName) << QStringLiteral("Doe, John");
        QTest::newRow("from-empty-address-keeps-earlier") << QByteArray("From: a@x.test\r\nFrom: <>\r\n") << int(C::FromAddress) << QStringLiteral("a@x.test");
        QTest::newRow("to-list") << QByteArray("To: Name <a@x.test>, <b@y.test>\r\n") << int(C::ToAddresses) << QStringLiteral("a@x.test, b@y.test");
        QTest::newRow("to-one") << QByteArray("To:  bob@example.test \r\n") << int(C::ToAddresses) << QStringLiteral("bob@example.test");
        QTest::newRow("cc-encoded-name") << QByteArray("Cc: =?iso-8859-1?q?J=F6rg?= <j@x.test>\r\n") << int(C::CcAddresses) << QStringLiteral("j@x.test");
        QTest::newRow("message-id-single") << QByteArray("Message-ID: <a@b>\r\n") << int(C::MessageId) << QStringLiteral("<a@b>");
        QTest::newRow("references-folded") << QByteArray("References: <a@b> <c@d>\r\n <e@f>\r\n") << int(C::References) << QStringLiteral("<a@b> <c@d> <e@f>");
        QTest::newRow("references-folded-lf-tab") << QByteArray("References: <a@b>\n\t<c@d>\n\t<e@f>\n") << int(C::References) << QStringLiteral("<a@b> <c@d> <e@f>");
        QTest::newRow("subject-folded-lf") << QByteArray("Subject: one\n two\r\n three\n") << int(C::Subject) << QStringLiteral("one two three");
        QTest::newRow("in-reply-to-without-brackets") << QByteArray("In-Reply-To:  bare-id \r\n") << int(C::InReplyTo) << QStringLiteral("bare-id");
        QTest::newRow("in-reply-to-with-comment") << QByteArray("In-Reply-To: <a@b> (from x)\r\n") << int(C::InReplyTo) << QStringLiteral("<a@b>");
        QTest::newRow("content-type-lowered") << QByteArray("Content-Type: Multipart/REPORT ; x=y\r\n") << int(C::ContentType) << QStringLiteral("multipart/report");
        QTest::newRow("return-path-null-folded") << QByteArray("Return-Path:\r\n <>\r\n") << int(C::ReturnPath) << QStringLiteral("<>");
        QTest::newRow("return-path-address") << QByteArray("Return-Path: <bounce@x.test>\r\n") << int(C::ReturnPath) << QStringLiteral("bounce@x.test");
        QTest::newRow("dnt-utf8-name") << QByteArray("Disposition-Notification-To: J\xc3\xb6rg <j@x.test>\r\n") << int(C::DispositionNotificationTo) << QStringLiteral("j@x.test");
        QTest::newRow("original-recipient-raw") << QByteArray("Original-Recipient: rfc822;bob@x.test\r\n") << int(C::OriginalRecipient) << QStringLiteral("rfc822;bob@x.test");
        QTest::newRow("options-8bit") << QByteArray("Disposition-Notification-Options: x=\xc3\xa4\r\n") << int(C::DispositionNotificationOptions) << QString::fromUtf8("x=ä");
        QTest::newRow("field-name-case") << QByteArray("SUBJECT: upper\r\nsubject : lower\r\n") << int(C::Subject) << QStringLiteral("lower");
    }
    void plainAndDecodedAgree()
    {
        QFETCH(QByteArray, raw);
        QFETCH(int, column);
        QFETCH(QString, expected);
        CacheRow row;
        fillFromHeaders(row, raw);
        QCOMPARE(QString::fromUtf8(row.text(CacheRow::Text(column))), expected);
        // The MessageRecord form is the same parse.
        MessageRecord record;
        fillFromHeaders(record, raw);
        QCOMPARE(CacheRow::fromRecord(record).text(CacheRow::Text(column)), row.text(CacheRow::Text(column)));
    }

    void rawBytesReadAsTheViewerReadsThem()
    {
        // Every 8-bit byte, unlabelled in a subject and a display name (old Windows clients
        // send windows-1252 so): the cached row, which the list and search show, holds what
        // the viewer shows. And valid UTF-8 (RFC 6532) stays UTF-8 in both.
        QList<QByteArray> values;
        for (int byte = 0x80; byte <= 0xff; ++byte)
            values.append("Caf" + QByteArray(1, char(byte)) + " " + QByteArray(1, char(byte)) + " 5");
        values.append("Caf\xc3\xa9 \xe2\x82\xac 5");
        values.append("Caf\xc3\xa9 \x80 mixed");
        for (const QByteArray &value : std::as_const(values)) {
            const QByteArray raw = "From: " + value + " <c@example.org>\r\nSubject: " + value + "\r\n";
            MessageRecord record;
            fillFromHeaders(record, raw);
            const Mime::ParsedMessage viewed = Mime::MessageReader::parse(raw + "\r\nbody\r\n");
            const QString bytes = QString::fromLatin1(value.toHex(' '));
            QVERIFY2(record.subject == viewed.headers.subject.simplified(),
                     qPrintable(bytes + QStringLiteral(": ") + record.subject + QStringLiteral(" | ") + viewed.headers.subject));
            QVERIFY2(record.fromName == viewed.headers.from.value(0).name,
                     qPrintable(bytes + QStringLiteral(": ") + record.fromName + QStringLiteral(" | ")
                                + viewed.headers.from.value(0).name));
            QCOMPARE(record.fromAddress, QStringLiteral("c@example.org"));
            // What bodies without a charset give (CharsetDecoder, its own windows-1252 table).
            if (!Mime::isValidUtf8(value))
                QCOMPARE(record.subject, Mime::decodeText(value, "windows-1252").text.simplified());
        }
        MessageRecord euro;
        fillFromHeaders(euro, "Subject: \x80 5 caf\xe9\r\n");
        QCOMPARE(euro.subject, QStringLiteral("\u20ac 5 caf\u00e9"));
    }

    void cacheRowRoundTrip()
    {
        MessageRecord r;
        r.uid = 7;
        r.modseq = 99;
        r.flags = {"\\Seen", "$MDNSent"};
        r.size = 1234;
        r.date = 1700000000;
        r.subject = QString::fromUtf8("Grüße ✓");
        r.fromName = QStringLiteral("Alice");
        r.fromAddress = QStringLiteral("alice@example.test");
        r.toAddresses = QStringLiteral("bob@example.test, carol@example.test");
        r.messageId = QStringLiteral("<m@x>");
        r.contentType = QStringLiteral("text/plain");
        r.looksLikeReport = true;
        r.returnPath = QStringLiteral("<>");
        const CacheRow row = CacheRow::fromRecord(r);
        QVERIFY(row.seen);
        QCOMPARE(row.text(CacheRow::Flags), QByteArrayView("\\Seen $MDNSent"));
        QCOMPARE(row.text(CacheRow::CcAddresses), QByteArrayView());
        QCOMPARE(row.toRecord(), r);
        // A column set again replaces the earlier text; the others stay.
        CacheRow changed = row;
        changed.setText(CacheRow::Subject, QByteArrayView("new"));
        QCOMPARE(changed.text(CacheRow::Subject), QByteArrayView("new"));
        QCOMPARE(changed.text(CacheRow::FromName), QByteArrayView("Alice"));
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
