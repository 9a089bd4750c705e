// SPDX-License-Identifier: GPL-3.0-or-later
#include "AccountAssistant.h"

#include "CertificateDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Mailtrail::Ui {

namespace {

/// A page whose completeness is a predicate over the assistant's fields.
class CheckedPage : public QWizardPage
{
public:
    using QWizardPage::QWizardPage;
    std::function<bool()> complete;
    std::function<void()> onEnter;
    bool isComplete() const override { return !complete || complete(); }
    void initializePage() override
    {
        if (onEnter)
            onEnter();
    }
};

QComboBox *securityBox(QWidget *parent)
{
    auto *box = new QComboBox(parent);
    box->addItem(QCoreApplication::translate("AccountAssistant", "TLS"), int(Store::Security::Tls));
    box->addItem(QCoreApplication::translate("AccountAssistant", "STARTTLS"), int(Store::Security::StartTls));
    return box;
}

bool isAddress(const QString &text)
{
    const qsizetype at = text.lastIndexOf(QLatin1Char('@'));
    return at > 0 && at < text.size() - 1 && !text.contains(QLatin1Char(' '));
}

} // namespace

AccountAssistant::AccountAssistant(ServerDiscovery *discovery, ConnectionTester tester, QWidget *parent)
    : QWizard(parent)
    , m_discovery(discovery)
    , m_tester(std::move(tester))
{
    setObjectName(QStringLiteral("AccountAssistant"));
    setWindowTitle(tr("Add Mail Account"));
    setWizardStyle(QWizard::ClassicStyle);
    setPage(IdentityPage, createIdentityPage());
    setPage(ServerPage, createServerPage());
    setPage(TestPage, createTestPage());
    connect(m_discovery, &ServerDiscovery::finished, this, &AccountAssistant::onDiscovered);
    resize(620, 480);
}

QWizardPage *AccountAssistant::createIdentityPage()
{
    auto *page = new CheckedPage(this);
    page->setTitle(tr("Your mail address"));
    page->setSubTitle(tr("Mailtrail will look up the settings of your provider."));
    m_name = new QLineEdit(page);
    m_name->setPlaceholderText(tr("Alice Example"));
    m_address = new QLineEdit(page);
    m_address->setPlaceholderText(tr("alice@example.org"));
    m_password = new QLineEdit(page);
    m_password->setEchoMode(QLineEdit::Password);
    auto *note = new QLabel(tr("The password is kept in your desktop's keychain, never in a file."), page);
    note->setWordWrap(true);
    auto *form = new QFormLayout(page);
    form->addRow(tr("Your &name:"), m_name);
    form->addRow(tr("Mail &address:"), m_address);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(note);
    page->complete = [this] { return isAddress(m_address->text().trimmed()) && !m_password->text().isEmpty(); };
    for (QLineEdit *field : {m_name, m_address, m_password})
        connect(field, &QLineEdit::textChanged, page, &QWizardPage::completeChanged);
    return page;
}

