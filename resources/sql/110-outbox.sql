-- SPDX-License-Identifier: GPL-3.0-or-later
-- The outbox (issue 5): every message is stored here, in the same transaction as its
-- tracking record (sent_messages), before any network traffic. Times are UTC milliseconds
-- since the epoch.
--
-- state: queued (waiting, next_attempt_at says when), transmitting (the data is being sent:
-- written BEFORE the final dot), uncertain (found in transmitting after a crash or the
-- connection was lost after the final dot: may have been sent, never resent without the
-- user), sent (the server accepted it for at least one recipient), failed (permanent
-- refusal; last_error has the server's words).
-- sent_copy: none (not sent yet), pending (APPEND to the Sent folder still to do),
-- done, failed (gave up; sent_copy_error says why). The SMTP part is never repeated for it.
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    account TEXT NOT NULL,
    sent_message_id INTEGER NOT NULL DEFAULT 0,   -- sent_messages.id of the tracking record
    message_id TEXT NOT NULL DEFAULT '',          -- with angle brackets
    envid TEXT NOT NULL DEFAULT '',               -- RFC 3461 ENVID, plain
    mail_from TEXT NOT NULL DEFAULT '',           -- '' = null reverse path MAIL FROM:<>
    request_dsn INTEGER NOT NULL DEFAULT 1,
    ret TEXT NOT NULL DEFAULT 'HDRS',             -- HDRS or FULL (RFC 3461 §4.3)
    subject TEXT NOT NULL DEFAULT '',
    bytes BLOB NOT NULL,                          -- the message, CRLF, not dot-stuffed
    state TEXT NOT NULL DEFAULT 'queued',
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL DEFAULT 0,
    last_error TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    submitted_at INTEGER NOT NULL DEFAULT 0,
    dsn_supported INTEGER NOT NULL DEFAULT 0,
    queue_id TEXT NOT NULL DEFAULT '',
    final_reply TEXT NOT NULL DEFAULT '',
    sent_copy TEXT NOT NULL DEFAULT 'none',
    sent_copy_attempts INTEGER NOT NULL DEFAULT 0,
    sent_copy_next_at INTEGER NOT NULL DEFAULT 0,
    sent_copy_error TEXT NOT NULL DEFAULT ''
);
CREATE INDEX outbox_due ON outbox(account, state, next_attempt_at);

-- Envelope recipients with their DSN options and, after submission, what the server said.
CREATE TABLE outbox_recipients (
    outbox_id INTEGER NOT NULL REFERENCES outbox(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    address TEXT NOT NULL,
    notify TEXT NOT NULL DEFAULT '',              -- SUCCESS,FAILURE,DELAY / NEVER / ''
    orcpt TEXT NOT NULL DEFAULT '',
    accepted INTEGER NOT NULL DEFAULT 0,
    reply_code INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT '',              -- enhanced status, e.g. 2.0.0
    reply_text TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (outbox_id, position)
);

-- Drafts: the local copy is the truth; imap_uid is the copy in the Drafts folder that the
-- next save replaces (0: none known).
CREATE TABLE drafts (
    id INTEGER PRIMARY KEY,
    account TEXT NOT NULL,
    subject TEXT NOT NULL DEFAULT '',
    bytes BLOB NOT NULL,
    updated_at INTEGER NOT NULL,
    imap_folder TEXT NOT NULL DEFAULT '',
    imap_uidvalidity INTEGER NOT NULL DEFAULT 0,
    imap_uid INTEGER NOT NULL DEFAULT 0,
    imap_state TEXT NOT NULL DEFAULT 'pending',   -- pending, done, failed
    imap_error TEXT NOT NULL DEFAULT ''
);
