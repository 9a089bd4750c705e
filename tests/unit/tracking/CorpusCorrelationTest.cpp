// SPDX-License-Identifier: GPL-3.0-or-later
// Correlates the real bounces of the DSN corpus (tests/data/reports/dsn-train) with synthetic sent records built
// from their returned headers (Message-ID, Subject, To) — without ENVIDs, so the lookup has
// to work through the returned Message-ID and the heuristic — and reports the match rate.
#include "TestPaths.h"
#include "TrackingFixture.h"
#include "reports/ReportParser.h"
#include "tracking/Correlator.h"
#include "tracking/ReportIngest.h"

#include <QDir>
#include <QRegularExpression>
#include <QTest>

using namespace Mailtrail;
using namespace Mailtrail::Tracking;

namespace {

QDateTime headerDate(const QByteArray &raw)
{
    static const QRegularExpression date(QStringLiteral("(?im)^Date:[ \\t]*(.+)$"));
    const qsizetype end = raw.indexOf("\n\n") >= 0 ? raw.indexOf("\n\n") : raw.indexOf("\r\n\r\n");
    const QString head = QString::fromLatin1(raw.left(end < 0 ? raw.size() : end));
    const auto m = date.match(head);
    return m.hasMatch() ? parseMailDate(m.captured(1).trimmed()) : QDateTime();
}

QStringList addressesIn(const QString &text)
{
    static const QRegularExpression address(QStringLiteral("[^\\s<>,;:\"'()]+@[^\\s<>,;:\"'()]+"));
    QStringList found;
    auto it = address.globalMatch(text);
    while (it.hasNext())
        found.append(it.next().captured(0));
    return found;
}

} // namespace

class CorpusCorrelationTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void matchRate_data()
    {
        QTest::addColumn<bool>("useMessageId");
        QTest::addColumn<double>("minimumRate");
        QTest::addColumn<double>("maximumWrongRate");
        // Achieved levels; a drop below them is a regression. Without Message-IDs, corpus
        // samples sent to the same address with the same subject are ambiguous: such a
        // match may pick a sibling, but then it must say it is unsure (confidence < 0.8).
        QTest::newRow("returned-message-id") << true << 99.0 << 0.0;
        QTest::newRow("heuristic-only") << false << 90.0 << 6.0;
    }

    void matchRate()
    {
        QFETCH(bool, useMessageId);
        QFETCH(double, minimumRate);
        QFETCH(double, maximumWrongRate);
        const QString corpus = Test::dsnCorpusDir();
        QVERIFY2(!corpus.isEmpty(), "DSN corpus missing: tests/data/reports/dsn-train");
        const QStringList files = QDir(corpus + QStringLiteral("/eml"))
                                      .entryList({QStringLiteral("*.eml")}, QDir::Files, QDir::Name);
        QVERIFY(files.size() > 100);

        struct Case
        {
            QString file;
            QString messageId;
            ReportKeys keys;
            qint64 id;
        };
        QList<Case> cases;
        Test::TempTrackingStore index;
        QCOMPARE(index.error(), QString());
        // One transaction for the whole set: the store's own writes become savepoints.
        Store::Transaction bulk(index.store().database());
        QMultiHash<QString, qint64> idOfMessageId;
        for (const QString &name : files) {
            QFile file(corpus + QStringLiteral("/eml/") + name);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray raw = file.readAll();
            const Reports::DeliveryReport report = Reports::parseDeliveryReport(raw);
            if (report.kind != Reports::ReportKind::Dsn && report.kind != Reports::ReportKind::Bounce)
                continue;
            if (report.returned.messageId.isEmpty() && report.returned.subject.isEmpty())
                continue; // nothing of the original came back: no synthetic record possible

            QDateTime date = headerDate(raw);
            if (!date.isValid())
                date = QDateTime(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC);

            SentMessageKeys sent;
            sent.messageId = report.returned.messageId;
            sent.subject = report.returned.subject;
            sent.submittedAt = date.addSecs(-3600);
            for (const Reports::RecipientRecord &record : report.recipients) {
                if (!record.finalRecipient.address.isEmpty())
                    sent.recipients.append(record.finalRecipient.address);
                sent.originalRecipients.append(record.originalRecipient.address);
            }
            for (const QString &to : addressesIn(report.returned.to)) {
                if (!sent.recipients.contains(to, Qt::CaseInsensitive))
                    sent.recipients.append(to);
            }
            QVERIFY2(index.add(sent), qPrintable(index.error()));
            if (!sent.messageId.isEmpty())
                idOfMessageId.insert(normalizeMessageId(sent.messageId), sent.id);

            ReportKeys keys;
            keys.returnedMessageId = useMessageId ? report.returned.messageId : QString();
            keys.returnedSubject = report.returned.subject;
            keys.date = date;
            for (const Reports::RecipientRecord &record : report.recipients)
                keys.recipients.append({record.originalRecipient.address, record.finalRecipient.address});
            cases.append({name, report.returned.messageId, keys, sent.id});
        }

        QVERIFY(bulk.commit());
        const Correlator correlator(index.store());
        int matched = 0;
        int wrong = 0;
        int recipientsMatched = 0;
        int recipientsTotal = 0;
        QStringList misses;
        for (const Case &c : std::as_const(cases)) {
            const auto result = correlator.correlate(c.keys);
            if (!result) {
                misses.append(c.file);
                continue;
            }
            // Several corpus samples are copies of one bounce with the same returned
            // Message-ID; such records cannot be told apart and any of them is right.
            const bool sameOriginal = result->sentMessageId != c.id
                && !c.messageId.isEmpty()
                && idOfMessageId.values(normalizeMessageId(c.messageId)).contains(result->sentMessageId);
            if (result->sentMessageId != c.id && !sameOriginal) {
                ++wrong;
                QVERIFY2(result->confidence < 0.8, qPrintable(c.file));
                misses.append(c.file + QStringLiteral(" (wrong message)"));
                continue;
            }
            ++matched;
            for (int i : result->recipientIndexes) {
                ++recipientsTotal;
                if (i >= 0)
                    ++recipientsMatched;
            }
        }
        const double rate = cases.isEmpty() ? 0 : 100.0 * matched / cases.size();
        qInfo("corpus correlation (%s): %d of %lld reports with returned headers matched (%.1f%%), "
              "%d matched the wrong message; recipients matched %d of %d",
              QTest::currentDataTag(), matched, qlonglong(cases.size()), rate, wrong, recipientsMatched, recipientsTotal);
        if (!misses.isEmpty() && useMessageId)
            qInfo("not matched: %s", qPrintable(misses.join(QStringLiteral(", "))));
        QVERIFY2(cases.size() >= 150, "fewer corpus reports return the original than before");
        QVERIFY2(rate >= minimumRate, qPrintable(QStringLiteral("match rate %1%").arg(rate)));
        const double wrongRate = cases.isEmpty() ? 0 : 100.0 * wrong / cases.size();
        QVERIFY2(wrongRate <= maximumWrongRate,
                 qPrintable(QStringLiteral("%1 wrong matches (%2%)").arg(wrong).arg(wrongRate)));
    }
};

QTEST_GUILESS_MAIN(CorpusCorrelationTest)
#include "CorpusCorrelationTest.moc"
