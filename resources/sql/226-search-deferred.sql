-- SPDX-License-Identifier: GPL-3.0-or-later
-- Search indexing deferred for bulk loads (issue 16's first-sync benchmark).
--
-- A first sync of a big folder writes tens of thousands of rows; giving each its document
-- key and its FTS5 entry in the same transaction took two thirds of the cache writer's time
-- (100k realistic messages: 0.22 s of plain inserts against 1.6 s per 20,000 with the index).
-- The writer now marks such rows search_pending = 1 and they get no document; the search
-- index catches up afterwards in batches (Search::Index::catchUp(): the GUI in the
-- background after a check, `mailtrail-cli search` and `index rebuild` before they read).
-- Until then such a message is simply not in the index: the triggers that delete or change
-- documents find none for it, so the index never holds stale text. Setting search_pending
-- from 1 to 0 gives the message its document exactly as an insert would have.

ALTER TABLE messages ADD COLUMN search_pending INTEGER NOT NULL DEFAULT 0;

CREATE INDEX messages_search_pending ON messages (date) WHERE search_pending = 1;

DROP TRIGGER search_message_added;

CREATE TRIGGER search_message_added AFTER INSERT ON messages WHEN new.search_pending = 0 BEGIN
    INSERT INTO search_documents(key, message_rowid) VALUES (
        CASE WHEN NOT EXISTS (SELECT 1 FROM search_documents WHERE key = MAX(new.date, 0))
             THEN MAX(new.date, 0)
             ELSE COALESCE(
                 (SELECT last + 1 FROM (SELECT key AS last FROM search_documents
                                        WHERE key BETWEEN MAX(new.date, 0) AND MAX(new.date, 0) + 59
                                        ORDER BY key DESC LIMIT 1)
                  WHERE last < MAX(new.date, 0) + 59),
                 (SELECT last + 1 FROM (SELECT key AS last FROM search_documents
                                        WHERE key BETWEEN MAX(new.date, 0) AND MAX(new.date, 0) + 86398
                                        ORDER BY key DESC LIMIT 1)
                  WHERE last < MAX(new.date, 0) + 86398),
                 (SELECT k.key + 1 FROM search_documents k
                  WHERE k.key >= MAX(new.date, 0)
                    AND NOT EXISTS (SELECT 1 FROM search_documents j WHERE j.key = k.key + 1)
                  ORDER BY k.key LIMIT 1))
        END,
        new.id);
END;

CREATE TRIGGER search_message_indexed AFTER UPDATE OF search_pending ON messages
WHEN old.search_pending = 1 AND new.search_pending = 0 BEGIN
    INSERT INTO search_documents(key, message_rowid)
    SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM search_documents WHERE key = MAX(new.date, 0))
                 THEN MAX(new.date, 0)
                 ELSE COALESCE(
                     (SELECT last + 1 FROM (SELECT key AS last FROM search_documents
                                            WHERE key BETWEEN MAX(new.date, 0) AND MAX(new.date, 0) + 59
                                            ORDER BY key DESC LIMIT 1)
                      WHERE last < MAX(new.date, 0) + 59),
                     (SELECT last + 1 FROM (SELECT key AS last FROM search_documents
                                            WHERE key BETWEEN MAX(new.date, 0) AND MAX(new.date, 0) + 86398
                                            ORDER BY key DESC LIMIT 1)
                      WHERE last < MAX(new.date, 0) + 86398),
                     (SELECT k.key + 1 FROM search_documents k
                      WHERE k.key >= MAX(new.date, 0)
                        AND NOT EXISTS (SELECT 1 FROM search_documents j WHERE j.key = k.key + 1)
                      ORDER BY k.key LIMIT 1))
            END,
        new.id
    WHERE NOT EXISTS (SELECT 1 FROM search_documents WHERE message_rowid = new.id);
END;
