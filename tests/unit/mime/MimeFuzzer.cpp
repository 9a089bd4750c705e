// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target (configure with the "fuzz" preset): arbitrary bytes through MessageReader,
// the display renderer (HtmlSanitizer) and the reply composer. Must never crash or leak.
#include "mime/HtmlSanitizer.h"
#include "mime/MessageBuilder.h"
#include "mime/MessageReader.h"
#include "mime/ReplyComposer.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace Mailtrail::Mime;
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const ParsedMessage message = MessageReader::parse(bytes);
    const DisplayContent html = renderForDisplay(message, BodyPreference::Html);
    const DisplayContent text = renderForDisplay(message, BodyPreference::PlainText);
    const OutgoingMessage reply = ReplyComposer::reply(message, {QString(), QStringLiteral("me@example.org")});
    const SanitizedHtml direct = HtmlSanitizer().sanitize(QString::fromUtf8(bytes));
    (void)html;
    (void)text;
    (void)reply;
    (void)direct;
    (void)message.attachments();

    // The same bytes as composer input: whatever the user types, the output keeps the
    // RFC 5322 limits (CRLF only, no line over 998 octets) and parses back.
    OutgoingMessage outgoing;
    outgoing.from = {QString::fromUtf8(bytes.left(64)), QStringLiteral("me@example.org")};
    outgoing.to = {{QString::fromUtf8(bytes.mid(64, 64)), QStringLiteral("you@example.net")}};
    outgoing.subject = QString::fromUtf8(bytes.left(300));
    outgoing.plainText = QString::fromUtf8(bytes);
    if (size > 0 && (data[0] & 1))
        outgoing.html = QString::fromUtf8(bytes);
    TransportCapabilities capabilities;
    capabilities.eightBitMime = size > 1 && (data[1] & 1);
    capabilities.smtpUtf8 = size > 1 && (data[1] & 2);
    const BuiltMessage built = MessageBuilder(capabilities).build(outgoing);
    if (!built.isValid())
        __builtin_trap();
    qsizetype lineLength = 0;
    for (qsizetype i = 0; i < built.bytes.size(); ++i) {
        const char c = built.bytes.at(i);
        if (c == '\n' && (i == 0 || built.bytes.at(i - 1) != '\r'))
            __builtin_trap(); // bare LF
        lineLength = c == '\n' ? 0 : lineLength + 1;
        if (lineLength > 999)
            __builtin_trap(); // 998 octets + CR
    }
    const ParsedMessage back = MessageReader::parse(built.bytes);
    if (back.headers.from.size() != 1 || back.headers.to.size() != 1)
        __builtin_trap();
    return 0;
}
