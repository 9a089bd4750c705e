// SPDX-License-Identifier: GPL-3.0-or-later
// The outbox and the submission server's capabilities, through the private Postfix + Dovecot
// (fixture Mailstack), issue 5: a mail to a UTF-8 address (RFC 6531) is accepted with
// SMTPUTF8 in the transcript, the capabilities are remembered, and an 8-bit body goes with
// BODY=8BITMIME (RFC 6152) and is fetched back from Dovecot byte for byte.
//
// Dovecot 2.3's LMTP does not offer SMTPUTF8, so Postfix cannot deliver the UTF-8 mail to
// a mailbox (it bounces it, 5.6.7): for that case the test checks acceptance by the
// submission server only.
#include "MailStack.h"
#include "imap/MailboxOperations.h"
#include "imap/Session.h"
#include "mime/MessageBuilder.h"
#include "mime/TransportEncoding.h"
#include "net/SocketTransport.h"
#include "store/AccountRepository.h"
#include "store/Database.h"
#include "sync/AccountSync.h"
#include "sync/Outbox.h"
#include "sync/OutboxSender.h"
#include "sync/SubmissionCapabilities.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Mailtrail;
using Mailtrail::Sync::OutboxState;

class OutboxCapabilitiesIntegrationTest : public QObject
{
    Q_OBJECT
private:
    Test::MailStack m_stack = Test::MailStack::fromEnvironment();
    QTemporaryDir m_dir;
    Store::Database m_db;
    Store::Account m_account;
    QList<QByteArray> m_transcript;

    Sync::SubmissionCapabilityStore capabilities()
    {
        return Sync::SubmissionCapabilityStore(m_db.connection());
    }

    qint64 enqueue(const Mime::BuiltMessage &built)
    {
        Sync::OutboxMessage m;
        m.account = m_account.name;
        m.bytes = built.bytes;
        m.messageId = built.messageId;
        m.subject = QStringLiteral("capabilities");
        m.envelope = Smtp::Envelope::simple(built.envelope.mailFrom, built.envelope.recipients);
        m.envelope.requestDsn = false;
        Sync::OutboxStore store(m_db.connection());
        const auto id = store.enqueue(m);
        if (!id)
            qWarning() << store.lastError();
        return id.value_or(0);
    }

    /// Sends what is due with the transcript on (credentials are redacted in it).
    void flush()
    {
        m_transcript.clear();
        Sync::OutboxSender sender(
            m_account, m_stack.password(QStringLiteral("alice")), m_db.connection());
        sender.setSentCopyEnabled(false);
        sender.setSmtpTransportFactory([this](QObject *parent) -> Net::Transport * {
            auto *transport = new Net::SocketTransport(parent);
            transport->setTranscriptEnabled(true);
            connect(transport, &Net::Transport::transcriptLine, this,
                [this](const QByteArray &line) { m_transcript.append(line); });
            return transport;
        });
        QSignalSpy finished(&sender, &Sync::OutboxSender::finished);
        sender.flush();
        QVERIFY(!finished.isEmpty() || finished.wait(60000));
    }

    [[nodiscard]] QByteArray transcriptLine(const QByteArray &start) const
    {
        for (const QByteArray &line : m_transcript) {
            if (line.startsWith(start))
                return line;
        }
        return {};
    }

    Mime::OutgoingMessage message(const QString &to, const QString &subject)
    {
        Mime::OutgoingMessage m;
        m.from = { QStringLiteral("Alice"), m_account.email };
        m.to = { { QStringLiteral("J\u00f6rg"), to } };
        m.subject = subject;
        m.plainText
            = QStringLiteral("Gr\u00fc\u00dfe aus K\u00f6ln \u2014 \u65e5\u672c\u8a9e \U0001F600\n"
                             "Zweite Zeile mit \u00e4\u00f6\u00fc.\n");
        return m;
    }

