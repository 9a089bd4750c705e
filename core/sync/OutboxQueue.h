// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/OutboxEntry.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <functional>
#include <optional>

namespace Mailtrail::Sync {

/// The outbox as its user sees it, for the GUI's Outbox dialog and `mailtrail-cli outbox`
/// alike: what waits, and the user's decisions about a message — send it again, say it went
/// out, or take it out of the queue. Each decision is one OutboxStore transaction that also
/// writes the recipients' timeline evidence ("marked as sent by you", "discarded by you").
/// Errors come back as text (empty = ok).
class OutboxQueue
{
public:
    using Clock = std::function<QDateTime()>;

    explicit OutboxQueue(QSqlDatabase db, Clock clock = {});

    /// Every message of @p account (empty: of all accounts), oldest first, without bytes.
    [[nodiscard]] QList<OutboxEntry> list(const QString &account = {}) const;
    /// What still needs the user's eye: every message but those sent whose Sent-folder copy
    /// is not pending any more (stored, or given up).
    [[nodiscard]] QList<OutboxEntry> waiting() const;
    [[nodiscard]] std::optional<OutboxEntry> entry(qint64 id) const;

    /// An uncertain or refused message goes back to the queue, due now.
    [[nodiscard]] QString resend(qint64 id);
    /// The user says an uncertain message went out: Sent, its Sent copy pending.
    [[nodiscard]] QString markSent(qint64 id);
    /// Takes the message out of the outbox (refused while it is being transmitted).
    [[nodiscard]] QString discard(qint64 id);

private:
    QSqlDatabase m_db;
    Clock m_clock;
};

} // namespace Mailtrail::Sync
