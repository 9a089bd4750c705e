// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPointer>
#include <QTcpServer>

#include <atomic>

class QTcpSocket;

namespace Mailtrail::Test {

/// A loopback TCP forwarder between a client under test and a real server, on a port the
/// OS assigns. It can cut the connection (both sides reset) once the client has sent a
/// given number of bytes: "the network died in the middle of DATA". TLS passes through
/// untouched, so the client still talks to the real server.
///
/// It can also hold every chunk a given time in each direction (a network far away; this
/// kernel has no netem), and counts the connections it carried.
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
    /// Hold every chunk this long before passing it on, in each direction (0 = at once).
    /// Order is kept: a chunk never overtakes an earlier one.
    void setDelay(int ms) { m_delayMs = ms; }
    /// Connections accepted so far, open now, and the most open at any one time.
    [[nodiscard]] int connectionsAccepted() const { return m_accepted; }
    [[nodiscard]] int connectionsOpen() const { return m_open; }
    [[nodiscard]] int peakConnections() const { return m_peak; }
    /// Resets every connection open now (both sides): "the network dropped".
    void cutAll();
    /// Connects to the target from this local address (e.g. 127.0.0.2): the server sees
    /// another client address (Dovecot's auth-failure penalty is per address).
    void setSourceAddress(const QHostAddress &address) { m_source = address; }

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
    int m_delayMs = 0;
    QHostAddress m_source;
    QList<QPointer<QTcpSocket>> m_sockets;
    // Atomic: a bench may read them while the proxy runs in a thread of its own.
    std::atomic<int> m_accepted = 0;
    std::atomic<int> m_open = 0;
    std::atomic<int> m_peak = 0;
};

} // namespace Mailtrail::Test
