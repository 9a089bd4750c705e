// SPDX-License-Identifier: GPL-3.0-or-later
#include "search/LocalSearch.h"

#include "search/Index.h"
#include "search/TermDictionary.h"
#include "tracking/TrackingStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace Mailtrail::Search {

bool isTextKey(Key key)
{
    switch (key) {
    case Key::Text:
    case Key::From:
    case Key::To:
    case Key::Cc:
    case Key::Subject:
    case Key::Body:
    case Key::Filename:
        return true;
    default:
        return false;
    }
}

namespace {

/// Document keys are the message's date in seconds, or a little later when other messages
/// of the same second came first (181-search-compact-index.sql, 220-search-key-runs.sql):
/// never earlier, and always less than a day later. A date range is checked exactly on the message's date; the key
/// range only lets the index skip what is certainly outside, with a day of slack above.
constexpr qint64 kKeySlack = 24 * 3600;

qint64 secondsOf(const QDate &date)
{
    return std::max<qint64>(QDateTime(date, QTime(0, 0)).toSecsSinceEpoch(), 0);
}

QString ftsString(const QString &text)
{
    QString quoted = text;
    quoted.replace(u'"', QLatin1String("\"\""));
    return u'"' + quoted + u'"';
}

/// The FTS5 text of a term's words: a quoted phrase, with ` *` when its last word is a
/// prefix. With a dictionary, a prefix becomes the OR of the indexed terms it starts
/// (`("invoice" OR "invoices")`): FTS5 answers that newest first and stops after the first
/// N rows, where `"invo" *` without a prefix index first merges the whole doclist of every
/// matching term. Without the dictionary, when the prefix has no token, or when it starts
/// more than kMaxPrefixTerms terms, the prefix stays FTS5's.
QString ftsPhrase(const Term &term, const TermDictionary *dictionary)
{
    if (term.prefix && dictionary) {
        const QStringList tokens = dictionary->tokens(term.text);
        if (!tokens.isEmpty()) {
            if (const std::optional<QStringList> terms = dictionary->completions(tokens.last(), kMaxPrefixTerms);
                terms && !terms->isEmpty()) {
                const QString head = QStringList(tokens.first(tokens.size() - 1)).join(u' ');
                QStringList phrases;
                for (const QString &completion : *terms)
                    phrases.append(ftsString(head.isEmpty() ? completion : head + u' ' + completion));
                return phrases.size() == 1 ? phrases.first() : u'(' + phrases.join(QLatin1String(" OR ")) + u')';
            }
        }
    }
    QString phrase = ftsString(term.text);
    if (term.prefix)
        phrase += QLatin1String(" *");
    return phrase;
}

QString ftsTerm(const Term &term, const TermDictionary *dictionary)
{
    const QString phrase = ftsPhrase(term, dictionary);
    const char *column = nullptr;
    switch (term.key) {
    case Key::From: column = "sender"; break;
    case Key::To: column = "recipients"; break;
    case Key::Cc: column = "copies"; break;
    case Key::Subject: column = "subject"; break;
    case Key::Body: column = "body"; break;
    case Key::Filename: column = "attachments"; break;
    default: break;
    }
    if (!column)
        return phrase;
    return u'{' + QLatin1String(column) + QLatin1String("} : ") + phrase;
}

QString likePattern(const QString &text)
{
    QString escaped = text;
    escaped.replace(u'\\', QLatin1String("\\\\")).replace(u'%', QLatin1String("\\%")).replace(u'_', QLatin1String("\\_"));
    return u'%' + escaped + u'%';
}

/// Builds the SQL for one query, collecting bound values in the order of their `?`.
class SqlBuilder
{
public:
    SqlBuilder(QSqlDatabase db, QDateTime now) : m_db(std::move(db)), m_now(std::move(now)) {}

