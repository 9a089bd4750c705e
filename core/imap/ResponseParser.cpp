// SPDX-License-Identifier: GPL-3.0-or-later
#include "imap/ResponseParser.h"

#include <QVarLengthArray>

#include <algorithm>
#include <cstring>

namespace Mailtrail::Imap {

namespace {

struct Failure
{
    const char *what;
    const char *where;
};

bool equalsCI(QByteArrayView a, const char *b)
{
    const qsizetype n = qsizetype(std::strlen(b));
    if (a.size() != n)
        return false;
    for (qsizetype i = 0; i < n; ++i) {
        char c = a[i];
        if (c >= 'a' && c <= 'z')
            c = char(c - 32);
        if (c != b[i])
            return false;
    }
    return true;
}

QByteArray lower(QByteArray s)
{
    return s.toLower();
}

/// The first ']', CR or LF at or after @p p (else @p end): where a section spec such as
/// "[HEADER.FIELDS (FROM TO …)]" ends, never past its line. Found with memchr: a first sync
/// names ~200 bytes of header fields in every response, and a loop over them byte by byte
/// was a twentieth of its parsing.
const char *sectionStop(const char *p, const char *end)
{
    const char *stop = static_cast<const char *>(std::memchr(p, ']', size_t(end - p)));
    if (!stop)
        stop = end;
    if (const void *cr = std::memchr(p, '\r', size_t(stop - p)))
        stop = static_cast<const char *>(cr);
    if (const void *lf = std::memchr(p, '\n', size_t(stop - p)))
        stop = static_cast<const char *>(lf);
    return stop;
}

/// Recursive-descent reader over one complete response (RFC 9051 §9). Lenient about
/// extra spaces, strict about structure. Throws Failure on malformed input.
class Reader
{
public:
    Reader(const char *begin, const char *end) : m_begin(begin), m_p(begin), m_end(end) {}

    [[noreturn]] void fail(const char *what) const { throw Failure{what, m_p}; }

    bool atEnd() const { return m_p >= m_end; }
    char peek() const { return m_p < m_end ? *m_p : '\0'; }
    const char *position() const { return m_p; }
    const char *begin() const { return m_begin; }

    void skipSpaces()
    {
        while (m_p < m_end && *m_p == ' ')
            ++m_p;
    }

    void expect(char c, const char *what)
    {
        skipSpaces();
        if (m_p >= m_end || *m_p != c)
            fail(what);
        ++m_p;
    }

    bool accept(char c)
    {
        skipSpaces();
        if (m_p < m_end && *m_p == c) {
            ++m_p;
            return true;
        }
        return false;
    }

    bool atLineEnd()
    {
        skipSpaces();
        return m_p >= m_end || *m_p == '\r' || *m_p == '\n';
    }

    void expectLineEnd()
    {
        skipSpaces();
        if (m_p < m_end && *m_p == '\r')
            ++m_p;
        if (m_p < m_end && *m_p == '\n')
            ++m_p;
        if (m_p != m_end)
            fail("expected end of response");
    }

    /// Rest of the line (resp-text / continuation text), without CRLF.
    QByteArray restOfLine()
    {
        const char *start = m_p;
        while (m_p < m_end && *m_p != '\r' && *m_p != '\n')
            ++m_p;
        QByteArray text(start, m_p - start);
        expectLineEnd();
        return text;
    }

    static bool isAtomChar(char c, bool allowBracket)
    {
        switch (c) {
        case ' ': case '(': case ')': case '{': case '"': case '\r': case '\n': case '\0':
            return false;
        case ']':
            return allowBracket;
        default:
            return quint8(c) >= 0x20 && c != 0x7f;
        }
    }

    /// atom / flag / tag; `]` allowed unless inside a response code.
    QByteArrayView atom(bool allowBracket = true, const char *what = "expected an atom")
    {
        skipSpaces();
        const char *start = m_p;
        while (m_p < m_end && isAtomChar(*m_p, allowBracket))
            ++m_p;
        if (m_p == start)
            fail(what);
        return QByteArrayView(start, m_p - start);
    }

