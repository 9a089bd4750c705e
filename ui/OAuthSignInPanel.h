// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "oauth/OAuthTypes.h"
#include "store/Account.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QNetworkAccessManager;
class QPushButton;

namespace Mailtrail::OAuth {
class Discovery;
class SignIn;
} // namespace Mailtrail::OAuth

namespace Mailtrail::Ui {

/// "Sign in with Google / Microsoft / …": runs an OAuth::SignIn for an account, opens the
/// system browser (QDesktopServices::openUrl) at the provider's page, says what it waits
/// for, and offers Cancel. Used by the account assistant and the "sign in again" bar.
class OAuthSignInPanel : public QWidget
{
    Q_OBJECT
public:
    explicit OAuthSignInPanel(QWidget *parent = nullptr);
    ~OAuthSignInPanel() override;

    /// The account to sign in (provider, client ID override, scopes, address).
    void setAccount(const Store::Account &account);
    void start();
    void cancel();

    [[nodiscard]] bool isSignedIn() const { return !m_tokens.refreshToken.isEmpty(); }
    [[nodiscard]] bool isRunning() const;
    [[nodiscard]] OAuth::Tokens tokens() const { return m_tokens; }
    /// The provider's name for buttons ("Google", "Microsoft", the issuer's host).
    [[nodiscard]] static QString providerName(const Store::Account &account);

    [[nodiscard]] QPushButton *signInButton() const { return m_signIn; }
    [[nodiscard]] QPushButton *cancelButton() const { return m_cancel; }
    [[nodiscard]] QLabel *statusLabel() const { return m_status; }

Q_SIGNALS:
    void signedIn(const Mailtrail::OAuth::Tokens &tokens);
    /// Signed in, failed, cancelled or started: the completeness of a page may change.
    void stateChanged();

private:
    void run(const OAuth::ClientConfig &config);
    void failWith(const QString &text);

    Store::Account m_account;
    OAuth::Tokens m_tokens;
    QNetworkAccessManager *m_network;
    QPointer<OAuth::Discovery> m_discovery;
    QPointer<OAuth::SignIn> m_flow;
    QPushButton *m_signIn;
    QPushButton *m_cancel;
    QLabel *m_status;
};

} // namespace Mailtrail::Ui
