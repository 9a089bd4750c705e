// SPDX-License-Identifier: GPL-3.0-or-later
#include "MailtoUrl.h"

#include <QByteArray>
#include <QCoreApplication>

namespace Mailtrail::Ui {

namespace {

QString decode(const QString &text)
{
    return QString::fromUtf8(QByteArray::fromPercentEncoding(text.toUtf8()));
}

QStringList addresses(const QString &decoded)
{
    QStringList out;
    for (const QString &a : decoded.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!a.trimmed().isEmpty())
            out << a.trimmed();
    }
    return out;
}

} // namespace

MailtoFields parseMailto(const QString &url)
{
    MailtoFields out;
    const QString trimmed = url.trimmed();
    if (!trimmed.startsWith(QLatin1String("mailto:"), Qt::CaseInsensitive)) {
        out.error = QCoreApplication::translate("Mailto", "%1 is not a mailto: link.").arg(trimmed);
        return out;
    }
    QString rest = trimmed.mid(7);
    const qsizetype fragment = rest.indexOf(QLatin1Char('#'));
    if (fragment >= 0)
        rest.truncate(fragment);
    const qsizetype question = rest.indexOf(QLatin1Char('?'));
    const QString path = question >= 0 ? rest.left(question) : rest;
    out.to = addresses(decode(path));
    if (question < 0)
        return out;
    QStringList bodyParts;
    for (const QString &field : rest.mid(question + 1).split(QLatin1Char('&'), Qt::SkipEmptyParts)) {
        const qsizetype eq = field.indexOf(QLatin1Char('='));
        const QString name = decode(eq >= 0 ? field.left(eq) : field).toLower();
        // '+' is not a space in mailto (§5), so only percent-decoding applies.
        const QString value = eq >= 0 ? decode(field.mid(eq + 1)) : QString();
        if (name == QLatin1String("to"))
            out.to += addresses(value);
        else if (name == QLatin1String("cc"))
            out.cc += addresses(value);
        else if (name == QLatin1String("bcc"))
            out.bcc += addresses(value);
        else if (name == QLatin1String("subject") && out.subject.isEmpty())
            out.subject = value;
        else if (name == QLatin1String("body"))
            bodyParts << value;
        else if (name == QLatin1String("in-reply-to") && out.inReplyTo.isEmpty())
            out.inReplyTo = value.trimmed();
    }
    out.body = bodyParts.join(QLatin1Char('\n'));
    out.body.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    return out;
}

} // namespace Mailtrail::Ui