QWizardPage *AccountAssistant::createServerPage()
{
    auto *page = new CheckedPage(this);
    page->setTitle(tr("Server settings"));
    page->setSubTitle(tr("Pick the settings found for your address, or enter them by hand."));
    m_discoveryStatus = new QLabel(page);
    m_discoveryStatus->setWordWrap(true);
    m_candidateBox = new QComboBox(page);
    m_accountName = new QLineEdit(page);
    m_userName = new QLineEdit(page);
    m_imapHost = new QLineEdit(page);
    m_imapPort = new QSpinBox(page);
    m_imapPort->setRange(1, 65535);
    m_imapPort->setValue(993);
    m_imapSecurity = securityBox(page);
    m_smtpHost = new QLineEdit(page);
    m_smtpPort = new QSpinBox(page);
    m_smtpPort->setRange(1, 65535);
    m_smtpPort->setValue(465);
    m_smtpSecurity = securityBox(page);
    auto row = [page](QWidget *host, QWidget *port, QWidget *security) {
        auto *w = new QWidget(page);
        auto *l = new QHBoxLayout(w);
        l->setContentsMargins(0, 0, 0, 0);
        l->addWidget(host, 1);
        l->addWidget(port);
        l->addWidget(security);
        return w;
    };
    auto *form = new QFormLayout(page);
    form->addRow(m_discoveryStatus);
    form->addRow(tr("&Found:"), m_candidateBox);
    form->addRow(tr("Incoming (&IMAP):"), row(m_imapHost, m_imapPort, m_imapSecurity));
    form->addRow(tr("Outgoing (&SMTP):"), row(m_smtpHost, m_smtpPort, m_smtpSecurity));
    form->addRow(tr("&User name:"), m_userName);
    form->addRow(tr("Account &label:"), m_accountName);
    connect(m_candidateBox, &QComboBox::activated, this, &AccountAssistant::useCandidate);
    page->complete = [this] {
        return !m_imapHost->text().trimmed().isEmpty() && !m_smtpHost->text().trimmed().isEmpty()
            && !m_userName->text().trimmed().isEmpty() && !m_accountName->text().trimmed().isEmpty();
    };
    for (QLineEdit *field : {m_imapHost, m_smtpHost, m_userName, m_accountName})
        connect(field, &QLineEdit::textChanged, page, &QWizardPage::completeChanged);
    page->onEnter = [this] { startDiscovery(); };
    return page;
}

QWizardPage *AccountAssistant::createTestPage()
{
    auto *page = new CheckedPage(this);
    page->setTitle(tr("Test the connection"));
    page->setSubTitle(tr("Mailtrail logs in to both servers once to check the settings."));
    m_testButton = new QPushButton(tr("&Test Connection"), page);
    m_testButton->setObjectName(QStringLiteral("testButton"));
    m_testResult = new QLabel(tr("Not tested yet."), page);
    m_testResult->setObjectName(QStringLiteral("testResult"));
    m_testResult->setWordWrap(true);
    // Finish needs a passed test; setting up an account offline needs saying so.
    m_addAnyway = new QCheckBox(tr("&Add the account anyway (the settings are checked at the first sync)"), page);
    m_addAnyway->setObjectName(QStringLiteral("addAnyway"));
    m_addAnyway->hide();
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_testButton, 0, Qt::AlignLeft);
    layout->addWidget(m_testResult);
    layout->addWidget(m_addAnyway);
    layout->addStretch();
    connect(m_testButton, &QPushButton::clicked, this, &AccountAssistant::testConnection);
    connect(m_addAnyway, &QCheckBox::toggled, page, &QWizardPage::completeChanged);
    page->complete = [this] { return !m_testing && (m_testedOk || !m_tester || m_addAnyway->isChecked()); };
    page->onEnter = [this] { testConnection(); };
    m_testPage = page;
    return page;
}

void AccountAssistant::startDiscovery()
{
    const QString address = m_address->text().trimmed();
    if (m_accountName->text().isEmpty())
        m_accountName->setText(address);
    if (m_userName->text().isEmpty())
        m_userName->setText(address);
    if (address == m_discoveredFor)
        return;
    m_discoveredFor = address;
    m_candidates.clear();
    m_candidateBox->clear();
    m_discoveryStatus->setText(tr("Looking up the settings for %1…").arg(address));
    m_discovery->discover(address);
}

void AccountAssistant::onDiscovered(const QList<ServerSettings> &candidates)
{
    m_candidates = candidates;
    m_candidateBox->clear();
    const auto sourceLabel = [this](const QString &source) {
        if (source == QLatin1String("autoconfig"))
            return tr("published by the provider");
        if (source == QLatin1String("DNS SRV"))
            return tr("from DNS");
        return tr("guess");
    };
    for (const ServerSettings &s : candidates)
        m_candidateBox->addItem(tr("%1 and %2 (%3)").arg(s.imap.toString(), s.smtp.toString(), sourceLabel(s.source)));
    if (candidates.isEmpty()) {
        m_discoveryStatus->setText(tr("No settings were found for this address. Enter them by hand."));
        return;
    }
    m_discoveryStatus->setText(candidates.first().source == QLatin1String("guess")
                                   ? tr("Your provider publishes no settings; these are common guesses.")
                                   : tr("Settings found (%1).").arg(sourceLabel(candidates.first().source)));
    useCandidate(0);
}

