// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>

namespace Mailtrail::Net {

/// The protocol transcript format, shared by the opt-in protocol log and by test fixtures
/// (a user's log can be replayed by the scripted transport in tests/support):
///
///     # comment or event (connected, TLS established) — ignored on replay
///     S: 220 mail.example.test ESMTP        one line the server sent (CRLF removed)
///     C: EHLO client.example                one line the client sent (CRLF removed)
///     C: AUTH PLAIN <redacted>              credentials never appear
///     C: [payload 1234 bytes]               message data, summarised
///     !close                                replay only: the server closes the connection
///     !stall                                replay only: the server says nothing more
///
/// Lines are bytes (UTF-8 in practice); a missing final CRLF is kept as a line of its own.
struct TranscriptEntry
{
    enum class Kind { Comment, Client, Server, Directive };
    Kind kind = Kind::Comment;
    QByteArray text;

    bool operator==(const TranscriptEntry &) const = default;
};

inline constexpr char RedactedMarker[] = "<redacted>";

/// Removes credentials from one client line (without CRLF), independent of protocol state:
/// SMTP `AUTH <mech> <initial-response>` (RFC 4954 §4), IMAP `<tag> LOGIN …` (RFC 3501
/// §6.2.3) and `<tag> AUTHENTICATE <mech> <initial-response>` (RFC 4959). Other lines are
/// returned unchanged. Protocol code must still log SASL continuation lines with
/// Transport::writeSecret(), since they cannot be recognised out of context.
[[nodiscard]] QByteArray redactClientLine(const QByteArray &line);

/// Formats one entry as a transcript line (without the trailing newline).
[[nodiscard]] QByteArray formatTranscriptEntry(const TranscriptEntry &entry);

/// The summary line for payload data: "[payload N bytes]".
[[nodiscard]] QByteArray payloadSummary(qint64 bytes);

/// Parses a transcript (as written by the protocol log or by hand). Empty lines are
/// skipped; unknown prefixes become comments.
[[nodiscard]] QList<TranscriptEntry> parseTranscript(const QByteArray &text);

} // namespace Mailtrail::Net
