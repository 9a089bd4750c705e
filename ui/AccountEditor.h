// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/Account.h"
#include "store/Identity.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QSpinBox;
class QTabWidget;

namespace Mailtrail::Ui {

/// Settings → Accounts → Edit: fixes an account after it was added — its servers, login,
/// password (or, for OAuth2 accounts, the client ID and secret that override the built-in
/// ones), name and address, and its
/// identities with their signatures. OK checks the input; the caller saves account(),
/// identities(), removedIdentities() and a non-empty password().
class AccountEditor : public QDialog
{
    Q_OBJECT
public:
    AccountEditor(const Store::Account &account, const QList<Store::Identity> &identities,
                  QWidget *parent = nullptr);

    [[nodiscard]] Store::Account account() const;
    /// The identities as edited, the account's own address first.
    [[nodiscard]] QList<Store::Identity> identities() const;
    /// Addresses of identities the user removed.
    [[nodiscard]] QStringList removedIdentities() const { return m_removed; }
    /// A new password, or empty: keep the one in the keychain.
    [[nodiscard]] QString password() const;
    /// Checks the input; empty when it can be saved, else what is wrong (also shown).
    QString check();
    void accept() override;

    // For tests.
    [[nodiscard]] QTabWidget *tabs() const { return m_tabs; }
    [[nodiscard]] QLineEdit *imapHostField() const { return m_imapHost; }
    [[nodiscard]] QSpinBox *imapPortBox() const { return m_imapPort; }
    [[nodiscard]] QLineEdit *userField() const { return m_user; }
    [[nodiscard]] QLineEdit *passwordField() const { return m_password; }
    /// OAuth2 accounts only (else hidden): the override of the built-in client ID and secret.
    [[nodiscard]] QLineEdit *clientIdField() const { return m_clientId; }
    [[nodiscard]] QLineEdit *clientSecretField() const { return m_clientSecret; }
    [[nodiscard]] QListWidget *identityList() const { return m_identityList; }
    [[nodiscard]] QLineEdit *identityAddressField() const { return m_address; }
    [[nodiscard]] QLineEdit *identityNameField() const { return m_name; }
    [[nodiscard]] QPlainTextEdit *signatureField() const { return m_signature; }
    [[nodiscard]] QLabel *errorLabel() const { return m_error; }
    /// Adds an empty identity and selects it (the Add button).
    void addIdentity();
    /// Removes the selected identity (not the account's own address).
    void removeIdentity();

private:
    QWidget *createServerPage();
    QWidget *createIdentityPage();
    void showIdentity(int row);
    void keepIdentity();

    Store::Account m_account;
    QList<Store::Identity> m_identities;
    QStringList m_removed;
    int m_shown = -1;

    QTabWidget *m_tabs = nullptr;
    QLineEdit *m_displayName = nullptr;
    QLineEdit *m_email = nullptr;
    QLineEdit *m_imapHost = nullptr;
    QSpinBox *m_imapPort = nullptr;
    QComboBox *m_imapSecurity = nullptr;
    QLineEdit *m_smtpHost = nullptr;
    QSpinBox *m_smtpPort = nullptr;
    QComboBox *m_smtpSecurity = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_clientId = nullptr;
    QLineEdit *m_clientSecret = nullptr;
    QLineEdit *m_receiptsFolder = nullptr;
    QListWidget *m_identityList = nullptr;
    QLineEdit *m_address = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_replyTo = nullptr;
    QPlainTextEdit *m_signature = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace Mailtrail::Ui
