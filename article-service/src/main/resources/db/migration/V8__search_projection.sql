-- What the OpenSearch projection (the `articles` index, docs/search.md) needs from the store of record.

-- The entity summary entity-service sends after each analysis (PUT /internal/articles/{id}/entities). Part of the
-- record: the search document is built from it, and a rebuild reads it back from here.
CREATE TABLE article_entity_summary (
    article_id  uuid         NOT NULL,
    version     integer      NOT NULL, -- the article version the analysis read
    entities    jsonb        NOT NULL, -- [{id, name, type, salience}]
    speakers    jsonb        NOT NULL, -- [{id, name}]: quoted speakers that are entities
    countries   text[]       NOT NULL, -- ISO 3166-1 alpha-2 codes of the linked places
    updated_at  timestamptz  NOT NULL,
    CONSTRAINT article_entity_summary_pk PRIMARY KEY (article_id),
    CONSTRAINT article_entity_summary_article_fk FOREIGN KEY (article_id) REFERENCES article (id)
);

-- A stored summary is a change of the record: the feed says so (kind ANALYSED, the analysed version), which is
-- how the indexer - and any other consumer - learns of it. Versions themselves stay CREATED/UPDATED/DELETED.
ALTER TABLE article_change DROP CONSTRAINT article_change_kind_ck;
ALTER TABLE article_change ADD CONSTRAINT article_change_kind_ck CHECK (kind IN ('CREATED', 'UPDATED', 'DELETED', 'ANALYSED'));

-- Near-duplicates (one wire story republished by several outlets) share the start of their body. The key is the
-- first 300 letters and digits of the body, lower-cased, hashed: punctuation, spacing and markup do not matter,
-- a different headline or a changed ending does not split a group. Generated, so every stored article has one.
ALTER TABLE article ADD COLUMN duplicate_key text GENERATED ALWAYS AS (
    md5(left(regexp_replace(lower(body), '[^[:alnum:]]+', '', 'g'), 300))) STORED;
CREATE INDEX article_duplicate_key_idx ON article (duplicate_key) WHERE deleted_at IS NULL;

-- Where each index projection stands in the change feed; the row is locked while a batch is indexed, so that
-- one replica indexes at a time and positions are never skipped.
CREATE TABLE search_index_cursor (
    alias       text    NOT NULL, -- the alias searches read, e.g. articles
    last_seq    bigint  NOT NULL, -- last feed position applied to the index behind the alias
    CONSTRAINT search_index_cursor_pk PRIMARY KEY (alias)
);