    /// The raw message with @p messageId in bob's INBOX, over IMAPS (UID FETCH BODY.PEEK[]).
    QByteArray fetchFromDovecot(const QByteArray &messageId)
    {
        auto *transport = new Net::SocketTransport;
        Imap::Session session(transport);
        transport->setParent(&session);
        QSignalSpy ready(&session, &Imap::Session::ready);
        Store::Account bob = m_account;
        session.open(Sync::imapEndpoint(bob),
            { m_stack.address(QStringLiteral("bob")), m_stack.password(QStringLiteral("bob")) });
        if (!ready.wait(30000))
            return "no IMAP session";
        bool selected = false;
        session.command("EXAMINE INBOX", { {}, {}, [&](const Imap::TaggedResponse &r) {
                                              selected = r.status == Imap::Status::Ok;
                                          } });
        if (!QTest::qWaitFor([&] { return selected; }, 30000))
            return "EXAMINE INBOX failed";
        QList<quint32> uids;
        bool searched = false;
        Imap::Operations::search(session, "HEADER Message-ID \"" + messageId + '"',
            [&](const Imap::ImapError &, const QList<quint32> &found) {
                uids = found;
                searched = true;
            });
        if (!QTest::qWaitFor([&] { return searched; }, 30000))
            return "no SEARCH result";
        if (uids.size() != 1)
            return "found " + QByteArray::number(uids.size()) + " copies";
        QByteArray raw;
        bool fetched = false;
        Imap::Operations::fetchMessage(
            session, uids.first(), [&](const Imap::ImapError &, const QByteArray &bytes) {
                raw = bytes;
                fetched = true;
            });
        if (!QTest::qWaitFor([&] { return fetched; }, 30000))
            return "no FETCH result";
        session.abort();
        return raw;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_stack.isValid(), qPrintable(m_stack.errorString()));
        QCOMPARE(m_db.open(m_dir.filePath(QStringLiteral("mail.sqlite"))), QString());
        m_account = m_stack.account(QStringLiteral("alice"), QStringLiteral("alice"));
        QCOMPARE(Store::AccountRepository(m_db.connection()).add(m_account), QString());
    }

    /// First contact: nothing known, the UTF-8 address is built (not refused) and the
    /// server's EHLO decides; Postfix offers SMTPUTF8 and accepts it.
    void utf8AddressIsAcceptedWithSmtpUtf8()
    {
        QCOMPARE(capabilities().find(m_account.name), std::nullopt);
        const QString joerg = QStringLiteral("j\u00f6rg@relay.") + m_stack.domain();
        const Mime::BuiltMessage built
            = Mime::MessageBuilder(capabilities().transportCapabilities(m_account.name))
                  .build(message(joerg, QStringLiteral("SMTPUTF8")));
        QVERIFY2(built.isValid(), qPrintable(built.error));
        QVERIFY(built.envelope.requiresSmtpUtf8);
        const qint64 id = enqueue(built);
        QVERIFY(id > 0);
        flush();
        const auto entry = Sync::OutboxStore(m_db.connection()).entry(id);
        QVERIFY(entry);
        QVERIFY2(entry->state == OutboxState::Sent, qPrintable(entry->lastError));
        QVERIFY(!entry->queueId.isEmpty());
        QCOMPARE(entry->bytes, built.bytes);
        const QByteArray mail = transcriptLine("C: MAIL FROM:");
        QVERIFY2(mail.contains(" SMTPUTF8"), mail.constData());
        QCOMPARE(transcriptLine("C: RCPT TO:"), "C: RCPT TO:<" + joerg.toUtf8() + '>');

        const auto known = capabilities().find(m_account.name);
        QVERIFY(known);
        QVERIFY(known->capabilities.smtpUtf8);
        QVERIFY(known->capabilities.eightBitMime);
        QVERIFY(known->capabilities.dsn);
        QCOMPARE(capabilities().dsnSupported(m_account.name), std::optional<bool>(true));
    }

    /// Built for the remembered 8BITMIME: an 8-bit body, BODY=8BITMIME on MAIL FROM, and
    /// Dovecot hands back exactly those bytes after the trace fields Postfix and LMTP added.
    void eightBitBodyRoundTrip()
    {
        QVERIFY(capabilities().find(m_account.name)); // from the previous test: 8BITMIME, SMTPUTF8
        const QString subject
            = QStringLiteral("8bit ") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        const Mime::BuiltMessage built
            = Mime::MessageBuilder(capabilities().transportCapabilities(m_account.name))
                  .build(message(m_stack.address(QStringLiteral("bob")), subject));
        QVERIFY2(built.isValid(), qPrintable(built.error));
        QVERIFY(Mime::transportNeeds(built.bytes).eightBitBody);
        QVERIFY(built.bytes.contains("Content-Transfer-Encoding: 8bit"));
        const qint64 id = enqueue(built);
        flush();
        const auto entry = Sync::OutboxStore(m_db.connection()).entry(id);
        QVERIFY(entry);
        QVERIFY2(entry->state == OutboxState::Sent, qPrintable(entry->lastError));
        QCOMPARE(entry->bytes, built.bytes);
        QVERIFY2(transcriptLine("C: MAIL FROM:").contains(" BODY=8BITMIME"),
            transcriptLine("C: MAIL FROM:").constData());

        const auto delivered = [&] {
            const QList<QByteArray> messages = m_stack.messages(QStringLiteral("bob"));
            return std::any_of(messages.cbegin(), messages.cend(),
                [&](const QByteArray &m) { return m.contains(built.messageId); });
        };
        QTRY_VERIFY_WITH_TIMEOUT(delivered(), 30000);
        const QByteArray fetched = fetchFromDovecot(built.messageId);
        QVERIFY2(fetched.endsWith(built.bytes), fetched.constData());
        // Only trace fields in front (RFC 5321 §4.4): Return-Path, Delivered-To, Received.
        const QByteArray prefix = fetched.left(fetched.size() - built.bytes.size());
        for (const QByteArray &line : prefix.split('\n')) {
            if (line.isEmpty() || line.startsWith(' ') || line.startsWith('\t'))
                continue;
            QVERIFY2(line.startsWith("Return-Path:") || line.startsWith("Delivered-To:")
                    || line.startsWith("Received:"),
                line.constData());
        }
    }
};

QTEST_GUILESS_MAIN(OutboxCapabilitiesIntegrationTest)
#include "OutboxCapabilitiesIntegrationTest.moc"
