// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/Account.h"
#include "sync/AccountSync.h"

#include <QObject>
#include <QPointer>
#include <QSqlDatabase>
#include <QString>

namespace Mailtrail::Imap {
class Session;
}

namespace Mailtrail::Sync {

/// Deletes a cached message the way mail clients do: moves it to the account's Trash
/// (RFC 6154 \Trash, else a folder named "Trash", created when missing) with UID MOVE (RFC 6851),
/// or COPY + STORE \Deleted + UID EXPUNGE (RFC 4315) without MOVE, then drops it from the local
/// cache so the list changes at once. A message already in the Trash is not touched (refused with a
/// reason: deleting for good is a separate decision). One finished() per start().
class MoveToTrash : public QObject
{
    Q_OBJECT
public:
    MoveToTrash(Store::Account account, QString password, QSqlDatabase db, qint64 messageId,
        QObject *parent = nullptr);
    void setTransportFactory(AccountSync::TransportFactory factory)
    {
        m_factory = std::move(factory);
    }
    void start();

Q_SIGNALS:
    /// @p error is empty on success.
    void finished(qint64 messageId, const QString &error);

private:
    void finish(const QString &error);

    Store::Account m_account;
    QString m_password;
    QSqlDatabase m_db;
    qint64 m_messageId;
    qint64 m_folderId = 0;
    quint32 m_uid = 0;
    QByteArray m_source;
    QByteArray m_trash;
    AccountSync::TransportFactory m_factory;
    QPointer<Imap::Session> m_session;
    bool m_finished = false;
};

} // namespace Mailtrail::Sync
