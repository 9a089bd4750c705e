// SPDX-License-Identifier: GPL-3.0-or-later
// IMAP response parser (RFC 9051 §7/§9): every row is fed whole and in split chunks.
#include "imap/ResponseParser.h"

#include <QTest>

#include <memory>

using namespace Mailtrail::Imap;

Q_DECLARE_METATYPE(Mailtrail::Imap::Response)

namespace {

using Responses = QList<Response>;

Responses parseInChunks(const QByteArray &input, qsizetype chunk, ParseError *error = nullptr)
{
    ResponseParser parser;
    Responses out;
    for (qsizetype i = 0; i < input.size(); i += chunk) {
        parser.feed(QByteArrayView(input).sliced(i, qMin(chunk, input.size() - i)));
        while (auto r = parser.next())
            out.append(*r);
    }
    if (error)
        *error = parser.error();
    return out;
}

ResponseCode code(ResponseCode::Kind kind, const QByteArray &name, quint64 number = 0)
{
    ResponseCode c;
    c.kind = kind;
    c.name = name;
    c.number = number;
    return c;
}

Address addr(const QByteArray &name, const QByteArray &mailbox, const QByteArray &host)
{
    return Address{name, {}, mailbox, host};
}

} // namespace

Q_DECLARE_METATYPE(Responses)

class ResponseParserTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<Responses>("expected");

        using K = ResponseCode::Kind;
        {
            StatusResponse s{Status::Ok, {}, "Dovecot ready."};
            s.code = code(K::Capability, "CAPABILITY");
            s.code.list = {"IMAP4REV1", "SASL-IR", "LOGIN-REFERRALS", "ID", "ENABLE", "IDLE", "LITERAL+", "STARTTLS", "AUTH=PLAIN"};
            QTest::newRow("dovecot-greeting")
                << QByteArray("* OK [CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ STARTTLS AUTH=PLAIN] Dovecot ready.\r\n")
                << Responses{s};
        }
        QTest::newRow("tagged-ok-no-code")
            << QByteArray("a1 OK Logged in\r\n")
            << Responses{TaggedResponse{"a1", Status::Ok, {}, "Logged in"}};
        QTest::newRow("tagged-no-authenticationfailed")
            << QByteArray("a2 NO [AUTHENTICATIONFAILED] Authentication failed.\r\n")
            << Responses{TaggedResponse{"a2", Status::No, [] { auto c = code(K::Other, "AUTHENTICATIONFAILED"); return c; }(), "Authentication failed."}};
        QTest::newRow("tagged-bad-lowercase-status")
            << QByteArray("x9 bad Error in IMAP command\r\n")
            << Responses{TaggedResponse{"x9", Status::Bad, {}, "Error in IMAP command"}};
        QTest::newRow("ok-code-without-text-quirk")
            << QByteArray("* OK [READ-WRITE]\r\n")
            << Responses{StatusResponse{Status::Ok, code(K::ReadWrite, "READ-WRITE"), {}}};
        QTest::newRow("bare-lf-line-end-quirk")
            << QByteArray("* 3 EXISTS\n")
            << Responses{ExistsData{3}};
        QTest::newRow("bye")
            << QByteArray("* BYE Server shutting down.\r\n")
            << Responses{StatusResponse{Status::Bye, {}, "Server shutting down."}};
        QTest::newRow("preauth")
            << QByteArray("* PREAUTH IMAP4rev1 server logged in as Smith\r\n")
            << Responses{StatusResponse{Status::Preauth, {}, "IMAP4rev1 server logged in as Smith"}};
        QTest::newRow("continuation-empty")
            << QByteArray("+ \r\n") << Responses{ContinuationRequest{}};
        QTest::newRow("continuation-no-space-quirk")
            << QByteArray("+\r\n") << Responses{ContinuationRequest{}};
        QTest::newRow("continuation-idling")
            << QByteArray("+ idling\r\n") << Responses{ContinuationRequest{"idling"}};
        QTest::newRow("select-rfc9051-example")
            << QByteArray("* 172 EXISTS\r\n"
                          "* OK [UIDVALIDITY 3857529045] UIDs valid\r\n"
                          "* OK [UIDNEXT 4392] Predicted next UID\r\n"
                          "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)\r\n"
                          "* OK [PERMANENTFLAGS (\\Deleted \\Seen \\*)] Limited\r\n"
                          "* OK [HIGHESTMODSEQ 715194045007] Highest\r\n"
                          "* LIST () \"/\" INBOX\r\n"
                          "A142 OK [READ-WRITE] SELECT completed\r\n")
            << Responses{ExistsData{172},
                         StatusResponse{Status::Ok, code(K::UidValidity, "UIDVALIDITY", 3857529045u), "UIDs valid"},
                         StatusResponse{Status::Ok, code(K::UidNext, "UIDNEXT", 4392), "Predicted next UID"},
                         FlagsData{{"\\Answered", "\\Flagged", "\\Deleted", "\\Seen", "\\Draft"}},
                         StatusResponse{Status::Ok, [&] { auto c = code(K::PermanentFlags, "PERMANENTFLAGS"); c.list = {"\\Deleted", "\\Seen", "\\*"}; return c; }(), "Limited"},
                         StatusResponse{Status::Ok, code(K::HighestModSeq, "HIGHESTMODSEQ", 715194045007ull), "Highest"},
                         ListData{{}, '/', "INBOX", false},
                         TaggedResponse{"A142", Status::Ok, code(K::ReadWrite, "READ-WRITE"), "SELECT completed"}};
        QTest::newRow("expunge-recent")
            << QByteArray("* 22 EXPUNGE\r\n* 5 RECENT\r\n")
            << Responses{ExpungeData{22}, RecentData{5}};
        {
            VanishedData v{true, *SequenceSet::parse("41,43:116,118,120:211,214:540")};
            QTest::newRow("vanished-earlier-rfc7162")
                << QByteArray("* VANISHED (EARLIER) 41,43:116,118,120:211,214:540\r\n") << Responses{v};
            QTest::newRow("vanished-plain")
                << QByteArray("* VANISHED 405,407,410\r\n")
                << Responses{VanishedData{false, *SequenceSet::parse("405,407,410")}};
        }
        {
            FetchData f;
            f.sequence = 12;
            f.uid = 4827313;
            f.hasFlags = true;
            f.flags = {"\\Seen", "$MDNSent"};
            f.size = 44827;
            f.modseq = 624140003;
            QTest::newRow("fetch-flags-modseq")
                << QByteArray("* 12 FETCH (UID 4827313 FLAGS (\\Seen $MDNSent) RFC822.SIZE 44827 MODSEQ (624140003))\r\n")
                << Responses{f};
            FetchData g = f;
            g.flags = {};
            QTest::newRow("fetch-extra-spaces-quirk")
                << QByteArray("* 12 FETCH ( UID 4827313  FLAGS ()  RFC822.SIZE 44827 MODSEQ (624140003) )\r\n")
                << Responses{g};
        }
        {
            FetchData f;
            f.sequence = 1;
            f.uid = 7;
            f.sections.insert("BODY[HEADER.FIELDS (FROM SUBJECT)]", "From: a@b\r\nSubject: hi\r\n\r\n");
            QTest::newRow("fetch-header-fields-literal")
                << QByteArray("* 1 FETCH (UID 7 BODY[HEADER.FIELDS (FROM SUBJECT)] {26}\r\nFrom: a@b\r\nSubject: hi\r\n\r\n)\r\n")
                << Responses{f};
            QTest::newRow("fetch-literal-plus-from-server-quirk")
                << QByteArray("* 1 FETCH (UID 7 BODY[HEADER.FIELDS (FROM SUBJECT)] {26+}\r\nFrom: a@b\r\nSubject: hi\r\n\r\n)\r\n")
                << Responses{f};
            FetchData h = f;
            h.sections.clear();
            h.sections.insert("BODY[HEADER.FIELDS (FROM SUBJECT)]", "From: a@b\r\nSubject: hi\r\n\r\n");
            QTest::newRow("fetch-lowercase-section-name")
                << QByteArray("* 1 FETCH (UID 7 BODY[header.fields (from subject)] {26}\r\nFrom: a@b\r\nSubject: hi\r\n\r\n)\r\n")
                << Responses{h};
            FetchData p;
            p.sequence = 2;
            p.sections.insert("BODY[1]", "partial");
            QTest::newRow("fetch-partial-origin")
                << QByteArray("* 2 FETCH (BODY[1]<0> \"partial\")\r\n") << Responses{p};
            FetchData n;
            n.sequence = 3;
            n.sections.insert("BODY[]", {});
            QTest::newRow("fetch-nil-body")
                << QByteArray("* 3 FETCH (BODY[] NIL)\r\n") << Responses{n};
            FetchData e;
            e.sequence = 4;
            e.sections.insert("BODY[]", QByteArray("8bit \xc3\xa4\x00\xff ok", 12));
            QTest::newRow("fetch-8bit-literal-with-nul")
                << (QByteArray("* 4 FETCH (BODY[] {12}\r\n") + e.sections.value("BODY[]") + ")\r\n") << Responses{e};
            FetchData u;
            u.sequence = 5;
            u.uid = 9;
            QTest::newRow("fetch-unknown-items-gmail-quirk")
                << QByteArray("* 5 FETCH (X-GM-THRID 1278455344230334865 UID 9 X-GM-LABELS (\\Inbox \"My label\") EMAILID (M6d99ac3275bb4e))\r\n")
                << Responses{u};
        }
        {
            Envelope env;
            env.date = "Wed, 17 Jul 1996 02:23:25 -0700 (PDT)";
            env.subject = "IMAP4rev1 WG mtg summary and minutes";
            env.from = {addr("Terry Gray", "gray", "cac.washington.edu")};
            env.sender = env.from;
            env.replyTo = env.from;
            env.to = {addr({}, "imap", "cac.washington.edu")};
            env.cc = {addr({}, "minutes", "CNRI.Reston.VA.US"), addr("John Klensin", "KLENSIN", "MIT.EDU")};
            env.messageId = "<B27397-0100000@cac.washington.edu>";
            FetchData f;
            f.sequence = 12;
            f.envelope = env;
            f.hasFlags = true;
            f.flags = {"\\Seen"};
            f.internalDate = "17-Jul-1996 02:44:25 -0700";
            f.size = 4286;
            QTest::newRow("fetch-envelope-rfc3501-example")
                << QByteArray("* 12 FETCH (FLAGS (\\Seen) INTERNALDATE \"17-Jul-1996 02:44:25 -0700\" RFC822.SIZE 4286 "
                              "ENVELOPE (\"Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\" \"IMAP4rev1 WG mtg summary and minutes\" "
                              "((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) ((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) "
                              "((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) ((NIL NIL \"imap\" \"cac.washington.edu\")) "
                              "((NIL NIL \"minutes\" \"CNRI.Reston.VA.US\")(\"John Klensin\" NIL \"KLENSIN\" \"MIT.EDU\")) NIL NIL "
                              "\"<B27397-0100000@cac.washington.edu>\"))\r\n")
                << Responses{f};
            Envelope q;
            q.subject = "say \"hi\" \\o/";
            FetchData g;
            g.sequence = 1;
            g.envelope = q;
            QTest::newRow("envelope-escaped-quotes-and-nil-date")
                << QByteArray("* 1 FETCH (ENVELOPE (NIL \"say \\\"hi\\\" \\\\o/\" NIL NIL NIL NIL NIL NIL NIL NIL))\r\n")
                << Responses{g};
            Envelope l;
            l.subject = "literal\r\nsubject";
            FetchData h;
            h.sequence = 1;
            h.envelope = l;
            QTest::newRow("envelope-literal-subject-exchange-quirk")
                << QByteArray("* 1 FETCH (ENVELOPE (NIL {16}\r\nliteral\r\nsubject NIL NIL NIL NIL NIL NIL NIL NIL))\r\n")
                << Responses{h};
        }
        {
            BodyStructure text;
            text.type = "text";
            text.subtype = "plain";
            text.parameters = {{"charset", "utf-8"}};
            text.encoding = "7BIT";
            text.size = 120;
            text.lines = 4;
            BodyStructure status;
            status.type = "message";
            status.subtype = "delivery-status";
            status.encoding = "7BIT";
            status.size = 300;
            BodyStructure headers;
            headers.type = "text";
            headers.subtype = "rfc822-headers";
            headers.encoding = "7BIT";
            headers.size = 512;
            headers.lines = 12;
            BodyStructure report;
            report.type = "multipart";
            report.subtype = "report";
            report.parameters = {{"report-type", "delivery-status"}, {"boundary", "XYZ"}};
            report.parts = {text, status, headers};
            FetchData f;
            f.sequence = 3;
            f.uid = 30;
            f.bodyStructure = report;
            QTest::newRow("bodystructure-multipart-report-dsn")
                << QByteArray("* 3 FETCH (UID 30 BODYSTRUCTURE ((\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"7BIT\" 120 4 NIL NIL NIL NIL)"
                              "(\"message\" \"delivery-status\" NIL NIL NIL \"7BIT\" 300 NIL NIL NIL NIL)"
                              "(\"text\" \"rfc822-headers\" NIL NIL NIL \"7BIT\" 512 12 NIL NIL NIL NIL) "
                              "\"report\" (\"report-type\" \"delivery-status\" \"boundary\" \"XYZ\") NIL NIL NIL))\r\n")
                << Responses{f};

            BodyStructure inner;
            inner.type = "text";
            inner.subtype = "plain";
            inner.encoding = "7bit";
            inner.size = 10;
            inner.lines = 1;
            BodyStructure attached;
            attached.type = "message";
            attached.subtype = "rfc822";
            attached.encoding = "7bit";
            attached.size = 400;
            attached.lines = 9;
            attached.envelope = Envelope{};
            attached.envelope->subject = "inner";
            attached.parts = {inner};
            attached.disposition = "attachment";
            attached.dispositionParameters = {{"filename", "m.eml"}};
            FetchData g;
            g.sequence = 4;
            g.bodyStructure = attached;
            QTest::newRow("bodystructure-message-rfc822-with-disposition")
                << QByteArray("* 4 FETCH (BODYSTRUCTURE (\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7bit\" 400 "
                              "(NIL \"inner\" NIL NIL NIL NIL NIL NIL NIL NIL) (\"TEXT\" \"PLAIN\" NIL NIL NIL \"7bit\" 10 1) 9 "
                              "NIL (\"attachment\" (\"FILENAME\" \"m.eml\")) NIL NIL))\r\n")
                << Responses{g};
            BodyStructure basic;
            basic.type = "application";
            basic.subtype = "pdf";
            basic.parameters = {{"name", "x.pdf"}};
            basic.encoding = "base64";
            basic.size = 2048;
            FetchData b;
            b.sequence = 5;
            b.bodyStructure = basic;
            QTest::newRow("body-non-extensible-form")
                << QByteArray("* 5 FETCH (BODY (\"application\" \"pdf\" (\"name\" \"x.pdf\") NIL NIL \"base64\" 2048))\r\n")
                << Responses{b};
            basic.size = 2048;
            QTest::newRow("bodystructure-quoted-size-quirk")
                << QByteArray("* 5 FETCH (BODY (\"application\" \"pdf\" (\"name\" \"x.pdf\") NIL NIL \"base64\" \"2048\"))\r\n")
                << Responses{b};
        }
        {
            ListData sent{{"\\HasNoChildren", "\\Sent"}, '.', "Sent Messages", false};
            ListData nilDelim{{"\\Noselect"}, 0, "", false};
            ListData literal{{}, '/', "Entw&APw-rfe", false};
            QTest::newRow("list-special-use-quoted-name")
                << QByteArray("* LIST (\\HasNoChildren \\Sent) \".\" \"Sent Messages\"\r\n") << Responses{sent};
            QTest::newRow("list-nil-delimiter")
                << QByteArray("* LIST (\\Noselect) NIL \"\"\r\n") << Responses{nilDelim};
            QTest::newRow("list-literal-name")
                << QByteArray("* LIST () \"/\" {12}\r\nEntw&APw-rfe\r\n") << Responses{literal};
            QTest::newRow("list-extended-childinfo")
                << QByteArray("* LIST () \"/\" \"Entw&APw-rfe\" (\"CHILDINFO\" (\"SUBSCRIBED\"))\r\n") << Responses{literal};
        }
        QTest::newRow("capability-untagged")
            << QByteArray("* CAPABILITY IMAP4rev1 CONDSTORE QRESYNC uidplus MOVE\r\n")
            << Responses{CapabilityData{{"IMAP4REV1", "CONDSTORE", "QRESYNC", "UIDPLUS", "MOVE"}}};
        QTest::newRow("enabled")
            << QByteArray("* ENABLED CONDSTORE QRESYNC\r\n")
            << Responses{EnabledData{{"CONDSTORE", "QRESYNC"}}};
        QTest::newRow("search-empty")
            << QByteArray("* SEARCH\r\n") << Responses{SearchData{}};
        QTest::newRow("search-modseq-rfc7162")
            << QByteArray("* SEARCH 2 5 6 7 11 12 18 19 20 23 (MODSEQ 917162500)\r\n")
            << Responses{SearchData{{2, 5, 6, 7, 11, 12, 18, 19, 20, 23}, 917162500}};
        {
            ESearchData e;
            e.tag = "A282";
            e.uid = true;
            e.min = 2;
            e.count = 3;
            e.all = *SequenceSet::parse("2,10:11");
            QTest::newRow("esearch-rfc4731")
                << QByteArray("* ESEARCH (TAG \"A282\") UID MIN 2 COUNT 3 ALL 2,10:11\r\n") << Responses{e};
        }
        {
            MailboxStatusData s;
            s.mailbox = "blurdybloop";
            s.items = {{"MESSAGES", 231}, {"UIDNEXT", 44292}};
            QTest::newRow("status")
                << QByteArray("* STATUS blurdybloop (MESSAGES 231 UIDNEXT 44292)\r\n") << Responses{s};
        }
        {
            ResponseCode c = code(K::AppendUid, "APPENDUID", 38505);
            c.destination = SequenceSet::range(3955, 3955);
            QTest::newRow("appenduid-rfc4315")
                << QByteArray("A003 OK [APPENDUID 38505 3955] APPEND completed\r\n")
                << Responses{TaggedResponse{"A003", Status::Ok, c, "APPEND completed"}};
            ResponseCode d = code(K::CopyUid, "COPYUID", 38505);
            d.source = *SequenceSet::parse("304,319:320");
            d.destination = *SequenceSet::parse("3956:3958");
            QTest::newRow("copyuid-rfc4315")
                << QByteArray("A004 OK [COPYUID 38505 304,319:320 3956:3958] Done\r\n")
                << Responses{TaggedResponse{"A004", Status::Ok, d, "Done"}};
            ResponseCode m = code(K::Modified, "MODIFIED");
            m.source = *SequenceSet::parse("7,9");
            QTest::newRow("modified-rfc7162")
                << QByteArray("d105 OK [MODIFIED 7,9] Conditional STORE failed\r\n")
                << Responses{TaggedResponse{"d105", Status::Ok, m, "Conditional STORE failed"}};
            ResponseCode o = code(K::Other, "NOPERM");
            QTest::newRow("no-unknown-code")
                << QByteArray("a5 NO [NOPERM] Permission denied\r\n")
                << Responses{TaggedResponse{"a5", Status::No, o, "Permission denied"}};
            ResponseCode b = code(K::Other, "BADCHARSET");
            b.text = "(US-ASCII)";
            QTest::newRow("bad-charset-with-arguments")
                << QByteArray("a6 NO [BADCHARSET (US-ASCII)] no\r\n")
                << Responses{TaggedResponse{"a6", Status::No, b, "no"}};
            QTest::newRow("closed-qresync")
                << QByteArray("* OK [CLOSED] Previous mailbox closed.\r\n")
                << Responses{StatusResponse{Status::Ok, code(K::Closed, "CLOSED"), "Previous mailbox closed."}};
            QTest::newRow("nomodseq")
                << QByteArray("* OK [NOMODSEQ] Sorry\r\n")
                << Responses{StatusResponse{Status::Ok, code(K::NoModSeq, "NOMODSEQ"), "Sorry"}};
        }
        {
            const QByteArray id = "* ID (\"name\" \"Dovecot\")\r\n";
            QTest::newRow("unknown-id-response-kept-raw") << id << Responses{UnknownData{id}};
            const QByteArray ns = "* NAMESPACE ((\"\" \"/\")) NIL NIL\r\n";
            QTest::newRow("unknown-namespace-kept-raw") << ns << Responses{UnknownData{ns}};
        }
        QTest::newRow("alert-8bit-text")
            << QByteArray("* OK [ALERT] Ihr Postfach ist zu \xc3\xbc" "berf\xc3\xbcllt\r\n")
            << Responses{StatusResponse{Status::Ok, code(K::Alert, "ALERT"), "Ihr Postfach ist zu \xc3\xbc" "berf\xc3\xbcllt"}};
    }

    void parse()
    {
        QFETCH(QByteArray, input);
        QFETCH(Responses, expected);
        for (const qsizetype chunk : {input.size(), qsizetype(1), qsizetype(2), qsizetype(3), qsizetype(7), qsizetype(64)}) {
            ParseError error;
            const Responses got = parseInChunks(input, qMax<qsizetype>(1, chunk), &error);
            QCOMPARE(error.message, QString());
            QCOMPARE(got.size(), expected.size());
            for (qsizetype i = 0; i < got.size(); ++i)
                QCOMPARE(got.at(i), expected.at(i));
        }
    }

    void garbage_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::newRow("empty-line") << QByteArray("\r\n");
        QTest::newRow("leading-space") << QByteArray(" a1 OK\r\n");
        QTest::newRow("tag-without-status") << QByteArray("a1\r\n");
        QTest::newRow("tag-bye-is-not-tagged") << QByteArray("a1 BYE no\r\n");
        QTest::newRow("http-response") << QByteArray("HTTP/1.1 400 Bad Request\r\n");
        QTest::newRow("star-without-space") << QByteArray("*OK hi\r\n");
        QTest::newRow("fetch-unterminated") << QByteArray("* 1 FETCH (UID 5\r\n");
        QTest::newRow("fetch-uid-not-number") << QByteArray("* 1 FETCH (UID abc)\r\n");
        QTest::newRow("fetch-uid-overflow") << QByteArray("* 1 FETCH (UID 99999999999)\r\n");
        QTest::newRow("fetch-trailing-garbage") << QByteArray("* 1 FETCH (UID 5) junk\r\n");
        QTest::newRow("fetch-unterminated-quote") << QByteArray("* 1 FETCH (BODY[] \"abc)\r\n");
        QTest::newRow("fetch-unterminated-section") << QByteArray("* 1 FETCH (BODY[HEADER \"x\")\r\n");
        // A section ends on its own line: a "]" inside the literal that follows does not close it.
        QTest::newRow("fetch-section-closed-only-in-a-literal") << QByteArray("* 1 FETCH (UID 1 BODY[HEADER {5}\r\n] NIL)\r\n");
        QTest::newRow("envelope-short") << QByteArray("* 1 FETCH (ENVELOPE (NIL NIL))\r\n");
        QTest::newRow("bodystructure-deep")
            << QByteArray(200, '(').prepend("* 1 FETCH (BODYSTRUCTURE ").append("\r\n");
        QTest::newRow("code-unterminated") << QByteArray("* OK [UIDVALIDITY 5 hi\r\n");
        QTest::newRow("uidvalidity-not-number") << QByteArray("* OK [UIDVALIDITY x] hi\r\n");
        QTest::newRow("vanished-bad-set") << QByteArray("* VANISHED 1:x\r\n");
        QTest::newRow("list-long-delimiter") << QByteArray("* LIST () \"//\" INBOX\r\n");
        QTest::newRow("search-letters") << QByteArray("* SEARCH 1 two\r\n");
        QTest::newRow("exists-trailing") << QByteArray("* 3 EXISTS now\r\n");
        QTest::newRow("literal-huge") << QByteArray("* 1 FETCH (BODY[] {99999999999999}\r\n");
        QTest::newRow("literal-not-at-line-end") << QByteArray("* 1 FETCH (BODY[] {3}x\r\nabc)\r\n");
        QTest::newRow("status-unterminated") << QByteArray("* STATUS x (MESSAGES 1\r\n");
        QTest::newRow("unknown-unbalanced") << QByteArray("* XFOO (a (b)\r\n");
    }

    void garbage()
    {
        QFETCH(QByteArray, input);
        for (const qsizetype chunk : {input.size(), qsizetype(1), qsizetype(5)}) {
            ParseError error;
            const Responses got = parseInChunks(input, chunk, &error);
            // QVERIFY2 evaluates its message even when the check passes, and QTest::toString
            // returns a new[]'d string only QTest's own failure path frees: build it only
            // on failure (the asan preset reports the leak otherwise).
            if (error.message.isEmpty()) {
                const std::unique_ptr<char[]> shown(QTest::toString(got.value(0)));
                QFAIL(qPrintable(QStringLiteral("no parse error; parsed: %1")
                                     .arg(QString::fromUtf8(shown.get()))));
            }
            QVERIFY(got.isEmpty());
        }
    }

    void errorStopsTheStream()
    {
        ResponseParser parser;
        parser.feed("garbage\r\n* 1 EXISTS\r\n");
        QVERIFY(!parser.next());
        QVERIFY(parser.hasError());
        QVERIFY(parser.error().message.contains(QStringLiteral("OK, NO or BAD")));
        QVERIFY(!parser.next());
        parser.reset();
        parser.feed("* 1 EXISTS\r\n");
        const auto r = parser.next();
        QVERIFY(r);
        QCOMPARE(*r, Response{ExistsData{1}});
    }

    void responseSizeIsBounded()
    {
        ResponseParser parser(1024);
        parser.feed(QByteArray(2000, 'a'));
        QVERIFY(!parser.next());
        QVERIFY(parser.hasError());
        ResponseParser literal(1024);
        literal.feed("* 1 FETCH (BODY[] {5000}\r\n");
        QVERIFY(!literal.next());
        QVERIFY(literal.hasError());
    }

    void waitsForLiteralBytes()
    {
        ResponseParser parser;
        parser.feed("* 1 FETCH (BODY[] {10}\r\n01234");
        QVERIFY(!parser.next());
        QVERIFY(!parser.hasError());
        parser.feed("56789)\r\na1 OK done\r\n");
        const auto fetch = parser.next();
        QVERIFY(fetch);
        QCOMPARE(std::get<FetchData>(*fetch).sections.value("BODY[]"), QByteArray("0123456789"));
        const auto tagged = parser.next();
        QVERIFY(tagged);
        QCOMPARE(std::get<TaggedResponse>(*tagged).tag, QByteArray("a1"));
        QCOMPARE(parser.bufferedBytes(), 0);
    }

    void feedingFromASourceFramesAsFeedDoes()
    {
        // feedFrom() (the session reads the socket into the parser's buffer): the same
        // responses, however the bytes are cut, with the buffer emptied and reused between
        // reads; after an error the bytes are read and dropped.
        const QByteArray stream = "* 1 FETCH (UID 7 BODY[] {10}\r\n0123456789)\r\n* 2 EXISTS\r\na1 OK done\r\n";
        for (const int cut : {1, 3, 7, 64}) {
            ResponseParser parser;
            QList<Response> responses;
            for (qsizetype from = 0; from < stream.size(); from += cut) {
                parser.feedFrom([&](QByteArray &buffer) { buffer.append(stream.mid(from, cut)); });
                while (const auto r = parser.next())
                    responses.append(*r);
            }
            QCOMPARE(responses.size(), 3);
            QCOMPARE(std::get<FetchData>(responses[0]).sections.value("BODY[]"), QByteArray("0123456789"));
            QCOMPARE(responses[1], Response{ExistsData{2}});
            QCOMPARE(std::get<TaggedResponse>(responses[2]).tag, QByteArray("a1"));
            QCOMPARE(parser.bufferedBytes(), 0);
        }
        ResponseParser broken;
        broken.feed("garbage\r\n");
        QVERIFY(!broken.next());
        const qsizetype kept = broken.bufferedBytes();
        bool read = false;
        broken.feedFrom([&](QByteArray &buffer) {
            read = true;
            buffer.append("* 1 EXISTS\r\n");
        });
        QVERIFY(read);
        QVERIFY(!broken.next());
        QCOMPARE(broken.bufferedBytes(), kept); // nothing added
    }

    void manyFetchesThroughput()
    {
        QByteArray input;
        const QByteArray header = "From: Alice <alice@example.test>\r\nSubject: hello\r\n\r\n";
        for (int i = 1; i <= 20000; ++i) {
            input += "* " + QByteArray::number(i) + " FETCH (UID " + QByteArray::number(i)
                + " FLAGS (\\Seen) RFC822.SIZE 450 BODY[HEADER.FIELDS (FROM SUBJECT)] {"
                + QByteArray::number(header.size()) + "}\r\n" + header + ")\r\n";
        }
        ResponseParser parser;
        quint32 lastUid = 0;
        int count = 0;
        for (qsizetype i = 0; i < input.size(); i += 16384) {
            parser.feed(QByteArrayView(input).sliced(i, qMin<qsizetype>(16384, input.size() - i)));
            while (auto r = parser.next()) {
                const auto &f = std::get<FetchData>(*r);
                QVERIFY(f.uid > lastUid);
                lastUid = f.uid;
                ++count;
            }
        }
        QCOMPARE(count, 20000);
        QCOMPARE(parser.bufferedBytes(), 0);
    }
};

QTEST_GUILESS_MAIN(ResponseParserTest)
#include "ResponseParserTest.moc"
