-- SPDX-License-Identifier: GPL-3.0-or-later
-- Delivery tracking (DESIGN.md "The tracking model"). Independent of IMAP folders: moving or
-- deleting a report mail never loses the evidence recorded from it. Times are UTC
-- milliseconds since the epoch.

-- One row per message handed to the outbox, with the matching keys recorded at send time.
CREATE TABLE sent_messages (
    id INTEGER PRIMARY KEY,
    account TEXT NOT NULL DEFAULT '',
    message_id TEXT NOT NULL,                 -- without angle brackets
    envid TEXT NOT NULL DEFAULT '',           -- RFC 3461 ENVID, decoded
    subject TEXT NOT NULL DEFAULT '',
    sender TEXT NOT NULL DEFAULT '',
    ret TEXT NOT NULL DEFAULT '',             -- HDRS, FULL or empty
    dsn_supported INTEGER NOT NULL DEFAULT 1, -- 0: the server did not offer DSN
    read_receipt_requested INTEGER NOT NULL DEFAULT 0,
    queue_id TEXT NOT NULL DEFAULT '',
    final_reply TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    submitted_at INTEGER                      -- NULL while queued
);
CREATE INDEX sent_messages_message_id ON sent_messages(message_id);
CREATE INDEX sent_messages_envid ON sent_messages(envid) WHERE envid <> '';
CREATE INDEX sent_messages_submitted ON sent_messages(submitted_at);

-- One row per envelope recipient.
CREATE TABLE sent_recipients (
    id INTEGER PRIMARY KEY,
    sent_message_id INTEGER NOT NULL REFERENCES sent_messages(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    address TEXT NOT NULL,
    address_key TEXT NOT NULL,                -- normalised for look-ups
    orcpt TEXT NOT NULL DEFAULT '',           -- ORCPT address as sent (decoded)
    notify TEXT NOT NULL DEFAULT '',          -- e.g. SUCCESS,FAILURE,DELAY or NEVER
    UNIQUE (sent_message_id, position)
);
CREATE INDEX sent_recipients_address ON sent_recipients(address_key);

-- Every report mail seen, matched or not, kept until the user deletes it. The same mail seen
-- in two folders has one row (sha256 of its bytes).
CREATE TABLE reports (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,                       -- dsn, mdn, bounce, autoreply, feedback
    raw BLOB NOT NULL,
    subject TEXT NOT NULL DEFAULT '',
    report_from TEXT NOT NULL DEFAULT '',
    received_at INTEGER NOT NULL,
    origin TEXT NOT NULL DEFAULT '',          -- where it was first seen, e.g. account/folder/uid
    sent_message_id INTEGER REFERENCES sent_messages(id) ON DELETE SET NULL,
    match_method TEXT NOT NULL DEFAULT '',    -- empty: unmatched
    confidence REAL NOT NULL DEFAULT 0
);
CREATE INDEX reports_unmatched ON reports(sent_message_id) WHERE sent_message_id IS NULL;

-- The append-only evidence log of each recipient.
CREATE TABLE evidence (
    id INTEGER PRIMARY KEY,
    recipient_id INTEGER NOT NULL REFERENCES sent_recipients(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    source TEXT NOT NULL,
    occurred_at INTEGER NOT NULL,
    recorded_at INTEGER NOT NULL,
    reply_code INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT '',
    diagnostic TEXT NOT NULL DEFAULT '',
    remote_mta TEXT NOT NULL DEFAULT '',
    reporting_mta TEXT NOT NULL DEFAULT '',
    will_retry_until INTEGER,
    automatic INTEGER NOT NULL DEFAULT 0,
    confidence REAL NOT NULL DEFAULT 1,
    matched_by TEXT NOT NULL DEFAULT '',
    report_id INTEGER REFERENCES reports(id) ON DELETE SET NULL,
    dedup_key TEXT
);
CREATE UNIQUE INDEX evidence_dedup ON evidence(recipient_id, dedup_key) WHERE dedup_key IS NOT NULL;
CREATE INDEX evidence_recipient ON evidence(recipient_id);
