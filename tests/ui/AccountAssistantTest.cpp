// SPDX-License-Identifier: GPL-3.0-or-later
// The account assistant without network: settings from autoconfig XML, SRV records and
// guesses (pure functions), discovery injected, the connection test through its seam, and
// the certificate dialog (trust pins the fingerprint and tests again; reject does not).
#include "AccountAssistant.h"
#include "CertificateDialog.h"
#include "TestPaths.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QCheckBox>
#include <QAbstractButton>
#include <QTest>

using namespace Mailtrail;
using namespace Mailtrail::Ui;

namespace QTest {
template<>
char *toString(const ServerSettings &s)
{
    return qstrdup(QStringLiteral("%1: %2 / %3 as %4").arg(s.source, s.imap.toString(), s.smtp.toString(), s.userName).toUtf8().constData());
}
} // namespace QTest

namespace {

/// Answers from a table, asynchronously like the real lookups.
class TableDiscovery : public ServerDiscovery
{
public:
    QList<ServerSettings> answer;
    QStringList asked;
    void discover(const QString &address) override
    {
        asked << address;
        QMetaObject::invokeMethod(this, [this] { Q_EMIT finished(answer); }, Qt::QueuedConnection);
    }
};

Net::CertificateProblem selfSignedProblem()
{
    QFile file(Test::testData(QStringLiteral("data/ui/selfsigned-mail.example.test.pem")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QSslCertificate certificate(file.readAll());
    Net::CertificateProblem problem;
    problem.host = QStringLiteral("mail.example.test");
    problem.port = 993;
    problem.chain = {certificate};
    problem.errors = {QSslError(QSslError::SelfSignedCertificate, certificate)};
    problem.sha256 = Net::sha256Fingerprint(certificate);
    return problem;
}

const char *autoconfigXml = R"(<?xml version="1.0"?>
<clientConfig version="1.1">
  <emailProvider id="example.org">
    <domain>example.org</domain>
    <incomingServer type="pop3"><hostname>pop.example.org</hostname><port>995</port><socketType>SSL</socketType></incomingServer>
    <incomingServer type="imap">
      <hostname>IMAP.example.org</hostname><port>993</port><socketType>SSL</socketType>
      <username>%EMAILLOCALPART%</username><authentication>password-cleartext</authentication>
    </incomingServer>
    <outgoingServer type="smtp">
      <hostname>smtp.example.org</hostname><port>587</port><socketType>STARTTLS</socketType>
      <username>%EMAILADDRESS%</username>
    </outgoingServer>
  </emailProvider>
</clientConfig>)";

} // namespace

class AccountAssistantTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void guesses()
    {
        const QList<ServerSettings> g = guessSettings(QStringLiteral("alice@Example.ORG"));
        QCOMPARE(g.size(), 4);
        QCOMPARE(g.at(0), (ServerSettings{QStringLiteral("guess"), {QStringLiteral("imap.example.org"), 993, Store::Security::Tls},
                                          {QStringLiteral("smtp.example.org"), 465, Store::Security::Tls},
                                          QStringLiteral("alice@Example.ORG")}));
        QCOMPARE(g.at(3).smtp, (Store::Endpoint{QStringLiteral("mail.example.org"), 587, Store::Security::StartTls}));
        QVERIFY(guessSettings(QStringLiteral("no-at-sign")).isEmpty());
    }

    void autoconfig()
    {
        const auto s = parseAutoconfig(autoconfigXml, QStringLiteral("alice@example.org"));
        QCOMPARE(s.size(), 1);
        QCOMPARE(s.first(), (ServerSettings{QStringLiteral("autoconfig"), {QStringLiteral("imap.example.org"), 993, Store::Security::Tls},
                                            {QStringLiteral("smtp.example.org"), 587, Store::Security::StartTls},
                                            QStringLiteral("alice")}));
        QVERIFY(parseAutoconfig("<html>not found</html>", QStringLiteral("a@b.c")).isEmpty());
        QVERIFY(parseAutoconfig("<clientConfig><incomingServer type=\"imap\"><hostname>x", QStringLiteral("a@b.c")).isEmpty());
        // A plain-text server is never offered.
        QByteArray plain(autoconfigXml);
        plain.replace("<socketType>STARTTLS</socketType>", "<socketType>plain</socketType>");
        QVERIFY(parseAutoconfig(plain, QStringLiteral("alice@example.org")).isEmpty());
    }