    quint64 number(const char *what = "expected a number")
    {
        skipSpaces();
        const char *start = m_p;
        quint64 value = 0;
        while (m_p < m_end && *m_p >= '0' && *m_p <= '9') {
            const quint64 next = value * 10 + quint64(*m_p - '0');
            if (next < value)
                fail("number out of range");
            value = next;
            ++m_p;
        }
        if (m_p == start)
            fail(what);
        return value;
    }

    quint32 number32(const char *what = "expected a number")
    {
        const quint64 v = number(what);
        if (v > 0xFFFFFFFFull)
            fail("number out of range");
        return quint32(v);
    }

    bool isNil()
    {
        skipSpaces();
        if (m_end - m_p >= 3 && equalsCI(QByteArrayView(m_p, 3), "NIL")
            && (m_end - m_p == 3 || !isAtomChar(m_p[3], true))) {
            m_p += 3;
            return true;
        }
        return false;
    }

    QByteArray quoted()
    {
        // caller saw '"'
        ++m_p;
        const char *start = m_p;
        while (m_p < m_end && *m_p != '"' && *m_p != '\\' && *m_p != '\r' && *m_p != '\n')
            ++m_p;
        if (m_p < m_end && *m_p == '"') {
            QByteArray out(start, m_p - start);
            ++m_p;
            return out;
        }
        QByteArray out(start, m_p - start);
        while (m_p < m_end) {
            const char c = *m_p;
            if (c == '"') {
                ++m_p;
                return out;
            }
            if (c == '\r' || c == '\n')
                fail("unterminated quoted string");
            if (c == '\\') {
                ++m_p;
                if (m_p >= m_end)
                    fail("unterminated quoted string");
            }
            out += *m_p;
            ++m_p;
        }
        fail("unterminated quoted string");
    }

    QByteArray literal()
    {
        // at '{' or '~{'
        if (*m_p == '~')
            ++m_p;
        ++m_p;
        const quint64 length = number("expected a literal length");
        if (m_p < m_end && *m_p == '+')
            ++m_p;
        if (m_p >= m_end || *m_p != '}')
            fail("malformed literal announcement");
        ++m_p;
        if (m_p < m_end && *m_p == '\r')
            ++m_p;
        if (m_p >= m_end || *m_p != '\n')
            fail("literal announcement not followed by CRLF");
        ++m_p;
        if (quint64(m_end - m_p) < length)
            fail("literal longer than the response");
        QByteArray out(m_p, qsizetype(length));
        m_p += length;
        return out;
    }

    bool atString()
    {
        skipSpaces();
        const char c = peek();
        return c == '"' || c == '{' || (c == '~' && m_end - m_p > 1 && m_p[1] == '{');
    }

    QByteArray string()
    {
        skipSpaces();
        const char c = peek();
        if (c == '"')
            return quoted();
        if (c == '{' || (c == '~' && m_end - m_p > 1 && m_p[1] == '{'))
            return literal();
        fail("expected a string");
    }

    QByteArray nstring()
    {
        if (isNil())
            return {};
        return string();
    }

    QByteArray astring()
    {
        if (atString())
            return string();
        return atom(true, "expected an astring").toByteArray();
    }

    /// A string, NIL or (quirk) a bare number where a string belongs.
    QByteArray nstringLenient()
    {
        if (isNil())
            return {};
        if (atString())
            return string();
        return atom(false, "expected a string").toByteArray();
    }

    SequenceSet sequenceSet()
    {
        skipSpaces();
        const char *start = m_p;
        while (m_p < m_end && ((*m_p >= '0' && *m_p <= '9') || *m_p == ':' || *m_p == ',' || *m_p == '*'))
            ++m_p;
        auto set = SequenceSet::parse(QByteArrayView(start, m_p - start));
        if (!set)
            fail("malformed sequence set");
        return *set;
    }

    QByteArrayList flagList()
    {
        expect('(', "expected '(' of a flag list");
        QVarLengthArray<QByteArrayView, 8> names;
        while (!accept(')')) {
            if (atEnd())
                fail("unterminated flag list");
            names.append(atom(false, "expected a flag"));
        }
        // A big FETCH repeats the same few flag lists: hand out the previous list (shared,
        // not copied) when it is the same instead of allocating every flag again.
        thread_local QByteArrayList last;
        if (names.size() == last.size() && std::equal(names.cbegin(), names.cend(), last.cbegin()))
            return last;
        QByteArrayList flags;
        flags.reserve(names.size());
        for (const QByteArrayView name : names)
            flags.append(name.toByteArray());
        last = flags;
        return flags;
    }

