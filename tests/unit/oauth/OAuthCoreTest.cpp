// SPDX-License-Identifier: GPL-3.0-or-later
// OAuth2 without a network: PKCE (RFC 7636 Appendix B), the provider table, issuer URL
// rules, token answers (RFC 6749 §5.1/§5.2) and discovery documents.
#include "oauth/Discovery.h"
#include "oauth/Pkce.h"
#include "oauth/Providers.h"
#include "store/Account.h"

#include <QTest>

using namespace Mailtrail;
using OAuth::Error;

class OAuthCoreTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pkceRfc7636AppendixB()
    {
        QCOMPARE(OAuth::codeChallengeS256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
                 QByteArray("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
    }

    void codeVerifierIsFreshBase64UrlWithoutPadding()
    {
        const QByteArray a = OAuth::newCodeVerifier();
        const QByteArray b = OAuth::newCodeVerifier();
        QCOMPARE(a.size(), 43); // 32 bytes; RFC 7636 §4.1 allows 43–128
        QVERIFY(a != b);
        for (const char c : a)
            QVERIFY2(QByteArrayView("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_").contains(c), a.constData());
        QVERIFY(OAuth::newState() != OAuth::newState());
    }

    void serverUrls_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("https") << QStringLiteral("https://login.example.org/realms/mail") << true;
        QTest::newRow("http-loopback-v4") << QStringLiteral("http://127.0.0.1:8080") << true;
        QTest::newRow("http-loopback-127/8") << QStringLiteral("http://127.3.4.5/") << true;
        QTest::newRow("http-loopback-v6") << QStringLiteral("http://[::1]:9000/") << true;
        QTest::newRow("http-remote") << QStringLiteral("http://login.example.org") << false;
        QTest::newRow("http-localhost-name") << QStringLiteral("http://localhost:8080") << false;
        QTest::newRow("http-lan") << QStringLiteral("http://192.168.1.2") << false;
        QTest::newRow("ftp") << QStringLiteral("ftp://127.0.0.1") << false;
        QTest::newRow("no-host") << QStringLiteral("https://") << false;
        QTest::newRow("not-a-url") << QStringLiteral("google") << false;
    }
    void serverUrls()
    {
        QFETCH(QString, url);
        QFETCH(bool, allowed);
        QCOMPARE(OAuth::checkServerUrl(QUrl(url)).isEmpty(), allowed);
    }

    void providersByAddressAndMx()
    {
        QCOMPARE(OAuth::providerForAddress(QStringLiteral("someone@gmail.com"))->id, QStringLiteral("google"));
        QCOMPARE(OAuth::providerForAddress(QStringLiteral("Someone@GoogleMail.com"))->id, QStringLiteral("google"));
        QCOMPARE(OAuth::providerForAddress(QStringLiteral("someone@outlook.com"))->id, QStringLiteral("microsoft"));
        QCOMPARE(OAuth::providerForAddress(QStringLiteral("someone@hotmail.de"))->id, QStringLiteral("microsoft"));
        QVERIFY(!OAuth::providerForAddress(QStringLiteral("someone@example.test")));
        QVERIFY(!OAuth::providerForAddress(QStringLiteral("no-at-sign")));
        QCOMPARE(OAuth::providerForMxHosts({QStringLiteral("aspmx.l.google.com.")})->id, QStringLiteral("google"));
        QCOMPARE(OAuth::providerForMxHosts({QStringLiteral("alt1.aspmx.l.googlemail.com")})->id, QStringLiteral("google"));
        QCOMPARE(OAuth::providerForMxHosts({QStringLiteral("contoso-com.mail.protection.outlook.com")})->id,
                 QStringLiteral("microsoft"));
        QVERIFY(!OAuth::providerForMxHosts({QStringLiteral("mx.example.test"), QStringLiteral("evilgoogle.com")}));
        const OAuth::Provider *google = OAuth::builtInProvider(QStringLiteral("google"));
        QCOMPARE(google->imap.host, QStringLiteral("imap.gmail.com"));
        QCOMPARE(google->scopes, QStringList{QStringLiteral("https://mail.google.com/")});
        const OAuth::Provider *microsoft = OAuth::builtInProvider(QStringLiteral("microsoft"));
        QCOMPARE(microsoft->smtp, (Store::Endpoint{QStringLiteral("smtp.office365.com"), 587, Store::Security::StartTls}));
        QVERIFY(microsoft->scopes.contains(QStringLiteral("offline_access")));
    }

    void clientConfigs()
    {
        Store::Account a;
        a.email = QStringLiteral("someone@contoso.com");
        a.signIn = Store::SignIn::OAuth2;
        a.oauthProvider = QStringLiteral("microsoft");
        Error error;
        if (OAuth::builtInProvider(a.oauthProvider)->clientId.isEmpty()) {
            // No client ID built in: a plain sentence that names the override.
            QVERIFY(!OAuth::clientConfig(a, &error));
            QCOMPARE(error.kind, Error::Kind::Configuration);
            QVERIFY2(error.message.contains(QStringLiteral("MAILTRAIL_MICROSOFT_CLIENT_ID")), qPrintable(error.message));
            QVERIFY(error.message.contains(QStringLiteral("--client-id")));
        }
        a.oauthClientId = QStringLiteral("my-own-app");
        a.oauthTenant = QStringLiteral("contoso.onmicrosoft.com");
        auto config = OAuth::clientConfig(a, &error);
        QVERIFY(config);
        QCOMPARE(config->clientId, QStringLiteral("my-own-app"));
        QCOMPARE(config->server.tokenEndpoint,
                 QUrl(QStringLiteral("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token")));
        QCOMPARE(config->loginHint, a.email);

        a.oauthProvider = QStringLiteral("https://sso.example.org/realms/mail");
        a.oauthTenant.clear();
        config = OAuth::clientConfig(a, &error);
        QVERIFY(config);
        QVERIFY(OAuth::needsDiscovery(a));
        QCOMPARE(config->scopes, (QStringList{QStringLiteral("openid"), QStringLiteral("email"), QStringLiteral("offline_access")}));
        a.oauthScopes = QStringLiteral("  mail   offline_access ");
        QCOMPARE(OAuth::clientConfig(a, &error)->scopes, (QStringList{QStringLiteral("mail"), QStringLiteral("offline_access")}));

        a.oauthProvider = QStringLiteral("http://sso.example.org");
        QVERIFY(!OAuth::clientConfig(a, &error));
        QCOMPARE(error.kind, Error::Kind::Configuration);
        a.oauthProvider = QStringLiteral("https://sso.example.org");
        a.oauthClientId.clear();
        QVERIFY(!OAuth::clientConfig(a, &error));
        QVERIFY(error.message.contains(QStringLiteral("client ID")));
    }

    void tokenReplies_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("messageContains");
        QTest::newRow("rfc6749-5.1-example")
            << 200 << QByteArray("{\"access_token\":\"2YotnFZFEjr1zCsicMWpAA\",\"token_type\":\"example\",\"expires_in\":3600}")
            << int(Error::Kind::BadAnswer) << QStringLiteral("not a token response"); // not a bearer token
        QTest::newRow("bearer") << 200
                                << QByteArray("{\"access_token\":\"AT\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"refresh_token\":\"RT\"}")
                                << int(Error::Kind::None) << QString();
        QTest::newRow("expires-in-as-string") << 200
                                              << QByteArray("{\"access_token\":\"AT\",\"token_type\":\"bearer\",\"expires_in\":\"60\"}")
                                              << int(Error::Kind::None) << QString();
        QTest::newRow("invalid-grant") << 400
                                       << QByteArray("{\"error\":\"invalid_grant\",\"error_description\":\"grant request is invalid\"}")
                                       << int(Error::Kind::Refused) << QStringLiteral("invalid_grant: grant request is invalid");
        QTest::newRow("invalid-client-401") << 401 << QByteArray("{\"error\":\"invalid_client\"}")
                                            << int(Error::Kind::Refused) << QStringLiteral("invalid_client");
        QTest::newRow("400-html") << 400 << QByteArray("<html>Bad Request</html>") << int(Error::Kind::BadAnswer)
                                  << QStringLiteral("HTTP status 400");
        QTest::newRow("500") << 500 << QByteArray("{\"error\":\"server_error\"}") << int(Error::Kind::BadAnswer)
                             << QStringLiteral("HTTP status 500");
        QTest::newRow("200-garbage") << 200 << QByteArray("{\"this is\": not json") << int(Error::Kind::BadAnswer)
                                     << QStringLiteral("not a token response");
        QTest::newRow("200-array") << 200 << QByteArray("[]") << int(Error::Kind::BadAnswer)
                                   << QStringLiteral("not a token response");
        QTest::newRow("200-no-token") << 200 << QByteArray("{\"token_type\":\"Bearer\"}") << int(Error::Kind::BadAnswer)
                                      << QStringLiteral("not a token response");
        QTest::newRow("no-http-answer") << 0 << QByteArray() << int(Error::Kind::Network)
                                        << QStringLiteral("could not be reached: Connection refused");
    }
    void tokenReplies()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        QFETCH(QString, messageContains);
        const QDateTime now(QDate(2026, 12, 6), QTime(8, 0), Qt::UTC);
        Error error;
        const OAuth::Tokens tokens = OAuth::parseTokenReply(status, "application/json", body,
                                                            QStringLiteral("Connection refused"),
                                                            QStringLiteral("Example"), now, &error);
        QCOMPARE(int(error.kind), kind);
        QVERIFY2(error.message.contains(messageContains), qPrintable(error.message));
        if (kind == int(Error::Kind::None)) {
            QCOMPARE(tokens.accessToken, QStringLiteral("AT"));
            QVERIFY(tokens.expiresAt > now);
        } else {
            QVERIFY(tokens.accessToken.isEmpty());
            // A refusal never repeats secrets the request carried.
            QVERIFY(!error.message.contains(QStringLiteral("RT")));
        }
    }

    void discoveryDocuments_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("problem");
        const QByteArray good = "{\"issuer\":\"https://sso.example.org/realms/mail\",\n"
