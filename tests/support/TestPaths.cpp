// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestPaths.h"

#include <QDir>
#include <QFileInfo>

namespace Mailtrail::Test {

QString sourceDir()
{
    return qEnvironmentVariable("MAILTRAIL_SOURCE_DIR");
}

QString binaryDir()
{
    return qEnvironmentVariable("MAILTRAIL_BINARY_DIR");
}

QString testData(const QString &relative)
{
    return QDir(sourceDir()).filePath(QStringLiteral("tests/") + relative);
}

QString dsnCorpusDir()
{
    QString dir = qEnvironmentVariable("MAILTRAIL_DSN_CORPUS");
    if (dir.isEmpty())
        dir = QDir(sourceDir()).filePath(QStringLiteral("tests/data/reports/dsn-train"));
    return QFileInfo(dir).isDir() ? QFileInfo(dir).canonicalFilePath() : QString();
}

} // namespace Mailtrail::Test
