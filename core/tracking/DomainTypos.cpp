// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracking/DomainTypos.h"

#include <QFile>

namespace Mailtrail::Tracking {

bool isOneEditApart(QStringView a, QStringView b)
{
    const qsizetype la = a.size();
    const qsizetype lb = b.size();
    if (la == lb) {
        qsizetype first = -1;
        int differences = 0;
        for (qsizetype i = 0; i < la; ++i) {
            if (a.at(i) != b.at(i)) {
                if (++differences == 1)
                    first = i;
            }
        }
        if (differences == 1)
            return true; // substitution
        // One swap of neighbours: exactly two differences, adjacent and crossed.
        return differences == 2 && first + 1 < la && a.at(first) == b.at(first + 1)
            && a.at(first + 1) == b.at(first) && a.mid(first + 2) == b.mid(first + 2);
    }
    if (la + 1 != lb && lb + 1 != la)
        return false;
    const QStringView shorter = la < lb ? a : b;
    const QStringView longer = la < lb ? b : a;
    qsizetype i = 0;
    while (i < shorter.size() && shorter.at(i) == longer.at(i))
        ++i;
    return shorter.mid(i) == longer.mid(i + 1); // one insertion / deletion at i
}

const QStringList &builtInMailProviders()
{
    static const QStringList providers = [] {
        QStringList list;
        QFile file(QStringLiteral(":/mailtrail/data/mail-providers.txt"));
        if (!file.open(QIODevice::ReadOnly))
            return list;
        const QList<QByteArray> lines = file.readAll().split('\n');
        for (const QByteArray &raw : lines) {
            const QString line = QString::fromUtf8(raw).trimmed().toLower();
            if (!line.isEmpty() && !line.startsWith(QLatin1Char('#')))
                list.append(line);
        }
        return list;
    }();
    return providers;
}

std::optional<QString> suggestDomain(const QString &domain, const QStringList &deliveredDomains,
                                     const QStringList &providers)
{
    const QString typed = domain.trimmed().toLower();
    if (typed.isEmpty())
        return std::nullopt;
    const auto contains = [&typed](const QStringList &list) {
        return list.contains(typed, Qt::CaseInsensitive);
    };
    if (contains(deliveredDomains) || contains(providers))
        return std::nullopt;
    for (const QStringList *list : {&deliveredDomains, &providers}) {
        for (const QString &candidate : *list) {
            const QString known = candidate.toLower();
            if (isOneEditApart(typed, known))
                return known;
        }
    }
    return std::nullopt;
}

std::optional<QString> suggestAddress(const QString &address, const QStringList &deliveredDomains,
                                      const QStringList &providers)
{
    const QString trimmed = address.trimmed();
    const qsizetype at = trimmed.lastIndexOf(QLatin1Char('@'));
    if (at <= 0 || at == trimmed.size() - 1)
        return std::nullopt;
    const auto domain = suggestDomain(trimmed.mid(at + 1), deliveredDomains, providers);
    if (!domain)
        return std::nullopt;
    return trimmed.left(at + 1) + *domain;
}

} // namespace Mailtrail::Tracking
