// SPDX-License-Identifier: GPL-3.0-or-later
#include "search/ServerQuery.h"

namespace Mailtrail::Search {

namespace {

QByteArray imapDate(const QDate &date)
{
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return QByteArray::number(date.day()) + '-' + months[date.month() - 1] + '-' + QByteArray::number(date.year());
}

class Translator
{
public:
    explicit Translator(bool literalPlus) : m_literalPlus(literalPlus) {}

    QString unsupported;

    QByteArray string(const QString &text)
    {
        const QByteArray utf8 = text.toUtf8();
        bool ascii = true;
        for (char c : utf8) {
            if (uchar(c) >= 0x80 || c == '\r' || c == '\n' || c == '\0')
                ascii = false;
        }
        if (ascii) {
            QByteArray quoted = utf8;
            quoted.replace('\\', "\\\\").replace('"', "\\\"");
            return '"' + quoted + '"';
        }
        QByteArray clean = utf8;
        clean.replace('\r', ' ').replace('\n', ' ').replace('\0', ' ');
        if (m_literalPlus)
            return "{" + QByteArray::number(clean.size()) + "+}\r\n" + clean;
        clean.replace('\\', "\\\\").replace('"', "\\\"");
        return '"' + clean + '"';
    }

    QByteArray node(const Node &n)
    {
        switch (n.kind) {
        case Node::Kind::And: {
            QByteArrayList parts;
            for (const Node &child : n.children)
                parts.append(node(child));
            return '(' + parts.join(' ') + ')';
        }
        case Node::Kind::Or: {
            QByteArray result = node(n.children.last());
            for (qsizetype i = n.children.size() - 2; i >= 0; --i)
                result = "OR " + node(n.children.at(i)) + ' ' + result;
            return result;
        }
        case Node::Kind::Not:
            return "NOT " + node(n.children.first());
        case Node::Kind::Term:
            break;
        }
        const Term &t = n.term;
        switch (t.key) {
        case Key::Text: return "TEXT " + string(t.text);
        case Key::From: return "FROM " + string(t.text);
        case Key::To: return "TO " + string(t.text);
        case Key::Cc: return "CC " + string(t.text);
        case Key::Subject: return "SUBJECT " + string(t.text);
        case Key::Body: return "BODY " + string(t.text);
        case Key::Is:
            switch (t.flag) {
            case Flag::Unread: return "UNSEEN";
            case Flag::Read: return "SEEN";
            case Flag::Flagged: return "FLAGGED";
            case Flag::Answered: return "ANSWERED";
            }
            break;
        case Key::Date: {
            QByteArrayList parts;
            if (t.from.isValid())
                parts.append("SENTSINCE " + imapDate(t.from));
            if (t.until.isValid())
                parts.append("SENTBEFORE " + imapDate(t.until));
            if (parts.size() == 1)
                return parts.first();
            return QByteArray('(' + parts.join(' ') + ')');
        }
        case Key::Larger: return "LARGER " + QByteArray::number(t.bytes);
        case Key::Smaller: return "SMALLER " + QByteArray::number(t.bytes);
        case Key::Filename: refuse(QStringLiteral("filename:")); break;
        case Key::HasAttachment: refuse(QStringLiteral("has:attachment")); break;
        case Key::Folder: refuse(QStringLiteral("folder:")); break;
        case Key::Account: refuse(QStringLiteral("account:")); break;
        case Key::State: refuse(QStringLiteral("state:")); break;
        case Key::RecipientState: refuse(QStringLiteral("recipient-state:")); break;
        case Key::Status: refuse(QStringLiteral("status:")); break;
        }
        return "ALL";
    }

private:
    void refuse(const QString &key)
    {
        if (unsupported.isEmpty())
            unsupported = key;
    }

    bool m_literalPlus;
};

} // namespace

ServerQuery serverQuery(const Node &query, bool literalPlus)
{
    ServerQuery result;
    Translator translator(literalPlus);
    QList<const Node *> conjuncts;
    if (query.kind == Node::Kind::And) {
        for (const Node &child : query.children)
            conjuncts.append(&child);
    } else {
        conjuncts.append(&query);
    }
    QByteArrayList parts;
    for (const Node *conjunct : std::as_const(conjuncts)) {
        if (conjunct->kind == Node::Kind::Term && conjunct->term.key == Key::Folder && result.folder.isEmpty()) {
            result.folder = conjunct->term.text;
            continue;
        }
        if (conjunct->kind == Node::Kind::Term && conjunct->term.key == Key::Account && result.account.isEmpty()) {
            result.account = conjunct->term.text;
            continue;
        }
        parts.append(translator.node(*conjunct));
    }
    result.unsupportedKey = translator.unsupported;
    if (!result.ok())
        return result;
    result.criteria = parts.isEmpty() ? QByteArray("ALL") : QByteArray(parts.join(' '));
    return result;
}

} // namespace Mailtrail::Search
