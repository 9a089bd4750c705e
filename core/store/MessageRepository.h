// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/MessageRecord.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>

#include <optional>

struct sqlite3_stmt;

namespace Mailtrail::Store {

/// A flag change seen on the server (FETCH FLAGS, RFC 9051 §7.5.2).
struct FlagUpdate
{
    quint32 uid = 0;
    QByteArrayList flags;
    quint64 modseq = 0;
    bool operator==(const FlagUpdate &) const = default;
};

/// Cached messages and bodies. Batch writes run in one transaction each.
/// When the full-text index learns of new cached messages: in the writer's transaction, or
/// later in batches (a bulk load, such as the first sync of a big folder).
enum class SearchIndexing { Now, Deferred };

/// The bulk upsert's prepared INSERT of the most rows a statement takes, kept by a writer
/// that upserts batch after batch on one connection (CacheWriter: a first sync of 100,000
/// messages prepared it once per batch, 8 % of the writer's time). Destroy it before its
/// connection closes (an unfinalized statement keeps SQLite from closing it).
class UpsertStatements
{
public:
    UpsertStatements() = default;
    UpsertStatements(const UpsertStatements &) = delete;
    UpsertStatements &operator=(const UpsertStatements &) = delete;
    ~UpsertStatements();
    /// Finalizes the statement (before its connection closes).
    void clear();

private:
    friend class MessageRepository;
    sqlite3_stmt *m_full = nullptr;
    int m_rows = 0; ///< rows of m_full
};

class MessageRepository
{
public:
    explicit MessageRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    /// Inserts messages; an existing (folder, UID) only gets its flags and MODSEQ refreshed.
    [[nodiscard]] QString upsert(qint64 folderId, const QList<MessageRecord> &records);
    /// The same for rows already in the cache's form (the first sync's path). With
    /// SearchIndexing::Deferred new rows get no search document yet (search_pending, see
    /// resources/sql/226-search-deferred.sql) and the commit records their row ids in
    /// search_deferred (230-search-deferred-ranges.sql): Search::Index::catchUp() indexes
    /// them later.
    [[nodiscard]] QString upsert(qint64 folderId, const QList<CacheRow> &rows,
                                 SearchIndexing indexing = SearchIndexing::Now);
    /// The same, keeping its prepared statement in @p keep for the next batch on this
    /// connection.
    [[nodiscard]] QString upsert(qint64 folderId, const QList<CacheRow> &rows, SearchIndexing indexing,
                                 UpsertStatements *keep);
    /// Updates flags of cached messages (unknown UIDs are ignored).
    [[nodiscard]] QString updateFlags(qint64 folderId, const QList<FlagUpdate> &updates);
    /// Removes messages by UID (EXPUNGE / VANISHED).
    [[nodiscard]] QString removeUids(qint64 folderId, const QList<quint32> &uids);
    /// After UID MOVE with COPYUID (RFC 4315 §3): cached message @p messageId now lives in
    /// @p folderId under @p uid. The row itself moves, so its body, its search text and what
    /// refers to it stay attached. When that folder has the UID cached already (a sync was
    /// quicker), the old row goes instead.
    [[nodiscard]] QString moveTo(qint64 messageId, qint64 folderId, quint32 uid);
    /// After UID COPY with COPYUID: a copy of cached message @p messageId in @p folderId under
    /// @p uid, with its body and search text (nothing when that UID is cached already). The
    /// copy of a message whose search indexing is deferred is deferred too.
    [[nodiscard]] QString copyTo(qint64 messageId, qint64 folderId, quint32 uid);
    /// Removes every cached message of a folder (UIDVALIDITY changed).
    [[nodiscard]] QString removeAll(qint64 folderId);

    [[nodiscard]] QList<quint32> uids(qint64 folderId) const;
    [[nodiscard]] QHash<quint32, QByteArrayList> flagsByUid(qint64 folderId) const;
    [[nodiscard]] qint64 count(qint64 folderId) const;
    [[nodiscard]] qint64 unreadCount(qint64 folderId) const;
    [[nodiscard]] std::optional<MessageRecord> find(qint64 folderId, quint32 uid) const;
    [[nodiscard]] std::optional<MessageRecord> findById(qint64 id) const;
    /// Messages whose Message-ID header is @p messageId (any folder).
    [[nodiscard]] QList<MessageRecord> findByMessageId(const QString &messageId) const;
    /// Messages of a folder flagged looks_like_report, by UID.
    [[nodiscard]] QList<MessageRecord> reports(qint64 folderId) const;

    /// The cached raw message, if fetched before.
    [[nodiscard]] std::optional<QByteArray> body(qint64 messageId) const;
    [[nodiscard]] QString storeBody(qint64 messageId, const QByteArray &raw);
    /// Stores many bodies (message id, raw) and indexes their text in one transaction, with
    /// statements prepared once: what a batch of downloaded bodies should use.
    [[nodiscard]] QString storeBodies(const QList<std::pair<qint64, QByteArray>> &bodies);

    /// Column list matching recordFromQuery() (for models that page through messages).
    [[nodiscard]] static QString recordColumns();
    [[nodiscard]] static MessageRecord recordFromQuery(const class QSqlQuery &query);

private:
    [[nodiscard]] QString largestId(qint64 *id) const;
    /// Records the rows this transaction added after row id @p lastIdBefore as deferred.
    [[nodiscard]] QString rememberDeferred(qint64 lastIdBefore, const QList<CacheRow> &rows);
    /// Records the new rows @p firstId to @p lastId as deferred (search_deferred).
    [[nodiscard]] QString rememberDeferred(qint64 firstId, qint64 lastId, qint64 newest);

    QSqlDatabase m_db;
};

} // namespace Mailtrail::Store
