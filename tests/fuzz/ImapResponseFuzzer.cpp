// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the IMAP response parser: the input is fed to the incremental
// parser in chunks whose sizes come from the first byte, then parsed whole.
#include "imap/ResponseParser.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace Mailtrail::Imap;
    if (size == 0)
        return 0;
    const qsizetype chunk = 1 + data[0] % 32;
    const QByteArrayView input(reinterpret_cast<const char *>(data) + 1, qsizetype(size) - 1);
    ResponseParser parser(1 << 20);
    for (qsizetype i = 0; i < input.size(); i += chunk) {
        parser.feed(input.sliced(i, qMin(chunk, input.size() - i)));
        while (const auto response = parser.next())
            (void)describe(*response);
    }
    (void)parseResponse(input);
    return 0;
}
