// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/TrackingScan.h"

#include "imap/MailboxOperations.h"
#include "imap/Session.h"
#include "store/Database.h"
#include "store/FolderRepository.h"
#include "store/AccountRepository.h"
#include "store/MessageRecord.h"
#include "store/MessageRepository.h"
#include "sync/ReadReceipts.h"
#include "sync/SentElsewhere.h"
#include "tracking/Correlator.h"
#include "tracking/ReplyDetector.h"
#include "tracking/ReportIngest.h"
#include "tracking/TrackingStore.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QSqlError>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

#include <limits>
#include <optional>

Q_LOGGING_CATEGORY(lcTrackingScan, "mailtrail.sync.tracking", QtInfoMsg)

namespace Mailtrail::Sync {

struct TrackingScan::Candidate
{
    qint64 messageId = 0;
    quint32 uid = 0;
    QDateTime date;
    QString subject;
    QString from;
    QStringList inReplyTo;
    QStringList references;
    QString messageIdHeader;
    QString contentType;
};

namespace {

QStringList ids(const QString &text)
{
    return text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

/// Unscanned messages of @p accountId: columns id, folder_id, uid, date, subject,
/// from_address, in_reply_to, reference_ids, looks_like_report, message_id, content_type.
QString unscannedQuery(const QString &extra)
{
    return QStringLiteral(
               "SELECT m.id, m.folder_id, m.uid, m.date, m.subject, m.from_address, m.in_reply_to, "
               "m.reference_ids, m.looks_like_report, m.message_id, m.content_type FROM messages m JOIN folders f ON f.id = m.folder_id "
               "WHERE f.account_id = ? AND m.tracking_pending = 1 %1 ORDER BY m.folder_id, m.uid")
        .arg(extra);
}

/// How much older than the mail it is about a report or reply may look (clocks differ).
constexpr qint64 kClockSkew = 24 * 3600;

/// When the oldest tracked mail was created (seconds since the epoch), if any.
std::optional<qint64> oldestTrackedMail(QSqlDatabase db)
{
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("SELECT MIN(created_at) FROM sent_messages")) && q.next() && !q.value(0).isNull())
        return q.value(0).toLongLong() / 1000;
    return std::nullopt;
}

} // namespace

TrackingScan::TrackingScan(Imap::Session *session, QSqlDatabase db, qint64 accountId,
                           QString accountName, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_db(std::move(db))
    , m_accountId(accountId)
    , m_accountName(std::move(accountName))
    , m_store(std::make_unique<Tracking::TrackingStore>(m_db))
{
    qRegisterMetaType<TrackingScanReport>();
    if (const auto account = Store::AccountRepository(m_db).findById(m_accountId))
        m_accountEmail = account->email;
}

TrackingScan::~TrackingScan() = default;

bool TrackingScan::needsLook(const Store::CacheRow &row, qint64 oldRepliesBefore)
{
    if (row.looksLikeReport)
        return true;
    if (row.text(Store::CacheRow::InReplyTo).isEmpty() && row.text(Store::CacheRow::References).isEmpty())
        return false; // scanReplies() reads nothing else
    return row.date <= 0 || row.date >= oldRepliesBefore;
}

qint64 TrackingScan::oldReplyBound(QSqlDatabase db, const QDateTime &now)
{
    qint64 bound = now.toSecsSinceEpoch();
    if (const auto oldest = oldestTrackedMail(db))
        bound = qMin(bound, *oldest);
    const SentElsewhere sentElsewhere(db);
    for (const Store::Account &account : Store::AccountRepository(db).list()) {
        const SentElsewhereSettings settings = sentElsewhere.settings(account.name);
        if (settings.enabled)
            bound = qMin(bound, now.addDays(-settings.days).toSecsSinceEpoch());
    }
    return bound - kClockSkew;
}

void TrackingScan::start()
{
    m_report.sentElsewhere = SentElsewhere(m_db).import(m_accountId, m_accountName, m_accountEmail,
                                                        QDateTime::currentDateTimeUtc(), &m_report.errors);
    // A report or a reply is written after the mail it is about: a message dated more than a
    // day (clock skew) before the first mail this profile tracks cannot be about any of it. A
    // new profile over years of mail would otherwise read every old bounce's body (3,000 in
    // the 100k benchmark: 8 s) and look up every old reply. Old report candidates stay
    // unscanned, so older tracked mail (a wider sent-elsewhere import) brings them back; old
    // replies are marked as looked at in one statement, as they would be after a lookup that
    // found nothing. Undated messages are always looked at.
    if (const auto oldest = oldestTrackedMail(m_db))
        m_notBefore = *oldest - kClockSkew;
    else
        m_notBefore = std::numeric_limits<qint64>::max(); // nothing tracked: nothing can match
    scanReplies();
    if (m_notBefore == std::numeric_limits<qint64>::max()) {
        // Nothing tracked: no report can be about anything here, not even an undated one.
        // The candidates stay unscanned until there is tracked mail.
        finish();
        return;
    }
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT DISTINCT m.folder_id FROM messages m JOIN folders f ON f.id = m.folder_id "
                             "WHERE f.account_id = ? AND m.looks_like_report = 1 AND (+m.date <= 0 OR +m.date >= ?) "
                             "AND m.tracking_pending = 1 ORDER BY m.folder_id"));
    q.addBindValue(m_accountId);
    q.addBindValue(m_notBefore);
    if (!q.exec()) {
        m_report.errors.append(q.lastError().text());
        finish();
        return;
    }
    while (q.next())
        m_folders.append(q.value(0).toLongLong());
    nextFolder();
}

