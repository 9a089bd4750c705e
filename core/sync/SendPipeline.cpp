// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/SendPipeline.h"

#include "store/FolderRepository.h"
#include "store/MessageRepository.h"
#include "sync/Drafts.h"
#include "sync/Outbox.h"
#include "sync/SubmissionCapabilities.h"

#include <QCoreApplication>

namespace Mailtrail::Sync {

namespace {
std::optional<Mime::BuiltMessage> build(
    QSqlDatabase db, const Store::Account &account, Mime::OutgoingMessage &message, QString *error)
{
    if (message.from.isEmpty())
        message.from = { account.displayName, account.email };
    Mime::BuiltMessage built
        = SubmissionCapabilityStore(std::move(db)).build(account.name, message);
    if (!built.isValid()) {
        *error = built.error;
        return std::nullopt;
    }
    return built;
}
} // namespace

std::optional<qint64> queueForSending(QSqlDatabase db, const Store::Account &account,
    Mime::OutgoingMessage message, bool requestDsn, const Smtp::DsnNotify &notify, qint64 draftId,
    QString *error)
{
    const std::optional<Mime::BuiltMessage> built = build(db, account, message, error);
    if (!built) {
        *error = QCoreApplication::translate("SendPipeline", "The message could not be built: %1")
                     .arg(*error);
        return std::nullopt;
    }
    OutboxStore store(db);
    const std::optional<qint64> id
        = store.enqueue(outboxMessage(account.name, message, *built, requestDsn, notify));
    if (!id) {
        *error = QCoreApplication::translate(
            "SendPipeline", "The message could not be put into the outbox: %1")
                     .arg(store.lastError());
        return std::nullopt;
    }
    if (draftId != 0)
        (void)DraftStore(db).remove(draftId); // sent: the draft has done its work
    return id;
}

QList<qint64> draftCopies(
    QSqlDatabase db, const Store::Account &account, qint64 draftId, qint64 draftMessageId)
{
    QList<qint64> copies;
    if (draftMessageId != 0)
        copies.append(draftMessageId);
    if (draftId == 0)
        return copies;
    const std::optional<Draft> draft = DraftStore(db).find(draftId);
    if (!draft || draft->uid == 0)
        return copies;
    for (const Store::Folder &folder : Store::FolderRepository(db).list(account.id)) {
        if (folder.wireName != draft->imapFolder || folder.uidValidity != draft->uidValidity)
            continue;
        if (const auto copy = Store::MessageRepository(db).find(folder.id, draft->uid);
            copy && !copies.contains(copy->id))
            copies.append(copy->id);
    }
    return copies;
}

std::optional<qint64> saveDraft(QSqlDatabase db, const Store::Account &account,
    Mime::OutgoingMessage message, qint64 draftId, QString *error)
{
    const std::optional<Mime::BuiltMessage> built = build(db, account, message, error);
    if (!built) {
        *error = QCoreApplication::translate("SendPipeline", "The draft could not be saved: %1")
                     .arg(*error);
        return std::nullopt;
    }
    DraftStore drafts(db);
    Draft draft;
    if (draftId != 0) {
        if (std::optional<Draft> existing = drafts.find(draftId))
            draft = *existing;
    }
    draft.account = account.name;
    draft.subject = message.subject;
    draft.bytes = built->bytes;
    draft.updatedAt = QDateTime();
    if (!drafts.save(draft)) {
        *error = QCoreApplication::translate("SendPipeline", "The draft could not be saved: %1")
                     .arg(drafts.lastError());
        return std::nullopt;
    }
    return draft.id;
}

} // namespace Mailtrail::Sync
