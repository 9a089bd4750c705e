// SPDX-License-Identifier: GPL-3.0-or-later
#include "SmtpTestClient.h"

namespace Mailtrail::Test {

QByteArray SmtpTestReply::text() const
{
    QByteArray result = QByteArray::number(code);
    for (const QByteArray &line : lines)
        result += ' ' + line;
    return result;
}

SmtpTestClient::SmtpTestClient(int timeoutMs)
    : m_timeoutMs(timeoutMs)
{
    QObject::connect(&m_socket, &QSslSocket::sslErrors, &m_socket,
                     [this](const QList<QSslError> &errors) { m_sslErrors += errors; });
}

bool SmtpTestClient::connectToHost(const QString &host, quint16 port, Security security,
                                   const QSslConfiguration &ssl, const QString &peerVerifyName)
{
    m_socket.setSslConfiguration(ssl);
    if (!peerVerifyName.isEmpty())
        m_socket.setPeerVerifyName(peerVerifyName);
    if (security == Security::ImplicitTls) {
        m_socket.connectToHostEncrypted(host, port);
        if (!m_socket.waitForEncrypted(m_timeoutMs)) {
            m_error = QStringLiteral("TLS handshake failed: ") + m_socket.errorString();
            return false;
        }
    } else {
        m_socket.connectToHost(host, port);
        if (!m_socket.waitForConnected(m_timeoutMs)) {
            m_error = QStringLiteral("connect failed: ") + m_socket.errorString();
            return false;
        }
    }
    m_greeting = readReply();
    if (m_greeting.code != 220) {
        m_error = QStringLiteral("bad greeting: ") + QString::fromUtf8(m_greeting.text());
        return false;
    }
    if (!ehlo())
        return false;
    if (security != Security::StartTls)
        return true;
    const SmtpTestReply reply = command("STARTTLS");
    if (reply.code != 220) {
        m_error = QStringLiteral("STARTTLS refused: ") + QString::fromUtf8(reply.text());
        return false;
    }
    return startClientEncryption() && ehlo();
}

bool SmtpTestClient::startClientEncryption()
{
    m_socket.startClientEncryption();
    if (!m_socket.waitForEncrypted(m_timeoutMs)) {
        m_error = QStringLiteral("TLS handshake failed: ") + m_socket.errorString();
        return false;
    }
    return true;
}

bool SmtpTestClient::ehlo()
{
    const SmtpTestReply reply = command("EHLO client.example.test");
    if (reply.code != 250) {
        m_error = QStringLiteral("EHLO failed: ") + QString::fromUtf8(reply.text());
        return false;
    }
    m_ehlo.clear();
    for (qsizetype i = 1; i < reply.lines.size(); ++i)
        m_ehlo.append(reply.lines.at(i).toUpper());
    return true;
}

bool SmtpTestClient::hasExtension(const QByteArray &keyword) const
{
    const QByteArray upper = keyword.toUpper();
    for (const QByteArray &line : m_ehlo) {
        if (line == upper || line.startsWith(QByteArray(upper + ' ')))
            return true;
    }
    return false;
}

bool SmtpTestClient::authenticatePlain(const QString &user, const QString &password)
{
    const QByteArray token = QByteArray('\0' + user.toUtf8() + '\0' + password.toUtf8()).toBase64();
    const SmtpTestReply reply = command("AUTH PLAIN " + token);
    if (reply.code != 235) {
        m_error = QStringLiteral("AUTH PLAIN failed: ") + QString::fromUtf8(reply.text());
        return false;
    }
    return true;
}

SmtpTestReply SmtpTestClient::command(const QByteArray &line)
{
    m_socket.write(line + "\r\n");
    return readReply();
}

SmtpTestReply SmtpTestClient::mailFrom(const QByteArray &from, const QByteArray &parameters)
{
    return command("MAIL FROM:<" + from + '>' + (parameters.isEmpty() ? QByteArray() : ' ' + parameters));
}

SmtpTestReply SmtpTestClient::rcptTo(const QByteArray &to, const QByteArray &parameters)
{
    return command("RCPT TO:<" + to + '>' + (parameters.isEmpty() ? QByteArray() : ' ' + parameters));
}

SmtpTestReply SmtpTestClient::data(const QByteArray &message)
{
    const SmtpTestReply go = command("DATA");
    if (go.code != 354)
        return go;
    QByteArray body;
    const QList<QByteArray> lines = QByteArray(message).replace("\r\n", "\n").split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (i == lines.size() - 1 && lines.at(i).isEmpty())
            break; // the message ended with a line end
        const QByteArray &line = lines.at(i);
        body += (line.startsWith('.') ? "." + line : line) + "\r\n";
    }
    m_socket.write(body);
    return command(".");
}

void SmtpTestClient::quit()
{
    if (m_socket.state() == QAbstractSocket::ConnectedState) {
        command("QUIT");
        m_socket.disconnectFromHost();
        if (m_socket.state() != QAbstractSocket::UnconnectedState)
            m_socket.waitForDisconnected(m_timeoutMs);
    }
}

SmtpTestReply SmtpTestClient::readReply()
{
    SmtpTestReply reply;
    for (;;) {
        while (!m_socket.canReadLine()) {
            if (!m_socket.waitForReadyRead(m_timeoutMs)) {
                m_error = QStringLiteral("no reply: ") + m_socket.errorString();
                reply.code = 0;
                return reply;
            }
        }
        const QByteArray line = m_socket.readLine().trimmed();
        if (line.size() < 3) {
            m_error = QStringLiteral("garbled reply line: ") + QString::fromUtf8(line);
            return reply;
        }
        reply.code = line.left(3).toInt();
        reply.lines.append(line.mid(4));
        if (line.size() == 3 || line.at(3) != '-')
            return reply;
    }
}

} // namespace Mailtrail::Test
