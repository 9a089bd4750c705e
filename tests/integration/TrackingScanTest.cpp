// SPDX-License-Identifier: GPL-3.0-or-later
// End to end against the private Postfix + Dovecot: messages sent with DSN requests, the
// reports Postfix sends back and a reply land in alice's mailbox; Mailtrail syncs it over
// IMAP, the tracking scan fetches the reports and the recipients' states follow.
#include "MailStack.h"
#include "TestPaths.h"
#include "store/AccountRepository.h"
#include "store/Database.h"
#include "sync/AccountSync.h"
#include "sync/TrackingScan.h"
#include "tracking/TrackingStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Mailtrail;
using namespace Mailtrail::Tracking;

class TrackingScanTest : public QObject
{
    Q_OBJECT

    Test::MailStack m_stack = Test::MailStack::fromEnvironment();
    QTemporaryDir m_dir;
    Store::Database m_db;
    Store::Account m_account;

    /// Records a sent message as the outbox would, then submits it for real with the same
    /// keys. Returns the tracking id.
    qint64 send(const QString &tag, const QStringList &to, const QByteArray &notify)
    {
        TrackingStore store(m_db.connection());
        NewSentMessage m;
        m.account = m_account.name;
        m.messageId = QStringLiteral("%1@example.test").arg(tag);
        m.envid = tag;
        m.subject = QStringLiteral("Tracking %1").arg(tag);
        m.sender = m_stack.address(QStringLiteral("alice"));
        m.createdAt = QDateTime::currentDateTimeUtc();
        QList<QByteArray> recipients;
        for (const QString &user : to) {
            const QString address = user.contains(QLatin1Char('@')) ? user : m_stack.address(user);
            m.recipients.append({address, address, QString::fromLatin1(notify)});
            recipients.append(address.toUtf8());
        }
        const auto id = store.addSentMessage(m);
        if (!id)
            return 0;
        const QByteArray message = "From: " + m.sender.toUtf8() + "\r\nTo: " + recipients.join(", ")
            + "\r\nSubject: " + m.subject.toUtf8() + "\r\nMessage-ID: <" + m.messageId.toUtf8()
            + ">\r\nDate: " + QDateTime::currentDateTimeUtc().toString(Qt::RFC2822Date).toUtf8()
            + "\r\n\r\nHello.\r\n";
        const QString error = m_stack.submit(QStringLiteral("alice"), recipients, message,
                                             "RET=HDRS ENVID=" + tag.toUtf8(), "NOTIFY=" + notify);
        if (!error.isEmpty()) {
            qWarning() << error;
            return 0;
        }
        Evidence accepted;
        accepted.kind = EvidenceKind::SubmissionAccepted;
        accepted.source = EvidenceSource::Smtp;
        accepted.time = QDateTime::currentDateTimeUtc();
        accepted.replyCode = 250;
        QList<Evidence> all(m.recipients.size(), accepted);
        if (!store.recordSubmission(*id, accepted.time, true, {}, {}, all))
            return 0;
        return *id;
    }

    /// Syncs alice's account and runs the tracking scan on the same session.
    Sync::TrackingScanReport syncAndScan()
    {
        Sync::AccountSync sync(m_account, m_stack.password(QStringLiteral("alice")), m_db.connection());
        sync.setKeepOpen(true);
        QSignalSpy synced(&sync, &Sync::AccountSync::finished);
        sync.start();
        if (!synced.wait(60000) || !sync.session())
            return {{}, {}, {}, {}, {}, {}, {QStringLiteral("sync did not finish")}};
        Sync::TrackingScan scan(sync.session(), m_db.connection(), m_account.id, m_account.name);
        QSignalSpy scanned(&scan, &Sync::TrackingScan::finished);
        scan.start();
        if (scanned.isEmpty() && !scanned.wait(60000))
            return {{}, {}, {}, {}, {}, {}, {QStringLiteral("scan did not finish")}};
        return scanned.first().first().value<Sync::TrackingScanReport>();
    }

