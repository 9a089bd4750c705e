// SPDX-License-Identifier: GPL-3.0-or-later
// Compose → bytes → parse. Each row is a hard case from issue 5; the bytes are also checked
// against RFC 5322 / RFC 5321 limits, read by GMime directly, and read by Python's email
// package as an independent implementation.
#include "TestPaths.h"
#include "mime/FormatFlowed.h"
#include "mime/MessageBuilder.h"
#include "mime/MessageReader.h"
#include "mime/ReplyComposer.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryFile>
#include <QTest>
#include <QTimeZone>
#include <QUrl>

#include <gmime/gmime.h>

using namespace Mailtrail::Mime;

Q_DECLARE_METATYPE(Mailtrail::Mime::OutgoingMessage)
Q_DECLARE_METATYPE(Mailtrail::Mime::TransportCapabilities)

namespace {

Mailbox mb(const QString &name, const QString &address)
{
    return {name, address};
}

OutgoingMessage basic()
{
    OutgoingMessage m;
    m.from = mb(QStringLiteral("Alice Example"), QStringLiteral("alice@example.org"));
    m.to = {mb(QStringLiteral("Bob"), QStringLiteral("bob@example.net"))};
    m.subject = QStringLiteral("Hello");
    m.plainText = QStringLiteral("Hi Bob,\nhow are you?\n");
    m.date = QDateTime(QDate(2026, 11, 25), QTime(21, 0, 0), QTimeZone(3600));
    return m;
}

QByteArray pngBytes()
{
    return QByteArray::fromBase64(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
}

struct Leaf
{
    QString type;
    QString fileName;
    QByteArray sha256;
};

void collectLeaves(const MessagePart &part, QList<Leaf> &out)
{
    for (const MessagePart &child : part.children)
        collectLeaves(child, out);
    if (part.embedded) {
        collectLeaves(part.embedded->root, out);
        return;
    }
    if (part.isMultipart())
        return;
    QByteArray content = part.content;
    if (part.isText())
        content.replace("\r\n", "\n"); // line ends are the transport's business
    out.append({QString::fromLatin1(part.contentType), part.originalFileName,
                QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex()});
}

QList<QPair<QByteArray, QByteArray>> topHeaders(const QByteArray &bytes)
{
    QList<QPair<QByteArray, QByteArray>> out;
    const int end = bytes.indexOf("\r\n\r\n");
    for (const QByteArray &line : bytes.left(end).split('\n')) {
        if (line.startsWith(' ') || line.startsWith('\t')) {
            out.last().second += line.trimmed();
            continue;
        }
        const int colon = line.indexOf(':');
        out.append({line.left(colon), line.mid(colon + 1).trimmed()});
    }
    return out;
}

} // namespace

class MessageRoundTripTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<OutgoingMessage>("message");
        QTest::addColumn<TransportCapabilities>("capabilities");

        const TransportCapabilities plain7bit;
        TransportCapabilities eightBit;
        eightBit.eightBitMime = true;
        TransportCapabilities smtpUtf8;
        smtpUtf8.smtpUtf8 = true;

        QTest::newRow("ascii-basic") << basic() << plain7bit;

        OutgoingMessage names = basic();
        names.from = mb(QStringLiteral("J\u00fcrgen M\u00fcller"), QStringLiteral("juergen@example.org"));
        names.to = {mb(QStringLiteral("\u5c71\u7530 \u592a\u90ce"), QStringLiteral("taro@example.jp")),
                    mb(QStringLiteral("Zo\u00eb \U0001F389"), QStringLiteral("zoe@example.net"))};
        names.cc = {mb(QStringLiteral("O'Brien, \"Pat\""), QStringLiteral("pat@example.com"))};
        names.subject = QStringLiteral("Gr\u00fc\u00dfe \u2014 \u65e5\u672c\u8a9e\u306e\u4ef6\u540d \U0001F389");
        QTest::newRow("non-ascii-display-names-and-subject") << names << plain7bit;
        QTest::newRow("non-ascii-names-smtputf8") << names << smtpUtf8;

