// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mime/OutgoingMessage.h"

#include <QDialog>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;

namespace Mailtrail::Ui {

class AddressLineEdit;
struct MailtoFields;

/// An identity the user can send as: the account and its address, whether its submission
/// server offers DSN (RFC 3461; from the account's last submission) and the account's
/// defaults for the two tracking toggles.
struct SendIdentity
{
    QString account;
    Mime::Mailbox mailbox;
    bool dsnSupported = true;
    bool requestDeliveryReportByDefault = true;
    bool requestReadReceiptByDefault = false;
};

/// What the composer hands over when the user sends: the message and what to track. The
/// outbox takes it from here (it records the tracking keys and submits).
struct OutgoingRequest
{
    QString account;
    Mime::OutgoingMessage message;
    bool requestDeliveryReport = true; ///< NOTIFY=SUCCESS,FAILURE,DELAY for every recipient
    qint64 draftId = 0; ///< the draft this message was edited from (removed once sent)
};

/// The composer: identity, To/Cc/Bcc with completion from addresses seen, subject, plain
/// text, attachments (button or drag and drop), and the delivery-report / read-receipt
/// toggles. Send checks the input, warns when the server cannot report delivery, and emits
/// sendRequested; the dialog then closes.
class ComposerDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ComposerDialog(const QList<SendIdentity> &identities, QWidget *parent = nullptr);

    void setKnownAddresses(const QStringList &addresses);
    /// Prefills from a reply, reply-all or forward (Mime::ReplyComposer) or a draft.
    void setMessage(const Mime::OutgoingMessage &message);
    void setMailto(const MailtoFields &fields);
    /// Selects the identity of @p account (e.g. the account a reply comes from).
    void setAccount(const QString &account);
    /// Adds a file as an attachment. Returns an error in words, empty on success.
    QString addAttachment(const QString &path);

    /// Asks a yes/no question before sending (no DSN, no subject); defaults to a message
    /// box. Returns true to send anyway.
    using Confirm = std::function<bool(const QString &title, const QString &question)>;
    void setConfirmation(Confirm confirm) { m_confirm = std::move(confirm); }
    /// Runs first when the user sends (e.g. RecipientAdvice asking about recipients that
    /// failed before; it may change the fields). Returns false to send nothing.
    using SendCheck = std::function<bool()>;
    void setSendCheck(SendCheck check) { m_sendCheck = std::move(check); }

    /// Checks the input and builds the request; empty @p error when it can be sent.
    [[nodiscard]] OutgoingRequest request(QString *error) const;
    /// Sends: checks, warns (DSN), emits sendRequested and accepts the dialog. Returns
    /// false (with the reason shown in the dialog) when nothing was sent.
    bool send();
    /// Save Draft: emits draftSaveRequested (recipients are optional). False when there is
    /// no account to keep it for.
    bool saveDraft();
    /// The local draft this composer edits (0: not saved yet).
    [[nodiscard]] qint64 draftId() const { return m_draftId; }
    void setDraftId(qint64 id) { m_draftId = id; }

    // For tests.
    [[nodiscard]] AddressLineEdit *toField() const { return m_to; }
    [[nodiscard]] AddressLineEdit *ccField() const { return m_cc; }
    [[nodiscard]] AddressLineEdit *bccField() const { return m_bcc; }
    [[nodiscard]] QLineEdit *subjectField() const { return m_subject; }
    [[nodiscard]] QPlainTextEdit *bodyField() const { return m_body; }
    [[nodiscard]] QComboBox *identityBox() const { return m_identity; }
    [[nodiscard]] QCheckBox *deliveryReportBox() const { return m_deliveryReport; }
    [[nodiscard]] QCheckBox *readReceiptBox() const { return m_readReceipt; }
    [[nodiscard]] QListWidget *attachmentList() const { return m_attachmentList; }
    [[nodiscard]] QLabel *warningLabel() const { return m_warning; }

Q_SIGNALS:
    void sendRequested(const Mailtrail::Ui::OutgoingRequest &request);
    void draftSaveRequested(const Mailtrail::Ui::OutgoingRequest &request);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void identityChanged();
    void updateDsnWarning();
    void attachByDialog();
    void updateTitle();

    QList<SendIdentity> m_identities;
    QList<Mime::OutgoingAttachment> m_attachments;
    Mime::OutgoingMessage m_base; ///< threading headers and other fields the form does not show
    Confirm m_confirm;
    SendCheck m_sendCheck;
    qint64 m_draftId = 0;

    QComboBox *m_identity;
    AddressLineEdit *m_to;
    AddressLineEdit *m_cc;
    AddressLineEdit *m_bcc;
    QLineEdit *m_subject;
    QPlainTextEdit *m_body;
    QListWidget *m_attachmentList;
    QCheckBox *m_deliveryReport;
    QCheckBox *m_readReceipt;
    QLabel *m_warning;
    QLabel *m_error;
};

} // namespace Mailtrail::Ui

Q_DECLARE_METATYPE(Mailtrail::Ui::OutgoingRequest)
