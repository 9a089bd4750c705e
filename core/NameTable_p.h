// SPDX-License-Identifier: GPL-3.0-or-later
// Internal: look-ups in constexpr tables of {enum value, stable name}.
#pragma once

#include <QString>

namespace Mailtrail::Detail {

template<typename Table, typename Value>
QString nameOf(const Table &table, Value value)
{
    for (const auto &[v, name] : table) {
        if (v == value)
            return QString::fromLatin1(name);
    }
    return {};
}

template<typename Table, typename Value>
bool valueOf(const Table &table, const QString &name, Value *value)
{
    for (const auto &[v, text] : table) {
        if (name == QLatin1String(text)) {
            *value = v;
            return true;
        }
    }
    return false;
}

} // namespace Mailtrail::Detail
