// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QPushButton;
class QTreeWidget;

namespace Mailtrail::Ui {

class AppContext;

/// The outbox: every message not yet accepted by a server (queued, being sent, refused)
/// and those that "may have been sent" (the connection broke after the data), with what
/// to do about each: Send Now, Resend, Mark as Sent, Discard. A may-have-been-sent message
/// is never resent without the user choosing so (a duplicate is worse than a question).
class OutboxDialog : public QDialog
{
    Q_OBJECT
public:
    explicit OutboxDialog(AppContext &context, QWidget *parent = nullptr);

    /// Re-reads the outbox.
    void reload();
    /// Actions on the selected entry (for the buttons and tests). Each returns false with
    /// the reason shown when it does not apply.
    bool resendSelected();
    bool markSelectedSent();
    bool discardSelected();
    void sendNow();

    [[nodiscard]] QTreeWidget *list() const { return m_list; }
    [[nodiscard]] QPushButton *resendButton() const { return m_resend; }
    [[nodiscard]] QPushButton *discardButton() const { return m_discard; }
    /// For a message the server refused: the one way forward, "Edit and Send Again…".
    [[nodiscard]] QPushButton *editAgainButton() const { return m_editAgain; }
    /// Asks the window to open the selected refused message in the composer.
    bool editSelectedAgain();
    /// Removes entry @p id from the outbox of @p context (its tracking record stays). Returns
    /// an error in words, empty on success.
    [[nodiscard]] static QString discardEntry(AppContext &context, qint64 id);

Q_SIGNALS:
    /// Send the due messages of @p account now.
    void flushRequested(const QString &account);
    /// An entry was changed (the window refreshes its lists).
    void changed();
    /// Open refused outbox entry @p outboxId (tracking id @p sentMessageId) in the composer;
    /// once the edited message is sent, the refused entry leaves the outbox.
    void editAgainRequested(qint64 outboxId, qint64 sentMessageId);

private:
    [[nodiscard]] qint64 selectedId() const;
    void updateButtons();
    void afterAction(bool ok, const QString &error);

    AppContext &m_context;
    QTreeWidget *m_list;
    QPushButton *m_sendNow;
    QPushButton *m_resend;
    QPushButton *m_editAgain;
    QPushButton *m_markSent;
    QPushButton *m_discard;
};

} // namespace Mailtrail::Ui
