// SPDX-License-Identifier: GPL-3.0-or-later
#include "search/BackgroundOfflineBodies.h"

#include "store/Database.h"

#include <memory>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace Mailtrail::Search {

namespace {

/// Lives on the worker thread: opens the database there and runs the job.
class Worker : public QObject
{
    Q_OBJECT
public:
    Worker(Store::Account account, Sync::Credentials credentials, QString path, int batchSize)
        : m_account(std::move(account)), m_credentials(std::move(credentials)), m_path(std::move(path)), m_batchSize(batchSize)
    {
    }
    ~Worker() override
    {
        delete m_job; // before the connection it uses
        m_database.reset();
    }

    void start()
    {
#ifdef Q_OS_LINUX
        // Below the GUI thread: on a busy machine the scheduler gives a frame the CPU first.
        // (QThread's priorities do nothing for ordinary Linux threads; a thread's nice does.)
        setpriority(PRIO_PROCESS, pid_t(syscall(SYS_gettid)), getpriority(PRIO_PROCESS, 0) + 10);
#endif
        m_database = std::make_unique<Store::Database>();
        if (const QString error = m_database->open(m_path); !error.isEmpty()) {
            OfflineBodiesResult result;
            result.account = m_account.name;
            result.error = error;
            Q_EMIT finished(result);
            return;
        }
        m_job = new OfflineBodies(m_account, m_credentials, m_database->connection());
        m_job->setBatchSize(m_batchSize);
        connect(m_job, &OfflineBodies::certificateProblem, m_job,
                [job = m_job](const Net::CertificateProblem &) { job->answerCertificate(Net::CertificateDecision::Reject); });
        connect(m_job, &OfflineBodies::progress, this, &Worker::progress);
        connect(m_job, &OfflineBodies::finished, this, &Worker::finished);
        m_job->start();
    }
    void pause()
    {
        if (m_job)
            m_job->pause();
    }
    void resume()
    {
        if (m_job)
            m_job->resume();
    }

Q_SIGNALS:
    void progress(int done, int total);
    void finished(const Mailtrail::Search::OfflineBodiesResult &result);

private:
    Store::Account m_account;
    Sync::Credentials m_credentials;
    QString m_path;
    int m_batchSize;
    std::unique_ptr<Store::Database> m_database;
    OfflineBodies *m_job = nullptr;
};

} // namespace

BackgroundOfflineBodies::BackgroundOfflineBodies(Store::Account account, Sync::Credentials credentials,
                                                 QString databasePath, QObject *parent)
    : QObject(parent)
    , m_account(std::move(account))
    , m_credentials(std::move(credentials))
    , m_databasePath(std::move(databasePath))
{
    qRegisterMetaType<Mailtrail::Search::OfflineBodiesResult>();
    m_thread.setObjectName(QStringLiteral("offline-bodies"));
}

BackgroundOfflineBodies::~BackgroundOfflineBodies()
{
    if (m_thread.isRunning()) {
        if (m_worker)
            QMetaObject::invokeMethod(m_worker, [w = static_cast<Worker *>(m_worker)] { w->pause(); });
        m_thread.quit();
        m_thread.wait();
    }
}

void BackgroundOfflineBodies::start()
{
    if (m_worker)
        return;
    auto *worker = new Worker(m_account, m_credentials, m_databasePath, m_batchSize);
    m_worker = worker;
    worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, worker, &QObject::deleteLater);
    connect(worker, &Worker::progress, this, &BackgroundOfflineBodies::progress);
    connect(worker, &Worker::finished, this, [this](const OfflineBodiesResult &result) {
        m_thread.quit();
        m_thread.wait();
        Q_EMIT finished(result);
    });
    m_thread.start();
    QMetaObject::invokeMethod(worker, &Worker::start, Qt::QueuedConnection);
}

void BackgroundOfflineBodies::pause()
{
    if (m_worker && m_thread.isRunning())
        QMetaObject::invokeMethod(static_cast<Worker *>(m_worker), &Worker::pause, Qt::QueuedConnection);
}

void BackgroundOfflineBodies::resume()
{
    if (m_worker && m_thread.isRunning())
        QMetaObject::invokeMethod(static_cast<Worker *>(m_worker), &Worker::resume, Qt::QueuedConnection);
}

} // namespace Mailtrail::Search

#include "BackgroundOfflineBodies.moc"
