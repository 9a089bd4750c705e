// SPDX-License-Identifier: GPL-3.0-or-later
// Pdf::attach(): files embedded by an incremental update, read back by poppler's pdfdetach
// (an independent reader), and every kind of PDF it cannot update refused with the input kept.
#include "Poppler.h"
#include "pdf/EmbeddedFiles.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Mailtrail;

namespace {

QByteArray contentStream(const QByteArray &operators)
{
    return "<< /Length " + QByteArray::number(operators.size()) + " >>\nstream\n" + operators + "\nendstream";
}

/// A one-page PDF with a classic cross-reference table; @p catalogExtra goes into the catalog.
QByteArray minimalPdf(const QByteArray &catalogExtra = {}, const QByteArray &trailerExtra = {})
{
    const QList<QByteArray> objects{
        "<< /Type /Catalog /Pages 2 0 R" + catalogExtra + " >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        contentStream("BT /F1 18 Tf 20 100 Td (Hello proof) Tj ET"),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        "<< /Title (A \\(tricky\\) title >> with brackets) /Producer (test) >>",
    };
    QByteArray pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
    QList<qsizetype> offsets;
    for (int i = 0; i < objects.size(); ++i) {
        offsets.append(pdf.size());
        pdf += QByteArray::number(i + 1) + " 0 obj\n" + objects.at(i) + "\nendobj\n";
    }
    const qsizetype xref = pdf.size();
    pdf += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f\r\n";
    for (qsizetype o : offsets)
        pdf += QByteArray::number(o).rightJustified(10, '0') + " 00000 n\r\n";
    pdf += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1)
           + " /Root 1 0 R /Info 6 0 R /ID [<00112233445566778899AABBCCDDEEFF><00112233445566778899AABBCCDDEEFF>]"
           + trailerExtra + " >>\nstartxref\n" + QByteArray::number(xref) + "\n%%EOF\n";
    return pdf;
}

/// @p pdf with an incremental update that replaces the page's contents (object 4) only, so
/// the catalog is found through /Prev.
QByteArray updated(const QByteArray &pdf)
{
    const qsizetype previous = pdf.mid(pdf.lastIndexOf("startxref") + 10).trimmed().split('\n').first().toLongLong();
    QByteArray out = pdf;
    const qsizetype at = out.size();
    out += "4 0 obj\n" + contentStream("BT /F1 18 Tf 20 100 Td (Hello again) Tj ET") + "\nendobj\n";
    const qsizetype xref = out.size();
    out += "xref\n4 1\n" + QByteArray::number(at).rightJustified(10, '0') + " 00000 n\r\ntrailer\n<< /Size 7 /Root 1 0 R /Info 6 0 R /Prev "
           + QByteArray::number(previous) + " >>\nstartxref\n" + QByteArray::number(xref) + "\n%%EOF\n";
    return out;
}

QString write(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    QFile file(dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return file.fileName();
}

QList<Pdf::EmbeddedFile> reports()
{
    Pdf::EmbeddedFile dsn;
    dsn.fileName = QStringLiteral("report-7-delivery-status.eml");
    dsn.description = QStringLiteral("Delivery report, received 2026-03-02 10:05:00 UTC");
    dsn.mimeType = QStringLiteral("message/rfc822");
    dsn.modified = QDateTime(QDate(2026, 3, 2), QTime(10, 5), QTimeZone::utc());
    dsn.data = "From: MAILER-DAEMON\r\nSubject: Undelivered Mail (x)\r\n\r\nbinary \x00\x01\xff and ) ( \\ endstream\n";
    dsn.data.append('\0');
    Pdf::EmbeddedFile mdn;
    mdn.fileName = QStringLiteral("Lesebestätigung 8.eml"); // not ASCII: a UTF-16 name
    mdn.mimeType = QStringLiteral("message/rfc822");
    mdn.modified = QDateTime(QDate(2026, 3, 2), QTime(11, 5), QTimeZone(3600));
    mdn.data = "Subject: Read: x\n\nDisplayed.\n";
    Pdf::EmbeddedFile duplicate = mdn;
    duplicate.data = "a second file of the same name\n";
    return {dsn, mdn, duplicate};
}

} // namespace

class EmbeddedFilesTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tokens()
    {
        QCOMPARE(Pdf::textStringToken(QStringLiteral("a(b)")), QByteArray("<61286229>"));
        QCOMPARE(Pdf::textStringToken(QStringLiteral("ä")), QByteArray("<FEFF00E4>"));
        QCOMPARE(Pdf::dateToken(QDateTime(QDate(2026, 3, 2), QTime(10, 5, 9), QTimeZone::utc())),
                 QByteArray("(D:20260302100509Z)"));
        QCOMPARE(Pdf::dateToken(QDateTime(QDate(2026, 3, 2), QTime(10, 5, 9), QTimeZone(-(5 * 3600 + 30 * 60)))),
                 QByteArray("(D:20260302100509-05'30')"));
    }

    void attachesFilesThatPopplerReads_data()
    {
        QTest::addColumn<QByteArray>("pdf");
        QTest::newRow("one-section") << minimalPdf();
        QTest::newRow("catalog-in-earlier-update") << updated(minimalPdf());
        QTest::newRow("page-mode-kept") << minimalPdf(" /PageMode /UseOutlines");
    }
    void attachesFilesThatPopplerReads()
    {
        QFETCH(QByteArray, pdf);
        const Pdf::AttachResult result = Pdf::attach(pdf, reports());
        QCOMPARE(result.error, QString());
        QVERIFY(result.pdf.startsWith(pdf)); // an incremental update: the original bytes untouched
        QTemporaryDir dir;
        const QString path = write(dir, QStringLiteral("out.pdf"), result.pdf);
        QVERIFY(!path.isEmpty());

        QString error;
        const QMap<QString, QByteArray> files = Test::pdfAttachments(path, &error);
        QCOMPARE(error, QString());
        QCOMPARE(files.keys(), (QStringList{QStringLiteral("Lesebestätigung 8.eml"),
                                            QStringLiteral("Lesebestätigung 8.eml (2)"),
                                            QStringLiteral("report-7-delivery-status.eml")}));
        QCOMPARE(files.value(QStringLiteral("report-7-delivery-status.eml")), reports().at(0).data);
        QCOMPARE(files.value(QStringLiteral("Lesebestätigung 8.eml")), reports().at(1).data);
        QCOMPARE(files.value(QStringLiteral("Lesebestätigung 8.eml (2)")), reports().at(2).data);

        // The document itself is intact: poppler reads its page without a complaint.
        const QString text = Test::pdfText(path, &error);
        QCOMPARE(error, QString());
        QVERIFY2(text.contains(QStringLiteral("Hello")), qPrintable(text));
        const Test::PopplerRun info = Test::runPoppler(QStringLiteral("pdfinfo"), {path});
        QCOMPARE(info.exitCode, 0);
        QCOMPARE(info.err, QByteArray());
        QVERIFY(info.out.contains("A (tricky) title >> with brackets"));
        QVERIFY2(QRegularExpression(QStringLiteral("\\nPages: +1\\n")).match(QString::fromLatin1(info.out)).hasMatch(), info.out.constData());
        // The new catalog keeps a page mode it had, else asks to show the attachments.
        const QByteArray update = result.pdf.mid(pdf.size());
        QCOMPARE(update.count("/PageMode"), 1);
        QCOMPARE(update.contains("/PageMode /UseAttachments"), !pdf.contains("/PageMode"));
    }

    void noFilesLeavesThePdfAsItIs()
    {
        const QByteArray pdf = minimalPdf();
        const Pdf::AttachResult result = Pdf::attach(pdf, {});
        QCOMPARE(result.error, QString());
        QCOMPARE(result.pdf, pdf);
    }

    void refusesWhatItCannotUpdate_data()
    {
        QTest::addColumn<QByteArray>("pdf");
        QTest::addColumn<QString>("error");
        const QByteArray good = minimalPdf();
        QTest::newRow("empty") << QByteArray() << QStringLiteral("not a PDF");
        QTest::newRow("html") << QByteArray("<html>%PDF-1.4</html>") << QStringLiteral("not a PDF");
        QTest::newRow("truncated-no-startxref") << good.left(good.indexOf("startxref")) << QStringLiteral("startxref");
        QTest::newRow("startxref-past-end") << QByteArray(good).replace(good.mid(good.lastIndexOf("startxref") + 10).split('\n').first(), "999999")
                                            << QStringLiteral("startxref");
        QByteArray xrefStream = good;
        xrefStream.replace(good.lastIndexOf("xref\n0 7"), 4, "7 0 obj");
        QTest::newRow("xref-stream") << xrefStream << QStringLiteral("cross-reference streams");
        QByteArray damagedEntry = good;
        damagedEntry.replace("0000000000 65535 f", "0000000000 65535 x");
        QTest::newRow("damaged-xref-entry") << damagedEntry << QStringLiteral("cross-reference table");
        QByteArray noTrailer = good;
        noTrailer.replace("trailer\n<<", "trailer\n[[");
        QTest::newRow("no-trailer-dictionary") << noTrailer << QStringLiteral("trailer");
        QByteArray noRoot = good;
        noRoot.replace("/Root 1 0 R", "/Rot 1 0 R");
        QTest::newRow("no-root") << noRoot << QStringLiteral("trailer");
        QByteArray rootToPage = good;
        rootToPage.replace("/Root 1 0 R", "/Root 3 0 R");
        QTest::newRow("root-not-a-catalog") << rootToPage << QStringLiteral("catalog");
        QByteArray rootFree = good;
        rootFree.replace("/Root 1 0 R", "/Root 9 0 R");
        QTest::newRow("root-out-of-range") << rootFree << QStringLiteral("trailer");
        QTest::newRow("encrypted") << minimalPdf({}, " /Encrypt 6 0 R") << QStringLiteral("encrypted");
        QTest::newRow("already-has-names") << minimalPdf(" /Names << /Dests 6 0 R >>") << QStringLiteral("name dictionary");
        QTest::newRow("attached-twice") << Pdf::attach(good, reports()).pdf << QStringLiteral("name dictionary");
        QByteArray prevLoop = updated(good);
        const QByteArray self = prevLoop.mid(prevLoop.lastIndexOf("startxref") + 10).trimmed().split('\n').first();
        prevLoop.replace(QRegularExpression(QStringLiteral("/Prev \\d+")).match(QString::fromLatin1(prevLoop)).captured(0).toLatin1(),
                         QByteArray("/Prev " + self));
        QTest::newRow("prev-loop") << prevLoop << QStringLiteral("cross-reference table");
    }
    void refusesWhatItCannotUpdate()
    {
        QFETCH(QByteArray, pdf);
        QFETCH(QString, error);
        const Pdf::AttachResult result = Pdf::attach(pdf, reports());
        QVERIFY2(result.error.contains(error), qPrintable(result.error));
        QVERIFY(!result.ok());
        QVERIFY(result.pdf.isEmpty());
    }
};

QTEST_GUILESS_MAIN(EmbeddedFilesTest)
#include "EmbeddedFilesTest.moc"
