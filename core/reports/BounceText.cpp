// SPDX-License-Identifier: GPL-3.0-or-later
#include "reports/BounceText.h"

#include "reports/ReportText.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace Mailtrail::Reports::Detail {

namespace {

QByteArray lowerAscii(QByteArrayView v)
{
    QByteArray out = v.toByteArray();
    for (char &c : out) {
        if (c >= 'A' && c <= 'Z')
            c = char(c + 32);
    }
    return out;
}

bool isSenderLocalPart(QByteArrayView address)
{
    const qsizetype at = address.indexOf('@');
    const QByteArrayView local = at < 0 ? address : address.first(at);
    return equalsNoCase(local, "mailer-daemon") || equalsNoCase(local, "postmaster")
        || equalsNoCase(local, "mailer_daemon") || equalsNoCase(local, "mailerdaemon");
}

/// Phrases with which bounce texts introduce the returned original (qmail, Exim, Exchange,
/// Lotus, Courier, …); the text after them is not the explanation.
const char *const returnedMarkers[] = {
    "below this line is a copy of the message",
    "this is a copy of the message",
    "this is a copy of your message",
    "copy of your message",
    "original message follows",
    "original message headers",
    "original message header",
    "original message --",
    "original message ---",
    "original message:",
    "original message -",
    "unsent message below",
    "returned message",
    "returned mail follows",
    "headers of the original message",
    "header of the original message",
    "header of original message",
    "copy of the original message",
    "below is a copy of",
    "content-type: message/rfc822",
    "message headers follow",
    "received: from",
    "received: by",
    "return-path:",
    "--- original message",
    "------ this is a copy",
};

/// Offset where the returned original starts inside a bounce text, or text.size().
qsizetype returnedStart(QByteArrayView text, qsizetype *headersStart)
{
    qsizetype pos = 0;
    while (pos < text.size()) {
        qsizetype nl = text.indexOf('\n', pos);
        const qsizetype next = nl < 0 ? text.size() : nl + 1;
        qsizetype b = pos;
        while (b < next
            && (text[b] == ' ' || text[b] == '\t' || text[b] == '-' || text[b] == '='
                || text[b] == '_' || text[b] == '*' || text[b] == '>'))
            ++b;
        const QByteArrayView line = text.sliced(b, next - b);
        if (line.size() > 8) {
            for (const char *marker : returnedMarkers) {
                if (startsWithNoCase(line, marker)) {
                    const bool isHeader = marker[0] == 'r' && (marker[2] == 'c' || marker[2] == 't')
                        && (startsWithNoCase(line, "received:")
                            || startsWithNoCase(line, "return-path:"));
                    *headersStart = isHeader ? pos : next;
                    return pos;
                }
            }
        }
        pos = next;
    }
    *headersStart = text.size();
    return text.size();
}

struct Explanation
{
    QByteArray text;
    ReturnedMessage returned;
};

ReturnedMessage returnedFromText(QByteArrayView text)
{
    // Skip blank lines and indentation-only lines before the headers.
    qsizetype pos = 0;
    while (pos < text.size() && (text[pos] == '\n' || text[pos] == '\r' || text[pos] == ' '))
        ++pos;
    qsizetype body = 0;
    const HeaderBlock headers = parseHeaders(text.sliced(pos), &body, 100);
    ReturnedMessage r;
    r.messageId = QString::fromUtf8(trimmed(headers.value("Message-ID"))).remove(u'<').remove(u'>');
    if (const HeaderField *f = headers.find("Subject"))
        r.subject = decodeHeaderText(f->rawValue);
    if (const HeaderField *f = headers.find("From"))
        r.from = decodeHeaderText(f->rawValue);
    if (const HeaderField *f = headers.find("To"))
        r.to = decodeHeaderText(f->rawValue);
    return r;
}

/// The human-readable explanation of a bounce: its text parts outside the returned original,
/// decoded to UTF-8 and cut where a copy of the original begins.
Explanation explanation(const MimeTree &tree, bool wantReturned)
{
    Explanation result;
    bool havePlain = false;
    for (const Part &part : tree.parts) {
        if (!part.enclosed && part.contentType.is("text", "plain")
            && part.contentType.type != "multipart")
            havePlain = true;
    }
    for (size_t i = 0; i < tree.parts.size(); ++i) {
        const Part &part = tree.parts[i];
        if (part.enclosed || part.contentType.type != "text")
            continue;
        const QByteArray &sub = part.contentType.subtype;
        if (sub == "rfc822-headers")
            continue;
        if (sub == "html" && havePlain)
            continue;
        if (sub != "plain" && sub != "html" && !(i == 0 && tree.parts.size() == 1))
            continue;
        const QByteArray text = decodedText(part);
        qsizetype headersStart = 0;
        const qsizetype cut = returnedStart(text, &headersStart);
        result.text.append(QByteArrayView(text).first(cut));
        result.text.append('\n');
        if (wantReturned && result.returned.isEmpty() && headersStart < text.size())
            result.returned = returnedFromText(QByteArrayView(text).sliced(headersStart));
    }
    return result;
}

/// Without an SMTP code, the words around a recipient's first mention explain the failure
/// ("<a@b>: mailbox is full", or the line after a bare address).
QString explanationNear(QByteArrayView text, qsizetype position)
{
    if (position < 0)
        return {};
    const qsizetype start = text.lastIndexOf('\n', position) + 1;
    qsizetype end = text.indexOf('\n', position);
    if (end < 0)
        end = text.size();
    QByteArrayView line = trimmed(text.sliced(start, end - start));
    QByteArrayView address;
    const qsizetype at = findAddress(line, 0, &address);
    const QByteArrayView rest = at >= 0 ? trimmed(line.sliced(at + address.size())) : line;
    if (rest.size() <= 3 && end < text.size()) { // only the address: take the next line
        qsizetype next = end + 1;
        while (next < text.size() && (text[next] == '\n' || text[next] == '\r'))
            ++next;
        qsizetype nextEnd = text.indexOf('\n', next);
        if (nextEnd < 0)
            nextEnd = text.size();
        line = trimmed(text.sliced(next, nextEnd - next));
    }
    return QString::fromUtf8(line.first(qMin<qsizetype>(line.size(), 300)));
}

struct Occurrence
{
    int recipient;
    qsizetype position;
};

} // namespace

