// SPDX-License-Identifier: GPL-3.0-or-later
// OAuth2 sign-in in the GUI (issue 14), offscreen: the assistant recognises Google and
// Microsoft (by domain, and by MX through an injected resolver), says in plain words when no
// client ID is built in, signs in at a real OpenID provider (fixture "Oidc") with
// tests/oidc/browser.mjs as the system browser (QDesktopServices::setUrlHandler), and Cancel
// works; the main window's "sign in again" bar signs an account in again the same way.
#include "AccountAssistant.h"
#include "AppContext.h"
#include "MainWindow.h"
#include "OAuthSignInPanel.h"
#include "UiFixture.h"
#include "oauth/Providers.h"
#include "store/AccountRepository.h"

#include <QComboBox>
#include <QDesktopServices>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Mailtrail;
using namespace Mailtrail::Ui;

namespace {

class NoDiscovery : public ServerDiscovery
{
public:
    void discover(const QString &) override
    {
        QMetaObject::invokeMethod(this, [this] { Q_EMIT finished({}); }, Qt::QueuedConnection);
    }
};

QHash<QString, QString> oidcEnv()
{
    QHash<QString, QString> values;
    QFile f(qEnvironmentVariable("MAILTRAIL_OIDC_DIR") + QStringLiteral("/env"));
    if (f.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : f.readAll().split('\n')) {
            const qsizetype eq = line.indexOf('=');
            if (eq > 0)
                values.insert(QString::fromUtf8(line.left(eq)), QString::fromUtf8(line.mid(eq + 1)));
        }
    }
    return values;
}

} // namespace

/// Plays the system browser: runs tests/oidc/browser.mjs with the URL, as a desktop would
/// run the user's browser.
class TestBrowser : public QObject
{
    Q_OBJECT
public:
    QByteArray mode = "normal";
    QList<QUrl> opened;
public Q_SLOTS:
    void openUrl(const QUrl &url)
    {
        opened << url;
        auto *p = new QProcess(this);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("OIDC_BROWSER_MODE"), QString::fromLatin1(mode));
        p->setProcessEnvironment(env);
        connect(p, &QProcess::finished, p, &QObject::deleteLater);
        p->start(QStringLiteral("node"), {qEnvironmentVariable("MAILTRAIL_SOURCE_DIR") + QStringLiteral("/tests/oidc/browser.mjs"),
                                          url.toString(QUrl::FullyEncoded)});
    }
};

class OAuthSignInUiTest : public QObject
{
    Q_OBJECT
    TestBrowser m_browser;
    QHash<QString, QString> m_oidc = oidcEnv();

    static void grab(QWidget *w, const QString &name)
    {
        w->grab().save(qEnvironmentVariable("MAILTRAIL_BINARY_DIR") + QStringLiteral("/") + name);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QDesktopServices::setUrlHandler(QStringLiteral("http"), &m_browser, "openUrl");
        QVERIFY2(!m_oidc.value(QStringLiteral("OIDC_ISSUER")).isEmpty(), "no OpenID provider (fixture Oidc)");
    }
    void cleanupTestCase() { QDesktopServices::unsetUrlHandler(QStringLiteral("http")); }

    void recognisesProvidersAndExplainsMissingClientIds()
    {
        NoDiscovery discovery;
        AccountAssistant assistant(&discovery, {});
        QStringList asked;
        assistant.setMxResolver([&](const QString &domain, std::function<void(const QStringList &)> done) {
            asked << domain;
            done(domain == QLatin1String("contoso.example") ? QStringList{QStringLiteral("contoso-example.mail.protection.outlook.com")}
                                                           : QStringList{QStringLiteral("mx.example.test")});
        });
        assistant.show();
        QVERIFY(QTest::qWaitForWindowExposed(&assistant));
        assistant.addressField()->setText(QStringLiteral("someone@gmail.com"));
        QCOMPARE(assistant.signInMethod(), int(AccountAssistant::GoogleMethod));
        QVERIFY(!assistant.passwordField()->isVisible());
        QVERIFY(assistant.clientIdField()->isVisible());
        QCOMPARE(assistant.signInPanel()->signInButton()->text(), QStringLiteral("Sign in with Google…"));
        QVERIFY(!assistant.currentPage()->isComplete());
        if (OAuth::builtInProvider(QStringLiteral("google"))->clientId.isEmpty()) {
            QTest::mouseClick(assistant.signInPanel()->signInButton(), Qt::LeftButton);
            const QString said = assistant.signInPanel()->statusLabel()->text();
            QVERIFY2(said.contains(QStringLiteral("no client ID")) && said.contains(QStringLiteral("MAILTRAIL_GOOGLE_CLIENT_ID")),
                     qPrintable(said));
            QVERIFY(m_browser.opened.isEmpty());
            grab(&assistant, QStringLiteral("oauth-no-client-id.png"));
        }

        assistant.setSignInMethod(AccountAssistant::PasswordMethod);
        assistant.addressField()->setText(QStringLiteral("someone@contoso.example"));
        QCOMPARE(asked, QStringList{QStringLiteral("contoso.example")});
        QCOMPARE(assistant.signInMethod(), int(AccountAssistant::MicrosoftMethod));
        assistant.setSignInMethod(AccountAssistant::PasswordMethod);
        assistant.addressField()->setText(QStringLiteral("someone@example.test"));
        QCOMPARE(assistant.signInMethod(), int(AccountAssistant::PasswordMethod));
        QVERIFY(assistant.passwordField()->isVisible());

        // The provider's servers are filled in.
        assistant.addressField()->setText(QStringLiteral("someone@outlook.com"));
        assistant.clientIdField()->setText(QStringLiteral("my-app"));
        QCOMPARE(assistant.account().oauthProvider, QStringLiteral("microsoft"));
        QCOMPARE(assistant.account().oauthClientId, QStringLiteral("my-app"));
    }

