// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "search/Query.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QSqlDatabase>
#include <QString>

namespace Mailtrail::Search {

class TermDictionary;

/// Where a search result was found.
enum class Where { Local, Server };

/// One message found.
struct Hit
{
    qint64 messageRowId = 0; ///< 0 for a server result that is not cached
    QString account;
    QString folder;
    qint64 folderId = 0;
    quint32 uid = 0;
    QString messageId; ///< with angle brackets, as in the header
    QDateTime date;
    QString fromName;
    QString fromAddress;
    QString subject;
    bool seen = false;
    Where where = Where::Local;

    friend bool operator==(const Hit &, const Hit &) = default;
};

/// Where to search and how much to return.
struct Scope
{
    QString account;       ///< only this account (its name) when set
    QString folder;        ///< only the folder of this exact name when set
    qint64 folderId = 0;   ///< only this folder when not 0
    int limit = 50;        ///< newest first; <= 0: all
    QDateTime now;         ///< for derived delivery states (overdue); current time when invalid
};

struct SearchResult
{
    QList<Hit> hits; ///< newest first
    QString error;   ///< a database error (never for a parsed query's content)
    qint64 unindexed = 0; ///< cached messages not in the index yet (a big sync's, being indexed)
};

/// Runs a parsed query on the cached messages and the full-text index (180-search.sql):
/// words, phrases and prefixes through FTS5 (newest first straight from the index, whose
/// keys are date-ordered; a prefix as the OR of the indexed terms it starts, from
/// TermDictionary, when only the newest few are wanted), the other keys on ordinary
/// columns, the delivery-state keys through the tracking store. Every value reaches SQLite
/// as a bound parameter or inside an FTS5 string, so no query text can change the SQL.
class LocalSearch
{
public:
    explicit LocalSearch(QSqlDatabase db) : m_db(std::move(db)) {}

    [[nodiscard]] SearchResult run(const Node &query, const Scope &scope) const;

    /// The FTS5 expression for a tree of text terms; empty when the tree has other keys or
    /// only exclusions. Public for tests.
    [[nodiscard]] static QString ftsExpression(const Node &node);
    /// The same, with prefixes expanded through @p dictionary when not null (what run() asks
    /// FTS5 when the scope has a limit). Public for tests.
    [[nodiscard]] static QString ftsExpression(const Node &node, const TermDictionary *dictionary);

private:
    QSqlDatabase m_db;
};

/// True for keys the full-text index answers (free text, from:, to:, cc:, subject:, body:,
/// filename:).
[[nodiscard]] bool isTextKey(Key key);

} // namespace Mailtrail::Search

Q_DECLARE_METATYPE(Mailtrail::Search::Hit)
Q_DECLARE_METATYPE(Mailtrail::Search::Scope)
