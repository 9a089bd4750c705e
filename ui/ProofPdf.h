// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tracking/ProofOfDelivery.h"

#include <QString>

#include <memory>

class QTextDocument;

namespace Mailtrail::Ui {

/// Prints @p proof (Tracking::buildProofOfDelivery) to an A4 PDF, attaches its reports as
/// embedded files (Pdf::attach) and writes it to @p path atomically. Returns an error in
/// words, empty on success.
/// The document writeProofPdf() prints: 9 pt, wrapping inside words where a word is longer
/// than its column, so the tables keep the widths they are given.
[[nodiscard]] std::unique_ptr<QTextDocument> proofDocument(const Tracking::ProofOfDelivery &proof);

[[nodiscard]] QString writeProofPdf(const Tracking::ProofOfDelivery &proof, const QString &path);

} // namespace Mailtrail::Ui
