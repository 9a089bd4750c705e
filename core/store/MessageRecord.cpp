// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/MessageRecord.h"

#include <QDateTime>
#include <QStringDecoder>
#include <QStringList>

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

QString joinAddresses(const QList<Mailbox> &list)
{
    QStringList addresses;
    for (const Mailbox &m : list)
        addresses << m.address;
    return addresses.join(QStringLiteral(", "));
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

bool equalsCI(QByteArrayView a, const char *b)
{
    return a.compare(QByteArrayView(b), Qt::CaseInsensitive) == 0;
}

} // namespace

QString decodeHeaderText(QByteArrayView value)
{
    bool ascii = true;
    for (const char c : value) {
        if (quint8(c) >= 0x80) {
            ascii = false;
            break;
        }
    }
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

bool looksLikeReport(const QString &contentType, QByteArrayView autoSubmitted, QByteArrayView returnPath,
                     const QString &fromAddress, const QString &subject)
{
    if (contentType == QLatin1String("multipart/report"))
        return true;
    const QByteArrayView autoValue = autoSubmitted.trimmed();
    if (!autoValue.isEmpty() && !autoValue.startsWith("no") && !autoValue.startsWith("No") && !autoValue.startsWith("NO"))
        return true;
    const QByteArrayView rp = returnPath.trimmed();
    if (rp == "<>" || rp == "< >")
        return true;
    const qsizetype at = fromAddress.indexOf(QLatin1Char('@'));
    const QStringView local = QStringView(fromAddress).left(at < 0 ? fromAddress.size() : at);
    if (local.compare(QLatin1String("mailer-daemon"), Qt::CaseInsensitive) == 0
        || local.compare(QLatin1String("postmaster"), Qt::CaseInsensitive) == 0)
        return true;
    // One lower-cased ASCII copy, then plain substring searches (case-insensitive
    // QString::contains was the hottest spot of a 100k-message first sync).
    std::string lower;
    lower.reserve(size_t(subject.size()));
    for (const QChar c : subject) {
        const char16_t u = c.unicode();
        lower.push_back(u < 0x80 ? char(u >= 'A' && u <= 'Z' ? u + 32 : u) : '?');
    }
    const std::string_view view(lower);
    for (const char *prefix : {"read:", "gelesen:", "lu :", "lu:"}) {
        if (view.substr(0, std::strlen(prefix)) == prefix)
            return true;
    }
    static constexpr const char *phrases[] = {
        "undelivered mail", "undeliverable", "delivery status notification", "mail delivery failed",
        "delivery failure", "returned mail", "delayed mail", "delivery delayed",
        "successful mail delivery report", "disposition notification", "return receipt", "read receipt",
    };
    for (const char *phrase : phrases) {
        if (view.find(phrase) != std::string_view::npos)
            return true;
    }
    return false;
}

void fillFromHeaders(MessageRecord &record, QByteArrayView raw)
{
    QByteArray autoSubmitted;
    QByteArray returnPath;
    qsizetype pos = 0;
    while (pos < raw.size()) {
        // One field, with its folded continuation lines (RFC 5322 §2.2.3).
        qsizetype end = pos;
        while (true) {
            const qsizetype nl = raw.indexOf('\n', end);
            if (nl < 0) {
                end = raw.size();
                break;
            }
            end = nl + 1;
            if (end >= raw.size() || (raw[end] != ' ' && raw[end] != '\t'))
                break;
        }
        const QByteArrayView field = raw.sliced(pos, end - pos);
        pos = end;
        const qsizetype colon = field.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArrayView name = field.first(colon).trimmed();
        QByteArray value = field.sliced(colon + 1).trimmed().toByteArray();
        if (value.contains('\n')) {
            value.replace("\r\n", "");
            value.replace('\n', "");
            value = value.trimmed();
        }
        if (equalsCI(name, "Subject")) {
            record.subject = decodeHeaderText(value).simplified();
        } else if (equalsCI(name, "From")) {
            const auto list = parseAddressList(decodeHeaderText(value));
            if (!list.isEmpty()) {
                record.fromName = list.first().name;
                record.fromAddress = list.first().address;
            }
        } else if (equalsCI(name, "To")) {
            record.toAddresses = joinAddresses(parseAddressList(decodeHeaderText(value)));
        } else if (equalsCI(name, "Cc")) {
            record.ccAddresses = joinAddresses(parseAddressList(decodeHeaderText(value)));
        } else if (equalsCI(name, "Date")) {
            const qint64 fast = parseDateFast(value);
            record.date = fast >= 0 ? fast : parseDate(QString::fromLatin1(value));
        } else if (equalsCI(name, "Message-ID")) {
            record.messageId = messageIds(QString::fromUtf8(value));
        } else if (equalsCI(name, "In-Reply-To")) {
            record.inReplyTo = messageIds(QString::fromUtf8(value));
        } else if (equalsCI(name, "References")) {
            record.references = messageIds(QString::fromUtf8(value));
        } else if (equalsCI(name, "Content-Type")) {
            const qsizetype semi = value.indexOf(';');
            record.contentType = QString::fromLatin1(value.left(semi < 0 ? value.size() : semi)).trimmed().toLower();
        } else if (equalsCI(name, "Auto-Submitted")) {
            autoSubmitted = value;
        } else if (equalsCI(name, "Return-Path")) {
            returnPath = value;
            const QByteArrayView rp = QByteArrayView(value).trimmed();
            if (rp == "<>" || rp == "< >") {
                record.returnPath = QStringLiteral("<>");
            } else {
                const auto list = parseAddressList(QString::fromUtf8(value));
                record.returnPath = list.isEmpty() ? QString() : list.first().address;
            }
        } else if (equalsCI(name, "Disposition-Notification-To")) {
            record.dispositionNotificationTo = joinAddresses(parseAddressList(decodeHeaderText(value)));
        } else if (equalsCI(name, "Disposition-Notification-Options")) {
            record.dispositionNotificationOptions = QString::fromUtf8(value);
        } else if (equalsCI(name, "Original-Recipient")) {
            record.originalRecipient = QString::fromUtf8(value);
        }
    }
    record.looksLikeReport = looksLikeReport(record.contentType, autoSubmitted, returnPath,
                                             record.fromAddress, record.subject);
}

} // namespace Mailtrail::Store
