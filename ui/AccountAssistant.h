// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ServerDiscovery.h"
#include "net/Certificate.h"
#include "store/Account.h"

#include <QWizard>

#include <functional>
#include <optional>

class QCheckBox;
class QComboBox;
class QWizardPage;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace Mailtrail::Ui {

/// The outcome of trying an account's settings (log in to IMAP, EHLO/AUTH on SMTP).
struct ConnectionTestResult
{
    bool ok = false;
    QString error; ///< in words, when not ok
    /// Set when a server's certificate was not trusted: the assistant asks the user.
    std::optional<Net::CertificateProblem> certificate;
    bool dsnSupported = true; ///< what the SMTP server offered (for the composer's warning)
};

/// Tries the settings. Called with the account (its pins included) and the password;
/// must call done exactly once, later or at once. The application wires it to core/sync
/// and core/smtp; tests answer from a table.
using ConnectionTester = std::function<void(const Store::Account &account, const QString &password,
                                            std::function<void(const ConnectionTestResult &)> done)>;

/// "Add account": name, address and password; then the server settings found for the
/// address (autoconfig, SRV, guesses) or typed by hand; then a connection test, with a
/// certificate dialog when a server's certificate is not trusted.
class AccountAssistant : public QWizard
{
    Q_OBJECT
public:
    enum PageId { IdentityPage, ServerPage, TestPage };

    /// @p discovery is used, not owned.
    AccountAssistant(ServerDiscovery *discovery, ConnectionTester tester, QWidget *parent = nullptr);

    /// The account as entered (pinned fingerprints included once trusted).
    [[nodiscard]] Store::Account account() const;
    /// The password, for the caller to put in the keychain; never stored by the assistant.
    [[nodiscard]] QString password() const;
    [[nodiscard]] QList<ServerSettings> candidates() const { return m_candidates; }
    [[nodiscard]] bool tested() const { return m_testedOk; }

    /// Applies candidate @p index to the manual fields.
    void useCandidate(int index);
    /// Runs the connection test.
    void testConnection();

    // For tests.
    [[nodiscard]] QLineEdit *nameField() const { return m_name; }
    [[nodiscard]] QLineEdit *addressField() const { return m_address; }
    [[nodiscard]] QLineEdit *passwordField() const { return m_password; }
    [[nodiscard]] QComboBox *candidateBox() const { return m_candidateBox; }
    [[nodiscard]] QLineEdit *imapHostField() const { return m_imapHost; }
    [[nodiscard]] QLineEdit *smtpHostField() const { return m_smtpHost; }
    [[nodiscard]] QLabel *testResultLabel() const { return m_testResult; }
    /// Shown when the test failed: Finish stays disabled unless this is checked.
    [[nodiscard]] QCheckBox *addAnywayBox() const { return m_addAnyway; }

Q_SIGNALS:
    /// A certificate dialog was opened (tests answer it).
    void certificateDialogOpened(QDialog *dialog);

private:
    QWizardPage *createIdentityPage();
    QWizardPage *createServerPage();
    QWizardPage *createTestPage();
    void startDiscovery();
    void onDiscovered(const QList<ServerSettings> &candidates);
    void onTested(const ConnectionTestResult &result);

    ServerDiscovery *m_discovery;
    ConnectionTester m_tester;
    QList<ServerSettings> m_candidates;
    QStringList m_pins;
    QString m_discoveredFor;
    bool m_testedOk = false;
    bool m_testing = false;
    QCheckBox *m_addAnyway = nullptr;
    QWizardPage *m_testPage = nullptr;
    bool m_dsnSupported = true;

    QLineEdit *m_name;
    QLineEdit *m_address;
    QLineEdit *m_password;
    QLabel *m_discoveryStatus;
    QComboBox *m_candidateBox;
    QLineEdit *m_accountName;
    QLineEdit *m_userName;
    QLineEdit *m_imapHost;
    QSpinBox *m_imapPort;
    QComboBox *m_imapSecurity;
    QLineEdit *m_smtpHost;
    QSpinBox *m_smtpPort;
    QComboBox *m_smtpSecurity;
    QPushButton *m_testButton;
    QLabel *m_testResult;
};

} // namespace Mailtrail::Ui
