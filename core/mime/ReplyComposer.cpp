// SPDX-License-Identifier: GPL-3.0-or-later
#include "mime/ReplyComposer.h"

#include "mime/MessageBuilder.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>

namespace Mailtrail::Mime {

namespace {

/// The date in the attribution line and the forward block, in the user's language: the
/// format is translated ("ddd, d. MMM yyyy HH:mm" in German) and the names come from the
/// locale the format belongs to (day and month names in English for the English format).
QString dateText(const QDateTime &date)
{
    if (!date.isValid())
        return QCoreApplication::translate("Mailtrail::Mime::ReplyComposer", "an unknown date");
    const QString format = QCoreApplication::translate("Mailtrail::Mime::ReplyComposer", "ddd, d MMM yyyy hh:mm",
                              "QDateTime format of the date in a reply's attribution line and a forwarded "
                              "message's header block; day and month names are in the user's language");
    const QLocale locale = format == QLatin1String("ddd, d MMM yyyy hh:mm") ? QLocale::c() : QLocale();
    return locale.toString(date, format);
}

QString addressList(const QList<Mailbox> &list)
{
    QStringList out;
    for (const Mailbox &mailbox : list)
        out.append(mailbox.toDisplayString());
    return out.join(QStringLiteral(", "));
}

QList<QByteArray> threadReferences(const MessageHeaders &headers)
{
    QList<QByteArray> references = headers.references;
    // RFC 5322 §3.6.4: without References, In-Reply-To (a single id) stands in for them.
    if (references.isEmpty() && !headers.inReplyTo.isEmpty())
        references.append(headers.inReplyTo);
    if (!headers.messageId.isEmpty())
        references.append(headers.messageId);
    return MessageBuilder::trimReferences(references);
}

} // namespace

QString ReplyComposer::attribution(const MessageHeaders &headers)
{
    const Mailbox sender = headers.from.value(0);
    const QString who = sender.name.isEmpty() ? (sender.address.isEmpty() ? QCoreApplication::translate("Mailtrail::Mime::ReplyComposer", "someone") : sender.address)
                                              : sender.name;
    return QCoreApplication::translate("Mailtrail::Mime::ReplyComposer", "On %1, %2 wrote:", "a reply's attribution line: %1 the date, %2 the sender").arg(dateText(headers.date), who);
}

QString ReplyComposer::quote(const QString &text)
{
    QString normalised = text;
    normalised.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    QStringList lines = normalised.split(QLatin1Char('\n'));
    while (!lines.isEmpty() && lines.constLast().trimmed().isEmpty())
        lines.removeLast();
    for (QString &line : lines)
        line = (line.startsWith(QLatin1Char('>')) ? QStringLiteral(">") : QStringLiteral("> ")) + line;
    return lines.join(QLatin1Char('\n'));
}

QString ReplyComposer::replySubject(const QString &subject)
{
    static const QRegularExpression prefix(QStringLiteral("^\\s*(re|aw|sv|antw)\\s*(\\[\\d+\\])?\\s*:\\s*"),
                                           QRegularExpression::CaseInsensitiveOption);
    QString bare = subject.trimmed();
    while (prefix.match(bare).hasMatch())
        bare.remove(prefix);
    return QStringLiteral("Re: ") + bare;
}

QString ReplyComposer::forwardSubject(const QString &subject)
{
    const QString trimmed = subject.trimmed();
    if (trimmed.startsWith(QLatin1String("Fwd:"), Qt::CaseInsensitive))
        return trimmed;
    return QStringLiteral("Fwd: ") + trimmed;
}

OutgoingMessage ReplyComposer::reply(const ParsedMessage &original, const Mailbox &identity, ReplyMode mode)
{
    const MessageHeaders &h = original.headers;
    OutgoingMessage out;
    out.from = identity;
    out.to = h.replyTo.isEmpty() ? h.from : h.replyTo;
    if (mode == ReplyMode::All) {
        QSet<QString> seen{identity.address.toLower()};
        for (const Mailbox &mailbox : std::as_const(out.to))
            seen.insert(mailbox.address.toLower());
        for (const Mailbox &mailbox : h.to + h.cc) {
            if (seen.contains(mailbox.address.toLower()))
                continue;
            seen.insert(mailbox.address.toLower());
            out.cc.append(mailbox);
        }
    }
    out.subject = replySubject(h.subject);
    out.inReplyTo = h.messageId;
    out.references = threadReferences(h);
    out.plainText = attribution(h) + QLatin1Char('\n') + quote(original.bodyText()) + QStringLiteral("\n\n");
    return out;
}

OutgoingMessage ReplyComposer::forward(const ParsedMessage &original, const Mailbox &identity, ForwardMode mode)
{
    const MessageHeaders &h = original.headers;
    OutgoingMessage out;
    out.from = identity;
    out.subject = forwardSubject(h.subject);
    if (mode == ForwardMode::Attachment) {
        OutgoingAttachment attachment;
        attachment.kind = OutgoingAttachment::Kind::Message;
        attachment.fileName = (h.subject.trimmed().isEmpty() ? QStringLiteral("message") : h.subject.trimmed().left(100))
            + QStringLiteral(".eml");
        attachment.mimeType = QStringLiteral("message/rfc822");
        attachment.data = original.raw;
        out.attachments.append(attachment);
        return out;
    }
    QStringList block{QCoreApplication::translate("Mailtrail::Mime::ReplyComposer", "-------- Forwarded Message --------")};
    block.append(QCoreApplication::translate("Mailtrail::Mime::ReplyComposer", "Subject: %1").arg(h.subject));
    block.append(QCoreApplication::translate("Mailtrail::Mime::ReplyComposer", "Date: %1").arg(dateText(h.date)));
    block.append(QCoreApplication::translate("Mailtrail::Mime::ReplyComposer", "From: %1").arg(addressList(h.from)));
    if (!h.to.isEmpty())
        block.append(QCoreApplication::translate("Mailtrail::Mime::ReplyComposer", "To: %1").arg(addressList(h.to)));
    if (!h.cc.isEmpty())
        block.append(QCoreApplication::translate("Mailtrail::Mime::ReplyComposer", "Cc: %1").arg(addressList(h.cc)));
    out.plainText = QStringLiteral("\n\n") + block.join(QLatin1Char('\n')) + QStringLiteral("\n\n") + original.bodyText();
    for (const MessagePart *part : original.attachments()) {
        OutgoingAttachment attachment;
        attachment.fileName = part->fileName;
        attachment.data = part->content;
        if (part->embedded) {
            attachment.kind = OutgoingAttachment::Kind::Message;
            attachment.mimeType = QStringLiteral("message/rfc822");
        } else {
            attachment.mimeType = QString::fromLatin1(part->contentType);
        }
        out.attachments.append(attachment);
    }
    return out;
}

} // namespace Mailtrail::Mime
