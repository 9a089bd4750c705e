// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark: submission through the private Postfix, SubmissionJob against a reference
// client (Python's smtplib, run through QProcess) measured in the same run.
//
// Both clients do the same work per message: connect to the submission port, STARTTLS
// (verified against the stack's CA), AUTH PLAIN, MAIL FROM with RET/ENVID, RCPT with
// NOTIFY/ORCPT, the data, QUIT — one connection per message, sequentially. The reference
// times itself (interpreter start-up excluded).
//
//   bench_smtp [--count N] [--big-mb M]
// Uses MAILSTACK_ENV_FILE if set; otherwise starts its own stack with scripts/mailstack in a
// temporary root (raising its message_size_limit for the big message) and stops it at the end.
#include "MailStack.h"
#include "net/SocketTransport.h"
#include "smtp/SubmissionJob.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QSslSocket>
#include <QThread>
#include <QTimer>

#include <cstdio>

using namespace Mailtrail;

namespace {

const char *const kReference = R"PY(
import smtplib, ssl, sys, time
host, port, user, password, cafile, sender, rcpt, count, size = sys.argv[1:10]
count = int(count); size = int(size)
ctx = ssl.create_default_context(cafile=cafile)
body = b"x" * 70 + b"\r\n"
def message(i):
    head = ("From: %s\r\nTo: %s\r\nSubject: ref-%d\r\n\r\n" % (sender, rcpt, i)).encode()
    payload = b"Hello from the reference client.\r\n"
    if size > 0:
        payload = body * (size // len(body))
    return head + payload
msgs = [message(i) for i in range(count)]
start = time.monotonic()
for i in range(count):
    s = smtplib.SMTP(host, int(port))
    s.starttls(context=ctx)
    s.login(user, password)
    s.sendmail(sender, [rcpt], msgs[i], mail_options=["RET=HDRS", "ENVID=ref%d" % i],
               rcpt_options=["NOTIFY=SUCCESS,FAILURE,DELAY", "ORCPT=rfc822;" + rcpt])
    s.quit()
print("%.6f" % (time.monotonic() - start))
)PY";

QByteArray message(const QString &from, const QString &to, int i, qint64 size)
{
    QByteArray head = "From: " + from.toUtf8() + "\r\nTo: " + to.toUtf8() + "\r\nSubject: ours-"
        + QByteArray::number(i) + "\r\n\r\n";
    if (size <= 0)
        return head + "Hello from Mailtrail.\r\n";
    const QByteArray line = QByteArray(70, 'x') + "\r\n";
    QByteArray body;
    body.reserve(size + line.size());
    while (body.size() + line.size() <= size)
        body += line;
    return head + body;
}

/// Sends count messages sequentially with SubmissionJob; returns seconds, or -1 on failure.
double runOurs(const Test::MailStack &stack, int count, qint64 size)
{
    Net::Endpoint endpoint;
    endpoint.host = stack.host();
    endpoint.port = stack.submissionPort();
    endpoint.security = Net::Security::StartTls;
    endpoint.certificates.extraCaFile = stack.caFile();
    // BENCH_SMTP_ONLY_STACK_CA=1 trusts only the stack's CA, like the reference client does.
    endpoint.certificates.useSystemCas = !qEnvironmentVariableIsSet("BENCH_SMTP_ONLY_STACK_CA");
    const QString from = stack.address(QStringLiteral("alice"));
    const QString to = stack.address(QStringLiteral("bob"));
    const auto credentials = Smtp::Credentials::password(from, stack.password(QStringLiteral("alice")));
    QList<QByteArray> messages;
    for (int i = 0; i < count; ++i)
        messages.append(message(from, to, i, size));

    QElapsedTimer clock;
    clock.start();
    qint64 connectMs = 0, readyMs = 0, dataMs = 0, totalMs = 0;
    for (int i = 0; i < count; ++i) {
        Net::SocketTransport transport;
        Smtp::SubmissionJob job(&transport, endpoint, credentials, Smtp::Envelope::simple(from, {to}), messages.at(i));
        QEventLoop loop; // the benchmark's own top-level loop, not inside library code
        QObject::connect(&job, &Smtp::SubmissionJob::finished, &loop, &QEventLoop::quit);
        job.start();
        loop.exec();
        if (!job.succeeded()) {
            std::fprintf(stderr, "ours: message %d failed: %s\n", i, qPrintable(job.error().message()));
            return -1;
        }
        const auto &t = job.result().timings;
        connectMs += t.connectMs;
        readyMs += t.readyMs;
        dataMs += t.dataMs;
        totalMs += t.totalMs;
    }
    if (count > 5 && qEnvironmentVariableIsSet("BENCH_SMTP_PHASES"))
        std::printf("  ours, mean per message: connected %.1f ms, authenticated %.1f ms, data %.1f ms, total %.1f ms\n",
                    double(connectMs) / count, double(readyMs) / count, double(dataMs) / count, double(totalMs) / count);
    return clock.nsecsElapsed() / 1e9;
}

double runReference(const QString &python, const Test::MailStack &stack, int count, qint64 size)
{
    QProcess p;
    p.start(python, {QStringLiteral("-c"), QString::fromUtf8(kReference), stack.host(),
                     QString::number(stack.submissionPort()), stack.address(QStringLiteral("alice")),
                     stack.password(QStringLiteral("alice")), stack.caFile(), stack.address(QStringLiteral("alice")),
                     stack.address(QStringLiteral("bob")), QString::number(count), QString::number(size)});
    if (!p.waitForFinished(30 * 60 * 1000) || p.exitCode() != 0) {
        std::fprintf(stderr, "reference failed: %s\n", p.readAllStandardError().constData());
        return -1;
    }
    return p.readAllStandardOutput().trimmed().toDouble();
}

void report(const char *what, double ours, double reference)
{
    if (ours < 0 || reference < 0) {
        std::printf("%-28s  failed (ours %.3f s, reference %.3f s)\n", what, ours, reference);
        return;
    }
    std::printf("%-28s  ours %8.3f s   smtplib %8.3f s   ratio ours/ref %.2f\n", what, ours, reference,
                ours / reference);
}

bool run(const QString &program, const QStringList &arguments, QString *output = nullptr)
{
    QProcess p;
    p.start(program, arguments);
    if (!p.waitForFinished(120000) || p.exitCode() != 0) {
        std::fprintf(stderr, "%s %s failed: %s\n", qPrintable(program), qPrintable(arguments.join(QLatin1Char(' '))),
                     p.readAllStandardError().constData());
        return false;
    }
    if (output)
        *output = QString::fromUtf8(p.readAllStandardOutput());
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("count"), QStringLiteral("Small messages per client (1000)."), QStringLiteral("n"), QStringLiteral("1000")});
    parser.addOption({QStringLiteral("big-mb"), QStringLiteral("Size of the big message in MB (20)."), QStringLiteral("mb"), QStringLiteral("20")});
    parser.process(app);
    const int count = parser.value(QStringLiteral("count")).toInt();
    const qint64 big = parser.value(QStringLiteral("big-mb")).toLongLong() * 1024 * 1024;

    QString python = QStandardPaths::findExecutable(QStringLiteral("python3"), {QStringLiteral("/usr/bin")});
    if (python.isEmpty())
        python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    if (python.isEmpty()) {
        std::fprintf(stderr, "python3 is needed for the reference client\n");
        return 1;
    }

    QTemporaryDir ownRoot;
    QString envFile = qEnvironmentVariable("MAILSTACK_ENV_FILE");
    QString script;
    if (envFile.isEmpty()) {
        QString source = qEnvironmentVariable("MAILTRAIL_SOURCE_DIR");
        if (source.isEmpty())
            source = QStringLiteral(MAILTRAIL_SOURCE_DIR_DEFAULT);
        script = source + QStringLiteral("/scripts/mailstack");
        const QString root = ownRoot.filePath(QStringLiteral("stack"));
        std::printf("starting a private mail stack in %s\n", qPrintable(root));
        if (!run(script, {QStringLiteral("start"), QStringLiteral("--fresh"), QStringLiteral("--quiet"), QStringLiteral("--root"), root}))
            return 1;
        envFile = root + QStringLiteral("/env");
        // Our own stack: make room for the big message (Postfix's default limit is 10 MB).
        if (run(QStringLiteral("postconf"), {QStringLiteral("-c"), root + QStringLiteral("/etc/postfix"), QStringLiteral("-e"),
                                             QStringLiteral("message_size_limit=%1").arg(big + 4 * 1024 * 1024)})) {
            run(QStringLiteral("postfix"), {QStringLiteral("-c"), root + QStringLiteral("/etc/postfix"), QStringLiteral("reload")});
            QThread::sleep(1);
        }
    }
    const Test::MailStack stack(envFile);
    if (!stack.isValid()) {
        std::fprintf(stderr, "%s\n", qPrintable(stack.errorString()));
        return 1;
    }

    std::printf("TLS backend %s; %d small messages, one %lld MB message; STARTTLS + AUTH per message\n",
                qPrintable(QSslSocket::activeBackend()), count, big / 1024 / 1024);
    // Warm-up (page cache, Postfix process pool), not measured.
    runOurs(stack, 5, 0);
    runReference(python, stack, 5, 0);

    // Alternate the two clients in ten rounds, so that load from elsewhere on the machine
    // hits both alike.
    const int rounds = count >= 10 ? 10 : 1;
    double oursSmall = 0;
    double refSmall = 0;
    for (int round = 0; round < rounds; ++round) {
        const int n = count / rounds + (round < count % rounds ? 1 : 0);
        const double o = runOurs(stack, n, 0);
        const double r = runReference(python, stack, n, 0);
        oursSmall = (o < 0 || oursSmall < 0) ? -1 : oursSmall + o;
        refSmall = (r < 0 || refSmall < 0) ? -1 : refSmall + r;
    }
    report("small messages", oursSmall, refSmall);
    if (oursSmall > 0 && refSmall > 0)
        std::printf("%-28s  ours %8.2f /s   smtplib %8.2f /s\n", "  messages per second", count / oursSmall, count / refSmall);

    const double oursBig = runOurs(stack, 1, big);
    const double refBig = runReference(python, stack, 1, big);
    report("one big message", oursBig, refBig);

    if (!script.isEmpty())
        run(script, {QStringLiteral("stop"), QStringLiteral("--root"), ownRoot.filePath(QStringLiteral("stack"))});
    return (oursSmall < 0 || refSmall < 0) ? 1 : 0;
}
