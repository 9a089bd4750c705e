// SPDX-License-Identifier: GPL-3.0-or-later
#include "AccountEditor.h"

#include "oauth/Providers.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace Mailtrail::Ui {

namespace {

QComboBox *securityBox(Store::Security security, QWidget *parent)
{
    auto *box = new QComboBox(parent);
    box->addItem(AccountEditor::tr("TLS"), int(Store::Security::Tls));
    box->addItem(AccountEditor::tr("STARTTLS"), int(Store::Security::StartTls));
    box->setCurrentIndex(security == Store::Security::Tls ? 0 : 1);
    return box;
}

QSpinBox *portBox(quint16 port, QWidget *parent)
{
    auto *box = new QSpinBox(parent);
    box->setRange(1, 65535);
    box->setValue(port == 0 ? 1 : port);
    return box;
}

QString identityLabel(const Store::Identity &identity)
{
    const QString shown = identity.address.isEmpty() ? AccountEditor::tr("(new identity)") : identity.address;
    return identity.primary ? AccountEditor::tr("%1 (the account's address)").arg(shown) : shown;
}

} // namespace

AccountEditor::AccountEditor(const Store::Account &account, const QList<Store::Identity> &identities, QWidget *parent)
    : QDialog(parent)
    , m_account(account)
    , m_identities(identities)
{
    setObjectName(QStringLiteral("AccountEditor"));
    setWindowTitle(tr("Edit Account %1").arg(account.name));
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(createServerPage(), tr("Account"));
    m_tabs->addTab(createIdentityPage(), tr("Identities"));
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("accountEditorError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("QLabel { background: #fde2e1; padding: 4px; }"));
    m_error->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &AccountEditor::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(640, 520);
}

QWidget *AccountEditor::createServerPage()
{
    auto *page = new QWidget(this);
    m_displayName = new QLineEdit(m_account.displayName, page);
    m_email = new QLineEdit(m_account.email, page);
    m_imapHost = new QLineEdit(m_account.imap.host, page);
    m_imapHost->setObjectName(QStringLiteral("imapHost"));
    m_imapPort = portBox(m_account.imap.port, page);
    m_imapSecurity = securityBox(m_account.imap.security, page);
    m_smtpHost = new QLineEdit(m_account.smtp.host, page);
    m_smtpHost->setObjectName(QStringLiteral("smtpHost"));
    m_smtpPort = portBox(m_account.smtp.port, page);
    m_smtpSecurity = securityBox(m_account.smtp.security, page);
    m_user = new QLineEdit(m_account.userName, page);
    m_user->setObjectName(QStringLiteral("userName"));
    m_password = new QLineEdit(page);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("unchanged"));
    // OAuth2 (issue 14): the user's own client registration; empty means the built-in one.
    m_clientId = new QLineEdit(m_account.oauthClientId, page);
    m_clientId->setObjectName(QStringLiteral("clientId"));
    const OAuth::Provider *provider = OAuth::builtInProvider(m_account.oauthProvider);
    if (provider && !provider->clientId.isEmpty())
        m_clientId->setPlaceholderText(tr("empty: Mailtrail's built-in client ID for %1").arg(provider->displayName));
    else if (provider)
        m_clientId->setPlaceholderText(
            tr("required: no client ID for %1 is built into this Mailtrail").arg(provider->displayName));
    else
        m_clientId->setPlaceholderText(tr("required: this provider has no built-in client ID"));
    m_clientSecret = new QLineEdit(m_account.oauthClientSecret, page);
    m_clientSecret->setObjectName(QStringLiteral("clientSecret"));
    m_clientSecret->setEchoMode(QLineEdit::Password);
    m_clientSecret->setPlaceholderText(tr("only if the provider issued one with the client ID"));
    m_receiptsFolder = new QLineEdit(m_account.receiptsFolder, page);
    m_receiptsFolder->setObjectName(QStringLiteral("receiptsFolder"));
    m_receiptsFolder->setPlaceholderText(tr("none: reports stay where they arrive"));

    const auto server = [](QLineEdit *host, QSpinBox *port, QComboBox *security) {
        auto *row = new QHBoxLayout;
        row->addWidget(host, 1);
        row->addWidget(port);
        row->addWidget(security);
        return row;
    };
    auto *form = new QFormLayout(page);
    form->addRow(tr("Account name:"), new QLabel(m_account.name, page));
    form->addRow(tr("Your &name:"), m_displayName);
    form->addRow(tr("&Mail address:"), m_email);
    // A row of three fields: the label's shortcut goes to the host.
    const auto serverLabel = [page](const QString &text, QWidget *buddy) {
        auto *label = new QLabel(text, page);
        label->setBuddy(buddy);
        return label;
    };
    form->addRow(serverLabel(tr("&Incoming (IMAP):"), m_imapHost), server(m_imapHost, m_imapPort, m_imapSecurity));
    form->addRow(serverLabel(tr("&Outgoing (SMTP):"), m_smtpHost), server(m_smtpHost, m_smtpPort, m_smtpSecurity));
    form->addRow(tr("&User name:"), m_user);
    // How the account signs in. Password accounts: a new password (empty keeps the one in
    // the keychain). OAuth2 accounts (issue 14) put their "Sign in again" choice in this row.
    form->addRow(tr("&Password:"), m_password);
    form->addRow(tr("&Client ID:"), m_clientId);
    form->addRow(tr("Client s&ecret:"), m_clientSecret);
    const bool oauth = m_account.isOAuth2();
    form->setRowVisible(m_password, !oauth);
    form->setRowVisible(m_clientId, oauth);
    form->setRowVisible(m_clientSecret, oauth);
    // Recorded delivery reports and read receipts move here (created when missing).
    form->addRow(tr("Reports &folder:"), m_receiptsFolder);
    return page;
}

QWidget *AccountEditor::createIdentityPage()
{
    auto *page = new QWidget(this);
    m_identityList = new QListWidget(page);
    m_identityList->setObjectName(QStringLiteral("identityList"));
    for (const Store::Identity &identity : std::as_const(m_identities))
        m_identityList->addItem(identityLabel(identity));
    auto *add = new QPushButton(tr("A&dd Identity"), page);
    add->setObjectName(QStringLiteral("addIdentity"));
    auto *remove = new QPushButton(tr("&Remove Identity"), page);
    remove->setObjectName(QStringLiteral("removeIdentity"));
    connect(add, &QPushButton::clicked, this, &AccountEditor::addIdentity);
    connect(remove, &QPushButton::clicked, this, &AccountEditor::removeIdentity);
    m_address = new QLineEdit(page);
    m_address->setObjectName(QStringLiteral("identityAddress"));
    m_name = new QLineEdit(page);
    m_name->setObjectName(QStringLiteral("identityName"));
    m_replyTo = new QLineEdit(page);
    m_replyTo->setObjectName(QStringLiteral("identityReplyTo"));
    m_replyTo->setPlaceholderText(tr("replies go to the address above"));
    m_signature = new QPlainTextEdit(page);
    m_signature->setObjectName(QStringLiteral("signature"));
    m_signature->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_signature->setPlaceholderText(tr("Plain text. Mailtrail puts the “-- ” line above it."));
    connect(m_identityList, &QListWidget::currentRowChanged, this, &AccountEditor::showIdentity);
    connect(m_address, &QLineEdit::textEdited, this, [this] {
        keepIdentity();
        if (m_shown >= 0)
            m_identityList->item(m_shown)->setText(identityLabel(m_identities.at(m_shown)));
    });

    auto *buttons = new QVBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    auto *top = new QHBoxLayout;
    top->addWidget(m_identityList, 1);
    top->addLayout(buttons);
    auto *form = new QFormLayout;
    form->addRow(tr("&Address:"), m_address);
    form->addRow(tr("Displa&y name:"), m_name);
    form->addRow(tr("Reply-&To:"), m_replyTo);
    form->addRow(tr("&Signature:"), m_signature);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(top);
    layout->addLayout(form, 1);
    if (!m_identities.isEmpty())
        m_identityList->setCurrentRow(0);
    return page;
}

void AccountEditor::keepIdentity()
{
    if (m_shown < 0 || m_shown >= m_identities.size())
        return;
    Store::Identity &identity = m_identities[m_shown];
    if (!identity.primary)
        identity.address = m_address->text().trimmed();
    identity.displayName = m_name->text();
    identity.replyTo = m_replyTo->text().trimmed();
    identity.signature = m_signature->toPlainText();
}

void AccountEditor::showIdentity(int row)
{
    keepIdentity();
    m_shown = row;
    const bool valid = row >= 0 && row < m_identities.size();
    const Store::Identity identity = valid ? m_identities.at(row) : Store::Identity();
    m_address->setText(identity.primary ? m_email->text() : identity.address);
    // The account's own address is edited on the Account page.
    m_address->setReadOnly(identity.primary);
    m_name->setText(identity.displayName);
    m_replyTo->setText(identity.replyTo);
    m_signature->setPlainText(identity.signature);
    for (QWidget *w : {static_cast<QWidget *>(m_address), static_cast<QWidget *>(m_name),
                       static_cast<QWidget *>(m_replyTo), static_cast<QWidget *>(m_signature)})
        w->setEnabled(valid);
}

void AccountEditor::addIdentity()
{
    keepIdentity();
    Store::Identity identity;
    identity.accountId = m_account.id;
    identity.account = m_account.name;
    identity.displayName = m_displayName->text();
    m_identities.append(identity);
    m_identityList->addItem(identityLabel(identity));
    m_identityList->setCurrentRow(int(m_identities.size() - 1));
    m_tabs->setCurrentIndex(1);
    m_address->setFocus();
}

void AccountEditor::removeIdentity()
{
    const int row = m_identityList->currentRow();
    if (row < 0 || row >= m_identities.size() || m_identities.at(row).primary)
        return;
    m_shown = -1; // nothing to keep from the removed one
    const Store::Identity removed = m_identities.takeAt(row);
    if (!removed.address.isEmpty()
        && std::none_of(m_identities.cbegin(), m_identities.cend(), [&](const Store::Identity &i) {
               return i.address.compare(removed.address, Qt::CaseInsensitive) == 0;
           }))
        m_removed.append(removed.address);
    delete m_identityList->takeItem(row);
    showIdentity(m_identityList->currentRow());
}

Store::Account AccountEditor::account() const
{
    Store::Account a = m_account;
    a.displayName = m_displayName->text().trimmed();
    a.email = m_email->text().trimmed();
    a.imap = {m_imapHost->text().trimmed(), quint16(m_imapPort->value()),
              Store::Security(m_imapSecurity->currentData().toInt())};
    a.smtp = {m_smtpHost->text().trimmed(), quint16(m_smtpPort->value()),
              Store::Security(m_smtpSecurity->currentData().toInt())};
    a.userName = m_user->text().trimmed();
    a.receiptsFolder = m_receiptsFolder->text().trimmed();
    if (a.isOAuth2()) {
        a.oauthClientId = m_clientId->text().trimmed();
        a.oauthClientSecret = a.oauthClientId.isEmpty() ? QString() : m_clientSecret->text();
    }
    return a;
}

QList<Store::Identity> AccountEditor::identities() const
{
    QList<Store::Identity> out = m_identities;
    if (m_shown >= 0 && m_shown < out.size()) {
        Store::Identity &shown = out[m_shown];
        if (!shown.primary)
            shown.address = m_address->text().trimmed();
        shown.displayName = m_name->text();
        shown.replyTo = m_replyTo->text().trimmed();
        shown.signature = m_signature->toPlainText();
    }
    const Store::Account a = account();
    for (Store::Identity &identity : out) {
        if (identity.primary) {
            identity.address = a.email;
            if (identity.displayName.isEmpty())
                identity.displayName = a.displayName;
        }
    }
    return out;
}

QString AccountEditor::password() const
{
    return m_password->text();
}

QString AccountEditor::check()
{
    const Store::Account a = account();
    QString error;
    if (!Store::isPlausibleAddress(a.email))
        error = tr("“%1” is not a mail address.").arg(a.email);
    else if (a.imap.host.isEmpty() || a.smtp.host.isEmpty())
        error = tr("Enter the incoming and the outgoing server.");
    else if (a.userName.isEmpty())
        error = tr("Enter the user name.");
    else if (a.isOAuth2() && a.oauthClientId.isEmpty() && !m_clientSecret->text().isEmpty())
        error = tr("Enter the client ID that goes with the client secret, or clear the secret.");
    if (error.isEmpty()) {
        QStringList seen;
        for (const Store::Identity &identity : identities()) {
            if (!Store::isPlausibleAddress(identity.address)) {
                error = tr("“%1” is not a mail address.").arg(identity.address);
            } else if (!identity.replyTo.isEmpty() && !Store::isPlausibleAddress(identity.replyTo)) {
                error = tr("“%1” is not a mail address.").arg(identity.replyTo);
            } else if (seen.contains(identity.address.toLower())) {
                error = tr("The address %1 is listed twice.").arg(identity.address);
            }
            if (!error.isEmpty()) {
                m_tabs->setCurrentIndex(1);
                break;
            }
            seen.append(identity.address.toLower());
        }
    } else {
        m_tabs->setCurrentIndex(0);
    }
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
    return error;
}

void AccountEditor::accept()
{
    if (check().isEmpty())
        QDialog::accept();
}

} // namespace Mailtrail::Ui
