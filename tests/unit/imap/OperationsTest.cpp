// SPDX-License-Identifier: GPL-3.0-or-later
// Typed mailbox operations over scripted conversations: STORE keywords, SEARCH, APPEND
// with UIDPLUS, MOVE and the COPY + STORE + UID EXPUNGE fallback.
#include "ScriptedTransport.h"
#include "imap/MailboxOperations.h"
#include "imap/Session.h"

#include <QSignalSpy>
#include <QTest>

using namespace Mailtrail;
using namespace Mailtrail::Imap;

namespace {
QByteArray login(const QByteArray &capabilities)
{
    return "S: * OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN] ready\n"
           "C: a1 AUTHENTICATE PLAIN <redacted>\n"
           "S: a1 OK [CAPABILITY IMAP4rev1 " + capabilities + "] Logged in\n";
}
} // namespace

class OperationsTest : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<Test::ScriptedTransport> m_transport;
    std::unique_ptr<Session> m_session;

    bool open(const QByteArray &script)
    {
        m_session.reset();
        m_transport = std::make_unique<Test::ScriptedTransport>(script);
        m_session = std::make_unique<Session>(m_transport.get());
        QSignalSpy ready(m_session.get(), &Session::ready);
        Net::Endpoint e;
        e.host = QStringLiteral("127.0.0.1");
        e.port = 993;
        e.security = Net::Security::ImplicitTls;
        m_session->open(e, {QStringLiteral("u"), QStringLiteral("p")});
        return ready.wait();
    }

