-- SPDX-License-Identifier: GPL-3.0-or-later
-- The Bcc addr-specs of a cached message, ", " separated (issue #18: mail sent from another
-- program is tracked with its Bcc recipients when its Sent copy has the field). Messages
-- cached before have '' until their body is downloaded (the import then reads the body).
ALTER TABLE messages ADD COLUMN bcc_addresses TEXT NOT NULL DEFAULT '';
