// SPDX-License-Identifier: GPL-3.0-or-later
// Issue #18 end to end with mailtrail-cli against the private Postfix + Dovecot: ghost bounces
// (550 5.1.1 from LMTP); a second `send` to ghost warns (JSON "warnings", and in words);
// --refuse-known-bad leaves ghost out and sends to bob, and exits 1 when nobody is left. A
// message that another IMAP client APPENDed to alice's Sent folder, and then bounced, shows up
// in `status --json` with origin "elsewhere" and state failed, and in --needs-attention.
#include "CliRun.h"
#include "ImapTestClient.h"
#include "MailStack.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Mailtrail;

namespace {

QString token()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
}

QStringList jsonStrings(const QJsonArray &array, const QString &key)
{
    QStringList list;
    for (const QJsonValue &v : array)
        list.append(v.toObject().value(key).toString());
    return list;
}

} // namespace

class ActOnTrackingTest : public QObject
{
    Q_OBJECT

    Test::MailStack m_stack = Test::MailStack::fromEnvironment();
    QTemporaryDir m_profile;

    Test::CliRun cli(const QStringList &arguments, const QByteArray &stdinData = {})
    {
        return Test::runCli(QStringList{QStringLiteral("--profile"), m_profile.path()} + arguments, stdinData, 180000);
    }

    QByteArray password() const { return m_stack.password(QStringLiteral("alice")).toUtf8() + '\n'; }
    QString ghost() const { return m_stack.address(QStringLiteral("ghost")); }
    QString bob() const { return m_stack.address(QStringLiteral("bob")); }

    Test::CliRun send(const QStringList &to, const QString &subject, const QStringList &extra = {})
    {
        QStringList args{QStringLiteral("send"), QStringLiteral("--account"), QStringLiteral("alice"),
                         QStringLiteral("--subject"), subject, QStringLiteral("--body-stdin"),
                         QStringLiteral("--password-stdin")};
        for (const QString &address : to)
            args << QStringLiteral("--to") << address;
        return cli(args + extra, password() + "Hello.\n");
    }

    Test::CliRun sync()
    {
        return cli({QStringLiteral("sync"), QStringLiteral("--json"), QStringLiteral("--password-stdin"),
                    QStringLiteral("--account"), QStringLiteral("alice")},
                   password());
    }

    /// The tracked message with @p subject in `status --json` (one object per line).
    QJsonObject status(const QString &subject, const QStringList &extra = {})
    {
        const Test::CliRun run = cli(QStringList{QStringLiteral("status"), QStringLiteral("--json")} + extra);
        for (const QByteArray &line : run.out.split('\n')) {
            const QJsonObject m = QJsonDocument::fromJson(line).object();
            if (m.value(QStringLiteral("subject")).toString() == subject)
                return m;
        }
        return {};
    }