        OutgoingMessage longHeaders = basic();
        longHeaders.subject = QString();
        for (int i = 0; i < 12; ++i)
            longHeaders.subject += QStringLiteral("word%1 \u00e9l\u00e8ve \u65e5\u672c ").arg(i);
        longHeaders.subject += QString(120, QLatin1Char('x')); // one long unbreakable word too
        for (int i = 0; i < 40; ++i)
            longHeaders.to.append(mb(QStringLiteral("Recipient Number %1").arg(i), QStringLiteral("r%1@example.com").arg(i)));
        longHeaders.inReplyTo = "<parent@example.org>";
        for (int i = 0; i < 30; ++i)
            longHeaders.references.append("<ref" + QByteArray::number(i) + ".long-enough-message-id@example.org>");
        QTest::newRow("long-folded-headers") << longHeaders << plain7bit;

        OutgoingMessage hugeWord = basic();
        hugeWord.subject = QString(2500, QLatin1Char('w'));
        hugeWord.to = {mb(QString(1200, QLatin1Char('n')), QStringLiteral("n@example.com"))};
        QTest::newRow("unbreakable-2500-char-subject-and-name") << hugeWord << plain7bit;
        QTest::newRow("unbreakable-2500-char-subject-smtputf8") << hugeWord << smtpUtf8;
        OutgoingMessage hugeUtf8Word = basic();
        hugeUtf8Word.subject = QStringLiteral("short ") + QString(700, QChar(0x65E5));
        QTest::newRow("unbreakable-utf8-word-over-998-octets-smtputf8") << hugeUtf8Word << smtpUtf8;

        OutgoingMessage files = basic();
        files.attachments = {
            {OutgoingAttachment::Kind::File, QStringLiteral("\u5831\u544a\u66f8\uff08\u6700\u7d42\u7248\uff09.pdf"),
             QByteArray("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"), {}, {}},
            {OutgoingAttachment::Kind::File, QStringLiteral("\U0001F389 party \U0001F600.png"), pngBytes(), {}, {}},
            {OutgoingAttachment::Kind::File, QStringLiteral("na\u00efve r\u00e9sum\u00e9 with a very long name that goes on "
                                                            "and on beyond the header width limit.txt"),
             QByteArray("plain text attachment\r\nsecond line\n"), {}, {}},
            {OutgoingAttachment::Kind::File, QStringLiteral("binary.bin"), QByteArray("\x00\x01\x02\xff\r\n.\r\n", 8), {}, {}},
        };
        QTest::newRow("japanese-and-emoji-attachment-names") << files << plain7bit;

        OutgoingMessage eight = basic();
        eight.plainText = QStringLiteral("Caf\u00e9, na\u00efve, \u65e5\u672c\u8a9e, \U0001F600.\nFrom the start\n.dot line\n");
        eight.html = QStringLiteral("<p>Caf\u00e9 \u65e5\u672c\u8a9e</p>");
        QTest::newRow("8bit-body-without-8bitmime") << eight << plain7bit;
        QTest::newRow("8bit-body-with-8bitmime") << eight << eightBit;

        OutgoingMessage longLine = basic();
        longLine.plainText = QString(1500, QLatin1Char('y')) + QStringLiteral(" \u00e9\n");
        longLine.html = QStringLiteral("<p>") + QString(1200, QLatin1Char('z')) + QStringLiteral("</p>");
        QTest::newRow("line-over-998-octets-with-8bitmime") << longLine << eightBit;

        OutgoingMessage nested = basic();
        nested.html = QStringLiteral("<p>Logo: <img src=\"cid:logo@example.org\"></p>");
        nested.attachments = {
            {OutgoingAttachment::Kind::InlineImage, QStringLiteral("logo.png"), pngBytes(), {}, QStringLiteral("logo@example.org")},
            {OutgoingAttachment::Kind::File, QStringLiteral("notes.txt"), QByteArray("notes\n"), {}, {}},
        };
        QTest::newRow("nested-multiparts-related-alternative-mixed") << nested << plain7bit;

