// SPDX-License-Identifier: GPL-3.0-or-later
#include "reports/ReportParser.h"

#include "reports/BounceText.h"
#include "reports/MailScanner.h"
#include "reports/ReportText.h"

#include <QLoggingCategory>

namespace Mailtrail::Reports {

Q_LOGGING_CATEGORY(lcReports, "mailtrail.reports")

using namespace Detail;

namespace {

QString str(QByteArrayView bytes)
{
    return QString::fromUtf8(bytes);
}

QByteArrayView stripAngles(QByteArrayView value)
{
    value = trimmed(value);
    if (value.size() >= 2 && value.front() == '<' && value.back() == '>')
        value = trimmed(value.sliced(1, value.size() - 2));
    return value;
}

/// Collapses runs of whitespace (folding, tabs) into single spaces.
QString collapsed(QByteArrayView value)
{
    QByteArray out;
    out.reserve(value.size());
    bool space = false;
    for (char c : trimmed(value)) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            space = true;
            continue;
        }
        if (space && !out.isEmpty())
            out.append(' ');
        space = false;
        out.append(c);
    }
    return QString::fromUtf8(out);
}

/// RFC 3464 §2.3.1/§2.3.2 "address-type ; generic-address" (RFC 6533 §3 utf-8 type).
TypedAddress typedAddress(QByteArrayView value)
{
    value = trimmed(value);
    TypedAddress result;
    const qsizetype semi = value.indexOf(';');
    if (semi >= 0) {
        result.type = str(trimmed(value.first(semi))).toLower();
        value = value.sliced(semi + 1);
    }
    result.address = str(stripAngles(value));
    return result;
}

/// "dns; mx.example.com" → "mx.example.com" (RFC 3464 §2.2.2 mta-name-type ; mta-name).
QString mtaName(QByteArrayView value)
{
    value = trimmed(value);
    const qsizetype semi = value.indexOf(';');
    if (semi >= 0)
        value = trimmed(value.sliced(semi + 1));
    return collapsed(value);
}

/// Calls onField(name, unfoldedValue, group) for each field of a sequence of header-like
/// groups separated by empty lines (RFC 3464 §2.1 / RFC 8098 §3.1 report body).
template<typename Callback> void forEachField(QByteArrayView text, Callback onField)
{
    int group = 0;
    QByteArrayView name;
    const char *valueBegin = nullptr;
    const char *valueEnd = nullptr;
    auto flush = [&] {
        if (valueBegin)
            onField(name, unfold(QByteArrayView(valueBegin, valueEnd)), group);
        valueBegin = nullptr;
    };
    qsizetype pos = 0;
    bool sawField = false;
    while (pos < text.size()) {
        qsizetype nl = text.indexOf('\n', pos);
        const qsizetype next = nl < 0 ? text.size() : nl + 1;
        qsizetype end = nl < 0 ? text.size() : nl;
        if (end > pos && text[end - 1] == '\r')
            --end;
        const QByteArrayView line = text.sliced(pos, end - pos);
        if (trimmed(line).isEmpty()) {
            flush();
            if (sawField)
                ++group;
            sawField = false;
        } else if ((line[0] == ' ' || line[0] == '\t') && valueBegin) {
            valueEnd = text.data() + end;
        } else {
            flush();
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.first(colon).indexOf(' ') < 0) {
                name = line.first(colon);
                valueBegin = line.data() + colon + 1;
                valueEnd = text.data() + end;
                sawField = true;
            }
        }
        pos = next;
    }
    flush();
}

QString statusCodeIn(QByteArrayView value)
{
    QByteArrayView code;
    if (findStatusCode(value, 0, &code) >= 0)
        return str(code);
    return {};
}

bool addRecord(DeliveryReport &report, RecipientRecord record)
{
    if (report.recipients.size() >= maxRecipients) {
        report.flags |= DeliveryReport::RecipientsTruncated;
        return false;
    }
    report.recipients.append(std::move(record));
    return true;
}

