// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/ResendToFailed.h"

#include "mime/MessageBuilder.h"
#include "mime/MessageReader.h"
#include "tracking/AddressHistory.h"
#include "tracking/TrackingStore.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace Mailtrail::Sync {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Mailtrail::Sync", text);
}

QByteArray originalBytes(QSqlDatabase db, const Tracking::TrackedMessage &message)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT bytes FROM outbox WHERE sent_message_id = ? ORDER BY id DESC LIMIT 1"));
    q.addBindValue(message.id);
    if (q.exec() && q.next() && !q.value(0).toByteArray().isEmpty())
        return q.value(0).toByteArray();
    // Mail sent from elsewhere (or an outbox entry discarded since): the cached Sent copy.
    QSqlQuery c(db);
    c.prepare(QStringLiteral("SELECT b.raw FROM messages m JOIN message_bodies b ON b.message_rowid = m.id "
                             "WHERE m.message_id = ? LIMIT 1"));
    c.addBindValue(QStringLiteral("<%1>").arg(message.messageId));
    if (c.exec() && c.next())
        return c.value(0).toByteArray();
    return {};
}

} // namespace

ResendDraft prepareResendToFailed(QSqlDatabase db, qint64 sentMessageId, const QDateTime &now)
{
    ResendDraft draft;
    draft.original = sentMessageId;
    Tracking::TrackingStore store(db);
    const auto message = store.message(sentMessageId);
    if (!message) {
        draft.error = tr("The sent message is no longer tracked.");
        return draft;
    }
    draft.account = message->account;
    for (const Tracking::RecipientTimeline &t : message->recipients) {
        const Tracking::DerivedState d = t.derive(now);
        if (!Tracking::isFailure(d.state))
            continue;
        FailedRecipient r;
        r.address = t.address();
        if (d.decidingEvent >= 0)
            r.failure = Tracking::describeKnownBad(t.events().at(d.decidingEvent));
        draft.recipients.append(r);
        draft.message.to.append({QString(), t.address()});
    }
    if (draft.recipients.isEmpty()) {
        draft.error = tr("No recipient of this message failed.");
        return draft;
    }
    const QByteArray raw = originalBytes(db, *message);
    if (raw.isEmpty()) {
        draft.error = tr("The text of the original message is not available any more.");
        return draft;
    }
    const Mime::ParsedMessage parsed = Mime::MessageReader::parse(raw);
    draft.message.subject = message->subject.isEmpty() ? parsed.headers.subject : message->subject;
    draft.message.plainText = parsed.bodyText();
    for (const Mime::MessagePart *part : parsed.attachments()) {
        Mime::OutgoingAttachment attachment;
        attachment.fileName = part->fileName;
        attachment.data = part->content;
        attachment.mimeType = QString::fromLatin1(part->contentType);
        draft.message.attachments.append(attachment);
    }
    // References to the original (RFC 5322 §3.6.4), so that both are one thread.
    const QByteArray originalId = "<" + message->messageId.toUtf8() + ">";
    draft.message.references = {originalId};
    const QString sender = message->sender;
    const QString domain = sender.contains(QLatin1Char('@')) ? sender.section(QLatin1Char('@'), -1)
                                                             : QStringLiteral("localhost");
    draft.message.messageId = Mime::MessageBuilder::generateMessageId(domain);
    QSqlQuery pending(db);
    pending.prepare(QStringLiteral("INSERT OR REPLACE INTO resend_pending (message_id, resend_of) VALUES (?, ?)"));
    pending.addBindValue(Tracking::normalizeMessageId(QString::fromUtf8(draft.message.messageId)));
    pending.addBindValue(sentMessageId);
    if (!pending.exec())
        draft.error = pending.lastError().text();
    return draft;
}

} // namespace Mailtrail::Sync
