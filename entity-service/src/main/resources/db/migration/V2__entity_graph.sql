-- Entities across all articles: one row per real-world thing, keyed by type + normalised canonical name.
CREATE TABLE entity (
    id              uuid         NOT NULL,
    type            text         NOT NULL, -- PERSON, ORGANIZATION or LOCATION
    canonical_name  text         NOT NULL,
    name_key        text         NOT NULL, -- lower-cased, accent- and space-folded canonical name: the link key
    merged_into     uuid,                  -- set when a user merged this entity into another
    created_at      timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT entity_pk PRIMARY KEY (id),
    CONSTRAINT entity_type_ck CHECK (type IN ('PERSON', 'ORGANIZATION', 'LOCATION')),
    CONSTRAINT entity_merged_into_fk FOREIGN KEY (merged_into) REFERENCES entity (id),
    CONSTRAINT entity_type_key_uk UNIQUE (type, name_key)
);
CREATE INDEX entity_name_prefix_idx ON entity (name_key text_pattern_ops);

-- Other names of an entity. USER aliases are corrections: extraction maps the alias to the entity.
CREATE TABLE entity_alias (
    entity_id   uuid         NOT NULL,
    type        text         NOT NULL,
    alias       text         NOT NULL,
    alias_key   text         NOT NULL,
    origin      text         NOT NULL, -- EXTRACTED or USER
    created_at  timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT entity_alias_pk PRIMARY KEY (entity_id, alias_key),
    CONSTRAINT entity_alias_entity_fk FOREIGN KEY (entity_id) REFERENCES entity (id),
    CONSTRAINT entity_alias_origin_ck CHECK (origin IN ('EXTRACTED', 'USER'))
);
-- A user alias names one entity per type.
CREATE UNIQUE INDEX entity_alias_user_uk ON entity_alias (type, alias_key) WHERE origin = 'USER';

-- The current analysis of each article (re-processing a newer version replaces it).
CREATE TABLE article_analysis (
    article_id    uuid         NOT NULL,
    version       integer      NOT NULL,
    title         text         NOT NULL,
    published_at  timestamptz,
    analysed_at   timestamptz  NOT NULL,
    CONSTRAINT article_analysis_pk PRIMARY KEY (article_id)
);
CREATE INDEX article_analysis_published_idx ON article_analysis (published_at DESC NULLS LAST, article_id);

-- Which entities an article mentions, with their roles there and salience.
CREATE TABLE article_entity (
    article_id     uuid             NOT NULL,
    entity_id      uuid             NOT NULL,
    salience       double precision NOT NULL,
    mention_count  integer          NOT NULL,
    roles          jsonb            NOT NULL DEFAULT '[]', -- titles/appositives seen in this article
    CONSTRAINT article_entity_pk PRIMARY KEY (article_id, entity_id),
    CONSTRAINT article_entity_analysis_fk FOREIGN KEY (article_id) REFERENCES article_analysis (article_id) ON DELETE CASCADE,
    CONSTRAINT article_entity_entity_fk FOREIGN KEY (entity_id) REFERENCES entity (id)
);
CREATE INDEX article_entity_entity_idx ON article_entity (entity_id, article_id);

CREATE TABLE mention (
    article_id   uuid     NOT NULL,
    entity_id    uuid     NOT NULL,
    start_offset integer  NOT NULL, -- character offsets into the article body, end exclusive
    end_offset   integer  NOT NULL,
    surface      text     NOT NULL,
    CONSTRAINT mention_pk PRIMARY KEY (article_id, start_offset),
    CONSTRAINT mention_article_entity_fk FOREIGN KEY (article_id, entity_id) REFERENCES article_entity (article_id, entity_id) ON DELETE CASCADE
);

CREATE TABLE quote (
    id                  bigint   GENERATED ALWAYS AS IDENTITY,
    article_id          uuid     NOT NULL,
    start_offset        integer  NOT NULL,
    end_offset          integer  NOT NULL,
    text                text     NOT NULL,
    speaker_entity_id   uuid,              -- NULL: unknown or unnamed speaker (see speaker_description)
    speaker_surface     text,
    speaker_description text,
    speaker_role        text,
    verb                text,
    kind                text     NOT NULL, -- DIRECT, PARTIAL or REPORTED
    CONSTRAINT quote_pk PRIMARY KEY (id),
    CONSTRAINT quote_analysis_fk FOREIGN KEY (article_id) REFERENCES article_analysis (article_id) ON DELETE CASCADE,
    CONSTRAINT quote_speaker_fk FOREIGN KEY (speaker_entity_id) REFERENCES entity (id)
);
CREATE INDEX quote_speaker_idx ON quote (speaker_entity_id);
CREATE INDEX quote_article_idx ON quote (article_id);
CREATE INDEX quote_text_idx ON quote USING gin (to_tsvector('english', text));

CREATE TABLE claim (
    id                  bigint   GENERATED ALWAYS AS IDENTITY,
    article_id          uuid     NOT NULL,
    start_offset        integer  NOT NULL,
    end_offset          integer  NOT NULL,
    surface             text     NOT NULL,
    value               numeric  NOT NULL,
    qualifier           text,
    unit                text,
    claimant_entity_id  uuid,
    in_quote            boolean  NOT NULL,
    CONSTRAINT claim_pk PRIMARY KEY (id),
    CONSTRAINT claim_analysis_fk FOREIGN KEY (article_id) REFERENCES article_analysis (article_id) ON DELETE CASCADE,
    CONSTRAINT claim_claimant_fk FOREIGN KEY (claimant_entity_id) REFERENCES entity (id)
);
CREATE INDEX claim_claimant_idx ON claim (claimant_entity_id);
CREATE INDEX claim_article_idx ON claim (article_id);

CREATE TABLE date_mention (
    article_id    uuid     NOT NULL,
    start_offset  integer  NOT NULL,
    end_offset    integer  NOT NULL,
    surface       text     NOT NULL,
    resolved      date,              -- NULL: could not be resolved (no publication date)
    granularity   text     NOT NULL, -- DAY, WEEK, MONTH or YEAR
    CONSTRAINT date_mention_pk PRIMARY KEY (article_id, start_offset),
    CONSTRAINT date_mention_analysis_fk FOREIGN KEY (article_id) REFERENCES article_analysis (article_id) ON DELETE CASCADE
);
