// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/Drafts.h"

#include "imap/Session.h"
#include "net/SocketTransport.h"
#include "store/Database.h"
#include "store/FolderRepository.h"
#include "sync/AccountSession.h"
#include "sync/AccountSync.h"

#include <QSqlError>
#include <QSqlQuery>

#include <utility>

namespace Mailtrail::Sync {

namespace {

const char *kColumns = "id, account, subject, bytes, updated_at, imap_folder, imap_uidvalidity, "
                       "imap_uid, imap_state, imap_error";

Draft draftFrom(const QSqlQuery &q)
{
    Draft d;
    d.id = q.value(0).toLongLong();
    d.account = q.value(1).toString();
    d.subject = q.value(2).toString();
    d.bytes = q.value(3).toByteArray();
    d.updatedAt = QDateTime::fromMSecsSinceEpoch(q.value(4).toLongLong(), Qt::UTC);
    d.imapFolder = q.value(5).toString().toUtf8();
    d.uidValidity = q.value(6).toUInt();
    d.uid = q.value(7).toUInt();
    d.imapState = q.value(8).toString();
    d.imapError = q.value(9).toString();
    return d;
}

} // namespace

bool DraftStore::save(Draft &draft)
{
    m_lastError.clear();
    if (!draft.updatedAt.isValid())
        draft.updatedAt = QDateTime::currentDateTimeUtc();
    QSqlQuery q(m_db);
    if (draft.id == 0) {
        q.prepare(QStringLiteral("INSERT INTO drafts (account, subject, bytes, updated_at, "
                                 "imap_state) VALUES (?, ?, ?, ?, 'pending')"));
        q.addBindValue(Store::notNull(draft.account));
        q.addBindValue(Store::notNull(draft.subject));
        q.addBindValue(draft.bytes);
        q.addBindValue(draft.updatedAt.toMSecsSinceEpoch());
    } else {
        q.prepare(QStringLiteral("UPDATE drafts SET subject = ?, bytes = ?, updated_at = ?, "
                                 "imap_state = 'pending' WHERE id = ?"));
        q.addBindValue(Store::notNull(draft.subject));
        q.addBindValue(draft.bytes);
        q.addBindValue(draft.updatedAt.toMSecsSinceEpoch());
        q.addBindValue(draft.id);
    }
    if (!q.exec() || (draft.id != 0 && q.numRowsAffected() != 1)) {
        m_lastError = QStringLiteral("Cannot save the draft: %1").arg(q.lastError().text());
        return false;
    }
    if (draft.id == 0)
        draft.id = q.lastInsertId().toLongLong();
    draft.imapState = QStringLiteral("pending");
    return true;
}

std::optional<Draft> DraftStore::find(qint64 id) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM drafts WHERE id = ?").arg(QLatin1String(kColumns)));
    q.addBindValue(id);
    if (!q.exec() || !q.next()) {
        m_lastError = QStringLiteral("No draft %1").arg(id);
        return std::nullopt;
    }
    return draftFrom(q);
}

QList<Draft> DraftStore::list(const QString &account) const
{
    QList<Draft> result;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM drafts WHERE account = ? ORDER BY updated_at DESC")
                  .arg(QLatin1String(kColumns)));
    q.addBindValue(account);
    if (q.exec()) {
        while (q.next())
            result.append(draftFrom(q));
    }
    return result;
}

bool DraftStore::remove(qint64 id)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM drafts WHERE id = ?"));
    q.addBindValue(id);
    return q.exec() && q.numRowsAffected() == 1;
}

bool DraftStore::recordUpload(qint64 id, const QByteArray &folder, quint32 uidValidity, quint32 uid)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE drafts SET imap_folder = ?, imap_uidvalidity = ?, imap_uid = "
                             "?, imap_state = 'done', "
                             "imap_error = '' WHERE id = ?"));
    q.addBindValue(QString::fromUtf8(folder));
    q.addBindValue(uidValidity);
    q.addBindValue(uid);
    q.addBindValue(id);
    return q.exec();
}

bool DraftStore::recordUploadError(qint64 id, const QString &error)
{
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("UPDATE drafts SET imap_state = 'failed', imap_error = ? WHERE id = ?"));
    q.addBindValue(Store::notNull(error));
    q.addBindValue(id);
    return q.exec();
}

DraftUploader::DraftUploader(
    Store::Account account, Credentials credentials, QSqlDatabase db, QObject *parent)
    : QObject(parent)
    , m_account(std::move(account))
    , m_credentials(std::move(credentials))
    , m_db(db)
    , m_store(db)
{
    qRegisterMetaType<AppendResult>();
}

