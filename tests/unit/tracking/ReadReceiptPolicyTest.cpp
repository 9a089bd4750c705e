// SPDX-License-Identifier: GPL-3.0-or-later
// RFC 8098 §2.1 rules and the account's read-receipt policy.
#include "tracking/ReadReceiptPolicy.h"

#include <QTest>

using namespace Mailtrail::Tracking;

namespace {

ReceiptRequest fromAlice()
{
    ReceiptRequest r;
    r.notificationTo = {QStringLiteral("alice@example.test")};
    r.returnPath = QStringLiteral("<alice@example.test>");
    r.to = {QStringLiteral("Bob <bob@example.test>")};
    return r;
}

ReadReceiptPolicy always()
{
    return {ReceiptMode::Always, ReceiptMode::Always, ReceiptMode::Always};
}

const ReceiptIdentity kBob{{QStringLiteral("bob@example.test")}, {}};

} // namespace

class ReadReceiptPolicyTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void decide_data()
    {
        QTest::addColumn<ReceiptRequest>("request");
        QTest::addColumn<ReadReceiptPolicy>("policy");
        QTest::addColumn<int>("action");

        const int none = int(ReceiptAction::None);
        const int ask = int(ReceiptAction::Ask);
        const int send = int(ReceiptAction::SendAutomatic);

        QTest::newRow("always-matching-return-path") << fromAlice() << always() << send;
        QTest::newRow("ask-policy") << fromAlice()
                                    << ReadReceiptPolicy{ReceiptMode::Ask, ReceiptMode::Always,
                                                         ReceiptMode::Always}
                                    << ask;
        QTest::newRow("never-policy") << fromAlice()
                                      << ReadReceiptPolicy{ReceiptMode::Never, ReceiptMode::Always,
                                                           ReceiptMode::Always}
                                      << none;

        ReceiptRequest noRequest = fromAlice();
        noRequest.notificationTo.clear();
        QTest::newRow("no-request") << noRequest << always() << none;

        ReceiptRequest mismatch = fromAlice();
        mismatch.returnPath = QStringLiteral("<bounces@list.example.test>");
        QTest::newRow("rfc8098-2.1-return-path-differs") << mismatch << always() << ask;

        ReceiptRequest missing = fromAlice();
        missing.returnPath.clear();
        QTest::newRow("rfc8098-2.1-return-path-missing") << missing << always() << ask;

        ReceiptRequest several = fromAlice();
        several.notificationTo << QStringLiteral("boss@example.test");
        QTest::newRow("rfc8098-2.1-several-addresses") << several << always() << ask;

        ReceiptRequest required = fromAlice();
        required.options = QStringLiteral("signed-receipt-protocol=required,pkcs7-signature");
        QTest::newRow("rfc8098-2.2-unknown-required-option") << required << always() << none;

        ReceiptRequest optional = fromAlice();
        optional.options = QStringLiteral("signed-receipt-protocol=optional,pkcs7-signature");
        QTest::newRow("rfc8098-2.2-optional-option-ignored") << optional << always() << send;

        ReceiptRequest report = fromAlice();
        report.isReport = true;
        QTest::newRow("rfc8098-never-answer-a-report") << report << always() << none;

        ReceiptRequest sent = fromAlice();
        sent.mdnSent = true;
        QTest::newRow("mdnsent-keyword-set") << sent << always() << none;

        ReceiptRequest bcc = fromAlice();
        bcc.to = {QStringLiteral("team@example.test")};
        QTest::newRow("not-addressed-uses-its-case")
            << bcc << ReadReceiptPolicy{ReceiptMode::Always, ReceiptMode::Never, ReceiptMode::Always}
            << none;
        ReceiptRequest cc = bcc;
        cc.cc = {QStringLiteral("BOB@example.test")};
        QTest::newRow("in-cc-is-addressed")
            << cc << ReadReceiptPolicy{ReceiptMode::Always, ReceiptMode::Never, ReceiptMode::Always}
            << send;

        ReceiptRequest outside = fromAlice();
        outside.notificationTo = {QStringLiteral("eve@elsewhere.test")};
        outside.returnPath = QStringLiteral("eve@elsewhere.test");
        QTest::newRow("outside-domain-uses-its-case")
            << outside << ReadReceiptPolicy{ReceiptMode::Always, ReceiptMode::Always, ReceiptMode::Ask}
            << ask;
        QTest::newRow("outside-domain-always")
            << outside << always() << send;
    }

    void decide()
    {
        QFETCH(ReceiptRequest, request);
        QFETCH(ReadReceiptPolicy, policy);
        QFETCH(int, action);
        const ReceiptDecision d = decideReadReceipt(request, policy, kBob);
        QCOMPARE(int(d.action), action);
        QVERIFY(!d.reason.isEmpty());
        if (d.action != ReceiptAction::None)
            QCOMPARE(d.sendTo, request.notificationTo.constFirst().toLower());
    }

    void modeNames()
    {
        ReceiptMode mode = ReceiptMode::Never;
        QVERIFY(receiptModeFromName(QStringLiteral("always"), &mode));
        QCOMPARE(mode, ReceiptMode::Always);
        QCOMPARE(receiptModeName(ReceiptMode::Ask), QStringLiteral("ask"));
        QVERIFY(!receiptModeFromName(QStringLiteral("sometimes"), &mode));
    }
};

QTEST_GUILESS_MAIN(ReadReceiptPolicyTest)
#include "ReadReceiptPolicyTest.moc"
