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

struct sqlite3;

namespace Mailtrail::Search {

class Fts5Words;
class KnownTerms;
struct TermCapture;

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

/// Puts a tokenizer named "unicode61" in front of SQLite's own on connection @p db (FTS5
/// looks tokenizers up newest first, per connection): it hands every token to SQLite's
/// unicode61 unchanged and, while a NewTerms of the connection collects, shows it each token
/// of a text being indexed, so the dictionary costs no second tokenization of the text
/// (35–50 µs a message, bench_search). Called by Store::Database::open() before anything
/// uses the full-text index; false when FTS5 is not available. The index is the same with
/// or without it: a connection without it (or one whose index was opened before) has its
/// NewTerms tokenize the texts themselves.
bool installTermCapture(sqlite3 *db);

/// The terms of texts being indexed, added to the dictionary in the writer's transaction:
/// construct it, write (the triggers index the texts), then, when captured() is false,
/// add() every text a document got, then store(). The connection remembers the terms it
/// found in the dictionary that no rollback can take away (found while none of its own
/// inserts since its last commit could have put them there), so a later batch does not look
/// them up again; a rebuild of the dictionary (search_terms_state) makes every connection
/// forget. It reads nothing before the caller's writes (store() reads after them).
class NewTerms
{
public:
    explicit NewTerms(QSqlDatabase db);
    ~NewTerms();
    NewTerms(const NewTerms &) = delete;
    NewTerms &operator=(const NewTerms &) = delete;

    /// Whether FTS5's own tokenizer showed this object the texts indexed since it was made
    /// (installTermCapture()): then add() is not needed.
    [[nodiscard]] bool captured() const;

    /// Tokenizes a text itself (when not captured()); ends the capture.
    void add(QByteArrayView utf8);
    void add(const QString &text) { add(QByteArrayView(text.toUtf8())); }

    /// Inserts the terms the dictionary lacks; the error text, empty on success. Ends the
    /// capture.
    [[nodiscard]] QString store();

    /// One token of an indexed text (the capture's).
    void collect(std::string_view term);

private:
    void endCapture();

    QSqlDatabase m_db;
    std::unique_ptr<Fts5Words> m_tokenizer;
    KnownTerms *m_known = nullptr; ///< the connection's
    TermSet m_terms;
    TermCapture *m_capture = nullptr;    ///< the connection's, while collecting
    NewTerms *m_previous = nullptr;      ///< the capture's collector before this one
    bool m_captured = false;
    bool m_tokenizerFailed = false;
};

} // namespace Mailtrail::Search
