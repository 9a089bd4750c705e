// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark of Mime::decodeHeaderText on the RFC 2047 display names of the realistic mailbox
// (tests/bench/RealisticMailbox: UTF-8 B and Q, ISO-8859-1/-2/-15, windows-1252, KOI8-R,
// Shift_JIS, ISO-2022-JP, some split inside a character), against decoding every one with
// GMime alone (g_mime_utils_header_decode_text, what decodeHeaderText did before its
// encoded-word fast path), in the same run. Usage: bench_header_decode [COUNT] [ROUNDS]
// (default 100,000 From headers, best of 5 rounds). Prints CPU ns per name and the ratio; it
// never asserts a wall-clock limit. It checks every result against GMime's on the name with
// each run of B words written as one word (the words decoded one by one here): the names that
// GMime 3.2.13 damages (its issue #133) are the only ones whose result differs from GMime's;
// exit status 2 when a result is not the reference's.

#include "RealisticMailbox.h"
#include "mime/GMimeRuntime.h"
#include "mime/HeaderReader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSet>

#include <gmime/gmime.h>
#include <iconv.h>

#include <algorithm>
#include <cstdio>
#include <limits>
#include <time.h>

using namespace Mailtrail;

namespace {

QString gmimeOnly(const QByteArray &value)
{
    char *decoded = g_mime_utils_header_decode_text(nullptr, value.constData());
    QString text = QString::fromUtf8(decoded);
    g_free(decoded);
    return text;
}

/// @p value, a run of encoded words between white space (what the realistic names are), with
/// each run of adjacent B words in one charset written as one B word of their octets, each
/// word decoded on its own (QByteArray::fromBase64); @p value itself when it has another shape.
QByteArray joinedBase64Runs(const QByteArray &value)
{
    QByteArray out;
    QByteArray charset;
    QByteArray octets;
    const auto flush = [&] {
        if (!charset.isEmpty())
            out += "=?" + charset + "?B?" + octets.toBase64() + "?=";
        charset.clear();
        octets.clear();
    };
    for (const QByteArray &token : value.simplified().split(' ')) {
        const QList<QByteArray> parts = token.split('?');
        if (parts.size() != 5 || parts[0] != "=" || parts[4] != "=")
            return value;
        if (parts[2].toUpper() != "B") {
            flush();
            out += token;
            continue;
        }
        if (parts[1].toLower() != charset.toLower())
            flush();
        charset = parts[1];
        octets += QByteArray::fromBase64(parts[3]);
    }
    flush();
    return out;
}

/// CPU time of this thread: on a machine shared with other benchmarks, wall time is noise.
qint64 threadCpuNs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return qint64(t.tv_sec) * 1000000000 + t.tv_nsec;
}

template<typename Decode>
double nsPerValue(const QList<QByteArray> &values, Decode decode, qsizetype *sink)
{
    const qint64 start = threadCpuNs();
    for (const QByteArray &value : values)
        *sink += decode(value).size();
    return double(threadCpuNs() - start) / double(values.size());
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const int count = args.size() > 1 ? args.at(1).toInt() : 100000;
    const int rounds = args.size() > 2 ? args.at(2).toInt() : 5;
    const QList<QByteArray> names = Bench::realisticEncodedDisplayNames(count, 1);
    if (names.isEmpty() || rounds <= 0) {
        std::fprintf(stderr, "bench_header_decode: nothing to decode\n");
        return 1;
    }
    Mime::ensureGMimeInitialized();

    // Both sides with every charset's iconv module loaded for good, as decodeHeaderText keeps
    // them (a module unloaded and loaded again per word would make GMime look far slower).
    QSet<QByteArray> charsets;
    QList<QByteArray> takenNames;
    QList<QByteArray> leftNames;
    int differ = 0;  // from GMime 3.2.13's result
    int damaged = 0; // by GMime 3.2.13: its result differs from the reference
    int wrong = 0;   // results that are not the reference's
    for (const QByteArray &value : names) {
        for (qsizetype pos = 0; (pos = value.indexOf("=?", pos)) >= 0;) {
            const qsizetype end = value.indexOf('?', pos + 2);
            if (end < 0)
                break;
            charsets.insert(value.sliced(pos + 2, end - pos - 2).toLower());
            pos = end + 1;
        }
        QString fast;
        (Mime::decodeEncodedWordsWithoutGMime(value, &fast) ? takenNames : leftNames).append(value);
        const QString ours = Mime::decodeHeaderText(value);
        const QString gmime = gmimeOnly(value);
        const QString reference = gmimeOnly(joinedBase64Runs(value));
        differ += ours != gmime;
        damaged += gmime != reference;
        wrong += ours != reference;
    }
    for (const QByteArray &charset : std::as_const(charsets))
        (void)iconv_open("UTF-8", g_mime_charset_iconv_name(charset.constData())); // kept open

    qsizetype sink = 0;
    const auto ours = [](const QByteArray &v) { return Mime::decodeHeaderText(v); };
    // The two alternate, round by round; the best round of each counts.
    struct Set
    {
        const QList<QByteArray> *values;
        double gmime = std::numeric_limits<double>::max();
        double ours = std::numeric_limits<double>::max();
    } sets[] = {{&names}, {&takenNames}, {&leftNames}};
    for (int round = 0; round < rounds; ++round) {
        for (Set &set : sets) {
            set.gmime = std::min(set.gmime, nsPerValue(*set.values, gmimeOnly, &sink));
            set.ours = std::min(set.ours, nsPerValue(*set.values, ours, &sink));
        }
    }
    std::printf("bench_header_decode: %lld encoded display names of %d From headers, %d charsets; "
                "results differing from GMime's: %d (names GMime %u.%u.%u damages: %d); not the "
                "word-by-word reference: %d\n",
                static_cast<long long>(names.size()), count, int(charsets.size()), differ, gmime_major_version,
                gmime_minor_version, gmime_micro_version, damaged, wrong);
    const auto line = [](const char *what, qsizetype n, double gmime, double ours) {
        std::printf("  %-28s %6lld names  GMime only %6.0f ns, decodeHeaderText %6.0f ns per name: ratio %.3f\n", what,
                    static_cast<long long>(n), gmime, ours, ours / gmime);
    };
    line("all", names.size(), sets[0].gmime, sets[0].ours);
    line("taken by the fast path", takenNames.size(), sets[1].gmime, sets[1].ours);
    line("left to GMime", leftNames.size(), sets[2].gmime, sets[2].ours);
    std::printf("  (thread CPU time, best of %d alternating rounds; sink %lld)\n", rounds, static_cast<long long>(sink));
    return wrong == 0 ? 0 : 2;
}
