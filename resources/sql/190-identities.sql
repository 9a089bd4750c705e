-- SPDX-License-Identifier: GPL-3.0-or-later
-- Identities (issue 19): the addresses an account sends as, each with its own name, Reply-To,
-- plain-text signature (RFC 3676 §4.3 "-- " separator added when sending) and tracking
-- defaults. The account's own address needs no row; a row with that address only carries
-- its signature, Reply-To and defaults.
CREATE TABLE identities (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    address TEXT NOT NULL,
    display_name TEXT NOT NULL DEFAULT '',
    reply_to TEXT NOT NULL DEFAULT '',
    signature TEXT NOT NULL DEFAULT '',
    -- NULL: the application's default; 0 / 1: this identity's choice
    request_delivery_report INTEGER,
    request_read_receipt INTEGER,
    UNIQUE (account_id, address COLLATE NOCASE)
);
