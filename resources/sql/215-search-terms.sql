-- SPDX-License-Identifier: GPL-3.0-or-later
-- The term dictionary of the search index (issue 17: prefixes in milliseconds without a
-- prefix index). An fts5vocab table (https://sqlite.org/fts5.html §8) over message_search:
-- one row per distinct term FTS5 has indexed, read straight from the index, so it stores
-- nothing, costs the writer nothing, and can never list a term that is no longer indexed
-- (expunged mail, a UIDVALIDITY rebuild) nor miss one that is. Search::TermDictionary
-- expands `invo*` into the OR of the terms from here that start with "invo": FTS5 answers
-- such an OR newest first and stops after the first N, where its own `invo*` without a
-- prefix index first merges every matching term's whole doclist.
CREATE VIRTUAL TABLE message_search_terms USING fts5vocab(message_search, 'row');