/// RFC 8098 §3.2.6 "action-mode/sending-mode; type/modifier,modifier".
Disposition parseDisposition(QByteArrayView value)
{
    Disposition d;
    const QString text = collapsed(value);
    const qsizetype semi = text.indexOf(u';');
    const QString modes = semi >= 0 ? text.left(semi) : QString();
    const QString rest = semi >= 0 ? text.mid(semi + 1).trimmed() : text;
    if (!modes.isEmpty()) {
        d.actionMode = modes.section(u'/', 0, 0).trimmed().toLower();
        d.sendingMode = modes.section(u'/', 1, 1).trimmed();
        if (d.sendingMode.compare(QLatin1String("mdn-sent-manually"), Qt::CaseInsensitive) == 0)
            d.sendingMode = QStringLiteral("MDN-sent-manually");
        else if (d.sendingMode.compare(QLatin1String("mdn-sent-automatically"), Qt::CaseInsensitive)
            == 0)
            d.sendingMode = QStringLiteral("MDN-sent-automatically");
    }
    const qsizetype slash = rest.indexOf(u'/');
    d.type = (slash >= 0 ? rest.left(slash) : rest).trimmed().toLower();
    // Drop RFC 3798 legacy text after the type ("displayed (comment)").
    d.type = d.type.section(u' ', 0, 0);
    if (slash >= 0) {
        const QStringList mods = rest.mid(slash + 1).split(u',', Qt::SkipEmptyParts);
        for (const QString &m : mods)
            d.modifiers.append(m.trimmed().toLower());
    }
    return d;
}

void parseMdnFields(QByteArrayView text, DeliveryReport &report)
{
    forEachField(text, [&](QByteArrayView name, const QByteArray &value, int) {
        MdnFields &m = report.mdn;
        if (equalsNoCase(name, "Reporting-UA"))
            m.reportingUa = collapsed(value);
        else if (equalsNoCase(name, "Original-Recipient"))
            m.originalRecipient = typedAddress(value);
        else if (equalsNoCase(name, "Final-Recipient")) {
            m.finalRecipient = typedAddress(value);
            // KMime encodes the address as an RFC 2047 word.
            if (m.finalRecipient.address.contains(QLatin1String("=?")))
                m.finalRecipient.address = decodeHeaderText(m.finalRecipient.address.toUtf8());
        } else if (equalsNoCase(name, "Original-Message-ID"))
            m.originalMessageId = str(stripAngles(value));
        else if (equalsNoCase(name, "Disposition"))
            m.disposition = parseDisposition(value);
        else if (equalsNoCase(name, "MDN-Gateway") && report.reportingMta.isEmpty())
            report.reportingMta = mtaName(value);
    });
}

ReturnedMessage returnedFrom(const HeaderBlock &headers)
{
    ReturnedMessage r;
    r.messageId = str(stripAngles(headers.value("Message-ID")));
    if (const HeaderField *subject = headers.find("Subject"))
        r.subject = decodeHeaderText(subject->rawValue);
    if (const HeaderField *from = headers.find("From"))
        r.from = decodeHeaderText(from->rawValue);
    if (const HeaderField *to = headers.find("To"))
        r.to = decodeHeaderText(to->rawValue);
    return r;
}

/// The returned original of RFC 6522 §3 (third part) or of an attachment in a bounce.
ReturnedMessage findReturned(const MimeTree &tree)
{
    for (size_t i = 1; i < tree.parts.size(); ++i) {
        const Part &part = tree.parts[i];
        if (part.enclosed)
            continue;
        const ContentType &ct = part.contentType;
        if (ct.type == "message" && (ct.subtype == "rfc822" || ct.subtype == "global")) {
            if (i + 1 < tree.parts.size() && tree.parts[i + 1].parent == int(i))
                return returnedFrom(tree.parts[i + 1].headers);
            qsizetype start = 0;
            const QByteArray body = transferDecode(part.body, part.transferEncoding);
            return returnedFrom(parseHeaders(body, &start));
        }
        if ((ct.type == "text" && ct.subtype == "rfc822-headers")
            || (ct.type == "message" && ct.subtype == "global-headers")) {
            const QByteArray body = transferDecode(part.body, part.transferEncoding);
            qsizetype start = 0;
            // Headers are views into body: convert while body is alive.
            return returnedFrom(parseHeaders(body, &start));
        }
    }
    return {};
}

