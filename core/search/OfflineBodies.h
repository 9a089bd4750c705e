// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/Account.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QSqlDatabase>

#include <functional>

class QThread;

namespace Mailtrail::Imap {
class Session;
struct ImapError;
}

namespace Mailtrail::Sync {
class AccountSession;
}

namespace Mailtrail::Search {

/// What one OfflineBodies run did.
struct OfflineBodiesResult
{
    QString account;
    int downloaded = 0; ///< bodies stored (and indexed)
    int remaining = 0;  ///< still missing in the period when the run ended (paused, failed)
    bool ok = false;
    bool offline = false;
    QString error;
};

/// The account's "keep messages of the last N days for offline use" (issue 17): downloads
/// the bodies of cached messages of the last N days (accounts.offline_days, default 90;
/// 0: headers only) that are not local yet, newest first, and stores them, so their text is
/// indexed. Gentle: one folder at a time, `UID FETCH set (UID BODY.PEEK[])` (RFC 9051
/// §6.4.5, \Seen untouched) in small batches, one job each on the account's session (what
/// the user asks for meanwhile waits for one batch at most), each stored in its own short
/// transaction, the event loop served between batches; pause() stops after the running
/// batch, resume() continues. One finished() per start().
class OfflineBodies : public QObject
{
    Q_OBJECT
public:
    OfflineBodies(Store::Account account, QSqlDatabase db, QObject *parent = nullptr);

    ~OfflineBodies() override;

    /// Stores and indexes each downloaded batch on a thread of its own, with its own
    /// connection to the database at @p databasePath, instead of on the calling thread with
    /// the connection given to the constructor: parsing the bodies (GMime) and indexing them
    /// (FTS5) took up to 150 ms of the GUI thread per batch (bench_search_gui). Before start().
    void setStoreOffThread(const QString &databasePath);
    /// The account's command connection the batches are fetched over (one job each).
    /// Before start(); without one, start() finishes as offline.
    void setAccountSession(Sync::AccountSession *session);
    /// Messages per FETCH (default 20).
    void setBatchSize(int size) { m_batchSize = std::max(1, size); }
    /// The clock "the last N days" counts from (default: now).
    void setNow(const QDateTime &now) { m_now = now; }

    /// The period of @p accountId in days (0: headers only).
    [[nodiscard]] static int offlineDays(QSqlDatabase db, qint64 accountId);
    [[nodiscard]] static QString setOfflineDays(QSqlDatabase db, qint64 accountId, int days);

    void start();
    void pause();
    void resume();
    [[nodiscard]] bool isPaused() const { return m_paused; }

Q_SIGNALS:
    /// After each stored batch: bodies stored so far and in all.
    void progress(int done, int total);
    void finished(const Mailtrail::Search::OfflineBodiesResult &result);

private:
    struct Wanted
    {
        qint64 messageId = 0;
        qint64 folderId = 0;
        QByteArray folderWireName;
        quint32 uid = 0;
    };

    void next();
    void fetchBatch(Imap::Session &session, std::function<void(const Imap::ImapError &)> jobDone);
    void enqueueBatch();
    /// Passes over the wanted messages of @p folderId that are next in line.
    void skipFolder(qint64 folderId);
    void finish(bool ok, const QString &error = {}, bool offline = false);
    void store(const QList<std::pair<qint64, QByteArray>> &bodies);
    void stored(int count, const QString &error);

    Store::Account m_account;
    QSqlDatabase m_db;
    QDateTime m_now;
    int m_batchSize = 20;
    QList<Wanted> m_wanted;
    qsizetype m_next = 0;
    int m_total = 0;
    bool m_paused = false;
    bool m_busy = false;
    OfflineBodiesResult m_result;
    QPointer<Sync::AccountSession> m_accountSession;
    bool m_finished = false;
    QThread *m_storeThread = nullptr;
    QObject *m_storer = nullptr; ///< lives on m_storeThread
};

} // namespace Mailtrail::Search

Q_DECLARE_METATYPE(Mailtrail::Search::OfflineBodiesResult)
