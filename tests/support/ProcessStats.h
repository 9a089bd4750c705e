// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace Mailtrail::Test {

/// Peak resident set size of this process in KiB (VmHWM of /proc/self/status); -1 if unknown.
[[nodiscard]] qint64 peakRssKb();

} // namespace Mailtrail::Test
