// SPDX-License-Identifier: GPL-3.0-or-later
#include "search/Index.h"

#include "search/DocumentText.h"
#include "search/IndexMaintenance.h"
#include "search/TermDictionary.h"
#include "store/Database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace Mailtrail::Search {

namespace {

QString accountFilter(const QString &account, const char *messageAlias)
{
    if (account.isEmpty())
        return {};
    return QStringLiteral(" AND %1.folder_id IN (SELECT f.id FROM folders f JOIN accounts a ON a.id = f.account_id "
                          "WHERE a.name = :account)")
        .arg(QLatin1String(messageAlias));
}

/// Counts the messages whose indexing is still deferred: those of the recorded ranges still
/// marked (row-id range scans, so the cost grows with what is pending, not with the cache).
QString pendingCountSql(const QString &account)
{
    return QStringLiteral("SELECT COUNT(*) FROM search_deferred r CROSS JOIN messages m "
                          "ON m.id BETWEEN r.first_id AND r.last_id WHERE m.search_pending = 1")
        + accountFilter(account, "m");
}

/// A cached message whose search indexing was deferred (search_pending = 1).
struct DeferredRow
{
    qint64 id = 0;
    qint64 date = 0;
    QString fields[5]; // subject, from_name, from_address, to_addresses, cc_addresses
};

constexpr auto kDeferredColumns = "id, date, subject, from_name, from_address, to_addresses, cc_addresses";

DeferredRow deferredRow(const QSqlQuery &q)
{
    DeferredRow r;
    r.id = q.value(0).toLongLong();
    r.date = q.value(1).toLongLong();
    for (int i = 0; i < 5; ++i)
        r.fields[i] = q.value(2 + i).toString();
    return r;
}

/// Runs @p write, which gives deferred messages their documents (the trigger indexes their
/// header fields), with their terms going to the term dictionary as FTS5 tokenizes them
/// (or, on a connection without the capture, tokenized here). In the caller's transaction.
template<typename Write>
QString indexWithTerms(QSqlDatabase db, const QList<DeferredRow> &rows, Write write)
{
    NewTerms terms(db);
    if (QString error = write(); !error.isEmpty())
        return error;
    if (!terms.captured()) {
        for (const DeferredRow &r : rows) {
            for (const QString &field : r.fields)
                terms.add(field);
        }
    }
    return terms.store();
}

/// Gives a few deferred messages their documents as the insert trigger would have
/// (226-search-deferred.sql: clearing search_pending allocates the key and indexes the
/// header fields). In the caller's transaction.
QString indexDeferred(QSqlDatabase db, QList<DeferredRow> rows)
{
    if (rows.isEmpty())
        return {};
    std::sort(rows.begin(), rows.end(),
              [](const DeferredRow &a, const DeferredRow &b) { return std::pair(a.date, a.id) < std::pair(b.date, b.id); });
    return indexWithTerms(db, rows, [&]() -> QString {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("UPDATE messages SET search_pending = 0 WHERE id = ? AND search_pending = 1"));
        for (const DeferredRow &r : std::as_const(rows)) {
            q.bindValue(0, r.id);
            if (!q.exec())
                return QStringLiteral("cannot index message %1: %2").arg(r.id).arg(q.lastError().text());
        }
        return {};
    });
}

} // namespace

QString Index::storeText(qint64 messageRowId, const QByteArray &raw)
{
    return storeTexts({{messageRowId, raw}});
}

