// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/Credentials.h"

#include "sync/MessageTask.h"

#include <QByteArrayList>

namespace Mailtrail::Sync {

/// Adds or removes flags of one cached message, e.g. \Seen when the user reads it: the local
/// cache first (the list changes at once), then UID STORE +FLAGS.SILENT / -FLAGS.SILENT on the
/// server (RFC 9051 §6.4.6). If the server cannot be reached, the next sync brings the server's
/// flags back. One finished() per start().
class FlagStore : public MessageTask
{
    Q_OBJECT
public:
    FlagStore(Store::Account account, Credentials credentials, QSqlDatabase db, qint64 messageId,
        QByteArrayList flags, bool add, QObject *parent = nullptr);
    /// finished()'s error is empty when the server has the change too.
    void start();

private:
    QByteArrayList m_flags;
    bool m_add;
};

} // namespace Mailtrail::Sync
