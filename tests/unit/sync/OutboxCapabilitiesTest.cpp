// SPDX-License-Identifier: GPL-3.0-or-later
// The outbox builds for the capabilities the account's server offered last time and, when
// the server offers less at send time, re-encodes the stored bytes before transmitting them
// (issue 5): scripted SMTP conversations (tests/support/ScriptedTransport).
#include "ScriptedTransport.h"
#include "mime/MessageBuilder.h"
#include "mime/TransportEncoding.h"
#include "smtp/SubmissionJob.h"
#include "store/Database.h"
#include "sync/Outbox.h"
#include "sync/OutboxSender.h"
#include "sync/SubmissionCapabilities.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace Mailtrail;
using Mailtrail::Sync::OutboxState;
using Mailtrail::Test::ScriptedTransport;

namespace {

/// Greeting, EHLO with @p keywords (AUTH PLAIN added), AUTH.
QByteArray ehlo(QList<QByteArray> keywords)
{
    keywords.append("AUTH PLAIN");
    QByteArray s
        = "S: 220 mail.example.test ESMTP\nC: EHLO [127.0.0.1]\nS: 250-mail.example.test\n";
    for (qsizetype i = 0; i < keywords.size(); ++i)
        s += (i + 1 == keywords.size() ? "S: 250 " : "S: 250-") + keywords.at(i) + '\n';
    return s + "C: AUTH PLAIN <redacted>\nS: 235 2.7.0 ok\n";
}

QByteArray accepted(const QList<QByteArray> &keywords, const QByteArray &mailParameters,
    const QByteArray &message, const QByteArray &rcpt = "bob@example.test")
{
    const QByteArray wire = Smtp::dotStuff(Smtp::canonicalizeLineEnds(message));
    return ehlo(keywords) + "C: MAIL FROM:<alice@example.test>" + mailParameters
        + "\nS: 250 2.1.0 ok\nC: RCPT TO:<" + rcpt
        + ">\nS: 250 2.1.5 ok\nC: DATA\nS: 354 go\n"
          "C: [payload "
        + QByteArray::number(wire.size())
        + " bytes]\nC: .\n"
          "S: 250 2.0.0 Ok: queued as 4XYZ\nC: QUIT\nS: 221 bye\n";
}

/// The server lacks what the message needs: the job says QUIT before MAIL.
QByteArray refusedBeforeMail(const QList<QByteArray> &keywords)
{
    return ehlo(keywords) + "C: QUIT\n";
}

Mime::TransportCapabilities caps(bool eightBitMime, bool smtpUtf8)
{
    Mime::TransportCapabilities c;
    c.eightBitMime = eightBitMime;
    c.smtpUtf8 = smtpUtf8;
    return c;
}

Smtp::Capabilities offered(bool eightBitMime, bool smtpUtf8, bool dsn = false)
{
    Smtp::Capabilities c;
    c.eightBitMime = eightBitMime;
    c.smtpUtf8 = smtpUtf8;
    c.dsn = dsn;
    c.authMechanisms = { QStringLiteral("PLAIN") };
    return c;
}

Mime::BuiltMessage build(const Mime::TransportCapabilities &capabilities,
    const QString &to = QStringLiteral("bob@example.test"))
{
    Mime::OutgoingMessage m;
    m.from = { QStringLiteral("Alice"), QStringLiteral("alice@example.test") };
    m.to = { { QString(), to } };
    m.subject = QStringLiteral("Gr\u00fc\u00dfe");
    m.plainText = QStringLiteral("Sch\u00f6ne Gr\u00fc\u00dfe aus K\u00f6ln.\n");
    m.date = QDateTime(QDate(2026, 11, 26), QTime(1, 0), QTimeZone(3600));
    return Mime::MessageBuilder(capabilities).build(m);
}

} // namespace

