// SPDX-License-Identifier: GPL-3.0-or-later
// The one header reader of core (mime/HeaderReader): encoded words, address lists, dates and
// xtext, on the ASCII fast path and through GMime.
#include "mime/GMimeRuntime.h"
#include "mime/HeaderReader.h"

#include <QTest>

#include <gmime/gmime.h>

using namespace Mailtrail;
using Mime::Mailbox;

class HeaderReaderTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void text_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QString>("decoded");
        QTest::newRow("plain ASCII as it stands") << QByteArray("Re: hello  world") << QStringLiteral("Re: hello  world");
        // "Grüße": the two bytes of ü (C3 BC) end up in different encoded words (RFC 2047 §5
        // only forbids splitting inside one word's encoding, senders split characters anyway).
        QTest::newRow("multibyte character split across two B words")
            << QByteArray("=?UTF-8?B?R3LD?= =?UTF-8?B?vMOfZQ==?=") << QString::fromUtf8("Grüße");
        QTest::newRow("multibyte character split across two Q words")
            << QByteArray("=?UTF-8?Q?Gr=C3?=\r\n =?UTF-8?Q?=BC=C3=9Fe?= x") << QString::fromUtf8("Grüße x");
        QTest::newRow("space between encoded words dropped")
            << QByteArray("=?ISO-8859-1?Q?a?= =?ISO-8859-1?Q?b?=") << QStringLiteral("ab");
        QTest::newRow("several charsets in one value")
            << QByteArray("=?ISO-8859-2?Q?=A3=F3d=BC?= =?KOI8-R?B?8NLJ18XU?= =?Shift_JIS?B?k/qWe4zq?=")
            << QString::fromUtf8("ŁódźПривет日本語"); // RFC 2047 §6.2: no space between words
        QTest::newRow("encoded word between text")
            << QByteArray("Re: =?utf-8?b?w6Q=?= ok") << QString::fromUtf8("Re: ä ok");
        QTest::newRow("raw UTF-8 (RFC 6532)") << QByteArray("Gr\xc3\xbc\xc3\x9f" "e") << QString::fromUtf8("Grüße");
        QTest::newRow("raw Latin-1") << QByteArray("Gr\xfc\xdf" "e") << QString::fromUtf8("Grüße");
        QTest::newRow("unknown encoding kept") << QByteArray("=?utf-8?x?abc?= z") << QStringLiteral("=?utf-8?x?abc?= z");
    }
    void text()
    {
        QFETCH(QByteArray, raw);
        QFETCH(QString, decoded);
        QCOMPARE(Mime::decodeHeaderText(raw).simplified(), decoded.simplified());
    }

    void addresses_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QList<Mailbox>>("mailboxes");
        QTest::newRow("fast path name and address")
            << QByteArray("Alice Example <alice@example.test>")
            << QList<Mailbox>{{QStringLiteral("Alice Example"), QStringLiteral("alice@example.test")}};
        QTest::newRow("fast path bare address")
            << QByteArray("bob@example.test") << QList<Mailbox>{{QString(), QStringLiteral("bob@example.test")}};
        QTest::newRow("encoded display name")
            << QByteArray("=?ISO-8859-1?Q?J=F6rg?= <j@example.test>")
            << QList<Mailbox>{{QString::fromUtf8("Jörg"), QStringLiteral("j@example.test")}};
        QTest::newRow("encoded display name split multibyte")
            << QByteArray("=?UTF-8?B?R3LD?= =?UTF-8?B?vMOfZQ==?= <g@example.test>")
            << QList<Mailbox>{{QString::fromUtf8("Grüße"), QStringLiteral("g@example.test")}};
        QTest::newRow("quoted comma, group flattened")
            << QByteArray("\"Carol, C.\" <carol@example.test>, team: erin@example.test, frank@example.test;")
            << QList<Mailbox>{{QStringLiteral("Carol, C."), QStringLiteral("carol@example.test")},
                              {QString(), QStringLiteral("erin@example.test")},
                              {QString(), QStringLiteral("frank@example.test")}};
        QTest::newRow("raw UTF-8 name") << QByteArray("Gr\xc3\xbc\xc3\x9f" "e <g@example.test>")
                                        << QList<Mailbox>{{QString::fromUtf8("Grüße"), QStringLiteral("g@example.test")}};
        QTest::newRow("empty group") << QByteArray("undisclosed-recipients:;") << QList<Mailbox>{};
        QTest::newRow("empty") << QByteArray() << QList<Mailbox>{};
    }
    void addresses()
    {
        QFETCH(QByteArray, raw);
        QTEST(Mime::parseAddressList(raw), "mailboxes");
    }

    void listsOfPlainShapesReadAsGMimeReadsThem_data()
    {
        QTest::addColumn<QByteArray>("raw");
        const QList<QByteArray> rows = {
            "alice@example.test, bob@example.test",
            "Alice Example <alice@example.test>, Bob <bob@example.test>,carol@example.test",
            "=?UTF-8?Q?J=C3=B6rg_M=C3=BCller?= <jm@example.de>, Erin <erin@example.test>",
            "=?ISO-8859-1?Q?J=F6rg?= <j@example.test>, =?UTF-8?B?w5xiZXI=?= <u@example.test>",
            "=?UTF-8?B?R3LD?= =?UTF-8?B?vMOfZQ==?= <g@example.test>, x@example.test",
            "a@example.test,, b@example.test, ",
            " Spaced  Name  <s@example.test> , t@example.test",
            "Bob <bob@example.test>, broken <",
            "Bob <bob@example.test>, two words, c@example.test",
            "<bare@example.test>, Name <n@example.test>",
            "Bob <bob@example.test> trailing, c@example.test",
            "a@example.test, =?utf-8?q?=3Cnot=3E?= <n@example.test>",
            "a@example.test, b@example.test <c@example.test>",
        };
        for (const QByteArray &row : rows)
            QTest::newRow(row.constData()) << row;
    }
    void listsOfPlainShapesReadAsGMimeReadsThem()
    {
        // Differential: the fast path gives what GMime's own parser gives, or leaves the
        // list to it.
        QFETCH(QByteArray, raw);
        Mime::ensureGMimeInitialized();
        QList<Mailbox> expected;
        InternetAddressList *list = internet_address_list_parse(nullptr, raw.constData());
        for (int i = 0; list && i < internet_address_list_length(list); ++i) {
            InternetAddress *a = internet_address_list_get_address(list, i);
            if (!INTERNET_ADDRESS_IS_MAILBOX(a))
                continue;
            Mailbox m{QString::fromUtf8(internet_address_get_name(a)),
                      QString::fromUtf8(internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(a)))};
            if (!m.address.isEmpty())
                expected.append(m);
        }
        if (list)
            g_object_unref(list);
        QList<Mailbox> actual = Mime::parseAddressList(raw);
        for (Mailbox &m : actual)
            m.name = m.name.simplified();
        for (Mailbox &m : expected)
            m.name = m.name.simplified();
        QCOMPARE(actual, expected);
    }

    void dates_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<qint64>("seconds"); // -1: unreadable
        QTest::newRow("RFC 5322 with comment") << QByteArray("Tue, 14 Nov 2023 22:13:20 +0000 (UTC)") << qint64(1700000000);
        QTest::newRow("no weekday, no seconds") << QByteArray("14 Nov 2023 22:13 +0000") << qint64(1699999980);
        QTest::newRow("negative zone") << QByteArray("Tue, 14 Nov 2023 17:13:20 -0500") << qint64(1700000000);
        QTest::newRow("two-digit year") << QByteArray("14 Nov 23 22:13:20 +0000") << qint64(1700000000);
        QTest::newRow("named zone") << QByteArray("Tue, 14 Nov 2023 14:13:20 PST") << qint64(1700000000);
        QTest::newRow("GMT") << QByteArray("Tue, 14 Nov 2023 22:13:20 GMT") << qint64(1700000000);
        QTest::newRow("extra spaces") << QByteArray("Mon,  2 Mar 2026 10:01:00 +0000") << qint64(1772445660);
        QTest::newRow("garbage") << QByteArray("yesterday") << qint64(-1);
        QTest::newRow("empty") << QByteArray() << qint64(-1);
    }
    void dates()
    {
        QFETCH(QByteArray, raw);
        QFETCH(qint64, seconds);
        QCOMPARE(Mime::parseDate(raw).value_or(-1), seconds);
    }

    void xtext_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<bool>("strictOk");
        QTest::addColumn<QByteArray>("decoded"); // strict result when strictOk, else lenient
        QTest::newRow("plus escape") << QByteArray("ENV+2B1") << true << QByteArray("ENV+1");
        QTest::newRow("equals escape") << QByteArray("a+3Db") << true << QByteArray("a=b");
        QTest::newRow("trailing plus") << QByteArray("a+3Db+") << false << QByteArray("a=b+");
        QTest::newRow("bad hex") << QByteArray("x+ZZ") << false << QByteArray("x+ZZ");
        QTest::newRow("lower-case hex") << QByteArray("x+2b") << false << QByteArray("x+2b");
        QTest::newRow("raw equals") << QByteArray("a=b") << false << QByteArray("a=b");
    }
    void xtext()
    {
        QFETCH(QByteArray, raw);
        QFETCH(bool, strictOk);
        QFETCH(QByteArray, decoded);
        QByteArray out;
        QCOMPARE(Mime::decodeXtext(raw, &out, Mime::Xtext::Strict), strictOk);
        if (!strictOk)
            QVERIFY(Mime::decodeXtext(raw, &out, Mime::Xtext::Lenient));
        QCOMPARE(out, decoded);
    }
};

QTEST_GUILESS_MAIN(HeaderReaderTest)
#include "HeaderReaderTest.moc"
