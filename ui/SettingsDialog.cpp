// SPDX-License-Identifier: GPL-3.0-or-later
#include "SettingsDialog.h"

#include "AccountEditor.h"
#include "SentElsewhereSettingsEditor.h"
#include "store/Identity.h"
#include "sync/SentElsewhere.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace Mailtrail::Ui {

namespace {

QComboBox *modeBox(QWidget *parent)
{
    auto *box = new QComboBox(parent);
    box->addItem(QCoreApplication::translate("SettingsDialog", "Never send"), int(Tracking::ReceiptMode::Never));
    box->addItem(QCoreApplication::translate("SettingsDialog", "Ask me"), int(Tracking::ReceiptMode::Ask));
    box->addItem(QCoreApplication::translate("SettingsDialog", "Always send"), int(Tracking::ReceiptMode::Always));
    return box;
}

QDoubleSpinBox *hoursBox(QWidget *parent, std::chrono::seconds value, const QString &zeroText = {})
{
    auto *box = new QDoubleSpinBox(parent);
    box->setRange(0, 24 * 30);
    box->setDecimals(1);
    box->setSuffix(QCoreApplication::translate("SettingsDialog", " h"));
    box->setValue(double(value.count()) / 3600);
    if (!zeroText.isEmpty())
        box->setSpecialValueText(zeroText);
    return box;
}

std::chrono::seconds seconds(const QDoubleSpinBox *box)
{
    return std::chrono::seconds(qint64(box->value() * 3600));
}

} // namespace

SettingsDialog::SettingsDialog(const AppSettings &settings, const Store::Database &database, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_database(database)
    , m_book(database.connection())
{
    setObjectName(QStringLiteral("SettingsDialog"));
    setWindowTitle(tr("Configure Mailtrail"));
    auto *tabs = new QTabWidget(this);
    tabs->addTab(createAccountsPage(), tr("Accounts"));
    tabs->addTab(createTrackingPage(), tr("Tracking"));
    tabs->addTab(createReceiptsPage(), tr("Read Receipts"));
    tabs->addTab(createPrivacyPage(), tr("Privacy"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (const QString error = applyAccounts(); !error.isEmpty()) {
            QMessageBox::warning(this, windowTitle(), error);
            return;
        }
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(buttons);
    reloadAccounts();
    resize(620, 440);
}

QWidget *SettingsDialog::createAccountsPage()
{
    auto *page = new QWidget(this);
    m_accounts = new QListWidget(page);
    m_accountDetails = new QLabel(page);
    m_accountDetails->setWordWrap(true);
    m_accountReceipts = modeBox(page);
    auto *add = new QPushButton(tr("&Add Account…"), page);
    auto *edit = new QPushButton(tr("&Edit…"), page);
    edit->setObjectName(QStringLiteral("editAccount"));
    auto *remove = new QPushButton(tr("&Remove"), page);
    connect(add, &QPushButton::clicked, this, &SettingsDialog::addAccountRequested);
    connect(edit, &QPushButton::clicked, this, [this] {
        if (QListWidgetItem *item = m_accounts->currentItem())
            editAccount(item->text());
    });
    connect(m_accounts, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) { editAccount(item->text()); });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (QListWidgetItem *item = m_accounts->currentItem())
            if (const QString error = removeAccount(item->text()); !error.isEmpty())
                QMessageBox::warning(this, windowTitle(), error);
    });
    connect(m_accounts, &QListWidget::currentRowChanged, this, &SettingsDialog::showAccount);
    connect(m_accountReceipts, &QComboBox::activated, this, [this] {
        if (QListWidgetItem *item = m_accounts->currentItem())
            m_receiptModes.insert(item->text(), m_accountReceipts->currentIndex());
    });
    m_accountOfflineDays = new QSpinBox(page);
    m_accountOfflineDays->setObjectName(QStringLiteral("offlineDays"));
    m_accountOfflineDays->setRange(0, 36500);
    m_accountOfflineDays->setSuffix(tr(" days"));
    m_accountOfflineDays->setSpecialValueText(tr("headers only"));
    m_accountOfflineDays->setToolTip(tr("Bodies of these messages are downloaded in the background after each "
                                        "check, so they can be read and searched offline."));
    connect(m_accountOfflineDays, &QSpinBox::valueChanged, this, [this](int days) {
        if (QListWidgetItem *item = m_accounts->currentItem())
            m_offlineDays.insert(item->text(), days);
    });
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(edit);
    buttons->addWidget(remove);
    buttons->addStretch();
    auto *top = new QHBoxLayout;
    top->addWidget(m_accounts, 1);
    top->addLayout(buttons);
    auto *form = new QFormLayout;
    form->addRow(m_accountDetails);
    form->addRow(tr("When a sender asks for a &read receipt:"), m_accountReceipts);
    form->addRow(tr("&Keep messages of the last:"), m_accountOfflineDays);
    m_sentElsewhere = new SentElsewhereSettingsEditor(Sync::SentElsewhere(m_database.connection()), page);
    form->addRow(SentElsewhereSettingsEditor::labelText(), m_sentElsewhere);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(top, 1);
    layout->addLayout(form);
    return page;
}

