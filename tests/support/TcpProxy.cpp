// SPDX-License-Identifier: GPL-3.0-or-later
#include "TcpProxy.h"

#include <QDeadlineTimer>
#include <QQueue>
#include <QTcpSocket>
#include <QTimer>
#include <memory>

namespace Mailtrail::Test {

namespace {

/// Passes chunks to a socket after a fixed delay each, in order.
class DelayLine : public QObject
{
public:
    DelayLine(QTcpSocket *to, int delayMs, QObject *parent)
        : QObject(parent)
        , m_to(to)
        , m_delayMs(delayMs)
    {
        m_timer.setSingleShot(true);
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, [this] { release(); });
    }
    void push(const QByteArray &data)
    {
        m_queue.enqueue({ QDeadlineTimer(m_delayMs, Qt::PreciseTimer), data });
        if (!m_timer.isActive())
            m_timer.start(m_delayMs);
    }
    /// Called when the target connects: chunks due meanwhile go out now.
    void release()
    {
        while (!m_queue.isEmpty() && m_queue.head().due.hasExpired()) {
            if (m_to->state() != QAbstractSocket::ConnectedState)
                return; // written when connected
            m_to->write(m_queue.dequeue().data);
        }
        if (!m_queue.isEmpty())
            m_timer.start(int(std::max<qint64>(0, m_queue.head().due.remainingTime())));
    }

private:
    struct Chunk
    {
        QDeadlineTimer due;
        QByteArray data;
    };
    QTcpSocket *m_to;
    int m_delayMs;
    QQueue<Chunk> m_queue;
    QTimer m_timer;
};

} // namespace

TcpProxy::TcpProxy(const QString &targetHost, quint16 targetPort, QObject *parent)
    : QTcpServer(parent)
    , m_targetHost(targetHost)
    , m_targetPort(targetPort)
{ }

bool TcpProxy::start()
{
    return listen(QHostAddress::LocalHost, 0);
}

void TcpProxy::cutAll()
{
    const QList<QPointer<QTcpSocket>> sockets = m_sockets;
    m_sockets.clear();
    for (const QPointer<QTcpSocket> &socket : sockets) {
        if (socket)
            socket->abort();
    }
}

void TcpProxy::incomingConnection(qintptr descriptor)
{
    auto *client = new QTcpSocket(this);
    client->setSocketDescriptor(descriptor);
    client->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    auto *server = new QTcpSocket(this);
    if (!m_source.isNull())
        server->bind(m_source);
    m_sockets << client << server;
    ++m_accepted;
    ++m_open;
    m_peak = std::max(m_peak.load(), m_open.load());
    auto closed = std::make_shared<bool>(false);
    auto onClosed = [this, closed] {
        if (*closed)
            return;
        *closed = true;
        --m_open;
    };
    auto pending = std::make_shared<QByteArray>();
    DelayLine *toServer = m_delayMs > 0 ? new DelayLine(server, m_delayMs, server) : nullptr;
    DelayLine *toClient = m_delayMs > 0 ? new DelayLine(client, m_delayMs, client) : nullptr;
    auto cutBoth = [this, client, server] {
        if (m_cut)
            return;
        m_cut = true;
        client->abort();
        server->abort();
        Q_EMIT cut();
    };
    connect(
        client, &QTcpSocket::readyRead, this, [this, client, server, pending, cutBoth, toServer] {
            QByteArray data = client->readAll();
            if (m_cutAfter > 0 && m_clientBytes + data.size() >= m_cutAfter) {
                const qint64 keep = m_cutAfter - m_clientBytes;
                m_clientBytes = m_cutAfter;
                if (server->state() == QAbstractSocket::ConnectedState)
                    server->write(data.left(keep));
                server->flush();
                cutBoth();
                return;
            }
            m_clientBytes += data.size();
            if (toServer)
                toServer->push(data);
            else if (server->state() == QAbstractSocket::ConnectedState)
                server->write(data);
            else
                pending->append(data);
        });
    connect(server, &QTcpSocket::connected, this, [server, pending, toServer] {
        server->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        if (toServer)
            toServer->release();
        if (!pending->isEmpty())
            server->write(*pending);
        pending->clear();
    });
    connect(server, &QTcpSocket::readyRead, this, [client, server, toClient] {
        if (toClient)
            toClient->push(server->readAll());
        else
            client->write(server->readAll());
    });
    connect(client, &QTcpSocket::disconnected, server, &QTcpSocket::disconnectFromHost);
    connect(server, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
    connect(client, &QTcpSocket::disconnected, this, onClosed);
    connect(client, &QAbstractSocket::errorOccurred, this, onClosed);
    server->connectToHost(m_targetHost, m_targetPort);
}

} // namespace Mailtrail::Test
