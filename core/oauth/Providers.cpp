// SPDX-License-Identifier: GPL-3.0-or-later
#include "oauth/Providers.h"

#include "oauth/BuiltInClients.h"

#include <QCoreApplication>

namespace Mailtrail::OAuth {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Mailtrail::OAuth", text);
}

QList<Provider> makeProviders()
{
    using Store::Endpoint;
    using Store::Security;
    Provider google;
    google.id = QStringLiteral("google");
    google.displayName = QStringLiteral("Google");
    google.authorizationUrl = QStringLiteral("https://accounts.google.com/o/oauth2/v2/auth");
    google.tokenUrl = QStringLiteral("https://oauth2.googleapis.com/token");
    google.revocationUrl = QStringLiteral("https://oauth2.googleapis.com/revoke");
    google.scopes = {QStringLiteral("https://mail.google.com/")};
    // Google hands out a refresh token only for offline access, and again only with consent.
    google.extraAuthorizationParameters = {{QStringLiteral("access_type"), QStringLiteral("offline")},
                                           {QStringLiteral("prompt"), QStringLiteral("consent")}};
    google.clientId = QStringLiteral(MAILTRAIL_BUILTIN_GOOGLE_CLIENT_ID);
    google.clientSecret = QStringLiteral(MAILTRAIL_BUILTIN_GOOGLE_CLIENT_SECRET);
    google.clientIdOption = QStringLiteral("MAILTRAIL_GOOGLE_CLIENT_ID");
    google.imap = Endpoint{QStringLiteral("imap.gmail.com"), 993, Security::Tls};
    google.smtp = Endpoint{QStringLiteral("smtp.gmail.com"), 465, Security::Tls};
    google.domains = {QStringLiteral("gmail.com"), QStringLiteral("googlemail.com")};
    google.mxSuffixes = {QStringLiteral(".google.com"), QStringLiteral(".googlemail.com")};

    Provider microsoft;
    microsoft.id = QStringLiteral("microsoft");
    microsoft.displayName = QStringLiteral("Microsoft");
    microsoft.authorizationUrl = QStringLiteral("https://login.microsoftonline.com/{tenant}/oauth2/v2.0/authorize");
    microsoft.tokenUrl = QStringLiteral("https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token");
    microsoft.scopes = {QStringLiteral("https://outlook.office.com/IMAP.AccessAsUser.All"),
                        QStringLiteral("https://outlook.office.com/SMTP.Send"), QStringLiteral("offline_access")};
    microsoft.clientId = QStringLiteral(MAILTRAIL_BUILTIN_MICROSOFT_CLIENT_ID);
    microsoft.clientIdOption = QStringLiteral("MAILTRAIL_MICROSOFT_CLIENT_ID");
    microsoft.defaultTenant = QStringLiteral("common");
    microsoft.imap = Endpoint{QStringLiteral("outlook.office365.com"), 993, Security::Tls};
    microsoft.smtp = Endpoint{QStringLiteral("smtp.office365.com"), 587, Security::StartTls};
    microsoft.domains = {QStringLiteral("outlook.com"), QStringLiteral("hotmail.com"), QStringLiteral("live.com"),
                         QStringLiteral("msn.com"), QStringLiteral("outlook.de"), QStringLiteral("outlook.fr"),
                         QStringLiteral("hotmail.de"), QStringLiteral("hotmail.fr"), QStringLiteral("hotmail.co.uk"),
                         QStringLiteral("live.de"), QStringLiteral("live.fr"), QStringLiteral("live.co.uk")};
    microsoft.mxSuffixes = {QStringLiteral(".mail.protection.outlook.com")};
    return {google, microsoft};
}

} // namespace

const QList<Provider> &builtInProviders()
{
    static const QList<Provider> providers = makeProviders();
    return providers;
}

const Provider *builtInProvider(const QString &id)
{
    for (const Provider &p : builtInProviders()) {
        if (p.id == id)
            return &p;
    }
    return nullptr;
}