QByteArray lowerAscii(QByteArrayView v)
{
    QByteArray out = v.toByteArray();
    for (char &c : out) {
        if (c >= 'A' && c <= 'Z')
            c = char(c + 32);
    }
    return out;
}

/// Sent by the mail system itself (a bounce), not by a person's mail program.
bool fromMailSystem(const HeaderBlock &headers)
{
    if (headers.has("X-Failed-Recipients"))
        return true;
    const QByteArray from = lowerAscii(headers.value("From"));
    for (const char *s : {"mailer-daemon", "mailer_daemon", "mailerdaemon", "postmaster", "post_master",
                          "mail delivery", "mail system", "mail administrator"}) {
        if (from.contains(s))
            return true;
    }
    return false;
}

/// RFC 3834 §5 / common vacation software markers.
bool looksLikeAutoReply(const HeaderBlock &headers, const QString &subjectLower)
{
    const QByteArray autoSubmitted = lowerAscii(headers.value("Auto-Submitted"));
    if (autoSubmitted.startsWith("auto-replied"))
        return true;
    if (headers.has("X-Autoreply") || headers.has("X-Autorespond") || headers.has("X-Autoresponder")
        || headers.has("X-Vacation"))
        return true;
    const QByteArray precedence = lowerAscii(headers.value("Precedence"));
    if (precedence == "auto_reply")
        return true;
    static const char *const subjects[] = { "auto:", "automatic reply", "autoreply", "auto-reply",
        "auto reply", "out of office", "out of the office", "away until", "vacation", "abwesenheit",
        "réponse automatique", "respuesta automática", "automatische antwort", "autosvar" };
    for (const char *s : subjects) {
        if (subjectLower.contains(QLatin1String(s)))
            return true;
    }
    return false;
}

} // namespace

/// RFC 3464 §2.2 and §2.3 (and RFC 6533 §3 message/global-delivery-status).
namespace {

/// Nested replies in one Diagnostic-Code (issue #15 §4): "554 4.4.7 Message expired: unable
/// to deliver in 840 minutes.<421 4.4.2 Connection timed out>" — the relay's verdict wraps the
/// last remote server's own reply. Rule: the innermost complete reply (a reply code followed
/// by its enhanced code) that opens a bracket ('<', '(', '[') or a quote, and whose class
/// agrees with the record's Status, names the cause: reply code and status are both taken
/// from it, as a pair. A nested reply of another class than Status is left alone (the
/// Status class rule above).
void applyNestedReply(const QByteArray &diagnostic, RecipientRecord &record)
{
    QByteArrayView bestReply, bestStatus;
    qsizetype from = 0;
    for (int guard = 0; guard < 16; ++guard) {
        QByteArrayView reply;
        const qsizetype at = findReplyCode(diagnostic, from, &reply);
        if (at < 0)
            break;
        from = at + 3;
        // Directly after an opening bracket or quote (spaces allowed), not at the start.
        qsizetype before = at - 1;
        while (before >= 0 && diagnostic.at(before) == ' ')
            --before;
        if (before < 0 || !QByteArrayView("<([\'\"").contains(diagnostic.at(before)))
            continue;
        QByteArrayView status;
        const qsizetype statusAt = findStatusCode(diagnostic, at + 3, &status);
        if (statusAt < 0 || statusAt > at + 6 || status.at(0) != reply.at(0))
            continue;
        if (!record.status.isEmpty() && record.status.at(0) != QLatin1Char(status.at(0)))
            continue;
        bestReply = reply;
        bestStatus = status;
    }
    if (bestReply.isEmpty())
        return;
    record.replyCode = str(bestReply);
    record.status = str(bestStatus);
}

} // namespace

