// SPDX-License-Identifier: GPL-3.0-or-later
// Building for a server's capabilities (8BITMIME, SMTPUTF8, or none seen yet), and
// re-encoding stored bytes when the server turns out to offer less (issue 5).
#include "mime/TransportEncoding.h"

#include "mime/MessageBuilder.h"
#include "mime/MessageReader.h"

#include <QTest>
#include <QTimeZone>

using namespace Mailtrail::Mime;

Q_DECLARE_METATYPE(Mailtrail::Mime::OutgoingMessage)
Q_DECLARE_METATYPE(Mailtrail::Mime::TransportCapabilities)

namespace {

TransportCapabilities caps(bool eightBitMime, bool smtpUtf8, bool unknown = false)
{
    TransportCapabilities c;
    c.eightBitMime = eightBitMime;
    c.smtpUtf8 = smtpUtf8;
    c.smtpUtf8Unknown = unknown;
    return c;
}

OutgoingMessage message(const QString &to, const QString &subject, const QString &body)
{
    OutgoingMessage m;
    m.from = { QStringLiteral("Alice"), QStringLiteral("alice@example.test") };
    m.to = { { QStringLiteral("J\u00fcrgen M\u00fcller"), to } };
    m.subject = subject;
    m.plainText = body;
    m.date = QDateTime(QDate(2026, 11, 26), QTime(1, 0), QTimeZone(3600));
    return m;
}

const QString kAscii = QStringLiteral("bob@example.test");
const QString kUtf8Local = QStringLiteral("j\u00fcrgen@example.test");
const QString kUmlautSubject = QStringLiteral("Gr\u00fc\u00dfe aus K\u00f6ln");
const QString kUmlautBody = QStringLiteral("Sch\u00f6ne Gr\u00fc\u00dfe,\nJ\u00fcrgen\n");

QByteArray headerBlock(const QByteArray &bytes)
{
    return bytes.left(bytes.indexOf("\r\n\r\n") + 2);
}

bool isAscii(QByteArrayView bytes)
{
    for (const char c : bytes) {
        if (static_cast<unsigned char>(c) >= 0x80)
            return false;
    }
    return true;
}

QByteArray headerValue(const QByteArray &bytes, const QByteArray &name)
{
    // Field names are case-insensitive (RFC 5322 §1.2.2); GMime writes "Message-Id".
    const QByteArray headers = "\r\n" + headerBlock(bytes);
    const qsizetype at = headers.toLower().indexOf(QByteArray("\r\n" + name.toLower() + ':'));
    if (at < 0)
        return {};
    const qsizetype end = headers.indexOf("\r\n", at + 2);
    return headers.mid(at + 2 + name.size() + 1, end - at - 3 - name.size()).trimmed();
}

} // namespace

class TransportEncodingTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    /// What the builder chooses for each capability set.
    void builderChoicesPerCapabilitySet_data()
    {
        QTest::addColumn<TransportCapabilities>("capabilities");
        QTest::addColumn<OutgoingMessage>("input");
        QTest::addColumn<QString>("error"); // non-empty: refused with a text containing it
        QTest::addColumn<QByteArray>("transferEncoding");
        QTest::addColumn<bool>("rawUtf8Subject");
        QTest::addColumn<bool>("requiresSmtpUtf8");
        QTest::addColumn<bool>("requires8BitMime");

        const OutgoingMessage umlauts = message(kAscii, kUmlautSubject, kUmlautBody);
        const OutgoingMessage utf8Address = message(kUtf8Local, kUmlautSubject, kUmlautBody);
        const OutgoingMessage ascii
            = message(kAscii, QStringLiteral("Hello"), QStringLiteral("Hi.\n"));

        QTest::newRow("rfc5321-7bit-only-server")
            << caps(false, false) << umlauts << QString() << QByteArray("quoted-printable") << false
            << false << false;
        QTest::newRow("rfc6152-8bitmime") << caps(true, false) << umlauts << QString()
                                          << QByteArray("8bit") << false << false << true;
        QTest::newRow("rfc6531-smtputf8") << caps(true, true) << umlauts << QString()
                                          << QByteArray("8bit") << true << true << true;
        QTest::newRow("never-connected-is-7bit-safe")
            << caps(false, false, true) << umlauts << QString() << QByteArray("quoted-printable")
            << false << false << false;
        QTest::newRow("ascii-stays-7bit-with-8bitmime")
            << caps(true, false) << ascii << QString() << QByteArray("7bit") << false << false
            << false;
        QTest::newRow("rfc6531-utf8-local-part-with-smtputf8")
            << caps(true, true) << utf8Address << QString() << QByteArray("8bit") << true << true
            << true;
        QTest::newRow("rfc6531-utf8-local-part-refused-without-smtputf8")
            << caps(true, false) << utf8Address << QStringLiteral("SMTPUTF8") << QByteArray()
            << false << false << false;
        QTest::newRow("rfc6531-utf8-local-part-built-when-server-unknown")
            << caps(false, false, true) << utf8Address << QString()
            << QByteArray("quoted-printable") << false << true
            << true; // the address itself is 8-bit in To:
    }

    void builderChoicesPerCapabilitySet()
    {
        QFETCH(TransportCapabilities, capabilities);
        QFETCH(OutgoingMessage, input);
        QFETCH(QString, error);
        QFETCH(QByteArray, transferEncoding);
        QFETCH(bool, rawUtf8Subject);
        QFETCH(bool, requiresSmtpUtf8);
        QFETCH(bool, requires8BitMime);

        const BuiltMessage built = MessageBuilder(capabilities).build(input);
        if (!error.isEmpty()) {
            QVERIFY(!built.isValid());
            QVERIFY2(built.error.contains(error), qPrintable(built.error));
            return;
        }
        QVERIFY2(built.isValid(), qPrintable(built.error));
        QCOMPARE(headerValue(built.bytes, "Content-Transfer-Encoding"), transferEncoding);
        if (!isAscii(input.subject.toUtf8()))
            QCOMPARE(headerValue(built.bytes, "Subject").contains("=?"), !rawUtf8Subject);
        QCOMPARE(built.envelope.requiresSmtpUtf8, requiresSmtpUtf8);
        QCOMPARE(built.envelope.requires8BitMime, requires8BitMime);
        const TransportNeeds needs = transportNeeds(built.bytes);
        QCOMPARE(needs.eightBitBody, transferEncoding == "8bit");
        // Whatever was built reads back as what was written.
        const ParsedMessage parsed = MessageReader::parse(built.bytes);
        QCOMPARE(parsed.headers.subject, input.subject);
        QCOMPARE(parsed.bodyText().trimmed(), input.plainText.trimmed());
    }

    /// Stored bytes built for a richer server, re-encoded for a poorer one.
    void adaptToTransport_data()
    {
        QTest::addColumn<TransportCapabilities>("builtFor");
        QTest::addColumn<TransportCapabilities>("server");
        QTest::addColumn<OutgoingMessage>("input");
        QTest::addColumn<bool>("changed");
        QTest::addColumn<QString>("error");

        const OutgoingMessage umlauts = message(kAscii, kUmlautSubject, kUmlautBody);
        const OutgoingMessage utf8Address = message(kUtf8Local, kUmlautSubject, kUmlautBody);
        OutgoingMessage forwarded = umlauts;
        {
            OutgoingAttachment inner;
            inner.kind = OutgoingAttachment::Kind::Message;
            inner.fileName = QStringLiteral("original.eml");
            inner.data = MessageBuilder(caps(true, false)).build(umlauts).bytes;
            forwarded.attachments = { inner };
        }

        QTest::newRow("same-server-unchanged")
            << caps(true, true) << caps(true, true) << umlauts << false << QString();
        QTest::newRow("7bit-message-fits-anything")
            << caps(false, false) << caps(false, false) << umlauts << false << QString();
        QTest::newRow("rfc6152-8bitmime-gone")
            << caps(true, false) << caps(false, false) << umlauts << true << QString();
        QTest::newRow("rfc6532-smtputf8-gone-8bitmime-stays")
            << caps(true, true) << caps(true, false) << umlauts << true << QString();
        QTest::newRow("rfc6531-smtputf8-and-8bitmime-gone")
            << caps(true, true) << caps(false, false) << umlauts << true << QString();
        QTest::newRow("rfc2046-5.2.1-forwarded-8bit-message")
            << caps(true, false) << caps(false, false) << forwarded << true << QString();
        QTest::newRow("rfc6531-utf8-local-part-cannot-fall-back") << caps(true,
            true) << caps(true, false) << utf8Address << false << QStringLiteral("SMTPUTF8");
    }

    void adaptToTransport()
    {
        QFETCH(TransportCapabilities, builtFor);
        QFETCH(TransportCapabilities, server);
        QFETCH(OutgoingMessage, input);
        QFETCH(bool, changed);
        QFETCH(QString, error);

        const BuiltMessage built = MessageBuilder(builtFor).build(input);
        QVERIFY2(built.isValid(), qPrintable(built.error));
        const AdaptedMessage adapted = Mailtrail::Mime::adaptToTransport(built.bytes, server);
        if (!error.isEmpty()) {
            QVERIFY(!adapted.ok());
            QVERIFY2(adapted.error.contains(error), qPrintable(adapted.error));
            QCOMPARE(adapted.bytes, built.bytes);
            return;
        }
        QVERIFY2(adapted.ok(), qPrintable(adapted.error));
        QCOMPARE(adapted.changed, changed);
        if (!changed) {
            QCOMPARE(adapted.bytes, built.bytes);
            return;
        }
        const TransportNeeds needs = transportNeeds(adapted.bytes);
        if (!server.smtpUtf8)
            QVERIFY2(!needs.utf8Headers, headerBlock(adapted.bytes).constData());
        if (!server.eightBitMime && !server.smtpUtf8)
            QVERIFY2(isAscii(adapted.bytes), adapted.bytes.constData());
        // The same message: Message-ID, Date, sender, subject and text unchanged.
        QCOMPARE(headerValue(adapted.bytes, "Message-ID"), built.messageId);
        QCOMPARE(headerValue(adapted.bytes, "Date"), headerValue(built.bytes, "Date"));
        const ParsedMessage before = MessageReader::parse(built.bytes);
        const ParsedMessage after = MessageReader::parse(adapted.bytes);
        QCOMPARE(after.headers.messageId, built.messageId);
        QCOMPARE(after.headers.subject, before.headers.subject);
        QCOMPARE(after.headers.to, before.headers.to);
        QCOMPARE(after.bodyText(), before.bodyText());
        QCOMPARE(after.attachments().size(), before.attachments().size());
        QVERIFY(after.warnings.isEmpty());
        // CRLF only, as SMTP wants it (RFC 5321 §2.3.8).
        QVERIFY(!adapted.bytes.contains("\r\r"));
        QCOMPARE(adapted.bytes.count('\n'), adapted.bytes.count("\r\n"));
        // Adapting again changes nothing.
        const AdaptedMessage again = Mailtrail::Mime::adaptToTransport(adapted.bytes, server);
        QVERIFY(again.ok() && !again.changed);
    }

    void garbageIsNotAMessage()
    {
        const AdaptedMessage adapted
            = Mailtrail::Mime::adaptToTransport(QByteArray("\xff\xfe\x00\x01", 4), {});
        // Either GMime reads something 7-bit out of it or it says why not; it never claims success
        // with 8-bit bytes left.
        if (adapted.ok())
            QVERIFY(isAscii(adapted.bytes));
        else
            QVERIFY(!adapted.error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TransportEncodingTest)
#include "TransportEncodingTest.moc"
