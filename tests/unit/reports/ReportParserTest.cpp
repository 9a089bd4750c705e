// SPDX-License-Identifier: GPL-3.0-or-later
#include "reports/ReportParser.h"

#include "TestPaths.h"
#include "reports/MailScanner.h"
#include "reports/ReportJson.h"
#include "reports/ReportText.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Mailtrail;
using namespace Mailtrail::Reports;

namespace {

QByteArray readData(const QString &relative)
{
    QFile file(Test::testData(QStringLiteral("data/reports/") + relative));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read test data %s", qPrintable(file.fileName()));
    return file.readAll();
}

QByteArray lf(const char *text)
{
    return QByteArray(text);
}

/// A standard RFC 3464 report with three recipients and different outcomes.
const char threeRecipientDsn[]
    = "From: Mail Delivery System <MAILER-DAEMON@mx.example.org>\n"
      "To: alice@example.org\n"
      "Subject: Delivery Status Notification\n"
      "MIME-Version: 1.0\n"
      "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n"
      "\n"
      "--B\n"
      "Content-Type: text/plain\n"
      "\n"
      "Some recipients could not be reached.\n"
      "--B\n"
      "Content-Type: message/delivery-status\n"
      "\n"
      "Reporting-MTA: dns; mx.example.org\n"
      "Original-Envelope-Id: QQ314159\n"
      "Arrival-Date: Tue, 3 Nov 2026 09:00:00 +0100\n"
      "\n"
      "Original-Recipient: rfc822;bob@example.com\n"
      "Final-Recipient: rfc822;bob@example.com\n"
      "Action: delivered\n"
      "Status: 2.0.0\n"
      "Remote-MTA: dns; mail.example.com\n"
      "Diagnostic-Code: smtp; 250 2.0.0 OK queued as 1234\n"
      "\n"
      "Original-Recipient: rfc822;carol@example.net\n"
      "Final-Recipient: RFC822; <carol@example.net>\n"
      "Action: delayed\n"
      "Status: 4.4.7\n"
      "Will-Retry-Until: Fri, 6 Nov 2026 09:00:00 +0100\n"
      "Last-Attempt-Date: Tue, 3 Nov 2026 13:00:00 +0100\n"
      "\n"
      "Final-Recipient: rfc822; dave@example.info\n"
      "Action: failed\n"
      "Status: 5.0.0\n"
      "Diagnostic-Code: smtp; 550-5.1.1 The email account that you tried to reach\n"
      "    does not exist\n"
      "--B\n"
      "Content-Type: text/rfc822-headers\n"
      "\n"
      "From: Alice <alice@example.org>\n"
      "To: bob@example.com, carol@example.net, dave@example.info\n"
      "Subject: =?utf-8?q?Gr=C3=BC=C3=9Fe?=\n"
      "Message-ID: <sent-42@example.org>\n"
      "--B--\n";

/// A one-recipient RFC 3464 report with these per-recipient fields and this human-readable
/// text (issue #15 §4 rules).
QByteArray dsnWith(const QByteArray &fields, const QByteArray &text = "The mail could not be delivered.\n")
{
    return "From: Mail Delivery System <MAILER-DAEMON@mx.example.org>\n"
           "To: alice@example.org\n"
           "Subject: Delivery Status Notification (Failure)\n"
           "MIME-Version: 1.0\n"
           "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n"
           "\n--B\nContent-Type: text/plain\n\n"
        + text
        + "--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.org\n\n"
        + fields + "\n--B--\n";
}

} // namespace

class ReportParserTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rfc3464AllFields()
    {
        const DeliveryReport report = parseDeliveryReport(QByteArray(threeRecipientDsn));
        DeliveryReport expected;
        expected.kind = ReportKind::Dsn;
        expected.reportingMta = QStringLiteral("mx.example.org");
        expected.originalEnvelopeId = QStringLiteral("QQ314159");
        expected.arrivalDate = QStringLiteral("Tue, 3 Nov 2026 09:00:00 +0100");
        expected.returned = { QStringLiteral("sent-42@example.org"), QStringLiteral("Grüße"),
            QStringLiteral("Alice <alice@example.org>"),
            QStringLiteral("bob@example.com, carol@example.net, dave@example.info") };
        RecipientRecord bob;
        bob.action = DeliveryAction::Delivered;
        bob.status = QStringLiteral("2.0.0");
        bob.replyCode = QStringLiteral("250");
        bob.finalRecipient = { QStringLiteral("rfc822"), QStringLiteral("bob@example.com") };
        bob.originalRecipient = { QStringLiteral("rfc822"), QStringLiteral("bob@example.com") };
        bob.diagnosticType = QStringLiteral("smtp");
        bob.diagnostic = QStringLiteral("250 2.0.0 OK queued as 1234");
        bob.remoteMta = QStringLiteral("mail.example.com");
        bob.confidence = 1.0;
        RecipientRecord carol;
        carol.action = DeliveryAction::Delayed;
        carol.status = QStringLiteral("4.4.7");
        carol.finalRecipient = { QStringLiteral("rfc822"), QStringLiteral("carol@example.net") };
        carol.originalRecipient = { QStringLiteral("rfc822"), QStringLiteral("carol@example.net") };
        carol.willRetryUntil = QStringLiteral("Fri, 6 Nov 2026 09:00:00 +0100");
        carol.lastAttemptDate = QStringLiteral("Tue, 3 Nov 2026 13:00:00 +0100");
        carol.confidence = 1.0;
        RecipientRecord dave;
        dave.action = DeliveryAction::Failed;
        dave.status = QStringLiteral("5.1.1"); // the server's code beats the generic 5.0.0
        dave.replyCode = QStringLiteral("550");
        dave.finalRecipient = { QStringLiteral("rfc822"), QStringLiteral("dave@example.info") };
        dave.diagnosticType = QStringLiteral("smtp");
        dave.diagnostic
            = QStringLiteral("550-5.1.1 The email account that you tried to reach does not exist");
        dave.confidence = 1.0;
        expected.recipients = { bob, carol, dave };
        QCOMPARE(report, expected);
    }

    void crlfAndLfAgree()
    {
        QByteArray crlf(threeRecipientDsn);
        crlf.replace("\n", "\r\n");
        QCOMPARE(parseDeliveryReport(crlf), parseDeliveryReport(QByteArray(threeRecipientDsn)));
    }

    void samples_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<ReportKind>("kind");
        QTest::addColumn<int>("records");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("replyCode");
        QTest::addColumn<QString>("recipient");
        QTest::addColumn<QString>("messageId");

        auto row = [](const char *name, const char *file, ReportKind kind, int records,
                       const char *status, const char *reply, const char *recipient,
                       const char *messageId) {
            QTest::newRow(name) << QString::fromLatin1(file) << kind << records
                                << QString::fromLatin1(status) << QString::fromLatin1(reply)
                                << QString::fromLatin1(recipient) << QString::fromLatin1(messageId);
        };
        row("qmail-qsbmf-hash-status", "corpus/lhost-qmail-01.eml", ReportKind::Bounce, 1, "5.5.0",
            "550", "kijitora@example.ne.jp", "000000000.9999999999999.JavaMail.postmaster@mailhub");
        row("postfix-rfc3464-orcpt", "corpus/lhost-postfix-01.eml", ReportKind::Dsn, 1, "5.1.1", "",
            "r@p351355.pool.example.ne.jp", "");
        row("exim-x-failed-recipients-two", "corpus/lhost-exim-02.eml", ReportKind::Bounce, 2,
            "5.1.1", "550", "kijitora@example.jp", "E1X58pB-0004bW-2s@marutamachi.example.org");
        row("sendmail-transcript-reply-to-data", "corpus/lhost-sendmail-03.eml", ReportKind::Dsn, 1,
            "5.1.1", "550", "bounce0@example.org",
            "2459BC68-A7A5-4FCD-99FE-8CE9335880BF@example.co.jp");
        row("sendmail-utf7-text", "corpus/lhost-sendmail-41.eml", ReportKind::Dsn, 1, "5.0.0",
            "554", "this-local-part-does-not-exist@yahoo.com",
            "201609121950.u8CJoQN3016081@mx2.example.jp");
        row("gmail-text-bounce", "corpus/lhost-gmail-01.eml", ReportKind::Bounce, 1, "5.1.1", "550",
            "userunknown@example.jp", "D992C2C3-F175-4C4D-97E2-53A90E4E5BF5@gmail.com");
        row("office365-html-bounce", "corpus/lhost-office365-01.eml", ReportKind::Bounce, 1,
            "5.1.10", "550", "kijitora@example.com", "FFFFFFFF.EEEEEEEE@example.ed.jp");
        row("exchange2007-iso2022jp", "corpus/lhost-exchange2007-04.eml", ReportKind::Dsn, 1,
            "5.7.1", "550", "neko-nyaan@example.jp",
            "78f44d2b2ea5763064d21edacd9d8d18@example.net");
        row("amazon-ses-json-bounce", "corpus/lhost-amazonses-09.eml", ReportKind::Bounce, 1,
            "5.1.1", "550", "bounce@simulator.amazonses.com",
            "01010157e48f9b9b-891e9a0e-9c9d-4773-9bfe-608f2ef4756d-000000");
        row("amazon-ses-json-delivery", "corpus/lhost-amazonses-13.eml", ReportKind::Bounce, 1,
            "2.6.0", "250", "complaint@simulator.amazonses.com",
            "01010158992bd11e-d46429af-0ec9-4aaf-8503-6f7ca5832ca2-000000");
        row("pmdf-fields-in-text-no-delimiter", "corpus/lhost-messagingserver-03.eml",
            ReportKind::Bounce, 2, "5.7.1", "550", "sabineko@example.org",
            "000000000000000000@example.org");
        row("yahoo-code-colon", "corpus/lhost-yahoo-06.eml", ReportKind::Bounce, 1, "", "550",
            "otsu-sakaba-hunter-neko-nyaaaaaaan@ezweb.ne.jp",
            "6984E144-51B0-4D69-BBB2-FDD9DEF6A65D@yahoo.com");
        row("forwarded-report-inside-bounce", "corpus/lhost-x5-01.eml", ReportKind::Dsn, 1, "5.1.1",
            "550", "kijitora@neko.example.org",
            "2222222222.0000000000002.JavaMail.nekogate@cat.example.jp");
        row("opensmtpd-generic-status-completed-from-text", "corpus/lhost-opensmtpd-17.eml",
            ReportKind::Dsn, 2, "5.1.1", "550", "userunknown@libsisimai.net",
            "74f4ebf4e64e4266@df.example.jp");
        row("rfc3834-automatic-reply", "corpus/rfc3834-02.eml", ReportKind::AutoReply, 1, "", "",
            "nekonyaan@example.org", "");
        row("rfc5965-arf-abuse", "corpus/arf-01.eml", ReportKind::Feedback, 1, "", "",
            "redacted@example.net", "");
        row("apple-mail-reply-is-not-an-mdn", "mdn/apple-mail-manual-reply-not-mdn.eml",
            ReportKind::None, 0, "", "", "", "");
        row("not-a-bounce-plain-mail", "corpus/is-not-bounce-01.eml", ReportKind::None, 0, "", "",
            "", "");
        row("not-a-bounce-forwarded-original", "corpus/is-not-bounce-02.eml", ReportKind::None, 0,
            "", "", "", "");
    }

    void samples()
    {
        QFETCH(QString, file);
        QFETCH(ReportKind, kind);
        QFETCH(int, records);
        const DeliveryReport report = parseDeliveryReport(readData(file));
        QCOMPARE(report.kind, kind);
        QCOMPARE(report.recipients.size(), records);
        QVERIFY(report.error.isEmpty());
        if (records == 0)
            return;
        const RecipientRecord &first = report.recipients.first();
        QTEST(first.status, "status");
        QTEST(first.replyCode, "replyCode");
        QTEST(first.finalRecipient.address, "recipient");
        QTEST(report.returned.messageId, "messageId");
        QVERIFY(first.confidence > 0.0 && first.confidence <= 1.0);
        if (kind == ReportKind::Dsn || kind == ReportKind::Bounce)
            QVERIFY(first.action != DeliveryAction::Unknown);
    }

    void feedbackAndAutoReplyAreNotFailures()
    {
        const DeliveryReport arf
            = parseDeliveryReport(readData(QStringLiteral("corpus/arf-01.eml")));
        QCOMPARE(arf.kind, ReportKind::Feedback);
        QCOMPARE(arf.feedbackType, QStringLiteral("abuse"));
        QVERIFY(!arf.isDeliveryEvidence());
        const DeliveryReport vacation
            = parseDeliveryReport(readData(QStringLiteral("corpus/rfc3834-02.eml")));
        QCOMPARE(vacation.kind, ReportKind::AutoReply);
        QVERIFY(!vacation.isDeliveryEvidence());
        QCOMPARE(vacation.recipients.constFirst().action, DeliveryAction::Unknown);
        QVERIFY(vacation.recipients.constFirst().status.isEmpty());
    }

    void mdn_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<MdnFields>("expected");

        auto fields = [](const char *ua, const char *orcpt, const char *final,
                          const char *finalType, const char *id, const char *action,
                          const char *sending, const char *type, QStringList modifiers = {}) {
            MdnFields m;
            m.reportingUa = QString::fromUtf8(ua);
            if (*orcpt)
                m.originalRecipient = { QStringLiteral("rfc822"), QString::fromUtf8(orcpt) };
            m.finalRecipient = { QString::fromLatin1(finalType), QString::fromUtf8(final) };
            m.originalMessageId = QString::fromLatin1(id);
            m.disposition = { QString::fromLatin1(action), QString::fromLatin1(sending),
                QString::fromLatin1(type), modifiers };
            return m;
        };
        QTest::newRow("rfc8098-displayed-manual")
            << QStringLiteral("mdn/rfc8098-displayed-manual.eml")
            << fields("mua.example.net; Example MUA 1.0", "bea@example.net", "bea@example.net",
                   "rfc822", "sent-0001@alice.example.org", "manual-action", "MDN-sent-manually",
                   "displayed");
        QTest::newRow("rfc8098-deleted-automatic")
            << QStringLiteral("mdn/rfc8098-deleted-automatic.eml")
            << fields("filter.example.com; Example Sieve 2", "", "carl@example.com", "rfc822",
                   "sent-0002@alice.example.org", "automatic-action", "MDN-sent-automatically",
                   "deleted");
        QTest::newRow("rfc8098-processed-error-modifier-folded")
            << QStringLiteral("mdn/rfc8098-dispatched-processed-error.eml")
            << fields("robot.example.com; Order Robot", "orders@example.com", "robot@example.com",
                   "rfc822", "sent-0003@alice.example.org", "automatic-action",
                   "MDN-sent-automatically", "processed", { QStringLiteral("error") });
        QTest::newRow("rfc8098-dispatched-manual")
            << QStringLiteral("mdn/rfc8098-dispatched-manual.eml")
            << fields("desk.example.com; Example Desk", "", "dora@example.com", "rfc822",
                   "sent-0004@alice.example.org", "manual-action", "MDN-sent-manually",
                   "dispatched");
        QTest::newRow("rfc6533-global-utf8-address")
            << QStringLiteral("mdn/rfc6533-global-disposition.eml")
            << fields("bücher.example; Example MUA", "", "jörg@bücher.example", "utf-8",
                   "sent-0005@alice.example.org", "manual-action", "MDN-sent-manually",
                   "displayed");
        QTest::newRow("thunderbird-return-receipt")
            << QStringLiteral("mdn/thunderbird-displayed.eml")
            << fields(
                   "laptop.example.com; Mozilla/5.0 (X11; Linux x86_64; rv:115.0) Gecko/20100101 "
                   "Thunderbird/115.3.1",
                   "", "erik@example.com", "rfc822", "sent-0006@alice.example.org", "manual-action",
                   "MDN-sent-manually", "displayed");
        QTest::newRow("outlook-exchange-read")
            << QStringLiteral("mdn/outlook-read.eml")
            << fields("", "", "fiona@corp.example", "rfc822", "sent-0007@alice.example.org",
                   "automatic-action", "MDN-sent-automatically", "displayed");
        QTest::newRow("outlook-exchange-not-read")
            << QStringLiteral("mdn/outlook-not-read.eml")
            << fields("", "", "fiona@corp.example", "rfc822", "sent-0007@alice.example.org",
                   "automatic-action", "MDN-sent-automatically", "deleted");
        QTest::newRow("kmail-kmime-encoded-final-recipient")
            << QStringLiteral("mdn/kmail-displayed.eml")
            << fields("workstation; KMime 5.24.0", "gus@kde.example", "gus@kde.example", "rfc822",
                   "sent-0008@alice.example.org", "manual-action", "MDN-sent-manually",
                   "displayed");
    }

    void mdn()
    {
        QFETCH(QString, file);
        QFETCH(MdnFields, expected);
        const DeliveryReport report = parseDeliveryReport(readData(file));
        QCOMPARE(report.kind, ReportKind::Mdn);
        QCOMPARE(report.mdn.disposition.toString(), expected.disposition.toString());
        QCOMPARE(report.mdn, expected);
        QVERIFY(report.recipients.isEmpty());
    }

    void garbage_data()
    {
        QTest::addColumn<QByteArray>("mail");
        QTest::addColumn<ReportKind>("kind");
        QTest::addColumn<bool>("hasError");

        QTest::newRow("empty") << QByteArray() << ReportKind::None << true;
        QTest::newRow("whitespace-only") << QByteArray("\r\n\r\n  \n") << ReportKind::None << true;
        QByteArray junk(64 * 1024, '\0');
        quint32 seed = 12345;
        for (char &c : junk) {
            seed = seed * 1103515245u + 12345u;
            c = char(seed >> 24);
        }
        QTest::newRow("binary-junk") << junk << ReportKind::None << true;
        QTest::newRow("no-header-section")
            << lf("this is not a mail at all\nbut it has lines\n") << ReportKind::None << true;
        QByteArray truncated(threeRecipientDsn);
        truncated.truncate(truncated.indexOf("Action: delayed"));
        QTest::newRow("truncated-report") << truncated << ReportKind::Dsn << false;
        QByteArray noBoundary(threeRecipientDsn);
        noBoundary.replace("; boundary=\"B\"", "");
        QTest::newRow("missing-boundary-parameter") << noBoundary << ReportKind::Bounce << false;
        QByteArray wrongBoundary(threeRecipientDsn);
        wrongBoundary.replace("boundary=\"B\"", "boundary=\"nowhere\"");
        QTest::newRow("boundary-never-used") << wrongBoundary << ReportKind::Bounce << false;
        QTest::newRow("delivery-status-without-groups")
            << lf("From: MAILER-DAEMON@x.example\nContent-Type: multipart/report; "
                  "report-type=delivery-status; boundary=z\n\n--z\nContent-Type: "
                  "message/delivery-status\n\n\n--z--\n")
            << ReportKind::Bounce << false;
        QTest::newRow("huge-header-line")
            << (QByteArray("Subject: ") + QByteArray(4 * 1024 * 1024, 'x') + "\n\nbody\n")
            << ReportKind::None << false;
        QByteArray nested = "From: a@b.example\nContent-Type: message/rfc822\n\n";
        for (int i = 0; i < 2000; ++i)
            nested += "Content-Type: message/rfc822\n\n";
        QTest::newRow("nested-message-rfc822-loop") << nested << ReportKind::None << false;
        QByteArray multipartBomb
            = "From: a@b.example\nContent-Type: multipart/mixed; boundary=q\n\n";
        for (int i = 0; i < 20000; ++i)
            multipartBomb += "--q\nContent-Type: text/plain\n\nx\n";
        QTest::newRow("many-parts") << multipartBomb << ReportKind::None << false;
        QByteArray wideDsn = "From: MAILER-DAEMON@x.example\nContent-Type: multipart/report; "
                             "report-type=delivery-status; boundary=z\n\n--z\n\n";
        for (int i = 0; i < 200000; ++i)
            wideDsn += "lots of text without the recipients in it, line " + QByteArray::number(i)
                + "\n";
        wideDsn += "--z\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; x\n";
        for (int i = 0; i < 5000; ++i)
            wideDsn += "\nFinal-Recipient: rfc822; r" + QByteArray::number(i)
                + "@y.example\nAction: failed\n";
        wideDsn += "--z--\n";
        QTest::newRow("many-records-without-codes-and-long-text")
            << wideDsn << ReportKind::Dsn << false;
        QByteArray sameAddress = "From: MAILER-DAEMON@x.example\nSubject: failure notice\n\n";
        for (int i = 0; i < 200000; ++i)
            sameAddress += "<same@y.example> ";
        QTest::newRow("one-address-repeated") << sameAddress << ReportKind::Bounce << false;
        QTest::newRow("unterminated-quoted-parameter") << lf(
            "From: MAILER-DAEMON@x.example\nContent-Type: multipart/report; boundary=\"abc\n\nx\n")
                                                       << ReportKind::Bounce << false;
        QTest::newRow("bad-base64-delivery-status") << lf(
            "From: MAILER-DAEMON@x.example\nContent-Type: multipart/report; "
            "report-type=delivery-status; boundary=z\n\n--z\nContent-Type: "
            "message/delivery-status\nContent-Transfer-Encoding: base64\n\n!!!*** not "
            "base64\n--z--\n") << ReportKind::Bounce << false;
    }

    void garbage()
    {
        QFETCH(QByteArray, mail);
        QFETCH(ReportKind, kind);
        QFETCH(bool, hasError);
        const DeliveryReport report = parseDeliveryReport(mail);
        QCOMPARE(report.kind, kind);
        QCOMPARE(!report.error.isEmpty(), hasError);
        QVERIFY(report.recipients.size() <= maxRecipients);
        // Every outcome still prints as JSON lines.
        const QByteArrayList lines = toJsonLines(QStringLiteral("x.eml"), report);
        QVERIFY(!lines.isEmpty());
        for (const QByteArray &line : lines)
            QVERIFY(QJsonDocument::fromJson(line).isObject());
    }

    void hundredThousandRecipients()
    {
        QByteArray mail = "From: MAILER-DAEMON@mx.example\nContent-Type: multipart/report; "
                          "report-type=delivery-status; boundary=z\n\n--z\nContent-Type: "
                          "message/delivery-status\n\nReporting-MTA: dns; mx.example\n";
        for (int i = 0; i < 100000; ++i)
            mail += "\nFinal-Recipient: rfc822; user" + QByteArray::number(i)
                + "@example.com\nAction: failed\nStatus: 5.1.1\n";
        mail += "--z--\n";
        const DeliveryReport report = parseDeliveryReport(mail);
        QCOMPARE(report.kind, ReportKind::Dsn);
        QCOMPARE(report.recipients.size(), maxRecipients);
        QVERIFY(report.flags & DeliveryReport::RecipientsTruncated);
        QCOMPARE(report.recipients.last().finalRecipient.address,
            QStringLiteral("user%1@example.com").arg(maxRecipients - 1));
        const QByteArrayList lines = toJsonLines(QStringLiteral("big.eml"), report);
        QCOMPARE(lines.size(), maxRecipients);
        QVERIFY(QJsonDocument::fromJson(lines.first())
                    .object()
                    .value(QLatin1String("error"))
                    .toString()
                    .contains(QLatin1String("recipients")));
    }

    void hundredThousandAddressesInText()
    {
        QByteArray mail = "From: MAILER-DAEMON@mx.example\nSubject: failure notice\n\n";
        for (int i = 0; i < 100000; ++i)
            mail += "<user" + QByteArray::number(i) + "@example.com>: 550 5.1.1 no such user\n";
        const DeliveryReport report = parseDeliveryReport(mail);
        QCOMPARE(report.kind, ReportKind::Bounce);
        QCOMPARE(report.recipients.size(), maxRecipients);
        QVERIFY(report.flags & DeliveryReport::RecipientsTruncated);
    }

    void jsonLines()
    {
        const DeliveryReport report = parseDeliveryReport(QByteArray(threeRecipientDsn));
        const QByteArrayList lines = toJsonLines(QStringLiteral("dir/a \"b\".eml"), report);
        QCOMPARE(lines.size(), 3);
        const QJsonObject first = QJsonDocument::fromJson(lines.at(0)).object();
        const QStringList keys = { QStringLiteral("file"), QStringLiteral("kind"),
            QStringLiteral("action"), QStringLiteral("status"), QStringLiteral("replycode"),
            QStringLiteral("recipient"), QStringLiteral("original_recipient"),
            QStringLiteral("diagnostic"), QStringLiteral("remote_mta"),
            QStringLiteral("reporting_mta"), QStringLiteral("envid"),
            QStringLiteral("original_message_id"), QStringLiteral("disposition"),
            QStringLiteral("confidence") };
        QStringList sortedKeys = keys;
        sortedKeys.sort();
        QCOMPARE(first.keys(), sortedKeys);
        // Keys appear in the documented order.
        qsizetype last = -1;
        for (const QString &key : keys) {
            const qsizetype at = lines.at(0).indexOf(QByteArray("\"" + key.toLatin1() + "\":"));
            QVERIFY2(at > last, qPrintable(key));
            last = at;
        }
        QCOMPARE(first.value(QLatin1String("file")).toString(), QStringLiteral("dir/a \"b\".eml"));
        QCOMPARE(first.value(QLatin1String("kind")).toString(), QStringLiteral("dsn"));
        QCOMPARE(first.value(QLatin1String("action")).toString(), QStringLiteral("delivered"));
        QCOMPARE(first.value(QLatin1String("envid")).toString(), QStringLiteral("QQ314159"));
        QCOMPARE(first.value(QLatin1String("original_message_id")).toString(),
            QStringLiteral("sent-42@example.org"));
        QCOMPARE(first.value(QLatin1String("confidence")).toDouble(), 1.0);
        const QJsonObject third = QJsonDocument::fromJson(lines.at(2)).object();
        QCOMPARE(third.value(QLatin1String("status")).toString(), QStringLiteral("5.1.1"));
        QCOMPARE(third.value(QLatin1String("replycode")).toString(), QStringLiteral("550"));

        const QJsonObject none = QJsonDocument::fromJson(
            toJsonLines(QStringLiteral("n.eml"), parseDeliveryReport("x")).constFirst())
                                     .object();
        QCOMPARE(none.value(QLatin1String("kind")).toString(), QStringLiteral("none"));
        QVERIFY(!none.value(QLatin1String("error")).toString().isEmpty());

        const QJsonObject unreadable = QJsonDocument::fromJson(
            unreadableJsonLine(QStringLiteral("gone.eml"), QStringLiteral("No such file")))
                                           .object();
        QCOMPARE(unreadable.value(QLatin1String("kind")).toString(), QStringLiteral("none"));
        QCOMPARE(
            unreadable.value(QLatin1String("error")).toString(), QStringLiteral("No such file"));
    }

    void charsets_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QByteArray>("charset");
        QTest::addColumn<QString>("text");
        QTest::newRow("iso-2022-jp") << QByteArray("\x1b$B%F%9%H\x1b(B 550")
                                     << QByteArray("iso-2022-jp") << QStringLiteral("テスト 550");
        QTest::newRow("utf-7") << QByteArray("+ZeVnLIqe- 5.1.1") << QByteArray("utf-7")
                               << QStringLiteral("日本語 5.1.1");
        QTest::newRow("koi8-r") << QByteArray("\xef\xdb\xc9\xc2\xcb\xc1 550")
                                << QByteArray("koi8-r") << QStringLiteral("Ошибка 550");
        QTest::newRow("windows-1251") << QByteArray("\xce\xf8\xe8\xe1\xea\xe0")
                                      << QByteArray("windows-1251") << QStringLiteral("Ошибка");
        QTest::newRow("unknown-charset-passes-through")
            << QByteArray("550 5.1.1") << QByteArray("x-unknown") << QStringLiteral("550 5.1.1");
    }

    void charsets()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QByteArray, charset);
        QTEST(QString::fromUtf8(Detail::toUtf8(bytes, charset)), "text");
    }


    /// Issue #15 §4: explicit rules, each a row.
    void generalRules_data()
    {
        QTest::addColumn<QByteArray>("mail");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("reply");
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("recipient");

        // Nested codes: the innermost complete reply of Status's class names the cause.
        QTest::newRow("nested-reply-in-angle-brackets")
            << dsnWith("Final-Recipient: rfc822; bob@example.com\nAction: failed\nStatus: 4.4.7\n"
                       "Diagnostic-Code: smtp; 554 4.4.7 Message expired: unable to deliver in 840 "
                       "minutes.<421 4.4.2 Connection timed out>\n")
            << QStringLiteral("4.4.2") << QStringLiteral("421") << QStringLiteral("failed")
            << QStringLiteral("bob@example.com");
        QTest::newRow("nested-reply-of-other-class-is-left-alone")
            << dsnWith("Final-Recipient: rfc822; bob@example.com\nAction: failed\nStatus: 5.0.0\n"
                       "Diagnostic-Code: smtp; 554 5.0.0 Giving up (421 4.4.2 Connection timed out)\n")
            << QStringLiteral("5.0.0") << QStringLiteral("554") << QStringLiteral("failed")
            << QStringLiteral("bob@example.com");
        // Status vs Diagnostic-Code in different classes: Status keeps its class; the reply
        // code is what the server said.
        QTest::newRow("status-and-diagnostic-disagree-in-class")
            << dsnWith("Final-Recipient: rfc822; bob@example.com\nAction: failed\nStatus: 5.0.0\n"
                       "Diagnostic-Code: smtp; 450 4.2.0 Mailbox temporarily unavailable\n")
            << QStringLiteral("5.0.0") << QStringLiteral("450") << QStringLiteral("failed")
            << QStringLiteral("bob@example.com");
        // Machine-readable fields win over a transcript quoted in the text.
        QTest::newRow("fields-win-over-quoted-transcript")
            << dsnWith("Final-Recipient: rfc822; bob@example.com\nAction: failed\nStatus: 5.1.1\n"
                       "Diagnostic-Code: smtp; 550 5.1.1 No such user\n",
                       ">>> DATA\n<<< 451 4.3.0 Try again later\n")
            << QStringLiteral("5.1.1") << QStringLiteral("550") << QStringLiteral("failed")
            << QStringLiteral("bob@example.com");
        // Several replies in a transcript: the one for the failed recipient counts.
        QTest::newRow("transcript-reply-for-the-failed-recipient")
            << dsnWith("Final-Recipient: rfc822; bob@example.com\nAction: failed\nStatus: 5.0.0\n",
                       ">>> RCPT TO:<bob@example.com>\n<<< 550 5.1.1 <bob@example.com> unknown\n"
                       ">>> DATA\n<<< 554 5.5.1 Error: no valid recipients\n")
            << QStringLiteral("5.1.1") << QStringLiteral("550") << QStringLiteral("failed")
            << QStringLiteral("bob@example.com");
        // Recipients: never a source route, a pipe command or a bare domain.
        QTest::newRow("source-route-reduced-to-mailbox")
            << dsnWith("Final-Recipient: rfc822; @relay.example.net,@hop.example.net:bob@example.com\n"
                       "Action: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 unknown\n")
            << QStringLiteral("5.1.1") << QStringLiteral("550") << QStringLiteral("failed")
            << QStringLiteral("bob@example.com");
        QTest::newRow("pipe-command-names-nobody")
            << dsnWith("Final-Recipient: rfc822; |/usr/bin/procmail -d bob\nAction: failed\nStatus: 5.3.0\n"
                       "Diagnostic-Code: x-unix; 554 5.3.0 procmail failed\n")
            << QStringLiteral("5.3.0") << QStringLiteral("554") << QStringLiteral("failed") << QString();
        QTest::newRow("bare-domain-names-nobody")
            << dsnWith("Final-Recipient: rfc822; @example.com\nAction: failed\nStatus: 5.1.2\n"
                       "Diagnostic-Code: smtp; 550 5.1.2 bad domain\n")
            << QStringLiteral("5.1.2") << QStringLiteral("550") << QStringLiteral("failed") << QString();
    }

    void generalRules()
    {
        QFETCH(QByteArray, mail);
        QFETCH(QString, status);
        QFETCH(QString, reply);
        QFETCH(QString, action);
        QFETCH(QString, recipient);
        const DeliveryReport report = parseDeliveryReport(mail);
        QCOMPARE(report.kind, ReportKind::Dsn);
        QCOMPARE(report.recipients.size(), 1);
        const RecipientRecord &r = report.recipients.constFirst();
        QCOMPARE(r.status, status);
        QCOMPARE(r.replyCode, reply);
        QCOMPARE(actionName(effectiveAction(r)), action);
        QCOMPARE(r.finalRecipient.address, recipient);
    }

    /// Help text ("contact postmaster@…") never becomes a recipient of a free-text bounce.
    void helpTextAddressIsNoRecipient()
    {
        const QByteArray mail = "From: MAILER-DAEMON@mx.example.org\nTo: alice@example.org\n"
                                "Subject: Undelivered Mail\n\n"
                                "Your message to bob@example.com could not be delivered: 550 5.1.1 user unknown.\n"
                                "If you need help, contact postmaster@example.org or mailto:help@example.org.\n";
        const DeliveryReport report = parseDeliveryReport(mail);
        QCOMPARE(report.kind, ReportKind::Bounce);
        QStringList addresses;
        for (const RecipientRecord &r : report.recipients)
            addresses << r.finalRecipient.address;
        QCOMPARE(addresses, QStringList{QStringLiteral("bob@example.com")});
    }

    /// RFC 3834: an auto-reply with a bounce-like subject is an auto-reply, unless it
    /// carries a bounce body (or a delivery-status part).
    void autoReplyWithBounceSubject_data()
    {
        QTest::addColumn<QByteArray>("mail");
        QTest::addColumn<ReportKind>("kind");
        QTest::newRow("vacation-titled-undeliverable")
            << QByteArray("From: Bob <bob@example.com>\nTo: alice@example.org\n"
                          "Auto-Submitted: auto-replied\nReturn-Path: <>\n"
                          "Subject: Undeliverable: I am away until Monday\n\n"
                          "I am out of the office until Monday. Write to carol@example.com meanwhile.\n")
            << ReportKind::AutoReply;
        QTest::newRow("auto-replied-with-bounce-body")
            << QByteArray("From: Bob <bob@example.com>\nTo: alice@example.org\n"
                          "Auto-Submitted: auto-replied\nReturn-Path: <>\n"
                          "Subject: Undeliverable: your message\n\n"
                          "Delivery to carol@example.com failed: 550 5.1.1 user unknown\n")
            << ReportKind::Bounce;
        QTest::newRow("bounce-from-mailer-daemon-with-auto-submitted")
            << QByteArray("From: MAILER-DAEMON@mx.example.org\nTo: alice@example.org\n"
                          "Auto-Submitted: auto-replied\nX-Failed-Recipients: carol@example.com\n"
                          "Subject: Mail delivery failed\n\n"
                          "A message could not be delivered to carol@example.com: mailbox unavailable\n")
            << ReportKind::Bounce;
    }

    void autoReplyWithBounceSubject()
    {
        QFETCH(QByteArray, mail);
        QFETCH(ReportKind, kind);
        QCOMPARE(parseDeliveryReport(mail).kind, kind);
    }

    /// Issue #15 §2 (parser side): a delay report that gives up is a failure.
    void delayThatGivesUp_data()
    {
        QTest::addColumn<QByteArray>("fields");
        QTest::addColumn<bool>("givesUp");
        QTest::newRow("4.4.7") << QByteArray("Final-Recipient: rfc822; b@example.com\nAction: delayed\nStatus: 4.4.7\n") << true;
        QTest::newRow("removed-from-queue")
            << QByteArray("Final-Recipient: rfc822; b@example.com\nAction: delayed\nStatus: 4.0.0\n"
                          "Diagnostic-Code: smtp; message removed from the queue\n") << true;
        QTest::newRow("still-trying")
            << QByteArray("Final-Recipient: rfc822; b@example.com\nAction: delayed\nStatus: 4.4.1\n"
                          "Diagnostic-Code: smtp; 421 4.4.1 connection timed out, will retry\n") << false;
        QTest::newRow("failed-is-not-a-delay")
            << QByteArray("Final-Recipient: rfc822; b@example.com\nAction: failed\nStatus: 5.4.7\n") << false;
    }

    void delayThatGivesUp()
    {
        QFETCH(QByteArray, fields);
        QFETCH(bool, givesUp);
        const DeliveryReport report = parseDeliveryReport(dsnWith(fields));
        QCOMPARE(report.recipients.size(), 1);
        QCOMPARE(delayReportGivesUp(report.recipients.constFirst()), givesUp);
        QCOMPARE(effectiveAction(report.recipients.constFirst()),
                 givesUp || report.recipients.constFirst().action == DeliveryAction::Failed
                     ? DeliveryAction::Failed
                     : DeliveryAction::Delayed);
    }

    void statusCodes_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArray>("status");
        QTest::addColumn<QByteArray>("reply");
        QTest::newRow("rfc3463-after-reply")
            << QByteArray("550 5.1.1 <a@b>: unknown") << QByteArray("5.1.1") << QByteArray("550");
        QTest::newRow("multiline-reply-dash")
            << QByteArray("said: 550-5.7.1 blocked") << QByteArray("5.7.1") << QByteArray("550");
        QTest::newRow("qmail-hash-status")
            << QByteArray(". (#5.5.0)") << QByteArray("5.5.0") << QByteArray();
        QTest::newRow("ip-address-is-not-a-status")
            << QByteArray("host 192.0.2.5.1 said") << QByteArray() << QByteArray();
        QTest::newRow("dotted-ip-is-not-a-status")
            << QByteArray("[5.5.5.5]") << QByteArray() << QByteArray();
        QTest::newRow("year-is-not-a-reply")
            << QByteArray("Date: 2013 4500 x") << QByteArray() << QByteArray();
        QTest::newRow("three-digit-detail")
            << QByteArray("5.7.606 Access denied") << QByteArray("5.7.606") << QByteArray();
        QTest::newRow("reply-colon-word")
            << QByteArray("550: : User unknown") << QByteArray() << QByteArray("550");
        QTest::newRow("time-is-not-a-reply")
            << QByteArray("at 10:45:00 and 12:550:1") << QByteArray() << QByteArray();
    }

    void statusCodes()
    {
        QFETCH(QByteArray, text);
        QByteArrayView code;
        const qsizetype statusAt = Detail::findStatusCode(text, 0, &code);
        QTEST(statusAt >= 0 ? code.toByteArray() : QByteArray(), "status");
        const qsizetype replyAt = Detail::findReplyCode(text, 0, &code);
        QTEST(replyAt >= 0 ? code.toByteArray() : QByteArray(), "reply");
    }
};

QTEST_GUILESS_MAIN(ReportParserTest)
#include "ReportParserTest.moc"