        OutgoingMessage forwarded = basic();
        {
            OutgoingMessage inner = basic();
            inner.subject = QStringLiteral("Inner \u65e5\u672c");
            inner.plainText = QStringLiteral("Inner body \u00e9\n");
            inner.attachments = {{OutgoingAttachment::Kind::File, QStringLiteral("inner.png"), pngBytes(), {}, {}}};
            const BuiltMessage built = MessageBuilder(eightBit).build(inner);
            forwarded.attachments = {{OutgoingAttachment::Kind::Message, QStringLiteral("Inner.eml"), built.bytes,
                                      QStringLiteral("message/rfc822"), {}}};
        }
        QTest::newRow("message-rfc822-attachment") << forwarded << plain7bit;

        OutgoingMessage flowed = basic();
        flowed.plainText = QStringLiteral(
            "A long paragraph that must be wrapped with soft line breaks because it is much longer than seventy-eight "
            "columns, and it should come back as one line.\n\n> a quoted line that is also quite long and will need to "
            "be wrapped by the format=flowed encoder\n\n -- not a signature\n-- \nAlice\n");
        QTest::newRow("format-flowed") << flowed << plain7bit;

        OutgoingMessage receipt = basic();
        receipt.requestReadReceipt = true;
        receipt.bcc = {mb(QStringLiteral("Secret"), QStringLiteral("hidden@example.com"))};
        receipt.replyTo = {mb(QStringLiteral("Team"), QStringLiteral("team@example.org"))};
        QTest::newRow("read-receipt-and-bcc") << receipt << plain7bit;