QByteArray DraftUploader::draftsMailbox() const
{
    if (m_account.id > 0) {
        const auto folders = Store::FolderRepository(m_db).list(m_account.id);
        for (const auto &folder : folders) {
            if (folder.specialUse.compare(QLatin1String("\\Drafts"), Qt::CaseInsensitive) == 0)
                return folder.wireName;
        }
    }
    return "Drafts";
}

void DraftUploader::upload(qint64 draftId)
{
    m_draftId = draftId;
    m_done = false;
    if (m_accountSession) {
        AccountSession::Job job;
        job.exclusive = true; // it may SELECT the Drafts folder to remove the previous copy
        job.retryOnDrop = false;
        QPointer<DraftUploader> self(this);
        job.work = [self](Imap::Session &session, AccountSession::Done done) {
            if (!self || self->m_done) {
                done({});
                return;
            }
            self->m_jobDone = std::move(done);
            self->m_session = &session;
            self->onReady();
        };
        job.done = [self](const Imap::ImapError &error) {
            if (self && error.isError())
                self->finish({ false, 0, 0, error.message() });
        };
        m_accountSession->enqueue(std::move(job));
        return;
    }
    auto *transport = m_factory ? m_factory(this) : new Net::SocketTransport(this);
    connect(transport, &Net::Transport::certificateProblem, transport,
        [transport](const Net::CertificateProblem &) {
            transport->answerCertificate(Net::CertificateDecision::Reject);
        });
    m_session = new Imap::Session(transport, this);
    transport->setParent(m_session);
    connect(m_session, &Imap::Session::ready, this, &DraftUploader::onReady);
    connect(m_session, &Imap::Session::failed, this, [this](const Imap::ImapError &error) {
        finish({ false, 0, 0, error.message() });
    });
    connect(m_session, &Imap::Session::closed, this, [this] {
        finish({ false, 0, 0, QStringLiteral("The IMAP connection closed.") });
    });
    m_session->open(imapEndpoint(m_account),
        m_credentials.forImap(m_account));
}

void DraftUploader::onReady()
{
    const auto draft = m_store.find(m_draftId);
    if (!draft) {
        finish({ false, 0, 0, m_store.lastError() });
        return;
    }
    const QByteArray mailbox = draftsMailbox();
    appendMessage(m_session, mailbox, "\\Draft", draft->bytes,
        [this, before = *draft, mailbox](const AppendResult &result) {
            if (!result.ok) {
                m_store.recordUploadError(m_draftId, result.error);
                finish(result);
                return;
            }
            m_store.recordUpload(m_draftId, mailbox, result.uidValidity, result.uid);
            removePrevious(before, result);
        });
}

void DraftUploader::removePrevious(const Draft &before, const AppendResult &appended)
{
    const bool sameFolder = before.imapFolder == draftsMailbox();
    if (before.uid == 0 || !sameFolder || before.uidValidity != appended.uidValidity
        || !m_session->hasCapability("UIDPLUS") || before.uid == appended.uid) {
        finish(appended);
        return;
    }
    // RFC 9051 §6.3.2 SELECT, §6.4.6 UID STORE, RFC 4315 §2.1 UID EXPUNGE of that UID only.
    const QByteArray uid = QByteArray::number(before.uid);
    Imap::Session::Handlers expunge;
    expunge.done = [this, appended](const Imap::TaggedResponse &) { finish(appended); };
    Imap::Session::Handlers store;
    store.done = [this, uid, expunge](const Imap::TaggedResponse &) {
        m_session->command("UID EXPUNGE " + uid, expunge);
    };
    Imap::Session::Handlers select;
    select.done = [this, uid, store, appended](const Imap::TaggedResponse &r) {
        if (r.status != Imap::Status::Ok) {
            finish(appended);
            return;
        }
        m_session->command("UID STORE " + uid + " +FLAGS.SILENT (\\Deleted)", store);
    };
    m_session->command("SELECT " + Imap::Session::quoted(before.imapFolder), select);
}

void DraftUploader::finish(const AppendResult &result)
{
    if (m_done)
        return;
    m_done = true;
    if (m_jobDone) {
        m_session = nullptr; // the account session's: it stays open
        std::exchange(m_jobDone, {})(Imap::ImapError {});
    } else if (m_session) {
        m_session->disconnect(this);
        if (m_session->state() == Imap::Session::State::Ready)
            m_session->logout();
        m_session->deleteLater();
    }
    Q_EMIT finished(result);
}

void DraftUploader::setAccountSession(AccountSession *session)
{
    m_accountSession = session;
}

} // namespace Mailtrail::Sync
