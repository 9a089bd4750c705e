// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Mailtrail {

/// The version of this build, e.g. "0.1.0".
QString version();

/// One line per component for `--version`: Mailtrail, Qt, TLS backend, GMime.
QString versionDetails();

/// The name of Qt's active TLS backend ("openssl" is the only one Mailtrail accepts).
QString activeTlsBackend();

/// Checks that Qt's TLS backend is OpenSSL and that it can be loaded.
/// Returns an empty string when all is well, else a message for the user.
[[nodiscard]] QString checkTlsBackend();

} // namespace Mailtrail