    void srv()
    {
        const QString a = QStringLiteral("alice@example.org");
        QList<SrvRecord> records = {
            {QStringLiteral("_imap._tcp"), QStringLiteral("imap.example.org."), 143, 0, 0},
            {QStringLiteral("_imaps._tcp"), QStringLiteral("mail2.example.org."), 993, 20, 0},
            {QStringLiteral("_imaps._tcp"), QStringLiteral("mail1.example.org."), 993, 10, 0},
            {QStringLiteral("_submission._tcp"), QStringLiteral("smtp.example.org."), 587, 0, 1},
        };
        const auto s = settingsFromSrv(records, a);
        QCOMPARE(s.size(), 1);
        QCOMPARE(s.first().imap, (Store::Endpoint{QStringLiteral("mail1.example.org"), 993, Store::Security::Tls}));
        QCOMPARE(s.first().smtp, (Store::Endpoint{QStringLiteral("smtp.example.org"), 587, Store::Security::StartTls}));
        // RFC 6186 §4: target "." — not offered.
        records = {{QStringLiteral("_imaps._tcp"), QStringLiteral("."), 0, 0, 0},
                   {QStringLiteral("_submission._tcp"), QStringLiteral("smtp.example.org."), 587, 0, 1}};
        QVERIFY(settingsFromSrv(records, a).isEmpty());
    }

    void assistantFindsSettingsAndTests()
    {
        TableDiscovery discovery;
        discovery.answer = parseAutoconfig(autoconfigXml, QStringLiteral("alice@example.org"))
            + guessSettings(QStringLiteral("alice@example.org"));
        QList<Store::Account> tested;
        QString testedPassword;
        AccountAssistant assistant(&discovery, [&](const Store::Account &a, const QString &password, auto done) {
            tested << a;
            testedPassword = password;
            ConnectionTestResult r;
            r.ok = true;
            r.dsnSupported = false;
            done(r);
        });
        assistant.show();
        QVERIFY(QTest::qWaitForWindowExposed(&assistant));
        QVERIFY(!assistant.button(QWizard::NextButton)->isEnabled());
        assistant.nameField()->setText(QStringLiteral("Alice Example"));
        assistant.addressField()->setText(QStringLiteral("alice@example.org"));
        QVERIFY(!assistant.button(QWizard::NextButton)->isEnabled());
        assistant.passwordField()->setText(QStringLiteral("s3cret"));
        QVERIFY(assistant.button(QWizard::NextButton)->isEnabled());
        assistant.next();
        QCOMPARE(discovery.asked, QStringList({QStringLiteral("alice@example.org")}));
        QTRY_COMPARE(assistant.candidateBox()->count(), 5);
        QCOMPARE(assistant.imapHostField()->text(), QStringLiteral("imap.example.org"));
        assistant.useCandidate(2); // mail.example.org guess
        QCOMPARE(assistant.smtpHostField()->text(), QStringLiteral("mail.example.org"));
        assistant.smtpHostField()->setText(QStringLiteral("out.example.org")); // by hand
        assistant.next();
        QCOMPARE(tested.size(), 1);
        QCOMPARE(tested.first().smtp.host, QStringLiteral("out.example.org"));
        QCOMPARE(testedPassword, QStringLiteral("s3cret"));
        QVERIFY(assistant.tested());
        QVERIFY(assistant.testResultLabel()->text().contains(QStringLiteral("does not offer delivery reports")));
        const Store::Account a = assistant.account();
        QCOMPARE(a.email, QStringLiteral("alice@example.org"));
        QCOMPARE(a.displayName, QStringLiteral("Alice Example"));
        QCOMPARE(a.imap, (Store::Endpoint{QStringLiteral("mail.example.org"), 993, Store::Security::Tls}));
        QCOMPARE(a.userName, QStringLiteral("alice@example.org"));
        QCOMPARE(assistant.password(), QStringLiteral("s3cret"));
        // New accounts file delivery reports and read receipts away from the inbox.
        QCOMPARE(a.receiptsFolder, QStringLiteral("Receipts"));
    }

