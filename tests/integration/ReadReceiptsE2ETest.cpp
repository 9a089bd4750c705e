// SPDX-License-Identifier: GPL-3.0-or-later
// Delivery tracking end to end (issue 7, tests 1, 6 and 7; issue 15 §1) with mailtrail-cli
// against the private Postfix + Dovecot: alice and bob each have their own profile. alice
// sends with a DSN and a read-receipt request; Postfix's success DSN comes back; bob's `sync`
// under policy "always" sends nothing — a receipt is considered only when a message is
// displayed — and bob's `show` displays it: the MDN goes out through his outbox
// (MAIL FROM:<>) → Postfix → Dovecot; alice's `sync` correlates both: accepted → delivered →
// displayed. Also: a server without DSN, the RFC 8098 §2.1 / RFC 3503 rules when displaying,
// "ask" and --send-receipt, moving or deleting unread mail sends nothing, `show` of a message
// not cached yet, our own MDN in Sent not taken for an unmatched report, the receipts folder,
// and a $MDNSent store that waits out a dead network.
#include "CliRun.h"
#include "ImapTestClient.h"
#include "MailStack.h"
#include "TestPaths.h"
#include "models/Roles.h"
#include "models/TrackingModel.h"
#include "store/AccountRepository.h"
#include "store/Database.h"
#include "tracking/TrackingStore.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Mailtrail;

namespace {

QString token()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
}

/// The one account's object of `sync --json`.
QJsonObject syncedAccount(const Test::CliRun &run)
{
    return run.json().value(QStringLiteral("accounts")).toArray().first().toObject();
}

} // namespace

class ReadReceiptsE2ETest : public QObject
{
    Q_OBJECT

    Test::MailStack m_stack = Test::MailStack::fromEnvironment();
    QTemporaryDir m_alice;
    QTemporaryDir m_bob;

    Test::CliRun cli(const QTemporaryDir &profile, const QStringList &arguments, const QByteArray &stdinData = {})
    {
        return Test::runCli(QStringList{QStringLiteral("--profile"), profile.path()} + arguments, stdinData, 180000);
    }

    QByteArray password(const QString &user) const { return m_stack.password(user).toUtf8() + '\n'; }

    /// bob displays a message with `show` (policy as his account says, or @p extra options).
    Test::CliRun show(const QStringList &selector, const QStringList &extra = {})
    {
        return cli(m_bob,
                   QStringList{QStringLiteral("show"), QStringLiteral("--account"), QStringLiteral("bob"),
                               QStringLiteral("--json"), QStringLiteral("--password-stdin")}
                       + selector + extra,
                   password(QStringLiteral("bob")));
    }

    static QStringList byId(const QByteArray &messageId)
    {
        return {QStringLiteral("--message-id"), QString::fromUtf8(messageId)};
    }

    /// The UID of the message with @p messageId in bob's INBOX on the server (0: none).
    quint32 serverUid(const QByteArray &messageId, QByteArray *flags = nullptr)
    {
        Test::ImapTestClient imap(m_stack, QStringLiteral("bob"));
        if (!imap.isReady() || imap.run("SELECT INBOX").isEmpty())
            return 0;
        const QByteArray found = imap.run("UID SEARCH HEADER Message-ID \"" + messageId + "\"");
        const qsizetype at = found.indexOf("* SEARCH ");
        if (at < 0)
            return 0;
        const quint32 uid = found.mid(at + 9, found.indexOf('\r', at) - at - 9).trimmed().toUInt();
        if (flags && uid > 0)
            *flags = imap.run("UID FETCH " + QByteArray::number(uid) + " (FLAGS)");
        return uid;
    }

    Test::CliRun sync(const QString &user, const QString &account = {})
    {
        QStringList args{QStringLiteral("sync"), QStringLiteral("--json"), QStringLiteral("--password-stdin")};
        if (!account.isEmpty())
            args << QStringLiteral("--account") << account;
        return cli(user == QLatin1String("bob") ? m_bob : m_alice, args, password(user));
    }