BounceSignal bounceSignal(const HeaderBlock &headers, const QString &subjectLower)
{
    if (headers.has("X-Failed-Recipients"))
        return BounceSignal::Strong;
    const QByteArray from = lowerAscii(headers.value("From"));
    static const char *const senders[] = { "mailer-daemon", "mailer_daemon", "postmaster",
        "post_master", "mail delivery", "maildelivery", "mail administrator", "mail system",
        "mailerdaemon", "mdaemon", "delivery subsystem", "microsoftexchange", "noreply-dmarc" };
    bool fromDaemon = false;
    for (const char *s : senders) {
        if (from.contains(s)) {
            fromDaemon = true;
            break;
        }
    }
    static const char *const subjects[] = {
        "undeliver",
        "undelivered",
        "delivery fail",
        "delivery status",
        "failure notice",
        "returned mail",
        "mail delivery failed",
        "could not be delivered",
        "delivery notification",
        "non remis",
        "nondeliverable",
        "non-deliverable",
        "not delivered",
        "delivery failure",
        "mail system error",
        "delivery has failed",
        "returned to sender",
        "rejected",
        "delivery problem",
        "failed delivery",
        "warning: could not send",
        "mail failure",
        "unzustellbar",
        "non recapitabile",
        "no entregado",
        "error sending",
        "bounce",
        "mail could not",
        "message not delivered",
        "delivery report",
        "unable to deliver",
        "unknown recipient",
        "user unknown",
        "permanent error",
        "delayed mail",
        "delivery delayed",
        "returned message",
        "message delivery",
        "mail returned",
        "nicht zustellbar",
        "fehlgeschlagen",
        "undeliverable",
    };
    bool bounceSubject = false;
    for (const char *s : subjects) {
        if (subjectLower.contains(QLatin1String(s))) {
            bounceSubject = true;
            break;
        }
    }
    const QByteArray returnPath = headers.value("Return-Path");
    // RFC 5321 §4.5.5: notifications are sent with a null reverse-path.
    const bool nullSender
        = returnPath == "<>" || (returnPath.isEmpty() && headers.has("Return-Path"));
    if (fromDaemon || (bounceSubject && nullSender))
        return BounceSignal::Strong;
    // A person may well write "Re: your offer was rejected": the text must then show a
    // failure (an SMTP code or bounce wording) before it counts.
    if (bounceSubject || nullSender)
        return BounceSignal::Weak;
    return BounceSignal::None;
}

