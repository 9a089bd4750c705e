// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "search/Query.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace Mailtrail::Search {

/// A query as IMAP SEARCH keys (RFC 9051 §6.4.4, CHARSET UTF-8), or why it cannot be one.
struct ServerQuery
{
    QByteArray criteria;   ///< the search keys, without "UID SEARCH" and CHARSET; empty when !ok
    QString folder;        ///< folder: terms (top level) restrict the folders searched
    QString account;       ///< account: (top level) likewise
    QString unsupportedKey; ///< the first key the server cannot answer ("filename:", "state:", …)
    [[nodiscard]] bool ok() const { return unsupportedKey.isEmpty(); }
};

/// Translates a parsed query: words and phrases → TEXT (IMAP matches sub-strings, so a
/// prefix is the word itself), from:/to:/cc:/subject:/body: → FROM/TO/CC/SUBJECT/BODY,
/// is: → UNSEEN/SEEN/FLAGGED/ANSWERED, dates → SENTSINCE/SENTBEFORE (the Date header, like
/// the local index), larger:/smaller: → LARGER/SMALLER, OR → OR, -x → NOT. folder: and
/// account: at the top level choose the folders; filename:, has:, delivery states, and
/// folder:/account: inside OR or NOT have no SEARCH key. Strings with non-ASCII characters
/// are sent as literals when @p literalPlus (RFC 7888), else as quoted UTF-8.
[[nodiscard]] ServerQuery serverQuery(const Node &query, bool literalPlus);

} // namespace Mailtrail::Search
