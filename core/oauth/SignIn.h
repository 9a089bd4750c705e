// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "oauth/OAuthTypes.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;
class QOAuthHttpServerReplyHandler;
class QTimer;

namespace Mailtrail::OAuth {

namespace Internal {
class CodeFlow;
}

/// One interactive sign-in: the OAuth2 authorization-code flow (RFC 6749 §4.1) for native
/// apps (RFC 8252) on QtNetworkAuth. start() listens on 127.0.0.1 at a port the system picks
/// (a one-shot loopback redirect, RFC 8252 §7.3) and emits openBrowser() with the
/// authorization URL, which carries a PKCE S256 challenge (RFC 7636) and a fresh `state`.
/// The redirect's state is checked (RFC 6749 §10.12) before its code is exchanged for
/// tokens. Answers with exactly one finished() or failed(); the caller decides how the URL
/// reaches a browser. Nothing here is stored; the tokens go to the caller.
class SignIn : public QObject
{
    Q_OBJECT
public:
    explicit SignIn(QObject *parent = nullptr);
    ~SignIn() override;

    /// Time allowed for the whole sign-in (default 5 minutes).
    void setTimeout(int ms) { m_timeoutMs = ms; }
    void start(const ClientConfig &config);
    /// Ends a running sign-in with Error::Cancelled.
    void cancel();
    /// Ends a sign-in that still waits for the browser with @p error (the browser could not
    /// be started, or it failed); does nothing once the redirect has arrived.
    void abort(const Mailtrail::OAuth::Error &error);

    [[nodiscard]] QUrl authorizationUrl() const { return m_authorizationUrl; }
    /// The loopback redirect URI (http://127.0.0.1:PORT/).
    [[nodiscard]] QString redirectUri() const { return m_redirectUri; }
    [[nodiscard]] bool isRunning() const { return m_running; }

Q_SIGNALS:
    /// Open @p url in a browser (the system browser, or a test's helper).
    void openBrowser(const QUrl &url);
    /// The browser came back with a code; it is being exchanged for tokens.
    void exchangingCode();
    void finished(const Mailtrail::OAuth::Tokens &tokens);
    void failed(const Mailtrail::OAuth::Error &error);

private:
    void onCallback(const QVariantMap &values);
    void onTokenReply(QNetworkReply *reply);
    void fail(const Error &error);
    void stop();

    QNetworkAccessManager *m_network;
    QOAuthHttpServerReplyHandler *m_listener = nullptr;
    Internal::CodeFlow *m_flow = nullptr;
    QTimer *m_timer;
    ClientConfig m_config;
    QUrl m_authorizationUrl;
    QString m_redirectUri;
    QString m_state;
    int m_timeoutMs = 5 * 60 * 1000;
    bool m_running = false;
    bool m_exchanging = false;
};

} // namespace Mailtrail::OAuth
