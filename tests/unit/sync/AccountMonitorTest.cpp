// SPDX-License-Identifier: GPL-3.0-or-later
// AccountMonitor reconnects with exponential backoff after failures and then keeps syncing;
// every reconnect asks the credential source again, so it presents a renewed OAuth2 token
// (issue 14), a refusal is retried once with a renewed token and a second one stops it.
#include "ScriptedTransport.h"
#include "store/AccountRepository.h"
#include "store/Database.h"
#include "sync/AccountMonitor.h"

#include <QPointer>
#include <QSignalSpy>
#include <QTimer>

#include <memory>
#include <QTest>

using namespace Mailtrail;

namespace {

/// An OAuth2 source that hands out its current token until the server refuses it, then the
/// next one (a renewal); with none left, failed(SignInAgain). Records what it was told.
class TokenSource : public Sync::CredentialSource
{
public:
    explicit TokenSource(QStringList tokens) : m_tokens(std::move(tokens)) {}
    void request() override
    {
        ++requests;
        QTimer::singleShot(0, this, [this] {
            if (!failures.isEmpty()) {
                Q_EMIT failed(failures.takeFirst());
                return;
            }
            if (m_tokens.isEmpty()) {
                Q_EMIT failed({Sync::CredentialError::Kind::SignInAgain, QStringLiteral("sign in again")});
                return;
            }
            Q_EMIT ready(Sync::Credentials::oauth2(m_tokens.constFirst()));
            if (rotate && m_tokens.size() > 1)
                m_tokens.removeFirst(); // renewed before the next request
        });
    }
    void refused(const Sync::Credentials &used) override
    {
        refusedTokens << used.secret;
        if (!m_tokens.isEmpty() && used.secret == m_tokens.constFirst())
            m_tokens.removeFirst();
    }
    [[nodiscard]] bool isOAuth2() const override { return true; }

    int requests = 0;
    QStringList refusedTokens;
    QList<Sync::CredentialError> failures; ///< answered first, one per request
    bool rotate = false; ///< every request gets the next token (renewed before expiry)

private:
    QStringList m_tokens;
};

const QByteArray kOAuthGreeting = "S: * OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=OAUTHBEARER IDLE] ready\n"
                                  "C: a1 AUTHENTICATE OAUTHBEARER <redacted>\n";

/// A login the server accepts, the INBOX sync, then IDLE; @p end says what follows.
QByteArray acceptedThenIdle(const QByteArray &end)
{
    return kOAuthGreeting
        + "S: a1 OK Logged in\n"
          "C: a2 CAPABILITY\n"
          "S: * CAPABILITY IMAP4rev1 SASL-IR AUTH=OAUTHBEARER IDLE\n"
          "S: a2 OK done\n"
          "C: a3 SELECT INBOX\n"
          "S: * 0 EXISTS\n"
          "S: * OK [UIDVALIDITY 5] ok\n"
          "S: * OK [UIDNEXT 1] ok\n"
          "S: a3 OK [READ-WRITE] selected\n"
          "C: a4 LIST \"\" \"*\"\n"
          "S: * LIST (\\HasNoChildren) \"/\" INBOX\n"
          "S: a4 OK listed\n"
          "C: a5 SELECT INBOX\n"
          "S: * 0 EXISTS\n"
          "S: * OK [UIDVALIDITY 5] ok\n"
          "S: * OK [UIDNEXT 1] ok\n"
          "S: a5 OK [READ-WRITE] selected\n"
          "C: a6 IDLE\n"
          "S: + idling\n"
        + end;
}

/// Dovecot's refusal of an expired token (RFC 7628 §3.2.2: JSON error, %x01, NO).
const QByteArray kTokenRefused = kOAuthGreeting
    + "S: + " + QByteArray(R"({"status":"invalid_token","schemes":"bearer","scope":"mail"})").toBase64() + "\n"
      "C: AQ==\n"
      "S: a1 NO [AUTHENTICATIONFAILED] Authentication failed.\n";

/// The bearer token a connection presented (decoded from its AUTHENTICATE line).
QString presentedToken(const QByteArray &written)
{
    const QByteArray marker = "AUTHENTICATE OAUTHBEARER ";
    const qsizetype at = written.indexOf(marker);
    if (at < 0)
        return {};
    const qsizetype end = written.indexOf("\r\n", at);
    const QByteArray gs2 = QByteArray::fromBase64(written.mid(at + marker.size(), end - at - marker.size()));
    const qsizetype auth = gs2.indexOf("auth=Bearer ");
    if (auth < 0)
        return {};
    const qsizetype stop = gs2.indexOf('\x01', auth);
    return QString::fromLatin1(gs2.mid(auth + 12, stop - auth - 12));
}

} // namespace

