// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdf/EmbeddedFiles.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QHash>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>
#include <map>

namespace Mailtrail::Pdf {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Mailtrail::Pdf", text);
}

bool isWhite(char c)
{
    // ISO 32000-1 §7.2.2 Table 1.
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

qsizetype skipWhite(const QByteArray &data, qsizetype pos)
{
    while (pos < data.size()) {
        if (isWhite(data.at(pos))) {
            ++pos;
        } else if (data.at(pos) == '%') { // a comment runs to the end of the line
            while (pos < data.size() && data.at(pos) != '\n' && data.at(pos) != '\r')
                ++pos;
        } else {
            break;
        }
    }
    return pos;
}

/// Reads an unsigned decimal integer at @p pos; -1 if there is none.
qint64 readNumber(const QByteArray &data, qsizetype &pos)
{
    const qsizetype start = pos;
    qint64 value = 0;
    while (pos < data.size() && data.at(pos) >= '0' && data.at(pos) <= '9') {
        if (pos - start >= 12)
            return -1;
        value = value * 10 + (data.at(pos) - '0');
        ++pos;
    }
    return pos == start ? -1 : value;
}

/// The end (one past the closing ">>") of the dictionary opening at @p pos, skipping
/// literal strings (§7.3.4.2, nested parentheses, backslash escapes), hex strings and
/// comments; -1 when it never closes.
qsizetype dictionaryEnd(const QByteArray &data, qsizetype pos)
{
    int depth = 0;
    while (pos < data.size()) {
        const char c = data.at(pos);
        if (c == '<' && pos + 1 < data.size() && data.at(pos + 1) == '<') {
            ++depth;
            pos += 2;
        } else if (c == '>' && pos + 1 < data.size() && data.at(pos + 1) == '>') {
            --depth;
            pos += 2;
            if (depth == 0)
                return pos;
        } else if (c == '<') {
            const qsizetype close = data.indexOf('>', pos);
            if (close < 0)
                return -1;
            pos = close + 1;
        } else if (c == '(') {
            int parens = 1;
            ++pos;
            while (pos < data.size() && parens > 0) {
                if (data.at(pos) == '\\')
                    ++pos;
                else if (data.at(pos) == '(')
                    ++parens;
                else if (data.at(pos) == ')')
                    --parens;
                ++pos;
            }
            if (parens > 0)
                return -1;
        } else if (c == '%') {
            pos = skipWhite(data, pos);
        } else {
            ++pos;
        }
    }
    return -1;
}

/// One cross-reference section (§7.5.4) and its trailer dictionary.
struct XrefSection
{
    std::map<qint64, std::pair<qint64, int>> inUse; ///< object number → offset, generation
    QByteArray trailer;                             ///< "<< … >>"
};

std::optional<XrefSection> readXrefSection(const QByteArray &data, qsizetype pos, QString *error)
{
    pos = skipWhite(data, pos);
    if (data.mid(pos, 4) != "xref") {
        *error = data.mid(pos).contains(" obj")
                     ? tr("The PDF uses compressed cross-reference streams, which cannot be updated.")
                     : tr("The PDF's cross-reference table is missing or damaged.");
        return std::nullopt;
    }
    pos += 4;
    XrefSection section;
    for (;;) {
        pos = skipWhite(data, pos);
        if (data.mid(pos, 7) == "trailer")
            break;
        const qint64 first = readNumber(data, pos);
        pos = skipWhite(data, pos);
        const qint64 count = readNumber(data, pos);
        if (first < 0 || count < 0 || count > 10'000'000) {
            *error = tr("The PDF's cross-reference table is missing or damaged.");
            return std::nullopt;
        }
        for (qint64 i = 0; i < count; ++i) {
            pos = skipWhite(data, pos);
            const qint64 offset = readNumber(data, pos);
            pos = skipWhite(data, pos);
            const qint64 generation = readNumber(data, pos);
            pos = skipWhite(data, pos);
            if (offset < 0 || generation < 0 || pos >= data.size()
                || (data.at(pos) != 'n' && data.at(pos) != 'f')) {
                *error = tr("The PDF's cross-reference table is missing or damaged.");
                return std::nullopt;
            }
            if (data.at(pos) == 'n' && !section.inUse.contains(first + i))
                section.inUse[first + i] = {offset, int(generation)};
            ++pos;
        }
    }
    pos = skipWhite(data, pos + 7);
    const qsizetype end = data.mid(pos, 2) == "<<" ? dictionaryEnd(data, pos) : -1;
    if (end < 0) {
        *error = tr("The PDF's trailer is missing or damaged.");
        return std::nullopt;
    }
    section.trailer = data.mid(pos, end - pos);
    return section;
}

/// The value of key @p name in a dictionary's text when it is a number or a reference.
std::optional<qint64> numberEntry(const QByteArray &dictionary, const char *name, int *generation = nullptr)
{
    const QRegularExpression re(QStringLiteral("/%1[\\s]*(\\d+)(?:[\\s]+(\\d+)[\\s]+R)?(?![\\w])")
                                    .arg(QLatin1String(name)));
    const auto match = re.match(QString::fromLatin1(dictionary));
    if (!match.hasMatch())
        return std::nullopt;
    if (generation)
        *generation = match.captured(2).toInt();
    return match.captured(1).toLongLong();
}

bool hasKey(const QByteArray &dictionary, const char *name)
{
    return QRegularExpression(QStringLiteral("/%1(?![\\w#.-])").arg(QLatin1String(name)))
        .match(QString::fromLatin1(dictionary))
        .hasMatch();
}

/// A name token (§7.3.5): "/message#2Frfc822".
QByteArray nameToken(const QString &name)
{
    QByteArray out("/");
    for (const char c : name.toUtf8()) {
        const auto u = static_cast<unsigned char>(c);
        if (u > 0x20 && u < 0x7f && !QByteArray("()<>[]{}/%#").contains(c))
            out += c;
        else
            out += '#' + QByteArray::number(u, 16).rightJustified(2, '0').toUpper();
    }
    return out;
}

/// The key a name tree sorts by: the string's bytes (§7.9.6, "lexical order").
QByteArray textStringBytes(const QString &text)
{
    const bool ascii = std::all_of(text.cbegin(), text.cend(),
                                   [](QChar c) { return c.unicode() >= 0x20 && c.unicode() < 0x7f; });
    if (ascii)
        return text.toLatin1();
    QByteArray bytes("\xFE\xFF");
    for (const QChar c : text) {
        bytes += char(c.unicode() >> 8);
        bytes += char(c.unicode() & 0xff);
    }
    return bytes;
}

QByteArray entry(qint64 offset, int generation)
{
    return QByteArray::number(offset).rightJustified(10, '0') + ' '
           + QByteArray::number(generation).rightJustified(5, '0') + " n\r\n";
}

} // namespace

