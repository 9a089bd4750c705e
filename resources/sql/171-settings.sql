-- SPDX-License-Identifier: GPL-3.0-or-later
-- Behaviour settings of the profile (issue 16): what core does, the same for the GUI and
-- `mailtrail-cli` (config get|set). One row per key that differs from its default; keys and
-- values are listed in core/store/Settings.cpp. The GUI's settings.ini keeps only what is
-- the window's own business; its older behaviour values are imported once (key
-- "imported.settings-ini").
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
