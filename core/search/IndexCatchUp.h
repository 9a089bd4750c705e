// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QSqlDatabase>
#include <QString>
#include <QThread>

namespace Mailtrail::Search {

/// Runs Index::catchUp() until the search index lacks nothing, in the background: the
/// messages a bulk load left to it (Store::SearchIndexing::Deferred), then bodies cached
/// before their text was indexed. With a database file it works on a thread of its own,
/// on its own connection and below the GUI thread's priority, one transaction per batch,
/// so the window and the sync's writer get the database between batches. With an
/// in-memory database (tests) it runs the batches on the caller's thread, one per event
/// loop turn.
class IndexCatchUp : public QObject
{
    Q_OBJECT
public:
    /// Messages per batch (one transaction).
    static constexpr int defaultBatch = 2000;

    explicit IndexCatchUp(QSqlDatabase db, QObject *parent = nullptr);
    ~IndexCatchUp() override; ///< waits for a batch being indexed

    /// Starts catching up; while running, one more round follows the running one (a sync
    /// may have deferred more meanwhile).
    void start();
    [[nodiscard]] bool isRunning() const { return m_running; }

Q_SIGNALS:
    /// A round ended: @p indexed messages or bodies were indexed; @p error is empty unless a
    /// batch failed (the rest waits for the next start()).
    void finished(qint64 indexed, const QString &error);

private:
    void runBatch();
    void batchDone(int done, const QString &error);

    QSqlDatabase m_db;
    QThread *m_thread = nullptr;
    QObject *m_worker = nullptr;
    bool m_running = false;
    bool m_again = false;
    qint64 m_indexed = 0;
};

} // namespace Mailtrail::Search
