-- SPDX-License-Identifier: GPL-3.0-or-later
-- \Recent belongs to one IMAP session, not to the message (RFC 3501 §2.3.2): Cyrus reports it
-- for ever, Courier only to the first session. Earlier versions cached it like any flag; the
-- cache no longer stores it (Store::isSessionFlag), so take it out of the existing rows.
UPDATE messages
SET flags = TRIM(REPLACE(REPLACE(REPLACE(' ' || flags || ' ', ' \Recent ', ' '), ' \RECENT ', ' '), ' \recent ', ' '))
WHERE ' ' || flags || ' ' LIKE '% \recent %';
