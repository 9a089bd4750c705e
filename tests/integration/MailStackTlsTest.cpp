// SPDX-License-Identifier: GPL-3.0-or-later
// The private mail stack (scripts/mailstack) offers TLS on all four client ports with a
// certificate from its own throw-away CA: verification succeeds with that CA, fails without it
// or under a wrong host name, and each service greets after the handshake.
#include "MailStack.h"

#include <QSignalSpy>
#include <QSslSocket>
#include <QHostAddress>
#include <QTest>

using Mailtrail::Test::MailStack;

namespace {

enum class Protocol { Smtp, Imap };
enum class Mode { StartTls, ImplicitTls };

constexpr int Timeout = 20000;

/// Reads one CRLF-terminated line, waiting on readyRead.
QByteArray readLine(QSslSocket &socket)
{
    while (!socket.canReadLine()) {
        QSignalSpy ready(&socket, &QIODevice::readyRead);
        if (!ready.wait(Timeout))
            return {};
    }
    return socket.readLine().trimmed();
}

/// Reads a complete SMTP reply (RFC 5321 section 4.2), returning its last line.
QByteArray readSmtpReply(QSslSocket &socket)
{
    for (;;) {
        const QByteArray line = readLine(socket);
        if (line.size() < 4 || line.at(3) != '-')
            return line;
    }
}

/// Reads the plain-text greeting and issues STARTTLS (RFC 3207 / RFC 9051 section 6.2.1).
bool negotiateStartTls(QSslSocket &socket, Protocol protocol)
{
    if (protocol == Protocol::Smtp) {
        if (!readSmtpReply(socket).startsWith("220 "))
            return false;
        socket.write("EHLO client.example.test\r\n");
        if (!readSmtpReply(socket).startsWith("250 "))
            return false;
        socket.write("STARTTLS\r\n");
        return readSmtpReply(socket).startsWith("220 ");
    }
    if (!readLine(socket).startsWith("* OK"))
        return false;
    socket.write("a1 STARTTLS\r\n");
    return readLine(socket).startsWith("a1 OK");
}

} // namespace

class MailStackTlsTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_stack.isValid(), qPrintable(m_stack.errorString()));
        QVERIFY2(!m_stack.caCertificates().isEmpty(), qPrintable(m_stack.caFile()));
    }

    void handshake_data()
    {
        QTest::addColumn<Protocol>("protocol");
        QTest::addColumn<Mode>("mode");
        QTest::addColumn<quint16>("port");
        QTest::newRow("submission STARTTLS (RFC 3207)") << Protocol::Smtp << Mode::StartTls << m_stack.submissionPort();
        QTest::newRow("submissions implicit TLS (RFC 8314)") << Protocol::Smtp << Mode::ImplicitTls << m_stack.submissionsPort();
        QTest::newRow("IMAP STARTTLS (RFC 9051 6.2.1)") << Protocol::Imap << Mode::StartTls << m_stack.imapPort();
        QTest::newRow("IMAPS implicit TLS (RFC 8314)") << Protocol::Imap << Mode::ImplicitTls << m_stack.imapsPort();
    }

    void handshake()
    {
        QFETCH(Protocol, protocol);
        QFETCH(Mode, mode);
        QFETCH(quint16, port);
        QVERIFY(port != 0);

        QSslSocket socket;
        socket.setSslConfiguration(m_stack.sslConfiguration());
        socket.setPeerVerifyName(m_stack.tlsName());
        QSignalSpy errors(&socket, &QSslSocket::sslErrors);
        QSignalSpy encrypted(&socket, &QSslSocket::encrypted);
        if (mode == Mode::ImplicitTls) {
            socket.connectToHostEncrypted(m_stack.host(), port);
        } else {
            socket.connectToHost(m_stack.host(), port);
            QVERIFY(socket.waitForConnected(Timeout));
            QVERIFY(negotiateStartTls(socket, protocol));
            socket.startClientEncryption();
        }
        QVERIFY2(encrypted.wait(Timeout), qPrintable(socket.errorString()));
        QCOMPARE(errors.count(), 0);
        QVERIFY(socket.isEncrypted());
        QCOMPARE(socket.peerCertificate().subjectAlternativeNames().values(QSsl::DnsEntry).contains(m_stack.tlsName()),
                 true);

        // The service speaks after the handshake: the greeting on implicit TLS, and a fresh
        // capability answer after STARTTLS.
        if (protocol == Protocol::Smtp) {
            if (mode == Mode::ImplicitTls)
                QVERIFY(readSmtpReply(socket).startsWith("220 "));
            socket.write("EHLO client.example.test\r\n");
            const QByteArray last = readSmtpReply(socket);
            QVERIFY2(last.startsWith("250 "), last.constData());
        } else {
            if (mode == Mode::ImplicitTls)
                QVERIFY(readLine(socket).startsWith("* OK"));
            socket.write("a2 CAPABILITY\r\n");
            const QByteArray capability = readLine(socket);
            QVERIFY2(capability.startsWith("* CAPABILITY IMAP4rev1"), capability.constData());
            QVERIFY(capability.contains("AUTH=PLAIN"));
            QVERIFY(readLine(socket).startsWith("a2 OK"));
        }
    }

    void untrustedWithoutTheStackCa_data() { handshake_data(); }

    void untrustedWithoutTheStackCa()
    {
        QFETCH(Protocol, protocol);
        QFETCH(Mode, mode);
        QFETCH(quint16, port);
        verifyRefused(protocol, mode, port, QSslConfiguration::defaultConfiguration(), m_stack.tlsName(),
                      {QSslError::UnableToGetLocalIssuerCertificate, QSslError::UnableToVerifyFirstCertificate,
                       QSslError::SelfSignedCertificateInChain});
    }

    void wrongHostNameIsRefused_data() { handshake_data(); }

    void wrongHostNameIsRefused()
    {
        QFETCH(Protocol, protocol);
        QFETCH(Mode, mode);
        QFETCH(quint16, port);
        verifyRefused(protocol, mode, port, m_stack.sslConfiguration(), QStringLiteral("imap.example.org"),
                      {QSslError::HostNameMismatch});
    }

    /// The generated passwords work over IMAPS (RFC 9051 section 6.2.3) and wrong ones do not.
    void imapLoginWithGeneratedPassword_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<bool>("rightPassword");
        const QStringList users = m_stack.users();
        for (const QString &user : users)
            QTest::newRow(qPrintable(user)) << user << true;
        QTest::newRow("alice wrong password") << QStringLiteral("alice") << false;
    }

    void imapLoginWithGeneratedPassword()
    {
        QFETCH(QString, user);
        QFETCH(bool, rightPassword);
        QSslSocket socket;
        socket.setSslConfiguration(m_stack.sslConfiguration());
        socket.setPeerVerifyName(m_stack.tlsName());
        // A refused login from an address of its own: Dovecot delays further logins from the
        // address of a failed one (MAILSTACK.md, "Auth penalty").
        if (!rightPassword)
            QVERIFY(socket.bind(QHostAddress(QStringLiteral("127.0.0.31"))));
        socket.connectToHostEncrypted(m_stack.host(), m_stack.imapsPort());
        QVERIFY2(socket.waitForEncrypted(Timeout), qPrintable(socket.errorString()));
        QVERIFY(readLine(socket).startsWith("* OK"));
        const QString password = rightPassword ? m_stack.password(user) : QStringLiteral("wrong-password");
        QVERIFY(!m_stack.password(user).isEmpty());
        socket.write("a1 LOGIN \"" + m_stack.address(user).toUtf8() + "\" \"" + password.toUtf8() + "\"\r\n");
        QByteArray line;
        do {
            line = readLine(socket);
        } while (line.startsWith("* "));
        if (!rightPassword) {
            QVERIFY2(line.startsWith("a1 NO [AUTHENTICATIONFAILED]"), line.constData());
            return;
        }
        QVERIFY2(line.startsWith("a1 OK"), line.constData());
        socket.write("a2 SELECT INBOX\r\n");
        do {
            line = readLine(socket);
        } while (line.startsWith("* "));
        QVERIFY2(line.startsWith("a2 OK"), line.constData());
        socket.write("a3 LOGOUT\r\n");
    }

private:
    void verifyRefused(Protocol protocol, Mode mode, quint16 port, const QSslConfiguration &configuration,
                       const QString &peerName, const QList<QSslError::SslError> &expected)
    {
        QSslSocket socket;
        socket.setSslConfiguration(configuration);
        socket.setPeerVerifyName(peerName);
        QSignalSpy errors(&socket, &QSslSocket::sslErrors);
        QSignalSpy encrypted(&socket, &QSslSocket::encrypted);
        QSignalSpy failed(&socket, &QAbstractSocket::errorOccurred);
        if (mode == Mode::ImplicitTls) {
            socket.connectToHostEncrypted(m_stack.host(), port);
        } else {
            socket.connectToHost(m_stack.host(), port);
            QVERIFY(socket.waitForConnected(Timeout));
            QVERIFY(negotiateStartTls(socket, protocol));
            socket.startClientEncryption();
        }
        QTRY_VERIFY_WITH_TIMEOUT(failed.count() > 0, Timeout);
        QCOMPARE(failed.first().first().value<QAbstractSocket::SocketError>(),
                 QAbstractSocket::SslHandshakeFailedError);
        QCOMPARE(encrypted.count(), 0);
        QVERIFY(!socket.isEncrypted());
        QCOMPARE(errors.count(), 1);
        const auto sslErrors = errors.first().first().value<QList<QSslError>>();
        bool sawExpected = false;
        for (const QSslError &error : sslErrors)
            sawExpected = sawExpected || expected.contains(error.error());
        QVERIFY2(sawExpected, qPrintable(QStringLiteral("unexpected errors: %1").arg(sslErrors.first().errorString())));
    }

    MailStack m_stack = MailStack::fromEnvironment();
};

QTEST_GUILESS_MAIN(MailStackTlsTest)
#include "MailStackTlsTest.moc"
