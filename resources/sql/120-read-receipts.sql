-- SPDX-License-Identifier: GPL-3.0-or-later
-- Read receipts we send (issue 7, RFC 8098). The message cache keeps what the decision
-- needs, so it is made from the cache without fetching the message.
-- disposition_notification_to: addr-specs, ", " separated; disposition_notification_options
-- and original_recipient: raw values (RFC 8098 §2.2, §2.3); return_path: the addr-spec, or
-- '<>' for the null path.
ALTER TABLE messages ADD COLUMN disposition_notification_to TEXT NOT NULL DEFAULT '';
ALTER TABLE messages ADD COLUMN disposition_notification_options TEXT NOT NULL DEFAULT '';
ALTER TABLE messages ADD COLUMN return_path TEXT NOT NULL DEFAULT '';
ALTER TABLE messages ADD COLUMN original_recipient TEXT NOT NULL DEFAULT '';
CREATE INDEX messages_receipt_requests ON messages (folder_id) WHERE disposition_notification_to <> '';

-- Optional folder the tracker moves recorded report mails to ('' = off).
ALTER TABLE accounts ADD COLUMN receipts_folder TEXT NOT NULL DEFAULT '';

-- One decision per account and message (Message-ID, or '#' || rowid when there is none):
-- asked (left for the user), none (decided not to answer), sent (MDN queued; final),
-- ignored (the user said Ignore; final). Survives cache rebuilds and copies of the message
-- in other folders. mdn_message_id: the Message-ID of the MDN we sent.
CREATE TABLE read_receipts (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    message_key TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('asked', 'none', 'sent', 'ignored')),
    reason TEXT NOT NULL DEFAULT '',
    automatic INTEGER NOT NULL DEFAULT 0,
    outbox_id INTEGER NOT NULL DEFAULT 0,
    mdn_message_id TEXT NOT NULL DEFAULT '',
    decided_at INTEGER NOT NULL,
    UNIQUE (account_id, message_key)
);
CREATE INDEX read_receipts_by_mdn ON read_receipts (mdn_message_id) WHERE mdn_message_id <> '';

-- Accounts whose requests were checked at least once: the first check only records what is
-- in the mailbox already (never answered automatically), so a new account with policy
-- "always" does not answer years of old mail.
CREATE TABLE read_receipt_checks (
    account_id INTEGER PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
    first_check_at INTEGER NOT NULL
);

-- `UID STORE +FLAGS ($MDNSent)` still to do on the server (pushed at the next connection).
CREATE TABLE pending_keyword_stores (
    message_rowid INTEGER PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
    keyword TEXT NOT NULL,
    created_at INTEGER NOT NULL
);

-- Messages the tracker recorded as reports (candidates for the receipts folder).
ALTER TABLE tracking_scanned ADD COLUMN is_report INTEGER NOT NULL DEFAULT 0;
