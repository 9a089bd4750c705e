-- SPDX-License-Identifier: GPL-3.0-or-later
-- Cached messages the tracker has looked at (as a possible report or reply), so a sync
-- does not fetch the same report twice. Goes with the cached message: a message seen again
-- in another folder is looked at again, and ReportIngest's de-duplication keeps it to one
-- set of events.
CREATE TABLE tracking_scanned (
    message_id INTEGER PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
    scanned_at INTEGER NOT NULL
);
