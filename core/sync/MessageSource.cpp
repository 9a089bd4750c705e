// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/MessageSource.h"

#include "store/MessageRepository.h"

namespace Mailtrail::Sync {

std::optional<QByteArray> cachedSource(QSqlDatabase db, qint64 messageId)
{
    return Store::MessageRepository(std::move(db)).body(messageId);
}

} // namespace Mailtrail::Sync
