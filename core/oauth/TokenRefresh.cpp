// SPDX-License-Identifier: GPL-3.0-or-later
#include "oauth/TokenRefresh.h"

#include "oauth/CodeFlow_p.h"
#include "oauth/Pkce.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

#include <memory>

namespace Mailtrail::OAuth {

namespace Internal {

CodeFlow::CodeFlow(QNetworkAccessManager *network, const ClientConfig &config, QObject *parent)
    : QOAuth2AuthorizationCodeFlow(network, parent), m_config(config)
{
    setAuthorizationUrl(config.server.authorizationEndpoint);
    setAccessTokenUrl(config.server.tokenEndpoint);
    setClientIdentifier(config.clientId);
    setClientIdentifierSharedKey(config.clientSecret);
    setScope(config.scopes.join(QLatin1Char(' ')));
    setModifyParametersFunction([this](Stage stage, QMultiMap<QString, QVariant> *p) { modifyParameters(stage, p); });
}

void CodeFlow::modifyParameters(Stage stage, QMultiMap<QString, QVariant> *p) const
{
    // Public clients send no client_secret at all (RFC 6749 §2.3.1; some servers refuse an
    // empty one).
    if (m_config.clientSecret.isEmpty())
        p->remove(QStringLiteral("client_secret"));
    switch (stage) {
    case Stage::RequestingAuthorization:
        if (!m_verifier.isEmpty()) { // RFC 7636 §4.3
            p->insert(QStringLiteral("code_challenge"), QString::fromLatin1(codeChallengeS256(m_verifier)));
            p->insert(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
        }
        for (const auto &[key, value] : m_config.extraAuthorizationParameters)
            p->insert(key, value);
        if (!m_config.loginHint.isEmpty())
            p->insert(QStringLiteral("login_hint"), m_config.loginHint);
        break;
    case Stage::RequestingAccessToken:
        if (!m_verifier.isEmpty()) // RFC 7636 §4.5
            p->insert(QStringLiteral("code_verifier"), QString::fromLatin1(m_verifier));
        break;
    case Stage::RefreshingAccessToken:
        p->remove(QStringLiteral("redirect_uri")); // not part of a refresh (RFC 6749 §6)
        break;
    default:
        break;
    }
}

Tokens readTokenReply(QNetworkReply *reply, const QString &providerName, Error *error)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    return parseTokenReply(status, reply->header(QNetworkRequest::ContentTypeHeader).toByteArray(), reply->readAll(),
                           reply->errorString(), providerName, QDateTime::currentDateTimeUtc(), error);
}

} // namespace Internal

TokenRefresh::TokenRefresh(QNetworkAccessManager *network, QObject *parent) : QObject(parent), m_network(network) {}

TokenRefresh::~TokenRefresh() = default;

void TokenRefresh::start(const ClientConfig &config, const QString &refreshToken)
{
    m_providerName = config.providerName;
    m_done = false;
    delete m_flow;
    m_flow = new Internal::CodeFlow(m_network, config, this);
    m_flow->setReplyHandler(new Internal::FixedRedirect(QString(), m_flow));
    m_flow->setRefreshToken(refreshToken);
    // Read the answer from the reply itself (see FixedRedirect).
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(m_network, &QNetworkAccessManager::finished, this, [this, connection](QNetworkReply *reply) {
        if (reply->request().url() != m_flow->accessTokenUrl() || m_done)
            return;
        disconnect(*connection);
        m_done = true;
        reply->deleteLater();
        Error error;
        const Tokens tokens = Internal::readTokenReply(reply, m_providerName, &error);
        if (error.isError())
            Q_EMIT failed(error);
        else
            Q_EMIT finished(tokens);
    });
    m_flow->refreshAccessToken();
}

} // namespace Mailtrail::OAuth
