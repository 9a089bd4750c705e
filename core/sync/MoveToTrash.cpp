// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/MoveToTrash.h"

#include "imap/MailboxOperations.h"
#include "imap/Session.h"
#include "net/SocketTransport.h"
#include "store/FolderRepository.h"
#include "store/MessageRepository.h"

#include <QCoreApplication>

namespace Mailtrail::Sync {

MoveToTrash::MoveToTrash(
    Store::Account account, QString password, QSqlDatabase db, qint64 messageId, QObject *parent)
    : QObject(parent)
    , m_account(std::move(account))
    , m_password(std::move(password))
    , m_db(std::move(db))
    , m_messageId(messageId)
{ }

void MoveToTrash::start()
{
    const auto later = [this](const QString &error) {
        QMetaObject::invokeMethod(
            this, [this, error] { finish(error); }, Qt::QueuedConnection);
    };
    const std::optional<Store::MessageRecord> record
        = Store::MessageRepository(m_db).findById(m_messageId);
    Store::FolderRepository folders(m_db);
    const std::optional<Store::Folder> folder
        = record ? folders.findById(record->folderId) : std::nullopt;
    if (!record || !folder) {
        later(QCoreApplication::translate(
            "MoveToTrash", "The message is no longer in the local cache."));
        return;
    }
    std::optional<Store::Folder> trash;
    for (const Store::Folder &f : folders.list(m_account.id)) {
        if (f.specialUse.compare(QLatin1String("\\Trash"), Qt::CaseInsensitive) == 0)
            trash = f;
    }
    if (!trash)
        trash = folders.find(m_account.id, QStringLiteral("Trash"));
    if (trash && trash->id == folder->id) {
        later(QCoreApplication::translate("MoveToTrash", "The message is already in the Trash."));
        return;
    }
    m_folderId = folder->id;
    m_uid = record->uid;
    m_source = folder->wireName;
    // No Trash yet: one named "Trash" is created first (RFC 9051 §6.3.4; NO when it exists).
    m_trash = trash ? trash->wireName : QByteArray("Trash");
    const bool create = !trash;

    auto *transport = m_factory ? m_factory(this) : new Net::SocketTransport(this);
    connect(transport, &Net::Transport::certificateProblem, transport,
        [transport](const Net::CertificateProblem &) {
            transport->answerCertificate(Net::CertificateDecision::Reject);
        });
    m_session = new Imap::Session(transport, this);
    connect(m_session, &Imap::Session::failed, this,
        [this](const Imap::ImapError &error) { finish(error.message()); });
    connect(m_session, &Imap::Session::ready, this, [this, create] {
        if (create)
            m_session->command("CREATE " + Imap::Session::quoted(m_trash), {});
        m_session->command("SELECT " + Imap::Session::quoted(m_source),
            { {}, {}, [this](const Imap::TaggedResponse &response) {
                 if (response.status != Imap::Status::Ok) {
                     finish(QString::fromUtf8(response.text));
                     return;
                 }
                 Imap::Operations::move(*m_session, Imap::SequenceSet::fromValues({ m_uid }),
                     m_trash, [this](const Imap::MoveResult &result) {
                         if (result.error.isError()) {
                             finish(result.error.message());
                             return;
                         }
                         finish(Store::MessageRepository(m_db).removeUids(m_folderId, { m_uid }));
                     });
             } });
    });
    m_session->open(imapEndpoint(m_account),
        { m_account.userName.isEmpty() ? m_account.email : m_account.userName, m_password });
}

void MoveToTrash::finish(const QString &error)
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_session && m_session->state() == Imap::Session::State::Ready)
        m_session->logout();
    Q_EMIT finished(m_messageId, error);
}

} // namespace Mailtrail::Sync
