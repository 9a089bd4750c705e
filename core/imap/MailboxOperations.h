// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "imap/ImapError.h"
#include "imap/SequenceSet.h"

#include <QByteArray>
#include <QByteArrayList>

#include <functional>

namespace Mailtrail::Imap {

class Session;

/// Result of APPEND with UIDPLUS (RFC 4315 §3): the new message's UID, 0 if not reported.
struct AppendResult
{
    ImapError error;
    quint32 uidValidity = 0;
    quint32 uid = 0;
};

/// Result of UID MOVE (RFC 6851) or UID COPY (+ STORE \Deleted + UID EXPUNGE).
struct MoveResult
{
    ImapError error;
    quint32 uidValidity = 0;  ///< of the destination, from COPYUID
    SequenceSet sourceUids;
    SequenceSet destinationUids;
};

/// Typed commands on the selected mailbox of a ready Session. Each sends one command (or,
/// for move() without MOVE, several strictly one after the other) and calls @p done once.
namespace Operations {

/// UID STORE uids +FLAGS.SILENT / -FLAGS.SILENT (RFC 9051 §6.4.6): system flags and
/// keywords such as `$MDNSent` (RFC 3503).
void storeFlags(Session &session, const SequenceSet &uids, bool add, const QByteArrayList &flags,
                std::function<void(const ImapError &)> done);

/// UID FETCH uid BODY.PEEK[] (RFC 9051 §6.4.5): the whole raw message, without setting
/// \Seen. An empty result with no error means the UID no longer exists.
void fetchMessage(Session &session, quint32 uid, std::function<void(const ImapError &, const QByteArray &)> done);

/// UID SEARCH @p criteria (RFC 9051 §6.4.4), e.g. `HEADER Message-ID "<x@y>"`; UIDs ascending.
void search(Session &session, const QByteArray &criteria,
            std::function<void(const ImapError &, const QList<quint32> &)> done);

/// APPEND (RFC 9051 §6.3.12) with a non-synchronising literal when LITERAL+ / LITERAL-
/// allows it (RFC 7888), else waiting for the continuation.
void append(Session &session, const QByteArray &mailbox, const QByteArray &message, const QByteArrayList &flags,
            std::function<void(const AppendResult &)> done);

/// UID MOVE (RFC 6851) when offered, else UID COPY + UID STORE +FLAGS.SILENT (\Deleted) +
/// expungeUids().
void move(Session &session, const SequenceSet &uids, const QByteArray &destination,
          std::function<void(const MoveResult &)> done);

/// Expunges exactly @p uids, which the caller already marked \Deleted: UID EXPUNGE with
/// UIDPLUS (RFC 4315 §2.1). Without it a plain EXPUNGE (RFC 9051 §6.4.3) would also remove
/// the other \Deleted messages, so those are found first (UID SEARCH DELETED), their
/// \Deleted taken away for the EXPUNGE and put back after it (strictly one command after
/// the other). Another client marking a message \Deleted in between still loses it: the
/// reason UIDPLUS exists.
void expungeUids(Session &session, const SequenceSet &uids, std::function<void(const ImapError &)> done);

/// UID COPY (RFC 9051 §6.4.8); with UIDPLUS the result carries COPYUID (RFC 4315 §3).
void copy(Session &session, const SequenceSet &uids, const QByteArray &destination,
          std::function<void(const MoveResult &)> done);

/// CREATE (RFC 9051 §6.3.4), RENAME (§6.3.6) and DELETE (§6.3.5) of a mailbox, by wire name.
void createMailbox(Session &session, const QByteArray &mailbox, std::function<void(const ImapError &)> done);
void renameMailbox(Session &session, const QByteArray &from, const QByteArray &to,
                   std::function<void(const ImapError &)> done);
void deleteMailbox(Session &session, const QByteArray &mailbox, std::function<void(const ImapError &)> done);

} // namespace Operations

} // namespace Mailtrail::Imap
