// SPDX-License-Identifier: GPL-3.0-or-later
#include "oauth/OAuthTypes.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>

namespace Mailtrail::OAuth {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Mailtrail::OAuth", text);
}
} // namespace

QString checkServerUrl(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return tr("'%1' is not a web address.").arg(url.toString());
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return {};
    if (scheme == QLatin1String("http")) {
        const QHostAddress address(url.host());
        if (!address.isNull() && address.isLoopback())
            return {};
        return tr("'%1' uses http: only a loopback address (127.0.0.1, ::1) may; use https.").arg(url.toString());
    }
    return tr("'%1' is not an https address.").arg(url.toString());
}

Tokens parseTokenReply(int httpStatus, const QByteArray &contentType, const QByteArray &body,
                       const QString &networkError, const QString &providerName, const QDateTime &now, Error *error)
{
    *error = {};
    if (httpStatus == 0) {
        *error = {Error::Kind::Network, tr("%1 could not be reached: %2").arg(providerName, networkError), {}};
        return {};
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    const QJsonObject o = doc.object();
    if (httpStatus != 200) {
        // RFC 6749 §5.2: 400 (or 401 for client authentication) with {"error": …}.
        const QString code = o.value(QStringLiteral("error")).toString();
        if ((httpStatus == 400 || httpStatus == 401) && !code.isEmpty()) {
            const QString description = o.value(QStringLiteral("error_description")).toString();
            *error = {Error::Kind::Refused,
                      description.isEmpty() ? tr("%1 refused the sign-in (%2).").arg(providerName, code)
                                            : tr("%1 refused the sign-in (%2: %3).").arg(providerName, code, description),
                      code};
            return {};
        }
        *error = {Error::Kind::BadAnswer,
                  tr("%1 answered with HTTP status %2 instead of tokens.").arg(providerName).arg(httpStatus), {}};
        return {};
    }
    Tokens t;
    t.accessToken = o.value(QStringLiteral("access_token")).toString();
    const QString type = o.value(QStringLiteral("token_type")).toString();
    if (parseError.error != QJsonParseError::NoError || !doc.isObject() || t.accessToken.isEmpty()
        || type.compare(QLatin1String("bearer"), Qt::CaseInsensitive) != 0) {
        *error = {Error::Kind::BadAnswer,
                  tr("%1 sent an answer that is not a token response (%2).")
                      .arg(providerName, contentType.isEmpty() ? tr("no content type") : QString::fromLatin1(contentType)),
                  {}};
        return {};
    }
    t.refreshToken = o.value(QStringLiteral("refresh_token")).toString();
    t.scope = o.value(QStringLiteral("scope")).toString();
    const QJsonValue expiresIn = o.value(QStringLiteral("expires_in"));
    // Some providers send the number as a string.
    const qint64 seconds = expiresIn.isString() ? expiresIn.toString().toLongLong() : qint64(expiresIn.toDouble(-1));
    if (seconds > 0)
        t.expiresAt = now.addSecs(seconds);
    return t;
}

} // namespace Mailtrail::OAuth
