// SPDX-License-Identifier: GPL-3.0-or-later
// The message viewer: safe HTML with remote content blocked until the user loads it, no
// local files ever read, attachments saved, the read-receipt bar driven by the policy.
#include "MessageViewer.h"
#include "SafeTextBrowser.h"
#include "Translations.h"

#include <QBuffer>
#include <QFrame>
#include <QImage>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

using namespace Mailtrail;
using namespace Mailtrail::Ui;

namespace {

QByteArray crlf(QByteArray text)
{
    return text.replace("\n", "\r\n");
}

const QByteArray htmlMail = crlf(
    "From: Shop <news@shop.example>\nTo: alice@example.test\nSubject: Offers\nMessage-ID: <o@shop.example>\n"
    "MIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n\n"
    "<p onclick=\"steal()\">Hello <b>Alice</b></p><img src=\"https://tracker.example/p.gif\">"
    "<img src=\"file:///etc/passwd\"><script>document.write('x')</script>\n");

QByteArray receiptMail(const char *returnPath, const char *notifyTo)
{
    return crlf(QByteArray("Return-Path: <") + returnPath + ">\nFrom: Carol <carol@example.test>\n"
                "To: alice@example.test\nSubject: Please confirm\nMessage-ID: <confirm@example.test>\n"
                "Disposition-Notification-To: " + notifyTo + "\nContent-Type: text/plain\n\nThanks\n");
}

} // namespace

class MessageViewerTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        // As in the app: the English plural forms ("1 remote image") come from mailtrail_en.
        installTranslations(*QCoreApplication::instance(), QLocale(QLocale::English));
    }

    void htmlIsSanitizedAndRemoteBlocked()
    {
        MessageViewer viewer;
        viewer.show();
        viewer.setMessage(htmlMail);
        const QString shown = viewer.bodyView()->toHtml();
        QVERIFY(shown.contains(QStringLiteral("Alice")));
        QVERIFY(!shown.contains(QStringLiteral("steal")));
        QVERIFY(!shown.contains(QStringLiteral("document.write")));
        QVERIFY(!shown.contains(QStringLiteral("tracker.example")));
        QVERIFY(viewer.remoteBar()->isVisible());
        QCOMPARE(viewer.remoteBar()->findChild<QLabel *>()->text(),
                 QStringLiteral("To protect your privacy, 1 remote image or style was not loaded."));

        // The browser itself refuses remote and local resources whatever the HTML says.
        SafeTextBrowser *body = viewer.bodyView();
        QVERIFY(body->loadResource(QTextDocument::ImageResource, QUrl(QStringLiteral("https://tracker.example/p.gif"))).isNull());
        QVERIFY(body->loadResource(QTextDocument::ImageResource, QUrl(QStringLiteral("file:///etc/passwd"))).isNull());
        QVERIFY(body->refusedUrls().contains(QStringLiteral("https://tracker.example/p.gif")));

        // Load: the remote image is now in the HTML and may go through the fetcher.
        QStringList fetched;
        body->setFetcher([&](const QUrl &url, std::function<void(const QByteArray &)> done) {
            fetched << url.toString();
            done({});
        });
        viewer.findChild<QPushButton *>(QStringLiteral("loadRemote"))->click();
        QVERIFY(!viewer.remoteBar()->isVisible());
        QVERIFY(viewer.bodyView()->remoteAllowed());
        QVERIFY(fetched.contains(QStringLiteral("https://tracker.example/p.gif")));
        QVERIFY(!fetched.contains(QStringLiteral("file:///etc/passwd")));
    }

    void dataImagesAreDecoded()
    {
        SafeTextBrowser browser;
        QImage image(4, 4, QImage::Format_ARGB32);
        image.fill(Qt::red);
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        const QUrl url(QStringLiteral("data:image/png;base64,") + QString::fromLatin1(png.toBase64()));
        const QVariant loaded = browser.loadResource(QTextDocument::ImageResource, url);
        QCOMPARE(loaded.value<QImage>().size(), QSize(4, 4));
        QVERIFY(browser.refusedUrls().isEmpty());
    }

    void attachmentsAreListedAndSaved()
    {
        MessageViewer viewer;
        viewer.setMessage(crlf("From: d@example.test\nSubject: Minutes\nMIME-Version: 1.0\n"
                               "Content-Type: multipart/mixed; boundary=\"B\"\n\n--B\nContent-Type: text/plain\n\nSee file.\n"
                               "--B\nContent-Type: application/octet-stream; name=\"../../evil.sh\"\n"
                               "Content-Disposition: attachment; filename=\"../../evil.sh\"\nContent-Transfer-Encoding: base64\n\n"
                               + QByteArray("echo hi\n").toBase64() + "\n--B--\n"));
        QCOMPARE(viewer.attachmentList()->count(), 1);
        QVERIFY(!viewer.attachmentList()->item(0)->text().contains(QStringLiteral("../")));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("saved"));
        QCOMPARE(viewer.saveAttachment(0, path), QString());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("echo hi\n"));
        QVERIFY(viewer.saveAttachment(0, dir.filePath(QStringLiteral("no/such/dir/x"))).startsWith(QStringLiteral("Cannot write")));
        QVERIFY(!viewer.saveAttachment(5, path).isEmpty());
    }

    void readReceiptBar_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QByteArrayList>("flags");
        QTest::addColumn<bool>("barShown");
        QTest::addColumn<int>("automaticSends");
        const auto ask = int(Tracking::ReceiptMode::Ask);
        const auto always = int(Tracking::ReceiptMode::Always);
        const auto never = int(Tracking::ReceiptMode::Never);
        const QByteArray matching = receiptMail("carol@example.test", "carol@example.test");
        QTest::newRow("ask-shows-bar") << ask << matching << QByteArrayList() << true << 0;
        QTest::newRow("always-sends-automatically") << always << matching << QByteArrayList() << false << 1;
        QTest::newRow("never-says-nothing") << never << matching << QByteArrayList() << false << 0;
        QTest::newRow("rfc8098-2.1-return-path-differs-asks") << always << receiptMail("bounce@other.example", "carol@example.test")
                                                              << QByteArrayList() << true << 0;
        QTest::newRow("mdnsent-already") << ask << matching << QByteArrayList({"$MDNSent"}) << false << 0;
    }
    void readReceiptBar()
    {
        QFETCH(int, mode);
        QFETCH(QByteArray, raw);
        QFETCH(QByteArrayList, flags);
        QFETCH(bool, barShown);
        QFETCH(int, automaticSends);
        MessageViewer viewer;
        viewer.show();
        Tracking::ReadReceiptPolicy policy;
        policy.mode = policy.notAddressed = policy.outsideDomain = Tracking::ReceiptMode(mode);
        viewer.setReceiptContext(policy, {{QStringLiteral("alice@example.test")}, {}});
        QSignalSpy requested(&viewer, &MessageViewer::readReceiptRequested);
        viewer.setMessage(raw, flags);
        QCOMPARE(viewer.receiptBar()->isVisible(), barShown);
        QCOMPARE(requested.size(), automaticSends);
        if (automaticSends)
            QCOMPARE(requested.first().at(2).toBool(), true);
        if (barShown) {
            viewer.findChild<QPushButton *>(QStringLiteral("sendReceipt"))->click();
            QCOMPARE(requested.size(), 1);
            QCOMPARE(requested.first().at(0).toByteArray(), QByteArray("<confirm@example.test>"));
            QCOMPARE(requested.first().at(2).toBool(), false);
            QVERIFY(!viewer.receiptBar()->isVisible());
        }
    }

    void ignoreHidesTheBar()
    {
        MessageViewer viewer;
        viewer.show();
        viewer.setReceiptContext({}, {{QStringLiteral("alice@example.test")}, {}});
        QSignalSpy ignored(&viewer, &MessageViewer::readReceiptIgnored);
        viewer.setMessage(receiptMail("carol@example.test", "carol@example.test"));
        QVERIFY(viewer.receiptBar()->isVisible());
        viewer.findChild<QPushButton *>(QStringLiteral("ignoreReceipt"))->click();
        QCOMPARE(ignored.size(), 1);
        QVERIFY(!viewer.receiptBar()->isVisible());
    }

    void garbageStillShows()
    {
        MessageViewer viewer;
        viewer.setMessage(QByteArray("\x00\xff garbage without headers", 26));
        QVERIFY(viewer.message());
        viewer.setMessage({});
        QVERIFY(viewer.message());
    }
};

QTEST_MAIN(MessageViewerTest)
#include "MessageViewerTest.moc"
