// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AppSettings.h"

#include <QDialog>
#include "store/Database.h"
#include "sync/Accounts.h"

class QSpinBox;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;

namespace Mailtrail::Ui {

class SentElsewhereSettingsEditor;

/// Settings: accounts (list, add, remove, each account's read-receipt policy), tracking
/// deadlines and defaults, the two cautious read-receipt cases, the receipts folder and
/// remote content. OK writes the accounts to the database; the caller saves settings().
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    SettingsDialog(const AppSettings &settings, const Store::Database &database, QWidget *parent = nullptr);

    [[nodiscard]] AppSettings settings() const;
    /// Re-reads the account list (after the assistant added one).
    void reloadAccounts();
    /// Applies the per-account changes. Returns an error in words, empty on success.
    [[nodiscard]] QString applyAccounts();
    /// Removes an account and its cached mail (asks first unless @p confirmed).
    QString removeAccount(const QString &name, bool confirmed = false);
    /// Opens Edit for the account @p name (servers, login, password, identities); OK there
    /// saves it at once.
    class AccountEditor *editAccount(const QString &name);
    /// Saves what @p editor holds. Returns an error in words, empty on success.
    QString saveEditedAccount(const AccountEditor &editor);

    // For tests.
    [[nodiscard]] QListWidget *accountList() const { return m_accounts; }
    [[nodiscard]] QComboBox *accountReceiptBox() const { return m_accountReceipts; }
    /// "Keep messages of the last N days for offline use" of the selected account (issue 17).
    [[nodiscard]] QSpinBox *accountOfflineDaysBox() const { return m_accountOfflineDays; }
    /// "Track mail sent from other programs" of the selected account (issue 18).
    [[nodiscard]] SentElsewhereSettingsEditor *sentElsewhereEditor() const { return m_sentElsewhere; }
    [[nodiscard]] QDoubleSpinBox *dsnDeadlineBox() const { return m_dsnHours; }
    [[nodiscard]] QComboBox *notAddressedBox() const { return m_notAddressed; }
    [[nodiscard]] QCheckBox *remoteContentBox() const { return m_remote; }
    [[nodiscard]] QLineEdit *receiptsFolderField() const { return m_receiptsFolder; }
    [[nodiscard]] QCheckBox *replyBelowQuoteBox() const { return m_replyBelow; }

Q_SIGNALS:
    void addAccountRequested();
    void accountsChanged();
    /// The user typed a new password for @p account in Edit (for the keychain).
    void passwordChanged(const QString &account, const QString &password);
    /// The account @p account was removed: its secret goes from the keychain too.
    void accountRemoved(const QString &account);

private:
    QWidget *createAccountsPage();
    QWidget *createTrackingPage();
    QWidget *createReceiptsPage();
    QWidget *createPrivacyPage();
    void showAccount(int row);

    AppSettings m_settings;
    const Store::Database &m_database;
    Sync::Accounts m_book; ///< the accounts as stored
    QHash<QString, int> m_receiptModes; ///< account name → Store::ReadReceipts, as edited

    QListWidget *m_accounts = nullptr;
    QComboBox *m_accountReceipts = nullptr;
    QSpinBox *m_accountOfflineDays = nullptr;
    QHash<QString, int> m_offlineDays; ///< account name → days kept for offline use, as edited
    SentElsewhereSettingsEditor *m_sentElsewhere = nullptr;
    QLabel *m_accountDetails = nullptr;
    QDoubleSpinBox *m_dsnHours = nullptr;
    QDoubleSpinBox *m_delayHours = nullptr;
    QDoubleSpinBox *m_readHours = nullptr;
    QCheckBox *m_defaultDsn = nullptr;
    QCheckBox *m_defaultMdn = nullptr;
    QCheckBox *m_replyBelow = nullptr;
    QCheckBox *m_moveReports = nullptr;
    QLineEdit *m_receiptsFolder = nullptr;
    QComboBox *m_notAddressed = nullptr;
    QComboBox *m_outsideDomain = nullptr;
    QCheckBox *m_remote = nullptr;
    QCheckBox *m_notifications = nullptr;
};

} // namespace Mailtrail::Ui
