// SPDX-License-Identifier: GPL-3.0-or-later
// Latency benchmark (issue 16), run by hand:
//
//   scripts/mailstack start --root /tmp/bench-ms     # if no stack is running
//   MAILSTACK_ENV_FILE=/tmp/bench-ms/env build/tests/bench/bench_latency [DELAY_MS]
//
// The mail stack is reached through a TCP proxy on 127.0.0.1 that holds every chunk
// DELAY_MS (default 25) in each direction, i.e. a server 2 x DELAY_MS away. Alice's folder
// "Latency" gets 20 fresh messages; then, in one run, opening them one after another as the
// GUI does (the body, then \Seen once it is shown) is measured:
//   (a) a raw client through the same proxy: TLS, LOGIN, SELECT once, then the same 40
//       commands (UID FETCH BODY.PEEK[], UID STORE +FLAGS.SILENT (\Seen)) one after another;
//   (b) BodyFetch + FlagStore on their own (a connection, a login and a SELECT per action:
//       what the GUI did before the account session);
//   (c) the same through one Sync::AccountSession (one connection, one SELECT).
// It prints each time and the ratios against (a). Target: (c) <= 1.3 x (a).
#include "MailStack.h"
#include "TcpProxy.h"
#include "store/AccountRepository.h"
#include "store/Database.h"
#include "store/FolderRepository.h"
#include "store/MessageRepository.h"
#include "sync/AccountSession.h"
#include "sync/AccountSync.h"
#include "sync/BodyFetch.h"
#include "sync/FlagStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QSslSocket>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QThread>
#include <cstdio>
#include <memory>

using namespace Mailtrail;