void Detail::parseDeliveryStatus(QByteArrayView text, DeliveryReport &report)
{
    RecipientRecord current;
    bool open = false;
    int currentGroup = -1;
    // Which per-recipient fields the open record already has (to split groups that lack
    // the separating empty line).
    enum Seen
    {
        SFinal = 1,
        SOriginal = 2,
        SAction = 4,
        SStatus = 8,
        SDiag = 16,
        SRemote = 32
    };
    int seen = 0;
    auto close = [&] {
        if (open && (seen & (SFinal | SOriginal | SStatus | SAction)))
            addRecord(report, std::move(current));
        current = RecipientRecord();
        current.confidence = 1.0;
        open = false;
        seen = 0;
    };
    auto recipientField = [&](int bit, int group) {
        if (open
            && ((seen & bit)
                || (group != currentGroup && (seen & (SFinal | SOriginal))
                    && (bit == SFinal || bit == SOriginal))))
            close();
        if (open && group != currentGroup && bit != SFinal && bit != SOriginal && (seen & bit))
            close();
        open = true;
        seen |= bit;
        currentGroup = group;
    };
    current.confidence = 1.0;
    forEachField(text, [&](QByteArrayView name, const QByteArray &value, int group) {
        if (report.flags & DeliveryReport::RecipientsTruncated)
            return;
        if (equalsNoCase(name, "Reporting-MTA")) {
            if (report.reportingMta.isEmpty())
                report.reportingMta = mtaName(value);
        } else if (equalsNoCase(name, "Original-Envelope-Id")) {
            if (report.originalEnvelopeId.isEmpty())
                report.originalEnvelopeId = collapsed(value);
        } else if (equalsNoCase(name, "Arrival-Date")) {
            if (report.arrivalDate.isEmpty())
                report.arrivalDate = collapsed(value);
        } else if (equalsNoCase(name, "Final-Recipient")) {
            // Original-Recipient normally precedes Final-Recipient in the same group.
            if (open && (seen & SOriginal) && !(seen & SFinal) && group == currentGroup) {
                seen |= SFinal;
            } else {
                recipientField(SFinal, group);
            }
            current.finalRecipient = typedAddress(value);
        } else if (equalsNoCase(name, "Original-Recipient")) {
            recipientField(SOriginal, group);
            current.originalRecipient = typedAddress(value);
        } else if (equalsNoCase(name, "Action")) {
            recipientField(SAction, group);
            current.action
                = actionFromName(QString::fromLatin1(trimmed(value)).section(u' ', 0, 0));
        } else if (equalsNoCase(name, "Status")) {
            recipientField(SStatus, group);
            current.status = statusCodeIn(value);
            // A Diagnostic-Code read before the Status field: apply the nested-reply rule
            // now that the Status class is known.
            if (!current.diagnostic.isEmpty())
                applyNestedReply(current.diagnostic.toUtf8(), current);
        } else if (equalsNoCase(name, "Diagnostic-Code")) {
            recipientField(SDiag, group);
            const qsizetype semi = value.indexOf(';');
            if (semi >= 0 && semi < 20) {
                current.diagnosticType = str(trimmed(value.first(semi))).toLower();
                current.diagnostic = collapsed(value.sliced(semi + 1));
            } else {
                current.diagnostic = collapsed(value);
            }
            const QByteArray diagnostic = current.diagnostic.toUtf8();
            {
                QByteArrayView code;
                // A failure reply wins over a greeting ("220 … 421 …"); a success reply
                // only counts alone (delivered, relayed).
                if (findReplyCode(diagnostic, 0, &code) >= 0
                    || findReplyCode(diagnostic, 0, &code, true) >= 0)
                    current.replyCode = str(code);
            }
            // The remote server's own enhanced code is more precise than the summary the
            // reporting MTA put in Status: (often x.0.0).
            QString diagnosticStatus = statusCodeIn(diagnostic);
            {
                // "5.1.0 - Unknown address error 550-'5.2.2 …": the code the remote server sent
                // with its reply beats the relay's summary in front of it.
                QByteArrayView reply, status;
                const qsizetype replyAt = findReplyCode(diagnostic, 0, &reply);
                if (replyAt >= 0) {
                    const qsizetype statusAt = findStatusCode(diagnostic, replyAt + 3, &status);
                    if (statusAt >= 0 && statusAt <= replyAt + 6)
                        diagnosticStatus = str(status);
                }
            }
            // Status vs Diagnostic-Code in different classes ("Status: 5.0.0" with "421 4.4.2
            // …": a relay that gave up after temporary errors): the Status field is the
            // report's own machine-readable verdict and keeps its class; the diagnostic's
            // enhanced code only refines a Status of the same class. The reply code stays the
            // server's (it is what the server said).
            if (!diagnosticStatus.isEmpty()
                && (current.status.isEmpty() || current.status.at(0) == diagnosticStatus.at(0)))
                current.status = diagnosticStatus;
            applyNestedReply(diagnostic, current);
        } else if (equalsNoCase(name, "Remote-MTA")) {
            recipientField(SRemote, group);
            current.remoteMta = mtaName(value);
        } else if (equalsNoCase(name, "Last-Attempt-Date")) {
            if (open)
                current.lastAttemptDate = collapsed(value);
        } else if (equalsNoCase(name, "Will-Retry-Until")) {
            if (open)
                current.willRetryUntil = collapsed(value);
        }
    });
    close();
}

