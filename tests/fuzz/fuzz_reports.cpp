// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for Reports::parseDeliveryReport and the JSON line writer.
// Built with -DMAILTRAIL_FUZZ=ON (clang); its grown corpus lives in tests/fuzz/corpus/reports
// and is replayed by the unit test reports_fuzz_replay with the normal compiler.

#include "reports/ReportJson.h"
#include "reports/ReportParser.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace Mailtrail::Reports;
    const QByteArrayView mail(reinterpret_cast<const char *>(data), qsizetype(size));
    const DeliveryReport report = parseDeliveryReport(mail);
    // Invariants: bounded output, an error exactly when nothing could be read.
    if (report.recipients.size() > maxRecipients)
        std::abort();
    if (!report.error.isEmpty() && report.kind != ReportKind::None)
        std::abort();
    const QByteArrayList lines = toJsonLines(QStringLiteral("fuzz"), report);
    if (lines.isEmpty())
        std::abort();
    return 0;
}
