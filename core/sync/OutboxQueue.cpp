// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/OutboxQueue.h"

#include "sync/Outbox.h"

#include <QCoreApplication>

namespace Mailtrail::Sync {

namespace {

/// The store's words, or a sentence when it had none.
QString outcome(bool ok, const OutboxStore &store, qint64 id)
{
    if (ok)
        return {};
    if (!store.lastError().isEmpty())
        return store.lastError();
    return QCoreApplication::translate("OutboxQueue", "The outbox message %1 could not be changed.").arg(id);
}

} // namespace

OutboxQueue::OutboxQueue(QSqlDatabase db, Clock clock)
    : m_db(std::move(db))
    , m_clock(std::move(clock))
{
}

QList<OutboxEntry> OutboxQueue::list(const QString &account) const
{
    return OutboxStore(m_db, m_clock).list(account);
}

QList<OutboxEntry> OutboxQueue::waiting() const
{
    QList<OutboxEntry> entries = list();
    entries.removeIf([](const OutboxEntry &e) {
        return e.state == OutboxState::Sent && e.sentCopy != SentCopyState::Pending;
    });
    return entries;
}

std::optional<OutboxEntry> OutboxQueue::entry(qint64 id) const
{
    return OutboxStore(m_db, m_clock).entry(id);
}

QString OutboxQueue::resend(qint64 id)
{
    OutboxStore store(m_db, m_clock);
    return outcome(store.resend(id), store, id);
}

QString OutboxQueue::markSent(qint64 id)
{
    OutboxStore store(m_db, m_clock);
    return outcome(store.markSent(id), store, id);
}

QString OutboxQueue::discard(qint64 id)
{
    OutboxStore store(m_db, m_clock);
    return outcome(store.discard(id), store, id);
}

} // namespace Mailtrail::Sync
