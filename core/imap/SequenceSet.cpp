// SPDX-License-Identifier: GPL-3.0-or-later
#include "imap/SequenceSet.h"

#include <algorithm>

namespace Mailtrail::Imap {

SequenceSet SequenceSet::fromValues(QList<quint32> values)
{
    std::sort(values.begin(), values.end());
    SequenceSet set;
    for (const quint32 value : values) {
        if (!set.m_ranges.isEmpty()) {
            Range &last = set.m_ranges.last();
            if (value == last.last)
                continue;
            if (last.last != Star && value == last.last + 1) {
                last.last = value;
                continue;
            }
        }
        set.m_ranges.append({value, value});
    }
    return set;
}

SequenceSet SequenceSet::range(quint32 first, quint32 last)
{
    SequenceSet set;
    set.add(first, last);
    return set;
}

void SequenceSet::add(quint32 first, quint32 last)
{
    if (first > last)
        std::swap(first, last);
    m_ranges.append({first, last});
}

static bool parseNumber(QByteArrayView text, qsizetype &pos, quint32 &out)
{
    if (pos < text.size() && text[pos] == '*') {
        ++pos;
        out = SequenceSet::Star;
        return true;
    }
    quint64 value = 0;
    const qsizetype start = pos;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
        value = value * 10 + quint64(text[pos] - '0');
        if (value > 0xFFFFFFFFull)
            return false;
        ++pos;
    }
    if (pos == start || value == 0)
        return false;
    out = quint32(value);
    return true;
}

std::optional<SequenceSet> SequenceSet::parse(QByteArrayView text)
{
    SequenceSet set;
    qsizetype pos = 0;
    while (true) {
        quint32 first = 0;
        if (!parseNumber(text, pos, first))
            return std::nullopt;
        quint32 last = first;
        if (pos < text.size() && text[pos] == ':') {
            ++pos;
            if (!parseNumber(text, pos, last))
                return std::nullopt;
        }
        set.add(first, last);
        if (pos == text.size())
            return set;
        if (text[pos] != ',')
            return std::nullopt;
        ++pos;
    }
}

QList<quint32> SequenceSet::values() const
{
    QList<quint32> out;
    for (const Range &r : m_ranges) {
        if (r.last == Star) {
            out.append(r.first);
            continue;
        }
        for (quint64 v = r.first; v <= r.last; ++v)
            out.append(quint32(v));
    }
    return out;
}

bool SequenceSet::contains(quint32 value) const
{
    return std::any_of(m_ranges.begin(), m_ranges.end(),
                       [value](const Range &r) { return value >= r.first && value <= r.last; });
}

quint64 SequenceSet::count() const
{
    quint64 total = 0;
    for (const Range &r : m_ranges)
        total += quint64(r.last) - r.first + 1;
    return total;
}

QByteArray SequenceSet::toByteArray() const
{
    QByteArray out;
    for (const Range &r : m_ranges) {
        if (!out.isEmpty())
            out += ',';
        const auto number = [](quint32 v) {
            return v == Star ? QByteArray("*") : QByteArray::number(v);
        };
        out += number(r.first);
        if (r.last != r.first)
            out += ':' + number(r.last);
    }
    return out;
}

} // namespace Mailtrail::Imap
