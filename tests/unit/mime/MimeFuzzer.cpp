// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target (configure with the "fuzz" preset): arbitrary bytes through MessageReader,
// the display renderer (HtmlSanitizer) and the reply composer. Must never crash or leak.
#include "mime/HtmlSanitizer.h"
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
    return 0;
}
