// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/FolderSync.h"

#include "imap/Session.h"
#include "net/Transport.h"
#include "store/CacheWriter.h"
#include "store/Database.h"
#include "store/MessageRepository.h"
#include "sync/TrackingScan.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QSet>

#include <algorithm>
#include <functional>

Q_LOGGING_CATEGORY(lcSync, "mailtrail.sync", QtInfoMsg)

namespace Mailtrail::Sync {

using namespace Imap;

FolderSync::FolderSync(Session *session, QSqlDatabase db, Store::Folder folder, QObject *parent)
    : QObject(parent), m_session(session), m_db(std::move(db)), m_folder(std::move(folder))
{
    qRegisterMetaType<FolderSyncResult>();
    m_result.folderId = m_folder.id;
    m_result.folderName = m_folder.name;
    if (session)
        connect(session, &Session::failed, this, &FolderSync::fail);
}

void FolderSync::start()
{
    m_timer.start();
    if (!m_session || m_session->state() != Session::State::Ready) {
        fail(ImapError{ImapError::Kind::Aborted, {}, QStringLiteral("no connection"), {}});
        return;
    }
    m_state = State::Selecting;
    QByteArray command = "SELECT " + Session::quoted(m_folder.wireName);
    if (m_session->qresyncEnabled() && m_folder.uidValidity && m_folder.highestModSeq && m_folder.uidNext) {
        command += " (QRESYNC (" + QByteArray::number(m_folder.uidValidity) + ' '
            + QByteArray::number(m_folder.highestModSeq) + "))";
        m_usedQresync = true;
    } else if (m_session->condstoreEnabled()) {
        command += " (CONDSTORE)";
    }
    Session::Handlers h;
    h.untagged = [this](const Response &r) {
        if (const auto *e = std::get_if<ExistsData>(&r)) {
            m_exists = e->count;
        } else if (const auto *s = std::get_if<StatusResponse>(&r)) {
            switch (s->code.kind) {
            case ResponseCode::Kind::UidValidity: m_serverUidValidity = quint32(s->code.number); break;
            case ResponseCode::Kind::UidNext: m_serverUidNext = quint32(s->code.number); break;
            case ResponseCode::Kind::HighestModSeq: m_serverModSeq = s->code.number; break;
            default: break;
            }
        } else if (const auto *v = std::get_if<VanishedData>(&r)) {
            for (const auto &range : v->uids.ranges()) {
                const quint32 last = range.last == SequenceSet::Star ? m_folder.uidNext : range.last;
                for (quint64 uid = range.first; uid <= last && m_vanished.size() < 10'000'000; ++uid)
                    m_vanished.append(quint32(uid));
            }
        } else if (const auto *f = std::get_if<FetchData>(&r)) {
            if (f->uid && f->hasFlags)
                m_flagUpdates.append({f->uid, Store::storedFlags(f->flags), f->modseq});
        }
    };
    h.done = [this](const TaggedResponse &r) {
        if (r.status != Status::Ok) {
            fail(ImapError{r.status == Status::No ? ImapError::Kind::No : ImapError::Kind::Bad, r.code,
                           QString::fromUtf8(r.text), {}});
            return;
        }
        onSelected();
    };
    m_session->command(command, h);
}

QByteArray FolderSync::fetchItems() const
{
    QByteArray items = "(UID FLAGS RFC822.SIZE ";
    if (m_session->condstoreEnabled())
        items += "MODSEQ ";
    return items + "BODY.PEEK[HEADER.FIELDS (" + Store::summaryHeaderFields().join(' ') + ")])";
}

void FolderSync::onSelected()
{
    qCDebug(lcSync) << m_folder.name << "selected after" << m_timer.elapsed() << "ms; EXISTS" << m_exists
                    << "UIDNEXT" << m_serverUidNext << "HIGHESTMODSEQ" << m_serverModSeq;
    Store::MessageRepository messages(m_db);
    // A server may omit UIDNEXT (RFC 9051 §7.1; Courier-IMAP does): m_serverUidNext stays 0
    // and the stored value, raised by the UIDs seen in FETCHes, carries on.
    if (m_folder.uidValidity != 0 && m_folder.uidValidity != m_serverUidValidity) {
        qCInfo(lcSync) << "UIDVALIDITY of" << m_folder.name << "changed from" << m_folder.uidValidity << "to"
                       << m_serverUidValidity << "- rebuilding";
        const QString error = messages.removeAll(m_folder.id);
        if (!error.isEmpty()) {
            failStore(error);
            return;
        }
        m_result.rebuilt = true;
        m_folder.uidNext = 0;
        m_folder.syncedFromUid = 0;
        m_folder.highestModSeq = 0;
        m_vanished.clear();
        m_flagUpdates.clear();
        m_usedQresync = false;
    }
    m_folder.uidValidity = m_serverUidValidity;
    if (m_usedQresync && m_serverModSeq == 0) {
        // NOMODSEQ (RFC 7162 §3.1.2.2) or a server that ignored the QRESYNC parameter: its
        // silence says nothing about flags or expunges.
        m_usedQresync = false;
    }
    if (m_serverModSeq && m_folder.highestModSeq && m_serverModSeq < m_folder.highestModSeq) {
        // The server's mod-sequences restarted under the same UIDVALIDITY (RFC 7162 §3.1.2.1
        // forbids it; a Dovecot that lost its index does it): neither QRESYNC's answer nor a
        // CHANGEDSINCE from the stored value can be trusted. Compare everything once; the
        // full diff then makes the server's value the right one to store.
        qCInfo(lcSync) << "HIGHESTMODSEQ of" << m_folder.name << "went back from" << m_folder.highestModSeq
                       << "to" << m_serverModSeq << "- comparing all flags";
        m_modSeqReset = true;
        m_vanished.clear();
        m_flagUpdates.clear();
        m_usedQresync = false;
    }
    m_state = State::Fetching;
    if (m_folder.uidNext == 0)
        startInitial();
    else
        startIncremental();
}

void FolderSync::startInitial()
{
    m_result.mode = QStringLiteral("initial");
    m_useWriter = m_writer != nullptr;
    m_folder.uidNext = m_serverUidNext;
    m_folder.syncedFromUid = m_serverUidNext; // nothing cached yet: [uidNext, uidNext)
    if (!saveState())
        return;
    if (m_exists == 0) {
        m_folder.syncedFromUid = 1;
        finish();
        return;
    }
    m_initialItems = fetchItems();
    m_initialExists = m_exists;
    // Newest first: the first FETCH is small so the list fills at once, later ones grow
    // (fewer commands for the server to interleave, fewer round trips on our side).
    m_batchLo.clear();
    for (qint64 hi = m_exists, size = m_batchSize; hi >= 1; hi -= size, size = qMin(size * 4, maxBatchSize(m_batchSize)))
        m_batchLo.append(quint32(qMax<qint64>(1, hi - size + 1)));
    m_batchDone = QList<bool>(m_batchLo.size(), false);
    m_batchLowest = QList<quint32>(m_batchLo.size(), 0xFFFFFFFFu);
    m_nextBatch = 0;
    if (m_useWriter)
        connect(m_writer, &Store::CacheWriter::batchWritten, this, &FolderSync::sendInitialFetches, Qt::UniqueConnection);
    sendInitialFetches();
}

void FolderSync::sendInitialFetches()
{
    // Up to fetchWindow in flight, and none while the writer lags: the server's stream then
    // waits in the socket (TCP flow control), not as parsed rows in memory.
    while (m_state == State::Fetching && m_nextBatch < m_batchLo.size() && m_initialInFlight < fetchWindow) {
        if (m_useWriter && m_writer && m_writer->backlog() >= m_writerBacklogLimit)
            return; // batchWritten() calls again
        const qsizetype index = m_nextBatch++;
        const quint32 lo = m_batchLo[index];
        const quint32 hi = index == 0 ? m_exists : m_batchLo[index - 1] - 1;
        ++m_initialInFlight;
        sendFetch("FETCH " + QByteArray::number(lo) + ':' + QByteArray::number(hi) + ' ' + m_initialItems, [this, index] {
            --m_initialInFlight;
            m_batchDone[index] = true;
            if (!commitPending())
                return;
            // Only a contiguous run of finished batches from the newest down moves the
            // resume point (pipelined FETCHes may be answered interleaved).
            quint32 lowest = m_folder.syncedFromUid;
            for (qsizetype i = 0; i < m_batchDone.size() && m_batchDone[i]; ++i)
                lowest = qMin(lowest, m_batchLowest[i]);
            if (lowest != m_folder.syncedFromUid) {
                m_folder.syncedFromUid = lowest;
                saveState();
            }
            sendInitialFetches(); // before commandDone(): the sync is not over yet
        });
    }
}

void FolderSync::startIncremental()
{
    Store::MessageRepository messages(m_db);
    m_oldUidNext = m_folder.uidNext;
    m_resumeBelow = m_folder.syncedFromUid;
    const bool anythingNew = m_serverUidNext == 0 || m_serverUidNext > m_folder.uidNext;

    // QRESYNC already told us about flags and expunges in the SELECT response.
    if (m_usedQresync) {
        m_result.mode = QStringLiteral("qresync");
        if (!m_vanished.isEmpty()) {
            const QString error = messages.removeUids(m_folder.id, m_vanished);
            if (!error.isEmpty()) {
                failStore(error);
                return;
            }
            m_result.removed += m_vanished.size();
            m_vanished.clear();
        }
        if (!applyFlagUpdates())
            return;
    }

    const QByteArray items = fetchItems();
    // Resume an interrupted first sync: everything below syncedFromUid.
    if (m_folder.syncedFromUid > 1) {
        sendFetch("UID FETCH 1:" + QByteArray::number(m_folder.syncedFromUid - 1) + ' ' + items, [this] {
            if (commitPending()) {
                m_folder.syncedFromUid = 1;
                saveState();
            }
        });
    }
    // New messages.
    if (anythingNew) {
        m_newFrom = m_folder.uidNext;
        sendFetch("UID FETCH " + QByteArray::number(m_newFrom) + ":* " + items, [this] {
            if (commitPending()) {
                raiseUidNext();
                saveState();
            }
        });
    }
    if (!m_usedQresync && m_oldUidNext > 1) {
        const QByteArray known = "1:" + QByteArray::number(m_oldUidNext - 1);
        const bool condstore = m_session->condstoreEnabled() && m_folder.highestModSeq && m_serverModSeq && !m_modSeqReset;
        m_result.mode = condstore ? QStringLiteral("condstore") : QStringLiteral("full-diff");
        const qint64 cached = messages.count(m_folder.id);
        if (condstore && m_serverModSeq != m_folder.highestModSeq) {
            Session::Handlers h;
            h.untagged = [this](const Response &r) { onUntagged(r); };
            h.done = [this](const TaggedResponse &r) {
                if (r.status != Status::Ok) {
                    fail(ImapError{ImapError::Kind::No, r.code, QString::fromUtf8(r.text), {}});
                    return;
                }
                if (applyFlagUpdates())
                    commandDone();
            };
            ++m_outstanding;
            m_session->command("UID FETCH " + known + " (UID FLAGS) (CHANGEDSINCE "
                                   + QByteArray::number(m_folder.highestModSeq) + ')', h);
        }
        // Expunges: CONDSTORE does not report them; compare the server's UID list when
        // the counts say something went away (or always without CONDSTORE).
        const bool needUidList = !condstore || m_exists < cached || anythingNew || m_serverModSeq != m_folder.highestModSeq;
        if (needUidList) {
            m_collectingUids = true;
            m_diffFlags = !condstore;
            Session::Handlers h;
            h.untagged = [this](const Response &r) { onUntagged(r); };
            h.done = [this](const TaggedResponse &r) {
                m_collectingUids = false;
                if (r.status != Status::Ok) {
                    fail(ImapError{ImapError::Kind::No, r.code, QString::fromUtf8(r.text), {}});
                    return;
                }
                if (!commitPending())
                    return;
                Store::MessageRepository repo(m_db);
                QList<quint32> gone;
                const QHash<quint32, QByteArrayList> cachedFlags = repo.flagsByUid(m_folder.id);
                for (auto it = cachedFlags.cbegin(); it != cachedFlags.cend(); ++it) {
                    if (it.key() < m_oldUidNext && !m_serverUids.contains(it.key()))
                        gone.append(it.key());
                }
                if (!gone.isEmpty()) {
                    const QString error = repo.removeUids(m_folder.id, gone);
                    if (!error.isEmpty()) {
                        failStore(error);
                        return;
                    }
                    m_result.removed += gone.size();
                }
                for (const Store::FlagUpdate &u : std::as_const(m_serverFlags)) {
                    const auto it = cachedFlags.constFind(u.uid);
                    if (it != cachedFlags.cend() && *it != u.flags)
                        m_flagUpdates.append(u);
                }
                m_serverFlags.clear();
                if (!applyFlagUpdates())
                    return;
                commandDone();
            };
            ++m_outstanding;
            if (condstore)
                m_session->command("UID SEARCH UID " + known, h);
            else
                m_session->command("UID FETCH " + known + " (UID FLAGS)", h);
        }
    }
    if (m_outstanding == 0)
        finish();
}

void FolderSync::sendFetch(const QByteArray &command, std::function<void()> onDone)
{
    Session::Handlers h;
    // Every command of this sync shares one untagged handler: a server may interleave the
    // answers to pipelined commands (Dovecot runs non-conflicting FETCHes in parallel).
    h.untagged = [this](const Response &r) { onUntagged(r); };
    h.done = [this, onDone = std::move(onDone)](const TaggedResponse &r) {
        if (m_state == State::Failed)
            return;
        if (r.status != Status::Ok) {
            fail(ImapError{r.status == Status::No ? ImapError::Kind::No : ImapError::Kind::Bad, r.code,
                           QString::fromUtf8(r.text), {}});
            return;
        }
        onDone();
        if (m_state == State::Failed)
            return;
        Q_EMIT progress(m_result.added);
        commandDone();
    };
    ++m_outstanding;
    m_session->command(command, h);
}

void FolderSync::onUntagged(const Response &r)
{
    if (m_state == State::Failed)
        return;
    const auto *f = std::get_if<FetchData>(&r);
    if (!f) {
        if (const auto *e = std::get_if<ExistsData>(&r)) {
            m_exists = e->count;
        } else if (const auto *s = std::get_if<SearchData>(&r)) {
            for (quint32 uid : s->numbers)
                m_serverUids.insert(uid);
        } else if (const auto *es = std::get_if<ESearchData>(&r)) {
            for (const auto &range : es->all.ranges())
                for (quint64 uid = range.first; uid <= range.last && range.last != SequenceSet::Star; ++uid)
                    m_serverUids.insert(quint32(uid));
        }
        return;
    }
    if (!f->uid)
        return;
    if (m_collectingUids)
        m_serverUids.insert(f->uid);
    if (f->sections.isEmpty()) {
        if (f->hasFlags) {
            if (m_collectingUids && m_diffFlags)
                m_serverFlags.append({f->uid, Store::storedFlags(f->flags), f->modseq});
            else
                m_flagUpdates.append({f->uid, Store::storedFlags(f->flags), f->modseq});
        }
        return;
    }
    // `UID FETCH N:*` also returns the newest message when it is older than N (RFC 9051
    // §6.4.8): a message already cached, not a new one (Courier answers nothing instead).
    if (m_newFrom && f->uid < m_newFrom && f->uid >= m_resumeBelow)
        return;
    Store::CacheRow record;
    record.uid = f->uid;
    record.size = f->size.value_or(0);
    record.modseq = f->modseq;
    const QByteArray &headers = f->sections.first();
    record.reserve(headers.size() + 160); // flags, then the decoded header fields
    record.setFlags(f->flags);
    Store::fillFromHeaders(record, headers);
    if (!m_oldRepliesBefore)
        m_oldRepliesBefore = TrackingScan::oldReplyBound(m_db, QDateTime::currentDateTimeUtc());
    record.trackingPending = TrackingScan::needsLook(record, *m_oldRepliesBefore);
    m_maxUidSeen = qMax(m_maxUidSeen, f->uid);
    if (!m_batchDone.isEmpty() && f->sequence >= 1 && f->sequence <= m_initialExists) {
        // The batch holding this sequence number: the first whose lower end is <= it.
        const auto it = std::lower_bound(m_batchLo.cbegin(), m_batchLo.cend(), f->sequence, std::greater<quint32>());
        if (it != m_batchLo.cend())
            m_batchLowest[it - m_batchLo.cbegin()] = qMin(m_batchLowest[it - m_batchLo.cbegin()], f->uid);
    }
    m_pending.append(std::move(record));
    if (m_pending.size() >= pendingLimit)
        commitPending();
}

bool FolderSync::commitPending()
{
    if (m_pending.isEmpty())
        return m_state != State::Failed;
    const Store::SearchIndexing indexing =
        m_pending.size() >= m_deferIndexingFrom ? Store::SearchIndexing::Deferred : Store::SearchIndexing::Now;
    if (indexing == Store::SearchIndexing::Deferred)
        m_result.searchDeferred += m_pending.size();
    if (m_useWriter) {
        m_result.added += m_pending.size();
        m_writer->upsert(m_folder.id, std::move(m_pending), indexing);
        m_pending = {};
        return true;
    }
    Store::MessageRepository messages(m_db);
    const QString error = messages.upsert(m_folder.id, m_pending, indexing);
    if (!error.isEmpty()) {
        failStore(error);
        return false;
    }
    m_result.added += m_pending.size();
    m_pending.clear();
    return true;
}

bool FolderSync::applyFlagUpdates()
{
    if (m_flagUpdates.isEmpty())
        return true;
    Store::MessageRepository messages(m_db);
    const QString error = messages.updateFlags(m_folder.id, m_flagUpdates);
    if (!error.isEmpty()) {
        failStore(error);
        return false;
    }
    m_result.flagsChanged += m_flagUpdates.size();
    m_flagUpdates.clear();
    return true;
}

void FolderSync::commandDone()
{
    // A first sync waiting for its writer has FETCHes still to send.
    if (--m_outstanding == 0 && m_state == State::Fetching && m_nextBatch >= m_batchLo.size())
        finish();
}

bool FolderSync::saveState()
{
    if (m_useWriter) {
        m_writer->saveSyncState(m_folder);
        return true;
    }
    Store::FolderRepository folders(m_db);
    const QString error = folders.saveSyncState(m_folder);
    if (!error.isEmpty()) {
        failStore(error);
        return false;
    }
    return true;
}

void FolderSync::finish()
{
    if (!commitPending())
        return;
    if (m_useWriter) {
        // Let the writer thread catch up before the final state is computed here.
        m_useWriter = false;
        QPointer<FolderSync> self(this);
        m_writer->flush([self](const QString &error) {
            if (!self || self->m_state != State::Fetching)
                return;
            if (!error.isEmpty())
                self->failStore(error);
            else
                self->finish();
        });
        return;
    }
    qCDebug(lcSync) << m_folder.name << "fetches done after" << m_timer.elapsed() << "ms";
    if (!applyFlagUpdates())
        return;
    // Never backwards: a server that omits HIGHESTMODSEQ (no CONDSTORE this session, or
    // NOMODSEQ) or UIDNEXT leaves the stored values as they were. Only a restart of the
    // server's mod-sequences, just compared in full, replaces a higher stored value.
    if (m_serverModSeq > m_folder.highestModSeq || (m_modSeqReset && m_serverModSeq))
        m_folder.highestModSeq = m_serverModSeq;
    raiseUidNext();
    m_folder.lastSync = QDateTime::currentSecsSinceEpoch();
    if (!saveState())
        return;
    m_state = State::Done;
    qCDebug(lcSync) << m_folder.name << "state saved after" << m_timer.elapsed() << "ms";
    m_result.messages = Store::MessageRepository(m_db).count(m_folder.id);
    m_result.seconds = double(m_timer.nsecsElapsed()) / 1e9;
    Q_EMIT finished(m_result);
}

void FolderSync::raiseUidNext()
{
    // The stored UIDNEXT only grows (same UIDVALIDITY; a rebuild reset it to 0 before):
    // what the server announced, or one past the highest UID fetched when it announced
    // nothing (Courier-IMAP), never less than what an earlier sync stored.
    m_folder.uidNext = std::max({m_folder.uidNext, m_serverUidNext, m_maxUidSeen + 1});
}

void FolderSync::fail(const ImapError &error)
{
    if (m_state == State::Failed || m_state == State::Done)
        return;
    // Keep what arrived complete: the resume point did not move, so a later sync fetches
    // these again and only refreshes them.
    commitPending();
    if (m_state == State::Failed)
        return;
    m_state = State::Failed;
    m_result.imapError = error;
    if (m_useWriter) {
        // What went to the writer thread is in the cache before anyone hears of the failure
        // (a caller counting what the broken sync kept must see it).
        m_useWriter = false;
        QPointer<FolderSync> self(this);
        m_writer->flush([self](const QString &) {
            if (self) {
                self->m_result.seconds = double(self->m_timer.nsecsElapsed()) / 1e9;
                Q_EMIT self->finished(self->m_result);
            }
        });
        return;
    }
    m_result.seconds = double(m_timer.nsecsElapsed()) / 1e9;
    Q_EMIT finished(m_result);
}

void FolderSync::failStore(const QString &error)
{
    if (m_state == State::Failed || m_state == State::Done)
        return;
    m_state = State::Failed;
    m_result.storeError = error;
    m_result.seconds = double(m_timer.nsecsElapsed()) / 1e9;
    Q_EMIT finished(m_result);
}

} // namespace Mailtrail::Sync