class AccountMonitorTest : public QObject
{
    Q_OBJECT

    Store::Database m_db;
    Store::Account m_account;
    QList<QByteArray> m_written; ///< what each connection wrote (copied when it is deleted)
    QList<QPointer<Test::ScriptedTransport>> m_transports;
    QStringList m_mismatches;

    /// A monitor whose n-th connection plays scripts[n] (then refused connections).
    std::unique_ptr<Sync::AccountMonitor> monitor(Sync::CredentialSource *source, const QList<QByteArray> &scripts)
    {
        m_written.clear();
        m_transports.clear();
        m_mismatches.clear();
        m_written.reserve(16); // the transports keep pointers into it
        auto monitor = std::make_unique<Sync::AccountMonitor>(m_account, source, m_db.connection());
        monitor->setBackoff(Sync::Backoff(20, 1000));
        monitor->setTransportFactory([this, scripts](QObject *parent) -> Net::Transport * {
            const qsizetype n = m_transports.size();
            Q_ASSERT(n < 16);
            auto *t = new Test::ScriptedTransport(scripts.value(n, "!refuse\n"), parent);
            m_written.append(QByteArray());
            t->keepWrittenIn(&m_written[n]);
            t->keepMismatchesIn(&m_mismatches);
            m_transports.append(t);
            return t;
        });
        return monitor;
    }
    /// What connection @p n wrote, whether it is still open or already deleted.
    QByteArray written(qsizetype n) const
    {
        const QPointer<Test::ScriptedTransport> &t = m_transports.at(n);
        return t ? t->written() : m_written.at(n);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCOMPARE(m_db.open(QStringLiteral(":memory:")), QString());
        m_account.name = QStringLiteral("work");
        m_account.email = QStringLiteral("alice@example.test");
        m_account.imap = {QStringLiteral("127.0.0.1"), 993, Store::Security::Tls};
        m_account.smtp = {QStringLiteral("127.0.0.1"), 465, Store::Security::Tls};
        m_account.userName = QStringLiteral("alice");
        QCOMPARE(Store::AccountRepository(m_db.connection()).add(m_account), QString());
        m_account = *Store::AccountRepository(m_db.connection()).find(m_account.name);
    }

    void backoffDoublesAndCaps()
    {
        Sync::Backoff b(100, 500);
        QCOMPARE(b.next(), 100);
        QCOMPARE(b.next(), 200);
        QCOMPARE(b.next(), 400);
        QCOMPARE(b.next(), 500);
        QCOMPARE(b.next(), 500);
        b.reset();
        QCOMPARE(b.next(), 100);
    }