        OutgoingMessage idn = basic();
        idn.from = mb(QStringLiteral("M\u00fcller"), QStringLiteral("m\u00fcller@b\u00fccher.example"));
        idn.to = {mb(QString(), QStringLiteral("\u7528\u6237@\u4f8b\u5b50.example"))};
        QTest::newRow("utf8-addresses-smtputf8") << idn << smtpUtf8;
    }

    void roundTrip()
    {
        QFETCH(OutgoingMessage, message);
        QFETCH(TransportCapabilities, capabilities);
        const BuiltMessage built = MessageBuilder(capabilities).build(message);
        QVERIFY2(built.isValid(), qPrintable(built.error));
        const QByteArray &bytes = built.bytes;

        // RFC 5322 §2.1.1 / RFC 5321 §4.5.3.1.6: CRLF only, no line over 998 octets.
        QVERIFY(bytes.endsWith("\r\n"));
        for (qsizetype i = 0; i < bytes.size(); ++i) {
            if (bytes.at(i) == '\n')
                QVERIFY2(i > 0 && bytes.at(i - 1) == '\r', "bare LF");
            if (bytes.at(i) == '\r')
                QVERIFY2(i + 1 < bytes.size() && bytes.at(i + 1) == '\n', "bare CR");
        }
        for (const QByteArray &line : bytes.split('\n'))
            QVERIFY2(line.size() <= 999, qPrintable(QStringLiteral("line of %1 octets").arg(line.size())));
        const bool ascii = std::all_of(bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
        QCOMPARE(!ascii, built.envelope.requires8BitMime || built.envelope.requiresSmtpUtf8);
        if (!capabilities.eightBitMime && !capabilities.smtpUtf8)
            QVERIFY2(ascii, "8-bit octets without 8BITMIME");
        if (!capabilities.smtpUtf8) {
            QVERIFY(!built.envelope.requiresSmtpUtf8);
            const QByteArray head = bytes.left(bytes.indexOf("\r\n\r\n"));
            QVERIFY(std::all_of(head.begin(), head.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }));
        }

        // Envelope: To, Cc, Bcc once each; Bcc nowhere in the bytes.
        QStringList expectedRecipients;
        for (const Mailbox &m : message.to + message.cc + message.bcc)
            expectedRecipients.append(m.address);
        for (QString &address : expectedRecipients) {
            const int at = address.lastIndexOf(QLatin1Char('@'));
            address = address.left(at + 1) + QString::fromLatin1(QUrl::toAce(address.mid(at + 1)));
        }
        QCOMPARE(built.envelope.recipients, expectedRecipients);
        for (const Mailbox &hidden : message.bcc)
            QVERIFY(!bytes.contains(hidden.address.toUtf8()));

        // Only the headers we mean to send: nothing that tracks or leaks.
        const QSet<QByteArray> allowed{"From", "To", "Cc", "Reply-To", "Subject", "Date", "Message-Id", "In-Reply-To",
                                       "References", "Disposition-Notification-To", "User-Agent", "MIME-Version",
                                       "Content-Type", "Content-Transfer-Encoding"};
        for (const auto &[name, value] : topHeaders(bytes))
            QVERIFY2(allowed.contains(name), name.constData());
        QVERIFY(built.messageId.endsWith(QByteArray('@' + QUrl::toAce(message.from.domain()) + '>')));

        const ParsedMessage parsed = MessageReader::parse(bytes);
        QVERIFY2(parsed.warnings.isEmpty(), qPrintable(parsed.warnings.join(QStringLiteral(" | "))));
        const MessageHeaders &h = parsed.headers;
        QCOMPARE(h.subject, message.subject);
        QCOMPARE(h.from.size(), 1);
        QCOMPARE(h.from.first().name, message.from.name);
        QCOMPARE(h.to.size(), message.to.size());
        for (int i = 0; i < message.to.size(); ++i)
            QCOMPARE(h.to.at(i).name, message.to.at(i).name);
        if (!capabilities.smtpUtf8) {
            QCOMPARE(h.to, message.to);
            QCOMPARE(h.from.first().address, message.from.address);
        }
        QCOMPARE(h.cc, message.cc);
        QVERIFY(h.bcc.isEmpty());
        QCOMPARE(h.replyTo, message.replyTo);
        QCOMPARE(h.messageId, built.messageId);
        QCOMPARE(h.date, message.date);
        QCOMPARE(h.inReplyTo, message.inReplyTo);
        QCOMPARE(h.references, MessageBuilder::trimReferences(message.references));
        QCOMPARE(h.dispositionNotificationTo.size(), message.requestReadReceipt ? 1 : 0);

        // Body: what the user typed comes back (format=flowed undone, final newline kept).
        QString expectedText = message.plainText;
        if (!expectedText.endsWith(QLatin1Char('\n')))
            expectedText += QLatin1Char('\n');
        QString gotText = parsed.bodyText();
        if (!gotText.endsWith(QLatin1Char('\n')))
            gotText += QLatin1Char('\n');
        QCOMPARE(gotText, expectedText);
        const MessagePart *plainPart = parsed.displayPart(BodyPreference::PlainText);
        QVERIFY(plainPart);
        QCOMPARE(plainPart->contentType, QByteArray("text/plain"));
        QVERIFY(plainPart->flowed);
        if (!message.html.isEmpty()) {
            const MessagePart *htmlPart = parsed.displayPart(BodyPreference::Html);
            QVERIFY(htmlPart);
            QCOMPARE(htmlPart->contentType, QByteArray("text/html"));
            QCOMPARE(htmlPart->text().trimmed(), message.html);
        }

        // Attachments: names, bytes and types survive.
        const QList<const MessagePart *> attachments = parsed.attachments();
        QList<OutgoingAttachment> expected;
        for (const OutgoingAttachment &a : message.attachments) {
            if (a.kind != OutgoingAttachment::Kind::InlineImage)
                expected.append(a);
        }
        QCOMPARE(attachments.size(), expected.size());
        for (int i = 0; i < expected.size(); ++i) {
            const MessagePart *got = attachments.at(i);
            QCOMPARE(got->originalFileName, expected.at(i).fileName);
            QCOMPARE(got->fileName, expected.at(i).fileName); // already safe: unchanged
            if (expected.at(i).kind == OutgoingAttachment::Kind::Message) {
                QVERIFY(got->embedded);
                QCOMPARE(got->contentType, QByteArray("message/rfc822"));
                QCOMPARE(got->embedded->headers.subject, MessageReader::parse(expected.at(i).data).headers.subject);
                QCOMPARE(got->embedded->bodyText(), MessageReader::parse(expected.at(i).data).bodyText());
                QCOMPARE(got->embedded->attachments().size(), 1);
                QCOMPARE(got->embedded->attachments().first()->content, pngBytes());
            } else {
                QCOMPARE(got->content, expected.at(i).data);
                QCOMPARE(got->disposition, QByteArray("attachment"));
            }
        }
        for (const OutgoingAttachment &a : message.attachments) {
            if (a.kind != OutgoingAttachment::Kind::InlineImage)
                continue;
            const MessagePart *image = parsed.findByContentId(a.contentId.toUtf8());
            QVERIFY(image);
            QCOMPARE(image->content, a.data);
            QCOMPARE(image->contentType, QByteArray("image/png"));
            const DisplayContent shown = renderForDisplay(parsed, BodyPreference::Html);
            QVERIFY2(shown.html.contains(QStringLiteral("src=\"data:image/png;base64,") + QString::fromLatin1(a.data.toBase64())),
                     qPrintable(shown.html));
        }

        gmimeReadsTheSame(bytes, parsed);
        pythonReadsTheSame(bytes, parsed, message);
    }

    void transferEncodings_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("eightBitMime");
        QTest::addColumn<QByteArray>("encoding");
        QTest::newRow("ascii-7bit") << QStringLiteral("plain ascii") << false << QByteArray("7bit");
        QTest::newRow("ascii-7bit-even-with-8bitmime") << QStringLiteral("plain ascii") << true << QByteArray("7bit");
        QTest::newRow("utf8-qp-without-8bitmime") << QStringLiteral("caf\u00e9") << false << QByteArray("quoted-printable");
        QTest::newRow("utf8-8bit-with-8bitmime") << QStringLiteral("caf\u00e9") << true << QByteArray("8bit");
        QTest::newRow("long-line-qp-even-with-8bitmime") << QString(1200, QChar(0x00e9)) << true << QByteArray("quoted-printable");
    }
    void transferEncodings()
    {
        QFETCH(QString, text);
        QFETCH(bool, eightBitMime);
        QFETCH(QByteArray, encoding);
        OutgoingMessage message = basic();
        message.plainText = text;
        TransportCapabilities caps;
        caps.eightBitMime = eightBitMime;
        const BuiltMessage built = MessageBuilder(caps).build(message);
        QVERIFY(built.isValid());
        const ParsedMessage parsed = MessageReader::parse(built.bytes);
        QCOMPARE(parsed.root.transferEncoding, encoding);
        QCOMPARE(built.envelope.requires8BitMime, encoding == "8bit");
        QCOMPARE(parsed.bodyText().trimmed(), text);
    }

    void contentTypesGuessed_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QByteArray>("type");
        QTest::newRow("png-by-content-despite-name") << QStringLiteral("picture.dat") << pngBytes() << QByteArray("image/png");
        QTest::newRow("pdf") << QStringLiteral("\u5831\u544a.pdf") << QByteArray("%PDF-1.4\n") << QByteArray("application/pdf");
        QTest::newRow("text") << QStringLiteral("notes.txt") << QByteArray("hello\n") << QByteArray("text/plain");
        QTest::newRow("unknown-binary") << QStringLiteral("blob") << QByteArray("\x00\x01\x02\x03", 4)
                                        << QByteArray("application/octet-stream");
    }
    void contentTypesGuessed()
    {
        QFETCH(QString, fileName);
        QFETCH(QByteArray, data);
        QFETCH(QByteArray, type);
        OutgoingMessage message = basic();
        message.attachments = {{OutgoingAttachment::Kind::File, fileName, data, {}, {}}};
        const ParsedMessage parsed = MessageReader::parse(MessageBuilder().build(message).bytes);
        QCOMPARE(parsed.attachments().size(), 1);
        QCOMPARE(parsed.attachments().first()->contentType, type);
        QCOMPARE(parsed.attachments().first()->transferEncoding, QByteArray("base64"));
    }

    void refusals_data()
    {
        QTest::addColumn<OutgoingMessage>("message");
        QTest::addColumn<QString>("error");
        OutgoingMessage noSender = basic();
        noSender.from = {};
        QTest::newRow("no-sender") << noSender << QStringLiteral("sender");
        OutgoingMessage noRecipient = basic();
        noRecipient.to.clear();
        QTest::newRow("no-recipient") << noRecipient << QStringLiteral("no recipient");
        OutgoingMessage utf8Local = basic();
        utf8Local.to = {mb(QString(), QStringLiteral("\u7528\u6237@example.com"))};
        QTest::newRow("utf8-local-part-without-smtputf8") << utf8Local << QStringLiteral("SMTPUTF8");
        OutgoingMessage injection = basic();
        injection.to = {mb(QString(), QStringLiteral("a@example.com>\r\nBcc: x@evil.example"))};
        QTest::newRow("address-with-crlf") << injection << QStringLiteral("not an e-mail address");
    }
    void refusals()
    {
        QFETCH(OutgoingMessage, message);
        QFETCH(QString, error);
        const BuiltMessage built = MessageBuilder().build(message);
        QVERIFY(!built.isValid());
        QVERIFY2(built.error.contains(error), qPrintable(built.error));
        QVERIFY(built.bytes.isEmpty());
    }

    void headerInjectionDefused()
    {
        OutgoingMessage message = basic();
        message.subject = QStringLiteral("hi\r\nBcc: victim@example.com\r\n\r\nbody");
        message.from.name = QStringLiteral("Eve\r\nX-Evil: 1");
        const BuiltMessage built = MessageBuilder().build(message);
        QVERIFY(built.isValid());
        for (const auto &[name, value] : topHeaders(built.bytes)) {
            QVERIFY(name != "Bcc");
            QVERIFY(name != "X-Evil");
        }
        QCOMPARE(MessageReader::parse(built.bytes).headers.subject, QStringLiteral("hi Bcc: victim@example.com body"));
    }

    void idnDomainBecomesAceWithoutSmtpUtf8()
    {
        OutgoingMessage message = basic();
        message.to = {mb(QString(), QStringLiteral("info@b\u00fccher.example"))};
        const BuiltMessage built = MessageBuilder().build(message);
        QVERIFY(built.isValid());
        QCOMPARE(built.envelope.recipients, QStringList{QStringLiteral("info@xn--bcher-kva.example")});
        QVERIFY(built.bytes.contains("info@xn--bcher-kva.example"));
    }

    void messageIdsAreRandomOnSenderDomain()
    {
        const QByteArray a = MessageBuilder::generateMessageId(QStringLiteral("example.org"));
        const QByteArray b = MessageBuilder::generateMessageId(QStringLiteral("example.org"));
        QVERIFY(a != b);
        QVERIFY(a.startsWith('<'));
        QVERIFY(a.endsWith("@example.org>"));
        QCOMPARE(a.size(), 1 + 26 + 1 + 11 + 1);
        QCOMPARE(MessageBuilder::generateMessageId(QStringLiteral("b\u00fccher.example")).right(23),
                 QByteArray("@xn--bcher-kva.example>"));
    }

    void referencesTrimmed()
    {
        QList<QByteArray> refs;
        for (int i = 0; i < 30; ++i)
            refs.append("<" + QByteArray::number(i) + "@x>");
        const QList<QByteArray> trimmed = MessageBuilder::trimReferences(refs, 5);
        QCOMPARE(trimmed, (QList<QByteArray>{"<0@x>", "<26@x>", "<27@x>", "<28@x>", "<29@x>"}));
        QCOMPARE(MessageBuilder::trimReferences({"<a@x>", " <a@x> ", "<b@x>"}), (QList<QByteArray>{"<a@x>", "<b@x>"}));
    }

