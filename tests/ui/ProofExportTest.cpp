// SPDX-License-Identifier: GPL-3.0-or-later
// Issue #19 item 7: the proof-of-delivery PDF, exported from the delivery panel of the main
// window over the UI fixture (a tracked message whose DSN, ingested by the real report
// ingest, says ghost failed), and read back by poppler: the header, the tables, the appendix,
// and the raw reports attached as embedded files, byte for byte as stored.
#include "AppContext.h"
#include "DeliveryPanel.h"
#include "FolderPane.h"
#include "MainWindow.h"
#include "MessageListPane.h"
#include "Poppler.h"
#include "ProofPdf.h"
#include "UiFixture.h"
#include "tracking/ProofOfDelivery.h"
#include "tracking/TrackingStore.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QFileDialog>
#include <QLabel>
#include <QPushButton>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QTextBlock>
#include <QTextFrame>
#include <QTextTable>
#include <QTimeZone>
#include <QTreeView>

using namespace Mailtrail;
using namespace Mailtrail::Ui;
using namespace Qt::StringLiterals;

namespace {

QFileDialog *exportDialog(QWidget *parent)
{
    QFileDialog *found = nullptr;
    [&] { QTRY_VERIFY((found = parent->findChild<QFileDialog *>(u"exportDialog"_s)) && found->isVisible()); }();
    return found;
}

} // namespace

class ProofExportTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        QCOMPARE(Test::openFixtureWindow(m_fixture, m_context, m_window), QString());
    }

    void cleanup()
    {
        m_window.reset();
        m_context.reset();
    }

    void timeFormatKeepsSecondsAndZone()
    {
        const QDateTime t(QDate(2026, 3, 2), QTime(10, 5, 9), QTimeZone::utc());
        QCOMPARE(Tracking::proofTime(t, QTimeZone::utc()), u"2026-03-02 10:05:09 UTC"_s);
        QCOMPARE(Tracking::proofTime(t, QTimeZone(3600)), u"2026-03-02 11:05:09 UTC+01:00"_s);
        QCOMPARE(Tracking::proofTime(t, QTimeZone(-(3 * 3600 + 30 * 60))), u"2026-03-02 06:35:09 UTC-03:30"_s);
        QCOMPARE(Tracking::proofTime(QDateTime()), QString());
        QCOMPARE(Tracking::proofFileName(u"Three outcomes"_s, QDate(2026, 3, 2)),
                 u"Proof of delivery – Three outcomes – 2026-03-02.pdf"_s);
        QCOMPARE(Tracking::proofFileName(u"../../etc/passwd: a/b"_s, QDate(2026, 3, 2)).contains(QLatin1Char('/')), false);
        QCOMPARE(Tracking::proofFileName({}, QDate(2026, 3, 2)), u"Proof of delivery – 2026-03-02.pdf"_s);
    }

    /// From the panel's button, through the save dialog, to a PDF poppler reads.
    void exportsThroughTheDialog()
    {
        QTemporaryDir dir;
        const QString settings = dir.filePath(u"settings.ini"_s);
        DeliveryPanel *panel = m_window->deliveryPanel();
        panel->setSettingsFile(settings);
        m_window->folderPane()->selectTracked(TrackedFilter::All);
        QTreeView *tracked = m_window->listPane()->trackedView();
        for (int r = 0; r < tracked->model()->rowCount(); ++r) {
            if (tracked->model()->index(r, 0).data().toString() == "Three outcomes"_L1)
                tracked->setCurrentIndex(tracked->model()->index(r, 0));
        }
        QTRY_COMPARE(panel->sentMessage(), m_fixture.threeOutcomes);
        QVERIFY(panel->exportPdfButton()->isEnabled());

        // The dialog suggests a name from the subject and the date sent.
        panel->exportPdfButton()->click();
        QFileDialog *dialog = exportDialog(panel);
        QVERIFY(dialog);
        QCOMPARE(dialog->acceptMode(), QFileDialog::AcceptSave);
        QCOMPARE(panel->suggestedFileName(u"pdf"_s), u"Proof of delivery – Three outcomes – 2026-03-02.pdf"_s);
        const QString pdf = dir.filePath(panel->suggestedFileName(u"pdf"_s));
        dialog->selectFile(pdf);
        QMetaObject::invokeMethod(dialog, "accept");
        QTRY_VERIFY(panel->exportNotice()->isVisible());
        QVERIFY2(panel->exportNotice()->text().contains(pdf), qPrintable(panel->exportNotice()->text()));
        QVERIFY(QFileInfo::exists(pdf));

        // The next export starts in the folder used last (kept in the profile's settings).
        QCOMPARE(panel->exportDirectory(), dir.path());
        panel->exportPdfButton()->click();
        dialog = exportDialog(panel);
        QVERIFY(dialog);
        QCOMPARE(QFileInfo(dialog->directory().absolutePath()).canonicalFilePath(), QFileInfo(dir.path()).canonicalFilePath());
        dialog->reject();

        // What a reader sees.
        QString error;
        const QString text = Test::pdfText(pdf, &error);
        QCOMPARE(error, QString());
        const auto message = m_context->trackingStore().message(m_fixture.threeOutcomes);
        QVERIFY(message);
        const QString sent = Tracking::proofTime(message->submittedAt);
        for (const QString &expected :
             {u"Proof of delivery"_s, u"Three outcomes"_s, u"From"_s, u"alice@example.test"_s, u"Sent"_s, sent,
              u"Message-ID"_s, u"<three@example.test>"_s, u"Recipients"_s, u"bob@example.test — Read"_s,
              u"carol@example.test — "_s, u"ghost@example.test — Failed"_s, u"Time"_s, u"What happened"_s,
              u"Evidence"_s, u"5.1.1"_s, u"Appendix: the reports as received"_s, u"Attachment 1: report-"_s,
              u"Attachment 2: report-"_s, u"Reporting-MTA: dns; mail.example.test"_s}) {
            QVERIFY2(text.contains(expected), qPrintable(u"missing %1 in:\n%2"_s.arg(expected, text)));
        }
        // One time format everywhere: every date printed has seconds and a zone.
        static const QRegularExpression anyDate(u"\\b\\d{4}-\\d\\d-\\d\\d\\b"_s);
        static const QRegularExpression withTime(u"^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC"_s);
        int dates = 0;
        for (auto it = anyDate.globalMatch(text); it.hasNext(); ++dates) {
            const auto match = it.next();
            if (text.mid(match.capturedEnd(), 4) == ".pdf"_L1)
                continue; // the file name
            QVERIFY2(withTime.match(text.mid(match.capturedStart(), 40)).hasMatch(),
                     qPrintable(text.mid(match.capturedStart(), 40)));
        }
        QVERIFY(dates >= 12);

        // The reports the evidence came from, attached byte for byte as stored.
        QList<qint64> reportIds;
        for (const auto &timeline : message->recipients) {
            for (const auto &e : timeline.events()) {
                if (e.reportId > 0 && !reportIds.contains(e.reportId))
                    reportIds.append(e.reportId);
            }
        }
        QCOMPARE(reportIds.size(), 2); // the DSN and the MDN
        const QMap<QString, QByteArray> attached = Test::pdfAttachments(pdf, &error);
        QCOMPARE(error, QString());
        QCOMPARE(attached.size(), reportIds.size());
        for (const qint64 id : std::as_const(reportIds)) {
            const QByteArray raw = m_context->trackingStore().reportRaw(id);
            QVERIFY(!raw.isEmpty());
            QString name;
            for (auto it = attached.cbegin(); it != attached.cend(); ++it) {
                if (it.key().startsWith(u"report-%1-"_s.arg(id)))
                    name = it.key();
            }
            QVERIFY2(!name.isEmpty(), qPrintable(QStringList(attached.keys()).join(u", "_s)));
            QVERIFY(name.endsWith(u".eml"_s));
            QCOMPARE(attached.value(name), raw);
            QVERIFY2(text.contains(name), qPrintable(name)); // cited in the table and the appendix
        }
    }

    void exportFailsCleanly()
    {
        DeliveryPanel *panel = m_window->deliveryPanel();
        panel->setSentMessage(0);
        QVERIFY(!panel->exportPdfButton()->isEnabled());
        QTemporaryDir dir;
        QCOMPARE(panel->exportPdf(dir.filePath(u"x.pdf"_s)), u"No sent message is selected."_s);
        QVERIFY(!QFileInfo::exists(dir.filePath(u"x.pdf"_s)));
        panel->setSentMessage(m_fixture.threeOutcomes);
        const QString error = panel->exportPdf(dir.filePath(u"missing/dir/x.pdf"_s));
        QVERIFY2(error.startsWith(u"Cannot write"_s), qPrintable(error));
        // A remembered folder that is gone: the dialog falls back to an existing one.
        const QString settings = dir.filePath(u"settings.ini"_s);
        QSettings(settings, QSettings::IniFormat).setValue(u"export/directory"_s, dir.filePath(u"gone"_s));
        panel->setSettingsFile(settings);
        QVERIFY(QFileInfo(panel->exportDirectory()).isDir());
    }

    /// Long addresses and status texts wrap inside their cells: the columns keep their
    /// widths (31 / 43 / 26 %) and nothing runs off the page.
    void columnsNeverCollapse()
    {
        Tracking::TrackingStore &store = m_context->trackingStore();
        Tracking::NewSentMessage m;
        m.account = u"alice"_s;
        m.messageId = u"long@example.test"_s;
        m.subject = u"Long names"_s;
        m.sender = u"alice@example.test"_s;
        m.createdAt = QDateTime(QDate(2026, 3, 2), QTime(9, 0), QTimeZone::utc());
        const QString longAddress = u"a.very.long.mailbox.name.that.never.ends.for.the.accounts.department@subdomain.of.a.customer.example"_s;
        m.recipients = {{longAddress, longAddress, u"FAILURE"_s}};
        const auto id = store.addSentMessage(m);
        QVERIFY(id);
        Tracking::Evidence failed;
        failed.kind = Tracking::EvidenceKind::SubmissionRefused;
        failed.source = Tracking::EvidenceSource::Smtp;
        failed.time = m.createdAt.addSecs(2);
        failed.replyCode = 550;
        failed.status = u"5.7.1"_s;
        failed.diagnostic = u"550-5.7.1_<"_s + longAddress + u">:Recipient_address_rejected:_policy_"_s.repeated(4);
        QVERIFY(store.recordSubmission(*id, m.createdAt.addSecs(2), true, {}, {}, {failed}));

        Tracking::ProofOptions options;
        options.now = m.createdAt.addSecs(60);
        const auto proof = Tracking::buildProofOfDelivery(store, *id, options);
        QVERIFY(proof);
        const std::unique_ptr<QTextDocument> document = proofDocument(*proof);
        const qreal width = 500;
        document->setTextWidth(width);
        QVERIFY2(document->idealWidth() <= width + 1, qPrintable(QString::number(document->idealWidth())));
        QAbstractTextDocumentLayout *layout = document->documentLayout();
        int tables = 0;
        for (QTextFrame *frame : document->rootFrame()->childFrames()) {
            auto *table = qobject_cast<QTextTable *>(frame);
            if (!table || table->columns() != 3)
                continue;
            ++tables;
            const qreal left = layout->frameBoundingRect(table).left();
            const qreal tableWidth = layout->frameBoundingRect(table).width();
            QVERIFY(tableWidth <= width + 1);
            QCOMPARE(table->cellAt(0, 0).firstCursorPosition().block().text(), u"Time"_s);
            const qreal expected[] = {0, 0.31, 0.74};
            for (int c = 1; c < 3; ++c) {
                const qreal x = layout->blockBoundingRect(table->cellAt(table->rows() - 1, c).firstCursorPosition().block()).left();
                QVERIFY2(qAbs((x - left) / tableWidth - expected[c]) < 0.03,
                         qPrintable(u"column %1 at %2 of %3"_s.arg(c).arg(x - left).arg(tableWidth)));
            }
        }
        QCOMPARE(tables, 1);
    }

private:
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<MainWindow> m_window;
    Test::UiFixture m_fixture;
};

QTEST_MAIN(ProofExportTest)
#include "ProofExportTest.moc"
