-- Search ranks the matches among the newest articles (see SearchRepository): the cost of a search then follows
-- the size of that window, not of the corpus. Articles are grouped by listing position into buckets of 256,
-- and one GIN index over (search_vector, search_bucket) finds "matches in buckets >= B" without visiting older
-- matches. Why not a B-tree range on listing_seq or created_at: the planner would scan that range and test every
-- row's TOASTed search_vector, a cost it cannot see (measured: 170 ms instead of 3 ms for a 5 % term); only the
-- GIN index can answer both conditions together, and buckets keep its range scans short (a timestamp would
-- put one index entry per article in the range).
-- btree_gin is a trusted contrib extension: the database owner may create it.
CREATE EXTENSION IF NOT EXISTS btree_gin;
ALTER TABLE article ADD COLUMN search_bucket integer GENERATED ALWAYS AS (listing_seq / 256) STORED;
CREATE INDEX article_search_gin ON article USING gin (search_vector, search_bucket) WHERE deleted_at IS NULL;
-- Every search reads live articles only, which the new partial index serves (also without a bucket condition).
DROP INDEX article_search_vector_gin;
