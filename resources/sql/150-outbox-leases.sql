-- SPDX-License-Identifier: GPL-3.0-or-later
-- Issue 15 §5: nothing queued is lost or sent twice.
--
-- Leases: a process that is about to submit a row takes a lease on it (lease_owner, a random
-- id per sender, and lease_expires_at, UTC ms) in the same UPDATE that checks the row is still
-- queued and not leased by another live owner. Every later state change is a compare-and-set
-- on the state (and owner) it expects. A process starting up turns a 'transmitting' row into
-- 'uncertain' only when its lease has expired: a row another process is sending right now is
-- left alone.
ALTER TABLE outbox ADD COLUMN lease_owner TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN lease_expires_at INTEGER NOT NULL DEFAULT 0;

-- Recipients deferred at RCPT (4xx) while others were accepted are retried in a row of their
-- own: same bytes and Message-ID, only those recipients. retry_of: the row they were deferred
-- from (0: an ordinary row). expires_at (UTC ms, 0: never): the end of the queue lifetime,
-- after which the still-deferred recipients are given up.
ALTER TABLE outbox ADD COLUMN retry_of INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN expires_at INTEGER NOT NULL DEFAULT 0;