void TrackingScan::scanReplies()
{
    // Headers only: everything here is in the cache already.
    Store::Transaction transaction(m_db);
    // Looked at: tracking_pending cleared in one statement. A row in tracking_scanned is
    // only needed for reports (is_report); one per old message cost a first sync of 100k
    // messages a second (an insert and its trigger's update each).
    QSqlQuery old(m_db);
    // "+date": the pending rows are found through messages_tracking_pending. On the date
    // the planner picked messages_by_date and walked every dated message of the account
    // (70 ms of a first sync of 100k messages, most of them not pending).
    old.prepare(QStringLiteral("UPDATE messages SET tracking_pending = 0 WHERE tracking_pending = 1 AND looks_like_report = 0 "
                               "AND +date > 0 AND +date < ? AND folder_id IN (SELECT id FROM folders WHERE account_id = ?)"));
    old.addBindValue(m_notBefore);
    old.addBindValue(m_accountId);
    if (!old.exec())
        m_report.errors.append(old.lastError().text());
    QSqlQuery q(m_db);
    q.prepare(unscannedQuery(QStringLiteral("AND m.looks_like_report = 0")));
    q.addBindValue(m_accountId);
    if (!q.exec()) {
        m_report.errors.append(q.lastError().text());
        return;
    }
    QJsonArray looked;
    while (q.next()) {
        Tracking::ReceivedMail mail;
        mail.inReplyTo = ids(q.value(6).toString());
        mail.references = ids(q.value(7).toString());
        // While nothing is tracked, no reply can be about any of it: marked looked at, as
        // old replies are above.
        if (m_notBefore != std::numeric_limits<qint64>::max() && (!mail.inReplyTo.isEmpty() || !mail.references.isEmpty())) {
            mail.messageId = q.value(9).toString();
            mail.from = q.value(5).toString();
            mail.date = QDateTime::fromSecsSinceEpoch(q.value(3).toLongLong(), Qt::UTC);
            if (Tracking::recordReply(*m_store, mail))
                ++m_report.replies;
        }
        looked.append(q.value(0).toLongLong());
    }
    q.finish();
    if (!looked.isEmpty()) {
        QSqlQuery mark(m_db);
        mark.prepare(QStringLiteral("UPDATE messages SET tracking_pending = 0 WHERE id IN (SELECT value FROM json_each(?))"));
        mark.addBindValue(QString::fromUtf8(QJsonDocument(looked).toJson(QJsonDocument::Compact)));
        if (!mark.exec())
            m_report.errors.append(mark.lastError().text());
    }
    if (!transaction.commit())
        m_report.errors.append(m_db.lastError().text());
}

void TrackingScan::nextFolder()
{
    if (m_folders.isEmpty()) {
        finish();
        return;
    }
    const qint64 folderId = m_folders.takeFirst();
    const auto folder = Store::FolderRepository(m_db).findById(folderId);
    if (!folder) {
        nextFolder();
        return;
    }
    m_folderName = folder->name;
    m_queue.clear();
    QSqlQuery q(m_db);
    q.prepare(unscannedQuery(QStringLiteral("AND m.looks_like_report = 1 AND m.folder_id = ? AND (+m.date <= 0 OR +m.date >= ?)")));
    q.addBindValue(m_accountId);
    q.addBindValue(folderId);
    q.addBindValue(m_notBefore);
    if (q.exec()) {
        while (q.next()) {
            Candidate c;
            c.messageId = q.value(0).toLongLong();
            c.uid = q.value(2).toUInt();
            if (q.value(3).toLongLong() > 0)
                c.date = QDateTime::fromSecsSinceEpoch(q.value(3).toLongLong(), Qt::UTC);
            c.subject = q.value(4).toString();
            c.from = q.value(5).toString();
            c.inReplyTo = ids(q.value(6).toString());
            c.references = ids(q.value(7).toString());
            c.messageIdHeader = q.value(9).toString();
            c.contentType = q.value(10).toString();
            if (isOwnReport(c)) {
                ++m_report.ownReports;
                markScanned(c.messageId);
                continue;
            }
            m_queue.append(c);
        }
    }
    if (m_queue.isEmpty()) { // only our own reports here
        nextFolder();
        return;
    }
    // EXAMINE: read-only, so looking at reports never changes \Seen or \Recent.
    m_session->command("EXAMINE " + Imap::Session::quoted(folder->wireName),
                       {{}, {}, [this](const Imap::TaggedResponse &response) {
                            if (response.status != Imap::Status::Ok) {
                                m_report.errors.append(
                                    QStringLiteral("%1: cannot open the folder: %2")
                                        .arg(m_folderName, QString::fromUtf8(response.text)));
                                nextFolder();
                                return;
                            }
                            nextMessage();
                        }});
}

