// SPDX-License-Identifier: GPL-3.0-or-later
#include "search/Query.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace Mailtrail::Search {

namespace {

struct KeyName
{
    const char *name;
    Key key;
};

// before:, after: and date: all become Key::Date; is: and has: carry their value.
constexpr KeyName kKeys[] = {
    {"from", Key::From},       {"to", Key::To},
    {"cc", Key::Cc},           {"subject", Key::Subject},
    {"body", Key::Body},       {"filename", Key::Filename},
    {"has", Key::HasAttachment}, {"is", Key::Is},
    {"folder", Key::Folder},   {"account", Key::Account},
    {"before", Key::Date},     {"after", Key::Date},
    {"date", Key::Date},       {"larger", Key::Larger},
    {"smaller", Key::Smaller}, {"state", Key::State},
    {"recipient-state", Key::RecipientState}, {"status", Key::Status},
};

struct Token
{
    enum class Kind { Atom, Open, Close, Or, And, Not, End };
    Kind kind = Kind::End;
    qsizetype position = 0;
    QString key;   ///< lower case, without the colon; empty for a free word
    QString value; ///< unescaped
    bool quoted = false;
    bool prefix = false;
};

bool isSpace(QChar c)
{
    return c.isSpace();
}

bool isKeyName(QStringView s)
{
    if (s.isEmpty())
        return false;
    for (QChar c : s) {
        if (!(c.isLetter() && c.unicode() < 128) && c != u'-')
            return false;
    }
    return s.front() != u'-';
}

bool hasWordCharacter(const QString &s)
{
    return std::any_of(s.cbegin(), s.cend(), [](QChar c) { return c.isLetterOrNumber(); });
}

class Lexer
{
public:
    explicit Lexer(const QString &text) : m_text(text) {}

    /// All tokens, or an error.
    bool run(QList<Token> *tokens, QueryError *error)
    {
        const qsizetype n = m_text.size();
        qsizetype i = 0;
        while (true) {
            while (i < n && isSpace(m_text.at(i)))
                ++i;
            if (i >= n)
                break;
            const QChar c = m_text.at(i);
            Token t;
            t.position = i;
            if (c == u'(') {
                t.kind = Token::Kind::Open;
                ++i;
            } else if (c == u')') {
                t.kind = Token::Kind::Close;
                ++i;
            } else if (c == u'-' && i + 1 < n && !isSpace(m_text.at(i + 1)) && m_text.at(i + 1) != u')') {
                t.kind = Token::Kind::Not;
                ++i;
            } else {
                t.kind = Token::Kind::Atom;
                if (c == u'"') {
                    if (!quoted(&i, &t, error))
                        return false;
                } else {
                    const qsizetype start = i;
                    while (i < n && !isSpace(m_text.at(i)) && m_text.at(i) != u'(' && m_text.at(i) != u')'
                           && m_text.at(i) != u'"' && m_text.at(i) != u':')
                        ++i;
                    const QString word = m_text.mid(start, i - start);
                    if (i < n && m_text.at(i) == u':' && isKeyName(word)) {
                        t.key = word.toLower();
                        ++i;
                        if (i < n && m_text.at(i) == u'"') {
                            if (!quoted(&i, &t, error))
                                return false;
                        } else {
                            const qsizetype vstart = i;
                            while (i < n && !isSpace(m_text.at(i)) && m_text.at(i) != u'(' && m_text.at(i) != u')'
                                   && m_text.at(i) != u'"')
                                ++i;
                            t.value = m_text.mid(vstart, i - vstart);
                        }
                    } else {
                        // A colon that does not follow a key name is part of the word (10:30).
                        while (i < n && !isSpace(m_text.at(i)) && m_text.at(i) != u'(' && m_text.at(i) != u')'
                               && m_text.at(i) != u'"')
                            ++i;
                        t.value = m_text.mid(start, i - start);
                        if (t.value == QLatin1String("OR"))
                            t.kind = Token::Kind::Or;
                        else if (t.value == QLatin1String("AND"))
                            t.kind = Token::Kind::And;
                        else if (t.value == QLatin1String("NOT"))
                            t.kind = Token::Kind::Not;
                    }
                    if (t.kind == Token::Kind::Atom && !t.quoted && t.value.endsWith(u'*')) {
                        t.prefix = true;
                        t.value.chop(1);
                    }
                }
            }
            tokens->append(t);
        }
        Token end;
        end.position = n;
        tokens->append(end);
        return true;
    }

private:
    /// A double-quoted string at *i; \" and \\ are escapes, a `*` right after the closing
    /// quote makes the last word a prefix.
    bool quoted(qsizetype *i, Token *t, QueryError *error)
    {
        const qsizetype open = *i;
        const qsizetype n = m_text.size();
        QString value;
        qsizetype j = open + 1;
        for (; j < n; ++j) {
            const QChar c = m_text.at(j);
            if (c == u'\\' && j + 1 < n && (m_text.at(j + 1) == u'"' || m_text.at(j + 1) == u'\\')) {
                value += m_text.at(++j);
                continue;
            }
            if (c == u'"')
                break;
            value += c;
        }
        if (j >= n) {
            *error = {QCoreApplication::translate("Search", "The quote that starts here is never closed."), open};
            return false;
        }
        *i = j + 1;
        t->quoted = true;
        t->value = value;
        if (*i < n && m_text.at(*i) == u'*') {
            t->prefix = true;
            ++*i;
        }
        return true;
    }

