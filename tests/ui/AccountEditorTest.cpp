// SPDX-License-Identifier: GPL-3.0-or-later
// Settings → Accounts → Edit: servers, login, password and identities with signatures,
// saved to the profile; bad input is shown and saves nothing.
#include "AccountEditor.h"
#include "AppContext.h"
#include "SettingsDialog.h"
#include "UiFixture.h"
#include "store/AccountRepository.h"
#include "store/Identity.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTest>

using namespace Mailtrail;
using namespace Mailtrail::Ui;

class AccountEditorTest : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<AppContext> m_context;
    Test::UiFixture m_fixture;

    Store::Account alice() const
    {
        return *Store::AccountRepository(m_context->database().connection()).find(QStringLiteral("alice"));
    }

private Q_SLOTS:
    void init()
    {
        m_context = std::make_unique<AppContext>();
        QCOMPARE(Test::fillUiFixture(*m_context, m_fixture), QString());
    }
    void cleanup() { m_context.reset(); }

    void editSavesServersPasswordAndIdentities()
    {
        SettingsDialog settings(m_context->settings(), m_context->database().connection());
        QSignalSpy password(&settings, &SettingsDialog::passwordChanged);
        QSignalSpy changed(&settings, &SettingsDialog::accountsChanged);
        auto *editButton = settings.findChild<QPushButton *>(QStringLiteral("editAccount"));
        QVERIFY(editButton);
        settings.accountList()->setCurrentRow(0);
        editButton->click();
        auto *editor = settings.findChild<AccountEditor *>();
        QVERIFY(editor);
        QVERIFY(editor->isVisible());
        QCOMPARE(editor->imapHostField()->text(), alice().imap.host);

        editor->imapHostField()->setText(QStringLiteral("imap.fixed.example"));
        editor->imapPortBox()->setValue(143);
        editor->userField()->setText(QStringLiteral("alice.login"));
        editor->passwordField()->setText(QStringLiteral("new secret"));
        editor->findChild<QLineEdit *>(QStringLiteral("receiptsFolder"))->setText(QStringLiteral("Reports"));
        // The account's own address first; give it a signature.
        QCOMPARE(editor->identityList()->count(), 1);
        editor->identityList()->setCurrentRow(0);
        QVERIFY(editor->identityAddressField()->isReadOnly());
        editor->signatureField()->setPlainText(QStringLiteral("Alice\nPhone 0123"));
        // A second identity.
        editor->addIdentity();
        QCOMPARE(editor->identityList()->count(), 2);
        QTest::keyClicks(editor->identityAddressField(), QStringLiteral("support@example.test"));
        QCOMPARE(editor->identityList()->item(1)->text(), QStringLiteral("support@example.test"));
        editor->identityNameField()->setText(QStringLiteral("Support"));
        editor->signatureField()->setPlainText(QStringLiteral("The support team"));
        editor->identityList()->setCurrentRow(0); // switching keeps what was typed
        QCOMPARE(editor->signatureField()->toPlainText(), QStringLiteral("Alice\nPhone 0123"));
        editor->accept();
        QVERIFY(!editor->isVisible());

        const Store::Account saved = alice();
        QCOMPARE(saved.imap.host, QStringLiteral("imap.fixed.example"));
        QCOMPARE(saved.imap.port, quint16(143));
        QCOMPARE(saved.userName, QStringLiteral("alice.login"));
        QCOMPARE(saved.receiptsFolder, QStringLiteral("Reports"));
        const QList<Store::Identity> identities = Store::IdentityRepository(m_context->database().connection()).list(saved);
        QCOMPARE(identities.size(), 2);
        QCOMPARE(identities.at(0).signature, QStringLiteral("Alice\nPhone 0123"));
        QCOMPARE(identities.at(1).address, QStringLiteral("support@example.test"));
        QCOMPARE(identities.at(1).displayName, QStringLiteral("Support"));
        QCOMPARE(identities.at(1).signature, QStringLiteral("The support team"));
        QCOMPARE(password.size(), 1);
        QCOMPARE(password.first().at(0).toString(), QStringLiteral("alice"));
        QCOMPARE(password.first().at(1).toString(), QStringLiteral("new secret"));
        QVERIFY(changed.size() >= 1);

        // Removing the identity again; the password stays when the field is left empty.
        editor = settings.editAccount(QStringLiteral("alice"));
        QVERIFY(editor);
        editor->identityList()->setCurrentRow(1);
        editor->removeIdentity();
        editor->identityList()->setCurrentRow(0);
        editor->removeIdentity(); // the account's own address cannot be removed
        QCOMPARE(editor->identityList()->count(), 1);
        editor->accept();
        QCOMPARE(Store::IdentityRepository(m_context->database().connection()).list(alice()).size(), 1);
        QCOMPARE(password.size(), 1);
    }

    void badInputIsShownAndSavesNothing_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("tab");
        QTest::newRow("no-imap-host") << QStringLiteral("imapHost") << QString() << 0;
        QTest::newRow("no-user") << QStringLiteral("userName") << QString() << 0;
        QTest::newRow("bad-identity-address") << QStringLiteral("identity") << QStringLiteral("support") << 1;
        QTest::newRow("identity-twice") << QStringLiteral("identity") << QStringLiteral("ALICE@example.test") << 1;
    }
    void badInputIsShownAndSavesNothing()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(int, tab);
        const Store::Account before = alice();
        AccountEditor editor(before, Store::IdentityRepository(m_context->database().connection()).list(before));
        editor.show();
        QSignalSpy accepted(&editor, &QDialog::accepted);
        if (field == QLatin1String("identity")) {
            editor.addIdentity();
            editor.identityAddressField()->setText(value);
        } else {
            editor.findChild<QLineEdit *>(field)->setText(value);
        }
        editor.tabs()->setCurrentIndex(1 - tab);
        editor.accept();
        QCOMPARE(accepted.size(), 0);
        QVERIFY(editor.isVisible());
        QVERIFY(editor.errorLabel()->isVisible());
        QVERIFY(!editor.errorLabel()->text().isEmpty());
        QCOMPARE(editor.tabs()->currentIndex(), tab); // the page with the problem
        QCOMPARE(alice(), before);
    }
};

QTEST_MAIN(AccountEditorTest)
#include "AccountEditorTest.moc"
