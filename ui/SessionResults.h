// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayList>
#include <QList>
#include <QObject>
#include <QString>

namespace Mailtrail::Sync {
class AccountSessions;
}

namespace Mailtrail::Ui {

class AppContext;
class MainWindow;

/// What the account sessions finished, shown in the window: a failure in the message bar,
/// an outcome in the status bar, the lists reloaded, a downloaded body in the viewer, and
/// one signal per result for whoever waits on it (MailController passes them on). The
/// counterpart of ActivityIndicator, which shows what runs.
class SessionResults : public QObject
{
    Q_OBJECT
public:
    /// @p sessions, @p window and @p context must outlive this object.
    SessionResults(Sync::AccountSessions &sessions, MainWindow &window, AppContext &context,
        QObject *parent = nullptr);

Q_SIGNALS:
    void checkFinished(const QString &account, bool ok);
    void messageSent(qint64 outboxId);
    void flushFinished(const QString &account);
    void bodyFetched(qint64 messageId, bool ok);
    void draftUploaded(qint64 draftId, bool ok);
    void messageDeleted(qint64 messageId, bool ok);
    void messageMarkedRead(qint64 messageId, bool ok);
    void flagsStored(qint64 messageId, bool ok);
    void messagesTransferred(const QList<qint64> &messageIds, bool ok);
    void folderEdited(qint64 folderId, bool ok);
    void newMailArrived(const QString &account);

private:
    /// Checks, IDLE, sending, bodies and drafts.
    void showMailResults();
    /// Flags, moves and copies, folder changes, deletes.
    void showEditResults();

    Sync::AccountSessions &m_sessions;
    MainWindow &m_window;
    AppContext &m_context;
};

} // namespace Mailtrail::Ui
