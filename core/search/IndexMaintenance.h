// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QString>

namespace Mailtrail::Search {

/// The b-trees ("segments") the full-text index is made of (https://sqlite.org/fts5.html §6.8).
struct IndexSegments
{
    int count = 0;            ///< segments of message_search
    qint64 leafPages = 0;     ///< their leaf pages (about 4 KB each), in all
    qint64 largestPages = 0;  ///< the largest segment's
    bool ok = false;          ///< false when they could not be read
};

/// Keeps message_search merged. Every transaction that indexes something adds a segment,
/// and FTS5's own automerge only keeps a few per level: a profile that was just filled by
/// a sync and a body download has 10 or more, and a query looks each of its terms up in
/// every segment (bench_search: a prefix query, an OR of many terms, took 46 ms in 11
/// segments, 13 ms in one). This class merges them with FTS5's incremental 'merge', in
/// small steps that each are a short transaction of their own, so a writer waits for one
/// step at most:
///  - a full merge (into one segment) when the segments besides the largest hold a quarter
///    of its size or more, or when tail merges (below) leave more than kMaxSegments; the
///    first step passes a negative page count (all segments onto one level), the others a
///    positive one, so a segment written meanwhile does not restart the merge;
///  - otherwise a tail merge: positive steps only, which merge segments of the same level
///    (usermerge = 2, resources/sql/222-search-merge-settings.sql) and leave the large one alone, so a little new mail
///    does not rewrite the whole index.
/// The GUI runs it while the profile is idle (IndexMaintainer), the CLI after `index
/// rebuild` (optimize()) and after a `sync` that added many messages (bounded).
class IndexMaintenance
{
public:
    /// More segments than this always get a full merge.
    static constexpr int kMaxSegments = 4;
    /// Leaf pages one step writes by default (about 0.4 MB: a few tens of milliseconds).
    static constexpr int kStepPages = 100;

    explicit IndexMaintenance(QSqlDatabase db) : m_db(std::move(db)) {}

    [[nodiscard]] IndexSegments segments() const;

    /// Whether the index should be merged (more than one segment, by the rules above).
    [[nodiscard]] bool wanted() const;

    /// One step of about @p pages leaf pages, in a transaction of its own (or a savepoint
    /// of the caller's). *worked: whether it merged anything (false: nothing is left to do
    /// for now). The error text, empty on success; SQLITE_BUSY (a writer holds the
    /// database longer than the busy timeout) is an error, and the next step tries again.
    [[nodiscard]] QString step(int pages, bool *worked);

    /// Steps until nothing is left to merge or about @p pageBudget pages are written
    /// (0: no bound). *written: the pages written, about.
    [[nodiscard]] QString run(qint64 pageBudget = 0, qint64 *written = nullptr);

    /// After a command line sync (or another bulk write without an idle time to follow) that
    /// added @p documents: when they are kBulkDocuments or more, steps for a bounded time
    /// (one leaf page per 20 documents, at most 1,000 pages, about 4 MB); a full merge it
    /// starts, the next idle time or the next sync carries on.
    [[nodiscard]] QString mergeAfter(qint64 documents, qint64 *written = nullptr);
    static constexpr qint64 kBulkDocuments = 1000;

    /// Merges the whole index into one segment in one transaction (FTS5 'optimize'): after
    /// a rebuild, when nothing else runs.
    [[nodiscard]] QString optimize();

private:
    QSqlDatabase m_db;
    bool m_fullMergeStarted = false;
};

} // namespace Mailtrail::Search
