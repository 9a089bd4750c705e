// SPDX-License-Identifier: GPL-3.0-or-later
// The composer: mailto: URLs (RFC 6068), address lists, completion from the cache,
// attachments by path and by drag and drop, the DSN warning, and the request it emits.
#include "AddressInput.h"
#include "AppContext.h"
#include "ComposerDialog.h"
#include "MailtoUrl.h"
#include "UiFixture.h"
#include "store/KnownAddresses.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCheckBox>
#include <QCompleter>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QPushButton>
#include <QTest>
#include <QTimer>

using namespace Mailtrail;
using namespace Mailtrail::Ui;

namespace QTest {
template<>
char *toString(const MailtoFields &f)
{
    return qstrdup(QStringLiteral("to=[%1] cc=[%2] bcc=[%3] subject=%4 body=%5 error=%6")
                       .arg(f.to.join(QLatin1Char(',')), f.cc.join(QLatin1Char(',')), f.bcc.join(QLatin1Char(',')),
                            f.subject, f.body, f.error)
                       .toUtf8()
                       .constData());
}
} // namespace QTest

namespace {

QList<SendIdentity> identities()
{
    SendIdentity alice{QStringLiteral("alice"), {QStringLiteral("Alice Example"), QStringLiteral("alice@example.test")}};
    SendIdentity old{QStringLiteral("oldmail"), {QString(), QStringLiteral("alice@old.example")}, false};
    return {alice, old};
}

/// Two identities of one account with signatures, and one of another account without.
QList<SendIdentity> signedIdentities()
{
    SendIdentity alice{QStringLiteral("work"), {QStringLiteral("Alice Example"), QStringLiteral("alice@work.example")}};
    alice.signature = QStringLiteral("Alice Example\nPhone 0123");
    SendIdentity support{QStringLiteral("work"), {QStringLiteral("Work Support"), QStringLiteral("support@work.example")}};
    support.signature = QStringLiteral("-- \nWork Support");
    support.replyTo = QStringLiteral("tickets@work.example");
    support.requestReadReceiptByDefault = true;
    SendIdentity home{QStringLiteral("home"), {QStringLiteral("Alice"), QStringLiteral("alice@home.example")}};
    return {alice, support, home};
}

/// The body with the cursor written as '|'.
QString withCursor(const QPlainTextEdit *body)
{
    QString text = body->toPlainText();
    text.insert(body->textCursor().position(), QLatin1Char('|'));
    return text;
}

MailtoFields fields(QStringList to, QStringList cc, QStringList bcc, QString subject, QString body)
{
    MailtoFields f;
    f.to = to;
    f.cc = cc;
    f.bcc = bcc;
    f.subject = subject;
    f.body = body;
    return f;
}

} // namespace

class ComposerTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void mailto_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<MailtoFields>("expected");
        const QString chris = QStringLiteral("chris@example.com");
        QTest::newRow("rfc6068-6.1-simple") << QStringLiteral("mailto:chris@example.com")
                                            << fields({chris}, {}, {}, {}, {});
        QTest::newRow("rfc6068-6.1-subject") << QStringLiteral("mailto:infobot@example.com?subject=current-issue")
                                             << fields({QStringLiteral("infobot@example.com")}, {}, {}, QStringLiteral("current-issue"), {});
        QTest::newRow("rfc6068-6.1-body-crlf")
            << QStringLiteral("mailto:list@example.org?body=send%20current-issue%0D%0Asend%20index")
            << fields({QStringLiteral("list@example.org")}, {}, {}, {}, QStringLiteral("send current-issue\nsend index"));
        QTest::newRow("rfc6068-6.1-to-in-hfields-and-cc")
            << QStringLiteral("mailto:joe@example.com?cc=bob@example.com&body=hello")
            << fields({QStringLiteral("joe@example.com")}, {QStringLiteral("bob@example.com")}, {}, {}, QStringLiteral("hello"));
        QTest::newRow("rfc6068-6.1-no-path-to-field")
            << QStringLiteral("mailto:?to=joe@example.com&cc=bob@example.com&bcc=x@example.com")
            << fields({QStringLiteral("joe@example.com")}, {QStringLiteral("bob@example.com")}, {QStringLiteral("x@example.com")}, {}, {});
        QTest::newRow("rfc6068-6.1-two-addresses")
            << QStringLiteral("mailto:gorby%25kremvax@example.com,joe@example.com")
            << fields({QStringLiteral("gorby%kremvax@example.com"), QStringLiteral("joe@example.com")}, {}, {}, {}, {});
        QTest::newRow("rfc6068-6.2-utf8-subject")
            << QStringLiteral("mailto:user@example.org?subject=caf%C3%A9")
            << fields({QStringLiteral("user@example.org")}, {}, {}, QStringLiteral("café"), {});
        QTest::newRow("rfc6068-5-plus-is-not-space")
            << QStringLiteral("mailto:a@example.org?subject=1+1")
            << fields({QStringLiteral("a@example.org")}, {}, {}, QStringLiteral("1+1"), {});
        QTest::newRow("header-names-case-insensitive-unknown-ignored")
            << QStringLiteral("MAILTO:a@example.org?Subject=Hi&X-Evil=1&CC=c@example.org")
            << fields({QStringLiteral("a@example.org")}, {QStringLiteral("c@example.org")}, {}, QStringLiteral("Hi"), {});
        MailtoFields bad;
        bad.error = QStringLiteral("http://example.org is not a mailto: link.");
        QTest::newRow("not-mailto") << QStringLiteral("http://example.org") << bad;
    }
    void mailto()
    {
        QFETCH(QString, url);
        QFETCH(MailtoFields, expected);
        QCOMPARE(parseMailto(url), expected);
    }

    void addressLists()
    {
        QString error;
        const auto list = parseAddressList(QStringLiteral("Jane Doe <jane@example.test>; bob@example.test, \"Doe, J\" <j@example.test>,"), &error);
        QCOMPARE(error, QString());
        QCOMPARE(list.size(), 3);
        QCOMPARE(list.at(0), (Mime::Mailbox{QStringLiteral("Jane Doe"), QStringLiteral("jane@example.test")}));
        QCOMPARE(list.at(2).name, QStringLiteral("Doe, J"));
        QCOMPARE(formatAddressList(list), QStringLiteral("Jane Doe <jane@example.test>, bob@example.test, \"Doe, J\" <j@example.test>"));
        (void)parseAddressList(QStringLiteral("ok@example.test, not an address"), &error);
        QCOMPARE(error, QStringLiteral("not an address"));
    }

    void completionFromSeenAddresses()
    {
        AppContext context;
        Test::UiFixture fixture;
        QCOMPARE(Test::fillUiFixture(context, fixture), QString());
        const QStringList seen = Store::seenAddresses(context.database().connection());
        QVERIFY(seen.contains(QStringLiteral("Carol Jones <carol@example.test>")));
        QVERIFY(seen.contains(QStringLiteral("erin@slow.example")));

        ComposerDialog composer(identities());
        composer.setKnownAddresses(seen);
        composer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&composer));
        composer.toField()->setFocus();
        QTest::keyClicks(composer.toField(), QStringLiteral("bob@x.test, car"));
        QCompleter *completer = composer.toField()->addressCompleter();
        QCOMPARE(completer->completionPrefix(), QStringLiteral("car"));
        QVERIFY(completer->completionCount() >= 1);
        QCOMPARE(completer->currentCompletion(), QStringLiteral("Carol Jones <carol@example.test>"));
        composer.toField()->insertCompletion(completer->currentCompletion());
        QCOMPARE(composer.toField()->text(), QStringLiteral("bob@x.test, Carol Jones <carol@example.test>, "));
    }

    /// Issue 19 item 5: with the completion popup open over the window, the first click on
    /// Send sends (the click that closes the popup is not lost).
    void firstClickOnSendWorksWhileCompletionIsOpen()
    {
        ComposerDialog composer(identities());
        composer.setKnownAddresses({QStringLiteral("Carol Jones <carol@example.test>"), QStringLiteral("carl@example.test")});
        composer.setConfirmation([](const QString &, const QString &) { return true; });
        composer.resize(700, 500);
        composer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&composer));
        composer.activateWindow();
        composer.subjectField()->setText(QStringLiteral("Popup"));
        composer.bodyField()->setPlainText(QStringLiteral("Hello"));
        composer.toField()->setFocus();
        QTest::keyClicks(composer.toField(), QStringLiteral("bob@example.test, carol@example.test"));
        QWidget *popup = composer.toField()->addressCompleter()->popup();
        QTRY_VERIFY(popup->isVisible());
        QCOMPARE(QApplication::activePopupWidget(), popup);
        auto *send = composer.findChild<QPushButton *>(QStringLiteral("sendButton"));
        QVERIFY(send);
        QVERIFY(!popup->geometry().contains(send->mapToGlobal(send->rect().center())));
        QSignalSpy sent(&composer, &ComposerDialog::sendRequested);
        // Through the window, as the windowing system delivers it (so the popup sees the
        // press outside it first), not straight to the button.
        QTest::mouseClick(composer.windowHandle(), Qt::LeftButton, {}, send->mapTo(&composer, send->rect().center()));
        QTRY_COMPARE(sent.size(), 1);
        QVERIFY(!popup->isVisible());
        const auto request = sent.first().first().value<OutgoingRequest>();
        QCOMPARE(request.message.to.size(), 2); // as typed: the popup's suggestion was not taken
        QCOMPARE(request.message.to.at(1).address, QStringLiteral("carol@example.test"));
    }

    void sendEmitsTheRequest()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("plan.txt"));
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("the plan");
        }
        ComposerDialog composer(identities());
        QSignalSpy sent(&composer, &ComposerDialog::sendRequested);
        composer.setMailto(parseMailto(QStringLiteral("mailto:bob@example.test?cc=carol@example.test&bcc=dave@example.test&subject=Plan&body=See%20attached")));
        QCOMPARE(composer.addAttachment(file), QString());
        QVERIFY(!composer.addAttachment(dir.filePath(QStringLiteral("missing"))).isEmpty());
        composer.readReceiptBox()->setChecked(true);
        QVERIFY(composer.deliveryReportBox()->isChecked());
        QVERIFY(composer.send());
        QCOMPARE(sent.size(), 1);
        const auto request = sent.first().first().value<OutgoingRequest>();
        QCOMPARE(request.account, QStringLiteral("alice"));
        QCOMPARE(request.message.from, (Mime::Mailbox{QStringLiteral("Alice Example"), QStringLiteral("alice@example.test")}));
        QCOMPARE(request.message.to, QList<Mime::Mailbox>({{QString(), QStringLiteral("bob@example.test")}}));
        QCOMPARE(request.message.cc.first().address, QStringLiteral("carol@example.test"));
        QCOMPARE(request.message.bcc.first().address, QStringLiteral("dave@example.test"));
        QCOMPARE(request.message.subject, QStringLiteral("Plan"));
        QCOMPARE(request.message.plainText, QStringLiteral("See attached"));
        QCOMPARE(request.message.attachments.size(), 1);
        QCOMPARE(request.message.attachments.first().fileName, QStringLiteral("plan.txt"));
        QCOMPARE(request.message.attachments.first().data, QByteArray("the plan"));
        QVERIFY(request.message.requestReadReceipt);
        QVERIFY(request.requestDeliveryReport);
    }

    void badInputIsShownNotSent()
    {
        ComposerDialog composer(identities());
        composer.show();
        QSignalSpy sent(&composer, &ComposerDialog::sendRequested);
        QVERIFY(!composer.send());
        QVERIFY(composer.findChild<QLabel *>(QStringLiteral("composerError"))->text().contains(QStringLiteral("recipient")));
        composer.toField()->setText(QStringLiteral("bob@example.test, nonsense"));
        QVERIFY(!composer.send());
        QLabel *error = composer.findChild<QLabel *>(QStringLiteral("composerError"));
        QVERIFY(error->text().contains(QStringLiteral("nonsense")));
        QCOMPARE(sent.size(), 0);
        // Still wrong while typing; gone once the address is right.
        composer.toField()->setText(QStringLiteral("bob@example.test, nonsense@"));
        QVERIFY(error->isVisible());
        composer.toField()->setText(QStringLiteral("bob@example.test, nonsense@example.test"));
        QVERIFY(error->isHidden());

        ComposerDialog empty({});
        QVERIFY(!empty.send());
        QVERIFY(empty.findChild<QLabel *>(QStringLiteral("composerError"))->text().contains(QStringLiteral("account")));
    }

    void warnsBeforeSendingWithoutDsn()
    {
        ComposerDialog composer(identities());
        composer.show();
        QSignalSpy sent(&composer, &ComposerDialog::sendRequested);
        QStringList asked;
        bool answer = false;
        composer.setConfirmation([&](const QString &title, const QString &) {
            asked << title;
            return answer;
        });
        composer.toField()->setText(QStringLiteral("bob@example.test"));
        composer.subjectField()->setText(QStringLiteral("Hi"));
        QVERIFY(!composer.warningLabel()->isVisible());
        composer.setAccount(QStringLiteral("oldmail"));
        QVERIFY(composer.warningLabel()->isVisible());
        QVERIFY(!composer.send());
        QCOMPARE(asked, QStringList({QStringLiteral("No delivery reports")}));
        QCOMPARE(sent.size(), 0);
        answer = true;
        QVERIFY(composer.send());
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.first().first().value<OutgoingRequest>().account, QStringLiteral("oldmail"));

        ComposerDialog quiet(identities());
        quiet.setConfirmation([&](const QString &title, const QString &) {
            asked << title;
            return false;
        });
        quiet.setAccount(QStringLiteral("oldmail"));
        quiet.deliveryReportBox()->setChecked(false);
        QVERIFY(!quiet.warningLabel()->isVisible());
    }

    void dropAttachesFiles()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("photo.jpg"));
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("JPEG");
        }
        ComposerDialog composer(identities());
        composer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&composer));
        QMimeData data;
        data.setUrls({QUrl::fromLocalFile(file), QUrl(QStringLiteral("https://example.org/remote.png"))});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&composer, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&composer, &drop);
        QCOMPARE(composer.attachmentList()->count(), 1);
        QVERIFY(composer.findChild<QLabel *>(QStringLiteral("composerError"))->text().contains(QStringLiteral("Only local files")));
    }

    void fromChoosesTheIdentityAndItsSignature()
    {
        ComposerDialog composer(signedIdentities());
        QCOMPARE(composer.identityBox()->count(), 3);
        QCOMPARE(composer.identityBox()->itemText(1), QStringLiteral("Work Support <support@work.example> (work)"));
        composer.startBody();
        QCOMPARE(withCursor(composer.bodyField()), QStringLiteral("|\n\n-- \nAlice Example\nPhone 0123\n"));
        QVERIFY(!composer.isModified());
        QVERIFY(!composer.readReceiptBox()->isChecked());

        // Another identity: its signature replaces the first (one separator), its defaults apply.
        composer.identityBox()->setCurrentIndex(1);
        QCOMPARE(composer.bodyField()->toPlainText(), QStringLiteral("\n\n-- \nWork Support\n"));
        QVERIFY(composer.readReceiptBox()->isChecked());
        // One without a signature removes it; back again puts it after the user's text.
        composer.identityBox()->setCurrentIndex(2);
        QCOMPARE(composer.bodyField()->toPlainText(), QStringLiteral("\n"));
        composer.bodyField()->setPlainText(QStringLiteral("Hi Bob\n"));
        composer.identityBox()->setCurrentIndex(1);
        QCOMPARE(composer.bodyField()->toPlainText(), QStringLiteral("Hi Bob\n\n-- \nWork Support\n"));

        composer.toField()->setText(QStringLiteral("bob@example.test"));
        composer.subjectField()->setText(QStringLiteral("Ticket"));
        QString error;
        const OutgoingRequest request = composer.request(&error);
        QCOMPARE(error, QString());
        QCOMPARE(request.account, QStringLiteral("work"));
        QCOMPARE(request.message.from, (Mime::Mailbox{QStringLiteral("Work Support"), QStringLiteral("support@work.example")}));
        QCOMPARE(request.message.replyTo, (QList<Mime::Mailbox>{{QString(), QStringLiteral("tickets@work.example")}}));
        QCOMPARE(request.message.plainText, QStringLiteral("Hi Bob\n\n-- \nWork Support\n"));
    }

    void anEditedSignatureStays()
    {
        ComposerDialog composer(signedIdentities());
        composer.startBody();
        composer.bodyField()->setPlainText(QStringLiteral("Hi\n\n-- \nAlice (on holiday)\n"));
        composer.identityBox()->setCurrentIndex(1);
        QCOMPARE(composer.bodyField()->toPlainText(), QStringLiteral("Hi\n\n-- \nAlice (on holiday)\n"));
    }

    void replyStartsAboveTheQuote_data()
    {
        QTest::addColumn<bool>("below");
        QTest::addColumn<QString>("expected");
        QTest::newRow("above") << false
                               << QStringLiteral("|\n\n-- \nAlice Example\nPhone 0123\n\nOn Mon, Bob wrote:\n> Hello\n");
        QTest::newRow("below") << true
                               << QStringLiteral("On Mon, Bob wrote:\n> Hello\n\n|\n\n-- \nAlice Example\nPhone 0123\n");
    }
    void replyStartsAboveTheQuote()
    {
        QFETCH(bool, below);
        QFETCH(QString, expected);
        ComposerDialog composer(signedIdentities());
        composer.setQuotePosition(below ? Mime::QuotePosition::Below : Mime::QuotePosition::Above);
        Mime::OutgoingMessage reply;
        reply.to = {{QStringLiteral("Bob"), QStringLiteral("bob@example.test")}};
        reply.subject = QStringLiteral("Re: Hello");
        composer.setMessage(reply);
        composer.startBody(QStringLiteral("On Mon, Bob wrote:\n> Hello\n\n"));
        QCOMPARE(withCursor(composer.bodyField()), expected);
        QVERIFY(!composer.isModified()); // nothing typed yet: closing does not ask
        // Typing goes where the cursor is.
        QTest::keyClicks(composer.bodyField(), QStringLiteral("Thanks"));
        QVERIFY(composer.bodyField()->toPlainText().contains(
            below ? QStringLiteral("> Hello\n\nThanks\n") : QStringLiteral("Thanks\n\n-- ")));
        QVERIFY(composer.isModified());
    }

    void closingAsksSaveDiscardCancel_data()
    {
        QTest::addColumn<int>("choice");
        QTest::addColumn<bool>("closed");
        QTest::addColumn<int>("drafts");
        QTest::newRow("save") << int(ComposerDialog::CloseChoice::Save) << true << 1;
        QTest::newRow("discard") << int(ComposerDialog::CloseChoice::Discard) << true << 0;
        QTest::newRow("cancel") << int(ComposerDialog::CloseChoice::Cancel) << false << 0;
    }
    void closingAsksSaveDiscardCancel()
    {
        QFETCH(int, choice);
        QFETCH(bool, closed);
        QFETCH(int, drafts);
        for (const bool byWindow : {false, true}) {
            ComposerDialog composer(identities());
            int asked = 0;
            composer.setCloseQuestion([&] {
                ++asked;
                return ComposerDialog::CloseChoice(choice);
            });
            QSignalSpy saved(&composer, &ComposerDialog::draftSaveRequested);
            QSignalSpy rejected(&composer, &QDialog::rejected);
            composer.show();
            QVERIFY(QTest::qWaitForWindowExposed(&composer));
            // Unchanged: closes without asking.
            composer.subjectField()->setText(QStringLiteral("Plan"));
            composer.subjectField()->clear();
            QVERIFY(!composer.isModified());
            composer.subjectField()->setText(QStringLiteral("Plan"));
            QVERIFY(composer.isModified());
            if (byWindow)
                composer.close();
            else
                QTest::keyClick(&composer, Qt::Key_Escape);
            QCOMPARE(asked, 1);
            QCOMPARE(composer.isVisible(), !closed);
            QCOMPARE(saved.size(), drafts);
            if (!byWindow)
                QCOMPARE(rejected.size(), closed ? 1 : 0);
            if (drafts == 1)
                QCOMPARE(saved.first().first().value<OutgoingRequest>().message.subject, QStringLiteral("Plan"));
        }
    }

    void unchangedComposerClosesWithoutAsking()
    {
        ComposerDialog composer(identities());
        composer.setCloseQuestion([] {
            qFatal("asked about an unchanged message");
            return ComposerDialog::CloseChoice::Cancel;
        });
        Mime::OutgoingMessage toBob;
        toBob.to = {{QString(), QStringLiteral("bob@example.test")}};
        composer.setMessage(toBob);
        composer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&composer));
        QTest::keyClick(&composer, Qt::Key_Escape);
        QVERIFY(!composer.isVisible());
    }

    void autosavesChangesEveryThirtySeconds()
    {
        ComposerDialog composer(identities());
        QCOMPARE(composer.autosaveTimer()->interval(), 30000);
        QVERIFY(composer.autosaveTimer()->isActive());
        QSignalSpy saved(&composer, &ComposerDialog::draftSaveRequested);
        QSignalSpy ticks(composer.autosaveTimer(), &QTimer::timeout);
        composer.autosaveTimer()->setInterval(1); // the wiring, not the wall clock
        // Nothing changed: ticks save nothing.
        QTRY_VERIFY(ticks.size() >= 3);
        QCOMPARE(saved.size(), 0);
        composer.bodyField()->setPlainText(QStringLiteral("Half a thought"));
        QTRY_COMPARE(saved.size(), 1);
        QCOMPARE(saved.first().first().value<OutgoingRequest>().message.plainText, QStringLiteral("Half a thought"));
        // Saved: further ticks save nothing until the next change.
        const qsizetype after = ticks.size();
        QTRY_VERIFY(ticks.size() >= after + 3);
        QCOMPARE(saved.size(), 1);
        QVERIFY(!composer.isModified());
    }

    void screenshot()
    {
        const QString dir = qEnvironmentVariable("MAILTRAIL_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("set MAILTRAIL_SCREENSHOT_DIR to write screenshots");
        ComposerDialog composer(identities());
        composer.setMailto(parseMailto(QStringLiteral(
            "mailto:bob@example.test?cc=carol@example.test&subject=Signed%20contract&body=Hello%20Bob%2C%0D%0A%0D%0A"
            "here%20is%20the%20signed%20contract.%20Please%20confirm%20you%20received%20it.%0D%0A%0D%0AAlice")));
        composer.readReceiptBox()->setChecked(true);
        QTemporaryDir files;
        QFile pdf(files.filePath(QStringLiteral("contract-signed.pdf")));
        QVERIFY(pdf.open(QIODevice::WriteOnly));
        pdf.write(QByteArray(48000, 'x'));
        pdf.close();
        QCOMPARE(composer.addAttachment(pdf.fileName()), QString());
        composer.resize(720, 520);
        composer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&composer));
        QVERIFY(composer.grab().save(dir + QStringLiteral("/composer.png")));
    }
};

QTEST_MAIN(ComposerTest)
#include "ComposerTest.moc"
