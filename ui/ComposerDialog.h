// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mime/OutgoingMessage.h"
#include "mime/Signature.h"

#include <QDialog>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QTimer;

namespace Mailtrail::Ui {

class AddressLineEdit;
struct MailtoFields;

/// An identity the user can send as (Store::Identity): the account and its address, whether
/// its submission server offers DSN (RFC 3461; from the account's last submission), the
/// defaults for the two tracking toggles, its Reply-To and signature.
struct SendIdentity
{
    QString account;
    Mime::Mailbox mailbox;
    bool dsnSupported = true;
    bool requestDeliveryReportByDefault = true;
    bool requestReadReceiptByDefault = false;
    QString replyTo = {};   ///< an address, or empty
    QString signature = {}; ///< plain text without the "-- " line, or empty
};

/// What the composer hands over when the user sends: the message and what to track. The
/// outbox takes it from here (it records the tracking keys and submits).
struct OutgoingRequest
{
    QString account;
    Mime::OutgoingMessage message;
    bool requestDeliveryReport = true; ///< NOTIFY=SUCCESS,FAILURE,DELAY for every recipient
    qint64 draftId = 0; ///< the draft this message was edited from (removed once sent)
    /// The cached IMAP draft (Drafts folder) this message was reopened from: removed from the
    /// server once the message is sent. 0: none.
    qint64 draftMessageId = 0;
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
    /// Selects the identity at @p index of the list the composer was made with.
    void setIdentity(int index);
    /// Where replies and forwards put the user's text (and signature): above the quote or below.
    void setQuotePosition(Mime::QuotePosition position) { m_quotePosition = position; }
    /// Starts the body of a new message, reply or forward: an empty line for the user's text
    /// with the cursor on it, the identity's signature after it ("-- ", RFC 3676) and
    /// @p quoted (attribution and quote, or the forwarded block) above or below, one blank
    /// line between. Choosing another identity then swaps the signature while the user has
    /// not edited it.
    void startBody(const QString &quoted = {});
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
    /// What to do with unsaved changes when the composer is closed or cancelled.
    enum class CloseChoice { Save, Discard, Cancel };
    /// Asks it; defaults to a message box with Save, Discard and Cancel.
    using AskClose = std::function<CloseChoice()>;
    void setCloseQuestion(AskClose ask) { m_askClose = std::move(ask); }
    /// Whether the message changed since it was opened or last saved as a draft.
    [[nodiscard]] bool isModified() const;
    /// Cancel, Escape and closing the window: with unsaved changes, asks Save / Discard /
    /// Cancel first.
    void reject() override;
    /// Every 30 s, a changed message is saved as a draft (autosave).
    static constexpr int kAutosaveIntervalMs = 30000;

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
    /// The cached IMAP draft this composer edits (OutgoingRequest::draftMessageId).
    void setDraftMessageId(qint64 id) { m_draftMessageId = id; }

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
    [[nodiscard]] QTimer *autosaveTimer() const { return m_autosave; }

Q_SIGNALS:
    void sendRequested(const Mailtrail::Ui::OutgoingRequest &request);
    void draftSaveRequested(const Mailtrail::Ui::OutgoingRequest &request);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void identityChanged();
    void swapSignature();
    void updateDsnWarning();
    void attachByDialog();
    void updateTitle();
    /// The form's content, to tell whether it changed.
    [[nodiscard]] QString snapshot() const;
    void markSaved() { m_saved = snapshot(); }
    /// With unsaved changes, asks what to do; true when the composer may close.
    bool mayClose();

    QList<SendIdentity> m_identities;
    QList<Mime::OutgoingAttachment> m_attachments;
    Mime::OutgoingMessage m_base; ///< threading headers and other fields the form does not show
    Confirm m_confirm;
    SendCheck m_sendCheck;
    AskClose m_askClose;
    QString m_saved; ///< snapshot() when opened or last saved
    bool m_closing = false;
    bool m_addressError = false; ///< the error shown is about an address: fixing it hides it
    qint64 m_draftId = 0;
    qint64 m_draftMessageId = 0;
    Mime::QuotePosition m_quotePosition = Mime::QuotePosition::Above;
    bool m_tracksSignature = false; ///< startBody() put m_signature in; swap it with the identity
    QString m_signature;
    QString m_quoted;

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
    QTimer *m_autosave;
};

} // namespace Mailtrail::Ui

Q_DECLARE_METATYPE(Mailtrail::Ui::OutgoingRequest)
