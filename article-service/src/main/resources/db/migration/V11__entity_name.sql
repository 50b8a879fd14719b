-- Entity completion (GET /api/v1/suggest, kind=entity) reads this table: one row per entity that the stored summary
-- of at least one live article names, with how many do. Kept in the transaction that stores a summary or deletes an
-- article (so a count never lags its articles), it answers a prefix in one index range, where a terms aggregation
-- over the search index had to visit every article naming any entity with that prefix (docs/decisions.md, "Entity
-- completion"). V12 fills it from the summaries stored before.
CREATE TABLE entity_name (
    entity_id  uuid     NOT NULL,
    name       text     NOT NULL, -- as the newest summary naming the entity spells it
    type       text     NOT NULL,
    folded     text     COLLATE "C" NOT NULL, -- the name lower-cased, accents removed (Folding): prefixes match this
    articles   integer  NOT NULL, -- live articles whose summary names the entity, near-duplicates included
    CONSTRAINT entity_name_pk PRIMARY KEY (entity_id)
);
-- Byte order ("C"): a prefix is the range [prefix, prefix + U+10FFFF), usable by a generic (parameterised) plan.
CREATE INDEX entity_name_folded_idx ON entity_name (folded);
