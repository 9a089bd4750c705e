// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImapTestClient.h"

#include "MailStack.h"

#include <QDateTime>
#include <QDir>
#include <QFile>

#include <unistd.h>

namespace Mailtrail::Test {

ImapTestClient::ImapTestClient(const MailStack &stack, const QString &user)
{
    m_socket.setSslConfiguration(stack.sslConfiguration());
    m_socket.setPeerVerifyName(stack.tlsName());
    m_socket.connectToHostEncrypted(stack.host(), stack.imapsPort(), stack.tlsName());
    if (!m_socket.waitForEncrypted(10000)) {
        m_error = QStringLiteral("cannot connect: %1").arg(m_socket.errorString());
        return;
    }
    if (waitForTag("*").isEmpty())
        return;
    if (run("LOGIN " + stack.address(user).toUtf8() + ' ' + stack.password(user).toUtf8()).isEmpty())
        m_error = QStringLiteral("login failed: %1").arg(m_error);
}

QByteArray ImapTestClient::waitForTag(const QByteArray &tag)
{
    QByteArray all;
    const QByteArray okLine = tag + ' ';
    while (true) {
        // Look for a complete line starting with the tag.
        qsizetype start = 0;
        while (true) {
            const qsizetype nl = all.indexOf('\n', start);
            if (nl < 0)
                break;
            const QByteArray line = all.mid(start, nl - start);
            if (line.startsWith(okLine)) {
                if (tag != "*" && !line.startsWith(QByteArray(tag + " OK"))) {
                    m_error = QString::fromUtf8(line.trimmed());
                    return {};
                }
                return all;
            }
            start = nl + 1;
        }
        if (!m_socket.waitForReadyRead(30000)) {
            m_error = QStringLiteral("time-out waiting for %1").arg(QString::fromLatin1(tag));
            return {};
        }
        all += m_socket.readAll();
    }
}

QByteArray ImapTestClient::run(const QByteArray &command)
{
    const QByteArray tag = 't' + QByteArray::number(++m_tag);
    m_socket.write(tag + ' ' + command + "\r\n");
    return waitForTag(tag);
}

QByteArray ImapTestClient::append(const QByteArray &mailbox, const QByteArray &message)
{
    const QByteArray tag = 't' + QByteArray::number(++m_tag);
    m_socket.write(tag + " APPEND " + mailbox + " {" + QByteArray::number(message.size()) + "+}\r\n" + message + "\r\n");
    return waitForTag(tag);
}

QString fillMaildirFolder(const MailStack &stack, const QString &user, const QString &folder, int count, int firstIndex)
{
    const QString root = stack.maildir(user) + QStringLiteral("/.") + folder;
    for (const char *sub : {"", "/cur", "/new", "/tmp"}) {
        const QString dir = root + QString::fromLatin1(sub);
        if (!QDir().mkpath(dir))
            return QStringLiteral("cannot create %1").arg(dir);
        if (::chown(QFile::encodeName(dir).constData(), 5000, 5000) != 0)
            return QStringLiteral("cannot chown %1").arg(dir);
    }
    const qint64 base = 1700000000;
    for (int i = firstIndex; i < firstIndex + count; ++i) {
        const QByteArray body = "From: Sender <sender@example.test>\r\nTo: " + stack.address(user).toUtf8()
            + "\r\nSubject: Test message " + QByteArray::number(i) + "\r\nDate: "
            + QDateTime::fromSecsSinceEpoch(base + i * 60, Qt::UTC).toString(Qt::RFC2822Date).toLatin1()
            + "\r\nMessage-ID: <" + folder.toUtf8() + '.' + QByteArray::number(i) + "@example.test>\r\n\r\nBody " + QByteArray::number(i) + "\r\n";
        const QString path = QStringLiteral("%1/cur/%2.M%3P1.test:2,").arg(root).arg(base + i).arg(i);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(body) != body.size())
            return QStringLiteral("cannot write %1").arg(path);
        f.close();
        if (::chown(QFile::encodeName(path).constData(), 5000, 5000) != 0)
            return QStringLiteral("cannot chown %1").arg(path);
    }
    return {};
}

} // namespace Mailtrail::Test
