// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/BodyFetch.h"

#include "imap/MailboxOperations.h"
#include "imap/Session.h"
#include "net/SocketTransport.h"
#include "store/FolderRepository.h"
#include "store/MessageRepository.h"
#include "sync/AccountSession.h"

#include <QCoreApplication>
#include <QMetaMethod>

#include <utility>

namespace Mailtrail::Sync {

BodyFetch::BodyFetch(
    Store::Account account, Credentials credentials, QSqlDatabase db, qint64 messageId, QObject *parent)
    : QObject(parent)
    , m_account(std::move(account))
    , m_credentials(std::move(credentials))
    , m_db(std::move(db))
    , m_messageId(messageId)
{
    qRegisterMetaType<BodyFetchResult>();
}

void BodyFetch::start()
{
    Store::MessageRepository messages(m_db);
    if (messages.body(m_messageId)) {
        QMetaObject::invokeMethod(
            this,
            [this] {
                finish({ m_messageId, true, false, false, {} });
            },
            Qt::QueuedConnection);
        return;
    }
    const std::optional<Store::MessageRecord> record = messages.findById(m_messageId);
    const std::optional<Store::Folder> folder
        = record ? Store::FolderRepository(m_db).findById(record->folderId) : std::nullopt;
    if (!record || !folder) {
        QMetaObject::invokeMethod(
            this,
            [this] {
                finish({ m_messageId, false, true, false,
                    QCoreApplication::translate(
                        "BodyFetch", "The message is no longer in the local cache.") });
            },
            Qt::QueuedConnection);
        return;
    }
    m_uid = record->uid;
    m_folder = folder->wireName;
    if (m_accountSession) {
        AccountSession::Job job;
        job.mailbox = m_folder;
        QPointer<BodyFetch> self(this);
        job.work = [self](Imap::Session &session, AccountSession::Done done) {
            if (!self || self->m_finished) {
                done({});
                return;
            }
            self->m_jobDone = std::move(done);
            self->fetch(session);
        };
        job.done = [self](const Imap::ImapError &error) {
            if (!self || !error.isError())
                return;
            BodyFetchResult result { self->m_messageId, false, false, false, error.message() };
            result.offline = error.kind == Imap::ImapError::Kind::Transport
                && error.transport.kind != Net::TransportError::Kind::CertificateRejected;
            self->finish(result);
        };
        m_accountSession->enqueue(std::move(job));
        return;
    }
    m_transport = m_factory ? m_factory(this) : new Net::SocketTransport(this);
    connect(m_transport, &Net::Transport::certificateProblem, this,
        [this](const Net::CertificateProblem &problem) {
            if (isSignalConnected(QMetaMethod::fromSignal(&BodyFetch::certificateProblem)))
                Q_EMIT certificateProblem(problem);
            else
                m_transport->answerCertificate(Net::CertificateDecision::Reject);
        });
    m_session = new Imap::Session(m_transport, this);
    connect(m_session, &Imap::Session::ready, this, &BodyFetch::onReady);
    connect(m_session, &Imap::Session::failed, this, [this](const Imap::ImapError &error) {
        BodyFetchResult result { m_messageId, false, false, false, error.message() };
        result.offline = error.kind == Imap::ImapError::Kind::Transport
            && error.transport.kind != Net::TransportError::Kind::CertificateRejected;
        finish(result);
    });
    m_session->open(imapEndpoint(m_account),
        m_credentials.forImap(m_account));
}

void BodyFetch::answerCertificate(Net::CertificateDecision decision)
{
    if (m_transport)
        m_transport->answerCertificate(decision);
}

void BodyFetch::onReady()
{
    m_session->command("EXAMINE " + Imap::Session::quoted(m_folder),
        { {}, {}, [this](const Imap::TaggedResponse &response) {
             if (response.status != Imap::Status::Ok) {
                 finish({ m_messageId, false, false, false,
                     QCoreApplication::translate("BodyFetch", "The folder cannot be opened: %1")
                         .arg(QString::fromUtf8(response.text)) });
                 return;
             }
             fetch(*m_session);
         } });
}

void BodyFetch::fetch(Imap::Session &session)
{
    Imap::Operations::fetchMessage(
        session, m_uid, [this](const Imap::ImapError &error, const QByteArray &raw) {
            if (error.isError()) {
                finish({ m_messageId, false, false, false, error.message() });
                return;
            }
            if (raw.isEmpty()) {
                finish({ m_messageId, false, true, false,
                    QCoreApplication::translate(
                        "BodyFetch", "The message was deleted on the server.") });
                return;
            }
            const QString stored = Store::MessageRepository(m_db).storeBody(m_messageId, raw);
            finish({ m_messageId, stored.isEmpty(), false, false, stored });
        });
}

void BodyFetch::finish(BodyFetchResult result)
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_jobDone)
        std::exchange(m_jobDone, {})(Imap::ImapError {}); // the result says what went wrong
    else if (m_session && m_session->state() == Imap::Session::State::Ready)
        m_session->logout();
    Q_EMIT finished(result);
}

void BodyFetch::setAccountSession(AccountSession *session)
{
    m_accountSession = session;
}

} // namespace Mailtrail::Sync
