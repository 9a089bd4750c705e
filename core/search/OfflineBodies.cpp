// SPDX-License-Identifier: GPL-3.0-or-later
#include "search/OfflineBodies.h"

#include "imap/SequenceSet.h"
#include "imap/Session.h"
#include "store/BackgroundDatabase.h"
#include "store/Database.h"
#include "store/MessageRepository.h"
#include "sync/AccountSession.h"

#include <QThread>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <memory>

namespace Mailtrail::Search {

namespace {

/// Stores batches of bodies through a connection it opens on its own thread.
class BodyStorer : public QObject
{
public:
    explicit BodyStorer(QString path) : m_database(std::move(path)) {}

    QString store(const QList<std::pair<qint64, QByteArray>> &bodies)
    {
        if (QString error = m_database.open(); !error.isEmpty())
            return error;
        return Store::MessageRepository(m_database.connection()).storeBodies(bodies);
    }

private:
    Store::BackgroundDatabase m_database;
};

} // namespace

OfflineBodies::~OfflineBodies()
{
    if (m_storeThread) {
        m_storeThread->quit();
        m_storeThread->wait(); // a batch being stored finishes first; the storer goes with the thread
    }
}

void OfflineBodies::setStoreOffThread(const QString &databasePath)
{
    if (m_storeThread || databasePath.isEmpty() || databasePath == QLatin1String(":memory:"))
        return;
    m_storeThread = new QThread(this);
    m_storeThread->setObjectName(QStringLiteral("offline-bodies-store"));
    auto *storer = new BodyStorer(databasePath);
    storer->moveToThread(m_storeThread);
    connect(m_storeThread, &QThread::finished, storer, &QObject::deleteLater);
    m_storer = storer;
    m_storeThread->start();
}

void OfflineBodies::store(const QList<std::pair<qint64, QByteArray>> &bodies)
{
    if (!m_storer) {
        stored(int(bodies.size()), Store::MessageRepository(m_db).storeBodies(bodies));
        return;
    }
    m_busy = true; // until stored(): pause() and resume() wait for it
    auto *storer = static_cast<BodyStorer *>(m_storer);
    // `this` outlives the call: the destructor waits for the store thread.
    QMetaObject::invokeMethod(storer, [this, storer, bodies] {
        const QString error = storer->store(bodies);
        QMetaObject::invokeMethod(this, [this, error, count = int(bodies.size())] { stored(count, error); },
                                  Qt::QueuedConnection);
    }, Qt::QueuedConnection);
}

void OfflineBodies::stored(int count, const QString &error)
{
    m_busy = false;
    if (m_finished)
        return;
    if (!error.isEmpty()) {
        finish(false, error);
        return;
    }
    m_result.downloaded += count;
    Q_EMIT progress(m_result.downloaded, m_total);
    // Let the event loop breathe between batches.
    QMetaObject::invokeMethod(this, &OfflineBodies::next, Qt::QueuedConnection);
}

OfflineBodies::OfflineBodies(Store::Account account, QSqlDatabase db, QObject *parent)
    : QObject(parent)
    , m_account(std::move(account))
    , m_db(std::move(db))
{
    qRegisterMetaType<OfflineBodiesResult>();
    m_result.account = m_account.name;
}

int OfflineBodies::offlineDays(QSqlDatabase db, qint64 accountId)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT offline_days FROM accounts WHERE id = ?"));
    q.addBindValue(accountId);
    return q.exec() && q.next() ? q.value(0).toInt() : 0;
}

QString OfflineBodies::setOfflineDays(QSqlDatabase db, qint64 accountId, int days)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE accounts SET offline_days = ? WHERE id = ?"));
    q.addBindValue(std::max(0, days));
    q.addBindValue(accountId);
    if (!q.exec())
        return QStringLiteral("cannot save the offline period: %1").arg(q.lastError().text());
    return {};
}

void OfflineBodies::start()
{
    const int days = offlineDays(m_db, m_account.id);
    const QDateTime now = m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
    if (days > 0) {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral(
            "SELECT m.id, f.id, f.wire_name, m.uid FROM messages m JOIN folders f ON f.id = m.folder_id "
            "WHERE f.account_id = ? AND f.selectable <> 0 AND m.date >= ? "
            "AND NOT EXISTS (SELECT 1 FROM message_bodies b WHERE b.message_rowid = m.id) "
            "ORDER BY f.id, m.date DESC"));
        q.addBindValue(m_account.id);
        q.addBindValue(now.addDays(-days).toSecsSinceEpoch());
        if (q.exec()) {
            while (q.next())
                m_wanted.append({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toByteArray(), q.value(3).toUInt()});
        }
    }
    m_total = int(m_wanted.size());
    if (m_wanted.isEmpty()) {
        QMetaObject::invokeMethod(this, [this] { finish(true); }, Qt::QueuedConnection);
        return;
    }
    if (!m_accountSession) {
        QMetaObject::invokeMethod(this, [this] { finish(false, {}, true); }, Qt::QueuedConnection); // as offline
        return;
    }
    QMetaObject::invokeMethod(this, &OfflineBodies::next, Qt::QueuedConnection);
}

