// SPDX-License-Identifier: GPL-3.0-or-later
#include "mime/MdnBuilder.h"

#include "Ascii_p.h"
#include "mime/GMimeRuntime.h"
#include "mime/GObjectPtr_p.h"
#include "mime/MessageBuilder.h"

#include <QLocale>

#include <algorithm>

namespace Mailtrail::Mime {

using Internal::GObjectPtr;

namespace {

/// Field values are single lines; anything that could break the report structure goes.
QByteArray fieldValue(const QString &value)
{
    QString v = value;
    v.replace(QLatin1Char('\r'), QLatin1Char(' ')).replace(QLatin1Char('\n'), QLatin1Char(' '));
    return v.trimmed().toUtf8();
}

QByteArray addressType(const QString &address)
{
    for (const QChar c : address) {
        if (c.unicode() > 0x7f)
            return "utf-8"; // RFC 6533 §3
    }
    return "rfc822";
}

GObjectPtr<GMimeObject> leaf(const char *type, const char *subtype, const QByteArray &content,
                             GMimeContentEncoding encoding)
{
    GObjectPtr<GMimePart> part(g_mime_part_new_with_type(type, subtype));
    Internal::setContent(part.get(), content);
    g_mime_part_set_content_encoding(part.get(), encoding);
    return GObjectPtr<GMimeObject>::share(GMIME_OBJECT(part.get()));
}

} // namespace

BuiltMessage buildMdn(const MdnRequest &request)
{
    ensureGMimeInitialized();
    BuiltMessage out;
    static const QStringList types{QStringLiteral("displayed"), QStringLiteral("deleted"),
                                   QStringLiteral("dispatched"), QStringLiteral("processed")};
    if (!types.contains(request.dispositionType)) {
        out.error = QStringLiteral("Unknown disposition type \"%1\"").arg(request.dispositionType);
        return out;
    }
    if (request.to.trimmed().isEmpty() || request.from.address.isEmpty()) {
        out.error = QStringLiteral("A read receipt needs a sender and a recipient address");
        return out;
    }
    const QString finalRecipient = request.finalRecipient.isEmpty() ? request.from.address
                                                                      : request.finalRecipient;

    // §3.2: the machine-readable fields.
    QByteArray fields;
    fields += "Reporting-UA: " + fieldValue(request.reportingUa) + "\r\n";
    if (!request.originalRecipient.isEmpty()) {
        QString original = request.originalRecipient;
        if (!original.contains(QLatin1Char(';')))
            original = QString::fromLatin1(addressType(original)) + QLatin1Char(';') + original;
        fields += "Original-Recipient: " + fieldValue(original) + "\r\n";
    }
    fields += "Final-Recipient: " + addressType(finalRecipient) + ";" + fieldValue(finalRecipient) + "\r\n";
    if (!request.originalMessageId.isEmpty())
        fields += "Original-Message-ID: " + fieldValue(QString::fromUtf8(request.originalMessageId)) + "\r\n";
    fields += "Disposition: "
        + QByteArray(request.automatic ? "automatic-action/MDN-sent-automatically"
                                       : "manual-action/MDN-sent-manually")
        + "; " + request.dispositionType.toLatin1() + "\r\n";

    // The human-readable part, in the reader's words.
    const QDateTime date = request.date.isValid() ? request.date : QDateTime::currentDateTime();
    QString text;
    if (request.dispositionType == QLatin1String("displayed")) {
        text = QStringLiteral("The message \"%1\" that you sent to %2 was displayed on %3.\r\n"
                              "This does not guarantee that it was read or understood.\r\n")
                   .arg(request.originalSubject, finalRecipient,
                        QLocale::c().toString(date.toUTC(), QStringLiteral("d MMM yyyy HH:mm 'UTC'")));
    } else {
        text = QStringLiteral("The message \"%1\" that you sent to %2 was %3 on %4 without being "
                              "displayed.\r\n")
                   .arg(request.originalSubject, finalRecipient, request.dispositionType,
                        QLocale::c().toString(date.toUTC(), QStringLiteral("d MMM yyyy HH:mm 'UTC'")));
    }

    GObjectPtr<GMimeMultipart> report(g_mime_multipart_new_with_subtype("report"));
    g_mime_object_set_content_type_parameter(GMIME_OBJECT(report.get()), "report-type",
                                             "disposition-notification");
    GObjectPtr<GMimeObject> human = leaf("text", "plain", text.toUtf8(),
                                         GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);
    g_mime_object_set_content_type_parameter(human.get(), "charset", "utf-8");
    g_mime_multipart_add(report.get(), human.get());
    const bool eightBitFields = !isAscii(fields);
    GObjectPtr<GMimeObject> machine = leaf("message", "disposition-notification", fields,
                                           eightBitFields ? GMIME_CONTENT_ENCODING_8BIT
                                                          : GMIME_CONTENT_ENCODING_7BIT);
    g_mime_multipart_add(report.get(), machine.get());
    if (!request.originalHeaders.isEmpty()) {
        QByteArray headers = request.originalHeaders;
        const qsizetype end = headers.indexOf("\r\n\r\n");
        if (end >= 0)
            headers.truncate(end + 2);
        GObjectPtr<GMimeObject> original = leaf("text", "rfc822-headers", headers,
                                                GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);
        g_mime_multipart_add(report.get(), original.get());
    }

    GObjectPtr<GMimeMessage> message(g_mime_message_new(TRUE));
    g_mime_message_add_mailbox(message.get(), GMIME_ADDRESS_TYPE_FROM,
                               request.from.name.toUtf8().constData(),
                               request.from.address.toUtf8().constData());
    g_mime_message_add_mailbox(message.get(), GMIME_ADDRESS_TYPE_TO, nullptr,
                               request.to.trimmed().toUtf8().constData());
    const QString subject = (request.dispositionType == QLatin1String("displayed")
                                 ? QStringLiteral("Read: %1")
                                 : QStringLiteral("Disposition notification: %1"))
                                .arg(request.originalSubject);
    g_mime_message_set_subject(message.get(), subject.toUtf8().constData(), "utf-8");
    GDateTime *gdate = g_date_time_new_from_unix_utc(date.toSecsSinceEpoch());
    g_mime_message_set_date(message.get(), gdate);
    g_date_time_unref(gdate);
    out.messageId = MessageBuilder::generateMessageId(request.from.domain());
    g_mime_message_set_message_id(message.get(), out.messageId.mid(1, out.messageId.size() - 2).constData());
    GMimeObject *object = GMIME_OBJECT(message.get());
    if (!request.originalMessageId.isEmpty()) {
        g_mime_object_set_header(object, "In-Reply-To", request.originalMessageId.constData(), nullptr);
        g_mime_object_set_header(object, "References", request.originalMessageId.constData(), nullptr);
    }
    // RFC 3834 §5: an automatic response says so, so that nobody answers it automatically.
    if (request.automatic)
        g_mime_object_set_header(object, "Auto-Submitted", "auto-replied", nullptr);
    g_mime_message_set_mime_part(message.get(), GMIME_OBJECT(report.get()));

    if (!Internal::writeCrlf(object, &out.bytes)) {
        out.error = QStringLiteral("GMime could not write the read receipt");
        out.bytes.clear();
        return out;
    }
    out.envelope.mailFrom = QString(); // null reverse-path, RFC 8098 §2.1
    out.envelope.recipients = {request.to.trimmed()};
    out.envelope.requires8BitMime = eightBitFields;
    return out;
}

} // namespace Mailtrail::Mime
