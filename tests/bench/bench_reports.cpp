// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark of Reports::parseDeliveryReport over the DSN corpus, single-threaded.
// Usage: bench_reports [CORPUS_DIR] [ROUNDS]   (default: tests/data/reports/dsn-train in the
// source tree, 20 rounds). Prints mails/s of our parser and of a plain GMime parse
// (g_mime_parser_construct_message) of the same mails in the same run, and their ratio.
// It never asserts a wall-clock limit.

#include "mime/GMimeRuntime.h"
#include "reports/ReportParser.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <cstdio>
#include <gmime/gmime.h>

using namespace Mailtrail;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    QString corpus = args.size() > 1 ? args.at(1)
                                     : QStringLiteral(MAILTRAIL_SOURCE_DIR "/tests/data/reports/dsn-train");
    const int rounds = args.size() > 2 ? args.at(2).toInt() : 20;
    QDir dir(corpus);
    if (dir.exists(QStringLiteral("eml")))
        dir.cd(QStringLiteral("eml"));
    QList<QByteArray> mails;
    qint64 bytes = 0;
    const QStringList names = dir.entryList({ QStringLiteral("*.eml") }, QDir::Files, QDir::Name);
    for (const QString &name : names) {
        QFile file(dir.filePath(name));
        if (file.open(QIODevice::ReadOnly)) {
            mails.append(file.readAll());
            bytes += mails.constLast().size();
        }
    }
    if (mails.isEmpty() || rounds <= 0) {
        std::fprintf(stderr, "bench_reports: no mails in %s\n", qPrintable(dir.path()));
        return 1;
    }
    Mime::ensureGMimeInitialized();

    // Warm up both.
    qsizetype records = 0;
    for (const QByteArray &mail : std::as_const(mails))
        records += Reports::parseDeliveryReport(mail).recipients.size();

    QElapsedTimer timer;
    timer.start();
    qsizetype sink = 0;
    for (int round = 0; round < rounds; ++round) {
        for (const QByteArray &mail : std::as_const(mails))
            sink += Reports::parseDeliveryReport(mail).recipients.size();
    }
    const double oursSeconds = double(timer.nsecsElapsed()) / 1e9;

    timer.restart();
    for (int round = 0; round < rounds; ++round) {
        for (const QByteArray &mail : std::as_const(mails)) {
            GMimeStream *stream
                = g_mime_stream_mem_new_with_buffer(mail.constData(), size_t(mail.size()));
            GMimeParser *parser = g_mime_parser_new_with_stream(stream);
            GMimeMessage *message = g_mime_parser_construct_message(parser, nullptr);
            if (message) {
                sink += 1;
                g_object_unref(message);
            }
            g_object_unref(parser);
            g_object_unref(stream);
        }
    }
    const double gmimeSeconds = double(timer.nsecsElapsed()) / 1e9;

    const double total = double(mails.size()) * rounds;
    const double ours = total / oursSeconds;
    const double gmime = total / gmimeSeconds;
    std::printf("corpus: %lld mails, %.1f KiB, %lld records per round, %d rounds\n",
        static_cast<long long>(mails.size()), double(bytes) / 1024.0,
        static_cast<long long>(records), rounds);
    std::printf("parseDeliveryReport: %.0f mails/s (%.1f MB/s)\n", ours,
        double(bytes) * rounds / oursSeconds / 1e6);
    std::printf("GMime construct_message: %.0f mails/s (%.1f MB/s)\n", gmime,
        double(bytes) * rounds / gmimeSeconds / 1e6);
    std::printf("ratio ours/GMime: %.2f\n", ours / gmime);
    return sink > 0 ? 0 : 1;
}
