// SPDX-License-Identifier: GPL-3.0-or-later
#include "mime/FormatFlowed.h"

#include <QStringList>

namespace Mailtrail::Mime::FormatFlowed {

namespace {

const QString signatureSeparator = QStringLiteral("-- ");

int quoteDepth(const QString &line)
{
    int depth = 0;
    while (depth < line.size() && line.at(depth) == QLatin1Char('>'))
        ++depth;
    return depth;
}

QStringList splitLines(const QString &text)
{
    QString normalised = text;
    normalised.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    normalised.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    QStringList lines = normalised.split(QLatin1Char('\n'));
    // A final newline does not start another (empty) line.
    if (lines.size() > 1 && lines.constLast().isEmpty())
        lines.removeLast();
    return lines;
}

bool needsStuffing(const QString &chunk)
{
    return chunk.startsWith(QLatin1Char(' ')) || chunk.startsWith(QLatin1Char('>'))
        || chunk.startsWith(QLatin1String("From "));
}

} // namespace

QString encode(const QString &text, int width)
{
    QStringList out;
    for (const QString &line : splitLines(text)) {
        if (line == signatureSeparator) {
            out.append(line);
            continue;
        }
        const int depth = quoteDepth(line);
        QString rest = line.mid(depth);
        if (depth > 0 && rest.startsWith(QLatin1Char(' ')))
            rest.remove(0, 1);
        while (rest.endsWith(QLatin1Char(' ')))
            rest.chop(1);
        const QString prefix = QString(depth, QLatin1Char('>'));

        // Tokens are a word followed by its spaces, so a soft-broken line ends in a space.
        QStringList tokens;
        int start = 0;
        while (start < rest.size()) {
            int pos = start;
            while (pos < rest.size() && rest.at(pos) != QLatin1Char(' '))
                ++pos;
            while (pos < rest.size() && rest.at(pos) == QLatin1Char(' '))
                ++pos;
            tokens.append(rest.mid(start, pos - start));
            start = pos;
        }
        if (tokens.isEmpty())
            tokens.append(QString());

        QString current;
        auto push = [&](const QString &chunk) {
            const bool stuff = depth > 0 || needsStuffing(chunk);
            out.append(prefix + (stuff ? QStringLiteral(" ") : QString()) + chunk);
        };
        for (const QString &token : tokens) {
            const QString candidate = current + token;
            const int stuffing = (depth > 0 || needsStuffing(candidate)) ? 1 : 0;
            // The trailing space of a soft break counts towards the width.
            if (!current.isEmpty() && prefix.size() + stuffing + candidate.size() > width) {
                push(current);
                current = token;
            } else {
                current = candidate;
            }
        }
        push(current);
    }
    return out.join(QLatin1Char('\n'));
}

QString decode(const QString &text, bool delSp)
{
    QStringList out;
    QString paragraph;
    int paragraphDepth = -1;
    bool open = false; // the previous line ended with a soft break

    auto flush = [&] {
        if (paragraphDepth < 0)
            return;
        if (paragraphDepth > 0)
            out.append(QString(paragraphDepth, QLatin1Char('>')) + QLatin1Char(' ') + paragraph);
        else
            out.append(paragraph);
        paragraph.clear();
        paragraphDepth = -1;
        open = false;
    };

    for (const QString &line : splitLines(text)) {
        const int depth = quoteDepth(line);
        QString content = line.mid(depth);
        if (content.startsWith(QLatin1Char(' ')))
            content.remove(0, 1); // §4.4 (after quotes, the space is stuffing too)
        const bool isSignature = depth == 0 && line == signatureSeparator;
        const bool soft = !isSignature && content.endsWith(QLatin1Char(' '));

        // §4.5: a soft break followed by a different quote depth is a hard break.
        if (open && depth == paragraphDepth && !isSignature) {
            paragraph += content;
        } else {
            flush();
            paragraph = isSignature ? line : content;
            paragraphDepth = depth;
        }
        if (soft && delSp)
            paragraph.chop(1);
        open = soft;
        if (!soft)
            flush();
    }
    flush();
    return out.join(QLatin1Char('\n'));
}

} // namespace Mailtrail::Mime::FormatFlowed
