// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "imap/Response.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <variant>

namespace Mailtrail::Imap {

/// Why a response could not be parsed: what was expected and where (byte offset
/// into the response), plus a short excerpt of the offending bytes for error messages.
struct ParseError
{
    QString message;
    qsizetype offset = -1;
    QByteArray excerpt;
    bool operator==(const ParseError &) const = default;
};

/// Parses one complete response (RFC 9051 §7, §9 formal syntax), including its final
/// CRLF and any literals. Pure; never blocks.
[[nodiscard]] std::variant<Response, ParseError> parseResponse(QByteArrayView bytes);

/// Incremental framer + parser over the server byte stream: feed() any chunking,
/// then call next() until it returns std::nullopt. A response is framed by CRLF,
/// except that a line ending in a literal announcement `{N}` / `{N+}` / `~{N}`
/// (RFC 9051 §4.3, RFC 7888 LITERAL+) continues after N octets.
///
/// After a ParseError the parser stops (hasError()); a session must reset the
/// connection, since IMAP cannot resynchronise reliably after garbage.
class ResponseParser
{
public:
    /// @p maxResponseSize bounds the memory a hostile server can make us buffer.
    explicit ResponseParser(qsizetype maxResponseSize = qsizetype(512) * 1024 * 1024);

    void feed(QByteArrayView data);
    /// feed() straight from a source that appends to the parser's buffer (no array per read):
    /// @p read(QByteArray &buffer).
    template <typename Read>
    void feedFrom(Read &&read)
    {
        if (m_error) {
            QByteArray ignored; // after an error, like feed(): read and dropped
            read(ignored);
            return;
        }
        read(m_buffer);
    }
    /// The next complete response, or std::nullopt when more data is needed or after an error.
    [[nodiscard]] std::optional<Response> next();
    [[nodiscard]] bool hasError() const { return m_error.has_value(); }
    [[nodiscard]] ParseError error() const { return m_error.value_or(ParseError{}); }
    /// Bytes received but not yet returned as responses.
    [[nodiscard]] qsizetype bufferedBytes() const { return m_buffer.size() - m_start; }
    /// Forgets all buffered bytes and any error (for a new connection).
    void reset();

private:
    void compact();

    QByteArray m_buffer;
    qsizetype m_start = 0; ///< first byte of the response being framed
    qsizetype m_scan = 0;  ///< where to look for the next line end
    qsizetype m_maxResponseSize;
    std::optional<ParseError> m_error;
};

} // namespace Mailtrail::Imap
