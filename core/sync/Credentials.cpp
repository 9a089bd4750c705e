// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/Credentials.h"

#include "store/Account.h"

#include <QCoreApplication>
#include <QTimer>

namespace Mailtrail::Sync {

QString loginName(const Store::Account &account)
{
    return account.userName.isEmpty() ? account.email : account.userName;
}

Imap::Session::Credentials Credentials::forImap(const Store::Account &account) const
{
    Imap::Session::Credentials c;
    c.userName = loginName(account);
    c.password = secret;
    c.mechanism = kind == Kind::OAuth2 ? Imap::Session::Credentials::Mechanism::OAuth2
                                       : Imap::Session::Credentials::Mechanism::Password;
    return c;
}

Smtp::Credentials Credentials::forSmtp(const Store::Account &account) const
{
    Smtp::Credentials c;
    c.kind = kind == Kind::OAuth2 ? Smtp::Credentials::Kind::OAuth2Token : Smtp::Credentials::Kind::Password;
    c.user = loginName(account);
    c.secret = secret;
    return c;
}

FixedCredentials::FixedCredentials(Credentials credentials, QObject *parent)
    : CredentialSource(parent), m_credentials(std::move(credentials))
{
}

void FixedCredentials::request()
{
    QTimer::singleShot(0, this, [this] {
        if (m_refused || m_credentials.isEmpty()) {
            Q_EMIT failed({CredentialError::Kind::Missing,
                m_refused ? QCoreApplication::translate("Credentials", "The server refused the password.")
                          : QCoreApplication::translate("Credentials", "No password was given.")});
            return;
        }
        Q_EMIT ready(m_credentials);
    });
}

void FixedCredentials::refused(const Credentials &used)
{
    if (used == m_credentials)
        m_refused = true;
}

} // namespace Mailtrail::Sync
