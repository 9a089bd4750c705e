// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/SubmissionCapabilities.h"

#include "store/Database.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Mailtrail::Sync {

Mime::TransportCapabilities transportCapabilities(const std::optional<Smtp::Capabilities> &known)
{
    Mime::TransportCapabilities caps;
    if (!known) {
        caps.smtpUtf8Unknown = true;
        return caps;
    }
    caps.smtpUtf8 = known->smtpUtf8;
    caps.eightBitMime = known->eightBitMime || known->smtpUtf8; // RFC 6531 §3.1
    return caps;
}

SubmissionCapabilityStore::SubmissionCapabilityStore(QSqlDatabase db)
    : m_db(std::move(db))
{ }

bool SubmissionCapabilityStore::record(
    const QString &account, const Smtp::Capabilities &c, const QDateTime &seenAt)
{
    m_lastError.clear();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO submission_capabilities (account, eight_bit_mime, smtp_utf8, dsn, "
        "pipelining, chunking, binary_mime, enhanced_status_codes, size_limit, auth_mechanisms, "
        "seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(account);
    q.addBindValue(c.eightBitMime);
    q.addBindValue(c.smtpUtf8);
    q.addBindValue(c.dsn);
    q.addBindValue(c.pipelining);
    q.addBindValue(c.chunking);
    q.addBindValue(c.binaryMime);
    q.addBindValue(c.enhancedStatusCodes);
    q.addBindValue(c.size ? QVariant(*c.size) : QVariant(QMetaType(QMetaType::LongLong)));
    q.addBindValue(Store::notNull(c.authMechanisms.join(QLatin1Char(' '))));
    q.addBindValue(seenAt.toMSecsSinceEpoch());
    if (!q.exec()) {
        m_lastError = QStringLiteral("Cannot store the server capabilities of %1: %2")
                          .arg(account, q.lastError().text());
        return false;
    }
    return true;
}

std::optional<KnownCapabilities> SubmissionCapabilityStore::find(const QString &account) const
{
    m_lastError.clear();
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("SELECT eight_bit_mime, smtp_utf8, dsn, pipelining, chunking, binary_mime, "
                       "enhanced_status_codes, size_limit, auth_mechanisms, seen_at "
                       "FROM submission_capabilities WHERE account = ?"));
    q.addBindValue(account);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    KnownCapabilities known;
    Smtp::Capabilities &c = known.capabilities;
    c.eightBitMime = q.value(0).toBool();
    c.smtpUtf8 = q.value(1).toBool();
    c.dsn = q.value(2).toBool();
    c.pipelining = q.value(3).toBool();
    c.chunking = q.value(4).toBool();
    c.binaryMime = q.value(5).toBool();
    c.enhancedStatusCodes = q.value(6).toBool();
    if (!q.value(7).isNull())
        c.size = q.value(7).toLongLong();
    const QString mechanisms = q.value(8).toString();
    if (!mechanisms.isEmpty())
        c.authMechanisms = mechanisms.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    known.seenAt = QDateTime::fromMSecsSinceEpoch(q.value(9).toLongLong(), Qt::UTC);
    return known;
}

std::optional<bool> SubmissionCapabilityStore::dsnSupported(const QString &account) const
{
    const auto known = find(account);
    if (!known)
        return std::nullopt;
    return known->capabilities.dsn;
}

Mime::TransportCapabilities SubmissionCapabilityStore::transportCapabilities(
    const QString &account) const
{
    const auto known = find(account);
    return Sync::transportCapabilities(known ? std::optional(known->capabilities) : std::nullopt);
}

Mime::BuiltMessage SubmissionCapabilityStore::build(const QString &account, const Mime::OutgoingMessage &message) const
{
    return Mime::MessageBuilder(transportCapabilities(account)).build(message);
}

bool SubmissionCapabilityStore::forget(const QString &account)
{
    m_lastError.clear();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM submission_capabilities WHERE account = ?"));
    q.addBindValue(account);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return false;
    }
    return true;
}

} // namespace Mailtrail::Sync
