// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mime/OutgoingMessage.h"
#include "smtp/Envelope.h"
#include "store/Account.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <optional>

namespace Mailtrail::Sync {

/// The one way a message enters the outbox, for the GUI's Send and `mailtrail-cli send`:
/// the account's identity as From when none is given, built before any connection for what
/// the server offered last time (8BITMIME, SMTPUTF8: SubmissionCapabilityStore), stored in
/// the outbox (nothing is lost from here on), and the draft it was edited from removed.
/// Sending is then the OutboxSender's job. Returns the outbox id, or nothing with
/// @p error set (a sentence for the user).
[[nodiscard]] std::optional<qint64> queueForSending(QSqlDatabase db, const Store::Account &account,
    Mime::OutgoingMessage message, bool requestDsn, const Smtp::DsnNotify &notify, qint64 draftId,
    QString *error);

/// The cached messages that are the server's copies of a draft being sent: @p draftMessageId
/// (the Drafts message the composer was opened on, 0: none) and the copy DraftUploader stored
/// for @p draftId. Asked before queueForSending() removes the draft; the caller moves them to
/// the Trash.
[[nodiscard]] QList<qint64> draftCopies(
    QSqlDatabase db, const Store::Account &account, qint64 draftId, qint64 draftMessageId);

/// Saves a draft locally (new when @p draftId is 0, else replacing it), built like a message
/// to send; its IMAP copy is then DraftUploader's job. Returns the draft id, or nothing
/// with @p error set.
[[nodiscard]] std::optional<qint64> saveDraft(QSqlDatabase db, const Store::Account &account,
    Mime::OutgoingMessage message, qint64 draftId, QString *error);

} // namespace Mailtrail::Sync
