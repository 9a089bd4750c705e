// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 14 end to end, with real parts only: mailtrail-cli signs in at a real OpenID provider
// (oidc-provider on loopback, fixture "Oidc", tests/oidc) through tests/oidc/browser.mjs
// playing the browser, the refresh token goes to the private keychain (fixture "Keychain"),
// and the private Postfix + Dovecot (fixture "MailstackOAuth") check every access token at
// the provider's introspection endpoint.
#include "CliRun.h"
#include "Keychain.h"
#include "MailStack.h"
#include "TcpProxy.h"
#include "store/AccountRepository.h"
#include "store/Database.h"
#include "sync/AccountSession.h"
#include "sync/OAuth2Credentials.h"
#include "sync/PasswordStore.h"

#include <QDir>
#include <QDirIterator>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUuid>
#include <QProcess>

#include <csignal>

using namespace Mailtrail;

namespace {

QHash<QString, QString> readEnv(const QString &file)
{
    QHash<QString, QString> values;
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return values;
    for (const QByteArray &line : f.readAll().split('\n')) {
        QString key, value;
        if (Test::parseEnvLine(QString::fromUtf8(line), &key, &value))
            values.insert(key, value);
    }
    return values;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class OAuthE2ETest : public QObject
{
    Q_OBJECT

    Test::MailStack m_stack = Test::MailStack::fromEnvironment();
    QHash<QString, QString> m_oidc = readEnv(qEnvironmentVariable("MAILTRAIL_OIDC_DIR") + QStringLiteral("/env"));
    QTemporaryDir m_profile;
    QList<QByteArray> m_outputs; ///< everything the CLI printed, for the leak check
    QSet<QByteArray> m_arguments; ///< every process command line seen while the CLI ran

    QString issuer() const { return m_oidc.value(QStringLiteral("OIDC_ISSUER")); }
    QString oidcDir() const { return qEnvironmentVariable("MAILTRAIL_OIDC_DIR"); }
    QString browser() const
    {
        return QStringLiteral("node %1/tests/oidc/browser.mjs").arg(qEnvironmentVariable("MAILTRAIL_SOURCE_DIR"));
    }

    /// mailtrail-cli with this test's profile; records its output and, while it runs, every
    /// process's command line (/proc/PID/cmdline), for the leak check.
    Test::CliRun cli(const QStringList &arguments, const QByteArray &stdinData = {})
    {
        QTimer scan;
        connect(&scan, &QTimer::timeout, this, [this] {
            QDirIterator it(QStringLiteral("/proc"), QDir::Dirs | QDir::NoDotAndDotDot);
            while (it.hasNext()) {
                const QByteArray cmdline = readAll(it.next() + QStringLiteral("/cmdline"));
                if (!cmdline.isEmpty())
                    m_arguments.insert(cmdline);
            }
        });
        scan.start(25);
        Test::CliRun run = Test::runCli(QStringList{QStringLiteral("--profile"), m_profile.path()} + arguments,
                                        stdinData, 180000);
        m_outputs << run.out << run.err;
        return run;
    }

    Test::CliRun addAccount(const QString &name, const QString &user, const QByteArray &browserMode = "normal",
                            const QStringList &extra = {})
    {
        qputenv("OIDC_BROWSER_MODE", browserMode);
        return cli(QStringList{QStringLiteral("account"), QStringLiteral("add"), name, QStringLiteral("--email"),
                               m_stack.address(user), QStringLiteral("--imap"),
                               QStringLiteral("%1:%2/tls").arg(m_stack.host()).arg(m_stack.imapsPort()),
                               QStringLiteral("--smtp"),
                               QStringLiteral("%1:%2/starttls").arg(m_stack.host()).arg(m_stack.submissionPort()),
                               QStringLiteral("--ca-file"), m_stack.caFile(), QStringLiteral("--oauth"), issuer(),
                               QStringLiteral("--client-id"), m_oidc.value(QStringLiteral("OIDC_CLIENT_ID")),
                               QStringLiteral("--oauth-browser"), browser()}
                   + extra);
    }

    Test::CliRun sync(const QString &account)
    {
        return cli({QStringLiteral("sync"), QStringLiteral("--account"), account, QStringLiteral("--json")});
    }

    /// A test control of tests/oidc/server.mjs (POST /test/...).
    void control(const QString &pathAndQuery)
    {
        QNetworkAccessManager network;
        QNetworkRequest request(QUrl(issuer() + pathAndQuery));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("text/plain"));
        QNetworkReply *reply = network.post(request, QByteArray());
        QSignalSpy done(reply, &QNetworkReply::finished);
        QVERIFY(done.wait(10000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        reply->deleteLater();
    }

    int grants(const QByteArray &type) const
    {
        return int(readAll(m_oidc.value(QStringLiteral("OIDC_LOG"))).count(QByteArray("\"grant_type\":\"" + type + "\",\"client\"")));
    }

    /// What the keychain holds for @p account (empty when nothing).
    QString keychainEntry(const QString &account)
    {
        Sync::PasswordStore keychain;
        QSignalSpy read(&keychain, &Sync::PasswordStore::passwordRead);
        keychain.read(account);
        if (!read.wait(10000))
            return QStringLiteral("<keychain did not answer>");
        return read.first().at(1).toString();
    }

    QStringList accountNames()
    {
        QStringList names;
        const Test::CliRun list = cli({QStringLiteral("account"), QStringLiteral("list")});
        for (const QByteArray &line : list.out.split('\n')) {
            if (line.contains('\t'))
                names << QString::fromUtf8(line.left(line.indexOf('\t')));
        }
        return names;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCOMPARE(Test::useTestSessionBus(), QString());
        QVERIFY2(m_stack.isValid(), qPrintable(m_stack.errorString()));
        QCOMPARE(m_stack.value(QStringLiteral("OAUTH2")), QStringLiteral("1"));
        QVERIFY2(!issuer().isEmpty(), "no OpenID provider (fixture Oidc)");
        QVERIFY(m_profile.isValid());
    }

    /// Issue 14, test 1: sign in through the provider's pages → sync → send with DSN → the
    /// success DSN comes back.
    void signInSyncSend()
    {
        const int codeGrants = grants("authorization_code");
        const Test::CliRun add = addAccount(QStringLiteral("alice"), QStringLiteral("alice"));
        QVERIFY2(add.exitCode == 0, add.describe().constData());
        QVERIFY2(add.err.contains(QByteArray("Open this address in a browser to sign in: " + issuer().toUtf8() + "/auth?")),
                 add.describe().constData());
        QVERIFY(add.err.contains("code_challenge_method=S256"));
        QVERIFY(add.err.contains("redirect_uri=http://127.0.0.1:"));
        QCOMPARE(grants("authorization_code"), codeGrants + 1);
        QVERIFY(!keychainEntry(QStringLiteral("alice")).isEmpty());

        const Test::CliRun list = cli({QStringLiteral("account"), QStringLiteral("list")});
        QVERIFY2(list.out.contains(QByteArray("\tsign-in oauth:" + issuer().toUtf8() + "\t")), list.describe().constData());

        const Test::CliRun synced = sync(QStringLiteral("alice"));
        QVERIFY2(synced.exitCode == 0, synced.describe().constData());
        QVERIFY(synced.json().value(QStringLiteral("ok")).toBool());

        const QString subject = QStringLiteral("OAuth2 %1").arg(QUuid::createUuid().toString(QUuid::Id128));
        qputenv("QT_LOGGING_RULES", "mailtrail.*.debug=true"); // transcripts on stderr, for the leak check
        const Test::CliRun sent = cli({QStringLiteral("send"), QStringLiteral("--account"), QStringLiteral("alice"),
                                       QStringLiteral("--to"), m_stack.address(QStringLiteral("bob")),
                                       QStringLiteral("--subject"), subject, QStringLiteral("--body-stdin"),
                                       QStringLiteral("--dsn"), QStringLiteral("success,failure"),
                                       QStringLiteral("--json")},
                                      "Signed in with OAuth2.\n");
        qunsetenv("QT_LOGGING_RULES");
        QVERIFY2(sent.exitCode == 0, sent.describe().constData());
        QCOMPARE(sent.json().value(QStringLiteral("state")).toString(), QStringLiteral("sent"));
        QVERIFY(!m_stack.waitForMessageContaining(QStringLiteral("bob"), {subject.toUtf8()}).isEmpty());
        QVERIFY(!m_stack.waitForMessage(QStringLiteral("alice"), [&](const QByteArray &m) {
                    return m.contains(subject.toUtf8()) && m.contains("Action: delivered");
                }).isEmpty());
        // The DSN is read back through IMAP with a renewed token.
        const Test::CliRun again = sync(QStringLiteral("alice"));
        QVERIFY2(again.exitCode == 0, again.describe().constData());
    }

    /// Issue 14, test 2: access tokens that live two seconds; after expiry sync still works
    /// and the provider's log shows the refresh_token grant.
    void shortLivedTokensAreRenewed()
    {
        // Only the sign-in's token is short-lived; the renewed one lives an hour, so a slow
        // machine cannot make the login after the renewal late.
        control(QStringLiteral("/test/config?access_ttl=2"));
        const Test::CliRun add = addAccount(QStringLiteral("bob"), QStringLiteral("bob"));
        control(QStringLiteral("/test/config?access_ttl=3600"));
        QVERIFY2(add.exitCode == 0, add.describe().constData());
        QTest::qWait(2500); // the token from the sign-in has expired now
        const int refreshes = grants("refresh_token");
        const Test::CliRun synced = sync(QStringLiteral("bob"));
        QVERIFY2(synced.exitCode == 0, synced.describe().constData());
        QVERIFY(grants("refresh_token") > refreshes);
    }

    /// The IDLE connection outlives its access token: the provider hands out tokens that live
    /// 3 s, the connection drops after the token expired, and the monitor reconnects with a
    /// renewed token (asked from the source at connect time) and still notices new mail. Row
    /// "clock-right": the source renews before presenting the expired token. Row
    /// "clock-behind": the source's clock is an hour late, so it presents the expired token,
    /// Dovecot refuses it at the provider's introspection, and the monitor's refused() makes
    /// the source renew. Each row connects through a proxy from its own loopback address, so
    /// Dovecot's auth-failure penalty never touches the other tests.
    void idleReconnectsWithARenewedToken_data()
    {
        QTest::addColumn<bool>("clockBehind");
        QTest::addColumn<QString>("sourceAddress");
        QTest::newRow("clock-right") << false << QStringLiteral("127.0.0.21");
        QTest::newRow("clock-behind") << true << QStringLiteral("127.0.0.22");
    }
    void idleReconnectsWithARenewedToken()
    {
        QFETCH(bool, clockBehind);
        QFETCH(QString, sourceAddress);
        const QString name = QStringLiteral("idle-%1").arg(QString::fromLatin1(QTest::currentDataTag()));
        control(QStringLiteral("/test/config?access_ttl=3"));
        const Test::CliRun add = addAccount(name, QStringLiteral("bob"));
        QVERIFY2(add.exitCode == 0, add.describe().constData());

        Test::TcpProxy proxy(m_stack.host(), m_stack.imapsPort());
        proxy.setSourceAddress(QHostAddress(sourceAddress));
        QVERIFY(proxy.start());
        Store::Database db;
        QCOMPARE(db.open(m_profile.filePath(QStringLiteral("mailtrail.sqlite"))), QString());
        std::optional<Store::Account> account = Store::AccountRepository(db.connection()).find(name);
        QVERIFY(account && account->isOAuth2());
        account->imap.port = proxy.serverPort();
        QCOMPARE(Store::AccountRepository(db.connection()).update(*account), QString());

        Sync::OAuth2Credentials source(*account);
        if (clockBehind)
            source.setClock([] { return QDateTime::currentDateTimeUtc().addSecs(-3600); });
        Sync::AccountSession session(*account, &source, db.connection());
        session.setMonitorSetup([](Sync::AccountMonitor &m) { m.setBackoff(Sync::Backoff(50, 1000)); });
        QSignalSpy synced(&session, &Sync::AccountSession::folderSynced);
        QSignalSpy failed(&session, &Sync::AccountSession::credentialsFailed);
        QSignalSpy lost(&session, &Sync::AccountSession::monitorLost);
        const int refreshes = grants("refresh_token");
        session.startMonitoring();
        QTRY_VERIFY_WITH_TIMEOUT(synced.size() >= 2, 30000); // the sync, then IDLE's first look
        QCOMPARE(proxy.connectionsAccepted(), 1);
        QCOMPARE(grants("refresh_token"), refreshes + 1); // the sign-in's token, renewed once
        const QDateTime expiry = source.accessTokenExpiry();
        QVERIFY(expiry.isValid());

        // The token expires while IDLE runs; only then does the connection drop. The renewed
        // token lives long, so a slow machine cannot make the login after the renewal late.
        QTRY_VERIFY_WITH_TIMEOUT(QDateTime::currentDateTimeUtc() > expiry.addSecs(1), 20000);
        control(QStringLiteral("/test/config?access_ttl=3600"));
        synced.clear();
        proxy.cutAll();
        QVERIFY(lost.wait(10000));
        QTRY_VERIFY_WITH_TIMEOUT(synced.size() >= 2, 60000); // logged in again and idling
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).value<Sync::CredentialError>().message));
        QCOMPARE(grants("refresh_token"), refreshes + 2);
        // clock-behind: one connection was refused (the expired token), then the renewed one.
        QCOMPARE(proxy.connectionsAccepted(), clockBehind ? 3 : 2);
        QVERIFY(source.accessTokenExpiry() > expiry);

        // New mail still arrives through IDLE on the new connection.
        synced.clear();
        const QString subject = QStringLiteral("After expiry %1").arg(QUuid::createUuid().toString(QUuid::Id128));
        const QByteArray message = "From: " + m_stack.address(QStringLiteral("alice")).toUtf8() + "\r\nTo: "
            + m_stack.address(QStringLiteral("bob")).toUtf8() + "\r\nSubject: " + subject.toUtf8()
            + "\r\n\r\nNoticed over IDLE.\r\n";
        QCOMPARE(m_stack.submit(QStringLiteral("alice"), {m_stack.address(QStringLiteral("bob")).toUtf8()}, message),
                 QString());
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(synced.cbegin(), synced.cend(), [](const QList<QVariant> &args) {
            return args.first().value<Sync::FolderSyncResult>().added > 0;
        }), 60000);
        QCOMPARE(proxy.connectionsAccepted(), clockBehind ? 3 : 2); // no reconnect meanwhile
        QVERIFY(failed.isEmpty());
        session.close();
    }

    /// The source the GUI and the CLI share: the access token is reused while fresh, renewed
    /// before it expires and once after a refusal; a second refusal means "sign in again".
    void credentialSourceRenewsOnceAfterRefusal()
    {
        std::optional<Store::Account> account;
        {
            Store::Database db;
            QCOMPARE(db.open(m_profile.filePath(QStringLiteral("mailtrail.sqlite"))), QString());
            account = Store::AccountRepository(db.connection()).find(QStringLiteral("alice"));
        }
        QVERIFY(account && account->isOAuth2());
        Sync::OAuth2Credentials source(*account);
        QDateTime now = QDateTime::currentDateTimeUtc();
        source.setClock([&now] { return now; });
        QSignalSpy ready(&source, &Sync::CredentialSource::ready);
        QSignalSpy failed(&source, &Sync::CredentialSource::failed);
        const auto next = [&]() -> Sync::Credentials {
            const qsizetype before = ready.count() + failed.count();
            source.request();
            if (!QTest::qWaitFor([&] { return ready.count() + failed.count() > before; }, 20000))
                return {};
            return failed.count() ? Sync::Credentials() : ready.last().first().value<Sync::Credentials>();
        };
        int refreshes = grants("refresh_token");
        const Sync::Credentials first = next();
        QVERIFY(first.isOAuth2() && !first.isEmpty());
        QCOMPARE(grants("refresh_token"), refreshes + 1);
        QCOMPARE(next(), first); // fresh: no renewal
        QCOMPARE(grants("refresh_token"), refreshes + 1);
        now = now.addSecs(3600 - 30); // within a minute of expiry
        const Sync::Credentials renewed = next();
        QVERIFY(renewed.isOAuth2() && renewed != first);
        QCOMPARE(grants("refresh_token"), refreshes + 2);
        source.refused(renewed);
        const Sync::Credentials afterRefusal = next();
        QVERIFY(afterRefusal.isOAuth2() && afterRefusal != renewed);
        QCOMPARE(grants("refresh_token"), refreshes + 3);
        source.refused(afterRefusal);
        QVERIFY(next().isEmpty());
        QCOMPARE(failed.count(), 1);
        QCOMPARE(failed.first().first().value<Sync::CredentialError>().kind, Sync::CredentialError::Kind::SignInAgain);
        QCOMPARE(grants("refresh_token"), refreshes + 3); // no loop of renewals
        // The rotated refresh token went to the keychain: the CLI still works.
        QCOMPARE(sync(QStringLiteral("alice")).exitCode, 0);
    }

    /// Issue 14, test 3: the provider revokes the grant → exit 77 and the clear message;
    /// `account reauth` signs in again and keeps the account.
    void revokedMeansSignInAgain()
    {
        const Test::CliRun add = addAccount(QStringLiteral("carol"), QStringLiteral("carol"));
        QVERIFY2(add.exitCode == 0, add.describe().constData());
        QCOMPARE(sync(QStringLiteral("carol")).exitCode, 0);
        control(QStringLiteral("/test/revoke?account=") + m_stack.address(QStringLiteral("carol")));

        const Test::CliRun refused = sync(QStringLiteral("carol"));
        QVERIFY2(refused.exitCode == 77, refused.describe().constData());
        QVERIFY2(refused.err.contains("sign in again: mailtrail-cli account reauth carol"), refused.describe().constData());
        const Test::CliRun flush = cli({QStringLiteral("outbox"), QStringLiteral("flush"), QStringLiteral("--account"),
                                        QStringLiteral("carol")});
        QVERIFY2(flush.exitCode == 77, flush.describe().constData());

        qputenv("OIDC_BROWSER_MODE", "normal");
        const Test::CliRun reauth = cli({QStringLiteral("account"), QStringLiteral("reauth"), QStringLiteral("carol"),
                                         QStringLiteral("--oauth-browser"), browser()});
        QVERIFY2(reauth.exitCode == 0, reauth.describe().constData());
        const Test::CliRun synced = sync(QStringLiteral("carol"));
        QVERIFY2(synced.exitCode == 0, synced.describe().constData());
    }

    /// Issue 14, test 4: every way a sign-in can go wrong ends in a clear error with nothing
    /// stored.
    void failedSignInStoresNothing_data()
    {
        QTest::addColumn<QByteArray>("browserMode");
        QTest::addColumn<QString>("tokenMode");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("wrong-state") << QByteArray("wrong-state") << QStringLiteral("normal")
                                     << QByteArray("does not belong to this sign-in");
        QTest::newRow("access-denied") << QByteArray("deny") << QStringLiteral("normal")
                                       << QByteArray("was denied or cancelled (access_denied");
        QTest::newRow("token-endpoint-400") << QByteArray("normal") << QStringLiteral("400")
                                            << QByteArray("answered with HTTP status 400");
        QTest::newRow("token-endpoint-garbage") << QByteArray("normal") << QStringLiteral("garbage")
                                                << QByteArray("not a token response");
    }
    void failedSignInStoresNothing()
    {
        QFETCH(QByteArray, browserMode);
        QFETCH(QString, tokenMode);
        QFETCH(QByteArray, message);
        control(QStringLiteral("/test/token-mode?mode=") + tokenMode);
        const QString name = QStringLiteral("failed-%1").arg(QString::fromLatin1(QTest::currentDataTag()));
        const Test::CliRun add = addAccount(name, QStringLiteral("postmaster"), browserMode);
        control(QStringLiteral("/test/token-mode?mode=normal"));
        QVERIFY2(add.exitCode == 1, add.describe().constData());
        QVERIFY2(add.err.contains(message), add.describe().constData());
        QVERIFY(!accountNames().contains(name));
        QCOMPARE(keychainEntry(name), QString());
    }

    /// A browser command that fails (exits non-zero) or cannot be started ends the sign-in
    /// at once with a clear error and exit code 1 (a failed sign-in), for `account add` and
    /// `account reauth`, instead of the 5-minute wait; nothing is stored or changed.
    void failingBrowserCommandFailsAtOnce_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("exits-1") << QStringLiteral("sh -c \"exit 1\"")
                                 << QByteArray("the --oauth-browser command sh exited with code 1 before the sign-in "
                                               "was completed; the sign-in was given up");
        QTest::newRow("not-found") << QStringLiteral("/nonexistent/mailtrail-test-browser --new-window")
                                   << QByteArray("cannot run the --oauth-browser command "
                                                 "/nonexistent/mailtrail-test-browser");
    }
    void failingBrowserCommandFailsAtOnce()
    {
        QFETCH(QString, command);
        QFETCH(QByteArray, message);
        const QString name = QStringLiteral("browser-%1").arg(QString::fromLatin1(QTest::currentDataTag()));
        // Well below the 5-minute wait: a CLI that waits for the redirect fails here (-1).
        const QStringList add{QStringLiteral("--profile"), m_profile.path(), QStringLiteral("account"),
                              QStringLiteral("add"), name, QStringLiteral("--email"),
                              m_stack.address(QStringLiteral("postmaster")), QStringLiteral("--imap"),
                              QStringLiteral("%1:%2/tls").arg(m_stack.host()).arg(m_stack.imapsPort()),
                              QStringLiteral("--smtp"),
                              QStringLiteral("%1:%2/starttls").arg(m_stack.host()).arg(m_stack.submissionPort()),
                              QStringLiteral("--ca-file"), m_stack.caFile(), QStringLiteral("--oauth"), issuer(),
                              QStringLiteral("--client-id"), m_oidc.value(QStringLiteral("OIDC_CLIENT_ID")),
                              QStringLiteral("--oauth-browser"), command};
        const Test::CliRun added = Test::runCli(add, {}, 60000);
        m_outputs << added.out << added.err;
        QVERIFY2(added.exitCode == 1, added.describe().constData());
        QVERIFY2(added.err.contains(QByteArray("mailtrail-cli account add: " + message)), added.describe().constData());
        QVERIFY(!accountNames().contains(name));
        QCOMPARE(keychainEntry(name), QString());

        // reauth of a working account: it fails the same way and the account keeps working.
        const QString before = keychainEntry(QStringLiteral("alice"));
        QVERIFY(!before.isEmpty());
        const Test::CliRun reauth = Test::runCli({QStringLiteral("--profile"), m_profile.path(), QStringLiteral("account"),
                                                  QStringLiteral("reauth"), QStringLiteral("alice"),
                                                  QStringLiteral("--oauth-browser"), command},
                                                 {}, 60000);
        m_outputs << reauth.out << reauth.err;
        QVERIFY2(reauth.exitCode == 1, reauth.describe().constData());
        QVERIFY2(reauth.err.contains(QByteArray("mailtrail-cli account reauth: " + message)), reauth.describe().constData());
        QCOMPARE(keychainEntry(QStringLiteral("alice")), before);
        const Test::CliRun synced = sync(QStringLiteral("alice"));
        QVERIFY2(synced.exitCode == 0, synced.describe().constData());
    }

    /// Ctrl+C while the CLI waits for the browser cancels the sign-in; nothing is stored.
    void ctrlCCancelsTheSignIn()
    {
        qputenv("OIDC_BROWSER_MODE", "none"); // the "browser" opens nothing: the CLI waits
        QProcess cli;
        cli.start(qEnvironmentVariable("MAILTRAIL_BINARY_DIR") + QStringLiteral("/app/mailtrail-cli"),
                  {QStringLiteral("--profile"), m_profile.path(), QStringLiteral("account"), QStringLiteral("add"),
                   QStringLiteral("waiting"), QStringLiteral("--email"), m_stack.address(QStringLiteral("postmaster")),
                   QStringLiteral("--imap"), QStringLiteral("127.0.0.1:1/tls"), QStringLiteral("--smtp"),
                   QStringLiteral("127.0.0.1:1/tls"), QStringLiteral("--oauth"), issuer(), QStringLiteral("--client-id"),
                   m_oidc.value(QStringLiteral("OIDC_CLIENT_ID")), QStringLiteral("--oauth-browser"), browser()});
        QByteArray err;
        QVERIFY(QTest::qWaitFor([&] {
            err += cli.readAllStandardError();
            return err.contains("Open this address in a browser to sign in: ");
        }, 60000));
        QTest::qWait(200);
        ::kill(pid_t(cli.processId()), SIGINT);
        QVERIFY(cli.waitForFinished(30000));
        err += cli.readAllStandardError();
        QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
        QCOMPARE(cli.exitCode(), 130);
        QVERIFY2(err.contains("cancelled"), err.constData());
        m_outputs << err;
        QVERIFY(!accountNames().contains(QStringLiteral("waiting")));
        QCOMPARE(keychainEntry(QStringLiteral("waiting")), QString());
    }

    /// A token the server refuses (it belongs to another user): the server's JSON error is
    /// decoded and shown; the CLI does not loop.
    void serverRefusesTheToken()
    {
        const Test::CliRun add = addAccount(QStringLiteral("mismatch"), QStringLiteral("postmaster"), "normal",
                                            {QStringLiteral("--user"), m_stack.address(QStringLiteral("bob"))});
        QVERIFY2(add.exitCode == 0, add.describe().constData());
        const Test::CliRun synced = sync(QStringLiteral("mismatch"));
        QVERIFY2(synced.exitCode != 0, synced.describe().constData());
        const QString error = synced.json()
                                  .value(QStringLiteral("accounts")).toArray().first().toObject()
                                  .value(QStringLiteral("error")).toString();
        QVERIFY2(error.contains(QLatin1String("refused the sign-in token")), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("invalid_token")), qPrintable(error));
    }

    /// Issue 14, "Client IDs": `account set --client-id` overrides an OAuth2 account's client
    /// and the next token renewal uses it: a client the provider does not know is refused (and
    /// the provider's log shows no renewal for the old client); `--client-id ""` goes back to
    /// the built-in client (an issuer has none: the CLI says to set one); the registered client
    /// renews again. The client secret is never printed; a password account is a usage error.
    void clientIdOverrideIsUsedByTheNextRenewal()
    {
        const QString clientId = m_oidc.value(QStringLiteral("OIDC_CLIENT_ID"));
        const auto renewals = [this](const QString &client) {
            return int(readAll(m_oidc.value(QStringLiteral("OIDC_LOG")))
                           .count(QByteArray("\"grant_type\":\"refresh_token\",\"client\":\"" + client.toUtf8() + '"')));
        };
        const auto listed = [this](const QByteArray &name) { // the account's line of `account list`
            for (const QByteArray &line : cli({QStringLiteral("account"), QStringLiteral("list")}).out.split('\n')) {
                if (line.startsWith(QByteArray(name + '\t')))
                    return line;
            }
            return QByteArray();
        };
        const auto set = [this](const QStringList &options) {
            return cli(QStringList{QStringLiteral("account"), QStringLiteral("set"), QStringLiteral("override")} + options);
        };
        const Test::CliRun add = addAccount(QStringLiteral("override"), QStringLiteral("postmaster"));
        QVERIFY2(add.exitCode == 0, add.describe().constData());
        QCOMPARE(sync(QStringLiteral("override")).exitCode, 0);
        const int registered = renewals(clientId);
        const auto refusedClients = [this] {
            return int(readAll(m_oidc.value(QStringLiteral("OIDC_LOG"))).count("\"error\":\"invalid_client\""));
        };
        const int refusedBefore = refusedClients();

        const QByteArray clientSecret = "client-secret-" + QUuid::createUuid().toByteArray(QUuid::Id128);
        const Test::CliRun changed = set({QStringLiteral("--client-id"), QStringLiteral("not-registered"),
                                          QStringLiteral("--client-secret"), QString::fromLatin1(clientSecret)});
        QVERIFY2(changed.exitCode == 0, changed.describe().constData());
        QVERIFY2(changed.out.contains("account 'override': OAuth2 client ID not-registered (with a client secret)"),
                 changed.describe().constData());
        QVERIFY(!changed.out.contains(clientSecret) && !changed.err.contains(clientSecret));
        const QByteArray line = listed("override");
        QVERIFY2(line.contains("\tclient-id not-registered\t"), line.constData());
        QVERIFY(!line.contains(clientSecret));

        const Test::CliRun refused = sync(QStringLiteral("override"));
        QVERIFY2(refused.exitCode == 77, refused.describe().constData());
        QVERIFY2(refused.err.contains("sign in again: mailtrail-cli account reauth override"), refused.describe().constData());
        QVERIFY(!refused.out.contains(clientSecret) && !refused.err.contains(clientSecret));
        QCOMPARE(renewals(clientId), registered); // the old client was not asked
        QCOMPARE(refusedClients(), refusedBefore + 1); // the provider refused the unknown client

        const Test::CliRun cleared = set({QStringLiteral("--client-id"), QString()});
        QVERIFY2(cleared.exitCode == 0, cleared.describe().constData());
        QVERIFY2(cleared.out.contains(QByteArray("the built-in OAuth2 client ID (none is built in for " + issuer().toUtf8())),
                 cleared.describe().constData());
        QVERIFY(!listed("override").isEmpty() && !listed("override").contains("client-id"));
        const Test::CliRun none = sync(QStringLiteral("override"));
        QVERIFY2(none.exitCode != 0 && none.err.contains("--client-id"), none.describe().constData());
        QCOMPARE(renewals(clientId), registered);

        const Test::CliRun back = set({QStringLiteral("--client-id"), clientId});
        QVERIFY2(back.out.contains(QByteArray("OAuth2 client ID " + clientId.toUtf8() + " (no client secret)")), back.describe().constData());
        const Test::CliRun synced = sync(QStringLiteral("override"));
        QVERIFY2(synced.exitCode == 0, synced.describe().constData());
        QCOMPARE(renewals(clientId), registered + 1);

        // Bad input: a secret without an ID, or with the built-in client; a password account.
        for (const QStringList &bad : {QStringList{QStringLiteral("--client-secret"), QStringLiteral("s")},
                                       QStringList{QStringLiteral("--client-id"), QString(),
                                                   QStringLiteral("--client-secret"), QStringLiteral("s")}}) {
            const Test::CliRun usage = set(bad);
            QVERIFY2(usage.exitCode == 2 && usage.err.contains("--client-secret"), usage.describe().constData());
        }
        const Test::CliRun password = cli({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("pw"),
                                           QStringLiteral("--email"), m_stack.address(QStringLiteral("postmaster")),
                                           QStringLiteral("--imap"), QStringLiteral("127.0.0.1:1/tls"),
                                           QStringLiteral("--smtp"), QStringLiteral("127.0.0.1:1/tls"),
                                           QStringLiteral("--password-stdin")},
                                          "a password\n");
        QVERIFY2(password.exitCode == 0, password.describe().constData());
        const Test::CliRun notOAuth = cli({QStringLiteral("account"), QStringLiteral("set"), QStringLiteral("pw"),
                                           QStringLiteral("--client-id"), QStringLiteral("x")});
        QVERIFY2(notOAuth.exitCode == 2 && notOAuth.err.contains("'pw' signs in with a password"),
                 notOAuth.describe().constData());
        QVERIFY(!listed("pw").isEmpty() && !listed("pw").contains("client-id"));
        QCOMPARE(cli({QStringLiteral("account"), QStringLiteral("remove"), QStringLiteral("pw")}).exitCode, 0);
    }

    /// Issue 14, test 5: no code, token or secret in the CLI's output and transcripts, the
    /// servers' logs, the profile database or any process's arguments.
    void noSecretLeaks()
    {
        QList<QByteArray> secrets;
        for (const QByteArray &s : readAll(oidcDir() + QStringLiteral("/issued-secrets")).split('\n')) {
            if (s.size() >= 20)
                secrets << s;
        }
        QVERIFY2(secrets.size() >= 6, "the provider issued no secrets to look for");
        QList<QPair<QString, QByteArray>> haystacks;
        for (const QByteArray &o : std::as_const(m_outputs))
            haystacks << qMakePair(QStringLiteral("CLI output"), o);
        QDirIterator files(m_profile.path(), QDir::Files, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            const QString path = files.next();
            haystacks << qMakePair(path, readAll(path));
        }
        QDirIterator logs(m_stack.value(QStringLiteral("LOG_DIR")), QDir::Files);
        while (logs.hasNext()) {
            const QString path = logs.next();
            haystacks << qMakePair(path, readAll(path));
        }
        haystacks << qMakePair(QStringLiteral("provider log"), readAll(m_oidc.value(QStringLiteral("OIDC_LOG"))));
        for (const QByteArray &a : std::as_const(m_arguments))
            haystacks << qMakePair(QStringLiteral("process arguments"), a);
        QVERIFY(m_arguments.size() > 10);
        for (const auto &[where, text] : std::as_const(haystacks)) {
            for (const QByteArray &secret : std::as_const(secrets))
                QVERIFY2(!text.contains(secret), qPrintable(where + QStringLiteral(" contains an issued secret")));
        }
    }
};

QTEST_GUILESS_MAIN(OAuthE2ETest)
#include "OAuthE2ETest.moc"
