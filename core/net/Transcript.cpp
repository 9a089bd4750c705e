// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/Transcript.h"

namespace Mailtrail::Net {

namespace {

QList<QByteArray> words(const QByteArray &line, int max)
{
    // Splits on single spaces into at most max pieces (the last keeps the rest).
    QList<QByteArray> out;
    int start = 0;
    while (out.size() < max - 1) {
        const int space = line.indexOf(' ', start);
        if (space < 0)
            break;
        out.append(line.mid(start, space - start));
        start = space + 1;
    }
    out.append(line.mid(start));
    return out;
}

} // namespace

QByteArray redactClientLine(const QByteArray &line)
{
    // SMTP: AUTH <mechanism> [initial-response]
    const QList<QByteArray> smtp = words(line, 3);
    if (smtp.size() == 3 && smtp.at(0).compare("AUTH", Qt::CaseInsensitive) == 0)
        return smtp.at(0) + ' ' + smtp.at(1) + ' ' + RedactedMarker;
    // IMAP: <tag> LOGIN <user> <password> / <tag> AUTHENTICATE <mech> <initial-response>
    const QList<QByteArray> imap = words(line, 4);
    if (imap.size() >= 3 && imap.at(1).compare("LOGIN", Qt::CaseInsensitive) == 0)
        return imap.at(0) + ' ' + imap.at(1) + ' ' + RedactedMarker;
    if (imap.size() == 4 && imap.at(1).compare("AUTHENTICATE", Qt::CaseInsensitive) == 0)
        return imap.at(0) + ' ' + imap.at(1) + ' ' + imap.at(2) + ' ' + RedactedMarker;
    return line;
}

QByteArray formatTranscriptEntry(const TranscriptEntry &entry)
{
    switch (entry.kind) {
    case TranscriptEntry::Kind::Client:
        return "C: " + entry.text;
    case TranscriptEntry::Kind::Server:
        return "S: " + entry.text;
    case TranscriptEntry::Kind::Directive:
        return '!' + entry.text;
    case TranscriptEntry::Kind::Comment:
        return "# " + entry.text;
    }
    return {};
}

QByteArray payloadSummary(qint64 bytes)
{
    return "[payload " + QByteArray::number(bytes) + " bytes]";
}

QList<TranscriptEntry> parseTranscript(const QByteArray &text)
{
    QList<TranscriptEntry> entries;
    for (QByteArray line : text.split('\n')) {
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            continue;
        if (line.startsWith("C: ") || line == "C:") {
            entries.append({TranscriptEntry::Kind::Client, line.mid(3)});
        } else if (line.startsWith("S: ") || line == "S:") {
            entries.append({TranscriptEntry::Kind::Server, line.mid(3)});
        } else if (line.startsWith('!')) {
            entries.append({TranscriptEntry::Kind::Directive, line.mid(1).trimmed()});
        } else {
            QByteArray comment = line.startsWith('#') ? line.mid(1) : line;
            entries.append({TranscriptEntry::Kind::Comment, comment.trimmed()});
        }
    }
    return entries;
}

} // namespace Mailtrail::Net