const Provider *providerForAddress(const QString &email)
{
    const qsizetype at = email.lastIndexOf(QLatin1Char('@'));
    if (at < 0)
        return nullptr;
    const QString domain = email.mid(at + 1).trimmed().toLower();
    for (const Provider &p : builtInProviders()) {
        if (p.domains.contains(domain))
            return &p;
    }
    return nullptr;
}

const Provider *providerForMxHosts(const QStringList &mxHosts)
{
    for (QString host : mxHosts) {
        host = host.toLower();
        if (host.endsWith(QLatin1Char('.')))
            host.chop(1);
        for (const Provider &p : builtInProviders()) {
            for (const QString &suffix : p.mxSuffixes) {
                if (host.endsWith(suffix) || host == suffix.mid(1))
                    return &p;
            }
        }
    }
    return nullptr;
}

QStringList genericScopes()
{
    return {QStringLiteral("openid"), QStringLiteral("email"), QStringLiteral("offline_access")};
}

bool needsDiscovery(const Store::Account &account)
{
    return !builtInProvider(account.oauthProvider);
}

std::optional<ClientConfig> clientConfig(const Store::Account &account, Error *error)
{
    ClientConfig c;
    c.provider = account.oauthProvider;
    c.loginHint = account.email;
    c.clientId = account.oauthClientId;
    c.clientSecret = account.oauthClientSecret;
    c.scopes = account.oauthScopes.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (const Provider *p = builtInProvider(account.oauthProvider)) {
        c.providerName = p->displayName;
        const QString tenant = account.oauthTenant.isEmpty() ? p->defaultTenant : account.oauthTenant;
        QString authorization = p->authorizationUrl;
        QString token = p->tokenUrl;
        authorization.replace(QLatin1String("{tenant}"), tenant);
        token.replace(QLatin1String("{tenant}"), tenant);
        c.server.issuer = p->id;
        c.server.authorizationEndpoint = QUrl(authorization);
        c.server.tokenEndpoint = QUrl(token);
        c.server.revocationEndpoint = QUrl(p->revocationUrl);
        c.extraAuthorizationParameters = p->extraAuthorizationParameters;
        if (c.clientId.isEmpty()) {
            c.clientId = p->clientId;
            if (c.clientSecret.isEmpty())
                c.clientSecret = p->clientSecret;
        }
        if (c.scopes.isEmpty())
            c.scopes = p->scopes;
        if (c.clientId.isEmpty()) {
            *error = {Error::Kind::Configuration,
                      tr("This build of Mailtrail has no client ID for %1 (the packager sets it with the CMake "
                         "option %2). Register Mailtrail with %1 yourself and enter that client ID for this "
                         "account (CLI: --client-id).")
                          .arg(p->displayName, p->clientIdOption),
                      {}};
            return std::nullopt;
        }
        return c;
    }
    const QUrl issuer(account.oauthProvider);
    if (const QString why = checkServerUrl(issuer); !why.isEmpty()) {
        *error = {Error::Kind::Configuration,
                  account.oauthProvider.isEmpty() ? tr("No OAuth2 provider is set for this account.") : why, {}};
        return std::nullopt;
    }
    c.providerName = issuer.host();
    if (c.scopes.isEmpty())
        c.scopes = genericScopes();
    // OpenID Connect Core §11: offline_access (a refresh token) needs prompt=consent.
    if (c.scopes.contains(QStringLiteral("offline_access")) && c.scopes.contains(QStringLiteral("openid")))
        c.extraAuthorizationParameters = {{QStringLiteral("prompt"), QStringLiteral("consent")}};
    if (c.clientId.isEmpty()) {
        *error = {Error::Kind::Configuration,
                  tr("Signing in at %1 needs the client ID that the provider registered for Mailtrail "
                     "(CLI: --client-id).").arg(issuer.toString()),
                  {}};
        return std::nullopt;
    }
    return c;
}

} // namespace Mailtrail::OAuth
