// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "oauth/OAuthTypes.h"

#include <QObject>
#include <QPointer>

class QNetworkAccessManager;
class QNetworkReply;

namespace Mailtrail::OAuth {

namespace Internal {
class CodeFlow;
}

/// Renews an access token with a refresh token (RFC 6749 §6) through QtNetworkAuth's
/// QOAuth2AuthorizationCodeFlow::refreshAccessToken(). Answers with one signal. A refusal
/// by the provider (invalid_grant: revoked or expired) is Error::Refused.
class TokenRefresh : public QObject
{
    Q_OBJECT
public:
    explicit TokenRefresh(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~TokenRefresh() override;

    void start(const ClientConfig &config, const QString &refreshToken);

Q_SIGNALS:
    /// @p tokens.refreshToken is the new one when the provider rotated it, else empty.
    void finished(const Mailtrail::OAuth::Tokens &tokens);
    void failed(const Mailtrail::OAuth::Error &error);

private:
    QNetworkAccessManager *m_network;
    Internal::CodeFlow *m_flow = nullptr;
    QString m_providerName;
    bool m_done = false;
};

} // namespace Mailtrail::OAuth
