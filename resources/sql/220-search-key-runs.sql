-- SPDX-License-Identifier: GPL-3.0-or-later
-- Document keys without a quadratic walk (issue 16's 100k benchmark).
--
-- 181 gave a message whose second was taken the first free key after it, found by walking
-- the keys that follow one by one. Many messages of one second make that walk quadratic:
-- the realistic 100k mailbox has 5% messages without a usable Date (date 0), and the 5,000th
-- of them walked 5,000 keys; the trigger took 4.7 of the writer's 10 s of CPU. The same
-- happens to any batch that shares a Date (an import, a list digest run).
--
-- Now a taken second costs two index seeks: one more than the largest key within the
-- minute after the date, else within the day after it (what LocalSearch's slack allows).
-- (ORDER BY key DESC LIMIT 1 seeks; MAX(key) with a range reads the whole range.)
-- Only when that day is full (over 86,000 keys) does the old walk run. Keys stay unique,
-- never below the date and below date + 1 day. A message that collides may sort after
-- messages a little newer than it within that minute (or day); it never leaves its day.

DROP TRIGGER search_message_added;

CREATE TRIGGER search_message_added AFTER INSERT ON messages BEGIN
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
