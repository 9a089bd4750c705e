// SPDX-License-Identifier: GPL-3.0-or-later
#include "reports/DeliveryReport.h"

namespace Mailtrail::Reports {

QString Disposition::toString() const
{
    if (isEmpty())
        return {};
    QString text = actionMode + u'/' + sendingMode + QStringLiteral("; ") + type;
    if (!modifiers.isEmpty())
        text += u'/' + modifiers.join(u',');
    return text;
}

QString kindName(ReportKind kind)
{
    switch (kind) {
    case ReportKind::None:
        return QStringLiteral("none");
    case ReportKind::Dsn:
        return QStringLiteral("dsn");
    case ReportKind::Mdn:
        return QStringLiteral("mdn");
    case ReportKind::Bounce:
        return QStringLiteral("bounce");
    case ReportKind::AutoReply:
        return QStringLiteral("autoreply");
    case ReportKind::Feedback:
        return QStringLiteral("feedback");
    }
    return {};
}

QString actionName(DeliveryAction action)
{
    switch (action) {
    case DeliveryAction::Unknown:
        return {};
    case DeliveryAction::Failed:
        return QStringLiteral("failed");
    case DeliveryAction::Delayed:
        return QStringLiteral("delayed");
    case DeliveryAction::Delivered:
        return QStringLiteral("delivered");
    case DeliveryAction::Relayed:
        return QStringLiteral("relayed");
    case DeliveryAction::Expanded:
        return QStringLiteral("expanded");
    }
    return {};
}

DeliveryAction actionFromName(QStringView text)
{
    static const struct
    {
        const char *name;
        DeliveryAction action;
    } table[] = {
        { "failed", DeliveryAction::Failed },
        { "delayed", DeliveryAction::Delayed },
        { "delivered", DeliveryAction::Delivered },
        { "relayed", DeliveryAction::Relayed },
        { "expanded", DeliveryAction::Expanded },
        // Seen in the wild (RFC 1894 drafts, Exchange): treat as their RFC 3464 meaning.
        { "failure", DeliveryAction::Failed },
        { "delay", DeliveryAction::Delayed },
    };
    for (const auto &entry : table) {
        if (text.compare(QLatin1String(entry.name), Qt::CaseInsensitive) == 0)
            return entry.action;
    }
    return DeliveryAction::Unknown;
}

QString describe(const RecipientRecord &r)
{
    return QStringLiteral("{action=%1 status=%2 reply=%3 rcpt=%4;%5 orcpt=%6;%7 remote=%8 "
                          "last=%9 until=%10 conf=%11 diag=%12;%13}")
        .arg(actionName(r.action), r.status, r.replyCode, r.finalRecipient.type,
            r.finalRecipient.address, r.originalRecipient.type, r.originalRecipient.address,
            r.remoteMta, r.lastAttemptDate)
        .arg(r.willRetryUntil, QString::number(r.confidence), r.diagnosticType, r.diagnostic);
}

QString describe(const MdnFields &m)
{
    return QStringLiteral("{ua=%1 orcpt=%2;%3 final=%4;%5 id=%6 disp=%7}")
        .arg(m.reportingUa, m.originalRecipient.type, m.originalRecipient.address,
            m.finalRecipient.type, m.finalRecipient.address, m.originalMessageId,
            m.disposition.toString());
}

QString describe(const DeliveryReport &report)
{
    QString text = QStringLiteral("%1 mta=%2 envid=%3 arrival=%4 returned={%5|%6|%7|%8}")
                       .arg(kindName(report.kind), report.reportingMta, report.originalEnvelopeId,
                           report.arrivalDate, report.returned.messageId, report.returned.subject,
                           report.returned.from, report.returned.to);
    if (report.kind == ReportKind::Mdn) {
        text += QStringLiteral(" mdn=") + describe(report.mdn);
    }
    if (!report.feedbackType.isEmpty())
        text += QStringLiteral(" feedback=") + report.feedbackType;
    if (!report.error.isEmpty())
        text += QStringLiteral(" error=") + report.error;
    if (report.flags)
        text += QStringLiteral(" flags=") + QString::number(report.flags);
    for (const RecipientRecord &r : report.recipients)
        text += u' ' + describe(r);
    return text;
}

bool delayReportGivesUp(const RecipientRecord &record)
{
    const bool delayed = record.action == DeliveryAction::Delayed
        || (record.action == DeliveryAction::Unknown
            && (record.status.startsWith(QLatin1Char('4'))
                || record.replyCode.startsWith(QLatin1Char('4'))));
    if (!delayed)
        return false;
    // X.4.7: delivery time expired (RFC 3463 §3.5), whatever the class.
    const QStringView status(record.status);
    if (status.size() >= 5 && status.sliced(1).startsWith(u".4.7")
        && (status.size() == 5 || !status.at(5).isDigit()))
        return true;
    static constexpr const char *phrases[] = {
        "removed from the queue", "removed from queue", "deleted from the queue",
        "deleted from queue", "giving up", "gave up", "given up", "will not be retried",
        "won't be retried", "no longer be retried", "will not retry", "no more retries",
        "delivery time expired", "retry time exceeded", "retry timeout exceeded",
        "maximum queue lifetime", "too long in the queue", "too long in queue",
    };
    const QString text = record.diagnostic.toLower();
    for (const char *phrase : phrases) {
        if (text.contains(QLatin1String(phrase)))
            return true;
    }
    return false;
}

DeliveryAction effectiveAction(const RecipientRecord &record)
{
    if (delayReportGivesUp(record))
        return DeliveryAction::Failed;
    if (record.action != DeliveryAction::Unknown)
        return record.action;
    const auto classOf = [&](QChar c) {
        return record.status.startsWith(c) || (record.status.isEmpty() && record.replyCode.startsWith(c));
    };
    if (classOf(QLatin1Char('5')))
        return DeliveryAction::Failed;
    if (classOf(QLatin1Char('4')))
        return DeliveryAction::Delayed;
    if (classOf(QLatin1Char('2')))
        return DeliveryAction::Delivered;
    return DeliveryAction::Unknown;
}

} // namespace Mailtrail::Reports
