// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracking/ProofOfDelivery.h"

#include "mime/FileNameSanitizer.h"
#include "tracking/Explanation.h"
#include "tracking/DeliveryRecords.h"

#include <QCoreApplication>

namespace Mailtrail::Tracking {

namespace {

QString tr(const char *text, const char *comment = nullptr)
{
    return QCoreApplication::translate("Mailtrail::Tracking", text, comment);
}

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

/// Text whose line breaks are kept and whose long lines wrap (QTextDocument honours
/// white-space: pre-wrap).
QString preWrap(const QString &text, bool monospace)
{
    QString html = esc(text);
    html.replace(QLatin1Char('\n'), QStringLiteral("<br/>"));
    return QStringLiteral("<div style=\"white-space: pre-wrap;%1\">%2</div>")
        .arg(monospace ? QStringLiteral(" font-family: monospace; font-size: 8pt;") : QString(), html);
}

QString sourceLabel(EvidenceSource source)
{
    switch (source) {
    case EvidenceSource::Outbox:
        return tr("Outbox");
    case EvidenceSource::Smtp:
        return tr("Submission server (SMTP)");
    case EvidenceSource::Dsn:
        return tr("Delivery report (DSN)");
    case EvidenceSource::Bounce:
        return tr("Bounce message");
    case EvidenceSource::Mdn:
        return tr("Read receipt (MDN)");
    case EvidenceSource::Reply:
        return tr("Reply");
    case EvidenceSource::Elsewhere:
        return tr("Sent folder");
    }
    return {};
}

} // namespace

QString proofTime(const QDateTime &time, const QTimeZone &zone)
{
    if (!time.isValid())
        return {};
    const QDateTime local = time.toTimeZone(zone);
    const int offset = local.offsetFromUtc();
    QString zoneText = QStringLiteral("UTC");
    if (offset != 0) {
        const int minutes = qAbs(offset) / 60;
        zoneText += QStringLiteral("%1%2:%3")
                        .arg(offset < 0 ? QLatin1Char('-') : QLatin1Char('+'))
                        .arg(minutes / 60, 2, 10, QLatin1Char('0'))
                        .arg(minutes % 60, 2, 10, QLatin1Char('0'));
    }
    return local.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss ")) + zoneText;
}

QString proofFileName(const QString &subject, const QDate &sent)
{
    QStringList parts{tr("Proof of delivery")};
    const QString simplified = subject.simplified();
    if (!simplified.isEmpty())
        parts << simplified.left(80);
    if (sent.isValid())
        parts << sent.toString(Qt::ISODate);
    return Mime::sanitizeFileName(parts.join(QStringLiteral(" – ")) + QStringLiteral(".pdf"),
                                  QStringLiteral("application/pdf"));
}

std::optional<ProofOfDelivery> buildProofOfDelivery(const DeliveryRecords &store, qint64 sentMessageId,
                                                    const ProofOptions &options)
{
    const auto message = store.message(sentMessageId);
    if (!message)
        return std::nullopt;
    const auto label = [&](DeliveryState state) {
        const QString text = options.stateLabel ? options.stateLabel(state) : QString();
        return text.isEmpty() ? stateName(state) : text;
    };
    const auto time = [&](const QDateTime &t) { return proofTime(t, options.zone); };

    ProofOfDelivery proof;
    proof.title = tr("Proof of delivery");
    const QDateTime sent = message->submittedAt.isValid() ? message->submittedAt : message->createdAt;
    proof.fileName = proofFileName(message->subject, sent.toTimeZone(options.zone).date());

    // Every report the evidence came from, in the order first cited: attachment N.
    QList<qint64> reportIds;
    for (const RecipientTimeline &t : message->recipients) {
        for (const Evidence &e : t.events()) {
            if (e.reportId > 0 && !reportIds.contains(e.reportId))
                reportIds.append(e.reportId);
        }
    }
    QHash<qint64, QString> attachmentName;
    for (qsizetype i = 0; i < reportIds.size(); ++i) {
        const auto report = store.report(reportIds.at(i));
        const QString kind = report ? report->kind : QString();
        attachmentName.insert(reportIds.at(i),
                              Mime::sanitizeFileName(QStringLiteral("report-%1%2.eml")
                                                         .arg(reportIds.at(i))
                                                         .arg(kind.isEmpty() ? QString() : QLatin1Char('-') + kind),
                                                     QStringLiteral("message/rfc822")));
    }

    QString html;
    html += QStringLiteral("<h1>%1</h1>").arg(esc(proof.title));
    html += QStringLiteral("<p style=\"font-size: large;\"><b>%1</b></p>")
                .arg(esc(message->subject.isEmpty() ? tr("(no subject)") : message->subject));

    // The header block.
    const auto headerRow = [](const QString &name, const QString &valueHtml) {
        return QStringLiteral("<tr><td width=\"22%\"><b>%1</b></td><td width=\"78%\">%2</td></tr>")
            .arg(esc(name), valueHtml);
    };
    QStringList recipientLines;
    for (const RecipientTimeline &t : message->recipients)
        recipientLines << QStringLiteral("%1 — %2").arg(esc(t.address()), esc(label(t.state(options.now, options.policy))));
    html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"3\">");
    html += headerRow(tr("From"), esc(message->sender));
    html += headerRow(tr("Sent"), esc(time(sent)));
    html += headerRow(tr("Message-ID"), esc(QLatin1Char('<') + message->messageId + QLatin1Char('>')));
    if (!message->envid.isEmpty())
        html += headerRow(tr("Envelope ID (ENVID)"), esc(message->envid));
    html += headerRow(tr("Recipients"), recipientLines.join(QStringLiteral("<br/>")));
    html += headerRow(tr("Proof made"), esc(time(options.now)));
    html += QStringLiteral("</table>");
    if (!message->dsnSupported)
        html += QStringLiteral("<p><i>%1</i></p>")
                    .arg(esc(tr("The outgoing server did not support delivery reports (DSN) for this message. "
                                "Failures that came back as bounces and read receipts are shown, but delivery "
                                "cannot be proven.")));
    html += QStringLiteral("<p>%1</p>")
                .arg(esc(tr("All times are given as %1.").arg(time(options.now).section(QLatin1Char(' '), 2))));