    /// Sets $MDNSent on the message with @p messageId in bob's INBOX, as another client would.
    bool setMdnSentOnServer(const QByteArray &messageId)
    {
        Test::ImapTestClient imap(m_stack, QStringLiteral("bob"));
        if (!imap.isReady() || imap.run("SELECT INBOX").isEmpty())
            return false;
        const QByteArray found = imap.run("UID SEARCH HEADER Message-ID \"" + messageId + "\"");
        const qsizetype at = found.indexOf("* SEARCH ");
        if (at < 0)
            return false;
        const QByteArray uid = found.mid(at + 9, found.indexOf('\r', at) - at - 9).trimmed();
        return !uid.isEmpty() && !imap.run("UID STORE " + uid + " +FLAGS.SILENT ($MDNSent)").isEmpty();
    }

    Test::CliRun send(const QString &account, const QString &subject, bool readReceipt,
                const QString &user = QStringLiteral("alice"))
    {
        QStringList args{QStringLiteral("send"), QStringLiteral("--account"), account, QStringLiteral("--to"),
                         m_stack.address(QStringLiteral("bob")), QStringLiteral("--subject"), subject,
                         QStringLiteral("--body-stdin"), QStringLiteral("--dsn"), QStringLiteral("success,failure"),
                         QStringLiteral("--json"), QStringLiteral("--password-stdin")};
        if (readReceipt)
            args << QStringLiteral("--read-receipt");
        return cli(m_alice, args, password(user) + "Hello Bob.\n");
    }

    void addAccount(const QTemporaryDir &profile, const QString &name, const QString &user, quint16 smtpPort,
                    const QString &receipts)
    {
        const Test::CliRun add = cli(
            profile,
            {QStringLiteral("account"), QStringLiteral("add"), name, QStringLiteral("--email"), m_stack.address(user),
             QStringLiteral("--imap"), QStringLiteral("%1:%2/tls").arg(m_stack.host()).arg(m_stack.imapsPort()),
             QStringLiteral("--smtp"), QStringLiteral("%1:%2/starttls").arg(m_stack.host()).arg(smtpPort),
             QStringLiteral("--ca-file"), m_stack.caFile(), QStringLiteral("--read-receipts"), receipts,
             QStringLiteral("--password-stdin")},
            password(user));
        QVERIFY2(add.exitCode == 0, add.describe().constData());
    }

    /// The tracked message with @p subject in alice's `status --json`.
    QJsonObject status(const QString &subject)
    {
        // One JSON object per line.
        const Test::CliRun run = cli(m_alice, {QStringLiteral("status"), QStringLiteral("--json")});
        for (const QByteArray &line : run.out.split('\n')) {
            const QJsonObject m = QJsonDocument::fromJson(line).object();
            if (m.value(QStringLiteral("subject")).toString() == subject)
                return m;
        }
        return {};
    }

    static QString recipientState(const QJsonObject &message)
    {
        return message.value(QStringLiteral("recipients")).toArray().first().toObject().value(QStringLiteral("state")).toString();
    }

    /// A query on a profile's database (opened and closed here, between CLI runs).
    QVariantList column(const QTemporaryDir &profile, const QString &sql)
    {
        Store::Database db;
        QVariantList out;
        if (!db.open(profile.filePath(QStringLiteral("mailtrail.sqlite"))).isEmpty())
            return out;
        QSqlQuery q(db.connection());
        if (q.exec(sql)) {
            while (q.next())
                out.append(q.value(0));
        }
        return out;
    }

    int outboxCount(const QTemporaryDir &profile)
    {
        return column(profile, QStringLiteral("SELECT COUNT(*) FROM outbox")).value(0).toInt();
    }

    void setImapPort(const QTemporaryDir &profile, const QString &name, quint16 port)
    {
        Store::Database db;
        QCOMPARE(db.open(profile.filePath(QStringLiteral("mailtrail.sqlite"))), QString());
        Store::AccountRepository repo(db.connection());
        auto account = repo.find(name);
        QVERIFY(account);
        account->imap.port = port;
        QCOMPARE(repo.update(*account), QString());
    }

