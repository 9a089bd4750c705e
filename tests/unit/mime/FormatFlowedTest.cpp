// SPDX-License-Identifier: GPL-3.0-or-later
// RFC 3676 format=flowed: encoding what the user typed and decoding what others sent.
#include "mime/FormatFlowed.h"

#include <QTest>

using namespace Mailtrail::Mime;

class FormatFlowedTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void encode_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("short-line-unchanged") << QStringLiteral("Hello") << QStringLiteral("Hello");
        QTest::newRow("rfc3676-4.2-trailing-space-trimmed-before-hard-break")
            << QStringLiteral("Hello   \nWorld") << QStringLiteral("Hello\nWorld");
        QTest::newRow("rfc3676-4.4-stuff-leading-space") << QStringLiteral(" indented") << QStringLiteral("  indented");
        QTest::newRow("rfc3676-4.4-stuff-From") << QStringLiteral("From me") << QStringLiteral(" From me");
        QTest::newRow("rfc3676-4.3-signature-separator-kept")
            << QStringLiteral("text\n-- \nsig") << QStringLiteral("text\n-- \nsig");
        QTest::newRow("rfc3676-4.5-quote-gets-space") << QStringLiteral(">quoted") << QStringLiteral("> quoted");
        QTest::newRow("crlf-input") << QStringLiteral("a\r\nb\r\n") << QStringLiteral("a\nb");
        QTest::newRow("empty-lines-kept") << QStringLiteral("a\n\n\nb") << QStringLiteral("a\n\n\nb");
        const QString longWord(100, QLatin1Char('x'));
        QTest::newRow("overlong-word-not-broken") << longWord << longWord;
        QTest::newRow("soft-break-at-78")
            << (QString(70, QLatin1Char('a')) + QStringLiteral(" bbbbbbbbbb cc"))
            << (QString(70, QLatin1Char('a')) + QStringLiteral(" \nbbbbbbbbbb cc"));
        QTest::newRow("wrapped-quote-repeats-prefix")
            << (QStringLiteral("> ") + QString(40, QLatin1Char('a')) + QLatin1Char(' ') + QString(40, QLatin1Char('b')))
            << (QStringLiteral("> ") + QString(40, QLatin1Char('a')) + QStringLiteral(" \n> ") + QString(40, QLatin1Char('b')));
    }
    void encode()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(FormatFlowed::encode(input), expected);
    }

    void decode_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<bool>("delSp");
        QTest::addColumn<QString>("expected");
        QTest::newRow("soft-break-joined") << QStringLiteral("Hello \nWorld") << false << QStringLiteral("Hello World");
        QTest::newRow("delsp-yes") << QStringLiteral("Hel \nlo") << true << QStringLiteral("Hello");
        QTest::newRow("unstuffed") << QStringLiteral("  indented\n From") << false << QStringLiteral(" indented\nFrom");
        QTest::newRow("quote-depth-change-is-hard-break")
            << QStringLiteral("> a \n>> b") << false << QStringLiteral("> a \n>> b");
        QTest::newRow("quoted-paragraph-joined") << QStringLiteral("> a \n> b") << false << QStringLiteral("> a b");
        QTest::newRow("signature-not-joined") << QStringLiteral("text\n-- \nsig") << false << QStringLiteral("text\n-- \nsig");
    }
    void decode()
    {
        QFETCH(QString, input);
        QFETCH(bool, delSp);
        QFETCH(QString, expected);
        QCOMPARE(FormatFlowed::decode(input, delSp), expected);
    }

    void roundTrip_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("long-paragraph") << QStringLiteral(
            "This paragraph is long enough to be wrapped several times by the encoder because it has many words "
            "in it, and every one of them must come back in the same order with single spaces between them.");
        QTest::newRow("japanese-and-emoji") << QStringLiteral(
            "日本語のテキスト と 絵文字 🎉🎉 が 混ざった 長い 行 です。 これは 七十八 桁を 超える 必要が あります ので、 もう少し 書きます。");
        QTest::newRow("mixed-quotes") << QStringLiteral(
            "> first level quoted text that is long enough to need wrapping at seventy-eight columns\n"
            ">> second level\nmy answer");
        QTest::newRow("leading-spaces-and-From") << QStringLiteral("  two spaces\nFrom the start\n>not a quote?");
    }
    void roundTrip()
    {
        QFETCH(QString, text);
        const QString encoded = FormatFlowed::encode(text);
        for (const QString &line : encoded.split(QLatin1Char('\n'))) {
            if (!line.contains(QChar(0x0020)) || line.size() <= 78)
                continue;
            // Only an unbreakable word may exceed the width.
            QVERIFY2(!line.trimmed().contains(QLatin1Char(' ')), qPrintable(line));
        }
        QString expected = text;
        expected.replace(QStringLiteral("\n>not a quote?"), QStringLiteral("\n> not a quote?"));
        expected.replace(QStringLiteral("\n>> second"), QStringLiteral("\n>> second"));
        QCOMPARE(FormatFlowed::decode(encoded), expected);
    }
};

QTEST_GUILESS_MAIN(FormatFlowedTest)
#include "FormatFlowedTest.moc"
