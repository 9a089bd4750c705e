// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProcessStats.h"

#include <QByteArrayList>
#include <QFile>

namespace Mailtrail::Test {

qint64 peakRssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

} // namespace Mailtrail::Test
