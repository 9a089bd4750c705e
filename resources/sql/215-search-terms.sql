-- SPDX-License-Identifier: GPL-3.0-or-later
-- The term dictionary of the search index (issue 17: prefixes in milliseconds without a
-- prefix index, which cost +0.31× the text). Search::TermDictionary expands `invo*` into
-- the OR of the dictionary's terms that start with "invo": FTS5 answers such an OR newest
-- first and stops after the first N rows, where its own `invo*` without a prefix index
-- first reads and merges the whole doclist of every matching term.
--
-- message_search_vocab: the terms FTS5 has indexed, read from the index itself
-- (https://sqlite.org/fts5.html §8): exact, but reading it reads every doclist, so it only
-- fills and checks the dictionary (here, Search::Index::rebuild() and status()).
CREATE VIRTUAL TABLE message_search_vocab USING fts5vocab(message_search, 'row');

-- search_terms: every term of the index, kept by the writers in their transactions
-- (Search::NewTerms: Store::MessageRepository::upsert() for the header fields,
-- Search::Index::storeTexts() for bodies and attachment names), tokenized by FTS5's own
-- tokenizer, so they are the index's terms exactly. Terms of mail that is gone stay until
-- the next rebuild: they cost a little time in an expansion and never a wrong result (FTS5
-- decides what matches).
CREATE TABLE search_terms (term TEXT PRIMARY KEY) WITHOUT ROWID;

INSERT INTO search_terms(term) SELECT term FROM message_search_vocab;

-- Counts rebuilds of the dictionary, which remove terms: a connection that remembers which
-- terms the dictionary has (Search::NewTerms) forgets them when this changes.
CREATE TABLE search_terms_state (generation INTEGER NOT NULL);
INSERT INTO search_terms_state(generation) VALUES (0);
