// SPDX-License-Identifier: GPL-3.0-or-later
// `mailtrail-cli status` over a real profile database.
#include "CliRun.h"
#include "Profile.h"
#include "TrackingFixture.h"
#include "store/Database.h"
#include "tracking/ReportIngest.h"
#include "tracking/Correlator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Mailtrail;
using namespace Mailtrail::Tracking;

namespace {

Test::CliRun cli(const QStringList &arguments)
{
    return Test::runCli(arguments, {}, 30000);
}

} // namespace

class StatusCommandTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const Profile profile(m_dir.path());
        Store::Database database;
        QCOMPARE(database.open(profile.databasePath()), QString());
        TrackingStore store(database.connection());
        const QDateTime t0 = QDateTime::currentDateTimeUtc().addSecs(-600);
        QVERIFY(Test::addThreeOutcomesMessage(store, t0) > 0);
        ReportIngest ingest(store);
        IncomingMail dsn;
        dsn.raw = Test::trackingFixture(QStringLiteral("postfix-three-outcomes.eml"));
        dsn.date = t0.addSecs(60);
        QCOMPARE(ingest.ingest(dsn).outcome, IngestResult::Matched);
        IncomingMail other;
        other.raw = Test::trackingFixture(QStringLiteral("unrelated-dsn.eml"));
        other.subject = QStringLiteral("Undelivered Mail Returned to Sender");
        QCOMPARE(ingest.ingest(other).outcome, IngestResult::Unmatched);
    }

    void json()
    {
        const Test::CliRun run = cli({QStringLiteral("--profile"), m_dir.path(), QStringLiteral("status"),
                             QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QList<QByteArray> lines = run.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 1);
        const QJsonObject o = QJsonDocument::fromJson(lines.first()).object();
        QCOMPARE(o.value(QLatin1String("message_id")).toString(), QStringLiteral("three@example.test"));
        const QJsonArray recipients = o.value(QLatin1String("recipients")).toArray();
        QCOMPARE(recipients.size(), 3);
        QStringList states;
        for (const QJsonValue &r : recipients) {
            const QJsonObject ro = r.toObject();
            for (const char *field : {"address", "state", "status", "diagnostic", "updated", "events"})
                QVERIFY2(ro.contains(QLatin1String(field)), field);
            states.append(ro.value(QLatin1String("state")).toString());
        }
        // The fixture's delay report promised retries until 3 March 2026, long past: carol is
        // overdue now, with the delay report still in her events.
        QCOMPARE(states, (QStringList{QStringLiteral("delivered"), QStringLiteral("overdue"),
                                      QStringLiteral("failed")}));
        QCOMPARE(recipients.at(1).toObject().value(QLatin1String("events")).toArray().last()
                     .toObject().value(QLatin1String("kind")).toString(),
                 QStringLiteral("delayed"));
    }

    void text()
    {
        const Test::CliRun run = cli({QStringLiteral("--profile"), m_dir.path(), QStringLiteral("status")});
        QCOMPARE(run.exitCode, 0);
        const QString out = QString::fromUtf8(run.out);
        QVERIFY(out.contains(QStringLiteral("Three outcomes")));
        QVERIFY(out.contains(QStringLiteral("the mailbox does not exist (5.1.1)")));
    }

    void filters_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<int>("lines");
        QTest::newRow("state-failed-matches") << QStringList{QStringLiteral("--state"), QStringLiteral("failed")} << 0 << 1;
        QTest::newRow("state-displayed-none") << QStringList{QStringLiteral("--state"), QStringLiteral("displayed")} << 0 << 0;
        QTest::newRow("account-other") << QStringList{QStringLiteral("--account"), QStringLiteral("bob")} << 0 << 0;
        QTest::newRow("message-id-with-brackets") << QStringList{QStringLiteral("--message-id"), QStringLiteral("<three@example.test>")} << 0 << 1;
        QTest::newRow("message-id-unknown") << QStringList{QStringLiteral("--message-id"), QStringLiteral("nope@x")} << 1 << 0;
        QTest::newRow("state-unknown") << QStringList{QStringLiteral("--state"), QStringLiteral("lost")} << 2 << 0;
        QTest::newRow("unmatched") << QStringList{QStringLiteral("--unmatched")} << 0 << 1;
        QTest::newRow("confirm-not-a-number") << QStringList{QStringLiteral("--confirm"), QStringLiteral("x1")} << 2 << 0;
        QTest::newRow("confirm-unknown-event") << QStringList{QStringLiteral("--confirm"), QStringLiteral("99999")} << 1 << 0;
    }

    void filters()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(int, lines);
        const Test::CliRun run = cli(QStringList{QStringLiteral("--profile"), m_dir.path(), QStringLiteral("status"),
                                        QStringLiteral("--json")} + arguments);
        QCOMPARE(run.exitCode, exitCode);
        const QByteArray out = run.out.trimmed();
        QCOMPARE(out.isEmpty() ? 0 : int(out.count('\n') + 1), lines);
        if (exitCode != 0)
            QVERIFY(!run.err.isEmpty());
    }

    /// Issue #15 §2: a report matched by a guess is listed apart as possible, and
    /// `status --confirm EVENT_ID` makes it decide.
    void possibleEventAndConfirm()
    {
        QTemporaryDir dir;
        const Profile profile(dir.path());
        {
            Store::Database database;
            QCOMPARE(database.open(profile.databasePath()), QString());
            TrackingStore store(database.connection());
            const QDateTime t0 = QDateTime::currentDateTimeUtc().addSecs(-600);
            QVERIFY(Test::addThreeOutcomesMessage(store, t0) > 0);
            // The fixture without its keys: no ENVID, no returned Message-ID.
            IncomingMail dsn;
            dsn.raw = Test::trackingFixture(QStringLiteral("postfix-three-outcomes.eml"));
            dsn.raw.replace("Original-Envelope-Id: ENV+2B1\n", "");
            dsn.raw.replace("Message-ID: <three@example.test>\n", "");
            dsn.date = t0.addSecs(60);
            const IngestResult r = ReportIngest(store).ingest(dsn);
            QCOMPARE(r.outcome, IngestResult::Matched);
            QCOMPARE(matchMethodName(r.method), QStringLiteral("heuristic"));
        }
        Test::CliRun run = cli({QStringLiteral("--profile"), dir.path(), QStringLiteral("status"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        QJsonObject ghost = QJsonDocument::fromJson(run.out.trimmed()).object()
                                .value(QLatin1String("recipients")).toArray().at(2).toObject();
        QCOMPARE(ghost.value(QLatin1String("state")).toString(), QStringLiteral("accepted"));
        const QJsonArray possible = ghost.value(QLatin1String("possible")).toArray();
        QCOMPARE(possible.size(), 1);
        const QJsonObject event = possible.at(0).toObject();
        QCOMPARE(event.value(QLatin1String("possible")).toBool(), true);
        QCOMPARE(event.value(QLatin1String("kind")).toString(), QStringLiteral("failed"));
        QVERIFY(!event.value(QLatin1String("match_reason")).toString().isEmpty());
        const qint64 id = event.value(QLatin1String("id")).toInteger();
        QVERIFY(id > 0);

        run = cli({QStringLiteral("--profile"), dir.path(), QStringLiteral("status")});
        const QByteArray eventId = QByteArray::number(id);
        QVERIFY(run.out.contains(QByteArray("possible (event ").append(eventId).append(')')));
        QVERIFY(run.out.contains(QByteArray("status --confirm ").append(eventId)));

        run = cli({QStringLiteral("--profile"), dir.path(), QStringLiteral("status"), QStringLiteral("--json"),
                   QStringLiteral("--confirm"), QString::number(id)});
        QCOMPARE(run.exitCode, 0);
        ghost = QJsonDocument::fromJson(run.out.trimmed()).object()
                    .value(QLatin1String("recipients")).toArray().at(2).toObject();
        QCOMPARE(ghost.value(QLatin1String("state")).toString(), QStringLiteral("failed"));
        QCOMPARE(ghost.value(QLatin1String("status")).toString(), QStringLiteral("5.1.1"));
        QCOMPARE(ghost.value(QLatin1String("possible")).toArray().size(), 0);
        QCOMPARE(ghost.value(QLatin1String("deciding_event")).toInteger(), id);
    }

    void honoursTheUsersDeadlines()
    {
        // Carol's delay report promised retries until March 2026; with the default 24 h of
        // grace she is overdue. A user who gives delayed mail a year sees her as delayed.
        const auto states = [this] {
            const Test::CliRun run = cli({QStringLiteral("--profile"), m_dir.path(), QStringLiteral("status"),
                                          QStringLiteral("--json")});
            QStringList out;
            const QJsonArray recipients = QJsonDocument::fromJson(run.out.trimmed()).object()
                                              .value(QLatin1String("recipients")).toArray();
            for (const QJsonValue &r : recipients)
                out << r.toObject().value(QLatin1String("state")).toString();
            return out;
        };
        const auto config = [this](const QStringList &arguments) {
            return cli(QStringList{QStringLiteral("--profile"), m_dir.path(), QStringLiteral("config")} + arguments);
        };
        QCOMPARE(states().value(1), QStringLiteral("overdue"));
        const Test::CliRun set = config({QStringLiteral("set"), QStringLiteral("deadlines.delay-grace-hours"),
                                         QString::number(24 * 366)});
        QVERIFY2(set.exitCode == 0, set.err.constData());
        QCOMPARE(set.out, QByteArray("deadlines.delay-grace-hours = 8784\n"));
        QCOMPARE(states(), (QStringList{QStringLiteral("delivered"), QStringLiteral("delayed"), QStringLiteral("failed")}));
        QCOMPARE(config({QStringLiteral("get"), QStringLiteral("deadlines.delay-grace-hours")}).out, QByteArray("8784\n"));
        QVERIFY(config({QStringLiteral("get")}).out.contains("receipts.move-reports = false\n"));

        // Bad input changes nothing.
        const Test::CliRun bad = config({QStringLiteral("set"), QStringLiteral("deadlines.delay-grace-hours"),
                                         QStringLiteral("soon")});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.err.contains("not a valid value"), bad.err.constData());
        QCOMPARE(config({QStringLiteral("get"), QStringLiteral("deadlines.delay-grace-hours")}).out, QByteArray("8784\n"));
        const Test::CliRun unknown = config({QStringLiteral("get"), QStringLiteral("deadlines.nope")});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY(unknown.err.contains("Unknown setting"));
        QCOMPARE(config({QStringLiteral("set"), QStringLiteral("deadlines.delay-grace-hours")}).exitCode, 2);
        QCOMPARE(config({QStringLiteral("frob")}).exitCode, 2);

        QCOMPARE(config({QStringLiteral("set"), QStringLiteral("deadlines.delay-grace-hours"), QStringLiteral("24")}).exitCode, 0);
        QCOMPARE(states().value(1), QStringLiteral("overdue"));
    }

    void emptyProfileIsAClearError()
    {
        QTemporaryDir empty;
        const Test::CliRun run = cli({QStringLiteral("--profile"), empty.path(), QStringLiteral("status")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains("nothing sent yet"));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(StatusCommandTest)
#include "StatusCommandTest.moc"
