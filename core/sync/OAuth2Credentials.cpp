// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/OAuth2Credentials.h"

#include "oauth/Discovery.h"
#include "oauth/Providers.h"
#include "oauth/TokenRefresh.h"
#include "sync/PasswordStore.h"

#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QTimer>

Q_LOGGING_CATEGORY(lcOAuth2Credentials, "mailtrail.oauth2", QtInfoMsg)

namespace Mailtrail::Sync {

namespace {
/// Renew this long before the provider's expiry, so a login never races the clock.
constexpr int kExpiryMarginSecs = 60;
} // namespace

OAuth2Credentials::OAuth2Credentials(const Store::Account &account, QObject *parent)
    : OAuth2Credentials(account, QStringLiteral("mailtrail"), parent)
{
}

OAuth2Credentials::OAuth2Credentials(const Store::Account &account, const QString &keychainService, QObject *parent)
    : CredentialSource(parent),
      m_account(account),
      m_keychain(new PasswordStore(keychainService, this)),
      m_network(new QNetworkAccessManager(this)),
      m_now([] { return QDateTime::currentDateTimeUtc(); })
{
}

OAuth2Credentials::~OAuth2Credentials() = default;

QString OAuth2Credentials::signInAgainHint(const QString &accountName)
{
    return QStringLiteral("sign in again: mailtrail-cli account reauth %1").arg(accountName);
}

void OAuth2Credentials::setTokens(const OAuth::Tokens &tokens)
{
    m_accessToken = tokens.accessToken;
    m_expiresAt = tokens.expiresAt;
    if (!tokens.refreshToken.isEmpty())
        m_refreshToken = tokens.refreshToken;
    m_signInAgain = false;
    m_renewAfterRefusal = false;
    m_lastWasRetry = false;
}

void OAuth2Credentials::request()
{
    if (m_busy)
        return; // answered together with the running renewal
    m_busy = true;
    if (m_signInAgain) {
        QTimer::singleShot(0, this, [this] { finishFailed(m_signInAgainError); });
        return;
    }
    const bool fresh = !m_accessToken.isEmpty() && !m_renewAfterRefusal
        && (!m_expiresAt.isValid() || m_now().secsTo(m_expiresAt) > kExpiryMarginSecs);
    if (fresh) {
        QTimer::singleShot(0, this, [this] { finish(Credentials::oauth2(m_accessToken)); });
        return;
    }
    QTimer::singleShot(0, this, [this] { renew(); });
}

void OAuth2Credentials::refused(const Credentials &used)
{
    if (!used.isOAuth2() || used.secret != m_accessToken || m_accessToken.isEmpty())
        return;
    m_accessToken.clear();
    if (m_lastWasRetry) {
        // The token from the renewal after a refusal was refused too: renewing again would
        // only repeat the failure.
        m_signInAgain = true;
        m_signInAgainError = {CredentialError::Kind::SignInAgain,
                              tr("The server refused the renewed sign-in of '%1'; please sign in again.").arg(m_account.name)};
        return;
    }
    m_renewAfterRefusal = true;
}

void OAuth2Credentials::withConfig(std::function<void(const OAuth::ClientConfig &)> then)
{
    if (m_config) {
        then(*m_config);
        return;
    }
    OAuth::Error error;
    auto config = OAuth::clientConfig(m_account, &error);
    if (!config) {
        finishFailed({CredentialError::Kind::SignInAgain, error.message});
        return;
    }
    if (!OAuth::needsDiscovery(m_account)) {
        m_config = config;
        then(*m_config);
        return;
    }
    auto *discovery = new OAuth::Discovery(m_network, this);
    m_discovery = discovery;
    connect(discovery, &OAuth::Discovery::discovered, this, [this, discovery, config, then](const OAuth::ServerConfig &server) {
        discovery->deleteLater();
        m_config = config;
        m_config->server = server;
        then(*m_config);
    });
    connect(discovery, &OAuth::Discovery::failed, this, [this, discovery](const OAuth::Error &e) {
        discovery->deleteLater();
        finishFailed({e.kind == OAuth::Error::Kind::Configuration ? CredentialError::Kind::SignInAgain
                                                                  : CredentialError::Kind::Unreachable,
                      e.message});
    });
    discovery->start(QUrl(m_account.oauthProvider));
}

void OAuth2Credentials::renew()
{
    if (!m_refreshToken.isEmpty()) {
        withConfig([this](const OAuth::ClientConfig &config) { refreshWith(config); });
        return;
    }
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(m_keychain, &PasswordStore::passwordRead, this,
        [this, connection](const QString &account, const QString &token, const QString &error) {
            if (account != m_account.name)
                return;
            disconnect(*connection);
            if (token.isEmpty()) {
                // Nothing stored: only a new sign-in helps. A keychain that cannot be read is
                // another matter.
                const bool missing = error.isEmpty() || error.startsWith(QLatin1String("no password stored"));
                finishFailed(missing ? CredentialError{CredentialError::Kind::SignInAgain,
                                                       tr("No sign-in is stored for '%1'.").arg(m_account.name)}
                                     : CredentialError{CredentialError::Kind::KeychainFailed, error});
                return;
            }
            m_refreshToken = token;
            withConfig([this](const OAuth::ClientConfig &config) { refreshWith(config); });
        });
    m_keychain->read(m_account.name);
}

void OAuth2Credentials::refreshWith(const OAuth::ClientConfig &config)
{
    auto *refresh = new OAuth::TokenRefresh(m_network, this);
    m_refresh = refresh;
    connect(refresh, &OAuth::TokenRefresh::finished, this, [this, refresh](const OAuth::Tokens &tokens) {
        refresh->deleteLater();
        const bool retry = m_renewAfterRefusal;
        m_accessToken = tokens.accessToken;
        m_expiresAt = tokens.expiresAt;
        m_renewAfterRefusal = false;
        m_lastWasRetry = retry;
        qCDebug(lcOAuth2Credentials) << "access token renewed for" << m_account.name;
        if (!tokens.refreshToken.isEmpty() && tokens.refreshToken != m_refreshToken) {
            // The provider rotated the refresh token: the old one is dead from now on (and
            // presenting it again makes the provider revoke the grant). Answer only once the
            // keychain has the new one, so a process that exits right after still keeps it.
            m_refreshToken = tokens.refreshToken;
            auto connection = std::make_shared<QMetaObject::Connection>();
            *connection = connect(m_keychain, &PasswordStore::passwordWritten, this,
                [this, connection](const QString &account, bool persisted, const QString &warning) {
                    if (account != m_account.name)
                        return;
                    disconnect(*connection);
                    if (!persisted)
                        qCWarning(lcOAuth2Credentials) << m_account.name << warning;
                    finish(Credentials::oauth2(m_accessToken));
                });
            m_keychain->write(m_account.name, m_refreshToken);
            return;
        }
        finish(Credentials::oauth2(m_accessToken));
    });
    connect(refresh, &OAuth::TokenRefresh::failed, this, [this, refresh](const OAuth::Error &e) {
        refresh->deleteLater();
        if (e.kind == OAuth::Error::Kind::Refused) {
            m_signInAgain = true;
            m_refreshToken.clear();
            m_signInAgainError = {CredentialError::Kind::SignInAgain, e.message};
            finishFailed(m_signInAgainError);
            return;
        }
        finishFailed({CredentialError::Kind::Unreachable, e.message});
    });
    refresh->start(config, m_refreshToken);
}

void OAuth2Credentials::finish(const Credentials &credentials)
{
    m_busy = false;
    Q_EMIT ready(credentials);
}

void OAuth2Credentials::finishFailed(const CredentialError &error)
{
    m_busy = false;
    Q_EMIT failed(error);
}

} // namespace Mailtrail::Sync