    /// A boolean SQL expression over d (search_documents), m (messages), f (folders),
    /// a (accounts); `keyColumn` is the date-ordered key to compare dates with.
    QString expression(const Node &node, const QString &keyColumn, QVariantList *binds)
    {
        // A subtree of text terms is one look-up in the index.
        if (const QString fts = LocalSearch::ftsExpression(node); !fts.isEmpty()) {
            binds->append(fts);
            return QStringLiteral("d.key IN (SELECT rowid FROM message_search WHERE message_search MATCH ?)");
        }
        switch (node.kind) {
        case Node::Kind::And:
        case Node::Kind::Or: {
            QStringList parts;
            for (const Node &child : node.children)
                parts.append(expression(child, keyColumn, binds));
            return u'(' + parts.join(node.kind == Node::Kind::And ? QLatin1String(" AND ") : QLatin1String(" OR ")) + u')';
        }
        case Node::Kind::Not:
            return QStringLiteral("NOT ") + expression(node.children.first(), keyColumn, binds);
        case Node::Kind::Term:
            break;
        }
        const Term &t = node.term;
        switch (t.key) {
        case Key::Is:
            switch (t.flag) {
            case Flag::Unread: return QStringLiteral("m.seen = 0");
            case Flag::Read: return QStringLiteral("m.seen <> 0");
            case Flag::Flagged: return QStringLiteral("(' ' || m.flags || ' ') LIKE '% \\Flagged %'");
            case Flag::Answered: return QStringLiteral("(' ' || m.flags || ' ') LIKE '% \\Answered %'");
            }
            break;
        case Key::HasAttachment:
            return QStringLiteral("(d.attachments <> '' OR (d.attachments IS NULL AND m.content_type LIKE 'multipart/mixed%'))");
        case Key::Folder:
            binds->append(likePattern(t.text));
            return QStringLiteral("f.name LIKE ? ESCAPE '\\'");
        case Key::Account:
            binds->append(t.text);
            return QStringLiteral("a.name = ? COLLATE NOCASE");
        case Key::Date: {
            QStringList parts;
            if (t.from.isValid()) {
                binds->append(secondsOf(t.from));
                binds->append(secondsOf(t.from));
                parts.append(keyColumn + QLatin1String(" >= ? AND m.date >= ?"));
            }
            if (t.until.isValid()) {
                binds->append(secondsOf(t.until) + kKeySlack);
                binds->append(secondsOf(t.until));
                parts.append(keyColumn + QLatin1String(" < ? AND m.date < ?"));
            }
            return parts.isEmpty() ? QStringLiteral("1") : u'(' + parts.join(QLatin1String(" AND ")) + u')';
        }
        case Key::Larger:
            binds->append(t.bytes);
            return QStringLiteral("m.size > ?");
        case Key::Smaller:
            binds->append(t.bytes);
            return QStringLiteral("m.size < ?");
        case Key::State:
        case Key::RecipientState:
        case Key::Status:
            binds->append(sentMessageIds(t));
            return QStringLiteral("m.message_id IN (SELECT value FROM json_each(?))");
        default:
            break;
        }
        return QStringLiteral("0");
    }

private:
    /// Message-ID headers (with angle brackets) of sent messages with a recipient matching
    /// a delivery-state term, as a JSON array. States are derived from the evidence.
    QString sentMessageIds(const Term &term)
    {
        if (!m_tracked) {
            m_tracked = Tracking::TrackingStore(m_db).messages();
        }
        QJsonArray ids;
        for (const Tracking::TrackedMessage &message : std::as_const(*m_tracked)) {
            bool match = false;
            for (const Tracking::RecipientTimeline &timeline : message.recipients) {
                const Tracking::DerivedState derived = timeline.derive(m_now);
                switch (term.key) {
                case Key::State:
                    match = derived.state == term.state;
                    break;
                case Key::RecipientState:
                    match = derived.state == term.state
                        && timeline.address().contains(term.text, Qt::CaseInsensitive);
                    break;
                case Key::Status:
                    if (derived.decidingEvent >= 0) {
                        const QString status = timeline.events().at(derived.decidingEvent).status;
                        match = status == term.text || status.startsWith(term.text + u'.');
                    }
                    break;
                default:
                    break;
                }
                if (match)
                    break;
            }
            if (match)
                ids.append(QString(u'<' + message.messageId + u'>'));
        }
        return QString::fromUtf8(QJsonDocument(ids).toJson(QJsonDocument::Compact));
    }

    QSqlDatabase m_db;
    QDateTime m_now;
    std::optional<QList<Tracking::TrackedMessage>> m_tracked;
};

QList<const Node *> conjuncts(const Node &root)
{
    QList<const Node *> list;
    if (root.kind == Node::Kind::And) {
        for (const Node &child : root.children)
            list.append(&child);
    } else {
        list.append(&root);
    }
    return list;
}

} // namespace

QString LocalSearch::ftsExpression(const Node &node)
{
    return ftsExpression(node, nullptr);
}

QString LocalSearch::ftsExpression(const Node &node, const TermDictionary *dictionary)
{
    switch (node.kind) {
    case Node::Kind::Term:
        return isTextKey(node.term.key) ? ftsTerm(node.term, dictionary) : QString();
    case Node::Kind::Not:
        return {};
    case Node::Kind::Or: {
        QStringList parts;
        for (const Node &child : node.children) {
            const QString part = ftsExpression(child, dictionary);
            if (part.isEmpty())
                return {};
            parts.append(part);
        }
        return u'(' + parts.join(QLatin1String(" OR ")) + u')';
    }
    case Node::Kind::And: {
        QStringList positive;
        QStringList negative;
        for (const Node &child : node.children) {
            if (child.kind == Node::Kind::Not) {
                const QString part = ftsExpression(child.children.first(), dictionary);
                if (part.isEmpty())
                    return {};
                negative.append(part);
            } else {
                const QString part = ftsExpression(child, dictionary);
                if (part.isEmpty())
                    return {};
                positive.append(part);
            }
        }
        if (positive.isEmpty())
            return {};
        QString expression = u'(' + positive.join(QLatin1String(" AND ")) + u')';
        for (const QString &part : std::as_const(negative))
            expression = u'(' + expression + QLatin1String(" NOT ") + part + u')';
        return expression;
    }
    }
    return {};
}

