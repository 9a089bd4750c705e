// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QString>

namespace Mailtrail::Search {

/// What the search index holds (`mailtrail-cli index status`).
struct IndexStatus
{
    qint64 messages = 0;       ///< cached messages in the index (each has a document)
    qint64 pendingMessages = 0; ///< cached messages not in the index yet (a bulk load deferred them)
    qint64 withText = 0;       ///< documents with their body's text
    qint64 pendingBodies = 0;  ///< downloaded bodies whose text is not indexed yet
    qint64 indexBytes = 0;     ///< size of the full-text index (FTS5 shadow tables) and its term dictionary
    qint64 textBytes = 0;      ///< UTF-8 bytes of the text it indexes
    int segments = 0;          ///< b-trees the full-text index is made of (1 when merged; IndexMaintenance)
    bool healthy = true;       ///< FTS5 integrity-check against the cached rows passed, no term missing from the dictionary
    QString problem;           ///< why not, when not healthy
};

/// The full-text index in the profile database (resources/sql/180-search.sql). Triggers
/// keep it current for every cached message; this class adds the bodies' text and repairs.
class Index
{
public:
    explicit Index(QSqlDatabase db) : m_db(std::move(db)) {}

    /// Stores the text of @p raw for the cached message @p messageRowId. Called by
    /// Store::MessageRepository::storeBody() inside its transaction.
    [[nodiscard]] QString storeText(qint64 messageRowId, const QByteArray &raw);
    /// The same for many messages (message row id, raw), with one prepared statement, in
    /// the order of their documents' keys: FTS5 writes a new segment whenever a document
    /// comes before the one written last in the transaction, so out of order (newest first,
    /// as bodies are downloaded) every document would become a segment of its own.
    [[nodiscard]] QString storeTexts(const QList<std::pair<qint64, QByteArray>> &messages);

    /// Indexes up to @p batch messages whose indexing a bulk load deferred (newest first),
    /// or when there are none, extracts the text of up to @p batch downloaded bodies whose
    /// text is not indexed yet (bodies cached before the index existed); one transaction.
    /// Returns how many were done in *done (0: nothing left); the error text, empty on success.
    [[nodiscard]] QString catchUp(int batch, int *done = nullptr);

    /// Rebuilds a damaged index: extracts the bodies' text again (of @p account only when
    /// given, else all), rebuilds the FTS5 index from the cached rows and the term
    /// dictionary from the index, and merges the index into one segment.
    [[nodiscard]] QString rebuild(const QString &account = {});

    /// Cached messages not in the index yet (a bulk load deferred them); cheap. -1 when it
    /// cannot be counted.
    [[nodiscard]] qint64 pendingMessages() const;

    /// Counts, sizes and an integrity check, of @p account's messages only when given (the
    /// index size is always the whole index's).
    [[nodiscard]] IndexStatus status(const QString &account = {}) const;

private:
    QSqlDatabase m_db;
};

} // namespace Mailtrail::Search
