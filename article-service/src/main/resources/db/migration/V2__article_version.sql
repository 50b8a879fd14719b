-- Provenance: every version of every article, immutable once written.
CREATE TABLE article_version (
    article_id          uuid         NOT NULL,
    version             integer      NOT NULL,
    change_kind         text         NOT NULL, -- CREATED, UPDATED or DELETED
    content_hash        text         NOT NULL,
    title               text         NOT NULL,
    author              text,
    source              text,
    dateline            text,
    url                 text,
    language            text,
    published_at        timestamptz,
    body                text         NOT NULL,
    captions            jsonb        NOT NULL DEFAULT '[]',
    footers             jsonb        NOT NULL DEFAULT '[]',
    original_text       text         NOT NULL,
    original_media_type text         NOT NULL,
    created_at          timestamptz  NOT NULL,
    CONSTRAINT article_version_pk PRIMARY KEY (article_id, version),
    CONSTRAINT article_version_article_fk FOREIGN KEY (article_id) REFERENCES article (id),
    CONSTRAINT article_version_kind_ck CHECK (change_kind IN ('CREATED', 'UPDATED', 'DELETED'))
);
