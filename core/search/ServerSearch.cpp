// SPDX-License-Identifier: GPL-3.0-or-later
#include "search/ServerSearch.h"

#include "imap/MailboxOperations.h"
#include "imap/Session.h"
#include "net/SocketTransport.h"
#include "search/ServerQuery.h"

#include <QCoreApplication>
#include <QMetaMethod>
#include <QSqlQuery>
#include <QTimeZone>
#include <QVariant>

namespace Mailtrail::Search {

ServerSearch::ServerSearch(Store::Account account, Sync::Credentials credentials, QSqlDatabase db, Node query,
                           Scope scope, QObject *parent)
    : QObject(parent)
    , m_account(std::move(account))
    , m_credentials(std::move(credentials))
    , m_db(std::move(db))
    , m_query(std::move(query))
    , m_scope(std::move(scope))
{
    qRegisterMetaType<ServerSearchResult>();
    m_result.account = m_account.name;
}

void ServerSearch::start()
{
    const ServerQuery translated = serverQuery(m_query, false);
    if (!translated.ok()) {
        m_result.unsupportedKey = translated.unsupportedKey;
        QMetaObject::invokeMethod(this, [this] { finish(); }, Qt::QueuedConnection);
        return;
    }
    if (!translated.account.isEmpty() && translated.account.compare(m_account.name, Qt::CaseInsensitive) != 0) {
        m_result.ok = true; // account:other — nothing to search here
        QMetaObject::invokeMethod(this, [this] { finish(); }, Qt::QueuedConnection);
        return;
    }
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, name, wire_name FROM folders WHERE account_id = ? AND selectable <> 0 "
                             "ORDER BY name"));
    q.addBindValue(m_account.id);
    if (q.exec()) {
        while (q.next()) {
            FolderInScope folder{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toByteArray()};
            if (m_scope.folderId > 0 && folder.id != m_scope.folderId)
                continue;
            if (!m_scope.folder.isEmpty() && folder.name != m_scope.folder)
                continue;
            if (!translated.folder.isEmpty() && !folder.name.contains(translated.folder, Qt::CaseInsensitive))
                continue;
            m_folders.append(folder);
        }
    }
    if (m_folders.isEmpty()) {
        m_result.ok = true;
        QMetaObject::invokeMethod(this, [this] { finish(); }, Qt::QueuedConnection);
        return;
    }
    m_transport = m_factory ? m_factory(this) : new Net::SocketTransport(this);
    connect(m_transport, &Net::Transport::certificateProblem, this, [this](const Net::CertificateProblem &problem) {
        if (isSignalConnected(QMetaMethod::fromSignal(&ServerSearch::certificateProblem)))
            Q_EMIT certificateProblem(problem);
        else
            m_transport->answerCertificate(Net::CertificateDecision::Reject);
    });
    m_session = new Imap::Session(m_transport, this);
    connect(m_session, &Imap::Session::ready, this, &ServerSearch::onReady);
    connect(m_session, &Imap::Session::failed, this, [this](const Imap::ImapError &error) {
        fail(error.message(), error.kind == Imap::ImapError::Kind::Transport
                                  && error.transport.kind != Net::TransportError::Kind::CertificateRejected);
    });
    m_session->open(Sync::imapEndpoint(m_account), m_credentials.forImap(m_account));
}

void ServerSearch::answerCertificate(Net::CertificateDecision decision)
{
    if (m_transport)
        m_transport->answerCertificate(decision);
}

void ServerSearch::onReady()
{
    const ServerQuery translated = serverQuery(m_query, m_session->hasCapability("LITERAL+"));
    m_criteria = (m_session->hasCapability("ESEARCH") ? QByteArray("RETURN (ALL) ") : QByteArray())
        + "CHARSET UTF-8 " + translated.criteria;
    searchNext();
}

void ServerSearch::searchNext()
{
    if (m_next >= m_folders.size()) {
        m_result.ok = true;
        finish();
        return;
    }
    const FolderInScope folder = m_folders.at(m_next++);
    m_session->command("EXAMINE " + Imap::Session::quoted(folder.wireName),
                       {{}, {}, [this, folder](const Imap::TaggedResponse &response) {
                            if (response.status != Imap::Status::Ok) {
                                searchNext(); // a folder gone on the server: the others still count
                                return;
                            }
                            Imap::Operations::search(*m_session, m_criteria,
                                                     [this, folder](const Imap::ImapError &error, const QList<quint32> &uids) {
                                                         if (error.isError()) {
                                                             fail(error.message(), false);
                                                             return;
                                                         }
                                                         collect(folder, uids);
                                                         searchNext();
                                                     });
                        }});
}

void ServerSearch::collect(const FolderInScope &folder, const QList<quint32> &uids)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT m.id, m.message_id, m.date, m.from_name, m.from_address, m.subject, m.seen, "
                             "d.body IS NOT NULL FROM messages m LEFT JOIN search_documents d "
                             "ON d.message_rowid = m.id WHERE m.folder_id = ? AND m.uid = ?"));
    for (quint32 uid : uids) {
        q.bindValue(0, folder.id);
        q.bindValue(1, uid);
        Hit hit;
        hit.account = m_account.name;
        hit.folder = folder.name;
        hit.folderId = folder.id;
        hit.uid = uid;
        hit.where = Where::Server;
        if (q.exec() && q.next()) {
            if (q.value(7).toBool())
                continue; // its text is in the local index, which answered for it
            hit.messageRowId = q.value(0).toLongLong();
            hit.messageId = q.value(1).toString();
            hit.date = QDateTime::fromSecsSinceEpoch(q.value(2).toLongLong(), Qt::UTC);
            hit.fromName = q.value(3).toString();
            hit.fromAddress = q.value(4).toString();
            hit.subject = q.value(5).toString();
            hit.seen = q.value(6).toBool();
        }
        q.finish();
        m_result.hits.append(hit);
    }
}

void ServerSearch::fail(const QString &error, bool offline)
{
    m_result.ok = false;
    m_result.offline = offline;
    m_result.error = error;
    finish();
}

void ServerSearch::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_session && m_session->state() == Imap::Session::State::Ready)
        m_session->logout();
    Q_EMIT finished(m_result);
}

} // namespace Mailtrail::Search
