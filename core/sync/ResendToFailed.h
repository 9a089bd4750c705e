// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mime/OutgoingMessage.h"

#include <QDateTime>
#include <QSqlDatabase>

namespace Mailtrail::Sync {

/// A recipient the original did not reach, with the failure in words.
struct FailedRecipient
{
    QString address;
    QString failure; ///< "Failed on 6 Dec 2026: 5.1.1 the mailbox does not exist (…)"
};

/// "Resend to failed recipients…" (issue #18): the composer's starting point.
struct ResendDraft
{
    QString account;
    qint64 original = 0;            ///< tracking id of the message re-sent
    Mime::OutgoingMessage message;  ///< original text and attachments, subject unchanged,
                                    ///< References to the original, a new Message-ID
    QList<FailedRecipient> recipients;
    QString error;                  ///< in words; the draft is unusable when set
};

/// Prepares re-sending sent message @p sentMessageId to its recipients whose state is failed
/// or rejected at @p now. The original's bytes come from the outbox (or the cached Sent copy);
/// the new Message-ID is remembered so that the tracking record the outbox creates for it
/// links both ways ("resend of …" / "resent as …").
[[nodiscard]] ResendDraft prepareResendToFailed(QSqlDatabase db, qint64 sentMessageId, const QDateTime &now);

} // namespace Mailtrail::Sync