    /// Syncs until the message with @p subject has a recipient in @p state (reports can take
    /// a moment to arrive after Postfix wrote them).
    QJsonObject syncUntilState(const QString &subject, const QString &state)
    {
        QJsonObject message;
        for (int attempt = 0; attempt < 10; ++attempt) {
            const Test::CliRun run = sync();
            if (run.exitCode != 0) {
                qWarning() << run.describe();
                return {};
            }
            message = status(subject);
            const QJsonArray recipients = message.value(QStringLiteral("recipients")).toArray();
            if (jsonStrings(recipients, QStringLiteral("state")).contains(state))
                return message;
            QTest::qWait(500);
        }
        return message;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_stack.isValid(), qPrintable(m_stack.errorString()));
        QVERIFY(m_profile.isValid());
        const Test::CliRun add = cli(
            {QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("alice"), QStringLiteral("--email"),
             m_stack.address(QStringLiteral("alice")), QStringLiteral("--imap"),
             QStringLiteral("%1:%2/tls").arg(m_stack.host()).arg(m_stack.imapsPort()), QStringLiteral("--smtp"),
             QStringLiteral("%1:%2/starttls").arg(m_stack.host()).arg(m_stack.submissionPort()),
             QStringLiteral("--ca-file"), m_stack.caFile(), QStringLiteral("--password-stdin")},
            password());
        QVERIFY2(add.exitCode == 0, add.describe().constData());
        QCOMPARE(sync().exitCode, 0);
    }

    void warnsAboutKnownBadAndRefusesOnRequest()
    {
        const QString first = QStringLiteral("To ghost ") + token();
        const Test::CliRun sent = send({ghost()}, first, {QStringLiteral("--json")});
        QVERIFY2(sent.exitCode == 0, sent.describe().constData());
        QCOMPARE(sent.json().value(QStringLiteral("warnings")).toArray(), QJsonArray());

        // Postfix bounces ghost (LMTP 550 5.1.1); alice's sync correlates the DSN.
        QVERIFY(!m_stack.waitForMessageContaining(QStringLiteral("alice"), {first.toUtf8(), "5.1.1"}).isEmpty());
        const QJsonObject bounced = syncUntilState(first, QStringLiteral("failed"));
        QCOMPARE(jsonStrings(bounced.value(QStringLiteral("recipients")).toArray(), QStringLiteral("state")),
                 QStringList{QStringLiteral("failed")});

        // A second send to ghost warns, and still sends.
        const Test::CliRun again = send({ghost()}, QStringLiteral("Again ") + token(), {QStringLiteral("--json")});
        QVERIFY2(again.exitCode == 0, again.describe().constData());
        const QJsonArray warnings = again.json().value(QStringLiteral("warnings")).toArray();
        QCOMPARE(warnings.size(), 1);
        const QJsonObject w = warnings.first().toObject();
        QCOMPARE(w.value(QStringLiteral("address")).toString(), ghost());
        QCOMPARE(w.value(QStringLiteral("kind")).toString(), QStringLiteral("failed-before"));
        QCOMPARE(w.value(QStringLiteral("status")).toString(), QStringLiteral("5.1.1"));
        QVERIFY(QDateTime::fromString(w.value(QStringLiteral("at")).toString(), Qt::ISODate).isValid());
        QVERIFY(w.value(QStringLiteral("suggestion")).isNull());
        QCOMPARE(again.json().value(QStringLiteral("state")).toString(), QStringLiteral("sent"));

        // In words without --json (kept in the outbox: nothing more is sent).
        const Test::CliRun words = send({ghost()}, QStringLiteral("Words ") + token(), {QStringLiteral("--queue-only")});
        QVERIFY2(words.out.contains(QByteArray("Warning: " + ghost().toUtf8() + " failed before. Failed on ")), words.describe().constData());
        QVERIFY2(words.out.contains("5.1.1 the mailbox does not exist"), words.describe().constData());

        // --refuse-known-bad leaves ghost out and sends to bob.
        const Test::CliRun refused = send({ghost(), bob()}, QStringLiteral("Refuse ") + token(),
                                          {QStringLiteral("--refuse-known-bad"), QStringLiteral("--json")});
        QVERIFY2(refused.exitCode == 0, refused.describe().constData());
        QCOMPARE(refused.json().value(QStringLiteral("left_out")).toArray(), QJsonArray{ghost()});
        QCOMPARE(jsonStrings(refused.json().value(QStringLiteral("recipients")).toArray(), QStringLiteral("address")),
                 QStringList{bob()});
        QCOMPARE(refused.json().value(QStringLiteral("state")).toString(), QStringLiteral("sent"));
        const Test::CliRun refusedWords = send({ghost(), bob()}, QStringLiteral("Refuse words ") + token(),
                                               {QStringLiteral("--refuse-known-bad"), QStringLiteral("--queue-only")});
        QVERIFY2(refusedWords.out.contains(QByteArray("Left out " + ghost().toUtf8())), refusedWords.describe().constData());

        // Nobody left: exit 1, nothing sent.
        const Test::CliRun nobody = send({ghost()}, QStringLiteral("Nobody ") + token(), {QStringLiteral("--refuse-known-bad")});
        QCOMPARE(nobody.exitCode, 1);
        QVERIFY2(nobody.err.contains("no recipients left"), nobody.describe().constData());

        // The failure needs attention until dismissed.
        QJsonObject attention = status(first, {QStringLiteral("--needs-attention")});
        QCOMPARE(jsonStrings(attention.value(QStringLiteral("attention")).toArray(), QStringLiteral("state")),
                 QStringList{QStringLiteral("failed")});
        const Test::CliRun dismissed = cli({QStringLiteral("status"), QStringLiteral("--dismiss"),
                                            QString::number(attention.value(QStringLiteral("id")).toInteger())});
        QVERIFY2(dismissed.exitCode == 0, dismissed.describe().constData());
        QVERIFY(status(first, {QStringLiteral("--needs-attention")}).isEmpty());
        QVERIFY(!status(first).isEmpty());
    }

    void tracksMailSentElsewhere()
    {
        const QString subject = QStringLiteral("From my phone ") + token();
        const QByteArray id = "<phone-" + token().toUtf8() + "@example.test>";
        const QByteArray message = "From: " + m_stack.address(QStringLiteral("alice")).toUtf8() + "\r\nTo: Ghost <"
            + ghost().toUtf8() + ">\r\nSubject: " + subject.toUtf8() + "\r\nMessage-ID: " + id
            + "\r\nDate: " + QDateTime::currentDateTimeUtc().toString(Qt::RFC2822Date).toUtf8()
            + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nSent from my phone.\r\n";

        // Another program sends it (no DSN requested) and files its copy in Sent.
        Test::ImapTestClient imap(m_stack, QStringLiteral("alice"));
        QVERIFY2(imap.isReady(), qPrintable(imap.errorString()));
        imap.run("CREATE Sent"); // exists already when Mailtrail filed a copy: NO is fine
        QVERIFY2(!imap.append("Sent", message).isEmpty(), qPrintable(imap.errorString()));
        QCOMPARE(m_stack.submit(QStringLiteral("alice"), {ghost().toUtf8()}, message), QString());
        QVERIFY(!m_stack.waitForMessageContaining(QStringLiteral("alice"), {id.mid(1, id.size() - 2), "5.1.1"}).isEmpty());

        const QJsonObject tracked = syncUntilState(subject, QStringLiteral("failed"));
        QCOMPARE(tracked.value(QStringLiteral("origin")).toString(), QStringLiteral("elsewhere"));
        const QJsonArray recipients = tracked.value(QStringLiteral("recipients")).toArray();
        QCOMPARE(jsonStrings(recipients, QStringLiteral("address")), QStringList{ghost()});
        QCOMPARE(jsonStrings(recipients, QStringLiteral("state")), QStringList{QStringLiteral("failed")});
        const QJsonArray events = recipients.first().toObject().value(QStringLiteral("events")).toArray();
        QCOMPARE(events.first().toObject().value(QStringLiteral("source")).toString(), QStringLiteral("elsewhere"));
        QCOMPARE(events.first().toObject().value(QStringLiteral("detail")).toString(),
                 QStringLiteral("Sent from another program (no delivery reports were requested)."));

        // Mailtrail's own Sent copies are not taken for mail sent elsewhere. (alice's Sent on
        // the shared stack also holds what other tests' profiles sent: for this profile that
        // is mail sent elsewhere, rightly; only its own must never be.)
        const Test::CliRun all = cli({QStringLiteral("status"), QStringLiteral("--json")});
        QStringList own;
        QStringList elsewhere;
        for (const QByteArray &line : all.out.split('\n')) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (o.isEmpty())
                continue;
            (o.value(QStringLiteral("origin")).toString() == QLatin1String("elsewhere") ? elsewhere : own)
                << o.value(QStringLiteral("message_id")).toString();
        }
        QVERIFY(!own.isEmpty());
        for (const QString &id : std::as_const(own))
            QVERIFY2(!elsewhere.contains(id), qPrintable(id));
        QCOMPARE(elsewhere.count(tracked.value(QStringLiteral("message_id")).toString()), 1);
        QVERIFY(!status(subject, {QStringLiteral("--needs-attention")}).isEmpty());
    }

    /// Many messages from another program in alice's Sent, some to the same people as this
    /// profile's own mail, some reusing the Message-ID of its own mail or of each other: each
    /// tracked message keeps exactly its own recipients after the import.
    void importGivesEachMessageItsOwnRecipients()
    {
        // This profile's own mail (its Sent copies are filed by Mailtrail).
        const QString own1 = QStringLiteral("Own one ") + token();
        const QString own2 = QStringLiteral("Own two ") + token();
        const Test::CliRun sent1 = send({bob()}, own1, {QStringLiteral("--json")});
        QVERIFY2(sent1.exitCode == 0, sent1.describe().constData());
        const Test::CliRun sent2 = send({bob(), m_stack.address(QStringLiteral("alice"))}, own2, {QStringLiteral("--json")});
        QVERIFY2(sent2.exitCode == 0, sent2.describe().constData());
        const QByteArray own1Id = sent1.json().value(QStringLiteral("message_id")).toString().toUtf8();
        const QByteArray own2Id = sent2.json().value(QStringLiteral("message_id")).toString().toUtf8();
        QVERIFY(own1Id.startsWith('<') && own2Id.startsWith('<'));

        // Another program's mail: 40 messages, To/Cc among a few shared people and one of
        // their own each; a Bcc on some; two reuse the own messages' Message-IDs, two share
        // one Message-ID between them.
        Test::ImapTestClient imap(m_stack, QStringLiteral("alice"));
        QVERIFY2(imap.isReady(), qPrintable(imap.errorString()));
        imap.run("CREATE Sent");
        const QString batch = token();
        const QStringList shared{bob(), ghost(), QStringLiteral("dora@example.test")};
        QHash<QString, QStringList> expected; // subject → recipients, in order
        QStringList notTracked;               // subjects whose Message-ID was tracked before
        const QByteArray sharedId = "<twice-" + batch.toUtf8() + "@example.test>";
        for (int i = 0; i < 40; ++i) {
            const QString subject = QStringLiteral("Elsewhere %1 %2").arg(batch).arg(i);
            QStringList to{shared.at(i % shared.size()), QStringLiteral("only%1-%2@example.test").arg(i).arg(batch)};
            QStringList cc;
            if (i % 4 == 0)
                cc << shared.at((i + 1) % shared.size());
            QStringList bcc;
            if (i % 5 == 0)
                bcc << QStringLiteral("hidden%1@example.test").arg(i);
            QByteArray id = "<elsewhere-" + batch.toUtf8() + '-' + QByteArray::number(i) + "@example.test>";
            if (i == 7)
                id = own1Id;
            else if (i == 8)
                id = own2Id;
            else if (i == 20 || i == 21)
                id = sharedId;
            QByteArray raw = "From: " + m_stack.address(QStringLiteral("alice")).toUtf8() + "\r\nTo: "
                + to.join(QStringLiteral(", ")).toUtf8() + "\r\n";
            if (!cc.isEmpty())
                raw += "Cc: " + cc.join(QStringLiteral(", ")).toUtf8() + "\r\n";
            if (!bcc.isEmpty())
                raw += "Bcc: " + bcc.join(QStringLiteral(", ")).toUtf8() + "\r\n";
            raw += "Subject: " + subject.toUtf8() + "\r\nMessage-ID: " + id + "\r\nDate: "
                + QDateTime::currentDateTimeUtc().addSecs(i - 100).toString(Qt::RFC2822Date).toUtf8()
                + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nSent elsewhere.\r\n";
            QVERIFY2(!imap.append("Sent", raw).isEmpty(), qPrintable(imap.errorString()));
            if (i == 7 || i == 8 || i == 21) // 21: the older copy (20) with that Message-ID wins
                notTracked << subject;
            else
                expected.insert(subject, to + cc + bcc);
        }
        QCOMPARE(sync().exitCode, 0);

        const Test::CliRun all = cli({QStringLiteral("status"), QStringLiteral("--json")});
        QCOMPARE(all.exitCode, 0);
        QHash<QString, QJsonObject> bySubject;
        QHash<QString, int> byMessageId;
        for (const QByteArray &line : all.out.split('\n')) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (o.isEmpty())
                continue;
            bySubject.insert(o.value(QStringLiteral("subject")).toString(), o);
            ++byMessageId[o.value(QStringLiteral("message_id")).toString()];
        }
        // Every Message-ID is tracked once.
        for (auto it = byMessageId.cbegin(); it != byMessageId.cend(); ++it)
            QVERIFY2(it.value() == 1, qPrintable(it.key()));
        // Own mail keeps its own recipients and origin.
        const QJsonObject o1 = bySubject.value(own1);
        QCOMPARE(o1.value(QStringLiteral("origin")).toString(), QStringLiteral("mailtrail"));
        QCOMPARE(jsonStrings(o1.value(QStringLiteral("recipients")).toArray(), QStringLiteral("address")),
                 QStringList{bob()});
        const QJsonObject o2 = bySubject.value(own2);
        QCOMPARE(o2.value(QStringLiteral("origin")).toString(), QStringLiteral("mailtrail"));
        QCOMPARE(jsonStrings(o2.value(QStringLiteral("recipients")).toArray(), QStringLiteral("address")),
                 (QStringList{bob(), m_stack.address(QStringLiteral("alice"))}));
        // Each message from elsewhere has exactly its own recipients (Bcc from the copy).
        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            const QJsonObject o = bySubject.value(it.key());
            QVERIFY2(!o.isEmpty(), qPrintable(it.key()));
            QCOMPARE(o.value(QStringLiteral("origin")).toString(), QStringLiteral("elsewhere"));
            QCOMPARE(jsonStrings(o.value(QStringLiteral("recipients")).toArray(), QStringLiteral("address")),
                     it.value());
        }
        for (const QString &subject : std::as_const(notTracked))
            QVERIFY2(!bySubject.contains(subject), qPrintable(subject));
    }
};

QTEST_GUILESS_MAIN(ActOnTrackingTest)
#include "ActOnTrackingTest.moc"
