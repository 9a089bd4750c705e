// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/Certificate.h"
#include "search/LocalSearch.h"
#include "search/Query.h"
#include "store/Account.h"
#include "sync/AccountSync.h"
#include "sync/Credentials.h"

#include <QObject>
#include <QPointer>
#include <QSqlDatabase>

namespace Mailtrail::Imap {
class Session;
}

namespace Mailtrail::Search {

/// The outcome of one ServerSearch.
struct ServerSearchResult
{
    QString account;
    /// Messages the server found whose text is not in the local index: cached ones with
    /// their cached fields, others with folder and UID only (messageRowId 0). where = Server.
    QList<Hit> hits;
    bool ok = false;
    bool offline = false;    ///< the server could not be reached
    QString unsupportedKey;  ///< set (and nothing searched) when the query has a key IMAP lacks
    QString error;           ///< in words, when not ok
};

/// Runs a query on an account's server for what is not local (issue 17): connect, then per
/// selectable folder in scope EXAMINE (read-only) and `UID SEARCH [RETURN (ALL)] CHARSET
/// UTF-8 …` (RFC 9051 §6.4.4; ESEARCH, RFC 4731, when offered). One operation on one
/// connection, so it can later run on the account's shared session. One finished() per start().
class ServerSearch : public QObject
{
    Q_OBJECT
public:
    ServerSearch(Store::Account account, Sync::Credentials credentials, QSqlDatabase db, Node query,
                 Scope scope, QObject *parent = nullptr);

    void setTransportFactory(Sync::AccountSync::TransportFactory factory) { m_factory = std::move(factory); }
    void start();
    void answerCertificate(Net::CertificateDecision decision);

Q_SIGNALS:
    void certificateProblem(const Mailtrail::Net::CertificateProblem &problem);
    void finished(const Mailtrail::Search::ServerSearchResult &result);

private:
    struct FolderInScope
    {
        qint64 id = 0;
        QString name;
        QByteArray wireName;
    };

    void onReady();
    void searchNext();
    void collect(const FolderInScope &folder, const QList<quint32> &uids);
    void finish();
    void fail(const QString &error, bool offline);

    Store::Account m_account;
    Sync::Credentials m_credentials;
    QSqlDatabase m_db;
    Node m_query;
    Scope m_scope;
    QByteArray m_criteria;
    QList<FolderInScope> m_folders;
    qsizetype m_next = 0;
    ServerSearchResult m_result;
    Sync::AccountSync::TransportFactory m_factory;
    QPointer<Net::Transport> m_transport;
    QPointer<Imap::Session> m_session;
    bool m_finished = false;
};

} // namespace Mailtrail::Search

Q_DECLARE_METATYPE(Mailtrail::Search::ServerSearchResult)
