// SPDX-License-Identifier: GPL-3.0-or-later
#include "search/IndexMaintainer.h"

#include "store/BackgroundDatabase.h"

#include <QThread>

#include <algorithm>
#include <memory>

namespace Mailtrail::Search {

namespace {

/// Runs the steps on its thread, with a connection of its own.
class MaintenanceWorker : public QObject
{
public:
    explicit MaintenanceWorker(QString path) : m_database(std::move(path)) {}

    QString step(int pages, bool *worked, IndexSegments *segments)
    {
        *worked = false;
        if (!m_maintenance) {
            if (QString error = m_database.open(); !error.isEmpty())
                return error;
            m_maintenance = std::make_unique<IndexMaintenance>(m_database.connection());
        }
        const QString error = m_maintenance->step(pages, worked);
        if (!*worked) // the last step: what it leaves
            *segments = m_maintenance->segments();
        return error;
    }

private:
    Store::BackgroundDatabase m_database;
    std::unique_ptr<IndexMaintenance> m_maintenance; ///< remembers a full merge it started; goes before the connection
};

} // namespace

IndexMaintainer::IndexMaintainer(QString databasePath, QObject *parent)
    : QObject(parent)
    , m_path(std::move(databasePath))
{
    qRegisterMetaType<IndexSegments>();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &IndexMaintainer::tryStep);
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("search-index-merge"));
    auto *worker = new MaintenanceWorker(m_path);
    worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, worker, &QObject::deleteLater);
    m_worker = worker;
    m_thread->start();
}

IndexMaintainer::~IndexMaintainer()
{
    m_thread->quit();
    m_thread->wait(); // a running step ends first; the worker goes with the thread
}

void IndexMaintainer::indexChanged()
{
    m_pending = true;
    if (m_stepRunning)
        m_changedDuringStep = true;
    m_timer.start(m_quietMs);
}

void IndexMaintainer::tryStep()
{
    if (!m_pending || m_stepRunning)
        return;
    if (m_busy && m_busy()) {
        m_timer.start(std::max(m_quietMs, 100)); // look again later
        return;
    }
    m_stepRunning = true;
    m_changedDuringStep = false;
    auto *worker = static_cast<MaintenanceWorker *>(m_worker);
    // `this` outlives the call (the destructor waits for the thread), and a result posted
    // to it after it is gone is dropped with it.
    QMetaObject::invokeMethod(worker, [this, worker, pages = m_stepPages] {
        bool worked = false;
        IndexSegments segments;
        const QString error = worker->step(pages, &worked, &segments);
        QMetaObject::invokeMethod(this, [this, worked, segments, error] { stepDone(worked, segments, error); },
                                  Qt::QueuedConnection);
    }, Qt::QueuedConnection);
}

void IndexMaintainer::stepDone(bool worked, const IndexSegments &segments, const QString &error)
{
    m_stepRunning = false;
    ++m_steps;
    if (m_changedDuringStep) {
        // indexChanged() started the quiet period again; when it has passed already (its
        // timer fired while this step ran, and tryStep() left it to this), from now.
        m_changedDuringStep = false;
        if (!m_timer.isActive())
            m_timer.start(m_quietMs);
        return;
    }
    if (!error.isEmpty() || !worked) {
        m_pending = false;
        Q_EMIT idle(segments, error);
        return;
    }
    m_timer.start(m_pauseMs);
}

} // namespace Mailtrail::Search
