// SPDX-License-Identifier: GPL-3.0-or-later
// Issue #18 in the composer: a known-bad recipient (ghost failed 5.1.1 in the UI fixture) is
// marked with a colour and an icon whose tooltip says why; Send asks once (Send anyway /
// Remove this recipient / Cancel); a domain typo gets "Did you mean …?" with a one-click fix;
// completion shows the last outcome. Screenshots of the warning and the typo suggestion.
#include "AddressInput.h"
#include "AppContext.h"
#include "ComposerDialog.h"
#include "RecipientAdvice.h"
#include "UiFixture.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Mailtrail;
using namespace Mailtrail::Ui;

namespace {

QList<SendIdentity> identities()
{
    return {SendIdentity{QStringLiteral("alice"), {QStringLiteral("Alice Example"), QStringLiteral("alice@example.test")}}};
}

void settleLayouts()
{
    QCoreApplication::sendPostedEvents();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
}

} // namespace

class RecipientAdviceTest : public QObject
{
    Q_OBJECT

    AppContext m_context;
    Test::UiFixture m_fixture;

    struct Composer
    {
        std::unique_ptr<ComposerDialog> dialog;
        RecipientAdvice *advice = nullptr;
    };

    Composer compose(const QString &to)
    {
        Composer c;
        c.dialog = std::make_unique<ComposerDialog>(identities());
        c.dialog->setConfirmation([](const QString &, const QString &) { return true; });
        c.advice = new RecipientAdvice(c.dialog.get(),
                                       RecipientKnowledge::from(m_context.trackingStore(), [this] { return m_fixture.now; }));
        c.dialog->toField()->setText(to);
        c.dialog->subjectField()->setText(QStringLiteral("Figures"));
        c.advice->refresh();
        return c;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QCOMPARE(Test::fillUiFixture(m_context, m_fixture), QString());
    }

    void marksKnownBadRecipients()
    {
        Composer c = compose(QStringLiteral("ghost@example.test, bob@example.test"));
        QCOMPARE(c.advice->warnings().size(), 1);
        const Tracking::RecipientWarning &w = c.advice->warnings().first();
        QCOMPARE(w.address, QStringLiteral("ghost@example.test"));
        QCOMPARE(w.kind, Tracking::RecipientWarning::Kind::FailedBefore);
        QVERIFY2(w.description.startsWith(QStringLiteral("Failed on ")), qPrintable(w.description));
        QVERIFY2(w.description.contains(QStringLiteral(": 5.1.1 the mailbox does not exist (report from ")),
                 qPrintable(w.description));

        AddressLineEdit *to = c.dialog->toField();
        QVERIFY(to->property("knownBad").toBool());
        // Not colour alone: an icon whose tooltip says why.
        auto *mark = to->findChild<QAction *>(QStringLiteral("knownBadMark"));
        QVERIFY(mark);
        QCOMPARE(mark->toolTip(), QStringLiteral("ghost@example.test: ") + w.description);
        QCOMPARE(to->palette().color(QPalette::Text), RecipientAdvice::negativeColor(to->palette()));
        QVERIFY(c.advice->isVisibleTo(c.dialog.get()));
        QVERIFY(!c.dialog->ccField()->property("knownBad").toBool());

        // Removing the address removes the mark.
        to->setText(QStringLiteral("bob@example.test"));
        c.advice->refresh();
        QVERIFY(!to->property("knownBad").toBool());
        QVERIFY(!to->findChild<QAction *>(QStringLiteral("knownBadMark")));
        QVERIFY(!c.advice->isVisibleTo(c.dialog.get()));
    }

    void themeAwareColour()
    {
        QPalette light;
        light.setColor(QPalette::Base, Qt::white);
        QPalette dark;
        dark.setColor(QPalette::Base, QColor(0x20, 0x20, 0x20));
        QVERIFY(RecipientAdvice::negativeColor(light).lightness() < 128);
        QVERIFY(RecipientAdvice::negativeColor(dark).lightness() >= 128);
    }

    void sendAsksOnce_data()
    {
        QTest::addColumn<int>("choice");
        QTest::addColumn<bool>("sent");
        QTest::addColumn<QStringList>("recipients");
        QTest::newRow("send-anyway") << int(RecipientAdvice::Choice::SendAnyway) << true
                                     << QStringList{QStringLiteral("ghost@example.test"), QStringLiteral("bob@example.test")};
        QTest::newRow("remove-this-recipient") << int(RecipientAdvice::Choice::Remove) << true
                                               << QStringList{QStringLiteral("bob@example.test")};
        QTest::newRow("cancel") << int(RecipientAdvice::Choice::Cancel) << false << QStringList{};
    }

