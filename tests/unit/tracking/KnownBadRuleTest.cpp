// SPDX-License-Identifier: GPL-3.0-or-later
// Issue #18: the known-bad rule (a permanent failure newer than any delivery), the domain typo
// detector, and per-address history from the tracking store.
#include "store/Database.h"
#include "tracking/AddressHistory.h"
#include "tracking/DomainTypos.h"
#include "tracking/Trust.h"

#include <QLocale>
#include <QTest>

using namespace Mailtrail::Tracking;

namespace {

const QDateTime kT0(QDate(2026, 12, 6), QTime(12, 0), Qt::UTC);

/// "failed@10/5.1.1~0.4": kind at minute 10, status 5.1.1 (or "#450": reply code 450),
/// confidence 0.4 (default 1.0). Kinds: failed, refused, delayed, delivered, relayed,
/// displayed, replied, accepted.
QList<Evidence> events(const QString &spec)
{
    QList<Evidence> list;
    for (const QString &word : spec.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        Evidence e;
        QString rest = word;
        if (const qsizetype tilde = rest.indexOf(QLatin1Char('~')); tilde > 0) {
            e.confidence = rest.mid(tilde + 1).toDouble();
            rest.truncate(tilde);
        }
        if (const qsizetype slash = rest.indexOf(QLatin1Char('/')); slash > 0) {
            const QString status = rest.mid(slash + 1);
            if (status.startsWith(QLatin1Char('#')))
                e.replyCode = status.mid(1).toInt();
            else
                e.status = status;
            rest.truncate(slash);
        }
        const QString kind = rest.section(QLatin1Char('@'), 0, 0);
        e.time = kT0.addSecs(60 * rest.section(QLatin1Char('@'), 1, 1).toInt());
        e.source = EvidenceSource::Dsn;
        if (kind == QLatin1String("failed"))
            e.kind = EvidenceKind::Failed;
        else if (kind == QLatin1String("refused")) {
            e.kind = EvidenceKind::SubmissionRefused;
            e.source = EvidenceSource::Smtp;
        } else if (kind == QLatin1String("delayed"))
            e.kind = EvidenceKind::Delayed;
        else if (kind == QLatin1String("delivered"))
            e.kind = EvidenceKind::Delivered;
        else if (kind == QLatin1String("relayed"))
            e.kind = EvidenceKind::Relayed;
        else if (kind == QLatin1String("displayed")) {
            e.kind = EvidenceKind::Displayed;
            e.source = EvidenceSource::Mdn;
        } else if (kind == QLatin1String("replied")) {
            e.kind = EvidenceKind::Replied;
            e.source = EvidenceSource::Reply;
        } else if (kind == QLatin1String("accepted")) {
            e.kind = EvidenceKind::SubmissionAccepted;
            e.source = EvidenceSource::Smtp;
        } else
            qFatal("unknown kind in test table");
        list.append(e);
    }
    return list;
}

} // namespace

class KnownBadRuleTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void knownBad_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<bool>("bad");
        QTest::addColumn<QString>("status"); // of the deciding failure

        QTest::newRow("nothing-known") << QString() << false << QString();
        QTest::newRow("rfc3464-failed-5.1.1") << "failed@10/5.1.1" << true << "5.1.1";
        QTest::newRow("failed-state-trusted-no-status") << "failed@10" << true << QString();
        QTest::newRow("failure-then-later-delivery-clears") << "failed@10/5.1.1 delivered@20" << false << QString();
        QTest::newRow("delivery-then-later-failure") << "delivered@10 failed@20/5.1.1" << true << "5.1.1";
        QTest::newRow("same-time-delivery-clears") << "failed@10/5.1.1 delivered@10" << false << QString();
        QTest::newRow("order-in-list-does-not-matter") << "failed@30/5.1.1 delivered@20" << true << "5.1.1";
        QTest::newRow("4.x.x-failure-only-informs") << "failed@10/4.4.7" << false << QString();
        QTest::newRow("delay-only-informs") << "delayed@10/4.2.2" << false << QString();
        QTest::newRow("smtp-refusal-5.7.1") << "refused@10/5.7.1" << true << "5.7.1";
        QTest::newRow("smtp-refusal-550-no-enhanced-code") << "refused@10/#550" << true << QString();
        QTest::newRow("smtp-temporary-450-only-informs") << "refused@10/#450" << false << QString();
        QTest::newRow("low-confidence-bounce-does-not-count") << "failed@10/5.1.1~0.4" << false << QString();
        QTest::newRow("heuristic-match-0.6-does-not-count") << "failed@10/5.1.1~0.6" << false << QString();
        QTest::newRow("free-text-bounce-0.7-counts") << "failed@10/5.1.1~0.7" << true << "5.1.1";
        QTest::newRow("references-match-0.9-counts") << "failed@10/5.1.1~0.9" << true << "5.1.1";
        QTest::newRow("low-confidence-delivery-does-not-clear") << "failed@10/5.1.1 delivered@20~0.4" << true << "5.1.1";
        QTest::newRow("read-receipt-clears") << "failed@10/5.1.1 displayed@20" << false << QString();
        QTest::newRow("reply-clears") << "failed@10/5.2.1 replied@20" << false << QString();
        QTest::newRow("relayed-clears") << "failed@10/5.1.1 relayed@20" << false << QString();
        QTest::newRow("acceptance-is-no-delivery") << "failed@10/5.1.1 accepted@20" << true << "5.1.1";
        QTest::newRow("newest-failure-decides") << "failed@10/5.1.1 delivered@20 failed@30/5.2.1" << true << "5.2.1";
        QTest::newRow("delay-after-failure-keeps-it-bad") << "failed@10/5.1.1 delayed@20/4.4.1" << true << "5.1.1";
    }

    void knownBad()
    {
        QFETCH(QString, spec);
        QFETCH(bool, bad);
        QFETCH(QString, status);
        const auto failure = knownBadEvidence(events(spec));
        QCOMPARE(failure.has_value(), bad);
        if (failure)
            QCOMPARE(failure->status, status);
    }

    void trustThresholdIsOneNamedPredicate()
    {
        Evidence e;
        e.confidence = kTrustedConfidence;
        QVERIFY(isTrusted(e));
        e.confidence = kTrustedConfidence - 0.01;
        QVERIFY(!isTrusted(e));
    }

    void describesTheFailureForTheTooltip()
    {
        Evidence e = events(QStringLiteral("failed@0/5.1.1")).constFirst();
        e.reportingMta = QStringLiteral("mail.example.test");
        QCOMPARE(describeKnownBad(e),
                 QStringLiteral("Failed on 6 Dec 2026: 5.1.1 the mailbox does not exist (report from mail.example.test)"));
        Evidence refused = events(QStringLiteral("refused@0/5.7.1")).constFirst();
        QCOMPARE(describeKnownBad(refused),
                 QStringLiteral("Refused on 6 Dec 2026: 5.7.1 the sender is not allowed to deliver to "
                                "this recipient (by the submission server)"));
    }

    void oneEdit_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("one");
        QTest::newRow("substitute") << "gnail.com" << "gmail.com" << true;
        QTest::newRow("insert") << "gmai.com" << "gmail.com" << true;
        QTest::newRow("delete") << "gmaill.com" << "gmail.com" << true;
        QTest::newRow("swap") << "gmial.com" << "gmail.com" << true;
        QTest::newRow("swap-at-end") << "gmail.cmo" << "gmail.com" << true;
        QTest::newRow("equal") << "gmail.com" << "gmail.com" << false;
        QTest::newRow("two-substitutions") << "gmxx.dd" << "gmx.de" << false;
        QTest::newRow("swap-not-adjacent") << "gliam.com" << "gmail.com" << false;
        QTest::newRow("two-inserts") << "gml.com" << "gmail.com" << false;
        QTest::newRow("empty-vs-one") << "" << "a" << true;
    }

    void oneEdit()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, one);
        QCOMPARE(isOneEditApart(a, b), one);
        QCOMPARE(isOneEditApart(b, a), one);
    }

    void typos_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QStringList>("delivered");
        QTest::addColumn<QString>("suggestion"); // empty: must not be flagged

        const QStringList none;
        const QStringList example{QStringLiteral("example.test")};
        // hits
        QTest::newRow("gmial.com-swap") << "bob@gmial.com" << none << "bob@gmail.com";
        QTest::newRow("gnail.com-substitute") << "bob@gnail.com" << none << "bob@gmail.com";
        QTest::newRow("gmail.con-substitute-tld") << "bob@gmail.con" << none << "bob@gmail.com";
        QTest::newRow("gmail.co-delete") << "bob@gmail.co" << none << "bob@gmail.com";
        QTest::newRow("hotmial.com-swap") << "Ann@hotmial.com" << none << "Ann@hotmail.com";
        QTest::newRow("yahooo.com-insert") << "x@yahooo.com" << none << "x@yahoo.com";
        QTest::newRow("outlok.com-delete") << "x@outlok.com" << none << "x@outlook.com";
        QTest::newRow("tonline.de-delete-hyphen") << "x@tonline.de" << none << "x@t-online.de";
        QTest::newRow("lapost.net") << "x@lapost.net" << none << "x@laposte.net";
        QTest::newRow("upper-case-domain") << "x@GMIAL.COM" << none << "x@gmail.com";
        QTest::newRow("delivered-domain-exmaple") << "bob@exmaple.test" << example << "bob@example.test";
        QTest::newRow("delivered-domain-first")
            << "x@gmali.com" << QStringList{QStringLiteral("gmal.com")} << "x@gmal.com";
        // near misses that must not be flagged
        QTest::newRow("exact-provider") << "bob@gmail.com" << none << QString();
        QTest::newRow("mail.com-is-a-provider") << "bob@mail.com" << none << QString();
        QTest::newRow("ymail.com-is-a-provider") << "bob@ymail.com" << none << QString();
        QTest::newRow("gmx.net-is-a-provider") << "bob@gmx.net" << none << QString();
        QTest::newRow("gmx.at-is-a-provider") << "bob@gmx.at" << none << QString();
        QTest::newRow("two-edits-away") << "bob@gmaill.con" << none << QString();
        QTest::newRow("unrelated-domain") << "bob@example.test" << none << QString();
        QTest::newRow("delivered-to-itself")
            << "bob@gmial.com" << QStringList{QStringLiteral("gmial.com")} << QString();
        QTest::newRow("delivered-domain-exact") << "bob@example.test" << example << QString();
        QTest::newRow("subdomain-of-provider") << "bob@mx.gmail.com" << none << QString();
        QTest::newRow("no-at-sign") << "gmial.com" << none << QString();
        QTest::newRow("empty-domain") << "bob@" << none << QString();
    }

    void typos()
    {
        QFETCH(QString, address);
        QFETCH(QStringList, delivered);
        QFETCH(QString, suggestion);
        QVERIFY(builtInMailProviders().contains(QStringLiteral("gmail.com")));
        const auto found = suggestAddress(address, delivered);
        QCOMPARE(found.value_or(QString()), suggestion);
    }

    void providersAreDataWithoutCommentsOrDuplicates()
    {
        const QStringList &providers = builtInMailProviders();
        QVERIFY(providers.size() >= 11);
        for (const char *p : {"gmail.com", "outlook.com", "hotmail.com", "yahoo.com", "icloud.com", "gmx.de",
                              "web.de", "t-online.de", "orange.fr", "free.fr", "laposte.net"})
            QVERIFY2(providers.contains(QString::fromLatin1(p)), p);
        for (const QString &p : providers) {
            QVERIFY(!p.startsWith(QLatin1Char('#')));
            QCOMPARE(providers.count(p), 1);
        }
    }
};

QTEST_GUILESS_MAIN(KnownBadRuleTest)
#include "KnownBadRuleTest.moc"
