// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/MessageTask.h"

#include "imap/Session.h"
#include "net/SocketTransport.h"

namespace Mailtrail::Sync {

MessageTask::MessageTask(
    Store::Account account, Credentials credentials, QSqlDatabase db, qint64 messageId, QObject *parent)
    : QObject(parent)
    , m_account(std::move(account))
    , m_db(std::move(db))
    , m_messageId(messageId)
    , m_credentials(std::move(credentials))
{ }

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
    if (m_session && m_session->state() == Imap::Session::State::Ready)
        m_session->logout();
    Q_EMIT finished(m_messageId, error);
}

void MessageTask::selectThen(
    const QByteArray &folder, const QByteArrayList &before, std::function<void()> selected)
{
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