QByteArray textStringToken(const QString &text)
{
    return '<' + textStringBytes(text).toHex().toUpper() + '>';
}

QByteArray dateToken(const QDateTime &time)
{
    QByteArray out = "(D:" + time.toString(QStringLiteral("yyyyMMddHHmmss")).toLatin1();
    const int offset = time.offsetFromUtc();
    if (offset == 0) {
        out += 'Z';
    } else {
        const int minutes = qAbs(offset) / 60;
        out += (offset < 0 ? '-' : '+') + QByteArray::number(minutes / 60).rightJustified(2, '0') + '\''
               + QByteArray::number(minutes % 60).rightJustified(2, '0') + '\'';
    }
    return out + ')';
}

AttachResult attach(const QByteArray &pdf, const QList<EmbeddedFile> &files)
{
    AttachResult result;
    if (!pdf.startsWith("%PDF-")) {
        result.error = tr("The file is not a PDF.");
        return result;
    }
    const qsizetype startxref = pdf.lastIndexOf("startxref");
    qsizetype pos = startxref < 0 ? -1 : skipWhite(pdf, startxref + 9);
    const qint64 lastXref = pos < 0 ? -1 : readNumber(pdf, pos);
    if (lastXref < 0 || lastXref >= pdf.size()) {
        result.error = tr("The PDF has no valid startxref: it is truncated or damaged.");
        return result;
    }

    // The newest section first; earlier updates through /Prev (each section visited once).
    QList<XrefSection> sections;
    QList<qint64> visited;
    for (qint64 at = lastXref; at >= 0;) {
        if (visited.contains(at) || at >= pdf.size() || visited.size() > 1000) {
            result.error = tr("The PDF's cross-reference table is missing or damaged.");
            return result;
        }
        visited.append(at);
        auto section = readXrefSection(pdf, at, &result.error);
        if (!section)
            return result;
        sections.append(*section);
        at = numberEntry(section->trailer, "Prev").value_or(-1);
    }
    const QByteArray &trailer = sections.first().trailer;
    if (hasKey(trailer, "Encrypt")) {
        result.error = tr("The PDF is encrypted.");
        return result;
    }
    int rootGeneration = 0;
    const auto root = numberEntry(trailer, "Root", &rootGeneration);
    const auto size = numberEntry(trailer, "Size");
    if (!root || !size || *root <= 0 || *root >= *size) {
        result.error = tr("The PDF's trailer is missing or damaged.");
        return result;
    }
    qint64 catalogOffset = -1;
    for (const XrefSection &section : std::as_const(sections)) {
        if (const auto it = section.inUse.find(*root); it != section.inUse.end()) {
            catalogOffset = it->second.first;
            break;
        }
    }
    // "N G obj << … >>": the catalog as it is now.
    QByteArray catalog;
    if (catalogOffset >= 0 && catalogOffset < pdf.size()) {
        qsizetype p = skipWhite(pdf, catalogOffset);
        const qint64 number = readNumber(pdf, p);
        p = skipWhite(pdf, p);
        readNumber(pdf, p);
        p = skipWhite(pdf, p);
        if (number == *root && pdf.mid(p, 3) == "obj") {
            p = skipWhite(pdf, p + 3);
            const qsizetype end = pdf.mid(p, 2) == "<<" ? dictionaryEnd(pdf, p) : -1;
            if (end > 0)
                catalog = pdf.mid(p, end - p);
        }
    }
    if (catalog.isEmpty() || !QRegularExpression(QStringLiteral("/Type\\s*/Catalog(?![\\w])"))
                                  .match(QString::fromLatin1(catalog))
                                  .hasMatch()) {
        result.error = tr("The PDF's document catalog is missing or damaged.");
        return result;
    }
    if (hasKey(catalog, "Names")) {
        result.error = tr("The PDF already has a name dictionary; files cannot be added to it.");
        return result;
    }
    if (files.isEmpty()) {
        result.pdf = pdf;
        return result;
    }

    QByteArray out = pdf;
    if (!out.endsWith('\n') && !out.endsWith('\r'))
        out += '\n';
    std::map<qint64, std::pair<qint64, int>> written;
    qint64 next = *size;
    auto begin = [&](qint64 number, int generation = 0) {
        written[number] = {out.size(), generation};
        out += QByteArray::number(number) + ' ' + QByteArray::number(generation) + " obj\n";
    };

    // Name tree keys sorted by their bytes; equal names get " (2)", " (3)"…
    QList<std::pair<QByteArray, qint64>> names;
    QHash<QString, int> seen;
    for (const EmbeddedFile &file : files) {
        QString name = file.fileName.isEmpty() ? QStringLiteral("attachment") : file.fileName;
        if (const int n = ++seen[name]; n > 1)
            name += QStringLiteral(" (%1)").arg(n);

        const qint64 stream = next++;
        begin(stream);
        out += "<< /Type /EmbeddedFile";
        if (!file.mimeType.isEmpty())
            out += " /Subtype " + nameToken(file.mimeType);
        out += " /Length " + QByteArray::number(file.data.size()) + " /Params << /Size "
               + QByteArray::number(file.data.size());
        if (file.modified.isValid())
            out += " /ModDate " + dateToken(file.modified);
        out += " /CheckSum <" + QCryptographicHash::hash(file.data, QCryptographicHash::Md5).toHex().toUpper()
               + "> >> >>\nstream\n";
        out += file.data;
        out += "\nendstream\nendobj\n";

        const qint64 spec = next++;
        begin(spec);
        out += "<< /Type /Filespec /F " + textStringToken(name) + " /UF " + textStringToken(name);
        if (!file.description.isEmpty())
            out += " /Desc " + textStringToken(file.description);
        out += " /AFRelationship /Source /EF << /F " + QByteArray::number(stream) + " 0 R /UF "
               + QByteArray::number(stream) + " 0 R >> >>\nendobj\n";
        names.append({textStringBytes(name), spec});
    }
    std::sort(names.begin(), names.end());

    const qint64 tree = next++;
    begin(tree);
    out += "<< /Names [";
    for (const auto &[key, spec] : std::as_const(names))
        out += " <" + key.toHex().toUpper() + "> " + QByteArray::number(spec) + " 0 R";
    out += " ] >>\nendobj\n";

    QByteArray newCatalog = catalog.chopped(2).trimmed();
    newCatalog += "\n/Names << /EmbeddedFiles " + QByteArray::number(tree) + " 0 R >>";
    if (!hasKey(catalog, "PageMode"))
        newCatalog += "\n/PageMode /UseAttachments";
    newCatalog += "\n>>";
    begin(*root, rootGeneration);
    out += newCatalog + "\nendobj\n";

    // The cross-reference section: one subsection per run of consecutive numbers.
    const qint64 xrefAt = out.size();
    out += "xref\n";
    for (auto it = written.cbegin(); it != written.cend();) {
        auto runEnd = it;
        qint64 count = 0;
        while (runEnd != written.cend() && runEnd->first == it->first + count) {
            ++runEnd;
            ++count;
        }
        out += QByteArray::number(it->first) + ' ' + QByteArray::number(count) + '\n';
        for (; it != runEnd; ++it)
            out += entry(it->second.first, it->second.second);
    }
    out += "trailer\n<< /Size " + QByteArray::number(next) + " /Root " + QByteArray::number(*root) + ' '
           + QByteArray::number(rootGeneration) + " R /Prev " + QByteArray::number(lastXref);
    int infoGeneration = 0;
    if (const auto info = numberEntry(trailer, "Info", &infoGeneration))
        out += " /Info " + QByteArray::number(*info) + ' ' + QByteArray::number(infoGeneration) + " R";
    if (const auto id = QRegularExpression(QStringLiteral("/ID\\s*(\\[[^\\]]*\\])")).match(QString::fromLatin1(trailer));
        id.hasMatch())
        out += " /ID " + id.captured(1).toLatin1();
    out += " >>\nstartxref\n" + QByteArray::number(xrefAt) + "\n%%EOF\n";
    result.pdf = out;
    return result;
}

} // namespace Mailtrail::Pdf
