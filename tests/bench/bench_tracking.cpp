// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark (run by hand): N sent messages and N reports correlated through the real
// tracking store (SQLite file, WAL). Prints the time per report, and the ratio to the same
// run's plain parse of the same reports (the part core/reports does alone).
//
//   build/tests/bench/bench_tracking [N]      (default N = 100000)
#include "reports/ReportParser.h"
#include "store/Database.h"
#include "tracking/ReportIngest.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <cstdio>

using namespace Mailtrail;
using namespace Mailtrail::Tracking;

namespace {

QByteArray dsnFor(int i)
{
    return QStringLiteral(
               "From: MAILER-DAEMON@mail.example.test\r\n"
               "To: alice@example.test\r\n"
               "Subject: Delivery Status Notification\r\n"
               "Date: Mon, 2 Mar 2026 10:05:00 +0000\r\n"
               "MIME-Version: 1.0\r\n"
               "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b%1\"\r\n"
               "\r\n--b%1\r\nContent-Type: text/plain\r\n\r\nYour message was delivered.\r\n"
               "--b%1\r\nContent-Type: message/delivery-status\r\n\r\n"
               "Reporting-MTA: dns; mail.example.test\r\nOriginal-Envelope-Id: ENV%1\r\n\r\n"
               "Final-Recipient: rfc822; user%1@example.test\r\n"
               "Original-Recipient: rfc822;user%1@example.test\r\n"
               "Action: %2\r\nStatus: %3\r\nRemote-MTA: dns; mx.example.test\r\n"
               "\r\n--b%1\r\nContent-Type: text/rfc822-headers\r\n\r\n"
               "Message-ID: <m%1@example.test>\r\nSubject: Message %1\r\n\r\n--b%1--\r\n")
        .arg(i)
        .arg(i % 10 == 0 ? QStringLiteral("failed") : QStringLiteral("delivered"),
             i % 10 == 0 ? QStringLiteral("5.1.1") : QStringLiteral("2.0.0"))
        .toUtf8();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int n = argc > 1 ? std::max(1, atoi(argv[1])) : 100000;
    QTemporaryDir dir;
    Store::Database database;
    if (const QString error = database.open(dir.filePath(QStringLiteral("bench.sqlite"))); !error.isEmpty()) {
        std::fprintf(stderr, "cannot open database: %s\n", qPrintable(error));
        return 1;
    }
    TrackingStore store(database.connection());
    const QDateTime t0(QDate(2026, 3, 2), QTime(10, 0), Qt::UTC);

    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < n; ++i) {
        NewSentMessage m;
        m.account = QStringLiteral("alice");
        m.messageId = QStringLiteral("m%1@example.test").arg(i);
        m.envid = QStringLiteral("ENV%1").arg(i);
        m.subject = QStringLiteral("Message %1").arg(i);
        m.createdAt = t0;
        const QString rcpt = QStringLiteral("user%1@example.test").arg(i);
        m.recipients = {{rcpt, rcpt, QStringLiteral("SUCCESS,FAILURE,DELAY")}};
        if (!store.addSentMessage(m)) {
            std::fprintf(stderr, "record failed: %s\n", qPrintable(store.lastError()));
            return 1;
        }
    }
    const double recordSeconds = timer.nsecsElapsed() / 1e9;

    QList<QByteArray> reports;
    reports.reserve(n);
    for (int i = 0; i < n; ++i)
        reports.append(dsnFor(i));

    timer.restart();
    int parsed = 0;
    for (const QByteArray &raw : std::as_const(reports))
        parsed += Reports::parseDeliveryReport(raw).recipients.size();
    const double parseSeconds = timer.nsecsElapsed() / 1e9;

    ReportIngest ingest(store);
    timer.restart();
    int matched = 0;
    int events = 0;
    for (const QByteArray &raw : std::as_const(reports)) {
        IncomingMail mail;
        mail.raw = raw;
        mail.date = t0.addSecs(300);
        const IngestResult r = ingest.ingest(mail);
        matched += r.outcome == IngestResult::Matched;
        events += r.eventsAdded;
    }
    const double ingestSeconds = timer.nsecsElapsed() / 1e9;

    std::printf("sent messages recorded: %d in %.2f s (%.1f us each)\n", n, recordSeconds,
                recordSeconds * 1e6 / n);
    std::printf("reference, parse only:  %d reports in %.2f s (%.1f us each, %d records)\n", n,
                parseSeconds, parseSeconds * 1e6 / n, parsed);
    std::printf("correlated and stored:  %d reports in %.2f s (%.1f us per report), %d matched, "
                "%d events\n",
                n, ingestSeconds, ingestSeconds * 1e6 / n, matched, events);
    std::printf("ratio ingest/parse: %.1fx\n", parseSeconds > 0 ? ingestSeconds / parseSeconds : 0.0);
    return matched == n && events == n ? 0 : 1;
}