QString Index::storeTexts(const QList<std::pair<qint64, QByteArray>> &messages)
{
    struct Pending
    {
        qint64 key = 0;
        qint64 messageRowId = 0;
        DocumentText text;
    };
    QList<Pending> pending;
    pending.reserve(messages.size());
    QSqlQuery keyOf(m_db);
    keyOf.prepare(QStringLiteral("SELECT key FROM search_documents WHERE message_rowid = ?"));
    const auto keyFor = [&keyOf](qint64 messageRowId, qint64 *key) -> QString {
        keyOf.bindValue(0, messageRowId);
        if (!keyOf.exec())
            return QStringLiteral("cannot index the message text: %1").arg(keyOf.lastError().text());
        *key = keyOf.next() ? keyOf.value(0).toLongLong() : 0;
        keyOf.finish();
        return {};
    };
    QList<std::pair<qint64, QByteArray>> withoutDocument;
    for (const auto &[messageRowId, raw] : messages) {
        qint64 key = 0;
        if (QString error = keyFor(messageRowId, &key); !error.isEmpty())
            return error;
        if (key != 0)
            pending.append({key, messageRowId, documentText(raw)});
        else
            withoutDocument.append({messageRowId, raw});
    }
    // A message without a document is gone (deleted meanwhile: nothing to index), or its
    // indexing was deferred by a bulk load: it gets its document first, or its text would
    // have nowhere to go.
    if (!withoutDocument.isEmpty()) {
        QList<DeferredRow> deferred;
        QSqlQuery deferredOf(m_db);
        deferredOf.prepare(QStringLiteral("SELECT %1 FROM messages WHERE id = ? AND search_pending = 1")
                               .arg(QLatin1String(kDeferredColumns)));
        for (const auto &message : std::as_const(withoutDocument)) {
            deferredOf.bindValue(0, message.first);
            if (!deferredOf.exec())
                return QStringLiteral("cannot index the message text: %1").arg(deferredOf.lastError().text());
            if (deferredOf.next())
                deferred.append(deferredRow(deferredOf));
            deferredOf.finish();
        }
        if (QString error = indexDeferred(m_db, std::move(deferred)); !error.isEmpty())
            return error;
        for (const auto &[messageRowId, raw] : std::as_const(withoutDocument)) {
            qint64 key = 0;
            if (QString error = keyFor(messageRowId, &key); !error.isEmpty())
                return error;
            if (key != 0)
                pending.append({key, messageRowId, documentText(raw)});
        }
    }
    std::sort(pending.begin(), pending.end(), [](const Pending &a, const Pending &b) { return a.key < b.key; });
    // The term dictionary gets the texts' terms as FTS5 tokenizes them for the index.
    NewTerms terms(m_db);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE search_documents SET body = ?, attachments = ? WHERE key = ?"));
    for (const Pending &p : std::as_const(pending)) {
        q.bindValue(0, Store::notNull(p.text.body));
        q.bindValue(1, Store::notNull(p.text.attachments));
        q.bindValue(2, p.key);
        if (!q.exec())
            return QStringLiteral("cannot index the message text: %1").arg(q.lastError().text());
    }
    if (!terms.captured()) {
        for (const Pending &p : std::as_const(pending)) {
            terms.add(p.text.body);
            terms.add(p.text.attachments);
        }
    }
    if (QString error = terms.store(); !error.isEmpty())
        return error;
    return {};
}

