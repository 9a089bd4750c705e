// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>

namespace Mailtrail::Smtp {

/// An enhanced mail system status code, RFC 3463 §2: class.subject.detail, e.g. 5.1.1.
struct EnhancedStatus
{
    int statusClass = 0; ///< 2, 4 or 5; 0 when absent
    int subject = 0;     ///< 0–999
    int detail = 0;      ///< 0–999

    [[nodiscard]] bool isValid() const { return statusClass != 0; }
    /// "5.1.1", or empty when absent.
    [[nodiscard]] QString toString() const;
    /// Parses "x.y.z" (RFC 3463 §2 ABNF); returns an invalid status on anything else.
    [[nodiscard]] static EnhancedStatus fromString(QByteArrayView text);
    bool operator==(const EnhancedStatus &) const = default;
};

/// One complete SMTP reply (RFC 5321 §4.2): a three-digit code and one or more text lines.
/// If the first line starts with an enhanced status code of the same class (RFC 2034 §3),
/// it is taken out into `enhanced` and removed from every line that repeats it.
struct Reply
{
    int code = 0;
    EnhancedStatus enhanced;
    QList<QByteArray> lines; ///< text after "NNN-" / "NNN " (and the enhanced code), per line

    [[nodiscard]] bool isValid() const { return code != 0; }
    [[nodiscard]] bool isPositive() const { return code >= 200 && code < 400; }
    [[nodiscard]] bool isCompletion() const { return code >= 200 && code < 300; }
    [[nodiscard]] bool isIntermediate() const { return code >= 300 && code < 400; }
    [[nodiscard]] bool isTransientFailure() const { return code >= 400 && code < 500; }
    [[nodiscard]] bool isPermanentFailure() const { return code >= 500 && code < 600; }
    /// All lines joined with "\n", decoded as UTF-8 (RFC 6531 allows UTF-8 replies).
    [[nodiscard]] QString text() const;
    bool operator==(const Reply &) const = default;
};

/// Why a reply could not be parsed. The server's bytes are kept for the error message.
struct ReplyParseError
{
    enum class Kind {
        None,
        /// The line does not start with three digits 2–5 / 0–5 / 0–9 (RFC 5321 §4.2).
        BadCode,
        /// The code is followed by something other than SP, "-" or the line end.
        BadSeparator,
        /// A continuation line carries a different code than the first line.
        InconsistentCode,
        /// A line longer than ReplyParser::MaxLineLength without a line end.
        LineTooLong,
    };
    Kind kind = Kind::None;
    QByteArray line;

    [[nodiscard]] bool isError() const { return kind != Kind::None; }
    [[nodiscard]] QString message() const;
    bool operator==(const ReplyParseError &) const = default;
};

/// The outcome of ReplyParser::next().
struct ReplyParseResult
{
    enum class Status { Incomplete, Complete, Error };
    Status status = Status::Incomplete;
    Reply reply;
    ReplyParseError error;
    bool operator==(const ReplyParseResult &) const = default;
};

/// Parses one reply from the start of bytes. Pure: returns Incomplete until a final line
/// ("NNN " or "NNN" before CRLF) arrived, and sets *consumed to the bytes used. Bare LF is
/// accepted as a line end. RFC 5321 §4.2.1 (multi-line), RFC 2034 / RFC 3463 (enhanced codes).
[[nodiscard]] ReplyParseResult parseReply(QByteArrayView bytes, qsizetype *consumed);

/// Incremental wrapper: feed any chunking, take complete replies in order.
class ReplyParser
{
public:
    /// Longer lines are a parse error (RFC 5321 §4.5.3.1.5 says 512; servers exceed it).
    static constexpr qsizetype MaxLineLength = 16 * 1024;

    void feed(QByteArrayView bytes) { m_buffer.append(bytes); }
    /// The next reply, Incomplete if more bytes are needed, or an Error (after which the
    /// stream cannot be trusted; the buffer is cleared).
    [[nodiscard]] ReplyParseResult next();
    [[nodiscard]] bool hasBufferedBytes() const { return !m_buffer.isEmpty(); }
    void clear() { m_buffer.clear(); }

private:
    QByteArray m_buffer;
};

} // namespace Mailtrail::Smtp

Q_DECLARE_METATYPE(Mailtrail::Smtp::Reply)
