// SPDX-License-Identifier: GPL-3.0-or-later
// Internal: QtNetworkAuth's authorization-code flow as SignIn and TokenRefresh use it.
#pragma once

#include "oauth/OAuthTypes.h"

#include <QAbstractOAuthReplyHandler>
#include <QOAuth2AuthorizationCodeFlow>

class QNetworkReply;

namespace Mailtrail::OAuth::Internal {

/// QOAuth2AuthorizationCodeFlow with its protected steps callable one by one: the
/// authorization URL is built here, the redirect is checked by SignIn (Qt 6.4 ignores a
/// wrong state without a signal), and the token request is sent by the flow.
class CodeFlow : public QOAuth2AuthorizationCodeFlow
{
    Q_OBJECT
public:
    CodeFlow(QNetworkAccessManager *network, const ClientConfig &config, QObject *parent);
    using QOAuth2AuthorizationCodeFlow::buildAuthenticateUrl;
    using QOAuth2AuthorizationCodeFlow::requestAccessToken;

    /// PKCE (RFC 7636) for the next authorization and token request.
    void setCodeVerifier(const QByteArray &verifier) { m_verifier = verifier; }

private:
    void modifyParameters(Stage stage, QMultiMap<QString, QVariant> *parameters) const;

    ClientConfig m_config;
    QByteArray m_verifier;
};

/// A reply handler that only names the redirect URI. Token answers are read by the caller
/// from the QNetworkReply (Qt 6.4's handlers drop error answers without a signal); the
/// loopback listener is a separate QOAuthHttpServerReplyHandler.
class FixedRedirect : public QAbstractOAuthReplyHandler
{
    Q_OBJECT
public:
    FixedRedirect(const QString &callback, QObject *parent) : QAbstractOAuthReplyHandler(parent), m_callback(callback) {}
    [[nodiscard]] QString callback() const override { return m_callback; }
    void networkReplyFinished(QNetworkReply *) override {}

private:
    QString m_callback;
};

/// Reads a finished token request.
[[nodiscard]] Tokens readTokenReply(QNetworkReply *reply, const QString &providerName, Error *error);

} // namespace Mailtrail::OAuth::Internal
