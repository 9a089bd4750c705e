// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/SocketTransport.h"

#include "net/CaFileTrust.h"

#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTimer>

#ifdef Q_OS_LINUX
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#endif

namespace Mailtrail::Net {


void SocketTransport::quickAck()
{
#if defined(Q_OS_LINUX) && defined(TCP_QUICKACK)
    // After a TLS 1.3 handshake the server sends its session tickets and then, with Nagle,
    // holds its next small reply (e.g. to EHLO) until they are ACKed; Linux delays that ACK
    // by ~40 ms because we have nothing to send. Setting TCP_QUICKACK sends it at once.
    if (m_socket && m_socket->socketDescriptor() >= 0) {
        int one = 1;
        ::setsockopt(int(m_socket->socketDescriptor()), IPPROTO_TCP, TCP_QUICKACK, &one, sizeof one);
    }
#endif
}

SocketTransport::SocketTransport(QObject *parent)
    : Transport(parent)
    , m_connectTimer(new QTimer(this))
{
    m_connectTimer->setSingleShot(true);
    connect(m_connectTimer, &QTimer::timeout, this, [this] {
        if (state() == State::StartingTls)
            fail({TransportError::Kind::TlsFailed, QStringLiteral("The TLS handshake timed out.")});
        else
            fail({TransportError::Kind::ConnectTimeout, {}});
    });
}

SocketTransport::~SocketTransport()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

bool SocketTransport::configureTls(QString *error)
{
    const CertificatePolicy &policy = endpoint().certificates;
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    m_extraCas.clear();
    if (!policy.extraCaFile.isEmpty()) {
        m_extraCas = CaFileTrust::load(policy.extraCaFile, error);
        if (m_extraCas.isEmpty())
            return false;
    }
    // Qt looks issuers up in the system store on demand, as long as no explicit list is set;
    // the CA file's certificates are checked in onSslErrors() instead of being added here,
    // which would mean parsing the whole system store for every account with a CA file.
    if (!policy.useSystemCas)
        config.setCaCertificates(m_extraCas);
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    config.setProtocol(QSsl::SecureProtocols);
    // Lets Qt report TLS 1.3 session tickets (newSessionTicketReceived), see quickAck().
    config.setSslOption(QSsl::SslOptionDisableSessionPersistence, false);
    m_socket->setSslConfiguration(config);
    m_socket->setPeerVerifyName(endpoint().verifyName());
    return true;
}

void SocketTransport::connectToEndpoint(const Endpoint &target)
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    resetForConnect();
    setEndpoint(target);
    setState(State::Connecting);
    m_awaitingDecision = false;
    m_closing = false;
    m_pendingErrors.clear();

    if (target.security == Security::PlainLoopbackOnly && !isLoopbackHost(target.host)) {
        QMetaObject::invokeMethod(this, [this] {
            fail({TransportError::Kind::PlaintextNotAllowed, endpoint().host});
        }, Qt::QueuedConnection);
        return;
    }

    m_socket = new QSslSocket(this);
    m_socket->setPauseMode(QAbstractSocket::PauseOnSslErrors);
    QString tlsError;
    if (!configureTls(&tlsError)) {
        QMetaObject::invokeMethod(this, [this, tlsError] {
            fail({TransportError::Kind::TlsFailed, tlsError});
        }, Qt::QueuedConnection);
        return;
    }
    connect(m_socket, &QSslSocket::connected, this, &SocketTransport::onPlainConnected);
    connect(m_socket, &QSslSocket::encrypted, this, &SocketTransport::onEncrypted);
    connect(m_socket, &QSslSocket::sslErrors, this, &SocketTransport::onSslErrors);
    connect(m_socket, &QSslSocket::errorOccurred, this, &SocketTransport::onSocketError);
    connect(m_socket, &QSslSocket::disconnected, this, &SocketTransport::onDisconnected);
    connect(m_socket, &QSslSocket::newSessionTicketReceived, this, &SocketTransport::quickAck);
    connect(m_socket, &QSslSocket::readyRead, this, [this] {
        noteProgress();
        Q_EMIT readyRead();
    });
    connect(m_socket, &QSslSocket::bytesWritten, this, [this](qint64 bytes) {
        noteProgress();
        Q_EMIT bytesWritten(bytes);
    });