QString Index::catchUp(int batch, int *done)
{
    if (done)
        *done = 0;
    batch = qMax(1, batch);
    // Messages whose indexing a bulk load deferred come first, newest first (the mail a user
    // looks for first): the newest commit's range (search_deferred, 230-search-deferred-
    // ranges.sql), from its end. One UPDATE for the batch: it walks the range by row id, and
    // the writer stored each commit oldest first, so the keys the trigger gives ascend and
    // FTS5 writes one segment, where a statement per message would make every message a
    // segment of its own (FTS5 flushes at each statement's savepoint).
    QSqlQuery range(m_db);
    range.prepare(QStringLiteral("SELECT id, first_id, last_id FROM search_deferred ORDER BY newest DESC, id DESC LIMIT 1"));
    QSqlQuery deferredRows(m_db);
    deferredRows.prepare(QStringLiteral("SELECT %1 FROM messages WHERE id BETWEEN ? AND ? AND search_pending = 1 "
                                        "ORDER BY id DESC LIMIT ?")
                             .arg(QLatin1String(kDeferredColumns)));
    for (;;) {
        if (!range.exec())
            return QStringLiteral("cannot list messages to index: %1").arg(range.lastError().text());
        if (!range.next())
            break;
        const qint64 rangeId = range.value(0).toLongLong();
        const qint64 firstId = range.value(1).toLongLong();
        const qint64 lastId = range.value(2).toLongLong();
        range.finish();
        deferredRows.addBindValue(firstId);
        deferredRows.addBindValue(lastId);
        deferredRows.addBindValue(batch);
        if (!deferredRows.exec())
            return QStringLiteral("cannot list messages to index: %1").arg(deferredRows.lastError().text());
        QList<DeferredRow> deferred;
        while (deferredRows.next())
            deferred.append(deferredRow(deferredRows));
        deferredRows.finish();
        // The rows read are the last of the range; what comes before them is left.
        const qint64 from = deferred.isEmpty() ? firstId : deferred.last().id;
        const bool rangeDone = deferred.size() < batch || from == firstId;
        Store::Transaction transaction(m_db);
        int count = 0;
        if (QString error = deferred.isEmpty() ? QString() : indexWithTerms(m_db, deferred, [&]() -> QString {
                QSqlQuery index(m_db);
                index.prepare(QStringLiteral("UPDATE messages SET search_pending = 0 "
                                             "WHERE id BETWEEN ? AND ? AND search_pending = 1"));
                index.addBindValue(from);
                index.addBindValue(lastId);
                if (!index.exec())
                    return QStringLiteral("cannot index messages: %1").arg(index.lastError().text());
                count = index.numRowsAffected(); // before the dictionary's statements run
                return {};
            });
            !error.isEmpty())
            return error;
        QSqlQuery shrink(m_db);
        if (rangeDone) {
            shrink.prepare(QStringLiteral("DELETE FROM search_deferred WHERE id = ?"));
        } else {
            // MIN: another catch-up (the CLI beside the window) may have gone further.
            shrink.prepare(QStringLiteral("UPDATE search_deferred SET last_id = MIN(last_id, ?) WHERE id = ?"));
            shrink.addBindValue(from - 1);
        }
        shrink.addBindValue(rangeId);
        if (!shrink.exec())
            return QStringLiteral("cannot index messages: %1").arg(shrink.lastError().text());
        if (!transaction.commit())
            return QStringLiteral("cannot commit the index: %1").arg(m_db.lastError().text());
        if (count > 0) {
            if (done)
                *done = count;
            return {};
        }
        // A range whose messages were indexed or removed meanwhile: on to the next.
    }

    QSqlQuery pending(m_db);
    pending.prepare(QStringLiteral("SELECT b.message_rowid, b.raw FROM message_bodies b "
                                   "JOIN search_documents d ON d.message_rowid = b.message_rowid "
                                   "WHERE d.body IS NULL LIMIT ?"));
    pending.addBindValue(batch);
    if (!pending.exec())
        return QStringLiteral("cannot list bodies to index: %1").arg(pending.lastError().text());
    QList<std::pair<qint64, QByteArray>> bodies;
    while (pending.next())
        bodies.append({pending.value(0).toLongLong(), pending.value(1).toByteArray()});
    pending.finish();
    if (bodies.isEmpty())
        return {};
    Store::Transaction transaction(m_db);
    if (QString error = storeTexts(bodies); !error.isEmpty())
        return error;
    if (!transaction.commit())
        return QStringLiteral("cannot commit the index: %1").arg(m_db.lastError().text());
    if (done)
        *done = int(bodies.size());
    return {};
}