QWidget *SettingsDialog::createTrackingPage()
{
    auto *page = new QWidget(this);
    m_dsnHours = hoursBox(page, m_settings.deadlines.dsnDeadline);
    m_delayHours = hoursBox(page, m_settings.deadlines.delayGrace);
    m_readHours = hoursBox(page, m_settings.deadlines.readReceiptDeadline, tr("never overdue"));
    m_defaultDsn = new QCheckBox(tr("Request a &delivery report for new messages"), page);
    m_defaultDsn->setChecked(m_settings.requestDeliveryReportByDefault);
    m_defaultMdn = new QCheckBox(tr("Request a read &receipt for new messages"), page);
    m_defaultMdn->setChecked(m_settings.requestReadReceiptByDefault);
    m_replyBelow = new QCheckBox(tr("Write replies &below the quoted text (default: above it)"), page);
    m_replyBelow->setObjectName(QStringLiteral("replyBelowQuote"));
    m_replyBelow->setChecked(m_settings.replyBelowQuote);
    m_moveReports = new QCheckBox(tr("&Move reports to a folder after recording them:"), page);
    m_moveReports->setChecked(m_settings.moveReportsToReceiptsFolder);
    m_receiptsFolder = new QLineEdit(m_settings.receiptsFolder, page);
    m_receiptsFolder->setEnabled(m_moveReports->isChecked());
    connect(m_moveReports, &QCheckBox::toggled, m_receiptsFolder, &QWidget::setEnabled);
    m_notifications = new QCheckBox(tr("Show a desktop &notification when a message fails, is delayed or is read"), page);
    m_notifications->setChecked(m_settings.notifications);
    auto *form = new QFormLayout(page);
    form->addRow(m_defaultDsn);
    form->addRow(m_defaultMdn);
    form->addRow(m_replyBelow);
    form->addRow(tr("Overdue when no delivery report came &within:"), m_dsnHours);
    form->addRow(tr("Overdue after a delay report plus:"), m_delayHours);
    form->addRow(tr("Overdue when no read receipt came within:"), m_readHours);
    form->addRow(m_moveReports, m_receiptsFolder);
    form->addRow(m_notifications);
    return page;
}

QWidget *SettingsDialog::createReceiptsPage()
{
    auto *page = new QWidget(this);
    m_notAddressed = modeBox(page);
    m_notAddressed->setCurrentIndex(m_notAddressed->findData(int(m_settings.receiptsWhenNotAddressed)));
    m_outsideDomain = modeBox(page);
    m_outsideDomain->setCurrentIndex(m_outsideDomain->findData(int(m_settings.receiptsOutsideDomain)));
    auto *note = new QLabel(tr("Each account has its own policy (see Accounts). These two cases are never "
                               "answered more readily than the account's policy says. Mailtrail never answers "
                               "automatically when the request looks forged (RFC 8098 §2.1), never answers a "
                               "report, and answers at most once per message."), page);
    note->setWordWrap(true);
    auto *form = new QFormLayout(page);
    form->addRow(note);
    form->addRow(tr("When I am not in To or Cc:"), m_notAddressed);
    form->addRow(tr("When the sender is outside my domain:"), m_outsideDomain);
    return page;
}

QWidget *SettingsDialog::createPrivacyPage()
{
    auto *page = new QWidget(this);
    m_remote = new QCheckBox(tr("Always load &remote content in HTML mail"), page);
    m_remote->setChecked(m_settings.loadRemoteContent);
    auto *note = new QLabel(tr("Remote images can tell the sender when and where you read a message. When this "
                               "is off, Mailtrail shows a bar to load them for one message."), page);
    note->setWordWrap(true);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_remote);
    layout->addWidget(note);
    layout->addStretch();
    return page;
}

void SettingsDialog::reloadAccounts()
{
    m_accounts->clear();
    for (const Store::Account &a : m_book.list()) {
        m_accounts->addItem(a.name);
        if (!m_receiptModes.contains(a.name))
            m_receiptModes.insert(a.name, int(a.readReceipts));
    }
    if (m_accounts->count() > 0)
        m_accounts->setCurrentRow(0);
    else
        m_accountDetails->setText(tr("No account yet."));
    if (m_accounts->count() == 0)
        m_sentElsewhere->showAccount({});
}

