// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/MessageRecord.h"

#include "reports/ReportPreCheck.h"

#include "Ascii_p.h"
#include "mime/HeaderReader.h"

#include <QDateTime>
#include <QStringDecoder>
#include <QStringEncoder>
#include <QStringList>

#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>

namespace Mailtrail::Store {

QByteArrayList summaryHeaderFields()
{
    return {"FROM", "TO", "CC", "BCC", "SUBJECT", "DATE", "MESSAGE-ID", "IN-REPLY-TO", "REFERENCES",
            "CONTENT-TYPE", "AUTO-SUBMITTED", "RETURN-PATH", "DISPOSITION-NOTIFICATION-TO",
            "DISPOSITION-NOTIFICATION-OPTIONS", "ORIGINAL-RECIPIENT"};
}

namespace {

QString messageIds(const QString &value)
{
    if (value.count(QLatin1Char('<')) == 1 && value.startsWith(QLatin1Char('<')) && value.endsWith(QLatin1Char('>')))
        return value; // the usual single id
    QStringList ids;
    qsizetype pos = 0;
    while (true) {
        const qsizetype lt = value.indexOf(QLatin1Char('<'), pos);
        if (lt < 0)
            break;
        const qsizetype gt = value.indexOf(QLatin1Char('>'), lt);
        if (gt < 0)
            break;
        ids << value.mid(lt, gt - lt + 1);
        pos = gt + 1;
    }
    if (ids.isEmpty())
        return value.trimmed();
    return ids.join(QLatin1Char(' '));
}


} // namespace

QString decodeHeaderText(QByteArrayView value)
{
    return Mime::decodeHeaderText(value);
}

bool looksLikeReport(QByteArrayView contentType, QByteArrayView autoSubmitted, QByteArrayView returnPath,
                     QByteArrayView fromAddress, QByteArrayView subject)
{
    // The decision belongs to core/reports (issue #15 §3): one pre-check, scored on the corpus.
    return Reports::mightBeReport({contentType, autoSubmitted, returnPath, fromAddress, subject});
}

// --- CacheRow ---

void CacheRow::beginText(Text column)
{
    m_spans[column] = {quint32(m_text.size()), 0};
}

void CacheRow::appendText(Text column, QByteArrayView utf8)
{
    // Columns are written one after the other: only the last one begun can grow in place.
    Q_ASSERT(m_spans[column].first + m_spans[column].second == quint32(m_text.size()));
    if (utf8.isEmpty())
        return;
    const qsizetype before = m_text.size();
    const char *own = m_text.constData();
    if (utf8.data() >= own && utf8.data() < own + m_text.capacity()) {
        m_text.append(utf8); // a copy of this row's own text: append() keeps the source valid
    } else {
        // resize() and memcpy: QByteArray::append() goes through the general insert(), which
        // cost more than the copy for the ~7 short values of every cached message.
        m_text.resize(before + utf8.size());
        std::memcpy(m_text.data() + before, utf8.data(), size_t(utf8.size()));
    }
    m_spans[column].second += quint32(utf8.size());
}

void CacheRow::appendText(Text column, QStringView text)
{
    Q_ASSERT(m_spans[column].first + m_spans[column].second == quint32(m_text.size()));
    QStringEncoder utf8(QStringEncoder::Utf8, QStringEncoder::Flag::Stateless);
    const qsizetype before = m_text.size();
    m_text.resize(before + utf8.requiredSpace(text.size()));
    char *end = utf8.appendToBuffer(m_text.data() + before, text);
    m_text.truncate(end - m_text.constData());
    m_spans[column].second += quint32(m_text.size() - before);
}

void CacheRow::setText(Text column, QByteArrayView utf8)
{
    beginText(column);
    appendText(column, utf8);
}

void CacheRow::setText(Text column, QStringView text)
{
    beginText(column);
    appendText(column, text);
}

bool isSessionFlag(QByteArrayView flag)
{
    return flag.size() == 7 && flag[0] == '\\' && qstrnicmp(flag.data() + 1, 6, "Recent", 6) == 0;
}

QByteArrayList storedFlags(QByteArrayList flags)
{
    flags.removeIf([](const QByteArray &flag) { return isSessionFlag(flag); });
    return flags;
}

void CacheRow::setFlags(const QByteArrayList &flags)
{
    beginText(Flags);
    seen = false;
    bool first = true;
    for (const QByteArray &flag : flags) {
        if (isSessionFlag(flag))
            continue;
        if (!first)
            appendText(Flags, QByteArrayView(" "));
        first = false;
        appendText(Flags, flag);
        if (flag == "\\Seen")
            seen = true;
    }
}

MessageRecord CacheRow::toRecord() const
{
    MessageRecord r;
    r.uid = uid;
    r.modseq = modseq;
    r.flags = text(Flags).toByteArray().split(' ');
    r.flags.removeAll(QByteArray());
    r.size = size;
    r.date = date;
    r.subject = QString::fromUtf8(text(Subject));
    r.fromName = QString::fromUtf8(text(FromName));
    r.fromAddress = QString::fromUtf8(text(FromAddress));
    r.toAddresses = QString::fromUtf8(text(ToAddresses));
    r.ccAddresses = QString::fromUtf8(text(CcAddresses));
    r.bccAddresses = QString::fromUtf8(text(BccAddresses));
    r.messageId = QString::fromUtf8(text(MessageId));
    r.inReplyTo = QString::fromUtf8(text(InReplyTo));
    r.references = QString::fromUtf8(text(References));
    r.contentType = QString::fromUtf8(text(ContentType));
    r.looksLikeReport = looksLikeReport;
    r.dispositionNotificationTo = QString::fromUtf8(text(DispositionNotificationTo));
    r.dispositionNotificationOptions = QString::fromUtf8(text(DispositionNotificationOptions));
    r.returnPath = QString::fromUtf8(text(ReturnPath));
    r.originalRecipient = QString::fromUtf8(text(OriginalRecipient));
    return r;
}

CacheRow CacheRow::fromRecord(const MessageRecord &r)
{
    CacheRow row;
    row.uid = r.uid;
    row.modseq = r.modseq;
    row.size = r.size;
    row.date = r.date;
    row.looksLikeReport = r.looksLikeReport;
    row.setFlags(r.flags);
    row.setText(Subject, r.subject);
    row.setText(FromName, r.fromName);
    row.setText(FromAddress, r.fromAddress);
    row.setText(ToAddresses, r.toAddresses);
    row.setText(CcAddresses, r.ccAddresses);
    row.setText(BccAddresses, r.bccAddresses);
    row.setText(MessageId, r.messageId);
    row.setText(InReplyTo, r.inReplyTo);
    row.setText(References, r.references);
    row.setText(ContentType, r.contentType);
    row.setText(DispositionNotificationTo, r.dispositionNotificationTo);
    row.setText(DispositionNotificationOptions, r.dispositionNotificationOptions);
    row.setText(ReturnPath, r.returnPath);
    row.setText(OriginalRecipient, r.originalRecipient);
    return row;
}

// --- header summary ---

namespace {

enum class Field { Other, Subject, From, To, Cc, Bcc, Date, MessageId, InReplyTo, References, ContentType,
                   AutoSubmitted, ReturnPath, DispositionNotificationTo, DispositionNotificationOptions,
                   OriginalRecipient };

Field fieldOf(QByteArrayView name)
{
    static constexpr std::pair<std::string_view, Field> names[] = {
        {"Subject", Field::Subject}, {"From", Field::From}, {"To", Field::To}, {"Cc", Field::Cc},
        {"Bcc", Field::Bcc},
        {"Date", Field::Date}, {"Message-ID", Field::MessageId}, {"In-Reply-To", Field::InReplyTo},
        {"References", Field::References}, {"Content-Type", Field::ContentType},
        {"Auto-Submitted", Field::AutoSubmitted}, {"Return-Path", Field::ReturnPath},
        {"Disposition-Notification-To", Field::DispositionNotificationTo},
        {"Disposition-Notification-Options", Field::DispositionNotificationOptions},
        {"Original-Recipient", Field::OriginalRecipient},
    };
    if (name.isEmpty())
        return Field::Other;
    const char first = char(name[0] | 0x20);
    for (const auto &[text, field] : names) {
        if (qsizetype(text.size()) != name.size() || char(text[0] | 0x20) != first)
            continue;
        // ASCII letters without case, inline: qstrnicmp() was a twentieth of the parsing.
        qsizetype i = 1;
        while (i < name.size() && toLowerAscii(name[i]) == toLowerAscii(text[size_t(i)]))
            ++i;
        if (i == name.size())
            return field;
    }
    return Field::Other;
}

/// QString::simplified() of ASCII text, appended.
void appendSimplified(CacheRow &row, CacheRow::Text column, QByteArrayView v)
{
    qsizetype i = 0;
    bool first = true;
    while (i < v.size()) {
        while (i < v.size() && isSpaceAscii(v[i]))
            ++i;
        const qsizetype start = i;
        while (i < v.size() && !isSpaceAscii(v[i]))
            ++i;
        if (i == start)
            break;
        if (!first)
            row.appendText(column, QByteArrayView(" "));
        row.appendText(column, v.sliced(start, i - start));
        first = false;
    }
}

using Mime::simpleMailbox;

bool isPlain(QByteArrayView v)
{
    return Mime::isPlainHeader(v);
}

/// An address-list header (To, Cc, Disposition-Notification-To): addr-specs, ", " separated.
void setAddressList(CacheRow &row, CacheRow::Text column, QByteArrayView value)
{
    row.beginText(column);
    QByteArrayView name;
    QByteArrayView address;
    if (isPlain(value) && simpleMailbox(value, name, address)) {
        row.appendText(column, address);
        return;
    }
    const QList<Mime::Mailbox> list = Mime::parseAddressList(value, Mime::Names::Skipped); // addresses only
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (i > 0)
            row.appendText(column, QByteArrayView(", "));
        row.appendText(column, QStringView(list[i].address));
    }
}

void setMessageIds(CacheRow &row, CacheRow::Text column, QByteArrayView value)
{
    if (!isAscii(value)) {
        row.setText(column, QStringView(messageIds(QString::fromUtf8(value))));
        return;
    }
    row.beginText(column);
    if (value.startsWith('<') && value.endsWith('>') && indexOfByte(value, '<', 1) < 0) {
        row.appendText(column, value); // the usual single id
        return;
    }
    qsizetype pos = 0;
    bool any = false;
    while (true) {
        const qsizetype lt = value.indexOf('<', pos);
        if (lt < 0)
            break;
        const qsizetype gt = value.indexOf('>', lt);
        if (gt < 0)
            break;
        if (any)
            row.appendText(column, QByteArrayView(" "));
        row.appendText(column, value.sliced(lt, gt - lt + 1));
        any = true;
        pos = gt + 1;
    }
    if (!any)
        row.appendText(column, value.trimmed());
}

} // namespace