    const QString &m_text;
};

struct Period
{
    QDate from;
    QDate until;
};

std::optional<Period> parsePeriod(const QString &text, const QDate &today)
{
    const QString s = text.toLower();
    if (s == QLatin1String("today"))
        return Period{today, today.addDays(1)};
    if (s == QLatin1String("yesterday"))
        return Period{today.addDays(-1), today};
    static const QRegularExpression relative(QStringLiteral("^(\\d{1,5})([dwmy])$"));
    if (const auto m = relative.match(s); m.hasMatch()) {
        const int count = m.captured(1).toInt();
        const QChar unit = m.captured(2).front();
        QDate from = unit == u'd' ? today.addDays(-count)
            : unit == u'w'        ? today.addDays(-7 * qint64(count))
            : unit == u'm'        ? today.addMonths(-count)
                                  : today.addYears(-count);
        return Period{from, today.addDays(1)};
    }
    static const QRegularExpression absolute(QStringLiteral("^(\\d{4})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?$"));
    const auto m = absolute.match(s);
    if (!m.hasMatch())
        return std::nullopt;
    const int year = m.captured(1).toInt();
    if (m.captured(2).isEmpty())
        return Period{QDate(year, 1, 1), QDate(year + 1, 1, 1)};
    const int month = m.captured(2).toInt();
    if (m.captured(3).isEmpty()) {
        const QDate first(year, month, 1);
        if (!first.isValid())
            return std::nullopt;
        return Period{first, first.addMonths(1)};
    }
    const QDate day(year, month, m.captured(3).toInt());
    if (!day.isValid())
        return std::nullopt;
    return Period{day, day.addDays(1)};
}

std::optional<qint64> parseSize(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^(\\d{1,12})([kmg]?)b?$"),
                                       QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    qint64 n = m.captured(1).toLongLong();
    const QString unit = m.captured(2).toLower();
    if (unit == QLatin1String("k"))
        n *= 1024;
    else if (unit == QLatin1String("m"))
        n *= 1024 * 1024;
    else if (unit == QLatin1String("g"))
        n *= 1024LL * 1024 * 1024;
    return n;
}

class Parser
{
public:
    Parser(QList<Token> tokens, const QDate &today) : m_tokens(std::move(tokens)), m_today(today) {}

    ParsedQuery run()
    {
        ParsedQuery result;
        if (peek().kind == Token::Kind::End) {
            result.error = {QCoreApplication::translate("Search", "The query is empty."), 0};
            return result;
        }
        std::optional<Node> root = conjunction();
        if (root && peek().kind != Token::Kind::End) {
            if (peek().kind == Token::Kind::Close)
                fail(QCoreApplication::translate("Search", "This closing parenthesis has no opening one."), peek().position);
            else
                fail(QCoreApplication::translate("Search", "Unexpected text here."), peek().position);
            root.reset();
        }
        if (!root) {
            result.error = m_error;
            return result;
        }
        result.root = std::move(root);
        return result;
    }

private:
    const Token &peek() const { return m_tokens.at(m_pos); }
    const Token &next() { return m_tokens.at(m_pos++); }

    void fail(const QString &message, qsizetype position)
    {
        if (m_error.message.isEmpty())
            m_error = {message, position};
    }