namespace {

constexpr int messageCount = 20;
const QByteArray folderName = "Latency";

/// A blocking raw IMAP client for setting up and for the reference.
class RawClient
{
public:
    bool open(const Test::MailStack &stack, const QString &host, quint16 port)
    {
        m_socket.setSslConfiguration(stack.sslConfiguration());
        m_socket.setPeerVerifyName(stack.tlsName());
        m_socket.connectToHostEncrypted(host, port, stack.tlsName());
        if (!m_socket.waitForEncrypted(10000))
            return false;
        m_socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
        if (!m_socket.waitForReadyRead(10000))
            return false;
        m_socket.readAll();
        return command(
            "LOGIN alice@example.test " + stack.password(QStringLiteral("alice")).toUtf8());
    }
    /// Sends one command and waits for its tagged completion; true on OK.
    bool command(const QByteArray &text, const QByteArray &literal = {})
    {
        const QByteArray tag = "t" + QByteArray::number(++m_tag);
        if (literal.isEmpty()) {
            m_socket.write(tag + ' ' + text + "\r\n");
        } else {
            m_socket.write(tag + ' ' + text + " {" + QByteArray::number(literal.size()) + "}\r\n");
            if (!waitFor("+"))
                return false;
            m_socket.write(literal + "\r\n");
        }
        return waitFor(tag + " OK", tag + ' ');
    }
    void logout()
    {
        m_socket.write("z LOGOUT\r\n");
        m_socket.waitForBytesWritten(1000);
        m_socket.disconnectFromHost();
    }

private:
    bool waitFor(const QByteArray &ok, const QByteArray &failPrefix = {})
    {
        while (true) {
            while (m_socket.canReadLine()) {
                const QByteArray line = m_socket.readLine();
                if (line.startsWith(ok))
                    return true;
                if (!failPrefix.isEmpty() && line.startsWith(failPrefix))
                    return false;
            }
            if (!m_socket.waitForReadyRead(30000))
                return false;
        }
    }
    QSslSocket m_socket;
    int m_tag = 0;
};

QByteArray message(int i)
{
    QByteArray body;
    for (int line = 0; line < 100; ++line)
        body += "Line " + QByteArray::number(line) + " of message " + QByteArray::number(i)
            + ": some text so that the body is a few kilobytes, like a real mail.\r\n";
    return "From: Bob <bob@example.test>\r\nTo: alice@example.test\r\nSubject: Latency "
        + QByteArray::number(i) + "\r\nMessage-ID: <latency" + QByteArray::number(i)
        + "@example.test>\r\nDate: Mon, 1 Jun 2026 10:00:00 +0000\r\n"
          "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        + body;
}

/// A fresh cache with the folder synced (through the proxy); the cached messages' ids.
struct Cache
{
    QTemporaryDir dir;
    Store::Database db;
    Store::Account account;
    QList<qint64> ids;
    QList<quint32> uids;
};

std::unique_ptr<Cache> syncedCache(const Test::MailStack &stack, quint16 proxyPort)
{
    auto cache = std::make_unique<Cache>();
    if (!cache->db.open(cache->dir.filePath(QStringLiteral("latency.sqlite"))).isEmpty())
        return nullptr;
    cache->account = stack.account(QStringLiteral("alice"), QStringLiteral("latency"));
    cache->account.imap.host = QStringLiteral("127.0.0.1");
    cache->account.imap.port = proxyPort;
    if (!Store::AccountRepository(cache->db.connection()).add(cache->account).isEmpty())
        return nullptr;
    Sync::AccountSync sync(
        cache->account, stack.password(QStringLiteral("alice")), cache->db.connection());
    sync.setFolderFilter(QString::fromLatin1(folderName));
    QEventLoop loop;
    bool ok = false;
    QObject::connect(
        &sync, &Sync::AccountSync::finished, &loop, [&](const Sync::AccountSyncReport &report) {
            ok = report.ok();
            loop.quit();
        });
    sync.start();
    loop.exec();
    const std::optional<Store::Folder> folder
        = Store::FolderRepository(cache->db.connection())
              .find(cache->account.id, QString::fromLatin1(folderName));
    if (!ok || !folder)
        return nullptr;
    Store::MessageRepository messages(cache->db.connection());
    for (const quint32 uid : messages.uids(folder->id)) {
        if (const std::optional<Store::MessageRecord> r = messages.find(folder->id, uid)) {
            cache->ids.append(r->id);
            cache->uids.append(uid);
        }
    }
    return cache->ids.size() == messageCount ? std::move(cache) : nullptr;
}

bool resetSeen(const Test::MailStack &stack)
{
    RawClient raw;
    const bool ok = raw.open(stack, stack.host(), stack.imapsPort())
        && raw.command("SELECT " + folderName) && raw.command("STORE 1:* -FLAGS.SILENT (\\Seen)");
    raw.logout();
    return ok;
}

/// (b): every action on its own connection, as MailController did.
double perActionConnections(const Test::MailStack &stack, quint16 proxyPort)
{
    std::unique_ptr<Cache> cache = syncedCache(stack, proxyPort);
    if (!cache || !resetSeen(stack))
        return -1;
    const QString password = stack.password(QStringLiteral("alice"));
    QElapsedTimer timer;
    timer.start();
    for (const qint64 id : std::as_const(cache->ids)) {
        QEventLoop loop;
        bool ok = false;
        Sync::BodyFetch fetch(cache->account, password, cache->db.connection(), id);
        QObject::connect(
            &fetch, &Sync::BodyFetch::finished, &loop, [&](const Sync::BodyFetchResult &r) {
                ok = r.ok;
                loop.quit();
            });
        fetch.start();
        loop.exec();
        if (!ok)
            return -1;
        Sync::FlagStore store(cache->account, password, cache->db.connection(), id,
            { QByteArrayLiteral("\\Seen") }, true);
        QObject::connect(
            &store, &Sync::FlagStore::finished, &loop, [&](qint64, const QString &error) {
                ok = error.isEmpty();
                loop.quit();
            });
        store.start();
        loop.exec();
        if (!ok)
            return -1;
    }
    return double(timer.nsecsElapsed()) / 1e9;
}

/// (c): the same through one AccountSession, as the GUI does now.
double throughSession(const Test::MailStack &stack, quint16 proxyPort, int *connections)
{
    std::unique_ptr<Cache> cache = syncedCache(stack, proxyPort);
    if (!cache || !resetSeen(stack))
        return -1;
    Sync::FixedCredentials credentials(stack.password(QStringLiteral("alice")));
    QElapsedTimer timer;
    timer.start();
    Sync::AccountSession session(cache->account, &credentials, cache->db.connection());
    for (const qint64 id : std::as_const(cache->ids)) {
        QEventLoop loop;
        bool ok = false;
        Sync::BodyFetch fetch(cache->account, {}, cache->db.connection(), id);
        fetch.setAccountSession(&session);
        QObject::connect(
            &fetch, &Sync::BodyFetch::finished, &loop, [&](const Sync::BodyFetchResult &r) {
                ok = r.ok;
                loop.quit();
            });
        fetch.start();
        loop.exec();
        if (!ok)
            return -1;
        Sync::FlagStore store(
            cache->account, {}, cache->db.connection(), id, { QByteArrayLiteral("\\Seen") }, true);
        store.setAccountSession(&session);
        QObject::connect(
            &store, &Sync::FlagStore::finished, &loop, [&](qint64, const QString &error) {
                ok = error.isEmpty();
                loop.quit();
            });
        store.start();
        loop.exec();
        if (!ok)
            return -1;
    }
    *connections = session.connectionsOpened();
    return double(timer.nsecsElapsed()) / 1e9;
}

/// (a): the raw reference through the same proxy.
double reference(const Test::MailStack &stack, quint16 proxyPort, const QList<quint32> &uids)
{
    if (!resetSeen(stack))
        return -1;
    QElapsedTimer timer;
    timer.start();
    RawClient raw;
    if (!raw.open(stack, QStringLiteral("127.0.0.1"), proxyPort)
        || !raw.command("SELECT " + folderName))
        return -1;
    for (const quint32 uid : uids) {
        if (!raw.command("UID FETCH " + QByteArray::number(uid) + " (UID BODY.PEEK[])")
            || !raw.command("UID STORE " + QByteArray::number(uid) + " +FLAGS.SILENT (\\Seen)"))
            return -1;
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    raw.logout();
    return seconds;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int delayMs = argc > 1 ? QByteArray(argv[1]).toInt() : 25;
    const Test::MailStack stack = Test::MailStack::fromEnvironment();
    if (!stack.isValid()) {
        std::fprintf(stderr, "bench_latency: %s\n", qPrintable(stack.errorString()));
        return 2;
    }
    {
        RawClient raw;
        if (!raw.open(stack, stack.host(), stack.imapsPort())) {
            std::fprintf(stderr, "bench_latency: cannot log in to the stack\n");
            return 1;
        }
        raw.command("DELETE " + folderName); // NO when missing
        bool ok = raw.command("CREATE " + folderName);
        for (int i = 0; ok && i < messageCount; ++i)
            ok = raw.command("APPEND " + folderName + " ()", message(i));
        raw.logout();
        if (!ok) {
            std::fprintf(
                stderr, "bench_latency: cannot fill alice's folder %s\n", folderName.constData());
            return 1;
        }
    }
    // The proxy runs in a thread of its own: the raw reference client blocks this one.
    QThread proxyThread;
    proxyThread.start();
    auto *proxyObject = new Test::TcpProxy(stack.host(), stack.imapsPort());
    proxyObject->setDelay(delayMs);
    proxyObject->moveToThread(&proxyThread);
    bool listening = false;
    QMetaObject::invokeMethod(
        proxyObject, [&] { listening = proxyObject->start(); }, Qt::BlockingQueuedConnection);
    const auto stopProxy = qScopeGuard([&] {
        QMetaObject::invokeMethod(proxyObject, &QObject::deleteLater);
        proxyThread.quit();
        proxyThread.wait();
    });
    if (!listening) {
        std::fprintf(stderr, "bench_latency: the proxy cannot listen\n");
        return 1;
    }
    Test::TcpProxy &proxy = *proxyObject;
    std::printf("bench_latency: %d messages opened one after another (body, then \\Seen), "
                "%d ms each way through a proxy\n",
        messageCount, delayMs);

    std::unique_ptr<Cache> forUids = syncedCache(stack, proxy.serverPort());
    if (!forUids) {
        std::fprintf(stderr, "bench_latency: the first sync failed\n");
        return 1;
    }
    const QList<quint32> uids = forUids->uids;
    const double a = reference(stack, proxy.serverPort(), uids);
    if (a < 0) {
        std::fprintf(stderr, "bench_latency: the reference failed\n");
        return 1;
    }
    std::printf("(a) raw client, one SELECT, 40 commands:        %6.3f s\n", a);
    const int before = proxy.connectionsAccepted();
    const double b = perActionConnections(stack, proxy.serverPort());
    if (b < 0) {
        std::fprintf(stderr, "bench_latency: BodyFetch / FlagStore failed\n");
        return 1;
    }
    // The cache's first sync is one of the connections counted.
    std::printf(
        "(b) a connection per action (before the session): %6.3f s = %.2f x (a), %d connections\n",
        b, b / a, proxy.connectionsAccepted() - before - 1);
    int connections = 0;
    const double c = throughSession(stack, proxy.serverPort(), &connections);
    if (c < 0) {
        std::fprintf(stderr, "bench_latency: the session failed\n");
        return 1;
    }
    std::printf("(c) one AccountSession:                          %6.3f s = %.2f x (a), %d "
                "connection (target <= 1.3 x)\n",
        c, c / a, connections);
    return 0;
}
