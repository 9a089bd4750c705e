// SPDX-License-Identifier: GPL-3.0-or-later
#include "Keychain.h"

#include <QFile>

namespace Mailtrail::Test {

QString useTestSessionBus()
{
    const QString path = qEnvironmentVariable("MAILTRAIL_TEST_DBUS_ADDRESS_FILE");
    if (path.isEmpty())
        return QStringLiteral("MAILTRAIL_TEST_DBUS_ADDRESS_FILE is not set: run this test through ctest "
                              "(fixture Keychain)");
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
    const QByteArray address = file.readAll().trimmed();
    if (address.isEmpty())
        return QStringLiteral("%1 holds no D-Bus address").arg(path);
    qputenv("DBUS_SESSION_BUS_ADDRESS", address);
    return {};
}

} // namespace Mailtrail::Test