    static Node combine(Node::Kind kind, QList<Node> children)
    {
        if (children.size() == 1)
            return children.takeFirst();
        Node node;
        node.kind = kind;
        for (Node &child : children) {
            if (child.kind == kind)
                node.children.append(child.children);
            else
                node.children.append(std::move(child));
        }
        return node;
    }

    bool startsOperand() const
    {
        const Token::Kind k = peek().kind;
        return k == Token::Kind::Atom || k == Token::Kind::Open || k == Token::Kind::Not;
    }

    std::optional<Node> conjunction()
    {
        QList<Node> children;
        while (true) {
            if (peek().kind == Token::Kind::And) {
                const Token &andToken = next();
                if (children.isEmpty() || !startsOperand()) {
                    fail(QCoreApplication::translate("Search", "AND needs a term on both sides."), andToken.position);
                    return std::nullopt;
                }
            }
            if (!startsOperand()) {
                if (peek().kind == Token::Kind::Or) {
                    fail(QCoreApplication::translate("Search", "OR needs a term on both sides."), peek().position);
                    return std::nullopt;
                }
                break;
            }
            std::optional<Node> child = disjunction();
            if (!child)
                return std::nullopt;
            children.append(std::move(*child));
        }
        if (children.isEmpty()) {
            fail(QCoreApplication::translate("Search", "A term is missing here."), peek().position);
            return std::nullopt;
        }
        return combine(Node::Kind::And, std::move(children));
    }

    std::optional<Node> disjunction()
    {
        QList<Node> children;
        std::optional<Node> first = unary();
        if (!first)
            return std::nullopt;
        children.append(std::move(*first));
        while (peek().kind == Token::Kind::Or) {
            const Token &orToken = next();
            if (!startsOperand()) {
                fail(QCoreApplication::translate("Search", "OR needs a term on both sides."), orToken.position);
                return std::nullopt;
            }
            std::optional<Node> child = unary();
            if (!child)
                return std::nullopt;
            children.append(std::move(*child));
        }
        return combine(Node::Kind::Or, std::move(children));
    }

    std::optional<Node> unary()
    {
        if (peek().kind == Token::Kind::Not) {
            const Token &notToken = next();
            if (!startsOperand()) {
                fail(QCoreApplication::translate("Search", "Nothing to exclude after this minus or NOT."), notToken.position);
                return std::nullopt;
            }
            std::optional<Node> operand = unary();
            if (!operand)
                return std::nullopt;
            if (operand->kind == Node::Kind::Not) // --x is x
                return operand->children.takeFirst();
            Node node;
            node.kind = Node::Kind::Not;
            node.children.append(std::move(*operand));
            return node;
        }
        if (peek().kind == Token::Kind::Open) {
            const Token &open = next();
            std::optional<Node> inner = conjunction();
            if (!inner)
                return std::nullopt;
            if (peek().kind != Token::Kind::Close) {
                fail(QCoreApplication::translate("Search", "The parenthesis that opens here is never closed."), open.position);
                return std::nullopt;
            }
            next();
            return inner;
        }
        return atom(next());
    }

