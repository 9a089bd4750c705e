// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mime/OutgoingMessage.h"
#include "mime/ParsedMessage.h"

namespace Mailtrail::Mime {

/// Starts a reply or a forward of a message that was read: recipients, subject, threading
/// headers (RFC 5322 §3.6.4) and the quoted or forwarded body, ready for the composer.
class ReplyComposer
{
public:
    enum class ReplyMode { Sender, All };
    enum class ForwardMode {
        Inline, ///< a header block and the text in the body, the original's files re-attached
        Attachment, ///< the whole original as a message/rfc822 attachment
    };

    /// To: Reply-To or From; with All, Cc: the other To/Cc recipients except `identity`.
    /// In-Reply-To: the original's Message-ID; References: its References + Message-ID,
    /// trimmed (MessageBuilder::trimReferences). Body: attribution line and quoted text.
    [[nodiscard]] static OutgoingMessage reply(const ParsedMessage &original, const Mailbox &identity,
                                               ReplyMode mode = ReplyMode::Sender);
    [[nodiscard]] static OutgoingMessage forward(const ParsedMessage &original, const Mailbox &identity,
                                                 ForwardMode mode = ForwardMode::Inline);

    /// "On Wed, 25 Nov 2026 21:02, Jane Doe wrote:"
    [[nodiscard]] static QString attribution(const MessageHeaders &headers);
    /// Prefixes every line with "> " (">" for lines already quoted, RFC 3676 §4.5 style).
    [[nodiscard]] static QString quote(const QString &text);
    /// "Re: subject", without stacking "Re: Re:" (also understands "RE:", "Aw:", "Sv:").
    [[nodiscard]] static QString replySubject(const QString &subject);
    [[nodiscard]] static QString forwardSubject(const QString &subject);
};

} // namespace Mailtrail::Mime
