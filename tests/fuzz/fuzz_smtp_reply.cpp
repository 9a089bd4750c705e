// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the SMTP reply parser (smtp/Reply.h): any bytes, split at a point
// chosen by the input, must give the same replies as whole, and never crash or loop.
#include "smtp/Capabilities.h"
#include "smtp/Reply.h"

#include <cstdint>
#include <cstdlib>

using namespace Mailtrail::Smtp;

namespace {

QList<ReplyParseResult> parseAll(const QByteArray &data, qsizetype split)
{
    QList<ReplyParseResult> out;
    ReplyParser parser;
    auto drain = [&] {
        for (int guard = 0; guard < 100000; ++guard) {
            ReplyParseResult r = parser.next();
            if (r.status == ReplyParseResult::Status::Incomplete)
                return;
            out.append(r);
            if (r.status == ReplyParseResult::Status::Error)
                return;
        }
        std::abort(); // no progress: a loop
    };
    parser.feed(QByteArrayView(data).first(split));
    drain();
    if (!out.isEmpty() && out.constLast().status == ReplyParseResult::Status::Error)
        return out;
    parser.feed(QByteArrayView(data).sliced(split));
    drain();
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    if (size == 0)
        return 0;
    const QByteArray data(reinterpret_cast<const char *>(bytes) + 1, qsizetype(size - 1));
    const qsizetype split = data.isEmpty() ? 0 : bytes[0] % (data.size() + 1);
    const auto whole = parseAll(data, data.size());
    const auto chunked = parseAll(data, split);
    // Errors may surface at different points for overlong lines; otherwise results agree.
    bool overlong = false;
    for (const auto &r : whole)
        overlong = overlong || r.error.kind == ReplyParseError::Kind::LineTooLong;
    if (!overlong && whole != chunked)
        std::abort();
    for (const auto &r : whole) {
        if (r.status == ReplyParseResult::Status::Complete)
            (void)Capabilities::fromEhloReply(r.reply);
    }
    return 0;
}