void SettingsDialog::showAccount(int row)
{
    if (row < 0)
        return;
    const auto account = m_book.find(m_accounts->item(row)->text());
    if (!account)
        return;
    m_accountDetails->setText(tr("%1 <%2>\nIncoming: %3\nOutgoing: %4")
                                  .arg(account->displayName, account->email, account->imap.toString(),
                                       account->smtp.toString()));
    m_accountReceipts->setCurrentIndex(m_receiptModes.value(account->name, int(account->readReceipts)));
    const QSignalBlocker blocker(m_accountOfflineDays);
    m_accountOfflineDays->setValue(
        m_offlineDays.value(account->name, m_book.offlineDays(*account)));
    m_sentElsewhere->showAccount(account->name);
}

QString SettingsDialog::applyAccounts()
{
    for (auto it = m_receiptModes.cbegin(); it != m_receiptModes.cend(); ++it) {
        const std::optional<Store::Account> account = m_book.find(it.key());
        if (!account || int(account->readReceipts) == it.value())
            continue;
        if (const QString error = m_book.setReadReceipts(account->name, Store::ReadReceipts(it.value()));
            !error.isEmpty())
            return tr("Cannot save the account %1: %2").arg(account->name, error);
        Q_EMIT accountsChanged();
    }
    for (auto it = m_offlineDays.cbegin(); it != m_offlineDays.cend(); ++it) {
        if (const std::optional<Store::Account> account = m_book.find(it.key()); account) {
            if (const QString error = m_book.setOfflineDays(*account, it.value()); !error.isEmpty())
                return tr("Cannot save the account %1: %2").arg(account->name, error);
        }
    }
    return m_sentElsewhere->apply();
}

QString SettingsDialog::removeAccount(const QString &name, bool confirmed)
{
    if (!confirmed
        && QMessageBox::question(this, tr("Remove Account"),
                                 tr("Remove the account %1 and its downloaded mail from this computer? "
                                    "Mail on the server and delivery evidence stay.").arg(name))
            != QMessageBox::Yes)
        return {};
    if (const QString error = m_book.remove(name); !error.isEmpty())
        return tr("Cannot remove the account %1: %2").arg(name, error);
    m_receiptModes.remove(name);
    m_offlineDays.remove(name);
    m_sentElsewhere->forget(name);
    reloadAccounts();
    Q_EMIT accountRemoved(name);
    Q_EMIT accountsChanged();
    return {};
}

AccountEditor *SettingsDialog::editAccount(const QString &name)
{
    const std::optional<Store::Account> account = m_book.find(name);
    if (!account)
        return nullptr;
    auto *editor = new AccountEditor(*account, m_book.identities(*account), this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &QDialog::accepted, this, [this, editor] {
        if (const QString error = saveEditedAccount(*editor); !error.isEmpty())
            QMessageBox::warning(this, windowTitle(), error);
    });
    editor->show();
    return editor;
}

QString SettingsDialog::saveEditedAccount(const AccountEditor &editor)
{
    Store::Account after = editor.account();
    // The read-receipt policy is edited on this page, not in the editor.
    if (const std::optional<Store::Account> before = m_book.findById(after.id))
        after.readReceipts = Store::ReadReceipts(m_receiptModes.value(after.name, int(before->readReceipts)));
    if (const QString error = m_book.saveEdited(after, editor.identities(), editor.removedIdentities());
        !error.isEmpty())
        return error;
    if (!editor.password().isEmpty())
        Q_EMIT passwordChanged(after.name, editor.password());
    showAccount(m_accounts->currentRow());
    Q_EMIT accountsChanged();
    return {};
}

AppSettings SettingsDialog::settings() const
{
    AppSettings a = m_settings;
    a.deadlines.dsnDeadline = seconds(m_dsnHours);
    a.deadlines.delayGrace = seconds(m_delayHours);
    a.deadlines.readReceiptDeadline = seconds(m_readHours);
    a.requestDeliveryReportByDefault = m_defaultDsn->isChecked();
    a.requestReadReceiptByDefault = m_defaultMdn->isChecked();
    a.replyBelowQuote = m_replyBelow->isChecked();
    a.moveReportsToReceiptsFolder = m_moveReports->isChecked();
    a.receiptsFolder = m_receiptsFolder->text().trimmed();
    a.notifications = m_notifications->isChecked();
    a.receiptsWhenNotAddressed = Tracking::ReceiptMode(m_notAddressed->currentData().toInt());
    a.receiptsOutsideDomain = Tracking::ReceiptMode(m_outsideDomain->currentData().toInt());
    a.loadRemoteContent = m_remote->isChecked();
    return a;
}

} // namespace Mailtrail::Ui
