// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AccountAssistant.h"
#include "ComposerDialog.h"
#include "DeliveryNotifier.h"

#include <QMainWindow>
#include <QPointer>

class QSplitter;

class QVBoxLayout;

namespace Mailtrail::Ui {

class AppContext;
class DeliveryPanel;
class FolderActions;
class FolderPane;
class MessageActions;
class MessageBar;
class MessageListPane;
class MessageViewer;
class SearchPane;

/// The main window: it only lays out and wires the panes (folders, message list, viewer,
/// delivery panel, message bar) over an AppContext, and owns the window's actions.
/// Work that leaves the window (sending, syncing) goes out through signals.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    /// @p context must be open and outlive the window.
    explicit MainWindow(AppContext &context, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens the composer, prefilled with @p prefill (empty: a new message).
    ComposerDialog *compose(const Mime::OutgoingMessage &prefill = {});
    /// Opens the composer from a mailto: URL (RFC 6068); a bad URL is reported in the window.
    ComposerDialog *openMailto(const QString &url);
    /// "Resend to failed recipients…" (issue #18): a composer with the original text and
    /// attachments addressed to the recipients of @p sentMessageId that failed, each failure
    /// shown; nullptr (and the reason in the message bar) when there is nothing to resend.
    ComposerDialog *resendToFailed(qint64 sentMessageId);
    /// Re-reads folders, messages and tracking (after a sync or a send).
    void reload();
    /// The window's size, the splitters' positions and the list columns' widths, kept in the
    /// profile's settings.ini (none without a profile directory); saved when the window closes.
    void saveLayout() const;
    void restoreLayout();
    /// The viewer's and the delivery panel's heights while both are shown (empty: default).
    [[nodiscard]] QList<int> readingSizes() const { return m_readingSizes; }
    [[nodiscard]] QSplitter *readingSplitter() const { return m_readingSplitter; }
    /// Shows an error in plain words in the window's message bar.
    void showError(const QString &text);
    /// The "sign in again" bar for an OAuth2 account whose sign-in was refused (issue 14).
    void showSignInAgain(const QString &account, const QString &reason);
    [[nodiscard]] QWidget *signInAgainBar() const { return m_signInAgainBar; }
    /// The server refused an account's password: a bar asks for it again (issue 19), one per
    /// account however often a check fails meanwhile.
    void showPasswordBar(const QString &account, const QString &reason);
    /// The password bar of @p account, if it is shown.
    [[nodiscard]] class PasswordBar *passwordBar(const QString &account) const;
    /// A bar asks the user about @p account (a new password or a sign-in): errors of its
    /// checks say nothing new meanwhile.
    [[nodiscard]] bool isAskingAbout(const QString &account) const;

    [[nodiscard]] FolderPane *folderPane() const { return m_folders; }
    [[nodiscard]] MessageListPane *listPane() const { return m_list; }
    [[nodiscard]] MessageViewer *viewer() const { return m_viewer; }
    [[nodiscard]] DeliveryPanel *deliveryPanel() const { return m_panel; }
    [[nodiscard]] MessageBar *messageBar() const { return m_bar; }
    /// Mark, move, copy, delete, View Source and Print of the selected messages (issue 19).
    [[nodiscard]] MessageActions *messageActions() const { return m_messageActions; }
    /// New, rename and delete folders; messages dropped on the folder tree (issue 19).
    [[nodiscard]] FolderActions *folderActions() const { return m_folderActions; }
    /// The search of all mail (toolbar box, results in place of the list).
    [[nodiscard]] SearchPane *searchPane() const { return m_search; }
    [[nodiscard]] class AttentionWatcher *attentionWatcher() const { return m_attention; }
    /// Opens the settings dialog (non-modal); OK applies and saves.
    class SettingsDialog *openSettings();
    /// Opens the account assistant; a finished assistant adds the account.
    AccountAssistant *addAccount();
    /// How the assistant tests settings (wired by the application to core; none: no test).
    void setConnectionTester(ConnectionTester tester) { m_tester = std::move(tester); }
    /// Where delivery notifications go (default: the desktop's notification service).
    void setNotificationSink(std::function<void(const DeliveryNotification &)> sink) { m_notify = std::move(sink); }
    enum ReplyMode { Reply, ReplyAll, Forward };
    /// Replies to or forwards the message shown, from the identity it was addressed to; the
    /// cursor on an empty line above the quote (or below: AppSettings::replyBelowQuote).
    ComposerDialog *replyOrForward(int mode);
    /// Identities to send as: every account's own address, then its other identities.
    [[nodiscard]] QList<SendIdentity> identities() const;
    /// The body of @p messageId is in the cache now: shown if that message is still selected.
    void bodyArrived(qint64 messageId);
    /// The body of @p messageId cannot be had: @p text replaces it in the viewer.
    void bodyUnavailable(qint64 messageId, const QString &text);
    /// Opens the outbox window (queued, may-have-been-sent and failed mail).
    class OutboxDialog *openOutbox();
    /// Opens the draft shown in the viewer in the composer.
    ComposerDialog *editDraft();
    /// The cache id of the message shown in the viewer (0: none).
    [[nodiscard]] qint64 currentMessage() const { return m_currentMessage; }

Q_SIGNALS:
    /// The user sent a message: the outbox takes it from here.
    void sendRequested(const Mailtrail::Ui::OutgoingRequest &request);
    /// The user asked to check for new mail (F5).
    void syncRequested();
    /// The body of a cached message is needed and not downloaded yet.
    void bodyRequested(qint64 messageId);
    /// A read receipt should be sent for a received message (through the outbox).
    void readReceiptRequested(const QByteArray &messageId, const QString &sendTo, bool automatic);
    /// The same, by the cache id of the message shown (what Sync::ReadReceipts takes).
    void readReceiptSendRequested(qint64 messageId, bool automatic);
    /// The user declined the read receipt of the message shown.
    void readReceiptIgnored(qint64 messageId);
    /// The user asked to send the outbox of @p account now (Outbox window).
    void outboxFlushRequested(const QString &account);
    /// A message was shown in the viewer and is not marked read yet: mark it \Seen.
    void messageRead(qint64 messageId);
    /// The user pressed Delete on a cached message: move it to the Trash.
    void deleteRequested(qint64 messageId);
    /// The composer's Save Draft.
    void draftSaveRequested(const Mailtrail::Ui::OutgoingRequest &request, Mailtrail::Ui::ComposerDialog *composer);
    /// Settings → Accounts → Edit: a new password for @p account (for the keychain).
    void accountPasswordChanged(const QString &account, const QString &password);
    /// Settings → Accounts → Remove: the account is gone; its secret must go from the keychain.
    void accountRemoved(const QString &account);
    /// An account was added; the password is for the keychain (core/sync PasswordStore).
    void accountAdded(const Mailtrail::Store::Account &account, const QString &password);
    /// An OAuth2 account was signed in again from the "sign in again" bar.
    void signedInAgain(const Mailtrail::Store::Account &account, const QString &refreshToken);
    /// The user typed a new password for @p account in its password bar.
    void passwordEnteredAgain(const QString &account, const QString &password);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void onMessageSelected(qint64 messageId, qint64 sentMessageId);
    void onReportSelected(qint64 reportId);
    /// A report mail matched to a sent mail: the link to its tracking above it.
    void showReportLink(const QByteArray &raw);
    void showTrackingOfReport();
    /// The account of the folder the message shown is in (0: none).
    [[nodiscard]] qint64 currentAccountId() const;
    /// Moves the current row of the list shown by @p delta (j / k).
    void moveSelection(int delta);
    /// Shows the viewer, the delivery panel or both, sharing the space sensibly.
    void showReading(bool viewer, bool panel);
    void updateReceiptContext(qint64 messageId);
    void showAbout();
    void onTrackingChanged();
    /// "Failed (2)" …: how many messages each Tracked filter holds.
    void updateTrackedCounts();

    AppContext &m_context;
    MessageBar *m_bar;
    QPointer<QWidget> m_signInAgainBar;
    QVBoxLayout *m_centralLayout = nullptr;
    FolderPane *m_folders;
    MessageListPane *m_list;
    MessageViewer *m_viewer;
    DeliveryPanel *m_panel;
    QSplitter *m_readingSplitter;
    SearchPane *m_search = nullptr;
    QSplitter *m_mainSplitter = nullptr;
    QSplitter *m_listSplitter = nullptr;
    QList<int> m_readingSizes;
    qint64 m_currentMessage = 0;
    qint64 m_currentSent = 0;
    QString m_currentSpecialUse; ///< of the folder shown ("\\Drafts"…); empty for Tracked
    qint64 m_reportSent = 0; ///< the sent mail the report shown is about (0: none)
    bool m_showingDrafts = false; ///< the folder shown is \\Drafts (or named Drafts)
    MessageActions *m_messageActions = nullptr;
    FolderActions *m_folderActions = nullptr;
    DeliveryNotifier m_notifier;
    class AttentionWatcher *m_attention = nullptr;
    std::function<void(const DeliveryNotification &)> m_notify = postDesktopNotification;
    ConnectionTester m_tester;
};

} // namespace Mailtrail::Ui
