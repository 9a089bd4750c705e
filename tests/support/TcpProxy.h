// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QTcpServer>

class QTcpSocket;

namespace Mailtrail::Test {

/// A loopback TCP forwarder between a client under test and a real server, on a port the
/// OS assigns. It can cut the connection (both sides reset) once the client has sent a
/// given number of bytes: "the network died in the middle of DATA". TLS passes through
/// untouched, so the client still talks to the real server.
class TcpProxy : public QTcpServer
{
    Q_OBJECT
public:
    TcpProxy(const QString &targetHost, quint16 targetPort, QObject *parent = nullptr);

    /// Listens on 127.0.0.1; returns false on failure.
    [[nodiscard]] bool start();
    /// Cut every connection after the client sent this many bytes (0 = never).
    void setCutAfterClientBytes(qint64 bytes) { m_cutAfter = bytes; }
    [[nodiscard]] qint64 clientBytes() const { return m_clientBytes; }
    [[nodiscard]] bool didCut() const { return m_cut; }

Q_SIGNALS:
    void cut();

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    QString m_targetHost;
    quint16 m_targetPort;
    qint64 m_cutAfter = 0;
    qint64 m_clientBytes = 0;
    bool m_cut = false;
};

} // namespace Mailtrail::Test