bool readBounceText(const MimeTree &tree, BounceSignal signal, DeliveryReport &report)
{
    const Part &top = tree.parts.front();
    Explanation ex = explanation(tree, true);
    // RFC 6522 returned parts win over text copies.
    for (const Part &part : tree.parts) {
        if (!part.enclosed && part.contentType.type == "message"
            && (part.contentType.subtype == "rfc822" || part.contentType.subtype == "global"))
            ex.returned = {};
    }
    if (report.returned.isEmpty())
        report.returned = ex.returned;
    if (report.returned.isEmpty()) {
        for (size_t i = 1; i < tree.parts.size(); ++i) {
            const Part &part = tree.parts[i];
            if (part.enclosed && tree.parts[part.parent].contentType.type == "message") {
                ReturnedMessage r;
                r.messageId
                    = QString::fromUtf8(part.headers.value("Message-ID")).remove(u'<').remove(u'>');
                if (const HeaderField *f = part.headers.find("Subject"))
                    r.subject = decodeHeaderText(f->rawValue);
                if (const HeaderField *f = part.headers.find("From"))
                    r.from = decodeHeaderText(f->rawValue);
                if (const HeaderField *f = part.headers.find("To"))
                    r.to = decodeHeaderText(f->rawValue);
                report.returned = r;
                break;
            }
        }
    }
    const QByteArrayView text = ex.text;
    // One ASCII-lower-cased copy, so phrase searches use the fast case-sensitive search.
    const QByteArray lowerText = lowerAscii(text);
    auto find = [&lowerText](QByteArrayView phrase, qsizetype from = 0) {
        return lowerText.indexOf(phrase, from);
    };

    // RFC 3464 fields pasted into the text (Sun/Oracle Messaging Server, some gateways).
    const qsizetype embedded = find("\nfinal-recipient:");
    if (embedded >= 0) {
        DeliveryReport fields;
        // Start at the per-message fields (§2.2) when they precede the first group.
        qsizetype start = text.lastIndexOf("\n\n", embedded);
        for (const char *field :
            { "\nreporting-mta:", "\noriginal-envelope-id:", "\narrival-date:" }) {
            qsizetype at = find(field);
            if (at >= embedded)
                at = -1;
            if (at >= 0 && (start < 0 || at < start))
                start = at;
        }
        parseDeliveryStatus(text.sliced(start < 0 ? 0 : start), fields);
        if (!fields.recipients.isEmpty()) {
            report.reportingMta = fields.reportingMta;
            report.originalEnvelopeId = fields.originalEnvelopeId;
            report.arrivalDate = fields.arrivalDate;
            report.flags |= fields.flags;
            for (RecipientRecord &r : fields.recipients)
                r.confidence = 0.9;
            report.recipients = fields.recipients;
            completeFromText(text, report);
            return true;
        }
    }

    // Addresses that are never the failed recipient: the bounce's own sender and recipient,
    // the original's sender, daemon mailboxes.
    QSet<QByteArray> excluded;
    excluded.insert(lowerAscii(firstAddress(top.headers.value("From"))));
    excluded.insert(lowerAscii(firstAddress(top.headers.value("To"))));
    excluded.insert(lowerAscii(firstAddress(report.returned.from.toUtf8())));
    excluded.remove(QByteArray());

    QList<QByteArray> recipients; // lower case, in order
    QList<QByteArray> spelled; // as written
    const QByteArray failed = top.headers.value("X-Failed-Recipients");
    if (!failed.isEmpty()) {
        qsizetype pos = 0;
        QByteArrayView address;
        while ((pos = findAddress(failed, pos, &address)) >= 0) {
            const QByteArray key = lowerAscii(address);
            if (!recipients.contains(key)) {
                if (recipients.size() >= maxRecipients) {
                    report.flags |= DeliveryReport::RecipientsTruncated;
                    break;
                }
                recipients.append(key);
                spelled.append(address.toByteArray());
            }
            pos += address.size();
        }
    }
    const bool fixedList = !recipients.isEmpty();
    QHash<QByteArray, qsizetype> recipientIndex;
    for (qsizetype i = 0; i < recipients.size(); ++i)
        recipientIndex.insert(recipients.at(i), i);
    constexpr size_t maxOccurrences = 20000; // bounds work and memory on hostile input

    // "… did not reach the following recipient(s):" — mentions before such an introduction
    // (a summary of the original's To/Cc, the sender) are not the failed recipients.
    qsizetype listStart = 0;
    for (const char *phrase : { "following recipient", "following address",
             "following e-mail address", "following email address", "following destination" }) {
        const qsizetype at = find(phrase);
        if (at >= 0 && (listStart == 0 || at < listStart)) {
            QByteArrayView probe;
            if (findAddress(text, at, &probe) >= 0)
                listStart = at;
        }
    }

    std::vector<Occurrence> occurrences;
    {
        qsizetype pos = listStart;
        QByteArrayView address;
        // The start of the line an address is on. Addresses come in order, so only the text
        // since the last one is searched for a newline: one long line of addresses (a garbage
        // report) stays linear.
        qsizetype currentLine = text.lastIndexOf('\n', listStart) + 1;
        qsizetype lineScanned = listStart;
        const auto lineStartOf = [&](qsizetype at) {
            if (at > lineScanned) {
                if (const qsizetype nl = text.sliced(lineScanned, at - lineScanned).lastIndexOf('\n'); nl >= 0)
                    currentLine = lineScanned + nl + 1;
                lineScanned = at;
            }
            return currentLine;
        };
        while ((pos = findAddress(text, pos, &address)) >= 0) {
            const QByteArray key = lowerAscii(address);
            pos += address.size();
            if (excluded.contains(key) || isSenderLocalPart(address))
                continue;
            // The envelope sender in a transcript ("MAIL FROM:<a@b>") is not a recipient.
            const qsizetype begin = pos - address.size();
            {
                // Neither is a message identifier quoted in the explanation.
                qsizetype lineStart = lineStartOf(begin);
                while (lineStart < begin && (text[lineStart] == ' ' || text[lineStart] == '\t'))
                    ++lineStart;
                const QByteArrayView line = text.sliced(lineStart, begin - lineStart);
                if (startsWithNoCase(line, "message-id:") || startsWithNoCase(line, "in-reply-to:")
                    || startsWithNoCase(line, "references:"))
                    continue;
            }
            const QByteArrayView before
                = text.sliced(qMax<qsizetype>(0, begin - 8), qMin<qsizetype>(8, begin));
            if (indexOfNoCase(before, "FROM:") >= 0)
                continue;
            // Help text ("contact postmaster@…", "mailto:help@…", "write to support@…") names
            // people to ask, never the failed recipient (issue #15 §4).
            if (indexOfNoCase(before, "mailto:") >= 0)
                continue;
            {
                // Help text names its address soon after the phrase.
                const qsizetype lineStart = qMax(lineStartOf(begin), begin - 200);
                const QByteArrayView lead = text.sliced(lineStart, begin - lineStart);
                if (indexOfNoCase(lead, "contact") >= 0 || indexOfNoCase(lead, "write to") >= 0
                    || indexOfNoCase(lead, "send an e") >= 0 || indexOfNoCase(lead, "for help") >= 0
                    || indexOfNoCase(lead, "for assistance") >= 0)
                    continue;
            }
            qsizetype index = recipientIndex.value(key, -1);
            if (index < 0) {
                if (fixedList)
                    continue;
                if (recipients.size() >= maxRecipients) {
                    report.flags |= DeliveryReport::RecipientsTruncated;
                    continue;
                }
                recipients.append(key);
                spelled.append(address.toByteArray());
                index = recipients.size() - 1;
                recipientIndex.insert(key, index);
            }
            if (occurrences.size() >= maxOccurrences)
                break;
            occurrences.push_back({ int(index), pos - address.size() });
        }
    }

    struct Found
    {
        QByteArray status, reply;
        qsizetype diagStart = -1, diagEnd = -1;
    };
    std::vector<Found> found(size_t(recipients.size()));
    std::vector<qsizetype> firstMention(size_t(recipients.size()), -1);
    for (const Occurrence &o : occurrences) {
        if (firstMention[size_t(o.recipient)] < 0)
            firstMention[size_t(o.recipient)] = o.position;
    }
    auto scan = [&](qsizetype from, qsizetype to, Found &f) {
        const QByteArrayView segment = text.sliced(from, to - from);
        QByteArrayView code;
        qsizetype statusAt = -1, replyAt = -1;
        if (f.status.isEmpty()) {
            // Failures only: a transcript's "250 2.1.5 Ok" is not the reason.
            qsizetype at = 0;
            while ((at = findStatusCode(segment, at, &code)) >= 0 && code[0] == '2')
                at += code.size();
            if (at >= 0) {
                statusAt = at;
                f.status = code.toByteArray();
            }
        }
        if (f.reply.isEmpty() && (replyAt = findReplyCode(segment, 0, &code)) >= 0)
            f.reply = code.toByteArray();
        if (f.diagStart < 0 && (statusAt >= 0 || replyAt >= 0)) {
            qsizetype at
                = replyAt >= 0 && (statusAt < 0 || replyAt < statusAt) ? replyAt : statusAt;
            at += from;
            qsizetype lineStart = text.lastIndexOf('\n', at) + 1;
            qsizetype lineEnd = text.indexOf('\n', at);
            if (lineEnd < 0)
                lineEnd = text.size();
            f.diagStart = lineStart;
            f.diagEnd = lineEnd;
        }
    };
    // Each mention owns the text up to the next mention of any address (linear overall).
    for (size_t i = 0; i < occurrences.size(); ++i) {
        const qsizetype from = occurrences[i].position;
        const qsizetype to = i + 1 < occurrences.size() ? occurrences[i + 1].position : text.size();
        Found &f = found[size_t(occurrences[i].recipient)];
        if (f.status.isEmpty() || f.reply.isEmpty())
            scan(from, to, f);
    }
    // Codes before the first recipient (e.g. "550 5.1.1 … for <rcpt>" or a preamble):
    Found preamble;
    scan(0, occurrences.empty() ? text.size() : occurrences.front().position, preamble);

    // Delay warnings (sendmail "Warning: could not send", Gmail "Delay") still retry. A
    // returned mail that says no such thing is final, whatever the class of its last reply
    // ("450 mailbox full" after days of retries): the system gave up (issue #15 §2, §4).
    bool retrying = false;
    for (const char *phrase : { "will be retried", "will retry", "will continue trying",
             "will keep trying", "will try again", "still trying", "not yet been delivered",
             "delivery delayed", "has been delayed", "warning only", "do not need to resend",
             "no need to resend" }) {
        retrying = retrying || find(phrase) >= 0;
    }

    bool anyCode = false;
    for (const Found &f : found)
        anyCode = anyCode || !f.status.isEmpty() || !f.reply.isEmpty();

    for (qsizetype i = 0; i < recipients.size(); ++i) {
        Found &f = found[size_t(i)];
        if (f.status.isEmpty() && f.reply.isEmpty()) {
            if (anyCode && !fixedList)
                continue;
            f.status = preamble.status;
            f.reply = preamble.reply;
            f.diagStart = preamble.diagStart;
            f.diagEnd = preamble.diagEnd;
        }
        RecipientRecord record;
        record.finalRecipient = { QString(), QString::fromUtf8(spelled[i]) };
        record.status = QString::fromLatin1(f.status);
        record.replyCode = QString::fromLatin1(f.reply);
        if (f.diagStart >= 0)
            record.diagnostic
                = QString::fromUtf8(trimmed(text.sliced(f.diagStart, f.diagEnd - f.diagStart)));
        else
            record.diagnostic = explanationNear(text, firstMention[size_t(i)]);
        const char cls
            = !f.status.isEmpty() ? f.status[0] : (!f.reply.isEmpty() ? f.reply[0] : '?');
        record.action = (cls == '4' || cls == '?') && retrying ? DeliveryAction::Delayed
                                                               : DeliveryAction::Failed;
        record.confidence = (!f.status.isEmpty() || !f.reply.isEmpty()) ? 0.7 : 0.4;
        if (!f.status.isEmpty() && !f.reply.isEmpty())
            record.confidence = 0.8;
        if (signal != BounceSignal::Strong)
            record.confidence -= 0.2;
        if (report.recipients.size() >= maxRecipients) {
            report.flags |= DeliveryReport::RecipientsTruncated;
            break;
        }
        report.recipients.append(record);
    }
    if (report.recipients.isEmpty()
        && (!preamble.status.isEmpty() || !preamble.reply.isEmpty()
            || signal == BounceSignal::Strong)) {
        RecipientRecord record;
        record.finalRecipient
            = { QString(), QString::fromUtf8(firstAddress(report.returned.to.toUtf8())) };
        record.status = QString::fromLatin1(preamble.status);
        record.replyCode = QString::fromLatin1(preamble.reply);
        if (preamble.diagStart >= 0)
            record.diagnostic = QString::fromUtf8(
                trimmed(text.sliced(preamble.diagStart, preamble.diagEnd - preamble.diagStart)));
        record.action = DeliveryAction::Failed;
        record.confidence = record.status.isEmpty() && record.replyCode.isEmpty() ? 0.2 : 0.4;
        report.recipients.append(record);
    }
    if (signal != BounceSignal::Strong) {
        // Weak evidence: only accept a text that carries an SMTP code.
        bool coded = false;
        for (const RecipientRecord &r : std::as_const(report.recipients))
            coded = coded || !r.status.isEmpty() || !r.replyCode.isEmpty();
        static const char *const phrases[] = {
            "could not be delivered",
            "not be delivered",
            "undeliverable",
            "delivery failed",
            "delivery has failed",
            "was not delivered",
            "permanent error",
            "user unknown",
            "mailbox is full",
            "mailbox full",
            "unable to deliver",
            "could not deliver",
            "no such user",
            "returned to sender",
            "delivery to the following recipient",
        };
        bool phrase = false;
        for (const char *p : phrases)
            phrase = phrase || find(p) >= 0;
        if (!coded && !phrase)
            return false;
    }
    return !report.recipients.isEmpty();
}

