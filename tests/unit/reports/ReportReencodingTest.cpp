// SPDX-License-Identifier: GPL-3.0-or-later
// Issue #15 §4: reports that reach the client re-encoded or forwarded parse to the same result
// as the original. Every mail of the training corpus (tests/data/reports/dsn-train) is
// rewritten here, by a small MIME rewriter of the test's own, in each way mail systems and
// people do it: every part quoted-printable, every part base64 (the returned message/rfc822
// too), the human-readable part converted to ISO-2022-JP / Shift_JIS, the whole mail
// forwarded by a person as a message/rfc822 attachment (plain and base64) and by a mailing
// list; parseDeliveryReport() must give what it gives for the original, and the header-only
// pre-check must still let the forwarded ones through. Damaged input (truncated or invalid
// base64, a wrong charset label, a wrong transfer-encoding label) gives a partial result with
// DeliveryReport::DamagedEncoding, or the same result, and never a crash or silence.

#include "TestPaths.h"
#include "reports/ReportParser.h"
#include "reports/ReportPreCheck.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QStringEncoder>
#include <QTest>

using namespace Mailtrail;
using namespace Mailtrail::Reports;

namespace {

// --- a minimal MIME rewriter (independent of core/reports) -------------------------------

QByteArray eolOf(const QByteArray &mail)
{
    return mail.contains("\r\n") ? QByteArray("\r\n") : QByteArray("\n");
}

struct Entity
{
    QByteArray head; ///< header section including its line ends, without the empty line
    QByteArray separator; ///< the empty line ("\n" / "\r\n"); empty when there is no body
    QByteArray body;
};

Entity splitEntity(const QByteArray &entity)
{
    Entity e;
    qsizetype pos = 0;
    while (pos < entity.size()) {
        qsizetype nl = entity.indexOf('\n', pos);
        if (nl < 0)
            break;
        const QByteArray line = entity.mid(pos, nl + 1 - pos);
        if (line == "\n" || line == "\r\n") {
            e.head = entity.left(pos);
            e.separator = line;
            e.body = entity.mid(nl + 1);
            return e;
        }
        pos = nl + 1;
    }
    e.head = entity;
    return e;
}

/// The unfolded value of the first field called @p name; empty if none.
QByteArray headerValue(const QByteArray &head, const QByteArray &name)
{
    const QList<QByteArray> lines = head.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray line = lines[i];
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || line.left(colon).trimmed().toLower() != name.toLower())
            continue;
        QByteArray value = line.mid(colon + 1).trimmed();
        for (qsizetype j = i + 1; j < lines.size() && !lines[j].isEmpty() && (lines[j][0] == ' ' || lines[j][0] == '\t');
             ++j)
            value += ' ' + lines[j].trimmed();
        return value;
    }
    return {};
}

/// The header section without the field @p name (with its continuation lines).
QByteArray withoutField(const QByteArray &head, const QByteArray &name)
{
    QByteArray out;
    bool skipping = false;
    qsizetype pos = 0;
    while (pos < head.size()) {
        qsizetype nl = head.indexOf('\n', pos);
        const qsizetype next = nl < 0 ? head.size() : nl + 1;
        const QByteArray line = head.mid(pos, next - pos);
        if (skipping && (line.startsWith(' ') || line.startsWith('\t'))) {
            pos = next;
            continue;
        }
        skipping = false;
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == name.toLower()) {
            skipping = true;
            pos = next;
            continue;
        }
        out += line;
        pos = next;
    }
    return out;
}

QByteArray setField(const QByteArray &head, const QByteArray &name, const QByteArray &value, const QByteArray &eol)
{
    QByteArray out = withoutField(head, name);
    if (!out.isEmpty() && !out.endsWith('\n'))
        out += eol;
    return out + name + ": " + value + eol;
}

QByteArray mediaType(const QByteArray &head)
{
    QByteArray v = headerValue(head, "Content-Type").toLower();
    const qsizetype semi = v.indexOf(';');
    v = (semi < 0 ? v : v.left(semi)).trimmed();
    return v.isEmpty() ? QByteArray("text/plain") : v;
}