"            \"authorization_endpoint\":\"https://sso.example.org/realms/mail/auth\",\n"
"            \"token_endpoint\":\"https://sso.example.org/realms/mail/token\",\n"
"            \"revocation_endpoint\":\"https://sso.example.org/realms/mail/revoke\"}";
        QTest::newRow("keycloak-like") << good << QString();
        QTest::newRow("other-issuer") << QByteArray(good).replace("realms/mail\",", "realms/evil\",")
                                      << QStringLiteral("another issuer");
        QTest::newRow("http-token-endpoint") << QByteArray(good).replace("https://sso.example.org/realms/mail/token",
                                                                         "http://sso.example.org/token")
                                             << QStringLiteral("http");
        QTest::newRow("no-token-endpoint") << QByteArray("{\"issuer\":\"https://sso.example.org/realms/mail\",\n"
"            \"authorization_endpoint\":\"https://sso.example.org/a\"}") << QStringLiteral("lacks");
        QTest::newRow("garbage") << QByteArray("<html>") << QStringLiteral("not a JSON object");
    }
    void discoveryDocuments()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, problem);
        QString error;
        const OAuth::ServerConfig server =
            OAuth::Discovery::parse(json, QUrl(QStringLiteral("https://sso.example.org/realms/mail")), &error);
        if (problem.isEmpty()) {
            QCOMPARE(error, QString());
            QCOMPARE(server.tokenEndpoint, QUrl(QStringLiteral("https://sso.example.org/realms/mail/token")));
        } else {
            QVERIFY2(error.contains(problem), qPrintable(error));
        }
    }

    void discoveryUrls()
    {
        // OpenID Connect appends; RFC 8414 §3.1 inserts before the issuer's path.
        QCOMPARE(OAuth::Discovery::metadataUrls(QUrl(QStringLiteral("https://sso.example.org/realms/mail"))),
                 (QList<QUrl>{QUrl(QStringLiteral("https://sso.example.org/realms/mail/.well-known/openid-configuration")),
                              QUrl(QStringLiteral("https://sso.example.org/.well-known/oauth-authorization-server/realms/mail"))}));
        QCOMPARE(OAuth::Discovery::metadataUrls(QUrl(QStringLiteral("http://127.0.0.1:4000/"))).first(),
                 QUrl(QStringLiteral("http://127.0.0.1:4000/.well-known/openid-configuration")));
    }
};

QTEST_GUILESS_MAIN(OAuthCoreTest)
#include "OAuthCoreTest.moc"
