// SPDX-License-Identifier: GPL-3.0-or-later
// Imap::Session over a scripted transport: login paths, redaction, typed errors, pipelining.
#include "ScriptedTransport.h"
#include "imap/Session.h"

#include <QSignalSpy>
#include <QTest>

using namespace Mailtrail;
using Imap::ImapError;
using Imap::Session;

namespace {
Net::Endpoint endpoint(Net::Security security = Net::Security::ImplicitTls)
{
    Net::Endpoint e;
    e.host = QStringLiteral("127.0.0.1");
    e.port = 993;
    e.security = security;
    return e;
}

const Session::Credentials credentials{QStringLiteral("alice@example.test"), QStringLiteral("s3cr\"et")};

const QByteArray dovecotLogin =
    "S: * OK [CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ AUTH=PLAIN] Dovecot ready.\n"
    "C: a1 AUTHENTICATE PLAIN <redacted>\n"
    "S: a1 OK [CAPABILITY IMAP4rev1 SASL-IR ID ENABLE IDLE SORT CONDSTORE QRESYNC UIDPLUS MOVE LITERAL+ SPECIAL-USE] Logged in\n"
    "C: a2 ENABLE QRESYNC CONDSTORE\n"
    "S: * ENABLED QRESYNC CONDSTORE\n"
    "S: a2 OK Enabled.\n";
} // namespace

class SessionTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void dovecotImplicitTlsWithSaslIr()
    {
        Test::ScriptedTransport transport(dovecotLogin);
        Session session(&transport);
        QSignalSpy ready(&session, &Session::ready);
        session.open(endpoint(), credentials);
        QVERIFY(ready.wait());
        QCOMPARE(session.state(), Session::State::Ready);
        QVERIFY(session.qresyncEnabled());
        QVERIFY(session.condstoreEnabled());
        QVERIFY(session.hasCapability("UIDPLUS"));
        QVERIFY(transport.mismatches().isEmpty());
        // The password never reaches the transcript, but does reach the wire (base64).
        for (const QByteArray &line : transport.transcript())
            QVERIFY(!line.contains(QByteArray("s3cr").toBase64()));
        QVERIFY(transport.written().contains(
            (QByteArray("\0alice@example.test\0s3cr\"et", 27)).toBase64()));
    }

    void startTlsThenLogin()
    {
        Test::ScriptedTransport transport(
            "S: * OK IMAP4 ready\n"
            "C: a1 CAPABILITY\n"
            "S: * CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED\n"
            "S: a1 OK done\n"
            "C: a2 STARTTLS\n"
            "S: a2 OK Begin TLS negotiation now\n"
            "C: a3 CAPABILITY\n"
            "S: * CAPABILITY IMAP4rev1 IDLE\n"
            "S: a3 OK done\n"
            "C: a4 LOGIN <redacted>\n"
            "S: a4 OK Logged in\n"
            "C: a5 CAPABILITY\n"
            "S: * CAPABILITY IMAP4rev1 IDLE\n"
            "S: a5 OK done\n");
        Session session(&transport);
        QSignalSpy ready(&session, &Session::ready);
        session.open(endpoint(Net::Security::StartTls), credentials);
        QVERIFY2(ready.wait(), qPrintable(transport.mismatches().join(QLatin1Char('\n'))));
        QVERIFY(transport.isEncrypted());
        QVERIFY(!session.condstoreEnabled());
        QVERIFY(transport.written().contains("LOGIN alice@example.test \"s3cr\\\"et\"\r\n"));
    }

    /// RFC 7628: OAUTHBEARER with SASL-IR, preferred over XOAUTH2; the token stays out of
    /// the transcript.
    void oauthBearerWithSaslIr()
    {
        Test::ScriptedTransport transport(
            "S: * OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN AUTH=XOAUTH2 AUTH=OAUTHBEARER] ready\n"
            "C: a1 AUTHENTICATE OAUTHBEARER <redacted>\n"
            "S: a1 OK [CAPABILITY IMAP4rev1 IDLE] Logged in\n");
        Session session(&transport);
        QSignalSpy ready(&session, &Session::ready);
        Session::Credentials oauth{QStringLiteral("alice@example.test"), QStringLiteral("at-0123456789"),
                                   Session::Credentials::Mechanism::OAuth2};
        session.open(endpoint(), oauth);
        QVERIFY2(ready.wait(), qPrintable(transport.mismatches().join(QLatin1Char('\n'))));
        QVERIFY(transport.written().contains(
            QByteArray("n,a=alice@example.test,\x01host=127.0.0.1\x01port=993\x01" "auth=Bearer at-0123456789\x01\x01")
                .toBase64()));
        for (const QByteArray &line : transport.transcript())
            QVERIFY2(!line.contains("at-0123456789") && !line.contains(QByteArray("n,a=alice").toBase64()), line.constData());
    }

    /// XOAUTH2 when it is the only OAuth2 mechanism; without SASL-IR the response follows
    /// the empty continuation.
    void xoauth2WithoutSaslIr()
    {
        Test::ScriptedTransport transport(
            "S: * OK [CAPABILITY IMAP4rev1 AUTH=XOAUTH2] ready\n"
            "C: a1 AUTHENTICATE XOAUTH2\n"
            "S: + \n"
            "C: <redacted>\n"
            "S: a1 OK Logged in\n"
            "C: a2 CAPABILITY\n"
            "S: * CAPABILITY IMAP4rev1\n"
            "S: a2 OK done\n");
        Session session(&transport);
        QSignalSpy ready(&session, &Session::ready);
        session.open(endpoint(), {QStringLiteral("alice@example.test"), QStringLiteral("tok"),
                                  Session::Credentials::Mechanism::OAuth2});
        QVERIFY2(ready.wait(), qPrintable(transport.mismatches().join(QLatin1Char('\n'))));
        QVERIFY(transport.written().contains(
            QByteArray(QByteArray("user=alice@example.test\x01" "auth=Bearer tok\x01\x01").toBase64() + "\r\n")));
    }

    /// RFC 7628 §3.2.2: a refused token first comes back as a JSON error in a continuation,
    /// which must be answered (OAUTHBEARER: %x01, XOAUTH2: an empty line) before the NO;
    /// the decoded error is shown, and it is never "wrong password".
    void oauthRefusalContinuation_data()
    {
        QTest::addColumn<QByteArray>("capabilities");
        QTest::addColumn<QByteArray>("mechanism");
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QByteArray>("answer");
        QTest::newRow("oauthbearer-dovecot")
            << QByteArray("AUTH=OAUTHBEARER AUTH=XOAUTH2") << QByteArray("OAUTHBEARER")
            << QByteArray("{\"status\":\"invalid_token\",\"schemes\":\"bearer\",\"scope\":\"mail\"}") << QByteArray("AQ==\r\n");
        QTest::newRow("xoauth2-gmail-style")
            << QByteArray("AUTH=XOAUTH2") << QByteArray("XOAUTH2")
            << QByteArray("{\"status\":\"401\",\"schemes\":\"bearer\",\"scope\":\"https://mail.google.com/\"}") << QByteArray("\r\n");
    }
    void oauthRefusalContinuation()
    {
        QFETCH(QByteArray, capabilities);
        QFETCH(QByteArray, mechanism);
        QFETCH(QByteArray, json);
        QFETCH(QByteArray, answer);
        Test::ScriptedTransport transport(
            "S: * OK [CAPABILITY IMAP4rev1 SASL-IR " + capabilities + "] ready\n"
            "C: a1 AUTHENTICATE " + mechanism + " <redacted>\n"
            "S: + " + json.toBase64() + "\n"
            "C: " + answer.trimmed() + "\n"
            "S: a1 NO [AUTHENTICATIONFAILED] Authentication failed.\n");
        Session session(&transport);
        QSignalSpy failed(&session, &Session::failed);
        session.open(endpoint(), {QStringLiteral("alice@example.test"), QStringLiteral("expired-token"),
                                  Session::Credentials::Mechanism::OAuth2});
        QVERIFY(failed.wait());
        QVERIFY2(transport.mismatches().isEmpty(), qPrintable(transport.mismatches().join(QLatin1Char('\n'))));
        QVERIFY(transport.written().endsWith(QByteArray("\r\n" + answer)));
        const auto error = failed.first().first().value<ImapError>();
        QCOMPARE(int(error.kind), int(ImapError::Kind::TokenRefused));
        QVERIFY2(error.message().contains(QString::fromUtf8(json)), qPrintable(error.message()));
        QVERIFY(error.message().contains(QStringLiteral("sign-in token")));
        QVERIFY(!error.message().contains(QStringLiteral("password")));
    }

    void oauthWithoutServerSupport()
    {
        Test::ScriptedTransport transport("S: * OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN] ready\n");
        Session session(&transport);
        QSignalSpy failed(&session, &Session::failed);
        session.open(endpoint(), {QStringLiteral("alice@example.test"), QStringLiteral("tok"),
                                  Session::Credentials::Mechanism::OAuth2});
        QVERIFY(failed.wait());
        QCOMPARE(int(failed.first().first().value<ImapError>().kind), int(ImapError::Kind::Unsupported));
        QVERIFY(!transport.written().contains("AUTHENTICATE"));
    }

    void failures_data()
    {
        QTest::addColumn<QByteArray>("script");
        QTest::addColumn<int>("security");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("textContains");
        QTest::newRow("wrong-password-dovecot")
            << QByteArray("S: * OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN] ready\n"
                          "C: a1 AUTHENTICATE PLAIN <redacted>\n"
                          "S: a1 NO [AUTHENTICATIONFAILED] Authentication failed.\n")
            << int(Net::Security::ImplicitTls) << int(ImapError::Kind::AuthenticationFailed) << QStringLiteral("Authentication failed");
        QTest::newRow("greeting-bye")
            << QByteArray("S: * BYE Too many connections\n") << int(Net::Security::ImplicitTls)
            << int(ImapError::Kind::Bye) << QStringLiteral("Too many");
        QTest::newRow("garbage-greeting-smtp-server")
            << QByteArray("S: 220 mail.example.test ESMTP\n") << int(Net::Security::ImplicitTls)
            << int(ImapError::Kind::Protocol) << QStringLiteral("220");
        QTest::newRow("no-starttls-offered")
            << QByteArray("S: * OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready\n") << int(Net::Security::StartTls)
            << int(ImapError::Kind::Transport) << QString();
        QTest::newRow("preauth-on-plaintext-starttls")
            << QByteArray("S: * PREAUTH welcome\n") << int(Net::Security::StartTls)
            << int(ImapError::Kind::Unsupported) << QStringLiteral("PREAUTH");
        QTest::newRow("server-closes-after-greeting")
            << QByteArray("S: * OK [CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR] ready\n"
                          "C: a1 AUTHENTICATE PLAIN <redacted>\n!close\n")
            << int(Net::Security::ImplicitTls) << int(ImapError::Kind::Bye) << QStringLiteral("closed");
        QTest::newRow("connection-refused")
            << QByteArray("!refuse\n") << int(Net::Security::ImplicitTls) << int(ImapError::Kind::Transport) << QString();
        QTest::newRow("tagged-reply-for-unknown-tag")
            << QByteArray("S: * OK [CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR] ready\n"
                          "C: a1 AUTHENTICATE PLAIN <redacted>\n"
                          "S: zz9 OK what\n")
            << int(Net::Security::ImplicitTls) << int(ImapError::Kind::Protocol) << QStringLiteral("unknown tag");
    }
    void failures()
    {
        QFETCH(QByteArray, script);
        QFETCH(int, security);
        QFETCH(int, kind);
        QFETCH(QString, textContains);
        Test::ScriptedTransport transport(script);
        Session session(&transport);
        QSignalSpy failed(&session, &Session::failed);
        QSignalSpy ready(&session, &Session::ready);
        session.open(endpoint(Net::Security(security)), credentials);
        QVERIFY(failed.wait());
        const auto error = failed.first().first().value<ImapError>();
        QCOMPARE(toString(error.kind), toString(ImapError::Kind(kind)));
        QVERIFY2(error.message().contains(textContains), qPrintable(error.message()));
        QVERIFY(!error.message().contains(QStringLiteral("s3cr")));
        QCOMPARE(ready.size(), 0);
        QCOMPARE(session.state(), Session::State::Failed);
    }

    void pipelinedCommandsCompleteInOrder()
    {
        Test::ScriptedTransport transport(dovecotLogin
                                          + "C: a3 NOOP\n"
                                            "C: a4 SELECT INBOX\n"
                                            "S: a3 OK NOOP done\n"
                                            "S: * 2 EXISTS\n"
                                            "S: a4 NO [NONEXISTENT] Mailbox doesn't exist\n");
        Session session(&transport);
        QSignalSpy ready(&session, &Session::ready);
        session.open(endpoint(), credentials);
        QVERIFY(ready.wait());
        QList<QByteArray> completions;
        Imap::TaggedResponse selectResult;
        quint32 exists = 0;
        Session::Handlers noop;
        noop.done = [&](const Imap::TaggedResponse &r) { completions << r.tag; };
        Session::Handlers select;
        select.untagged = [&](const Imap::Response &r) {
            if (auto *e = std::get_if<Imap::ExistsData>(&r))
                exists = e->count;
        };
        select.done = [&](const Imap::TaggedResponse &r) {
            completions << r.tag;
            selectResult = r;
        };
        QCOMPARE(session.command("NOOP", noop), QByteArray("a3"));
        QCOMPARE(session.command("SELECT INBOX", select), QByteArray("a4"));
        QCOMPARE(session.pendingCommands(), 2);
        QTRY_COMPARE(completions.size(), 2);
        QCOMPARE(completions, (QList<QByteArray>{"a3", "a4"}));
        QCOMPARE(exists, 2u);
        QCOMPARE(selectResult.status, Imap::Status::No);
        QCOMPARE(selectResult.code.name, QByteArray("NONEXISTENT"));
        QVERIFY(transport.mismatches().isEmpty());
    }

    void unsolicitedResponsesDuringIdle()
    {
        Test::ScriptedTransport transport(dovecotLogin
                                          + "C: a3 IDLE\n"
                                            "S: + idling\n"
                                            "S: * 4 EXISTS\n"
                                            "C: DONE\n"
                                            "S: a3 OK Idle completed.\n");
        Session session(&transport);
        QSignalSpy ready(&session, &Session::ready);
        session.open(endpoint(), credentials);
        QVERIFY(ready.wait());
        bool idling = false;
        bool done = false;
        quint32 exists = 0;
        Session::Handlers idle;
        idle.continuation = [&](const Imap::ContinuationRequest &) { idling = true; };
        idle.untagged = [&](const Imap::Response &r) {
            if (auto *e = std::get_if<Imap::ExistsData>(&r)) {
                exists = e->count;
                session.sendContinuation("DONE\r\n");
            }
        };
        idle.done = [&](const Imap::TaggedResponse &) { done = true; };
        session.command("IDLE", idle);
        QTRY_VERIFY(done);
        QVERIFY(idling);
        QCOMPARE(exists, 4u);
    }

    void quoting_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QByteArray>("wire");
        QTest::newRow("atom") << QByteArray("INBOX") << QByteArray("INBOX");
        QTest::newRow("space") << QByteArray("Sent Items") << QByteArray("\"Sent Items\"");
        QTest::newRow("quote-and-backslash") << QByteArray("a\"b\\c") << QByteArray("\"a\\\"b\\\\c\"");
        QTest::newRow("empty") << QByteArray() << QByteArray("\"\"");
        QTest::newRow("wildcard") << QByteArray("a*") << QByteArray("\"a*\"");
        QTest::newRow("crlf-needs-literal") << QByteArray("a\r\nb") << QByteArray();
    }
    void quoting()
    {
        QFETCH(QByteArray, value);
        QFETCH(QByteArray, wire);
        QCOMPARE(Session::quoted(value), wire);
    }
};

QTEST_GUILESS_MAIN(SessionTest)
#include "SessionTest.moc"
