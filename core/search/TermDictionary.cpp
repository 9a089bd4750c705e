// SPDX-License-Identifier: GPL-3.0-or-later
#include "search/TermDictionary.h"

#include "store/Sqlite_p.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <mutex>
#include <unordered_map>
#include <vector>

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

} // namespace

/// What one connection knows of the dictionary, across batches: a child of its QSqlDriver,
/// so it goes with the connection.
class KnownTerms : public QObject
{
public:
    /// Terms in search_terms that no rollback can remove: committed.
    TermSet committed;
    /// Terms this connection inserted since it last had no write transaction open: they may
    /// still be rolled back.
    TermSet uncommitted;
    qint64 generation = -1;

    static KnownTerms *of(const QSqlDatabase &db)
    {
        QSqlDriver *driver = db.driver();
        if (!driver)
            return nullptr;
        static const QString name = QStringLiteral("mailtrail-known-terms");
        if (auto *known = driver->findChild<QObject *>(name, Qt::FindDirectChildrenOnly))
            return static_cast<KnownTerms *>(known);
        auto *known = new KnownTerms;
        known->setObjectName(name);
        known->setParent(driver);
        return known;
    }
};

/// The capturing "unicode61" of one connection (installTermCapture()).
struct TermCapture
{
    fts5_tokenizer real{};          ///< SQLite's unicode61
    void *realUserData = nullptr;
    sqlite3 *db = nullptr;
    NewTerms *collector = nullptr;  ///< collecting now, or null
    bool inUse = false;             ///< FTS5 made a tokenizer of it (for the index of this connection)
};

namespace {

/// The connections' captures, by handle: a NewTerms finds its connection's.
std::mutex captureMutex;
std::unordered_map<sqlite3 *, TermCapture *> captures;

TermCapture *captureOf(sqlite3 *db)
{
    if (!db)
        return nullptr;
    const std::lock_guard lock(captureMutex);
    const auto it = captures.find(db);
    return it == captures.end() ? nullptr : it->second;
}

struct CaptureInstance
{
    TermCapture *capture = nullptr;
    Fts5Tokenizer *real = nullptr;
};

int captureCreate(void *userData, const char **arguments, int count, Fts5Tokenizer **out)
{
    auto *capture = static_cast<TermCapture *>(userData);
    auto instance = std::make_unique<CaptureInstance>();
    instance->capture = capture;
    if (const int rc = capture->real.xCreate(capture->realUserData, arguments, count, &instance->real); rc != SQLITE_OK)
        return rc;
    capture->inUse = true;
    *out = reinterpret_cast<Fts5Tokenizer *>(instance.release());
    return SQLITE_OK;
}

void captureDelete(Fts5Tokenizer *tokenizer)
{
    auto *instance = reinterpret_cast<CaptureInstance *>(tokenizer);
    instance->capture->real.xDelete(instance->real);
    delete instance;
}

struct CaptureCall
{
    NewTerms *collector;
    void *context;
    int (*token)(void *, int, const char *, int, int, int);
};

int captureTokenize(Fts5Tokenizer *tokenizer, void *context, int flags, const char *text, int size,
                    int (*token)(void *, int, const char *, int, int, int))
{
    auto *instance = reinterpret_cast<CaptureInstance *>(tokenizer);
    TermCapture *capture = instance->capture;
    if (!capture->collector || !(flags & FTS5_TOKENIZE_DOCUMENT))
        return capture->real.xTokenize(instance->real, context, flags, text, size, token);
    CaptureCall call{capture->collector, context, token};
    return capture->real.xTokenize(instance->real, &call, flags, text, size,
                                   [](void *c, int tokenFlags, const char *t, int n, int start, int end) {
                                       auto *call = static_cast<CaptureCall *>(c);
                                       if (!(tokenFlags & FTS5_TOKEN_COLOCATED))
                                           call->collector->collect(std::string_view(t, size_t(n)));
                                       return call->token(call->context, tokenFlags, t, n, start, end);
                                   });
}

void captureDestroy(void *userData)
{
    auto *capture = static_cast<TermCapture *>(userData);
    {
        const std::lock_guard lock(captureMutex);
        if (const auto it = captures.find(capture->db); it != captures.end() && it->second == capture)
            captures.erase(it);
    }
    delete capture;
}

} // namespace

