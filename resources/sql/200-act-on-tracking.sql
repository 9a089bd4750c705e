-- SPDX-License-Identifier: GPL-3.0-or-later
-- Acting on what tracking knows (issue #18).

-- Where a tracked message came from: 'mailtrail' (sent by us, with reports requested) or
-- 'elsewhere' (found in the Sent folder, sent by another program; nothing is ever sent for it).
ALTER TABLE sent_messages ADD COLUMN origin TEXT NOT NULL DEFAULT 'mailtrail';
-- "Resend to failed recipients": the message this one re-sends (both timelines link each other).
ALTER TABLE sent_messages ADD COLUMN resend_of INTEGER REFERENCES sent_messages(id) ON DELETE SET NULL;
CREATE INDEX sent_messages_resend_of ON sent_messages(resend_of) WHERE resend_of IS NOT NULL;

-- "Needs attention": messages the user dismissed, and those a desktop notification was shown
-- for (once per message).
CREATE TABLE attention_dismissed (
    sent_message_id INTEGER PRIMARY KEY REFERENCES sent_messages(id) ON DELETE CASCADE,
    dismissed_at INTEGER NOT NULL
);
CREATE TABLE attention_notified (
    sent_message_id INTEGER PRIMARY KEY REFERENCES sent_messages(id) ON DELETE CASCADE,
    notified_at INTEGER NOT NULL
);

-- Per account: track mail in the Sent folder that Mailtrail did not send (default on, the
-- last 30 days). An account without a row has the defaults.
CREATE TABLE sent_elsewhere_settings (
    account TEXT PRIMARY KEY,
    enabled INTEGER NOT NULL DEFAULT 1,
    days INTEGER NOT NULL DEFAULT 30
);

-- "Resend to failed recipients": the Message-ID the composer will send with, and the message
-- it re-sends; TrackingStore::addSentMessage() links the new record (resend_of) from it.
CREATE TABLE resend_pending (
    message_id TEXT PRIMARY KEY,              -- without angle brackets
    resend_of INTEGER NOT NULL REFERENCES sent_messages(id) ON DELETE CASCADE
);
