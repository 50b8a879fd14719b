-- Search moved to OpenSearch (the `articles` index, docs/search.md): one search engine, one behaviour. The
-- PostgreSQL full-text columns and their indexes cost every insert and no query reads them any more.
DROP INDEX IF EXISTS article_search_gin;
DROP INDEX IF EXISTS article_search_vector_gin;
ALTER TABLE article DROP COLUMN IF EXISTS rank_vector;
ALTER TABLE article DROP COLUMN IF EXISTS search_bucket;
ALTER TABLE article DROP COLUMN IF EXISTS search_vector;
