// SPDX-License-Identifier: GPL-3.0-or-later
// SubmissionJob + SocketTransport against the private Postfix (fixture Mailstack): DSN
// requests and the DSNs that come back, refusals at RCPT and later bounces, certificate
// policy, wrong password, a connection cut during DATA, a 20 MB message, SMTPUTF8, and
// implicit TLS on the submissions port.
#include "MailStack.h"
#include "TcpProxy.h"
#include "net/SocketTransport.h"
#include "smtp/SubmissionJob.h"
#include "smtp/Xtext.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace Mailtrail;
using namespace Mailtrail::Smtp;
using Mailtrail::Test::MailStack;
using Category = SubmissionError::Category;

namespace {

constexpr int JobTimeout = 120000;
constexpr int DsnTimeout = 30000;

QByteArray testMessage(const QString &to, const QByteArray &subject, const QByteArray &body = "Hello.\r\n")
{
    return "From: alice@example.test\r\nTo: " + to.toUtf8() + "\r\nSubject: " + subject
        + "\r\nMessage-ID: <" + subject + "@mailtrail.test>\r\nMIME-Version: 1.0\r\n"
          "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body;
}

QByteArray uniqueSubject(const char *what)
{
    return what + QByteArray("-") + generateEnvid().left(12).toLower();
}

} // namespace

class SubmissionIntegrationTest : public QObject
{
    Q_OBJECT
private:
    MailStack m_stack = MailStack::fromEnvironment();

    Net::Endpoint endpoint(Net::Security security, quint16 port, bool withCa = true) const
    {
        Net::Endpoint e;
        e.host = m_stack.host();
        e.port = port;
        e.security = security;
        if (withCa)
            e.certificates.extraCaFile = m_stack.caFile();
        e.timeouts.connectMs = 20000;
        e.timeouts.greetingMs = 30000;
        e.timeouts.commandMs = 30000;
        e.timeouts.dataBlockMs = 30000;
        e.timeouts.dataEndMs = 60000;
        return e;
    }
    Net::Endpoint submission() const { return endpoint(Net::Security::StartTls, m_stack.submissionPort()); }

    Credentials alice() const
    {
        return Credentials::password(m_stack.address(QStringLiteral("alice")), m_stack.password(QStringLiteral("alice")));
    }