void TrackingScan::nextMessage()
{
    if (m_queue.isEmpty()) {
        nextFolder();
        return;
    }
    const Candidate candidate = m_queue.takeFirst();
    if (const auto cached = Store::MessageRepository(m_db).body(candidate.messageId)) {
        ingest(candidate, *cached);
        QMetaObject::invokeMethod(this, &TrackingScan::nextMessage, Qt::QueuedConnection);
        return;
    }
    Imap::Operations::fetchMessage(
        *m_session, candidate.uid, [this, candidate](const Imap::ImapError &error, const QByteArray &raw) {
            if (error.isError()) {
                m_report.errors.append(QStringLiteral("%1/%2: %3")
                                           .arg(m_folderName)
                                           .arg(candidate.uid)
                                           .arg(error.message()));
            } else if (raw.isEmpty()) {
                markScanned(candidate.messageId); // expunged meanwhile
            } else {
                if (const QString e = Store::MessageRepository(m_db).storeBody(candidate.messageId, raw); !e.isEmpty())
                    qCWarning(lcTrackingScan) << "cannot cache body:" << e;
                ingest(candidate, raw);
            }
            nextMessage();
        });
}

void TrackingScan::ingest(const Candidate &candidate, const QByteArray &raw)
{
    Tracking::IncomingMail mail;
    mail.raw = raw;
    mail.origin = QStringLiteral("%1/%2/%3").arg(m_accountName, m_folderName).arg(candidate.uid);
    mail.date = candidate.date;
    mail.subject = candidate.subject;
    mail.from = candidate.from;
    mail.inReplyTo = candidate.inReplyTo;
    mail.references = candidate.references;
    const Tracking::IngestResult result = Tracking::ReportIngest(*m_store).ingest(mail);
    ++m_report.reportsRead;
    switch (result.outcome) {
    case Tracking::IngestResult::Failed:
        m_report.errors.append(QStringLiteral("%1: %2").arg(mail.origin, result.error));
        return; // not marked: tried again next time
    case Tracking::IngestResult::Matched:
        ++m_report.matched;
        break;
    case Tracking::IngestResult::Unmatched:
        ++m_report.unmatched;
        break;
    case Tracking::IngestResult::NotEvidence:
        ++m_report.notEvidence;
        break;
    }
    m_report.eventsAdded += result.eventsAdded;
    markScanned(candidate.messageId, result.outcome != Tracking::IngestResult::NotEvidence);
}

bool TrackingScan::isOwnReport(const Candidate &candidate) const
{
    if (!m_accountEmail.isEmpty() && candidate.contentType == QLatin1String("multipart/report")
        && Tracking::normalizeAddress(candidate.from) == Tracking::normalizeAddress(m_accountEmail))
        return true;
    return ReadReceipts(m_db).isOwnReport(m_accountName, candidate.messageIdHeader);
}

void TrackingScan::markScanned(qint64 messageId, bool isReport)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO tracking_scanned (message_id, scanned_at, is_report) VALUES (?, ?, ?) "
                             "ON CONFLICT(message_id) DO UPDATE SET is_report = MAX(is_report, excluded.is_report)"));
    q.addBindValue(messageId);
    q.addBindValue(QDateTime::currentSecsSinceEpoch());
    q.addBindValue(isReport ? 1 : 0);
    if (!q.exec())
        m_report.errors.append(q.lastError().text());
}

void TrackingScan::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    qCInfo(lcTrackingScan).nospace().noquote() << m_accountName << ": " << m_report.reportsRead << " reports read, "
                                     << m_report.matched << " matched, " << m_report.unmatched
                                     << " unmatched, " << m_report.replies << " replies";
    Q_EMIT finished(m_report);
}

} // namespace Mailtrail::Sync
