// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/MessageRecord.h"

#include "reports/ReportPreCheck.h"

#include "Ascii_p.h"

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
    return {"FROM", "TO", "CC", "SUBJECT", "DATE", "MESSAGE-ID", "IN-REPLY-TO", "REFERENCES",
            "CONTENT-TYPE", "AUTO-SUBMITTED", "RETURN-PATH", "DISPOSITION-NOTIFICATION-TO",
            "DISPOSITION-NOTIFICATION-OPTIONS", "ORIGINAL-RECIPIENT"};
}

namespace {

QString decodeCharset(const QByteArray &charset, const QByteArray &bytes)
{
    const QByteArray lower = charset.toLower();
    if (lower == "utf-8" || lower == "us-ascii" || lower == "utf8")
        return QString::fromUtf8(bytes);
    if (lower == "iso-8859-1" || lower == "latin1")
        return QString::fromLatin1(bytes);
    QStringDecoder decoder(charset.constData());
    if (!decoder.isValid())
        return QString::fromLatin1(bytes);
    return decoder.decode(bytes);
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

/// One encoded word `=?charset?B|Q?text?=` (RFC 2047 §2) at @p pos, or false.
bool decodeWord(QByteArrayView value, qsizetype pos, qsizetype &end, QString &out)
{
    if (pos + 1 >= value.size() || value[pos] != '=' || value[pos + 1] != '?')
        return false;
    const qsizetype q1 = value.indexOf('?', pos + 2);
    if (q1 < 0 || q1 + 2 >= value.size() || value[q1 + 2] != '?')
        return false;
    const char enc = char(value[q1 + 1] | 0x20);
    const qsizetype q3 = value.indexOf("?=", q1 + 3);
    if (q3 < 0)
        return false;
    QByteArray charset = value.sliced(pos + 2, q1 - pos - 2).toByteArray();
    if (const qsizetype star = charset.indexOf('*'); star >= 0)
        charset.truncate(star); // RFC 2231 language
    const QByteArrayView text = value.sliced(q1 + 3, q3 - q1 - 3);
    QByteArray bytes;
    if (enc == 'b') {
        bytes = QByteArray::fromBase64(text.toByteArray());
    } else if (enc == 'q') {
        bytes.reserve(text.size());
        for (qsizetype i = 0; i < text.size(); ++i) {
            const char c = text[i];
            if (c == '_') {
                bytes += ' ';
            } else if (c == '=' && i + 2 < text.size() + 0 && hexValue(text[i + 1]) >= 0 && hexValue(text[i + 2]) >= 0) {
                bytes += char(hexValue(text[i + 1]) * 16 + hexValue(text[i + 2]));
                i += 2;
            } else {
                bytes += c;
            }
        }
    } else {
        return false;
    }
    out += decodeCharset(charset, bytes);
    end = q3 + 2;
    return true;
}

QString stripComments(const QString &s)
{
    QString out;
    int depth = 0;
    bool quoted = false;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s[i];
        if (quoted) {
            if (c == QLatin1Char('\\') && i + 1 < s.size()) {
                out += c;
                out += s[++i];
                continue;
            }
            if (c == QLatin1Char('"'))
                quoted = false;
            out += c;
            continue;
        }
        if (depth == 0 && c == QLatin1Char('"')) {
            quoted = true;
            out += c;
        } else if (c == QLatin1Char('(')) {
            ++depth;
        } else if (c == QLatin1Char(')') && depth > 0) {
            --depth;
        } else if (depth == 0) {
            out += c;
        }
    }
    return out;
}

struct Mailbox
{
    QString name;
    QString address;
};

QString unquote(QString s)
{
    s = s.trimmed();
    if (s.size() >= 2 && s.startsWith(QLatin1Char('"')) && s.endsWith(QLatin1Char('"'))) {
        s = s.mid(1, s.size() - 2);
        s.replace(QLatin1String("\\\""), QLatin1String("\""));
        s.replace(QLatin1String("\\\\"), QLatin1String("\\"));
    }
    return s;
}

/// Splits an address-list (RFC 5322 §3.4) into mailboxes; groups are flattened.
QList<Mailbox> parseAddressList(const QString &decoded)
{
    QList<Mailbox> out;
    // Fast path: one plain mailbox, "Name <addr>" or "addr" (most headers).
    bool simple = true;
    for (const QChar c : decoded) {
        const char16_t u = c.unicode();
        if (u == u'"' || u == u'(' || u == u',' || u == u';' || u == u':' || u == u'\\') {
            simple = false;
            break;
        }
    }
    if (simple) {
        const qsizetype lt = decoded.lastIndexOf(QLatin1Char('<'));
        const qsizetype gt = decoded.lastIndexOf(QLatin1Char('>'));
        Mailbox m;
        if (lt >= 0 && gt > lt) {
            m.address = decoded.mid(lt + 1, gt - lt - 1).trimmed();
            m.name = decoded.left(lt).trimmed();
        } else {
            m.address = decoded.trimmed();
        }
        if (!m.address.isEmpty())
            out.append(m);
        return out;
    }
    const QString s = decoded.contains(QLatin1Char('(')) ? stripComments(decoded) : decoded;
    QString current;
    bool quoted = false;
    bool angle = false;
    const auto flush = [&]() {
        QString item = current.trimmed();
        current.clear();
        if (const qsizetype colon = item.indexOf(QLatin1Char(':')); colon >= 0 && !item.contains(QLatin1Char('<'))
            && !item.left(colon).contains(QLatin1Char('@')))
            item = item.mid(colon + 1).trimmed(); // group display name
        if (item.endsWith(QLatin1Char(';')))
            item.chop(1);
        if (item.isEmpty())
            return;
        Mailbox m;
        const qsizetype lt = item.lastIndexOf(QLatin1Char('<'));
        const qsizetype gt = item.lastIndexOf(QLatin1Char('>'));
        if (lt >= 0 && gt > lt) {
            m.address = item.mid(lt + 1, gt - lt - 1).trimmed();
            m.name = unquote(item.left(lt));
        } else {
            m.address = item;
        }
        out.append(m);
    };
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s[i];
        if (quoted) {
            current += c;
            if (c == QLatin1Char('\\') && i + 1 < s.size())
                current += s[++i];
            else if (c == QLatin1Char('"'))
                quoted = false;
            continue;
        }
        if (c == QLatin1Char('"'))
            quoted = true;
        else if (c == QLatin1Char('<'))
            angle = true;
        else if (c == QLatin1Char('>'))
            angle = false;
        if ((c == QLatin1Char(',') || c == QLatin1Char(';')) && !angle) {
            if (c == QLatin1Char(';'))
                current += c;
            flush();
            continue;
        }
        current += c;
    }
    flush();
    return out;
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
qint64 daysFromCivil(qint64 y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + qint64(doe) - 719468;
}

/// The common RFC 5322 §3.3 form "[Day, ]DD Mon YYYY HH:MM[:SS] +ZZZZ", without allocating.
/// Returns -1 when the value is in any other shape (the slow path handles those).
qint64 parseDateFast(QByteArrayView v)
{
    qsizetype i = 0;
    const auto skipSpaces = [&] {
        while (i < v.size() && (v[i] == ' ' || v[i] == '\t'))
            ++i;
    };
    const auto number = [&](int maxDigits, int &out) {
        int n = 0;
        int digits = 0;
        while (i < v.size() && v[i] >= '0' && v[i] <= '9' && digits < maxDigits) {
            n = n * 10 + (v[i] - '0');
            ++i;
            ++digits;
        }
        out = n;
        return digits > 0;
    };
    skipSpaces();
    if (i + 3 < v.size() && v[i + 3] == ',') {
        i += 4;
        skipSpaces();
    }
    int day = 0, year = 0, hour = 0, minute = 0, second = 0;
    if (!number(2, day))
        return -1;
    skipSpaces();
    if (i + 3 > v.size())
        return -1;
    static const char months[] = "janfebmaraprmayjunjulaugsepoctnovdec";
    const char m0 = char(v[i] | 0x20), m1 = char(v[i + 1] | 0x20), m2 = char(v[i + 2] | 0x20);
    int month = 0;
    for (int k = 0; k < 12; ++k) {
        if (months[k * 3] == m0 && months[k * 3 + 1] == m1 && months[k * 3 + 2] == m2) {
            month = k + 1;
            break;
        }
    }
    if (!month)
        return -1;
    i += 3;
    skipSpaces();
    if (!number(4, year))
        return -1;
    if (year < 100)
        year += year < 50 ? 2000 : 1900; // RFC 5322 §4.3 obsolete two-digit years
    skipSpaces();
    if (!number(2, hour) || i >= v.size() || v[i] != ':')
        return -1;
    ++i;
    if (!number(2, minute))
        return -1;
    if (i < v.size() && v[i] == ':') {
        ++i;
        if (!number(2, second))
            return -1;
    }
    skipSpaces();
    if (i >= v.size() || (v[i] != '+' && v[i] != '-'))
        return -1;
    const int sign = v[i] == '-' ? -1 : 1;
    ++i;
    int zone = 0;
    const qsizetype zoneStart = i;
    if (!number(4, zone) || i - zoneStart != 4)
        return -1;
    if (day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60)
        return -1;
    const qint64 offset = sign * ((zone / 100) * 3600 + (zone % 100) * 60);
    return daysFromCivil(year, unsigned(month), unsigned(day)) * 86400 + hour * 3600 + minute * 60 + second - offset;
}

qint64 parseDate(const QString &value)
{
    QString s = stripComments(value).simplified();
    QDateTime dt = QDateTime::fromString(s, Qt::RFC2822Date);
    if (!dt.isValid()) {
        // Quirks: named zones ("GMT", "UT", "EST") and missing seconds.
        static const QList<std::pair<QString, QString>> zones = {
            {QStringLiteral(" GMT"), QStringLiteral(" +0000")}, {QStringLiteral(" UT"), QStringLiteral(" +0000")},
            {QStringLiteral(" UTC"), QStringLiteral(" +0000")}, {QStringLiteral(" EST"), QStringLiteral(" -0500")},
            {QStringLiteral(" EDT"), QStringLiteral(" -0400")}, {QStringLiteral(" PST"), QStringLiteral(" -0800")},
            {QStringLiteral(" PDT"), QStringLiteral(" -0700")}, {QStringLiteral(" Z"), QStringLiteral(" +0000")}};
        for (const auto &[name, offset] : zones) {
            if (s.endsWith(name)) {
                s.chop(name.size());
                s += offset;
                break;
            }
        }
        dt = QDateTime::fromString(s, Qt::RFC2822Date);
    }
    return dt.isValid() ? dt.toSecsSinceEpoch() : 0;
}

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
    const bool ascii = isAscii(value);
    if (ascii && !value.contains("=?"))
        return QString::fromLatin1(value.data(), value.size());
    if (!value.contains("=?")) {
        // Raw 8-bit header: take it as UTF-8 (RFC 6532), else Latin-1.
        QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        QString text = utf8.decode(value);
        if (utf8.hasError())
            text = QString::fromLatin1(value.data(), value.size());
        return text;
    }
    QString out;
    qsizetype i = 0;
    bool lastWasEncoded = false;
    qsizetype pendingSpaceStart = -1;
    while (i < value.size()) {
        qsizetype end = 0;
        QString word;
        if (value[i] == '=' && decodeWord(value, i, end, word)) {
            if (pendingSpaceStart >= 0 && !lastWasEncoded)
                out += QString::fromUtf8(value.sliced(pendingSpaceStart, i - pendingSpaceStart));
            pendingSpaceStart = -1;
            out += word;
            i = end;
            lastWasEncoded = true;
            continue;
        }
        const char c = value[i];
        if (c == ' ' || c == '\t') {
            if (pendingSpaceStart < 0)
                pendingSpaceStart = i;
            ++i;
            continue;
        }
        if (pendingSpaceStart >= 0) {
            out += QString::fromUtf8(value.sliced(pendingSpaceStart, i - pendingSpaceStart));
            pendingSpaceStart = -1;
        }
        const qsizetype start = i;
        while (i < value.size() && value[i] != ' ' && value[i] != '\t' && !(value[i] == '=' && i + 1 < value.size() && value[i + 1] == '?'))
            ++i;
        if (i == start)
            ++i;
        out += QString::fromUtf8(value.sliced(start, i - start));
        lastWasEncoded = false;
    }
    return out;
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
    m_text.append(utf8);
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

void CacheRow::setFlags(const QByteArrayList &flags)
{
    beginText(Flags);
    seen = false;
    for (qsizetype i = 0; i < flags.size(); ++i) {
        if (i > 0)
            appendText(Flags, QByteArrayView(" "));
        appendText(Flags, flags[i]);
        if (flags[i] == "\\Seen")
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

enum class Field { Other, Subject, From, To, Cc, Date, MessageId, InReplyTo, References, ContentType,
                   AutoSubmitted, ReturnPath, DispositionNotificationTo, DispositionNotificationOptions,
                   OriginalRecipient };

Field fieldOf(QByteArrayView name)
{
    static constexpr std::pair<std::string_view, Field> names[] = {
        {"Subject", Field::Subject}, {"From", Field::From}, {"To", Field::To}, {"Cc", Field::Cc},
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
        if (qsizetype(text.size()) == name.size() && char(text[0] | 0x20) == first
            && qstrnicmp(name.data(), name.size(), text.data(), qsizetype(text.size())) == 0)
            return field;
    }
    return Field::Other;
}

bool isSpaceAscii(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r'); // QChar::isSpace() on ASCII
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

/// parseAddressList()'s fast path for one plain ASCII mailbox ("Name <addr>" or "addr"):
/// false when @p v needs the full parser.
bool simpleMailbox(QByteArrayView v, QByteArrayView &name, QByteArrayView &address)
{
    for (const char c : v) {
        if (c == '"' || c == '(' || c == ',' || c == ';' || c == ':' || c == '\\')
            return false;
    }
    const qsizetype lt = v.lastIndexOf('<');
    const qsizetype gt = v.lastIndexOf('>');
    if (lt >= 0 && gt > lt) {
        address = v.sliced(lt + 1, gt - lt - 1).trimmed();
        name = v.first(lt).trimmed();
    } else {
        address = v.trimmed();
        name = {};
    }
    return true;
}

/// Whether a value is plain ASCII with no encoded word: its decoded text is its bytes.
bool isPlain(QByteArrayView v)
{
    for (qsizetype i = 0; i < v.size(); ++i) {
        const char c = v[i];
        if (quint8(c) >= 0x80 || (c == '=' && i + 1 < v.size() && v[i + 1] == '?'))
            return false;
    }
    return true;
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
    const QList<Mailbox> list = parseAddressList(decodeHeaderText(value));
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
    if (std::count(value.begin(), value.end(), '<') == 1 && value.startsWith('<') && value.endsWith('>')) {
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
    QByteArray unfolded;      // a folded value without its line breaks
    QByteArray keptUnfolded;  // Auto-Submitted / Return-Path when they were folded
    qsizetype pos = 0;
    while (pos < raw.size()) {
        // One field, with its folded continuation lines (RFC 5322 §2.2.3).
        qsizetype end = pos;
        bool folded = false;
        while (true) {
            const qsizetype nl = raw.indexOf('\n', end);
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
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const Field field = fieldOf(line.first(colon).trimmed());
        if (field == Field::Other)
            continue;
        QByteArrayView value = line.sliced(colon + 1).trimmed();
        if (folded && value.contains('\n')) {
            unfolded.clear();
            for (qsizetype i = 0; i < value.size(); ++i) {
                if (value[i] == '\r' && i + 1 < value.size() && value[i + 1] == '\n')
                    ++i;
                else if (value[i] != '\n')
                    unfolded += value[i];
            }
            value = QByteArrayView(unfolded).trimmed();
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
                row.setText(CacheRow::Subject, QStringView(decodeHeaderText(value).simplified()));
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
            } else if (const QList<Mailbox> list = parseAddressList(decodeHeaderText(value)); !list.isEmpty()) {
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
        case Field::Date: {
            const qint64 fast = parseDateFast(value);
            row.date = fast >= 0 ? fast : parseDate(QString::fromLatin1(value));
            break;
        }
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
            const qsizetype semi = value.indexOf(';');
            const QByteArrayView type = value.first(semi < 0 ? value.size() : semi).trimmed();
            char lower[128];
            if (isAscii(type) && type.size() <= qsizetype(sizeof lower)) {
                for (qsizetype i = 0; i < type.size(); ++i)
                    lower[i] = type[i] >= 'A' && type[i] <= 'Z' ? char(type[i] + 32) : type[i];
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
            returnPath = value;
            QByteArrayView name;
            QByteArrayView address;
            if (value == "<>" || value == "< >") {
                row.setText(CacheRow::ReturnPath, QByteArrayView("<>"));
            } else if (isAscii(value) && simpleMailbox(value, name, address)) {
                row.setText(CacheRow::ReturnPath, address);
            } else {
                const QList<Mailbox> list = parseAddressList(QString::fromUtf8(value));
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
