-- Ranking reads a small vector (title + the lead of the body) instead of the full-body search_vector.
-- For wire-length articles search_vector is stored out of line (TOAST); ranking had to fetch and decompress
-- it for every match, which cost far more than finding the matches through the GIN index. The lead carries
-- what news ranking needs (headline and first paragraphs); matching still uses the whole body.
ALTER TABLE article ADD COLUMN rank_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', title), 'A') ||
    setweight(to_tsvector('english', left(body, 1000)), 'B')) STORED;
