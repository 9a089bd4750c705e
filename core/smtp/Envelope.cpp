// SPDX-License-Identifier: GPL-3.0-or-later
#include "smtp/Envelope.h"

#include "Ascii_p.h"

#include <QStringList>

namespace Mailtrail::Smtp {

QByteArray DsnNotify::parameterValue() const
{
    if (isNever())
        return "NEVER";
    QList<QByteArray> parts;
    if (success)
        parts.append("SUCCESS");
    if (failure)
        parts.append("FAILURE");
    if (delay)
        parts.append("DELAY");
    return parts.join(',');
}

Envelope Envelope::simple(const QString &from, const QStringList &to)
{
    Envelope envelope;
    envelope.from = from;
    for (const QString &address : to)
        envelope.recipients.append({address, DsnNotify{}, QString()});
    return envelope;
}

bool needsUtf8(const QString &address)
{
    return !isAscii(address);
}

} // namespace Mailtrail::Smtp
