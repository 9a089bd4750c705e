// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/MessageTransfer.h"

#include "imap/MailboxOperations.h"
#include "imap/Session.h"
#include "store/FolderRepository.h"
#include "store/MessageRepository.h"
#include "sync/AccountSession.h"

#include <QCoreApplication>
#include <QMap>

#include <memory>

namespace Mailtrail::Sync {

MessageTransfer::MessageTransfer(AccountSession *session, QSqlDatabase db, QList<qint64> messageIds,
                                 qint64 destinationFolderId, bool copy, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_db(std::move(db))
    , m_messageIds(std::move(messageIds))
    , m_destination(destinationFolderId)
    , m_copy(copy)
{ }

void MessageTransfer::finishLater(const QString &error)
{
    QMetaObject::invokeMethod(this, [this, error] { Q_EMIT finished(error); }, Qt::QueuedConnection);
}

namespace {
struct Group
{
    Store::Folder source;
    QMap<quint32, qint64> idByUid;
};

/// What the shared state of one transfer holds while its jobs run.
struct Progress
{
    int pending = 0;
    QString error;
};
} // namespace

void MessageTransfer::start()
{
    Store::FolderRepository folders(m_db);
    Store::MessageRepository messages(m_db);
    const std::optional<Store::Folder> destination = folders.findById(m_destination);
    if (!m_session || !destination || destination->accountId != m_session->account().id) {
        finishLater(QCoreApplication::translate("MessageTransfer", "That folder is no longer there."));
        return;
    }
    if (!destination->selectable) {
        finishLater(QCoreApplication::translate("MessageTransfer", "“%1” cannot hold messages, only other folders.").arg(destination->name));
        return;
    }
    QMap<qint64, Group> groups;
    for (const qint64 id : std::as_const(m_messageIds)) {
        const std::optional<Store::MessageRecord> record = messages.findById(id);
        if (!record)
            continue; // gone meanwhile (expunged by another client): nothing to move
        if (record->folderId == destination->id) {
            finishLater(QCoreApplication::translate("MessageTransfer", "The message is in “%1” already.").arg(destination->name));
            return;
        }
        if (!groups.contains(record->folderId)) {
            const std::optional<Store::Folder> source = folders.findById(record->folderId);
            if (!source || source->accountId != destination->accountId) {
                finishLater(QCoreApplication::translate("MessageTransfer", "Messages can be moved only between folders of the same account."));
                return;
            }
            groups[record->folderId].source = *source;
        }
        groups[record->folderId].idByUid.insert(record->uid, id);
    }
    if (groups.isEmpty()) {
        finishLater(QCoreApplication::translate("MessageTransfer", "The messages are no longer in the local cache."));
        return;
    }
    auto progress = std::make_shared<Progress>();
    progress->pending = int(groups.size());
    QPointer<MessageTransfer> self(this);
    const bool copy = m_copy;
    const Store::Folder target = *destination;
    for (const Group &group : std::as_const(groups)) {
        const Imap::SequenceSet uids = Imap::SequenceSet::fromValues(group.idByUid.keys());
        auto result = std::make_shared<Imap::MoveResult>();
        AccountSession::Job job;
        job.mailbox = group.source.wireName;
        job.retryOnDrop = copy ? false : true; // a copy must not happen twice; a move may be asked again
        job.work = [uids, copy, wire = target.wireName, result](Imap::Session &session, AccountSession::Done done) {
            const auto after = [result, done](const Imap::MoveResult &r) {
                *result = r;
                done(r.error);
            };
            if (copy)
                Imap::Operations::copy(session, uids, wire, after);
            else
                Imap::Operations::move(session, uids, wire, after);
        };
        job.done = [self, progress, result, group, copy, target](const Imap::ImapError &error) {
            QString problem = error.isError() ? error.message() : QString();
            if (!error.isError() && self) {
                Store::MessageRepository messages(self->m_db);
                // The destination's UIDs are known when COPYUID came for the destination as cached.
                const std::optional<Store::Folder> now = Store::FolderRepository(self->m_db).findById(target.id);
                const QList<quint32> from = result->sourceUids.values();
                const QList<quint32> to = result->destinationUids.values();
                const bool mapped = now && now->uidValidity != 0 && result->uidValidity == now->uidValidity
                    && from.size() == to.size() && !from.isEmpty();
                for (qsizetype i = 0; mapped && i < from.size() && problem.isEmpty(); ++i) {
                    const qint64 id = group.idByUid.value(from.at(i));
                    if (id == 0)
                        continue;
                    problem = copy ? messages.copyTo(id, target.id, to.at(i)) : messages.moveTo(id, target.id, to.at(i));
                }
                if (!mapped && !copy && problem.isEmpty())
                    problem = messages.removeUids(group.source.id, group.idByUid.keys());
            }
            if (progress->error.isEmpty())
                progress->error = problem;
            if (--progress->pending == 0 && self)
                Q_EMIT self->finished(progress->error);
        };
        m_session->enqueue(std::move(job));
    }
}

} // namespace Mailtrail::Sync
