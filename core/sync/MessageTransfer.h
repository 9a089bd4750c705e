// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSqlDatabase>
#include <QString>

namespace Mailtrail::Sync {

class AccountSession;

/// Moves or copies cached messages into another folder of the same account, on the account's
/// command connection: UID MOVE (RFC 6851) when the server offers it, else UID COPY + UID STORE
/// \Deleted + UID EXPUNGE (RFC 4315; Imap::Operations::move), UID COPY for a copy. One command
/// per source folder, for all its selected messages.
///
/// The local cache follows without a sync: with COPYUID (RFC 4315 §3) a moved message's row
/// moves to the destination under its new UID (its body, search text and what refers to it
/// stay attached; tracking of sent mail goes by Message-ID and so stays too), a copy gets a row
/// of its own; without COPYUID moved rows leave the source and the destination's next sync
/// brings them. One finished() per start().
class MessageTransfer : public QObject
{
    Q_OBJECT
public:
    MessageTransfer(AccountSession *session, QSqlDatabase db, QList<qint64> messageIds, qint64 destinationFolderId,
                    bool copy, QObject *parent = nullptr);
    void start();

Q_SIGNALS:
    /// @p error is empty when every message was moved (copied); otherwise the first problem.
    void finished(const QString &error);

private:
    void finishLater(const QString &error);

    QPointer<AccountSession> m_session;
    QSqlDatabase m_db;
    QList<qint64> m_messageIds;
    qint64 m_destination;
    bool m_copy;
};

} // namespace Mailtrail::Sync
