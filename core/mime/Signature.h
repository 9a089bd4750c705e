// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Mailtrail::Mime {

/// Where the user writes in a reply or forward: above the quoted text (the default) or
/// below it. The signature follows the user's text either way.
enum class QuotePosition { Above, Below };

/// A message body as the composer starts it, and where the cursor goes.
struct BodyLayout
{
    QString text;
    qsizetype cursor = 0;
    bool operator==(const BodyLayout &) const = default;
};

/// The signature as it goes into a body: the separator line "-- " (dash dash space, RFC 3676
/// §4.3) and the text, trailing blank lines dropped. A separator the user wrote at the top of
/// the text is not doubled. Empty when @p signature has no text.
[[nodiscard]] QString signatureBlock(const QString &signature);

/// A new message, reply or forward as the composer starts it: an empty line for the user's
/// text, the signature after it, and @p quoted (attribution and quote, or the forwarded
/// block; empty for a new message) above or below, one blank line between each part.
[[nodiscard]] BodyLayout layoutBody(const QString &quoted, const QString &signature,
                                    QuotePosition position = QuotePosition::Above);

/// @p body with the signature appended (as a program sending a body it was given does), or
/// unchanged when the signature is empty or the body already ends with that block.
[[nodiscard]] QString appendSignature(const QString &body, const QString &signature);

/// Replaces the block of @p oldSignature in @p text by that of @p newSignature (the user chose
/// another identity); when @p text lacks the old block (the user edited it), nothing changes
/// and false is returned. Adding a signature where there was none inserts it at @p insertAt.
bool replaceSignature(QString &text, const QString &oldSignature, const QString &newSignature,
                      qsizetype insertAt = -1);

} // namespace Mailtrail::Mime