    // Per recipient: the evidence, one row per event, with headers.
    for (const RecipientTimeline &t : message->recipients) {
        html += QStringLiteral("<h2>%1</h2>")
                    .arg(esc(tr("%1 — %2", "recipient — state").arg(t.address(), label(t.state(options.now, options.policy)))));
        html += QStringLiteral("<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"4\">"
                               "<thead><tr><th width=\"31%\" align=\"left\">%1</th><th width=\"43%\" align=\"left\">%2</th>"
                               "<th width=\"26%\" align=\"left\">%3</th></tr></thead>")
                    .arg(esc(tr("Time")), esc(tr("What happened")), esc(tr("Evidence")));
        for (const Evidence &e : t.events()) {
            QStringList what{describeEvidence(e)};
            if (!e.diagnostic.isEmpty())
                what << tr("Server said: %1").arg(e.diagnostic);
            if (e.replyCode > 0 && !e.diagnostic.contains(QString::number(e.replyCode)))
                what << tr("Reply code: %1 %2").arg(e.replyCode).arg(e.status).trimmed();
            if (!e.reportingMta.isEmpty())
                what << tr("Reported by: %1").arg(e.reportingMta);
            if (!e.matchReason.isEmpty())
                what << tr("Why it may be about this message: %1").arg(e.matchReason);
            if (e.time.isValid() && e.receivedAt.isValid() && qAbs(e.time.secsTo(e.receivedAt)) > 60)
                what << tr("Dated by the reporting server: %1").arg(time(e.time));
            QStringList evidence{sourceLabel(e.source)};
            if (!e.matchedBy.isEmpty())
                evidence << tr("matched by %1, %2% sure").arg(e.matchedBy).arg(qRound(e.confidence * 100));
            if (e.isPossible())
                evidence << tr("possible, not confirmed");
            if (e.confirmedAt.isValid())
                evidence << tr("confirmed by the user on %1").arg(time(e.confirmedAt));
            if (e.reportId > 0)
                evidence << tr("attachment %1 (%2)")
                                .arg(reportIds.indexOf(e.reportId) + 1)
                                .arg(attachmentName.value(e.reportId));
            html += QStringLiteral("<tr style=\"font-size: 8pt;\"><td>%1</td><td>%2</td><td>%3</td></tr>")
                        .arg(esc(time(e.orderTime())), preWrap(what.join(QLatin1Char('\n')), false),
                             preWrap(evidence.join(QLatin1Char('\n')), false));
        }
        html += QStringLiteral("</table>");
    }

    // The appendix: each report as received, also attached as a file.
    if (!reportIds.isEmpty()) {
        html += QStringLiteral("<h2>%1</h2><p>%2</p>")
                    .arg(esc(tr("Appendix: the reports as received")),
                         esc(tr("Each report is also attached to this PDF as a file, byte for byte as it "
                                "was received.")));
    }
    for (qsizetype i = 0; i < reportIds.size(); ++i) {
        const qint64 id = reportIds.at(i);
        const auto report = store.report(id);
        const QByteArray raw = store.reportRaw(id);
        const QString name = attachmentName.value(id);
        html += QStringLiteral("<h3>%1</h3>").arg(esc(tr("Attachment %1: %2").arg(i + 1).arg(name)));
        if (report) {
            html += QStringLiteral("<p>%1<br/>%2</p>")
                        .arg(esc(tr("Received %1 from %2").arg(time(report->receivedAt), report->from)),
                             esc(tr("SHA-256: %1").arg(report->sha256)));
        }
        html += preWrap(QString::fromUtf8(raw), true);

        Pdf::EmbeddedFile file;
        file.fileName = name;
        file.description = report ? tr("Report received %1").arg(time(report->receivedAt)) : QString();
        file.mimeType = QStringLiteral("message/rfc822");
        if (report)
            file.modified = report->receivedAt.toTimeZone(options.zone);
        file.data = raw;
        proof.attachments.append(file);
    }
    proof.html = html;
    return proof;
}

} // namespace Mailtrail::Tracking
