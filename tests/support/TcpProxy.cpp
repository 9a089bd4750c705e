// SPDX-License-Identifier: GPL-3.0-or-later
#include "TcpProxy.h"

#include <QTcpSocket>

namespace Mailtrail::Test {

TcpProxy::TcpProxy(const QString &targetHost, quint16 targetPort, QObject *parent)
    : QTcpServer(parent)
    , m_targetHost(targetHost)
    , m_targetPort(targetPort)
{
}

bool TcpProxy::start()
{
    return listen(QHostAddress::LocalHost, 0);
}

void TcpProxy::incomingConnection(qintptr descriptor)
{
    auto *client = new QTcpSocket(this);
    client->setSocketDescriptor(descriptor);
    auto *server = new QTcpSocket(this);
    auto pending = std::make_shared<QByteArray>();
    auto cutBoth = [this, client, server] {
        if (m_cut)
            return;
        m_cut = true;
        client->abort();
        server->abort();
        Q_EMIT cut();
    };
    connect(client, &QTcpSocket::readyRead, this, [this, client, server, pending, cutBoth] {
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
        if (server->state() == QAbstractSocket::ConnectedState)
            server->write(data);
        else
            pending->append(data);
    });
    connect(server, &QTcpSocket::connected, this, [server, pending] {
        if (!pending->isEmpty())
            server->write(*pending);
        pending->clear();
    });
    connect(server, &QTcpSocket::readyRead, this, [client, server] { client->write(server->readAll()); });
    connect(client, &QTcpSocket::disconnected, server, &QTcpSocket::disconnectFromHost);
    connect(server, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
    server->connectToHost(m_targetHost, m_targetPort);
}

} // namespace Mailtrail::Test
