// SPDX-License-Identifier: GPL-3.0-or-later
#include "ComposerDialog.h"

#include "AddressInput.h"
#include "MailtoUrl.h"
#include "ThemeIcons.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyle>
#include <QCloseEvent>
#include <QTextCursor>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace Mailtrail::Ui {

namespace {
constexpr qint64 maxAttachmentSize = 100 * 1024 * 1024;
}

ComposerDialog::ComposerDialog(const QList<SendIdentity> &identities, QWidget *parent)
    : QDialog(parent)
    , m_identities(identities)
    , m_identity(new QComboBox(this))
    , m_to(new AddressLineEdit(this))
    , m_cc(new AddressLineEdit(this))
    , m_bcc(new AddressLineEdit(this))
    , m_subject(new QLineEdit(this))
    , m_body(new QPlainTextEdit(this))
    , m_attachmentList(new QListWidget(this))
    , m_deliveryReport(new QCheckBox(tr("Request &delivery report"), this))
    , m_readReceipt(new QCheckBox(tr("Request &read receipt"), this))
    , m_warning(new QLabel(this))
    , m_error(new QLabel(this))
    , m_autosave(new QTimer(this))
{
    setObjectName(QStringLiteral("ComposerDialog"));
    setAcceptDrops(true);
    for (const SendIdentity &identity : identities)
        m_identity->addItem(tr("%1 (%2)").arg(identity.mailbox.toDisplayString(), identity.account));
    m_identity->setObjectName(QStringLiteral("from"));
    m_to->setObjectName(QStringLiteral("to"));
    m_cc->setObjectName(QStringLiteral("cc"));
    m_bcc->setObjectName(QStringLiteral("bcc"));
    m_subject->setObjectName(QStringLiteral("subject"));
    m_body->setObjectName(QStringLiteral("body"));
    m_to->setPlaceholderText(tr("Name <address>, …"));
    m_deliveryReport->setToolTip(tr("Ask the mail servers to report delivery or failure for every recipient (DSN)."));
    m_readReceipt->setToolTip(tr("Ask the recipients' mail programs to report when the message is read. "
                                 "They may decline."));

    auto *form = new QFormLayout;
    form->addRow(tr("&From:"), m_identity);
    form->addRow(tr("&To:"), m_to);
    form->addRow(tr("&Cc:"), m_cc);
    form->addRow(tr("&Bcc:"), m_bcc);
    form->addRow(tr("&Subject:"), m_subject);

    auto *toggles = new QHBoxLayout;
    toggles->addWidget(m_deliveryReport);
    toggles->addWidget(m_readReceipt);
    toggles->addStretch();

    m_warning->setObjectName(QStringLiteral("dsnWarning"));
    m_warning->setWordWrap(true);
    m_warning->setStyleSheet(QStringLiteral("QLabel { background: #fff4ce; padding: 4px; }"));
    m_warning->hide();
    m_error->setObjectName(QStringLiteral("composerError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("QLabel { background: #fde2e1; padding: 4px; }"));
    m_error->hide();

    m_attachmentList->setObjectName(QStringLiteral("composerAttachments"));
    m_attachmentList->setFlow(QListView::LeftToRight);
    m_attachmentList->setMaximumHeight(48);
    m_attachmentList->hide();
    auto *attachButton = new QPushButton(themeIcon(QStringLiteral("text-x-generic")), tr("&Attach…"), this);
    connect(attachButton, &QPushButton::clicked, this, &ComposerDialog::attachByDialog);
    auto *removeButton = new QPushButton(tr("Remove attachment"), this);
    removeButton->setEnabled(false);
    connect(m_attachmentList, &QListWidget::currentRowChanged, removeButton,
            [removeButton](int row) { removeButton->setEnabled(row >= 0); });
    connect(removeButton, &QPushButton::clicked, this, [this] {
        const int row = m_attachmentList->currentRow();
        if (row < 0)
            return;
        m_attachments.removeAt(row);
        delete m_attachmentList->takeItem(row);
        m_attachmentList->setVisible(!m_attachments.isEmpty());
    });

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *sendButton = buttons->addButton(tr("&Send"), QDialogButtonBox::AcceptRole);
    sendButton->setObjectName(QStringLiteral("sendButton"));
    sendButton->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    sendButton->setToolTip(tr("Send (Ctrl+Enter)"));
    auto *draftButton = new QPushButton(tr("Save &Draft"), this);
    draftButton->setObjectName(QStringLiteral("draftButton"));
    draftButton->setShortcut(QKeySequence::Save);
    draftButton->setToolTip(tr("Keep this message in Drafts (Ctrl+S)"));
    connect(draftButton, &QPushButton::clicked, this, [this] { saveDraft(); });
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] { send(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(toggles);
    layout->addWidget(m_warning);
    layout->addWidget(m_body, 1);
    layout->addWidget(m_attachmentList);
    layout->addWidget(m_error);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(attachButton);
    bottom->addWidget(removeButton);
    bottom->addWidget(draftButton);
    bottom->addStretch();
    bottom->addWidget(buttons);
    layout->addLayout(bottom);

    connect(m_identity, &QComboBox::currentIndexChanged, this, &ComposerDialog::identityChanged);
    // A warning about an address goes away as soon as the addresses are right.
    for (AddressLineEdit *field : {m_to, m_cc, m_bcc}) {
        connect(field, &QLineEdit::textChanged, this, [this] {
            if (!m_addressError || m_error->isHidden())
                return;
            QString bad;
            for (const AddressLineEdit *f : {m_to, m_cc, m_bcc})
                (void)parseAddressList(f->text(), &bad);
            if (bad.isEmpty()) {
                m_error->hide();
                m_addressError = false;
            }
        });
    }
    connect(m_deliveryReport, &QCheckBox::toggled, this, &ComposerDialog::updateDsnWarning);
    connect(m_subject, &QLineEdit::textChanged, this, &ComposerDialog::updateTitle);
    identityChanged();
    updateTitle();
    resize(720, 560);
    m_autosave->setObjectName(QStringLiteral("autosave"));
    m_autosave->setInterval(kAutosaveIntervalMs);
    connect(m_autosave, &QTimer::timeout, this, [this] {
        if (!m_identities.isEmpty() && isModified() && saveDraft())
            m_error->hide();
    });
    m_autosave->start();
    markSaved();
}

QString ComposerDialog::snapshot() const
{
    QStringList parts{QString::number(m_identity->currentIndex()), m_to->text(), m_cc->text(), m_bcc->text(),
                      m_subject->text(), m_body->toPlainText()};
    for (const Mime::OutgoingAttachment &a : m_attachments)
        parts << a.fileName << QString::number(a.data.size());
    return parts.join(QChar(0x1f));
}

bool ComposerDialog::isModified() const
{
    return snapshot() != m_saved;
}

bool ComposerDialog::mayClose()
{
    if (!isModified())
        return true;
    CloseChoice choice = CloseChoice::Cancel;
    if (m_askClose) {
        choice = m_askClose();
    } else {
        const auto answer = QMessageBox::question(
            this, tr("Save the draft?"),
            tr("This message has changes that are not saved. Save it as a draft?"),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        choice = answer == QMessageBox::Save      ? CloseChoice::Save
                 : answer == QMessageBox::Discard ? CloseChoice::Discard
                                                  : CloseChoice::Cancel;
    }
    switch (choice) {
    case CloseChoice::Save:
        return saveDraft();
    case CloseChoice::Discard:
        return true;
    case CloseChoice::Cancel:
        break;
    }
    return false;
}

void ComposerDialog::reject()
{
    if (m_closing || mayClose()) {
        m_closing = true;
        m_autosave->stop();
        QDialog::reject();
    }
}

void ComposerDialog::closeEvent(QCloseEvent *event)
{
    if (!m_closing && !mayClose()) {
        event->ignore();
        return;
    }
    m_closing = true;
    m_autosave->stop();
    QDialog::closeEvent(event);
}

void ComposerDialog::setKnownAddresses(const QStringList &addresses)
{
    for (AddressLineEdit *field : {m_to, m_cc, m_bcc})
        field->setKnownAddresses(addresses);
}

void ComposerDialog::setAccount(const QString &account)
{
    for (int i = 0; i < m_identities.size(); ++i) {
        if (m_identities.at(i).account == account)
            m_identity->setCurrentIndex(i);
    }
}

void ComposerDialog::setIdentity(int index)
{
    if (index >= 0 && index < m_identities.size())
        m_identity->setCurrentIndex(index);
}

void ComposerDialog::startBody(const QString &quoted)
{
    const int i = m_identity->currentIndex();
    m_signature = i >= 0 && i < m_identities.size() ? m_identities.at(i).signature : QString();
    const Mime::BodyLayout layout = Mime::layoutBody(quoted, m_signature, m_quotePosition);
    m_quoted = quoted.trimmed();
    m_tracksSignature = true;
    m_body->setPlainText(layout.text);
    QTextCursor cursor = m_body->textCursor();
    cursor.setPosition(int(layout.cursor));
    m_body->setTextCursor(cursor);
    m_body->ensureCursorVisible();
    if (!m_to->text().trimmed().isEmpty() || !m_quoted.isEmpty())
        m_body->setFocus();
    markSaved();
}

void ComposerDialog::swapSignature()
{
    const int i = m_identity->currentIndex();
    if (!m_tracksSignature || i < 0 || i >= m_identities.size())
        return;
    const QString next = m_identities.at(i).signature;
    QString text = m_body->toPlainText();
    // A signature where there was none goes after the user's text: before the blank line
    // above the quote, or at the end.
    qsizetype insertAt = text.size();
    if (m_quotePosition == Mime::QuotePosition::Above && !m_quoted.isEmpty()) {
        const qsizetype quote = text.indexOf(m_quoted);
        if (quote > 0)
            insertAt = quote - 1;
    }
    const int position = m_body->textCursor().position();
    if (!Mime::replaceSignature(text, m_signature, next, insertAt)) {
        m_tracksSignature = false; // the user made the signature theirs
        return;
    }
    m_signature = next;
    m_body->setPlainText(text);
    QTextCursor cursor = m_body->textCursor();
    cursor.setPosition(std::min(position, int(text.size())));
    m_body->setTextCursor(cursor);
}

void ComposerDialog::setMessage(const Mime::OutgoingMessage &message)
{
    m_base = message;
    m_tracksSignature = false;
    for (int i = 0; i < m_identities.size(); ++i) {
        if (!message.from.isEmpty()
            && m_identities.at(i).mailbox.address.compare(message.from.address, Qt::CaseInsensitive) == 0)
            m_identity->setCurrentIndex(i);
    }
    m_to->setText(formatAddressList(message.to));
    m_cc->setText(formatAddressList(message.cc));
    m_bcc->setText(formatAddressList(message.bcc));
    m_subject->setText(message.subject);
    m_body->setPlainText(message.plainText);
    m_attachments.clear();
    m_attachmentList->clear();
    for (const Mime::OutgoingAttachment &a : message.attachments) {
        m_attachments.append(a);
        new QListWidgetItem(themeIcon(QStringLiteral("text-x-generic")),
                            tr("%1 (%2)").arg(a.fileName, QLocale().formattedDataSize(a.data.size(), 0)),
                            m_attachmentList);
    }
    m_attachmentList->setVisible(!m_attachments.isEmpty());
    if (message.requestReadReceipt)
        m_readReceipt->setChecked(true);
    // Replies start in the body, new messages in To.
    if (!message.to.isEmpty()) {
        m_body->setFocus();
        m_body->moveCursor(QTextCursor::Start);
    }
    markSaved();
}

void ComposerDialog::setMailto(const MailtoFields &fields)
{
    Mime::OutgoingMessage message;
    message.to = parseAddressList(fields.to.join(QStringLiteral(", ")));
    message.cc = parseAddressList(fields.cc.join(QStringLiteral(", ")));
    message.bcc = parseAddressList(fields.bcc.join(QStringLiteral(", ")));
    message.subject = fields.subject;
    message.plainText = fields.body;
    if (!fields.inReplyTo.isEmpty())
        message.inReplyTo = fields.inReplyTo.toUtf8();
    setMessage(message);
}

QString ComposerDialog::addAttachment(const QString &path)
{
    const QFileInfo info(path);
    if (!info.isFile())
        return tr("%1 is not a file.").arg(path);
    if (info.size() > maxAttachmentSize)
        return tr("%1 is too large to attach (%2).").arg(info.fileName(), QLocale().formattedDataSize(info.size()));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return tr("Cannot read %1: %2").arg(path, file.errorString());
    Mime::OutgoingAttachment attachment;
    attachment.fileName = info.fileName();
    attachment.data = file.readAll();
    m_attachments.append(attachment);
    new QListWidgetItem(themeIcon(QStringLiteral("text-x-generic")),
                        tr("%1 (%2)").arg(attachment.fileName, QLocale().formattedDataSize(attachment.data.size(), 0)),
                        m_attachmentList);
    m_attachmentList->show();
    return {};
}

void ComposerDialog::attachByDialog()
{
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Attach Files"));
    for (const QString &path : paths) {
        if (const QString error = addAttachment(path); !error.isEmpty()) {
            m_error->setText(error);
            m_error->show();
        }
    }
}

void ComposerDialog::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void ComposerDialog::dropEvent(QDropEvent *event)
{
    QStringList errors;
    for (const QUrl &url : event->mimeData()->urls()) {
        if (!url.isLocalFile()) {
            errors << tr("Only local files can be attached: %1").arg(url.toDisplayString());
            continue;
        }
        if (const QString error = addAttachment(url.toLocalFile()); !error.isEmpty())
            errors << error;
    }
    m_error->setText(errors.join(QLatin1Char('\n')));
    m_error->setVisible(!errors.isEmpty());
    event->acceptProposedAction();
}

void ComposerDialog::identityChanged()
{
    const int i = m_identity->currentIndex();
    if (i < 0 || i >= m_identities.size())
        return;
    m_deliveryReport->setChecked(m_identities.at(i).requestDeliveryReportByDefault);
    if (!m_base.requestReadReceipt)
        m_readReceipt->setChecked(m_identities.at(i).requestReadReceiptByDefault);
    updateDsnWarning();
    swapSignature();
}

void ComposerDialog::updateDsnWarning()
{
    const int i = m_identity->currentIndex();
    const bool lacksDsn = i >= 0 && i < m_identities.size() && !m_identities.at(i).dsnSupported;
    m_warning->setText(tr("The outgoing server of this account did not offer delivery reports (DSN) last time. "
                          "Mailtrail will only know whether the server accepted the message."));
    m_warning->setVisible(lacksDsn && m_deliveryReport->isChecked());
}

void ComposerDialog::updateTitle()
{
    setWindowTitle(m_subject->text().trimmed().isEmpty() ? tr("New Message")
                                                         : tr("%1 — Compose").arg(m_subject->text().trimmed()));
}

OutgoingRequest ComposerDialog::request(QString *error) const
{
    OutgoingRequest out;
    const int i = m_identity->currentIndex();
    if (i < 0 || i >= m_identities.size()) {
        *error = tr("There is no account to send from. Add an account first.");
        return out;
    }
    out.account = m_identities.at(i).account;
    out.requestDeliveryReport = m_deliveryReport->isChecked();
    out.message = m_base;
    out.message.from = m_identities.at(i).mailbox;
    if (out.message.replyTo.isEmpty() && !m_identities.at(i).replyTo.isEmpty())
        out.message.replyTo = {{QString(), m_identities.at(i).replyTo}};
    out.draftId = m_draftId;
    out.draftMessageId = m_draftMessageId;
    QString bad;
    out.message.to = parseAddressList(m_to->text(), &bad);
    out.message.cc = parseAddressList(m_cc->text(), &bad);
    out.message.bcc = parseAddressList(m_bcc->text(), &bad);
    out.message.subject = m_subject->text().trimmed();
    out.message.plainText = m_body->toPlainText();
    out.message.attachments = m_attachments;
    out.message.requestReadReceipt = m_readReceipt->isChecked();
    if (!bad.isEmpty()) {
        *error = tr("“%1” is not an e-mail address.").arg(bad);
        return out;
    }
    if (out.message.to.isEmpty() && out.message.cc.isEmpty() && out.message.bcc.isEmpty()) {
        *error = tr("Add at least one recipient.");
        return out;
    }
    error->clear();
    return out;
}

bool ComposerDialog::saveDraft()
{
    QString error;
    OutgoingRequest draft = request(&error);
    if (draft.account.isEmpty()) {
        m_error->setText(error);
        m_error->show();
        return false;
    }
    m_error->hide();
    // A draft may lack recipients; the builder needs one, and Bcc never reaches a header.
    if (draft.message.to.isEmpty() && draft.message.cc.isEmpty() && draft.message.bcc.isEmpty())
        draft.message.bcc = {draft.message.from};
    Q_EMIT draftSaveRequested(draft);
    markSaved();
    return true;
}

bool ComposerDialog::send()
{
    if (m_sendCheck && !m_sendCheck())
        return false;
    QString error;
    const OutgoingRequest outgoing = request(&error);
    if (!error.isEmpty()) {
        m_error->setText(error);
        m_error->show();
        QString bad;
        for (const AddressLineEdit *f : {m_to, m_cc, m_bcc})
            (void)parseAddressList(f->text(), &bad);
        m_addressError = !bad.isEmpty();
        return false;
    }
    m_error->hide();
    const auto confirm = [this](const QString &title, const QString &question) {
        if (m_confirm)
            return m_confirm(title, question);
        return QMessageBox::question(this, title, question, QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
            == QMessageBox::Yes;
    };
    const int i = m_identity->currentIndex();
    if (outgoing.requestDeliveryReport && !m_identities.at(i).dsnSupported
        && !confirm(tr("No delivery reports"),
                    tr("The outgoing server of %1 does not offer delivery reports. "
                       "You will only know that the server accepted the message.\n\nSend anyway?")
                        .arg(outgoing.account)))
        return false;
    if (outgoing.message.subject.isEmpty()
        && !confirm(tr("No subject"), tr("Send this message without a subject?")))
        return false;
    Q_EMIT sendRequested(outgoing);
    m_closing = true; // sent: nothing left to save
    m_autosave->stop();
    accept();
    return true;
}

} // namespace Mailtrail::Ui