namespace {

DeliveryReport parseAtDepth(QByteArrayView mail, int depth);

/// A bounce that forwards another report as message/rfc822 (gateways, filters): the
/// enclosed report says more than the wrapper. Returns the enclosed report, if any.
bool readEnclosedReport(const MimeTree &tree, int depth, DeliveryReport &report)
{
    if (depth >= 3)
        return false;
    for (size_t i = 1; i < tree.parts.size(); ++i) {
        const Part &part = tree.parts[i];
        if (!part.enclosed || part.parent < 0)
            continue;
        const Part &parent = tree.parts[size_t(part.parent)];
        if (parent.enclosed || parent.contentType.type != "message")
            continue;
        if (!(part.contentType.type == "multipart" && part.contentType.subtype == "report"))
            continue;
        const char *begin = part.headers.fields.empty() ? part.body.data()
                                                        : part.headers.fields.front().name.data();
        const QByteArrayView entity(begin, part.body.data() + part.body.size());
        DeliveryReport inner = parseAtDepth(entity, depth + 1);
        if (inner.isDeliveryEvidence() && !inner.recipients.isEmpty()) {
            report = inner;
            return true;
        }
    }
    return false;
}

/// A report forwarded as an attachment (issue #15 §4): a person's "Fwd:" with the bounce
/// attached as message/rfc822 (plain or base64: the scanner reads it decoded), or a mailing
/// list's owner notice with the bounce it could not handle. Reads the first attachment that
/// parses as a report of any kind.
bool readForwardedReport(const MimeTree &tree, int depth, DeliveryReport &report)
{
    for (size_t i = 1; i < tree.parts.size(); ++i) {
        const Part &part = tree.parts[i];
        if (part.enclosed || part.contentType.type != "message"
            || (part.contentType.subtype != "rfc822" && part.contentType.subtype != "global"))
            continue;
        if (i + 1 >= tree.parts.size() || tree.parts[i + 1].parent != int(i))
            continue;
        const Part &inner = tree.parts[i + 1];
        const char *begin = inner.headers.fields.empty() ? inner.body.data() : inner.headers.fields.front().name.data();
        const QByteArrayView entity(begin, inner.body.data() + inner.body.size());
        DeliveryReport forwarded = parseAtDepth(entity, depth + 1);
        if (forwarded.kind != ReportKind::None) {
            forwarded.flags |= report.flags;
            report = forwarded;
            return true;
        }
    }
    return false;
}

} // namespace