void OfflineBodies::setAccountSession(Sync::AccountSession *session)
{
    m_accountSession = session;
}

void OfflineBodies::pause()
{
    m_paused = true;
}

void OfflineBodies::resume()
{
    if (!m_paused)
        return;
    m_paused = false;
    if (!m_busy && m_accountSession)
        QMetaObject::invokeMethod(this, &OfflineBodies::next, Qt::QueuedConnection);
}

void OfflineBodies::next()
{
    if (m_finished || m_paused || m_busy)
        return;
    if (m_next >= m_wanted.size()) {
        finish(true);
        return;
    }
    if (!m_accountSession) { // gone (its account was removed): as offline
        finish(false, {}, true);
        return;
    }
    enqueueBatch();
}

void OfflineBodies::skipFolder(qint64 folderId)
{
    while (m_next < m_wanted.size() && m_wanted.at(m_next).folderId == folderId)
        ++m_next;
}

void OfflineBodies::enqueueBatch()
{
    // One batch per job: what the user asks for meanwhile (a body, a flag) waits for one
    // batch at most, and the session keeps the folder selected between batches.
    const Wanted &first = m_wanted.at(m_next);
    Sync::AccountSession::Job job;
    job.mailbox = first.folderWireName;
    QPointer<OfflineBodies> self(this);
    job.work = [self](Imap::Session &session, Sync::AccountSession::Done done) {
        if (!self || self->m_finished || self->m_next >= self->m_wanted.size()) {
            done({});
            return;
        }
        self->fetchBatch(session, std::move(done));
    };
    job.done = [self, folderId = first.folderId](const Imap::ImapError &error) {
        if (!self || !error.isError() || self->m_finished)
            return;
        self->m_busy = false;
        if (error.kind == Imap::ImapError::Kind::Transport) {
            self->finish(false, error.message(),
                         error.transport.kind != Net::TransportError::Kind::CertificateRejected);
            return;
        }
        self->skipFolder(folderId); // it cannot be selected (gone on the server)
        QMetaObject::invokeMethod(self, &OfflineBodies::next, Qt::QueuedConnection);
    };
    m_busy = true;
    m_accountSession->enqueue(std::move(job));
}

void OfflineBodies::fetchBatch(Imap::Session &session, std::function<void(const Imap::ImapError &)> jobDone)
{
    QHash<quint32, qint64> batch; // uid → message id
    const qint64 folderId = m_wanted.at(m_next).folderId;
    while (m_next < m_wanted.size() && m_wanted.at(m_next).folderId == folderId && batch.size() < m_batchSize) {
        batch.insert(m_wanted.at(m_next).uid, m_wanted.at(m_next).messageId);
        ++m_next;
    }
    auto bodies = std::make_shared<QHash<qint64, QByteArray>>();
    Imap::Session::Handlers h;
    h.untagged = [batch, bodies](const Imap::Response &r) {
        if (const auto *f = std::get_if<Imap::FetchData>(&r); f && batch.contains(f->uid)) {
            const auto it = f->sections.constFind("BODY[]");
            if (it != f->sections.cend())
                bodies->insert(batch.value(f->uid), *it);
        }
    };
    h.done = [this, bodies, jobDone = std::move(jobDone)](const Imap::TaggedResponse &response) {
        m_busy = false;
        jobDone({}); // the session's next job may start; the batch is ours to store
        if (response.status != Imap::Status::Ok) {
            finish(false, QString::fromUtf8(response.text));
            return;
        }
        QList<std::pair<qint64, QByteArray>> batchBodies;
        for (auto it = bodies->cbegin(); it != bodies->cend(); ++it)
            batchBodies.append({it.key(), it.value()});
        store(batchBodies);
    };
    m_busy = true;
    session.command("UID FETCH " + Imap::SequenceSet::fromValues(batch.keys()).toByteArray() + " (UID BODY.PEEK[])", h);
}

void OfflineBodies::finish(bool ok, const QString &error, bool offline)
{
    if (m_finished)
        return;
    m_finished = true;
    m_result.ok = ok;
    m_result.error = error;
    m_result.offline = offline;
    m_result.remaining = m_total - m_result.downloaded;
    Q_EMIT finished(m_result);
}

} // namespace Mailtrail::Search
