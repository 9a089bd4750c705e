// SPDX-License-Identifier: GPL-3.0-or-later
// SocketTransport against in-process loopback servers: plain, implicit TLS and STARTTLS,
// certificate policy (untrusted → signal, asynchronous answer, pin, extra CA file), typed
// errors and deadlines. The TLS certificate is made by the openssl tool in a temp dir.
#include "net/SocketTransport.h"

#include "net/CaFileTrust.h"

#include <QProcess>
#include <QSignalSpy>
#include <QSslKey>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Mailtrail::Net;

namespace {

/// A loopback server: plain greeting, optional STARTTLS, or TLS from the first byte.
class TestServer : public QTcpServer
{
public:
    enum class Mode { Plain, Implicit, StartTls, Silent };
    Mode mode = Mode::Plain;
    QSslCertificate certificate;
    /// When set, sent instead of the certificate alone (leaf first).
    QList<QSslCertificate> chain;
    QSslKey key;
    QList<QSslSocket *> sockets;
    QByteArray received;

    QByteArray pending;

    void answer(QSslSocket *socket, const QByteArray &data)
    {
        if (mode == Mode::StartTls && data == "STARTTLS\r\n") {
            socket->write("220 go ahead\r\n");
            socket->startServerEncryption();
        } else if (data == "PING\r\n") {
            socket->write("PONG\r\n");
        } else if (data == "QUIT\r\n") {
            socket->write("BYE\r\n");
            socket->disconnectFromHost();
        }
    }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QSslSocket(this);
        socket->setSocketDescriptor(descriptor);
        if (chain.isEmpty())
            socket->setLocalCertificate(certificate);
        else
            socket->setLocalCertificateChain(chain);
        socket->setPrivateKey(key);
        sockets.append(socket);
        QObject::connect(socket, &QSslSocket::readyRead, socket, [this, socket] {
            const QByteArray data = socket->readAll();
            received += data;
            pending += data;
            qsizetype lf;
            while ((lf = pending.indexOf('\n')) >= 0) {
                const QByteArray line = pending.left(lf + 1);
                pending.remove(0, lf + 1);
                answer(socket, line);
            }
        });
        switch (mode) {
        case Mode::Implicit:
            socket->startServerEncryption();
            socket->write("220 tls\r\n");
            break;
        case Mode::Plain:
        case Mode::StartTls:
            socket->write("220 hello\r\n");
            break;
        case Mode::Silent:
            break;
        }
    }
};

Endpoint endpointFor(const TestServer &server, Security security)
{
    Endpoint e;
    e.host = QStringLiteral("127.0.0.1");
    e.port = server.serverPort();
    e.security = security;
    e.timeouts.connectMs = 10000;
    return e;
}

} // namespace

