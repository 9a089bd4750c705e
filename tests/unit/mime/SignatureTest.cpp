// SPDX-License-Identifier: GPL-3.0-or-later
// Signatures (RFC 3676 §4.3 "-- " separator) and where a reply or forward starts.
#include "mime/Signature.h"

#include <QTest>

using namespace Mailtrail::Mime;

Q_DECLARE_METATYPE(Mailtrail::Mime::BodyLayout)
Q_DECLARE_METATYPE(Mailtrail::Mime::QuotePosition)

namespace QTest {
template<>
char *toString(const BodyLayout &layout)
{
    QString shown = layout.text;
    shown.insert(layout.cursor, QLatin1Char('|'));
    shown.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
    return qstrdup(shown.toUtf8().constData());
}
} // namespace QTest

namespace {
/// The text with the cursor written as '|', as the user sees it.
BodyLayout at(const QString &withCursor)
{
    BodyLayout layout;
    layout.cursor = withCursor.indexOf(QLatin1Char('|'));
    layout.text = withCursor;
    layout.text.remove(layout.cursor, 1);
    return layout;
}
} // namespace

class SignatureTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void block_data()
    {
        QTest::addColumn<QString>("signature");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QStringLiteral("Alice\nPhone 0123") << QStringLiteral("-- \nAlice\nPhone 0123");
        QTest::newRow("trailing-blank-lines") << QStringLiteral("Alice\n\n\n") << QStringLiteral("-- \nAlice");
        QTest::newRow("crlf") << QStringLiteral("Alice\r\nBob\r\n") << QStringLiteral("-- \nAlice\nBob");
        QTest::newRow("rfc3676-separator-typed") << QStringLiteral("-- \nAlice") << QStringLiteral("-- \nAlice");
        QTest::newRow("separator-without-space") << QStringLiteral("--\nAlice") << QStringLiteral("-- \nAlice");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("blank") << QStringLiteral(" \n\n") << QString();
        QTest::newRow("separator-only") << QStringLiteral("-- ") << QString();
    }
    void block()
    {
        QFETCH(QString, signature);
        QFETCH(QString, expected);
        QCOMPARE(signatureBlock(signature), expected);
    }

    void layout_data()
    {
        QTest::addColumn<QString>("quoted");
        QTest::addColumn<QString>("signature");
        QTest::addColumn<QuotePosition>("position");
        QTest::addColumn<BodyLayout>("expected");
        const QString quoted = QStringLiteral("On Wed, Bob wrote:\n> hi\n\n");
        QTest::newRow("reply-above")
            << quoted << QString() << QuotePosition::Above << at(QStringLiteral("|\n\nOn Wed, Bob wrote:\n> hi\n"));
        QTest::newRow("reply-above-signature")
            << quoted << QStringLiteral("Alice") << QuotePosition::Above
            << at(QStringLiteral("|\n\n-- \nAlice\n\nOn Wed, Bob wrote:\n> hi\n"));
        QTest::newRow("reply-below")
            << quoted << QString() << QuotePosition::Below << at(QStringLiteral("On Wed, Bob wrote:\n> hi\n\n|\n"));
        QTest::newRow("reply-below-signature")
            << quoted << QStringLiteral("Alice") << QuotePosition::Below
            << at(QStringLiteral("On Wed, Bob wrote:\n> hi\n\n|\n\n-- \nAlice\n"));
        QTest::newRow("forward-block-padding")
            << QStringLiteral("\n\n-------- Forwarded Message --------\nSubject: x\n\nbody")
            << QStringLiteral("Alice") << QuotePosition::Above
            << at(QStringLiteral("|\n\n-- \nAlice\n\n-------- Forwarded Message --------\nSubject: x\n\nbody\n"));
        QTest::newRow("new-message-signature")
            << QString() << QStringLiteral("Alice") << QuotePosition::Below << at(QStringLiteral("|\n\n-- \nAlice\n"));
        QTest::newRow("new-message-nothing") << QString() << QString() << QuotePosition::Above << at(QStringLiteral("|"));
    }
    void layout()
    {
        QFETCH(QString, quoted);
        QFETCH(QString, signature);
        QFETCH(QuotePosition, position);
        QFETCH(BodyLayout, expected);
        QCOMPARE(layoutBody(quoted, signature, position), expected);
    }

    void append_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("signature");
        QTest::addColumn<QString>("expected");
        QTest::newRow("appended") << QStringLiteral("Hello\n") << QStringLiteral("Alice")
                                  << QStringLiteral("Hello\n\n-- \nAlice\n");
        QTest::newRow("no-signature") << QStringLiteral("Hello\n") << QString() << QStringLiteral("Hello\n");
        QTest::newRow("already-signed") << QStringLiteral("Hello\n\n-- \nAlice\n") << QStringLiteral("Alice")
                                        << QStringLiteral("Hello\n\n-- \nAlice\n");
        QTest::newRow("empty-body") << QString() << QStringLiteral("Alice") << QStringLiteral("-- \nAlice\n");
    }
    void append()
    {
        QFETCH(QString, body);
        QFETCH(QString, signature);
        QFETCH(QString, expected);
        QCOMPARE(appendSignature(body, signature), expected);
    }

    void replace()
    {
        QString text = QStringLiteral("Hi\n\n-- \nAlice\n\nOn Wed, Bob wrote:\n> hi\n");
        QVERIFY(replaceSignature(text, QStringLiteral("Alice"), QStringLiteral("Support\nPhone")));
        QCOMPARE(text, QStringLiteral("Hi\n\n-- \nSupport\nPhone\n\nOn Wed, Bob wrote:\n> hi\n"));
        // Removed: with the blank line before it.
        QVERIFY(replaceSignature(text, QStringLiteral("Support\nPhone"), QString()));
        QCOMPARE(text, QStringLiteral("Hi\n\nOn Wed, Bob wrote:\n> hi\n"));
        // Added where there was none.
        QVERIFY(replaceSignature(text, QString(), QStringLiteral("Alice"), 3));
        QCOMPARE(text, QStringLiteral("Hi\n\n-- \nAlice\n\nOn Wed, Bob wrote:\n> hi\n"));
        // The user edited the signature: it is theirs now, nothing changes.
        text.replace(QStringLiteral("Alice"), QStringLiteral("Alice (on holiday)"));
        const QString edited = text;
        QVERIFY(!replaceSignature(text, QStringLiteral("Alice"), QStringLiteral("Support")));
        QCOMPARE(text, edited);
    }
};

QTEST_GUILESS_MAIN(SignatureTest)
#include "SignatureTest.moc"
