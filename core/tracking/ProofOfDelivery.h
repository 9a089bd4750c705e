// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pdf/EmbeddedFiles.h"
#include "tracking/DeliveryState.h"
#include "tracking/RecipientTimeline.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QTimeZone>

#include <functional>
#include <optional>

namespace Mailtrail::Tracking {

class DeliveryRecords;

/// The one time format of the proof of delivery, the same in every language, with seconds
/// and the zone: "2026-03-02 11:05:09 UTC+01:00" ("… UTC" in UTC). Invalid: empty.
[[nodiscard]] QString proofTime(const QDateTime &time, const QTimeZone &zone = QTimeZone::systemTimeZone());

/// A file name for the proof of a message: "Proof of delivery – Subject – 2026-03-02.pdf",
/// made safe for any file system (Mime::sanitizeFileName).
[[nodiscard]] QString proofFileName(const QString &subject, const QDate &sent);

/// Everything a proof of delivery shows for one sent message: a header (sender, sent time,
/// Message-ID, recipients and their states), per recipient a table of the evidence, and an
/// appendix with every raw report that evidence came from. The reports are also returned as
/// files to attach (Pdf::attach), the bytes exactly as stored.
struct ProofOfDelivery
{
    QString title;
    QString html; ///< for QTextDocument (wrap anywhere: long addresses break, columns keep their widths)
    QList<Pdf::EmbeddedFile> attachments;
    QString fileName; ///< proofFileName()
};

struct ProofOptions
{
    QDateTime now;                ///< when the proof is made; also derives overdue states
    DeadlinePolicy policy;
    QTimeZone zone = QTimeZone::systemTimeZone();
    /// The short label of a state as the window shows it ("Read"); empty: stateName().
    std::function<QString(DeliveryState)> stateLabel;
};

/// The proof of @p sentMessageId; nullopt when the store has no such message.
[[nodiscard]] std::optional<ProofOfDelivery> buildProofOfDelivery(const DeliveryRecords &store,
                                                                  qint64 sentMessageId,
                                                                  const ProofOptions &options);

} // namespace Mailtrail::Tracking