bool installTermCapture(sqlite3 *db)
{
    fts5_api *fts5 = db ? fts5Api(db) : nullptr;
    if (!fts5 || fts5->iVersion < 2)
        return false;
    auto capture = std::make_unique<TermCapture>();
    capture->db = db;
    if (fts5->xFindTokenizer(fts5, "unicode61", &capture->realUserData, &capture->real) != SQLITE_OK)
        return false;
    fts5_tokenizer wrapper{captureCreate, captureDelete, captureTokenize};
    TermCapture *raw = capture.get();
    {
        const std::lock_guard lock(captureMutex);
        captures[db] = raw; // a handle reused after its connection closed: the new one
    }
    if (fts5->xCreateTokenizer(fts5, "unicode61", raw, &wrapper, captureDestroy) != SQLITE_OK) {
        const std::lock_guard lock(captureMutex);
        captures.erase(db);
        return false;
    }
    capture.release(); // SQLite owns it now: captureDestroy() when the connection closes
    return true;
}

/// message_search's tokenizer (tokenize = 'unicode61 remove_diacritics 2'), from SQLite.
class Fts5Words
{
public:
    fts5_tokenizer api{};
    Fts5Tokenizer *instance = nullptr;

    explicit Fts5Words(sqlite3 *db)
    {
        void *userData = nullptr;
        if (const TermCapture *capture = captureOf(db)) { // SQLite's own, not the capture
            api = capture->real;
            userData = capture->realUserData;
        } else {
            fts5_api *fts5 = db ? fts5Api(db) : nullptr;
            if (!fts5 || fts5->xFindTokenizer(fts5, "unicode61", &userData, &api) != SQLITE_OK)
                return;
        }
        const char *arguments[] = {"remove_diacritics", "2"};
        if (api.xCreate(userData, arguments, 2, &instance) != SQLITE_OK)
            instance = nullptr;
    }
    ~Fts5Words()
    {
        if (instance)
            api.xDelete(instance);
    }
    Fts5Words(const Fts5Words &) = delete;
    Fts5Words &operator=(const Fts5Words &) = delete;

    /// Calls @p collect(token, size) for each token of @p utf8; false on failure.
    template<typename Collect>
    bool tokenize(QByteArrayView utf8, int flags, Collect collect)
    {
        if (!instance)
            return false;
        auto callback = [](void *context, int tokenFlags, const char *token, int size, int, int) {
            if (!(tokenFlags & FTS5_TOKEN_COLOCATED)) // synonyms: unicode61 makes none
                (*static_cast<Collect *>(context))(token, size);
            return SQLITE_OK;
        };
        return api.xTokenize(instance, &collect, flags, utf8.data(), int(utf8.size()), callback) == SQLITE_OK;
    }
};

QStringList TermDictionary::tokens(const QString &text) const
{
    QStringList tokens;
    Fts5Words tokenizer(Store::Sqlite::handle(m_db));
    const QByteArray utf8 = text.toUtf8();
    if (!tokenizer.tokenize(utf8, FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX,
                            [&tokens](const char *token, int size) { tokens.append(QString::fromUtf8(token, size)); }))
        tokens.clear();
    return tokens;
}

std::optional<QStringList> TermDictionary::completions(const QString &prefix, int cap) const
{
    if (prefix.isEmpty())
        return std::nullopt;
    // U+10FFFF, the largest code point, is a noncharacter (category Cn), which unicode61 never
    // puts into a token: every term that starts with the prefix sorts below prefix + U+10FFFF
    // (bytewise, as the BINARY collation compares), and no other term between them does.
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.prepare(QStringLiteral("SELECT term FROM search_terms WHERE term >= ? AND term <= ? LIMIT ?")))
        return std::nullopt;
    q.addBindValue(prefix);
    q.addBindValue(QString(prefix + QString::fromUcs4(U"\U0010FFFF", 1)));
    q.addBindValue(cap + 1);
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

QString TermDictionary::refill()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("DELETE FROM search_terms"))
        || !q.exec(QStringLiteral("INSERT INTO search_terms(term) SELECT term FROM message_search_vocab"))
        || !q.exec(QStringLiteral("UPDATE search_terms_state SET generation = generation + 1")))
        return QStringLiteral("cannot rebuild the term dictionary: %1").arg(q.lastError().text());
    return {};
}

qint64 TermDictionary::missingTerms() const
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM message_search_vocab v "
                               "WHERE NOT EXISTS (SELECT 1 FROM search_terms t WHERE t.term = v.term)"))
        || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

qint64 TermDictionary::sizeBytes() const
{
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral("SELECT COALESCE(SUM(pgsize), 0) FROM dbstat WHERE name = 'search_terms'")) && q.next())
        return q.value(0).toLongLong();
    // Without the dbstat table: the terms and a few bytes of record and cell headers each.
    if (q.exec(QStringLiteral("SELECT COALESCE(SUM(LENGTH(CAST(term AS BLOB))) + 4 * COUNT(*), 0) FROM search_terms"))
        && q.next())
        return q.value(0).toLongLong();
    return 0;
}

