// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/FolderRepository.h"
#include "store/MessageRecord.h"
#include "store/MessageRepository.h"

#include <QObject>
#include <QString>
#include <QThread>

#include <atomic>
#include <functional>

namespace Mailtrail::Store {

class CacheWriterWorker;

/// Writes message batches and folder sync state to the database file on a worker thread
/// with its own connection, in the order they were queued, so a first sync of a big
/// folder parses the server's stream while earlier batches are committed. Errors are
/// reported by flush(). Only for file databases (an in-memory database cannot be shared
/// between connections).
class CacheWriter : public QObject
{
    Q_OBJECT
public:
    explicit CacheWriter(const QString &databasePath, QObject *parent = nullptr);
    /// Waits for queued writes, then stops the worker.
    ~CacheWriter() override;

    void upsert(qint64 folderId, QList<CacheRow> rows, SearchIndexing indexing = SearchIndexing::Now);
    /// Rows handed to upsert() and not written yet: how far the writer lags behind.
    [[nodiscard]] qsizetype backlog() const { return m_backlog.load(std::memory_order_acquire); }
    void saveSyncState(const Folder &folder);
    /// Calls @p done on this object's thread once everything queued so far is written,
    /// with the first error since the last flush (empty on success).
    void flush(std::function<void(const QString &error)> done);

Q_SIGNALS:
    /// A batch of upsert() was written (or failed; flush() says): backlog() went down.
    void batchWritten();

private:
    QThread m_thread;
    CacheWriterWorker *m_worker = nullptr;
    std::atomic<qsizetype> m_backlog{0};
};

} // namespace Mailtrail::Store