namespace {

bool isGenericStatus(const QString &status)
{
    return status.isEmpty() || status.endsWith(QLatin1String(".0.0"));
}

/// The line of text around offset.
QByteArrayView lineAt(QByteArrayView text, qsizetype offset)
{
    const qsizetype start = text.lastIndexOf('\n', offset) + 1;
    qsizetype end = text.indexOf('\n', offset);
    if (end < 0)
        end = text.size();
    return text.sliced(start, end - start);
}

/// The server's answer to the last command of an SMTP transcript (sendmail, Courier:
/// ">>> DATA" then "<<< 550 5.1.1 …"; later replies such as "503 need RCPT" are consequences).
/// The reply of an SMTP transcript (">>> command" / "<<< reply", or "In:" / "Out:") that
/// tells what happened (issue #15 §4): the answer to "RCPT TO:<recipient>" when the
/// transcript has one for @p recipient (several recipients, several replies: the one for the
/// failed recipient counts), otherwise the answer to the last command (the final reply, not
/// simply the last line; "503 need RCPT" after a refused RCPT is a consequence, not the
/// cause), otherwise the last coded reply line.
QByteArrayView lastTranscriptReply(QByteArrayView text, QByteArrayView recipient = {})
{
    QByteArrayView lastAnswer; // first reply after the latest command
    QByteArrayView lastLine; // any reply, when the transcript shows no commands
    QByteArrayView recipientAnswer; // the reply to RCPT TO:<recipient>
    bool commandOpen = false;
    bool recipientCommandOpen = false;
    bool sawCommand = false;
    qsizetype pos = 0;
    while (pos < text.size()) {
        qsizetype nl = text.indexOf('\n', pos);
        const qsizetype next = nl < 0 ? text.size() : nl + 1;
        const QByteArrayView line = trimmed(text.sliced(pos, next - pos));
        if (line.startsWith(">>> ") || line.startsWith("In:")) {
            commandOpen = true;
            sawCommand = true;
            recipientCommandOpen = !recipient.isEmpty() && indexOfNoCase(line, "RCPT TO") >= 0
                && indexOfNoCase(line, recipient) >= 0;
        } else if (line.startsWith("<<< ") || line.startsWith("Out:")) {
            QByteArrayView code;
            if (findReplyCode(line, 0, &code) >= 0) {
                lastLine = line;
                if (commandOpen && code != "503")
                    lastAnswer = line;
                if (recipientCommandOpen && recipientAnswer.isEmpty())
                    recipientAnswer = line;
                commandOpen = false;
                recipientCommandOpen = false;
            }
        }
        pos = next;
    }
    if (!recipientAnswer.isEmpty())
        return recipientAnswer;
    return sawCommand && !lastAnswer.isEmpty() ? lastAnswer : lastLine;
}

} // namespace