    /// Skips any value: atom, number, string, NIL or parenthesised list.
    void skipValue(int depth = 0)
    {
        if (depth > 100)
            fail("nesting too deep");
        skipSpaces();
        const char c = peek();
        if (c == '(') {
            ++m_p;
            while (!accept(')')) {
                if (atEnd() || peek() == '\r' || peek() == '\n')
                    fail("unterminated list");
                skipValue(depth + 1);
            }
            return;
        }
        if (atString()) {
            (void)string();
            return;
        }
        if (c == '[') { // e.g. section-like atoms of extensions
            m_p = sectionStop(m_p, m_end);
            if (m_p < m_end && *m_p == ']')
                ++m_p;
            return;
        }
        (void)atom(false, "expected a value");
    }

    QList<std::pair<QByteArray, QByteArray>> parameterList()
    {
        QList<std::pair<QByteArray, QByteArray>> params;
        if (isNil())
            return params;
        expect('(', "expected '(' of a parameter list");
        while (!accept(')')) {
            if (atEnd())
                fail("unterminated parameter list");
            QByteArray name = lower(nstringLenient());
            QByteArray value = nstringLenient();
            params.append({std::move(name), std::move(value)});
        }
        return params;
    }

    QList<Address> addressList()
    {
        QList<Address> list;
        if (isNil())
            return list;
        expect('(', "expected '(' of an address list");
        while (!accept(')')) {
            expect('(', "expected '(' of an address");
            Address a;
            a.name = nstring();
            a.adl = nstring();
            a.mailbox = nstring();
            a.host = nstring();
            expect(')', "expected ')' after an address");
            list.append(std::move(a));
        }
        return list;
    }

    Envelope envelope()
    {
        expect('(', "expected '(' of an ENVELOPE");
        Envelope e;
        e.date = nstring();
        e.subject = nstring();
        e.from = addressList();
        e.sender = addressList();
        e.replyTo = addressList();
        e.to = addressList();
        e.cc = addressList();
        e.bcc = addressList();
        e.inReplyTo = nstring();
        e.messageId = nstring();
        expect(')', "expected ')' after an ENVELOPE");
        return e;
    }

    void disposition(BodyStructure &b)
    {
        if (isNil())
            return;
        expect('(', "expected '(' of a disposition");
        b.disposition = lower(nstringLenient());
        b.dispositionParameters = parameterList();
        expect(')', "expected ')' after a disposition");
    }

    void skipRestOfList(int depth)
    {
        while (!accept(')')) {
            if (atEnd() || peek() == '\r' || peek() == '\n')
                fail("unterminated body structure");
            skipValue(depth + 1);
        }
    }

    BodyStructure body(int depth = 0)
    {
        if (depth > 50)
            fail("body structure nested too deep");
        expect('(', "expected '(' of a body structure");
        BodyStructure b;
        skipSpaces();
        if (peek() == '(') {
            b.type = "multipart";
            while (true) {
                skipSpaces();
                if (peek() != '(')
                    break;
                b.parts.append(body(depth + 1));
            }
            b.subtype = lower(nstringLenient());
            if (accept(')'))
                return b;
            b.parameters = parameterList();
            if (accept(')'))
                return b;
            disposition(b);
            skipRestOfList(depth);
            return b;
        }
        b.type = lower(nstringLenient());
        b.subtype = lower(nstringLenient());
        b.parameters = parameterList();
        b.id = nstring();
        b.description = nstring();
        b.encoding = nstringLenient();
        skipSpaces();
        if (peek() == '"') {
            const QByteArray size = quoted(); // quirk: quoted size
            b.size = size.toUInt();
        } else if (isNil()) {
            b.size = 0;
        } else {
            b.size = number32("expected a body size");
        }
        if (b.type == "message" && (b.subtype == "rfc822" || b.subtype == "global")) {
            skipSpaces();
            if (peek() == '(') {
                b.envelope = envelope();
                skipSpaces();
                if (peek() == '(')
                    b.parts.append(body(depth + 1));
                skipSpaces();
                if (peek() >= '0' && peek() <= '9')
                    b.lines = number32();
            }
        } else if (b.type == "text") {
            skipSpaces();
            if (peek() >= '0' && peek() <= '9')
                b.lines = number32();
        }
        if (accept(')'))
            return b;
        skipValue(depth + 1); // md5
        if (accept(')'))
            return b;
        disposition(b);
        skipRestOfList(depth);
        return b;
    }

