// SPDX-License-Identifier: GPL-3.0-or-later
// The read receipts Mailtrail sends (RFC 8098), read back by Mailtrail's own report parser
// and MIME reader — the shape other clients receive from us.
#include "mime/MdnBuilder.h"
#include "mime/MessageReader.h"
#include "reports/ReportParser.h"

#include <QTest>

using namespace Mailtrail;

namespace {

Mime::MdnRequest bobReadsAlice()
{
    Mime::MdnRequest r;
    r.from = {QStringLiteral("Bob"), QStringLiteral("bob@example.test")};
    r.to = QStringLiteral("alice@example.test");
    r.originalSubject = QStringLiteral("Quarterly figures – Q3");
    r.originalMessageId = "<abc@example.test>";
    r.finalRecipient = QStringLiteral("bob@example.test");
    r.reportingUa = QStringLiteral("bob-laptop; Mailtrail 0.1.0");
    r.date = QDateTime(QDate(2026, 3, 2), QTime(11, 5), Qt::UTC);
    r.originalHeaders = "From: alice@example.test\r\nTo: bob@example.test\r\nSubject: x\r\n"
                        "Message-ID: <abc@example.test>\r\n\r\nbody not included\r\n";
    return r;
}

} // namespace

class MdnBuilderTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<bool>("automatic");
        QTest::addColumn<QString>("type");
        QTest::newRow("manual-displayed") << false << QStringLiteral("displayed");
        QTest::newRow("automatic-displayed") << true << QStringLiteral("displayed");
        QTest::newRow("automatic-deleted") << true << QStringLiteral("deleted");
        QTest::newRow("manual-dispatched") << false << QStringLiteral("dispatched");
    }

    void roundTrip()
    {
        QFETCH(bool, automatic);
        QFETCH(QString, type);
        Mime::MdnRequest request = bobReadsAlice();
        request.automatic = automatic;
        request.dispositionType = type;
        const Mime::BuiltMessage built = Mime::buildMdn(request);
        QVERIFY2(built.isValid(), qPrintable(built.error));
        QCOMPARE(built.envelope.mailFrom, QString()); // MAIL FROM:<>
        QCOMPARE(built.envelope.recipients, QStringList{QStringLiteral("alice@example.test")});
        QVERIFY(!built.bytes.contains("\n\n"));
        QVERIFY(built.bytes.contains("report-type=disposition-notification"));
        QCOMPARE(built.bytes.contains("Auto-Submitted: auto-replied"), automatic);

        const Reports::DeliveryReport report = Reports::parseDeliveryReport(built.bytes);
        QCOMPARE(report.kind, Reports::ReportKind::Mdn);
        QCOMPARE(report.mdn.originalMessageId, QStringLiteral("abc@example.test"));
        QCOMPARE(report.mdn.finalRecipient.address, QStringLiteral("bob@example.test"));
        QCOMPARE(report.mdn.disposition.type, type);
        QCOMPARE(report.mdn.disposition.actionMode,
                 automatic ? QStringLiteral("automatic-action") : QStringLiteral("manual-action"));
        QCOMPARE(report.mdn.reportingUa, QStringLiteral("bob-laptop; Mailtrail 0.1.0"));

        const Mime::ParsedMessage parsed = Mime::MessageReader::parse(built.bytes);
        QVERIFY(parsed.headers.subject.contains(QStringLiteral("Quarterly figures – Q3")));
        QCOMPARE(parsed.root.contentType, QByteArray("multipart/report"));
        QCOMPARE(parsed.root.children.size(), 3);
        QCOMPARE(parsed.root.children.at(1).contentType, QByteArray("message/disposition-notification"));
        QVERIFY(!parsed.root.children.at(2).content.contains("body not included"));
    }

    void utf8Recipient()
    {
        Mime::MdnRequest request = bobReadsAlice();
        request.finalRecipient = QStringLiteral("jörg@example.test");
        const Mime::BuiltMessage built = Mime::buildMdn(request);
        QVERIFY(built.isValid());
        QVERIFY(built.bytes.contains("Final-Recipient: utf-8;jörg@example.test"));
        QVERIFY(built.envelope.requires8BitMime);
    }

    void refusals_data()
    {
        QTest::addColumn<Mime::MdnRequest>("request");
        Mime::MdnRequest badType = bobReadsAlice();
        badType.dispositionType = QStringLiteral("read");
        QTest::newRow("unknown-disposition-type") << badType;
        Mime::MdnRequest noTo = bobReadsAlice();
        noTo.to.clear();
        QTest::newRow("no-recipient") << noTo;
    }

    void refusals()
    {
        QFETCH(Mime::MdnRequest, request);
        const Mime::BuiltMessage built = Mime::buildMdn(request);
        QVERIFY(!built.isValid());
        QVERIFY(!built.error.isEmpty());
    }

    void headerInjectionIsNeutralised()
    {
        Mime::MdnRequest request = bobReadsAlice();
        request.reportingUa = QStringLiteral("x\r\nDisposition: automatic-action/MDN-sent-automatically; deleted");
        const Mime::BuiltMessage built = Mime::buildMdn(request);
        QVERIFY(built.isValid());
        const Reports::DeliveryReport report = Reports::parseDeliveryReport(built.bytes);
        QCOMPARE(report.mdn.disposition.type, QStringLiteral("displayed"));
    }
};

QTEST_GUILESS_MAIN(MdnBuilderTest)
#include "MdnBuilderTest.moc"