    void sendAsksOnce()
    {
        QFETCH(int, choice);
        QFETCH(bool, sent);
        QFETCH(QStringList, recipients);
        Composer c = compose(QStringLiteral("ghost@example.test, bob@example.test"));
        QStringList asked;
        c.advice->setAsk([&](const Tracking::RecipientWarning &w) {
            asked.append(w.address);
            return RecipientAdvice::Choice(choice);
        });
        QSignalSpy spy(c.dialog.get(), &ComposerDialog::sendRequested);
        QCOMPARE(c.dialog->send(), sent);
        QCOMPARE(asked, QStringList{QStringLiteral("ghost@example.test")});
        QCOMPARE(spy.size(), sent ? 1 : 0);
        if (sent) {
            QStringList to;
            for (const Mime::Mailbox &m : spy.first().first().value<OutgoingRequest>().message.to)
                to.append(m.address);
            QCOMPARE(to, recipients);
        }
        if (choice == int(RecipientAdvice::Choice::SendAnyway)) {
            // Once: a second send does not ask again.
            QVERIFY(c.advice->checkBeforeSend());
            QCOMPARE(asked.size(), 1);
        }
    }

    void typoSuggestionWithOneClickFix()
    {
        Composer c = compose(QStringLiteral("Bob <bob@gmial.com>"));
        QCOMPARE(c.advice->warnings().size(), 1);
        QCOMPARE(c.advice->warnings().first().kind, Tracking::RecipientWarning::Kind::DomainTypo);
        QCOMPARE(c.advice->warnings().first().description, QStringLiteral("Did you mean bob@gmail.com?"));
        QVERIFY(!c.dialog->toField()->property("knownBad").toBool()); // a typo is no failure
        auto *fix = c.advice->findChild<QPushButton *>(QStringLiteral("fixTypo"));
        QVERIFY(fix);
        QCOMPARE(fix->text(), QStringLiteral("Use bob@gmail.com"));
        QTest::mouseClick(fix, Qt::LeftButton);
        QCOMPARE(parseAddressList(c.dialog->toField()->text()).first().address, QStringLiteral("bob@gmail.com"));
        QCOMPARE(parseAddressList(c.dialog->toField()->text()).first().name, QStringLiteral("Bob"));
        QVERIFY(c.advice->warnings().isEmpty());
    }

    void completionShowsLastOutcome()
    {
        Composer c = compose(QString());
        auto *delegate = dynamic_cast<LastOutcomeDelegate *>(
            c.dialog->toField()->addressCompleter()->popup()->itemDelegate());
        QVERIFY(delegate);
        QCOMPARE(delegate->textFor(QStringLiteral("ghost@example.test")),
                 QStringLiteral("ghost@example.test — failed 5.1.1"));
        QCOMPARE(delegate->textFor(QStringLiteral("Bob <bob@example.test>")),
                 QStringLiteral("Bob <bob@example.test> — read"));
        QCOMPARE(delegate->textFor(QStringLiteral("nobody@example.test")), QStringLiteral("nobody@example.test"));
    }

    void screenshot()
    {
        const QString dir = qEnvironmentVariable("MAILTRAIL_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("set MAILTRAIL_SCREENSHOT_DIR to write screenshots");
        Composer bad = compose(QStringLiteral("ghost@example.test, bob@example.test"));
        bad.dialog->bodyField()->setPlainText(QStringLiteral("Hello,\n\nthe figures for March are attached.\n\nAlice"));
        bad.dialog->resize(720, 480);
        bad.dialog->show();
        settleLayouts();
        QVERIFY(bad.dialog->grab().save(dir + QStringLiteral("/composer-known-bad.png")));
        Composer typo = compose(QStringLiteral("Bob <bob@gmial.com>"));
        typo.dialog->bodyField()->setPlainText(QStringLiteral("Hi Bob,\n\nsee you on Friday.\n\nAlice"));
        typo.dialog->resize(720, 480);
        typo.dialog->show();
        settleLayouts();
        QVERIFY(typo.dialog->grab().save(dir + QStringLiteral("/composer-typo.png")));
    }
};

QTEST_MAIN(RecipientAdviceTest)
#include "RecipientAdviceTest.moc"