    /// fetch item name such as `BODY[HEADER.FIELDS (FROM)]<0>`; the origin is dropped.
    QByteArrayView fetchItemName(qsizetype &sectionStart)
    {
        skipSpaces();
        const char *start = m_p;
        sectionStart = -1;
        while (m_p < m_end) {
            const char c = *m_p;
            if (c == '[') {
                sectionStart = m_p - start;
                m_p = sectionStop(m_p, m_end);
                if (m_p >= m_end || *m_p != ']')
                    fail("unterminated section");
                ++m_p;
                const char *nameEnd = m_p;
                if (m_p < m_end && *m_p == '<') {
                    while (m_p < m_end && *m_p != '>' && *m_p != ' ')
                        ++m_p;
                    if (m_p >= m_end || *m_p != '>')
                        fail("unterminated origin");
                    ++m_p;
                }
                return QByteArrayView(start, nameEnd - start);
            }
            if (c == ' ' || c == '(' || c == ')' || c == '\r' || c == '\n' || c == '"' || c == '{')
                break;
            ++m_p;
        }
        if (m_p == start)
            fail("expected a fetch item");
        return QByteArrayView(start, m_p - start);
    }

    FetchData fetch(quint32 sequence)
    {
        FetchData f;
        f.sequence = sequence;
        expect('(', "expected '(' after FETCH");
        while (!accept(')')) {
            if (atEnd() || peek() == '\r' || peek() == '\n')
                fail("unterminated FETCH");
            qsizetype sectionStart = -1;
            const QByteArrayView name = fetchItemName(sectionStart);
            if (sectionStart >= 0) {
                // The same section name repeats in every response of a big FETCH: keep one
                // shared key instead of allocating it each time.
                thread_local QByteArray lastRaw;
                thread_local QByteArray lastKey;
                if (name != QByteArrayView(lastRaw)) {
                    lastRaw = name.toByteArray();
                    lastKey = lastRaw.toUpper();
                }
                f.sections.insert(lastKey, nstring());
            } else if (equalsCI(name, "UID")) {
                f.uid = number32();
            } else if (equalsCI(name, "FLAGS")) {
                f.flags = flagList();
                f.hasFlags = true;
            } else if (equalsCI(name, "RFC822.SIZE")) {
                f.size = number32();
            } else if (equalsCI(name, "INTERNALDATE")) {
                f.internalDate = nstring();
            } else if (equalsCI(name, "MODSEQ")) {
                expect('(', "expected '(' after MODSEQ");
                f.modseq = number();
                expect(')', "expected ')' after MODSEQ value");
            } else if (equalsCI(name, "ENVELOPE")) {
                f.envelope = envelope();
            } else if (equalsCI(name, "BODYSTRUCTURE") || equalsCI(name, "BODY")) {
                f.bodyStructure = body();
            } else if (equalsCI(name, "RFC822") || equalsCI(name, "RFC822.HEADER")
                       || equalsCI(name, "RFC822.TEXT")) {
                f.sections.insert(name.toByteArray().toUpper(), nstring());
            } else {
                skipValue(); // EMAILID, THREADID, X-GM-*, … (RFC 8474 and friends)
            }
        }
        return f;
    }

