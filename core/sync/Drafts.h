// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/Credentials.h"

#include "store/Account.h"
#include "sync/ImapAppend.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSqlDatabase>
#include <functional>
#include <optional>

namespace Mailtrail::Net {
class Transport;
}
namespace Mailtrail::Imap {
class Session;
}

namespace Mailtrail::Sync {

/// A draft: the local copy (table `drafts`) is the truth; the IMAP copy in the Drafts folder
/// follows it, identified by UIDVALIDITY + UID so the next save replaces it.
struct Draft
{
    qint64 id = 0;
    QString account;
    QString subject;
    QByteArray bytes;
    QDateTime updatedAt;
    QByteArray imapFolder; ///< wire name of the folder holding the IMAP copy
    quint32 uidValidity = 0;
    quint32 uid = 0; ///< 0: no IMAP copy known
    QString imapState; ///< pending, done, failed
    QString imapError;
};

/// Drafts in SQLite. Every call is one statement.
class DraftStore
{
public:
    explicit DraftStore(QSqlDatabase db)
        : m_db(std::move(db))
    { }
    [[nodiscard]] QString lastError() const { return m_lastError; }

    /// Inserts (id 0; sets draft.id) or replaces the content of a draft; the IMAP copy
    /// becomes pending. updatedAt: now when invalid.
    [[nodiscard]] bool save(Draft &draft);
    [[nodiscard]] std::optional<Draft> find(qint64 id) const;
    [[nodiscard]] QList<Draft> list(const QString &account) const;
    bool remove(qint64 id);
    bool recordUpload(qint64 id, const QByteArray &folder, quint32 uidValidity, quint32 uid);
    bool recordUploadError(qint64 id, const QString &error);

private:
    QSqlDatabase m_db;
    mutable QString m_lastError;
};

class AccountSession;

/// Stores a draft in the account's Drafts folder (RFC 6154 \Drafts from the folder cache,
/// else "Drafts", created when missing) with the \Draft flag, then removes the previous
/// copy by UID when the server has UIDPLUS (RFC 4315: UID EXPUNGE touches only that
/// message). Without UIDPLUS the old copy stays. One finished() per upload().
class DraftUploader : public QObject
{
    Q_OBJECT
public:
    using TransportFactory = std::function<Net::Transport *(QObject *parent)>;

    DraftUploader(
        Store::Account account, Credentials credentials, QSqlDatabase db, QObject *parent = nullptr);
    void setTransportFactory(TransportFactory factory) { m_factory = std::move(factory); }
    /// Upload as one job on the account's command connection instead of a connection of its
    /// own (never re-run after a broken connection: an APPEND must not happen twice).
    void setAccountSession(AccountSession *session);

    void upload(qint64 draftId);

Q_SIGNALS:
    void finished(const Mailtrail::Sync::AppendResult &result);

private:
    void onReady();
    void removePrevious(const Draft &before, const AppendResult &appended);
    void finish(const AppendResult &result);
    [[nodiscard]] QByteArray draftsMailbox() const;

    Store::Account m_account;
    Credentials m_credentials;
    QSqlDatabase m_db;
    DraftStore m_store;
    TransportFactory m_factory;
    qint64 m_draftId = 0;
    bool m_done = false;
    QPointer<Imap::Session> m_session;
    QPointer<AccountSession> m_accountSession;
    std::function<void(const Imap::ImapError &)> m_jobDone;
};

} // namespace Mailtrail::Sync