void completeFromText(const MimeTree &tree, DeliveryReport &report)
{
    bool needed = report.recipients.size() == 1;
    for (const RecipientRecord &r : std::as_const(report.recipients)) {
        if (r.replyCode.isEmpty() || isGenericStatus(r.status))
            needed = true;
    }
    if (!needed)
        return;
    const Explanation ex = explanation(tree, false);
    // Bound the work on hostile input: the explanation of a real bounce is short.
    constexpr qsizetype maxText = 256 * 1024;
    completeFromText(QByteArrayView(ex.text).first(qMin(ex.text.size(), maxText)), report);
}

void completeFromText(QByteArrayView text, DeliveryReport &report)
{
    const bool single = report.recipients.size() == 1;
    const QByteArray onlyRecipient = single ? report.recipients.constFirst().finalRecipient.address.toUtf8()
                                           : QByteArray();
    const QByteArrayView transcript = single ? lastTranscriptReply(text, onlyRecipient) : QByteArrayView();
    // Machine-readable fields (an RFC 3464 Status and a Diagnostic-Code with its reply) win
    // over a transcript quoted in the human-readable part (issue #15 §4).
    const bool machineReadable = report.kind == ReportKind::Dsn;
    constexpr qsizetype maxCompleted = 100; // records looked up in the text
    for (qsizetype index = 0; index < qMin(report.recipients.size(), maxCompleted); ++index) {
        RecipientRecord &r = report.recipients[index];
        QByteArrayView code;
        if (!transcript.isEmpty()) {
            const bool keepReply = machineReadable && !r.replyCode.isEmpty();
            const bool keepStatus = machineReadable && !r.status.isEmpty() && !isGenericStatus(r.status);
            // The transcript shows what the remote server really said (for this recipient,
            // else last).
            if (!keepReply && findReplyCode(transcript, 0, &code) >= 0)
                r.replyCode = QString::fromLatin1(code);
            if (!keepStatus && findStatusCode(transcript, 0, &code) >= 0
                && (!machineReadable || r.status.isEmpty() || r.status.at(0) == QLatin1Char(code[0])))
                r.status = QString::fromLatin1(code);
            continue;
        }
        if (!r.replyCode.isEmpty() && !isGenericStatus(r.status))
            continue;
        // A line naming the recipient with a code, else (one recipient) any coded line.
        QByteArrayView source;
        const QByteArray address = r.finalRecipient.address.toUtf8();
        qsizetype at = 0;
        while (!address.isEmpty() && (at = indexOfNoCase(text, address, at)) >= 0) {
            const QByteArrayView line = lineAt(text, at);
            if (findReplyCode(line, 0, &code) >= 0 || findStatusCode(line, 0, &code) >= 0) {
                source = line;
                break;
            }
            at += address.size();
        }
        if (source.isEmpty() && single) {
            const qsizetype replyAt = findReplyCode(text, 0, &code);
            if (replyAt >= 0)
                source = lineAt(text, replyAt);
        }
        if (source.isEmpty())
            continue;
        if (r.diagnostic.isEmpty())
            r.diagnostic = QString::fromUtf8(trimmed(source));
        if (r.replyCode.isEmpty() && findReplyCode(source, 0, &code) >= 0)
            r.replyCode = QString::fromLatin1(code);
        if (isGenericStatus(r.status) && findStatusCode(source, 0, &code) >= 0
            && (r.status.isEmpty() || r.status.at(0) == QLatin1Char(code[0])))
            r.status = QString::fromLatin1(code);
    }
}