    /// The bug of issue 14: the IDLE connection kept the token it started with. The server
    /// drops IDLE; meanwhile that token has expired (the source still believes it fresh, as
    /// with a skewed clock), so the reconnect is refused; the monitor tells the source, gets
    /// the renewed token and presents it.
    void reconnectPresentsTheRenewedToken()
    {
        TokenSource source({QStringLiteral("token-1"), QStringLiteral("token-2")});
        auto m = monitor(&source, {acceptedThenIdle("!close\n"), kTokenRefused, acceptedThenIdle("!stall\n")});
        QSignalSpy synced(m.get(), &Sync::AccountMonitor::synced);
        QSignalSpy lost(m.get(), &Sync::AccountMonitor::connectionLost);
        QSignalSpy failed(m.get(), &Sync::AccountMonitor::credentialsFailed);
        m->start();
        QTRY_COMPARE_WITH_TIMEOUT(synced.size(), 4, 10000); // two per connection that worked
        QCOMPARE(m_transports.size(), 3);
        QVERIFY2(m_mismatches.isEmpty() && m_transports.at(2)->mismatches().isEmpty(),
                 qPrintable(m_mismatches.join(QLatin1Char('\n'))));
        QCOMPARE(presentedToken(written(0)), QStringLiteral("token-1"));
        QCOMPARE(presentedToken(written(1)), QStringLiteral("token-1"));
        QCOMPARE(presentedToken(written(2)), QStringLiteral("token-2"));
        QCOMPARE(source.refusedTokens, QStringList{QStringLiteral("token-1")});
        QCOMPARE(source.requests, 3); // one per connect: never a token kept from before
        QCOMPARE(failed.size(), 0);
        QCOMPARE(lost.size(), 2);
        QCOMPARE(lost.at(1).at(1).toInt(), 0); // the refusal is retried at once
        QVERIFY(m->isRunning());
        m->stop();
    }

    /// A connection that breaks reconnects with whatever the source hands out at that
    /// moment (here a token renewed before it expired), without any refusal.
    void reconnectAsksTheSourceEachTime()
    {
        TokenSource source({QStringLiteral("token-1"), QStringLiteral("token-2")});
        source.rotate = true;
        auto m = monitor(&source, {acceptedThenIdle("!close\n"), acceptedThenIdle("!stall\n")});
        QSignalSpy synced(m.get(), &Sync::AccountMonitor::synced);
        m->start();
        QTRY_COMPARE_WITH_TIMEOUT(synced.size(), 4, 10000);
        QCOMPARE(m_transports.size(), 2);
        QCOMPARE(source.requests, 2);
        QVERIFY(source.refusedTokens.isEmpty());
        QCOMPARE(presentedToken(written(0)), QStringLiteral("token-1"));
        QCOMPARE(presentedToken(written(1)), QStringLiteral("token-2"));
        m->stop();
    }

    /// A renewed token refused as well: the source hears of both refusals, and the monitor
    /// stops with SignInAgain instead of looping.
    void aSecondRefusalStopsTheMonitor()
    {
        TokenSource source({QStringLiteral("token-1"), QStringLiteral("token-2"), QStringLiteral("token-3")});
        auto m = monitor(&source, {kTokenRefused, kTokenRefused, acceptedThenIdle("!stall\n")});
        QSignalSpy failed(m.get(), &Sync::AccountMonitor::credentialsFailed);
        m->start();
        QVERIFY(failed.wait(10000));
        const auto error = failed.first().first().value<Sync::CredentialError>();
        QCOMPARE(int(error.kind), int(Sync::CredentialError::Kind::SignInAgain));
        QVERIFY2(error.message.contains(QStringLiteral("invalid_token")), qPrintable(error.message));
        QCOMPARE(source.refusedTokens, (QStringList{QStringLiteral("token-1"), QStringLiteral("token-2")}));
        QVERIFY(!m->isRunning());
        QTest::qWait(200); // nothing more happens
        QCOMPARE(m_transports.size(), 2);
        QCOMPARE(failed.size(), 1);
    }

