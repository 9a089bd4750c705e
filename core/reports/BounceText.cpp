// SPDX-License-Identifier: GPL-3.0-or-later
#include "reports/BounceText.h"

#include "reports/ReportText.h"

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
        while (b < next && (text[b] == ' ' || text[b] == '\t' || text[b] == '-' || text[b] == '='
                            || text[b] == '_' || text[b] == '*' || text[b] == '>'))
            ++b;
        const QByteArrayView line = text.sliced(b, next - b);
        if (line.size() > 8) {
            for (const char *marker : returnedMarkers) {
                if (startsWithNoCase(line, marker)) {
                    const bool isHeader = marker[0] == 'r' && (marker[2] == 'c' || marker[2] == 't')
                        && (startsWithNoCase(line, "received:") || startsWithNoCase(line, "return-path:"));
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
        if (!part.enclosed && part.contentType.is("text", "plain") && part.contentType.type != "multipart")
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
    static const char *const senders[] = {"mailer-daemon", "mailer_daemon", "postmaster",
                                          "mail delivery", "maildelivery", "mail administrator",
                                          "mail system", "mailerdaemon", "mdaemon",
                                          "delivery subsystem", "microsoftexchange", "noreply-dmarc"};
    bool fromDaemon = false;
    for (const char *s : senders) {
        if (from.contains(s)) {
            fromDaemon = true;
            break;
        }
    }
    static const char *const subjects[] = {
        "undeliver", "undelivered", "delivery fail", "delivery status", "failure notice",
        "returned mail", "mail delivery failed", "could not be delivered", "delivery notification",
        "non remis", "nondeliverable", "non-deliverable", "not delivered", "delivery failure",
        "mail system error", "delivery has failed", "returned to sender", "rejected",
        "delivery problem", "failed delivery", "warning: could not send", "mail failure",
        "unzustellbar", "non recapitabile", "no entregado", "error sending", "bounce",
        "mail could not", "message not delivered", "delivery report", "unable to deliver",
        "unknown recipient", "user unknown", "permanent error", "delayed mail", "delivery delayed",
        "returned message", "message delivery", "mail returned", "nicht zustellbar",
        "fehlgeschlagen", "undeliverable",
    };
    bool bounceSubject = false;
    for (const char *s : subjects) {
        if (subjectLower.contains(QLatin1String(s))) {
            bounceSubject = true;
            break;
        }
    }
    if (fromDaemon || bounceSubject)
        return BounceSignal::Strong;
    const QByteArray returnPath = headers.value("Return-Path");
    if (returnPath == "<>" || (returnPath.isEmpty() && headers.has("Return-Path")))
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
                r.messageId = QString::fromUtf8(part.headers.value("Message-ID")).remove(u'<').remove(u'>');
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

    // Addresses that are never the failed recipient: the bounce's own sender and recipient,
    // the original's sender, daemon mailboxes.
    QSet<QByteArray> excluded;
    excluded.insert(lowerAscii(firstAddress(top.headers.value("From"))));
    excluded.insert(lowerAscii(firstAddress(top.headers.value("To"))));
    excluded.insert(lowerAscii(firstAddress(report.returned.from.toUtf8())));
    excluded.remove(QByteArray());

    QList<QByteArray> recipients; // lower case, in order
    QList<QByteArray> spelled;    // as written
    const QByteArray failed = top.headers.value("X-Failed-Recipients");
    if (!failed.isEmpty()) {
        qsizetype pos = 0;
        QByteArrayView address;
        while ((pos = findAddress(failed, pos, &address)) >= 0) {
            const QByteArray key = lowerAscii(address);
            if (!recipients.contains(key)) {
                recipients.append(key);
                spelled.append(address.toByteArray());
            }
            pos += address.size();
        }
    }
    const bool fixedList = !recipients.isEmpty();

    std::vector<Occurrence> occurrences;
    {
        qsizetype pos = 0;
        QByteArrayView address;
        while ((pos = findAddress(text, pos, &address)) >= 0) {
            const QByteArray key = lowerAscii(address);
            pos += address.size();
            if (excluded.contains(key) || isSenderLocalPart(address))
                continue;
            qsizetype index = recipients.indexOf(key);
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
            }
            occurrences.push_back({int(index), pos - address.size()});
        }
    }

    struct Found
    {
        QByteArray status, reply;
        qsizetype diagStart = -1, diagEnd = -1;
    };
    std::vector<Found> found(size_t(recipients.size()));
    auto scan = [&](qsizetype from, qsizetype to, Found &f) {
        const QByteArrayView segment = text.sliced(from, to - from);
        QByteArrayView code;
        qsizetype statusAt = -1, replyAt = -1;
        if (f.status.isEmpty() && (statusAt = findStatusCode(segment, 0, &code)) >= 0)
            f.status = code.toByteArray();
        if (f.reply.isEmpty() && (replyAt = findReplyCode(segment, 0, &code)) >= 0)
            f.reply = code.toByteArray();
        if (f.diagStart < 0 && (statusAt >= 0 || replyAt >= 0)) {
            qsizetype at = replyAt >= 0 && (statusAt < 0 || replyAt < statusAt) ? replyAt : statusAt;
            at += from;
            qsizetype lineStart = text.lastIndexOf('\n', at) + 1;
            qsizetype lineEnd = text.indexOf('\n', at);
            if (lineEnd < 0)
                lineEnd = text.size();
            f.diagStart = lineStart;
            f.diagEnd = lineEnd;
        }
    };
    for (size_t i = 0; i < occurrences.size(); ++i) {
        const qsizetype from = occurrences[i].position;
        qsizetype to = text.size();
        for (size_t j = i + 1; j < occurrences.size(); ++j) {
            if (occurrences[j].recipient != occurrences[i].recipient) {
                to = occurrences[j].position;
                break;
            }
        }
        scan(from, to, found[size_t(occurrences[i].recipient)]);
    }
    // Codes before the first recipient (e.g. "550 5.1.1 … for <rcpt>" or a preamble):
    Found preamble;
    scan(0, occurrences.empty() ? text.size() : occurrences.front().position, preamble);

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
        record.finalRecipient = {QString(), QString::fromUtf8(spelled[i])};
        record.status = QString::fromLatin1(f.status);
        record.replyCode = QString::fromLatin1(f.reply);
        if (f.diagStart >= 0)
            record.diagnostic = QString::fromUtf8(trimmed(text.sliced(f.diagStart, f.diagEnd - f.diagStart)));
        const char cls = !f.status.isEmpty() ? f.status[0] : (!f.reply.isEmpty() ? f.reply[0] : '5');
        record.action = cls == '4' ? DeliveryAction::Delayed : DeliveryAction::Failed;
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
    if (report.recipients.isEmpty() && (!preamble.status.isEmpty() || !preamble.reply.isEmpty()
                                        || signal == BounceSignal::Strong)) {
        RecipientRecord record;
        record.finalRecipient = {QString(), QString::fromUtf8(firstAddress(report.returned.to.toUtf8()))};
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
        if (!coded)
            return false;
    }
    return !report.recipients.isEmpty();
}

void completeFromText(const MimeTree &tree, DeliveryReport &report)
{
    bool needed = false;
    for (const RecipientRecord &r : std::as_const(report.recipients)) {
        if (r.replyCode.isEmpty() || r.status.isEmpty() || r.status.endsWith(QLatin1String(".0.0")))
            needed = true;
    }
    if (!needed)
        return;
    const Explanation ex = explanation(tree, false);
    const QByteArrayView text = ex.text;
    for (RecipientRecord &r : report.recipients) {
        if (!(r.replyCode.isEmpty() || r.status.isEmpty()))
            continue;
        const QByteArray address = r.finalRecipient.address.toUtf8();
        qsizetype at = address.isEmpty() ? -1 : indexOfNoCase(text, address);
        if (at < 0 && report.recipients.size() == 1)
            at = 0;
        if (at < 0)
            continue;
        // Look in the recipient's paragraph.
        qsizetype end = text.indexOf("\n\n", at + address.size());
        if (end < 0)
            end = text.size();
        const QByteArrayView segment = text.sliced(at, end - at);
        QByteArrayView code;
        if (r.replyCode.isEmpty() && findReplyCode(segment, 0, &code) >= 0)
            r.replyCode = QString::fromLatin1(code);
        if (r.status.isEmpty() && findStatusCode(segment, 0, &code) >= 0)
            r.status = QString::fromLatin1(code);
    }
}

} // namespace Mailtrail::Reports::Detail
