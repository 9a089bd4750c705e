// SPDX-License-Identifier: GPL-3.0-or-later
// SequenceSet (RFC 9051 §9 sequence-set) and mailbox-name encoding (RFC 3501 §5.1.3).
#include "imap/MailboxName.h"
#include "imap/SequenceSet.h"

#include <QTest>

using Mailtrail::Imap::SequenceSet;

class SequenceSetTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<quint64>("count");
        QTest::newRow("single") << QByteArray("7") << quint64(1);
        QTest::newRow("range") << QByteArray("1:5") << quint64(5);
        QTest::newRow("mixed") << QByteArray("1:5,7,9:10") << quint64(8);
        QTest::newRow("star") << QByteArray("5:*") << quint64(0xFFFFFFFFull - 5 + 1);
    }
    void roundTrip()
    {
        QFETCH(QByteArray, wire);
        QFETCH(quint64, count);
        const auto set = SequenceSet::parse(wire);
        QVERIFY(set);
        QCOMPARE(set->toByteArray(), wire);
        QCOMPARE(set->count(), count);
    }

    void reversedRangeIsNormalised()
    {
        const auto set = SequenceSet::parse("9:3");
        QVERIFY(set);
        QCOMPARE(set->toByteArray(), QByteArray("3:9"));
        QVERIFY(set->contains(4));
        QVERIFY(!set->contains(10));
    }

    void garbage_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("zero") << QByteArray("0");
        QTest::newRow("trailing-comma") << QByteArray("1,");
        QTest::newRow("letters") << QByteArray("a:b");
        QTest::newRow("overflow") << QByteArray("99999999999");
        QTest::newRow("double-colon") << QByteArray("1::2");
    }
    void garbage()
    {
        QFETCH(QByteArray, wire);
        QVERIFY(!SequenceSet::parse(wire));
    }

    void fromValuesMergesRuns()
    {
        const auto set = SequenceSet::fromValues({9, 1, 2, 3, 3, 5, 10});
        QCOMPARE(set.toByteArray(), QByteArray("1:3,5,9:10"));
        QCOMPARE(set.values(), (QList<quint32>{1, 2, 3, 5, 9, 10}));
    }

    void mailboxNames_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<QString>("name");
        QTest::newRow("ascii") << QByteArray("INBOX/Sent") << QStringLiteral("INBOX/Sent");
        QTest::newRow("ampersand") << QByteArray("Tom &- Jerry") << QStringLiteral("Tom & Jerry");
        QTest::newRow("rfc3501-example") << QByteArray("~peter/mail/&U,BTFw-/&ZeVnLIqe-")
                                         << QString::fromUtf8("~peter/mail/台北/日本語");
        QTest::newRow("german") << QByteArray("Entw&APw-rfe") << QString::fromUtf8("Entwürfe");
    }
    void mailboxNames()
    {
        QFETCH(QByteArray, wire);
        QFETCH(QString, name);
        QCOMPARE(Mailtrail::Imap::decodeMailboxName(wire), name);
        QCOMPARE(Mailtrail::Imap::encodeMailboxName(name), wire);
    }

    void utf8MailboxNameQuirk()
    {
        QCOMPARE(Mailtrail::Imap::decodeMailboxName(QByteArray("Entwürfe")), QString::fromUtf8("Entwürfe"));
    }
};

QTEST_GUILESS_MAIN(SequenceSetTest)
#include "SequenceSetTest.moc"