bool readAmazonSesJson(QByteArrayView text, DeliveryReport &report)
{
    const qsizetype key = text.indexOf("notificationType");
    if (key < 0)
        return false;
    qsizetype open = text.indexOf('{');
    if (open > key)
        open = text.lastIndexOf('{', key);
    const qsizetype close = text.lastIndexOf('}');
    if (open < 0 || close < open)
        return false;
    QByteArray json = text.sliced(open, close - open + 1).toByteArray();
    QJsonParseError error {};
    QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (document.isNull()) {
        // Long lines wrapped by an MTA ("!" CRLF SP, RFC 5322 §2.1.1 line limit) or folded.
        json.replace("!\r\n ", "").replace("!\n ", "").replace("\r\n", "").replace("\n", "");
        document = QJsonDocument::fromJson(json, &error);
    }
    if (!document.isObject()) {
        // Not a whole object (a signature with braces after it): try from the key's object.
        open = text.lastIndexOf('{', key);
        json = text.sliced(open, close - open + 1).toByteArray();
        document = QJsonDocument::fromJson(json, &error);
    }
    if (!document.isObject())
        return false;
    QJsonObject root = document.object();
    if (!root.contains(QLatin1String("notificationType"))
        && root.contains(QLatin1String("Message"))) {
        // SNS envelope: the SES notification is a JSON string inside.
        root = QJsonDocument::fromJson(root.value(QLatin1String("Message")).toString().toUtf8())
                   .object();
    }
    const QString type = root.value(QLatin1String("notificationType")).toString();
    const QJsonObject mail = root.value(QLatin1String("mail")).toObject();
    report.returned.messageId = mail.value(QLatin1String("messageId")).toString();
    const QJsonObject common = mail.value(QLatin1String("commonHeaders")).toObject();
    report.returned.subject = common.value(QLatin1String("subject")).toString();
    report.returned.from = common.value(QLatin1String("from")).toArray().first().toString();
    report.returned.to = common.value(QLatin1String("to")).toArray().first().toString();
    auto mta = [](const QString &value) {
        const qsizetype semi = value.indexOf(u';');
        return (semi >= 0 ? value.mid(semi + 1) : value).trimmed();
    };
    auto push = [&](RecipientRecord record) {
        if (report.recipients.size() >= maxRecipients) {
            report.flags |= DeliveryReport::RecipientsTruncated;
            return;
        }
        report.recipients.append(std::move(record));
    };
    if (type == QLatin1String("Bounce")) {
        const QJsonObject bounce = root.value(QLatin1String("bounce")).toObject();
        report.reportingMta = mta(bounce.value(QLatin1String("reportingMTA")).toString());
        const QJsonArray recipients = bounce.value(QLatin1String("bouncedRecipients")).toArray();
        for (const QJsonValue &value : recipients) {
            const QJsonObject r = value.toObject();
            RecipientRecord record;
            record.finalRecipient
                = { QString(), r.value(QLatin1String("emailAddress")).toString() };
            record.action = actionFromName(r.value(QLatin1String("action")).toString());
            if (record.action == DeliveryAction::Unknown)
                record.action = DeliveryAction::Failed;
            record.status = r.value(QLatin1String("status")).toString();
            QString diagnostic = r.value(QLatin1String("diagnosticCode")).toString();
            const qsizetype semi = diagnostic.indexOf(u';');
            if (semi >= 0 && semi < 20) {
                record.diagnosticType = diagnostic.left(semi).trimmed().toLower();
                diagnostic = diagnostic.mid(semi + 1).trimmed();
            }
            record.diagnostic = diagnostic;
            const QByteArray diag = diagnostic.toUtf8();
            QByteArrayView code;
            if (findReplyCode(diag, 0, &code) >= 0)
                record.replyCode = QString::fromLatin1(code);
            record.confidence = 0.9;
            push(record);
        }
        report.kind = ReportKind::Bounce;
    } else if (type == QLatin1String("Delivery")) {
        const QJsonObject delivery = root.value(QLatin1String("delivery")).toObject();
        report.reportingMta = mta(delivery.value(QLatin1String("reportingMTA")).toString());
        const QString response = delivery.value(QLatin1String("smtpResponse")).toString();
        const QByteArray bytes = response.toUtf8();
        for (const QJsonValue &value : delivery.value(QLatin1String("recipients")).toArray()) {
            RecipientRecord record;
            record.finalRecipient = { QString(), value.toString() };
            record.action = DeliveryAction::Delivered;
            record.diagnostic = response;
            record.diagnosticType = QStringLiteral("smtp");
            if (bytes.size() >= 3 && bytes[0] == '2')
                record.replyCode = QString::fromLatin1(bytes.first(3));
            QByteArrayView code;
            if (findStatusCode(bytes, 0, &code) >= 0)
                record.status = QString::fromLatin1(code);
            record.confidence = 0.9;
            push(record);
        }
        report.kind = ReportKind::Bounce;
    } else if (type == QLatin1String("Complaint")) {
        const QJsonObject complaint = root.value(QLatin1String("complaint")).toObject();
        report.feedbackType = complaint.value(QLatin1String("complaintFeedbackType")).toString();
        for (const QJsonValue &value :
            complaint.value(QLatin1String("complainedRecipients")).toArray()) {
            RecipientRecord record;
            record.finalRecipient
                = { QString(), value.toObject().value(QLatin1String("emailAddress")).toString() };
            record.confidence = 0.9;
            push(record);
        }
        report.kind = ReportKind::Feedback;
    } else {
        return false;
    }
    return true;
}

} // namespace Mailtrail::Reports::Detail