    QString tag(const char *what) const
    {
        return QStringLiteral("%1-%2").arg(QLatin1String(what)).arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_stack.isValid(), qPrintable(m_stack.errorString()));
        QCOMPARE(m_db.open(m_dir.filePath(QStringLiteral("mailtrail.sqlite"))), QString());
        m_account = m_stack.account(QStringLiteral("alice"), QStringLiteral("alice"));
        QCOMPARE(Store::AccountRepository(m_db.connection()).add(m_account), QString());
    }

    void deliveredFailedAndReplied()
    {
        const QString t = tag("e2e");
        const qint64 id = send(t, {QStringLiteral("bob"), QStringLiteral("ghost")}, "SUCCESS,FAILURE");
        QVERIFY(id > 0);
        // Postfix's success DSN for bob and failure DSN for ghost (accepted, then bounced 5.1.1).
        QVERIFY(!m_stack.waitForMessage(QStringLiteral("alice"), [&](const QByteArray &m) {
                    return m.contains(t.toUtf8()) && m.contains("Action: delivered");
                }).isEmpty());
        QVERIFY(!m_stack.waitForMessage(QStringLiteral("alice"), [&](const QByteArray &m) {
                    return m.contains(t.toUtf8()) && m.contains("Action: failed");
                }).isEmpty());
        // Bob answers.
        const QByteArray reply = "From: " + m_stack.address(QStringLiteral("bob")).toUtf8()
            + "\r\nTo: " + m_account.email.toUtf8() + "\r\nSubject: Re: Tracking " + t.toUtf8()
            + "\r\nMessage-ID: <re-" + t.toUtf8() + "@example.test>\r\nIn-Reply-To: <" + t.toUtf8()
            + "@example.test>\r\n\r\nThanks.\r\n";
        QCOMPARE(m_stack.submit(QStringLiteral("bob"), {m_account.email.toUtf8()}, reply), QString());
        QVERIFY(!m_stack.waitForMessageContaining(QStringLiteral("alice"), {"re-" + t.toUtf8()}).isEmpty());

        const Sync::TrackingScanReport report = syncAndScan();
        QVERIFY2(report.errors.isEmpty(), qPrintable(report.errors.join(QLatin1Char('\n'))));
        QVERIFY(report.matched >= 2);
        QVERIFY(report.replies >= 1);

        const auto m = TrackingStore(m_db.connection()).message(id);
        QVERIFY(m.has_value());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(m->recipients.at(0).state(now), DeliveryState::Replied);
        bool delivered = false;
        for (const Evidence &e : m->recipients.at(0).events())
            delivered = delivered || (e.kind == EvidenceKind::Delivered && e.source == EvidenceSource::Dsn
                                      && e.matchedBy == QLatin1String("envid"));
        QVERIFY(delivered);
        QCOMPARE(m->recipients.at(1).state(now), DeliveryState::Failed);
        QCOMPARE(m->recipients.at(1).events().last().status, QStringLiteral("5.1.1"));
        QVERIFY(m->recipients.at(1).events().last().reportId > 0);

        // Nothing new: the next scan fetches nothing and adds nothing.
        const Sync::TrackingScanReport again = syncAndScan();
        QVERIFY(again.errors.isEmpty());
        QCOMPARE(again.reportsRead, 0);
        QCOMPARE(again.eventsAdded, 0);
    }

    void delayedThenDelivered()
    {
        QVERIFY(m_stack.defer(QStringLiteral("carol")));
        const QString t = tag("delay");
        const qint64 id = send(t, {QStringLiteral("carol")}, "SUCCESS,FAILURE,DELAY");
        QVERIFY(id > 0);
        QVERIFY(!m_stack.waitForMessage(QStringLiteral("alice"), [&](const QByteArray &m) {
                    return m.contains(t.toUtf8()) && m.contains("Action: delayed");
                }).isEmpty());
        QVERIFY(syncAndScan().errors.isEmpty());
        auto m = TrackingStore(m_db.connection()).message(id);
        QCOMPARE(m->recipients.at(0).state(QDateTime::currentDateTimeUtc()), DeliveryState::Delayed);
        QVERIFY(m->recipients.at(0).events().last().willRetryUntil.isValid());

        QVERIFY(m_stack.undefer(QStringLiteral("carol")));
        QVERIFY(m_stack.flush());
        QVERIFY(!m_stack.waitForMessage(QStringLiteral("alice"), [&](const QByteArray &m) {
                    return m.contains(t.toUtf8()) && m.contains("Action: delivered");
                }).isEmpty());
        QVERIFY(syncAndScan().errors.isEmpty());
        m = TrackingStore(m_db.connection()).message(id);
        QCOMPARE(m->recipients.at(0).state(QDateTime::currentDateTimeUtc()), DeliveryState::Delivered);
    }

    void headlessSyncThenStatus()
    {
        // What a script does: mailtrail-cli sync, then mailtrail-cli status.
        const QString t = tag("cli");
        const qint64 id = send(t, {QStringLiteral("bob")}, "SUCCESS,FAILURE");
        QVERIFY(id > 0);
        QVERIFY(!m_stack.waitForMessageContaining(QStringLiteral("alice"), {t.toUtf8(), "Action: delivered"}).isEmpty());
        const QString cli = Test::binaryDir() + QStringLiteral("/app/mailtrail-cli");
        QProcess sync;
        sync.start(cli, {QStringLiteral("--profile"), m_dir.path(), QStringLiteral("sync"),
                         QStringLiteral("--account"), m_account.name, QStringLiteral("--json"),
                         QStringLiteral("--password-stdin")});
        QVERIFY(sync.waitForStarted());
        sync.write(m_stack.password(QStringLiteral("alice")).toUtf8() + "\n");
        sync.closeWriteChannel();
        QVERIFY(sync.waitForFinished(60000));
        QCOMPARE(sync.exitCode(), 0);
        const QJsonObject root = QJsonDocument::fromJson(sync.readAllStandardOutput()).object();
        const QJsonObject tracking = root.value(QLatin1String("accounts")).toArray().at(0).toObject()
                                         .value(QLatin1String("tracking")).toObject();
        QVERIFY(tracking.value(QLatin1String("matched")).toInt() >= 1);

        QProcess status;
        status.start(cli, {QStringLiteral("--profile"), m_dir.path(), QStringLiteral("status"),
                           QStringLiteral("--json"), QStringLiteral("--message-id"),
                           QStringLiteral("<%1@example.test>").arg(t)});
        QVERIFY(status.waitForFinished(30000));
        QCOMPARE(status.exitCode(), 0);
        const QJsonObject message = QJsonDocument::fromJson(status.readAllStandardOutput().trimmed()).object();
        const QJsonObject bob = message.value(QLatin1String("recipients")).toArray().at(0).toObject();
        QCOMPARE(bob.value(QLatin1String("state")).toString(), QStringLiteral("delivered"));
        QCOMPARE(message.value(QLatin1String("envid")).toString(), t);
    }

    void foreignReportIsKeptUnmatched()
    {
        // A DSN for a message this profile never recorded (sent by another client).
        const QString t = tag("foreign");
        const QByteArray message = "From: " + m_account.email.toUtf8() + "\r\nTo: ghost@example.test\r\n"
                                   "Subject: not tracked\r\nMessage-ID: <" + t.toUtf8() + "@example.test>\r\n\r\nx\r\n";
        QCOMPARE(m_stack.submit(QStringLiteral("alice"), {"ghost@example.test"}, message,
                                "ENVID=" + t.toUtf8(), "NOTIFY=FAILURE"),
                 QString());
        QVERIFY(!m_stack.waitForMessageContaining(QStringLiteral("alice"), {t.toUtf8(), "Action: failed"}).isEmpty());
        const int before = int(TrackingStore(m_db.connection()).unmatchedReports().size());
        const Sync::TrackingScanReport report = syncAndScan();
        QVERIFY(report.errors.isEmpty());
        QCOMPARE(report.unmatched, 1);
        QCOMPARE(TrackingStore(m_db.connection()).unmatchedReports().size(), before + 1);
    }
};

QTEST_GUILESS_MAIN(TrackingScanTest)
#include "TrackingScanTest.moc"
