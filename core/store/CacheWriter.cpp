// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/CacheWriter.h"

#include "store/Database.h"
#include "store/MessageRepository.h"

#include <QPointer>
#include <QSqlQuery>

namespace Mailtrail::Store {

/// Lives on the writer thread; owns the second connection.
class CacheWriterWorker : public QObject
{
public:
    explicit CacheWriterWorker(QString path) : m_path(std::move(path)) {}

    void ensureOpen()
    {
        if (m_db.isOpen() || !m_error.isEmpty())
            return;
        m_error = m_db.open(m_path);
        // Statement journals in memory: every multi-row INSERT (triggers, ON CONFLICT) keeps
        // one, and past 64 KiB SQLite spills it to a temporary file, so a first sync wrote
        // and deleted a file for most of its statements.
        if (m_error.isEmpty())
            QSqlQuery(m_db.connection()).exec(QStringLiteral("PRAGMA temp_store = MEMORY"));
    }
    void upsert(qint64 folderId, const QList<CacheRow> &records, SearchIndexing indexing)
    {
        ensureOpen();
        if (!m_error.isEmpty())
            return;
        m_error = MessageRepository(m_db.connection()).upsert(folderId, records, indexing, &m_statements);
    }
    void saveSyncState(const Folder &folder)
    {
        ensureOpen();
        if (!m_error.isEmpty())
            return;
        m_error = FolderRepository(m_db.connection()).saveSyncState(folder);
    }
    QString takeError()
    {
        QString e = m_error;
        m_error.clear();
        return e;
    }
    void close()
    {
        m_statements.clear();
        m_db.close();
    }

private:
    QString m_path;
    Database m_db; ///< declared before m_statements: destroyed after it
    UpsertStatements m_statements;
    QString m_error;
};

CacheWriter::CacheWriter(const QString &databasePath, QObject *parent)
    : QObject(parent), m_worker(new CacheWriterWorker(databasePath))
{
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.setObjectName(QStringLiteral("mailtrail-cache-writer"));
    m_thread.start();
}

CacheWriter::~CacheWriter()
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker] { w->close(); }, Qt::QueuedConnection);
    m_thread.quit(); // queued writes run first: quit() is processed after them
    m_thread.wait();
}

void CacheWriter::upsert(qint64 folderId, QList<CacheRow> records, SearchIndexing indexing)
{
    const qsizetype rows = records.size();
    m_backlog.fetch_add(rows, std::memory_order_acq_rel);
    // "this" outlives the call: the destructor waits for the worker thread.
    QMetaObject::invokeMethod(
        m_worker,
        [this, w = m_worker, folderId, indexing, rows, records = std::move(records)] {
            w->upsert(folderId, records, indexing);
            m_backlog.fetch_sub(rows, std::memory_order_acq_rel);
            Q_EMIT batchWritten(); // queued to the receivers on the writer's owner thread
        },
        Qt::QueuedConnection);
}

void CacheWriter::saveSyncState(const Folder &folder)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, folder] { w->saveSyncState(folder); }, Qt::QueuedConnection);
}

void CacheWriter::flush(std::function<void(const QString &)> done)
{
    QPointer<CacheWriter> self(this);
    QMetaObject::invokeMethod(
        m_worker,
        [w = m_worker, self, done = std::move(done)] {
            const QString error = w->takeError();
            if (self)
                QMetaObject::invokeMethod(self.data(), [done, error] { done(error); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

} // namespace Mailtrail::Store
