-- SPDX-License-Identifier: GPL-3.0-or-later
-- Accounts, folders and the message cache (issue 4). Passwords are never stored here:
-- they live in the keychain (QtKeychain), keyed by the account name.

CREATE TABLE accounts (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL,
    imap_host TEXT NOT NULL,
    imap_port INTEGER NOT NULL CHECK (imap_port BETWEEN 1 AND 65535),
    imap_security TEXT NOT NULL CHECK (imap_security IN ('tls', 'starttls')),
    smtp_host TEXT NOT NULL,
    smtp_port INTEGER NOT NULL CHECK (smtp_port BETWEEN 1 AND 65535),
    smtp_security TEXT NOT NULL CHECK (smtp_security IN ('tls', 'starttls')),
    user_name TEXT NOT NULL,
    ca_file TEXT NOT NULL DEFAULT '',
    -- pinned certificate SHA-256 fingerprints, lower-case hex, space separated
    pinned_fingerprints TEXT NOT NULL DEFAULT '',
    read_receipts TEXT NOT NULL DEFAULT 'ask' CHECK (read_receipts IN ('never', 'ask', 'always')),
    created_at INTEGER NOT NULL DEFAULT (strftime('%s', 'now'))
);

CREATE TABLE folders (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    name TEXT NOT NULL,              -- decoded (Unicode) name, hierarchy as on the server
    wire_name BLOB NOT NULL,         -- as sent by the server (mUTF-7 or UTF-8)
    delimiter TEXT NOT NULL DEFAULT '',
    special_use TEXT NOT NULL DEFAULT '',   -- \Sent, \Drafts, \Trash, \Junk, \Archive, … or ''
    selectable INTEGER NOT NULL DEFAULT 1,
    uid_validity INTEGER NOT NULL DEFAULT 0,
    uid_next INTEGER NOT NULL DEFAULT 0,
    highest_modseq INTEGER NOT NULL DEFAULT 0,
    -- newest-first first sync: every UID >= synced_from_uid (and < uid_next) is cached
    synced_from_uid INTEGER NOT NULL DEFAULT 0,
    last_sync INTEGER NOT NULL DEFAULT 0,
    UNIQUE (account_id, wire_name)
);

CREATE TABLE messages (
    id INTEGER PRIMARY KEY,
    folder_id INTEGER NOT NULL REFERENCES folders(id) ON DELETE CASCADE,
    uid INTEGER NOT NULL,
    modseq INTEGER NOT NULL DEFAULT 0,
    flags TEXT NOT NULL DEFAULT '',      -- system flags and keywords, space separated
    seen INTEGER NOT NULL DEFAULT 0,
    size INTEGER NOT NULL DEFAULT 0,
    date INTEGER NOT NULL DEFAULT 0,     -- Date: header, seconds since the epoch (UTC)
    subject TEXT NOT NULL DEFAULT '',
    from_name TEXT NOT NULL DEFAULT '',
    from_address TEXT NOT NULL DEFAULT '',
    to_addresses TEXT NOT NULL DEFAULT '',
    cc_addresses TEXT NOT NULL DEFAULT '',
    message_id TEXT NOT NULL DEFAULT '',
    in_reply_to TEXT NOT NULL DEFAULT '',
    reference_ids TEXT NOT NULL DEFAULT '',
    content_type TEXT NOT NULL DEFAULT '',
    looks_like_report INTEGER NOT NULL DEFAULT 0,
    UNIQUE (folder_id, uid)
);
CREATE INDEX messages_by_date ON messages (folder_id, date DESC, uid DESC);
CREATE INDEX messages_by_message_id ON messages (message_id);
CREATE INDEX messages_reports ON messages (folder_id, uid) WHERE looks_like_report = 1;

-- Raw RFC 5322 messages, fetched on demand.
CREATE TABLE message_bodies (
    message_rowid INTEGER PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
    raw BLOB NOT NULL,
    fetched_at INTEGER NOT NULL DEFAULT (strftime('%s', 'now'))
);
