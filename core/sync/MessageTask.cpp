// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/MessageTask.h"

#include "imap/Session.h"
#include "net/SocketTransport.h"
#include "sync/AccountSession.h"

#include <utility>

namespace Mailtrail::Sync {

MessageTask::MessageTask(
    Store::Account account, Credentials credentials, QSqlDatabase db, qint64 messageId, QObject *parent)
    : QObject(parent)
    , m_account(std::move(account))
    , m_db(std::move(db))
    , m_messageId(messageId)
    , m_credentials(std::move(credentials))
{ }

void MessageTask::setAccountSession(AccountSession *session)
{
    m_accountSession = session;
}

void MessageTask::finishLater(const QString &error)
{
    QMetaObject::invokeMethod(
        this, [this, error] { finish(error); }, Qt::QueuedConnection);
}

void MessageTask::finish(const QString &error)
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_jobDone)
        std::exchange(m_jobDone, {})(Imap::ImapError {}); // the task reports its own error
    else if (m_session && m_session->state() == Imap::Session::State::Ready)
        m_session->logout();
    Q_EMIT finished(m_messageId, error);
}

void MessageTask::selectThen(
    const QByteArray &folder, const QByteArrayList &before, std::function<void()> selected)
{
    if (m_accountSession) {
        AccountSession::Job job;
        job.mailbox = folder;
        job.pipelined = m_pipelined && before.isEmpty();
        QPointer<MessageTask> self(this);
        job.work = [self, before, selected](Imap::Session &session, AccountSession::Done done) {
            if (!self || self->m_finished) {
                done({});
                return;
            }
            self->m_jobSession = &session;
            self->m_jobDone = std::move(done);
            for (const QByteArray &command : before)
                session.command(command, {});
            selected();
        };
        job.done = [self](const Imap::ImapError &error) {
            if (self && error.isError())
                self->finish(error.message());
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
    connect(m_session, &Imap::Session::failed, this,
        [this](const Imap::ImapError &error) { finish(error.message()); });
    connect(m_session, &Imap::Session::ready, this, [this, folder, before, selected] {
        for (const QByteArray &command : before)
            m_session->command(command, {});
        m_session->command("SELECT " + Imap::Session::quoted(folder),
            { {}, {}, [this, selected](const Imap::TaggedResponse &response) {
                 if (response.status != Imap::Status::Ok) {
                     finish(QString::fromUtf8(response.text));
                     return;
                 }
                 selected();
             } });
    });
    m_session->open(imapEndpoint(m_account),
        m_credentials.forImap(m_account));
}

} // namespace Mailtrail::Sync
