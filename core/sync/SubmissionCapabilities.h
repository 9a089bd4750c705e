// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mime/MessageBuilder.h"
#include "mime/OutgoingMessage.h"
#include "smtp/Capabilities.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>
#include <optional>

namespace Mailtrail::Sync {

/// The capabilities an account's submission server offered, and when.
struct KnownCapabilities
{
    Smtp::Capabilities capabilities;
    QDateTime seenAt; ///< UTC
    bool operator==(const KnownCapabilities &) const = default;
};

/// How to build a message for a server with @p known capabilities (nullopt: never seen):
/// 8BITMIME and SMTPUTF8 as offered; unknown servers get 7-bit safe encodings with UTF-8
/// addresses left to the submission to decide (Mime::TransportCapabilities::smtpUtf8Unknown).
[[nodiscard]] Mime::TransportCapabilities transportCapabilities(
    const std::optional<Smtp::Capabilities> &known);

/// The last submission capabilities of each account (table `submission_capabilities`,
/// resources/sql/111-submission-capabilities.sql). Written after every EHLO that a
/// submission or a connection test read; read when a message is built and by the composer
/// (does the server offer DSN?).
class SubmissionCapabilityStore
{
public:
    explicit SubmissionCapabilityStore(QSqlDatabase db);

    [[nodiscard]] QString lastError() const { return m_lastError; }

    /// Replaces what is known about @p account's server.
    bool record(const QString &account, const Smtp::Capabilities &capabilities,
        const QDateTime &seenAt = QDateTime::currentDateTimeUtc());
    /// nullopt: Mailtrail has not talked to the server yet (or the database failed).
    [[nodiscard]] std::optional<KnownCapabilities> find(const QString &account) const;
    /// Does the server offer DSN (RFC 3461)? nullopt when not known yet.
    [[nodiscard]] std::optional<bool> dsnSupported(const QString &account) const;
    /// transportCapabilities(find(account)).
    [[nodiscard]] Mime::TransportCapabilities transportCapabilities(const QString &account) const;
    /// @p message built for what @p account's server offered last time (7-bit safe when it
    /// was never contacted); OutboxSender re-encodes the bytes if it offers less when sending.
    [[nodiscard]] Mime::BuiltMessage build(const QString &account, const Mime::OutgoingMessage &message) const;
    /// Forgets @p account (when it is removed).
    bool forget(const QString &account);

private:
    QSqlDatabase m_db;
    mutable QString m_lastError;
};

} // namespace Mailtrail::Sync