    /// The source cannot give anything: Unreachable (the token endpoint is down) is retried
    /// with the backoff; SignInAgain stops the monitor without a connection.
    void sourceFailures()
    {
        TokenSource source({QStringLiteral("token-1")});
        source.failures = {{Sync::CredentialError::Kind::Unreachable, QStringLiteral("provider down")},
                           {Sync::CredentialError::Kind::SignInAgain, QStringLiteral("revoked")}};
        auto m = monitor(&source, {acceptedThenIdle("!stall\n")});
        QSignalSpy lost(m.get(), &Sync::AccountMonitor::connectionLost);
        QSignalSpy failed(m.get(), &Sync::AccountMonitor::credentialsFailed);
        m->start();
        QVERIFY(failed.wait(10000));
        QCOMPARE(lost.size(), 1);
        QCOMPARE(lost.first().at(0).toString(), QStringLiteral("provider down"));
        QCOMPARE(lost.first().at(1).toInt(), 20);
        QCOMPARE(failed.first().first().value<Sync::CredentialError>().message, QStringLiteral("revoked"));
        QCOMPARE(source.requests, 2);
        QCOMPARE(m_transports.size(), 0);
        QVERIFY(!m->isRunning());
    }

    void reconnectsAfterRefusalAndGarbage()
    {
        Store::Database db;
        QCOMPARE(db.open(QStringLiteral(":memory:")), QString());
        Store::Account a;
        a.name = QStringLiteral("work");
        a.email = QStringLiteral("alice@example.test");
        a.imap = {QStringLiteral("127.0.0.1"), 993, Store::Security::Tls};
        a.smtp = {QStringLiteral("127.0.0.1"), 465, Store::Security::Tls};
        a.userName = QStringLiteral("alice");
        QCOMPARE(Store::AccountRepository(db.connection()).add(a), QString());

        const QList<QByteArray> scripts = {
            "!refuse\n",
            "S: * OK [CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR] ready\n"
            "C: a1 AUTHENTICATE PLAIN <redacted>\n"
            "S: garbage from a broken proxy\n",
            "S: * OK [CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR IDLE] ready\n"
            "C: a1 AUTHENTICATE PLAIN <redacted>\n"
            "S: a1 OK Logged in\n"
            "C: a2 CAPABILITY\n"
            "S: * CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR IDLE\n"
            "S: a2 OK done\n"
            "C: a3 SELECT INBOX\n"
            "S: * 0 EXISTS\n"
            "S: * OK [UIDVALIDITY 5] ok\n"
            "S: * OK [UIDNEXT 1] ok\n"
            "S: a3 OK [READ-WRITE] selected\n"
            "C: a4 LIST \"\" \"*\"\n"
            "S: * LIST (\\HasNoChildren) \"/\" INBOX\n"
            "S: a4 OK listed\n"
            "C: a5 SELECT INBOX\n"
            "S: * 0 EXISTS\n"
            "S: * OK [UIDVALIDITY 5] ok\n"
            "S: * OK [UIDNEXT 1] ok\n"
            "S: a5 OK [READ-WRITE] selected\n"
            "C: a6 IDLE\n"
            "S: + idling\n"
            "!stall\n",
        };
        int connection = 0;
        Sync::AccountMonitor monitor(a, QStringLiteral("pw"), db.connection());
        monitor.setBackoff(Sync::Backoff(20, 1000));
        monitor.setTransportFactory([&](QObject *parent) -> Net::Transport * {
            return new Test::ScriptedTransport(scripts.value(connection++), parent);
        });
        QSignalSpy lost(&monitor, &Sync::AccountMonitor::connectionLost);
        QSignalSpy synced(&monitor, &Sync::AccountMonitor::synced);
        monitor.start();
        QTRY_COMPARE_WITH_TIMEOUT(synced.size(), 2, 10000); // AccountSync's, then FolderMonitor's
        QCOMPARE(lost.size(), 2);
        QCOMPARE(lost.at(0).at(1).toInt(), 20);
        QCOMPARE(lost.at(1).at(1).toInt(), 40);
        QVERIFY(lost.at(1).at(0).toString().contains(QStringLiteral("cannot read")));
        QCOMPARE(connection, 3);
        monitor.stop();
    }
};

QTEST_GUILESS_MAIN(AccountMonitorTest)
#include "AccountMonitorTest.moc"
