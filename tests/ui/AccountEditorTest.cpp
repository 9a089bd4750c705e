// SPDX-License-Identifier: GPL-3.0-or-later
// Settings → Accounts → Edit: servers, login, password and identities with signatures,
// saved to the profile; bad input is shown and saves nothing.
#include "AccountEditor.h"
#include "AppContext.h"
#include "SettingsDialog.h"
#include "UiFixture.h"
#include "oauth/Providers.h"
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
        SettingsDialog settings(m_context->settings(), m_context->database());
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

    /// Issue 14, "Client IDs": an OAuth2 account's editor shows the client ID and secret
    /// (no password) prefilled with the override, empty = built in (the placeholder says
    /// which); what is typed is saved and read back from the account; a password account
    /// has no client ID rows.
    void editsTheOAuth2ClientOverride()
    {
        Store::AccountRepository accounts(m_context->database().connection());
        Store::Account account = alice();
        account.signIn = Store::SignIn::OAuth2;
        account.oauthProvider = QStringLiteral("https://sso.example.test/realms/mail");
        account.oauthClientId = QStringLiteral("own-app");
        QCOMPARE(accounts.update(account), QString());

        SettingsDialog settings(m_context->settings(), m_context->database());
        QSignalSpy password(&settings, &SettingsDialog::passwordChanged);
        AccountEditor *editor = settings.editAccount(QStringLiteral("alice"));
        QVERIFY(editor);
        QVERIFY(editor->clientIdField()->isVisible());
        QVERIFY(editor->clientSecretField()->isVisible());
        QVERIFY(!editor->passwordField()->isVisible());
        QCOMPARE(editor->clientIdField()->text(), QStringLiteral("own-app"));
        QCOMPARE(editor->clientSecretField()->text(), QString());
        QCOMPARE(editor->clientSecretField()->echoMode(), QLineEdit::Password);
        QVERIFY2(editor->clientIdField()->placeholderText().contains(QStringLiteral("no built-in client ID")),
                 qPrintable(editor->clientIdField()->placeholderText()));
        editor->grab().save(qEnvironmentVariable("MAILTRAIL_BINARY_DIR") + QStringLiteral("/account-editor-client-id.png"));

        editor->clientIdField()->setText(QStringLiteral("  other-app "));
        editor->clientSecretField()->setText(QStringLiteral("installed-app secret"));
        editor->accept();
        QVERIFY(!editor->isVisible());
        QCOMPARE(alice().oauthClientId, QStringLiteral("other-app"));
        QCOMPARE(alice().oauthClientSecret, QStringLiteral("installed-app secret"));
        QCOMPARE(alice().signIn, Store::SignIn::OAuth2);
        QCOMPARE(password.size(), 0);

        // A secret without a client ID is refused; clearing both goes back to the built-in client.
        editor = settings.editAccount(QStringLiteral("alice"));
        QCOMPARE(editor->clientSecretField()->text(), QStringLiteral("installed-app secret"));
        editor->clientIdField()->clear();
        editor->accept();
        QVERIFY(editor->isVisible());
        QVERIFY(editor->errorLabel()->text().contains(QStringLiteral("client ID")));
        QCOMPARE(alice().oauthClientId, QStringLiteral("other-app"));
        editor->clientSecretField()->clear();
        editor->accept();
        QVERIFY(!editor->isVisible());
        QCOMPARE(alice().oauthClientId, QString());
        QCOMPARE(alice().oauthClientSecret, QString());

        // Google: the placeholder names the built-in client, or says none is built in.
        account = alice();
        account.oauthProvider = QStringLiteral("google");
        QCOMPARE(accounts.update(account), QString());
        editor = settings.editAccount(QStringLiteral("alice"));
        const QString placeholder = editor->clientIdField()->placeholderText();
        QVERIFY2(placeholder.contains(QStringLiteral("Google"))
                     && placeholder.contains(OAuth::builtInProvider(QStringLiteral("google"))->clientId.isEmpty()
                                                 ? QStringLiteral("no client ID")
                                                 : QStringLiteral("built-in client ID")),
                 qPrintable(placeholder));
        editor->reject();

        // A password account: no client ID rows, and saving leaves the OAuth2 fields alone.
        account = alice();
        account.signIn = Store::SignIn::Password;
        account.oauthProvider.clear();
        QCOMPARE(accounts.update(account), QString());
        editor = settings.editAccount(QStringLiteral("alice"));
        QVERIFY(!editor->clientIdField()->isVisible());
        QVERIFY(editor->passwordField()->isVisible());
        editor->accept();
        QCOMPARE(alice().oauthClientId, QString());
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