NewTerms::NewTerms(QSqlDatabase db)
    : m_db(std::move(db))
{
    // No SQL here: a read before the writer's first write would make its transaction one
    // that cannot take the write lock once another connection (the index maintenance, the
    // body storer) has committed meanwhile (SQLITE_BUSY_SNAPSHOT). The dictionary's state is
    // read in store(), after the writes.
    sqlite3 *handle = Store::Sqlite::handle(m_db);
    m_known = handle ? KnownTerms::of(m_db) : nullptr;
    // No write transaction open (before the writes whose terms this object collects): whatever
    // this connection inserted before is committed or rolled back by now, so a term found from
    // here on that it has not inserted since is committed.
    if (m_known && sqlite3_txn_state(handle, "main") != SQLITE_TXN_WRITE)
        m_known->uncommitted.clear();
    // Collect what FTS5 tokenizes from now on (the index's tokenizer is then ours: it was
    // made on this connection after the capture was installed).
    m_capture = captureOf(handle);
    if (m_capture) {
        m_previous = m_capture->collector;
        m_capture->collector = this;
    }
}

NewTerms::~NewTerms()
{
    endCapture();
}

void NewTerms::endCapture()
{
    if (!m_capture)
        return;
    m_captured = m_capture->inUse;
    if (m_capture->collector == this)
        m_capture->collector = m_previous;
    m_capture = nullptr;
}

bool NewTerms::captured() const
{
    return m_captured || (m_capture && m_capture->inUse);
}

void NewTerms::collect(std::string_view term)
{
    if (m_terms.find(term) == m_terms.end()) // emplace() would make a string first
        m_terms.emplace(term);
}

void NewTerms::add(QByteArrayView utf8)
{
    endCapture();
    if (!m_tokenizer)
        m_tokenizer = std::make_unique<Fts5Words>(Store::Sqlite::handle(m_db));
    if (!m_tokenizer->tokenize(utf8, FTS5_TOKENIZE_DOCUMENT,
                               [this](const char *token, int size) { collect(std::string_view(token, size_t(size))); }))
        m_tokenizerFailed = true;
}

QString NewTerms::store()
{
    endCapture();
    if (m_terms.empty())
        return {};
    if (m_tokenizerFailed)
        return QStringLiteral("cannot add to the term dictionary: FTS5's tokenizer is not available");
    sqlite3 *handle = Store::Sqlite::handle(m_db);
    // What this connection remembers holds unless the dictionary was rebuilt since.
    KnownTerms *known = m_known;
    Store::Sqlite::Statement state;
    if (known && sqlite3_prepare_v2(handle, "SELECT generation FROM search_terms_state", -1, &state.stmt, nullptr) == SQLITE_OK
        && sqlite3_step(state.stmt) == SQLITE_ROW) {
        const qint64 generation = sqlite3_column_int64(state.stmt, 0);
        if (known->generation != generation) {
            known->committed.clear();
            known->uncommitted.clear();
            known->generation = generation;
        }
    } else {
        known = nullptr; // no state (a profile being migrated): nothing remembered, every term looked up
    }
    std::vector<std::string> terms;
    terms.reserve(m_terms.size());
    for (auto it = m_terms.begin(); it != m_terms.end();) {
        auto node = m_terms.extract(it++);
        if (!known || known->committed.find(node.value()) == known->committed.end())
            terms.push_back(std::move(node.value()));
    }
    std::sort(terms.begin(), terms.end()); // in key order: each insert lands next to the last
    Store::Sqlite::Statement insert;
    if (!terms.empty()
        && sqlite3_prepare_v2(handle, "INSERT OR IGNORE INTO search_terms(term) VALUES(?)", -1, &insert.stmt, nullptr)
            != SQLITE_OK)
        return QStringLiteral("cannot add to the term dictionary: %1").arg(QString::fromUtf8(sqlite3_errmsg(handle)));
    for (std::string &term : terms) {
        sqlite3_bind_text(insert.stmt, 1, term.data(), int(term.size()), SQLITE_STATIC);
        const int rc = sqlite3_step(insert.stmt);
        sqlite3_reset(insert.stmt);
        if (rc != SQLITE_DONE)
            return QStringLiteral("cannot add to the term dictionary: %1").arg(QString::fromUtf8(sqlite3_errmsg(handle)));
        if (!known)
            continue;
        if (sqlite3_changes(handle) > 0)
            known->uncommitted.insert(std::move(term));
        else if (known->uncommitted.find(term) == known->uncommitted.end())
            known->committed.insert(std::move(term));
    }
    return {};
}

} // namespace Mailtrail::Search
