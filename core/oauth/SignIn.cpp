// SPDX-License-Identifier: GPL-3.0-or-later
#include "oauth/SignIn.h"

#include "oauth/CodeFlow_p.h"
#include "oauth/Pkce.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QOAuthHttpServerReplyHandler>
#include <QTimer>

namespace Mailtrail::OAuth {

SignIn::SignIn(QObject *parent)
    : QObject(parent), m_network(new QNetworkAccessManager(this)), m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] {
        fail({Error::Kind::TimedOut, tr("Nobody came back from the browser in time; the sign-in was given up."), {}});
    });
    connect(m_network, &QNetworkAccessManager::finished, this, &SignIn::onTokenReply);
}

SignIn::~SignIn()
{
    stop();
}

void SignIn::start(const ClientConfig &config)
{
    stop();
    m_config = config;
    m_exchanging = false;
    m_running = true;
    // RFC 8252 §8.3: listen on the loopback address only (Qt 6.4 listens on every interface
    // by default), on a port the system picks.
    m_listener = new QOAuthHttpServerReplyHandler(QHostAddress::LocalHost, 0, this);
    if (!m_listener->isListening()) {
        QMetaObject::invokeMethod(this, [this] {
            fail({Error::Kind::Network, tr("Mailtrail cannot listen on 127.0.0.1 for the browser's answer."), {}});
        }, Qt::QueuedConnection);
        return;
    }
    m_listener->setCallbackText(tr("Mailtrail has received the answer. You can close this page."));
    connect(m_listener, &QAbstractOAuthReplyHandler::callbackReceived, this, &SignIn::onCallback);
    m_redirectUri = m_listener->callback();

    m_flow = new Internal::CodeFlow(m_network, config, this);
    m_flow->setReplyHandler(new Internal::FixedRedirect(m_redirectUri, m_flow));
    m_flow->setCodeVerifier(newCodeVerifier());
    m_state = QString::fromLatin1(newState());
    m_flow->setState(m_state);
    m_authorizationUrl = m_flow->buildAuthenticateUrl();
    m_timer->start(m_timeoutMs);
    QMetaObject::invokeMethod(this, [this] {
        if (m_running)
            Q_EMIT openBrowser(m_authorizationUrl);
    }, Qt::QueuedConnection);
}

void SignIn::cancel()
{
    if (m_running)
        fail({Error::Kind::Cancelled, tr("The sign-in was cancelled."), {}});
}

void SignIn::abort(const Error &error)
{
    if (m_running && !m_exchanging)
        fail(error);
}

void SignIn::onCallback(const QVariantMap &values)
{
    if (!m_running || m_exchanging)
        return;
    const QString state = values.value(QStringLiteral("state")).toString();
    const QString code = values.value(QStringLiteral("code")).toString();
    const QString error = values.value(QStringLiteral("error")).toString();
    if (state.isEmpty() && code.isEmpty() && error.isEmpty())
        return; // not a redirect (a browser asking for /favicon.ico)
    if (state != m_state) {
        fail({Error::Kind::StateMismatch,
              tr("The answer that reached Mailtrail does not belong to this sign-in (its state is wrong). "
                 "Nothing was saved; please sign in again."),
              {}});
        return;
    }
    if (!error.isEmpty()) { // RFC 6749 §4.1.2.1
        const QString description = values.value(QStringLiteral("error_description")).toString();
        const QString detail = description.isEmpty() ? error : error + QStringLiteral(": ") + description;
        if (error == QLatin1String("access_denied"))
            fail({Error::Kind::AccessDenied,
                  tr("The sign-in at %1 was denied or cancelled (%2).").arg(m_config.providerName, detail), error});
        else
            fail({Error::Kind::Authorization, tr("%1 did not sign you in (%2).").arg(m_config.providerName, detail), error});
        return;
    }
    if (code.isEmpty()) {
        fail({Error::Kind::Authorization, tr("%1 sent no authorization code.").arg(m_config.providerName), {}});
        return;
    }
    m_exchanging = true;
    m_listener->close();
    Q_EMIT exchangingCode();
    m_flow->requestAccessToken(code);
}

void SignIn::onTokenReply(QNetworkReply *reply)
{
    reply->deleteLater();
    if (!m_running || !m_exchanging)
        return;
    Error error;
    Tokens tokens = Internal::readTokenReply(reply, m_config.providerName, &error);
    if (!error.isError() && tokens.refreshToken.isEmpty()) {
        error = {Error::Kind::BadAnswer,
                 tr("%1 gave no refresh token, so Mailtrail could not stay signed in (does the client allow "
                    "offline access?).").arg(m_config.providerName),
                 {}};
    }
    if (error.isError()) {
        fail(error);
        return;
    }
    stop();
    Q_EMIT finished(tokens);
}

void SignIn::fail(const Error &error)
{
    if (!m_running)
        return;
    stop();
    Q_EMIT failed(error);
}

void SignIn::stop()
{
    m_running = false;
    m_timer->stop();
    if (m_listener) {
        m_listener->close();
        m_listener->deleteLater();
        m_listener = nullptr;
    }
    if (m_flow) {
        m_flow->deleteLater();
        m_flow = nullptr;
    }
}

} // namespace Mailtrail::OAuth
