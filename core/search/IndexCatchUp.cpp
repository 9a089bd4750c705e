// SPDX-License-Identifier: GPL-3.0-or-later
#include "search/IndexCatchUp.h"

#include "search/Index.h"
#include "store/BackgroundDatabase.h"

#include <QTimer>

namespace Mailtrail::Search {

namespace {

/// Lives on the catch-up thread; opens its connection there on first use.
class CatchUpWorker : public QObject
{
public:
    explicit CatchUpWorker(QString path) : m_database(std::move(path)) {}

    QString batch(int *done)
    {
        *done = 0;
        if (QString error = m_database.open(); !error.isEmpty())
            return error;
        return Index(m_database.connection()).catchUp(IndexCatchUp::defaultBatch, done);
    }

private:
    Store::BackgroundDatabase m_database;
};

} // namespace

IndexCatchUp::IndexCatchUp(QSqlDatabase db, QObject *parent) : QObject(parent), m_db(std::move(db))
{
    const QString path = m_db.databaseName();
    if (path.isEmpty() || path == QLatin1String(":memory:"))
        return;
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("search-catch-up"));
    m_worker = new CatchUpWorker(path);
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
}

IndexCatchUp::~IndexCatchUp()
{
    if (m_thread) {
        m_thread->quit();
        m_thread->wait(); // a batch being indexed commits first; the worker goes with the thread
    }
}

void IndexCatchUp::start()
{
    if (m_running) {
        m_again = true;
        return;
    }
    m_running = true;
    m_indexed = 0;
    runBatch();
}

void IndexCatchUp::runBatch()
{
    if (!m_worker) {
        QTimer::singleShot(0, this, [this] {
            int done = 0;
            const QString error = Index(m_db).catchUp(defaultBatch, &done);
            batchDone(done, error);
        });
        return;
    }
    auto *worker = static_cast<CatchUpWorker *>(m_worker);
    // `this` outlives the call: the destructor waits for the thread.
    QMetaObject::invokeMethod(
        worker,
        [this, worker] {
            int done = 0;
            const QString error = worker->batch(&done);
            QMetaObject::invokeMethod(this, [this, done, error] { batchDone(done, error); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void IndexCatchUp::batchDone(int done, const QString &error)
{
    m_indexed += done;
    if (error.isEmpty() && done > 0) {
        runBatch();
        return;
    }
    if (error.isEmpty() && m_again) {
        m_again = false;
        runBatch();
        return;
    }
    m_running = false;
    m_again = false;
    Q_EMIT finished(m_indexed, error);
}

} // namespace Mailtrail::Search
