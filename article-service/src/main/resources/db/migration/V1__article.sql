-- Current state of every article. Each state it ever had is in article_version; each change in article_change.
CREATE TABLE article (
    id                  uuid         NOT NULL,
    listing_seq         bigint       GENERATED ALWAYS AS IDENTITY, -- stable order for cursor paging (newest first)
    external_id         text,                                      -- the publisher's id, when the client sent one
    version             integer      NOT NULL,
    content_hash        text         NOT NULL,                     -- sha-256 of the normalised title + body: dedup key
    title               text         NOT NULL,
    author              text,
    source              text,
    dateline            text,                                      -- place named by the byline/dateline, e.g. "New York"
    url                 text,
    language            text,
    published_at        timestamptz,
    body                text         NOT NULL,                     -- parsed paragraphs joined by a blank line; analysis offsets point here
    captions            jsonb        NOT NULL DEFAULT '[]',        -- [{text, credit}]
    footers             jsonb        NOT NULL DEFAULT '[]',        -- contribution lines such as "Agencies contributed to this story."
    original_text       text         NOT NULL,                     -- exactly what the client posted
    original_media_type text         NOT NULL,
    created_at          timestamptz  NOT NULL,
    updated_at          timestamptz  NOT NULL,
    deleted_at          timestamptz,                               -- soft delete: kept for provenance, hidden from reads
    search_vector       tsvector     GENERATED ALWAYS AS (
                            setweight(to_tsvector('english', title), 'A') ||
                            setweight(to_tsvector('english', body), 'B')) STORED,
    CONSTRAINT article_pk PRIMARY KEY (id),
    CONSTRAINT article_version_positive_ck CHECK (version > 0)
);

-- Dedup applies to live articles only: after a delete the same text can be ingested again.
CREATE UNIQUE INDEX article_external_id_live_uk ON article (external_id) WHERE external_id IS NOT NULL AND deleted_at IS NULL;
CREATE UNIQUE INDEX article_content_hash_live_uk ON article (content_hash) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX article_listing_seq_uk ON article (listing_seq);
CREATE INDEX article_search_vector_gin ON article USING gin (search_vector);
CREATE INDEX article_source_idx ON article (lower(source), listing_seq);
CREATE INDEX article_author_idx ON article (lower(author), listing_seq);
CREATE INDEX article_published_at_idx ON article (published_at);