    std::optional<Node> atom(const Token &t)
    {
        Node node;
        Term &term = node.term;
        term.text = t.value;
        term.phrase = t.quoted;
        term.prefix = t.prefix;
        const auto keyName = [&]() -> QString { return t.key + u':'; };
        if (t.key.isEmpty()) {
            term.key = Key::Text;
        } else {
            const auto found = std::find_if(std::begin(kKeys), std::end(kKeys),
                                            [&](const KeyName &k) { return t.key == QLatin1String(k.name); });
            if (found == std::end(kKeys)) {
                fail(QCoreApplication::translate("Search", "Unknown search key '%1'. Put the words in quotes to search for them as text.")
                         .arg(keyName()),
                     t.position);
                return std::nullopt;
            }
            term.key = found->key;
            if (t.value.isEmpty() && !t.quoted) {
                fail(QCoreApplication::translate("Search", "'%1' needs a value.").arg(keyName()), t.position);
                return std::nullopt;
            }
        }
        const auto badValue = [&](const QString &message) {
            fail(message.arg(keyName(), t.value), t.position);
            return std::nullopt;
        };
        switch (term.key) {
        case Key::Text:
        case Key::From:
        case Key::To:
        case Key::Cc:
        case Key::Subject:
        case Key::Body:
        case Key::Filename:
        case Key::Folder:
        case Key::Account:
            if (!hasWordCharacter(t.value)) {
                fail(t.quoted && t.value.isEmpty()
                         ? QCoreApplication::translate("Search", "There is nothing to search for in these quotes.")
                         : QCoreApplication::translate("Search", "'%1' has no letters or digits to search for.")
                               .arg(t.value + (t.prefix ? QStringLiteral("*") : QString())),
                     t.position);
                return std::nullopt;
            }
            if (term.key == Key::Folder || term.key == Key::Account)
                term.prefix = false; // matched as a part of the name anyway
            return node;
        case Key::HasAttachment:
            if (t.value.compare(QLatin1String("attachment"), Qt::CaseInsensitive) != 0
                && t.value.compare(QLatin1String("attachments"), Qt::CaseInsensitive) != 0)
                return badValue(QCoreApplication::translate("Search", "'%1%2' is not known: use has:attachment."));
            term.text.clear();
            return node;
        case Key::Is: {
            const QString v = t.value.toLower();
            if (v == QLatin1String("unread") || v == QLatin1String("unseen"))
                term.flag = Flag::Unread;
            else if (v == QLatin1String("read") || v == QLatin1String("seen"))
                term.flag = Flag::Read;
            else if (v == QLatin1String("flagged") || v == QLatin1String("starred"))
                term.flag = Flag::Flagged;
            else if (v == QLatin1String("answered") || v == QLatin1String("replied"))
                term.flag = Flag::Answered;
            else
                return badValue(QCoreApplication::translate("Search", "'%1%2' is not known: use is:unread, is:read, is:flagged or is:answered."));
            term.text.clear();
            return node;
        }
        case Key::Date: {
            if (t.key == QLatin1String("date")) {
                const qsizetype dots = t.value.indexOf(QLatin1String(".."));
                if (dots >= 0) {
                    const QString a = t.value.left(dots);
                    const QString b = t.value.mid(dots + 2);
                    std::optional<Period> pa = a.isEmpty() ? std::optional<Period>(Period{}) : parsePeriod(a, m_today);
                    std::optional<Period> pb = b.isEmpty() ? std::optional<Period>(Period{}) : parsePeriod(b, m_today);
                    if (!pa || !pb || (a.isEmpty() && b.isEmpty()))
                        return badValue(QCoreApplication::translate("Search", "'%1%2' is not a date range: write e.g. date:2026-03..2026-05."));
                    term.from = pa->from;
                    term.until = pb->until;
                    if (term.from.isValid() && term.until.isValid() && term.from >= term.until)
                        return badValue(QCoreApplication::translate("Search", "'%1%2' ends before it starts."));
                } else {
                    const std::optional<Period> p = parsePeriod(t.value, m_today);
                    if (!p)
                        return badValue(QCoreApplication::translate("Search", "'%1%2' is not a date: write e.g. 2026-03-31, 2026-03, 2026, today or 7d."));
                    term.from = p->from;
                    term.until = p->until;
                }
            } else {
                const std::optional<Period> p = parsePeriod(t.value, m_today);
                if (!p)
                    return badValue(QCoreApplication::translate("Search", "'%1%2' is not a date: write e.g. 2026-03-31, 2026-03, 2026, today or 7d."));
                if (t.key == QLatin1String("before"))
                    term.until = p->from;
                else
                    term.from = p->from;
            }
            term.text.clear();
            term.phrase = term.prefix = false;
            return node;
        }
        case Key::Larger:
        case Key::Smaller: {
            const std::optional<qint64> bytes = parseSize(t.value);
            if (!bytes)
                return badValue(QCoreApplication::translate("Search", "'%1%2' is not a size: write e.g. 500k or 2M."));
            term.bytes = *bytes;
            term.text.clear();
            term.phrase = term.prefix = false;
            return node;
        }
        case Key::State:
            if (!Tracking::stateFromName(t.value.toLower(), &term.state))
                return badValue(QCoreApplication::translate("Search", "'%1%2' is not a delivery state: use e.g. state:failed, state:delayed, "
                                   "state:delivered, state:displayed or state:overdue."));
            term.text.clear();
            term.phrase = term.prefix = false;
            return node;
        case Key::RecipientState: {
            const qsizetype eq = t.value.lastIndexOf(u'=');
            if (eq <= 0 || !Tracking::stateFromName(t.value.mid(eq + 1).toLower(), &term.state))
                return badValue(QCoreApplication::translate("Search", "'%1%2' needs an address and a state: write e.g. "
                                   "recipient-state:bob@example.org=failed."));
            term.text = t.value.left(eq);
            term.phrase = term.prefix = false;
            return node;
        }
        case Key::Status: {
            static const QRegularExpression re(QStringLiteral("^[245](\\.\\d{1,3}(\\.\\d{1,3})?)?$"));
            if (!re.match(t.value).hasMatch())
                return badValue(QCoreApplication::translate("Search", "'%1%2' is not an enhanced status code: write e.g. status:5.1.1."));
            term.phrase = term.prefix = false;
            return node;
        }
        }
        return node;
    }

