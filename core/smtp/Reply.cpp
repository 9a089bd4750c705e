// SPDX-License-Identifier: GPL-3.0-or-later
#include "smtp/Reply.h"


#include <QStringList>

namespace Mailtrail::Smtp {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

/// Parses 1–3 digits without leading garbage; returns -1 on failure.
int number(QByteArrayView digits)
{
    if (digits.isEmpty() || digits.size() > 3)
        return -1;
    int value = 0;
    for (const char c : digits) {
        if (!isDigit(c))
            return -1;
        value = value * 10 + (c - '0');
    }
    return value;
}

/// If text starts with an enhanced code "x.y.z" followed by SP or end, returns it and the
/// length to strip (including the SP).
EnhancedStatus leadingEnhanced(QByteArrayView text, qsizetype *length)
{
    qsizetype end = text.indexOf(' ');
    if (end < 0)
        end = text.size();
    const EnhancedStatus status = EnhancedStatus::fromString(text.first(end));
    if (status.isValid())
        *length = end < text.size() ? end + 1 : end;
    return status;
}

} // namespace

QString EnhancedStatus::toString() const
{
    if (!isValid())
        return {};
    return QStringLiteral("%1.%2.%3").arg(statusClass).arg(subject).arg(detail);
}

EnhancedStatus EnhancedStatus::fromString(QByteArrayView text)
{
    // status-code = class "." subject "." detail ; class = "2"/"4"/"5"; 1*3digit each (RFC 3463 §2)
    const qsizetype firstDot = text.indexOf('.');
    if (firstDot != 1)
        return {};
    const qsizetype secondDot = text.sliced(2).indexOf('.');
    if (secondDot < 0)
        return {};
    const int cls = number(text.first(1));
    const int subject = number(text.sliced(2, secondDot));
    const int detail = number(text.sliced(2 + secondDot + 1));
    if ((cls != 2 && cls != 4 && cls != 5) || subject < 0 || detail < 0)
        return {};
    return EnhancedStatus{cls, subject, detail};
}

QString Reply::text() const
{
    QStringList out;
    for (const QByteArray &line : lines)
        out.append(QString::fromUtf8(line));
    return out.join(QLatin1Char('\n'));
}

QString ReplyParseError::message() const
{
    QString what;
    switch (kind) {
    case Kind::None: return {};
    case Kind::BadCode: what = QStringLiteral("a reply without a valid reply code"); break;
    case Kind::BadSeparator: what = QStringLiteral("a malformed reply line"); break;
    case Kind::InconsistentCode: what = QStringLiteral("a multi-line reply with differing codes"); break;
    case Kind::LineTooLong: what = QStringLiteral("an overlong reply line"); break;
    }
    QByteArray shown = line.left(200);
    for (char &c : shown) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            c = '?';
    }
    return QStringLiteral("The server sent %1: \"%2\"").arg(what, QString::fromUtf8(shown));
}

ReplyParseResult parseReply(QByteArrayView bytes, qsizetype *consumed)
{
    *consumed = 0;
    ReplyParseResult result;
    Reply reply;
    qsizetype pos = 0;
    for (;;) {
        const qsizetype lf = bytes.sliced(pos).indexOf('\n');
        if (lf < 0) {
            if (bytes.size() - pos > ReplyParser::MaxLineLength) {
                result.status = ReplyParseResult::Status::Error;
                result.error = {ReplyParseError::Kind::LineTooLong, bytes.sliced(pos, 200).toByteArray()};
                *consumed = bytes.size();
            }
            return result; // Incomplete (or error)
        }
        QByteArrayView line = bytes.sliced(pos, lf);
        const qsizetype next = pos + lf + 1;
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.size() > ReplyParser::MaxLineLength) {
            *consumed = next;
            return {ReplyParseResult::Status::Error, {}, {ReplyParseError::Kind::LineTooLong, line.first(200).toByteArray()}};
        }
        // reply-line = Reply-code [ SP textstring ] CRLF / Reply-code "-" [ textstring ] CRLF
        if (line.size() < 3 || line[0] < '2' || line[0] > '5' || line[1] < '0' || line[1] > '5'
            || !isDigit(line[2])) {
            *consumed = next;
            return {ReplyParseResult::Status::Error, {}, {ReplyParseError::Kind::BadCode, line.toByteArray()}};
        }
        const int code = (line[0] - '0') * 100 + (line[1] - '0') * 10 + (line[2] - '0');
        bool last = true;
        if (line.size() > 3) {
            if (line[3] == '-') {
                last = false;
            } else if (line[3] != ' ') {
                *consumed = next;
                return {ReplyParseResult::Status::Error, {}, {ReplyParseError::Kind::BadSeparator, line.toByteArray()}};
            }
        }
        if (reply.code != 0 && reply.code != code) {
            *consumed = next;
            return {ReplyParseResult::Status::Error, {}, {ReplyParseError::Kind::InconsistentCode, line.toByteArray()}};
        }
        reply.code = code;
        QByteArrayView text = line.size() > 4 ? line.sliced(4) : QByteArrayView();
        if (reply.lines.isEmpty()) {
            qsizetype strip = 0;
            const EnhancedStatus status = leadingEnhanced(text, &strip);
            if (status.isValid() && status.statusClass == code / 100) {
                reply.enhanced = status;
                text = text.sliced(strip);
            }
        } else if (reply.enhanced.isValid()) {
            qsizetype strip = 0;
            if (leadingEnhanced(text, &strip) == reply.enhanced)
                text = text.sliced(strip);
        }
        reply.lines.append(text.toByteArray());
        pos = next;
        if (last) {
            *consumed = pos;
            return {ReplyParseResult::Status::Complete, reply, {}};
        }
    }
}

ReplyParseResult ReplyParser::next()
{
    qsizetype consumed = 0;
    ReplyParseResult result = parseReply(m_buffer, &consumed);
    if (result.status == ReplyParseResult::Status::Error)
        m_buffer.clear();
    else
        m_buffer.remove(0, consumed);
    return result;
}

} // namespace Mailtrail::Smtp