void AccountAssistant::useCandidate(int index)
{
    if (index < 0 || index >= m_candidates.size())
        return;
    const ServerSettings &s = m_candidates.at(index);
    m_candidateBox->setCurrentIndex(index);
    m_imapHost->setText(s.imap.host);
    m_imapPort->setValue(s.imap.port);
    m_imapSecurity->setCurrentIndex(m_imapSecurity->findData(int(s.imap.security)));
    m_smtpHost->setText(s.smtp.host);
    m_smtpPort->setValue(s.smtp.port);
    m_smtpSecurity->setCurrentIndex(m_smtpSecurity->findData(int(s.smtp.security)));
    if (!s.userName.isEmpty())
        m_userName->setText(s.userName);
}

Store::Account AccountAssistant::account() const
{
    Store::Account a;
    a.name = m_accountName->text().trimmed();
    a.displayName = m_name->text().trimmed();
    a.email = m_address->text().trimmed();
    a.userName = m_userName->text().trimmed();
    a.imap = {m_imapHost->text().trimmed(), quint16(m_imapPort->value()),
              Store::Security(m_imapSecurity->currentData().toInt())};
    a.smtp = {m_smtpHost->text().trimmed(), quint16(m_smtpPort->value()),
              Store::Security(m_smtpSecurity->currentData().toInt())};
    a.pinnedFingerprints = m_pins;
    // Reports do not clutter the inbox: recorded ones go to "Receipts" (created when missing;
    // Settings or `mailtrail-cli account set --receipts-folder none` turn it off).
    a.receiptsFolder = QStringLiteral("Receipts");
    return a;
}

QString AccountAssistant::password() const
{
    return m_password->text();
}

void AccountAssistant::testConnection()
{
    if (!m_tester) {
        m_testResult->setText(tr("Testing is not available here; the settings are checked at the first sync."));
        return;
    }
    m_testButton->setEnabled(false);
    m_testing = true;
    m_testedOk = false;
    if (m_testPage)
        Q_EMIT m_testPage->completeChanged();
    m_testResult->setText(tr("Connecting to %1 and %2…").arg(m_imapHost->text(), m_smtpHost->text()));
    QPointer<AccountAssistant> self(this);
    m_tester(account(), password(), [self](const ConnectionTestResult &result) {
        if (self)
            self->onTested(result);
    });
}

void AccountAssistant::onTested(const ConnectionTestResult &result)
{
    m_testButton->setEnabled(true);
    m_testing = false;
    m_testedOk = result.ok;
    m_dsnSupported = result.dsnSupported;
    m_addAnyway->setVisible(!result.ok);
    if (m_testPage)
        Q_EMIT m_testPage->completeChanged();
    if (result.ok) {
        m_testResult->setText(result.dsnSupported
                                  ? tr("Both servers accepted the settings.")
                                  : tr("Both servers accepted the settings. Note: the outgoing server does not "
                                       "offer delivery reports, so Mailtrail can only show that it accepted your mail."));
        return;
    }
    if (result.certificate) {
        m_testResult->setText(tr("The certificate of %1 is not trusted.").arg(result.certificate->host));
        auto *dialog = new CertificateDialog(*result.certificate, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        const QString pin = Store::normalizeFingerprint(Net::fingerprintToHex(result.certificate->sha256));
        connect(dialog, &CertificateDialog::decided, this, [this, pin](Net::CertificateDecision decision) {
            if (decision == Net::CertificateDecision::Reject) {
                m_testResult->setText(tr("The certificate was rejected, so Mailtrail will not connect to this server."));
                return;
            }
            if (!pin.isEmpty() && !m_pins.contains(pin))
                m_pins.append(pin);
            testConnection();
        });
        dialog->open();
        Q_EMIT certificateDialogOpened(dialog);
        return;
    }
    m_testResult->setText(tr("The test failed: %1").arg(result.error));
}

} // namespace Mailtrail::Ui
