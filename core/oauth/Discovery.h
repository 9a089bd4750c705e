// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "oauth/OAuthTypes.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace Mailtrail::OAuth {

/// Reads an issuer's endpoints: `/.well-known/openid-configuration` (OpenID Connect
/// Discovery 1.0 §4), else RFC 8414's `/.well-known/oauth-authorization-server`. The metadata
/// must name the same issuer (§4.3 / RFC 8414 §3.3), and every endpoint must pass
/// checkServerUrl(). One object per lookup; answers with exactly one signal.
class Discovery : public QObject
{
    Q_OBJECT
public:
    explicit Discovery(QNetworkAccessManager *network, QObject *parent = nullptr);

    void start(const QUrl &issuer);

    /// The metadata document's URLs tried for @p issuer, in order.
    [[nodiscard]] static QList<QUrl> metadataUrls(const QUrl &issuer);
    /// Reads one metadata document; empty `tokenEndpoint` and @p error set when unusable.
    [[nodiscard]] static ServerConfig parse(const QByteArray &json, const QUrl &issuer, QString *error);

Q_SIGNALS:
    void discovered(const Mailtrail::OAuth::ServerConfig &server);
    void failed(const Mailtrail::OAuth::Error &error);

private:
    void tryNext();

    QNetworkAccessManager *m_network;
    QUrl m_issuer;
    QList<QUrl> m_urls;
    QString m_lastProblem;
};

} // namespace Mailtrail::OAuth
