// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/Account.h"
#include "sync/AccountSync.h"

#include <QByteArrayList>
#include <QObject>
#include <QPointer>
#include <QSqlDatabase>
#include <QString>

namespace Mailtrail::Imap {
class Session;
}

namespace Mailtrail::Sync {

/// Adds or removes flags of one cached message, e.g. \Seen when the user reads it: the local
/// cache first (the list changes at once), then UID STORE +FLAGS.SILENT / -FLAGS.SILENT on the
/// server (RFC 9051 §6.4.6). If the server cannot be reached, the next sync brings the server's
/// flags back. One finished() per start().
class FlagStore : public QObject
{
    Q_OBJECT
public:
    FlagStore(Store::Account account, QString password, QSqlDatabase db, qint64 messageId,
        QByteArrayList flags, bool add, QObject *parent = nullptr);
    void setTransportFactory(AccountSync::TransportFactory factory)
    {
        m_factory = std::move(factory);
    }
    void start();

Q_SIGNALS:
    /// @p error is empty when the server has the change too.
    void finished(qint64 messageId, const QString &error);

private:
    void finish(const QString &error);

    Store::Account m_account;
    QString m_password;
    QSqlDatabase m_db;
    qint64 m_messageId;
    QByteArrayList m_flags;
    bool m_add;
    quint32 m_uid = 0;
    QByteArray m_folder;
    AccountSync::TransportFactory m_factory;
    QPointer<Imap::Session> m_session;
    bool m_finished = false;
};

} // namespace Mailtrail::Sync
