// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "imap/Session.h"
#include "smtp/SubmissionJob.h"

#include <QMetaType>
#include <QObject>
#include <QString>

namespace Mailtrail::Store {
struct Account;
}

namespace Mailtrail::Sync {

/// What one login presents to the IMAP and SMTP servers of an account: a password (SASL
/// PLAIN / LOGIN) or an OAuth2 access token (SASL OAUTHBEARER, RFC 7628, or XOAUTH2). The
/// login name always comes from the account (loginName()). The secret is never logged,
/// written to a file or put on a command line.
///
/// A QString converts implicitly to a password, so code that has only ever handled
/// passwords reads as it did.
struct Credentials
{
    enum class Kind { Password, OAuth2 };
    Kind kind = Kind::Password;
    QString secret; ///< the password or the access token

    Credentials() = default;
    Credentials(const QString &password) // NOLINT(google-explicit-constructor): see above
        : secret(password)
    {
    }
    [[nodiscard]] static Credentials password(const QString &password) { return Credentials(password); }
    [[nodiscard]] static Credentials oauth2(const QString &accessToken)
    {
        Credentials c(accessToken);
        c.kind = Kind::OAuth2;
        return c;
    }
    [[nodiscard]] bool isEmpty() const { return secret.isEmpty(); }
    [[nodiscard]] bool isOAuth2() const { return kind == Kind::OAuth2; }

    [[nodiscard]] Imap::Session::Credentials forImap(const Store::Account &account) const;
    [[nodiscard]] Smtp::Credentials forSmtp(const Store::Account &account) const;
    bool operator==(const Credentials &) const = default;
};

/// The name an account logs in with: its user name, else its address.
[[nodiscard]] QString loginName(const Store::Account &account);

/// Why no credentials could be had. The message is a sentence for the user.
struct CredentialError
{
    enum class Kind {
        Missing,        ///< nothing stored and nobody to ask (CLI without --password-stdin)
        KeychainLocked, ///< the keyring is locked and was not unlocked
        KeychainFailed, ///< the keychain refused or is unreachable
        SignInAgain,    ///< OAuth2: the refresh token was refused (revoked, expired): sign in again
        Unreachable,    ///< OAuth2: the token endpoint could not be reached (try later)
        Cancelled,      ///< the user cancelled a prompt or a sign-in
    };
    Kind kind = Kind::Missing;
    QString message;
};

/// Where an account's credentials come from: the keychain's password, a password typed for
/// this session, or OAuth2 tokens that renew themselves (the refresh token in the keychain,
/// the access token in memory). One object per account, shared by everything that logs in
/// for it (the account's session, the outbox, the CLI's commands).
///
/// Asynchronous: request() is answered by exactly one ready() or failed(), never before
/// request() returns. After a server refused what ready() gave, call refused(): a password
/// source forgets the password (the next request asks again); an OAuth2 source refreshes the
/// access token once, and a second refusal in a row ends in failed(SignInAgain), never in a
/// loop of failed logins.
class CredentialSource : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual void request() = 0;
    virtual void refused(const Credentials &used) = 0;
    /// Whether this source signs in with OAuth2 (the GUI offers "sign in again", not a
    /// password prompt).
    [[nodiscard]] virtual bool isOAuth2() const { return false; }

Q_SIGNALS:
    void ready(const Mailtrail::Sync::Credentials &credentials);
    void failed(const Mailtrail::Sync::CredentialError &error);
};

/// Credentials known up front: `--password-stdin`, a password typed in a dialog, tests.
/// refused() makes the next request fail with Missing (nobody can type a better one here).
class FixedCredentials : public CredentialSource
{
    Q_OBJECT
public:
    explicit FixedCredentials(Credentials credentials, QObject *parent = nullptr);
    void request() override;
    void refused(const Credentials &used) override;
    [[nodiscard]] bool isOAuth2() const override { return m_credentials.isOAuth2(); }

private:
    Credentials m_credentials;
    bool m_refused = false;
};

} // namespace Mailtrail::Sync

Q_DECLARE_METATYPE(Mailtrail::Sync::Credentials)
Q_DECLARE_METATYPE(Mailtrail::Sync::CredentialError)
