-- SPDX-License-Identifier: GPL-3.0-or-later
-- Deferred search indexing (226-search-deferred.sql) remembered by row-id ranges, not by an
-- index (issue 16's first-sync benchmark).
--
-- The partial index messages_search_pending (date) got an entry for every row a first sync
-- deferred, and the catch-up removed it again: 8% of the cache writer's instructions for
-- 100,000 messages (callgrind). A bulk write now records the row ids it added, one row here
-- per commit; the writer sorts each commit's rows oldest first, so within a range the row ids
-- ascend with the date, and the catch-up, walking a range by row id, gives ascending document
-- keys as the date index did. newest (the commit's newest date) lets it take the newest mail
-- first. A range may cover rows that were indexed or removed meanwhile; only rows still
-- marked search_pending = 1 count.

CREATE TABLE search_deferred (
    id INTEGER PRIMARY KEY,
    first_id INTEGER NOT NULL,   -- messages.id, inclusive
    last_id INTEGER NOT NULL,    -- messages.id, inclusive
    newest INTEGER NOT NULL      -- the newest date of the commit's messages
);

-- What is deferred today, as one range (its row ids need not ascend with the date: the
-- catch-up of this one range may write more FTS5 segments, nothing worse).
INSERT INTO search_deferred(first_id, last_id, newest)
SELECT MIN(id), MAX(id), MAX(date) FROM messages WHERE search_pending = 1 HAVING COUNT(*) > 0;

DROP INDEX IF EXISTS messages_search_pending;
