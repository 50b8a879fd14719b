-- Where published_at comes from (docs/decisions.md, "Publication time"): REQUEST (sent by the client), PAGE (the page's
-- meta tag, JSON-LD or <time>), BYLINE (the day of a dated byline, 00:00 UTC). Rows stored before this migration keep
-- NULL: it is no longer known which of the first two it was.
ALTER TABLE article
    ADD COLUMN published_at_source text CHECK (published_at_source IN ('REQUEST', 'PAGE', 'BYLINE'));

ALTER TABLE article_version
    ADD COLUMN published_at_source text CHECK (published_at_source IN ('REQUEST', 'PAGE', 'BYLINE'));