    ResponseCode responseCode()
    {
        // at '['
        ++m_p;
        ResponseCode code;
        const QByteArrayView name = atom(false, "expected a response code");
        code.name = name.toByteArray().toUpper();
        using K = ResponseCode::Kind;
        if (code.name == "ALERT") {
            code.kind = K::Alert;
        } else if (code.name == "CAPABILITY") {
            code.kind = K::Capability;
            while (!atEnd() && peek() != ']' && peek() != '\r' && peek() != '\n') {
                code.list.append(atom(false).toByteArray().toUpper());
                skipSpaces();
            }
        } else if (code.name == "UIDVALIDITY") {
            code.kind = K::UidValidity;
            code.number = number32();
        } else if (code.name == "UIDNEXT") {
            code.kind = K::UidNext;
            code.number = number32();
        } else if (code.name == "HIGHESTMODSEQ") {
            code.kind = K::HighestModSeq;
            code.number = number();
        } else if (code.name == "NOMODSEQ") {
            code.kind = K::NoModSeq;
        } else if (code.name == "PERMANENTFLAGS") {
            code.kind = K::PermanentFlags;
            code.list = flagList();
        } else if (code.name == "APPENDUID") {
            code.kind = K::AppendUid;
            code.number = number32();
            code.destination = sequenceSet();
        } else if (code.name == "COPYUID") {
            code.kind = K::CopyUid;
            code.number = number32();
            code.source = sequenceSet();
            code.destination = sequenceSet();
        } else if (code.name == "MODIFIED") {
            code.kind = K::Modified;
            code.source = sequenceSet();
        } else if (code.name == "READ-ONLY") {
            code.kind = K::ReadOnly;
        } else if (code.name == "READ-WRITE") {
            code.kind = K::ReadWrite;
        } else if (code.name == "TRYCREATE") {
            code.kind = K::TryCreate;
        } else if (code.name == "CLOSED") {
            code.kind = K::Closed;
        } else {
            code.kind = K::Other;
            skipSpaces();
            const char *start = m_p;
            while (m_p < m_end && *m_p != ']' && *m_p != '\r' && *m_p != '\n')
                ++m_p;
            code.text = QByteArray(start, m_p - start);
        }
        expect(']', "expected ']' after a response code");
        return code;
    }

