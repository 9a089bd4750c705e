// SPDX-License-Identifier: GPL-3.0-or-later
#include "search/TermDictionary.h"

#include "store/Sqlite_p.h"

#include <QSqlQuery>
#include <QVariant>

namespace Mailtrail::Search {

namespace {

/// SQLite's FTS5 API of @p db (https://sqlite.org/fts5.html §7.1), or null.
fts5_api *fts5Api(sqlite3 *db)
{
    fts5_api *api = nullptr;
    Store::Sqlite::Statement select;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &select.stmt, nullptr) != SQLITE_OK)
        return nullptr;
    sqlite3_bind_pointer(select.stmt, 1, static_cast<void *>(&api), "fts5_api_ptr", nullptr);
    if (sqlite3_step(select.stmt) != SQLITE_ROW)
        return nullptr;
    return api;
}

int collectToken(void *context, int flags, const char *token, int size, int start, int end)
{
    Q_UNUSED(start)
    Q_UNUSED(end)
    if (flags & FTS5_TOKEN_COLOCATED) // synonyms: unicode61 makes none
        return SQLITE_OK;
    static_cast<QStringList *>(context)->append(QString::fromUtf8(token, size));
    return SQLITE_OK;
}

} // namespace

QStringList TermDictionary::tokens(const QString &text) const
{
    QStringList tokens;
    sqlite3 *db = Store::Sqlite::handle(m_db);
    fts5_api *api = db ? fts5Api(db) : nullptr;
    if (!api)
        return tokens;
    void *userData = nullptr;
    fts5_tokenizer tokenizer{};
    if (api->xFindTokenizer(api, "unicode61", &userData, &tokenizer) != SQLITE_OK)
        return tokens;
    // As message_search was created: tokenize = 'unicode61 remove_diacritics 2'.
    const char *arguments[] = {"remove_diacritics", "2"};
    Fts5Tokenizer *instance = nullptr;
    if (tokenizer.xCreate(userData, arguments, 2, &instance) != SQLITE_OK)
        return tokens;
    const QByteArray utf8 = text.toUtf8();
    if (tokenizer.xTokenize(instance, &tokens, FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX, utf8.constData(),
                            int(utf8.size()), collectToken)
        != SQLITE_OK)
        tokens.clear();
    tokenizer.xDelete(instance);
    return tokens;
}

std::optional<QStringList> TermDictionary::completions(const QString &prefix, int cap) const
{
    if (prefix.isEmpty())
        return std::nullopt;
    // fts5vocab stops reading the index at the upper bound. U+10FFFF, the largest code point,
    // is a noncharacter (category Cn), which unicode61 never puts into a token: every term
    // that starts with the prefix sorts below prefix + U+10FFFF, and none after it does.
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.prepare(QStringLiteral("SELECT term FROM message_search_terms WHERE term >= ? AND term <= ?")))
        return std::nullopt;
    q.addBindValue(prefix);
    q.addBindValue(QString(prefix + QString::fromUcs4(U"\U0010FFFF", 1)));
    if (!q.exec())
        return std::nullopt;
    QStringList terms;
    while (q.next()) {
        const QString term = q.value(0).toString();
        if (!term.startsWith(prefix))
            continue;
        if (terms.size() == cap)
            return std::nullopt;
        terms.append(term);
    }
    return terms;
}

} // namespace Mailtrail::Search
