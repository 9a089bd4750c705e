// SPDX-License-Identifier: GPL-3.0-or-later
#include "oauth/Discovery.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace Mailtrail::OAuth {

namespace {
QString withoutTrailingSlash(QString s)
{
    while (s.endsWith(QLatin1Char('/')))
        s.chop(1);
    return s;
}
} // namespace

Discovery::Discovery(QNetworkAccessManager *network, QObject *parent) : QObject(parent), m_network(network) {}

QList<QUrl> Discovery::metadataUrls(const QUrl &issuer)
{
    const QString path = withoutTrailingSlash(issuer.path());
    QUrl oidc = issuer;
    oidc.setPath(path + QStringLiteral("/.well-known/openid-configuration"));
    // RFC 8414 §3.1: the well-known segment goes between the host and the issuer's path.
    QUrl rfc8414 = issuer;
    rfc8414.setPath(QStringLiteral("/.well-known/oauth-authorization-server") + path);
    return {oidc, rfc8414};
}

ServerConfig Discovery::parse(const QByteArray &json, const QUrl &issuer, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = tr("the metadata is not a JSON object");
        return {};
    }
    const QJsonObject o = doc.object();
    ServerConfig s;
    s.issuer = o.value(QStringLiteral("issuer")).toString();
    if (withoutTrailingSlash(s.issuer) != withoutTrailingSlash(issuer.toString())) {
        *error = tr("the metadata names another issuer (%1)").arg(s.issuer);
        return {};
    }
    s.authorizationEndpoint = QUrl(o.value(QStringLiteral("authorization_endpoint")).toString());
    s.tokenEndpoint = QUrl(o.value(QStringLiteral("token_endpoint")).toString());
    s.revocationEndpoint = QUrl(o.value(QStringLiteral("revocation_endpoint")).toString());
    for (const QUrl &url : {s.authorizationEndpoint, s.tokenEndpoint}) {
        if (url.isEmpty()) {
            *error = tr("the metadata lacks the authorization or token endpoint");
            return {};
        }
        if (const QString why = checkServerUrl(url); !why.isEmpty()) {
            *error = why;
            return {};
        }
    }
    if (!s.revocationEndpoint.isEmpty() && !checkServerUrl(s.revocationEndpoint).isEmpty())
        s.revocationEndpoint.clear();
    return s;
}

void Discovery::start(const QUrl &issuer)
{
    m_issuer = issuer;
    if (const QString why = checkServerUrl(issuer); !why.isEmpty()) {
        QMetaObject::invokeMethod(this, [this, why] { Q_EMIT failed({Error::Kind::Configuration, why, {}}); },
                                  Qt::QueuedConnection);
        return;
    }
    m_urls = metadataUrls(issuer);
    tryNext();
}

void Discovery::tryNext()
{
    if (m_urls.isEmpty()) {
        Q_EMIT failed({Error::Kind::Discovery,
                       tr("The sign-in settings of %1 could not be read: %2").arg(m_issuer.toString(), m_lastProblem),
                       {}});
        return;
    }
    QNetworkRequest request(m_urls.takeFirst());
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(30 * 1000);
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 200) {
            QString problem;
            const ServerConfig server = parse(reply->readAll(), m_issuer, &problem);
            if (problem.isEmpty()) {
                Q_EMIT discovered(server);
                return;
            }
            m_lastProblem = problem;
        } else {
            m_lastProblem = status == 0 ? reply->errorString() : tr("HTTP status %1").arg(status);
        }
        tryNext();
    });
}

} // namespace Mailtrail::OAuth