QByteArray parameterOf(const QByteArray &head, const QByteArray &name)
{
    const QString value = QString::fromLatin1(headerValue(head, "Content-Type"));
    const QRegularExpression re(QStringLiteral("(?:^|;)\\s*%1\\s*=\\s*(\"([^\"]*)\"|[^;\\s]+)")
                                    .arg(QString::fromLatin1(name)),
                                QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = re.match(value);
    if (!m.hasMatch())
        return {};
    return (m.capturedLength(2) > 0 || m.captured(1).startsWith(QLatin1Char('"')) ? m.captured(2) : m.captured(1)).toLatin1();
}

QByteArray qpDecode(const QByteArray &in)
{
    QByteArray out;
    for (qsizetype i = 0; i < in.size(); ++i) {
        if (in[i] != '=') {
            out += in[i];
        } else if (i + 1 < in.size() && in[i + 1] == '\n') {
            i += 1;
        } else if (i + 2 < in.size() && in[i + 1] == '\r' && in[i + 2] == '\n') {
            i += 2;
        } else if (i + 2 < in.size() && isxdigit(uchar(in[i + 1])) && isxdigit(uchar(in[i + 2]))) {
            out += char(QByteArray::fromHex(in.mid(i + 1, 2)).at(0));
            i += 2;
        } else {
            out += in[i];
        }
    }
    return out;
}

QByteArray contentDecode(const QByteArray &body, const QByteArray &encoding)
{
    const QByteArray e = encoding.trimmed().toLower();
    if (e == "base64")
        return QByteArray::fromBase64(body);
    if (e == "quoted-printable")
        return qpDecode(body);
    return body;
}

/// RFC 2045 §6.7 quoted-printable; line ends stay line ends.
QByteArray qpEncode(const QByteArray &in, const QByteArray &eol)
{
    QByteArray out;
    int column = 0;
    auto put = [&](const QByteArray &token) {
        if (column + token.size() > 75) {
            out += "=" + eol;
            column = 0;
        }
        out += token;
        column += int(token.size());
    };
    for (qsizetype i = 0; i < in.size(); ++i) {
        const uchar c = uchar(in[i]);
        if (c == '\n' || (c == '\r' && i + 1 < in.size() && in[i + 1] == '\n')) {
            if (c == '\r')
                ++i;
            // Trailing white space before a line end must be encoded.
            if (out.endsWith(' ') || out.endsWith('\t')) {
                const char last = out.back();
                out.chop(1);
                out += last == ' ' ? "=20" : "=09";
            }
            out += eol;
            column = 0;
        } else if (c == '=' || c < 32 || c > 126) {
            put("=" + QByteArray::number(c, 16).toUpper().rightJustified(2, '0'));
        } else {
            put(QByteArray(1, char(c)));
        }
    }
    return out;
}

QByteArray base64Encode(const QByteArray &in, const QByteArray &eol)
{
    const QByteArray b64 = in.toBase64();
    QByteArray out;
    for (qsizetype i = 0; i < b64.size(); i += 76)
        out += b64.mid(i, 76) + eol;
    return out;
}

enum class Encoding { QuotedPrintable, Base64 };

/// Rewrites every leaf part (and, for base64, every message/rfc822 part as a whole) with
/// @p encoding. Multipart structure, preambles and delimiters stay as they are.
QByteArray reencode(const QByteArray &entity, Encoding encoding, const QByteArray &eol, bool top)
{
    Entity e = splitEntity(entity);
    const QByteArray type = mediaType(e.head);
    const QByteArray cte = headerValue(e.head, "Content-Transfer-Encoding");
    if (type.startsWith("multipart/")) {
        const QByteArray boundary = parameterOf(e.head, "boundary");
        if (boundary.isEmpty() || (!cte.isEmpty() && cte.toLower() != "7bit" && cte.toLower() != "8bit"))
            return entity;
        const QByteArray delimiter = "--" + boundary;
        // Split the body at delimiter lines, keeping them.
        QByteArray out;
        qsizetype pos = 0;
        qsizetype partStart = -1;
        bool closed = false;
        while (pos <= e.body.size()) {
            const qsizetype hit = e.body.indexOf(delimiter, pos);
            if (hit < 0 || closed)
                break;
            if (hit > 0 && e.body[hit - 1] != '\n') {
                pos = hit + 1;
                continue;
            }
            if (partStart < 0) {
                out += e.body.left(hit); // preamble
            } else {
                qsizetype end = hit;
                QByteArray lineEnd;
                if (end > partStart && e.body[end - 1] == '\n') {
                    --end;
                    lineEnd = "\n";
                    if (end > partStart && e.body[end - 1] == '\r') {
                        --end;
                        lineEnd = "\r\n";
                    }
                }
                QByteArray part = reencode(e.body.mid(partStart, end - partStart), encoding, eol, false);
                if (!part.endsWith('\n') && lineEnd.isEmpty())
                    lineEnd = eol;
                out += part + lineEnd;
            }
            const qsizetype nl = e.body.indexOf('\n', hit);
            const qsizetype lineEnd = nl < 0 ? e.body.size() : nl + 1;
            out += e.body.mid(hit, lineEnd - hit);
            closed = e.body.mid(hit + delimiter.size(), 2) == "--";
            partStart = lineEnd;
            pos = lineEnd;
        }
        if (partStart < 0)
            return entity;
        if (closed)
            out += e.body.mid(partStart); // epilogue
        else if (partStart < e.body.size())
            out += reencode(e.body.mid(partStart), encoding, eol, false);
        return e.head + e.separator + out;
    }
    const bool message = type == "message/rfc822" || type == "message/global";
    if (message && encoding != Encoding::Base64)
        return entity;
    if (e.separator.isEmpty())
        return entity;
    const QByteArray raw = contentDecode(e.body, cte);
    QByteArray head = e.head;
    if (top && headerValue(head, "MIME-Version").isEmpty())
        head = setField(head, "MIME-Version", "1.0", eol);
    if (encoding == Encoding::Base64)
        return setField(head, "Content-Transfer-Encoding", "base64", eol) + e.separator + base64Encode(raw, eol);
    return setField(head, "Content-Transfer-Encoding", "quoted-printable", eol) + e.separator + qpEncode(raw, eol);
}

/// The first text/plain part outside any message/rfc822: [offset, length) of the whole
/// entity in @p mail, or {-1, 0}.
struct Span
{
    qsizetype offset = -1;
    qsizetype length = 0;
};

Span humanPart(const QByteArray &mail, qsizetype base, const QByteArray &entity)
{
    const Entity e = splitEntity(entity);
    const QByteArray type = mediaType(e.head);
    if (type == "text/plain")
        return {base, entity.size()};
    if (!type.startsWith("multipart/"))
        return {};
    const QByteArray boundary = parameterOf(e.head, "boundary");
    if (boundary.isEmpty())
        return {};
    const QByteArray delimiter = "--" + boundary;
    const qsizetype bodyBase = base + e.head.size() + e.separator.size();
    qsizetype pos = 0;
    qsizetype partStart = -1;
    while (true) {
        const qsizetype hit = e.body.indexOf(delimiter, pos);
        if (hit < 0)
            return {};
        if (hit > 0 && e.body[hit - 1] != '\n') {
            pos = hit + 1;
            continue;
        }
        if (partStart >= 0) {
            qsizetype end = hit;
            if (end > partStart && e.body[end - 1] == '\n')
                --end;
            if (end > partStart && e.body[end - 1] == '\r')
                --end;
            const Span inner = humanPart(mail, bodyBase + partStart, e.body.mid(partStart, end - partStart));
            if (inner.offset >= 0)
                return inner;
        }
        if (e.body.mid(hit + delimiter.size(), 2) == "--")
            return {};
        const qsizetype nl = e.body.indexOf('\n', hit);
        if (nl < 0)
            return {};
        partStart = nl + 1;
        pos = partStart;
    }
}

/// A sentence in Japanese, added to the human-readable part (so the conversion matters).
const QString kJapanese = QStringLiteral(u"このメールは配信できませんでした。システム管理者にお問い合わせください。");

/// The mail with its human-readable text/plain part converted to @p charset (a Japanese line
/// added), sent with @p cte (7bit, 8bit or base64). Empty when the part's text cannot be
/// represented in @p charset (then there is nothing to test).
QByteArray convertHumanPart(const QByteArray &mail, const char *charset, const QByteArray &cte)
{
    const QByteArray eol = eolOf(mail);
    const Span span = humanPart(mail, 0, mail);
    if (span.offset < 0)
        return {};
    const Entity e = splitEntity(mail.mid(span.offset, span.length));
    if (e.separator.isEmpty())
        return {};
    QByteArray from = parameterOf(e.head, "charset").toLower();
    if (from.isEmpty())
        from = "us-ascii";
    QStringDecoder decoder(from.constData());
    if (!decoder.isValid())
        return {};
    const QString text = decoder.decode(contentDecode(e.body, headerValue(e.head, "Content-Transfer-Encoding")));
    if (decoder.hasError())
        return {};
    QString converted = text;
    if (!converted.endsWith(QLatin1Char('\n')))
        converted += QString::fromLatin1(eol);
    converted += QString::fromLatin1(eol) + kJapanese + QString::fromLatin1(eol);
    QStringEncoder encoder(charset);
    const QByteArray bytes = encoder.encode(converted);
    if (encoder.hasError() || QStringDecoder(charset).decode(bytes) != converted)
        return {};
    QByteArray head = withoutField(e.head, "Content-Transfer-Encoding");
    head = setField(head, "Content-Transfer-Encoding", cte, eol);
    QString type = QString::fromLatin1(headerValue(e.head, "Content-Type"));
    if (type.isEmpty())
        type = QStringLiteral("text/plain");
    type.remove(QRegularExpression(QStringLiteral(";\\s*charset\\s*=\\s*(\"[^\"]*\"|[^;\\s]+)"),
                                   QRegularExpression::CaseInsensitiveOption));
    head = setField(head, "Content-Type", type.toLatin1() + "; charset=" + QByteArray(charset), eol);
    if (span.offset == 0 && headerValue(head, "MIME-Version").isEmpty())
        head = setField(head, "MIME-Version", "1.0", eol);
    const QByteArray body = cte == "base64" ? base64Encode(bytes, eol) : bytes;
    return mail.left(span.offset) + head + e.separator + body + mail.mid(span.offset + span.length);
}

/// The mail forwarded as an attachment: by a person (a note and message/rfc822), or by a
/// mailing list's owner notice. @p base64 encodes the attached message.
QByteArray forwarded(const QByteArray &mail, bool byList, bool base64)
{
    const QByteArray eol = eolOf(mail);
    const Entity original = splitEntity(mail);
    const QByteArray subject = headerValue(original.head, "Subject");
    QByteArray out;
    if (byList) {
        out += "From: team-owner@lists.example.org" + eol + "To: team-owner@lists.example.org" + eol
            + "Subject: Uncaught bounce notification" + eol;
    } else {
        out += "From: Dana Person <dana@example.org>" + eol + "To: helpdesk@example.org" + eol + "Subject: Fwd: "
            + subject + eol;
    }
    out += "Date: Mon, 7 Dec 2026 09:00:00 +0100" + eol + "Message-ID: <fwd-1234@example.org>" + eol
        + "MIME-Version: 1.0" + eol + "Content-Type: multipart/mixed; boundary=\"=_fwd_boundary\"" + eol + eol
        + "--=_fwd_boundary" + eol + "Content-Type: text/plain; charset=us-ascii" + eol + eol
        + (byList ? QByteArray(QByteArray("The attached message was received as a bounce, but either the bounce format")
                                 + eol + "was not recognized, or no member addresses could be extracted from it." + eol)
                  : QByteArray(QByteArray("Could you have a look at this? It came back when I wrote to a customer.") + eol
                               + eol + "Dana" + eol))
        + eol + "--=_fwd_boundary" + eol + "Content-Type: message/rfc822" + eol;
    if (base64)
        out += "Content-Transfer-Encoding: base64" + eol + eol + base64Encode(mail, eol);
    else
        out += "Content-Disposition: attachment" + eol + eol + mail + (mail.endsWith('\n') ? QByteArray() : eol);
    out += "--=_fwd_boundary--" + eol;
    return out;
}

/// The header fields the message cache keeps, for the pre-check.
struct Cached
{
    QByteArray contentType, autoSubmitted, returnPath, from, subject;
    CachedHeaders view() const { return {contentType, autoSubmitted, returnPath, from, subject}; }
};

Cached cachedHeaders(const QByteArray &mail)
{
    const Entity e = splitEntity(mail);
    Cached c;
    c.contentType = mediaType(e.head);
    c.autoSubmitted = headerValue(e.head, "Auto-Submitted");
    c.returnPath = headerValue(e.head, "Return-Path");
    const QByteArray from = headerValue(e.head, "From");
    const QRegularExpression address(QStringLiteral("[^\\s<>\"]+@[^\\s<>\"]+"));
    c.from = address.match(QString::fromLatin1(from)).captured(0).toLatin1();
    c.subject = headerValue(e.head, "Subject");
    return c;
}

QString corpusEml()
{
    const QString corpus = Test::dsnCorpusDir();
    return corpus.isEmpty() ? QString() : QDir(corpus).filePath(QStringLiteral("eml"));
}

QByteArray readMail(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// What must not change: the report without the limits it hit.
DeliveryReport comparable(DeliveryReport report)
{
    report.flags = DeliveryReport::NoFlags;
    return report;
}

} // namespace

class ReportReencodingTest : public QObject
{
    Q_OBJECT

    QStringList m_files;

private Q_SLOTS:
    void initTestCase()
    {
        const QString dir = corpusEml();
        QVERIFY2(!dir.isEmpty() && QDir(dir).exists(), "the DSN corpus is missing (tests/data/reports/dsn-train)");
        m_files = QDir(dir).entryList({QStringLiteral("*.eml")}, QDir::Files, QDir::Name);
        QVERIFY2(m_files.size() >= 300, "the DSN corpus is incomplete");
    }

    /// The class test: every corpus mail × every way of re-encoding or forwarding it.
    void reencodedParsesLikeTheOriginal_data()
    {
        QTest::addColumn<QString>("variant");
        for (const char *v : {"quoted-printable", "base64", "iso-2022-jp", "shift_jis-base64", "shift_jis-8bit",
                              "forwarded", "forwarded-base64", "mailing-list"})
            QTest::newRow(v) << QString::fromLatin1(v);
    }
    void reencodedParsesLikeTheOriginal()
    {
        QFETCH(QString, variant);
        int tested = 0;
        int evidence = 0;
        QStringList failures;
        for (const QString &file : std::as_const(m_files)) {
            const QByteArray mail = readMail(QDir(corpusEml()).filePath(file));
            QVERIFY(!mail.isEmpty());
            const QByteArray eol = eolOf(mail);
            QByteArray changed;
            if (variant == QLatin1String("quoted-printable"))
                changed = reencode(mail, Encoding::QuotedPrintable, eol, true);
            else if (variant == QLatin1String("base64"))
                changed = reencode(mail, Encoding::Base64, eol, true);
            else if (variant == QLatin1String("iso-2022-jp"))
                changed = convertHumanPart(mail, "ISO-2022-JP", "7bit");
            else if (variant == QLatin1String("shift_jis-base64"))
                changed = convertHumanPart(mail, "Shift_JIS", "base64");
            else if (variant == QLatin1String("shift_jis-8bit"))
                changed = convertHumanPart(mail, "Shift_JIS", "8bit");
            else if (variant == QLatin1String("forwarded"))
                changed = forwarded(mail, false, false);
            else if (variant == QLatin1String("forwarded-base64"))
                changed = forwarded(mail, false, true);
            else if (variant == QLatin1String("mailing-list"))
                changed = forwarded(mail, true, false);
            if (changed.isEmpty() || changed == mail)
                continue; // nothing to convert in this mail (e.g. no text part)
            ++tested;
            // The converted human part carries an added Japanese sentence: the original to
            // compare with is the same text in UTF-8.
            const bool charsetVariant = variant.contains(QLatin1String("jis")) || variant.contains(QLatin1String("2022"));
            const DeliveryReport original
                = parseDeliveryReport(charsetVariant ? convertHumanPart(mail, "UTF-8", "8bit") : mail);
            const DeliveryReport parsed = parseDeliveryReport(changed);
            const bool forward = variant.startsWith(QLatin1String("forward")) || variant == QLatin1String("mailing-list");
            if (forward && original.kind == ReportKind::None) {
                // An ordinary mail forwarded stays ordinary (and a forward is never a report
                // of its own).
                if (parsed.kind != ReportKind::None && parsed.kind != ReportKind::AutoReply)
                    failures << file + QStringLiteral(": forwarded non-report read as ") + describe(parsed);
                continue;
            }
            evidence += original.isDeliveryEvidence() ? 1 : 0;
            if (comparable(parsed) != comparable(original))
                failures << file + QStringLiteral("\n  original: ") + describe(original) + QStringLiteral("\n  changed:  ")
                        + describe(parsed);
            if (forward && mightBeReport(cachedHeaders(mail).view()) && !mightBeReport(cachedHeaders(changed).view()))
                failures << file + QStringLiteral(": the pre-check drops the forwarded report");
        }
        qInfo("%s: %d mails rewritten, %d of them delivery evidence, %d differ", qPrintable(variant), tested, evidence,
              int(failures.size()));
        QVERIFY2(tested >= (variant.contains(QLatin1String("jis")) || variant.contains(QLatin1String("2022")) ? 150 : 300),
                 qPrintable(QStringLiteral("only %1 mails could be rewritten").arg(tested)));
        QVERIFY2(failures.isEmpty(), qPrintable(failures.mid(0, 8).join(QLatin1Char('\n'))));
    }

    /// The rewriter itself: a rewritten mail really is encoded as the variant says (so the
    /// class test cannot pass by leaving mails alone).
    void rewriterEncodes()
    {
        const QByteArray mail = readMail(QDir(corpusEml()).filePath(QStringLiteral("lhost-postfix-01.eml")));
        QVERIFY(!mail.isEmpty());
        const QByteArray b64 = reencode(mail, Encoding::Base64, eolOf(mail), true);
        QVERIFY(!b64.contains("Status: 5."));
        QVERIFY(b64.count("Content-Transfer-Encoding: base64") >= 3);
        const QByteArray qp = reencode(mail, Encoding::QuotedPrintable, eolOf(mail), true);
        QVERIFY(qp.count("Content-Transfer-Encoding: quoted-printable") >= 2);
        const QByteArray jis = convertHumanPart(mail, "ISO-2022-JP", "7bit");
        QVERIFY(jis.contains("charset=ISO-2022-JP"));
        QVERIFY(jis.contains("\x1b$B"));
        const QByteArray sjis = convertHumanPart(mail, "Shift_JIS", "8bit");
        QVERIFY(sjis.contains(QByteArray(QStringEncoder("Shift_JIS").encode(kJapanese))));
    }

    /// Damaged encodings: a partial result flagged DamagedEncoding (or the same result when
    /// the damage is in a part that says nothing), never a crash and never silence.
    void damagedEncodings_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("damage");
        for (const char *file : {"lhost-postfix-01.eml", "rfc3464-08.eml", "lhost-office365-01.eml", "lhost-exim-02.eml", "lhost-sendmail-03.eml",
                                 "lhost-qmail-01.eml", "lhost-gmail-01.eml"}) {
            for (const char *damage : {"truncated-base64", "invalid-base64", "mail-cut-in-base64", "wrong-charset-label",
                                       "unknown-charset", "base64-label-on-plain-text"})
                QTest::newRow(qPrintable(QStringLiteral("%1/%2").arg(QLatin1String(file), QLatin1String(damage))))
                    << QString::fromLatin1(file) << QString::fromLatin1(damage);
        }
    }
    void damagedEncodings()
    {
        QFETCH(QString, file);
        QFETCH(QString, damage);
        const QByteArray mail = readMail(QDir(corpusEml()).filePath(file));
        if (mail.isEmpty())
            QSKIP("not in this corpus");
        const QByteArray eol = eolOf(mail);
        const DeliveryReport original = parseDeliveryReport(mail);
        QVERIFY(original.isDeliveryEvidence());
        QByteArray damaged;
        const QByteArray b64 = reencode(mail, Encoding::Base64, eol, true);
        const QByteArray marker = "Content-Transfer-Encoding: base64" + eol + eol;
        // The largest base64 body before the returned message (the report part or the
        // text of a multipart/report, or the whole mail).
        qsizetype body = -1;
        qsizetype bodyEnd = -1;
        for (qsizetype at = b64.indexOf(marker); at >= 0; at = b64.indexOf(marker, at + 1)) {
            const qsizetype start = at + marker.size();
            const qsizetype headStart = b64.lastIndexOf(QByteArray(eol + eol), at);
            const QByteArray head = b64.mid(headStart, at - headStart).toLower();
            if (head.contains("message/rfc822") || head.contains("text/rfc822-headers"))
                break;
            qsizetype end = b64.size();
            for (const QByteArray &stop : {QByteArray(eol + eol), QByteArray(eol + "--")}) {
                const qsizetype hit = b64.indexOf(stop, start);
                if (hit >= 0)
                    end = std::min(end, hit);
            }
            if (end - start > bodyEnd - body) {
                body = start;
                bodyEnd = end;
            }
        }
        QVERIFY(body > 0 && bodyEnd - body > 8);
        // A cut in the middle of a 4-character quantum (a cut on a quantum boundary leaves
        // valid base64 that simply says less).
        const auto midQuantum = [&](qsizetype cut) {
            const auto quanta = [&] {
                qsizetype n = 0;
                for (qsizetype i = body; i < cut; ++i)
                    n += (isalnum(uchar(b64[i])) || b64[i] == '+' || b64[i] == '/') ? 1 : 0;
                return n;
            };
            while (quanta() % 4 == 0 && cut < bodyEnd)
                ++cut;
            return cut;
        };
        if (damage == QLatin1String("truncated-base64")) {
            // A third of the encoded part is missing, and it ends in the middle of a quantum.
            const qsizetype cut = midQuantum(body + (bodyEnd - body) * 2 / 3);
            damaged = b64.left(cut) + b64.mid(bodyEnd);
        } else if (damage == QLatin1String("invalid-base64")) {
            damaged = b64;
            const qsizetype mid = body + (bodyEnd - body) / 2;
            damaged.insert(mid, "\x01\x02!!*&~\xff\xfe");
        } else if (damage == QLatin1String("mail-cut-in-base64")) {
            damaged = b64.left(midQuantum(body + (bodyEnd - body) / 2));
        } else if (damage == QLatin1String("wrong-charset-label")) {
            // Shift_JIS bytes labelled ISO-2022-JP.
            damaged = convertHumanPart(mail, "Shift_JIS", "8bit");
            if (damaged.isEmpty())
                QSKIP("no convertible text part");
            damaged.replace("charset=Shift_JIS", "charset=ISO-2022-JP");
        } else if (damage == QLatin1String("unknown-charset")) {
            damaged = convertHumanPart(mail, "Shift_JIS", "8bit");
            if (damaged.isEmpty())
                QSKIP("no convertible text part");
            damaged.replace("charset=Shift_JIS", "charset=x-no-such-charset");
        } else if (damage == QLatin1String("base64-label-on-plain-text")) {
            damaged = mail;
            const Span span = humanPart(mail, 0, mail);
            if (span.offset < 0)
                QSKIP("no text part");
            const Entity e = splitEntity(mail.mid(span.offset, span.length));
            if (headerValue(e.head, "Content-Transfer-Encoding").toLower() == "base64")
                QSKIP("the text part is base64 already");
            QByteArray head = setField(e.head, "Content-Transfer-Encoding", "base64", eol);
            damaged = mail.left(span.offset) + head + e.separator + e.body + mail.mid(span.offset + span.length);
        }
        QVERIFY(!damaged.isEmpty() && damaged != mail);
        const DeliveryReport parsed = parseDeliveryReport(damaged);
        if (damage.contains(QLatin1String("base64")) && damage != QLatin1String("base64-label-on-plain-text")) {
            // The report part itself is damaged: what could be read, and the flag says so.
            QVERIFY2(parsed.flags & DeliveryReport::DamagedEncoding, qPrintable(describe(parsed)));
            QVERIFY2(parsed.kind != ReportKind::None || !parsed.error.isEmpty(), qPrintable(describe(parsed)));
        } else {
            // Only the human-readable part is damaged: the machine-readable fields still
            // decide. Free-text bounces read their text: a partial result, flagged.
            if (original.kind == ReportKind::Dsn) {
                QCOMPARE(parsed.kind, original.kind);
                QCOMPARE(parsed.recipients.size(), original.recipients.size());
                for (qsizetype i = 0; i < parsed.recipients.size(); ++i) {
                    QCOMPARE(parsed.recipients[i].status, original.recipients[i].status);
                    QCOMPARE(parsed.recipients[i].finalRecipient, original.recipients[i].finalRecipient);
                    QCOMPARE(parsed.recipients[i].action, original.recipients[i].action);
                }
            } else {
                QVERIFY2(parsed.kind != ReportKind::None
                             || (parsed.flags & DeliveryReport::DamagedEncoding),
                         qPrintable(describe(parsed)));
            }
            if (damage == QLatin1String("base64-label-on-plain-text") || damage == QLatin1String("wrong-charset-label"))
                QVERIFY2(parsed.flags & DeliveryReport::DamagedEncoding, qPrintable(describe(parsed)));
        }
        // The pre-check sees only headers: a damaged body never hides a report from it.
        QCOMPARE(mightBeReport(cachedHeaders(damaged).view()), mightBeReport(cachedHeaders(mail).view()));
    }
};

QTEST_GUILESS_MAIN(ReportReencodingTest)
#include "ReportReencodingTest.moc"