namespace {

/// A recipient address as a report may name it (issue #15 §4): a source route
/// ("@relay1,@relay2:user@domain", RFC 5321 §4.1.2 — ignored as RFC 5321 §C says) is reduced
/// to its mailbox; a pipe command ("|/usr/bin/procmail"), a file path, a bare "@domain" or
/// anything without a local part and a domain names nobody: empty ("the report names none").
TypedAddress sanitizedRecipient(TypedAddress address)
{
    QString a = address.address.trimmed();
    if (a.startsWith(QLatin1Char('<')) && a.endsWith(QLatin1Char('>')))
        a = a.mid(1, a.size() - 2).trimmed();
    if (a.startsWith(QLatin1Char('@'))) {
        const qsizetype colon = a.indexOf(QLatin1Char(':'));
        a = colon >= 0 ? a.mid(colon + 1).trimmed() : QString();
    }
    const qsizetype at = a.lastIndexOf(QLatin1Char('@'));
    if (a.startsWith(QLatin1Char('|')) || a.startsWith(QLatin1Char('/')) || at <= 0
        || at == a.size() - 1 || (!a.startsWith(QLatin1Char('"')) && a.contains(QLatin1Char(' '))))
        a.clear();
    address.address = a;
    if (a.isEmpty())
        address.type.clear();
    return address;
}

} // namespace

DeliveryReport parseDeliveryReport(QByteArrayView mail)
{
    DeliveryReport report = parseAtDepth(mail, 0);
    for (RecipientRecord &record : report.recipients) {
        record.finalRecipient = sanitizedRecipient(record.finalRecipient);
        record.originalRecipient = sanitizedRecipient(record.originalRecipient);
    }
    if (report.kind == ReportKind::Mdn) {
        report.mdn.finalRecipient = sanitizedRecipient(report.mdn.finalRecipient);
        report.mdn.originalRecipient = sanitizedRecipient(report.mdn.originalRecipient);
    }
    if (!report.error.isEmpty())
        qCDebug(lcReports) << "not a mail:" << report.error;
    if (report.flags)
        qCDebug(lcReports) << "report read partially, flags" << report.flags;
    return report;
}

