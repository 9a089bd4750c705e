// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/FlagStore.h"

#include "imap/MailboxOperations.h"
#include "imap/Session.h"
#include "net/SocketTransport.h"
#include "store/FolderRepository.h"
#include "store/MessageRepository.h"

#include <QCoreApplication>

namespace Mailtrail::Sync {

FlagStore::FlagStore(Store::Account account, QString password, QSqlDatabase db, qint64 messageId,
    QByteArrayList flags, bool add, QObject *parent)
    : QObject(parent)
    , m_account(std::move(account))
    , m_password(std::move(password))
    , m_db(std::move(db))
    , m_messageId(messageId)
    , m_flags(std::move(flags))
    , m_add(add)
{ }

void FlagStore::start()
{
    Store::MessageRepository messages(m_db);
    const std::optional<Store::MessageRecord> record = messages.findById(m_messageId);
    const std::optional<Store::Folder> folder
        = record ? Store::FolderRepository(m_db).findById(record->folderId) : std::nullopt;
    if (!record || !folder) {
        QMetaObject::invokeMethod(
            this,
            [this] {
                finish(QCoreApplication::translate(
                    "FlagStore", "The message is no longer in the local cache."));
            },
            Qt::QueuedConnection);
        return;
    }
    // Locally first, keeping the MODSEQ: the next sync sees the server's answer.
    QByteArrayList flags = record->flags;
    for (const QByteArray &flag : std::as_const(m_flags)) {
        if (m_add && !flags.contains(flag))
            flags.append(flag);
        else if (!m_add)
            flags.removeAll(flag);
    }
    if (const QString error
        = messages.updateFlags(record->folderId, { { record->uid, flags, record->modseq } });
        !error.isEmpty()) {
        QMetaObject::invokeMethod(
            this, [this, error] { finish(error); }, Qt::QueuedConnection);
        return;
    }
    m_uid = record->uid;
    m_folder = folder->wireName;
    auto *transport = m_factory ? m_factory(this) : new Net::SocketTransport(this);
    connect(transport, &Net::Transport::certificateProblem, transport,
        [transport](const Net::CertificateProblem &) {
            transport->answerCertificate(Net::CertificateDecision::Reject);
        });
    m_session = new Imap::Session(transport, this);
    connect(m_session, &Imap::Session::failed, this,
        [this](const Imap::ImapError &error) { finish(error.message()); });
    connect(m_session, &Imap::Session::ready, this, [this] {
        m_session->command("SELECT " + Imap::Session::quoted(m_folder),
            { {}, {}, [this](const Imap::TaggedResponse &response) {
                 if (response.status != Imap::Status::Ok) {
                     finish(QString::fromUtf8(response.text));
                     return;
                 }
                 Imap::Operations::storeFlags(*m_session, Imap::SequenceSet::fromValues({ m_uid }),
                     m_add, m_flags, [this](const Imap::ImapError &error) {
                         finish(error.isError() ? error.message() : QString());
                     });
             } });
    });
    m_session->open(imapEndpoint(m_account),
        { m_account.userName.isEmpty() ? m_account.email : m_account.userName, m_password });
}

void FlagStore::finish(const QString &error)
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_session && m_session->state() == Imap::Session::State::Ready)
        m_session->logout();
    Q_EMIT finished(m_messageId, error);
}

} // namespace Mailtrail::Sync
