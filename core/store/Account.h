// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace Mailtrail::Store {

/// How a connection is secured: implicit TLS (IMAPS 993, submissions 465) or
/// STARTTLS on a plain port (RFC 9051 §6.2.1, RFC 3207).
enum class Security { Tls, StartTls };

/// How an account logs in: a password (SASL PLAIN / LOGIN) or OAuth2 (SASL OAUTHBEARER /
/// XOAUTH2 with an access token renewed from a refresh token in the keychain).
enum class SignIn { Password, OAuth2 };

/// Whether to answer read-receipt requests (RFC 8098 §2.1).
enum class ReadReceipts { Never, Ask, Always };

struct Endpoint
{
    QString host;
    quint16 port = 0;
    Security security = Security::Tls;
    bool operator==(const Endpoint &) const = default;

    /// Parses `HOST:PORT/tls|starttls` (IPv6 hosts in brackets).
    [[nodiscard]] static std::optional<Endpoint> parse(const QString &text, QString *error = nullptr);
    [[nodiscard]] QString toString() const;
};

[[nodiscard]] QString securityName(Security security);
[[nodiscard]] std::optional<Security> securityFromName(const QString &name);
[[nodiscard]] QString readReceiptsName(ReadReceipts policy);
[[nodiscard]] QString signInName(SignIn signIn);
[[nodiscard]] std::optional<SignIn> signInFromName(const QString &name);
[[nodiscard]] std::optional<ReadReceipts> readReceiptsFromName(const QString &name);

/// One mail account's settings. The password is not here: it lives in the keychain.
struct Account
{
    qint64 id = 0;
    QString name;        ///< the user's short name for the account, unique
    QString displayName; ///< identity: "Alice Example"
    QString email;       ///< identity: alice@example.test
    Endpoint imap;
    Endpoint smtp;
    QString userName;
    QString caFile;                 ///< extra trusted CA (PEM), empty for the system store
    QStringList pinnedFingerprints; ///< SHA-256 of accepted certificates, lower-case hex
    ReadReceipts readReceipts = ReadReceipts::Ask;
    /// Report mails recorded by the tracker are moved to this folder (decoded name, created
    /// when missing); empty: they stay where they are (the default).
    QString receiptsFolder;

    /// OAuth2 (issue 14). The tokens are not here: the refresh token lives in the keychain,
    /// the access token in memory.
    SignIn signIn = SignIn::Password;
    QString oauthProvider;     ///< "google", "microsoft" or an issuer URL
    QString oauthTenant;       ///< Microsoft's tenant; empty: "common"
    QString oauthClientId;     ///< the user's override of the built-in client ID; empty: built in
    QString oauthClientSecret; ///< override of the built-in client secret (installed apps: not secret)
    QString oauthScopes;       ///< space separated; empty: the provider's default scopes

    [[nodiscard]] bool isOAuth2() const { return signIn == SignIn::OAuth2; }
    /// What `account list` shows: "password" or "oauth:PROVIDER".
    [[nodiscard]] QString signInLabel() const;

    bool operator==(const Account &) const = default;
};

/// Normalises a SHA-256 fingerprint ("AB:CD:…" or "abcd…") to 64 lower-case hex digits;
/// empty when it is not one.
[[nodiscard]] QString normalizeFingerprint(const QString &text);

} // namespace Mailtrail::Store
