// SPDX-License-Identifier: GPL-3.0-or-later
// MessageReader on hostile and broken mail: each row is displayed safely, nothing crashes,
// nothing is lost, and the problem is reported as a warning.
#include "TestPaths.h"
#include "mime/CharsetDecoder.h"
#include "mime/FileNameSanitizer.h"
#include "mime/MessageReader.h"

#include <QFile>
#include <QTest>

using namespace Mailtrail::Mime;
using Mailtrail::Test::testData;

namespace {

QByteArray readData(const QString &name)
{
    QFile file(testData(QStringLiteral("data/mime/") + name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing test data %s", qPrintable(file.fileName()));
    return file.readAll();
}

QStringList attachmentNames(const ParsedMessage &message)
{
    QStringList names;
    for (const MessagePart *part : message.attachments())
        names.append(part->fileName);
    return names;
}

} // namespace

class MessageReaderTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void maliciousDisplayedSafely_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("forbidden"); // never in the rendered HTML (either preference)
        QTest::addColumn<QString>("bodyContains");
        QTest::addColumn<QStringList>("attachments");
        QTest::addColumn<QStringList>("warnings"); // substrings of expected warnings
        QTest::addColumn<int>("blockedRemote"); // with BodyPreference::Html

        QTest::newRow("script-onerror-remote-image-css-url-form")
            << QStringLiteral("script-and-remote.eml")
            << QStringList{QStringLiteral("<script"), QStringLiteral("onload"), QStringLiteral("onerror"),
                           QStringLiteral("javascript:"), QStringLiteral("evil.example"), QStringLiteral("<form"),
                           QStringLiteral("<input")}
            << QStringLiteral("Please see the invoice.") << QStringList{} << QStringList{} << 2;
        QTest::newRow("path-traversal-and-bidi-attachment-names")
            << QStringLiteral("path-traversal-name.eml") << QStringList{} << QStringLiteral("see attachments")
            << QStringList{QStringLiteral("passwd"), QStringLiteral("bashrc"), QStringLiteral("invoicefdp.exe"),
                           QStringLiteral("attachment-4.png")}
            << QStringList{} << 0;
        QTest::newRow("broken-charset-latin1-labelled-utf8")
            << QStringLiteral("broken-charset.eml") << QStringList{}
            << QStringLiteral("Na\u00efve caf\u00e9 labelled UTF-8 \u20ac euro") << QStringList{}
            << QStringList{QStringLiteral("unencoded 8-bit header")} << 0;
        QTest::newRow("missing-boundary") << QStringLiteral("missing-boundary.eml") << QStringList{}
                                          << QStringLiteral("The text is still here.") << QStringList{}
                                          << QStringList{QStringLiteral("without boundary")} << 0;
        QTest::newRow("truncated-base64-and-message")
            << QStringLiteral("truncated-base64.eml") << QStringList{} << QStringLiteral("Body before the cut.")
            << QStringList{QStringLiteral("report.pdf")}
            << QStringList{QStringLiteral("truncated base64 in part 2"), QStringLiteral("truncated message")} << 0;
        QTest::newRow("nul-bytes") << QStringLiteral("nul-bytes.eml")
                                   << QStringList{QString(QChar(0)), QStringLiteral("<scr"), QStringLiteral("t.example")}
                                   << QStringLiteral("before after") << QStringList{}
                                   << QStringList{QStringLiteral("NUL bytes")} << 1;
        QTest::newRow("nested-message-rfc822") << QStringLiteral("nested-rfc822.eml") << QStringList{}
                                               << QStringLiteral("Forwarded below.")
                                               << QStringList{QStringLiteral("\u5143\u306e\u30e1\u30fc\u30eb.eml")}
                                               << QStringList{} << 0;
    }
    void maliciousDisplayedSafely()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, forbidden);
        QFETCH(QString, bodyContains);
        QFETCH(QStringList, attachments);
        QFETCH(QStringList, warnings);
        QFETCH(int, blockedRemote);

        const QByteArray bytes = readData(file);
        const ParsedMessage message = MessageReader::parse(bytes);
        QCOMPARE(message.raw, bytes); // nothing lost
        QVERIFY2(message.bodyText().contains(bodyContains), qPrintable(message.bodyText()));
        QCOMPARE(attachmentNames(message), attachments);
        for (const QString &warning : warnings) {
            QVERIFY2(message.warnings.filter(warning).size() == 1,
                     qPrintable(warning + QStringLiteral(" not in ") + message.warnings.join(QStringLiteral(" | "))));
        }
        if (warnings.isEmpty())
            QVERIFY2(message.warnings.isEmpty(), qPrintable(message.warnings.join(QStringLiteral(" | "))));

        for (const BodyPreference preference : {BodyPreference::PlainText, BodyPreference::Html}) {
            const DisplayContent shown = renderForDisplay(message, preference);
            for (const QString &bad : forbidden)
                QVERIFY2(!shown.html.contains(bad, Qt::CaseInsensitive), qPrintable(bad + QStringLiteral(" in ") + shown.html));
            if (preference == BodyPreference::Html)
                QCOMPARE(shown.blockedRemoteCount, blockedRemote);
        }
        // Every attachment name is safe to use as a file name in a directory.
        for (const MessagePart *part : message.attachments()) {
            QVERIFY(!part->fileName.isEmpty());
            QVERIFY(!part->fileName.contains(QLatin1Char('/')));
            QVERIFY(!part->fileName.contains(QLatin1Char('\\')));
            QVERIFY(!part->fileName.startsWith(QLatin1Char('.')));
            QVERIFY(!part->fileName.contains(QLatin1String("..")));
            for (const QChar c : part->fileName)
                QVERIFY(c.unicode() >= 0x20 && c.category() != QChar::Other_Format);
        }
    }

    void remoteContentAllowedForThisMessage()
    {
        const ParsedMessage message = MessageReader::parse(readData(QStringLiteral("script-and-remote.eml")));
        const DisplayContent allowed = renderForDisplay(message, BodyPreference::Html, true);
        QCOMPARE(allowed.blockedRemoteCount, 0);
        QVERIFY(allowed.html.contains(QStringLiteral("http://evil.example/track.gif?id=victim")));
        QVERIFY(!allowed.html.contains(QStringLiteral("<script")));
        QVERIFY(!allowed.html.contains(QStringLiteral("onerror")));
    }

    void charsetFallbacks_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QByteArray>("declared");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("used");
        QTest::addColumn<bool>("guessed");
        QTest::newRow("utf8-declared-valid") << QByteArray("caf\xc3\xa9") << QByteArray("UTF-8") << QStringLiteral("caf\u00e9")
                                             << QByteArray("utf-8") << false;
        QTest::newRow("utf8-declared-but-latin1") << QByteArray("caf\xe9") << QByteArray("utf-8") << QStringLiteral("caf\u00e9")
                                                  << QByteArray("windows-1252") << true;
        QTest::newRow("missing-charset-utf8") << QByteArray("\xe6\x97\xa5") << QByteArray() << QStringLiteral("\u65e5")
                                              << QByteArray("utf-8") << true;
        QTest::newRow("missing-charset-ascii") << QByteArray("plain") << QByteArray() << QStringLiteral("plain")
                                               << QByteArray("us-ascii") << false;
        QTest::newRow("iso-8859-1-read-as-windows-1252") << QByteArray("\x80 5") << QByteArray("iso-8859-1")
                                                         << QStringLiteral("\u20ac 5") << QByteArray("windows-1252") << false;
        QTest::newRow("us-ascii-label-on-utf8") << QByteArray("\xc3\xa9t\xc3\xa9") << QByteArray("us-ascii")
                                                << QStringLiteral("\u00e9t\u00e9") << QByteArray("utf-8") << true;
        QTest::newRow("unknown-charset-valid-utf8") << QByteArray("\xe6\x97\xa5") << QByteArray("x-unknown-charset")
                                                    << QStringLiteral("\u65e5") << QByteArray("utf-8") << true;
        QTest::newRow("iso-2022-jp-via-iconv") << QByteArray("\x1b$BF|K\\\x1b(B") << QByteArray("ISO-2022-JP")
                                               << QStringLiteral("\u65e5\u672c") << QByteArray("iso-2022-jp") << false;
        QTest::newRow("koi8-r-via-iconv") << QByteArray("\xf0\xd2\xc9\xd7\xc5\xd4") << QByteArray("koi8-r")
                                          << QStringLiteral("\u041f\u0440\u0438\u0432\u0435\u0442") << QByteArray("koi8-r") << false;
        QTest::newRow("shift-jis-declared-but-invalid") << QByteArray("\xff\xfe") << QByteArray("shift_jis")
                                                        << QStringLiteral("\u00ff\u00fe") << QByteArray("windows-1252") << true;
        QTest::newRow("windows-1252-undefined-byte-kept") << QByteArray("a\x81z") << QByteArray()
                                                          << QStringLiteral("a\u0081z") << QByteArray("windows-1252") << true;
        QTest::newRow("nul-kept") << QByteArray("a\0b", 3) << QByteArray("utf-8") << QString(QStringLiteral("a") + QChar(0) + QStringLiteral("b"))
                                  << QByteArray("utf-8") << false;
    }
    void charsetFallbacks()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QByteArray, declared);
        QFETCH(QString, text);
        QFETCH(QByteArray, used);
        QFETCH(bool, guessed);
        const DecodedText decoded = decodeText(bytes, declared);
        QCOMPARE(decoded.text, text);
        QCOMPARE(decoded.charset, used);
        QCOMPARE(decoded.guessed, guessed);
    }

    void brokenHeaders()
    {
        const ParsedMessage message = MessageReader::parse(readData(QStringLiteral("broken-charset.eml")));
        QCOMPARE(message.headers.subject, QStringLiteral("Caf\u00e9 cr\u00e8me"));
        // An encoded word in an unknown charset still yields the address and a readable name.
        QCOMPARE(message.headers.from.value(0).address, QStringLiteral("j@example.org"));
        QVERIFY(!message.headers.from.value(0).name.isEmpty());
        const MessagePart *unknown = message.findPart(QStringLiteral("2"));
        QVERIFY(unknown);
        QCOMPARE(unknown->text(), QStringLiteral("unknown label but valid UTF-8: \u65e5\u672c"));
    }

    // GMime 3.2.13 drops the B words after a padded one ("J?" for "J\u00f6rg", its issue #133):
    // the headers go through the one header reader, which reads them whole.
    void paddedBase64RunsReadWhole()
    {
        const QByteArray bytes = "From: =?UTF-8?B?SsM=?= =?UTF-8?B?tnJn?= <j@example.org>\r\n"
                                 "Subject: =?UTF-8?B?SsM=?= =?UTF-8?B?tnJn?=\r\n"
                                 " =?UTF-8?B?w7w=?= =?UTF-8?B?YmVy?=\r\n"
                                 "Message-ID: <padded@example.org>\r\n"
                                 "\r\n"
                                 "body\r\n";
        const ParsedMessage message = MessageReader::parse(bytes);
        QCOMPARE(message.headers.subject, QStringLiteral("J\u00f6rg\u00fcber"));
        QCOMPARE(message.headers.from, (QList<Mailbox>{{QStringLiteral("J\u00f6rg"), QStringLiteral("j@example.org")}}));
        QCOMPARE(message.headers.value("subject"), QStringLiteral("J\u00f6rg\u00fcber"));
        QCOMPARE(message.headers.value("From"), QStringLiteral("J\u00f6rg <j@example.org>"));
        QCOMPARE(message.headers.messageId, QByteArray("<padded@example.org>"));
    }

    void paddedBase64RunsInAddressLists()
    {
        const QByteArray bytes = "From: a@example.org\r\n"
                                 "To: =?UTF-8?B?SsM=?= =?UTF-8?B?tnJn?= <j@example.org>,\r\n"
                                 " \"Bob\" <b@example.org>, Team: =?UTF-8?B?w7w=?= =?UTF-8?B?YmVy?= <u@example.org>;\r\n"
                                 "Cc: =?ISO-8859-1?B?Sg==?= =?ISO-8859-1?B?9nJn?= <c@example.org>\r\n"
                                 "Reply-To: =?UTF-8?B?SsM=?= =?UTF-8?B?tnJn?= <r@example.org>\r\n"
                                 "Disposition-Notification-To: =?UTF-8?B?SsM=?= =?UTF-8?B?tnJn?= <n@example.org>\r\n"
                                 "Subject: lists\r\n"
                                 "\r\n"
                                 "body\r\n";
        const ParsedMessage message = MessageReader::parse(bytes);
        const QString jorg = QStringLiteral("J\u00f6rg");
        QCOMPARE(message.headers.to, (QList<Mailbox>{{jorg, QStringLiteral("j@example.org")},
                                                     {QStringLiteral("Bob"), QStringLiteral("b@example.org")},
                                                     {QStringLiteral("\u00fcber"), QStringLiteral("u@example.org")}}));
        QCOMPARE(message.headers.cc, (QList<Mailbox>{{jorg, QStringLiteral("c@example.org")}}));
        QCOMPARE(message.headers.replyTo, (QList<Mailbox>{{jorg, QStringLiteral("r@example.org")}}));
        QCOMPARE(message.headers.dispositionNotificationTo, (QList<Mailbox>{{jorg, QStringLiteral("n@example.org")}}));
        // The same in a forwarded message.
        const QByteArray outer = "From: a@example.org\r\nSubject: Fwd\r\nMIME-Version: 1.0\r\n"
                                 "Content-Type: message/rfc822\r\n\r\n" + bytes;
        const ParsedMessage forwarded = MessageReader::parse(outer);
        QVERIFY(forwarded.root.embedded);
        QCOMPARE(forwarded.root.embedded->headers.to, message.headers.to);
    }

    // Long attachment names come as several encoded words in the quoted value (Outlook, Gmail):
    // GMime 3.2.13 drops the words after a padded one there too.
    void paddedBase64RunsInFileNames()
    {
        const QByteArray bytes = "From: a@example.org\r\nSubject: files\r\nMIME-Version: 1.0\r\n"
                                 "Content-Type: multipart/mixed; boundary=b\r\n\r\n"
                                 "--b\r\nContent-Type: text/plain\r\n\r\nsee attachments\r\n"
                                 "--b\r\nContent-Type: application/pdf\r\n"
                                 "Content-Disposition: attachment;\r\n"
                                 " filename=\"=?UTF-8?B?SsM=?= =?UTF-8?B?tnJnLnBkZg==?=\"\r\n"
                                 "Content-Transfer-Encoding: base64\r\n\r\nJVBERg==\r\n"
                                 "--b\r\nContent-Type: image/png; name=\"=?UTF-8?B?w7w=?= =?UTF-8?B?YmVyLnBuZw==?=\"\r\n"
                                 "Content-Transfer-Encoding: base64\r\n\r\niVBORw==\r\n"
                                 "--b\r\nContent-Type: text/plain; name=\"=?UTF-8?B?w7xiZXIudHh0?=\"\r\n"
                                 "Content-Disposition: attachment; filename*=UTF-8''%C3%A4%20b.txt\r\n\r\nx\r\n"
                                 "--b--\r\n";
        const ParsedMessage message = MessageReader::parse(bytes);
        const MessagePart *pdf = message.findPart(QStringLiteral("2"));
        const MessagePart *png = message.findPart(QStringLiteral("3"));
        const MessagePart *txt = message.findPart(QStringLiteral("4"));
        QVERIFY(pdf && png && txt);
        QCOMPARE(pdf->originalFileName, QStringLiteral("J\u00f6rg.pdf"));
        QCOMPARE(pdf->fileName, QStringLiteral("J\u00f6rg.pdf"));
        QCOMPARE(png->originalFileName, QStringLiteral("\u00fcber.png")); // Content-Type's name
        // RFC 2231 in Content-Disposition wins over Content-Type's name, as in GMime.
        QCOMPARE(txt->originalFileName, QStringLiteral("\u00e4 b.txt"));
    }

    // Raw 8-bit values stay with GMime and the parser's fallback charsets (windows-1252).
    void raw8BitHeadersKeepFallbackCharsets()
    {
        const ParsedMessage message = MessageReader::parse(
            "From: Caf\xe9 \x80 <c@example.org>\r\nSubject: \x80 5 caf\xe9\r\n\r\nbody\r\n");
        QCOMPARE(message.headers.subject, QStringLiteral("\u20ac 5 caf\u00e9"));
        QCOMPARE(message.headers.from.value(0).name, QStringLiteral("Caf\u00e9 \u20ac"));
        QCOMPARE(message.headers.from.value(0).address, QStringLiteral("c@example.org"));
    }

    void nestedMessageParsed()
    {
        const ParsedMessage message = MessageReader::parse(readData(QStringLiteral("nested-rfc822.eml")));
        const MessagePart *forwarded = message.findPart(QStringLiteral("2"));
        QVERIFY(forwarded);
        QVERIFY(forwarded->embedded);
        QCOMPARE(forwarded->contentType, QByteArray("message/rfc822"));
        QCOMPARE(forwarded->embedded->headers.subject, QStringLiteral("\u5143\u306e\u30e1\u30fc\u30eb"));
        QCOMPARE(forwarded->embedded->headers.from.value(0).name, QStringLiteral("\u5c71\u7530"));
        QCOMPARE(forwarded->embedded->headers.messageId, QByteArray("<inner@example.jp>"));
        QCOMPARE(forwarded->embedded->bodyText(), QStringLiteral("\u5143\u306e\u30e1\u30fc\u30eb\u3067\u3059\u3002\n"));
        // The embedded message can be parsed again from its own bytes, the same way.
        const ParsedMessage again = MessageReader::parse(forwarded->content);
        QCOMPARE(again.headers.subject, forwarded->embedded->headers.subject);
    }

    void deliveryStatusKeptAsBytes()
    {
        // core/reports reads DSNs (RFC 3464) from the part tree: the status fields must
        // stay one leaf with its bytes, not be mistaken for an embedded message.
        const ParsedMessage message = MessageReader::parse(readData(QStringLiteral("dsn-failed.eml")));
        QVERIFY2(message.warnings.isEmpty(), qPrintable(message.warnings.join(QStringLiteral(" | "))));
        QCOMPARE(message.root.contentType, QByteArray("multipart/report"));
        QCOMPARE(message.root.children.size(), size_t(3));
        const MessagePart *status = message.findPart(QStringLiteral("2"));
        QVERIFY(status);
        QCOMPARE(status->contentType, QByteArray("message/delivery-status"));
        QVERIFY(!status->embedded);
        QVERIFY(status->content.startsWith("Reporting-MTA: dns; mail.example.org\r\nOriginal-Envelope-Id: abc123\r\n\r\n"));
        QVERIFY(status->content.contains("Status: 5.1.1"));
        const MessagePart *headers = message.findPart(QStringLiteral("3"));
        QVERIFY(headers);
        QCOMPARE(headers->contentType, QByteArray("text/rfc822-headers"));
        QVERIFY(headers->content.contains("Message-ID: <orig-1@example.org>"));
        QCOMPARE(message.bodyText(), QStringLiteral("Your message could not be delivered."));
    }

    void garbageNeverCrashes_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("no-headers") << QByteArray("just some text\r\n");
        QTest::newRow("binary") << QByteArray("\x00\xff\xfe\x01\r\n\r\n\x80", 8);
        QTest::newRow("header-without-colon") << QByteArray("Subject no colon\r\nFrom: a@b\r\n\r\nbody");
        QTest::newRow("boundary-never-appears")
            << QByteArray("Content-Type: multipart/mixed; boundary=zz\r\n\r\nno parts at all\r\n");
        QTest::newRow("base64-garbage") << QByteArray("Content-Transfer-Encoding: base64\r\n\r\n!!!###$$$\r\n");
        QTest::newRow("quoted-printable-garbage")
            << QByteArray("Content-Transfer-Encoding: quoted-printable\r\n\r\n=ZZ=4\r\n=");
        QTest::newRow("rfc2231-garbage")
            << QByteArray("Content-Type: text/plain; name*0*=x''%ZZ; name*5=abc; name*=\r\n\r\nx");
        QByteArray deep;
        for (int i = 0; i < 500; ++i)
            deep += "Content-Type: multipart/mixed; boundary=b" + QByteArray::number(i) + "\r\n\r\n--b"
                + QByteArray::number(i) + "\r\n";
        QTest::newRow("nesting-500-deep") << deep;
        QByteArray messages;
        for (int i = 0; i < 200; ++i)
            messages += "Content-Type: message/rfc822\r\n\r\n";
        QTest::newRow("rfc822-200-deep") << messages;
    }
    void garbageNeverCrashes()
    {
        QFETCH(QByteArray, bytes);
        const ParsedMessage message = MessageReader::parse(bytes);
        QCOMPARE(message.raw, bytes);
        const DisplayContent shown = renderForDisplay(message);
        QVERIFY(!shown.html.contains(QStringLiteral("<script")));
        Q_UNUSED(message.attachments());
    }

    void fileNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("mimeType");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unix-traversal") << QStringLiteral("../../etc/passwd") << QString() << QStringLiteral("passwd");
        QTest::newRow("windows-traversal") << QStringLiteral("..\\..\\Windows\\evil.dll") << QString() << QStringLiteral("evil.dll");
        QTest::newRow("drive-letter") << QStringLiteral("C:evil.exe") << QString() << QStringLiteral("evil.exe");
        QTest::newRow("dot-dot-only") << QStringLiteral("..") << QStringLiteral("application/pdf") << QStringLiteral("attachment-1.pdf");
        QTest::newRow("hidden-file") << QStringLiteral(".bashrc") << QString() << QStringLiteral("bashrc");
        QTest::newRow("control-characters") << QStringLiteral("a\u0000b\u0007c\r\n.txt") << QString() << QStringLiteral("abc.txt");
        QTest::newRow("rtl-override") << QStringLiteral("photo\u202Egpj.exe") << QString() << QStringLiteral("photogpj.exe");
        QTest::newRow("windows-device") << QStringLiteral("CON.txt") << QString() << QStringLiteral("_CON.txt");
        QTest::newRow("reserved-characters") << QStringLiteral("a<b>:c|d?.txt") << QString() << QStringLiteral("a_b__c_d_.txt");
        QTest::newRow("japanese-kept") << QStringLiteral("\u5831\u544a\u66f8.pdf") << QString() << QStringLiteral("\u5831\u544a\u66f8.pdf");
        QTest::newRow("emoji-kept") << QStringLiteral("\U0001F389 party.png") << QString() << QStringLiteral("\U0001F389 party.png");
        QTest::newRow("empty-fallback") << QString() << QStringLiteral("image/png") << QStringLiteral("attachment-1.png");
        QTest::newRow("trailing-dots-spaces") << QStringLiteral("file.txt. . ") << QString() << QStringLiteral("file.txt");
    }
    void fileNames()
    {
        QFETCH(QString, name);
        QFETCH(QString, mimeType);
        QFETCH(QString, expected);
        QCOMPARE(sanitizeFileName(name, mimeType), expected);
    }

    void longFileNameBounded()
    {
        const QString name = QString(300, QChar(0x65E5)) + QStringLiteral(".pdf");
        const QString safe = sanitizeFileName(name);
        QCOMPARE(safe.size(), maxFileNameLength);
        QVERIFY(safe.endsWith(QStringLiteral(".pdf")));
        const QString emoji = QString::fromUcs4(std::u32string(150, U'\U0001F389').c_str()) + QStringLiteral(".png");
        const QString safeEmoji = sanitizeFileName(emoji);
        QVERIFY(safeEmoji.size() <= maxFileNameLength);
        QVERIFY(safeEmoji.endsWith(QStringLiteral(".png")));
        QVERIFY(!safeEmoji.at(safeEmoji.size() - 5).isHighSurrogate());
    }
};

QTEST_GUILESS_MAIN(MessageReaderTest)
#include "MessageReaderTest.moc"