    void signsInAtARealProviderAndCancelWorks()
    {
        NoDiscovery discovery;
        AccountAssistant assistant(&discovery, {});
        assistant.show();
        QVERIFY(QTest::qWaitForWindowExposed(&assistant));
        assistant.nameField()->setText(QStringLiteral("Alice"));
        assistant.addressField()->setText(QStringLiteral("alice@example.test"));
        assistant.setSignInMethod(AccountAssistant::OtherOAuth2Method);
        assistant.issuerField()->setText(m_oidc.value(QStringLiteral("OIDC_ISSUER")));
        assistant.clientIdField()->setText(m_oidc.value(QStringLiteral("OIDC_CLIENT_ID")));
        OAuthSignInPanel *panel = assistant.signInPanel();

        // Nobody signs in: the window says what it waits for, and Cancel ends it.
        m_browser.mode = "none";
        QTest::mouseClick(panel->signInButton(), Qt::LeftButton);
        QTRY_VERIFY(panel->statusLabel()->text().contains(QStringLiteral("Waiting for you to sign in at 127.0.0.1")));
        QVERIFY(panel->cancelButton()->isVisible());
        grab(&assistant, QStringLiteral("oauth-waiting.png"));
        QTest::mouseClick(panel->cancelButton(), Qt::LeftButton);
        QTRY_VERIFY(panel->statusLabel()->text().contains(QStringLiteral("cancelled")));
        QVERIFY(!panel->isSignedIn());
        QVERIFY(!assistant.currentPage()->isComplete());

        m_browser.mode = "normal";
        QSignalSpy signedIn(panel, &OAuthSignInPanel::signedIn);
        QTest::mouseClick(panel->signInButton(), Qt::LeftButton);
        QVERIFY(signedIn.wait(60000));
        QVERIFY(assistant.currentPage()->isComplete());
        QVERIFY(panel->statusLabel()->text().contains(QStringLiteral("Signed in at 127.0.0.1 as alice@example.test")));
        const Store::Account account = assistant.account();
        QCOMPARE(account.signIn, Store::SignIn::OAuth2);
        QCOMPARE(account.oauthProvider, m_oidc.value(QStringLiteral("OIDC_ISSUER")));
        QVERIFY(!assistant.password().isEmpty()); // the refresh token, for the keychain
        QCOMPARE(assistant.password(), panel->tokens().refreshToken);
        grab(&assistant, QStringLiteral("oauth-signed-in.png"));
    }

    void signInAgainBar()
    {
        AppContext context;
        Test::UiFixture fixture;
        QCOMPARE(Test::fillUiFixture(context, fixture), QString());
        Store::Account account;
        account.name = QStringLiteral("work");
        account.email = QStringLiteral("carol@example.test");
        account.userName = account.email;
        account.imap = {QStringLiteral("127.0.0.1"), 1, Store::Security::Tls};
        account.smtp = {QStringLiteral("127.0.0.1"), 1, Store::Security::Tls};
        account.signIn = Store::SignIn::OAuth2;
        account.oauthProvider = m_oidc.value(QStringLiteral("OIDC_ISSUER"));
        account.oauthClientId = m_oidc.value(QStringLiteral("OIDC_CLIENT_ID"));
        QCOMPARE(Store::AccountRepository(context.database().connection()).add(account), QString());
        MainWindow window(context);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showSignInAgain(QStringLiteral("work"), QStringLiteral("the provider refused the sign-in (invalid_grant)."));
        QWidget *bar = window.signInAgainBar();
        QVERIFY(bar && bar->isVisible());
        QVERIFY(bar->findChild<QLabel *>(QStringLiteral("signInAgainText"))->text().contains(QStringLiteral("invalid_grant")));
        grab(&window, QStringLiteral("oauth-sign-in-again.png"));
        // The next failed check asks nothing new: the same bar, and its errors are no news
        // (issue 19 "Fix an account").
        QVERIFY(window.isAskingAbout(QStringLiteral("work")));
        QVERIFY(!window.isAskingAbout(QStringLiteral("alice")));
        window.showSignInAgain(QStringLiteral("work"), QStringLiteral("the provider refused the sign-in (invalid_grant)."));
        QCOMPARE(window.signInAgainBar(), bar);
        QSignalSpy again(&window, &MainWindow::signedInAgain);
        m_browser.mode = "normal";
        QTest::mouseClick(bar->findChild<QPushButton *>(QStringLiteral("oauthSignIn")), Qt::LeftButton);
        QVERIFY(again.wait(60000));
        QCOMPARE(again.first().first().value<Store::Account>().name, QStringLiteral("work"));
        QVERIFY(!again.first().at(1).toString().isEmpty());
        QTRY_VERIFY(!window.signInAgainBar());
    }
};

QTEST_MAIN(OAuthSignInUiTest)
#include "OAuthSignInUiTest.moc"
