// SPDX-License-Identifier: GPL-3.0-or-later
#include "OAuthSignInPanel.h"

#include "oauth/Discovery.h"
#include "oauth/Providers.h"
#include "oauth/SignIn.h"

#include <QDesktopServices>
#include <QHBoxLayout>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QVBoxLayout>

namespace Mailtrail::Ui {

OAuthSignInPanel::OAuthSignInPanel(QWidget *parent)
    : QWidget(parent), m_network(new QNetworkAccessManager(this))
{
    m_signIn = new QPushButton(this);
    m_signIn->setObjectName(QStringLiteral("oauthSignIn"));
    m_cancel = new QPushButton(tr("&Cancel Sign-In"), this);
    m_cancel->setObjectName(QStringLiteral("oauthCancel"));
    m_cancel->hide();
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("oauthStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Room for a long explanation (no client ID, a provider's error) without clipping.
    m_status->setMinimumHeight(m_status->fontMetrics().lineSpacing() * 4);
    m_status->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_signIn);
    buttons->addWidget(m_cancel);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    connect(m_signIn, &QPushButton::clicked, this, &OAuthSignInPanel::start);
    connect(m_cancel, &QPushButton::clicked, this, &OAuthSignInPanel::cancel);
}

OAuthSignInPanel::~OAuthSignInPanel() = default;

QString OAuthSignInPanel::providerName(const Store::Account &account)
{
    if (const OAuth::Provider *p = OAuth::builtInProvider(account.oauthProvider))
        return p->displayName;
    const QString host = QUrl(account.oauthProvider).host();
    return host.isEmpty() ? tr("your provider") : host;
}

void OAuthSignInPanel::setAccount(const Store::Account &account)
{
    const bool changed = account.oauthProvider != m_account.oauthProvider || account.email != m_account.email
        || account.oauthClientId != m_account.oauthClientId || account.oauthTenant != m_account.oauthTenant;
    m_account = account;
    m_signIn->setText(tr("Sign in with %1…").arg(providerName(account)));
    if (changed && !isRunning()) {
        m_tokens = {};
        m_status->clear();
        Q_EMIT stateChanged();
    }
}

bool OAuthSignInPanel::isRunning() const
{
    return m_discovery || (m_flow && m_flow->isRunning());
}

void OAuthSignInPanel::start()
{
    cancel();
    m_tokens = {};
    OAuth::Error error;
    auto config = OAuth::clientConfig(m_account, &error);
    if (!config) {
        failWith(error.message);
        return;
    }
    m_signIn->setEnabled(false);
    m_cancel->show();
    Q_EMIT stateChanged();
    if (!OAuth::needsDiscovery(m_account)) {
        run(*config);
        return;
    }
    m_status->setText(tr("Reading the sign-in settings of %1…").arg(m_account.oauthProvider));
    auto *discovery = new OAuth::Discovery(m_network, this);
    m_discovery = discovery;
    connect(discovery, &OAuth::Discovery::discovered, this, [this, discovery, config](const OAuth::ServerConfig &s) {
        discovery->deleteLater();
        OAuth::ClientConfig c = *config;
        c.server = s;
        run(c);
    });
    connect(discovery, &OAuth::Discovery::failed, this, [this, discovery](const OAuth::Error &e) {
        discovery->deleteLater();
        failWith(e.message);
    });
    discovery->start(QUrl(m_account.oauthProvider));
}

void OAuthSignInPanel::run(const OAuth::ClientConfig &config)
{
    auto *flow = new OAuth::SignIn(this);
    m_flow = flow;
    connect(flow, &OAuth::SignIn::openBrowser, this, [this, name = config.providerName](const QUrl &url) {
        m_status->setText(tr("Waiting for you to sign in at %1 in your web browser. When you have allowed "
                             "Mailtrail, the browser hands the answer to Mailtrail on this computer.")
                              .arg(name));
        if (!QDesktopServices::openUrl(url))
            m_status->setText(tr("No web browser could be opened. Open this address yourself: %1")
                                  .arg(url.toString(QUrl::FullyEncoded)));
    });
    connect(flow, &OAuth::SignIn::exchangingCode, this,
            [this] { m_status->setText(tr("Signed in; fetching the tokens…")); });
    connect(flow, &OAuth::SignIn::finished, this, [this, flow, name = config.providerName](const OAuth::Tokens &t) {
        flow->deleteLater();
        m_tokens = t;
        m_signIn->setEnabled(true);
        m_cancel->hide();
        m_status->setText(tr("Signed in at %1 as %2.").arg(name, m_account.email));
        Q_EMIT signedIn(t);
        Q_EMIT stateChanged();
    });
    connect(flow, &OAuth::SignIn::failed, this, [this, flow](const OAuth::Error &e) {
        flow->deleteLater();
        failWith(e.message);
    });
    flow->start(config);
}

void OAuthSignInPanel::cancel()
{
    if (m_discovery) {
        m_discovery->deleteLater();
        m_discovery = nullptr;
        failWith(tr("The sign-in was cancelled."));
    }
    if (m_flow && m_flow->isRunning())
        m_flow->cancel(); // → failed(Cancelled)
}

void OAuthSignInPanel::failWith(const QString &text)
{
    m_signIn->setEnabled(true);
    m_cancel->hide();
    m_status->setText(text);
    Q_EMIT stateChanged();
}

} // namespace Mailtrail::Ui
