-- SPDX-License-Identifier: GPL-3.0-or-later
-- The ESMTP extensions each account's submission server offered the last time Mailtrail
-- talked to it (the EHLO after STARTTLS; RFC 5321 §4.1.1.1), updated on every submission
-- and connection test. Messages are built for them (8BITMIME, SMTPUTF8), the composer warns
-- when DSN is missing. seen_at: UTC milliseconds since the epoch.
CREATE TABLE submission_capabilities (
    account TEXT PRIMARY KEY,                     -- accounts.name, as in outbox.account
    eight_bit_mime INTEGER NOT NULL DEFAULT 0,    -- RFC 6152
    smtp_utf8 INTEGER NOT NULL DEFAULT 0,         -- RFC 6531
    dsn INTEGER NOT NULL DEFAULT 0,               -- RFC 3461
    pipelining INTEGER NOT NULL DEFAULT 0,        -- RFC 2920
    chunking INTEGER NOT NULL DEFAULT 0,          -- RFC 3030
    binary_mime INTEGER NOT NULL DEFAULT 0,       -- RFC 3030
    enhanced_status_codes INTEGER NOT NULL DEFAULT 0, -- RFC 2034
    size_limit INTEGER,                           -- RFC 1870: NULL not announced, 0 no limit
    auth_mechanisms TEXT NOT NULL DEFAULT '',     -- space-separated, upper-case
    seen_at INTEGER NOT NULL
);