    /// Delivers a message to bob over SMTP as @p from with extra header lines.
    QByteArray deliverToBob(const QString &from, const QByteArray &extraHeaders, const QString &subject)
    {
        const QByteArray id = "<" + token().toUtf8() + "@example.test>";
        const QByteArray message = "From: " + m_stack.address(from).toUtf8() + "\r\nTo: "
            + m_stack.address(QStringLiteral("bob")).toUtf8() + "\r\nSubject: " + subject.toUtf8()
            + "\r\nMessage-ID: " + id + "\r\nDate: " + QDateTime::currentDateTimeUtc().toString(Qt::RFC2822Date).toUtf8()
            + "\r\n" + extraHeaders + "\r\nHello.\r\n";
        const QString error = m_stack.submit(from, {m_stack.address(QStringLiteral("bob")).toUtf8()}, message);
        if (!error.isEmpty()) {
            qWarning() << error;
            return {};
        }
        if (m_stack.waitForMessageContaining(QStringLiteral("bob"), {id}).isEmpty())
            return {};
        return id;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_stack.isValid(), qPrintable(m_stack.errorString()));
        QVERIFY(m_stack.submissionNoDsnPort() > 0);
        addAccount(m_alice, QStringLiteral("alice"), QStringLiteral("alice"), m_stack.submissionPort(),
                   QStringLiteral("ask"));
        addAccount(m_alice, QStringLiteral("alice-nodsn"), QStringLiteral("alice"), m_stack.submissionNoDsnPort(),
                   QStringLiteral("ask"));
        addAccount(m_alice, QStringLiteral("postmaster"), QStringLiteral("postmaster"), m_stack.submissionPort(),
                   QStringLiteral("ask"));
        addAccount(m_bob, QStringLiteral("bob"), QStringLiteral("bob"), m_stack.submissionPort(),
                   QStringLiteral("always"));
        // First syncs: whatever other tests left in the mailboxes is old mail, not ours.
        QCOMPARE(sync(QStringLiteral("alice"), QStringLiteral("alice")).exitCode, 0);
        QCOMPARE(sync(QStringLiteral("bob")).exitCode, 0);
        QCOMPARE(outboxCount(m_bob), 0);
    }

    /// Issue 7, test 1 — and the pending $MDNSent store surviving a dead network.
    void deliveredThenDisplayed()
    {
        const QString subject = QStringLiteral("Minutes %1").arg(token());
        const Test::CliRun sent = send(QStringLiteral("alice"), subject, true);
        QVERIFY2(sent.exitCode == 0, sent.describe().constData());

        // Postfix's own success DSN reaches alice; the message reaches bob.
        QVERIFY(!m_stack.waitForMessage(QStringLiteral("alice"), [&](const QByteArray &m) {
                    return m.contains(subject.toUtf8()) && m.contains("Action: delivered");
                }).isEmpty());
        QVERIFY(!m_stack.waitForMessageContaining(QStringLiteral("bob"), {subject.toUtf8(), "Disposition-Notification-To"})
                     .isEmpty());

        // bob's sync under "always" sends nothing: nobody has seen the message yet.
        const QByteArray messageId = sent.json().value(QStringLiteral("message_id")).toString().toUtf8();
        QVERIFY(!messageId.isEmpty());
        const Test::CliRun bobSync = sync(QStringLiteral("bob"));
        QVERIFY2(bobSync.exitCode == 0, bobSync.describe().constData());
        QVERIFY(!syncedAccount(bobSync).contains(QStringLiteral("receipts")));
        QCOMPARE(outboxCount(m_bob), 0);
        QCOMPARE(column(m_bob, QStringLiteral("SELECT COUNT(*) FROM read_receipts")).value(0).toInt(), 0);

        // bob displays it: the MDN goes out through his outbox, and it is \Seen.
        const Test::CliRun shown = show(byId(messageId));
        QVERIFY2(shown.exitCode == 0, shown.describe().constData());
        const QJsonObject displayed = shown.json();
        QCOMPARE(displayed.value(QStringLiteral("receipt")).toString(), QStringLiteral("sent"));
        QCOMPARE(displayed.value(QStringLiteral("message_id")).toString(), QString::fromUtf8(messageId));
        QCOMPARE(displayed.value(QStringLiteral("subject")).toString(), subject);
        QVERIFY(displayed.value(QStringLiteral("from")).toString().contains(m_stack.address(QStringLiteral("alice"))));
        QVERIFY(displayed.value(QStringLiteral("to")).toString().contains(m_stack.address(QStringLiteral("bob"))));
        QVERIFY(!displayed.value(QStringLiteral("date")).toString().isEmpty());
        QVERIFY2(displayed.value(QStringLiteral("text")).toString().contains(QStringLiteral("Hello Bob.")),
                 shown.out.constData());
        QVERIFY(displayed.value(QStringLiteral("attachments")).isArray());
        QByteArray flags;
        QVERIFY(serverUid(messageId, &flags) > 0);
        QVERIFY2(flags.contains("\\Seen"), flags.constData());
        QCOMPARE(column(m_bob, QStringLiteral("SELECT mail_from FROM outbox")), QVariantList{QString()});
        QCOMPARE(column(m_bob, QStringLiteral("SELECT state FROM outbox")), QVariantList{QStringLiteral("sent")});
        QCOMPARE(column(m_bob, QStringLiteral("SELECT COUNT(*) FROM pending_keyword_stores")).value(0).toInt(), 1);

        const QByteArray mdn = m_stack.waitForMessage(QStringLiteral("alice"), [&](const QByteArray &m) {
            return m.contains("disposition-notification") && m.contains(subject.toUtf8());
        });
        QVERIFY(!mdn.isEmpty());
        QVERIFY(mdn.contains("Return-Path: <>")); // MAIL FROM:<>
        QVERIFY(mdn.contains("automatic-action/MDN-sent-automatically; displayed"));

        // alice's sync correlates the DSN and the MDN: accepted → delivered → displayed.
        const Test::CliRun aliceSync = sync(QStringLiteral("alice"), QStringLiteral("alice"));
        QVERIFY2(aliceSync.exitCode == 0, aliceSync.describe().constData());
        const QJsonObject message = status(subject);
        QVERIFY2(!message.isEmpty(), aliceSync.describe().constData());
        QCOMPARE(recipientState(message), QStringLiteral("displayed"));
        QStringList kinds;
        for (const auto &e : message.value(QStringLiteral("recipients")).toArray().first().toObject()
                                 .value(QStringLiteral("events")).toArray())
            kinds.append(QString::fromUtf8(QJsonDocument(e.toObject()).toJson(QJsonDocument::Compact)));
        const QString events = kinds.join(QLatin1Char('\n'));
        QVERIFY2(events.contains(QLatin1String("delivered")), qPrintable(events));
        QVERIFY2(events.contains(QLatin1String("displayed")), qPrintable(events));

        // The $MDNSent store waits out a dead network ...
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 deadPort = closed.serverPort();
        closed.close();
        setImapPort(m_bob, QStringLiteral("bob"), deadPort);
        const Test::CliRun dead = sync(QStringLiteral("bob"));
        QCOMPARE(dead.exitCode, 1);
        QCOMPARE(column(m_bob, QStringLiteral("SELECT COUNT(*) FROM pending_keyword_stores")).value(0).toInt(), 1);
        QCOMPARE(outboxCount(m_bob), 1); // and no second receipt

        // ... and is done at the next connection; our own MDN in Sent is no unmatched report.
        setImapPort(m_bob, QStringLiteral("bob"), m_stack.imapsPort());
        const Test::CliRun again = sync(QStringLiteral("bob"));
        QVERIFY2(again.exitCode == 0, again.describe().constData());
        QCOMPARE(column(m_bob, QStringLiteral("SELECT COUNT(*) FROM pending_keyword_stores")).value(0).toInt(), 0);
        QCOMPARE(outboxCount(m_bob), 1);
        // Displayed again: answered already, nothing more.
        const Test::CliRun shownAgain = show(byId(messageId));
        QCOMPARE(shownAgain.json().value(QStringLiteral("receipt")).toString(), QStringLiteral("already-sent"));
        QCOMPARE(outboxCount(m_bob), 1);
        const Test::CliRun unmatched = cli(m_bob, {QStringLiteral("status"), QStringLiteral("--unmatched"), QStringLiteral("--json")});
        QVERIFY2(!unmatched.out.contains(subject.toUtf8()), unmatched.describe().constData());
        QCOMPARE(column(m_bob, QStringLiteral("SELECT COUNT(*) FROM reports WHERE subject LIKE '%%1%'").arg(subject))
                     .value(0)
                     .toInt(),
                 0);

        // The server has $MDNSent now: another client would not ask again.
        Test::ImapTestClient imap(m_stack, QStringLiteral("bob"));
        QVERIFY2(imap.isReady(), qPrintable(imap.errorString()));
        QVERIFY(!imap.run("SELECT INBOX").isEmpty());
        const QByteArray found = imap.run("UID SEARCH KEYWORD $MDNSent SUBJECT \"" + subject.toUtf8() + "\"");
        QVERIFY2(found.contains("* SEARCH ") && !found.contains("* SEARCH\r\n"), found.constData());
    }

    /// Issue 7, test 6: a submission server without DSN.
    void serverWithoutDsn()
    {
        const QString subject = QStringLiteral("No DSN %1").arg(token());
        const Test::CliRun sent = send(QStringLiteral("alice-nodsn"), subject, false);
        QVERIFY2(sent.exitCode == 0, sent.describe().constData());
        const QJsonObject message = status(subject);
        QVERIFY(!message.isEmpty());
        QCOMPARE(message.value(QStringLiteral("dsn_supported")).toBool(true), false);
        QCOMPARE(recipientState(message), QStringLiteral("accepted"));

        // What the UI shows.
        Store::Database db;
        QCOMPARE(db.open(m_alice.filePath(QStringLiteral("mailtrail.sqlite"))), QString());
        Tracking::TrackingStore store(db.connection());
        Models::TrackingModel model(store);
        model.reload();
        bool seen = false;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex index = model.index(row, 0);
            if (model.data(index, Models::SubjectRole).toString() != subject
                && model.data(index, Qt::DisplayRole).toString() != subject)
                continue;
            seen = true;
            QCOMPARE(model.data(index, Models::DsnUnsupportedRole).toBool(), true);
            QCOMPARE(model.rowCount(index), 1);
            QCOMPARE(model.data(model.index(0, 0, index), Models::DsnUnsupportedRole).toBool(), true);
            QCOMPARE(model.data(model.index(0, 0, index), Models::StateNameRole).toString(),
                     QStringLiteral("accepted"));
        }
        QVERIFY(seen);
    }

    /// Issue 7, test 7 and issue 15 §1: displaying decides, by the RFC 8098 §2.1 / RFC 3503
    /// rules: no automatic MDN for a Return-Path mismatch, when another client set $MDNSent,
    /// or under policy "ask" (then --send-receipt sends it); a sync never sends one.
    void displayingFollowsTheRules()
    {
        const int before = outboxCount(m_bob);

        // Another client already answered this one.
        const QString otherSubject = QStringLiteral("Other client %1").arg(token());
        const QByteArray other = deliverToBob(QStringLiteral("alice"), "Disposition-Notification-To: alice@example.test\r\n",
                                              otherSubject);
        QVERIFY(!other.isEmpty());
        QVERIFY(setMdnSentOnServer(other));
        Test::CliRun run = sync(QStringLiteral("bob"));
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QCOMPARE(outboxCount(m_bob), before);
        run = show(byId(other));
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QCOMPARE(run.json().value(QStringLiteral("receipt")).toString(), QStringLiteral("already-sent"));
        QCOMPARE(outboxCount(m_bob), before);

        // Return-Path (alice, from MAIL FROM) differs from Disposition-Notification-To (carol).
        const QByteArray mismatch = deliverToBob(QStringLiteral("alice"),
                                                 "Disposition-Notification-To: carol@example.test\r\n",
                                                 QStringLiteral("Mismatch %1").arg(token()));
        QVERIFY(!mismatch.isEmpty());
        run = sync(QStringLiteral("bob"));
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        run = show(byId(mismatch));
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QCOMPARE(run.json().value(QStringLiteral("receipt")).toString(), QStringLiteral("asked"));
        QCOMPARE(outboxCount(m_bob), before);
        QCOMPARE(column(m_bob, QStringLiteral("SELECT state FROM read_receipts WHERE message_key = '%1'")
                                   .arg(QString::fromUtf8(mismatch))),
                 QVariantList{QStringLiteral("asked")});

        // No request at all; and --no-receipt.
        const QByteArray plain = deliverToBob(QStringLiteral("alice"), {}, QStringLiteral("Plain %1").arg(token()));
        QVERIFY(!plain.isEmpty());
        run = show(byId(plain));
        QVERIFY2(run.exitCode == 0, run.describe().constData()); // not cached yet: synced first
        QCOMPARE(run.json().value(QStringLiteral("receipt")).toString(), QStringLiteral("not-requested"));
        const QByteArray quiet = deliverToBob(QStringLiteral("alice"), "Disposition-Notification-To: alice@example.test\r\n",
                                              QStringLiteral("Quiet %1").arg(token()));
        QVERIFY(!quiet.isEmpty());
        run = show(byId(quiet), {QStringLiteral("--no-receipt")});
        QCOMPARE(run.json().value(QStringLiteral("receipt")).toString(), QStringLiteral("none"));
        QCOMPARE(outboxCount(m_bob), before);

        // Policy "ask": displaying sends nothing and says so; --send-receipt sends it.
        const Test::CliRun set = cli(m_bob, {QStringLiteral("account"), QStringLiteral("set"), QStringLiteral("bob"),
                                       QStringLiteral("--read-receipts"), QStringLiteral("ask")});
        QCOMPARE(set.exitCode, 0);
        const QString askSubject = QStringLiteral("Ask me %1").arg(token());
        const QByteArray asked = deliverToBob(QStringLiteral("alice"), "Disposition-Notification-To: alice@example.test\r\n",
                                              askSubject);
        QVERIFY(!asked.isEmpty());
        run = sync(QStringLiteral("bob"));
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        const quint32 uid = serverUid(asked);
        QVERIFY(uid > 0);
        run = show({QStringLiteral("--folder"), QStringLiteral("INBOX"), QStringLiteral("--uid"), QString::number(uid)});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QCOMPARE(run.json().value(QStringLiteral("receipt")).toString(), QStringLiteral("asked"));
        QCOMPARE(outboxCount(m_bob), before);
        // The words for people say so too.
        const Test::CliRun words = cli(m_bob, {QStringLiteral("show"), QStringLiteral("--account"), QStringLiteral("bob"),
                                         QStringLiteral("--message-id"), QString::fromUtf8(asked)});
        QVERIFY2(words.out.contains(QByteArray("Subject: " + askSubject.toUtf8())), words.describe().constData());
        QVERIFY2(words.out.contains("--send-receipt"), words.describe().constData());
        run = show(byId(asked), {QStringLiteral("--send-receipt")});
        QCOMPARE(run.json().value(QStringLiteral("receipt")).toString(), QStringLiteral("sent"));
        QCOMPARE(outboxCount(m_bob), before + 1);
        const QByteArray mdn = m_stack.waitForMessage(QStringLiteral("alice"), [&](const QByteArray &m) {
            return m.contains("disposition-notification") && m.contains(askSubject.toUtf8());
        });
        QVERIFY(mdn.contains("manual-action/MDN-sent-manually; displayed"));
        QCOMPARE(cli(m_bob, {QStringLiteral("account"), QStringLiteral("set"), QStringLiteral("bob"),
                             QStringLiteral("--read-receipts"), QStringLiteral("always")})
                     .exitCode,
                 0);

        // Bad input changes nothing.
        QCOMPARE(show({}).exitCode, 2);
        QCOMPARE(show(byId(asked), {QStringLiteral("--folder"), QStringLiteral("INBOX")}).exitCode, 2);
        QCOMPARE(show({QStringLiteral("--folder"), QStringLiteral("INBOX"), QStringLiteral("--uid"), QStringLiteral("x")})
                     .exitCode,
                 2);
        QCOMPARE(show(byId(asked), {QStringLiteral("--no-receipt"), QStringLiteral("--send-receipt")}).exitCode, 2);
        QCOMPARE(show(byId("<nobody-" + token().toUtf8() + "@example.test>")).exitCode, 1);
        QCOMPARE(outboxCount(m_bob), before + 1);
    }

    /// Issue 15 §1: moving or deleting a message nobody displayed sends nothing, under
    /// "always" too.
    void movedOrDeletedUnreadSendsNothing()
    {
        const int before = outboxCount(m_bob);
        const QByteArray moved = deliverToBob(QStringLiteral("alice"), "Disposition-Notification-To: alice@example.test\r\n",
                                              QStringLiteral("Moved unread %1").arg(token()));
        const QByteArray deleted = deliverToBob(QStringLiteral("alice"), "Disposition-Notification-To: alice@example.test\r\n",
                                                QStringLiteral("Deleted unread %1").arg(token()));
        QVERIFY(!moved.isEmpty() && !deleted.isEmpty());
        QCOMPARE(sync(QStringLiteral("bob")).exitCode, 0);
        // Another client moves one to a folder and deletes the other.
        const quint32 movedUid = serverUid(moved);
        const quint32 deletedUid = serverUid(deleted);
        QVERIFY(movedUid > 0 && deletedUid > 0);
        {
            Test::ImapTestClient imap(m_stack, QStringLiteral("bob"));
            QVERIFY2(imap.isReady(), qPrintable(imap.errorString()));
            imap.run("CREATE Archive");
            QVERIFY(!imap.run("SELECT INBOX").isEmpty());
            QVERIFY(imap.run("UID MOVE " + QByteArray::number(movedUid) + " Archive").contains("OK"));
            QVERIFY(imap.run("UID STORE " + QByteArray::number(deletedUid) + " +FLAGS.SILENT (\\Deleted)").contains("OK"));
            QVERIFY(imap.run("UID EXPUNGE " + QByteArray::number(deletedUid)).contains("OK"));
        }
        const Test::CliRun after = sync(QStringLiteral("bob"));
        QVERIFY2(after.exitCode == 0, after.describe().constData());
        QCOMPARE(outboxCount(m_bob), before);
        QCOMPARE(column(m_bob, QStringLiteral("SELECT COUNT(*) FROM read_receipts WHERE message_key IN ('%1', '%2')")
                                   .arg(QString::fromUtf8(moved), QString::fromUtf8(deleted)))
                     .value(0)
                     .toInt(),
                 0);
    }

    /// Report mails are moved to the receipts folder after they are recorded; the evidence
    /// stays.
    void receiptsFolder()
    {
        // postmaster's mailbox: moving its reports disturbs no other test.
        const QString pm = QStringLiteral("postmaster");
        QCOMPARE(sync(pm, pm).exitCode, 0);
        Test::CliRun set = cli(m_alice, {QStringLiteral("account"), QStringLiteral("set"), pm,
                                   QStringLiteral("--receipts-folder"), QStringLiteral("Receipts")});
        QVERIFY2(set.exitCode == 0, set.describe().constData());
        const Test::CliRun list = cli(m_alice, {QStringLiteral("account"), QStringLiteral("list")});
        QVERIFY(list.out.contains("receipts-folder Receipts"));

        const QString subject = QStringLiteral("Receipts folder %1").arg(token());
        const Test::CliRun sent = send(pm, subject, false, pm);
        QVERIFY2(sent.exitCode == 0, sent.describe().constData());
        QVERIFY(!m_stack.waitForMessage(pm, [&](const QByteArray &m) {
                    return m.contains(subject.toUtf8()) && m.contains("Action: delivered");
                }).isEmpty());
        const Test::CliRun run = sync(pm, pm);
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QVERIFY2(syncedAccount(run).value(QStringLiteral("moved")).toInt() >= 1, run.out.constData());
        QCOMPARE(recipientState(status(subject)), QStringLiteral("delivered"));

        // The DSN is in Receipts (Maildir++ ".Receipts"), not in the INBOX any more.
        const auto contains = [&](const QString &maildir) {
            for (const char *sub : {"new", "cur"}) {
                QDir dir(maildir + QLatin1Char('/') + QLatin1String(sub));
                for (const QString &file : dir.entryList(QDir::Files)) {
                    QFile f(dir.filePath(file));
                    if (f.open(QIODevice::ReadOnly) && f.readAll().contains(subject.toUtf8()))
                        return true;
                }
            }
            return false;
        };
        QVERIFY(contains(m_stack.maildir(pm) + QStringLiteral("/.Receipts")));
        QVERIFY(!contains(m_stack.maildir(pm)));

        // The next sync sees it in Receipts: no second event, nothing moved, still delivered.
        const Test::CliRun again = sync(pm, pm);
        QVERIFY2(again.exitCode == 0, again.describe().constData());
        QCOMPARE(syncedAccount(again).value(QStringLiteral("moved")).toInt(), 0);
        QCOMPARE(syncedAccount(again).value(QStringLiteral("tracking")).toObject().value(QStringLiteral("events_added")).toInt(), 0);
        QCOMPARE(recipientState(status(subject)), QStringLiteral("delivered"));

        set = cli(m_alice, {QStringLiteral("account"), QStringLiteral("set"), pm, QStringLiteral("--receipts-folder"),
                            QStringLiteral("none")});
        QCOMPARE(set.exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(ReadReceiptsE2ETest)
#include "ReadReceiptsE2ETest.moc"
