// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "oauth/OAuthTypes.h"
#include "store/Account.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Mailtrail::OAuth {

/// One built-in OAuth2 provider: one row of data, no code. `{tenant}` in the endpoint URLs
/// is replaced by the account's tenant (Microsoft; default "common").
struct Provider
{
    QString id;          ///< "google", "microsoft" (what accounts store and the CLI takes)
    QString displayName; ///< "Google", "Microsoft"
    QString authorizationUrl;
    QString tokenUrl;
    QString revocationUrl;
    QStringList scopes;
    QList<QPair<QString, QString>> extraAuthorizationParameters;
    QString clientId;     ///< built in (CMake option), may be empty
    QString clientSecret; ///< built in (CMake option), may be empty
    QString clientIdOption; ///< the CMake option that sets it, for messages
    QString defaultTenant;
    Store::Endpoint imap;
    Store::Endpoint smtp;
    QStringList domains;    ///< mail domains that belong to this provider
    QStringList mxSuffixes; ///< MX host suffixes of custom domains hosted there
};

/// The built-in providers (Google, Microsoft), in the order the assistant offers them.
[[nodiscard]] const QList<Provider> &builtInProviders();
[[nodiscard]] const Provider *builtInProvider(const QString &id);
/// The provider that hosts @p email's well-known domain (gmail.com, outlook.com, …).
[[nodiscard]] const Provider *providerForAddress(const QString &email);
/// The provider whose mail exchangers these are (custom domains: `*.google.com`,
/// `*.mail.protection.outlook.com`).
[[nodiscard]] const Provider *providerForMxHosts(const QStringList &mxHosts);

/// The default scope of an issuer that is not built in.
[[nodiscard]] QStringList genericScopes();

/// What a sign-in for @p account needs, as far as it is known without the network: for a
/// built-in provider everything; for an issuer URL all but `server` (see Discovery).
/// Fails (Error::Configuration) when no client ID is configured or the issuer URL is unusable.
[[nodiscard]] std::optional<ClientConfig> clientConfig(const Store::Account &account, Error *error);

/// Whether @p account's provider needs discovery (an issuer URL).
[[nodiscard]] bool needsDiscovery(const Store::Account &account);

} // namespace Mailtrail::OAuth