class OutboxCapabilitiesTest : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<Store::Database> m_db;
    QDateTime m_now;
    QList<QByteArray> m_scripts; ///< one per connection, consumed in order
    QList<QByteArray> m_written; ///< what the client wrote, per connection
    QStringList m_mismatches;

    std::unique_ptr<Sync::OutboxSender> sender()
    {
        Store::Account a;
        a.name = QStringLiteral("alice");
        a.email = QStringLiteral("alice@example.test");
        a.smtp = { QStringLiteral("127.0.0.1"), 465, Store::Security::Tls };
        auto s = std::make_unique<Sync::OutboxSender>(
            a, QStringLiteral("alice-secret"), m_db->connection());
        s->setClock([this] { return m_now; });
        s->setSentCopyEnabled(false);
        s->setSmtpTransportFactory([this](QObject *parent) -> Net::Transport * {
            auto *t = new ScriptedTransport(
                m_scripts.isEmpty() ? QByteArray("!refuse\n") : m_scripts.takeFirst(), parent);
            const qsizetype index = m_written.size();
            m_written.append(QByteArray());
            // Snapshot what the client wrote after every write (the transport may be gone
            // by the time the flush ends).
            connect(t, &Net::Transport::bytesWritten, this,
                [this, t, index] { m_written[index] = t->written(); });
            connect(t, &Net::Transport::disconnected, this, [this, t, index] {
                m_mismatches += t->mismatches();
                m_written[index] = t->written();
            });
            return t;
        });
        return s;
    }

    void flush(Sync::OutboxSender &s)
    {
        QSignalSpy finished(&s, &Sync::OutboxSender::finished);
        s.flush();
        QVERIFY(!finished.isEmpty() || finished.wait(10000));
    }

    qint64 enqueue(const Mime::BuiltMessage &built)
    {
        Sync::OutboxStore store(m_db->connection(), [this] { return m_now; });
        Sync::OutboxMessage m;
        m.account = QStringLiteral("alice");
        m.bytes = built.bytes;
        m.messageId = built.messageId;
        m.subject = QStringLiteral("Gr\u00fc\u00dfe");
        m.envelope = Smtp::Envelope::simple(built.envelope.mailFrom, built.envelope.recipients);
        m.envelope.requestDsn = false;
        m.envelope.envid = "ENV1";
        return store.enqueue(m).value_or(0);
    }

    Sync::OutboxEntry entry(qint64 id) const
    {
        return Sync::OutboxStore(m_db->connection()).entry(id).value_or(Sync::OutboxEntry {});
    }

    Sync::SubmissionCapabilityStore capabilities() const
    {
        return Sync::SubmissionCapabilityStore(m_db->connection());
    }

