// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mime/ParsedMessage.h"
#include "tracking/ReadReceiptPolicy.h"

#include <QByteArrayList>
#include <QWidget>

#include <memory>

class QLabel;
class QListWidget;
class QPushButton;
class QFrame;
class QTemporaryDir;

namespace Mailtrail::Ui {

class SafeTextBrowser;

/// Shows one received or sent message: its headers, its body (plain text, or HTML made
/// safe by Mime::HtmlSanitizer with remote content blocked until the user loads it), its
/// attachments (open / save) and, when the sender asks for a read receipt that the policy
/// leaves to the user, a Send / Ignore bar.
class MessageViewer : public QWidget
{
    Q_OBJECT
public:
    explicit MessageViewer(QWidget *parent = nullptr);
    ~MessageViewer() override;

    /// The read-receipt policy and identity of the account whose message is shown next.
    void setReceiptContext(const Tracking::ReadReceiptPolicy &policy, const Tracking::ReceiptIdentity &me);
    /// Always load remote content (the user's setting); otherwise one message at a time.
    void setRemoteContentAlwaysAllowed(bool allowed) { m_alwaysAllowRemote = allowed; }

    /// Shows a message from its raw bytes. @p flags are its IMAP flags ($MDNSent matters).
    void setMessage(const QByteArray &raw, const QByteArrayList &flags = {});
    /// Shows a sentence instead of a message (nothing selected, body not downloaded yet).
    void showPlaceholder(const QString &text);
    void loadRemoteContent();

    /// Writes attachment @p index to @p path. Returns an error in words, empty on success.
    [[nodiscard]] QString saveAttachment(int index, const QString &path) const;
    [[nodiscard]] const Mime::ParsedMessage *message() const { return m_message.get(); }

    // For the main window and tests.
    [[nodiscard]] SafeTextBrowser *bodyView() const { return m_body; }
    [[nodiscard]] QLabel *headerLabel() const { return m_headers; }
    [[nodiscard]] QFrame *remoteBar() const { return m_remoteBar; }
    [[nodiscard]] QFrame *receiptBar() const { return m_receiptBar; }
    /// Over a delivery report or read receipt that was matched to a sent mail: "Delivery report
    /// for “Subject” → show tracking" (empty @p subjectOfSent: hidden). Cleared by setMessage().
    void setReportLink(const QString &subjectOfSent, bool readReceipt);
    [[nodiscard]] QLabel *reportLink() const { return m_reportLink; }
    [[nodiscard]] QListWidget *attachmentList() const { return m_attachments; }
    [[nodiscard]] Tracking::ReceiptDecision receiptDecision() const { return m_receipt; }

Q_SIGNALS:
    /// The user (or the "always" policy) wants a read receipt sent for this message.
    void readReceiptRequested(const QByteArray &messageId, const QString &sendTo, bool automatic);
    /// The user declined; the caller should remember it ($MDNSent) so nobody asks again.
    void readReceiptIgnored(const QByteArray &messageId);
    /// A link in the body was clicked (the caller decides whether to open it).
    void linkActivated(const QUrl &url);
    /// Errors in plain words, for the window's message bar.
    void errorOccurred(const QString &text);
    /// The user followed the report link: show the tracking of the sent mail.
    void reportTrackingRequested();

private:
    void render();
    void updateReceiptBar(const QByteArrayList &flags);
    void openAttachment();
    void askSaveAttachment();
    [[nodiscard]] QString headerHtml() const;

    std::unique_ptr<Mime::ParsedMessage> m_message;
    QList<const Mime::MessagePart *> m_attachmentParts;
    Tracking::ReadReceiptPolicy m_policy;
    Tracking::ReceiptIdentity m_me;
    Tracking::ReceiptDecision m_receipt;
    bool m_alwaysAllowRemote = false;
    bool m_remoteAllowedForMessage = false;
    std::unique_ptr<QTemporaryDir> m_openDir;

    QLabel *m_headers;
    QLabel *m_reportLink;
    QFrame *m_remoteBar;
    QLabel *m_remoteText;
    QFrame *m_receiptBar;
    QLabel *m_receiptText;
    SafeTextBrowser *m_body;
    QListWidget *m_attachments;
    QPushButton *m_open;
    QPushButton *m_save;
};

} // namespace Mailtrail::Ui