    recordEvent("connecting to " + target.host.toUtf8() + ':' + QByteArray::number(target.port)
                + " (" + securityName(target.security).toUtf8() + ')');
    m_connectTimer->start(target.timeouts.connectMs);
    if (target.security == Security::ImplicitTls)
        m_socket->connectToHostEncrypted(target.host, target.port, target.verifyName());
    else
        m_socket->connectToHost(target.host, target.port);
}

void SocketTransport::onPlainConnected()
{
    // Mail protocols alternate small writes and replies (e.g. BDAT's command line, then its
    // data); with Nagle's algorithm each such pair waits for a delayed ACK (~40 ms).
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    if (endpoint().security == Security::ImplicitTls)
        return; // wait for encrypted()
    m_connectTimer->stop();
    setState(State::Connected);
    recordEvent("connected (plain)");
    Q_EMIT connected();
}

void SocketTransport::onEncrypted()
{
    m_connectTimer->stop();
    recordEvent("TLS established: " + tlsDescription().toUtf8());
    const State before = state();
    setState(State::Connected);
    if (before == State::StartingTls)
        Q_EMIT encrypted();
    else
        Q_EMIT connected();
}

void SocketTransport::startTls()
{
    if (!m_socket || state() != State::Connected || m_socket->isEncrypted()) {
        QMetaObject::invokeMethod(this, [this] {
            fail({TransportError::Kind::TlsFailed, QStringLiteral("STARTTLS in the wrong state.")});
        }, Qt::QueuedConnection);
        return;
    }
    setState(State::StartingTls);
    recordEvent("starting TLS");
    m_connectTimer->start(endpoint().timeouts.connectMs);
    m_socket->startClientEncryption();
}

void SocketTransport::onSslErrors(const QList<QSslError> &errors)
{
    const QList<QSslCertificate> chain = m_socket->peerCertificateChain();
    const QSslCertificate leaf = chain.isEmpty() ? m_socket->peerCertificate() : chain.constFirst();
    const QByteArray digest = leaf.isNull() ? QByteArray() : sha256Fingerprint(leaf);
    if (!digest.isEmpty() && endpoint().certificates.pinnedSha256.contains(digest)) {
        recordEvent("certificate pinned by the account: " + fingerprintToHex(digest).toUtf8());
        m_socket->ignoreSslErrors(errors);
        return;
    }
    if (!m_extraCas.isEmpty() && endpoint().certificates.useSystemCas
        && CaFileTrust::onlyIssuerErrors(errors)) {
        QString why;
        if (CaFileTrust::verify(m_extraCas, chain, endpoint().verifyName(), &why)) {
            recordEvent("certificate issued by the account's CA file");
            m_socket->ignoreSslErrors(errors);
            return;
        }
        recordEvent("not trusted by the account's CA file either: " + why.toUtf8());
    }
    m_connectTimer->stop();
    m_pendingErrors = errors;
    m_awaitingDecision = true;
    CertificateProblem problem;
    problem.host = endpoint().host;
    problem.port = endpoint().port;
    problem.chain = chain;
    problem.errors = errors;
    problem.sha256 = digest;
    recordEvent("untrusted certificate " + fingerprintToHex(digest).toUtf8() + ": "
                + problem.errorText().replace(QLatin1Char('\n'), QLatin1String("; ")).toUtf8());
    Q_EMIT certificateProblem(problem);
}