private Q_SLOTS:
    void init()
    {
        m_db = std::make_unique<Store::Database>();
        QCOMPARE(m_db->open(QStringLiteral(":memory:")), QString());
        m_now = QDateTime(QDate(2026, 11, 26), QTime(1, 0), Qt::UTC);
        m_scripts.clear();
        m_written.clear();
        m_mismatches.clear();
    }

    void storeRoundTripAndDsnQuestion()
    {
        auto store = capabilities();
        QCOMPARE(store.find(QStringLiteral("alice")), std::nullopt);
        QCOMPARE(store.dsnSupported(QStringLiteral("alice")), std::nullopt);
        QVERIFY(store.transportCapabilities(QStringLiteral("alice")).smtpUtf8Unknown);

        Smtp::Capabilities c = offered(true, true, true);
        c.size = 10240000;
        c.pipelining = c.chunking = c.enhancedStatusCodes = true;
        c.authMechanisms = { QStringLiteral("PLAIN"), QStringLiteral("LOGIN") };
        QVERIFY2(store.record(QStringLiteral("alice"), c, m_now), qPrintable(store.lastError()));
        const auto known = store.find(QStringLiteral("alice"));
        QVERIFY(known);
        QCOMPARE(known->capabilities, c);
        QCOMPARE(known->seenAt, m_now);
        QCOMPARE(store.dsnSupported(QStringLiteral("alice")), std::optional<bool>(true));
        QCOMPARE(store.transportCapabilities(QStringLiteral("alice")), caps(true, true));

        // Replaced, not added; "SIZE" without a number is 0 (no fixed limit), none is nullopt.
        QVERIFY(store.record(QStringLiteral("alice"), offered(false, false), m_now.addSecs(60)));
        QCOMPARE(store.find(QStringLiteral("alice"))->capabilities.size, std::nullopt);
        QCOMPARE(store.dsnSupported(QStringLiteral("alice")), std::optional<bool>(false));
        QCOMPARE(store.transportCapabilities(QStringLiteral("alice")), caps(false, false));
        QCOMPARE(store.dsnSupported(QStringLiteral("bob")), std::nullopt);
        QVERIFY(store.forget(QStringLiteral("alice")));
        QCOMPARE(store.find(QStringLiteral("alice")), std::nullopt);
    }

    void everySubmissionRemembersTheCapabilities()
    {
        const Mime::BuiltMessage built = build(caps(false, false));
        const qint64 id = enqueue(built);
        m_scripts = { accepted({ "8BITMIME", "SMTPUTF8", "DSN", "SIZE 1000000" },
            " SIZE=" + QByteArray::number(built.bytes.size()), built.bytes) };
        auto s = sender();
        flush(*s);
        QVERIFY2(m_mismatches.isEmpty(), qPrintable(m_mismatches.join(QLatin1Char('\n'))));
        QCOMPARE(entry(id).state, OutboxState::Sent);
        const auto known = capabilities().find(QStringLiteral("alice"));
        QVERIFY(known);
        QVERIFY(known->capabilities.eightBitMime && known->capabilities.smtpUtf8
            && known->capabilities.dsn);
        QCOMPARE(known->capabilities.size, std::optional<qint64>(1000000));
        QCOMPARE(known->seenAt, m_now);

        // A failed login still read the EHLO: remembered too.
        const qint64 second = enqueue(built);
        m_scripts
            = { "S: 220 mail.example.test ESMTP\nC: EHLO [127.0.0.1]\nS: 250-mail.example.test\n"
                "S: 250 AUTH PLAIN\nC: AUTH PLAIN <redacted>\nS: 535 5.7.8 no\nC: QUIT\n" };
        m_now = m_now.addSecs(5);
        flush(*s);
        QCOMPARE(entry(second).state, OutboxState::Queued);
        QCOMPARE(capabilities().dsnSupported(QStringLiteral("alice")), std::optional<bool>(false));
        QCOMPARE(capabilities().find(QStringLiteral("alice"))->seenAt, m_now);
    }

    /// Stored: 8BITMIME. At send time the server has none: nothing is sent on that
    /// connection; the row is re-encoded to 7 bits and sent on the next one, at once.
    void eightBitBodyReencodedWhen8BitMimeIsGone()
    {
        QVERIFY(capabilities().record(QStringLiteral("alice"), offered(true, false), m_now));
        const Mime::BuiltMessage built
            = build(capabilities().transportCapabilities(QStringLiteral("alice")));
        QVERIFY(Mime::transportNeeds(built.bytes).eightBitBody);
        const qint64 id = enqueue(built);
        const QByteArray sevenBit = Mime::adaptToTransport(built.bytes, caps(false, false)).bytes;
        QVERIFY(sevenBit != built.bytes);
        m_scripts = { refusedBeforeMail({}), accepted({}, {}, sevenBit) };
        auto s = sender();
        flush(*s);
        QVERIFY2(m_mismatches.isEmpty(), qPrintable(m_mismatches.join(QLatin1Char('\n'))));
        QCOMPARE(m_written.size(), 2);
        QVERIFY(!m_written.at(0).contains("MAIL FROM"));
        const Sync::OutboxEntry e = entry(id);
        QCOMPARE(e.state, OutboxState::Sent);
        // The row holds what was sent, with the same Message-ID.
        QCOMPARE(e.bytes, sevenBit);
        QVERIFY(m_written.at(1).contains(Smtp::dotStuff(Smtp::canonicalizeLineEnds(sevenBit))));
        QVERIFY(e.bytes.toLower().contains(QByteArray("message-id: " + built.messageId).toLower()));
        QCOMPARE(e.messageId, built.messageId);
        QVERIFY(!capabilities().find(QStringLiteral("alice"))->capabilities.eightBitMime);
    }

    /// Stored: SMTPUTF8 (raw UTF-8 Subject). At send time only 8BITMIME: the header is
    /// re-encoded (RFC 2047), the 8-bit body stays and goes with BODY=8BITMIME.
    void utf8HeadersReencodedWhenSmtpUtf8IsGone()
    {
        QVERIFY(capabilities().record(QStringLiteral("alice"), offered(true, true), m_now));
        const Mime::BuiltMessage built
            = build(capabilities().transportCapabilities(QStringLiteral("alice")));
        QVERIFY(Mime::transportNeeds(built.bytes).utf8Headers);
        const qint64 id = enqueue(built);
        const QByteArray adapted = Mime::adaptToTransport(built.bytes, caps(true, false)).bytes;
        QVERIFY(!Mime::transportNeeds(adapted).utf8Headers
            && Mime::transportNeeds(adapted).eightBitBody);
        m_scripts = { refusedBeforeMail({ "8BITMIME" }),
            accepted({ "8BITMIME" }, " BODY=8BITMIME", adapted) };
        auto s = sender();
        flush(*s);
        QVERIFY2(m_mismatches.isEmpty(), qPrintable(m_mismatches.join(QLatin1Char('\n'))));
        QCOMPARE(entry(id).state, OutboxState::Sent);
        QCOMPARE(entry(id).bytes, adapted);
    }

    /// Stored capabilities already lack 8BITMIME: re-encoded before connecting, one session.
    void storedCapabilitiesReencodeBeforeConnecting()
    {
        const Mime::BuiltMessage built = build(caps(true, false));
        const qint64 id = enqueue(built);
        QVERIFY(capabilities().record(QStringLiteral("alice"), offered(false, false), m_now));
        const QByteArray sevenBit = Mime::adaptToTransport(built.bytes, caps(false, false)).bytes;
        m_scripts = { accepted({}, {}, sevenBit) };
        auto s = sender();
        flush(*s);
        QVERIFY2(m_mismatches.isEmpty(), qPrintable(m_mismatches.join(QLatin1Char('\n'))));
        QCOMPARE(m_written.size(), 1);
        QCOMPARE(entry(id).state, OutboxState::Sent);
        QCOMPARE(entry(id).bytes, sevenBit);
    }

    /// RFC 6531: a UTF-8 local part has no ASCII form; without SMTPUTF8 the message fails
    /// permanently with a reason a person understands, and nothing is sent.
    void utf8AddressWithoutSmtpUtf8IsAClearPermanentError()
    {
        const QString juergen = QStringLiteral("j\u00fcrgen@example.test");
        QVERIFY(capabilities().record(QStringLiteral("alice"), offered(true, true), m_now));
        const Mime::BuiltMessage built = build(caps(true, true), juergen);
        QVERIFY2(built.isValid(), qPrintable(built.error));
        const qint64 id = enqueue(built);
        m_scripts = { refusedBeforeMail({ "8BITMIME" }) };
        auto s = sender();
        flush(*s);
        QVERIFY2(m_mismatches.isEmpty(), qPrintable(m_mismatches.join(QLatin1Char('\n'))));
        QCOMPARE(m_written.size(), 1);
        QVERIFY(!m_written.at(0).contains("MAIL FROM"));
        const Sync::OutboxEntry e = entry(id);
        QCOMPARE(e.state, OutboxState::Failed);
        QVERIFY2(e.lastError.contains(QStringLiteral("SMTPUTF8")) && e.lastError.contains(juergen),
            qPrintable(e.lastError));
        QCOMPARE(e.bytes, built.bytes); // kept as it was: never lost
    }

    /// Never connected: built 7-bit safe, UTF-8 address allowed; the server decides.
    void utf8AddressWithSmtpUtf8IsSent()
    {
        const QString juergen = QStringLiteral("j\u00fcrgen@example.test");
        const Mime::BuiltMessage built
            = build(capabilities().transportCapabilities(QStringLiteral("alice")), juergen);
        QVERIFY2(built.isValid(), qPrintable(built.error));
        QVERIFY(built.envelope.requiresSmtpUtf8);
        const qint64 id = enqueue(built);
        m_scripts = { accepted(
            { "8BITMIME", "SMTPUTF8" }, " BODY=8BITMIME SMTPUTF8", built.bytes, juergen.toUtf8()) };
        auto s = sender();
        flush(*s);
        QVERIFY2(m_mismatches.isEmpty(), qPrintable(m_mismatches.join(QLatin1Char('\n'))));
        QCOMPARE(entry(id).state, OutboxState::Sent);
        QCOMPARE(entry(id).bytes, built.bytes);
    }
};

QTEST_GUILESS_MAIN(OutboxCapabilitiesTest)
#include "OutboxCapabilitiesTest.moc"
