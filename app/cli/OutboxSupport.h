// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Commands.h"
#include "store/Account.h"
#include "sync/Outbox.h"
#include "sync/OutboxSender.h"

#include <QJsonObject>
#include <QSqlDatabase>
#include <optional>

namespace Mailtrail::Cli {

/// Exit code of `send` and `outbox flush` when a message stays queued because the server
/// could not be reached or answered with a temporary failure (sysexits.h EX_TEMPFAIL).
constexpr int kExitQueued = 75;

/// The account's password: the first line of stdin when @p fromStdin, else the keychain.
/// nullopt (and a message on context.err) when there is none.
[[nodiscard]] std::optional<QString> accountPassword(
    Context &context, const Store::Account &account, bool fromStdin, const QString &command);

/// Runs one OutboxSender flush for @p account (only @p ids when not empty) in a local event loop.
Sync::OutboxFlushReport flushOutbox(Context &context, const Store::Account &account,
    const Sync::Credentials &credentials, QSqlDatabase db, const QList<qint64> &ids, const QString &command);

/// An outbox entry as JSON: id, account, message_id, envid, subject, state, attempts,
/// next_attempt, error, dsn_supported, queue_id, sent_copy, recipients[address, accepted,
/// replycode, status, text].
[[nodiscard]] QJsonObject outboxEntryJson(const Sync::OutboxEntry &entry);
/// A few lines for people.
void printOutboxEntry(QTextStream &out, const Sync::OutboxEntry &entry);
/// The words for a state: "queued", "may have been sent", …
[[nodiscard]] QString stateWords(const Sync::OutboxEntry &entry);

} // namespace Mailtrail::Cli
