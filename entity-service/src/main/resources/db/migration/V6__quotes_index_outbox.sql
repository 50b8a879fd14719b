-- Issue 13 §2: the OpenSearch `quotes` index is a projection of the quote table, fed from this outbox. A row is written
-- in the same transaction that stores (or deletes) an article's analysis, so a crash or an unreachable OpenSearch
-- loses nothing. The indexer projects the article's current analysis (not the row's content) and deletes the rows it
-- has projected; rows committed out of seq order are still found, because nothing skips over a seq.
CREATE TABLE quotes_index_outbox (
    seq         bigint       GENERATED ALWAYS AS IDENTITY,
    article_id  uuid         NOT NULL,
    version     integer      NOT NULL, -- article version analysed, or of the delete; bounds what a delete removes
    created_at  timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT quotes_index_outbox_pk PRIMARY KEY (seq)
);
COMMENT ON TABLE quotes_index_outbox IS 'Articles whose quotes changed and are not yet projected into the quotes index';
