// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>

#include <optional>

namespace Mailtrail::Imap {

/// A set of UIDs or message sequence numbers, RFC 9051 §9 `sequence-set`
/// (e.g. `1:5,7,9:*`). `*` is kept as Star (the largest value in use).
class SequenceSet
{
public:
    static constexpr quint32 Star = 0xFFFFFFFFu;

    struct Range
    {
        quint32 first = 0;
        quint32 last = 0;
        bool operator==(const Range &) const = default;
    };

    SequenceSet() = default;
    /// A set of single values, merged into ranges where they are contiguous.
    [[nodiscard]] static SequenceSet fromValues(QList<quint32> values);
    /// One range (first <= last after normalising).
    [[nodiscard]] static SequenceSet range(quint32 first, quint32 last);
    /// Parses `sequence-set`; std::nullopt on any syntax error.
    [[nodiscard]] static std::optional<SequenceSet> parse(QByteArrayView text);

    void add(quint32 first, quint32 last);
    [[nodiscard]] bool isEmpty() const { return m_ranges.isEmpty(); }
    [[nodiscard]] const QList<Range> &ranges() const { return m_ranges; }
    /// All values, expanded (Star is not expanded; callers bound it first).
    [[nodiscard]] QList<quint32> values() const;
    [[nodiscard]] bool contains(quint32 value) const;
    /// Number of values (ranges ending in Star count up to Star).
    [[nodiscard]] quint64 count() const;
    /// The wire form, e.g. `1:5,7`.
    [[nodiscard]] QByteArray toByteArray() const;

    bool operator==(const SequenceSet &) const = default;

private:
    QList<Range> m_ranges;
};

} // namespace Mailtrail::Imap