    void certificateTrustPinsAndRetests()
    {
        const Net::CertificateProblem problem = selfSignedProblem();
        QVERIFY(!problem.chain.isEmpty());
        TableDiscovery discovery;
        discovery.answer = guessSettings(QStringLiteral("alice@example.test"));
        int calls = 0;
        AccountAssistant assistant(&discovery, [&](const Store::Account &a, const QString &, auto done) {
            ++calls;
            ConnectionTestResult r;
            r.ok = !a.pinnedFingerprints.isEmpty();
            if (!r.ok)
                r.certificate = problem;
            done(r);
        });
        QSignalSpy opened(&assistant, &AccountAssistant::certificateDialogOpened);
        assistant.show();
        assistant.addressField()->setText(QStringLiteral("alice@example.test"));
        assistant.passwordField()->setText(QStringLiteral("pw"));
        assistant.next();
        QTRY_COMPARE(assistant.candidateBox()->count(), 4);
        assistant.next();
        QCOMPARE(opened.size(), 1);
        auto *dialog = qobject_cast<CertificateDialog *>(opened.first().first().value<QDialog *>());
        QVERIFY(dialog);
        const QString details = dialog->detailsText();
        QVERIFY(details.contains(QStringLiteral("mail.example.test")));
        QVERIFY(details.contains(QStringLiteral("Example Mail")));
        QVERIFY(details.contains(QStringLiteral("Valid until")));
        QVERIFY2(details.contains(QSslError(QSslError::SelfSignedCertificate).errorString()), qPrintable(details));
        QCOMPARE(dialog->fingerprintText(), QStringLiteral("54:E3:3C:A6:80:2D:B1:92:33:EC:78:64:77:87:00:5E:93:61:30:D2:7A:70:4D:E0:8C:FB:5C:5F:C5:5D:52:54"));
        QVERIFY(details.contains(dialog->fingerprintText()));

        const QString dir = qEnvironmentVariable("MAILTRAIL_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(dialog->grab().save(dir + QStringLiteral("/certificate-dialog.png")));

        dialog->findChild<QPushButton *>(QStringLiteral("trustButton"))->click();
        QCOMPARE(calls, 2);
        QVERIFY(assistant.tested());
        QCOMPARE(assistant.account().pinnedFingerprints,
                 QStringList({QStringLiteral("54e33ca6802db19233ec78647787005e936130d27a704de08cfb5c5fc55d5254")}));
    }

    void certificateRejectStops()
    {
        TableDiscovery discovery;
        int calls = 0;
        AccountAssistant assistant(&discovery, [&](const Store::Account &, const QString &, auto done) {
            ++calls;
            ConnectionTestResult r;
            r.certificate = selfSignedProblem();
            done(r);
        });
        QSignalSpy opened(&assistant, &AccountAssistant::certificateDialogOpened);
        assistant.show();
        assistant.addressField()->setText(QStringLiteral("alice@example.test"));
        assistant.passwordField()->setText(QStringLiteral("pw"));
        assistant.next();
        // No candidates: the assistant says so, and the settings are entered by hand.
        QTRY_VERIFY(assistant.findChild<QLabel *>() && assistant.candidateBox()->count() == 0
                    && assistant.currentPage()->findChildren<QLabel *>().size() > 0);
        assistant.imapHostField()->setText(QStringLiteral("mail.example.test"));
        assistant.smtpHostField()->setText(QStringLiteral("mail.example.test"));
        assistant.next();
        QCOMPARE(opened.size(), 1);
        auto *dialog = qobject_cast<CertificateDialog *>(opened.first().first().value<QDialog *>());
        QSignalSpy decided(dialog, &CertificateDialog::decided);
        dialog->findChild<QPushButton *>(QStringLiteral("rejectButton"))->click();
        QCOMPARE(decided.size(), 1);
        QCOMPARE(decided.first().first().value<Net::CertificateDecision>(), Net::CertificateDecision::Reject);
        QCOMPARE(calls, 1);
        QVERIFY(!assistant.tested());
        QVERIFY(assistant.account().pinnedFingerprints.isEmpty());
        QVERIFY(assistant.testResultLabel()->text().contains(QStringLiteral("rejected")));
    }

    void failedTestIsShownInWords()
    {
        TableDiscovery discovery;
        discovery.answer = guessSettings(QStringLiteral("a@example.test"));
        AccountAssistant assistant(&discovery, [&](const Store::Account &, const QString &, auto done) {
            done(ConnectionTestResult{false, QStringLiteral("the IMAP server refused the password"), std::nullopt, true});
        });
        assistant.show();
        assistant.addressField()->setText(QStringLiteral("a@example.test"));
        assistant.passwordField()->setText(QStringLiteral("wrong"));
        assistant.next();
        QTRY_COMPARE(assistant.candidateBox()->count(), 4);
        assistant.next();
        QCOMPARE(assistant.testResultLabel()->text(), QStringLiteral("The test failed: the IMAP server refused the password"));
        // Finish stays disabled while the test fails, unless the user says "Add anyway".
        QAbstractButton *finish = assistant.button(QWizard::FinishButton);
        QVERIFY(!assistant.currentPage()->isComplete());
        QVERIFY(!finish->isEnabled());
        QVERIFY(assistant.addAnywayBox()->isVisible());
        assistant.addAnywayBox()->setChecked(true);
        QVERIFY(assistant.currentPage()->isComplete());
        QVERIFY(finish->isEnabled());
        QSignalSpy accepted(&assistant, &QDialog::accepted);
        finish->click();
        QCOMPARE(accepted.size(), 1);
    }

    void passedTestEnablesFinish()
    {
        TableDiscovery discovery;
        discovery.answer = guessSettings(QStringLiteral("a@example.test"));
        std::function<void(const ConnectionTestResult &)> pending;
        AccountAssistant assistant(&discovery, [&](const Store::Account &, const QString &, auto done) { pending = done; });
        assistant.show();
        assistant.addressField()->setText(QStringLiteral("a@example.test"));
        assistant.passwordField()->setText(QStringLiteral("right"));
        assistant.next();
        QTRY_COMPARE(assistant.candidateBox()->count(), 4);
        assistant.next();
        QVERIFY(pending);
        // While the test runs: no Finish.
        QVERIFY(!assistant.button(QWizard::FinishButton)->isEnabled());
        pending(ConnectionTestResult{true, {}, std::nullopt, true});
        QVERIFY(assistant.button(QWizard::FinishButton)->isEnabled());
        QVERIFY(!assistant.addAnywayBox()->isVisible());
    }
};

QTEST_MAIN(AccountAssistantTest)
#include "AccountAssistantTest.moc"
