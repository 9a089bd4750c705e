-- SPDX-License-Identifier: GPL-3.0-or-later
-- Possible evidence (issue #15 §2): a report matched by a guess (heuristic correlation, a
-- free-text bounce read with low confidence) is kept as "possible" and decides nothing until
-- the user confirms it. Why it matched is kept with the event; a confirmation is a separate
-- row, so the evidence log itself stays append-only.
ALTER TABLE evidence ADD COLUMN match_reason TEXT NOT NULL DEFAULT '';

CREATE TABLE evidence_confirmations (
    evidence_id INTEGER PRIMARY KEY REFERENCES evidence(id) ON DELETE CASCADE,
    confirmed_at INTEGER NOT NULL
);
