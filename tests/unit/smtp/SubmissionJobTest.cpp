// SPDX-License-Identifier: GPL-3.0-or-later
// SubmissionJob against scripted conversations (tests/support/ScriptedTransport): each test
// is a transcript in the protocol-log format; the fake fails on any line the job writes
// that the script does not expect.
#include "ScriptedTransport.h"
#include "SmtpTestPrinters.h"
#include "TestPaths.h"
#include "smtp/SubmissionJob.h"

#include <QSignalSpy>
#include <QTest>

using namespace Mailtrail;
using namespace Mailtrail::Smtp;
using Mailtrail::Test::ScriptedTransport;
using Category = SubmissionError::Category;

Q_DECLARE_METATYPE(Mailtrail::Smtp::Envelope)

namespace {

const QByteArray kMessage = "From: alice@example.test\r\nTo: bob@example.test\r\nSubject: hi\r\n\r\n"
                            "Hello.\r\n.leading dot\r\n.\r\nbye\r\n";

/// Greeting and an EHLO reply with the given keyword lines.
QByteArray greetingAndEhlo(const QList<QByteArray> &keywords)
{
    QByteArray s = "S: 220 mail.example.test ESMTP\nC: EHLO [127.0.0.1]\n";
    if (keywords.isEmpty())
        return s + "S: 250 mail.example.test\n";
    s += "S: 250-mail.example.test\n";
    for (qsizetype i = 0; i < keywords.size(); ++i)
        s += (i + 1 == keywords.size() ? "S: 250 " : "S: 250-") + keywords.at(i) + '\n';
    return s;
}

const QList<QByteArray> kPostfix{"PIPELINING", "SIZE 10240000", "AUTH PLAIN LOGIN",
                                 "ENHANCEDSTATUSCODES", "8BITMIME", "DSN"};

struct Run
{
    std::unique_ptr<ScriptedTransport> transport;
    std::unique_ptr<SubmissionJob> job;

    [[nodiscard]] bool finish()
    {
        QSignalSpy finished(job.get(), &SubmissionJob::finished);
        job->start();
        return finished.wait(5000) && finished.count() == 1;
    }
    [[nodiscard]] QString mismatches() const
    {
        return transport->mismatches().join(QLatin1Char('\n')) + QStringLiteral("\nremaining:\n")
            + transport->remainingScript();
    }
};

Run makeRun(const QByteArray &script, const Envelope &envelope, const QByteArray &message = kMessage,
            Net::Security security = Net::Security::ImplicitTls,
            Credentials credentials = Credentials::password(QStringLiteral("alice@example.test"),
                                                            QStringLiteral("alice-secret")))
{
    Run run;
    run.transport = std::make_unique<ScriptedTransport>(script);
    Net::Endpoint endpoint;
    endpoint.host = QStringLiteral("127.0.0.1");
    endpoint.port = 587;
    endpoint.security = security;
    endpoint.timeouts.greetingMs = 5000;
    endpoint.timeouts.commandMs = 5000;
    run.job = std::make_unique<SubmissionJob>(run.transport.get(), endpoint, credentials, envelope, message);
    return run;
}

Envelope aliceToBob()
{
    Envelope e = Envelope::simple(QStringLiteral("alice@example.test"), {QStringLiteral("bob@example.test")});
    e.envid = "ENV1";
    return e;
}

QByteArray sizeOf(const QByteArray &message)
{
    return QByteArray::number(message.size());
}

} // namespace

class SubmissionJobTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void startTlsAuthPipeliningPartialAcceptance()
    {
        Envelope envelope = aliceToBob();
        envelope.recipients.append({QStringLiteral("nobody@elsewhere.test"), DsnNotify::never(), {}});
        const QByteArray wire = dotStuff(canonicalizeLineEnds(kMessage));
        const QByteArray script = greetingAndEhlo({"PIPELINING", "SIZE 10240000", "STARTTLS", "ENHANCEDSTATUSCODES", "DSN"})
            + "C: STARTTLS\nS: 220 2.0.0 Ready to start TLS\n"
              "C: EHLO [127.0.0.1]\nS: 250-mail.example.test\nS: 250-PIPELINING\nS: 250-SIZE 10240000\n"
              "S: 250-AUTH PLAIN LOGIN\nS: 250-ENHANCEDSTATUSCODES\nS: 250-8BITMIME\nS: 250 DSN\n"
              "C: AUTH PLAIN <redacted>\nS: 235 2.7.0 Authentication successful\n"
              "C: MAIL FROM:<alice@example.test> SIZE=" + sizeOf(kMessage) + " RET=HDRS ENVID=ENV1\n"
              "C: RCPT TO:<bob@example.test> NOTIFY=SUCCESS,FAILURE,DELAY ORCPT=rfc822;bob@example.test\n"
              "C: RCPT TO:<nobody@elsewhere.test> NOTIFY=NEVER ORCPT=rfc822;nobody@elsewhere.test\n"
              "S: 250 2.1.0 Ok\nS: 250 2.1.5 Ok\n"
              "S: 550 5.7.1 <nobody@elsewhere.test>: Recipient address rejected: Access denied\n"
              "C: DATA\nS: 354 End data with <CR><LF>.<CR><LF>\n"
              "C: [payload " + sizeOf(wire) + " bytes]\nC: .\n"
              "S: 250 2.0.0 Ok: queued as 4XYZ\nC: QUIT\nS: 221 2.0.0 Bye\n";
        Run run = makeRun(script, envelope, kMessage, Net::Security::StartTls);
        QVERIFY(run.finish());
        QVERIFY2(run.transport->mismatches().isEmpty(), qPrintable(run.mismatches()));
        QVERIFY2(run.job->succeeded(), qPrintable(run.job->error().message()));
        QVERIFY(run.transport->scriptFinished());
        QVERIFY(run.transport->closedByClient());

        const SubmissionResult &r = run.job->result();
        QVERIFY(r.sent());
        QCOMPARE(r.envid, QByteArray("ENV1"));
        QVERIFY(r.dsnRequested && r.dsnSupported && !r.dsnUnsupported());
        QVERIFY(r.pipeliningUsed);
        QVERIFY(!r.chunkingUsed);
        QCOMPARE(r.queueId, QStringLiteral("4XYZ"));
        QCOMPARE(r.finalReply, (Reply{250, {2, 0, 0}, {"Ok: queued as 4XYZ"}}));
        QCOMPARE(r.recipients.size(), 2);
        QCOMPARE(r.recipients.at(0).address, QStringLiteral("bob@example.test"));
        QVERIFY(r.recipients.at(0).accepted);
        QCOMPARE(r.recipients.at(0).replyCode, 250);
        QCOMPARE(r.recipients.at(0).notify, QByteArray("SUCCESS,FAILURE,DELAY"));
        QCOMPARE(r.recipients.at(0).orcpt, QByteArray("rfc822;bob@example.test"));
        QVERIFY(!r.recipients.at(1).accepted);
        QVERIFY(!r.recipients.at(1).rcptAccepted);
        QCOMPARE(r.recipients.at(1).replyCode, 550);
        QCOMPARE(r.recipients.at(1).enhanced, (EnhancedStatus{5, 7, 1}));
        QVERIFY(r.recipients.at(1).text.contains(QStringLiteral("Access denied")));
        QCOMPARE(r.recipients.at(1).notify, QByteArray("NEVER"));
        QCOMPARE(r.refusedRecipients().size(), 1);
        QVERIFY(r.timings.totalMs >= 0 && r.timings.readyMs >= 0 && r.timings.dataMs >= 0);
        QVERIFY(r.timings.started.isValid() && r.timings.finished >= r.timings.started);
        // The password never appears in the transcript, but was sent.
        const QByteArray secretB64 = QByteArray("\0alice@example.test\0alice-secret", 32).toBase64();
        for (const QByteArray &line : run.transport->transcript())
            QVERIFY2(!line.contains(secretB64) && !line.contains("alice-secret"), line.constData());
        QVERIFY(run.transport->written().contains(secretB64));
    }

    void dotStuffingOnTheWire()
    {
        const QByteArray message = "Subject: dots\r\n\r\n.one\r\n..two\r\n.\r\nend"; // no final CRLF
        const QByteArray wire = "Subject: dots\r\n\r\n..one\r\n...two\r\n..\r\nend\r\n";
        const QByteArray script = greetingAndEhlo({"AUTH PLAIN"})
            + "C: AUTH PLAIN <redacted>\nS: 235 ok\nC: MAIL FROM:<alice@example.test>\nS: 250 ok\n"
              "C: RCPT TO:<bob@example.test>\nS: 250 ok\nC: DATA\nS: 354 go\n"
              "C: [payload " + sizeOf(wire) + " bytes]\nC: .\nS: 250 queued as Q1\nC: QUIT\n";
        Run run = makeRun(script, aliceToBob(), message);
        QVERIFY(run.finish());
        QVERIFY2(run.transport->mismatches().isEmpty(), qPrintable(run.mismatches()));
        QVERIFY(run.job->succeeded());
        QVERIFY(run.transport->written().contains(QByteArray("DATA\r\n" + wire + ".\r\n")));
        QVERIFY(!run.job->result().pipeliningUsed);
        QVERIFY(run.job->result().dsnUnsupported()); // DSN requested, server has none
        QCOMPARE(run.job->result().queueId, QStringLiteral("Q1"));
    }

    void bdatWithChunking()
    {
        const QByteArray canonical = canonicalizeLineEnds(kMessage);
        const QByteArray script = greetingAndEhlo(kPostfix + QList<QByteArray>{"CHUNKING"})
            + "C: AUTH PLAIN <redacted>\nS: 235 ok\n"
              "C: MAIL FROM:<alice@example.test> SIZE=" + sizeOf(kMessage) + " RET=HDRS ENVID=ENV1\n"
              "C: RCPT TO:<bob@example.test> NOTIFY=SUCCESS,FAILURE,DELAY ORCPT=rfc822;bob@example.test\n"
              "S: 250 2.1.0 Ok\nS: 250 2.1.5 Ok\n"
              "C: BDAT " + sizeOf(canonical) + " LAST\nC: [payload " + sizeOf(canonical) + " bytes]\n"
              "S: 250 2.0.0 Ok: queued as 5ABC\nC: QUIT\n";
        Run run = makeRun(script, aliceToBob());
        QVERIFY(run.finish());
        QVERIFY2(run.transport->mismatches().isEmpty(), qPrintable(run.mismatches()));
        QVERIFY(run.job->succeeded());
        QVERIFY(run.job->result().chunkingUsed);
        QCOMPARE(run.job->result().queueId, QStringLiteral("5ABC"));
        // No dot-stuffing with BDAT (RFC 3030 §2).
        QVERIFY(run.transport->written().contains(QByteArray(" LAST\r\n" + canonical + "QUIT\r\n")));
    }

    void allRecipientsRefusedMeansRsetNoData()
    {
        Envelope envelope = aliceToBob();
        envelope.recipients.append({QStringLiteral("x@elsewhere.test"), DsnNotify{}, {}});
        const QByteArray script = greetingAndEhlo(kPostfix)
            + "C: AUTH PLAIN <redacted>\nS: 235 ok\n"
              "C: MAIL FROM:<alice@example.test> SIZE=" + sizeOf(kMessage) + " RET=HDRS ENVID=ENV1\n"
              "C: RCPT TO:<bob@example.test> NOTIFY=SUCCESS,FAILURE,DELAY ORCPT=rfc822;bob@example.test\n"
              "C: RCPT TO:<x@elsewhere.test> NOTIFY=SUCCESS,FAILURE,DELAY ORCPT=rfc822;x@elsewhere.test\n"
              "S: 250 2.1.0 Ok\nS: 452 4.2.2 Mailbox full\nS: 550 5.7.1 Access denied\n"
              "C: RSET\nS: 250 2.0.0 Ok\nC: QUIT\nS: 221 Bye\n";
        Run run = makeRun(script, envelope);
        QVERIFY(run.finish());
        QVERIFY2(run.transport->mismatches().isEmpty(), qPrintable(run.mismatches()));
        QCOMPARE(run.job->state(), SubmissionJob::State::Failed);
        QCOMPARE(run.job->error().category, Category::AllRecipientsRejected);
        QCOMPARE(run.job->error().replyCode, 452);
        QVERIFY(!run.transport->written().contains("DATA"));
        const auto &r = run.job->result();
        QVERIFY(!r.sent());
        QCOMPARE(r.recipients.at(0).replyCode, 452);
        QCOMPARE(r.recipients.at(0).enhanced, (EnhancedStatus{4, 2, 2}));
        QCOMPARE(r.recipients.at(1).replyCode, 550);
        QCOMPARE(r.refusedRecipients().size(), 2);
    }

    void senderRefusedPipelined()
    {
        const QByteArray script = greetingAndEhlo(kPostfix)
            + "C: AUTH PLAIN <redacted>\nS: 235 ok\n"
              "C: MAIL FROM:<alice@example.test> SIZE=" + sizeOf(kMessage) + " RET=HDRS ENVID=ENV1\n"
              "C: RCPT TO:<bob@example.test> NOTIFY=SUCCESS,FAILURE,DELAY ORCPT=rfc822;bob@example.test\n"
              "S: 553 5.7.1 <alice@example.test>: Sender address rejected: not owned by user x\n"
              "S: 503 5.5.1 Error: need MAIL command\nC: QUIT\n";
        Run run = makeRun(script, aliceToBob());
        QVERIFY(run.finish());
        QVERIFY2(run.transport->mismatches().isEmpty(), qPrintable(run.mismatches()));
        QCOMPARE(run.job->error().category, Category::SenderRejected);
        QCOMPARE(run.job->error().replyCode, 553);
        QVERIFY(run.job->error().serverText.contains(QStringLiteral("not owned")));
        QCOMPARE(run.job->result().recipients.at(0).replyCode, 503);
    }

    void startTlsNotOfferedNeverFallsBack()
    {
        const QByteArray script = greetingAndEhlo(kPostfix) + "C: QUIT\n";
        Run run = makeRun(script, aliceToBob(), kMessage, Net::Security::StartTls);
        QVERIFY(run.finish());
        QVERIFY2(run.transport->mismatches().isEmpty(), qPrintable(run.mismatches()));
        QCOMPARE(run.job->error().category, Category::Security);
        QCOMPARE(run.job->error().transport.kind, Net::TransportError::Kind::StartTlsUnavailable);
        QVERIFY(!run.transport->written().contains("AUTH"));
        QVERIFY(!run.transport->written().contains("MAIL"));
    }

    void startTlsHandshakeFails()
    {
        const QByteArray script = greetingAndEhlo({"STARTTLS"}) + "C: STARTTLS\nS: 220 go\n!tls-fail\n";
        Run run = makeRun(script, aliceToBob(), kMessage, Net::Security::StartTls);
        QVERIFY(run.finish());
        QCOMPARE(run.job->error().category, Category::Connection);
        QCOMPARE(run.job->error().transport.kind, Net::TransportError::Kind::TlsFailed);
        QVERIFY(!run.transport->written().contains("AUTH"));
    }

    /// Bytes sent in the same packet as "220 Ready to start TLS" were not encrypted and must
    /// never be taken as replies after the handshake (the CVE-2011-0411 class of attack).
    void startTlsResponseInjectionIsRefused()
    {
        const QByteArray script = greetingAndEhlo({"STARTTLS"})
            + "C: STARTTLS\nS: 220 go\nS: 250-injected\nS: 250 AUTH PLAIN\n";
        Run run = makeRun(script, aliceToBob(), kMessage, Net::Security::StartTls);
        QVERIFY(run.finish());
        QVERIFY(run.job->error().category == Category::Protocol || run.job->error().category == Category::Security);
        QVERIFY(!run.transport->isEncrypted());
        QVERIFY(!run.transport->written().contains("EHLO [127.0.0.1]\r\nEHLO"));
        QCOMPARE(run.transport->written().count("EHLO"), 1);
    }

    void noCredentialsOverPlaintextToRemoteHosts()
    {
        const QByteArray script = greetingAndEhlo(kPostfix) + "C: QUIT\n";
        Run run = makeRun(script, aliceToBob(), kMessage, Net::Security::PlainLoopbackOnly);
        Net::Endpoint remote;
        remote.host = QStringLiteral("192.0.2.7");
        remote.security = Net::Security::PlainLoopbackOnly;
        run.job = std::make_unique<SubmissionJob>(run.transport.get(), remote,
                                                  Credentials::password(QStringLiteral("a"), QStringLiteral("b")),
                                                  aliceToBob(), kMessage);
        QVERIFY(run.finish());
        QCOMPARE(run.job->error().category, Category::Security);
        QVERIFY(!run.transport->written().contains("AUTH"));
    }

    void authFailureIsWrongPassword()
    {
        const QByteArray script = greetingAndEhlo(kPostfix)
            + "C: AUTH PLAIN <redacted>\nS: 535 5.7.8 Error: authentication failed: authentication failure\nC: QUIT\n";
        Run run = makeRun(script, aliceToBob());
        QVERIFY(run.finish());
        QVERIFY2(run.transport->mismatches().isEmpty(), qPrintable(run.mismatches()));
        const SubmissionError &e = run.job->error();
        QCOMPARE(e.category, Category::Authentication);
        QCOMPARE(e.replyCode, 535);
        QCOMPARE(e.enhanced, (EnhancedStatus{5, 7, 8}));
        QVERIFY(e.message().startsWith(QStringLiteral("Wrong user name or password.")));
        QVERIFY(!e.isTemporary());
    }

    void authLoginWhenPlainIsNotOffered()
    {
        const QByteArray script = greetingAndEhlo({"AUTH LOGIN"})
            + "C: AUTH LOGIN\nS: 334 VXNlcm5hbWU6\nC: <redacted>\nS: 334 UGFzc3dvcmQ6\nC: <redacted>\n"
              "S: 235 2.7.0 ok\nC: MAIL FROM:<alice@example.test>\nS: 250 ok\nC: RCPT TO:<bob@example.test>\n"
              "S: 250 ok\nC: DATA\nS: 354 go\nC: [payload " + sizeOf(dotStuff(canonicalizeLineEnds(kMessage)))
            + " bytes]\nC: .\nS: 250 ok\nC: QUIT\n";
        Run run = makeRun(script, aliceToBob());
        QVERIFY(run.finish());
        QVERIFY2(run.transport->mismatches().isEmpty(), qPrintable(run.mismatches()));
        QVERIFY(run.job->succeeded());
        QVERIFY(run.transport->written().contains("YWxpY2VAZXhhbXBsZS50ZXN0\r\n"));  // user
        QVERIFY(run.transport->written().contains("YWxpY2Utc2VjcmV0\r\n"));          // password
        QCOMPARE(run.job->result().queueId, QString());
    }

    void oauthSeamUsesXoauth2()
    {
        const QByteArray script = greetingAndEhlo({"AUTH PLAIN LOGIN XOAUTH2"})
            + "C: AUTH XOAUTH2 <redacted>\nS: 334 eyJzdGF0dXMiOiI0MDEifQ==\nC: <redacted>\n"
              "S: 535 5.7.8 token expired\nC: QUIT\n";
        Run run = makeRun(script, aliceToBob(), kMessage, Net::Security::ImplicitTls,
                          Credentials{Credentials::Kind::OAuth2Token, QStringLiteral("alice"), QStringLiteral("tok")});
        QVERIFY(run.finish());
        QVERIFY2(run.transport->mismatches().isEmpty(), qPrintable(run.mismatches()));
        QCOMPARE(run.job->error().category, Category::Authentication);
        QVERIFY(run.transport->written().contains(QByteArray("user=alice\x01" "auth=Bearer tok\x01\x01").toBase64()));
    }

    void oauthBearerPreferredAndAccepted()
    {
        // Dovecot-backed Postfix offers both; OAUTHBEARER (RFC 7628) wins, with the user
        // escaped in the GS2 header (RFC 5801: ',' → =2C, '=' → =3D).
        const QByteArray script = greetingAndEhlo({"AUTH PLAIN LOGIN XOAUTH2 OAUTHBEARER"})
            + "C: AUTH OAUTHBEARER <redacted>\nS: 235 2.7.0 Authentication successful\n"
              "C: MAIL FROM:<alice@example.test>\nS: 250 ok\nC: RCPT TO:<bob@example.test>\n"
              "S: 250 ok\nC: DATA\nS: 354 go\nC: [payload " + sizeOf(dotStuff(canonicalizeLineEnds(kMessage)))
            + " bytes]\nC: .\nS: 250 ok\nC: QUIT\n";
        Run run = makeRun(script, aliceToBob(), kMessage, Net::Security::ImplicitTls,
                          Credentials{Credentials::Kind::OAuth2Token, QStringLiteral("a,b=c"), QStringLiteral("tok-123")});
        QVERIFY(run.finish());
        QVERIFY2(run.transport->mismatches().isEmpty(), qPrintable(run.mismatches()));
        QVERIFY(run.job->succeeded());
        QVERIFY(run.transport->written().contains(
            QByteArray("n,a=a=2Cb=3Dc,\x01" "auth=Bearer tok-123\x01\x01").toBase64()));
        for (const QByteArray &line : run.transport->transcript())
            QVERIFY2(!line.contains("tok-123") && !line.contains(QByteArray("tok-123").toBase64().left(6)), line.constData());
    }

    void oauthErrorChallengeIsDecoded_data()
    {
        QTest::addColumn<QByteArray>("mechanisms");
        QTest::addColumn<QByteArray>("script");
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<QString>("shown");
        // What Dovecot 2.3 sends through Postfix (MAILSTACK.md, "OAuth2").
        const QByteArray xoauth2Error = QByteArray(R"({"status":"401","schemes":"bearer","scope":"mail"})").toBase64();
        const QByteArray bearerError = QByteArray(R"({"status":"invalid_token","schemes":"bearer","scope":"mail"})").toBase64();
        QTest::newRow("xoauth2-dovecot")
            << QByteArray("AUTH PLAIN LOGIN XOAUTH2")
            << QByteArray("C: AUTH XOAUTH2 <redacted>\nS: 334 " + xoauth2Error + "\nC: <redacted>\n"
                          "S: 535 5.7.8 Error: authentication failed\nC: QUIT\n")
            << QByteArray("\r\n") << QStringLiteral("\"status\":\"401\"");
        QTest::newRow("oauthbearer-dovecot")
            << QByteArray("AUTH PLAIN LOGIN XOAUTH2 OAUTHBEARER")
            << QByteArray("C: AUTH OAUTHBEARER <redacted>\nS: 334 " + bearerError + "\nC: <redacted>\n"
                          "S: 535 5.7.8 Error: authentication failed\nC: QUIT\n")
            << QByteArray("AQ==\r\n") << QStringLiteral("invalid_token");
    }
    void oauthErrorChallengeIsDecoded()
    {
        QFETCH(QByteArray, mechanisms);
        QFETCH(QByteArray, script);
        QFETCH(QByteArray, answer);
        QFETCH(QString, shown);
        Run run = makeRun(greetingAndEhlo({mechanisms}) + script, aliceToBob(), kMessage, Net::Security::ImplicitTls,
                          Credentials{Credentials::Kind::OAuth2Token, QStringLiteral("alice"), QStringLiteral("tok")});
        QVERIFY(run.finish());
        QVERIFY2(run.transport->mismatches().isEmpty(), qPrintable(run.mismatches()));
        const SubmissionError &e = run.job->error();
        QCOMPARE(e.category, Category::Authentication);
        QCOMPARE(e.replyCode, 535);
        QVERIFY2(e.message().contains(QStringLiteral("refused the sign-in token")), qPrintable(e.message()));
        QVERIFY2(e.message().contains(shown), qPrintable(e.message()));
        QVERIFY(!e.message().contains(QStringLiteral("password")));
        // The error challenge is answered before the final reply (RFC 7628 §3.2.3).
        QVERIFY(run.transport->written().endsWith(QByteArray("\r\n" + answer + "QUIT\r\n")));
    }

    void longOAuthTokenWaitsForTheChallenge()
    {
        // RFC 4954 §4: an AUTH line over 512 octets sends the response after "334 ".
        const QString token(1200, QLatin1Char('t'));
        const QByteArray script = greetingAndEhlo({"AUTH XOAUTH2"})
            + "C: AUTH XOAUTH2\nS: 334 \nC: <redacted>\nS: 235 ok\nC: MAIL FROM:<alice@example.test>\nS: 250 ok\n"
              "C: RCPT TO:<bob@example.test>\nS: 250 ok\nC: DATA\nS: 354 go\nC: [payload "
            + sizeOf(dotStuff(canonicalizeLineEnds(kMessage))) + " bytes]\nC: .\nS: 250 ok\nC: QUIT\n";
        Run run = makeRun(script, aliceToBob(), kMessage, Net::Security::ImplicitTls,
                          Credentials{Credentials::Kind::OAuth2Token, QStringLiteral("alice"), token});
        QVERIFY(run.finish());
        QVERIFY2(run.transport->mismatches().isEmpty(), qPrintable(run.mismatches()));
        QVERIFY(run.job->succeeded());
        QVERIFY(run.transport->written().contains("AUTH XOAUTH2\r\n"));
    }

    void noUsableMechanism()
    {
        const QByteArray script = greetingAndEhlo({"AUTH CRAM-MD5 GSSAPI"}) + "C: QUIT\n";
        Run run = makeRun(script, aliceToBob());
        QVERIFY(run.finish());
        QCOMPARE(run.job->error().category, Category::Authentication);
        QVERIFY(run.job->error().message().contains(QStringLiteral("CRAM-MD5")));
    }

    void serverClosesDuringData()
    {
        const QByteArray wire = dotStuff(canonicalizeLineEnds(kMessage));
        const QByteArray script = greetingAndEhlo({"AUTH PLAIN"})
            + "C: AUTH PLAIN <redacted>\nS: 235 ok\nC: MAIL FROM:<alice@example.test>\nS: 250 ok\n"
              "C: RCPT TO:<bob@example.test>\nS: 250 ok\nC: DATA\nS: 354 go\n"
              "C: [payload " + sizeOf(wire) + " bytes]\nC: .\n!close\n";
        Run run = makeRun(script, aliceToBob());
        QVERIFY(run.finish());
        QVERIFY2(run.transport->mismatches().isEmpty(), qPrintable(run.mismatches()));
        const SubmissionError &e = run.job->error();
        QCOMPARE(e.category, Category::Connection);
        QCOMPARE(e.transport.kind, Net::TransportError::Kind::RemoteClosed);
        // The final dot went out before the connection dropped: the job must not claim either way.
        QVERIFY(e.message().contains(QStringLiteral("may have been sent")));
        QVERIFY(e.isTemporary());
        const auto &r = run.job->result();
        QVERIFY(!r.sent());
        QVERIFY(!r.finalReply.isValid());
        QVERIFY(!r.recipients.at(0).accepted);
        QVERIFY(r.recipients.at(0).rcptAccepted);
        QCOMPARE(r.recipients.at(0).replyCode, 0);
    }

    void messageRefusedAfterData()
    {
        const QByteArray wire = dotStuff(canonicalizeLineEnds(kMessage));
        const QByteArray script = greetingAndEhlo({"AUTH PLAIN"})
            + "C: AUTH PLAIN <redacted>\nS: 235 ok\nC: MAIL FROM:<alice@example.test>\nS: 250 ok\n"
              "C: RCPT TO:<bob@example.test>\nS: 250 ok\nC: DATA\nS: 354 go\n"
              "C: [payload " + sizeOf(wire) + " bytes]\nC: .\nS: 554 5.7.0 Spam\nC: QUIT\n";
        Run run = makeRun(script, aliceToBob());
        QVERIFY(run.finish());
        QCOMPARE(run.job->error().category, Category::MessageRejected);
        QCOMPARE(run.job->result().recipients.at(0).replyCode, 554);
        QCOMPARE(run.job->result().recipients.at(0).enhanced, (EnhancedStatus{5, 7, 0}));
        QVERIFY(!run.job->result().sent());
    }

    void garbageReplies_data()
    {
        QTest::addColumn<QByteArray>("script");
        QTest::newRow("greeting-html") << QByteArray("S: <html><body>proxy</body></html>\n");
        QTest::newRow("ehlo-reply-garbage")
            << QByteArray("S: 220 ok\nC: EHLO [127.0.0.1]\nS: 250-ok\nS: 99 bottles\n");
        QTest::newRow("inconsistent-multiline")
            << QByteArray("S: 220 ok\nC: EHLO [127.0.0.1]\nS: 250-ok\nS: 550 nope\n");
        QTest::newRow("unsolicited-reply") << QByteArray("S: 220 ok\nS: 250 surprise\n");
    }
    void garbageReplies()
    {
        QFETCH(QByteArray, script);
        Run run = makeRun(script, aliceToBob());
        QVERIFY(run.finish());
        QCOMPARE(run.job->error().category, Category::Protocol);
        QVERIFY(!run.job->error().message().isEmpty());
        QVERIFY(!run.transport->written().contains("AUTH"));
    }

    void greetingRefused()
    {
        Run run = makeRun("S: 554 5.7.1 No SMTP service here\nC: QUIT\n", aliceToBob());
        QVERIFY(run.finish());
        QCOMPARE(run.job->error().category, Category::ServiceUnavailable);
        QCOMPARE(run.job->error().replyCode, 554);
    }

    void timeouts_data()
    {
        QTest::addColumn<QByteArray>("script");
        QTest::addColumn<int>("kind");
        QTest::newRow("rfc5321-4.5.3.2.1-greeting") << QByteArray("!stall\n") << int(Net::TransportError::Kind::GreetingTimeout);
        QTest::newRow("rfc5321-4.5.3.2-command")
            << QByteArray("S: 220 ok\nC: EHLO [127.0.0.1]\n!stall\n") << int(Net::TransportError::Kind::CommandTimeout);
        QTest::newRow("rfc5321-4.5.3.2.6-data-termination")
            << (greetingAndEhlo({"AUTH PLAIN"})
                + "C: AUTH PLAIN <redacted>\nS: 235 ok\nC: MAIL FROM:<alice@example.test>\nS: 250 ok\n"
                  "C: RCPT TO:<bob@example.test>\nS: 250 ok\nC: DATA\nS: 354 go\n"
                  "C: [payload " + sizeOf(dotStuff(canonicalizeLineEnds(kMessage))) + " bytes]\nC: .\n!stall\n")
            << int(Net::TransportError::Kind::DataTimeout);
    }
    void timeouts()
    {
        QFETCH(QByteArray, script);
        QFETCH(int, kind);
        Run run;
        run.transport = std::make_unique<ScriptedTransport>(script);
        Net::Endpoint endpoint;
        endpoint.host = QStringLiteral("127.0.0.1");
        endpoint.security = Net::Security::ImplicitTls;
        endpoint.timeouts = {1000, 40, 40, 40, 40};
        run.job = std::make_unique<SubmissionJob>(run.transport.get(), endpoint,
                                                  Credentials::password(QStringLiteral("alice@example.test"), QStringLiteral("alice-secret")),
                                                  aliceToBob(), kMessage);
        QVERIFY(run.finish());
        QCOMPARE(run.job->error().category, Category::Connection);
        QCOMPARE(run.job->error().transport.kind, Net::TransportError::Kind(kind));
        QVERIFY(!run.job->result().sent());
    }

    void sizeCheckedBeforeSending()
    {
        const QByteArray script = greetingAndEhlo({"SIZE 100", "AUTH PLAIN"}) + "C: AUTH PLAIN <redacted>\nS: 235 ok\nC: QUIT\n";
        Run run = makeRun(script, aliceToBob(), QByteArray(200, 'x'));
        QVERIFY(run.finish());
        QVERIFY2(run.transport->mismatches().isEmpty(), qPrintable(run.mismatches()));
        QCOMPARE(run.job->error().category, Category::MessageTooLarge);
        QVERIFY(!run.transport->written().contains("MAIL"));
    }

    void smtputf8Addresses()
    {
        Envelope envelope = Envelope::simple(QStringLiteral("alice@example.test"), {QStringLiteral("j\u00fcrgen@example.test")});
        envelope.envid = "E2";
        const QByteArray message = "Subject: \xc3\xa4\r\n\r\nx\r\n";
        const QByteArray script = greetingAndEhlo(kPostfix + QList<QByteArray>{"SMTPUTF8"})
            + "C: AUTH PLAIN <redacted>\nS: 235 ok\n"
              "C: MAIL FROM:<alice@example.test> SIZE=" + sizeOf(message) + " BODY=8BITMIME SMTPUTF8 RET=HDRS ENVID=E2\n"
              "C: RCPT TO:<j\xc3\xbcrgen@example.test> NOTIFY=SUCCESS,FAILURE,DELAY ORCPT=utf-8;j\\x{FC}rgen@example.test\n"
              "S: 250 ok\nS: 250 ok\nC: DATA\nS: 354 go\nC: [payload " + sizeOf(message) + " bytes]\nC: .\nS: 250 ok\nC: QUIT\n";
        Run run = makeRun(script, envelope, message);
        QVERIFY(run.finish());
        QVERIFY2(run.transport->mismatches().isEmpty(), qPrintable(run.mismatches()));
        QVERIFY(run.job->succeeded());
        QVERIFY(run.job->result().smtpUtf8Used);
    }

    void smtputf8AddressWithoutServerSupport()
    {
        Envelope envelope = Envelope::simple(QStringLiteral("alice@example.test"), {QStringLiteral("j\u00fcrgen@example.test")});
        const QByteArray script = greetingAndEhlo(kPostfix) + "C: AUTH PLAIN <redacted>\nS: 235 ok\nC: QUIT\n";
        Run run = makeRun(script, envelope);
        QVERIFY(run.finish());
        QCOMPARE(run.job->error().category, Category::Utf8Unsupported);
        QVERIFY(!run.transport->written().contains("MAIL"));
    }

    /// RFC 6152 §3 / RFC 6532 §3: what the server cannot take is refused before MAIL FROM, so
    /// the caller can re-encode and try again (nothing was sent).
    void eightBitWithout8BitMimeIsRefusedBeforeMail_data()
    {
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<QList<QByteArray>>("keywords");
        QTest::addColumn<Category>("category");
        QTest::newRow("rfc6152-8bit-body-no-8bitmime")
            << QByteArray("Subject: hi\r\n\r\nGr\xc3\xbc\xc3\x9f" "e\r\n") << QList<QByteArray>{"AUTH PLAIN"}
            << Category::EightBitUnsupported;
        QTest::newRow("rfc6532-utf8-header-no-smtputf8")
            << QByteArray("Subject: Gr\xc3\xbc\xc3\x9f" "e\r\n\r\nhi\r\n") << QList<QByteArray>{"AUTH PLAIN", "8BITMIME"}
            << Category::Utf8Unsupported;
    }

    void eightBitWithout8BitMimeIsRefusedBeforeMail()
    {
        QFETCH(QByteArray, message);
        QFETCH(QList<QByteArray>, keywords);
        QFETCH(Category, category);
        const QByteArray script = greetingAndEhlo(keywords) + "C: AUTH PLAIN <redacted>\nS: 235 ok\nC: QUIT\n";
        Run run = makeRun(script, aliceToBob(), message);
        QVERIFY(run.finish());
        QVERIFY2(run.transport->mismatches().isEmpty(), qPrintable(run.mismatches()));
        QCOMPARE(run.job->error().category, category);
        QVERIFY(!run.job->error().isTemporary());
        QVERIFY(run.job->capabilitiesKnown());
        QVERIFY(!run.transport->written().contains("MAIL"));
    }

    void eightBitBodyWithSmtpUtf8OnlyIsSent()
    {
        // RFC 6531 §3.1: a server offering SMTPUTF8 takes 8-bit data; BODY= only with 8BITMIME.
        const QByteArray message = "Subject: hi\r\n\r\nGr\xc3\xbc\xc3\x9f" "e\r\n";
        const QByteArray script = greetingAndEhlo({"AUTH PLAIN", "SMTPUTF8"})
            + "C: AUTH PLAIN <redacted>\nS: 235 ok\nC: MAIL FROM:<alice@example.test>\nS: 250 ok\n"
              "C: RCPT TO:<bob@example.test>\nS: 250 ok\nC: DATA\nS: 354 go\n"
              "C: [payload " + sizeOf(message) + " bytes]\nC: .\nS: 250 ok\nC: QUIT\n";
        Run run = makeRun(script, aliceToBob(), message);
        QVERIFY(run.finish());
        QVERIFY2(run.transport->mismatches().isEmpty(), qPrintable(run.mismatches()));
        QVERIFY2(run.job->succeeded(), qPrintable(run.job->error().message()));
    }

    void invalidEnvelopeNeverConnects_data()
    {
        QTest::addColumn<Envelope>("envelope");
        QTest::newRow("no-recipients") << Envelope::simple(QStringLiteral("a@x"), {});
        QTest::newRow("crlf-injection-in-recipient")
            << Envelope::simple(QStringLiteral("a@x"), {QStringLiteral("b@x>\r\nRCPT TO:<c@x")});
        QTest::newRow("angle-bracket-in-sender") << Envelope::simple(QStringLiteral("a>@x"), {QStringLiteral("b@x")});
    }
    void invalidEnvelopeNeverConnects()
    {
        QFETCH(Envelope, envelope);
        Run run = makeRun("S: 220 ok\n", envelope);
        QVERIFY(run.finish());
        QCOMPARE(run.job->error().category, Category::MessageRejected);
        QCOMPARE(run.transport->connectCount(), 0);
    }

    void abortIsImmediate()
    {
        Run run = makeRun("!stall\n", aliceToBob());
        QSignalSpy finished(run.job.get(), &SubmissionJob::finished);
        run.job->start();
        run.job->abort();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(run.job->error().category, Category::Aborted);
        QTest::qWait(0);
        QCOMPARE(finished.count(), 1);
    }

    /// A transcript recorded from the private Postfix by the integration test, replayed.
    void replayRecordedPostfixSession()
    {
        const QByteArray script = ScriptedTransport::fixture(QStringLiteral("data/smtp/postfix-submission.transcript"));
        Envelope envelope = Envelope::simple(QStringLiteral("alice@example.test"),
                                             {QStringLiteral("bob@example.test"), QStringLiteral("nobody@elsewhere.test")});
        envelope.envid = "MAILTRAIL-FIXTURE-1";
        const QByteArray message = "From: alice@example.test\r\nTo: bob@example.test\r\nSubject: fixture\r\n"
                                   "Message-ID: <fixture-1@example.test>\r\n\r\nHello from the fixture.\r\n.dot\r\n";
        Run run = makeRun(script, envelope, message, Net::Security::StartTls);
        QVERIFY(run.finish());
        QVERIFY2(run.transport->mismatches().isEmpty(), qPrintable(run.mismatches()));
        QVERIFY2(run.job->succeeded(), qPrintable(run.job->error().message()));
        QCOMPARE(run.job->result().queueId, QStringLiteral("D0078516396"));
        QVERIFY(run.job->result().chunkingUsed);
        QVERIFY(run.job->result().recipients.at(0).accepted);
        QCOMPARE(run.job->result().recipients.at(1).replyCode, 550);
        QCOMPARE(run.job->result().recipients.at(1).enhanced, (EnhancedStatus{5, 7, 1}));
    }
};


QTEST_GUILESS_MAIN(SubmissionJobTest)
#include "SubmissionJobTest.moc"
