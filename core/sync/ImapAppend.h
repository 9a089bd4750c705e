// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>
#include <functional>

namespace Mailtrail::Imap {
class Session;
}

namespace Mailtrail::Sync {

/// The outcome of one APPEND.
struct AppendResult
{
    bool ok = false;
    quint32 uidValidity = 0; ///< from APPENDUID (RFC 4315 §3), 0 without UIDPLUS
    quint32 uid = 0;
    QString error; ///< the server's words when !ok
};

/// Stores @p message in @p mailbox (wire name) with @p flags (e.g. "\\Seen") on a Ready
/// session: APPEND with a synchronizing literal (RFC 9051 §6.3.12, §4.3); on NO [TRYCREATE]
/// the mailbox is created and the APPEND tried once more (§7.1). @p done is called once.
void appendMessage(Imap::Session *session, const QByteArray &mailbox, const QByteArray &flags,
    const QByteArray &message, std::function<void(const AppendResult &)> done);

} // namespace Mailtrail::Sync
Q_DECLARE_METATYPE(Mailtrail::Sync::AppendResult)
