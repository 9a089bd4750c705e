// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/Credentials.h"

#include "sync/MessageTask.h"

namespace Mailtrail::Sync {

/// Deletes a cached message the way mail clients do: moves it to the account's Trash
/// (RFC 6154 \Trash, else a folder named "Trash", created when missing) with UID MOVE (RFC 6851),
/// or COPY + STORE \Deleted + UID EXPUNGE (RFC 4315) without MOVE, then drops it from the local
/// cache so the list changes at once. A message already in the Trash is not touched (refused with a
/// reason: deleting for good is a separate decision). One finished() per start().
class MoveToTrash : public MessageTask
{
    Q_OBJECT
public:
    MoveToTrash(Store::Account account, Credentials credentials, QSqlDatabase db, qint64 messageId,
        QObject *parent = nullptr);
    void start();
};

} // namespace Mailtrail::Sync
