// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tracking/DeliveryState.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace Mailtrail::Search {

/// What one term of a query looks at (issue 17, "the query language").
enum class Key {
    Text,           ///< a free word or "phrase": any text field (subject, people, body, file names)
    From,           ///< from:
    To,             ///< to:
    Cc,             ///< cc:
    Subject,        ///< subject:
    Body,           ///< body:
    Filename,       ///< filename: an attachment's name
    HasAttachment,  ///< has:attachment
    Is,             ///< is:unread|read|flagged|answered
    Folder,         ///< folder: (the folder's name, case-insensitive, sub-string)
    Account,        ///< account: (the account's name, exact, case-insensitive)
    Date,           ///< before: / after: / date: — a range of local dates
    Larger,         ///< larger: size in bytes (suffix k, M, G)
    Smaller,        ///< smaller:
    State,          ///< state: a sent mail with a recipient in this delivery state
    RecipientState, ///< recipient-state:ADDRESS=STATE
    Status,         ///< status:5.1.1 — a recipient whose state was decided by this enhanced status
};

enum class Flag { Unread, Read, Flagged, Answered };

/// One leaf of a query. Only the members that belong to `key` are set.
struct Term
{
    Key key = Key::Text;
    QString text;        ///< words (Text … Filename, Folder, Account), an address (RecipientState), a status
    bool phrase = false; ///< written in double quotes: the words in this order
    bool prefix = false; ///< ends with `*`: the last word is a prefix
    Flag flag = Flag::Unread;
    QDate from;          ///< Date: first day included; invalid: open
    QDate until;         ///< Date: first day not included; invalid: open
    qint64 bytes = 0;    ///< Larger / Smaller
    Tracking::DeliveryState state = Tracking::DeliveryState::Queued;

    friend bool operator==(const Term &, const Term &) = default;
};

/// A parsed query: a tree of AND / OR / NOT over terms.
struct Node
{
    enum class Kind { Term, And, Or, Not };
    Kind kind = Kind::Term;
    Term term;
    QList<Node> children;

    friend bool operator==(const Node &, const Node &) = default;
};

/// A query that cannot be parsed: a message for people naming what is wrong, and where.
struct QueryError
{
    QString message;
    qsizetype position = 0; ///< index into the query text

    friend bool operator==(const QueryError &, const QueryError &) = default;
};

struct ParsedQuery
{
    std::optional<Node> root; ///< set when the query is valid
    QueryError error;         ///< set when it is not
    [[nodiscard]] bool ok() const { return root.has_value(); }
};

/// Parses the search language (Gmail / notmuch style): words, "phrases" (\" and \\ escape
/// inside quotes), prefix*, key:value, -term and NOT term to exclude, OR (binds tighter
/// than the implicit AND), parentheses. Relative dates (after:7d, date:today) are
/// resolved against @p today. A pure function: no database, no clock.
[[nodiscard]] ParsedQuery parseQuery(const QString &query, const QDate &today);

/// A canonical text of a tree, for tests and logs: `AND(from:"carol" NOT(text:"x"))`.
[[nodiscard]] QString describe(const Node &node);

/// The keys the language knows, with their colon ("from:", "is:unread", …), for completion.
[[nodiscard]] QStringList completions();

} // namespace Mailtrail::Search
