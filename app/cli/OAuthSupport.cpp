// SPDX-License-Identifier: GPL-3.0-or-later
#include "OAuthSupport.h"

#include "OutboxSupport.h"
#include "oauth/Discovery.h"
#include "oauth/Providers.h"
#include "oauth/SignIn.h"
#include "sync/OAuth2Credentials.h"
#include "sync/PasswordStore.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QProcess>
#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace Mailtrail::Cli {

namespace {

int g_interruptFd = -1;

void onInterrupt(int)
{
    const char byte = 1;
    if (g_interruptFd >= 0) {
        [[maybe_unused]] const auto written = ::write(g_interruptFd, &byte, 1);
    }
}

/// While alive, Ctrl+C (SIGINT) calls @p cancel on the event loop instead of killing the process.
class InterruptGuard
{
public:
    explicit InterruptGuard(std::function<void()> cancel)
    {
        if (::socketpair(AF_UNIX, SOCK_STREAM, 0, m_fds) != 0)
            return;
        g_interruptFd = m_fds[0];
        m_notifier = std::make_unique<QSocketNotifier>(m_fds[1], QSocketNotifier::Read);
        QObject::connect(m_notifier.get(), &QSocketNotifier::activated, m_notifier.get(), [this, cancel] {
            char byte;
            [[maybe_unused]] auto n = ::read(m_fds[1], &byte, 1);
            cancel();
        });
        struct sigaction action = {};
        action.sa_handler = onInterrupt;
        sigemptyset(&action.sa_mask);
        ::sigaction(SIGINT, &action, &m_previous);
    }
    ~InterruptGuard()
    {
        if (m_fds[0] < 0)
            return;
        ::sigaction(SIGINT, &m_previous, nullptr);
        g_interruptFd = -1;
        m_notifier.reset();
        ::close(m_fds[0]);
        ::close(m_fds[1]);
    }
    InterruptGuard(const InterruptGuard &) = delete;
    InterruptGuard &operator=(const InterruptGuard &) = delete;

private:
    int m_fds[2] = {-1, -1};
    std::unique_ptr<QSocketNotifier> m_notifier;
    struct sigaction m_previous = {};
};

} // namespace

std::optional<Sync::Credentials> accountCredentials(
    Context &context, const Store::Account &account, bool fromStdin, const QString &command, int *exitCode)
{
    *exitCode = 1;
    if (!account.isOAuth2()) {
        const auto password = accountPassword(context, account, fromStdin, command);
        if (!password)
            return std::nullopt;
        return Sync::Credentials::password(*password);
    }
    Sync::OAuth2Credentials source(account);
    QEventLoop loop;
    std::optional<Sync::Credentials> result;
    Sync::CredentialError error;
    QObject::connect(&source, &Sync::CredentialSource::ready, &loop, [&](const Sync::Credentials &c) {
        result = c;
        loop.quit();
    });
    QObject::connect(&source, &Sync::CredentialSource::failed, &loop, [&](const Sync::CredentialError &e) {
        error = e;
        loop.quit();
    });
    source.request();
    loop.exec();
    if (result)
        return result;
    context.err << "mailtrail-cli " << command << ": " << account.name << ": " << error.message << "\n";
    if (error.kind == Sync::CredentialError::Kind::SignInAgain) {
        context.err << "mailtrail-cli " << command << ": " << account.name << ": "
                    << Sync::OAuth2Credentials::signInAgainHint(account.name) << "\n";
        *exitCode = kExitSignInAgain;
    }
    context.err.flush();
    return std::nullopt;
}

