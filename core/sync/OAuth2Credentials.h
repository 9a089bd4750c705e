// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "oauth/OAuthTypes.h"
#include "store/Account.h"
#include "sync/Credentials.h"

#include <QDateTime>
#include <QPointer>

#include <functional>

class QNetworkAccessManager;

namespace Mailtrail::OAuth {
class Discovery;
class TokenRefresh;
} // namespace Mailtrail::OAuth

namespace Mailtrail::Sync {

class PasswordStore;

/// OAuth2 credentials for one account (issue 14): the refresh token lives in the keychain
/// (the account's entry in PasswordStore), the access token only in memory. request()
/// renews the access token when there is none or it expires within a minute (RFC 6749 §6);
/// the provider may hand out a new refresh token with it, which replaces the old one in the
/// keychain. After refused(), the next request() renews once more; if that token is refused
/// too, or the provider refuses the refresh token (revoked, expired), the answer is
/// failed(SignInAgain) — never a loop of failed logins and never a password prompt.
/// Requests made while a renewal runs are answered together by its single signal.
class OAuth2Credentials : public CredentialSource
{
    Q_OBJECT
public:
    /// @p keychainService: PasswordStore's service (tests use their own).
    explicit OAuth2Credentials(const Store::Account &account, QObject *parent = nullptr);
    OAuth2Credentials(const Store::Account &account, const QString &keychainService, QObject *parent = nullptr);
    ~OAuth2Credentials() override;

    void request() override;
    void refused(const Credentials &used) override;
    [[nodiscard]] bool isOAuth2() const override { return true; }

    /// The clock used for expiry (tests).
    void setClock(std::function<QDateTime()> now) { m_now = std::move(now); }
    /// Tokens that come from a sign-in that just happened: no keychain read needed.
    void setTokens(const OAuth::Tokens &tokens);
    [[nodiscard]] QDateTime accessTokenExpiry() const { return m_expiresAt; }

    /// The sentence the CLI prints for SignInAgain.
    [[nodiscard]] static QString signInAgainHint(const QString &accountName);

private:
    void renew();
    void withConfig(std::function<void(const OAuth::ClientConfig &)> then);
    void refreshWith(const OAuth::ClientConfig &config);
    void finish(const Credentials &credentials);
    void finishFailed(const CredentialError &error);

    Store::Account m_account;
    PasswordStore *m_keychain;
    QNetworkAccessManager *m_network;
    QPointer<OAuth::TokenRefresh> m_refresh;
    QPointer<OAuth::Discovery> m_discovery;
    std::optional<OAuth::ClientConfig> m_config;
    std::function<QDateTime()> m_now;
    QString m_refreshToken;
    QString m_accessToken;
    QDateTime m_expiresAt;
    bool m_busy = false;
    bool m_renewAfterRefusal = false; ///< the next renewal answers a refusal
    bool m_lastWasRetry = false;      ///< the current access token came from such a renewal
    bool m_signInAgain = false;
    CredentialError m_signInAgainError;
};

} // namespace Mailtrail::Sync
