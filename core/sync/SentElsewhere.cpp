// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/SentElsewhere.h"

#include "store/MessageRepository.h"
#include "tracking/ReportIngest.h"
#include "tracking/TrackingStore.h"

#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

Q_LOGGING_CATEGORY(lcSentElsewhere, "mailtrail.sync.elsewhere", QtInfoMsg)

namespace Mailtrail::Sync {

namespace {

QStringList addressList(const QString &text)
{
    QStringList list;
    static const QRegularExpression angle(QStringLiteral("<([^<>@\\s]+@[^<>\\s]+)>"));
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const auto m = angle.match(part);
        QString address = m.hasMatch() ? m.captured(1) : part.trimmed();
        if (address.contains(QLatin1Char('@')) && !address.contains(QLatin1Char(' ')))
            list.append(address);
    }
    return list;
}

} // namespace

QStringList bccAddresses(const QByteArray &raw)
{
    qsizetype end = raw.indexOf("\r\n\r\n");
    if (end < 0)
        end = raw.indexOf("\n\n");
    const QByteArray header = end < 0 ? raw : raw.left(end);
    // Unfold (RFC 5322 §2.2.3), then look at every Bcc field.
    QByteArray unfolded = header;
    unfolded.replace("\r\n", "\n");
    static const QRegularExpression fold(QStringLiteral("\n[ \t]+"));
    const QString text = QString::fromUtf8(unfolded).replace(fold, QStringLiteral(" "));
    QStringList result;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("bcc:"), Qt::CaseInsensitive))
            result += addressList(line.mid(4));
    }
    return result;
}

SentElsewhere::SentElsewhere(QSqlDatabase database)
    : m_db(std::move(database))
{
}

SentElsewhereSettings SentElsewhere::settings(const QString &account) const
{
    SentElsewhereSettings s;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT enabled, days FROM sent_elsewhere_settings WHERE account = ?"));
    q.addBindValue(account);
    if (q.exec() && q.next()) {
        s.enabled = q.value(0).toInt() != 0;
        s.days = q.value(1).toInt();
    }
    return s;
}

bool SentElsewhere::setSettings(const QString &account, const SentElsewhereSettings &settings)
{
    m_lastError.clear();
    if (settings.days < 1) {
        m_lastError = QStringLiteral("the number of days must be at least 1");
        return false;
    }
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO sent_elsewhere_settings (account, enabled, days) "
                             "VALUES (?, ?, ?)"));
    q.addBindValue(account);
    q.addBindValue(settings.enabled ? 1 : 0);
    q.addBindValue(settings.days);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return false;
    }
    return true;
}

int SentElsewhere::import(qint64 accountId, const QString &accountName, const QString &accountEmail,
                          const QDateTime &now, QStringList *errors)
{
    const SentElsewhereSettings s = settings(accountName);
    if (!s.enabled)
        return 0;
    QSqlQuery q(m_db);
    // The \Sent folder; without one, the folder named Sent (as OutboxSender files its copies).
    q.prepare(QStringLiteral(
        "SELECT m.id, m.message_id, m.subject, m.from_address, m.to_addresses, m.cc_addresses, "
        "m.date, m.content_type, m.bcc_addresses FROM messages m WHERE m.folder_id = (SELECT id FROM folders "
        "WHERE account_id = ? AND (special_use = '\\Sent' COLLATE NOCASE OR name = 'Sent' COLLATE NOCASE) "
        "ORDER BY special_use = '' LIMIT 1) AND m.date >= ? AND m.message_id <> '' ORDER BY m.date"));
    q.addBindValue(accountId);
    q.addBindValue(now.addDays(-s.days).toSecsSinceEpoch());
    if (!q.exec()) {
        errors->append(QStringLiteral("%1: cannot read the Sent folder: %2").arg(accountName, q.lastError().text()));
        return 0;
    }
    Tracking::TrackingStore store(m_db);
    int imported = 0;
    while (q.next()) {
        const QString messageId = q.value(1).toString();
        if (store.byMessageId(messageId))
            continue; // sent by Mailtrail (or imported before)
        // The Sent copies of our own read receipts are no mail to track.
        if (q.value(7).toString() == QLatin1String("multipart/report"))
            continue;
        Tracking::NewSentMessage message;
        message.account = accountName;
        message.messageId = messageId;
        message.subject = q.value(2).toString();
        message.sender = q.value(3).toString().isEmpty() ? accountEmail : q.value(3).toString();
        QStringList recipients = addressList(q.value(4).toString()) + addressList(q.value(5).toString());
        // Bcc: from the header summary that sync fetched (BCC is one of its fields); for a
        // message cached before that, from its downloaded body when there is one.
        const QStringList bcc = addressList(q.value(8).toString());
        if (!bcc.isEmpty())
            recipients += bcc;
        else if (const auto body = Store::MessageRepository(m_db).body(q.value(0).toLongLong()))
            recipients += bccAddresses(*body);
        QStringList seen;
        for (const QString &address : std::as_const(recipients)) {
            const QString key = Tracking::normalizeAddress(address);
            if (key.isEmpty() || seen.contains(key))
                continue;
            seen.append(key);
            message.recipients.append({address, QString(), QString()});
        }
        if (message.recipients.isEmpty())
            continue;
        const QDateTime sentAt = QDateTime::fromSecsSinceEpoch(q.value(6).toLongLong(), Qt::UTC);
        if (!store.addSentElsewhere(message, sentAt)) {
            errors->append(QStringLiteral("%1: %2").arg(accountName, store.lastError()));
            continue;
        }
        ++imported;
    }
    if (imported == 0)
        return 0;
    qCInfo(lcSentElsewhere).noquote() << accountName << ":" << imported << "sent from elsewhere";
    // A bounce may have been read before the Sent copy: correlate the unmatched reports again.
    Tracking::ReportIngest ingest(store);
    for (const Tracking::StoredReport &report : store.unmatchedReports()) {
        Tracking::IncomingMail mail;
        mail.raw = store.reportRaw(report.id);
        mail.origin = report.origin;
        mail.date = report.receivedAt;
        mail.subject = report.subject;
        mail.from = report.from;
        const Tracking::IngestResult result = ingest.ingest(mail);
        if (result.outcome == Tracking::IngestResult::Failed)
            errors->append(QStringLiteral("%1: %2").arg(report.origin, result.error));
    }
    return imported;
}

} // namespace Mailtrail::Sync
