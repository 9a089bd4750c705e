// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mime/ParsedMessage.h"

namespace Mailtrail::Mime {

/// Parses message bytes with GMime into a ParsedMessage. Never fails: broken MIME gives
/// best-effort content plus warnings, and the raw bytes are kept. Nesting (multiparts and
/// message/rfc822) deeper than `maxDepth` is not descended into.
class MessageReader
{
public:
    static constexpr int defaultMaxDepth = 32;

    [[nodiscard]] static ParsedMessage parse(const QByteArray &bytes, int maxDepth = defaultMaxDepth);
};

} // namespace Mailtrail::Mime
