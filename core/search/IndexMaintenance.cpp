// SPDX-License-Identifier: GPL-3.0-or-later
#include "search/IndexMaintenance.h"

#include "store/Sqlite_p.h"

#include <algorithm>

namespace Mailtrail::Search {

namespace {

QString sqliteError(sqlite3 *db)
{
    return QString::fromUtf8(sqlite3_errmsg(db));
}

bool exec(sqlite3 *db, const char *sql)
{
    return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
}

enum class Plan { None, Full, Tail };

Plan planFor(const IndexSegments &s)
{
    if (!s.ok || s.count <= 1)
        return Plan::None;
    if ((s.leafPages - s.largestPages) * 4 >= s.largestPages)
        return Plan::Full;
    return Plan::Tail;
}

} // namespace

IndexSegments IndexMaintenance::segments() const
{
    IndexSegments s;
    sqlite3 *db = Store::Sqlite::handle(m_db);
    if (!db)
        return s;
    // message_search_idx has a row (segid, term, pgno) for every leaf page on which a term
    // starts, pgno being the page number times two (plus a flag): the largest is about the
    // segment's size in leaf pages.
    Store::Sqlite::Statement q;
    if (sqlite3_prepare_v2(db, "SELECT MAX(pgno) >> 1 FROM message_search_idx GROUP BY segid", -1, &q.stmt, nullptr)
        != SQLITE_OK)
        return s;
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(q.stmt)) == SQLITE_ROW) {
        const qint64 pages = sqlite3_column_int64(q.stmt, 0);
        ++s.count;
        s.leafPages += pages;
        s.largestPages = std::max(s.largestPages, pages);
    }
    s.ok = rc == SQLITE_DONE;
    return s;
}

bool IndexMaintenance::wanted() const
{
    return planFor(segments()) != Plan::None;
}

QString IndexMaintenance::step(int pages, bool *worked)
{
    *worked = false;
    sqlite3 *db = Store::Sqlite::handle(m_db);
    if (!db)
        return QStringLiteral("cannot merge the search index: not an SQLite connection");
    pages = std::max(1, pages);
    // Immediate: a deferred transaction that reads first could not take the write lock
    // from a writer that committed meanwhile (SQLITE_BUSY_SNAPSHOT), where an immediate
    // one waits for it (busy_timeout).
    const bool outermost = sqlite3_get_autocommit(db) != 0;
    if (!exec(db, outermost ? "BEGIN IMMEDIATE" : "SAVEPOINT mailtrail_merge"))
        return QStringLiteral("cannot merge the search index: %1").arg(sqliteError(db));
    const auto rollback = [&] {
        const QString error = QStringLiteral("cannot merge the search index: %1").arg(sqliteError(db));
        if (outermost) {
            exec(db, "ROLLBACK");
        } else {
            exec(db, "ROLLBACK TO mailtrail_merge");
            exec(db, "RELEASE mailtrail_merge");
        }
        return error;
    };
    // One 'merge' of N pages; FTS5 changed two rows or more when it did some work.
    const auto merge = [&](int n, bool *did) {
        Store::Sqlite::Statement q;
        if (sqlite3_prepare_v2(db, "INSERT INTO message_search(message_search, rank) VALUES('merge', ?)", -1, &q.stmt,
                               nullptr)
            != SQLITE_OK)
            return false;
        sqlite3_bind_int(q.stmt, 1, n);
        const sqlite3_int64 before = sqlite3_total_changes64(db);
        if (sqlite3_step(q.stmt) != SQLITE_DONE)
            return false;
        *did = sqlite3_total_changes64(db) - before >= 2;
        return true;
    };
    const IndexSegments before = segments();
    const Plan plan = planFor(before);
    bool did = false;
    if (plan == Plan::Full && !m_fullMergeStarted) {
        // All segments onto one level; from now on positive steps carry that merge on.
        m_fullMergeStarted = true;
        if (!merge(-pages, &did))
            return rollback();
    } else if (plan != Plan::None) {
        if (!merge(pages, &did))
            return rollback();
        if (!did && (plan == Plan::Full || before.count > kMaxSegments)) {
            // The merge started earlier is done and segments were added since, or the
            // tail has one segment on each of too many levels: merge them all.
            m_fullMergeStarted = true;
            if (!merge(-pages, &did))
                return rollback();
        }
    } else {
        m_fullMergeStarted = false;
    }
    if (!exec(db, outermost ? "COMMIT" : "RELEASE mailtrail_merge"))
        return rollback();
    *worked = did;
    if (!did)
        m_fullMergeStarted = false;
    return {};
}

QString IndexMaintenance::run(qint64 pageBudget, qint64 *written)
{
    qint64 done = 0;
    QString error;
    for (bool worked = true; worked && (pageBudget <= 0 || done < pageBudget);) {
        const int pages = pageBudget <= 0 ? kStepPages : int(std::min<qint64>(kStepPages, pageBudget - done));
        error = step(pages, &worked);
        if (!error.isEmpty())
            break;
        if (worked)
            done += pages;
    }
    if (written)
        *written = done;
    return error;
}

QString IndexMaintenance::mergeAfter(qint64 documents, qint64 *written)
{
    if (written)
        *written = 0;
    if (documents < kBulkDocuments)
        return {};
    return run(std::min<qint64>(documents / 20, 1000), written);
}

QString IndexMaintenance::optimize()
{
    sqlite3 *db = Store::Sqlite::handle(m_db);
    if (!db)
        return QStringLiteral("cannot merge the search index: not an SQLite connection");
    const bool outermost = sqlite3_get_autocommit(db) != 0;
    if (!exec(db, outermost ? "BEGIN IMMEDIATE" : "SAVEPOINT mailtrail_merge"))
        return QStringLiteral("cannot merge the search index: %1").arg(sqliteError(db));
    if (!exec(db, "INSERT INTO message_search(message_search) VALUES('optimize')")
        || !exec(db, outermost ? "COMMIT" : "RELEASE mailtrail_merge")) {
        const QString error = QStringLiteral("cannot merge the search index: %1").arg(sqliteError(db));
        if (outermost) {
            exec(db, "ROLLBACK");
        } else {
            exec(db, "ROLLBACK TO mailtrail_merge");
            exec(db, "RELEASE mailtrail_merge");
        }
        return error;
    }
    m_fullMergeStarted = false;
    return {};
}

} // namespace Mailtrail::Search