class SocketTransportTest : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_certFile;
    QSslCertificate m_cert;
    QSslKey m_key;

    bool haveTls() const { return !m_cert.isNull(); }

    /// A CA-issued certificate set, made by the openssl tool: a CA, a server certificate it
    /// signed (localhost, 127.0.0.1), one it signed for client use only, and a second CA with
    /// its own server certificate.
    struct Issued {
        QString caFile, otherCaFile;
        QSslCertificate ca, server, clientOnly, otherCa, otherServer;
        QSslKey serverKey, otherServerKey;
    } m_issued;

    bool openssl(const QStringList &arguments)
    {
        QProcess p;
        p.setWorkingDirectory(m_dir.path());
        p.start(QStringLiteral("openssl"), arguments);
        if (!p.waitForFinished(30000) || p.exitCode() != 0) {
            qWarning() << "openssl" << arguments << p.readAllStandardError();
            return false;
        }
        return true;
    }
    bool makeCa(const QString &name)
    {
        return openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                        QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                        QStringLiteral("-subj"), QStringLiteral("/CN=") + name, QStringLiteral("-days"), QStringLiteral("2"),
                        QStringLiteral("-addext"), QStringLiteral("basicConstraints=critical,CA:TRUE"),
                        QStringLiteral("-addext"), QStringLiteral("keyUsage=critical,keyCertSign,cRLSign"),
                        QStringLiteral("-keyout"), name + QStringLiteral(".key"), QStringLiteral("-out"), name + QStringLiteral(".pem")});
    }
    bool issue(const QString &ca, const QString &name, const QString &extendedUsage)
    {
        QFile ext(m_dir.filePath(name + QStringLiteral(".ext")));
        if (!ext.open(QIODevice::WriteOnly))
            return false;
        ext.write("subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=");
        ext.write(extendedUsage.toLatin1() + "\n");
        ext.close();
        return openssl({QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                        QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"), QStringLiteral("-subj"),
                        QStringLiteral("/CN=localhost"), QStringLiteral("-keyout"), name + QStringLiteral(".key"),
                        QStringLiteral("-out"), name + QStringLiteral(".csr")})
            && openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), name + QStringLiteral(".csr"),
                        QStringLiteral("-CA"), ca + QStringLiteral(".pem"), QStringLiteral("-CAkey"), ca + QStringLiteral(".key"),
                        QStringLiteral("-CAcreateserial"), QStringLiteral("-days"), QStringLiteral("2"),
                        QStringLiteral("-extfile"), name + QStringLiteral(".ext"), QStringLiteral("-out"), name + QStringLiteral(".pem")});
    }
    QSslCertificate loadCertificate(const QString &name)
    {
        const auto list = QSslCertificate::fromPath(m_dir.filePath(name + QStringLiteral(".pem")));
        return list.isEmpty() ? QSslCertificate() : list.constFirst();
    }
    QSslKey loadKey(const QString &name)
    {
        QFile file(m_dir.filePath(name + QStringLiteral(".key")));
        return file.open(QIODevice::ReadOnly) ? QSslKey(&file, QSsl::Ec, QSsl::Pem) : QSslKey();
    }

    void setUpTls(TestServer &server)
    {
        server.certificate = m_cert;
        server.key = m_key;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (openssl.isEmpty() || !QSslSocket::supportsSsl())
            return;
        m_certFile = m_dir.filePath(QStringLiteral("cert.pem"));
        const QString keyFile = m_dir.filePath(QStringLiteral("key.pem"));
        QProcess p;
        p.start(openssl, {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                          QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                          QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                          QStringLiteral("-subj"), QStringLiteral("/CN=localhost"), QStringLiteral("-addext"),
                          QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1"),
                          QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-keyout"), keyFile,
                          QStringLiteral("-out"), m_certFile});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        QFile certFile(m_certFile);
        QVERIFY(certFile.open(QIODevice::ReadOnly));
        m_cert = QSslCertificate(&certFile, QSsl::Pem);
        QFile key(keyFile);
        QVERIFY(key.open(QIODevice::ReadOnly));
        m_key = QSslKey(&key, QSsl::Ec, QSsl::Pem);
        QVERIFY(!m_cert.isNull());
        QVERIFY(!m_key.isNull());

        QVERIFY(makeCa(QStringLiteral("ca")));
        QVERIFY(makeCa(QStringLiteral("otherca")));
        QVERIFY(issue(QStringLiteral("ca"), QStringLiteral("server"), QStringLiteral("serverAuth")));
        QVERIFY(issue(QStringLiteral("ca"), QStringLiteral("client"), QStringLiteral("clientAuth")));
        QVERIFY(issue(QStringLiteral("otherca"), QStringLiteral("otherserver"), QStringLiteral("serverAuth")));
        m_issued.caFile = m_dir.filePath(QStringLiteral("ca.pem"));
        m_issued.otherCaFile = m_dir.filePath(QStringLiteral("otherca.pem"));
        m_issued.ca = loadCertificate(QStringLiteral("ca"));
        m_issued.server = loadCertificate(QStringLiteral("server"));
        m_issued.clientOnly = loadCertificate(QStringLiteral("client"));
        m_issued.otherCa = loadCertificate(QStringLiteral("otherca"));
        m_issued.otherServer = loadCertificate(QStringLiteral("otherserver"));
        m_issued.serverKey = loadKey(QStringLiteral("server"));
        m_issued.otherServerKey = loadKey(QStringLiteral("otherserver"));
        QVERIFY(!m_issued.server.isNull() && !m_issued.serverKey.isNull() && !m_issued.otherServer.isNull());
    }

    void plainRoundTripAndTranscript()
    {
        TestServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        SocketTransport transport;
        transport.setTranscriptEnabled(true);
        QSignalSpy lines(&transport, &Transport::transcriptLine);
        QSignalSpy connected(&transport, &Transport::connected);
        QSignalSpy ready(&transport, &Transport::readyRead);
        QSignalSpy closed(&transport, &Transport::disconnected);
        transport.connectToEndpoint(endpointFor(server, Security::PlainLoopbackOnly));
        QVERIFY(connected.wait());
        QVERIFY(!transport.isEncrypted());
        QTRY_VERIFY(ready.count() > 0);
        QCOMPARE(transport.readAll(), QByteArray("220 hello\r\n"));
        transport.writeSecret("AUTH PLAIN c2VjcmV0\r\n", "AUTH PLAIN <redacted>");
        transport.write("PING\r\n");
        QTRY_VERIFY(server.received.contains("PING"));
        QTRY_VERIFY(ready.count() > 1);
        QCOMPARE(transport.readAll(), QByteArray("PONG\r\n"));
        transport.writePayload("abc\r\n");
        transport.finishPayload();
        transport.write("QUIT\r\n");
        QVERIFY(closed.wait());
        (void)transport.readAll();
        QList<QByteArray> protocol;
        for (const auto &args : lines) {
            const QByteArray line = args.at(0).toByteArray();
            if (!line.startsWith('#'))
                protocol.append(line);
        }
        const QList<QByteArray> expected{"S: 220 hello", "C: AUTH PLAIN <redacted>", "C: PING",
                                         "S: PONG", "C: [payload 5 bytes]", "C: QUIT", "S: BYE"};
        QCOMPARE(protocol, expected);
        QVERIFY(server.received.contains("c2VjcmV0")); // the secret was sent, just not logged
    }

    void plaintextToRemoteHostIsRefused()
    {
        SocketTransport transport;
        QSignalSpy errors(&transport, &Transport::errorOccurred);
        Endpoint e;
        e.host = QStringLiteral("192.0.2.1");
        e.port = 25;
        e.security = Security::PlainLoopbackOnly;
        transport.connectToEndpoint(e);
        QVERIFY(errors.wait());
        QCOMPARE(errors.at(0).at(0).value<TransportError>().kind, TransportError::Kind::PlaintextNotAllowed);
    }

    void connectionRefused()
    {
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            port = probe.serverPort();
        }
        SocketTransport transport;
        QSignalSpy errors(&transport, &Transport::errorOccurred);
        Endpoint e;
        e.host = QStringLiteral("127.0.0.1");
        e.port = port;
        e.security = Security::PlainLoopbackOnly;
        transport.connectToEndpoint(e);
        QVERIFY(errors.wait());
        QCOMPARE(errors.at(0).at(0).value<TransportError>().kind, TransportError::Kind::ConnectionRefused);
    }

    void silentServerHitsGreetingDeadline()
    {
        TestServer server;
        server.mode = TestServer::Mode::Silent;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        SocketTransport transport;
        QSignalSpy connected(&transport, &Transport::connected);
        QSignalSpy errors(&transport, &Transport::errorOccurred);
        transport.connectToEndpoint(endpointFor(server, Security::PlainLoopbackOnly));
        QVERIFY(connected.wait());
        transport.setDeadline(TransportError::Kind::GreetingTimeout, 50);
        QVERIFY(errors.wait());
        QCOMPARE(errors.at(0).at(0).value<TransportError>().kind, TransportError::Kind::GreetingTimeout);
        QCOMPARE(transport.state(), Transport::State::Closed);
    }

    void implicitTlsAgainstPlainServerFails()
    {
        TestServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        SocketTransport transport;
        QSignalSpy errors(&transport, &Transport::errorOccurred);
        transport.connectToEndpoint(endpointFor(server, Security::ImplicitTls));
        QVERIFY(errors.wait());
        QCOMPARE(errors.at(0).at(0).value<TransportError>().kind, TransportError::Kind::TlsFailed);
    }

    void untrustedCertificate_data()
    {
        QTest::addColumn<int>("decision");
        QTest::addColumn<bool>("expectConnected");
        QTest::newRow("reject") << int(CertificateDecision::Reject) << false;
        QTest::newRow("accept-once") << int(CertificateDecision::AcceptOnce) << true;
        QTest::newRow("pin") << int(CertificateDecision::Pin) << true;
    }
    void untrustedCertificate()
    {
        if (!haveTls())
            QSKIP("openssl tool or TLS backend missing");
        QFETCH(int, decision);
        QFETCH(bool, expectConnected);
        TestServer server;
        server.mode = TestServer::Mode::Implicit;
        setUpTls(server);
        QVERIFY(server.listen(QHostAddress::LocalHost));
        SocketTransport transport;
        QSignalSpy problems(&transport, &Transport::certificateProblem);
        QSignalSpy connected(&transport, &Transport::connected);
        QSignalSpy errors(&transport, &Transport::errorOccurred);
        transport.connectToEndpoint(endpointFor(server, Security::ImplicitTls));
        QVERIFY(problems.wait());
        const auto problem = problems.at(0).at(0).value<CertificateProblem>();
        QCOMPARE(problem.sha256, sha256Fingerprint(m_cert));
        QVERIFY(!problem.errors.isEmpty());
        QVERIFY(!problem.chain.isEmpty());
        QCOMPARE(problem.port, server.serverPort());
        // The answer comes later, from the event loop (as a dialog would give it).
        QTimer::singleShot(20, &transport, [&transport, decision] {
            transport.answerCertificate(CertificateDecision(decision));
        });
        if (expectConnected) {
            QVERIFY(connected.wait());
            QVERIFY(transport.isEncrypted());
            QCOMPARE(errors.count(), 0);
        } else {
            QVERIFY(errors.wait());
            QCOMPARE(errors.at(0).at(0).value<TransportError>().kind, TransportError::Kind::CertificateRejected);
            QCOMPARE(connected.count(), 0);
        }
    }

    void pinnedCertificateNeedsNoQuestion()
    {
        if (!haveTls())
            QSKIP("openssl tool or TLS backend missing");
        TestServer server;
        server.mode = TestServer::Mode::Implicit;
        setUpTls(server);
        QVERIFY(server.listen(QHostAddress::LocalHost));
        SocketTransport transport;
        QSignalSpy problems(&transport, &Transport::certificateProblem);
        QSignalSpy connected(&transport, &Transport::connected);
        Endpoint e = endpointFor(server, Security::ImplicitTls);
        e.certificates.pinnedSha256 = {sha256Fingerprint(m_cert)};
        transport.connectToEndpoint(e);
        QVERIFY(connected.wait());
        QCOMPARE(problems.count(), 0);
        QVERIFY(transport.isEncrypted());
    }

    void extraCaFileIsTrusted_data()
    {
        QTest::addColumn<QString>("verifyName");
        QTest::addColumn<bool>("trusted");
        QTest::newRow("ip-san") << QString() << true;
        QTest::newRow("dns-san") << QStringLiteral("localhost") << true;
        QTest::newRow("name-mismatch") << QStringLiteral("other.example.test") << false;
    }
    void extraCaFileIsTrusted()
    {
        if (!haveTls())
            QSKIP("openssl tool or TLS backend missing");
        QFETCH(QString, verifyName);
        QFETCH(bool, trusted);
        TestServer server;
        server.mode = TestServer::Mode::Implicit;
        setUpTls(server);
        QVERIFY(server.listen(QHostAddress::LocalHost));
        SocketTransport transport;
        QSignalSpy problems(&transport, &Transport::certificateProblem);
        QSignalSpy connected(&transport, &Transport::connected);
        Endpoint e = endpointFor(server, Security::ImplicitTls);
        e.peerVerifyName = verifyName;
        e.certificates.extraCaFile = m_certFile;
        transport.connectToEndpoint(e);
        if (trusted) {
            QVERIFY(connected.wait());
            QCOMPARE(problems.count(), 0);
        } else {
            QVERIFY(problems.wait());
            transport.answerCertificate(CertificateDecision::Reject);
        }
    }

    // The CA file's certificates are checked by CaFileTrust, beside Qt's on-demand lookup in
    // the system store; these rows are what that check must and must not accept.
    void caFileTrustVerifies_data()
    {
        QTest::addColumn<int>("leaf");
        QTest::addColumn<bool>("withIssuerInChain");
        QTest::addColumn<QString>("host");
        QTest::addColumn<bool>("trusted");
        enum { Server, ClientOnly, OtherServer, SelfSigned };
        QTest::newRow("issued, dns") << int(Server) << false << QStringLiteral("localhost") << true;
        QTest::newRow("issued, ip") << int(Server) << false << QStringLiteral("127.0.0.1") << true;
        QTest::newRow("issued, issuer sent too") << int(Server) << true << QStringLiteral("localhost") << true;
        QTest::newRow("issued, other name") << int(Server) << false << QStringLiteral("mail.example.test") << false;
        QTest::newRow("issued, other ip") << int(Server) << false << QStringLiteral("127.0.0.2") << false;
        QTest::newRow("issued, partial wildcard host") << int(Server) << false << QStringLiteral("*.localhost") << false;
        QTest::newRow("client-only usage") << int(ClientOnly) << false << QStringLiteral("localhost") << false;
        QTest::newRow("another CA's server") << int(OtherServer) << false << QStringLiteral("localhost") << false;
        QTest::newRow("another CA's server with its CA") << int(OtherServer) << true << QStringLiteral("localhost") << false;
        QTest::newRow("self-signed leaf not in file") << int(SelfSigned) << false << QStringLiteral("localhost") << false;
    }
    void caFileTrustVerifies()
    {
        if (!haveTls())
            QSKIP("openssl tool or TLS backend missing");
        QFETCH(int, leaf);
        QFETCH(bool, withIssuerInChain);
        QFETCH(QString, host);
        QFETCH(bool, trusted);
        const QSslCertificate leaves[] = {m_issued.server, m_issued.clientOnly, m_issued.otherServer, m_cert};
        QList<QSslCertificate> chain{leaves[leaf]};
        if (withIssuerInChain)
            chain.append(leaf == 2 ? m_issued.otherCa : m_issued.ca);
        QString why;
        QCOMPARE(CaFileTrust::verify({m_issued.ca}, chain, host, &why), trusted);
        QCOMPARE(why.isEmpty(), trusted);
    }

    void caFileTrustNeedsSomethingToCheck()
    {
        QString why;
        QVERIFY(!CaFileTrust::verify({}, {m_issued.server}, QStringLiteral("localhost"), &why));
        QVERIFY(!why.isEmpty());
        QVERIFY(!CaFileTrust::verify({m_issued.ca}, {}, QStringLiteral("localhost"), &why));
        QVERIFY(!CaFileTrust::verify({m_issued.ca}, {QSslCertificate()}, QStringLiteral("localhost"), &why));
    }

    void onlyIssuerErrorsAreAnsweredByTheCaFile()
    {
        QVERIFY(CaFileTrust::onlyIssuerErrors({QSslError(QSslError::UnableToGetLocalIssuerCertificate),
                                               QSslError(QSslError::UnableToVerifyFirstCertificate)}));
        QVERIFY(CaFileTrust::onlyIssuerErrors({QSslError(QSslError::SelfSignedCertificateInChain)}));
        QVERIFY(!CaFileTrust::onlyIssuerErrors({}));
        QVERIFY(!CaFileTrust::onlyIssuerErrors({QSslError(QSslError::UnableToGetLocalIssuerCertificate),
                                                QSslError(QSslError::HostNameMismatch)}));
        QVERIFY(!CaFileTrust::onlyIssuerErrors({QSslError(QSslError::CertificateExpired)}));
        QVERIFY(!CaFileTrust::onlyIssuerErrors({QSslError(QSslError::CertificateRevoked)}));
        QVERIFY(!CaFileTrust::onlyIssuerErrors({QSslError(QSslError::InvalidPurpose)}));
    }

    // End to end through the handshake: the account's CA file trusts what its CA issued
    // (leaf alone or with the issuer), and nothing else: another CA's server is still a
    // question for the user, as is a name the certificate does not carry.
    void caFileIssuedServer_data()
    {
        QTest::addColumn<bool>("otherCa");
        QTest::addColumn<bool>("sendIssuer");
        QTest::addColumn<QString>("verifyName");
        QTest::addColumn<bool>("trusted");
        QTest::newRow("leaf only") << false << false << QString() << true;
        QTest::newRow("leaf and issuer") << false << true << QString() << true;
        QTest::newRow("dns name") << false << false << QStringLiteral("localhost") << true;
        QTest::newRow("name mismatch") << false << false << QStringLiteral("other.example.test") << false;
        QTest::newRow("another CA") << true << false << QString() << false;
        QTest::newRow("another CA with its issuer") << true << true << QString() << false;
    }
    void caFileIssuedServer()
    {
        if (!haveTls())
            QSKIP("openssl tool or TLS backend missing");
        QFETCH(bool, otherCa);
        QFETCH(bool, sendIssuer);
        QFETCH(QString, verifyName);
        QFETCH(bool, trusted);
        TestServer server;
        server.mode = TestServer::Mode::Implicit;
        server.certificate = otherCa ? m_issued.otherServer : m_issued.server;
        server.key = otherCa ? m_issued.otherServerKey : m_issued.serverKey;
        if (sendIssuer)
            server.chain = {server.certificate, otherCa ? m_issued.otherCa : m_issued.ca};
        QVERIFY(server.listen(QHostAddress::LocalHost));
        SocketTransport transport;
        QByteArray transcript;
        transport.setTranscriptEnabled(true);
        connect(&transport, &Transport::transcriptLine, this,
                [&transcript](const QByteArray &line) { transcript += line + '\n'; });
        QSignalSpy problems(&transport, &Transport::certificateProblem);
        QSignalSpy connected(&transport, &Transport::connected);
        Endpoint e = endpointFor(server, Security::ImplicitTls);
        e.peerVerifyName = verifyName;
        e.certificates.extraCaFile = m_issued.caFile;
        transport.connectToEndpoint(e);
        if (trusted) {
            QVERIFY(connected.wait());
            QCOMPARE(problems.count(), 0);
            QVERIFY(transcript.contains("certificate issued by the account's CA file"));
        } else {
            QVERIFY(problems.wait());
            QCOMPARE(connected.count(), 0);
            transport.answerCertificate(CertificateDecision::Reject);
        }
    }

    void missingCaFileIsATypedError()
    {
        SocketTransport transport;
        QSignalSpy errors(&transport, &Transport::errorOccurred);
        Endpoint e;
        e.host = QStringLiteral("127.0.0.1");
        e.port = 1;
        e.security = Security::ImplicitTls;
        e.certificates.extraCaFile = QStringLiteral("/nonexistent/ca.pem");
        transport.connectToEndpoint(e);
        QVERIFY(errors.wait());
        const auto error = errors.at(0).at(0).value<TransportError>();
        QCOMPARE(error.kind, TransportError::Kind::TlsFailed);
        QVERIFY(error.detail.contains(QStringLiteral("/nonexistent/ca.pem")));
    }

    void startTlsUpgrades()
    {
        if (!haveTls())
            QSKIP("openssl tool or TLS backend missing");
        TestServer server;
        server.mode = TestServer::Mode::StartTls;
        setUpTls(server);
        QVERIFY(server.listen(QHostAddress::LocalHost));
        SocketTransport transport;
        QSignalSpy connected(&transport, &Transport::connected);
        QSignalSpy encrypted(&transport, &Transport::encrypted);
        QSignalSpy ready(&transport, &Transport::readyRead);
        Endpoint e = endpointFor(server, Security::StartTls);
        e.certificates.extraCaFile = m_certFile;
        transport.connectToEndpoint(e);
        QVERIFY(connected.wait());
        QVERIFY(!transport.isEncrypted());
        QByteArray got;
        QTRY_COMPARE((got += transport.readAll()), QByteArray("220 hello\r\n"));
        transport.write("STARTTLS\r\n");
        got.clear();
        QTRY_COMPARE((got += transport.readAll()), QByteArray("220 go ahead\r\n"));
        transport.startTls();
        QVERIFY(encrypted.wait());
        QVERIFY(transport.isEncrypted());
        QVERIFY(transport.tlsDescription().startsWith(QStringLiteral("TLSv1.")));
        QCOMPARE(transport.peerCertificateChain().value(0), m_cert);
        const int before = ready.count();
        transport.write("PING\r\n");
        QTRY_VERIFY(ready.count() > before);
        QCOMPARE(transport.readAll(), QByteArray("PONG\r\n"));
    }
};

QTEST_GUILESS_MAIN(SocketTransportTest)
#include "SocketTransportTest.moc"
