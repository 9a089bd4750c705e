// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QSqlDatabase>
#include <QStringList>

#include <memory>

class QDateTime;

namespace Mailtrail::Imap {
class Session;
}
namespace Mailtrail::Store {
class CacheRow;
}
namespace Mailtrail::Tracking {
class TrackingStore;
}

namespace Mailtrail::Sync {

/// What one scan found.
struct TrackingScanReport
{
    int reportsRead = 0;  ///< report candidates fetched and parsed
    int matched = 0;      ///< reports correlated with sent mail
    int unmatched = 0;    ///< reports kept, matching nothing
    int notEvidence = 0;  ///< candidates that were no report after all
    int replies = 0;      ///< replies from recipients recorded
    int eventsAdded = 0;
    QStringList errors;   ///< per message; those are looked at again next time
    int ownReports = 0;   ///< reports we sent ourselves (our MDNs' Sent copies), skipped
    int sentElsewhere = 0; ///< Sent-folder messages of another program now tracked (SentElsewhere)
};

/// After a sync: first gives mail another program put into the Sent folder a timeline
/// (SentElsewhere), then looks at every newly cached message of an account, in every folder (not
/// only INBOX). Ordinary mail is checked for being a reply to a sent message (headers only,
/// nothing fetched). Report candidates (Reports::mightBeReport, the header-only pre-check, cached as
/// MessageRecord::looksLikeReport) are fetched with
/// BODY.PEEK[] (cached bodies are reused), parsed and correlated by Tracking::ReportIngest.
/// Each message is looked at once (tracking_scanned); a message that failed is retried on
/// the next scan. Reports we sent ourselves (the Sent copies of our MDNs: their Message-ID
/// is in the outbox or read_receipts, or a multipart/report from our own address) are
/// skipped, never listed as unmatched. The session must be ready; the scan EXAMINEs
/// folders (read-only).
class TrackingScan : public QObject
{
    Q_OBJECT
public:
    TrackingScan(Imap::Session *session, QSqlDatabase db, qint64 accountId,
                 QString accountName, QObject *parent = nullptr);
    ~TrackingScan() override;

    /// Runs the scan; finished() follows exactly once.
    void start();

    /// Whether a scan must look at a new message at all: a report candidate (for its
    /// evidence), an undated reply, or a reply (In-Reply-To or References) dated on or after
    /// @p oldRepliesBefore. Everything else is marked looked at when cached, as the scan
    /// would mark it after finding nothing (a first sync of 100,000 messages otherwise
    /// rewrote 95,000 rows to clear the mark: 0.3 s of a 3 s first sync).
    [[nodiscard]] static bool needsLook(const Store::CacheRow &row, qint64 oldRepliesBefore);
    /// The date (seconds since the epoch) before which no reply can be about tracked mail,
    /// now or after the next scan's sent-elsewhere import: a day (clock skew) before the
    /// oldest tracked mail, the oldest mail an import of any account may add, and @p now.
    /// Mail tracked later is newer still (an older import needs a wider window first).
    [[nodiscard]] static qint64 oldReplyBound(QSqlDatabase db, const QDateTime &now);

Q_SIGNALS:
    void finished(const Mailtrail::Sync::TrackingScanReport &report);

private:
    struct Candidate;
    void scanReplies();
    void nextFolder();
    void nextMessage();
    void ingest(const Candidate &candidate, const QByteArray &raw);
    void markScanned(qint64 messageId, bool isReport = false);
    [[nodiscard]] bool isOwnReport(const Candidate &candidate) const;
    void finish();

    Imap::Session *m_session;
    QSqlDatabase m_db;
    qint64 m_accountId;
    QString m_accountName;
    QString m_accountEmail;
    std::unique_ptr<Tracking::TrackingStore> m_store;
    QList<qint64> m_folders;
    qint64 m_notBefore = 0; ///< report candidates dated earlier cannot be about tracked mail (seconds)
    QList<Candidate> m_queue;
    QString m_folderName;
    TrackingScanReport m_report;
    bool m_finished = false;
};

} // namespace Mailtrail::Sync

Q_DECLARE_METATYPE(Mailtrail::Sync::TrackingScanReport)
