// SPDX-License-Identifier: GPL-3.0-or-later
// The derived state of a recipient from its evidence log (DESIGN.md, tracking model).
#include "tracking/RecipientTimeline.h"

#include <QTest>

using namespace Mailtrail::Tracking;

namespace QTest {
template<>
char *toString(const DeliveryState &state)
{
    return qstrdup(stateName(state).toUtf8().constData());
}
} // namespace QTest

namespace {

const QDateTime kT0(QDate(2026, 3, 2), QTime(10, 0), Qt::UTC);

/// Evidence of @p kind at @p minutes after kT0.
Evidence ev(EvidenceKind kind, int minutes, const QString &key = {})
{
    Evidence e;
    e.kind = kind;
    e.time = kT0.addSecs(minutes * 60);
    e.dedupKey = key;
    switch (kind) {
    case EvidenceKind::Queued:
        e.source = EvidenceSource::Outbox;
        break;
    case EvidenceKind::SubmissionAccepted:
    case EvidenceKind::SubmissionRefused:
        e.source = EvidenceSource::Smtp;
        break;
    case EvidenceKind::Displayed:
    case EvidenceKind::Deleted:
    case EvidenceKind::Dispatched:
    case EvidenceKind::Processed:
        e.source = EvidenceSource::Mdn;
        break;
    case EvidenceKind::Replied:
        e.source = EvidenceSource::Reply;
        break;
    default:
        e.source = EvidenceSource::Dsn;
        break;
    }
    return e;
}

using Events = QList<Evidence>;
using K = EvidenceKind;
using S = DeliveryState;

} // namespace

namespace QTest {
template<>
char *toString(const Mailtrail::Tracking::Precedence &p)
{
    return qstrdup(p == Precedence::Takes ? "takes" : p == Precedence::Ignored ? "ignored" : "conflict");
}
} // namespace QTest

namespace {

} // namespace

class RecipientTimelineTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void names()
    {
        for (int i = int(S::Queued); i <= int(S::Overdue); ++i) {
            DeliveryState parsed = S::Queued;
            QVERIFY(stateFromName(stateName(DeliveryState(i)), &parsed));
            QCOMPARE(parsed, DeliveryState(i));
        }
        for (int i = int(K::Queued); i <= int(K::Replied); ++i) {
            EvidenceKind parsed = K::Queued;
            QVERIFY(kindFromName(kindName(EvidenceKind(i)), &parsed));
            QCOMPARE(parsed, EvidenceKind(i));
        }
        DeliveryState unused = S::Queued;
        QVERIFY(!stateFromName(QStringLiteral("Delivered"), &unused));
        QVERIFY(!stateFromName(QString(), &unused));
    }

    void derive_data()
    {
        QTest::addColumn<Events>("events");
        QTest::addColumn<int>("nowMinutes");
        QTest::addColumn<DeliveryState>("expected");

        QTest::newRow("no-evidence-is-queued") << Events{} << 0 << S::Queued;
        QTest::newRow("queued") << Events{ev(K::Queued, 0)} << 5 << S::Queued;
        QTest::newRow("accepted") << Events{ev(K::Queued, 0), ev(K::SubmissionAccepted, 1)} << 5
                                  << S::Accepted;
        QTest::newRow("rejected-at-rcpt")
            << Events{ev(K::Queued, 0), ev(K::SubmissionRefused, 1)} << 5 << S::Rejected;
        QTest::newRow("rfc3464-delivered")
            << Events{ev(K::SubmissionAccepted, 1), ev(K::Delivered, 2)} << 5 << S::Delivered;
        QTest::newRow("rfc3464-relayed-is-final")
            << Events{ev(K::SubmissionAccepted, 1), ev(K::Relayed, 2)} << 60 * 48 << S::Relayed;
        QTest::newRow("rfc3464-expanded")
            << Events{ev(K::SubmissionAccepted, 1), ev(K::Expanded, 2)} << 5 << S::Expanded;
        QTest::newRow("delayed-then-delivered")
            << Events{ev(K::SubmissionAccepted, 1), ev(K::Delayed, 10), ev(K::Delivered, 30)} << 40
            << S::Delivered;
        QTest::newRow("delayed-then-failed")
            << Events{ev(K::SubmissionAccepted, 1), ev(K::Delayed, 10), ev(K::Failed, 30)} << 40
            << S::Failed;
        QTest::newRow("late-delay-report-does-not-undo-delivery")
            << Events{ev(K::SubmissionAccepted, 1), ev(K::Delivered, 30), ev(K::Delayed, 10)} << 40
            << S::Delivered;
        QTest::newRow("delay-after-failure-is-ignored")
            << Events{ev(K::SubmissionAccepted, 1), ev(K::Failed, 20), ev(K::Delayed, 25)} << 40
            << S::Failed;
        QTest::newRow("relayed-then-bounced-later")
            << Events{ev(K::SubmissionAccepted, 1), ev(K::Relayed, 2), ev(K::Failed, 90)} << 100
            << S::Failed;
        QTest::newRow("mdn-displayed")
            << Events{ev(K::SubmissionAccepted, 1), ev(K::Delivered, 2), ev(K::Displayed, 60)}
            << 70 << S::Displayed;
        QTest::newRow("mdn-without-dsn")
            << Events{ev(K::SubmissionAccepted, 1), ev(K::Displayed, 60)} << 70 << S::Displayed;
        QTest::newRow("mdn-displayed-then-deleted")
            << Events{ev(K::SubmissionAccepted, 1), ev(K::Displayed, 60), ev(K::Deleted, 70)} << 80
            << S::Deleted;
        QTest::newRow("bounce-after-read-keeps-read")
            << Events{ev(K::SubmissionAccepted, 1), ev(K::Displayed, 60), ev(K::Failed, 70)} << 80
            << S::Displayed;
        QTest::newRow("reply-beats-everything")
            << Events{ev(K::SubmissionAccepted, 1), ev(K::Replied, 50), ev(K::Displayed, 60)} << 80
            << S::Replied;
        QTest::newRow("order-by-time-not-arrival")
            << Events{ev(K::Delivered, 30), ev(K::SubmissionAccepted, 1)} << 40 << S::Delivered;
        QTest::newRow("accepted-overdue-after-24h")
            << Events{ev(K::SubmissionAccepted, 0)} << 24 * 60 + 1 << S::Overdue;
        QTest::newRow("accepted-not-yet-overdue-at-24h")
            << Events{ev(K::SubmissionAccepted, 0)} << 24 * 60 << S::Accepted;
        QTest::newRow("delayed-overdue-after-grace")
            << Events{ev(K::SubmissionAccepted, 0), ev(K::Delayed, 10)} << 10 + 24 * 60 + 1
            << S::Overdue;
        QTest::newRow("delivered-never-overdue")
            << Events{ev(K::SubmissionAccepted, 0), ev(K::Delivered, 10)} << 100 * 60
            << S::Delivered;
        QTest::newRow("rejected-never-overdue")
            << Events{ev(K::SubmissionRefused, 0)} << 100 * 60 << S::Rejected;
    }

    void derive()
    {
        QFETCH(Events, events);
        QFETCH(int, nowMinutes);
        QFETCH(DeliveryState, expected);
        RecipientTimeline timeline(QStringLiteral("bob@example.test"));
        for (const Evidence &e : events)
            QVERIFY(timeline.append(e));
        QCOMPARE(timeline.state(kT0.addSecs(nowMinutes * 60)), expected);
    }

    void delayedUsesWillRetryUntil()
    {
        RecipientTimeline timeline(QStringLiteral("carol@example.test"));
        timeline.append(ev(K::SubmissionAccepted, 0));
        Evidence delayed = ev(K::Delayed, 10);
        delayed.willRetryUntil = kT0.addDays(5);
        timeline.append(delayed);
        // Two days later the MTA is still trying: not overdue yet.
        QCOMPARE(timeline.state(kT0.addDays(2)), S::Delayed);
        const DerivedState late = timeline.derive(kT0.addDays(6).addSecs(60));
        QCOMPARE(late.state, S::Overdue);
        QCOMPARE(late.overdueSince, kT0.addDays(6));
        QCOMPARE(late.decidingEvent, 1);
    }

    void noOverdueWithoutSuccessRequest_data()
    {
        QTest::addColumn<ReportRequest>("request");
        ReportRequest failureOnly;
        failureOnly.notifySuccess = false;
        QTest::newRow("notify-failure-only") << failureOnly;
        ReportRequest never;
        never.notifySuccess = never.notifyFailure = never.notifyDelay = false;
        QTest::newRow("notify-never") << never;
        ReportRequest unsupported;
        unsupported.dsnSupported = false;
        QTest::newRow("dsn-unsupported") << unsupported;
    }

    void noOverdueWithoutSuccessRequest()
    {
        QFETCH(ReportRequest, request);
        RecipientTimeline timeline(QStringLiteral("bob@example.test"), request);
        timeline.append(ev(K::SubmissionAccepted, 0));
        QCOMPARE(timeline.state(kT0.addDays(30)), S::Accepted);
    }

    void readReceiptDeadlineIsOptIn()
    {
        ReportRequest request;
        request.readReceiptRequested = true;
        RecipientTimeline timeline(QStringLiteral("bob@example.test"), request);
        timeline.append(ev(K::SubmissionAccepted, 0));
        timeline.append(ev(K::Delivered, 1));
        QCOMPARE(timeline.state(kT0.addDays(30)), S::Delivered);
        DeadlinePolicy policy;
        policy.readReceiptDeadline = std::chrono::hours(72);
        QCOMPARE(timeline.state(kT0.addDays(2), policy), S::Delivered);
        QCOMPARE(timeline.state(kT0.addDays(4), policy), S::Overdue);
    }

    void duplicateReportAddsNoEvent()
    {
        RecipientTimeline timeline(QStringLiteral("bob@example.test"));
        QVERIFY(timeline.append(ev(K::SubmissionAccepted, 0)));
        QVERIFY(timeline.append(ev(K::Delivered, 5, QStringLiteral("report-sha:abc|bob"))));
        QVERIFY(!timeline.append(ev(K::Delivered, 6, QStringLiteral("report-sha:abc|bob"))));
        // Evidence without a key (SMTP replies) is never considered a duplicate.
        QVERIFY(timeline.append(ev(K::SubmissionAccepted, 0)));
        QCOMPARE(timeline.events().size(), 3);
        QCOMPARE(timeline.updated(), kT0.addSecs(5 * 60));
    }

    /// The precedence table (RecipientTimeline.h), one test row per table row: for a
    /// recipient standing at `current`, what each kind of newer evidence does.
    void precedenceTable_data()
    {
        QTest::addColumn<Standing>("current");
        // queued, refused, accepted, delayed, delivered, failed, displayed, replied
        QTest::addColumn<QString>("expected");
        QTest::newRow("nothing") << Standing::Nothing << QStringLiteral("TTTTTTTT");
        QTest::newRow("queued") << Standing::Queued << QStringLiteral("ITTTTTTT");
        QTest::newRow("rejected") << Standing::Rejected << QStringLiteral("ITITTTCC");
        QTest::newRow("accepted") << Standing::Accepted << QStringLiteral("ITTTTTTT");
        QTest::newRow("delayed") << Standing::Delayed << QStringLiteral("IIITTTTT");
        QTest::newRow("succeeded") << Standing::Succeeded << QStringLiteral("IIIITTTT");
        QTest::newRow("failed-is-never-turned-silently") << Standing::Failed << QStringLiteral("IIIICTCC");
        QTest::newRow("reader") << Standing::Reader << QStringLiteral("IIIIICTT");
        QTest::newRow("reply") << Standing::Reply << QStringLiteral("IIIIICIT");
    }

    void precedenceTable()
    {
        QFETCH(Standing, current);
        QFETCH(QString, expected);
        const K kinds[] = {K::Queued, K::SubmissionRefused, K::SubmissionAccepted, K::Delayed,
                           K::Delivered, K::Failed, K::Displayed, K::Replied};
        QString got;
        for (K kind : kinds) {
            switch (precedence(current, kind)) {
            case Precedence::Takes: got += QLatin1Char('T'); break;
            case Precedence::Ignored: got += QLatin1Char('I'); break;
            case Precedence::Conflict: got += QLatin1Char('C'); break;
            }
        }
        QCOMPARE(got, expected);
        // Kinds of one standing behave alike (relayed/expanded like delivered, every MDN
        // disposition like displayed).
        QCOMPARE(precedence(current, K::Relayed), precedence(current, K::Delivered));
        QCOMPARE(precedence(current, K::Expanded), precedence(current, K::Delivered));
        for (K reader : {K::Deleted, K::Dispatched, K::Processed})
            QCOMPARE(precedence(current, reader), precedence(current, K::Displayed));
    }

    /// A reply after a failure keeps "failed" and shows the reply beside it.
    void replyAfterFailureConflicts()
    {
        RecipientTimeline bob(QStringLiteral("bob@example.test"));
        bob.append(ev(K::SubmissionAccepted, 1));
        bob.append(ev(K::Failed, 10));
        bob.append(ev(K::Replied, 60));
        const DerivedState d = bob.derive(kT0.addSecs(3600 * 2));
        QCOMPARE(d.state, S::Failed);
        QCOMPARE(d.decidingEvent, 1);
        QCOMPARE(d.conflictingEvent, 2);
    }

    /// A reply from one recipient does not hide another recipient's DSN failure.
    void replyDoesNotHideAnotherRecipientsFailure()
    {
        RecipientTimeline bob(QStringLiteral("bob@example.test"));
        bob.append(ev(K::SubmissionAccepted, 1));
        bob.append(ev(K::Replied, 60));
        RecipientTimeline carol(QStringLiteral("carol@example.test"));
        carol.append(ev(K::SubmissionAccepted, 1));
        carol.append(ev(K::Failed, 30));
        const QDateTime now = kT0.addSecs(7200);
        QCOMPARE(bob.state(now), S::Replied);
        QCOMPARE(carol.state(now), S::Failed);
        const MessageSummary s = summarize({bob.state(now), carol.state(now)});
        QCOMPARE(s.worst, S::Failed);
        QCOMPARE(s.failed, 1);
    }

    /// kDecidingConfidence, tested on both sides: at the threshold evidence decides, just
    /// below it is only possible until confirmed.
    void confidenceThreshold_data()
    {
        QTest::addColumn<double>("confidence");
        QTest::addColumn<bool>("confirmed");
        QTest::addColumn<DeliveryState>("expected");
        QTest::newRow("at-threshold-decides") << kDecidingConfidence << false << S::Failed;
        QTest::newRow("key-match-decides") << 1.0 << false << S::Failed;
        QTest::newRow("just-below-is-possible") << kDecidingConfidence - 0.01 << false << S::Accepted;
        QTest::newRow("heuristic-ceiling-is-possible") << kHeuristicMatchCeiling << false << S::Accepted;
        QTest::newRow("below-but-confirmed-decides") << 0.3 << true << S::Failed;
    }

    void confidenceThreshold()
    {
        QFETCH(double, confidence);
        QFETCH(bool, confirmed);
        QFETCH(DeliveryState, expected);
        QVERIFY(kHeuristicMatchCeiling < kDecidingConfidence);
        RecipientTimeline bob(QStringLiteral("bob@example.test"));
        bob.append(ev(K::SubmissionAccepted, 1));
        Evidence failed = ev(K::Failed, 30);
        failed.confidence = confidence;
        if (confirmed)
            failed.confirmedAt = kT0.addSecs(3600);
        bob.append(failed);
        const DerivedState d = bob.derive(kT0.addSecs(3600));
        QCOMPARE(d.state, expected);
        QCOMPARE(d.possibleEvents, expected == S::Accepted ? QList<int>{1} : QList<int>{});
    }

    /// Events are ordered by when Mailtrail received them, not by the remote date.
    void orderByLocalReceiptNotRemoteDate()
    {
        RecipientTimeline bob(QStringLiteral("bob@example.test"));
        Evidence accepted = ev(K::SubmissionAccepted, 1);
        accepted.receivedAt = kT0.addSecs(60);
        Evidence delivered = ev(K::Delivered, 20);
        delivered.receivedAt = kT0.addSecs(30 * 60);
        Evidence failed = ev(K::Failed, -24 * 60); // remote clock a day behind
        failed.receivedAt = kT0.addSecs(90 * 60);
        bob.append(accepted);
        bob.append(failed);
        bob.append(delivered);
        // Received: accepted, delivered, failed → failed (a later outcome replaces). By
        // remote date the failure would have come first and been replaced by "delivered".
        const DerivedState d = bob.derive(kT0.addSecs(120 * 60));
        QCOMPARE(d.state, S::Failed);
        QCOMPARE(d.decidingEvent, 1);
    }

    void summary_data()
    {
        QTest::addColumn<QList<DeliveryState>>("states");
        QTest::addColumn<DeliveryState>("worst");
        QTest::addColumn<DeliveryState>("best");
        QTest::addColumn<int>("failed");
        QTest::newRow("one-failed-of-three")
            << QList<S>{S::Delivered, S::Failed, S::Displayed} << S::Failed << S::Displayed << 1;
        QTest::newRow("overdue-beats-delayed")
            << QList<S>{S::Delayed, S::Overdue, S::Accepted} << S::Overdue << S::Delayed << 0;
        QTest::newRow("all-delivered") << QList<S>{S::Delivered, S::Delivered} << S::Delivered
                                       << S::Delivered << 0;
        QTest::newRow("rejected-and-replied")
            << QList<S>{S::Rejected, S::Replied} << S::Rejected << S::Replied << 1;
    }

    void summary()
    {
        QFETCH(QList<DeliveryState>, states);
        QFETCH(DeliveryState, worst);
        QFETCH(DeliveryState, best);
        QFETCH(int, failed);
        const MessageSummary s = summarize(states);
        QCOMPARE(s.worst, worst);
        QCOMPARE(s.best, best);
        QCOMPARE(s.failed, failed);
        QCOMPARE(s.recipients, states.size());
    }
};

QTEST_GUILESS_MAIN(RecipientTimelineTest)
#include "RecipientTimelineTest.moc"