void SocketTransport::answerCertificate(CertificateDecision decision)
{
    // Queued: the caller may answer from inside certificateProblem(), i.e. inside
    // QSslSocket's own signal emission, where the socket has not paused yet.
    QMetaObject::invokeMethod(this, [this, decision] {
        if (!m_awaitingDecision || !m_socket)
            return;
        m_awaitingDecision = false;
        if (decision == CertificateDecision::Reject) {
            QStringList texts;
            for (const QSslError &error : std::as_const(m_pendingErrors))
                texts.append(error.errorString());
            fail({TransportError::Kind::CertificateRejected, texts.join(QStringLiteral("; "))});
            return;
        }
        recordEvent(decision == CertificateDecision::Pin ? "certificate pinned" : "certificate accepted once");
        m_socket->ignoreSslErrors(m_pendingErrors);
        m_connectTimer->start(endpoint().timeouts.connectMs);
        m_socket->resume();
    }, Qt::QueuedConnection);
}

void SocketTransport::onSocketError()
{
    if (!m_socket || hasFailed())
        return;
    const auto error = m_socket->error();
    const QString text = m_socket->errorString();
    using K = TransportError::Kind;
    switch (error) {
    case QAbstractSocket::RemoteHostClosedError:
        if (state() == State::Connecting || state() == State::StartingTls)
            fail({K::TlsFailed, text});
        return; // otherwise disconnected() follows
    case QAbstractSocket::HostNotFoundError:
        fail({K::HostNotFound, endpoint().host});
        return;
    case QAbstractSocket::ConnectionRefusedError:
        fail({K::ConnectionRefused, endpoint().host + QLatin1Char(':') + QString::number(endpoint().port)});
        return;
    case QAbstractSocket::SslHandshakeFailedError:
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError:
        fail({K::TlsFailed, text});
        return;
    case QAbstractSocket::SocketTimeoutError:
        fail({K::ConnectTimeout, text});
        return;
    default:
        fail({K::Network, text});
        return;
    }
}

void SocketTransport::onDisconnected()
{
    if (hasFailed())
        return;
    if (state() == State::Connecting || state() == State::StartingTls) {
        fail({TransportError::Kind::TlsFailed, QStringLiteral("The server closed the connection during the handshake.")});
        return;
    }
    clearDeadline();
    m_connectTimer->stop();
    setState(State::Closed);
    recordEvent(m_closing ? "closed" : "closed by the server");
    Q_EMIT disconnected();
}

bool SocketTransport::isEncrypted() const
{
    return m_socket && m_socket->isEncrypted();
}

qint64 SocketTransport::bytesToWrite() const
{
    return m_socket ? m_socket->bytesToWrite() : 0;
}

void SocketTransport::close()
{
    if (!m_socket || state() == State::Closed || state() == State::Unconnected)
        return;
    m_closing = true;
    m_socket->disconnectFromHost();
}

QList<QSslCertificate> SocketTransport::peerCertificateChain() const
{
    return m_socket ? m_socket->peerCertificateChain() : QList<QSslCertificate>();
}

QString SocketTransport::tlsDescription() const
{
    if (!m_socket || !m_socket->isEncrypted())
        return {};
    const QSslCipher cipher = m_socket->sessionCipher();
    return cipher.protocolString() + QLatin1Char(' ') + cipher.name();
}

void SocketTransport::writeBytes(const QByteArray &bytes)
{
    if (m_socket && (state() == State::Connected))
        m_socket->write(bytes);
}

QByteArray SocketTransport::readBytes()
{
    return m_socket ? m_socket->readAll() : QByteArray();
}

void SocketTransport::readBytesInto(QByteArray &buffer)
{
    if (!m_socket)
        return;
    const qint64 available = m_socket->bytesAvailable();
    if (available <= 0)
        return;
    const qsizetype before = buffer.size();
    buffer.resize(before + available);
    const qint64 got = m_socket->read(buffer.data() + before, available);
    buffer.resize(before + qMax<qint64>(0, got));
}

void SocketTransport::abortStream()
{
    m_connectTimer->stop();
    m_awaitingDecision = false;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
}

} // namespace Mailtrail::Net
