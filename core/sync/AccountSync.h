// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/Credentials.h"

#include "imap/ImapError.h"
#include "net/Certificate.h"
#include "net/Endpoint.h"
#include "store/Account.h"
#include "imap/Session.h"
#include "sync/FolderSync.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QSqlDatabase>

#include <functional>

namespace Mailtrail::Net {
class Transport;
}
namespace Mailtrail::Imap {
class Session;
}

namespace Mailtrail::Sync {

/// The IMAP endpoint of an account: host, port, security, extra CA file and pinned
/// certificate fingerprints.
[[nodiscard]] Net::Endpoint imapEndpoint(const Store::Account &account);
/// The SMTP endpoint of an account (same certificate policy).
[[nodiscard]] Net::Endpoint smtpEndpoint(const Store::Account &account);

struct AccountSyncReport
{
    QString account;
    QList<FolderSyncResult> folders;
    Imap::ImapError error; ///< connection-level failure
    QString storeError;
    double seconds = 0;
    [[nodiscard]] bool ok() const;
    [[nodiscard]] QString errorMessage() const;
};

/// Folders of a server without SPECIAL-USE (RFC 6154) get their role from well-known names
/// ("Sent", "Sent Items", "INBOX.Trash", "Junk" …), each role only when no folder of the
/// list announced it.
void guessSpecialUse(QList<Store::Folder> &folders);

/// One sync run of an account: connect and log in, LIST folders (RFC 9051 §6.3.9, with
/// RFC 6154 special-use attributes), record them, then sync the chosen folders one after
/// another with FolderSync. One finished() signal.
class AccountSync : public QObject
{
    Q_OBJECT
public:
    using TransportFactory = std::function<Net::Transport *(QObject *parent)>;

    AccountSync(Store::Account account, Credentials credentials, QSqlDatabase db, QObject *parent = nullptr);

    /// Only this folder (decoded name); empty = every selectable folder.
    void setFolderFilter(const QString &folder) { m_folderFilter = folder; }
    /// For tests: a scripted transport instead of a socket.
    void setTransportFactory(TransportFactory factory) { m_factory = std::move(factory); }
    void setBatchSize(int size) { m_batchSize = size; }
    /// Keep the session open after the sync (for IDLE); see session().
    void setKeepOpen(bool keep) { m_keepOpen = keep; }
    [[nodiscard]] Imap::Session *session() const { return m_session; }
    /// Sync over this logged-in session (an AccountSession's command connection) instead of
    /// a connection of its own; it is left open afterwards.
    void setSession(Imap::Session *session) { m_lent = session; }

    void start();
    /// Answers a certificateProblem(); unanswered problems are rejected if nobody listens.
    void answerCertificate(Net::CertificateDecision decision);

Q_SIGNALS:
    void certificateProblem(const Mailtrail::Net::CertificateProblem &problem);
    void folderStarted(const QString &folder);
    void folderFinished(const Mailtrail::Sync::FolderSyncResult &result);
    void finished(const Mailtrail::Sync::AccountSyncReport &report);

private:
    void onReady();
    void listFolders();
    void syncNext();
    void finish();

    Store::Account m_account;
    Credentials m_credentials;
    QSqlDatabase m_db;
    QString m_folderFilter;
    TransportFactory m_factory;
    int m_batchSize = FolderSync::defaultBatchSize;
    bool m_keepOpen = false;
    bool m_finished = false;
    Net::Transport *m_transport = nullptr;
    QPointer<Imap::Session> m_session;
    QPointer<Imap::Session> m_lent;
    QPointer<FolderSync> m_current;
    Store::CacheWriter *m_writer = nullptr;
    QSet<qint64> m_synced;
    bool m_listAfterwards = false;
    /// A requested folder not cached yet, tried under the wire name its name encodes to
    /// before LIST; 0 once tried (or when there is none).
    qint64 m_tryingUnlisted = 0;
    bool m_listed = false;
    QList<Store::Folder> m_queue;
    AccountSyncReport m_report;
    QElapsedTimer m_timer;
};

} // namespace Mailtrail::Sync

Q_DECLARE_METATYPE(Mailtrail::Sync::AccountSyncReport)
