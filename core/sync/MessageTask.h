// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/Credentials.h"

#include "store/Account.h"
#include "sync/AccountSync.h"

#include <QByteArray>
#include <QByteArrayList>
#include <QObject>
#include <QPointer>
#include <QSqlDatabase>
#include <QString>

#include <functional>

namespace Mailtrail::Imap {
class Session;
}

namespace Mailtrail::Sync {

class AccountSession;

/// The common part of one short IMAP action on one cached message (FlagStore, MoveToTrash):
/// log in, SELECT the message's folder, act, log out, and exactly one finished() per start().
/// Certificate problems are refused here; the caller asks the user through a longer-lived
/// connection (MailCheck) and retries with the pinned fingerprint.
///
/// With setAccountSession() the action runs as one job on the account's command connection
/// instead (no login, and no SELECT when the folder is selected already).
class MessageTask : public QObject
{
    Q_OBJECT
public:
    void setTransportFactory(AccountSync::TransportFactory factory)
    {
        m_factory = std::move(factory);
    }
    /// Run on this account's session instead of a connection of its own.
    void setAccountSession(AccountSession *session);

Q_SIGNALS:
    /// @p error is empty on success.
    void finished(qint64 messageId, const QString &error);

protected:
    MessageTask(Store::Account account, Credentials credentials, QSqlDatabase db, qint64 messageId,
        QObject *parent);

    /// finish() on the next turn of the event loop: start() never emits synchronously.
    void finishLater(const QString &error);
    /// Logs out when connected and emits finished(); later calls are ignored.
    void finish(const QString &error);
    /// Connects and logs in, sends @p before (their results are not waited for, e.g. a CREATE
    /// that may say NO because the mailbox exists), SELECTs @p folder and then calls
    /// @p selected. A failed login or SELECT finishes with the server's words.
    void selectThen(const QByteArray &folder, const QByteArrayList &before,
        std::function<void()> selected);
    [[nodiscard]] Imap::Session &session() { return m_jobSession ? *m_jobSession : *m_session; }
    /// On an account session: the action expects no untagged data (e.g. UID STORE .SILENT),
    /// so it may be pipelined with others like it.
    void setPipelined(bool pipelined) { m_pipelined = pipelined; }

    const Store::Account m_account;
    const QSqlDatabase m_db;
    const qint64 m_messageId;

private:
    Credentials m_credentials;
    AccountSync::TransportFactory m_factory;
    QPointer<Imap::Session> m_session;
    QPointer<AccountSession> m_accountSession;
    QPointer<Imap::Session> m_jobSession;
    std::function<void(const Imap::ImapError &)> m_jobDone;
    bool m_finished = false;
    bool m_pipelined = false;
};

} // namespace Mailtrail::Sync
