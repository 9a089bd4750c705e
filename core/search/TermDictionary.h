// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace Mailtrail::Search {

/// At most this many indexed terms replace a prefix in a query; a prefix that starts more is
/// left to FTS5's own prefix query (slower, never incomplete).
inline constexpr int kMaxPrefixTerms = 1000;

/// The terms of the full-text index (resources/sql/215-search-terms.sql), and FTS5's own
/// tokenizer, to answer prefix queries without a prefix index: `invo*` becomes the OR of the
/// indexed terms that start with "invo".
class TermDictionary
{
public:
    explicit TermDictionary(QSqlDatabase db) : m_db(std::move(db)) {}

    /// The tokens FTS5 makes of @p text in a query, in order: the tokenizer of message_search
    /// (unicode61 remove_diacritics 2: case folded, diacritics removed), called through
    /// SQLite's fts5_api, so they are exactly the index's terms. Empty when the text has no
    /// token or the connection is not SQLite's.
    [[nodiscard]] QStringList tokens(const QString &text) const;

    /// Every indexed term that starts with @p prefix (a token as tokens() makes it), in
    /// byte order; std::nullopt when there are more than @p cap of them or the dictionary
    /// cannot be read (the caller then asks FTS5 for the prefix itself).
    [[nodiscard]] std::optional<QStringList> completions(const QString &prefix, int cap) const;

private:
    QSqlDatabase m_db;
};

} // namespace Mailtrail::Search
