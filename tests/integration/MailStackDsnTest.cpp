// SPDX-License-Identifier: GPL-3.0-or-later
// The DSN behaviours of the private mail stack that Mailtrail's tests rely on (RFC 3461,
// RFC 3464): success DSNs say "delivered", an accepted-then-bounced address yields an
// asynchronous 5.1.1 failure, a deferred recipient yields a delay DSN and is delivered once
// released, other domains are refused at RCPT, and a relay hop that hides DSN yields "relayed".
#include "MailStack.h"
#include "SmtpTestClient.h"

#include <QHostAddress>
#include <QTest>
#include <QUuid>

#include <algorithm>

using Mailtrail::Test::MailStack;
using Mailtrail::Test::SmtpTestClient;
using Mailtrail::Test::SmtpTestReply;

namespace {

constexpr int DsnTimeout = 30000;

QByteArray uniqueId(const char *what)
{
    return what + QByteArray("-") + QUuid::createUuid().toByteArray(QUuid::Id128).left(16);
}

QByteArray message(const QByteArray &from, const QByteArray &to, const QByteArray &subject)
{
    return "From: <" + from + ">\r\nTo: <" + to + ">\r\nSubject: " + subject
        + "\r\nMessage-ID: <" + subject + "@client.example.test>\r\n"
          "\r\nHello from the mailstack DSN test.\r\n.leading dot must survive\r\n";
}

} // namespace

class MailStackDsnTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_stack.isValid(), qPrintable(m_stack.errorString()));
    }

    void cleanupTestCase()
    {
        // Leave carol as she was, whatever happened.
        if (m_stack.isValid())
            QVERIFY2(m_stack.undefer(QStringLiteral("carol")), qPrintable(m_stack.controlError()));
    }

    /// RFC 3461 section 4.1 NOTIFY=SUCCESS; the LMTP hop must report "delivered", not
    /// "relayed" (Postfix's lmtp flags=X).
    void successDsnSaysDelivered()
    {
        const QByteArray envid = uniqueId("success");
        SmtpTestClient client;
        QVERIFY2(login(client, m_stack.submissionPort(), SmtpTestClient::Security::StartTls), qPrintable(client.errorString()));
        QVERIFY(client.hasExtension("DSN"));
        QCOMPARE(client.mailFrom(alice(), "RET=HDRS ENVID=" + envid).code, 250);
        QCOMPARE(client.rcptTo(bob(), "NOTIFY=SUCCESS ORCPT=rfc822;" + bob()).code, 250);
        QCOMPARE(client.data(message(alice(), bob(), envid)).code, 250);
        client.quit();

        const QByteArray dsn = m_stack.waitForMessageContaining(
            QStringLiteral("alice"), {"Original-Envelope-Id: " + envid, "report-type=delivery-status"}, DsnTimeout);
        QVERIFY2(!dsn.isEmpty(), "no success DSN arrived for alice");
        QVERIFY(dsn.contains("Action: delivered"));
        QVERIFY(!dsn.contains("Action: relayed"));
        QVERIFY(dsn.contains("Status: 2.0.0"));
        QVERIFY(dsn.contains(QByteArray("Original-Recipient: rfc822;" + bob())));
        const QByteArray delivered = m_stack.waitForMessageContaining(QStringLiteral("bob"), {"Subject: " + envid}, DsnTimeout);
        QVERIFY(!delivered.isEmpty());
        QVERIFY(delivered.contains("\n.leading dot must survive"));
    }

    /// MailStack::submit() fills mailboxes for other tests: two recipients, one message each.
    void submitHelperDelivers()
    {
        const QByteArray id = uniqueId("submit");
        const QByteArray carol = m_stack.address(QStringLiteral("carol")).toUtf8();
        const QString error = m_stack.submit(QStringLiteral("bob"), {alice(), carol}, message(bob(), alice(), id));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!m_stack.waitForMessageContaining(QStringLiteral("alice"), {"Subject: " + id}, DsnTimeout).isEmpty());
        QVERIFY(!m_stack.waitForMessageContaining(QStringLiteral("carol"), {"Subject: " + id}, DsnTimeout).isEmpty());
        QVERIFY(m_stack.submit(QStringLiteral("bob"), {"x@elsewhere.example.org"}, message(bob(), alice(), id))
                    .contains(QLatin1String("5.7.1")));
    }

    /// ghost@ is accepted at RCPT, then LMTP refuses it: an asynchronous failure DSN, 5.1.1.
    void acceptedThenBouncedGivesFailureDsn()
    {
        const QByteArray envid = uniqueId("ghost");
        const QByteArray ghost = "ghost@" + m_stack.domain().toUtf8();
        SmtpTestClient client;
        QVERIFY2(login(client, m_stack.submissionsPort(), SmtpTestClient::Security::ImplicitTls), qPrintable(client.errorString()));
        QCOMPARE(client.mailFrom(alice(), "RET=HDRS ENVID=" + envid).code, 250);
        QCOMPARE(client.rcptTo(ghost, "NOTIFY=FAILURE").code, 250);
        QCOMPARE(client.data(message(alice(), ghost, envid)).code, 250);
        client.quit();

        const QByteArray dsn = m_stack.waitForMessageContaining(QStringLiteral("alice"),
                                                                {"Original-Envelope-Id: " + envid}, DsnTimeout);
        QVERIFY2(!dsn.isEmpty(), "no failure DSN arrived for alice");
        QVERIFY(dsn.contains("Action: failed"));
        QVERIFY(dsn.contains("Status: 5.1.1"));
        QVERIFY(dsn.contains(QByteArray("Final-Recipient: rfc822; " + ghost)));
    }

    /// On the bounce submission port, unknown local users are accepted and bounce later.
    void unknownLocalUserBouncesOnBouncePort()
    {
        const QByteArray envid = uniqueId("nobody");
        const QByteArray nobody = "nobody-" + envid.toLower() + '@' + m_stack.domain().toUtf8();
        SmtpTestClient client;
        QVERIFY2(login(client, m_stack.submissionBouncePort(), SmtpTestClient::Security::StartTls),
                 qPrintable(client.errorString()));
        QCOMPARE(client.mailFrom(alice(), "ENVID=" + envid).code, 250);
        QCOMPARE(client.rcptTo(nobody, "NOTIFY=FAILURE").code, 250);
        QCOMPARE(client.data(message(alice(), nobody, envid)).code, 250);
        client.quit();

        const QByteArray dsn = m_stack.waitForMessageContaining(QStringLiteral("alice"),
                                                                {"Original-Envelope-Id: " + envid}, DsnTimeout);
        QVERIFY2(!dsn.isEmpty(), "no failure DSN arrived for alice");
        QVERIFY(dsn.contains("Action: failed"));
        QVERIFY(dsn.contains("Status: 5.1.1"));
    }

    /// Other domains never leave the machine: 550 5.7.1 at RCPT time (RFC 3463).
    void otherDomainRejectedAtRcpt()
    {
        SmtpTestClient client;
        QVERIFY2(login(client, m_stack.submissionPort(), SmtpTestClient::Security::StartTls), qPrintable(client.errorString()));
        QCOMPARE(client.mailFrom(alice()).code, 250);
        const SmtpTestReply reply = client.rcptTo("someone@elsewhere.example.org", "NOTIFY=FAILURE");
        QCOMPARE(reply.code, 550);
        QVERIFY2(reply.lines.value(0).startsWith("5.7.1 "), reply.text().constData());
        // The session goes on: a valid recipient is still accepted.
        QCOMPARE(client.rcptTo(bob()).code, 250);
        QCOMPARE(client.command("RSET").code, 250);
        client.quit();
    }

    /// Submission insists that the envelope sender is the logged-in user.
    void foreignSenderRefused()
    {
        SmtpTestClient client;
        QVERIFY2(login(client, m_stack.submissionPort(), SmtpTestClient::Security::StartTls), qPrintable(client.errorString()));
        QCOMPARE(client.mailFrom(bob()).code, 250);
        const SmtpTestReply reply = client.rcptTo(alice());
        QCOMPARE(reply.code, 553);
        QVERIFY2(reply.text().contains("5.7.1"), reply.text().constData());
        client.quit();
    }

    /// A wrong password is refused (RFC 4954 section 6: 535 5.7.8).
    void wrongPasswordRefused()
    {
        SmtpTestClient client;
        // From an address of its own: Dovecot delays further logins from the address of a
        // failed one (MAILSTACK.md, "Auth penalty"), and the other tests use 127.0.0.1.
        QVERIFY(client.socket().bind(QHostAddress(QStringLiteral("127.0.0.32"))));
        QVERIFY2(client.connectToHost(m_stack.host(), m_stack.submissionPort(), SmtpTestClient::Security::StartTls,
                                      m_stack.sslConfiguration(), m_stack.tlsName()),
                 qPrintable(client.errorString()));
        QVERIFY(!client.authenticatePlain(m_stack.address(QStringLiteral("alice")), QStringLiteral("not-the-password")));
        QVERIFY2(client.errorString().contains(QLatin1String("535")), qPrintable(client.errorString()));
        client.quit();
    }

    /// A relay hop that does not offer DSN: Postfix reports "relayed" (RFC 3464 2.3.3), and
    /// the message still reaches bob behind the sink.
    void relayHopSaysRelayed()
    {
        const QByteArray envid = uniqueId("relay");
        const QByteArray remote = "someone@relay.example.test";
        SmtpTestClient client;
        QVERIFY2(login(client, m_stack.submissionPort(), SmtpTestClient::Security::StartTls), qPrintable(client.errorString()));
        QCOMPARE(client.mailFrom(alice(), "RET=HDRS ENVID=" + envid).code, 250);
        QCOMPARE(client.rcptTo(remote, "NOTIFY=SUCCESS").code, 250);
        QCOMPARE(client.data(message(alice(), remote, envid)).code, 250);
        client.quit();

        const QByteArray dsn = m_stack.waitForMessageContaining(QStringLiteral("alice"),
                                                                {"Original-Envelope-Id: " + envid}, DsnTimeout);
        QVERIFY2(!dsn.isEmpty(), "no relayed DSN arrived for alice");
        QVERIFY(dsn.contains("Action: relayed"));
        QVERIFY(!dsn.contains("Action: delivered"));
        QVERIFY(!m_stack.waitForMessageContaining(QStringLiteral("bob"), {"Subject: " + envid}, DsnTimeout).isEmpty());
    }

    /// `mailstack defer carol`: 452 4.2.2 from LMTP, a delay DSN (RFC 3464 "delayed"); after
    /// `undefer` + `flush` the message is delivered and a success DSN follows.
    void deferredThenDelivered()
    {
        const QString carol = QStringLiteral("carol");
        QVERIFY2(m_stack.defer(carol), qPrintable(m_stack.controlError()));
        const QByteArray envid = uniqueId("deferred");
        const QByteArray to = m_stack.address(carol).toUtf8();
        SmtpTestClient client;
        QVERIFY2(login(client, m_stack.submissionPort(), SmtpTestClient::Security::StartTls), qPrintable(client.errorString()));
        QCOMPARE(client.mailFrom(alice(), "RET=HDRS ENVID=" + envid).code, 250);
        QCOMPARE(client.rcptTo(to, "NOTIFY=SUCCESS,DELAY,FAILURE").code, 250);
        QCOMPARE(client.data(message(alice(), to, envid)).code, 250);
        client.quit();

        const QByteArray delay = m_stack.waitForMessageContaining(
            QStringLiteral("alice"), {"Original-Envelope-Id: " + envid, "Action: delayed"}, DsnTimeout);
        QVERIFY2(!delay.isEmpty(), "no delay DSN arrived for alice");
        QVERIFY(delay.contains("Status: 4.2.2"));
        const QList<QByteArray> carols = m_stack.messages(carol);
        QVERIFY(std::none_of(carols.begin(), carols.end(), [&](const QByteArray &m) { return m.contains(envid); }));

        QVERIFY2(m_stack.undefer(carol), qPrintable(m_stack.controlError()));
        QVERIFY2(m_stack.flush(), qPrintable(m_stack.controlError()));
        QVERIFY(!m_stack.waitForMessageContaining(carol, {"Subject: " + envid}, DsnTimeout).isEmpty());
        const QByteArray success = m_stack.waitForMessageContaining(
            QStringLiteral("alice"), {"Original-Envelope-Id: " + envid, "Action: delivered"}, DsnTimeout);
        QVERIFY2(!success.isEmpty(), "no success DSN after the release");
    }

    /// `mailstack full carol`: 552 5.2.2, a permanent failure and a failure DSN.
    void fullMailboxFails()
    {
        const QString carol = QStringLiteral("carol");
        QVERIFY2(m_stack.full(carol), qPrintable(m_stack.controlError()));
        const QByteArray envid = uniqueId("full");
        const QByteArray to = m_stack.address(carol).toUtf8();
        SmtpTestClient client;
        QVERIFY2(login(client, m_stack.submissionPort(), SmtpTestClient::Security::StartTls), qPrintable(client.errorString()));
        QCOMPARE(client.mailFrom(alice(), "ENVID=" + envid).code, 250);
        QCOMPARE(client.rcptTo(to, "NOTIFY=FAILURE").code, 250);
        QCOMPARE(client.data(message(alice(), to, envid)).code, 250);
        client.quit();

        const QByteArray dsn = m_stack.waitForMessageContaining(QStringLiteral("alice"),
                                                                {"Original-Envelope-Id: " + envid}, DsnTimeout);
        QVERIFY2(!dsn.isEmpty(), "no failure DSN arrived for alice");
        QVERIFY(dsn.contains("Action: failed"));
        QVERIFY(dsn.contains("Status: 5.2.2"));
        QVERIFY2(m_stack.undefer(carol), qPrintable(m_stack.controlError()));
    }

private:
    QByteArray alice() const { return m_stack.address(QStringLiteral("alice")).toUtf8(); }
    QByteArray bob() const { return m_stack.address(QStringLiteral("bob")).toUtf8(); }

    bool login(SmtpTestClient &client, quint16 port, SmtpTestClient::Security security)
    {
        return client.connectToHost(m_stack.host(), port, security, m_stack.sslConfiguration(), m_stack.tlsName())
            && client.authenticatePlain(m_stack.address(QStringLiteral("alice")), m_stack.password(QStringLiteral("alice")));
    }

    MailStack m_stack = MailStack::fromEnvironment();
};

QTEST_GUILESS_MAIN(MailStackDsnTest)
#include "MailStackDsnTest.moc"