namespace {

DeliveryReport parseAtDepth(QByteArrayView mail, int depth)
{
    DeliveryReport report;
    if (trimmed(mail).isEmpty()) {
        report.error = QStringLiteral("empty input");
        return report;
    }
    if (mail.size() > maxMailSize) {
        mail = mail.first(maxMailSize);
        report.flags |= DeliveryReport::InputTruncated;
    }
    const MimeTree tree = scanMime(mail);
    if (tree.nestingTruncated)
        report.flags |= DeliveryReport::NestingTruncated;
    const Part &top = tree.parts.front();
    if (top.headers.fields.empty()) {
        report.error = QStringLiteral("not a mail: no header fields");
        return report;
    }
    if (tree.damagedEncoding)
        report.flags |= DeliveryReport::DamagedEncoding;
    for (const Part &part : tree.parts) {
        if (!part.enclosed && isDamagedText(part)) {
            report.flags |= DeliveryReport::DamagedEncoding;
            break;
        }
    }

    const Part *deliveryStatus = nullptr;
    const Part *disposition = nullptr;
    const Part *feedback = nullptr;
    for (const Part &part : tree.parts) {
        if (part.enclosed || part.contentType.type != "message")
            continue;
        const QByteArray &sub = part.contentType.subtype;
        if (!deliveryStatus && (sub == "delivery-status" || sub == "global-delivery-status"))
            deliveryStatus = &part;
        else if (!disposition
            && (sub == "disposition-notification" || sub == "global-disposition-notification"))
            disposition = &part;
        else if (!feedback && sub == "feedback-report")
            feedback = &part;
    }
    const QByteArray &reportType = top.contentType.reportType;

    if (feedback || reportType == "feedback-report") {
        report.kind = ReportKind::Feedback;
        report.returned = findReturned(tree);
        RecipientRecord record;
        record.confidence = feedback ? 1.0 : 0.6;
        if (feedback) {
            const QByteArray text = transferDecode(feedback->body, feedback->transferEncoding);
            forEachField(text, [&](QByteArrayView name, const QByteArray &value, int) {
                if (equalsNoCase(name, "Feedback-Type") && report.feedbackType.isEmpty())
                    report.feedbackType = collapsed(value).toLower();
                else if (equalsNoCase(name, "Original-Rcpt-To") && record.finalRecipient.isEmpty())
                    record.finalRecipient = { QString(), str(stripAngles(value)) };
                else if (equalsNoCase(name, "Reporting-MTA") && report.reportingMta.isEmpty())
                    report.reportingMta = mtaName(value);
            });
        }
        if (record.finalRecipient.isEmpty())
            record.finalRecipient = { QString(), str(firstAddress(report.returned.to.toUtf8())) };
        addRecord(report, record);
        return report;
    }

    if (disposition) {
        report.kind = ReportKind::Mdn;
        const QByteArray text = transferDecode(disposition->body, disposition->transferEncoding);
        parseMdnFields(text, report);
        report.returned = findReturned(tree);
        return report;
    }

    if (deliveryStatus) {
        report.kind = ReportKind::Dsn;
        const QByteArray text
            = transferDecode(deliveryStatus->body, deliveryStatus->transferEncoding);
        parseDeliveryStatus(text, report);
        report.returned = findReturned(tree);
        completeFromText(tree, report);
        if (!report.recipients.isEmpty())
            return report;
        // A delivery-status part without any recipient group: read the text instead.
        report.kind = ReportKind::Bounce;
    }

    // No report part of its own, and not from the mail system (whose bounces return the
    // original as message/rfc822): a report attached to it is what the mail is about.
    if (!deliveryStatus && depth < 2 && !fromMailSystem(top.headers)
        && readForwardedReport(tree, depth, report))
        return report;

    // Amazon SES notifications relayed by SNS: JSON in a text/plain body.
    if (top.contentType.type == "text"
        && (top.body.indexOf("notificationType") >= 0
            || ((top.transferEncoding == "base64" || top.transferEncoding == "quoted-printable")
                && decodedText(top).contains("notificationType")))) {
        DeliveryReport ses = report;
        if (readAmazonSesJson(decodedText(top), ses) && !ses.recipients.isEmpty())
            return ses;
    }

    QString subjectLower;
    if (const HeaderField *subject = top.headers.find("Subject"))
        subjectLower = decodeHeaderText(subject->rawValue).toLower();

    const BounceSignal signal = bounceSignal(top.headers, subjectLower);
    // RFC 3834 auto-replies (vacation, "out of office") with a subject that looks like a
    // bounce stay auto-replies unless they carry a delivery-status part (handled above) or a
    // bounce body: a recipient with an SMTP reply or status code. A mail from the mail
    // system itself (MAILER-DAEMON, postmaster, X-Failed-Recipients) is never an auto-reply,
    // even with Auto-Submitted: auto-replied (Exim, Postfix set it on bounces).
    const bool autoReply = looksLikeAutoReply(top.headers, subjectLower) && !fromMailSystem(top.headers);
    if (report.kind == ReportKind::Bounce || signal == BounceSignal::Strong
        || (signal == BounceSignal::Weak && !autoReply)) {
        DeliveryReport bounce = report;
        if (readBounceText(tree, signal, bounce)) {
            bool coded = false;
            for (const RecipientRecord &r : std::as_const(bounce.recipients))
                coded = coded || !r.status.isEmpty() || !r.replyCode.isEmpty();
            if (!(autoReply && !coded && report.kind != ReportKind::Bounce)) {
                report = bounce;
                report.kind = ReportKind::Bounce;
                if (!coded)
                    (void)readEnclosedReport(tree, depth, report);
                return report;
            }
        } else {
            report = bounce;
        }
        if (readEnclosedReport(tree, depth, report))
            return report;
        report.recipients.clear();
        report.kind = ReportKind::None;
    }

    if (autoReply) {
        report.recipients.clear();
        report.kind = ReportKind::AutoReply;
        RecipientRecord record;
        record.confidence = 0.8;
        record.finalRecipient = { QString(), str(firstAddress(top.headers.value("From"))) };
        // RFC 3834 §3.1.3: the reply references the message it answers.
        report.returned.messageId = str(stripAngles(top.headers.value("In-Reply-To")));
        addRecord(report, record);
        return report;
    }
    report.kind = ReportKind::None;
    return report;
}

} // namespace

} // namespace Mailtrail::Reports
