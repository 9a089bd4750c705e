// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace Mailtrail::Bench {

/// What fillRealisticMaildir() wrote, for the benchmark's report.
struct RealisticMailboxStats
{
    int messages = 0;
    qint64 bytes = 0;
    int encodedNames = 0;   ///< From display names in RFC 2047 encoded words
    int replies = 0;        ///< with In-Reply-To and References
    int listMail = 0;       ///< with List-Id and friends
    int multipart = 0;      ///< multipart/alternative or multipart/mixed
    int attachments = 0;
    int seen = 0;
    int flagged = 0;
    int keywords = 0;
};

/// Writes @p count messages (deterministic for a @p seed) into the Maildir folder at
/// @p folderRoot (cur/ new/ tmp/ and the dovecot-keywords file created as needed), the
/// way a real mailbox looks rather than a uniform one:
/// - a few thousand correspondents, display names plain, quoted ("Last, First"), or RFC 2047
///   encoded in UTF-8 (Q and B), ISO-8859-1/-2, KOI8-R, Shift_JIS and ISO-2022-JP, some
///   split across two encoded words in the middle of a character; bare addresses too;
/// - subjects in the same mix, "Re:"/"Fwd:" in threads; 35 % of the messages answer an
///   earlier one, with In-Reply-To and References growing along the thread;
/// - 30 % mailing-list mail (List-Id, List-Unsubscribe, List-Post, Precedence, Sender),
///   Received chains, DKIM signatures, several To/Cc recipients;
/// - text/plain, multipart/alternative (text + HTML) and multipart/mixed with attachments;
///   sizes from 1 KB to 5 MB (most a few KB, 1 % above 200 KB);
/// - \Seen 85 %, \Answered 10 %, \Flagged 3 %, keywords ($Forwarded, $label1, $MDNSent …) 5 %;
///   a few read-receipt requests, auto-replies, DSNs.
/// Messages already there are kept (a second run adds the missing ones). Files belong to
/// @p uid:@p gid (the Dovecot mail user). Returns false on a write error.
bool fillRealisticMaildir(const QString &folderRoot, int count, unsigned seed, int uid, int gid,
                          RealisticMailboxStats *stats);

/// The display names of @p count From headers, drawn as fillRealisticMaildir() draws them
/// (the same correspondents, and the same mix of charsets, B and Q, and words split inside a
/// character; deterministic for a @p seed), those with an encoded word: what the header
/// reader decodes on a first sync.
QList<QByteArray> realisticEncodedDisplayNames(int count, unsigned seed);

} // namespace Mailtrail::Bench
