// SPDX-License-Identifier: GPL-3.0-or-later
#include "search/OfflineBodies.h"

#include "imap/SequenceSet.h"
#include "imap/Session.h"
#include "net/SocketTransport.h"
#include "store/Database.h"
#include "store/MessageRepository.h"

#include <QMetaMethod>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace Mailtrail::Search {

OfflineBodies::OfflineBodies(Store::Account account, Sync::Credentials credentials, QSqlDatabase db, QObject *parent)
    : QObject(parent)
    , m_account(std::move(account))
    , m_credentials(std::move(credentials))
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
    m_transport = m_factory ? m_factory(this) : new Net::SocketTransport(this);
    connect(m_transport, &Net::Transport::certificateProblem, this, [this](const Net::CertificateProblem &problem) {
        if (isSignalConnected(QMetaMethod::fromSignal(&OfflineBodies::certificateProblem)))
            Q_EMIT certificateProblem(problem);
        else
            m_transport->answerCertificate(Net::CertificateDecision::Reject);
    });
    m_session = new Imap::Session(m_transport, this);
    connect(m_session, &Imap::Session::ready, this, &OfflineBodies::onReady);
    connect(m_session, &Imap::Session::failed, this, [this](const Imap::ImapError &error) {
        finish(false, error.message(),
               error.kind == Imap::ImapError::Kind::Transport
                   && error.transport.kind != Net::TransportError::Kind::CertificateRejected);
    });
    m_session->open(Sync::imapEndpoint(m_account), m_credentials.forImap(m_account));
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
    if (!m_busy && m_session && m_session->state() == Imap::Session::State::Ready)
        QMetaObject::invokeMethod(this, &OfflineBodies::next, Qt::QueuedConnection);
}

void OfflineBodies::answerCertificate(Net::CertificateDecision decision)
{
    if (m_transport)
        m_transport->answerCertificate(decision);
}

void OfflineBodies::onReady()
{
    next();
}

void OfflineBodies::next()
{
    if (m_finished || m_paused || m_busy)
        return;
    if (m_next >= m_wanted.size()) {
        finish(true);
        return;
    }
    const Wanted &first = m_wanted.at(m_next);
    if (first.folderId == m_selectedFolder) {
        fetchBatch();
        return;
    }
    m_busy = true;
    m_session->command("EXAMINE " + Imap::Session::quoted(first.folderWireName),
                       {{}, {}, [this, folderId = first.folderId](const Imap::TaggedResponse &response) {
                            m_busy = false;
                            if (response.status != Imap::Status::Ok) {
                                // The folder is gone on the server: skip its messages.
                                while (m_next < m_wanted.size() && m_wanted.at(m_next).folderId == folderId)
                                    ++m_next;
                                next();
                                return;
                            }
                            m_selectedFolder = folderId;
                            fetchBatch();
                        }});
}

void OfflineBodies::fetchBatch()
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
    h.done = [this, bodies, size = int(batch.size())](const Imap::TaggedResponse &response) {
        m_busy = false;
        if (response.status != Imap::Status::Ok) {
            finish(false, QString::fromUtf8(response.text));
            return;
        }
        {
            QList<std::pair<qint64, QByteArray>> batchBodies;
            for (auto it = bodies->cbegin(); it != bodies->cend(); ++it)
                batchBodies.append({it.key(), it.value()});
            if (const QString error = Store::MessageRepository(m_db).storeBodies(batchBodies); !error.isEmpty()) {
                finish(false, error);
                return;
            }
        }
        m_result.downloaded += int(bodies->size());
        Q_UNUSED(size)
        Q_EMIT progress(m_result.downloaded, m_total);
        // Let the event loop breathe between batches.
        QMetaObject::invokeMethod(this, &OfflineBodies::next, Qt::QueuedConnection);
    };
    m_busy = true;
    m_session->command("UID FETCH " + Imap::SequenceSet::fromValues(batch.keys()).toByteArray() + " (UID BODY.PEEK[])", h);
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
    if (m_session && m_session->state() == Imap::Session::State::Ready)
        m_session->logout();
    Q_EMIT finished(m_result);
}

} // namespace Mailtrail::Search
