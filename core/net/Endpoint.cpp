// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/Endpoint.h"

#include <QHostAddress>

namespace Mailtrail::Net {

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    QHostAddress address;
    if (!address.setAddress(host))
        return false;
    return address.isLoopback();
}

QString securityName(Security security)
{
    switch (security) {
    case Security::ImplicitTls:
        return QStringLiteral("ImplicitTls");
    case Security::StartTls:
        return QStringLiteral("StartTls");
    case Security::PlainLoopbackOnly:
        return QStringLiteral("PlainLoopbackOnly");
    }
    return {};
}

} // namespace Mailtrail::Net