    /// Runs one job to completion; certificate problems are answered with `decision` and
    /// counted in *problems.
    std::unique_ptr<SubmissionJob> run(Net::SocketTransport *transport, const Net::Endpoint &e,
                                       const Credentials &credentials, const Envelope &envelope,
                                       const QByteArray &message, int *problems = nullptr,
                                       Net::CertificateDecision decision = Net::CertificateDecision::Reject,
                                       QByteArray *seenFingerprint = nullptr)
    {
        QObject::connect(transport, &Net::Transport::certificateProblem, transport,
                         [transport, problems, decision, seenFingerprint](const Net::CertificateProblem &p) {
                             if (problems)
                                 ++*problems;
                             if (seenFingerprint)
                                 *seenFingerprint = p.sha256;
                             transport->answerCertificate(decision);
                         });
        auto job = std::make_unique<SubmissionJob>(transport, e, credentials, envelope, message);
        QSignalSpy finished(job.get(), &SubmissionJob::finished);
        job->start();
        if (!finished.wait(JobTimeout))
            qWarning("job did not finish");
        return job;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_stack.isValid(), qPrintable(m_stack.errorString()));
    }

    /// RFC 3461: NOTIFY=SUCCESS for bob; Postfix accepts, and the success DSN that comes back
    /// to alice carries our ENVID as Original-Envelope-Id and our ORCPT as Original-Recipient.
    void successDsnCarriesOurEnvid()
    {
        const QString bob = m_stack.address(QStringLiteral("bob"));
        Envelope envelope = Envelope::simple(m_stack.address(QStringLiteral("alice")), {bob});
        envelope.recipients[0].notify = DsnNotify{true, false, false};
        const QByteArray subject = uniqueSubject("success");
        Net::SocketTransport transport;
        int problems = 0;
        auto job = run(&transport, submission(), alice(), envelope, testMessage(bob, subject), &problems);
        QVERIFY2(job->succeeded(), qPrintable(job->error().message()));
        QCOMPARE(problems, 0);
        const SubmissionResult &r = job->result();
        QVERIFY(r.sent());
        QVERIFY(r.dsnSupported);
        QVERIFY(r.pipeliningUsed);
        QCOMPARE(r.envid.size(), 32);
        QVERIFY2(!r.queueId.isEmpty(), qPrintable(r.finalReply.text()));
        QCOMPARE(r.recipients.at(0).notify, QByteArray("SUCCESS"));
        QVERIFY(r.recipients.at(0).accepted);
        QCOMPARE(r.recipients.at(0).enhanced.statusClass, 2);
        QVERIFY(job->capabilities().dsn && job->capabilities().enhancedStatusCodes);

        const QByteArray dsn = m_stack.waitForMessageContaining(
            QStringLiteral("alice"), {"Original-Envelope-Id: " + r.envid, "report-type=delivery-status"}, DsnTimeout);
        QVERIFY2(!dsn.isEmpty(), "no success DSN with our ENVID arrived for alice");
        QVERIFY(dsn.contains("Action: delivered"));
        QVERIFY(dsn.contains(QByteArray("Original-Recipient: rfc822;" + bob.toUtf8())));
        QVERIFY(!m_stack.waitForMessageContaining(QStringLiteral("bob"), {"Subject: " + subject}, DsnTimeout).isEmpty());
    }

    /// One recipient refused at RCPT (other domain: 550 5.7.1), one accepted and bounced
    /// later (ghost@: LMTP 550 5.1.1), one delivered. Each is recorded as it happened.
    void refusedAtRcptAndBouncedLater()
    {
        const QString bob = m_stack.address(QStringLiteral("bob"));
        const QString ghost = QStringLiteral("ghost@") + m_stack.domain();
        const QString elsewhere = QStringLiteral("someone@elsewhere.example.org");
        Envelope envelope = Envelope::simple(m_stack.address(QStringLiteral("alice")), {bob, elsewhere, ghost});
        envelope.recipients[0].notify = DsnNotify::never();
        envelope.recipients[2].notify = DsnNotify{false, true, false};
        const QByteArray subject = uniqueSubject("partial");
        Net::SocketTransport transport;
        auto job = run(&transport, submission(), alice(), envelope, testMessage(bob, subject));
        QVERIFY2(job->succeeded(), qPrintable(job->error().message()));
        const SubmissionResult &r = job->result();
        QVERIFY(r.sent());
        QVERIFY(r.recipients.at(0).accepted);
        QVERIFY(!r.recipients.at(1).accepted);
        QVERIFY(!r.recipients.at(1).rcptAccepted);
        QCOMPARE(r.recipients.at(1).replyCode, 550);
        QCOMPARE(r.recipients.at(1).enhanced, (EnhancedStatus{5, 7, 1}));
        QVERIFY(!r.recipients.at(1).text.isEmpty());
        QVERIFY(r.recipients.at(2).accepted); // accepted now, bounced later
        QCOMPARE(r.refusedRecipients().size(), 1);

        const QByteArray dsn = m_stack.waitForMessageContaining(
            QStringLiteral("alice"), {"Original-Envelope-Id: " + r.envid, "Action: failed"}, DsnTimeout);
        QVERIFY2(!dsn.isEmpty(), "no failure DSN for ghost@ with our ENVID");
        QVERIFY(dsn.contains("Status: 5.1.1"));
        QVERIFY(dsn.contains(QByteArray("Original-Recipient: rfc822;" + ghost.toUtf8())));
    }

    void allRecipientsRefused()
    {
        Envelope envelope = Envelope::simple(m_stack.address(QStringLiteral("alice")),
                                             {QStringLiteral("a@elsewhere.example.org"), QStringLiteral("b@elsewhere.example.org")});
        Net::SocketTransport transport;
        auto job = run(&transport, submission(), alice(), envelope, testMessage(QStringLiteral("a@elsewhere.example.org"), "x"));
        QCOMPARE(job->error().category, Category::AllRecipientsRejected);
        QCOMPARE(job->error().replyCode, 550);
        QVERIFY(!job->result().sent());
        QCOMPARE(job->result().refusedRecipients().size(), 2);
    }

    /// Without the stack's CA the certificate is untrusted: reported with its fingerprint,
    /// refused when the caller says no; accepted once pinned; trusted with the CA file.
    void certificatePolicy()
    {
        const QString bob = m_stack.address(QStringLiteral("bob"));
        const Envelope envelope = Envelope::simple(m_stack.address(QStringLiteral("alice")), {bob});
        Net::Endpoint noCa = endpoint(Net::Security::StartTls, m_stack.submissionPort(), false);

        QByteArray fingerprint;
        int problems = 0;
        {
            Net::SocketTransport transport;
            auto job = run(&transport, noCa, alice(), envelope, testMessage(bob, uniqueSubject("cert-refused")),
                           &problems, Net::CertificateDecision::Reject, &fingerprint);
            QCOMPARE(problems, 1);
            QCOMPARE(job->error().category, Category::Connection);
            QCOMPARE(job->error().transport.kind, Net::TransportError::Kind::CertificateRejected);
            QCOMPARE(fingerprint.size(), 32);
            QVERIFY(!job->result().sent());
        }
        {
            Net::Endpoint pinned = noCa;
            pinned.certificates.pinnedSha256 = {fingerprint};
            Net::SocketTransport transport;
            problems = 0;
            auto job = run(&transport, pinned, alice(), envelope, testMessage(bob, uniqueSubject("cert-pinned")), &problems);
            QVERIFY2(job->succeeded(), qPrintable(job->error().message()));
            QCOMPARE(problems, 0);
        }
        {
            Net::Endpoint wrongPin = noCa;
            wrongPin.certificates.pinnedSha256 = {QByteArray(32, '\x42')};
            Net::SocketTransport transport;
            problems = 0;
            auto job = run(&transport, wrongPin, alice(), envelope, testMessage(bob, uniqueSubject("cert-wrongpin")), &problems);
            QCOMPARE(problems, 1);
            QCOMPARE(job->error().transport.kind, Net::TransportError::Kind::CertificateRejected);
        }
        {
            Net::SocketTransport transport;
            problems = 0;
            auto job = run(&transport, noCa, alice(), envelope, testMessage(bob, uniqueSubject("cert-once")),
                           &problems, Net::CertificateDecision::AcceptOnce);
            QVERIFY2(job->succeeded(), qPrintable(job->error().message()));
            QCOMPARE(problems, 1);
        }
        {
            Net::SocketTransport transport;
            problems = 0;
            auto job = run(&transport, submission(), alice(), envelope, testMessage(bob, uniqueSubject("cert-ca")), &problems);
            QVERIFY2(job->succeeded(), qPrintable(job->error().message()));
            QCOMPARE(problems, 0);
        }
    }

    void wrongPassword()
    {
        const QString bob = m_stack.address(QStringLiteral("bob"));
        // Through a proxy that connects from an address of its own: Dovecot delays further
        // logins from the address of a failed one (MAILSTACK.md, "Auth penalty").
        Test::TcpProxy proxy(m_stack.host(), m_stack.submissionPort());
        proxy.setSourceAddress(QHostAddress(QStringLiteral("127.0.0.33")));
        QVERIFY(proxy.start());
        Net::SocketTransport transport;
        QList<QByteArray> transcript;
        transport.setTranscriptEnabled(true);
        connect(&transport, &Net::Transport::transcriptLine, this, [&transcript](const QByteArray &l) { transcript.append(l); });
        auto job = run(&transport, endpoint(Net::Security::StartTls, proxy.serverPort()),
                       Credentials::password(m_stack.address(QStringLiteral("alice")), QStringLiteral("not-the-password")),
                       Envelope::simple(m_stack.address(QStringLiteral("alice")), {bob}), testMessage(bob, "wrong"));
        QCOMPARE(job->error().category, Category::Authentication);
        QCOMPARE(job->error().replyCode, 535);
        QVERIFY(job->error().message().contains(QStringLiteral("Wrong user name or password")));
        QVERIFY(!job->result().sent());
        for (const QByteArray &line : std::as_const(transcript))
            QVERIFY2(!line.contains(QByteArray("not-the-password").toBase64().left(12)) && !line.contains("not-the-password"),
                     line.constData());
        QVERIFY(transcript.contains("C: AUTH PLAIN <redacted>"));
    }

    /// The network dies in the middle of the data: a clear error, no crash, and the result
    /// does not claim the message was sent.
    void connectionCutDuringData()
    {
        Mailtrail::Test::TcpProxy proxy(m_stack.host(), m_stack.submissionsPort());
        QVERIFY(proxy.start());
        proxy.setCutAfterClientBytes(300 * 1024);
        const QString bob = m_stack.address(QStringLiteral("bob"));
        const QByteArray subject = uniqueSubject("cut");
        QByteArray body;
        while (body.size() < 2 * 1024 * 1024)
            body += "A line of text to make the message large enough to be cut in the middle.\r\n";
        Net::Endpoint e = endpoint(Net::Security::ImplicitTls, proxy.serverPort());
        e.host = QStringLiteral("127.0.0.1");
        Net::SocketTransport transport;
        auto job = run(&transport, e, alice(), Envelope::simple(m_stack.address(QStringLiteral("alice")), {bob}),
                       testMessage(bob, subject, body));
        QVERIFY(proxy.didCut());
        QCOMPARE(job->state(), SubmissionJob::State::Failed);
        QCOMPARE(job->error().category, Category::Connection);
        QVERIFY(!job->error().message().isEmpty());
        QVERIFY(!job->result().sent());
        QVERIFY(!job->result().recipients.at(0).accepted);
        QVERIFY(!job->result().finalReply.isValid());
    }

    /// 20 MB in one BDAT chunk (Postfix offers CHUNKING) and, separately, with DATA.
    void twentyMegabytes_data()
    {
        QTest::addColumn<bool>("chunking");
        QTest::newRow("bdat") << true;
        QTest::newRow("data-dot-stuffed") << false;
    }
    void twentyMegabytes()
    {
        QFETCH(bool, chunking);
        const QString bob = m_stack.address(QStringLiteral("bob"));
        const QByteArray subject = uniqueSubject("big");
        QByteArray body;
        body.reserve(21 * 1024 * 1024);
        const QByteArray line = ".Line starting with a dot, 0123456789 abcdefghijklmnopqrstuvwxyz\r\n";
        while (body.size() < 20 * 1024 * 1024)
            body += line;
        const QByteArray message = testMessage(bob, subject, body);
        Net::SocketTransport transport;
        Net::Endpoint e = submission();
        auto job = std::make_unique<SubmissionJob>(&transport, e, alice(),
                                                   Envelope::simple(m_stack.address(QStringLiteral("alice")), {bob}), message);
        SubmissionOptions options;
        options.useChunking = chunking;
        job->setOptions(options);
        QSignalSpy finished(job.get(), &SubmissionJob::finished);
        job->start();
        QVERIFY(finished.wait(JobTimeout));
        const auto limit = job->capabilities().size;
        if (limit.has_value() && *limit > 0 && *limit < message.size()) {
            // The SIZE pre-check (RFC 1870) must refuse before MAIL; the stack needs a larger
            // message_size_limit for the success path.
            QCOMPARE(job->error().category, Category::MessageTooLarge);
            QSKIP(qPrintable(QStringLiteral("the stack's message_size_limit is %1 bytes; 20 MB needs more").arg(*limit)));
        }
        QVERIFY2(job->succeeded(), qPrintable(job->error().message()));
        QCOMPARE(job->result().chunkingUsed, chunking);
        const QByteArray delivered = m_stack.waitForMessageContaining(QStringLiteral("bob"), {"Subject: " + subject}, DsnTimeout);
        QVERIFY(delivered.size() > 20 * 1000 * 1000); // Maildir stores LF line ends
        const QByteArray stored = line.chopped(2) + '\n'; // Maildir stores LF line ends
        QVERIFY(delivered.contains(QByteArray("\n" + stored))); // dots intact
        QVERIFY(!delivered.contains(QByteArray("\n." + stored)));
    }

    /// RFC 6531: a non-ASCII recipient makes the job use SMTPUTF8; Postfix has it on
    /// (compatibility_level ≥ 3.6). The UTF-8 local part is unknown, so it is refused at RCPT
    /// with its own code while bob gets the message.
    void smtputf8Addresses()
    {
        const QString bob = m_stack.address(QStringLiteral("bob"));
        const QString utf8 = QStringLiteral("j\u00fcrgen@") + m_stack.domain();
        const QByteArray subject = uniqueSubject("utf8");
        Envelope envelope = Envelope::simple(m_stack.address(QStringLiteral("alice")), {bob, utf8});
        Net::SocketTransport transport;
        auto job = run(&transport, submission(), alice(), envelope,
                       testMessage(bob, subject, "Gr\xc3\xbc\xc3\x9f" "e\r\n"));
        QVERIFY2(job->capabilities().smtpUtf8, "Postfix does not offer SMTPUTF8: set smtputf8_enable=yes in the stack");
        QVERIFY2(job->succeeded(), qPrintable(job->error().message()));
        QVERIFY(job->result().smtpUtf8Used);
        QVERIFY(job->result().recipients.at(0).accepted);
        const RecipientResult &u = job->result().recipients.at(1);
        QCOMPARE(u.address, utf8);
        QVERIFY(!u.rcptAccepted);
        QCOMPARE(u.replyCode / 100, 5);
        QVERIFY(!m_stack.waitForMessageContaining(QStringLiteral("bob"), {"Subject: " + subject}, DsnTimeout).isEmpty());
    }

    void implicitTlsOnSubmissionsPort()
    {
        const QString bob = m_stack.address(QStringLiteral("bob"));
        Net::SocketTransport transport;
        auto job = run(&transport, endpoint(Net::Security::ImplicitTls, m_stack.submissionsPort()), alice(),
                       Envelope::simple(m_stack.address(QStringLiteral("alice")), {bob}),
                       testMessage(bob, uniqueSubject("implicit")));
        QVERIFY2(job->succeeded(), qPrintable(job->error().message()));
        QVERIFY(!job->capabilities().startTls);
    }

    /// The relay sink does not offer DSN: the message goes out without DSN parameters and
    /// the result says so (dsnUnsupported), so the UI can warn.
    void dsnUnsupportedStillSends()
    {
        Net::Endpoint sink = endpoint(Net::Security::PlainLoopbackOnly, m_stack.relayPort());
        const QByteArray subject = uniqueSubject("nodsn");
        Net::SocketTransport transport;
        QList<QByteArray> transcript;
        transport.setTranscriptEnabled(true);
        connect(&transport, &Net::Transport::transcriptLine, this, [&transcript](const QByteArray &l) { transcript.append(l); });
        auto job = run(&transport, sink, Credentials{},
                       Envelope::simple(m_stack.address(QStringLiteral("alice")), {QStringLiteral("someone@relay.example.test")}),
                       testMessage(QStringLiteral("someone@relay.example.test"), subject));
        QVERIFY2(job->succeeded(), qPrintable(job->error().message()));
        QVERIFY(job->result().dsnUnsupported());
        for (const QByteArray &line : std::as_const(transcript)) {
            if (line.startsWith("C: MAIL") || line.startsWith("C: RCPT"))
                QVERIFY2(!line.contains("ENVID") && !line.contains("NOTIFY"), line.constData());
        }
    }

    /// Records the fixture replayed by the unit test SubmissionJobTest::replayRecordedPostfixSession
    /// when MAILTRAIL_RECORD_FIXTURE names an output file.
    void recordFixture()
    {
        const QString out = qEnvironmentVariable("MAILTRAIL_RECORD_FIXTURE");
        if (out.isEmpty())
            QSKIP("set MAILTRAIL_RECORD_FIXTURE=path to record tests/data/smtp/postfix-submission.transcript");
        Envelope envelope = Envelope::simple(QStringLiteral("alice@example.test"),
                                             {QStringLiteral("bob@example.test"), QStringLiteral("nobody@elsewhere.test")});
        envelope.envid = "MAILTRAIL-FIXTURE-1";
        const QByteArray message = "From: alice@example.test\r\nTo: bob@example.test\r\nSubject: fixture\r\n"
                                   "Message-ID: <fixture-1@example.test>\r\n\r\nHello from the fixture.\r\n.dot\r\n";
        Net::SocketTransport transport;
        QByteArray transcript = "# Recorded from the private Postfix by SubmissionIntegrationTest::recordFixture\n";
        transport.setTranscriptEnabled(true);
        connect(&transport, &Net::Transport::transcriptLine, this, [&transcript](const QByteArray &l) {
            if (!l.startsWith("# connecting")) // ports differ between runs
                transcript += l + '\n';
        });
        auto job = run(&transport, submission(), alice(), envelope, message);
        QVERIFY2(job->succeeded(), qPrintable(job->error().message()));
        QFile file(out);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(transcript);
    }
};

QTEST_GUILESS_MAIN(SubmissionIntegrationTest)
#include "SubmissionIntegrationTest.moc"
