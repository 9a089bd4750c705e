// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Mailtrail::Test {

/// The project's source directory (MAILTRAIL_SOURCE_DIR, set by ctest).
QString sourceDir();
/// The build directory (MAILTRAIL_BINARY_DIR, set by ctest).
QString binaryDir();
/// A file below tests/ in the source tree, e.g. testData("data/reports/x.eml").
QString testData(const QString &relative);
/// The DSN corpus: tests/data/reports/dsn-train (the training half, kept in the repository),
/// or MAILTRAIL_DSN_CORPUS (e.g. the held-out half); empty if absent.
QString dsnCorpusDir();

} // namespace Mailtrail::Test
