// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace Mailtrail::Sync {

/// Per account: whether mail in the Sent folder that Mailtrail did not send is tracked, and
/// how far back (issue #18 "Mail sent from elsewhere"). Stored in the profile database, so the
/// GUI and the CLI behave the same.
struct SentElsewhereSettings
{
    bool enabled = true;
    int days = 30;

    friend bool operator==(const SentElsewhereSettings &, const SentElsewhereSettings &) = default;
};

/// Gives mail that another program (a phone, webmail) put into an account's Sent folder a
/// tracking timeline: recipients from To/Cc, and Bcc when the copy has it (the cached header
/// summary, or the downloaded body of a message cached before Bcc was part of it), a first
/// event "sent from another program (no delivery reports were requested)", origin
/// "elsewhere". Reports and replies then match it by Message-ID like any sent mail. Nothing
/// is ever sent for it. Reads only the local cache (no network).
class SentElsewhere
{
public:
    explicit SentElsewhere(QSqlDatabase database);

    [[nodiscard]] SentElsewhereSettings settings(const QString &account) const;
    [[nodiscard]] bool setSettings(const QString &account, const SentElsewhereSettings &settings);

    /// Imports the cached messages of the account's Sent folder (RFC 6154 \Sent, or the folder
    /// named Sent) dated within the last settings().days before @p now whose Message-ID is not
    /// tracked yet. Reports kept as unmatched are then correlated again, so a bounce seen
    /// before its Sent copy still finds it. Returns the number imported; @p errors gets one
    /// line per problem.
    int import(qint64 accountId, const QString &accountName, const QString &accountEmail,
               const QDateTime &now, QStringList *errors);

    [[nodiscard]] QString lastError() const { return m_lastError; }

private:
    QSqlDatabase m_db;
    QString m_lastError;
};

/// The addr-specs of the Bcc header fields of a raw message (RFC 5322 §3.6.3), empty when
/// there is none.
[[nodiscard]] QStringList bccAddresses(const QByteArray &raw);

} // namespace Mailtrail::Sync
