// SPDX-License-Identifier: GPL-3.0-or-later
#include "smtp/SubmissionResult.h"

#include <QRegularExpression>

namespace Mailtrail::Smtp {

bool SubmissionResult::sent() const
{
    if (!finalReply.isCompletion())
        return false;
    for (const RecipientResult &r : recipients) {
        if (r.accepted)
            return true;
    }
    return false;
}

QList<RecipientResult> SubmissionResult::refusedRecipients() const
{
    QList<RecipientResult> out;
    for (const RecipientResult &r : recipients) {
        if (!r.rcptAccepted)
            out.append(r);
    }
    return out;
}

bool SubmissionError::isTemporary() const
{
    if (replyCode >= 400 && replyCode < 500)
        return true;
    if (category == Category::Connection) {
        using K = Net::TransportError::Kind;
        switch (transport.kind) {
        case K::CertificateRejected:
        case K::StartTlsUnavailable:
        case K::PlaintextNotAllowed:
        case K::HostNotFound:
            return false;
        default:
            return true;
        }
    }
    return false;
}

QString SubmissionError::message() const
{
    QString text = detail;
    if (replyCode != 0) {
        QString reply = QString::number(replyCode);
        if (enhanced.isValid())
            reply += QLatin1Char(' ') + enhanced.toString();
        if (!serverText.isEmpty())
            reply += QLatin1Char(' ') + serverText;
        text += (text.isEmpty() ? QString() : QStringLiteral(" ")) + QStringLiteral("The server said: %1").arg(reply);
    }
    if (transport.isError())
        text += (text.isEmpty() ? QString() : QStringLiteral(" ")) + transport.message();
    return text;
}

QString parseQueueId(const QString &text)
{
    static const QRegularExpression postfix(QStringLiteral("queued as ([A-Za-z0-9._-]+)"),
                                            QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression exim(QStringLiteral("\\bid=([A-Za-z0-9._-]+)"));
    static const QRegularExpression sendmail(QStringLiteral("^([A-Za-z0-9]+) Message accepted for delivery"),
                                             QRegularExpression::CaseInsensitiveOption);
    for (const auto *re : {&postfix, &exim, &sendmail}) {
        const auto match = re->match(text);
        if (match.hasMatch())
            return match.captured(1);
    }
    return {};
}

} // namespace Mailtrail::Smtp
