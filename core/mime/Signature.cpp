// SPDX-License-Identifier: GPL-3.0-or-later
#include "mime/Signature.h"

#include <QStringList>

namespace Mailtrail::Mime {

namespace {

const QString separator = QStringLiteral("-- ");

QString normalized(const QString &text)
{
    QString out = text;
    out.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    return out;
}

/// Drops blank lines at both ends (a quote's or a forwarded block's padding).
QString trimBlankLines(const QString &text)
{
    QStringList lines = normalized(text).split(QLatin1Char('\n'));
    while (!lines.isEmpty() && lines.constFirst().trimmed().isEmpty())
        lines.removeFirst();
    while (!lines.isEmpty() && lines.constLast().trimmed().isEmpty())
        lines.removeLast();
    return lines.join(QLatin1Char('\n'));
}

} // namespace

QString signatureBlock(const QString &signature)
{
    QStringList lines = normalized(signature).split(QLatin1Char('\n'));
    while (!lines.isEmpty() && lines.constLast().trimmed().isEmpty())
        lines.removeLast();
    while (!lines.isEmpty() && lines.constFirst().trimmed().isEmpty())
        lines.removeFirst();
    // "--" and "-- " both mean the separator when the user typed it.
    if (!lines.isEmpty() && (lines.constFirst() == separator || lines.constFirst() == QLatin1String("--")))
        lines.removeFirst();
    if (lines.isEmpty())
        return {};
    return separator + QLatin1Char('\n') + lines.join(QLatin1Char('\n'));
}

BodyLayout layoutBody(const QString &quoted, const QString &signature, QuotePosition position)
{
    const QString quote = trimBlankLines(quoted);
    const QString block = signatureBlock(signature);
    BodyLayout layout;
    if (quote.isEmpty() && block.isEmpty())
        return layout;
    if (position == QuotePosition::Below && !quote.isEmpty()) {
        layout.text = quote + QStringLiteral("\n\n");
        layout.cursor = layout.text.size();
        layout.text += QLatin1Char('\n');
        if (!block.isEmpty())
            layout.text += QLatin1Char('\n') + block + QLatin1Char('\n');
        return layout;
    }
    // The user's (empty) line first, then the signature, then the quote, a blank line between.
    layout.cursor = 0;
    layout.text = QStringLiteral("\n");
    if (!block.isEmpty())
        layout.text += QLatin1Char('\n') + block + QLatin1Char('\n');
    if (!quote.isEmpty())
        layout.text += QLatin1Char('\n') + quote + QLatin1Char('\n');
    return layout;
}

QString appendSignature(const QString &body, const QString &signature)
{
    const QString block = signatureBlock(signature);
    if (block.isEmpty())
        return body;
    QString text = body;
    while (text.endsWith(QLatin1Char('\n')) || text.endsWith(QLatin1Char('\r')))
        text.chop(1);
    if (text.endsWith(block))
        return body;
    if (text.isEmpty())
        return block + QLatin1Char('\n');
    return text + QStringLiteral("\n\n") + block + QLatin1Char('\n');
}

bool replaceSignature(QString &text, const QString &oldSignature, const QString &newSignature, qsizetype insertAt)
{
    const QString oldBlock = signatureBlock(oldSignature);
    const QString newBlock = signatureBlock(newSignature);
    if (oldBlock == newBlock)
        return true;
    if (oldBlock.isEmpty()) {
        if (insertAt < 0 || insertAt > text.size())
            return false;
        text.insert(insertAt, QLatin1Char('\n') + newBlock + QLatin1Char('\n'));
        return true;
    }
    // The block as whole lines: "-- \nAlice" is not in "-- \nAlice (on holiday)".
    qsizetype at = -1;
    for (qsizetype from = 0; (at = text.indexOf(oldBlock, from)) >= 0; from = at + 1) {
        const qsizetype end = at + oldBlock.size();
        if ((at == 0 || text.at(at - 1) == QLatin1Char('\n')) && (end == text.size() || text.at(end) == QLatin1Char('\n')))
            break;
    }
    if (at < 0)
        return false;
    if (!newBlock.isEmpty()) {
        text.replace(at, oldBlock.size(), newBlock);
        return true;
    }
    // Removing: the block and the blank line before it.
    qsizetype start = at;
    qsizetype end = at + oldBlock.size();
    if (start > 0 && text.at(start - 1) == QLatin1Char('\n'))
        --start;
    if (end < text.size() && text.at(end) == QLatin1Char('\n'))
        ++end;
    text.remove(start, end - start);
    return true;
}

} // namespace Mailtrail::Mime
