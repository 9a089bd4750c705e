// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace Mailtrail::Search {

/// The text of a message that the search index holds beside its header fields.
struct DocumentText
{
    QString body;        ///< the display part as text: text/plain, or HTML reduced to text
    QString attachments; ///< the attachments' file names, one per line (not their contents)

    friend bool operator==(const DocumentText &, const DocumentText &) = default;
};

/// At most this many characters of a body are indexed (a 50 MB log pasted into a mail
/// would otherwise make one document larger than the rest of the mailbox).
inline constexpr qsizetype kMaxIndexedBodyChars = 256 * 1024;

/// Extracts the indexed text from a raw RFC 5322 message (parsed with Mime::MessageReader).
[[nodiscard]] DocumentText documentText(const QByteArray &raw);

} // namespace Mailtrail::Search
