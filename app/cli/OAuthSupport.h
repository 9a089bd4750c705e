// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Commands.h"
#include "oauth/OAuthTypes.h"
#include "store/Account.h"
#include "sync/Credentials.h"

#include <optional>

namespace Mailtrail::Cli {

/// Exit code when an OAuth2 account must sign in again (the refresh token was refused):
/// sysexits.h EX_NOPERM.
constexpr int kExitSignInAgain = 77;

/// The credentials of @p account for one command: for an OAuth2 account an access token
/// renewed from the keychain's refresh token (stdin is not read); otherwise the password
/// from the first line of stdin when @p fromStdin, else from the keychain. nullopt, with a
/// message on context.err and *exitCode set (77 when the account must sign in again, else 1),
/// when there are none.
[[nodiscard]] std::optional<Sync::Credentials> accountCredentials(
    Context &context, const Store::Account &account, bool fromStdin, const QString &command, int *exitCode);

/// The interactive OAuth2 sign-in of `account add --oauth` and `account reauth`: prints
/// "Open this address in a browser to sign in: URL" on stderr, runs @p browserCommand with
/// the URL as its only argument (or opens the system browser when there is a display), and
/// waits at most 5 minutes for the redirect; Ctrl+C cancels. nullopt (message printed,
/// *exitCode set) on failure.
[[nodiscard]] std::optional<OAuth::Tokens> signInInteractively(
    Context &context, const Store::Account &account, const QString &browserCommand, const QString &command,
    int *exitCode);

/// Stores @p refreshToken as @p account's keychain entry; false (message printed) when no
/// keychain can keep it.
[[nodiscard]] bool storeRefreshToken(Context &context, const QString &accountName, const QString &refreshToken,
                                     const QString &command);

} // namespace Mailtrail::Cli
