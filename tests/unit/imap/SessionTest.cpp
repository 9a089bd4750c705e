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
