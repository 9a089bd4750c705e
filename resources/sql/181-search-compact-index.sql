-- SPDX-License-Identifier: GPL-3.0-or-later
-- A smaller, faster search index (issue 17: index ≤ 0.6× the text it indexes, ≥ 2,000
-- messages indexed per second). Rebuilds the index of 180-search.sql on upgrade.
--
-- 1. Document keys are the message's date in seconds (a document whose second is taken
--    gets the next free key), not date << 20. FTS5 stores each posting's rowid as the
--    varint delta to the previous one: with date << 20 every delta was 2^20 times larger
--    (5 to 8 bytes instead of 1 to 3), the largest part of the index. Keys stay date
--    ordered, so "newest first" is still ORDER BY rowid DESC LIMIT N straight from the
--    index. A key is never smaller than its message's date and exceeds it only while
--    messages of the same second queue up behind each other (LocalSearch allows a day).
-- 2. No prefix index: prefix='3' stored every token a second time under its first three
--    characters and doubled the index; `invo*` is answered from the terms' own doclists.
-- 3. detail=full stays (phrases need positions); columnsize=0 stays.

DROP TRIGGER search_message_added;
DROP TRIGGER search_document_added;
DROP TRIGGER search_message_removed;
DROP TRIGGER search_message_changing;
DROP TRIGGER search_message_changed;
DROP TRIGGER search_text_changing;
DROP TRIGGER search_text_changed;
DROP TABLE message_search;
DROP VIEW search_content;

CREATE TABLE search_documents_rekeyed (
    key INTEGER PRIMARY KEY,
    message_rowid INTEGER NOT NULL UNIQUE REFERENCES messages(id) ON DELETE CASCADE,
    body TEXT,
    attachments TEXT
);

-- In date order, key(n) = n + max over j <= n of (date(j) - j): the date itself, or one
-- more than the previous key when that is not smaller.
INSERT INTO search_documents_rekeyed(key, message_rowid, body, attachments)
SELECT n + MAX(date - n) OVER (ORDER BY n ROWS UNBOUNDED PRECEDING), message_rowid, body, attachments
FROM (SELECT d.message_rowid AS message_rowid, d.body AS body, d.attachments AS attachments,
             MAX(m.date, 0) AS date,
             ROW_NUMBER() OVER (ORDER BY MAX(m.date, 0), d.message_rowid) AS n
      FROM search_documents d JOIN messages m ON m.id = d.message_rowid);

DROP TABLE search_documents;
ALTER TABLE search_documents_rekeyed RENAME TO search_documents;

CREATE VIEW search_content AS
SELECT d.key AS key,
       m.subject AS subject,
       m.from_name || ' ' || m.from_address AS sender,
       m.to_addresses AS recipients,
       m.cc_addresses AS copies,
       d.body AS body,
       d.attachments AS attachments
FROM search_documents d JOIN messages m ON m.id = d.message_rowid;

CREATE VIRTUAL TABLE message_search USING fts5(
    subject, sender, recipients, copies, body, attachments,
    content = 'search_content', content_rowid = 'key',
    tokenize = 'unicode61 remove_diacritics 2', columnsize = 0);

-- The date's second when free, else the first free key after it (a walk over the keys
-- that follow, which ends at the first gap).
CREATE TRIGGER search_message_added AFTER INSERT ON messages BEGIN
    INSERT INTO search_documents(key, message_rowid) VALUES (
        CASE WHEN NOT EXISTS (SELECT 1 FROM search_documents WHERE key = MAX(new.date, 0))
             THEN MAX(new.date, 0)
             ELSE (SELECT k.key + 1 FROM search_documents k
                   WHERE k.key >= MAX(new.date, 0)
                     AND NOT EXISTS (SELECT 1 FROM search_documents j WHERE j.key = k.key + 1)
                   ORDER BY k.key LIMIT 1)
        END,
        new.id);
END;

CREATE TRIGGER search_document_added AFTER INSERT ON search_documents BEGIN
    INSERT INTO message_search(rowid, subject, sender, recipients, copies, body, attachments)
    SELECT new.key, m.subject, m.from_name || ' ' || m.from_address, m.to_addresses,
           m.cc_addresses, new.body, new.attachments
    FROM messages m WHERE m.id = new.message_rowid;
END;

CREATE TRIGGER search_message_removed BEFORE DELETE ON messages BEGIN
    INSERT INTO message_search(message_search, rowid, subject, sender, recipients, copies, body, attachments)
    SELECT 'delete', d.key, old.subject, old.from_name || ' ' || old.from_address,
           old.to_addresses, old.cc_addresses, d.body, d.attachments
    FROM search_documents d WHERE d.message_rowid = old.id;
    DELETE FROM search_documents WHERE message_rowid = old.id;
END;

CREATE TRIGGER search_message_changing
BEFORE UPDATE OF subject, from_name, from_address, to_addresses, cc_addresses ON messages BEGIN
    INSERT INTO message_search(message_search, rowid, subject, sender, recipients, copies, body, attachments)
    SELECT 'delete', d.key, old.subject, old.from_name || ' ' || old.from_address,
           old.to_addresses, old.cc_addresses, d.body, d.attachments
    FROM search_documents d WHERE d.message_rowid = old.id;
END;

CREATE TRIGGER search_message_changed
AFTER UPDATE OF subject, from_name, from_address, to_addresses, cc_addresses ON messages BEGIN
    INSERT INTO message_search(rowid, subject, sender, recipients, copies, body, attachments)
    SELECT d.key, new.subject, new.from_name || ' ' || new.from_address, new.to_addresses,
           new.cc_addresses, d.body, d.attachments
    FROM search_documents d WHERE d.message_rowid = new.id;
END;

CREATE TRIGGER search_text_changing BEFORE UPDATE OF body, attachments ON search_documents BEGIN
    INSERT INTO message_search(message_search, rowid, subject, sender, recipients, copies, body, attachments)
    SELECT 'delete', old.key, m.subject, m.from_name || ' ' || m.from_address, m.to_addresses,
           m.cc_addresses, old.body, old.attachments
    FROM messages m WHERE m.id = old.message_rowid;
END;

CREATE TRIGGER search_text_changed AFTER UPDATE OF body, attachments ON search_documents BEGIN
    INSERT INTO message_search(rowid, subject, sender, recipients, copies, body, attachments)
    SELECT new.key, m.subject, m.from_name || ' ' || m.from_address, m.to_addresses,
           m.cc_addresses, new.body, new.attachments
    FROM messages m WHERE m.id = new.message_rowid;
END;

INSERT INTO message_search(message_search) VALUES('rebuild');
