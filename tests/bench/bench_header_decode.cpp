// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark of Mime::decodeHeaderText on the RFC 2047 display names of the realistic mailbox
// (tests/bench/RealisticMailbox: UTF-8 B and Q, ISO-8859-1/-2/-15, windows-1252, KOI8-R,
// Shift_JIS, ISO-2022-JP, some split inside a character), against decoding every one with
// GMime alone (g_mime_utils_header_decode_text, what decodeHeaderText did before its
// encoded-word fast path), in the same run. Usage: bench_header_decode [COUNT] [ROUNDS]
// (default 100,000 From headers, best of 5 rounds). Prints CPU ns per name and the ratio; it
// never asserts a wall-clock limit.

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
    int differ = 0;
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
        differ += Mime::decodeHeaderText(value) != gmimeOnly(value);
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
                "results differing from GMime's: %d\n",
                static_cast<long long>(names.size()), count, int(charsets.size()), differ);
    const auto line = [](const char *what, qsizetype n, double gmime, double ours) {
        std::printf("  %-28s %6lld names  GMime only %6.0f ns, decodeHeaderText %6.0f ns per name: ratio %.3f\n", what,
                    static_cast<long long>(n), gmime, ours, ours / gmime);
    };
    line("all", names.size(), sets[0].gmime, sets[0].ours);
    line("taken by the fast path", takenNames.size(), sets[1].gmime, sets[1].ours);
    line("left to GMime", leftNames.size(), sets[2].gmime, sets[2].ours);
    std::printf("  (thread CPU time, best of %d alternating rounds; sink %lld)\n", rounds, static_cast<long long>(sink));
    return differ == 0 ? 0 : 2;
}
