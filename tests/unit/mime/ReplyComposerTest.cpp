// SPDX-License-Identifier: GPL-3.0-or-later
// Replies and forwards: recipients, threading headers, quoting — and that they build.
#include "mime/MessageBuilder.h"
#include "mime/MessageReader.h"
#include "mime/ReplyComposer.h"

#include <QTest>

using namespace Mailtrail::Mime;

namespace {

const QByteArray original = "From: =?UTF-8?B?SsO8cmdlbg==?= <juergen@example.org>\r\n"
                            "To: Me <me@example.com>, Ann <ann@example.net>\r\n"
                            "Cc: Bob <bob@example.net>, me@example.com\r\n"
                            "Subject: Re: AW: Plans\r\n"
                            "Date: Tue, 24 Nov 2026 10:15:00 +0100\r\n"
                            "Message-ID: <m3@example.org>\r\n"
                            "In-Reply-To: <m2@example.org>\r\n"
                            "References: <m1@example.org> <m2@example.org>\r\n"
                            "MIME-Version: 1.0\r\n"
                            "Content-Type: multipart/mixed; boundary=b\r\n"
                            "\r\n"
                            "--b\r\n"
                            "Content-Type: text/plain; charset=utf-8; format=flowed\r\n"
                            "\r\n"
                            "Let's meet on Friday, if that works for everyone on the list, and then \r\n"
                            "decide.\r\n"
                            "> earlier quote\r\n"
                            "--b\r\n"
                            "Content-Type: application/pdf\r\n"
                            "Content-Disposition: attachment; filename=agenda.pdf\r\n"
                            "Content-Transfer-Encoding: base64\r\n"
                            "\r\n"
                            "JVBERi0=\r\n"
                            "--b--\r\n";

const Mailbox me{QStringLiteral("Me"), QStringLiteral("me@example.com")};

} // namespace

class ReplyComposerTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void replyToSender()
    {
        const ParsedMessage parsed = MessageReader::parse(original);
        const OutgoingMessage reply = ReplyComposer::reply(parsed, me);
        QCOMPARE(reply.from, me);
        QCOMPARE(reply.to, (QList<Mailbox>{{QStringLiteral("J\u00fcrgen"), QStringLiteral("juergen@example.org")}}));
        QVERIFY(reply.cc.isEmpty());
        QCOMPARE(reply.subject, QStringLiteral("Re: Plans"));
        QCOMPARE(reply.inReplyTo, QByteArray("<m3@example.org>"));
        QCOMPARE(reply.references, (QList<QByteArray>{"<m1@example.org>", "<m2@example.org>", "<m3@example.org>"}));
        QCOMPARE(reply.plainText,
                 QStringLiteral("On Tue, 24 Nov 2026 10:15, J\u00fcrgen wrote:\n"
                                "> Let's meet on Friday, if that works for everyone on the list, and then decide.\n"
                                ">> earlier quote\n\n"));

        // It builds, and the quote survives format=flowed.
        const BuiltMessage built = MessageBuilder().build(reply);
        QVERIFY2(built.isValid(), qPrintable(built.error));
        const ParsedMessage back = MessageReader::parse(built.bytes);
        QCOMPARE(back.headers.inReplyTo, QByteArray("<m3@example.org>"));
        QCOMPARE(back.headers.references, reply.references);
        QVERIFY(back.bodyText().contains(QStringLiteral("> Let's meet on Friday, if that works for everyone on the list, and then decide.\n")));
    }

    void replyAllSkipsMeAndDuplicates()
    {
        const OutgoingMessage reply = ReplyComposer::reply(MessageReader::parse(original), me, ReplyComposer::ReplyMode::All);
        QCOMPARE(reply.to.size(), 1);
        QCOMPARE(reply.cc, (QList<Mailbox>{{QStringLiteral("Ann"), QStringLiteral("ann@example.net")},
                                           {QStringLiteral("Bob"), QStringLiteral("bob@example.net")}}));
    }

    void replyToHonoursReplyTo()
    {
        QByteArray withReplyTo = original;
        withReplyTo.prepend("Reply-To: List <list@example.org>\r\n");
        const OutgoingMessage reply = ReplyComposer::reply(MessageReader::parse(withReplyTo), me);
        QCOMPARE(reply.to, (QList<Mailbox>{{QStringLiteral("List"), QStringLiteral("list@example.org")}}));
    }

    void subjects_data()
    {
        QTest::addColumn<QString>("subject");
        QTest::addColumn<QString>("reply");
        QTest::newRow("plain") << QStringLiteral("Plans") << QStringLiteral("Re: Plans");
        QTest::newRow("no-stacking") << QStringLiteral("Re: Re: Plans") << QStringLiteral("Re: Plans");
        QTest::newRow("outlook-german") << QStringLiteral("AW: Plans") << QStringLiteral("Re: Plans");
        QTest::newRow("counted") << QStringLiteral("RE[2]: Plans") << QStringLiteral("Re: Plans");
        QTest::newRow("empty") << QString() << QStringLiteral("Re: ");
    }
    void subjects()
    {
        QFETCH(QString, subject);
        QFETCH(QString, reply);
        QCOMPARE(ReplyComposer::replySubject(subject), reply);
    }

    void forwardInline()
    {
        const OutgoingMessage forward = ReplyComposer::forward(MessageReader::parse(original), me);
        QCOMPARE(forward.subject, QStringLiteral("Fwd: Re: AW: Plans"));
        QVERIFY(forward.to.isEmpty());
        QVERIFY(forward.plainText.contains(QStringLiteral("-------- Forwarded Message --------\nSubject: Re: AW: Plans\n")));
        QVERIFY(forward.plainText.contains(QStringLiteral("From: J\u00fcrgen <juergen@example.org>\n")));
        QVERIFY(forward.plainText.contains(QStringLiteral("Let's meet on Friday")));
        QCOMPARE(forward.attachments.size(), 1);
        QCOMPARE(forward.attachments.first().fileName, QStringLiteral("agenda.pdf"));
        QCOMPARE(forward.attachments.first().data, QByteArray("%PDF-"));
        QVERIFY(forward.inReplyTo.isEmpty());
    }

    void forwardAsAttachment()
    {
        OutgoingMessage forward = ReplyComposer::forward(MessageReader::parse(original), me, ReplyComposer::ForwardMode::Attachment);
        forward.to = {{QString(), QStringLiteral("carol@example.org")}};
        QCOMPARE(forward.attachments.size(), 1);
        QCOMPARE(forward.attachments.first().kind, OutgoingAttachment::Kind::Message);
        QCOMPARE(forward.attachments.first().data, original);
        const BuiltMessage built = MessageBuilder().build(forward);
        QVERIFY2(built.isValid(), qPrintable(built.error));
        const ParsedMessage back = MessageReader::parse(built.bytes);
        const QList<const MessagePart *> attachments = back.attachments();
        QCOMPARE(attachments.size(), 1);
        QVERIFY(attachments.first()->embedded);
        QCOMPARE(attachments.first()->fileName, QStringLiteral("Re: AW: Plans.eml").replace(QLatin1Char(':'), QLatin1Char('_')));
        QCOMPARE(attachments.first()->embedded->headers.messageId, QByteArray("<m3@example.org>"));
        QCOMPARE(attachments.first()->embedded->attachments().size(), 1);
    }
};

QTEST_GUILESS_MAIN(ReplyComposerTest)
#include "ReplyComposerTest.moc"
