-- SPDX-License-Identifier: GPL-3.0-or-later
-- How the search index's segments are merged (issue 17), now that Search::IndexMaintenance
-- merges them while the profile is idle (https://sqlite.org/fts5.html §6.3, §6.8):
--  - automerge 8 (default 4): every indexing transaction writes a segment, and FTS5 merges a
--    level's segments as part of the writes once it has this many. The idle maintenance
--    merges everything anyway, so the writes merge less often: bench_search indexed with
--    7% fewer instructions (callgrind, 8,000 messages) and ~10% more messages per CPU
--    second at 20,000; the index the batches leave has more segments (18 instead of 10 at
--    20,000) until the idle maintenance merges them into one.
--  - usermerge 2 (default 4): the maintenance's "tail" steps (a positive page count) merge
--    the segments of one level once there are two, so the small segments new mail leaves
--    are merged among themselves while the large segment of the rest of the index, on a
--    level of its own, is not rewritten for a little new mail.
-- crisismerge stays at 16.
INSERT INTO message_search(message_search, rank) VALUES('automerge', 8);
INSERT INTO message_search(message_search, rank) VALUES('usermerge', 2);
