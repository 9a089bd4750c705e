// SPDX-License-Identifier: GPL-3.0-or-later
#include "RealisticMailbox.h"

#include <QByteArray>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QList>
#include <QStringEncoder>

#include <cmath>
#include <random>
#include <unistd.h>

namespace Mailtrail::Bench {

namespace {

using Rng = std::mt19937;

int pick(Rng &rng, int n)
{
    return int(std::uniform_int_distribution<int>(0, n - 1)(rng));
}

bool chance(Rng &rng, double p)
{
    return std::uniform_real_distribution<double>(0, 1)(rng) < p;
}

// Names as people write them, in the scripts a European/global mailbox sees.
const char *const firstNames[] = {"Anna", "Jörg", "François", "Zoë", "Łukasz", "Søren", "Ἀλέξανδρος", "Дмитрий",
                                  "Ольга", "太郎", "花子", "Martin", "Sarah", "José", "Ærling", "Mário", "Chloé",
                                  "Øystein", "Kateřina", "Jürgen", "Ayşe", "Nguyễn", "Björk", "Renée", "王伟"};
const char *const lastNames[] = {"Müller", "Dupont", "Nowak", "Smith", "Ivanov", "Петров", "山田", "García",
                                 "Schäfer", "Lefèvre", "Kowalski", "Østergaard", "Novák", "Yılmaz", "Jones",
                                 "Brown", "Straße", "Kühn", "Ångström", "Gómez", "李"};
const char *const domains[] = {"example.com", "example.org", "example.net", "mail.example.de", "corp.example.fr",
                               "lists.example.org", "example.co.jp", "uni.example.edu", "example.ru"};
const char *const subjectWords[] = {"Meeting", "notes", "for", "Thursday", "Offer", "Invoice", "Re-scheduling",
                                    "Quarterly", "report", "Budget", "2027", "draft", "review", "Übersicht",
                                    "Réunion", "équipe", "Besprechung", "Angebot", "Отчёт", "за", "неделю",
                                    "会議", "の", "議事録", "Release", "candidate", "[PATCH", "v3", "3/7]",
                                    "fix", "crash", "in", "parser", "Lunch?", "Photos", "from", "the", "trip"};
const char *const lists[] = {"dev", "announce", "users", "kernel", "release", "ops"};

/// RFC 2047 encoded word(s) of UTF-8 text in @p charset (converted), B or Q, optionally
/// split into two words in the middle of a multibyte character (as some senders do).
QByteArray encodedWords(const QString &text, const char *charset, bool b, bool splitMidCharacter)
{
    QStringEncoder encoder(charset);
    QByteArray bytes = encoder.isValid() ? QByteArray(encoder.encode(text)) : QByteArray();
    if (!encoder.isValid() || encoder.hasError() || bytes.isEmpty()) {
        charset = "UTF-8";
        bytes = text.toUtf8();
    }
    const auto word = [&](const QByteArray &part) -> QByteArray {
        if (b)
            return "=?" + QByteArray(charset) + "?B?" + part.toBase64() + "?=";
        QByteArray q;
        for (const char c : part) {
            const auto u = quint8(c);
            if (u == ' ')
                q += '_';
            else if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9'))
                q += c;
            else
                q += '=' + QByteArray::number(u, 16).toUpper().rightJustified(2, '0');
        }
        return "=?" + QByteArray(charset) + "?Q?" + q + "?=";
    };
    if (!splitMidCharacter || bytes.size() < 4)
        return word(bytes);
    // The first byte of the first multibyte character after the middle ends the first word.
    qsizetype cut = bytes.size() / 2;
    while (cut < bytes.size() - 1 && quint8(bytes[cut]) < 0x80)
        ++cut;
    if (cut >= bytes.size() - 1)
        cut = bytes.size() / 2;
    else
        ++cut; // inside the character
    return word(bytes.left(cut)) + "\r\n " + word(bytes.mid(cut));
}

bool isAsciiText(const QString &s)
{
    for (const QChar c : s) {
        if (c.unicode() >= 0x80)
            return false;
    }
    return true;
}

/// A header value for @p text: plain when ASCII (sometimes encoded anyway, as some clients
/// do), else encoded words in a charset that can hold it.
QByteArray headerText(Rng &rng, const QString &text)
{
    if (isAsciiText(text) && !chance(rng, 0.05))
        return text.toLatin1();
    static const char *const latin[] = {"UTF-8", "ISO-8859-1", "ISO-8859-15", "windows-1252"};
    const auto canEncode = [&text](const char *name) {
        QStringEncoder e(name);
        if (!e.isValid())
            return false;
        const QByteArray bytes = e.encode(text);
        return !e.hasError() && !bytes.contains('?');
    };
    const char *charset = "UTF-8";
    if (chance(rng, 0.4) && canEncode("ISO-8859-1"))
        charset = latin[pick(rng, 4)];
    else if (chance(rng, 0.4) && canEncode("KOI8-R"))
        charset = "KOI8-R";
    else if (chance(rng, 0.4) && canEncode("Shift_JIS"))
        charset = chance(rng, 0.5) ? "Shift_JIS" : "ISO-2022-JP";
    else if (chance(rng, 0.3) && canEncode("ISO-8859-2"))
        charset = "ISO-8859-2";
    const bool utf8 = qstrcmp(charset, "UTF-8") == 0;
    const bool iso2022 = qstrcmp(charset, "ISO-2022-JP") == 0;
    return encodedWords(text, charset, iso2022 || chance(rng, 0.5), utf8 && chance(rng, 0.3));
}

struct Person
{
    QString name;
    QByteArray address;
};

Person person(int index)
{
    Rng rng(unsigned(index) * 7919u + 17u);
    Person p;
    const QString first = QString::fromUtf8(firstNames[pick(rng, int(std::size(firstNames)))]);
    const QString last = QString::fromUtf8(lastNames[pick(rng, int(std::size(lastNames)))]);
    if (!chance(rng, 0.1))
        p.name = chance(rng, 0.15) ? QString(last + QStringLiteral(", ") + first) : QString(first + QLatin1Char(' ') + last);
    QByteArray local = "user" + QByteArray::number(index);
    if (chance(rng, 0.5))
        local = "p." + QByteArray::number(index, 36) + ".x";
    p.address = local + '@' + domains[pick(rng, int(std::size(domains)))];
    return p;
}

QByteArray mailbox(Rng &rng, const Person &p)
{
    if (p.name.isEmpty())
        return p.address;
    if (isAsciiText(p.name) && p.name.contains(QLatin1Char(',')))
        return '"' + p.name.toLatin1() + "\" <" + p.address + '>';
    return headerText(rng, p.name) + " <" + p.address + '>';
}

QByteArray messageId(int index)
{
    const quint32 h = quint32(index) * 2654435761u;
    return '<' + QByteArray::number(h, 16) + '.' + QByteArray::number(index) + ".JavaMail.bench@"
        + domains[index % int(std::size(domains))] + '>';
}

QByteArray dateText(Rng &rng, qint64 when)
{
    static const int zones[] = {0, 60, 120, -300, -480, 540, 330};
    const int zone = zones[pick(rng, int(std::size(zones)))];
    const QDateTime local = QDateTime::fromSecsSinceEpoch(when, Qt::OffsetFromUTC, zone * 60);
    QByteArray text = local.toString(Qt::RFC2822Date).toLatin1();
    const int form = pick(rng, 20);
    if (form == 0)
        text += " (UTC)";
    else if (form == 1 && zone == 0)
        text.replace("+0000", "GMT");
    else if (form == 2)
        text = text.mid(5); // no weekday
    return text;
}

QByteArray filler(qsizetype size, int seed)
{
    static const QByteArray words = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor "
                                    "incididunt ut labore et dolore magna aliqua ";
    QByteArray out;
    out.reserve(size + 80);
    qsizetype line = 0;
    qsizetype w = seed % 17;
    while (out.size() < size) {
        const qsizetype start = (w * 13) % (words.size() - 12);
        const qsizetype end = words.indexOf(' ', start + 1);
        out += words.mid(start, end - start);
        line += end - start;
        ++w;
        if (line > 70) {
            out += "\r\n";
            line = 0;
        }
    }
    return out;
}

QByteArray base64Block(qsizetype size)
{
    static QByteArray block;
    if (block.isEmpty()) {
        QByteArray raw(57 * 1000, '\0');
        Rng rng(42);
        for (char &c : raw)
            c = char(rng());
        const QByteArray b64 = raw.toBase64();
        for (qsizetype i = 0; i < b64.size(); i += 76)
            block += b64.mid(i, 76) + "\r\n";
    }
    QByteArray out;
    out.reserve(size + block.size());
    while (out.size() < size)
        out += block;
    out.truncate(size - size % 78);
    return out;
}

/// A size in bytes: most mail is a few KB, some tens of KB, 1 % between 200 KB and 5 MB.
qsizetype bodySize(Rng &rng, bool attachment)
{
    std::uniform_real_distribution<double> u(0, 1);
    const double x = u(rng);
    if (attachment) {
        if (chance(rng, 0.12)) // 200 KB .. 5 MB, log-uniform
            return qsizetype(200e3 * std::pow(25.0, x));
        return qsizetype(10e3 * std::pow(20.0, x)); // 10 .. 200 KB
    }
    return qsizetype(300 * std::pow(50.0, x)); // 0.3 .. 15 KB of text
}

} // namespace

bool fillRealisticMaildir(const QString &folderRoot, int count, unsigned seed, int uid, int gid,
                          RealisticMailboxStats *stats)
{
    for (const char *sub : {"", "/cur", "/new", "/tmp"}) {
        const QString dir = folderRoot + QString::fromLatin1(sub);
        if (!QDir().mkpath(dir) || ::chown(QFile::encodeName(dir).constData(), uid_t(uid), gid_t(gid)) != 0)
            return false;
    }
    if (folderRoot.contains(QLatin1String("/."))) {
        QFile marker(folderRoot + QStringLiteral("/maildirfolder"));
        if (!marker.exists() && !marker.open(QIODevice::WriteOnly))
            return false;
    }
    // Keyword letters of Dovecot's Maildir (a = 0, b = 1, …).
    const QString keywordsPath = folderRoot + QStringLiteral("/dovecot-keywords");
    if (!QFile::exists(keywordsPath)) {
        QFile k(keywordsPath);
        if (!k.open(QIODevice::WriteOnly) || k.write("0 $Forwarded\n1 $label1\n2 $MDNSent\n3 $NotJunk\n") < 0)
            return false;
        k.close();
        if (::chown(QFile::encodeName(keywordsPath).constData(), uid_t(uid), gid_t(gid)) != 0)
            return false;
    }
    const QDir cur(folderRoot + QStringLiteral("/cur"));
    const int existing = int(cur.entryList(QDir::Files).size());
    *stats = {};

    // Threads: a reply answers one of the recent messages; References grow along the chain
    // (clients keep the first one and the last several).
    QList<int> parent(count, -1);
    for (int i = 1; i < count; ++i) {
        Rng rng(seed ^ (unsigned(i) * 2246822519u));
        if (chance(rng, 0.35))
            parent[i] = qMax(0, i - 1 - pick(rng, qMin(i, 400)));
    }
    const qint64 base = 1700000000;
    const QByteArray me = "bob@example.test";
    for (int i = 0; i < count; ++i) {
        Rng rng(seed ^ (unsigned(i) * 2654435761u));
        const bool reply = parent[i] >= 0;
        const bool list = chance(rng, 0.30);
        const bool attachment = chance(rng, 0.10);
        const bool alternative = !attachment && chance(rng, 0.55);
        const int senderIndex = int(std::pow(std::uniform_real_distribution<double>(0, 1)(rng), 2.5) * 3000);
        const Person sender = person(senderIndex);
        ++stats->messages;
        if (reply)
            ++stats->replies;
        if (list)
            ++stats->listMail;
        if (attachment || alternative)
            ++stats->multipart;
        if (attachment)
            ++stats->attachments;
        if (!sender.name.isEmpty() && !isAsciiText(sender.name))
            ++stats->encodedNames;

        // Flags in real proportions (Maildir letters in ASCII order, keywords after).
        QByteArray flags;
        const bool seen = chance(rng, 0.85);
        const bool answered = chance(rng, 0.10);
        const bool flagged = chance(rng, 0.03);
        if (flagged)
            flags += 'F';
        if (answered)
            flags += 'R';
        if (seen)
            flags += 'S';
        if (chance(rng, 0.05)) {
            flags += char('a' + pick(rng, 4));
            ++stats->keywords;
        }
        stats->seen += seen;
        stats->flagged += flagged;
        if (i < existing)
            continue; // written by an earlier run (the RNG stream stays the same)

        QByteArray h;
        h.reserve(4096);
        h += "Return-Path: <" + (list ? QByteArray("bounces+") + QByteArray::number(i) + "@lists.example.org"
                                      : sender.address) + ">\r\n";
        h += "Delivered-To: " + me + "\r\n";
        const qint64 when = base + qint64(i) * 317 + pick(rng, 300);
        for (int hop = 0, hops = 2 + pick(rng, 5); hop < hops; ++hop) {
            h += "Received: from mx" + QByteArray::number(hop) + ".example.net (mx" + QByteArray::number(hop)
                + ".example.net [192.0.2." + QByteArray::number(1 + pick(rng, 250)) + "])\r\n\tby mail.example.test (Postfix) with ESMTPS id 4Q"
                + QByteArray::number(rng(), 36).toUpper() + "\r\n\tfor <" + me + ">; "
                + QDateTime::fromSecsSinceEpoch(when + hop, Qt::UTC).toString(Qt::RFC2822Date).toLatin1() + "\r\n";
        }
        if (chance(rng, 0.6)) {
            h += "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=" + sender.address.mid(sender.address.indexOf('@') + 1)
                + ";\r\n\ts=sel1; t=" + QByteArray::number(when) + "; bh=" + QByteArray(44, 'A')
                + ";\r\n\th=From:To:Subject:Date:Message-ID;\r\n\tb=" + base64Block(400).left(344).replace("\r\n", "\r\n\t") + "\r\n";
        }
        h += "From: " + mailbox(rng, sender) + "\r\n";
        if (list) {
            const QByteArray name = lists[pick(rng, int(std::size(lists)))];
            h += "To: " + name + "@lists.example.org\r\n";
            h += "Sender: \"" + name + "\" <" + name + "-bounces@lists.example.org>\r\n";
            h += "List-Id: The " + name + " list <" + name + ".lists.example.org>\r\n";
            h += "List-Unsubscribe: <mailto:" + name + "-request@lists.example.org?subject=unsubscribe>,\r\n <https://lists.example.org/options/" + name + ">\r\n";
            h += "List-Post: <mailto:" + name + "@lists.example.org>\r\nPrecedence: list\r\n";
        } else {
            QByteArray to = me;
            for (int k = 0, n = pick(rng, 10) < 8 ? 0 : 1 + pick(rng, 4); k < n; ++k)
                to += ",\r\n " + mailbox(rng, person(pick(rng, 3000)));
            h += "To: " + to + "\r\n";
        }
        if (chance(rng, 0.2)) {
            QByteArray cc;
            for (int k = 0, n = 1 + pick(rng, chance(rng, 0.1) ? 15 : 3); k < n; ++k)
                cc += (k ? ",\r\n " : "") + mailbox(rng, person(pick(rng, 3000)));
            h += "Cc: " + cc + "\r\n";
        }
        // Subject: a thread keeps its root's subject.
        int root = i;
        while (parent[root] >= 0)
            root = parent[root];
        Rng subjectRng(seed ^ (unsigned(root) * 40503u));
        QStringList words;
        for (int k = 0, n = 3 + pick(subjectRng, 7); k < n; ++k)
            words << QString::fromUtf8(subjectWords[pick(subjectRng, int(std::size(subjectWords)))]);
        QString subject = words.join(QLatin1Char(' '));
        if (reply)
            subject = (chance(rng, 0.85) ? QStringLiteral("Re: ") : QStringLiteral("AW: ")) + subject;
        else if (chance(rng, 0.03))
            subject = QStringLiteral("Fwd: ") + subject;
        h += "Subject: " + headerText(rng, subject) + "\r\n";
        h += "Date: " + dateText(rng, when) + "\r\n";
        h += "Message-ID: " + messageId(i) + "\r\n";
        if (reply) {
            QList<int> chain;
            for (int p = parent[i]; p >= 0; p = parent[p])
                chain.prepend(p);
            if (chain.size() > 12)
                chain = QList<int>{chain.first()} + chain.mid(chain.size() - 11);
            QByteArray refs;
            for (qsizetype k = 0; k < chain.size(); ++k)
                refs += (k ? "\r\n " : "") + messageId(chain[k]);
            h += "In-Reply-To: " + messageId(parent[i]) + "\r\nReferences: " + refs + "\r\n";
        }
        if (chance(rng, 0.02))
            h += "Disposition-Notification-To: " + mailbox(rng, sender) + "\r\n";
        if (chance(rng, 0.02))
            h += "Auto-Submitted: auto-replied\r\n";
        h += "MIME-Version: 1.0\r\n";
        h += "X-Mailer: Bench Mail 1." + QByteArray::number(pick(rng, 9)) + "\r\n";
        if (chance(rng, 0.3))
            h += "X-Spam-Status: No, score=-" + QByteArray::number(pick(rng, 50)) + ".1 required=5.0 tests=BAYES_00,DKIM_SIGNED,DKIM_VALID autolearn=ham\r\n";

        const QByteArray boundary = "----=_Part_" + QByteArray::number(i) + '_' + QByteArray::number(rng(), 36);
        const QByteArray text = filler(bodySize(rng, false), i);
        QByteArray body;
        if (attachment) {
            h += "Content-Type: multipart/mixed;\r\n\tboundary=\"" + boundary + "\"\r\n";
            body = "This is a multi-part message in MIME format.\r\n--" + boundary
                + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + text
                + "\r\n--" + boundary + "\r\nContent-Type: application/pdf; name=\"document-" + QByteArray::number(i)
                + ".pdf\"\r\nContent-Disposition: attachment; filename=\"document-" + QByteArray::number(i)
                + ".pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" + base64Block(bodySize(rng, true)) + "\r\n--"
                + boundary + "--\r\n";
        } else if (alternative) {
            h += "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n";
            body = "--" + boundary + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                + text + "\r\n--" + boundary + "\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                + "<html><body><p>" + text + "</p></body></html>\r\n--" + boundary + "--\r\n";
        } else {
            h += "Content-Type: text/plain; charset=utf-8; format=flowed\r\nContent-Transfer-Encoding: 8bit\r\n";
            body = text;
        }
        const QByteArray message = h + "\r\n" + body;
        stats->bytes += message.size();
        const QString name = QStringLiteral("%1.M%2P1.bench,S=%3:2,%4")
                                 .arg(base + i).arg(i).arg(message.size()).arg(QString::fromLatin1(flags));
        const QString path = cur.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(message) != message.size())
            return false;
        f.close();
        if (::chown(QFile::encodeName(path).constData(), uid_t(uid), gid_t(gid)) != 0)
            return false;
    }
    return true;
}

QList<QByteArray> realisticEncodedDisplayNames(int count, unsigned seed)
{
    QList<QByteArray> names;
    for (int i = 0; i < count; ++i) {
        // As fillRealisticMaildir() picks a message's sender and encodes the name.
        Rng rng(seed ^ (unsigned(i) * 2654435761u));
        const int senderIndex = int(std::pow(std::uniform_real_distribution<double>(0, 1)(rng), 2.5) * 3000);
        const Person sender = person(senderIndex);
        if (sender.name.isEmpty() || (isAsciiText(sender.name) && sender.name.contains(QLatin1Char(','))))
            continue;
        const QByteArray value = headerText(rng, sender.name);
        if (value.contains("=?"))
            names.append(value);
    }
    return names;
}

} // namespace Mailtrail::Bench
