// SPDX-License-Identifier: GPL-3.0-or-later
// The tracking scan's header-only pre-check (Reports::mightBeReport): rows for each rule and
// for ordinary mail that must not be fetched. ReportCorpusTest scores it on the whole corpus.
#include "reports/ReportPreCheck.h"

#include <QTest>

using namespace Mailtrail::Reports;

class ReportPreCheckTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rules_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("autoSubmitted");
        QTest::addColumn<QByteArray>("returnPath");
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("subject");
        QTest::addColumn<int>("reason");
        using R = PreCheckReason;
        QTest::newRow("rfc6522-report") << QByteArray("multipart/report") << QByteArray() << QByteArray()
                                        << QByteArray("bob@example.com") << QByteArray("Hello") << int(R::ReportMediaType);
        QTest::newRow("rfc3834-auto-replied") << QByteArray("text/plain") << QByteArray("auto-replied") << QByteArray()
                                              << QByteArray("bob@example.com") << QByteArray("Hello") << int(R::AutoSubmitted);
        QTest::newRow("auto-submitted-no") << QByteArray("text/plain") << QByteArray("no") << QByteArray()
                                           << QByteArray("bob@example.com") << QByteArray("Lunch?") << int(R::None);
        QTest::newRow("null-return-path") << QByteArray("text/plain") << QByteArray() << QByteArray("<>")
                                          << QByteArray("bob@example.com") << QByteArray("Hello") << int(R::NullReturnPath);
        QTest::newRow("post_master") << QByteArray("multipart/mixed") << QByteArray() << QByteArray()
                                     << QByteArray("post_master@vtext.example.com") << QByteArray("Re:Test")
                                     << int(R::SystemSender);
        QTest::newRow("Mailer-Daemon") << QByteArray("text/plain") << QByteArray() << QByteArray()
                                       << QByteArray("Mailer-Daemon@example.com") << QByteArray("x") << int(R::SystemSender);
        QTest::newRow("list-admin") << QByteArray("text/plain") << QByteArray() << QByteArray()
                                    << QByteArray("neko-admin@example.co.jp") << QByteArray("Loop") << int(R::SystemSender);
        QTest::newRow("amazon-ses-through-sns") << QByteArray("text/plain") << QByteArray() << QByteArray()
                                                << QByteArray("no-reply@sns.amazonaws.com")
                                                << QByteArray("AWS Notification Message") << int(R::SystemSender);
        QTest::newRow("no-sender") << QByteArray("multipart/mixed") << QByteArray() << QByteArray() << QByteArray()
                                   << QByteArray("Delivery Status") << int(R::NoSender);
        QTest::newRow("bounce-subject") << QByteArray("text/plain") << QByteArray() << QByteArray()
                                        << QByteArray("gateway@example.com") << QByteArray("Undeliverable: Figures")
                                        << int(R::ReportSubject);
        QTest::newRow("japanese-bounce-subject") << QByteArray("text/plain") << QByteArray() << QByteArray()
                                                 << QByteArray("gw@example.jp")
                                                 << QByteArray("\xe9\x85\x8d\xe4\xbf\xa1\xe3\x82\xa8\xe3\x83\xa9\xe3\x83\xbc")
                                                 << int(R::ReportSubject);
        QTest::newRow("read-receipt-subject") << QByteArray("text/plain") << QByteArray() << QByteArray()
                                              << QByteArray("bob@example.com") << QByteArray("Read: Figures")
                                              << int(R::ReportSubject);
        QTest::newRow("ordinary-mail") << QByteArray("text/plain") << QByteArray() << QByteArray("<bob@example.com>")
                                       << QByteArray("bob@example.com") << QByteArray("Re: Lunch on Friday") << int(R::None);
        QTest::newRow("report-type-upper-case") << QByteArray("Multipart/Report") << QByteArray() << QByteArray()
                                                << QByteArray("bob@example.com") << QByteArray("Hello") << int(R::ReportMediaType);
        QTest::newRow("auto-submitted-No") << QByteArray("text/plain") << QByteArray("No") << QByteArray()
                                           << QByteArray("bob@example.com") << QByteArray("Lunch?") << int(R::None);
        QTest::newRow("auto-submitted-n") << QByteArray("text/plain") << QByteArray("n") << QByteArray()
                                          << QByteArray("bob@example.com") << QByteArray("Lunch?") << int(R::AutoSubmitted);
        QTest::newRow("ses-upper-case-domain") << QByteArray("text/plain") << QByteArray() << QByteArray()
                                               << QByteArray("x@Feedback.AmazonSES.com") << QByteArray("Hi") << int(R::SystemSender);
        QTest::newRow("forwarded-with-attachments") << QByteArray("MULTIPART/mixed") << QByteArray() << QByteArray()
                                                    << QByteArray("bob@example.com") << QByteArray("Fwd: the figures")
                                                    << int(R::Forwarded);
        QTest::newRow("long-subject-after-short") << QByteArray("text/plain") << QByteArray() << QByteArray()
                                                  << QByteArray("bob@example.com")
                                                  << QByteArray("A long subject about nothing in particular, then: Mail Delivery")
                                                  << int(R::ReportSubject);
        QTest::newRow("newsletter-noreply") << QByteArray("multipart/alternative") << QByteArray() << QByteArray()
                                            << QByteArray("noreply@shop.example.com")
                                            << QByteArray("Your weekly offers") << int(R::None);
    }

    void rules()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, autoSubmitted);
        QFETCH(QByteArray, returnPath);
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, subject);
        QFETCH(int, reason);
        const CachedHeaders headers{contentType, autoSubmitted, returnPath, from, subject};
        QCOMPARE(int(preCheck(headers)), reason);
        QCOMPARE(mightBeReport(headers), reason != int(PreCheckReason::None));
    }
};

QTEST_GUILESS_MAIN(ReportPreCheckTest)
#include "ReportPreCheckTest.moc"
