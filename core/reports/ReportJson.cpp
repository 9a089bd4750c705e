// SPDX-License-Identifier: GPL-3.0-or-later
#include "reports/ReportJson.h"

namespace Mailtrail::Reports {

namespace {

void appendString(QByteArray &out, const QString &value)
{
    out.append('"');
    const QByteArray utf8 = value.toUtf8();
    for (char c : utf8) {
        switch (c) {
        case '"':
            out.append("\\\"");
            break;
        case '\\':
            out.append("\\\\");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        case '\t':
            out.append("\\t");
            break;
        default:
            if (uchar(c) < 0x20) {
                static const char hex[] = "0123456789abcdef";
                out.append("\\u00");
                out.append(hex[(uchar(c) >> 4) & 0xf]);
                out.append(hex[uchar(c) & 0xf]);
            } else {
                out.append(c);
            }
        }
    }
    out.append('"');
}

void field(QByteArray &out, const char *name, const QString &value)
{
    out.append(",\"");
    out.append(name);
    out.append("\":");
    appendString(out, value);
}

QString limitsText(const DeliveryReport &report)
{
    QStringList parts;
    if (!report.error.isEmpty())
        parts.append(report.error);
    if (report.flags & DeliveryReport::RecipientsTruncated)
        parts.append(
            QStringLiteral("more than %1 recipients; the rest were dropped").arg(maxRecipients));
    if (report.flags & DeliveryReport::NestingTruncated)
        parts.append(QStringLiteral("MIME structure too deep or too many parts; not fully read"));
    if (report.flags & DeliveryReport::InputTruncated)
        parts.append(QStringLiteral("mail too large; only its start was read"));
    if (report.flags & DeliveryReport::DamagedEncoding)
        parts.append(QStringLiteral("a part's encoding is damaged (truncated or invalid); read as far as it goes"));
    return parts.join(QStringLiteral("; "));
}

QByteArray line(const QString &file, const DeliveryReport &report, const RecipientRecord *record)
{
    QByteArray out;
    out.reserve(512);
    out.append("{\"file\":");
    appendString(out, file);
    field(out, "kind", kindName(report.kind));
    const bool mdn = report.kind == ReportKind::Mdn;
    field(out, "action", record ? actionName(record->action) : QString());
    field(out, "status", record ? record->status : QString());
    field(out, "replycode", record ? record->replyCode : QString());
    // Final-Recipient is required by RFC 3464 §2.3.2, but some gateways only give the
    // Original-Recipient: then that is the best answer to "who".
    QString recipient;
    if (record)
        recipient = record->finalRecipient.isEmpty() ? record->originalRecipient.address
                                                     : record->finalRecipient.address;
    else if (mdn)
        recipient = report.mdn.finalRecipient.address;
    field(out, "recipient", recipient);
    field(out, "original_recipient",
        record ? record->originalRecipient.address
               : (mdn ? report.mdn.originalRecipient.address : QString()));
    field(out, "diagnostic", record ? record->diagnostic : QString());
    field(out, "remote_mta", record ? record->remoteMta : QString());
    field(out, "reporting_mta", mdn ? report.mdn.reportingUa : report.reportingMta);
    field(out, "envid", report.originalEnvelopeId);
    field(out, "original_message_id",
        mdn && !report.mdn.originalMessageId.isEmpty() ? report.mdn.originalMessageId
                                                       : report.returned.messageId);
    field(out, "disposition", mdn ? report.mdn.disposition.toString() : QString());
    out.append(",\"confidence\":");
    const double confidence = record ? record->confidence : (mdn ? 1.0 : 0.0);
    out.append(QByteArray::number(confidence, 'g', 3));
    const QString limits = limitsText(report);
    if (!limits.isEmpty())
        field(out, "error", limits);
    out.append('}');
    return out;
}

} // namespace

QByteArrayList toJsonLines(const QString &file, const DeliveryReport &report)
{
    QByteArrayList lines;
    if (report.recipients.isEmpty() || report.kind == ReportKind::None) {
        lines.append(line(file, report, nullptr));
        return lines;
    }
    lines.reserve(report.recipients.size());
    for (const RecipientRecord &record : report.recipients)
        lines.append(line(file, report, &record));
    return lines;
}

QByteArray unreadableJsonLine(const QString &file, const QString &error)
{
    DeliveryReport report;
    report.error = error;
    return line(file, report, nullptr);
}

} // namespace Mailtrail::Reports