private Q_SLOTS:
    void storeMdnSentKeyword()
    {
        QVERIFY(open(login("UIDPLUS") + "C: a2 UID STORE 7,9 +FLAGS.SILENT ($MDNSent \\Seen)\nS: a2 OK Store completed\n"));
        bool called = false;
        Operations::storeFlags(*m_session, SequenceSet::fromValues({7, 9}), true, {"$MDNSent", "\\Seen"},
                               [&](const ImapError &e) {
                                   QVERIFY(!e.isError());
                                   called = true;
                               });
        QTRY_VERIFY(called);
        QVERIFY(m_transport->mismatches().isEmpty());
    }

    void storeRefusedIsTyped()
    {
        QVERIFY(open(login("") + "C: a2 UID STORE 7 -FLAGS.SILENT (\\Seen)\nS: a2 NO [CANNOT] Read-only mailbox\n"));
        ImapError error;
        bool called = false;
        Operations::storeFlags(*m_session, SequenceSet::range(7, 7), false, {"\\Seen"}, [&](const ImapError &e) {
            error = e;
            called = true;
        });
        QTRY_VERIFY(called);
        QCOMPARE(toString(error.kind), toString(ImapError::Kind::No));
        QCOMPARE(error.code.name, QByteArray("CANNOT"));
    }

    void fetchWholeMessage()
    {
        QVERIFY(open(login("") + "C: a2 UID FETCH 8 (UID BODY.PEEK[])\n"
                                 "S: * 3 FETCH (FLAGS (\\Seen))\n"
                                 "S: * 4 FETCH (UID 8 BODY[] {12}\n"
                                 "S: Subject: z\n"
                                 "S: )\n"
                                 "S: a2 OK Fetch completed\n"));
        QByteArray raw;
        bool called = false;
        Operations::fetchMessage(*m_session, 8, [&](const ImapError &e, const QByteArray &message) {
            QVERIFY(!e.isError());
            raw = message;
            called = true;
        });
        QTRY_VERIFY(called);
        QCOMPARE(raw, QByteArray("Subject: z\r\n"));
    }

    void searchByMessageId()
    {
        QVERIFY(open(login("") + "C: a2 UID SEARCH HEADER Message-ID \"<x@y>\"\nS: * SEARCH 12 4\nS: a2 OK Search completed\n"));
        QList<quint32> found;
        bool called = false;
        Operations::search(*m_session, "HEADER Message-ID \"<x@y>\"", [&](const ImapError &e, const QList<quint32> &uids) {
            QVERIFY(!e.isError());
            found = uids;
            called = true;
        });
        QTRY_VERIFY(called);
        QCOMPARE(found, (QList<quint32>{4, 12}));
    }

    void appendWithLiteralPlusReportsAppendUid()
    {
        QVERIFY(open(login("UIDPLUS LITERAL+") + "C: a2 APPEND Sent (\\Seen) {10+}\nC: Subject: x\nS: a2 OK [APPENDUID 38505 3955] Append completed\n"));
        AppendResult result;
        bool called = false;
        Operations::append(*m_session, "Sent", "Subject: x", {"\\Seen"}, [&](const AppendResult &r) {
            result = r;
            called = true;
        });
        QTRY_VERIFY(called);
        QVERIFY(!result.error.isError());
        QCOMPARE(result.uidValidity, 38505u);
        QCOMPARE(result.uid, 3955u);
        QVERIFY(m_transport->mismatches().isEmpty());
    }

    void appendWaitsForContinuationWithoutLiteralPlus()
    {
        QVERIFY(open(login("") + "C: a2 APPEND \"Sent Items\" {10}\nS: + Ready for literal data\nC: Subject: y\nS: a2 OK Append completed\n"));
        AppendResult result;
        bool called = false;
        Operations::append(*m_session, "Sent Items", "Subject: y", {}, [&](const AppendResult &r) {
            result = r;
            called = true;
        });
        QTRY_VERIFY(called);
        QVERIFY(!result.error.isError());
        QCOMPARE(result.uid, 0u);
        QVERIFY(m_transport->mismatches().isEmpty());
    }

    void moveWithMoveExtension()
    {
        QVERIFY(open(login("MOVE UIDPLUS") + "C: a2 UID MOVE 42 Trash\n"
                                             "S: * OK [COPYUID 432432 42 1202] Moved\n"
                                             "S: * 3 EXPUNGE\n"
                                             "S: a2 OK Move completed\n"));
        MoveResult result;
        bool called = false;
        Operations::move(*m_session, SequenceSet::range(42, 42), "Trash", [&](const MoveResult &r) {
            result = r;
            called = true;
        });
        QTRY_VERIFY(called);
        QVERIFY(!result.error.isError());
        QCOMPARE(result.uidValidity, 432432u);
        QCOMPARE(result.destinationUids.toByteArray(), QByteArray("1202"));
    }

    void moveFallbackCopyStoreExpunge()
    {
        QVERIFY(open(login("UIDPLUS") + "C: a2 UID COPY 5:6 Archive\n"
                                        "S: a2 OK [COPYUID 9 5:6 100:101] Copy completed\n"
                                        "C: a3 UID STORE 5:6 +FLAGS.SILENT (\\Deleted)\n"
                                        "S: a3 OK Store completed\n"
                                        "C: a4 UID EXPUNGE 5:6\n"
                                        "S: * 1 EXPUNGE\n"
                                        "S: * 1 EXPUNGE\n"
                                        "S: a4 OK Expunge completed\n"));
        MoveResult result;
        bool called = false;
        Operations::move(*m_session, SequenceSet::range(5, 6), "Archive", [&](const MoveResult &r) {
            result = r;
            called = true;
        });
        QTRY_VERIFY(called);
        QVERIFY(!result.error.isError());
        QCOMPARE(result.destinationUids.toByteArray(), QByteArray("100:101"));
        QVERIFY(m_transport->mismatches().isEmpty());
    }

    void failedCopyNeverExpunges()
    {
        QVERIFY(open(login("UIDPLUS") + "C: a2 UID COPY 5 Archive\nS: a2 NO [TRYCREATE] Mailbox doesn't exist\n"));
        MoveResult result;
        bool called = false;
        Operations::move(*m_session, SequenceSet::range(5, 5), "Archive", [&](const MoveResult &r) {
            result = r;
            called = true;
        });
        QTRY_VERIFY(called);
        QCOMPARE(result.error.code.kind, ResponseCode::Kind::TryCreate);
        QVERIFY(!m_transport->written().contains("STORE"));
        QVERIFY(!m_transport->written().contains("EXPUNGE"));
    }

    void moveWithoutMoveOrUidplusExpungesOnlyItsMessages()
    {
        // No UIDPLUS: a plain EXPUNGE removes every \Deleted message. UID 8 was marked by
        // someone else: unmarked for the EXPUNGE and marked again after it.
        QVERIFY(open(login("") + "C: a2 UID COPY 5 Archive\nS: a2 OK Copy completed\n"
                                  "C: a3 UID STORE 5 +FLAGS.SILENT (\\Deleted)\nS: a3 OK Store completed\n"
                                  "C: a4 UID SEARCH DELETED\nS: * SEARCH 5 8\nS: a4 OK Search completed\n"
                                  "C: a5 UID STORE 8 -FLAGS.SILENT (\\Deleted)\nS: a5 OK Store completed\n"
                                  "C: a6 EXPUNGE\nS: * 2 EXPUNGE\nS: a6 OK Expunge completed\n"
                                  "C: a7 UID STORE 8 +FLAGS.SILENT (\\Deleted)\nS: a7 OK Store completed\n"));
        MoveResult result;
        bool called = false;
        Operations::move(*m_session, SequenceSet::range(5, 5), "Archive", [&](const MoveResult &r) {
            result = r;
            called = true;
        });
        QTRY_VERIFY(called);
        QVERIFY2(!result.error.isError(), qPrintable(result.error.message()));
        QVERIFY2(m_transport->mismatches().isEmpty(), qPrintable(m_transport->mismatches().join(u'\n')));
        QVERIFY(m_transport->scriptFinished());
        QVERIFY(result.destinationUids.isEmpty()); // no COPYUID without UIDPLUS
    }

    void moveWithoutUidplusAndNoOtherDeletedJustExpunges()
    {
        QVERIFY(open(login("") + "C: a2 UID COPY 5:6 Archive\nS: a2 OK Copy completed\n"
                                  "C: a3 UID STORE 5:6 +FLAGS.SILENT (\\Deleted)\nS: a3 OK Store completed\n"
                                  "C: a4 UID SEARCH DELETED\nS: * SEARCH 6 5\nS: a4 OK Search completed\n"
                                  "C: a5 EXPUNGE\nS: * 1 EXPUNGE\nS: * 1 EXPUNGE\nS: a5 OK Expunge completed\n"));
        MoveResult result;
        bool called = false;
        Operations::move(*m_session, SequenceSet::range(5, 6), "Archive", [&](const MoveResult &r) {
            result = r;
            called = true;
        });
        QTRY_VERIFY(called);
        QVERIFY2(!result.error.isError(), qPrintable(result.error.message()));
        QVERIFY(m_transport->scriptFinished());
        QVERIFY(!m_transport->written().contains("-FLAGS"));
    }

    void moveWithoutUidplusFailedSearchNeverExpunges()
    {
        QVERIFY(open(login("") + "C: a2 UID COPY 5 Archive\nS: a2 OK Copy completed\n"
                                  "C: a3 UID STORE 5 +FLAGS.SILENT (\\Deleted)\nS: a3 OK Store completed\n"
                                  "C: a4 UID SEARCH DELETED\nS: a4 BAD Search failed\n"));
        MoveResult result;
        bool called = false;
        Operations::move(*m_session, SequenceSet::range(5, 5), "Archive", [&](const MoveResult &r) {
            result = r;
            called = true;
        });
        QTRY_VERIFY(called);
        QVERIFY(result.error.isError());
        QVERIFY(!m_transport->written().contains("EXPUNGE"));
    }
};

QTEST_GUILESS_MAIN(OperationsTest)
#include "OperationsTest.moc"
