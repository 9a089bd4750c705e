// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "imap/ImapError.h"
#include "imap/Response.h"
#include "imap/Session.h"
#include "store/FolderRepository.h"
#include "store/MessageRecord.h"
#include "store/CacheWriter.h"
#include "store/MessageRepository.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QSqlDatabase>

#include <optional>

namespace Mailtrail::Imap {
class Session;
}

namespace Mailtrail::Store {
class CacheWriter;
}

namespace Mailtrail::Sync {

/// Outcome of one folder sync.
struct FolderSyncResult
{
    qint64 folderId = 0;
    QString folderName;
    qint64 messages = 0; ///< cached messages after the sync
    qint64 added = 0;
    qint64 searchDeferred = 0; ///< of the added, left to the search index's catch-up (a bulk load)
    qint64 flagsChanged = 0;
    qint64 removed = 0;
    bool rebuilt = false; ///< UIDVALIDITY changed: the cache of the folder was rebuilt
    QString mode;         ///< "initial", "qresync", "condstore" or "full-diff"
    double seconds = 0;
    Imap::ImapError imapError;
    QString storeError;
    [[nodiscard]] bool ok() const { return !imapError.isError() && storeError.isEmpty(); }
    [[nodiscard]] QString errorMessage() const { return storeError.isEmpty() ? imapError.message() : storeError; }
};

/// Brings the cache of one folder up to date over a ready Session (one operation, one
/// finished() signal).
///
/// - SELECT, with QRESYNC (RFC 7162 §3.2.5) when enabled and the folder was synced before.
/// - UIDVALIDITY changed (RFC 9051 §2.3.1.1) → the folder's cache is dropped and rebuilt.
/// - First sync: newest first, in pipelined batches by sequence number, each batch
///   committed on arrival, so the list fills at once and an interrupted sync resumes
///   where it stopped (Folder::syncedFromUid).
/// - Later: new UIDs from the stored UIDNEXT; flags and expunges from QRESYNC (VANISHED,
///   changed FETCH), else CONDSTORE CHANGEDSINCE plus a UID SEARCH when counts disagree,
///   else a full UID/FLAGS diff.
class FolderSync : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Selecting, Fetching, Done, Failed };
    Q_ENUM(State)

    static constexpr int defaultBatchSize = 1000;

    FolderSync(Imap::Session *session, QSqlDatabase db, Store::Folder folder, QObject *parent = nullptr);

    /// Messages in the first FETCH of a first sync (newest first); each later FETCH asks for
    /// four times as many as the one before, up to maxBatchSize().
    void setBatchSize(int size) { m_batchSize = qMax(1, size); }
    [[nodiscard]] static constexpr qint64 maxBatchSize(int batchSize) { return qMax<qint64>(batchSize, 16000); }
    /// Commit the batches of a first sync on this writer's thread (optional; file databases).
    void setCacheWriter(Store::CacheWriter *writer) { m_writer = writer; }
    /// A commit of at least this many new messages (a first sync, a long time offline) leaves
    /// their search indexing to Search::Index::catchUp() (Store::SearchIndexing::Deferred):
    /// the list shows them sooner, search lags by the catch-up.
    static constexpr qsizetype defaultDeferIndexingFrom = 1000;
    void setDeferIndexingFrom(qsizetype messages) { m_deferIndexingFrom = qMax<qsizetype>(1, messages); }
    /// A first sync's FETCHes in flight at once: enough that the server always has the next
    /// one queued, few enough that what it streams is bounded.
    static constexpr int fetchWindow = 3;
    /// A first sync sends no further FETCH while the cache writer has this many rows still to
    /// write: a disk slower than the server would otherwise fill memory with parsed rows.
    static constexpr qsizetype defaultWriterBacklogLimit = 32768;
    void setWriterBacklogLimit(qsizetype rows) { m_writerBacklogLimit = qMax<qsizetype>(1, rows); }
    void start();
    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] const FolderSyncResult &result() const { return m_result; }

Q_SIGNALS:
    /// Emitted after each committed batch (the model may refresh).
    void progress(qint64 cachedMessages);
    void finished(const Mailtrail::Sync::FolderSyncResult &result);

private:
    void onSelected();
    void startInitial();
    void startIncremental();
    void sendInitialFetches();
    QByteArray fetchItems() const;
    void sendFetch(const QByteArray &command, std::function<void()> onDone);
    void onUntagged(const Imap::Response &response);
    bool commitPending();
    bool applyFlagUpdates();
    void commandDone();
    void fail(const Imap::ImapError &error);
    void failStore(const QString &error);
    void finish();
    bool saveState();
    void raiseUidNext();

    QPointer<Imap::Session> m_session;
    QSqlDatabase m_db;
    Store::Folder m_folder;
    State m_state = State::Idle;
    FolderSyncResult m_result;
    QElapsedTimer m_timer;

    // From SELECT
    quint32 m_exists = 0;
    quint32 m_serverUidValidity = 0;
    quint32 m_serverUidNext = 0;
    quint64 m_serverModSeq = 0;
    bool m_usedQresync = false;
    QList<quint32> m_vanished;
    QList<Store::FlagUpdate> m_flagUpdates;

    /// New rows handed to the writer at once: a multiple of the rows per INSERT statement
    /// (MessageRepository), and few enough transactions that a first sync does not rewrite
    /// the random-keyed index pages (Message-ID) in every one of them.
    static constexpr qsizetype pendingLimit = 8192;
    int m_batchSize = defaultBatchSize;
    qsizetype m_deferIndexingFrom = defaultDeferIndexingFrom;
    QPointer<Store::CacheWriter> m_writer;
    bool m_useWriter = false;
    quint32 m_initialExists = 0;
    QList<quint32> m_batchLo; ///< lowest sequence number of each first-sync FETCH, newest first
    QList<bool> m_batchDone;
    QList<quint32> m_batchLowest;
    qsizetype m_nextBatch = 0; ///< the first-sync FETCH to send next (m_batchLo)
    int m_initialInFlight = 0;
    QByteArray m_initialItems;
    qsizetype m_writerBacklogLimit = defaultWriterBacklogLimit;
    QList<Store::CacheRow> m_pending;
    QSet<quint32> m_serverUids;
    QList<Store::FlagUpdate> m_serverFlags;
    bool m_collectingUids = false;
    bool m_diffFlags = false;
    quint32 m_newFrom = 0;
    int m_outstanding = 0;
    quint32 m_oldUidNext = 0;
    quint32 m_maxUidSeen = 0;
    quint32 m_resumeBelow = 0; ///< syncedFromUid when the incremental sync started
    std::optional<qint64> m_oldRepliesBefore; ///< TrackingScan::oldReplyBound(), read at the first new message
    bool m_modSeqReset = false; ///< the server's HIGHESTMODSEQ is below the stored one
};

} // namespace Mailtrail::Sync

Q_DECLARE_METATYPE(Mailtrail::Sync::FolderSyncResult)