    QList<Token> m_tokens;
    qsizetype m_pos = 0;
    QDate m_today;
    QueryError m_error;
};

QString keyText(const Term &t)
{
    switch (t.key) {
    case Key::Text: return QStringLiteral("text");
    case Key::From: return QStringLiteral("from");
    case Key::To: return QStringLiteral("to");
    case Key::Cc: return QStringLiteral("cc");
    case Key::Subject: return QStringLiteral("subject");
    case Key::Body: return QStringLiteral("body");
    case Key::Filename: return QStringLiteral("filename");
    case Key::HasAttachment: return QStringLiteral("has");
    case Key::Is: return QStringLiteral("is");
    case Key::Folder: return QStringLiteral("folder");
    case Key::Account: return QStringLiteral("account");
    case Key::Date: return QStringLiteral("date");
    case Key::Larger: return QStringLiteral("larger");
    case Key::Smaller: return QStringLiteral("smaller");
    case Key::State: return QStringLiteral("state");
    case Key::RecipientState: return QStringLiteral("recipient-state");
    case Key::Status: return QStringLiteral("status");
    }
    return {};
}

} // namespace

ParsedQuery parseQuery(const QString &query, const QDate &today)
{
    QList<Token> tokens;
    QueryError error;
    if (!Lexer(query).run(&tokens, &error)) {
        ParsedQuery result;
        result.error = error;
        return result;
    }
    return Parser(std::move(tokens), today).run();
}

QString describe(const Node &node)
{
    if (node.kind != Node::Kind::Term) {
        QStringList parts;
        for (const Node &child : node.children)
            parts.append(describe(child));
        const char *name = node.kind == Node::Kind::And ? "AND" : node.kind == Node::Kind::Or ? "OR" : "NOT";
        return QString::fromLatin1(name) + u'(' + parts.join(u' ') + u')';
    }
    const Term &t = node.term;
    QString value;
    switch (t.key) {
    case Key::HasAttachment:
        value = QStringLiteral("attachment");
        break;
    case Key::Is:
        value = QString::fromLatin1(t.flag == Flag::Unread ? "unread"
                                    : t.flag == Flag::Read ? "read"
                                    : t.flag == Flag::Flagged ? "flagged" : "answered");
        break;
    case Key::Date:
        value = t.from.toString(Qt::ISODate) + QStringLiteral("..") + t.until.toString(Qt::ISODate);
        break;
    case Key::Larger:
    case Key::Smaller:
        value = QString::number(t.bytes);
        break;
    case Key::State:
        value = Tracking::stateName(t.state);
        break;
    case Key::RecipientState:
        value = t.text + u'=' + Tracking::stateName(t.state);
        break;
    default:
        value = t.phrase ? u'"' + t.text + u'"' : t.text;
        if (t.prefix)
            value += u'*';
    }
    return keyText(t) + u':' + value;
}

QStringList completions()
{
    return {QStringLiteral("from:"), QStringLiteral("to:"), QStringLiteral("cc:"),
            QStringLiteral("subject:"), QStringLiteral("body:"), QStringLiteral("filename:"),
            QStringLiteral("has:attachment"), QStringLiteral("is:unread"), QStringLiteral("is:read"),
            QStringLiteral("is:flagged"), QStringLiteral("is:answered"), QStringLiteral("folder:"),
            QStringLiteral("account:"), QStringLiteral("before:"), QStringLiteral("after:"),
            QStringLiteral("date:"), QStringLiteral("larger:"), QStringLiteral("smaller:"),
            QStringLiteral("state:failed"), QStringLiteral("state:delayed"),
            QStringLiteral("state:delivered"), QStringLiteral("state:displayed"),
            QStringLiteral("state:overdue"), QStringLiteral("state:relayed"),
            QStringLiteral("recipient-state:"), QStringLiteral("status:")};
}

} // namespace Mailtrail::Search
