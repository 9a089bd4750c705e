// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracking/ReplyDetector.h"

namespace Mailtrail::Tracking {

bool recordReply(TrackingStore &store, const ReceivedMail &mail)
{
    if (mail.isReport || mail.from.isEmpty())
        return false;
    const QString author = normalizeAddress(mail.from);
    QStringList referenced = mail.inReplyTo;
    for (auto it = mail.references.crbegin(); it != mail.references.crend(); ++it)
        referenced.append(*it);
    for (const QString &id : std::as_const(referenced)) {
        const auto sent = store.byMessageId(id);
        if (!sent)
            continue;
        for (qsizetype i = 0; i < sent->recipients.size(); ++i) {
            if (normalizeAddress(sent->recipients.at(i)) != author)
                continue;
            const auto message = store.message(sent->id);
            if (!message || i >= message->recipientIds.size())
                return false;
            Evidence e;
            e.kind = EvidenceKind::Replied;
            e.source = EvidenceSource::Reply;
            e.time = mail.date.isValid() ? mail.date.toUTC() : QDateTime::currentDateTimeUtc();
            e.matchedBy = QStringLiteral("references");
            e.dedupKey = QStringLiteral("reply:%1").arg(normalizeMessageId(mail.messageId));
            if (mail.messageId.isEmpty())
                e.dedupKey.clear();
            return store.appendEvidence(message->recipientIds.at(i), e);
        }
        // Referenced a message of ours, but the author was not a recipient (a forward, a
        // colleague answering): not evidence about any recipient.
        return false;
    }
    return false;
}

} // namespace Mailtrail::Tracking