std::optional<OAuth::Tokens> signInInteractively(
    Context &context, const Store::Account &account, const QString &browserCommand, const QString &command,
    int *exitCode)
{
    *exitCode = 1;
    const QString prefix = QStringLiteral("mailtrail-cli ") + command + QStringLiteral(": ");
    OAuth::Error error;
    auto config = OAuth::clientConfig(account, &error);
    if (!config) {
        context.err << prefix << error.message << "\n";
        return std::nullopt;
    }
    QEventLoop loop;
    if (OAuth::needsDiscovery(account)) {
        QNetworkAccessManager network;
        OAuth::Discovery discovery(&network);
        bool ok = false;
        QObject::connect(&discovery, &OAuth::Discovery::discovered, &loop, [&](const OAuth::ServerConfig &server) {
            config->server = server;
            ok = true;
            loop.quit();
        });
        QObject::connect(&discovery, &OAuth::Discovery::failed, &loop, [&](const OAuth::Error &e) {
            error = e;
            loop.quit();
        });
        discovery.start(QUrl(account.oauthProvider));
        loop.exec();
        if (!ok) {
            context.err << prefix << error.message << "\n";
            return std::nullopt;
        }
    }
    OAuth::SignIn signIn;
    std::optional<OAuth::Tokens> tokens;
    QList<QPointer<QProcess>> browsers;
    QObject::connect(&signIn, &OAuth::SignIn::openBrowser, &loop, [&](const QUrl &url) {
        const QString address = url.toString(QUrl::FullyEncoded);
        context.err << "Open this address in a browser to sign in: " << address << "\n";
        context.err.flush();
        if (!browserCommand.isEmpty()) {
            QStringList arguments = QProcess::splitCommand(browserCommand);
            if (arguments.isEmpty()) {
                signIn.abort({OAuth::Error::Kind::Browser,
                              QStringLiteral("the --oauth-browser command is empty; the sign-in was given up"), {}});
                return;
            }
            const QString program = arguments.takeFirst();
            // Watched, not detached: a browser command that cannot start or fails ends the
            // sign-in at once instead of after the 5-minute wait. Never deleted while it runs:
            // QProcess's destructor would kill a browser the user still has open; it outlives
            // this command as a detached one would.
            auto *browser = new QProcess;
            browsers.append(browser);
            browser->setProgram(program);
            browser->setArguments(arguments << address);
            browser->setStandardInputFile(QProcess::nullDevice());
            browser->setStandardOutputFile(QProcess::nullDevice());
            browser->setProcessChannelMode(QProcess::ForwardedErrorChannel);
            QPointer<OAuth::SignIn> flow(&signIn);
            QObject::connect(browser, &QProcess::errorOccurred, browser, [browser, flow, program](QProcess::ProcessError e) {
                if (e != QProcess::FailedToStart)
                    return;
                if (flow)
                    flow->abort({OAuth::Error::Kind::Browser,
                                 QStringLiteral("cannot run the --oauth-browser command %1 (%2); the sign-in was given up")
                                     .arg(program, browser->errorString()),
                                 {}});
                browser->deleteLater();
            });
            QObject::connect(browser, &QProcess::finished, browser,
                             [browser, flow, program](int exitCode, QProcess::ExitStatus status) {
                browser->deleteLater();
                if (!flow || (status == QProcess::NormalExit && exitCode == 0))
                    return; // e.g. xdg-open: it handed the address on; keep waiting
                const QString how = status == QProcess::CrashExit
                    ? QStringLiteral("crashed")
                    : QStringLiteral("exited with code %1").arg(exitCode);
                flow->abort({OAuth::Error::Kind::Browser,
                             QStringLiteral("the --oauth-browser command %1 %2 before the sign-in was completed; "
                                            "the sign-in was given up")
                                 .arg(program, how),
                             {}});
            });
            browser->start();
        } else if (!qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")) {
            QProcess::startDetached(QStringLiteral("xdg-open"), {address});
        }
        context.err.flush();
    });
    QObject::connect(&signIn, &OAuth::SignIn::finished, &loop, [&](const OAuth::Tokens &t) {
        tokens = t;
        loop.quit();
    });
    QObject::connect(&signIn, &OAuth::SignIn::failed, &loop, [&](const OAuth::Error &e) {
        error = e;
        loop.quit();
    });
    InterruptGuard guard([&signIn] { signIn.cancel(); });
    signIn.start(*config);
    loop.exec();
    // A browser command that hands the address on (xdg-open, the tests' browser) usually
    // ends just after the sign-in: wait a moment and free it. One still running (a browser
    // itself) is left running, and its QProcess with it: deleting it would kill the browser.
    for (const QPointer<QProcess> &browser : std::as_const(browsers)) {
        if (browser && (browser->state() == QProcess::NotRunning || browser->waitForFinished(2000)))
            delete browser.data();
    }
    if (tokens)
        return tokens;
    context.err << prefix << error.message << "\n";
    if (error.kind == OAuth::Error::Kind::Cancelled)
        *exitCode = 130;
    return std::nullopt;
}

bool storeRefreshToken(Context &context, const QString &accountName, const QString &refreshToken, const QString &command)
{
    Sync::PasswordStore keychain;
    QEventLoop loop;
    bool persisted = false;
    QString warning;
    QObject::connect(&keychain, &Sync::PasswordStore::passwordWritten, &loop,
                     [&](const QString &, bool stored, const QString &w) {
                         persisted = stored;
                         warning = w;
                         loop.quit();
                     });
    keychain.write(accountName, refreshToken);
    loop.exec();
    if (!persisted) {
        context.err << "mailtrail-cli " << command << ": " << accountName
                    << ": the sign-in cannot be kept without a keychain (" << warning << ")\n";
    }
    return persisted;
}

} // namespace Mailtrail::Cli
