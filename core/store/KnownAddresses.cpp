// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/KnownAddresses.h"

#include <QHash>
#include <QSqlQuery>
#include <algorithm>

namespace Mailtrail::Store {

QStringList seenAddresses(QSqlDatabase db, int limit)
{
    // Names come from From: only; recipients' names are not cached.
    QHash<QString, int> frequency;
    QHash<QString, QString> nameOf;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (query.exec(QStringLiteral(
            "SELECT from_name, from_address, to_addresses, cc_addresses FROM messages"))) {
        while (query.next()) {
            const QString from = query.value(1).toString().trimmed();
            if (!from.isEmpty()) {
                frequency[from.toLower()] += 1;
                if (!query.value(0).toString().isEmpty())
                    nameOf.insert(from.toLower(), query.value(0).toString());
                nameOf.insert(from.toLower() + QLatin1Char('\n'), from);
            }
            for (int column : { 2, 3 }) {
                for (const QString &a :
                    query.value(column).toString().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                    const QString address = a.trimmed();
                    if (address.isEmpty())
                        continue;
                    frequency[address.toLower()] += 1;
                    nameOf.insert(address.toLower() + QLatin1Char('\n'), address);
                }
            }
        }
    }
    QList<QString> keys = frequency.keys();
    std::sort(keys.begin(), keys.end(), [&](const QString &a, const QString &b) {
        return frequency.value(a) != frequency.value(b) ? frequency.value(a) > frequency.value(b)
                                                        : a < b;
    });
    QStringList out;
    for (const QString &key : keys) {
        if (out.size() >= limit)
            break;
        const QString address = nameOf.value(key + QLatin1Char('\n'), key);
        const QString name = nameOf.value(key);
        out << (name.isEmpty() ? address : QStringLiteral("%1 <%2>").arg(name, address));
    }
    return out;
}

} // namespace Mailtrail::Store
