// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/Credentials.h"

#include "net/Certificate.h"
#include "store/Account.h"
#include "sync/AccountSync.h"

#include <QObject>
#include <QPointer>
#include <QSqlDatabase>
#include <QString>

namespace Mailtrail::Imap {
class Session;
}

namespace Mailtrail::Sync {

class AccountSession;

/// The outcome of one BodyFetch.
struct BodyFetchResult
{
    qint64 messageId = 0; ///< row id of the cached message
    bool ok = false;
    bool gone = false; ///< the message no longer exists on the server
    bool offline = false; ///< the server could not be reached (network, TLS, time-out)
    QString error; ///< in words, when not ok
};

/// Downloads the whole raw message of one cached message on demand (the viewer needs its
/// body): connect, EXAMINE its folder (read-only, so \Seen is not set, RFC 9051 §6.3.3),
/// UID FETCH BODY.PEEK[] (§6.4.5), store it in the body cache (message_bodies). A body
/// already cached is answered at once without a connection. One finished() per start().
/// With setAccountSession() it is one job on the account's command connection (the folder
/// SELECTed, which BODY.PEEK leaves \Seen alone under) instead of a connection of its own.
class BodyFetch : public QObject
{
    Q_OBJECT
public:
    BodyFetch(Store::Account account, Credentials credentials, QSqlDatabase db, qint64 messageId,
        QObject *parent = nullptr);

    void setTransportFactory(AccountSync::TransportFactory factory)
    {
        m_factory = std::move(factory);
    }
    /// Run on this account's session instead of a connection of its own.
    void setAccountSession(AccountSession *session);
    void start();
    void answerCertificate(Net::CertificateDecision decision);

Q_SIGNALS:
    /// An untrusted certificate; answer with answerCertificate() (rejected when unheard).
    void certificateProblem(const Mailtrail::Net::CertificateProblem &problem);
    void finished(const Mailtrail::Sync::BodyFetchResult &result);

private:
    void onReady();
    void fetch(Imap::Session &session);
    void finish(BodyFetchResult result);

    Store::Account m_account;
    Credentials m_credentials;
    QSqlDatabase m_db;
    qint64 m_messageId;
    quint32 m_uid = 0;
    QByteArray m_folder;
    AccountSync::TransportFactory m_factory;
    QPointer<Net::Transport> m_transport;
    QPointer<Imap::Session> m_session;
    QPointer<AccountSession> m_accountSession;
    std::function<void(const Imap::ImapError &)> m_jobDone;
    bool m_finished = false;
};

} // namespace Mailtrail::Sync

Q_DECLARE_METATYPE(Mailtrail::Sync::BodyFetchResult)