    /// `resp-text` (RFC 9051 §7.1): optional code, then text to the end of the line.
    void respText(ResponseCode &code, QByteArray &text)
    {
        skipSpaces();
        if (peek() == '[')
            code = responseCode();
        skipSpaces();
        text = restOfLine();
    }

private:
    const char *m_begin;
    const char *m_p;
    const char *m_end;
};

std::optional<Status> statusFromAtom(QByteArrayView a)
{
    if (equalsCI(a, "OK"))
        return Status::Ok;
    if (equalsCI(a, "NO"))
        return Status::No;
    if (equalsCI(a, "BAD"))
        return Status::Bad;
    if (equalsCI(a, "BYE"))
        return Status::Bye;
    if (equalsCI(a, "PREAUTH"))
        return Status::Preauth;
    return std::nullopt;
}

Response parseUntagged(Reader &r, QByteArrayView whole)
{
    r.skipSpaces();
    if (r.peek() >= '0' && r.peek() <= '9') {
        const quint32 n = r.number32();
        const QByteArrayView name = r.atom(false, "expected a message data keyword");
        if (equalsCI(name, "FETCH")) {
            FetchData f = r.fetch(n);
            r.expectLineEnd();
            return f;
        }
        if (equalsCI(name, "EXISTS")) {
            r.expectLineEnd();
            return ExistsData{n};
        }
        if (equalsCI(name, "RECENT")) {
            r.expectLineEnd();
            return RecentData{n};
        }
        if (equalsCI(name, "EXPUNGE")) {
            r.expectLineEnd();
            return ExpungeData{n};
        }
        (void)r.restOfLine();
        return UnknownData{whole.toByteArray()};
    }
    const QByteArrayView name = r.atom(false, "expected an untagged response keyword");
    if (const auto status = statusFromAtom(name)) {
        StatusResponse s;
        s.status = *status;
        r.respText(s.code, s.text);
        return s;
    }
    if (equalsCI(name, "CAPABILITY") || equalsCI(name, "ENABLED")) {
        QByteArrayList caps;
        while (!r.atLineEnd())
            caps.append(r.atom(true).toByteArray().toUpper());
        r.expectLineEnd();
        if (equalsCI(name, "ENABLED"))
            return EnabledData{caps};
        return CapabilityData{caps};
    }
    if (equalsCI(name, "FLAGS")) {
        FlagsData f{r.flagList()};
        r.expectLineEnd();
        return f;
    }
    if (equalsCI(name, "LIST") || equalsCI(name, "LSUB")) {
        ListData l;
        l.lsub = equalsCI(name, "LSUB");
        l.attributes = r.flagList();
        if (!r.isNil()) {
            const QByteArray delimiter = r.string();
            if (delimiter.size() != 1)
                r.fail("expected a one-character hierarchy delimiter");
            l.delimiter = delimiter[0];
        }
        l.name = r.astring();
        if (!r.atLineEnd())
            r.skipValue(); // mbox-list-extended (RFC 5258)
        r.expectLineEnd();
        return l;
    }
    if (equalsCI(name, "SEARCH")) {
        SearchData s;
        while (!r.atLineEnd()) {
            if (r.accept('(')) {
                const QByteArrayView key = r.atom(false);
                if (!equalsCI(key, "MODSEQ"))
                    r.fail("expected MODSEQ in SEARCH");
                s.modseq = r.number();
                r.expect(')', "expected ')' after MODSEQ");
                continue;
            }
            s.numbers.append(r.number32());
        }
        r.expectLineEnd();
        return s;
    }
    if (equalsCI(name, "ESEARCH")) {
        ESearchData e;
        if (r.accept('(')) {
            const QByteArrayView key = r.atom(false);
            if (!equalsCI(key, "TAG"))
                r.fail("expected TAG in ESEARCH correlator");
            e.tag = r.string();
            r.expect(')', "expected ')' after ESEARCH correlator");
        }
        while (!r.atLineEnd()) {
            const QByteArrayView key = r.atom(false);
            if (equalsCI(key, "UID"))
                e.uid = true;
            else if (equalsCI(key, "MIN"))
                e.min = r.number32();
            else if (equalsCI(key, "MAX"))
                e.max = r.number32();
            else if (equalsCI(key, "COUNT"))
                e.count = r.number32();
            else if (equalsCI(key, "ALL"))
                e.all = r.sequenceSet();
            else if (equalsCI(key, "MODSEQ"))
                e.modseq = r.number();
            else
                r.skipValue();
        }
        r.expectLineEnd();
        return e;
    }
    if (equalsCI(name, "STATUS")) {
        MailboxStatusData s;
        s.mailbox = r.astring();
        r.expect('(', "expected '(' of STATUS items");
        while (!r.accept(')')) {
            if (r.atLineEnd())
                r.fail("unterminated STATUS items");
            const QByteArray key = r.atom(false).toByteArray().toUpper();
            s.items.insert(key, r.number());
        }
        r.expectLineEnd();
        return s;
    }
    if (equalsCI(name, "VANISHED")) {
        VanishedData v;
        if (r.accept('(')) {
            const QByteArrayView key = r.atom(false);
            if (!equalsCI(key, "EARLIER"))
                r.fail("expected EARLIER in VANISHED");
            r.expect(')', "expected ')' after EARLIER");
            v.earlier = true;
        }
        v.uids = r.sequenceSet();
        r.expectLineEnd();
        return v;
    }
    // Unknown extension (ID, NAMESPACE, QUOTA, METADATA, …): must still be well framed.
    while (!r.atLineEnd())
        r.skipValue();
    r.expectLineEnd();
    return UnknownData{whole.toByteArray()};
}

} // namespace

std::variant<Response, ParseError> parseResponse(QByteArrayView bytes)
{
    Reader r(bytes.data(), bytes.data() + bytes.size());
    try {
        if (bytes.isEmpty())
            r.fail("empty response");
        const char first = r.peek();
        if (first == '+') {
            (void)r.accept('+');
            r.skipSpaces();
            return Response{ContinuationRequest{r.restOfLine()}};
        }
        if (first == '*') {
            (void)r.accept('*');
            if (r.peek() != ' ')
                r.fail("expected a space after '*'");
            return parseUntagged(r, bytes);
        }
        if (first == ' ' || first == '\r' || first == '\n')
            r.fail("expected a tag, '*' or '+'");
        TaggedResponse t;
        t.tag = r.atom(false, "expected a tag").toByteArray();
        const QByteArrayView status = r.atom(false, "expected OK, NO or BAD");
        const auto s = statusFromAtom(status);
        if (!s || *s == Status::Bye || *s == Status::Preauth)
            r.fail("expected OK, NO or BAD after the tag");
        t.status = *s;
        r.respText(t.code, t.text);
        return Response{std::move(t)};
    } catch (const Failure &failure) {
        ParseError error;
        error.message = QString::fromLatin1(failure.what);
        error.offset = failure.where - bytes.data();
        const qsizetype from = qMax<qsizetype>(0, error.offset - 40);
        error.excerpt = bytes.sliced(from, qMin<qsizetype>(80, bytes.size() - from)).toByteArray();
        return error;
    }
}

ResponseParser::ResponseParser(qsizetype maxResponseSize) : m_maxResponseSize(maxResponseSize) {}

void ResponseParser::feed(QByteArrayView data)
{
    if (m_error)
        return;
    m_buffer.append(data);
}

void ResponseParser::reset()
{
    m_buffer.clear();
    m_start = 0;
    m_scan = 0;
    m_error.reset();
}

namespace {
constexpr qsizetype kKeptCapacity = qsizetype(4) * 1024 * 1024;
}

void ResponseParser::compact()
{
    if (m_start == m_buffer.size()) {
        // Emptied: keeps its capacity (and its pages) for the next read, unless a big
        // literal (a large message body) grew it; a long-lived session then gives it back.
        if (m_buffer.capacity() > kKeptCapacity)
            m_buffer.clear();
        else
            m_buffer.resize(0);
        m_scan -= m_start;
        m_start = 0;
    } else if (m_start > 65536 && m_start > m_buffer.size() / 2) {
        m_buffer.remove(0, m_start);
        m_scan -= m_start;
        m_start = 0;
    }
}

std::optional<Response> ResponseParser::next()
{
    while (!m_error) {
        if (m_scan > m_buffer.size())
            return std::nullopt; // inside a literal
        const qsizetype nl = m_buffer.indexOf('\n', m_scan);
        if (nl < 0) {
            m_scan = m_buffer.size();
            if (m_buffer.size() - m_start > m_maxResponseSize)
                m_error = ParseError{QStringLiteral("response too long"), m_buffer.size() - m_start, {}};
            return std::nullopt;
        }
        // A literal announcement at the end of the line? (RFC 9051 §4.3)
        qsizetype e = nl;
        if (e > m_start && m_buffer[e - 1] == '\r')
            --e;
        if (e > m_start && m_buffer[e - 1] == '}') {
            qsizetype q = e - 2;
            if (q >= m_start && m_buffer[q] == '+')
                --q;
            const qsizetype digitsEnd = q + 1;
            while (q >= m_start && m_buffer[q] >= '0' && m_buffer[q] <= '9' && digitsEnd - q <= 19)
                --q;
            if (q >= m_start && m_buffer[q] == '{' && q + 1 < digitsEnd) {
                bool ok = false;
                const quint64 length =
                    QByteArrayView(m_buffer.constData() + q + 1, digitsEnd - q - 1).toULongLong(&ok);
                if (!ok || length > quint64(m_maxResponseSize)
                    || nl + 1 - m_start + qsizetype(length) > m_maxResponseSize) {
                    m_error = ParseError{QStringLiteral("literal too long"), q - m_start,
                                         m_buffer.mid(q, digitsEnd - q + 1)};
                    return std::nullopt;
                }
                m_scan = nl + 1 + qsizetype(length);
                continue;
            }
        }
        const QByteArrayView bytes(m_buffer.constData() + m_start, nl + 1 - m_start);
        auto parsed = parseResponse(bytes);
        m_start = nl + 1;
        m_scan = m_start;
        if (auto *error = std::get_if<ParseError>(&parsed)) {
            m_error = std::move(*error);
            return std::nullopt;
        }
        Response response = std::move(std::get<Response>(parsed));
        compact();
        return response;
    }
    return std::nullopt;
}

} // namespace Mailtrail::Imap