void fillFromHeaders(CacheRow &row, QByteArrayView raw)
{
    row.reserve(row.textSize() + raw.size() + 64);
    QByteArrayView autoSubmitted;
    QByteArrayView returnPath;
    bool seenReturnPath = false;
    QByteArray unfolded;      // a folded value without its line breaks
    QByteArray keptUnfolded;  // Auto-Submitted / Return-Path when they were folded
    qsizetype pos = 0;
    while (pos < raw.size()) {
        // One field, with its folded continuation lines (RFC 5322 §2.2.3).
        qsizetype end = pos;
        bool folded = false;
        while (true) {
            const qsizetype nl = indexOfByte(raw, '\n', end);
            if (nl < 0) {
                end = raw.size();
                break;
            }
            end = nl + 1;
            if (end >= raw.size() || (raw[end] != ' ' && raw[end] != '\t'))
                break;
            folded = true;
        }
        const QByteArrayView line = raw.sliced(pos, end - pos);
        pos = end;
        const qsizetype colon = indexOfByte(line, ':');
        if (colon <= 0)
            continue;
        const Field field = fieldOf(trimmedAscii(line.first(colon)));
        if (field == Field::Other)
            continue;
        QByteArrayView value = trimmedAscii(line.sliced(colon + 1));
        if (folded && containsByte(value, '\n')) {
            // The runs between line breaks (CRLF or LF), appended whole: long References
            // are folded on every line.
            unfolded.clear();
            unfolded.reserve(value.size());
            for (qsizetype from = 0; from < value.size();) {
                qsizetype nl = indexOfByte(value, '\n', from);
                if (nl < 0)
                    nl = value.size();
                const qsizetype runEnd = nl > from && value[nl - 1] == '\r' ? nl - 1 : nl;
                unfolded.append(value.sliced(from, runEnd - from));
                from = nl + 1;
            }
            value = trimmedAscii(QByteArrayView(unfolded));
            if (field == Field::AutoSubmitted || field == Field::ReturnPath) {
                keptUnfolded = value.toByteArray();
                value = keptUnfolded;
            }
        }
        switch (field) {
        case Field::Subject:
            if (isPlain(value)) {
                row.beginText(CacheRow::Subject);
                appendSimplified(row, CacheRow::Subject, value);
            } else {
                row.setText(CacheRow::Subject, QStringView(simplifiedText(decodeHeaderText(value))));
            }
            break;
        case Field::From: {
            QByteArrayView name;
            QByteArrayView address;
            if (isPlain(value) && simpleMailbox(value, name, address)) {
                if (!address.isEmpty()) {
                    row.setText(CacheRow::FromName, name);
                    row.setText(CacheRow::FromAddress, address);
                }
            } else if (const QList<Mime::Mailbox> list = Mime::parseAddressList(value); !list.isEmpty()) {
                row.setText(CacheRow::FromName, QStringView(list.first().name));
                row.setText(CacheRow::FromAddress, QStringView(list.first().address));
            }
            break;
        }
        case Field::To:
            setAddressList(row, CacheRow::ToAddresses, value);
            break;
        case Field::Cc:
            setAddressList(row, CacheRow::CcAddresses, value);
            break;
        case Field::Bcc:
            setAddressList(row, CacheRow::BccAddresses, value);
            break;
        case Field::Date:
            row.date = Mime::parseDate(value).value_or(0);
            break;
        case Field::MessageId:
            setMessageIds(row, CacheRow::MessageId, value);
            break;
        case Field::InReplyTo:
            setMessageIds(row, CacheRow::InReplyTo, value);
            break;
        case Field::References:
            setMessageIds(row, CacheRow::References, value);
            break;
        case Field::ContentType: {
            const qsizetype semi = indexOfByte(value, ';');
            const QByteArrayView type = trimmedAscii(value.first(semi < 0 ? value.size() : semi));
            char lower[128];
            if (isAscii(type) && type.size() <= qsizetype(sizeof lower)) {
                for (qsizetype i = 0; i < type.size(); ++i)
                    lower[i] = toLowerAscii(type[i]);
                row.setText(CacheRow::ContentType, QByteArrayView(lower, type.size()));
            } else {
                row.setText(CacheRow::ContentType, QStringView(QString::fromLatin1(type).toLower()));
            }
            break;
        }
        case Field::AutoSubmitted:
            autoSubmitted = value;
            break;
        case Field::ReturnPath: {
            // The first one counts: the final MTA prepends it (RFC 5321 §4.4); a later one
            // came with the message (a forward, a resent copy) and is nobody's reverse path
            // here. RFC 8098 §2.1 compares it with Disposition-Notification-To.
            if (seenReturnPath)
                break;
            seenReturnPath = true;
            returnPath = value;
            QByteArrayView name;
            QByteArrayView address;
            if (value == "<>" || value == "< >") {
                row.setText(CacheRow::ReturnPath, QByteArrayView("<>"));
            } else if (isAscii(value) && simpleMailbox(value, name, address)) {
                row.setText(CacheRow::ReturnPath, address);
            } else {
                const QList<Mime::Mailbox> list = Mime::parseAddressList(value, Mime::Names::Skipped);
                row.setText(CacheRow::ReturnPath, list.isEmpty() ? QStringView() : QStringView(list.first().address));
            }
            break;
        }
        case Field::DispositionNotificationTo:
            setAddressList(row, CacheRow::DispositionNotificationTo, value);
            break;
        case Field::DispositionNotificationOptions:
        case Field::OriginalRecipient: {
            const CacheRow::Text column = field == Field::OriginalRecipient ? CacheRow::OriginalRecipient
                                                                            : CacheRow::DispositionNotificationOptions;
            if (isAscii(value))
                row.setText(column, value);
            else
                row.setText(column, QStringView(QString::fromUtf8(value)));
            break;
        }
        case Field::Other:
            break;
        }
    }
    row.looksLikeReport = looksLikeReport(row.text(CacheRow::ContentType), autoSubmitted, returnPath,
                                          row.text(CacheRow::FromAddress), row.text(CacheRow::Subject));
}

void fillFromHeaders(MessageRecord &record, QByteArrayView raw)
{
    CacheRow row;
    fillFromHeaders(row, raw);
    MessageRecord parsed = row.toRecord();
    // What does not come from the headers stays: identity and IMAP state.
    parsed.id = record.id;
    parsed.folderId = record.folderId;
    parsed.uid = record.uid;
    parsed.modseq = record.modseq;
    parsed.flags = record.flags;
    parsed.size = record.size;
    record = std::move(parsed);
}

} // namespace Mailtrail::Store
