// SPDX-License-Identifier: GPL-3.0-or-later
// The scripted transport (tests/support) replays transcripts faithfully: the test double
// other protocol tests rely on.
#include "ScriptedTransport.h"

#include <QSignalSpy>
#include <QTest>

using namespace Mailtrail::Net;
using Mailtrail::Test::ScriptedTransport;

class ScriptedTransportTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void conversationMatches()
    {
        ScriptedTransport t("# a comment\nS: 220 hi\nC: EHLO x\nS: 250-one\nS: 250 two\n"
                            "C: AUTH PLAIN <redacted>\nS: 235 ok\nC: [payload 4 bytes]\nC: .\n"
                            "S: 250 queued\n!close\n");
        QSignalSpy ready(&t, &Transport::readyRead);
        QSignalSpy closed(&t, &Transport::disconnected);
        t.connectToEndpoint({});
        QVERIFY(ready.wait());
        QCOMPARE(t.readAll(), QByteArray("220 hi\r\n"));
        t.write("EHLO x\r\n");
        QVERIFY(ready.wait());
        QCOMPARE(t.readAll(), QByteArray("250-one\r\n250 two\r\n"));
        t.writeSecret("AUTH PLAIN AHNlY3JldA==\r\n", "AUTH PLAIN <redacted>");
        QVERIFY(ready.wait());
        QCOMPARE(t.readAll(), QByteArray("235 ok\r\n"));
        t.writePayload("ab");
        t.writePayload("cd");
        t.finishPayload();
        t.write(".\r\n");
        QVERIFY(closed.wait());
        QCOMPARE(t.readAll(), QByteArray("250 queued\r\n"));
        QVERIFY2(t.mismatches().isEmpty(), qPrintable(t.mismatches().join(QLatin1Char('\n'))));
        QVERIFY(t.scriptFinished());
        QVERIFY(t.written().contains("AHNlY3JldA=="));
    }

    void mismatchFailsTheTransport()
    {
        ScriptedTransport t("S: 220 hi\nC: EHLO x\nS: 250 ok\n");
        QSignalSpy errors(&t, &Transport::errorOccurred);
        t.connectToEndpoint({});
        t.write("HELO y\r\n");
        QVERIFY(errors.wait());
        QCOMPARE(t.mismatches().size(), 1);
        QVERIFY(t.mismatches().at(0).contains(QStringLiteral("HELO y")));
    }

    void refuseAndTlsFailure()
    {
        ScriptedTransport refused("!refuse\n");
        QSignalSpy errors(&refused, &Transport::errorOccurred);
        refused.connectToEndpoint({});
        QVERIFY(errors.wait());
        QCOMPARE(errors.at(0).at(0).value<TransportError>().kind, TransportError::Kind::ConnectionRefused);

        ScriptedTransport tls("S: 220 hi\nC: STARTTLS\nS: 220 go\n!tls-fail\n");
        QSignalSpy tlsErrors(&tls, &Transport::errorOccurred);
        QSignalSpy ready(&tls, &Transport::readyRead);
        tls.connectToEndpoint({});
        QVERIFY(ready.wait());
        (void)tls.readAll();
        tls.write("STARTTLS\r\n");
        QVERIFY(ready.wait());
        (void)tls.readAll();
        tls.startTls();
        QVERIFY(tlsErrors.wait());
        QCOMPARE(tlsErrors.at(0).at(0).value<TransportError>().kind, TransportError::Kind::TlsFailed);
    }

    void stallTriggersDeadline()
    {
        ScriptedTransport t("S: 220 hi\nC: NOOP\n!stall\nS: 250 never\n");
        QSignalSpy errors(&t, &Transport::errorOccurred);
        QSignalSpy ready(&t, &Transport::readyRead);
        t.connectToEndpoint({});
        QVERIFY(ready.wait());
        (void)t.readAll();
        t.write("NOOP\r\n");
        t.setDeadline(TransportError::Kind::CommandTimeout, 30);
        QVERIFY(errors.wait());
        QCOMPARE(errors.at(0).at(0).value<TransportError>().kind, TransportError::Kind::CommandTimeout);
        QCOMPARE(ready.count(), 1);
    }
};

QTEST_GUILESS_MAIN(ScriptedTransportTest)
#include "ScriptedTransportTest.moc"
