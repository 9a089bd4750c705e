-- SPDX-License-Identifier: GPL-3.0-or-later
-- Full-text search (issue 17): an FTS5 index over the cached messages, kept current by
-- triggers, so every writer (the sync's cache writer, expunges, UIDVALIDITY rebuilds, body
-- downloads) updates it in its own transaction.
--
-- search_documents: one row per cached message. Its key orders documents by the message's
-- date (date << 20, plus a counter for messages of the same second), so the index yields
-- the newest matches first and can stop after the first N (ORDER BY rowid DESC LIMIT N)
-- instead of sorting every match. body / attachments hold the text Mailtrail extracted
-- from a downloaded body (text/plain, HTML reduced to text; attachment names, not their
-- contents); NULL while only the headers are cached.
CREATE TABLE search_documents (
    key INTEGER PRIMARY KEY,
    message_rowid INTEGER NOT NULL UNIQUE REFERENCES messages(id) ON DELETE CASCADE,
    body TEXT,
    attachments TEXT
);

-- The index stores no text of its own (external content, https://sqlite.org/fts5.html §4.4.3):
-- it reads the columns through this view.
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
    tokenize = 'unicode61 remove_diacritics 2', prefix = '3', columnsize = 0);

CREATE TRIGGER search_message_added AFTER INSERT ON messages BEGIN
    INSERT INTO search_documents(key, message_rowid) VALUES (
        COALESCE((SELECT MAX(key) + 1 FROM search_documents
                  WHERE key >= (MIN(MAX(new.date, 0), 4398046511103) << 20)
                    AND key < ((MIN(MAX(new.date, 0), 4398046511103) + 1) << 20)),
                 MIN(MAX(new.date, 0), 4398046511103) << 20),
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

-- Messages cached before this migration (their bodies' text is extracted by Search::Index).
INSERT INTO search_documents(key, message_rowid)
SELECT (MIN(MAX(date, 0), 4398046511103) << 20)
       + ROW_NUMBER() OVER (PARTITION BY MIN(MAX(date, 0), 4398046511103) ORDER BY id) - 1,
       id
FROM messages;

-- Per account: how many days of bodies to keep for offline use (issue 17; 0: headers only).
ALTER TABLE accounts ADD COLUMN offline_days INTEGER NOT NULL DEFAULT 90 CHECK (offline_days >= 0);

-- Searches the user saved, shown as folders under "Tracked" after the built-in ones.
CREATE TABLE saved_searches (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    query TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0
);
