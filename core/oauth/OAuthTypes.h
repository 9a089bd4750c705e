// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace Mailtrail::OAuth {

/// Why a sign-in or a token renewal failed. The message is a sentence for the user; it never
/// contains a token, a code or a secret.
struct Error
{
    enum class Kind {
        None,
        Configuration, ///< no client ID, a bad issuer URL, an unknown provider
        Discovery,     ///< the issuer's metadata could not be read or is unusable
        Cancelled,     ///< the user cancelled (Cancel, Ctrl+C)
        TimedOut,      ///< nobody came back from the browser in time
        AccessDenied,  ///< the provider redirected with error=access_denied (RFC 6749 §4.1.2.1)
        Authorization, ///< another error redirect, or a redirect without a code
        StateMismatch, ///< the redirect's state is not ours (RFC 6749 §10.12)
        Refused,       ///< the token endpoint refused (invalid_grant, …): sign in again
        BadAnswer,     ///< the token endpoint answered something that is not a token response
        Network,       ///< the provider could not be reached
        Browser,       ///< the browser (command) could not be started or failed before the redirect
    };
    Kind kind = Kind::None;
    QString message;
    QString code; ///< the provider's `error` value, when it sent one

    [[nodiscard]] bool isError() const { return kind != Kind::None; }
};

/// What a token endpoint handed out (RFC 6749 §5.1). Secrets: never log them.
struct Tokens
{
    QString accessToken;
    QString refreshToken; ///< empty when the provider kept the old one
    QDateTime expiresAt;  ///< UTC; invalid when the provider did not say
    QString scope;
};

/// The provider's endpoints (RFC 8414 §2 / OpenID Connect Discovery §3).
struct ServerConfig
{
    QString issuer;
    QUrl authorizationEndpoint;
    QUrl tokenEndpoint;
    QUrl revocationEndpoint;
};

/// Everything one sign-in or renewal needs.
struct ClientConfig
{
    QString provider; ///< "google", "microsoft" or the issuer URL
    QString providerName; ///< for messages: "Google", "Microsoft" or the issuer's host
    ServerConfig server;
    QString clientId;
    QString clientSecret; ///< empty for public clients
    QStringList scopes;
    /// Provider-specific parameters of the authorization request (Google: access_type=offline).
    QList<QPair<QString, QString>> extraAuthorizationParameters;
    QString loginHint; ///< the account's address, as `login_hint`
};

/// Empty when @p url may be used as an issuer or an endpoint: https, or http to a loopback
/// address (127.0.0.0/8, ::1; RFC 8252 §8.3). Otherwise a sentence saying why not.
[[nodiscard]] QString checkServerUrl(const QUrl &url);

/// Reads a token endpoint's answer (RFC 6749 §5.1 success, §5.2 error). @p httpStatus 0
/// means no HTTP answer at all (@p networkError says why). @p now: for expires_in.
[[nodiscard]] Tokens parseTokenReply(int httpStatus, const QByteArray &contentType, const QByteArray &body,
                                     const QString &networkError, const QString &providerName,
                                     const QDateTime &now, Error *error);

} // namespace Mailtrail::OAuth

Q_DECLARE_METATYPE(Mailtrail::OAuth::Error)
Q_DECLARE_METATYPE(Mailtrail::OAuth::Tokens)