QString Index::rebuild(const QString &account)
{
    Store::Transaction transaction(m_db);
    QSqlQuery q(m_db);
    // Every deferred message in one range again, in case a range went missing (one rowid
    // past the largest, or a database edited by hand): the catch-up below then finds them all.
    if (!q.exec(QStringLiteral("DELETE FROM search_deferred"))
        || !q.exec(QStringLiteral("INSERT INTO search_deferred(first_id, last_id, newest) "
                                  "SELECT MIN(id), MAX(id), MAX(date) FROM messages WHERE search_pending = 1 "
                                  "HAVING COUNT(*) > 0")))
        return QStringLiteral("cannot rebuild the index: %1").arg(q.lastError().text());
    // Documents missing for some messages (an index damaged by hand) come back first.
    if (!q.exec(QStringLiteral(
            "INSERT INTO search_documents(key, message_rowid) "
            "SELECT (SELECT COALESCE(MAX(key), 0) FROM search_documents) + ROW_NUMBER() OVER (ORDER BY id), id "
            "FROM messages WHERE search_pending = 0 AND id NOT IN (SELECT message_rowid FROM search_documents)")))
        return QStringLiteral("cannot rebuild the index: %1").arg(q.lastError().text());
    q.prepare(QStringLiteral("UPDATE search_documents SET body = NULL, attachments = NULL WHERE 1")
              + (account.isEmpty() ? QString()
                                   : QStringLiteral(" AND message_rowid IN (SELECT m.id FROM messages m WHERE 1")
                                         + accountFilter(account, "m") + u')'));
    if (!account.isEmpty())
        q.bindValue(QStringLiteral(":account"), account);
    // The FTS index may not match the rows any more: rebuild it from the content first, so
    // the triggers' deletes below remove exactly what is indexed.
    QSqlQuery fts(m_db);
    if (!fts.exec(QStringLiteral("INSERT INTO message_search(message_search) VALUES('rebuild')")))
        return QStringLiteral("cannot rebuild the index: %1").arg(fts.lastError().text());
    if (!q.exec())
        return QStringLiteral("cannot rebuild the index: %1").arg(q.lastError().text());
    if (!transaction.commit())
        return QStringLiteral("cannot commit the index: %1").arg(m_db.lastError().text());
    int done = 0;
    do {
        if (QString error = catchUp(500, &done); !error.isEmpty())
            return error;
    } while (done > 0);
    // The term dictionary as the index is now: without the terms of mail that is gone.
    Store::Transaction refill(m_db);
    if (QString error = TermDictionary(m_db).refill(); !error.isEmpty())
        return error;
    if (!refill.commit())
        return QStringLiteral("cannot commit the index: %1").arg(m_db.lastError().text());
    // The bodies' text came in batches, each a segment of its own: one segment again.
    return IndexMaintenance(m_db).optimize();
}

qint64 Index::pendingMessages() const
{
    QSqlQuery q(m_db);
    if (!q.exec(pendingCountSql(QString())) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

IndexStatus Index::status(const QString &account) const
{
    IndexStatus s;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT COUNT(*), COUNT(d.body), "
                             "COALESCE(SUM(LENGTH(CAST(m.subject || m.from_name || m.from_address || m.to_addresses "
                             "|| m.cc_addresses || COALESCE(d.body, '') || COALESCE(d.attachments, '') AS BLOB))), 0) "
                             "FROM search_documents d JOIN messages m ON m.id = d.message_rowid WHERE 1")
              + accountFilter(account, "m"));
    if (!account.isEmpty())
        q.bindValue(QStringLiteral(":account"), account);
    if (q.exec() && q.next()) {
        s.messages = q.value(0).toLongLong();
        s.withText = q.value(1).toLongLong();
        s.textBytes = q.value(2).toLongLong();
    }
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM message_bodies b JOIN search_documents d "
                             "ON d.message_rowid = b.message_rowid JOIN messages m ON m.id = b.message_rowid "
                             "WHERE d.body IS NULL")
              + accountFilter(account, "m"));
    if (!account.isEmpty())
        q.bindValue(QStringLiteral(":account"), account);
    if (q.exec() && q.next())
        s.pendingBodies = q.value(0).toLongLong();
    q.prepare(pendingCountSql(account));
    if (!account.isEmpty())
        q.bindValue(QStringLiteral(":account"), account);
    if (q.exec() && q.next())
        s.pendingMessages = q.value(0).toLongLong();
    if (q.exec(QStringLiteral("SELECT COALESCE(SUM(LENGTH(block)), 0) + "
                              "(SELECT COALESCE(SUM(LENGTH(term)) + 8 * COUNT(*), 0) FROM message_search_idx) "
                              "FROM message_search_data"))
        && q.next())
        s.indexBytes = q.value(0).toLongLong();
    const TermDictionary dictionary(m_db);
    s.indexBytes += dictionary.sizeBytes();
    s.segments = IndexMaintenance(m_db).segments().count;
    QSqlQuery check(m_db);
    if (!check.exec(QStringLiteral("INSERT INTO message_search(message_search, rank) VALUES('integrity-check', 1)"))) {
        s.healthy = false;
        s.problem = check.lastError().text();
    } else if (const qint64 missing = dictionary.missingTerms(); missing != 0) {
        s.healthy = false;
        s.problem = missing < 0 ? QStringLiteral("cannot read the term dictionary")
                                : QStringLiteral("%1 indexed terms are missing from the term dictionary").arg(missing);
    }
    return s;
}

} // namespace Mailtrail::Search
