// SPDX-License-Identifier: GPL-3.0-or-later
#include "SingleInstance.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLoggingCategory>
#include <QThread>

#include <unistd.h>

Q_LOGGING_CATEGORY(lcInstance, "mailtrail.ui.instance", QtInfoMsg)

namespace Mailtrail::Ui {

namespace {

/// Longest request a primary reads: arguments are a few mailto: links.
constexpr qint64 maxRequestBytes = 1024 * 1024;

/// Where the primary listens, in order: a socket in the profile directory (only its owner
/// can reach it), else, for a path too long for a socket address or a file system without
/// sockets, a name in the temporary directory, per user and profile.
QStringList socketNamesFor(const QString &profileDirectory)
{
    QStringList names;
    const QString inProfile = QDir(profileDirectory).absoluteFilePath(QStringLiteral("mailtrail.socket"));
    if (QFile::encodeName(inProfile).size() < 100) // sockaddr_un's sun_path holds 108 bytes
        names << inProfile;
    const QByteArray hash = QCryptographicHash::hash(QFile::encodeName(QDir(profileDirectory).absolutePath()),
                                                     QCryptographicHash::Sha256);
    names << QStringLiteral("mailtrail-%1-%2").arg(::getuid()).arg(QString::fromLatin1(hash.toHex().left(16)));
    return names;
}

} // namespace

SingleInstance::SingleInstance(const QString &profileDirectory, QObject *parent)
    : QObject(parent)
    , m_profileDirectory(profileDirectory)
    , m_serverNames(socketNamesFor(profileDirectory))
    , m_lock(QDir(profileDirectory).absoluteFilePath(QStringLiteral("mailtrail.lock")))
{
    // The primary holds the lock for as long as it runs: it is stale only when its process
    // is gone, never because it is old.
    m_lock.setStaleLockTime(0);
}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::serverName() const
{
    return m_server ? m_server->fullServerName() : QString();
}

SingleInstance::Role SingleInstance::start(const QStringList &arguments, int timeoutMs)
{
    m_error.clear();
    if (m_lock.tryLock(0)) {
        listen();
        return Role::Primary;
    }
    if (m_lock.error() != QLockFile::LockFailedError) {
        // No lock possible at all (a read-only profile?): run, without hand-off.
        qCWarning(lcInstance) << "cannot create the lock file in" << m_profileDirectory
                              << "- a second start will open a second window";
        return Role::Primary;
    }
    return forward(arguments, timeoutMs) ? Role::Forwarded : Role::Failed;
}

bool SingleInstance::listen()
{
    m_server = std::make_unique<QLocalServer>();
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    QStringList errors;
    for (const QString &name : std::as_const(m_serverNames)) {
        QLocalServer::removeServer(name); // a crashed primary's socket (we hold the lock now)
        if (m_server->listen(name))
            break;
        errors << tr("Cannot listen on %1: %2").arg(name, m_server->errorString());
    }
    if (!m_server->isListening()) {
        m_error = errors.join(QLatin1Char('\n'));
        qCWarning(lcInstance).noquote() << m_error;
        m_server.reset();
        return false;
    }
    connect(m_server.get(), &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *socket = m_server->nextPendingConnection()) {
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
                if (!socket->canReadLine()) {
                    if (socket->bytesAvailable() > maxRequestBytes)
                        socket->abort();
                    return;
                }
                const QJsonDocument request = QJsonDocument::fromJson(socket->readLine(maxRequestBytes));
                const QJsonValue list = request.object().value(QLatin1String("arguments"));
                if (!list.isArray()) {
                    qCWarning(lcInstance) << "ignoring a malformed request from another start";
                    socket->abort();
                    return;
                }
                QStringList arguments;
                for (const QJsonValue &value : list.toArray())
                    arguments << value.toString();
                socket->write("ok\n");
                socket->disconnectFromServer();
                Q_EMIT activated(arguments);
            });
        }
    });
    return true;
}

bool SingleInstance::forward(const QStringList &arguments, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    const auto remaining = [&] { return int(qMax<qint64>(1, timeoutMs - timer.elapsed())); };
    QLocalSocket socket;
    // The primary may still be starting (lock taken, socket not yet listening): retry.
    while (true) {
        bool connected = false;
        for (const QString &name : std::as_const(m_serverNames)) {
            socket.connectToServer(name);
            if ((connected = socket.waitForConnected(remaining())))
                break;
        }
        if (connected)
            break;
        if (timer.elapsed() >= timeoutMs) {
            qint64 pid = 0;
            QString host;
            QString application;
            m_lock.getLockInfo(&pid, &host, &application);
            m_error = tr("Mailtrail already runs with the profile %1 (process %2) but does not answer: %3")
                          .arg(m_profileDirectory)
                          .arg(pid)
                          .arg(socket.errorString());
            return false;
        }
        QThread::msleep(100);
    }
    const QByteArray request =
        QJsonDocument(QJsonObject{{QStringLiteral("arguments"), QJsonArray::fromStringList(arguments)}})
            .toJson(QJsonDocument::Compact)
        + '\n';
    socket.write(request);
    socket.flush();
    bool answered = true;
    while (answered && !socket.canReadLine())
        answered = socket.waitForReadyRead(remaining());
    if (!answered || socket.readLine() != "ok\n") {
        m_error = tr("The running Mailtrail did not take the request: %1").arg(socket.errorString());
        return false;
    }
    return true;
}

} // namespace Mailtrail::Ui
