// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QSet>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

namespace Mailtrail::Search {

class Fts5Words;
class KnownTerms;

/// A set of terms (UTF-8) looked up without a copy of the key.
struct TermHash
{
    using is_transparent = void;
    size_t operator()(std::string_view term) const noexcept { return std::hash<std::string_view>{}(term); }
};
using TermSet = std::unordered_set<std::string, TermHash, std::equal_to<>>;

/// At most this many dictionary terms replace a prefix in a query; a prefix that starts more
/// is left to FTS5's own prefix query (never incomplete). An OR costs FTS5 ~7 µs per term
/// (bench_search: `con*`, 1,041 terms, ~7 ms), its own prefix query the whole doclist of
/// every term (~30 ms at 100,000 messages): 2,000 terms stay well below that.
inline constexpr int kMaxPrefixTerms = 2000;

/// The term dictionary of the full-text index (resources/sql/215-search-terms.sql) and FTS5's
/// own tokenizer, to answer prefix queries without a prefix index: `invo*` becomes the OR of
/// the indexed terms that start with "invo".
class TermDictionary
{
public:
    explicit TermDictionary(QSqlDatabase db) : m_db(std::move(db)) {}

    /// The tokens FTS5 makes of @p text in a query, in order: the tokenizer of message_search
    /// (unicode61 remove_diacritics 2: case folded, diacritics removed), called through
    /// SQLite's fts5_api, so they are exactly the index's terms. Empty when the text has no
    /// token or the connection is not SQLite's.
    [[nodiscard]] QStringList tokens(const QString &text) const;

    /// Every dictionary term that starts with @p prefix (a token as tokens() makes it), in
    /// byte order; std::nullopt when there are more than @p cap of them or the dictionary
    /// cannot be read (the caller then asks FTS5 for the prefix itself). May name terms of
    /// mail that is gone (until the next rebuild); never lacks a term of the index.
    [[nodiscard]] std::optional<QStringList> completions(const QString &prefix, int cap) const;

    /// Makes the dictionary the index's terms exactly (after Index::rebuild()).
    [[nodiscard]] QString refill();

    /// How many terms of the index the dictionary lacks (0 unless damaged); reads the whole
    /// index. -1 when it cannot be counted.
    [[nodiscard]] qint64 missingTerms() const;

    /// Bytes the dictionary takes in the database.
    [[nodiscard]] qint64 sizeBytes() const;

private:
    QSqlDatabase m_db;
};

/// The terms of texts about to be indexed, added to the dictionary in the writer's
/// transaction: add() every text a document gets, then store(). The connection remembers
/// the terms it found in the dictionary that no rollback can take away (found while none
/// of its own inserts since its last commit could have put them there), so a later batch
/// neither tokenizes them into its set nor looks them up again; a rebuild of the dictionary
/// (search_terms_state) makes every connection forget.
class NewTerms
{
public:
    explicit NewTerms(QSqlDatabase db);
    ~NewTerms();
    NewTerms(const NewTerms &) = delete;
    NewTerms &operator=(const NewTerms &) = delete;

    void add(QByteArrayView utf8);
    void add(const QString &text) { add(QByteArrayView(text.toUtf8())); }

    /// Inserts the terms the dictionary lacks; the error text, empty on success.
    [[nodiscard]] QString store();

private:
    QSqlDatabase m_db;
    std::unique_ptr<Fts5Words> m_tokenizer;
    KnownTerms *m_known = nullptr; ///< the connection's, or null when the state cannot be read
    TermSet m_terms;
};

} // namespace Mailtrail::Search
