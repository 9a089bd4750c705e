// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Mailtrail::Mime {

/// Initialises GMime once per process (thread-safe). Every entry point of core/mime and
/// core/reports that touches GMime calls this first; nothing outside core includes GMime.
void ensureGMimeInitialized();

} // namespace Mailtrail::Mime
