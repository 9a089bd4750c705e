// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/Transport.h"

#include <QPointer>
#include <QSslError>

class QSslSocket;
class QTimer;

namespace Mailtrail::Net {

/// The real Transport over QSslSocket: implicit TLS or plain TCP followed by startTls().
///
/// Certificates are verified against the system CAs (unless CertificatePolicy::useSystemCas
/// is off) plus CertificatePolicy::extraCaFile. A leaf whose SHA-256 is in
/// CertificatePolicy::pinnedSha256 is accepted whatever the errors. Any other verification
/// error pauses the handshake (QAbstractSocket::PauseOnSslErrors) and emits
/// certificateProblem(); answerCertificate() resumes or fails with CertificateRejected. The
/// connect deadline is suspended while the caller decides.
class SocketTransport : public Transport
{
    Q_OBJECT
public:
    explicit SocketTransport(QObject *parent = nullptr);
    ~SocketTransport() override;

    void connectToEndpoint(const Endpoint &endpoint) override;
    void startTls() override;
    void answerCertificate(CertificateDecision decision) override;
    [[nodiscard]] bool isEncrypted() const override;
    [[nodiscard]] qint64 bytesToWrite() const override;
    void close() override;
    [[nodiscard]] QList<QSslCertificate> peerCertificateChain() const override;

    /// The TLS protocol and cipher in use, e.g. "TLSv1.3 TLS_AES_256_GCM_SHA384"; empty if plain.
    [[nodiscard]] QString tlsDescription() const;

protected:
    void writeBytes(const QByteArray &bytes) override;
    QByteArray readBytes() override;
    void readBytesInto(QByteArray &buffer) override;
    void abortStream() override;

private:
    void onPlainConnected();
    void onEncrypted();
    void onSslErrors(const QList<QSslError> &errors);
    void onSocketError();
    void onDisconnected();
    [[nodiscard]] bool configureTls(QString *error);
    void quickAck();

    QSslSocket *m_socket = nullptr;
    QTimer *m_connectTimer = nullptr;
    QList<QSslError> m_pendingErrors;
    /// The certificates of the account's CA file, checked when the system store knows no issuer.
    QList<QSslCertificate> m_extraCas;
    bool m_awaitingDecision = false;
    bool m_closing = false;
};

} // namespace Mailtrail::Net
