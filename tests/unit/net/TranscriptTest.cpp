// SPDX-License-Identifier: GPL-3.0-or-later
// The transcript format and its credential redaction (net/Transcript.h), fingerprints.
#include "net/Certificate.h"
#include "net/Endpoint.h"
#include "net/Transcript.h"

#include <QTest>

using namespace Mailtrail::Net;

namespace QTest {
template<>
char *toString(const TranscriptEntry &entry)
{
    return qstrdup(formatTranscriptEntry(entry).constData());
}
} // namespace QTest

class TranscriptTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void redact_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("rfc4954-auth-plain-initial-response")
            << QByteArray("AUTH PLAIN AGFsaWNlAGFsaWNlLXNlY3JldA==") << QByteArray("AUTH PLAIN <redacted>");
        QTest::newRow("rfc4954-auth-lowercase") << QByteArray("auth plain AGFsaWNl") << QByteArray("auth plain <redacted>");
        QTest::newRow("rfc4954-auth-login-no-initial") << QByteArray("AUTH LOGIN") << QByteArray("AUTH LOGIN");
        QTest::newRow("rfc7628-xoauth2") << QByteArray("AUTH XOAUTH2 dXNlcj1hbGljZQFhdXRo") << QByteArray("AUTH XOAUTH2 <redacted>");
        QTest::newRow("rfc3501-login") << QByteArray("a1 LOGIN alice \"alice-secret\"") << QByteArray("a1 LOGIN <redacted>");
        QTest::newRow("rfc3501-login-literal") << QByteArray("a1 login {5}") << QByteArray("a1 login <redacted>");
        QTest::newRow("rfc4959-authenticate-ir") << QByteArray("a2 AUTHENTICATE PLAIN AGFsaWNl") << QByteArray("a2 AUTHENTICATE PLAIN <redacted>");
        QTest::newRow("rfc3501-authenticate-no-ir") << QByteArray("a2 AUTHENTICATE PLAIN") << QByteArray("a2 AUTHENTICATE PLAIN");
        QTest::newRow("mail-from-untouched") << QByteArray("MAIL FROM:<a@b> RET=HDRS") << QByteArray("MAIL FROM:<a@b> RET=HDRS");
        QTest::newRow("empty") << QByteArray() << QByteArray();
    }
    void redact()
    {
        QFETCH(QByteArray, line);
        QFETCH(QByteArray, expected);
        QCOMPARE(redactClientLine(line), expected);
    }

    void parse()
    {
        const QByteArray text = "# connected\r\nS: 220 hi\nC: EHLO x\n\n!close\nS:\nC: [payload 3 bytes]\nnoise\n";
        const QList<TranscriptEntry> entries = parseTranscript(text);
        const QList<TranscriptEntry> expected{
            {TranscriptEntry::Kind::Comment, "connected"},
            {TranscriptEntry::Kind::Server, "220 hi"},
            {TranscriptEntry::Kind::Client, "EHLO x"},
            {TranscriptEntry::Kind::Directive, "close"},
            {TranscriptEntry::Kind::Server, ""},
            {TranscriptEntry::Kind::Client, "[payload 3 bytes]"},
            {TranscriptEntry::Kind::Comment, "noise"},
        };
        QCOMPARE(entries, expected);
        // Formatting and parsing again is the identity.
        QByteArray again;
        for (const auto &entry : entries)
            again += formatTranscriptEntry(entry) + '\n';
        QCOMPARE(parseTranscript(again), expected);
    }

    void fingerprintHex()
    {
        const QByteArray digest = QByteArray::fromHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
        const QString hex = fingerprintToHex(digest);
        QCOMPARE(hex.left(9), QStringLiteral("00:11:22:"));
        QCOMPARE(fingerprintFromHex(hex), digest);
        QCOMPARE(fingerprintFromHex(hex.toLower().remove(QLatin1Char(':'))), digest);
        QCOMPARE(fingerprintFromHex(QStringLiteral("00:11")), QByteArray());
        QCOMPARE(fingerprintFromHex(hex.left(hex.size() - 1) + QLatin1Char('g')), QByteArray());
    }

    void loopback_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<bool>("loopback");
        QTest::newRow("ipv4") << QStringLiteral("127.0.0.1") << true;
        QTest::newRow("ipv4-other") << QStringLiteral("127.0.0.2") << true;
        QTest::newRow("ipv6") << QStringLiteral("::1") << true;
        QTest::newRow("localhost") << QStringLiteral("LocalHost") << true;
        QTest::newRow("lan") << QStringLiteral("192.168.1.1") << false;
        QTest::newRow("name") << QStringLiteral("mail.example.test") << false;
        QTest::newRow("localhost-suffix-trick") << QStringLiteral("localhost.evil.example") << false;
    }
    void loopback()
    {
        QFETCH(QString, host);
        QFETCH(bool, loopback);
        QCOMPARE(isLoopbackHost(host), loopback);
    }
};

QTEST_GUILESS_MAIN(TranscriptTest)
#include "TranscriptTest.moc"
