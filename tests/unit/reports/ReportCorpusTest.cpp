// SPDX-License-Identifier: GPL-3.0-or-later
// Accuracy of the report parser on the training half of the DSN corpus
// (../shared/corpus/dsn, see its README): status compared only where status_in_mail is
// true, reply code where the expectation is not empty, negatives must give no delivery
// evidence. Prints the measured accuracy; fails below the level reached when it was written.

#include "TestPaths.h"
#include "reports/ReportParser.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Mailtrail;
using namespace Mailtrail::Reports;

namespace {

// Achieved on the training half (230/233 status, 224/227 reply codes, 0 false reports).
// Raise these when the parser gets better; never lower them to make a change pass.
constexpr double minimumStatusAccuracy = 0.987;
constexpr double minimumReplyCodeAccuracy = 0.986;

} // namespace

class ReportCorpusTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void accuracy()
    {
        const QString corpus = Test::dsnCorpusDir();
        if (corpus.isEmpty())
            QSKIP("DSN corpus (../shared/corpus/dsn or MAILTRAIL_DSN_CORPUS) not present");
        QFile truthFile(QDir(corpus).filePath(QStringLiteral("truth-train.jsonl")));
        QVERIFY2(truthFile.open(QIODevice::ReadOnly), qPrintable(truthFile.fileName()));

        QHash<QString, DeliveryReport> reports;
        auto reportFor = [&](const QString &name) -> const DeliveryReport & {
            auto it = reports.find(name);
            if (it == reports.end()) {
                QFile mail(QDir(corpus).filePath(QStringLiteral("eml/") + name));
                const QByteArray bytes
                    = mail.open(QIODevice::ReadOnly) ? mail.readAll() : QByteArray();
                it = reports.insert(name, parseDeliveryReport(bytes));
            }
            return it.value();
        };

        int statusRows = 0, statusRight = 0, replyRows = 0, replyRight = 0;
        QStringList misses;
        while (!truthFile.atEnd()) {
            const QByteArray line = truthFile.readLine().trimmed();
            if (line.isEmpty())
                continue;
            const QJsonObject row = QJsonDocument::fromJson(line).object();
            const QString name = row.value(QLatin1String("file")).toString();
            const int index = row.value(QLatin1String("index")).toInt() - 1;
            const DeliveryReport &report = reportFor(name);
            const RecipientRecord record = index >= 0 && index < report.recipients.size()
                ? report.recipients.at(index)
                : RecipientRecord();
            const QString status = row.value(QLatin1String("status")).toString();
            const QString reply = row.value(QLatin1String("replycode")).toString();
            if (row.value(QLatin1String("status_in_mail")).toBool()) {
                ++statusRows;
                if (record.status == status)
                    ++statusRight;
                else
                    misses << QStringLiteral("%1#%2 status %3, got '%4'")
                                  .arg(name)
                                  .arg(index + 1)
                                  .arg(status, record.status);
            }
            if (!reply.isEmpty()) {
                ++replyRows;
                if (record.replyCode == reply)
                    ++replyRight;
                else
                    misses << QStringLiteral("%1#%2 reply %3, got '%4'")
                                  .arg(name)
                                  .arg(index + 1)
                                  .arg(reply, record.replyCode);
            }
        }

        int negatives = 0, falseReports = 0;
        const QStringList files
            = QDir(QDir(corpus).filePath(QStringLiteral("eml")))
                  .entryList({ QStringLiteral("*.eml") }, QDir::Files, QDir::Name);
        for (const QString &name : files) {
            if (!name.startsWith(QLatin1String("is-not-bounce"))
                && !name.startsWith(QLatin1String("rb-issue")))
                continue;
            ++negatives;
            const DeliveryReport &report = reportFor(name);
            if (report.isDeliveryEvidence() && !report.recipients.isEmpty()) {
                ++falseReports;
                misses << QStringLiteral("%1 is not a bounce, got %2")
                              .arg(name, kindName(report.kind));
            }
        }

        QVERIFY(statusRows > 0 && replyRows > 0);
        const double statusAccuracy = double(statusRight) / statusRows;
        const double replyAccuracy = double(replyRight) / replyRows;
        for (const QString &miss : std::as_const(misses))
            qInfo("miss: %s", qPrintable(miss));
        qInfo(
            "status: %d/%d = %.1f%%, reply code: %d/%d = %.1f%%, negatives: %d/%d without a report "
            "(%lld mails)",
            statusRight, statusRows, statusAccuracy * 100, replyRight, replyRows,
            replyAccuracy * 100, negatives - falseReports, negatives,
            static_cast<long long>(files.size()));
        QVERIFY2(statusAccuracy >= minimumStatusAccuracy, "status accuracy dropped");
        QVERIFY2(replyAccuracy >= minimumReplyCodeAccuracy, "reply code accuracy dropped");
        QCOMPARE(falseReports, 0);
    }

    void everyMailParsesAndIsStable()
    {
        const QString corpus = Test::dsnCorpusDir();
        if (corpus.isEmpty())
            QSKIP("DSN corpus not present");
        const QDir dir(QDir(corpus).filePath(QStringLiteral("eml")));
        for (const QString &name : dir.entryList({ QStringLiteral("*.eml") }, QDir::Files)) {
            QFile file(dir.filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray mail = file.readAll();
            const DeliveryReport first = parseDeliveryReport(mail);
            QVERIFY2(first.error.isEmpty(), qPrintable(name));
            QCOMPARE(parseDeliveryReport(mail), first); // pure: same input, same result
            QByteArray crlf = mail;
            if (!crlf.contains("\r\n")) {
                crlf.replace("\n", "\r\n");
                // Line ends never change the result (RFC 5322 CRLF vs. Unix mbox LF).
                QCOMPARE(parseDeliveryReport(crlf), first);
            }
        }
    }
};

QTEST_GUILESS_MAIN(ReportCorpusTest)
#include "ReportCorpusTest.moc"