private:
    /// GMime's own parser, used directly: same headers, same parts.
    static void gmimeReadsTheSame(const QByteArray &bytes, const ParsedMessage &parsed)
    {
        GMimeStream *stream = g_mime_stream_mem_new_with_buffer(bytes.constData(), static_cast<size_t>(bytes.size()));
        GMimeParser *parser = g_mime_parser_new_with_stream(stream);
        GMimeMessage *message = g_mime_parser_construct_message(parser, nullptr);
        QVERIFY(message);
        QCOMPARE(QString::fromUtf8(g_mime_message_get_subject(message)), parsed.headers.subject);
        QCOMPARE(QByteArray(g_mime_message_get_message_id(message)), parsed.headers.messageId.mid(1, parsed.headers.messageId.size() - 2));
        QList<QPair<QByteArray, QString>> gmimeParts;
        g_mime_message_foreach(
            message,
            [](GMimeObject *, GMimeObject *part, gpointer data) {
                auto *list = static_cast<QList<QPair<QByteArray, QString>> *>(data);
                char *type = g_mime_content_type_get_mime_type(g_mime_object_get_content_type(part));
                const char *name = GMIME_IS_PART(part) ? g_mime_part_get_filename(GMIME_PART(part)) : nullptr;
                list->append({QByteArray(type).toLower(), QString::fromUtf8(name)});
                g_free(type);
            },
            &gmimeParts);
        QList<QPair<QByteArray, QString>> ours;
        std::function<void(const MessagePart &, bool)> visit = [&](const MessagePart &part, bool isRoot) {
            if (!isRoot)
                ours.append({part.contentType, part.embedded ? QString() : part.originalFileName});
            for (const MessagePart &child : part.children)
                visit(child, false);
        };
        visit(parsed.root, false);
        QCOMPARE(ours, gmimeParts);
        g_object_unref(message);
        g_object_unref(parser);
        g_object_unref(stream);
    }

    /// Python's email package (an independent MIME implementation) reads the same.
    static void pythonReadsTheSame(const QByteArray &bytes, const ParsedMessage &parsed, const OutgoingMessage &message)
    {
        const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
        if (python.isEmpty()) {
            qWarning("python3 not found: interoperability check skipped");
            return;
        }
        QTemporaryFile file;
        QVERIFY(file.open());
        file.write(bytes);
        file.close();
        QProcess process;
        process.start(python, {Mailtrail::Test::testData(QStringLiteral("data/mime/read_with_python.py")), file.fileName()});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 0);
        const QJsonObject json = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
        QVERIFY(!json.isEmpty());
        QCOMPARE(json.value(QStringLiteral("defects")).toArray(), QJsonArray());
        QCOMPARE(json.value(QStringLiteral("subject")).toString(), message.subject);
        QCOMPARE(json.value(QStringLiteral("from")).toArray().at(0).toArray().at(0).toString(), message.from.name);
        QCOMPARE(json.value(QStringLiteral("to")).toArray().size(), message.to.size());
        // Python puts a space between adjacent encoded-words in a display name, which RFC 2047
        // §6.2 says to ignore; GMime and we follow the RFC. Compare names without spaces.
        const auto squeezed = [](QString name) { return name.remove(QLatin1Char(' ')); };
        for (int i = 0; i < message.to.size(); ++i)
            QCOMPARE(squeezed(json.value(QStringLiteral("to")).toArray().at(i).toArray().at(0).toString()),
                     squeezed(message.to.at(i).name));
        QCOMPARE(json.value(QStringLiteral("cc")).toArray().size(), message.cc.size());
        QCOMPARE(json.value(QStringLiteral("bcc")).toArray().size(), 0);
        QCOMPARE(json.value(QStringLiteral("message_id")).toString().toLatin1(), parsed.headers.messageId);
        QList<Leaf> leaves;
        collectLeaves(parsed.root, leaves);
        const QJsonArray theirs = json.value(QStringLiteral("leaves")).toArray();
        QCOMPARE(theirs.size(), leaves.size());
        for (int i = 0; i < leaves.size(); ++i) {
            const QJsonObject leaf = theirs.at(i).toObject();
            QCOMPARE(leaf.value(QStringLiteral("type")).toString(), leaves.at(i).type);
            QCOMPARE(leaf.value(QStringLiteral("filename")).toString(), leaves.at(i).fileName);
            QCOMPARE(leaf.value(QStringLiteral("sha256")).toString().toLatin1(), leaves.at(i).sha256);
        }
    }
};

QTEST_GUILESS_MAIN(MessageRoundTripTest)
#include "MessageRoundTripTest.moc"