SearchResult LocalSearch::run(const Node &query, const Scope &scope) const
{
    SearchResult result;
    SqlBuilder builder(m_db, scope.now.isValid() ? scope.now : QDateTime::currentDateTimeUtc());

    // Text conjuncts drive the query through the index; the rest filter its rows. Prefixes
    // become ORs of their terms when only the newest few rows are wanted (an OR of many
    // terms costs more than FTS5's merged prefix when every match is read).
    const TermDictionary terms(m_db);
    const TermDictionary *dictionary = scope.limit > 0 ? &terms : nullptr;
    QStringList positive;
    QStringList negative;
    QList<const Node *> filters;
    for (const Node *conjunct : conjuncts(query)) {
        if (!ftsExpression(*conjunct).isEmpty()) {
            positive.append(ftsExpression(*conjunct, dictionary));
        } else if (conjunct->kind == Node::Kind::Not && !ftsExpression(conjunct->children.first()).isEmpty()) {
            negative.append(ftsExpression(conjunct->children.first(), dictionary));
        } else {
            filters.append(conjunct);
        }
    }
    if (positive.isEmpty()) { // exclusions alone cannot drive the index
        for (const Node *conjunct : conjuncts(query)) {
            if (conjunct->kind == Node::Kind::Not && !ftsExpression(conjunct->children.first()).isEmpty())
                filters.append(conjunct);
        }
        negative.clear();
    }
    const bool driven = !positive.isEmpty();
    const QString keyColumn = driven ? QStringLiteral("s.rowid") : QStringLiteral("d.key");

    QString sql = QStringLiteral(
        "SELECT m.id, a.name, f.name, f.id, m.uid, m.message_id, m.date, m.from_name, m.from_address, "
        "m.subject, m.seen FROM ");
    sql += driven ? QStringLiteral("message_search s JOIN search_documents d ON d.key = s.rowid ")
                  : QStringLiteral("search_documents d ");
    sql += QStringLiteral("JOIN messages m ON m.id = d.message_rowid JOIN folders f ON f.id = m.folder_id "
                          "JOIN accounts a ON a.id = f.account_id");
    QStringList where;
    QVariantList binds;
    if (driven) {
        QString match = u'(' + positive.join(QLatin1String(" AND ")) + u')';
        for (const QString &part : std::as_const(negative))
            match = u'(' + match + QLatin1String(" NOT ") + part + u')';
        where.append(QStringLiteral("message_search MATCH ?"));
        binds.append(match);
    }
    for (const Node *filter : std::as_const(filters))
        where.append(builder.expression(*filter, keyColumn, &binds));
    if (!scope.account.isEmpty()) {
        where.append(QStringLiteral("a.name = ?"));
        binds.append(scope.account);
    }
    if (!scope.folder.isEmpty()) {
        where.append(QStringLiteral("f.name = ?"));
        binds.append(scope.folder);
    }
    if (scope.folderId > 0) {
        where.append(QStringLiteral("m.folder_id = ?"));
        binds.append(scope.folderId);
    }
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QLatin1String(" AND "));
    sql += QStringLiteral(" ORDER BY ") + keyColumn + QStringLiteral(" DESC");
    if (scope.limit > 0) {
        sql += QStringLiteral(" LIMIT ?");
        binds.append(scope.limit);
    }

    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.prepare(sql)) {
        result.error = QStringLiteral("cannot search: %1").arg(q.lastError().text());
        return result;
    }
    for (const QVariant &value : std::as_const(binds))
        q.addBindValue(value);
    if (!q.exec()) {
        result.error = QStringLiteral("cannot search: %1").arg(q.lastError().text());
        return result;
    }
    while (q.next()) {
        Hit hit;
        hit.messageRowId = q.value(0).toLongLong();
        hit.account = q.value(1).toString();
        hit.folder = q.value(2).toString();
        hit.folderId = q.value(3).toLongLong();
        hit.uid = q.value(4).toUInt();
        hit.messageId = q.value(5).toString();
        hit.date = QDateTime::fromSecsSinceEpoch(q.value(6).toLongLong(), Qt::UTC);
        hit.fromName = q.value(7).toString();
        hit.fromAddress = q.value(8).toString();
        hit.subject = q.value(9).toString();
        hit.seen = q.value(10).toBool();
        result.hits.append(hit);
    }
    // What a big sync left to the index is not searched yet (Search::Index::catchUp()).
    result.unindexed = qMax<qint64>(0, Index(m_db).pendingMessages());
    return result;
}

} // namespace Mailtrail::Search
